"""A training goes online only with every mandatory field filled (Qualiopi indicator 1)."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import MarketFactory
from tests.trainings.factories import CertifyingTrainingFactory, SessionFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db


def admin_post_data(training, **changes):
    """The admin change form's data for ``training``, with ``changes`` applied."""
    data = {
        "slug": training.slug,
        "theme": training.theme,
        "markets": [m.pk for m in training.markets.all()],
        "format": training.format,
        "access_delay_days": training.access_delay_days,
        "entry_level": training.entry_level,
        "public_codes": training.public_codes,
        "status": training.status,
        "published_at_0": training.published_at.strftime("%Y-%m-%d"),
        "published_at_1": training.published_at.strftime("%H:%M:%S"),
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    for name in Training.TRANSLATED_FIELDS:
        data[f"{name}_fr"] = getattr(training, f"{name}_fr") or ""
        data[f"{name}_en"] = getattr(training, f"{name}_en") or ""
    for name in (
        "duration_hours",
        "duration_days",
        "price_member",
        "price_non_member",
        "disability_referent_name",
        "disability_referent_email",
        "disability_referent_phone",
        "contact_name",
        "contact_email",
        "contact_phone",
        "certification_code",
        "certifying_body",
        "nsf_codes",
        "formacodes",
    ):
        value = getattr(training, name)
        data[name] = "" if value is None else value
    for name in ("on_quotation", "fundable", "is_certifying"):
        if getattr(training, name):
            data[name] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_complete_training_has_no_problem():
    assert TrainingFactory().publication_problems() == []


def test_every_missing_field_is_listed():
    training = TrainingFactory(
        status=Training.Status.DRAFT,
        objectives="",
        disability_referent_name="",
        price_member=None,
        duration_days=None,
        markets=[],
    )
    problems = training.publication_problems()
    assert "objectifs" in problems
    assert "référent handicap" in problems
    assert "prix adhérent (HT)" in problems
    assert "durée en jours" in problems
    assert "au moins un marché" in problems


def test_on_quotation_needs_no_price_and_certifying_needs_its_certification():
    training = TrainingFactory(on_quotation=True, price_member=None, price_non_member=None)
    assert training.publication_problems() == []
    certifying = CertifyingTrainingFactory(certification_code="", skill_blocks="")
    assert certifying.publication_problems() == ["code RNCP ou RS", "blocs de compétences"]


def test_admin_refuses_to_publish_an_incomplete_training(staff_client):
    training = TrainingFactory(status=Training.Status.DRAFT, disability_access="")
    url = reverse("admin:trainings_training_change", args=[training.pk])
    response = staff_client.post(url, admin_post_data(training, status="published"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cette formation ne peut pas encore être publiée" in html
    assert "accessibilité aux personnes handicapées" in html
    training.refresh_from_db()
    assert training.status == Training.Status.DRAFT


def test_admin_publishes_a_complete_training(staff_client):
    training = TrainingFactory(status=Training.Status.DRAFT)
    url = reverse("admin:trainings_training_change", args=[training.pk])
    response = staff_client.post(url, admin_post_data(training, status="published"))
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.status == Training.Status.PUBLISHED


def test_admin_form_checks_the_markets_being_saved(staff_client):
    training = TrainingFactory(status=Training.Status.DRAFT)
    url = reverse("admin:trainings_training_change", args=[training.pk])
    data = admin_post_data(training, status="published")
    del data["markets"]
    response = staff_client.post(url, data)
    assert "au moins un marché" in response.content.decode()
    assert Training.objects.get(pk=training.pk).status == Training.Status.DRAFT


def test_admin_change_page_lists_what_is_missing(staff_client):
    training = TrainingFactory(status=Training.Status.DRAFT, contact_email="")
    html = staff_client.get(
        reverse("admin:trainings_training_change", args=[training.pk])
    ).content.decode()
    assert "Manque avant publication" in html
    assert "e-mail du contact" in html


def test_publish_action_publishes_only_complete_trainings(staff_client):
    complete = TrainingFactory(status=Training.Status.DRAFT)
    incomplete = TrainingFactory(status=Training.Status.DRAFT, programme="")
    response = staff_client.post(
        reverse("admin:trainings_training_changelist"),
        {"action": "publish", "_selected_action": [complete.pk, incomplete.pk]},
        follow=True,
    )
    complete.refresh_from_db()
    incomplete.refresh_from_db()
    assert complete.status == Training.Status.PUBLISHED
    assert incomplete.status == Training.Status.DRAFT
    assert "programme" in response.content.decode()


def test_draft_is_hidden_from_visitors_and_previewed_by_staff(client, staff):
    training = TrainingFactory(status=Training.Status.DRAFT)
    assert client.get(training.get_absolute_url()).status_code == 404
    client.force_login(staff)
    response = client.get(training.get_absolute_url())
    assert response.status_code == 200
    assert "Non publié" in response.content.decode()


def test_public_page_shows_the_update_date(client):
    training = TrainingFactory()
    html = client.get(training.get_absolute_url()).content.decode()
    assert "Informations mises à jour le" in html


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"price_member": "-5"}, "price_member"),
        ({"price_non_member": "-1"}, "price_non_member"),
        ({"price_member": "1200", "price_non_member": "1000"}, "price_member"),
        ({"certification_code": "ABC123"}, "certification_code"),
    ],
)
def test_bad_prices_and_codes_are_field_errors(staff_client, changes, field):
    training = TrainingFactory()
    url = reverse("admin:trainings_training_change", args=[training.pk])
    response = staff_client.post(url, admin_post_data(training, **changes))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    training.refresh_from_db()
    assert training.price_member == 800


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_date": "2030-01-01", "start_date": "2030-01-05"}, "end_date"),
        ({"seats": "-3"}, "seats"),
        ({"registration_deadline": "2030-02-01"}, "registration_deadline"),
    ],
)
def test_bad_session_input_is_a_field_error(staff_client, changes, field):
    session = SessionFactory(start_date=date(2030, 1, 10))
    data = {
        "training": session.training.pk,
        "status": session.status,
        "seats": "10",
        "start_date": "2030-01-10",
        "end_date": "2030-01-11",
        "start_time": "09:00",
        "end_time": "17:00",
        "venue": "",
        "address": "1 rue X",
        "postcode": "25460",
        "city": "Étupes",
        "enrolments-TOTAL_FORMS": "0",
        "enrolments-INITIAL_FORMS": "0",
        "enrolments-MIN_NUM_FORMS": "0",
        "enrolments-MAX_NUM_FORMS": "1000",
        **changes,
    }
    response = staff_client.post(reverse("admin:trainings_session_change", args=[session.pk]), data)
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    session.refresh_from_db()
    assert session.seats == 10


