"""Emails of the projects app, through the mail service (core.mail).

Each function picks the template (``projects/emails/<name>``), the recipients and the
context; the templates build their links, so that they point to the pages in the reader's
language.
"""

from core import mail
from projects.models import PartnerInterest, Project, ProjectStatusChange


def send_submitted_staff(project: Project, change: ProjectStatusChange) -> None:
    """Tell the cluster's team that ``project`` waits for their labelling decision."""
    mail.send_to_staff(
        "projects/emails/submitted_staff", context={"project": project, "change": change}
    )


def send_labelling_decision(project: Project, change: ProjectStatusChange, *, users) -> None:
    """The cluster's decision (labelled or not) and its note, to the coordinator's people."""
    mail.send_to_users(
        "projects/emails/labelling_decision",
        users,
        context={"project": project, "change": change},
    )


def send_interest_relay(interest: PartnerInterest, *, users) -> None:
    """Relay an organisation's interest in a partner search to the people who posted it."""
    mail.send_to_users(
        "projects/emails/interest_relay",
        users,
        context={
            "interest": interest,
            "search": interest.search,
            "organisation": interest.organisation,
        },
    )
