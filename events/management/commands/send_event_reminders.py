from core.scheduled import ScheduledTaskCommand
from events.tasks import send_event_reminders


class Command(ScheduledTaskCommand):
    help = (
        "Email the reminders due one week (D-7) and one day (D-1) before the events people "
        "registered for (as a task for the worker; --now runs it here). Run it every hour: "
        "each reminder is recorded and never sent twice."
    )
    task = send_event_reminders
    done = "{count} reminder(s) sent."
