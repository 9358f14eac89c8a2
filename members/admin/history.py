"""The recent changes of organisation profiles, read from their history for the back-office
feed: what changed in each version, many-to-many values included, in a fixed number of
queries."""

from django.apps import apps
from django.db.models import OuterRef, Subquery

from content.models import Market
from members.models import Certification, Competency, Organisation

RECENT_CHANGES_PER_PAGE = 50


def recent_records():
    """The versions of every organisation, newest first, each with the id of the version
    before it (``previous_id``)."""
    history = Organisation.history.model
    previous = (
        history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    return (
        history.objects.select_related("history_user")
        .annotate(previous_id=Subquery(previous))
        .order_by("-history_date", "-history_id")
    )


M2M_FIELDS = {
    "markets": ("market_id", Market),
    "competencies": ("competency_id", Competency),
    "certifications": ("certification_id", Certification),
}


def describe_changes(records) -> list[dict]:
    """What changed in each historical record against the one before (fixed query count)."""
    history = Organisation.history.model
    previous = history.objects.in_bulk([r.previous_id for r in records if r.previous_id])
    involved = [r.history_id for r in records] + list(previous)
    m2m_values = {}
    for name, (column, model) in M2M_FIELDS.items():
        rows = apps.get_model("members", f"HistoricalOrganisation_{name}").objects.filter(
            history_id__in=involved
        )
        labels = {obj.pk: str(obj) for obj in model.objects.all()}
        for history_id, value in rows.values_list("history_id", column):
            m2m_values.setdefault((name, history_id), set()).add(labels.get(value, value))
    entries = []
    for record in records:
        before = previous.get(record.previous_id)
        changes = []
        if before is not None:
            delta = record.diff_against(before, excluded_fields=list(M2M_FIELDS))
            for change in delta.changes:
                field = Organisation._meta.get_field(change.field)
                changes.append(
                    {
                        "name": field.name,
                        "field": field.verbose_name,
                        "old": _short(change.old),
                        "new": _short(change.new),
                    }
                )
            for name in M2M_FIELDS:
                old = m2m_values.get((name, before.history_id), set())
                new = m2m_values.get((name, record.history_id), set())
                if old != new:
                    changes.append(
                        {
                            "name": name,
                            "field": Organisation._meta.get_field(name).verbose_name,
                            "old": ", ".join(sorted(old)) or "—",
                            "new": ", ".join(sorted(new)) or "—",
                        }
                    )
        entries.append({"record": record, "changes": changes, "is_first": before is None})
    return entries


def _short(value, length=120) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= length else text[: length - 1] + "…"
