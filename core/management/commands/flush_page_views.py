from core.scheduled import ScheduledTaskCommand
from core.tasks import flush_page_views


class Command(ScheduledTaskCommand):
    help = (
        "Copy the page views counted in the shared cache to the daily figures (as a task for "
        "the worker; --now runs it here). Run it every 10 minutes: each run writes the running "
        "totals of the last days, so running it again changes nothing."
    )
    task = flush_page_views
    done = "{count} daily figure(s) written."
