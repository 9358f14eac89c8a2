"""Background tasks of trainings: the batches cron or a systemd timer start
(core.scheduled)."""

from django.tasks import task

from trainings.services import surveys_send_due


@task
def send_training_surveys() -> int:
    """Email the satisfaction questionnaires that are due; returns how many went out."""
    return surveys_send_due()
