"""The back-office of the newsletter: staff only; suggestions, previews in both languages,
a test send to oneself, the recipient count before sending, then sending."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.models import Membership
from newsletter.models import Issue, IssueBlock
from tests.factories import ArticleFactory, UserFactory
from tests.members.factories import MembershipFactory
from tests.newsletter.factories import IssueFactory, SubscriberFactory
from tests.projects.factories import PartnerSearchFactory

pytestmark = pytest.mark.django_db


def admin_urls(issue):
    return [
        reverse("admin:newsletter_issue_suggest", args=[issue.pk]),
        reverse("admin:newsletter_issue_preview", args=[issue.pk, "fr", "members"]),
        reverse("admin:newsletter_issue_test", args=[issue.pk]),
        reverse("admin:newsletter_issue_send", args=[issue.pk]),
    ]


@pytest.mark.parametrize("who", ["anonymous", "member", "plain user"])
def test_not_staff_cannot_reach_the_back_office(client, who):
    issue = IssueFactory()
    if who == "member":
        client.force_login(MembershipFactory(role=Membership.Role.ADMIN).user)
    elif who == "plain user":
        client.force_login(UserFactory())
    for url in admin_urls(issue):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT and mail.outbox == []


def test_previews_in_both_languages(staff_client):
    issue = IssueFactory()
    fr = staff_client.get(
        reverse("admin:newsletter_issue_preview", args=[issue.pk, "fr", "members"])
    )
    en = staff_client.get(
        reverse("admin:newsletter_issue_preview", args=[issue.pk, "en", "public"])
    )
    assert "Bonjour" in fr.content.decode() and 'lang="fr"' in fr.content.decode()
    assert "Hello" in en.content.decode() and 'lang="en"' in en.content.decode()
    assert (
        staff_client.get(
            reverse("admin:newsletter_issue_preview", args=[issue.pk, "de", "members"])
        ).status_code
        == 404
    )


def test_test_send_goes_to_oneself_in_both_languages(staff_client, staff, mail_on_commit):
    SubscriberFactory()
    issue = IssueFactory()
    with mail_on_commit():
        response = staff_client.post(reverse("admin:newsletter_issue_test", args=[issue.pk]))
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[staff.email], [staff.email]]
    assert sorted("[TEST FR]" in m.subject or "[TEST EN]" in m.subject for m in mail.outbox) == [
        True,
        True,
    ]
    assert {"Bonjour" in m.body for m in mail.outbox} == {True, False}
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT and not issue.deliveries.exists()


def test_suggestions_since_the_last_issue_become_blocks(staff_client):
    article = ArticleFactory(
        title="Nouvelle du mois",
        title_en="News of the month",
        published_at=timezone.now() - timezone.timedelta(days=2),
    )
    search = PartnerSearchFactory(title="Recherche ouverte")
    issue = IssueFactory(blocks=False)
    url = reverse("admin:newsletter_issue_suggest", args=[issue.pk])
    html = staff_client.get(url).content.decode()
    assert "Nouvelle du mois" in html and "Recherche ouverte" in html
    staff_client.post(url, {"item": [f"article:{article.pk}", f"partnersearch:{search.pk}"]})
    blocks = list(issue.blocks.all())
    assert [b.kind for b in blocks] == [IssueBlock.Kind.ARTICLE, IssueBlock.Kind.PARTNER_SEARCH]
    assert blocks[0].title_en == "News of the month" and blocks[0].link_en.startswith("/en/")
    assert blocks[1].members_only
    # Already in the issue: no longer suggested.
    assert "Nouvelle du mois" not in staff_client.get(url).content.decode()


def test_send_page_shows_the_count_then_sends(staff_client, mail_on_commit):
    SubscriberFactory.create_batch(3)
    issue = IssueFactory()
    url = reverse("admin:newsletter_issue_send", args=[issue.pk])
    html = staff_client.get(url).content.decode()
    assert "<strong>3</strong>" in html
    with mail_on_commit():
        response = staff_client.post(url, {"when": ""})
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and len(mail.outbox) == 3


def test_schedule_in_the_past_is_refused(staff_client):
    issue = IssueFactory()
    response = staff_client.post(
        reverse("admin:newsletter_issue_send", args=[issue.pk]), {"when": "2001-01-01T10:00"}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_admin_lists_load(staff_client):
    IssueFactory()
    SubscriberFactory()
    for name in (
        "issue",
        "subscriber",
        "consent",
        "delivery",
        "follow",
        "alertsettings",
        "sentalertitem",
        "issueblock",
    ):
        assert staff_client.get(reverse(f"admin:newsletter_{name}_changelist")).status_code == 200


def test_staff_write_an_issue_with_a_text_block(staff_client, staff):
    data = {
        "subject_fr": "Lettre d'avril",
        "subject_en": "April newsletter",
        "preheader_fr": "",
        "preheader_en": "",
        "is_public": "on",
        "audience": "all",
        "region": "",
        "blocks-TOTAL_FORMS": "1",
        "blocks-INITIAL_FORMS": "0",
        "blocks-MIN_NUM_FORMS": "0",
        "blocks-MAX_NUM_FORMS": "1000",
        "blocks-0-order": "10",
        "blocks-0-title_fr": "Édito",
        "blocks-0-title_en": "Editorial",
        "blocks-0-body_fr": "Bonjour",
        "blocks-0-body_en": "Hello",
        "blocks-0-link_fr": "",
        "blocks-0-link_en": "",
    }
    response = staff_client.post(reverse("admin:newsletter_issue_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    issue = Issue.objects.get()
    assert issue.created_by == staff
    block = issue.blocks.get()
    assert (block.kind, block.title_en) == (IssueBlock.Kind.TEXT, "Editorial")
