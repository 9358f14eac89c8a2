"""Demo events of `manage.py load_demo`: the thirty fictional events, participants and
registration counts of ``events/demo/events.toml``, linked here to the markets (content
demo) and to the organisations and people of the members demo, by slug and email.

Dates are relative to the day of loading, so that the demo always has past and upcoming
events. Every event is keyed on its slug and every registration on (event, person): loading
twice updates the same rows. ``--scale N`` adds N/2 generated events with registrations,
written with bulk_create.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.demo import ensure_user
from accounts.models import User
from content.demo import tag_objectives
from content.models import Market
from core.demo import first_theme, illustrate, missing, read, upsert, when
from core.workdays import working_day
from events.models import Event, Registration
from members.models import Membership, Organisation

GENERATED_SLUG = "evenement-genere-{}"
# Keys of an event in events.toml that are not plain fields: the glue below uses them.
# Conferences and trade shows take place in public venues, shown to everyone.
PUBLIC_VENUE_KINDS = ("conference", "trade-show")
NOT_FIELDS = ("slug", "start", "hours", "days", "full", "registrations", "organiser", "partners")


def _working_day(moment: datetime, *, days: int = 1, today: date | None = None) -> datetime:
    """``moment`` on working days (core.workdays): an event to come moves to the next
    working day, a past one to the previous working day, so that it stays in the past."""
    today = today or timezone.localdate()
    return working_day(moment, days=days, backwards=moment.date() < today)


def _at(days: int, hour: int) -> datetime:
    return _working_day(when(f"today{days:+d} {hour}:00", today=timezone.localdate()))


def event_dates(record: dict, today: date) -> tuple[datetime, datetime]:
    """The start and end of a demo event of events.toml loaded on ``today``: on working
    days, and a past event over before ``today``."""
    days = record.get("days", 1)
    start = _working_day(when(record["start"], today=today), days=days, today=today)
    if "days" in record:
        length = timedelta(days=days - 1, hours=8)
    else:
        length = timedelta(hours=record["hours"])
    return start, start + length


def _with_year(record: dict, start: datetime) -> dict:
    """Titles name the year the event takes place in (``{year}`` in the data file), or the
    year before (``{last_year}``, the general assembly reviews the past year)."""
    years = {"year": start.year, "last_year": start.year - 1}
    return {
        name: value.format(**years) if name.startswith("title") else value
        for name, value in record.items()
    }


def _event_values(record: dict, data: dict, markets: dict, organisations: dict) -> dict:
    start, end = event_dates(record, timezone.localdate())
    record = _with_year(record, start)
    return {
        "description_fr": data["description_fr"],
        "description_en": data["description_en"],
        "city": "",
        "venue_name": "",
        "address": "",
        "online_url": "",
        "venue_is_public": record.get("kind") in PUBLIC_VENUE_KINDS,
        "capacity": None,
        "status": Event.Status.PUBLISHED,
        **{name: value for name, value in record.items() if name not in NOT_FIELDS},
        "start": start,
        "end": end,
        "price_member": Decimal(str(record["price_member"])),
        "price_non_member": Decimal(str(record["price_non_member"])),
        "markets": [markets[theme] for theme in record["markets"] if theme in markets],
        "organiser": organisations.get(record.get("organiser")),
        "partners": [organisations[s] for s in record.get("partners", ()) if s in organisations],
    }


def _organisation_of(user):
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    return membership.organisation if membership else None


def _register(event: Event, crowd: list, members: list, *, wanted: int, full: bool) -> int:
    """The first ``wanted`` people of ``crowd`` register; past events have attendance and
    no-shows, full ones a waiting list, the others a cancellation now and then."""
    past = event.end < timezone.now()
    registered = crowd[:wanted]
    for position, user in enumerate(registered):
        if event.capacity is not None and position >= event.capacity:
            status, rank = Registration.Status.WAITING, position - event.capacity + 1
        elif past:
            status = Registration.Status.NO_SHOW if position % 7 == 3 else "attended"
            rank = None
        elif position % 9 == 4 and not full:
            status, rank = Registration.Status.CANCELLED, None
        else:
            status, rank = Registration.Status.CONFIRMED, None
        organisation = _organisation_of(user)
        is_member = organisation is not None and user in members
        upsert(
            Registration,
            {"event": event, "user": user},
            {
                "status": status,
                "waiting_rank": rank,
                "organisation": organisation,
                "is_member": is_member,
                "price": event.price_for(is_member=is_member),
                "checked_in_at": event.start if status == "attended" else None,
                "cancelled_at": timezone.now() if status == "cancelled" else None,
            },
        )
    return len(registered)


# The roadmap objective each kind of event serves first (see content.demo.tag_objectives):
# a trade show carries the region abroad (7), a business meeting builds partnerships (6),
# a site visit shows platforms (3); talks give a forward-looking vision (1).
OBJECTIVE_OF_KIND = {
    Event.Kind.TRADE_SHOW: 7,
    Event.Kind.BUSINESS_MEETING: 6,
    Event.Kind.SITE_VISIT: 3,
    Event.Kind.WORKSHOP: 2,
}


def load(*, scale: int, log) -> None:
    data = read("events", "events")
    markets = {market.theme: market for market in Market.objects.all()}
    slugs = {record.get("organiser") for record in data["events"]}
    slugs.update(slug for record in data["events"] for slug in record.get("partners", ()))
    organisations = Organisation.objects.in_bulk(slugs - {None}, field_name="slug")
    job_title = data["participant_job_title"]
    people = [ensure_user(**person, job_title=job_title) for person in data["participants"]]
    # The members demo's people, in the order of the data file; none without that demo.
    by_email = User.objects.in_bulk(data["members"], field_name="email")
    members = [by_email[email] for email in data["members"] if email in by_email]
    count = 0
    events = []
    for record in data["events"]:
        event = upsert(
            Event,
            {"slug": record["slug"]},
            _event_values(record, data, markets, organisations),
        )
        events.append(event)
        crowd = members if event.is_members_only else people + members
        count += _register(
            event, crowd, members, wanted=record["registrations"], full=record.get("full", False)
        )
    drawn = illustrate(events, kind="event", theme=first_theme)
    # An event first serves what its kind is for, and what its text adds.
    tagged = sum(
        tag_objectives(
            [event for event in events if OBJECTIVE_OF_KIND.get(event.kind, 1) == usual],
            text=lambda event: f"{event.title} {event.summary}",
            usual=usual,
        )
        for usual in set(OBJECTIVE_OF_KIND.values()) | {1}
    )
    log(
        f"events: {len(data['events'])} events, {count} registrations, {drawn} covers drawn, "
        f"{tagged} tagged with roadmap objectives"
    )
    if scale:
        _generate(
            scale // 2, data["generated"], markets=list(markets.values()), people=people, log=log
        )


def _generate(count: int, texts: dict, *, markets, people, log) -> None:
    """``count`` more events (half past, half to come) with a few registrations each."""
    wanted = {GENERATED_SLUG.format(number): number for number in range(count)}
    kinds = Event.Kind.values
    new = []
    for slug in missing(Event, "slug", wanted):
        number = wanted[slug]
        start = _at((number % 400) - 200, 9 + number % 8)
        new.append(
            Event(
                slug=slug,
                kind=kinds[number % len(kinds)],
                **{name: text.format(number=number) for name, text in texts.items()},
                start=start,
                end=start + timedelta(hours=2),
                city="Besançon" if number % 3 else "",
                capacity=30 if number % 2 else None,
                status=Event.Status.PUBLISHED,
            )
        )
    Event.objects.bulk_create(new, batch_size=1000)
    created = Event.objects.filter(slug__in=[event.slug for event in new]).order_by("pk")
    through = Event.markets.through
    links = []
    registrations = []
    for number, event in enumerate(created):
        if markets:
            links.append(through(event_id=event.pk, market_id=markets[number % len(markets)].pk))
        for offset in range(3):
            user = people[(number + offset) % len(people)]
            registrations.append(
                Registration(event=event, user=user, status=Registration.Status.CONFIRMED)
            )
    through.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    Registration.objects.bulk_create(registrations, batch_size=2000, ignore_conflicts=True)
    total = Event.objects.filter(slug__startswith=GENERATED_SLUG.format("")).count()
    log(
        f"events: {len(new)} generated events added ({total} in all), "
        f"{len(registrations)} registrations"
    )
