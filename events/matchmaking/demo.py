"""The demo's business meeting day (``events/demo/meetings.toml``): 60 participants (people
of the members demo and fictional outside participants), their profiles, requests mostly
accepted, and a schedule placed by the real algorithm and published.

Idempotent: the event is keyed on its slug, registrations and profiles on the person,
requests on the pair of people; the placement runs again for what is not fixed.
"""

from django.utils import timezone

from accounts.demo import ensure_user
from accounts.models import User
from core.demo import illustrate, read, upsert, when
from core.workdays import working_day
from events.matchmaking import services
from events.models import Event, Matchmaking, Meeting, MeetingProfile, Registration
from members.models import Membership, Organisation

JOB_TITLE = "Participant·e fictif·ve"


def _participants(data) -> list[tuple[User, Organisation | None, dict]]:
    memberships = (
        Membership.objects.filter(organisation__membership_status=Organisation.Status.ACTIVE)
        .select_related("user", "organisation")
        .order_by("user__email")
    )
    # Each person once, and no two people of the same name (the members demo reuses
    # names across organisations): an agenda with "X meets X" would puzzle a visitor.
    people, seen = [], set()
    for membership in memberships:
        name = membership.user.get_full_name()
        if membership.user_id in seen or name in seen:
            continue
        seen.update({membership.user_id, name})
        people.append((membership.user, membership.organisation, {}))
        if len(people) >= data["members"]:
            break
    for record in data["outside"]:
        user = ensure_user(
            email=record["email"],
            first_name=record["first_name"],
            last_name=record["last_name"],
            job_title=JOB_TITLE,
        )
        people.append((user, None, record))
    return people


def load(*, scale: int, log) -> None:
    data = read("events", "meetings")
    today = timezone.localdate()
    # On a working day like every demo event (core.workdays): "today+6" can be a weekend.
    start = working_day(when(data["start"], today=today))
    event = upsert(
        Event,
        {"slug": data["slug"]},
        {
            "title_fr": data["title_fr"],
            "title_en": data["title_en"],
            "summary_fr": data["summary_fr"],
            "summary_en": data["summary_en"],
            "description_fr": data["description_fr"].strip(),
            "description_en": data["description_en"].strip(),
            "kind": Event.Kind.BUSINESS_MEETING,
            "start": start,
            "end": start + timezone.timedelta(hours=data["hours"]),
            "city": data["city"],
            "venue_name": data["venue_name"],
            "address": data["address"],
            "capacity": data["capacity"],
            "status": Event.Status.PUBLISHED,
        },
    )
    illustrate([event], kind="event")
    matchmaking = upsert(
        Matchmaking,
        {"event": event},
        {
            "requests_open_at": when(data["requests_open"], today=today),
            "requests_close_at": when(data["requests_close"], today=today),
            "schedule_planned_at": when(data["schedule_planned"], today=today),
            "tables": data["tables"],
            "meeting_minutes": data["meeting_minutes"],
            "gap_minutes": data["gap_minutes"],
            "breaks": data["breaks"],
            "max_requests_sent": 10,
            "max_meetings": 8,
        },
    )
    services.slots_rebuild(matchmaking=matchmaking)
    slots = list(matchmaking.slots.filter(is_break=False).order_by("start"))
    profiles = []
    for index, (user, organisation, record) in enumerate(_participants(data)):
        registration = upsert(
            Registration,
            {"event": event, "user": user},
            {
                "status": Registration.Status.CONFIRMED,
                "organisation": organisation,
                "is_member": organisation is not None,
            },
        )
        values = {
            "event": event,
            "display_name": user.get_full_name(),
            "organisation_name": organisation.name if organisation else record["organisation"],
            "organisation_kind": organisation.kind if organisation else record["kind"],
            "offer": data["offers_fr"][index % len(data["offers_fr"])],
            "seek": data["seeks_fr"][(index * 3) % len(data["seeks_fr"])],
            "languages": data["languages"][index % len(data["languages"])],
        }
        profile = upsert(MeetingProfile, {"registration": registration}, values)
        if organisation is not None:
            profile.markets.set(organisation.markets.all())
        # One person in five cannot come to the first meeting (or the last one).
        profile.unavailable_slots.set([slots[0 if index % 2 else -1]] if index % 5 == 0 else [])
        profiles.append(profile)
    meetings = _requests(event, profiles)
    placed, left = services.placement_run(matchmaking=matchmaking)
    Matchmaking.objects.filter(pk=matchmaking.pk).update(
        schedule_published_at=when(data["schedule_published"], today=today)
    )
    log(
        f"events: meeting day with {len(profiles)} participants, {meetings} requests, "
        f"{placed} meetings placed ({left} left over)"
    )


def _requests(event, profiles) -> int:
    """Each participant asks the people 1, 7 and 20 places after them (the lists wrap):
    most requests accepted, one in nine declined, one in eleven still pending."""
    count = len(profiles)
    number = 0
    for index, requester in enumerate(profiles):
        for step in (1, 7, 20):
            recipient = profiles[(index + step) % count]
            number += 1
            if number % 11 == 0:
                status = Meeting.Status.PENDING
            elif number % 9 == 0:
                status = Meeting.Status.DECLINED
            else:
                status = Meeting.Status.ACCEPTED
            existing = Meeting.objects.filter(requester=requester, recipient=recipient).first()
            if existing is not None:
                continue
            Meeting.objects.create(
                event=event,
                requester=requester,
                recipient=recipient,
                status=status,
                message=(
                    "Bonjour, votre profil correspond à ce que nous cherchons : "
                    "pouvons-nous en parler lors de la journée ?"
                ),
                answered_at=None if status == Meeting.Status.PENDING else timezone.now(),
            )
    return number
