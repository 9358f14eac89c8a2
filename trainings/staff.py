"""The trainings app's pending work on the staff home of the back-office."""

from django.utils.translation import gettext_lazy as _

from core.hooks import TodoItem
from core.todo import admin_list_url, tally
from trainings.models import CustomRequest, Enrolment


def pending_work(request) -> list[TodoItem]:
    """Enrolment requests and à-la-carte requests nobody has answered yet (one query)."""
    requested = Enrolment.Status.REQUESTED
    found = tally(
        {
            "enrolments": (Enrolment.objects.filter(status=requested), "created_at"),
            "custom": (
                CustomRequest.objects.filter(status=CustomRequest.Status.NEW),
                "created_at",
            ),
        }
    )
    return [
        TodoItem(
            label=_("Training requests to answer"),
            count=found["enrolments"][0],
            oldest=found["enrolments"][1],
            url=admin_list_url(Enrolment, status__exact=requested),
            group="trainings",
        ),
        TodoItem(
            label=_("À-la-carte training requests to answer"),
            count=found["custom"][0],
            oldest=found["custom"][1],
            url=admin_list_url(CustomRequest, status__exact=CustomRequest.Status.NEW),
            group="trainings",
        ),
    ]
