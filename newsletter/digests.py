"""The digest of alerts: what appeared since a person's last digest and matches what they
follow or their organisation's markets and competencies.

Every list starts from the owning app's visibility queryset (``visible_to(user)``,
``published()``, ``in_directory()``), so a digest never shows an item its reader could not
open. Items already listed in an earlier digest are left out (the sent-items log, unique
per person and item), and a digest with nothing in it is not sent.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from events.models import Event
from members.models import Organisation
from members.permissions import is_member
from newsletter import emails, rendering
from newsletter.models import AlertSettings, Follow, SentAlertItem
from projects.models import Call, PartnerSearch, Project
from trainings.models import Training

PERIODS = {
    AlertSettings.Frequency.DAILY: timedelta(days=1),
    AlertSettings.Frequency.WEEKLY: timedelta(days=7),
}
# A cron job runs at about the same hour each day: an hour of slack keeps it on time.
SLACK = timedelta(hours=1)
PER_KIND = 10
Kind = SentAlertItem.Kind


@dataclass
class Interests:
    markets: set = field(default_factory=set)
    competencies: set = field(default_factory=set)
    organisations: set = field(default_factory=set)
    programmes: set = field(default_factory=set)
    own: set = field(default_factory=set)

    def __bool__(self):
        return bool(self.markets or self.competencies or self.organisations or self.programmes)


def interests_of(user) -> Interests:
    """What ``user`` follows, plus the markets and competencies of their organisations."""
    interests = Interests()
    for kind, *targets in Follow.objects.filter(user=user).values_list(
        "kind", "market_id", "competency_id", "organisation_id", "programme_id"
    ):
        target = next(pk for pk in targets if pk)
        getattr(
            interests,
            {"programme": "programmes", "competency": "competencies"}.get(kind, f"{kind}s"),
        ).add(target)
    interests.own = set(Organisation.objects.active().of_user(user).values_list("pk", flat=True))
    if interests.own:
        interests.markets |= set(
            Organisation.markets.through.objects.filter(
                organisation_id__in=interests.own
            ).values_list("market_id", flat=True)
        )
        interests.competencies |= set(
            Organisation.competencies.through.objects.filter(
                organisation_id__in=interests.own
            ).values_list("competency_id", flat=True)
        )
    return interests


@dataclass(frozen=True)
class Item:
    kind: str
    pk: int
    title: str
    text: str
    url: str
    when: str = ""


def _not_sent(queryset, user, kind):
    sent = SentAlertItem.objects.filter(user=user, kind=kind).values("object_id")
    return queryset.exclude(pk__in=sent)


def _querysets(user, i: Interests, since: datetime, now: datetime) -> dict:
    markets, competencies, orgs, programmes = (
        i.markets,
        i.competencies,
        i.organisations,
        i.programmes,
    )
    since_day = timezone.localdate(since)
    events = Event.objects.visible_to(user).filter(
        status=Event.Status.PUBLISHED, created_at__gt=since, created_at__lte=now
    )
    if not is_member(user):
        events = events.exclude(audience=Event.Audience.MEMBERS)
    return {
        Kind.PARTNER_SEARCH: PartnerSearch.objects.visible_to(user)
        .open()
        .filter(created_at__gt=since, created_at__lte=now)
        .exclude(organisation_id__in=i.own)
        .filter(
            Q(markets__in=markets)
            | Q(competencies__in=competencies)
            | Q(organisation__in=orgs)
            | Q(call__programme__in=programmes)
        )
        .select_related("organisation"),
        Kind.CALL: Call.objects.open()
        .filter(published_at__gt=since, published_at__lte=now)
        .filter(Q(markets__in=markets) | Q(programme__in=programmes))
        .select_related("programme"),
        Kind.EVENT: events.upcoming().filter(
            Q(markets__in=markets) | Q(organiser__in=orgs) | Q(partners__in=orgs)
        ),
        Kind.TRAINING: Training.objects.published()
        .with_upcoming_sessions()
        .filter(published_at__gt=since, published_at__lte=now)
        .filter(Q(markets__in=markets) | Q(trainer__in=orgs)),
        Kind.PROJECT: Project.objects.visible_to(user)
        .labelled()
        .filter(
            visibility=Project.Visibility.PUBLIC,
            status__in=Project.SHOWCASE,
            labelled_on__gte=since_day,
            labelled_on__lte=timezone.localdate(now),
        )
        .filter(
            Q(markets__in=markets)
            | Q(participations__organisation__in=orgs)
            | Q(programme__in=programmes)
        ),
        Kind.ORGANISATION: Organisation.objects.in_directory()
        .filter(member_since__gte=since_day, member_since__lte=timezone.localdate(now))
        .exclude(pk__in=i.own)
        .filter(Q(markets__in=markets) | Q(competencies__in=competencies)),
    }


def _item(kind: str, obj) -> Item:
    """The digest line of ``obj`` in the active language."""
    if kind == Kind.PARTNER_SEARCH:
        return Item(
            kind,
            obj.pk,
            obj.localized_title,
            obj.organisation.name,
            obj.get_absolute_url(),
            obj.deadline.isoformat(),
        )
    if kind == Kind.CALL:
        return Item(
            kind,
            obj.pk,
            obj.title,
            obj.programme.name,
            obj.get_absolute_url(),
            obj.deadline.isoformat(),
        )
    if kind == Kind.EVENT:
        return Item(
            kind,
            obj.pk,
            obj.title,
            obj.summary,
            obj.get_absolute_url(),
            timezone.localtime(obj.start).date().isoformat(),
        )
    if kind == Kind.TRAINING:
        return Item(kind, obj.pk, obj.title, obj.summary, obj.get_absolute_url())
    if kind == Kind.PROJECT:
        return Item(kind, obj.pk, str(obj), obj.localized_summary, obj.get_absolute_url())
    return Item(kind, obj.pk, obj.name, obj.pitch, obj.get_absolute_url())


def collect(user, *, since: datetime, now: datetime, language: str) -> list[Item]:
    """The new items for ``user`` between ``since`` and ``now``, in ``language``."""
    interests = interests_of(user)
    if not interests:
        return []
    items = []
    with translation.override(language):
        for kind, queryset in _querysets(user, interests, since, now).items():
            rows = _not_sent(queryset, user, kind).distinct().order_by("pk")[:PER_KIND]
            items.extend(_item(kind, obj) for obj in rows)
    return items


def is_due(alert_settings: AlertSettings, now: datetime) -> bool:
    period = PERIODS.get(alert_settings.frequency)
    if period is None:
        return False
    last = alert_settings.last_digest_at
    return last is None or now - last >= period - SLACK


def digest_send(*, user_id: int, now: datetime | None = None) -> int:
    """Send ``user``'s digest if it is due and not empty; returns the number of items."""
    now = now or timezone.now()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    language = user.language or settings.LANGUAGE_CODE
    with transaction.atomic():
        AlertSettings.objects.get_or_create(user=user)
        alert_settings = AlertSettings.objects.select_for_update().get(user=user)
        if not is_due(alert_settings, now):
            return 0
        since = alert_settings.last_digest_at or now - PERIODS[alert_settings.frequency]
        items = collect(user, since=since, now=now, language=language)
        if not items:
            return 0
        SentAlertItem.objects.bulk_create(
            [
                SentAlertItem(user=user, kind=item.kind, object_id=item.pk, sent_at=now)
                for item in items
            ]
        )
        alert_settings.last_digest_at = now
        alert_settings.save(update_fields=["last_digest_at", "updated_at"])
        _send(user, items, language)
    return len(items)


