"""Demo training catalogue of `manage.py load_demo`: a dozen fictional trainings over the
markets and formats, sessions in the past (attendance, certification results, satisfaction
answers) and in the future (requests, one full session with a waiting list).

Idempotent: trainings are keyed on their slug, the sessions of a demo training on their
rank (their dates follow today's date, so that the demo always has past and future
sessions), requests on (session, participant email) and answers on their request. ``scale``
adds ``scale // 4`` generated trainings with two sessions each, in bulk.
"""

import math
import random
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from inspect import cleandoc

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from accounts.demo import MEMBER_EMAIL
from content.models import Market
from members.models import Organisation
from members.validators import luhn_valid
from trainings.codes import EMPLOYEES
from trainings.demo_data import (
    ACCESS_METHODS,
    COMMENTS,
    COMPANIES,
    DISABILITY_ACCESS,
    METHODS,
    OUTCOME_ATTESTATION,
    PEOPLE,
    PLACES,
    TRAININGS,
    VENUES,
)
from trainings.models import (
    Enrolment,
    EnrolmentStatus,
    SatisfactionAnswer,
    Session,
    Training,
    TrainingProvider,
)

CONTACT = {
    "contact_name": "Léa Martin (démo)",
    "contact_email": "formation@vehicle-of-the-future.example",
    "contact_phone": "+33 3 53 48 00 12",
    "disability_referent_name": "Marc Bernard (démo)",
    "disability_referent_email": "handicap@vehicle-of-the-future.example",
    "disability_referent_phone": "+33 3 53 48 00 14",
}
LAUNCH = timezone.make_aware(datetime(2025, 1, 6, 9, 0))
GENERATED_SLUG = "formation-generee-{}"
# Days from today of the four sessions of a demo training: two past, two to come.
SESSION_OFFSETS = (-150, -45, 21, 70)


def _luhn_complete(base: str) -> str:
    """The 14-digit number starting with ``base`` (13 digits) that passes the Luhn check."""
    return next(base + str(digit) for digit in range(10) if luhn_valid(base + str(digit)))


def _text(name: str, text: str) -> str:
    if isinstance(Training._meta.get_field(name), models.TextField):
        return cleandoc(text)
    return " ".join(text.split())


def _translated(name: str, value: dict) -> dict:
    return {f"{name}_{language}": _text(name, text) for language, text in value.items()}


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(char for char in plain.lower() if char.isalnum() or char == "-")


def load_provider() -> TrainingProvider:
    provider, _created = TrainingProvider.objects.update_or_create(
        pk=1,
        defaults={
            "name": "Vehicle of the Future",
            "legal_name": "Pôle Véhicule du Futur (démo)",
            "siret": _luhn_complete("9990000010001"),
            "activity_number": "27259999925",
            "qualiopi_certificate_fr": (
                "Certificat n° DEMO-2025-0042 délivré par Certif'Qualité (démo), catégorie "
                "« actions de formation »"
            ),
            "qualiopi_certificate_en": (
                "certificate no. DEMO-2025-0042 issued by Certif'Qualité (démo), category "
                "“training actions”"
            ),
            "address": "1 rue de la Démonstration",
            "postcode": "25460",
            "city": "Étupes",
            "phone": "+33 3 53 48 00 10",
            "email": "formation@vehicle-of-the-future.example",
            "website": "https://www.vehicle-of-the-future.example",
        },
    )
    return provider


