"""The public archive of sent issues, in both languages, its RSS feed, and query budgets
that hold at two sizes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import Membership
from newsletter.models import Follow, Issue, IssueBlock
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory, OrganisationFactory
from tests.newsletter.factories import (
    IssueBlockFactory,
    IssueFactory,
    SubscriberFactory,
    sent_issue,
)

pytestmark = pytest.mark.django_db

BUDGET = 12


def test_only_sent_public_issues(client):
    shown = sent_issue(subject="Lettre envoyée")
    IssueFactory(subject="Brouillon secret")
    sent_issue(subject="Lettre interne", is_public=False)
    html = client.get(reverse("newsletter:issue-list")).content.decode()
    assert "Lettre envoyée" in html
    assert "Brouillon secret" not in html and "Lettre interne" not in html
    assert client.get(shown.get_absolute_url()).status_code == 200
    for issue in Issue.objects.exclude(pk=shown.pk):
        assert client.get(issue.get_absolute_url()).status_code == 404


def test_issue_in_both_languages_without_members_only_blocks(client):
    issue = sent_issue(subject="Lettre de mars", subject_en="March newsletter")
    IssueBlockFactory(
        issue=issue,
        kind=IssueBlock.Kind.PARTNER_SEARCH,
        object_id=3,
        title="Recherche réservée",
        members_only=True,
    )
    fr = client.get(issue.get_absolute_url()).content.decode()
    assert "Lettre de mars" in fr and "Bonjour" in fr and "Recherche réservée" not in fr
    en = client.get("/en" + issue.get_absolute_url()).content.decode()
    assert "March newsletter" in en and "Hello" in en


def test_search(client):
    sent_issue(subject="Spécial hydrogène")
    sent_issue(subject="Spécial batteries")
    html = client.get(reverse("newsletter:issue-list") + "?q=hydrog").content.decode()
    assert "Spécial hydrogène" in html and "Spécial batteries" not in html


def test_rss_feed(client):
    sent_issue(subject="Lettre de mars", subject_en="March newsletter")
    fr = client.get(reverse("newsletter:issue-feed"))
    assert fr["Content-Type"].startswith("application/rss+xml")
    assert "<title>Lettre de mars</title>" in fr.content.decode()
    en = client.get("/en" + reverse("newsletter:issue-feed"))
    assert "<title>March newsletter</title>" in en.content.decode()


def make_issues(count: int) -> Issue:
    issues = Issue.objects.bulk_create(
        [
            Issue(
                subject=f"Lettre {n}",
                subject_fr=f"Lettre {n}",
                status=Issue.Status.SENT,
                sent_at=timezone.now(),
                is_public=True,
            )
            for n in range(count)
        ]
    )
    IssueBlock.objects.bulk_create(
        [
            IssueBlock(issue=issues[0], order=n, title_fr=f"Bloc {n}", body_fr="Texte")
            for n in range(min(count, 40))
        ]
    )
    return issues[0]


@pytest.mark.parametrize("count", [3, 300])
def test_query_budgets(client, django_assert_max_num_queries, count):
    issue = make_issues(count)
    for url in (
        reverse("newsletter:issue-list"),
        issue.get_absolute_url(),
        reverse("newsletter:issue-feed"),
        reverse("newsletter:subscribe"),
    ):
        with django_assert_max_num_queries(BUDGET):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 300])
def test_query_budgets_of_personal_pages(client, django_assert_max_num_queries, count):
    member = MembershipFactory(role=Membership.Role.COLLEAGUE).user
    subscriber = SubscriberFactory(user=member, email=member.email)
    market = MarketFactory(theme="electric")
    organisations = OrganisationFactory.create_batch(min(count, 30))
    Follow.objects.bulk_create(
        [Follow(user=member, kind="organisation", organisation=o) for o in organisations]
    )
    Follow.objects.create(user=member, kind="market", market=market)
    client.force_login(member)
    for url in (
        reverse("newsletter:my-alerts"),
        subscriber.get_absolute_url(),
        reverse("newsletter:unsubscribe", args=[subscriber.token]),
    ):
        with django_assert_max_num_queries(BUDGET):
            assert client.get(url).status_code == 200
