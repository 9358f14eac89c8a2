"""Demo members of `make run`: fictional organisations, people, platforms and applications.

The records are data, in ``members/demo/*.toml``; this module links them (people to their
organisation, platforms to their owner and contact) and draws the logos. Running it again
updates the same rows. ``scale`` adds that many generated organisations with bulk inserts,
for benchmarks (5,000 load in a few seconds).
"""

import hashlib
import io
import random
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from accounts.demo import DEMO_PASSWORD, MEMBER_EMAIL, ensure_user
from accounts.models import User
from content.demo import tag_objectives
from content.models import Market
from core.demo import load as load_records
from core.demo import read, upsert, when
from members import search, services
from members.models import (
    Certification,
    Competency,
    ContactMessage,
    Invitation,
    JoinRequest,
    Membership,
    MembershipApplication,
    MembershipSettings,
    Organisation,
    Platform,
)

SHAPES = ["circle", "rounded", "hexagon", "diamond"]
COLOURS = ["#0b7a4b", "#0b63a8", "#6b3fb0", "#a84b08", "#9e2a3f", "#14457a", "#007a65"]
GENERATED_PREFIX = "generee-"


def _number(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)


@cache
def _font(size: int):
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def logo_png(name: str) -> bytes:
    """A simple logo: the initials of ``name`` on a coloured shape (256 × 256 PNG)."""
    number = _number(name)
    colour = COLOURS[number % len(COLOURS)]
    shape = SHAPES[(number // 7) % len(SHAPES)]
    image = Image.new("RGBA", (256, 256), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    box = (16, 16, 240, 240)
    if shape == "circle":
        draw.ellipse(box, fill=colour)
    elif shape == "rounded":
        draw.rounded_rectangle(box, radius=48, fill=colour)
    elif shape == "hexagon":
        draw.regular_polygon((128, 128, 116), 6, fill=colour)
    else:
        draw.regular_polygon((128, 128, 120), 4, fill=colour)
    words = [w for w in name.replace("(démo)", "").replace("'", " ").split() if w[0].isupper()]
    initials = "".join(word[0] for word in words[:2]).upper() or "?"
    draw.text((128, 132), initials, fill="white", font=_font(96), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _ensure_people(specs: list[dict]) -> dict[str, User]:
    """Create the demo people, hashing the shared password once rather than per person."""
    existing = set(
        User.objects.filter(email__in=[s["email"] for s in specs]).values_list("email", flat=True)
    )
    missing = [s for s in specs if s["email"] not in existing]
    if missing:
        password = make_password(DEMO_PASSWORD)
        User.objects.bulk_create(
            [User(email=s["email"], password=password) for s in missing], batch_size=500
        )
    people = User.objects.in_bulk([s["email"] for s in specs], field_name="email")
    for spec in missing:
        people[spec["email"]] = ensure_user(**spec)
    return people


def _join(organisation: Organisation, user: User, role: str, visibility: str) -> None:
    """Add ``user`` as the site does (the consent log included), then let them choose who sees
    their name, unless they already chose something else than the default."""
    membership = services.membership_create(
        organisation=organisation, user=user, role=role, job_title=user.job_title
    )
    default = Membership.Visibility.MEMBERS
    if membership.visibility == default and visibility != default:
        services.membership_update_self(
            membership=membership, job_title=membership.job_title, visibility=visibility
        )


def _save_organisation(slug: str, fields: dict, relations: dict, logo: bool) -> Organisation:
    """Create or update the organisation only if something changed, as one history entry
    that already holds its final many-to-many values."""
    organisation = Organisation.objects.filter(slug=slug).first() or Organisation(
        slug=slug,
        region=Organisation.Region.ABROAD,  # derived from the postcode on save
    )
    changed = organisation.pk is None or any(
        getattr(organisation, field) != value for field, value in fields.items()
    )
    for field, value in fields.items():
        setattr(organisation, field, value)
    stored = organisation.logo and organisation.logo.storage.exists(organisation.logo.name)
    if logo and not stored:
        organisation.logo = ContentFile(logo_png(organisation.name), name=f"{slug}.png")
        changed = True
    if organisation.pk is not None:
        changed = changed or any(
            set(getattr(organisation, relation).all()) != set(values)
            for relation, values in relations.items()
        )
    if changed:
        organisation.skip_history_when_saving = True
        organisation.save()
        for relation, values in relations.items():
            getattr(organisation, relation).set(values)
        del organisation.skip_history_when_saving
        organisation.save()
    return organisation


def _markets(markets: dict, themes: list[str]) -> list[Market]:
    return [markets[theme] for theme in themes if theme in markets]


def _load_organisations(data: dict, markets, competencies, certifications) -> dict:
    """The organisations of organisations.toml by slug, with what follows from each record."""
    paid_until = timezone.localdate().replace(month=12, day=31)
    organisations = {}
    for record in data["organisation"]:
        fields = {name: value for name, value in record.items() if name != "people"}
        slug = fields.pop("slug")
        logo = fields.pop("logo", True)
        relations = {
            "markets": _markets(markets, fields.pop("markets", [])),
            "competencies": [competencies[s] for s in fields.pop("competencies", [])],
            "certifications": [certifications[s] for s in fields.pop("certifications", [])],
        }
        know_how = ", ".join(c.name_fr.lower() for c in relations["competencies"])
        description = data["description"].format(
            city=fields["city"], know_how=know_how or data["no_know_how"]
        )
        fields = {
            **data["all"],
            "paid_until": paid_until,
            "website": f"https://www.{slug}.example",
            "description": description,
            **fields,
        }
        fields["paid_until"] = when(fields["paid_until"])
        organisations[slug] = _save_organisation(slug, fields, relations, logo)
    return organisations


def _load_people(records: list[dict], organisations: dict) -> dict[str, User]:
    """The people of each organisation, at first.last@<its domain>."""
    specs, places = [], []
    for record in records:
        organisation = organisations[record["slug"]]
        for person in record.get("people", []):
            first, last = person["first_name"], person["last_name"]
            email = f"{slugify(first)}.{slugify(last)}@{organisation.email_domain}"
            job_title = person["job_title"]
            specs.append(
                {"email": email, "first_name": first, "last_name": last, "job_title": job_title}
            )
            role = person.get("role", Membership.Role.COLLEAGUE)
            places.append((organisation, email, role, person.get("visibility", "members")))
    people = _ensure_people(specs)
    existing = set(
        Membership.objects.filter(organisation__in=organisations.values()).values_list(
            "organisation_id", "user_id"
        )
    )
    for organisation, email, role, visibility in places:
        if (organisation.pk, people[email].pk) not in existing:
            _join(organisation, people[email], role, visibility)
    return people


def _load_joining(data: dict, organisations: dict) -> None:
    """The demo member account's organisation, then join requests and invitations."""
    member = ensure_user(email=MEMBER_EMAIL)
    own = organisations[data["member"]["organisation"]]
    _join(own, member, Membership.Role.ADMIN, data["member"]["visibility"])
    if not Organisation.history.filter(id=own.pk, history_user=member).exists():
        own._history_user = member
        own.pitch_fr = data["member"]["pitch_edit"]
        own.save()
    for record in data["join_request"]:
        organisation = organisations[record["organisation"]]
        person = ensure_user(**record["person"])
        if not organisation.memberships.filter(user=person).exists():
            key = {"user": person, "organisation": organisation, "status": "pending"}
            upsert(JoinRequest, key, {"message": record["message"]})
    for record in data["invitation"]:
        organisation = organisations[record["organisation"]]
        if not organisation.invitations.pending().filter(email=record["email"]).exists():
            _token, token_hash = Invitation.new_token()
            Invitation.objects.create(
                organisation=organisation,
                email=record["email"],
                role=record["role"],
                token_hash=token_hash,
                invited_by=member,
                expires_at=Invitation.default_expiry(),
            )


def _load_platforms(organisations: dict, markets: dict) -> int:
    """The platforms, each with the first admin of its organisation as contact."""
    data = read("members", "platforms")
    records = []
    for record in data["platform"]:
        admins = organisations[record["organisation"]].memberships.admins()
        admin = admins.select_related("user").first()
        records.append(
            {
                **record,
                "description": data["description"].format(summary=record["summary"]),
                "contact": admin.user if admin else None,
            }
        )
    convert = {
        "organisation": organisations.__getitem__,
        "markets": lambda themes: _markets(markets, themes),
    }
    platforms = load_records(Platform, records, key="slug", convert=convert).values()
    # Platforms answer the need for innovation platforms (objective 3), and what their text adds.
    tag_objectives(platforms, text=lambda platform: f"{platform.name} {platform.summary}", usual=3)
    return len(platforms)


def _load_applications(records: list[dict], markets: dict) -> int:
    """Organisations that applied for membership, with their pending application."""
    for record in records:
        application = dict(record)
        fields = dict(application.pop("organisation"))
        fields["markets"] = _markets(markets, fields["markets"])
        organisation = upsert(Organisation, {"slug": fields.pop("slug")}, fields)
        upsert(MembershipApplication, {"organisation": organisation}, application)
    return len(records)


def load_generated(count: int, markets: list[Market], competencies: list[Competency]) -> int:
    """Bulk-insert ``count`` generated organisations (those already there are kept)."""
    if count <= 0 or not markets or not competencies:
        return 0
    vocabulary = read("members", "generated")
    words, postcodes = vocabulary["words"], vocabulary["postcodes"]
    existing = set(
        Organisation.objects.filter(slug__startswith=GENERATED_PREFIX).values_list(
            "slug", flat=True
        )
    )
    today = timezone.localdate()
    kinds = Organisation.Kind.values
    sizes = Organisation.SizeBand.values
    rows, picks = [], []
    for number in range(1, count + 1):
        slug = f"{GENERATED_PREFIX}{number:05d}"
        if slug in existing:
            continue
        word = words[number % len(words)]
        postcode, city = postcodes[number % len(postcodes)]
        chosen_markets = [markets[number % len(markets)], markets[(number * 3) % len(markets)]]
        chosen_skills = [competencies[(number * k) % len(competencies)] for k in (1, 5, 11)]
        name = f"{word} Organisation {number:05d} (démo)"
        pitch = f"Organisation générée n° {number} : {word.lower()} pour la mobilité de demain."
        organisation = Organisation(
            name=name,
            slug=slug,
            kind=kinds[number % len(kinds)],
            size_band=sizes[number % len(sizes)],
            postcode=postcode,
            city=city,
            country="FR",
            website=f"https://www.{slug}.example",
            pitch=pitch,
            membership_status=Organisation.Status.ACTIVE,
            member_since=date(2006 + number % 19, 1 + number % 12, 1),
            paid_until=today.replace(month=12, day=31),
            is_public=True,
        )
        organisation.derive_location()
        organisation.sort_name = search.normalise(name)
        organisation.search_text = search.search_document(
            name,
            pitch,
            city,
            *[n for c in chosen_skills for n in (c.name_fr, c.name_en)],
        )
        rows.append(organisation)
        picks.append((set(chosen_markets), set(chosen_skills)))
    created = Organisation.objects.bulk_create(rows, batch_size=1000)
    market_links, skill_links = [], []
    MarketLink = Organisation.markets.through
    SkillLink = Organisation.competencies.through
    for organisation, (chosen_markets, chosen_skills) in zip(created, picks, strict=True):
        market_links += [MarketLink(organisation=organisation, market=m) for m in chosen_markets]
        skill_links += [SkillLink(organisation=organisation, competency=c) for c in chosen_skills]
    MarketLink.objects.bulk_create(market_links, batch_size=2000)
    SkillLink.objects.bulk_create(skill_links, batch_size=2000)
    return len(created)


CONTACT_SUBJECTS = [
    "Partenariat sur un projet de recharge",
    "Demande de rendez-vous au prochain salon",
    "Question sur votre banc d'essai",
    "Sous-traitance : demande de devis",
    "Consortium pour un appel à projets",
]


def _load_contact_messages(organisations: dict, people: dict) -> int:
    """A few messages relayed to the organisations over the last six months, from people of
    other organisations (the figures their admins see on the company dashboard). Only for
    organisations that have received none yet, so a second run adds nothing."""

    senders = sorted(people.values(), key=lambda user: user.email)
    received = set(
        ContactMessage.objects.filter(organisation__in=organisations.values()).values_list(
            "organisation_id", flat=True
        )
    )
    now = timezone.now()
    created = 0
    for slug in sorted(organisations):
        organisation = organisations[slug]
        if organisation.pk in received or not senders:
            continue
        rng = random.Random(slug)
        for days_ago in sorted(rng.sample(range(1, 180), rng.randint(2, 9)), reverse=True):
            sender = rng.choice(senders)
            message = ContactMessage.objects.create(
                kind=ContactMessage.Kind.ORGANISATION,
                sender=sender,
                organisation=organisation,
                subject=rng.choice(CONTACT_SUBJECTS),
                body="Bonjour, nous aimerions échanger avec vous. (Message fictif.)",
            )
            ContactMessage.objects.filter(pk=message.pk).update(
                created_at=now - timedelta(days=days_ago, hours=rng.randint(0, 9))
            )
            created += 1
    return created


def load(*, scale: int, log) -> None:
    MembershipSettings.current()
    markets = Market.objects.in_bulk(field_name="theme")
    vocabularies = read("members", "vocabularies")
    competencies = load_records(Competency, vocabularies["competency"], key="slug")
    certifications = load_records(Certification, vocabularies["certification"], key="slug")
    data = read("members", "organisations")
    organisations = _load_organisations(data, markets, competencies, certifications)
    people = _load_people(data["organisation"], organisations)
    joining = read("members", "joining")
    _load_joining(joining, organisations)
    platforms = _load_platforms(organisations, markets)
    applications = _load_applications(joining["application"], markets)
    messages = _load_contact_messages(organisations, people)
    generated = load_generated(scale, list(markets.values()), list(competencies.values()))
    log(
        f"members: {len(organisations)} organisations, {len(people)} people, "
        f"{platforms} platforms, {messages} new contact messages, "
        f"{applications} pending application"
        + ("s" if applications > 1 else "")
        + (f", {generated} generated organisations" if generated else "")
        + f" ({MEMBER_EMAIL} administers Voltaria)"
    )
