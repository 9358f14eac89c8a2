from core.scheduled import ScheduledTaskCommand
from events.tasks import expire_seat_offers


class Command(ScheduledTaskCommand):
    help = (
        "Withdraw the seat offers not claimed within 24 hours and offer those seats to the "
        "next people on the waiting lists (as a task for the worker; --now runs it here). "
        "Safe to run every few minutes."
    )
    task = expire_seat_offers
    done = "{count} expired offer(s) moved on."
