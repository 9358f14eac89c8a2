"""Use cases of event registration that write several rows, lock the event or send mail.

Every function takes the event row lock (``select_for_update``) before it counts seats, so
that concurrent registrations and cancellations never give away more seats than the
capacity. Emails leave through ``transaction.on_commit``: nothing is sent for a booking
that was rolled back.
"""

from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import hooks
from core.errors import PortalError
from events import emails
from events.matchmaking import services as matchmaking_services
from events.models import OFFER_VALIDITY, Event, Registration
from events.tokens import OFFER_SALT
from events.tokens import offer_token as offer_token  # the views build offer links with it
from members.models import Organisation


class RegistrationError(PortalError):
    """A registration use case refused: ``message`` says why, in the person's words."""


def _lock_event(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def member_organisation_of(user) -> Organisation | None:
    """The organisation a registration is made for: an active member one if the person
    belongs to one, otherwise any organisation of theirs, otherwise none."""
    organisations = Organisation.objects.of_user(user).order_by("name")
    return organisations.active().first() or organisations.first()


def registers_as_member(user) -> bool:
    """Whether ``user`` registers as a member: members-only events and the member price.

    Deliberately not ``members.permissions.is_member``, where staff count as members: a
    registration records the price paid and the organisation billed, so the member rate
    goes to people of an active member organisation only, staff included only when they
    work for one."""
    return Organisation.objects.active().of_user(user).exists()


def _refuse_unless_open(event: Event) -> None:
    state = event.registration_state()
    reasons = {
        "draft": _("This event is not published."),
        "cancelled": _("This event is cancelled."),
        "postponed": _("This event is postponed: registration reopens with the new date."),
        "past": _("This event has already started or is over."),
        "disabled": _("Registration for this event does not happen on the portal."),
        "not-yet": _("Registration for this event is not open yet."),
        "closed": _("Registration for this event is closed."),
    }
    if state != "open":
        raise RegistrationError(reasons[state])


def registration_create(*, event: Event, user) -> Registration:
    """Register ``user``: a confirmed seat while there is one and nobody waits before them,
    a place on the waiting list otherwise.

    Raises ``RegistrationError`` when the event is not open, members-only without an active
    member organisation, or when the person already has an active registration.
    """
    with transaction.atomic():
        event = _lock_event(event)
        _refuse_unless_open(event)
        is_member = registers_as_member(user)
        if event.is_members_only and not is_member:
            raise RegistrationError(
                _("This event is reserved for people of an active member organisation.")
            )
        if event.registrations.active().filter(user=user).exists():
            raise RegistrationError(_("You are already registered for this event."))
        seats_taken = event.registrations.holding_seats().count()
        someone_waits = event.registrations.filter(status=Registration.Status.WAITING).exists()
        has_seat = event.capacity is None or (seats_taken < event.capacity and not someone_waits)
        registration = Registration(
            event=event,
            user=user,
            organisation=member_organisation_of(user),
            is_member=is_member,
            price=event.price_for(is_member=is_member),
        )
        if has_seat:
            registration.status = Registration.Status.CONFIRMED
        else:
            registration.status = Registration.Status.WAITING
            registration.waiting_rank = _next_rank(event)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # Two clicks at once: the unique constraint on active registrations won.
            raise RegistrationError(_("You are already registered for this event.")) from None
        if has_seat:
            _announce_confirmed(registration)
            transaction.on_commit(lambda: emails.send_confirmation(registration))
        else:
            transaction.on_commit(lambda: emails.send_waiting_list(registration))
    return registration


def _announce_confirmed(registration: Registration) -> None:
    """Topic ``events.registration_confirmed`` (``registration``): a person now holds a
    confirmed seat, at ``registration.price`` (billing invoices it)."""
    hooks.announce("events.registration_confirmed", registration=registration)


def _next_rank(event: Event) -> int:
    top = event.registrations.filter(waiting_rank__isnull=False).aggregate(Max("waiting_rank"))
    return (top["waiting_rank__max"] or 0) + 1


def registration_cancel(*, registration: Registration, by) -> Registration:
    """Cancel a registration (the person, an admin of their organisation, or staff) and
    offer the freed seat to the first person waiting."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.select_related("event", "user").get(pk=registration.pk)
        if not registration.can_be_cancelled_by(by):
            if not registration.is_active:
                raise RegistrationError(_("This registration is already cancelled."))
            raise RegistrationError(
                _("The cancellation deadline has passed: please contact the cluster's team.")
            )
        freed_seat = registration.holds_seat
        # Topic ``events.registration_cancelled`` (``registration``, ``in_time``: before
        # the cancellation deadline; billing credits what was invoiced).
        in_time = timezone.now() < event.cancellable_until
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.waiting_rank = None
        registration.save(update_fields=["status", "cancelled_at", "waiting_rank", "updated_at"])
        hooks.announce("events.registration_cancelled", registration=registration, in_time=in_time)
        transaction.on_commit(lambda: emails.send_cancellation(registration))
        if hasattr(event, "matchmaking"):
            matchmaking_services.participant_left(registration=registration)
        if freed_seat:
            seats_offer(event=event)
    return registration


def seats_offer(*, event: Event) -> list[Registration]:
    """Offer every free seat to the next people of the waiting list, in order.

    Must run inside a transaction that holds the event row lock. An offer lasts 24 hours
    (never past the start of the event).
    """
    if event.capacity is None or event.has_started or event.status != Event.Status.PUBLISHED:
        return []
    free = event.capacity - event.registrations.holding_seats().count()
    if free <= 0:
        return []
    now = timezone.now()
    expires = min(now + OFFER_VALIDITY, event.start)
    offered = []
    for registration in event.registrations.waiting().select_related("user")[:free]:
        registration.status = Registration.Status.OFFERED
        registration.offered_at = now
        registration.offer_expires_at = expires
        registration.save(update_fields=["status", "offered_at", "offer_expires_at", "updated_at"])
        offered.append(registration)
        transaction.on_commit(lambda r=registration: emails.send_seat_offer(r))
    return offered


def event_seats_refresh(*, event: Event) -> list[Registration]:
    """Offer seats freed by a change of capacity (the back-office calls it after a save)."""
    with transaction.atomic():
        return seats_offer(event=_lock_event(event))


class OfferExpired(RegistrationError):
    pass


class OfferUsed(RegistrationError):
    pass


def offer_from_token(token: str) -> Registration:
    """The registration a seat offer link points to.

    Raises ``signing.BadSignature`` for a forged link, ``OfferExpired`` when 24 hours have
    passed, ``OfferUsed`` when the seat was already claimed or the offer moved on.
    """
    try:
        data = signing.loads(token, salt=OFFER_SALT, max_age=OFFER_VALIDITY)
    except signing.SignatureExpired:
        raise OfferExpired(_("This seat offer has expired.")) from None
    registration = Registration.objects.select_related("event", "user").filter(pk=data["r"]).first()
    if registration is None:
        raise signing.BadSignature("unknown registration")
    same_offer = registration.offered_at and int(registration.offered_at.timestamp()) == data["t"]
    if not same_offer:
        raise OfferUsed(_("This seat offer is no longer valid."))
    if registration.is_registered:
        raise OfferUsed(_("You already claimed this seat."))
    if registration.offer_expires_at and registration.offer_expires_at <= timezone.now():
        raise OfferExpired(_("This seat offer has expired."))
    if registration.status != Registration.Status.OFFERED:
        raise OfferUsed(_("This seat offer is no longer valid."))
    return registration


def offer_claim(*, registration: Registration) -> Registration:
    """The person takes the seat they were offered (before it expires)."""
    with transaction.atomic():
        _lock_event(registration.event)
        registration = Registration.objects.select_related("event", "user").get(pk=registration.pk)
        if not registration.offer_is_open:
            raise OfferExpired(_("This seat offer has expired."))
        registration.status = Registration.Status.CONFIRMED
        registration.waiting_rank = None
        registration.save(update_fields=["status", "waiting_rank", "updated_at"])
        _announce_confirmed(registration)
        transaction.on_commit(lambda: emails.send_confirmation(registration))
    return registration


def offers_expire(*, now=None) -> int:
    """Cancel the seat offers nobody claimed in time and offer those seats to the next
    people. Safe to run concurrently and as often as wanted. Returns the number expired."""
    now = now or timezone.now()
    event_ids = (
        Registration.objects.filter(status=Registration.Status.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    expired = 0
    for event_id in list(event_ids):
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            lapsed = list(
                event.registrations.filter(
                    status=Registration.Status.OFFERED, offer_expires_at__lte=now
                ).select_related("user", "event")
            )
            for registration in lapsed:
                registration.status = Registration.Status.CANCELLED
                registration.cancelled_at = now
                registration.waiting_rank = None
                registration.save(
                    update_fields=["status", "cancelled_at", "waiting_rank", "updated_at"]
                )
                transaction.on_commit(lambda r=registration: emails.send_offer_expired(r))
            expired += len(lapsed)
            seats_offer(event=event)
    return expired


def registration_promote(*, registration: Registration) -> Registration:
    """Staff give a free seat to someone of the waiting list (or confirm an offer) by hand,
    whatever their rank. Refused when no seat is free."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.select_related("event", "user").get(pk=registration.pk)
        if registration.status not in (Registration.Status.WAITING, Registration.Status.OFFERED):
            raise RegistrationError(_("Only people on the waiting list can be promoted."))
        if registration.status == Registration.Status.WAITING and event.capacity is not None:
            if event.registrations.holding_seats().count() >= event.capacity:
                raise RegistrationError(
                    _(
                        "No seat is free. Raise the capacity first, or move this person to "
                        "the top of the waiting list."
                    )
                )
        registration.status = Registration.Status.CONFIRMED
        registration.waiting_rank = None
        registration.save(update_fields=["status", "waiting_rank", "updated_at"])
        _announce_confirmed(registration)
        transaction.on_commit(lambda: emails.send_confirmation(registration))
    return registration


def waiting_list_move(*, registration: Registration, direction: str) -> None:
    """Staff reorder the waiting list: ``up``, ``down`` or ``top``."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        queue = list(event.registrations.waiting())
        ids = [r.pk for r in queue]
        if registration.pk not in ids:
            raise RegistrationError(_("This person is not on the waiting list."))
        index = ids.index(registration.pk)
        target = {"up": index - 1, "down": index + 1, "top": 0}.get(direction, index)
        target = max(0, min(target, len(queue) - 1))
        moved = queue.pop(index)
        queue.insert(target, moved)
        for rank, item in enumerate(queue, start=1):
            if item.waiting_rank != rank:
                item.waiting_rank = rank
                item.save(update_fields=["waiting_rank", "updated_at"])


def registration_mark(*, registration: Registration, status: str) -> Registration:
    """Staff at the door: present (attended), no-show, or back to confirmed."""
    allowed = {
        Registration.Status.ATTENDED,
        Registration.Status.NO_SHOW,
        Registration.Status.CONFIRMED,
    }
    if status not in allowed or not registration.is_registered:
        raise RegistrationError(_("Only confirmed registrations can be checked in."))
    if status == Registration.Status.NO_SHOW and not registration.event.has_started:
        raise RegistrationError(_("A no-show can only be recorded once the event has started."))
    registration.status = status
    registration.checked_in_at = timezone.now() if status == Registration.Status.ATTENDED else None
    registration.save(update_fields=["status", "checked_in_at", "updated_at"])
    return registration


def registrations_erase(*, user) -> None:
    """Before an account is deleted: give up the person's places in events still to come so
    the seats go on. Every registration stays, past ones as they were: deleting the account
    only empties their link to it (``on_delete=SET_NULL``), so attendance figures hold."""
    upcoming = Registration.objects.active().filter(user=user, event__start__gt=timezone.now())
    for registration in upcoming.select_related("event"):
        with transaction.atomic():
            event = _lock_event(registration.event)
            freed = registration.holds_seat
            registration.status = Registration.Status.CANCELLED
            registration.cancelled_at = timezone.now()
            registration.save(update_fields=["status", "cancelled_at", "updated_at"])
            if freed:
                seats_offer(event=event)


REMINDERS = (
    # (days before, field recording the sending, earliest time before the start)
    (7, "reminder_week_sent_at", timedelta(days=1)),
    (1, "reminder_day_sent_at", timedelta(0)),
)


def reminders_send(*, now=None) -> int:
    """Send the D-7 and D-1 reminders that are due. Safe to run every hour and from two
    machines at once: a reminder is recorded (by a conditional update) before it is sent,
    so it never goes twice. Returns the number sent."""
    now = now or timezone.now()
    sent = 0
    for days, field, floor in REMINDERS:
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            event__status=Event.Status.PUBLISHED,
            event__start__gt=now + floor,
            event__start__lte=now + timedelta(days=days),
            **{f"{field}__isnull": True},
        )
        if days == 7:
            # Who registered during the last week before the event just had their
            # confirmation: no "one week to go" for them.
            due = due.filter(created_at__lte=F("event__start") - timedelta(days=7))
        for registration in due.select_related("event", "user"):
            with transaction.atomic():
                claimed = Registration.objects.filter(
                    pk=registration.pk, **{f"{field}__isnull": True}
                ).update(**{field: now})
                if claimed:
                    transaction.on_commit(
                        lambda r=registration, d=days: emails.send_reminder(r, days=d)
                    )
                    sent += 1
    return sent


def event_cancelled_notify(*, event: Event) -> int:
    """Tell everyone who holds a seat or waits for one that the event is cancelled."""
    registrations = list(
        event.registrations.active()
        .exclude(status__in=(Registration.Status.ATTENDED, Registration.Status.NO_SHOW))
        .select_related("user", "event")
    )
    for registration in registrations:
        transaction.on_commit(lambda r=registration: emails.send_event_cancelled(r))
    return len(registrations)
