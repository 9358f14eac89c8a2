"""The back-office: CSV import with preview and row errors, export, bulk actions, the feed of
recent changes with revert."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from members.models import Organisation
from tests.members.factories import CompetencyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

HEADER = "name,kind,siret,postcode,city,website,pitch,markets,competencies\n"


def upload(text):
    return SimpleUploadedFile("members.csv", text.encode(), content_type="text/csv")


def preview(staff_client, text):
    return staff_client.post(
        reverse("admin:members_organisation_import"),
        {"import_file": upload(text), "format": "0"},
    )


def test_the_import_shows_row_errors_and_saves_nothing(staff_client, markets):
    text = (
        HEADER
        + 'Bonne Ligne,company,73282932000074,25000,Besançon,https://www.bonne.example,"Pitch",electric,\n'  # noqa: E501
        + "Mauvaise Ligne,company,73282932000075,99999,Nulle Part,pas-un-site,Pitch,electric,\n"
    )
    response = preview(staff_client, text)
    assert response.status_code == 200
    result = response.context["result"]
    assert result.has_validation_errors()
    invalid = result.invalid_rows
    assert len(invalid) == 1
    assert {"siret", "postcode", "website"} <= set(invalid[0].field_specific_errors)
    assert not Organisation.objects.exists()
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None


def test_a_valid_import_is_previewed_then_saved(staff_client, markets):
    CompetencyFactory(slug="robotique", name="Robotique")
    text = (
        HEADER
        + 'Atelier Import,company,73282932000074,67000,Strasbourg,https://www.atelier.example,"Robots, cobots",electric,robotique\n'  # noqa: E501
        + "Labo Import,lab,,21000,Dijon,,Recherche,,\n"
    )
    response = preview(staff_client, text)
    assert not response.context["result"].has_validation_errors()
    assert not Organisation.objects.exists()
    confirm = response.context["confirm_form"]
    response = staff_client.post(
        reverse("admin:members_organisation_process_import"), confirm.initial
    )
    assert response.status_code == 302
    atelier = Organisation.objects.get(name="Atelier Import")
    assert atelier.slug == "atelier-import"
    assert (atelier.department, atelier.region) == ("67", "grand-est")
    assert list(atelier.markets.values_list("slug", flat=True)) == ["electric"]
    assert "robotique" in atelier.search_text
    assert atelier.is_listed
    assert Organisation.objects.get(name="Labo Import").kind == "lab"


def test_the_export_is_a_csv_of_the_organisations(staff_client, organisation):
    response = staff_client.post(
        reverse("admin:members_organisation_export"),
        {
            "format": "0",
            "resource": "0",
            **{f"organisationresource_{f}": "on" for f in ("name", "slug")},
        },  # noqa: E501
    )
    assert response.status_code == 200
    assert organisation.name in response.content.decode()


def test_bulk_actions_mark_lapsed_and_hide(staff_client):
    first, second = OrganisationFactory(), OrganisationFactory()
    changelist = reverse("admin:members_organisation_changelist")
    staff_client.post(
        changelist, {"action": "mark_lapsed", "_selected_action": [first.pk, second.pk]}
    )
    assert set(Organisation.objects.values_list("membership_status", flat=True)) == {"lapsed"}
    staff_client.post(changelist, {"action": "hide", "_selected_action": [first.pk]})
    first.refresh_from_db()
    assert not first.is_public
    assert first.history.first().history_user is not None


def test_the_changelist_filters_and_searches(staff_client, django_assert_max_num_queries):
    OrganisationFactory(name="Cherchée", postcode="67000")
    OrganisationFactory(name="Autre", postcode="25000")
    changelist = reverse("admin:members_organisation_changelist")
    with django_assert_max_num_queries(20):
        response = staff_client.get(changelist, {"region__exact": "grand-est", "q": "Cherch"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list.values_list("name", flat=True)) == ["Cherchée"]
    response = staff_client.get(changelist, {"listed": "no"})
    assert response.status_code == 200


def test_the_feed_of_recent_changes_shows_the_difference_and_links_to_revert(
    staff_client, organisation, owner, markets
):
    client = Client()
    client.force_login(owner)
    client.post(
        reverse("members:organisation-edit", args=[organisation.slug]),
        {
            "name": organisation.name,
            "kind": organisation.kind,
            "size_band": organisation.size_band,
            "siret": "73282932000074",
            "website": organisation.website,
            "postcode": organisation.postcode,
            "city": organisation.city,
            "country": "FR",
            "pitch_fr": "Pitch après",
            "markets": [markets["hydrogen"].pk],
        },
    )
    feed = staff_client.get(reverse("admin:members_organisation_recent_changes"))
    assert feed.status_code == 200
    entry = feed.context["entries"][0]
    changes = {change["name"]: change for change in entry["changes"]}
    assert changes["pitch_fr"]["new"] == "Pitch après"
    assert markets["hydrogen"].name in changes["markets"]["new"]
    assert entry["record"].history_user == owner
    latest = organisation.history.first()
    revert = reverse(
        "admin:members_organisation_simple_history", args=[organisation.pk, latest.history_id]
    )
    assert revert in feed.content.decode()
    previous = organisation.history.all()[1]
    page = staff_client.get(
        reverse(
            "admin:members_organisation_simple_history",
            args=[organisation.pk, previous.history_id],
        )
    )
    assert page.status_code == 200


def test_the_feed_makes_a_bounded_number_of_queries(staff_client, django_assert_max_num_queries):
    for number in range(30):
        organisation = OrganisationFactory()
        organisation.pitch = f"Changement {number}"
        organisation.save()
    with django_assert_max_num_queries(20):
        assert (
            staff_client.get(reverse("admin:members_organisation_recent_changes")).status_code
            == 200
        )


@pytest.mark.parametrize(
    "model",
    [
        "organisation",
        "membership",
        "competency",
        "certification",
        "membershipsettings",
        "platform",
        "invitation",
        "joinrequest",
        "membershipapplication",
        "contactmessage",
        "consentrecord",
    ],
)
def test_every_back_office_list_opens(staff_client, organisation, owner, model):
    response = staff_client.get(reverse(f"admin:members_{model}_changelist"))
    assert response.status_code == 200


def test_people_who_are_not_staff_cannot_open_the_feed(client, owner):
    client.force_login(owner)
    response = client.get(reverse("admin:members_organisation_recent_changes"))
    assert response.status_code == 302


def test_staff_revert_a_profile_to_an_earlier_version(staff_client, organisation, owner, markets):
    editor = Client()
    editor.force_login(owner)
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "size_band": organisation.size_band,
        "siret": "73282932000074",
        "website": organisation.website,
        "postcode": organisation.postcode,
        "city": organisation.city,
        "country": "FR",
        "pitch_fr": "Un pitch abîmé",
    }
    editor.post(reverse("members:organisation-edit", args=[organisation.slug]), data)
    organisation.refresh_from_db()
    assert organisation.pitch == "Un pitch abîmé"
    original = organisation.history.order_by("history_date").first()
    url = reverse(
        "admin:members_organisation_simple_history", args=[organisation.pk, original.history_id]
    )
    page = staff_client.get(url)
    form = page.context["adminform"].form
    post = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or name == "logo":
            continue
        if isinstance(value, list | tuple) or hasattr(value, "all"):
            post[name] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, bool):
            if value:
                post[name] = "on"
        else:
            post[name] = value
    for formset in page.context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        prefix = formset.formset.prefix
        post[f"{prefix}-TOTAL_FORMS"] = "0"
        post[f"{prefix}-INITIAL_FORMS"] = "0"
        post[f"{prefix}-MIN_NUM_FORMS"] = management["MIN_NUM_FORMS"].value()
        post[f"{prefix}-MAX_NUM_FORMS"] = management["MAX_NUM_FORMS"].value()
    response = staff_client.post(url, post)
    assert response.status_code == 302, response.context["adminform"].form.errors
    organisation.refresh_from_db()
    assert organisation.pitch == original.pitch_fr
    assert organisation.history.first().history_user.is_staff


@pytest.mark.parametrize(
    ("model", "resource", "expected"),
    [
        ("membership", "membershipresource", "owner-email"),
        ("platform", "platformresource", "Banc exporté"),
        ("membershipapplication", "membershipapplicationresource", "candidate-email"),
        ("invitation", "invitationresource", "invited@example.org"),
    ],
)
def test_the_other_back_office_lists_export_to_csv(
    staff_client, organisation, owner, model, resource, expected
):
    from tests.members.factories import ApplicationFactory, PlatformFactory, invitation_for

    PlatformFactory(organisation=organisation, name="Banc exporté")
    application = ApplicationFactory()
    invitation_for(organisation, email="invited@example.org")
    expected = {"owner-email": owner.email, "candidate-email": application.contact_email}.get(
        expected, expected
    )
    url = reverse(f"admin:members_{model}_export")
    form = staff_client.get(url).context["form"]
    selected = {name: "on" for name in form.fields if name.startswith(f"{resource}_")}
    response = staff_client.post(url, {"format": "0", "resource": "0", **selected})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert expected in response.content.decode()
