"""Demo of `manage.py load_demo`: the subscribers, issues and follows of
``newsletter/demo/newsletter.toml``. Subscribers are keyed on their address, issues on
their French subject and blocks on (issue, order): loading twice updates the same rows."""

from django.db import transaction
from django.utils import timezone, translation

from accounts.models import User
from content.models import Article, Market
from core.demo import read, upsert, when
from events.models import Event
from newsletter import composing
from newsletter.models import (
    AlertSettings,
    Consent,
    Delivery,
    Follow,
    Issue,
    IssueBlock,
    Subscriber,
)
from projects.models import Call, FundingProgramme
from trainings.models import Training

ITEMS = {"article": Article, "event": Event, "training": Training, "call": Call}


def _moment(value):
    moment = when(value, today=timezone.localdate())
    if not hasattr(moment, "hour"):
        moment = timezone.make_aware(
            timezone.datetime.combine(moment, timezone.datetime.min.time())
        )
    return moment


def _subscribers(records, markets) -> int:
    for record in records:
        status = record.get("status", Subscriber.Status.CONFIRMED)
        since = _moment(record["since"])
        user = User.objects.filter(email=record["email"]).first() if record.get("account") else None
        subscriber = upsert(
            Subscriber,
            {"email": record["email"]},
            {
                "language": record["language"],
                "region": record["region"],
                "status": status,
                "user": user,
                "confirmed_at": since if status != Subscriber.Status.PENDING else None,
                "unsubscribed_at": since + timezone.timedelta(days=30)
                if status == Subscriber.Status.UNSUBSCRIBED
                else None,
                "markets": [markets[t] for t in record["markets"] if t in markets],
            },
        )
        Subscriber.objects.filter(pk=subscriber.pk).update(created_at=since)
        subscriber.consents.all().delete()
        actions = [Consent.Action.REQUESTED]
        if status != Subscriber.Status.PENDING:
            actions.append(Consent.Action.CONFIRMED)
        if status == Subscriber.Status.UNSUBSCRIBED:
            actions.append(Consent.Action.UNSUBSCRIBED)
        for offset, action in enumerate(actions):
            Consent.objects.create(
                subscriber=subscriber,
                action=action,
                source=record["source"] if offset == 0 else Consent.Source.EMAIL_LINK,
                at=since + timezone.timedelta(hours=offset),
            )
    return len(records)


def _block_values(record) -> dict:
    if record["kind"] == "text":
        return {name: record[name] for name in ("title_fr", "title_en", "body_fr", "body_en")}
    obj = ITEMS[record["kind"]].objects.filter(slug=record["item"]).first()
    if obj is None:
        return {}
    values = {"object_id": obj.pk, "members_only": composing.is_members_only(record["kind"], obj)}
    for language in ("fr", "en"):
        with translation.override(language):
            title, text = composing.item_texts(record["kind"], obj)
            values.update(
                {
                    f"title_{language}": title[:200],
                    f"body_{language}": text,
                    f"link_{language}": obj.get_absolute_url(),
                }
            )
    return values


def _issues(records) -> int:
    for record in records:
        sent = _moment(record["sent"]) if record.get("sent") else None
        issue = upsert(
            Issue,
            {"subject_fr": record["subject_fr"]},
            {
                "subject_en": record["subject_en"],
                "preheader_fr": record["preheader_fr"],
                "preheader_en": record["preheader_en"],
                "status": record["status"],
                "sent_at": sent,
                "is_public": True,
            },
        )
        issue.blocks.all().delete()
        for order, block in enumerate(record["blocks"], start=1):
            values = _block_values(block)
            if values:
                IssueBlock.objects.create(
                    issue=issue, kind=block["kind"], order=order * 10, **values
                )
        if sent:
            Delivery.objects.bulk_create(
                [
                    Delivery(issue=issue, subscriber=s, status=Delivery.Status.SENT, sent_at=sent)
                    for s in Subscriber.objects.confirmed().filter(confirmed_at__lt=sent)
                ],
                ignore_conflicts=True,
            )
            Issue.objects.filter(pk=issue.pk).update(
                recipient_count=issue.deliveries.filter(status=Delivery.Status.SENT).count()
            )
    return len(records)


def _follows(data, markets) -> None:
    user = User.objects.filter(email=data["email"]).first()
    if user is None:
        return
    for theme in data["markets"]:
        if theme in markets:
            Follow.objects.get_or_create(user=user, kind="market", market=markets[theme])
    for slug in data["programmes"]:
        programme = FundingProgramme.objects.filter(slug=slug).first()
        if programme:
            Follow.objects.get_or_create(user=user, kind="programme", programme=programme)
    AlertSettings.objects.update_or_create(user=user, defaults={"frequency": data["frequency"]})


@transaction.atomic
def load(*, scale: int, log) -> None:
    data = read("newsletter", "newsletter")
    markets = {market.theme: market for market in Market.objects.all()}
    subscribers = _subscribers(data["subscribers"], markets)
    issues = _issues(data["issues"])
    _follows(data["follows"], markets)
    log(f"newsletter: {subscribers} subscribers, {issues} issues, the demo member's follows")
