"""Use cases that write several rows, need a lock or send mail.

Seats: a session never holds more seat-holding requests (``SEAT_HOLDING_STATUSES``:
requested, confirmed, attended, absent) than it has seats. Every change that can take a
seat locks the session row first (``select_for_update``), counts, then writes, all in one
transaction: two requests for the last seat are served one after the other, and the second
one sees that the seat is gone. Mails go out once the transaction has committed.
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import hooks
from core.errors import PortalError
from members.models import Organisation
from trainings import emails
from trainings.models import (
    ATTENDANCE_STATUSES,
    SEAT_HOLDING_STATUSES,
    CustomRequest,
    Enrolment,
    EnrolmentStatus,
    SatisfactionAnswer,
    Session,
)


class EnrolmentRefused(PortalError):
    """A request or a status change that cannot be made; ``message`` tells why."""


class SurveyRefused(PortalError):
    """A questionnaire link that cannot be answered; ``reason`` says why."""


def _price_for(session: Session, organisation: Organisation | None):
    training = session.training
    if training.on_quotation or training.price_non_member is None:
        return Enrolment.PriceCategory.QUOTATION, None
    if organisation is not None:
        return Enrolment.PriceCategory.MEMBER, training.price_member
    return Enrolment.PriceCategory.NON_MEMBER, training.price_non_member


def _seats_taken(session: Session) -> int:
    return session.enrolments.filter(status__in=SEAT_HOLDING_STATUSES).count()


def _has_active_request(session: Session, email: str, *, exclude_pk=None) -> bool:
    if not email:
        return False
    requests = session.enrolments.exclude(status=EnrolmentStatus.CANCELLED).filter(
        participant_email__iexact=email
    )
    if exclude_pk:
        requests = requests.exclude(pk=exclude_pk)
    return requests.exists()


def enrolment_request(
    *,
    session: Session,
    requester,
    details: dict,
    join_waiting_list: bool = False,
    language: str = "fr",
) -> Enrolment:
    """Record a request for a seat in ``session``.

    ``details`` holds the requester, company and participant fields of ``Enrolment``; an
    ``organisation`` in it gets the member price only if it is an active member. The
    request holds a seat (status requested); when the session is full it goes to the
    waiting list if ``join_waiting_list`` is set, otherwise it is refused. Raises
    ``EnrolmentRefused`` (nothing saved) for a closed, cancelled, past or full session, or
    when the participant already has a request for this session.
    """
    details = dict(details)
    organisation = details.pop("organisation", None)
    if (
        organisation is not None
        and not Organisation.objects.active().filter(pk=organisation.pk).exists()
    ):
        organisation = None
    with transaction.atomic():
        session = Session.objects.select_for_update().select_related("training").get(pk=session.pk)
        state = session.enrolment_state(seats_taken=_seats_taken(session))
        if not state.open:
            raise EnrolmentRefused(state.reason)
        if _has_active_request(session, details.get("participant_email", "")):
            name = f"{details['participant_first_name']} {details['participant_last_name']}"
            raise EnrolmentRefused(
                _("%(name)s already has a request for this session.") % {"name": name}
            )
        if state.full and not join_waiting_list:
            raise EnrolmentRefused(
                _("This session is full: no seat is left. You can join its waiting list.")
            )
        category, price = _price_for(session, organisation)
        try:
            with transaction.atomic():
                enrolment = Enrolment.objects.create(
                    session=session,
                    status=EnrolmentStatus.WAITING_LIST
                    if state.full
                    else EnrolmentStatus.REQUESTED,
                    requester=requester if requester and requester.is_authenticated else None,
                    organisation=organisation,
                    price_category=category,
                    price_excl_vat=price,
                    language=language,
                    **details,
                )
        except IntegrityError:
            raise EnrolmentRefused(
                _("This person already has a request for this session.")
            ) from None
        transaction.on_commit(partial(emails.enrolment_status_changed, enrolment.pk))
        transaction.on_commit(partial(emails.staff_new_enrolment, enrolment.pk))
    return enrolment


def enrolment_add(*, enrolment: Enrolment) -> Enrolment:
    """Save a request staff typed in the back-office (a phone call, an email), under the
    same rules as the public form: seats and duplicates are checked under the session lock,
    and the requester is emailed."""
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=enrolment.session_id)
        if _has_active_request(session, enrolment.participant_email):
            raise EnrolmentRefused(
                _("%(name)s already has a request for this session.")
                % {"name": enrolment.participant_name}
            )
        if enrolment.status in SEAT_HOLDING_STATUSES and _seats_taken(session) >= session.seats:
            raise EnrolmentRefused(_("No seat is left in this session: the request was not saved."))
        enrolment.status_changed_at = timezone.now()
        enrolment.save()
        transaction.on_commit(partial(emails.enrolment_status_changed, enrolment.pk))
    return enrolment


def enrolment_change_status(*, enrolment: Enrolment, status: str) -> Enrolment:
    """Move a request to ``status`` (staff decisions) and email the requester.

    Taking a seat again (from the waiting list or a cancellation) is refused when no seat
    is left; attended and absent are only possible once the session has started. Setting
    the status it already has changes nothing and sends nothing.
    """
    if status not in EnrolmentStatus.values:
        raise EnrolmentRefused(_("Unknown status."))
    with transaction.atomic():
        session = (
            Session.objects.select_for_update()
            .select_related("training")
            .get(pk=enrolment.session_id)
        )
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status == status:
            return enrolment
        if status in ATTENDANCE_STATUSES and not session.has_started:
            raise EnrolmentRefused(
                _("Attendance can only be recorded once the session has started.")
            )
        if status in SEAT_HOLDING_STATUSES and enrolment.status not in SEAT_HOLDING_STATUSES:
            if _seats_taken(session) >= session.seats:
                raise EnrolmentRefused(
                    _("No seat is left in this session for %(name)s: free one first.")
                    % {"name": enrolment.participant_name}
                )
        if (
            enrolment.status == EnrolmentStatus.CANCELLED
            and status != EnrolmentStatus.CANCELLED
            and _has_active_request(session, enrolment.participant_email, exclude_pk=enrolment.pk)
        ):
            raise EnrolmentRefused(
                _("%(name)s already has another request for this session.")
                % {"name": enrolment.participant_name}
            )
        previous = enrolment.status
        enrolment.status = status
        enrolment.status_changed_at = timezone.now()
        enrolment.save(update_fields=["status", "status_changed_at", "updated_at"])
        # Topic ``trainings.enrolment_status_changed`` (``enrolment``, ``previous``,
        # ``in_time``: the session has not started): billing invoices a confirmed request
        # with a price and credits a cancelled one.
        hooks.announce(
            "trainings.enrolment_status_changed",
            enrolment=enrolment,
            previous=previous,
            in_time=not session.has_started,
        )
        transaction.on_commit(partial(emails.enrolment_status_changed, enrolment.pk))
    return enrolment


def session_save(*, session: Session) -> Session:
    """Save a session staff edited. Its seats may not drop below the requests holding one:
    the count is made under the session lock, so a request arriving while staff edit the
    form cannot slip past it (the form's own check runs without the lock)."""
    with transaction.atomic():
        if session.pk is not None:
            Session.objects.select_for_update().only("pk").get(pk=session.pk)
            holders = _seats_taken(session)
            if session.seats < holders:
                raise EnrolmentRefused(
                    _(
                        "Not saved: %(count)d people now hold a seat in this session, more "
                        "than the %(seats)d seats asked for."
                    )
                    % {"count": holders, "seats": session.seats}
                )
        session.save()
    return session


def session_cancel(*, session: Session) -> int:
    """Cancel a session and every open request of it; each requester is emailed.

    Returns the number of requests cancelled. Attendance already recorded is kept.
    """
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.status != Session.Status.CANCELLED:
            session.status = Session.Status.CANCELLED
            session.save(update_fields=["status", "updated_at"])
        open_requests = session.enrolments.filter(
            status__in=(
                EnrolmentStatus.REQUESTED,
                EnrolmentStatus.CONFIRMED,
                EnrolmentStatus.WAITING_LIST,
            )
        )
        count = 0
        for enrolment in open_requests:
            enrolment_change_status(enrolment=enrolment, status=EnrolmentStatus.CANCELLED)
            count += 1
    return count


def enrolment_cancel(*, enrolment: Enrolment) -> Enrolment:
    """The requester (or the participant) cancels before the first day; staff are told."""
    if not enrolment.is_cancellable:
        raise EnrolmentRefused(_("This request can no longer be cancelled here: contact us."))
    with transaction.atomic():
        enrolment = enrolment_change_status(enrolment=enrolment, status=EnrolmentStatus.CANCELLED)
        transaction.on_commit(partial(emails.staff_enrolment_cancelled, enrolment.pk))
    return enrolment


def survey_send(*, enrolment: Enrolment) -> bool:
    """Email the participant their questionnaire link, once. Returns whether it was sent.

    Only attended participants of finished sessions get it, and never twice: the row is
    locked and ``survey_sent_at`` checked, so concurrent runs cannot both send.
    """
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update()
            .select_related("session")
            .filter(pk=enrolment.pk)
            .first()
        )
        if (
            enrolment is None
            or enrolment.status != EnrolmentStatus.ATTENDED
            or not enrolment.session.is_over
            or enrolment.survey_sent_at is not None
            or not enrolment.participant_email
            or SatisfactionAnswer.objects.filter(enrolment=enrolment).exists()
        ):
            return False
        enrolment.survey_sent_at = timezone.now()
        enrolment.save(update_fields=["survey_sent_at", "updated_at"])
        transaction.on_commit(partial(emails.survey_invitation, enrolment.pk))
    return True


