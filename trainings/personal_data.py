"""The personal data the trainings app keeps, for "download my data" and account deletion.

On deletion, requests for sessions still to come are cancelled (their seat is freed and
staff are told); every request keeps existing without the person's name and contact
details, because attendance records and the published results (satisfaction, completion)
rest on them. Answers to questionnaires lose their comment and keep only the ratings.
À-la-carte requests are deleted.
"""

from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from trainings import emails
from trainings.models import (
    CANCELLABLE_STATUSES,
    CustomRequest,
    Enrolment,
    EnrolmentStatus,
    SatisfactionAnswer,
)


def _as_participant(user):
    return Q(participant_user=user) | Q(participant_email__iexact=user.email)


def _enrolments(user):
    return Enrolment.objects.filter(_as_participant(user) | Q(requester=user)).distinct()


def export_training_requests(user) -> list[dict]:
    rows = []
    for enrolment in _enrolments(user).select_related("session__training").order_by("created_at"):
        session = enrolment.session
        rows.append(
            {
                "training": session.training.title,
                "session_start": session.start_date.isoformat(),
                "session_end": session.end_date.isoformat(),
                "status": enrolment.status,
                "requested_at": enrolment.created_at.isoformat(),
                "requester_name": enrolment.requester_name,
                "requester_email": enrolment.requester_email,
                "requester_phone": enrolment.requester_phone,
                "company": enrolment.company_name,
                "company_siret": enrolment.company_siret,
                "participant_first_name": enrolment.participant_first_name,
                "participant_last_name": enrolment.participant_last_name,
                "participant_email": enrolment.participant_email,
                "participant_job_title": enrolment.participant_job_title,
                "adjustments_needed": enrolment.accessibility_needs,
                "message": enrolment.message,
                "price_category": enrolment.price_category,
                "price_excl_vat": str(enrolment.price_excl_vat)
                if enrolment.price_excl_vat is not None
                else None,
                "certification_result": enrolment.certification_result,
            }
        )
    return rows


def export_training_custom_requests(user) -> list[dict]:
    return [
        {
            "created_at": request.created_at.isoformat(),
            "name": request.name,
            "email": request.email,
            "phone": request.phone,
            "company": request.company_name,
            "training": request.training.title if request.training else None,
            "need": request.need,
            "participants": request.participants,
            "dates_wished": request.dates_wished,
            "place": request.place,
            "format": request.format,
            "status": request.status,
        }
        for request in CustomRequest.objects.of_user(user)
        .select_related("training")
        .order_by("created_at")
    ]


def _answers(user):
    return SatisfactionAnswer.objects.filter(
        Q(enrolment__participant_user=user) | Q(enrolment__participant_email__iexact=user.email)
    )


def export_training_satisfaction_answers(user) -> list[dict]:
    return [
        {
            "training": answer.enrolment.session.training.title,
            "answered_at": answer.created_at.isoformat(),
            "rating": answer.rating,
            "objectives_met": answer.objectives_met,
            "would_recommend": answer.would_recommend,
            "comment": answer.comment,
        }
        for answer in _answers(user).select_related("enrolment__session__training")
    ]


def describe_training_requests(user) -> list[str]:
    count = _enrolments(user).count()
    if not count:
        return []
    return [
        ngettext(
            "Your training request is kept without your name and contact details (attendance "
            "records); if its session is still to come, it is cancelled.",
            "Your %(count)d training requests are kept without your name and contact details "
            "(attendance records); those for sessions still to come are cancelled.",
            count,
        )
        % {"count": count}
    ]


def describe_training_custom_requests(user) -> list[str]:
    count = CustomRequest.objects.of_user(user).count()
    if not count:
        return []
    return [
        ngettext(
            "Your à-la-carte training request is deleted.",
            "Your %(count)d à-la-carte training requests are deleted.",
            count,
        )
        % {"count": count}
    ]


def describe_training_satisfaction_answers(user) -> list[str]:
    if not _answers(user).exists():
        return []
    return [
        str(
            _(
                "Your questionnaire answers lose their comments; their anonymous ratings stay "
                "in the published results."
            )
        )
    ]


def erase_training_requests(user) -> None:
    for enrolment in _enrolments(user).select_related("session"):
        fields = {}
        is_participant = enrolment.participant_user_id == user.pk or (
            enrolment.participant_email.lower() == user.email.lower()
        )
        if (
            is_participant
            and enrolment.status in CANCELLABLE_STATUSES
            and not enrolment.session.has_started
        ):
            fields["status"] = EnrolmentStatus.CANCELLED
            transaction.on_commit(partial(emails.staff_enrolment_cancelled, enrolment.pk))
        if is_participant:
            fields.update(
                participant_user=None,
                participant_first_name="",
                participant_last_name=str(_("(deleted account)")),
                participant_email="",
                participant_job_title="",
                accessibility_needs="",
            )
        if enrolment.requester_id == user.pk:
            fields.update(
                requester=None,
                requester_name=str(_("(deleted account)")),
                requester_email="",
                requester_phone="",
                message="",
            )
        Enrolment.objects.filter(pk=enrolment.pk).update(**fields)


def erase_training_custom_requests(user) -> None:
    CustomRequest.objects.of_user(user).delete()


def erase_training_satisfaction_answers(user) -> None:
    _answers(user).update(comment="")
