from core.scheduled import ScheduledTaskCommand
from trainings.tasks import send_training_surveys


class Command(ScheduledTaskCommand):
    help = (
        "Email the satisfaction questionnaire to every participant who attended a finished "
        "session and has not received it yet (as a task for the worker; --now runs it here). "
        "Safe to run as often as wanted (e.g. daily): nobody gets it twice."
    )
    task = send_training_surveys
    done = "{count} questionnaire(s) sent."
