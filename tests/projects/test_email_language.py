"""Each person reads the project emails in their own language, links included: the
labelling decision to the coordinator, the interest relay to the poster."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from members.models import Membership
from projects.models import Project
from tests.factories import UserFactory
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.projects.factories import PartnerSearchFactory, ProjectFactory, colleague_of

pytestmark = pytest.mark.django_db


def admin_speaking(organisation, language):
    user = UserFactory(language=language)
    MembershipFactory(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    return user


def test_the_labelling_decision_reaches_each_coordinator_admin_in_their_language(
    staff_client, django_capture_on_commit_callbacks
):
    coordinator = OrganisationFactory()
    english = admin_speaking(coordinator, "en")
    french = admin_speaking(coordinator, "fr")
    project = ProjectFactory(
        acronym="BILINGUAL",
        status=Project.Status.SUBMITTED,
        labelled_on=None,
        coordinator=coordinator,
        slug="bilingual",
    )
    day = datetime.date(2026, 3, 2)

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            reverse("admin:projects_project_status", args=[project.pk]),
            {"status": "labelled", "changed_on": day.isoformat(), "note": "Bravo."},
        )

    messages = {message.to[0]: message for message in mail.outbox}
    assert set(messages) == {english.email, french.email}
    in_english, in_french = messages[english.email], messages[french.email]
    assert "Your project BILINGUAL is labelled" in in_english.subject
    assert "2 March 2026" in in_english.body  # core.typography
    assert f"{settings.SITE_URL}/en/projects/bilingual/" in in_english.body
    assert "Votre projet BILINGUAL est labellisé" in in_french.subject
    assert "2 mars 2026" in in_french.body
    assert f"{settings.SITE_URL}/projects/bilingual/" in in_french.body
    assert "/en/" not in in_french.body


def test_the_interest_relay_speaks_the_posters_language(client, django_capture_on_commit_callbacks):
    author = UserFactory(language="en")
    poster = OrganisationFactory()
    MembershipFactory(organisation=poster, user=author)
    search = PartnerSearchFactory(organisation=poster, author=author)
    answering = OrganisationFactory(name="Interested Lab", slug="interested-lab")
    client.force_login(colleague_of(answering))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("projects:partnersearch-interest", args=[search.pk]),
            {"organisation": answering.pk},
        )

    (message,) = mail.outbox
    assert "Interested Lab is interested in your partner search" in message.subject
    assert f"{settings.SITE_URL}/en/members/interested-lab/" in message.body
    assert f"/en/projects/partner-searches/{search.pk}/" in message.body
