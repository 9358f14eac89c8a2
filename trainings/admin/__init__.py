"""The trainings' admin (a package: the app outgrew a single module). Importing it
registers the admin of every model."""

from trainings.admin.catalogue import TrainingAdmin, TrainingAdminForm
from trainings.admin.enrolments import (
    CustomRequestAdmin,
    EnrolmentAdmin,
    EnrolmentAdminForm,
    SatisfactionAnswerAdmin,
)
from trainings.admin.inlines import EnrolmentInline, ListInline, SessionInline
from trainings.admin.provider import TrainingProviderAdmin
from trainings.admin.sessions import SessionAdmin

__all__ = [
    "CustomRequestAdmin",
    "EnrolmentAdmin",
    "EnrolmentAdminForm",
    "EnrolmentInline",
    "ListInline",
    "SatisfactionAnswerAdmin",
    "SessionAdmin",
    "SessionInline",
    "TrainingAdmin",
    "TrainingAdminForm",
    "TrainingProviderAdmin",
]
