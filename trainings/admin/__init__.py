"""The trainings' admin (a package: the app outgrew a single module). Importing it
registers every model's admin."""

from trainings.admin.catalogue import (
    CustomRequestAdmin,
    EnrolmentAdmin,
    EnrolmentAdminForm,
    EnrolmentInline,
    SatisfactionAnswerAdmin,
    SessionAdmin,
    SessionInline,
    TrainingAdmin,
    TrainingAdminForm,
    TrainingProviderAdmin,
)

__all__ = [
    "CustomRequestAdmin",
    "EnrolmentAdmin",
    "EnrolmentAdminForm",
    "EnrolmentInline",
    "SatisfactionAnswerAdmin",
    "SessionAdmin",
    "SessionInline",
    "TrainingAdmin",
    "TrainingAdminForm",
    "TrainingProviderAdmin",
]
