"""Models of the training catalogue (a package: the app outgrew a single module)."""

from trainings.models.catalogue import Training, TrainingResults
from trainings.models.enrolments import (
    ATTENDANCE_STATUSES,
    CANCELLABLE_STATUSES,
    SATISFIED_FROM,
    SEAT_HOLDING_STATUSES,
    CustomRequest,
    Enrolment,
    EnrolmentStatus,
    SatisfactionAnswer,
)
from trainings.models.provider import TrainingProvider
from trainings.models.sessions import EnrolmentState, Session

__all__ = [
    "ATTENDANCE_STATUSES",
    "CANCELLABLE_STATUSES",
    "SATISFIED_FROM",
    "SEAT_HOLDING_STATUSES",
    "CustomRequest",
    "Enrolment",
    "EnrolmentState",
    "EnrolmentStatus",
    "SatisfactionAnswer",
    "Session",
    "Training",
    "TrainingProvider",
    "TrainingResults",
]
