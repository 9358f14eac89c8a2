"""Composing an issue: what the portal published since the last issue, offered as blocks.

A picked item is copied into a block in both languages (title, a short text, its address
in each language), so the archive shows what was sent even if the item changes later.
Partner searches and members-only projects are marked members-only: they are left out of
the copies for non-members and of the public archive.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from content.models import Article
from core import typography
from events.models import Event
from members.models import Organisation
from newsletter.models import Issue, IssueBlock
from projects.models import Call, PartnerSearch, Project
from trainings.models import Training

Kind = IssueBlock.Kind
PER_KIND = 8
FIRST_ISSUE_LOOKBACK = timedelta(days=60)


@dataclass(frozen=True)
class Suggestion:
    kind: str
    pk: int
    label: str
    detail: str
    members_only: bool = False

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.pk}"


def since_last_issue(issue: Issue):
    """When the previous issue left (or two months ago for the first one)."""
    last = (
        Issue.objects.filter(status=Issue.Status.SENT)
        .exclude(pk=issue.pk)
        .aggregate(last=Max("sent_at"))["last"]
    )
    return last or timezone.now() - FIRST_ISSUE_LOOKBACK


def _sources(since):
    today = timezone.localdate()
    since_day = timezone.localdate(since)
    return {
        Kind.ARTICLE: Article.objects.published().filter(published_at__gt=since),
        Kind.EVENT: Event.objects.filter(status=Event.Status.PUBLISHED)
        .upcoming()
        .filter(start__lte=timezone.now() + timedelta(days=120)),
        Kind.TRAINING: Training.objects.published().with_upcoming_sessions(),
        Kind.CALL: Call.objects.open().filter(published_at__gt=since).select_related("programme"),
        Kind.PARTNER_SEARCH: PartnerSearch.objects.open()
        .filter(created_at__gt=since)
        .select_related("organisation"),
        Kind.PROJECT: Project.objects.labelled().filter(
            labelled_on__gte=since_day,
            labelled_on__lte=today,
            status__in=Project.SHOWCASE,
            visibility__in=[Project.Visibility.PUBLIC, Project.Visibility.MEMBERS],
        ),
        Kind.ORGANISATION: Organisation.objects.in_directory().filter(member_since__gte=since_day),
    }


def is_members_only(kind: str, obj) -> bool:
    if kind == Kind.PARTNER_SEARCH:
        return True
    if kind == Kind.PROJECT:
        return obj.visibility != Project.Visibility.PUBLIC
    if kind == Kind.EVENT:
        return obj.audience == Event.Audience.MEMBERS
    return False


def item_texts(kind: str, obj) -> tuple[str, str]:
    """Title and short text of an item, in the active language."""
    if kind == Kind.ARTICLE:
        return obj.title, obj.excerpt
    if kind == Kind.EVENT:
        start = timezone.localtime(obj.start)
        return obj.title, f"{typography.date(start, 'DATE_FORMAT')} · {obj.summary}"
    if kind == Kind.TRAINING:
        return obj.title, obj.summary
    if kind == Kind.CALL:
        return obj.title, f"{obj.programme.name} · {typography.date(obj.deadline, 'DATE_FORMAT')}"
    if kind == Kind.PARTNER_SEARCH:
        return obj.localized_title, obj.organisation.name
    if kind == Kind.PROJECT:
        return str(obj), obj.localized_summary
    return obj.name, obj.pitch


def suggestions(issue: Issue) -> list[Suggestion]:
    """What was published since the last issue and is not in ``issue`` yet."""
    taken = set(issue.blocks.exclude(object_id=None).values_list("kind", "object_id"))
    found = []
    for kind, queryset in _sources(since_last_issue(issue)).items():
        for obj in queryset.order_by("pk").distinct()[:PER_KIND]:
            if (kind, obj.pk) in taken:
                continue
            title, text = item_texts(kind, obj)
            found.append(Suggestion(kind, obj.pk, title, text, is_members_only(kind, obj)))
    return found


def blocks_add(*, issue: Issue, keys: list[str]) -> int:
    """Copy the suggested items ``keys`` (``"kind:pk"``) into blocks at the end of
    ``issue``, in both languages. Keys that no longer match a suggestion are skipped."""
    wanted = set(keys)
    chosen = [s for s in suggestions(issue) if s.key in wanted]
    sources = _sources(since_last_issue(issue))
    with transaction.atomic():
        order = (issue.blocks.aggregate(last=Max("order"))["last"] or 0) + 10
        for suggestion in chosen:
            obj = sources[suggestion.kind].get(pk=suggestion.pk)
            values = {}
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    title, text = item_texts(suggestion.kind, obj)
                    values[f"title_{language}"] = title[:200]
                    values[f"body_{language}"] = text
                    values[f"link_{language}"] = obj.get_absolute_url()
            IssueBlock.objects.create(
                issue=issue,
                kind=suggestion.kind,
                object_id=obj.pk,
                order=order,
                members_only=suggestion.members_only,
                **values,
            )
            order += 10
    return len(chosen)
