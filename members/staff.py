"""The members app's pending work on the staff home of the back-office."""

from django.utils.translation import gettext_lazy as _

from core.hooks import TodoItem
from core.todo import admin_list_url, tally
from members.models import JoinRequest, MembershipApplication


def pending_work(request) -> list[TodoItem]:
    """Applications to review and join requests to answer (one query)."""
    found = tally(
        {
            "applications": (MembershipApplication.objects.pending(), "created_at"),
            "join_requests": (JoinRequest.objects.pending(), "created_at"),
        }
    )
    pending = MembershipApplication.Status.PENDING
    return [
        TodoItem(
            label=_("Membership applications to review"),
            count=found["applications"][0],
            oldest=found["applications"][1],
            url=admin_list_url(MembershipApplication, status__exact=pending),
            group="members",
        ),
        TodoItem(
            label=_("Requests to join an organisation to answer"),
            count=found["join_requests"][0],
            oldest=found["join_requests"][1],
            url=admin_list_url(JoinRequest, status__exact=JoinRequest.Status.PENDING),
            group="members",
        ),
    ]
