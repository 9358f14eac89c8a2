"""CSV exports for staff: the catalogue and a session's attendance list.

The files are written by ``core.spreadsheets.SafeWriter``: semicolons and a byte-order
mark for French spreadsheet software, and no cell that could run as a formula.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import SafeWriter
from trainings.models import SEAT_HOLDING_STATUSES, Enrolment, EnrolmentStatus, Session, Training


def _decimal(value) -> str:
    return "" if value is None else f"{value}".replace(".", ",")


def write_catalogue(stream, *, request=None) -> None:
    """One row per training (drafts included, with their status), next session first."""
    writer = SafeWriter(stream)
    writer.writerow(
        [
            _("Title"),
            _("Address"),
            _("Status"),
            _("Theme"),
            _("Markets"),
            _("Format"),
            _("Hours"),
            _("Days"),
            _("Member price (excl. VAT)"),
            _("Non-member price (excl. VAT)"),
            _("On quotation"),
            _("Certifying"),
            _("Certification code"),
            _("Upcoming sessions"),
            _("Next session"),
            _("Missing for publication"),
            _("Last updated"),
        ]
    )
    trainings = Training.objects.for_catalogue().order_by("title", "pk")
    for training in trainings:
        markets = list(training.markets.all())
        writer.writerow(
            [
                training.title,
                settings.SITE_URL + training.get_absolute_url(),
                training.get_status_display(),
                training.get_theme_display(),
                ", ".join(market.name for market in markets),
                training.get_format_display(),
                _decimal(training.duration_hours),
                _decimal(training.duration_days),
                _decimal(training.price_member),
                _decimal(training.price_non_member),
                _("yes") if training.on_quotation else _("no"),
                _("yes") if training.is_certifying else _("no"),
                training.certification_code,
                training.upcoming_count,
                training.next_session.isoformat() if training.next_session else "",
                ", ".join(training.publication_problems(markets=markets)),
                timezone.localtime(training.updated_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )


def write_attendance(stream, *, session: Session) -> None:
    """The session's participants (seat holders first, then the waiting list), with an
    empty signature column per day for the printed attendance sheet."""
    writer = SafeWriter(stream)
    days = [
        session.start_date + timezone.timedelta(days=offset) for offset in range(session.day_count)
    ]
    writer.writerow(
        [
            _("Last name"),
            _("First name"),
            _("Email"),
            _("Job title"),
            _("Company"),
            _("Member"),
            _("Status"),
            _("Requested by"),
            _("Adjustments needed"),
            _("Certification result"),
            *[_("Signature %(date)s") % {"date": day.strftime("%d/%m/%Y")} for day in days],
        ]
    )
    enrolments = (
        Enrolment.objects.filter(session=session)
        .exclude(status=EnrolmentStatus.CANCELLED)
        .order_by("participant_last_name", "participant_first_name", "pk")
    )
    holders = [e for e in enrolments if e.status in SEAT_HOLDING_STATUSES]
    waiting = [e for e in enrolments if e.status not in SEAT_HOLDING_STATUSES]
    for enrolment in holders + waiting:
        writer.writerow(
            [
                enrolment.participant_last_name,
                enrolment.participant_first_name,
                enrolment.participant_email,
                enrolment.participant_job_title,
                enrolment.company_name,
                _("yes") if enrolment.organisation_id else _("no"),
                enrolment.get_status_display(),
                f"{enrolment.requester_name} <{enrolment.requester_email}>",
                enrolment.accessibility_needs,
                enrolment.get_certification_result_display()
                if enrolment.certification_result
                else "",
                *["" for _day in days],
            ]
        )
