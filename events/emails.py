"""Emails to the people who register, in their own language, with absolute links.

The services call these functions through ``transaction.on_commit``; the reminder command
calls them directly after recording what it sends.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events import ical
from events.models import Registration


def _send(registration: Registration, template: str, extra=None, *, with_ics=False) -> None:
    """Render and send one email in the recipient's language. ``extra`` is a function
    giving more context: it runs in that language too (addresses carry the language)."""
    user = registration.user
    event = registration.event
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "event": event,
            "person": user,
            "site_url": settings.SITE_URL,
            "event_url": settings.SITE_URL + event.get_absolute_url(),
            "my_events_url": settings.SITE_URL + reverse("events:my-events"),
            **(extra() if extra else {}),
        }
        subject = render_to_string(f"events/emails/{template}.subject.txt", context)
        body = render_to_string(f"events/emails/{template}.txt", context)
        message = EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
            body=body,
            to=[user.email],
        )
        if with_ics:
            message.attach(
                f"{event.slug}.ics",
                ical.event_calendar(event, registration=registration).decode(),
                "text/calendar",
            )
    message.send()


def send_confirmation(registration: Registration) -> None:
    _send(registration, "confirmation", with_ics=True)


def send_waiting_list(registration: Registration) -> None:
    _send(registration, "waiting_list")


def send_seat_offer(registration: Registration) -> None:
    from events.services import offer_token

    def claim_url():
        token = offer_token(registration)
        return {"claim_url": settings.SITE_URL + reverse("events:offer-claim", args=[token])}

    _send(registration, "seat_offer", claim_url)


def send_offer_expired(registration: Registration) -> None:
    _send(registration, "offer_expired")


def send_cancellation(registration: Registration) -> None:
    _send(registration, "cancellation")


def send_reminder(registration: Registration, *, days: int) -> None:
    _send(registration, "reminder", lambda: {"days": days}, with_ics=True)


def send_event_cancelled(registration: Registration) -> None:
    _send(registration, "event_cancelled")