def _send(user, items: list[Item], language: str) -> None:
    groups = []
    with translation.override(language):
        labels = dict(Kind.choices)
        for kind in Kind.values:
            rows = [item for item in items if item.kind == kind]
            if rows:
                groups.append({"label": str(labels[kind]), "items": rows})
        subject = translation.ngettext(
            "%(count)s new item for you on the portal",
            "%(count)s new items for you on the portal",
            len(items),
        ) % {"count": len(items)}
    with translation.override(language):
        off_url = settings.SITE_URL + reverse(
            "newsletter:digest-off", kwargs={"token": AlertSettings.off_token(user.pk)}
        )
    built = rendering.build(
        "digest",
        {
            "subject": subject,
            "groups": groups,
            "recipient": user,
            "language": language,
            "off_url": off_url,
        },
        language,
    )
    emails.send_built(
        built, to=user.email, language=language, headers=emails.unsubscribe_headers(off_url)
    )


def due_users(now: datetime):
    """The people whose digest is due at ``now``: active accounts following something or
    working for an active member organisation, digest not switched off."""
    active = Organisation.objects.active().values("pk")
    candidates = (
        User.objects.filter(is_active=True)
        .filter(Q(follows__isnull=False) | Q(memberships__organisation__in=active))
        .exclude(alert_settings__frequency=AlertSettings.Frequency.OFF)
        .distinct()
        .values_list("pk", flat=True)
    )
    settings_by_user = {
        row.user_id: row for row in AlertSettings.objects.filter(user_id__in=candidates)
    }
    for pk in candidates:
        alert_settings = settings_by_user.get(pk) or AlertSettings(user_id=pk)
        if is_due(alert_settings, now):
            yield pk
