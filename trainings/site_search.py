"""Trainings in the site search (see core/search.py), dated by their next session."""

from django.db.models import Min, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.search import SearchSource, localized
from trainings.models import Session, Training


def variant(user) -> str:
    """Published trainings: the same for every reader."""
    return ""


def search(query: str, user) -> list[SearchSource]:
    next_session = (
        Session.objects.filter(training=OuterRef("pk"), start_date__gte=timezone.localdate())
        .exclude(status=Session.Status.CANCELLED)
        .order_by()
        .values("training")
        .annotate(first=Min("start_date"))
        .values("first")
    )
    return [
        SearchSource(
            kind="training",
            label=_("Training"),
            queryset=Training.objects.published().search(query),
            title=localized("title"),
            summary=localized("summary"),
            url=lambda slug: reverse("trainings:training-detail", kwargs={"slug": slug}),
            date=Subquery(next_session),
            markets="markets",
            weighted=["title_fr", "title_en"],
            more_url=reverse("trainings:training-list") + "?" + urlencode({"q": query}),
        )
    ]
