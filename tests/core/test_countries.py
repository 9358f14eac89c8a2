"""Countries chosen by name with suggestions everywhere, stored as ISO codes."""

import pytest
from django import forms
from django.contrib import admin
from django.forms.models import model_to_dict

from billing.models import Seller
from core.countries import CountryField, country_code
from members.forms import ApplicationForm, OrganisationForm
from members.models import Organisation
from networks.models import Partner
from projects.forms import ExternalPartnerForm
from projects.models import ExternalPartner
from tests.members.factories import OrganisationFactory


class CountryForm(forms.Form):
    country = CountryField()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Germany", "DE"),
        ("allemagne", "DE"),
        (" Etats-Unis ", "US"),
        ("de", "DE"),
        ("Royaume-Uni", "GB"),
        ("Atlantide", None),
        ("", None),
    ],
)
def test_a_typed_name_or_code_maps_to_its_code(typed, code):
    assert country_code(typed) == code


def test_the_field_saves_the_code_and_refuses_an_unknown_country(in_english):
    form = CountryForm({"country": "Suisse"})
    assert form.is_valid() and form.cleaned_data["country"] == "CH"
    form = CountryForm({"country": "Atlantis"})
    assert not form.is_valid()
    assert "“Atlantis” is not a country of the list" in form.errors["country"][0]


def test_the_widget_is_a_combobox_with_the_names(in_english):
    html = str(CountryForm(initial={"country": "IT"})["country"])
    assert 'list="id_country-countries"' in html and 'value="Italy"' in html
    assert '<datalist id="id_country-countries">' in html
    assert '<option value="Germany"></option>' in html


@pytest.mark.django_db
def test_the_profile_form_saves_a_typed_name_as_its_code(in_english):
    organisation = OrganisationFactory(postcode="", siret="", country="FR")
    data = {
        key: value
        for key, value in model_to_dict(organisation).items()
        if value is not None and key not in ("logo",)
    }
    data.update(country="Belgique", city="Liège", pitch_fr="Une organisation fictive.")
    data.update(markets=[], competencies=[], certifications=[])
    form = OrganisationForm(data, instance=organisation)
    assert form.is_valid(), form.errors
    form.save()
    organisation.refresh_from_db()
    assert organisation.country == "BE"


@pytest.mark.django_db
def test_the_profile_form_says_when_the_country_is_unknown(in_english):
    organisation = OrganisationFactory()
    form = OrganisationForm({"country": "Narnia"}, instance=organisation)
    assert not form.is_valid()
    assert "“Narnia” is not a country of the list" in form.errors["country"][0]


@pytest.mark.django_db
def test_the_application_form_offers_the_names(in_english):
    html = str(ApplicationForm()["country"])
    assert 'value="France"' in html and "<datalist" in html


def test_the_consortium_form_takes_a_name(in_english):
    form = ExternalPartnerForm(
        {"name": "Politecnico Fittizio", "country": "Italie", "kind": "research", "role": "partner"}
    )
    form.is_valid()
    assert form.cleaned_data["country"] == "IT"
    assert ExternalPartner._meta.get_field("country").max_length == 2


@pytest.mark.django_db
def test_the_back_office_forms_use_the_same_field(rf, staff):
    for model in (Organisation, Partner, ExternalPartner, Seller):
        model_admin = admin.site._registry[model]
        request = rf.get("/")
        request.user = staff
        field = model_admin.get_form(request).base_fields["country"]
        assert isinstance(field, CountryField), model


@pytest.mark.django_db
def test_the_seller_country_is_typed_by_name_in_the_back_office(rf, staff, in_english):
    request = rf.get("/")
    request.user = staff
    form_class = admin.site._registry[Seller].get_form(request)
    assert str(form_class.base_fields["country"].label) == "Country"
    seller = Seller()
    data = {**model_to_dict(seller), "country": "Germany"}
    form = form_class(data=data, instance=seller)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["country"] == "DE"