def _training_values(entry: dict) -> dict:
    methods = METHODS[entry["format"]]
    values = {
        "theme": entry["theme"],
        "format": entry["format"],
        "duration_hours": Decimal(str(entry["hours"])),
        "duration_days": Decimal(str(entry["days"])),
        "access_delay_days": 10,
        "nsf_codes": entry["nsf"],
        "formacodes": entry["formacode"],
        "public_codes": EMPLOYEES,
        "status": Training.Status.PUBLISHED,
        "published_at": LAUNCH,
        **CONTACT,
        **_translated("title", entry["title"]),
        **_translated("summary", entry["summary"]),
        **_translated("objectives", entry["objectives"]),
        **_translated("prerequisites", entry["prerequisites"]),
        **_translated("target_audience", entry["audience"]),
        **_translated("programme", entry["programme"]),
        **_translated("outcome", entry.get("outcome", OUTCOME_ATTESTATION)),
        **_translated("teaching_methods", methods["teaching"]),
        **_translated("evaluation_methods", methods["evaluation"]),
        **_translated("place", PLACES[entry["place"]]),
        **_translated("access_methods", ACCESS_METHODS),
        **_translated("disability_access", DISABILITY_ACCESS),
    }
    if entry["prices"]:
        member, other = entry["prices"]
        values.update(price_member=Decimal(member), price_non_member=Decimal(other))
        values["on_quotation"] = False
    else:
        values.update(price_member=None, price_non_member=None, on_quotation=True)
    certifying = entry.get("certifying")
    values["is_certifying"] = bool(certifying)
    if certifying:
        values.update(
            certification_code=certifying["code"],
            certifying_body=certifying["body"],
            **_translated("certification_title", certifying["title"]),
            **_translated("skill_blocks", certifying["blocks"]),
        )
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


def _sessions(training: Training, entry: dict, rank: int, today: date) -> list[Session]:
    venue = VENUES[entry["venue"]]
    days, start_time, end_time = _schedule(training)
    existing = list(training.sessions.order_by("pk"))
    sessions = []
    for index, offset in enumerate(SESSION_OFFSETS):
        in_past = offset < 0
        start = today + timedelta(days=offset - 3 * rank if in_past else offset + 5 * rank)
        values = {
            "start_date": start,
            "end_date": start + timedelta(days=days - 1),
            "start_time": start_time,
            "end_time": end_time,
            "seats": 6 if (rank == 0 and index == 2) else 12,
            "status": Session.Status.CONFIRMED if in_past or index == 2 else Session.Status.PLANNED,
            "remote_url": "https://visio.vehicle-of-the-future.example/formation"
            if not venue["city"]
            else "",
            **venue,
        }
        if index < len(existing):
            session = existing[index]
            for name, value in values.items():
                setattr(session, name, value)
            session.save()
        else:
            session = Session.objects.create(training=training, **values)
        sessions.append(session)
    return sessions


def _person(index: int) -> dict:
    first, last, job = PEOPLE[index % len(PEOPLE)]
    company = COMPANIES[index % len(COMPANIES)]
    domain = _ascii(company.split(" (")[0].replace(" ", "-").replace("'", "-"))
    email = f"{_ascii(first)}.{_ascii(last)}@{domain}.example"
    return {
        "requester_name": f"{first} {last}",
        "requester_email": email,
        "company_name": company,
        "participant_first_name": first,
        "participant_last_name": last,
        "participant_email": email,
        "participant_job_title": job,
    }


def _enrol(session: Session, person: dict, status: str, *, organisation=None, **extra):
    training = session.training
    if training.on_quotation:
        category, price = Enrolment.PriceCategory.QUOTATION, None
    elif organisation is not None:
        category, price = Enrolment.PriceCategory.MEMBER, training.price_member
    else:
        category, price = Enrolment.PriceCategory.NON_MEMBER, training.price_non_member
    enrolment, _created = Enrolment.objects.update_or_create(
        session=session,
        participant_email=person["participant_email"],
        defaults={
            **person,
            **extra,
            "status": status,
            "organisation": organisation,
            "price_category": category,
            "price_excl_vat": price,
        },
    )
    return enrolment


def _past_session(
    session: Session, rank: int, index: int, rng: random.Random, *, certifying: bool
) -> int:
    """Six to eight participants, one absent now and then, most of them answered."""
    answers = 0
    count = 6 + (rank + index) % 3
    for number in range(count):
        person = _person(rank * 3 + number)
        absent = number == count - 1 and rank % 2 == 0
        result = ""
        if certifying and not absent:
            result = "failed" if number == 2 else "passed"
        enrolment = _enrol(
            session,
            person,
            EnrolmentStatus.ABSENT if absent else EnrolmentStatus.ATTENDED,
            certification_result=result,
        )
        if absent or number == count - 2:  # one attendee has not answered (yet)
            continue
        rating = rng.choices([5, 4, 3, 2], weights=[50, 35, 12, 3])[0]
        answered = timezone.make_aware(
            datetime.combine(session.end_date + timedelta(days=2), time(10, 0))
        )
        SatisfactionAnswer.objects.update_or_create(
            enrolment=enrolment,
            defaults={
                "rating": rating,
                "objectives_met": "yes" if rating >= 4 else ("partly" if rating == 3 else "no"),
                "would_recommend": rating >= 4,
                "comment": COMMENTS[number % len(COMMENTS)]["fr"] if rating != 4 else "",
            },
        )
        SatisfactionAnswer.objects.filter(enrolment=enrolment).update(created_at=answered)
        Enrolment.objects.filter(pk=enrolment.pk).update(survey_sent_at=answered)
        answers += 1
    return answers


