"""Emails of the trainings app. Each function takes a primary key: services call them from
``transaction.on_commit``, so they read the committed row, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from trainings.models import CustomRequest, Enrolment, EnrolmentStatus, TrainingProvider


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def _send(*, subject: str, template: str, context: dict, to: list[str], cc=None) -> None:
    prefix = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    body = render_to_string(template, {"provider": TrainingProvider.current(), **context})
    EmailMessage(
        subject=f"{prefix}{subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        cc=cc or [],
    ).send()


def _enrolment(pk: int) -> Enrolment | None:
    return Enrolment.objects.select_related("session__training").filter(pk=pk).first()


def status_subject(enrolment: Enrolment) -> str:
    title = enrolment.session.training.title
    subjects = {
        EnrolmentStatus.REQUESTED: _("We received your request: %(title)s"),
        EnrolmentStatus.CONFIRMED: _("Seat confirmed: %(title)s"),
        EnrolmentStatus.WAITING_LIST: _("On the waiting list: %(title)s"),
        EnrolmentStatus.CANCELLED: _("Request cancelled: %(title)s"),
        EnrolmentStatus.ATTENDED: _("Thank you for attending: %(title)s"),
        EnrolmentStatus.ABSENT: _("Marked absent: %(title)s"),
    }
    return subjects[enrolment.status] % {"title": title}


def enrolment_status_changed(pk: int) -> None:
    """Tell the requester (and the participant, in copy) the request's new status."""
    enrolment = _enrolment(pk)
    if enrolment is None:
        return
    to = [enrolment.requester_email or enrolment.participant_email]
    cc = []
    if enrolment.participant_email and enrolment.participant_email.lower() != to[0].lower():
        cc.append(enrolment.participant_email)
    if not to[0]:  # both people deleted their account
        return
    with translation.override(enrolment.language):
        _send(
            subject=status_subject(enrolment),
            template="trainings/emails/enrolment_status.txt",
            context={
                "enrolment": enrolment,
                "session": enrolment.session,
                "training": enrolment.session.training,
                "training_url": absolute(enrolment.session.training.get_absolute_url()),
                "requests_url": absolute(reverse("trainings:enrolment-list"))
                if enrolment.requester_id
                else "",
            },
            to=to,
            cc=cc,
        )


def _staff(subject: str, template: str, context: dict) -> None:
    recipients = list(settings.STAFF_NOTIFICATION_EMAILS)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        _send(subject=subject, template=template, context=context, to=recipients)


def staff_new_enrolment(pk: int) -> None:
    enrolment = _enrolment(pk)
    if enrolment is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New training request: %(title)s") % {"title": enrolment.session.training.title}
        _staff(
            subject,
            "trainings/emails/staff_enrolment.txt",
            {
                "enrolment": enrolment,
                "session": enrolment.session,
                "admin_url": absolute(
                    reverse("admin:trainings_enrolment_change", args=[enrolment.pk])
                ),
                "cancelled": False,
            },
        )


def staff_enrolment_cancelled(pk: int) -> None:
    enrolment = _enrolment(pk)
    if enrolment is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Request cancelled by the requester: %(title)s") % {
            "title": enrolment.session.training.title
        }
        _staff(
            subject,
            "trainings/emails/staff_enrolment.txt",
            {
                "enrolment": enrolment,
                "session": enrolment.session,
                "admin_url": absolute(
                    reverse("admin:trainings_enrolment_change", args=[enrolment.pk])
                ),
                "cancelled": True,
            },
        )


def survey_invitation(pk: int) -> None:
    """The participant's personal link to the satisfaction questionnaire."""
    enrolment = _enrolment(pk)
    if enrolment is None or not enrolment.participant_email:
        return
    with translation.override(enrolment.language):
        _send(
            subject=_("How was your training? %(title)s")
            % {"title": enrolment.session.training.title},
            template="trainings/emails/survey_invitation.txt",
            context={
                "enrolment": enrolment,
                "session": enrolment.session,
                "training": enrolment.session.training,
                "survey_url": absolute(enrolment.survey_path),
            },
            to=[enrolment.participant_email],
        )


def custom_request_received(pk: int) -> None:
    request = CustomRequest.objects.select_related("training").filter(pk=pk).first()
    if request is None:
        return
    with translation.override(request.language):
        _send(
            subject=_("We received your request for a tailored training"),
            template="trainings/emails/custom_request_receipt.txt",
            context={"request": request},
            to=[request.email],
        )
    with translation.override(settings.LANGUAGE_CODE):
        _staff(
            _("New à-la-carte training request: %(company)s") % {"company": request.company_name},
            "trainings/emails/staff_custom_request.txt",
            {
                "request": request,
                "admin_url": absolute(
                    reverse("admin:trainings_customrequest_change", args=[request.pk])
                ),
            },
        )
