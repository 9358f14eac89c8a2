"""The "information updated on" date of a training page follows every change of what the
page publishes, whichever field staff edit in the back-office."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import MarketFactory
from tests.members.factories import OrganisationFactory
from tests.trainings.factories import CertifyingTrainingFactory
from tests.trainings.test_publication_gate import admin_post_data
from trainings.models import Training

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.make_aware(datetime(2024, 3, 5, 10, 0))

CHANGES = {
    **{
        f"{name}_{language}": f"Nouveau texte ({name}, {language})"
        for name in Training.TRANSLATED_FIELDS
        for language in ("fr", "en")
    },
    "theme": Training.Theme.SAFETY,
    "format": Training.Format.BLENDED,
    "duration_hours": "12",
    "duration_days": "3",
    "access_delay_days": "5",
    "entry_level": Training.EntryLevel.LEVEL_4,
    "price_member": "700",
    "price_non_member": "1100",
    "disability_referent_name": "Autre Référent",
    "disability_referent_email": "autre@cluster.example",
    "disability_referent_phone": "03 81 00 00 01",
    "contact_name": "Autre Contact",
    "contact_email": "autre-contact@cluster.example",
    "contact_phone": "03 81 00 00 02",
    "certification_code": "RNCP35123",
    "certifying_body": "Autre certificateur",
    "public_codes": ["82044", "80006"],
}


@pytest.fixture
def training():
    training = CertifyingTrainingFactory()
    Training.objects.filter(pk=training.pk).update(updated_at=LONG_AGO)
    training.refresh_from_db()
    return training


def edit(staff_client, training, **changes):
    url = reverse("admin:trainings_training_change", args=[training.pk])
    response = staff_client.post(url, admin_post_data(training, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    training.refresh_from_db()
    return training


def shown_date(client, training) -> str:
    return client.get(training.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("field", "value"), CHANGES.items(), ids=list(CHANGES))
def test_changing_a_public_field_moves_the_date(client, staff_client, training, field, value):
    assert date_format(LONG_AGO.date(), "DATE_FORMAT") in shown_date(client, training)
    before = timezone.now()
    edit(staff_client, training, **{field: value})
    assert training.updated_at >= before
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert f"Informations mises à jour le {today}" in shown_date(client, training)


def test_changing_the_markets_or_the_trainer_moves_the_date(staff_client, training):
    edit(staff_client, training, markets=[MarketFactory().pk])
    assert training.updated_at > LONG_AGO
    Training.objects.filter(pk=training.pk).update(updated_at=LONG_AGO)
    training.refresh_from_db()
    edit(staff_client, training, trainer=OrganisationFactory().pk)
    assert training.updated_at > LONG_AGO


def test_the_history_keeps_what_the_page_said_before(staff_client, training):
    edit(staff_client, training, price_member="650")
    previous = training.history.order_by("-history_date")[1]
    assert previous.price_member == Decimal("800")
    assert training.price_member == Decimal("650")


def test_publication_actions_record_the_change(staff_client, training):
    changelist = reverse("admin:trainings_training_changelist")
    staff_client.post(changelist, {"action": "unpublish", "_selected_action": [training.pk]})
    training.refresh_from_db()
    assert training.status == Training.Status.DRAFT
    assert training.updated_at > LONG_AGO
    assert training.history.first().status == Training.Status.DRAFT
    Training.objects.filter(pk=training.pk).update(updated_at=LONG_AGO)
    staff_client.post(changelist, {"action": "publish", "_selected_action": [training.pk]})
    training.refresh_from_db()
    assert training.status == Training.Status.PUBLISHED
    assert training.updated_at > LONG_AGO