def surveys_send_due() -> int:
    """Send every questionnaire that is due; safe to run again (returns how many went out)."""
    sent = 0
    for pk in Enrolment.objects.survey_due().values_list("pk", flat=True).order_by("pk"):
        sent += survey_send(enrolment=Enrolment(pk=pk))
    return sent


def survey_answer_record(*, enrolment: Enrolment, answer: SatisfactionAnswer) -> SatisfactionAnswer:
    """Save the participant's answer: once, and only from someone who attended."""
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update().select_related("session").get(pk=enrolment.pk)
        )
        survey_check(enrolment)
        answer.enrolment = enrolment
        try:
            with transaction.atomic():
                answer.save()
        except IntegrityError:
            raise SurveyRefused(
                _("This questionnaire has already been answered."), reason="answered"
            ) from None
    return answer


def survey_check(enrolment: Enrolment) -> None:
    """Raise ``SurveyRefused`` when this participant may not answer (now)."""
    if enrolment.status != EnrolmentStatus.ATTENDED:
        raise SurveyRefused(
            _("Only participants who attended the session can answer its questionnaire."),
            reason="not_attended",
        )
    if not enrolment.session.is_over:
        raise SurveyRefused(
            _("The questionnaire opens once the session is over."), reason="too_early"
        )
    if SatisfactionAnswer.objects.filter(enrolment=enrolment).exists():
        raise SurveyRefused(_("This questionnaire has already been answered."), reason="answered")


def custom_request_create(*, request: CustomRequest) -> CustomRequest:
    """Save an à-la-carte request; the requester gets a receipt and staff are told."""
    with transaction.atomic():
        request.save()
        transaction.on_commit(partial(emails.custom_request_received, request.pk))
    return request