def _member_requests(sessions_by_slug: dict, today: date) -> int:
    """Requests of the demo member account: one finished session with a questionnaire to
    answer, a confirmed seat and a colleague's request to come."""
    member = get_user_model().objects.filter(email=MEMBER_EMAIL).first()
    if member is None:
        return 0
    organisations = Organisation.objects.active().of_user(member)
    organisation = (
        organisations.filter(name__startswith="Voltaria").first() or organisations.first()
    )
    company = organisation.name if organisation else "Voltaria (démo)"
    me = {
        "requester_name": "Hugo Exemple",
        "requester_email": MEMBER_EMAIL,
        "company_name": company,
        "participant_first_name": "Hugo",
        "participant_last_name": "Exemple",
        "participant_email": MEMBER_EMAIL,
        "participant_job_title": "Responsable R&D",
    }
    past = sessions_by_slug["securite-batteries-vehicules-electriques"][1]
    attended = _enrol(
        past,
        me,
        EnrolmentStatus.ATTENDED,
        organisation=organisation,
        requester=member,
        participant_user=member,
    )
    Enrolment.objects.filter(pk=attended.pk).update(
        survey_sent_at=timezone.make_aware(
            datetime.combine(past.end_date + timedelta(days=1), time(8, 0))
        )
    )
    future = sessions_by_slug["securite-fonctionnelle-iso-26262-bases"][2]
    _enrol(
        future,
        me,
        EnrolmentStatus.CONFIRMED,
        organisation=organisation,
        requester=member,
        participant_user=member,
    )
    colleague = {
        **me,
        "participant_first_name": "Nora",
        "participant_last_name": "Exemple",
        "participant_email": "nora.exemple@voltaria-demo.example",
        "participant_job_title": "Ingénieure logiciel embarqué",
    }
    _enrol(
        future, colleague, EnrolmentStatus.REQUESTED, organisation=organisation, requester=member
    )
    return 3


def _future_requests(sessions: list[Session], rank: int) -> int:
    count = 0
    upcoming, later = sessions[2], sessions[3]
    if rank == 0:  # the first training's next session is full, with a waiting list
        for number in range(upcoming.seats):
            status = EnrolmentStatus.CONFIRMED if number < 4 else EnrolmentStatus.REQUESTED
            _enrol(upcoming, _person(20 + number), status)
            count += 1
        _enrol(upcoming, _person(20 + upcoming.seats), EnrolmentStatus.WAITING_LIST)
        return count + 1
    for number in range(rank % 4 + 1):
        status = EnrolmentStatus.CONFIRMED if number % 2 == 0 else EnrolmentStatus.REQUESTED
        _enrol(upcoming, _person(rank + number), status)
        count += 1
    if rank % 3 == 0:
        _enrol(later, _person(rank + 7), EnrolmentStatus.REQUESTED)
        count += 1
    return count


