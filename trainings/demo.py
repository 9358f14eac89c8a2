"""Demo training catalogue of `manage.py load_demo`: the trainings, texts and session dates
of ``trainings/demo/*.toml``, linked here to the markets (content demo), the demo member
account (accounts) and its organisation (members), and sessions filled with requests: past
ones with attendance, certification results and satisfaction answers, upcoming ones with
requests (one full session with a waiting list).

Idempotent: trainings are keyed on their slug, the sessions of a demo training on their
rank, requests on (session, participant email) and answers on their request. ``scale``
adds ``scale // 4`` generated trainings with two sessions each, in bulk.
"""

import math
import random
from datetime import date, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from content.demo import tag_objectives
from content.models import Market
from core.demo import first_theme, illustrate, missing, read, upsert, when
from core.workdays import working_day
from members.models import Organisation
from trainings.models import (
    Enrolment,
    EnrolmentStatus,
    SatisfactionAnswer,
    Session,
    Training,
    TrainingProvider,
)

GENERATED_SLUG = "formation-generee-{}"
# Keys of a training in trainings.toml that are not plain fields: the glue below uses them.
NOT_FIELDS = ("slug", "markets", "place", "venue", "sessions", "price_member", "price_non_member")


def _decimal(value) -> Decimal:
    return Decimal(str(value))


def _training_values(record: dict, shared: dict) -> dict:
    """The fields of a training of trainings.toml, completed with what they all share."""
    values = {
        **shared["defaults"],
        **shared["catalogue"],
        **shared["methods"][record["format"]],
        **shared["places"][record["place"]],
        **{name: value for name, value in record.items() if name not in NOT_FIELDS},
        "duration_hours": _decimal(record["duration_hours"]),
        "duration_days": _decimal(record["duration_days"]),
        "is_certifying": bool(record.get("certification_code")),
        "on_quotation": record.get("on_quotation", False),
    }
    for name in ("price_member", "price_non_member"):  # none on quotation
        values[name] = _decimal(record[name]) if name in record else None
    return values


