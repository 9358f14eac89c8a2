"""Background tasks of events: the batches cron or a systemd timer start (core.scheduled)."""

from django.tasks import task

from events.services import offers_expire, reminders_send


@task
def send_event_reminders() -> int:
    """Email the D-7 and D-1 reminders that are due; returns how many went out."""
    return reminders_send()


@task
def expire_seat_offers() -> int:
    """Withdraw the seat offers not claimed in time; returns how many expired."""
    return offers_expire()