def _generated(number: int, market: Market) -> Training:
    name_fr, name_en = market.name_fr, market.name_en
    theme = Training.Theme.values[number % len(Training.Theme.values)]
    training_format = Training.Format.values[number % len(Training.Format.values)]
    lines_fr = "Comprendre les enjeux du marché\nAppliquer les méthodes présentées\nÉchanger avec des pairs"  # noqa: E501
    lines_en = "Understand the market's stakes\nApply the methods presented\nShare with peers"
    return Training(
        slug=GENERATED_SLUG.format(number),
        theme=theme,
        format=training_format,
        status=Training.Status.PUBLISHED,
        published_at=LAUNCH,
        duration_hours=Decimal(7),
        duration_days=Decimal(1),
        price_member=Decimal(400 + number % 5 * 50),
        price_non_member=Decimal(550 + number % 5 * 50),
        nsf_codes="200",
        public_codes=EMPLOYEES,
        **CONTACT,
        **{
            f"{name}_{language}": value
            for name, values in {
                "title": (f"Formation générée n°{number}", f"Generated training #{number}"),
                "summary": (
                    f"Une journée de formation générée sur le marché « {name_fr} ».",
                    f"A generated one-day training on the “{name_en}” market.",
                ),
                "objectives": (lines_fr, lines_en),
                "prerequisites": ("Aucun.", "None."),
                "target_audience": ("Salariés de la filière.", "Employees of the industry."),
                "outcome": (
                    "Une attestation de fin de formation.",
                    "A certificate of completion.",
                ),
                "programme": (
                    "## Matin\n- Enjeux\n\n## Après-midi\n- Mise en pratique",
                    "## Morning\n- Stakes\n\n## Afternoon\n- Practice",
                ),
                "teaching_methods": ("Exposés et exercices.", "Talks and exercises."),
                "evaluation_methods": ("Quiz final.", "Final quiz."),
                "place": ("Étupes (Doubs)", "Étupes (Doubs)"),
                "access_methods": ("Demande en ligne.", "Online request."),
                "disability_access": ("Locaux accessibles.", "Accessible premises."),
            }.items()
            for language, value in zip(("fr", "en"), values, strict=True)
        },
    )


def generate_trainings(count: int, markets: list[Market], today: date) -> int:
    """Add the missing generated trainings, their market and two sessions each, in bulk."""
    existing = set(
        Training.objects.filter(slug__startswith=GENERATED_SLUG.format("")).values_list(
            "slug", flat=True
        )
    )
    new = {
        number: _generated(number, markets[number % len(markets)])
        for number in range(1, count + 1)
        if GENERATED_SLUG.format(number) not in existing
    }
    for training in new.values():
        training.title = training.title_fr
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
    for number, training in new.items():
        for offset in (-(30 + number % 200), 14 + number % 300):
            start = today + timedelta(days=offset)
            sessions.append(
                Session(
                    training=training,
                    start_date=start,
                    end_date=start,
                    seats=12,
                    venue_fr="Pôle Véhicule du Futur",
                    venue_en="Vehicle of the Future cluster",
                    address="1 rue de la Démonstration",
                    postcode="25460",
                    city="Étupes",
                )
            )
    Session.objects.bulk_create(sessions, batch_size=1000)
    return len(new)


def load(*, scale: int, log) -> None:
    today = timezone.localdate()
    load_provider()
    markets = {market.theme: market for market in Market.objects.all()}
    sessions_by_slug = {}
    answers = requests = 0
    for rank, entry in enumerate(TRAININGS):
        training, _created = Training.objects.update_or_create(
            slug=entry["slug"], defaults=_training_values(entry)
        )
        chosen = [markets[theme] for theme in entry["markets"] if theme in markets]
        training.markets.set(chosen)
        if not chosen:  # without the content demo's markets it cannot go online
            Training.objects.filter(pk=training.pk).update(status=Training.Status.DRAFT)
        if entry["venue"] is None:  # on quotation, at the client's: no public session
            continue
        sessions = _sessions(training, entry, rank, today)
        sessions_by_slug[entry["slug"]] = sessions
        rng = random.Random(entry["slug"])
        for index, session in enumerate(sessions[:2]):
            answers += _past_session(session, rank, index, rng, certifying=training.is_certifying)
        requests += _future_requests(sessions, rank)
    requests += _member_requests(sessions_by_slug, today)
    generated = 0
    if scale > 0 and markets:
        ordered = sorted(markets.values(), key=lambda market: market.order)
        generated = generate_trainings(scale // 4, ordered, today)
    log(
        f"trainings: {len(TRAININGS)} trainings, {sum(map(len, sessions_by_slug.values()))} "
        f"sessions, {requests} requests to come, {answers} satisfaction answers"
        + (f", {generated} new generated trainings" if scale > 0 else "")
    )
