"""Sending an issue: audience, batches with a throttle, per-recipient deliveries, resuming
an interrupted send without sending anyone the same issue twice, and the message itself
(one-click unsubscribe headers, inlined CSS, a text part, no tracking pixel)."""

from collections import Counter
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from members.models import Membership
from newsletter import sending
from newsletter.models import Delivery, Issue, IssueBlock, Subscriber
from newsletter.tasks import send_issue
from tests.factories import MarketFactory
from tests.members.factories import MembershipFactory
from tests.newsletter.factories import IssueBlockFactory, IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True)


class Crash(BaseException):
    """A process killed in the middle of a batch (not an ordinary, caught error)."""


def start(issue):
    """Schedule the issue now without starting the task (the test drives it)."""
    Issue.objects.filter(pk=issue.pk).update(
        status=Issue.Status.SCHEDULED, scheduled_at=timezone.now()
    )


def test_audience_counts():
    electric, hydrogen = MarketFactory(theme="electric"), MarketFactory(theme="hydrogen")
    member = MembershipFactory(role=Membership.Role.COLLEAGUE).user
    SubscriberFactory(user=member, email=member.email, markets=[electric], region="bfc")
    SubscriberFactory(markets=[hydrogen], region="bfc")
    SubscriberFactory(region="grand-est")
    SubscriberFactory(status=Subscriber.Status.PENDING)
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    everyone = IssueFactory()
    assert everyone.recipients().count() == 3
    members = IssueFactory(audience=Issue.Audience.MEMBERS)
    assert list(members.recipients().values_list("email", flat=True)) == [member.email]
    by_market = IssueFactory(region="bfc")
    by_market.markets.set([hydrogen])
    assert by_market.recipients().count() == 1


def test_send_reaches_confirmed_subscribers_once_with_one_click_headers(settings):
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "unsubscribe@example.org"
    SubscriberFactory.create_batch(3)
    SubscriberFactory(language="en")
    SubscriberFactory(status=Subscriber.Status.PENDING)
    issue = IssueFactory()
    sending.issue_schedule(issue=issue)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.recipient_count == 4
    assert len(mail.outbox) == 4
    assert set(issue.deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}
    message = mail.outbox[0]
    subscriber = Subscriber.objects.get(email=message.to[0])
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://portal.example.org/")
    assert f"/newsletter/unsubscribe/{subscriber.token}/>" in header
    assert "<mailto:unsubscribe@example.org?subject=unsubscribe>" in header
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0][0]
    assert 'style="' in html and "<table" in html
    assert "<img" not in html  # no tracking pixel, no remote image
    assert (
        f"/preferences/{subscriber.token}/" in html
        and f"/preferences/{subscriber.token}/" in message.body
    )
    english = next(m for m in mail.outbox if "Newsletter number" in m.subject)
    assert "Hello" in english.body and "Bonjour" not in english.body


def test_members_only_blocks_reach_members_only():
    member = MembershipFactory(role=Membership.Role.COLLEAGUE).user
    SubscriberFactory(user=member, email=member.email)
    SubscriberFactory(email="visitor@example.org")
    issue = IssueFactory()
    IssueBlockFactory(
        issue=issue,
        kind=IssueBlock.Kind.PARTNER_SEARCH,
        object_id=1,
        title="Recherche secrète",
        members_only=True,
    )
    sending.issue_schedule(issue=issue)
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "Recherche secrète" in by_address[member.email]
    assert "Recherche secrète" not in by_address["visitor@example.org"]


def test_batches_pause_between_them(settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    settings.NEWSLETTER_BATCH_PAUSE = 3
    SubscriberFactory.create_batch(5)
    issue = IssueFactory()
    start(issue)
    with mock.patch("newsletter.sending.time.sleep") as sleep:
        assert send_issue.call(issue.pk) == 5
    assert [c.args for c in sleep.call_args_list] == [(3,), (3,), (3,)]


def test_an_interrupted_send_resumes_without_sending_twice(settings):
    settings.NEWSLETTER_BATCH_SIZE = 3
    SubscriberFactory.create_batch(8)
    issue = IssueFactory()
    start(issue)
    real_send = sending.emails.send_issue
    calls = {"n": 0}

    def crash_after_four(built, subscriber):
        calls["n"] += 1
        if calls["n"] == 5:
            raise Crash
        return real_send(built, subscriber)

    with mock.patch("newsletter.sending.emails.send_issue", side_effect=crash_after_four):
        with pytest.raises(Crash):
            send_issue.call(issue.pk)
    # The first batch (3) left; the batch that crashed was rolled back with its messages.
    assert len(mail.outbox) == 3
    assert issue.deliveries.filter(status=Delivery.Status.SENT).count() == 3
    assert issue.deliveries.filter(status=Delivery.Status.QUEUED).count() == 5
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING
    # A send that still moves is left to its worker (the throttle holds)...
    call_command("send_newsletters", stdout=mock.MagicMock())
    assert len(mail.outbox) == 3
    # ... one stalled for ten minutes is resumed by the scheduler.
    later = timezone.now() + timedelta(minutes=11)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("send_newsletters", stdout=mock.MagicMock())
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.recipient_count == 8
    counts = Counter(address for m in mail.outbox for address in m.to)
    assert len(counts) == 8 and set(counts.values()) == {1}
    # Running it again sends nothing more.
    assert send_issue.call(issue.pk) == 0
    assert len(mail.outbox) == 8


def test_one_delivery_per_issue_and_subscriber():
    issue, subscriber = IssueFactory(), SubscriberFactory()
    Delivery.objects.create(issue=issue, subscriber=subscriber)
    with pytest.raises(IntegrityError):
        Delivery.objects.create(issue=issue, subscriber=subscriber)


def test_a_failing_address_is_marked_failed_and_the_rest_goes_on():
    SubscriberFactory.create_batch(2)
    bad = SubscriberFactory()
    issue = IssueFactory()
    start(issue)
    real_send = sending.emails.send_issue

    def fail_for_bad(built, subscriber):
        if subscriber.pk == bad.pk:
            raise ValueError("mailbox refused")
        return real_send(built, subscriber)

    with mock.patch("newsletter.sending.emails.send_issue", side_effect=fail_for_bad):
        send_issue.call(issue.pk)
    failed = issue.deliveries.get(status=Delivery.Status.FAILED)
    assert failed.subscriber == bad and "refused" in failed.error
    assert len(mail.outbox) == 2


def test_a_scheduled_issue_waits_for_its_time():
    SubscriberFactory()
    issue = IssueFactory()
    sending.issue_schedule(issue=issue, when=timezone.now() + timedelta(hours=2))
    call_command("send_newsletters", stdout=mock.MagicMock())
    assert mail.outbox == []
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("send_newsletters", stdout=mock.MagicMock())
    assert len(mail.outbox) == 1


def test_nobody_unsubscribed_meanwhile_gets_it():
    subscriber = SubscriberFactory()
    issue = IssueFactory()
    start(issue)
    # Deliveries are written when the send starts; the person leaves before their turn.
    sending._start(issue.pk, timezone.now())
    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
    send_issue.call(issue.pk)
    assert mail.outbox == []
    assert issue.deliveries.get().status == Delivery.Status.FAILED


def test_an_issue_without_blocks_cannot_be_sent():
    issue = IssueFactory(blocks=False)
    with pytest.raises(sending.SendingError):
        sending.issue_schedule(issue=issue)
