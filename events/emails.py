"""Emails to the people who register, through the mail service (core.mail).

Each one goes to the registered person, in their own language, links included; the
confirmation and the reminders carry the event's calendar entry. The services call these
functions from ``transaction.on_commit``, so they describe the registration as committed.
"""

from django.conf import settings
from django.utils import translation

from core import mail
from events import ical
from events.models import Registration
from events.tokens import offer_token


def _send(registration: Registration, name: str, *, with_ics=False, **context) -> None:
    user = registration.user
    if user is None:
        return  # the account was deleted: nobody to write to
    event = registration.event
    attachments = []
    if with_ics:
        # The entry's own texts ("Online link: ...") follow the person's language too.
        with translation.override(user.language or settings.LANGUAGE_CODE):
            calendar = ical.event_calendar(event, registration=registration)
        attachments.append(mail.Attachment(f"{event.slug}.ics", calendar, "text/calendar"))
    mail.send_to_users(
        f"events/emails/{name}",
        [user],
        context={"registration": registration, "event": event, **context},
        attachments=attachments,
    )


def send_confirmation(registration: Registration) -> None:
    _send(registration, "confirmation", with_ics=True)


def send_waiting_list(registration: Registration) -> None:
    _send(registration, "waiting_list")


def send_seat_offer(registration: Registration) -> None:
    _send(registration, "seat_offer", token=offer_token(registration))


def send_offer_expired(registration: Registration) -> None:
    _send(registration, "offer_expired")


def send_cancellation(registration: Registration) -> None:
    _send(registration, "cancellation")


def send_reminder(registration: Registration, *, days: int) -> None:
    _send(registration, "reminder", with_ics=True, days=days)


def send_event_cancelled(registration: Registration) -> None:
    _send(registration, "event_cancelled")
