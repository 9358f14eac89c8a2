"""The newsletter's pending work on the staff home of the back-office."""

from django.utils.translation import gettext_lazy as _

from core.hooks import TodoItem
from core.todo import admin_list_url, tally
from newsletter.models import Issue


def pending_work(request) -> list[TodoItem]:
    """Issues still in draft (one query)."""
    drafts = Issue.objects.filter(status=Issue.Status.DRAFT)
    count, oldest = tally({"drafts": (drafts, "created_at")})["drafts"]
    return [
        TodoItem(
            label=_("Newsletter drafts to finish"),
            count=count,
            oldest=oldest,
            url=admin_list_url(Issue, status__exact=Issue.Status.DRAFT),
            group="communication",
        )
    ]
