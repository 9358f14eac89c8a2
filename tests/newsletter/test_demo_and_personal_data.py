"""The demo (subscribers, two sent issues in the archive, a draft; idempotent) and this
app's part of "Download my data" and account deletion."""

import pytest
from django.urls import reverse

from accounts import demo as accounts_demo
from content import demo as content_demo
from events import demo as events_demo
from members import demo as members_demo
from newsletter import demo as newsletter_demo
from newsletter import personal_data
from newsletter.models import Follow, Issue, Subscriber
from projects import demo as projects_demo
from tests.factories import MarketFactory, UserFactory
from tests.newsletter.factories import SubscriberFactory
from trainings import demo as trainings_demo

pytestmark = pytest.mark.django_db


def load():
    for module in (
        accounts_demo,
        content_demo,
        members_demo,
        projects_demo,
        trainings_demo,
        events_demo,
        newsletter_demo,
    ):
        module.load(scale=0, log=lambda message: None)


def test_demo_has_subscribers_two_sent_issues_and_a_draft(client):
    load()
    assert Subscriber.objects.confirmed().count() >= 5
    assert Subscriber.objects.filter(status=Subscriber.Status.PENDING).exists()
    archive = Issue.objects.in_archive()
    assert archive.count() == 2
    assert all(issue.blocks.count() >= 3 for issue in archive)
    assert Issue.objects.filter(status=Issue.Status.DRAFT).count() == 1
    counts = (Subscriber.objects.count(), Issue.objects.count(), Follow.objects.count())
    load()
    assert (Subscriber.objects.count(), Issue.objects.count(), Follow.objects.count()) == counts
    assert client.get(reverse("newsletter:issue-list")).status_code == 200
    assert client.get(archive.first().get_absolute_url()).status_code == 200


def test_export_and_erase():
    user = UserFactory()
    SubscriberFactory(email=user.email, user=user)
    Follow.objects.create(user=user, kind="market", market=MarketFactory(theme="electric"))
    data = personal_data.export_newsletter(user)
    assert data["subscriptions"][0]["email"] == user.email
    assert data["follows"][0]["kind"] == "market"
    assert personal_data.describe_newsletter(user)
    personal_data.erase_newsletter(user)
    assert not Subscriber.objects.exists()
