"""What the staff home of the back-office gathers besides the apps' to-do items: the latest
edits members made to the records they keep themselves, read from their history."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, F, Value
from django.urls import reverse

from members.models import Organisation, Platform
from projects.models import PartnerSearch, Project

RECENT_CHANGES_SHOWN = 10

# Records members edit on the portal, each with the field that names a version of it.
MEMBER_EDITED = (
    (Organisation, "name"),
    (Platform, "name"),
    (Project, "acronym"),
    (PartnerSearch, "title"),
)


@dataclass(frozen=True)
class RecentChange:
    date: datetime
    kind: str  # "+" created, "~" changed, "-" deleted
    model: type
    object_id: int
    name: str
    author: str

    @property
    def diff_url(self) -> str:
        """The record's history in the back-office: every version with what it changed."""
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[self.object_id])

    @property
    def model_name(self):
        return self.model._meta.verbose_name


def recent_member_changes(limit: int = RECENT_CHANGES_SHOWN) -> list[RecentChange]:
    """The latest versions written by members (not staff, not the system) of the records in
    ``MEMBER_EDITED``, newest first: one query."""
    columns = ("history_date", "history_type", "id", "label", "first", "last", "email", "model")
    parts = [
        model.history.filter(history_user__isnull=False, history_user__is_staff=False)
        .order_by()
        .annotate(
            label=F(name),
            first=F("history_user__first_name"),
            last=F("history_user__last_name"),
            email=F("history_user__email"),
            model=Value(model._meta.label, output_field=CharField()),
        )
        .values_list(*columns)
        for model, name in MEMBER_EDITED
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("-history_date")[:limit]
    models = {model._meta.label: model for model, _name in MEMBER_EDITED}
    return [
        RecentChange(
            date=date,
            kind=kind,
            model=models[label],
            object_id=object_id,
            name=name,
            author=f"{first} {last}".strip() or email,
        )
        for date, kind, object_id, name, first, last, email, label in rows
    ]