def test_seats_cannot_drop_below_the_people_holding_one(staff_client):
    from tests.trainings.factories import EnrolmentFactory

    session = SessionFactory(start_date=date(2030, 1, 10), seats=5)
    EnrolmentFactory.create_batch(3, session=session, status="confirmed")
    data = {
        "training": session.training.pk,
        "status": session.status,
        "seats": "2",
        "start_date": "2030-01-10",
        "end_date": "2030-01-11",
        "start_time": "09:00",
        "end_time": "17:00",
        "address": session.address,
        "postcode": session.postcode,
        "city": session.city,
        "enrolments-TOTAL_FORMS": "3",
        "enrolments-INITIAL_FORMS": "3",
        "enrolments-MIN_NUM_FORMS": "0",
        "enrolments-MAX_NUM_FORMS": "1000",
    }
    for index, enrolment in enumerate(session.enrolments.all()):
        data[f"enrolments-{index}-id"] = enrolment.pk
        data[f"enrolments-{index}-session"] = session.pk
    response = staff_client.post(reverse("admin:trainings_session_change", args=[session.pk]), data)
    assert "3 personnes ont déjà une place" in response.content.decode()
    session.refresh_from_db()
    assert session.seats == 5


def test_a_new_market_choice_is_checked_too():
    training = TrainingFactory(markets=[])
    assert "au moins un marché" in training.publication_problems()
    assert training.publication_problems(markets=[MarketFactory()]) == []


@pytest.mark.parametrize(
    "changes",
    [{"programme_fr": ""}, {"is_certifying": "on"}, {"price_non_member": ""}],
    ids=["emptied", "becomes-certifying", "price-removed"],
)
def test_a_published_training_cannot_be_edited_into_an_incomplete_one(staff_client, changes):
    training = TrainingFactory()
    url = reverse("admin:trainings_training_change", args=[training.pk])
    response = staff_client.post(url, admin_post_data(training, **changes))
    assert response.status_code == 200
    assert "Cette formation ne peut pas encore être publiée" in response.content.decode()
    training.refresh_from_db()
    assert training.programme and not training.is_certifying and training.price_non_member
    assert training.is_live