def _schedule(training: Training) -> tuple[int, time, time]:
    """Number of days and daily times of a session of ``training`` (the online part of a
    blended training is not in the session)."""
    if training.format == Training.Format.BLENDED:
        days = max(math.floor(training.duration_days), 1)
    else:
        days = math.ceil(training.duration_days)
    per_day = training.duration_hours / days
    if per_day <= 4:
        minutes = int(per_day * 60)
        return days, time(9, 0), time(9 + minutes // 60, minutes % 60)
    return days, time(9, 0), time(17, 0)


def session_start(value, *, days: int, today: date) -> date:
    """The first day of a demo session written ``value`` (``"today+21"``) in the data file,
    loaded on ``today``: its ``days`` days are all working days (core.workdays), and a past
    session moves earlier so that it stays in the past."""
    start = when(value, today=today)
    return working_day(start, days=days, backwards=start < today)


def _sessions(training: Training, starts: list, venue: dict, rank: int, today: date) -> list:
    """The sessions of a demo training, two past then two to come: all confirmed but the
    last one, still planned; the first training's next session has few seats (it is full)."""
    days, start_time, end_time = _schedule(training)
    existing = list(training.sessions.order_by("pk"))
    sessions = []
    for index, day in enumerate(starts):
        start = session_start(day, days=days, today=today)
        values = {
            "start_date": start,
            "end_date": start + timedelta(days=days - 1),
            "start_time": start_time,
            "end_time": end_time,
            "seats": 6 if (rank == 0 and index == 2) else 12,
            "status": Session.Status.PLANNED if index == 3 else Session.Status.CONFIRMED,
            **venue,
        }
        session = existing[index] if index < len(existing) else Session(training=training)
        for name, value in values.items():
            setattr(session, name, value)
        session.save()
        sessions.append(session)
    return sessions


def _person(index: int, requests: dict) -> dict:
    """A fictional participant; each one works for one of the companies in turn."""
    person = dict(requests["people"][index % len(requests["people"])])
    company = requests["companies"][index % len(requests["companies"])]
    email = f"{person.pop('login')}@{company['domain']}"
    return {
        **person,
        "requester_name": f"{person['participant_first_name']} {person['participant_last_name']}",
        "requester_email": email,
        "company_name": company["name"],
        "participant_email": email,
    }


def _enrol(session: Session, person: dict, status: str, *, organisation=None, **extra):
    training = session.training
    if training.on_quotation:
        category, price = Enrolment.PriceCategory.QUOTATION, None
    elif organisation is not None:
        category, price = Enrolment.PriceCategory.MEMBER, training.price_member
    else:
        category, price = Enrolment.PriceCategory.NON_MEMBER, training.price_non_member
    return upsert(
        Enrolment,
        {"session": session, "participant_email": person["participant_email"]},
        {
            **person,
            **extra,
            "status": status,
            "organisation": organisation,
            "price_category": category,
            "price_excl_vat": price,
        },
    )


def _past_session(session: Session, rank: int, index: int, rng, requests: dict) -> int:
    """Six to eight participants, one absent now and then, most of them answered."""
    certifying = session.training.is_certifying
    answers = 0
    count = 6 + (rank + index) % 3
    for number in range(count):
        absent = number == count - 1 and rank % 2 == 0
        result = ""
        if certifying and not absent:
            result = "failed" if number == 2 else "passed"
        enrolment = _enrol(
            session,
            _person(rank * 3 + number, requests),
            EnrolmentStatus.ABSENT if absent else EnrolmentStatus.ATTENDED,
            certification_result=result,
        )
        if absent or number == count - 2:  # one attendee has not answered (yet)
            continue
        rating = rng.choices([5, 4, 3, 2], weights=[50, 35, 12, 3])[0]
        answered = when("today+2 10:00", today=session.end_date)  # two days after the end
        comments = requests["comments"]
        upsert(
            SatisfactionAnswer,
            {"enrolment": enrolment},
            {
                "rating": rating,
                "objectives_met": "yes" if rating >= 4 else ("partly" if rating == 3 else "no"),
                "would_recommend": rating >= 4,
                "comment": comments[number % len(comments)] if rating != 4 else "",
            },
        )
        SatisfactionAnswer.objects.filter(enrolment=enrolment).update(created_at=answered)
        Enrolment.objects.filter(pk=enrolment.pk).update(survey_sent_at=answered)
        answers += 1
    return answers


def _member_requests(sessions_by_slug: dict, spec: dict) -> int:
    """Requests of the demo member account, found by email, and of a colleague (see
    requests.toml); none without the accounts demo."""
    member = get_user_model().objects.filter(email=spec["email"]).first()
    if member is None:
        return 0
    organisation = Organisation.objects.filter(slug=spec["organisation"]).first()
    me = {**spec["request"], "requester_email": member.email, "participant_email": member.email}
    if organisation is not None:
        me["company_name"] = organisation.name
    mine = {"organisation": organisation, "requester": member, "participant_user": member}
    past = sessions_by_slug[spec["attended"]][1]  # the last past session
    attended = _enrol(past, me, EnrolmentStatus.ATTENDED, **mine)
    sent = when("today+1 08:00", today=past.end_date)  # the day after the end
    Enrolment.objects.filter(pk=attended.pk).update(survey_sent_at=sent)
    future = sessions_by_slug[spec["booked"]][2]  # the next session
    _enrol(future, me, EnrolmentStatus.CONFIRMED, **mine)
    colleague = {**me, **spec["colleague"]}
    _enrol(
        future, colleague, EnrolmentStatus.REQUESTED, organisation=organisation, requester=member
    )
    return 3


def _future_requests(sessions: list[Session], rank: int, requests: dict) -> int:
    upcoming, later = sessions[2], sessions[3]
    if rank == 0:  # the first training's next session is full, with a waiting list
        for number in range(upcoming.seats):
            status = EnrolmentStatus.CONFIRMED if number < 4 else EnrolmentStatus.REQUESTED
            _enrol(upcoming, _person(20 + number, requests), status)
        _enrol(upcoming, _person(20 + upcoming.seats, requests), EnrolmentStatus.WAITING_LIST)
        return upcoming.seats + 1
    count = rank % 4 + 1
    for number in range(count):
        status = EnrolmentStatus.CONFIRMED if number % 2 == 0 else EnrolmentStatus.REQUESTED
        _enrol(upcoming, _person(rank + number, requests), status)
    if rank % 3 == 0:
        _enrol(later, _person(rank + 7, requests), EnrolmentStatus.REQUESTED)
        count += 1
    return count


def load_provider() -> TrainingProvider:
    """The cluster's training organisation (a single row)."""
    return upsert(TrainingProvider, {"pk": 1}, read("trainings", "shared")["provider"])


def generate_trainings(count: int, markets: list[Market], today: date) -> int:
    """Add the missing generated trainings, their market and two sessions each, in bulk."""
    shared = read("trainings", "shared")
    wanted = {GENERATED_SLUG.format(number): number for number in range(1, count + 1)}
    texts = {name: value for name, value in shared["generated"].items() if name != "venue"}
    new = {}
    for slug in missing(Training, "slug", wanted):
        number = wanted[slug]
        market = markets[number % len(markets)]
        names = {"number": number, "market_fr": market.name_fr, "market_en": market.name_en}
        training = Training(
            slug=slug,
            theme=Training.Theme.values[number % len(Training.Theme.values)],
            format=Training.Format.values[number % len(Training.Format.values)],
            price_member=Decimal(400 + number % 5 * 50),
            price_non_member=Decimal(550 + number % 5 * 50),
            **shared["defaults"],
            **{
                name: value.format(**names) if isinstance(value, str) else value
                for name, value in texts.items()
            },
        )
        training.title = training.title_fr  # bulk_create skips the translation fallback
        new[number] = training
    Training.objects.bulk_create(new.values(), batch_size=500)
    through = Training.markets.through
    through.objects.bulk_create(
        [
            through(training_id=training.pk, market_id=markets[number % len(markets)].pk)
            for number, training in new.items()
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    sessions = []
    venue = shared["generated"]["venue"]
    for number, training in new.items():
        for offset in (-(30 + number % 200), 14 + number % 300):
            start = working_day(today + timedelta(days=offset), backwards=offset < 0)
            sessions.append(
                Session(training=training, start_date=start, end_date=start, seats=12, **venue)
            )
    Session.objects.bulk_create(sessions, batch_size=1000)
    return len(new)


def load(*, scale: int, log) -> None:
    today = timezone.localdate()
    shared, requests = read("trainings", "shared"), read("trainings", "requests")
    catalogue = read("trainings", "trainings")["trainings"]
    load_provider()
    markets = {market.theme: market for market in Market.objects.all()}
    sessions_by_slug = {}
    answers = count = 0
    trainings = []
    for rank, record in enumerate(catalogue):
        chosen = [markets[theme] for theme in record["markets"] if theme in markets]
        training = upsert(
            Training,
            {"slug": record["slug"]},
            {**_training_values(record, shared), "markets": chosen},
        )
        trainings.append(training)
        if not chosen:  # without the content demo's markets it cannot go online
            Training.objects.filter(pk=training.pk).update(status=Training.Status.DRAFT)
        if "sessions" not in record:  # on quotation, at the client's: no public session
            continue
        venue = shared["venues"][record["venue"]]
        sessions = _sessions(training, record["sessions"], venue, rank, today)
        sessions_by_slug[record["slug"]] = sessions
        rng = random.Random(record["slug"])
        for index, session in enumerate(sessions[:2]):
            answers += _past_session(session, rank, index, rng, requests)
        count += _future_requests(sessions, rank, requests)
    count += _member_requests(sessions_by_slug, requests["member"])
    drawn = illustrate(trainings, kind="training", theme=first_theme)
    # Trainings serve upskilling (objective 5), and what their text adds.
    tagged = tag_objectives(
        trainings, text=lambda training: f"{training.title} {training.summary}", usual=5
    )
    log(f"trainings: {drawn} covers drawn, {tagged} tagged with roadmap objectives")
    generated = 0
    if scale > 0 and markets:
        ordered = sorted(markets.values(), key=lambda market: market.order)
        generated = generate_trainings(scale // 4, ordered, today)
    log(
        f"trainings: {len(catalogue)} trainings, {sum(map(len, sessions_by_slug.values()))} "
        f"sessions, {count} requests to come, {answers} satisfaction answers"
        + (f", {generated} new generated trainings" if scale > 0 else "")
    )
