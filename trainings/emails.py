"""Emails of the trainings app, through the mail service (core.mail).

Each function takes a primary key: the services call them from ``transaction.on_commit``,
so they read the committed row. The templates (``trainings/emails/<name>``) build their
links, in the language of the person who reads them.
"""

from core import mail
from trainings.models import CustomRequest, Enrolment, TrainingProvider


def _enrolment(pk: int) -> Enrolment | None:
    return Enrolment.objects.select_related("session__training").filter(pk=pk).first()


def _enrolment_context(enrolment: Enrolment) -> dict:
    return {
        # The training body's legal name and certification close the emails.
        "provider": TrainingProvider.current(),
        "enrolment": enrolment,
        "session": enrolment.session,
        "training": enrolment.session.training,
    }


def enrolment_status_changed(pk: int) -> None:
    """Tell the requester (and the participant, in copy) the request's new status."""
    enrolment = _enrolment(pk)
    if enrolment is None:
        return
    # Both addresses are blank once both people deleted their account: nothing is sent.
    to = enrolment.requester_email or enrolment.participant_email
    mail.send(
        "trainings/emails/enrolment_status",
        to=[to],
        cc=[enrolment.participant_email],
        language=enrolment.language,
        context=_enrolment_context(enrolment),
    )


def _staff_enrolment(pk: int, *, cancelled: bool) -> None:
    enrolment = _enrolment(pk)
    if enrolment is None:
        return
    mail.send_to_staff(
        "trainings/emails/staff_enrolment",
        context={**_enrolment_context(enrolment), "cancelled": cancelled},
    )


def staff_new_enrolment(pk: int) -> None:
    _staff_enrolment(pk, cancelled=False)


def staff_enrolment_cancelled(pk: int) -> None:
    _staff_enrolment(pk, cancelled=True)


def survey_invitation(pk: int) -> None:
    """The participant's personal link to the satisfaction questionnaire."""
    enrolment = _enrolment(pk)
    if enrolment is None:
        return
    mail.send(
        "trainings/emails/survey_invitation",
        to=[enrolment.participant_email],
        language=enrolment.language,
        context=_enrolment_context(enrolment),
    )


def custom_request_received(pk: int) -> None:
    """The requester's receipt, and the news to the cluster's team."""
    request = CustomRequest.objects.select_related("training").filter(pk=pk).first()
    if request is None:
        return
    context = {"provider": TrainingProvider.current(), "request": request}
    mail.send(
        "trainings/emails/custom_request_receipt",
        to=[request.email],
        language=request.language,
        context=context,
    )
    mail.send_to_staff("trainings/emails/staff_custom_request", context=context)
