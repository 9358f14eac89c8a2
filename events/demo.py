"""Demo events of `manage.py load_demo`: about 30 fictional events and their registrations.

Dates are relative to the day of loading, so that the demo always has past and upcoming
events. Every event is keyed on its slug and every registration on (event, person): loading
twice updates the same rows. People and companies are fictional (``.example`` addresses).
``--scale N`` adds N/2 generated events with registrations, written with bulk_create.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone

from accounts.demo import MEMBER_EMAIL, ensure_user
from accounts.models import User
from content.models import Market
from events.models import Event, Registration
from members.models import Membership, Organisation

PARIS = ZoneInfo("Europe/Paris")

# Fictional people who register (not members of any organisation unless the members demo
# makes them so).
PEOPLE = [
    ("Léa", "Fontaine"),
    ("Mathis", "Girard"),
    ("Inès", "Lambert"),
    ("Noah", "Renaud"),
    ("Chloé", "Mercier"),
    ("Louis", "Barbier"),
    ("Manon", "Perrin"),
    ("Gabriel", "Roussel"),
    ("Jade", "Colin"),
    ("Arthur", "Gauthier"),
    ("Camille", "Brunet"),
    ("Hugo", "Lemaire"),
    ("Sarah", "Marchand"),
    ("Enzo", "Picard"),
]

K = Event.Kind

# (slug, kind, days from today, start hour, hours long (or days for "Nd"), city, markets,
#  capacity, audience, member price, non-member price, title fr, title en, summary fr,
#  summary en, extra options)
EVENTS = [
    (
        "rencontres-batterie-2026",
        K.CONFERENCE,
        21,
        9,
        "8",
        "Mulhouse",
        ["electric"],
        120,
        "public",
        "0",
        "90",
        "Rencontres de la batterie",
        "Battery meetings",
        "Une journée sur la chaîne de valeur de la batterie, de la cellule au recyclage.",
        "A day on the battery value chain, from cell to recycling.",
        {},
    ),
    (
        "atelier-recharge-bidirectionnelle",
        K.WORKSHOP,
        9,
        14,
        "3",
        "Besançon",
        ["electric"],
        6,
        "members",
        "0",
        "0",
        "Atelier recharge bidirectionnelle",
        "Bidirectional charging workshop",
        "Retours d'expérience et cas d'usage du V2G pour les flottes d'entreprise.",
        "Lessons learned and use cases of V2G for company fleets.",
        {"full": True},
    ),
    (
        "webinaire-hydrogene-poids-lourds",
        K.WEBINAR,
        5,
        11,
        "1",
        "",
        ["hydrogen"],
        None,
        "public",
        "0",
        "0",
        "Webinaire : l'hydrogène pour les poids lourds",
        "Webinar: hydrogen for heavy trucks",
        "Où en sont les camions à pile à combustible et les stations haute pression ?",
        "Where fuel-cell trucks and high-pressure stations stand today.",
        {},
    ),
    (
        "visite-usine-piles-combustible",
        K.SITE_VISIT,
        16,
        9,
        "4",
        "Belfort",
        ["hydrogen"],
        4,
        "members",
        "0",
        "0",
        "Visite d'une ligne d'assemblage de piles à combustible",
        "Visit of a fuel-cell assembly line",
        "Une matinée chez un industriel fictif du Territoire de Belfort.",
        "A morning at a fictional manufacturer near Belfort.",
        {"full": True},
    ),
    (
        "rendez-vous-affaires-mobilites",
        K.BUSINESS_MEETING,
        30,
        9,
        "7",
        "Strasbourg",
        ["services"],
        80,
        "public",
        "40",
        "120",
        "Rendez-vous d'affaires des nouvelles mobilités",
        "New mobility business meetings",
        "Des rendez-vous préprogrammés entre start-up, collectivités et industriels.",
        "Pre-arranged meetings between start-ups, local authorities and manufacturers.",
        {},
    ),
    (
        "salon-vehicule-autonome-stand",
        K.TRADE_SHOW,
        45,
        9,
        "3d",
        "Lyon",
        ["autonomous"],
        12,
        "members",
        "150",
        "0",
        "Stand collectif au salon du véhicule autonome",
        "Joint stand at the autonomous vehicle show",
        "Exposez sur le stand du pôle pendant trois jours et rencontrez les donneurs d'ordre.",
        "Exhibit on the cluster's stand for three days and meet the buyers.",
        {},
    ),
    (
        "conference-cybersecurite-vehicule",
        K.CONFERENCE,
        12,
        14,
        "4",
        "Nancy",
        ["autonomous"],
        3,
        "public",
        "0",
        "60",
        "Cybersécurité du véhicule connecté",
        "Cybersecurity of the connected vehicle",
        "Réglementation R155, retours de terrain et outils pour les équipementiers.",
        "UN R155 regulation, field reports and tools for suppliers.",
        {"full": True},
    ),
    (
        "atelier-jumeau-numerique",
        K.WORKSHOP,
        26,
        9,
        "3",
        "Montbéliard",
        ["industry"],
        15,
        "public",
        "0",
        "50",
        "Atelier jumeau numérique de ligne de production",
        "Production line digital twin workshop",
        "Construire un premier jumeau numérique avec les données de vos machines.",
        "Build a first digital twin from your machines' data.",
        {},
    ),
    (
        "webinaire-maas-territoires",
        K.WEBINAR,
        3,
        10,
        "1",
        "",
        ["services"],
        None,
        "public",
        "0",
        "0",
        "Webinaire : le MaaS dans les territoires peu denses",
        "Webinar: MaaS in rural areas",
        "Des services de mobilité pour les territoires ruraux : trois expérimentations.",
        "Mobility services for rural areas: three experiments.",
        {},
    ),
    (
        "journee-perfo-industrielle",
        K.CONFERENCE,
        60,
        9,
        "8",
        "Reims",
        ["industry"],
        150,
        "public",
        "0",
        "80",
        "Journée de la performance industrielle",
        "Industrial performance day",
        "Lean, énergie et compétences : les leviers des usines de la région.",
        "Lean, energy and skills: what moves the region's plants forward.",
        {},
    ),
    (
        "petit-dejeuner-adherents-mars",
        K.BUSINESS_MEETING,
        7,
        8,
        "2",
        "Étupes",
        [],
        25,
        "members",
        "0",
        "0",
        "Petit-déjeuner des adhérents",
        "Members' breakfast",
        "Les actualités du pôle et des adhérents autour d'un café.",
        "News of the cluster and its members over coffee.",
        {},
    ),
    (
        "visite-centre-essais-autonome",
        K.SITE_VISIT,
        38,
        14,
        "3",
        "Nevers",
        ["autonomous"],
        20,
        "public",
        "0",
        "30",
        "Visite d'un centre d'essais de véhicules autonomes",
        "Visit of an autonomous vehicle test centre",
        "Pistes, scénarios de test et simulation : une après-midi sur le terrain.",
        "Tracks, test scenarios and simulation: an afternoon on site.",
        {},
    ),
    (
        "conference-recyclage-batteries",
        K.CONFERENCE,
        75,
        9,
        "7",
        "Metz",
        ["electric", "industry"],
        100,
        "public",
        "0",
        "70",
        "Recyclage et seconde vie des batteries",
        "Battery recycling and second life",
        "Filières, procédés et modèles économiques du recyclage des batteries.",
        "Supply chains, processes and business models of battery recycling.",
        {},
    ),
    (
        "atelier-financement-projets",
        K.WORKSHOP,
        19,
        14,
        "3",
        "",
        [],
        40,
        "members",
        "0",
        "0",
        "Atelier : financer un projet collaboratif",
        "Workshop: funding a collaborative project",
        "Appels à projets régionaux, nationaux et européens : comment s'y retrouver.",
        "Regional, national and European calls: finding your way.",
        {},
    ),
    (
        "webinaire-retrofit-electrique",
        K.WEBINAR,
        14,
        11,
        "1",
        "",
        ["electric"],
        None,
        "public",
        "0",
        "0",
        "Webinaire : le rétrofit électrique des utilitaires",
        "Webinar: electric retrofit of vans",
        "Homologation, coûts et premiers retours des artisans.",
        "Type approval, costs and first feedback from craftsmen.",
        {},
    ),
    (
        "salon-hydrogene-europe",
        K.TRADE_SHOW,
        90,
        9,
        "2d",
        "Paris",
        ["hydrogen"],
        8,
        "members",
        "200",
        "0",
        "Pavillon régional au salon européen de l'hydrogène",
        "Regional pavilion at the European hydrogen show",
        "Un pavillon partagé pour présenter vos solutions hydrogène.",
        "A shared pavilion to show your hydrogen solutions.",
        {},
    ),
    (
        "conference-mobilite-rurale-reportee",
        K.CONFERENCE,
        50,
        14,
        "3",
        "Dijon",
        ["services"],
        60,
        "public",
        "0",
        "0",
        "Conférence : la mobilité dans les territoires ruraux",
        "Conference: mobility in rural areas",
        "Élus, opérateurs et start-up débattent des solutions pour les zones peu denses.",
        "Elected officials, operators and start-ups discuss solutions for rural areas.",
        {"status": Event.Status.POSTPONED},
    ),
    (
        "atelier-ia-controle-qualite-annule",
        K.WORKSHOP,
        11,
        9,
        "3",
        "Troyes",
        ["industry"],
        12,
        "public",
        "0",
        "40",
        "Atelier : l'IA pour le contrôle qualité",
        "Workshop: AI for quality inspection",
        "Vision industrielle et apprentissage automatique sur une ligne réelle.",
        "Machine vision and machine learning on a real line.",
        {"status": Event.Status.CANCELLED},
    ),
    (
        "webinaire-reglementation-zfe",
        K.WEBINAR,
        33,
        11,
        "1",
        "",
        ["services", "electric"],
        None,
        "public",
        "0",
        "0",
        "Webinaire : les zones à faibles émissions",
        "Webinar: low-emission zones",
        "Calendrier, dérogations et effets sur les flottes.",
        "Timeline, exemptions and effects on fleets.",
        {},
    ),
    (
        "rencontre-start-up-grands-groupes",
        K.BUSINESS_MEETING,
        52,
        17,
        "3",
        "Besançon",
        [],
        50,
        "members",
        "0",
        "0",
        "Rencontre start-up et grands groupes",
        "Start-ups meet large groups",
        "Des pitchs courts et des rendez-vous pour nouer des partenariats.",
        "Short pitches and meetings to build partnerships.",
        {},
    ),
    # Past events
    (
        "rencontres-batterie-2025",
        K.CONFERENCE,
        -40,
        9,
        "8",
        "Mulhouse",
        ["electric"],
        100,
        "public",
        "0",
        "90",
        "Rencontres de la batterie 2025",
        "Battery meetings 2025",
        "L'édition précédente des rencontres de la batterie.",
        "Last year's battery meetings.",
        {},
    ),
    (
        "atelier-lean-usine",
        K.WORKSHOP,
        -20,
        9,
        "3",
        "Charleville-Mézières",
        ["industry"],
        12,
        "public",
        "0",
        "40",
        "Atelier lean en usine",
        "Lean workshop on the shop floor",
        "Un atelier pratique sur une ligne pilote.",
        "A hands-on workshop on a pilot line.",
        {},
    ),
    (
        "webinaire-hydrogene-ferroviaire",
        K.WEBINAR,
        -12,
        11,
        "1",
        "",
        ["hydrogen"],
        None,
        "public",
        "0",
        "0",
        "Webinaire : l'hydrogène ferroviaire",
        "Webinar: hydrogen trains",
        "Les trains à hydrogène et leurs fournisseurs régionaux.",
        "Hydrogen trains and their regional suppliers.",
        {},
    ),
    (
        "visite-atelier-prototypage",
        K.SITE_VISIT,
        -8,
        14,
        "3",
        "Sochaux",
        ["industry"],
        15,
        "members",
        "0",
        "0",
        "Visite d'un atelier de prototypage rapide",
        "Visit of a rapid prototyping workshop",
        "Impression 3D métal et usinage de petites séries.",
        "Metal 3D printing and small-batch machining.",
        {},
    ),
    (
        "assemblee-generale-2025",
        K.CONFERENCE,
        -95,
        14,
        "4",
        "Étupes",
        [],
        200,
        "members",
        "0",
        "0",
        "Assemblée générale 2025",
        "2025 general assembly",
        "Le bilan de l'année et les priorités du pôle.",
        "The year in review and the cluster's priorities.",
        {},
    ),
    (
        "rendez-vous-affaires-hydrogene",
        K.BUSINESS_MEETING,
        -60,
        9,
        "7",
        "Belfort",
        ["hydrogen"],
        60,
        "public",
        "30",
        "90",
        "Rendez-vous d'affaires hydrogène",
        "Hydrogen business meetings",
        "Des rendez-vous entre industriels de la filière hydrogène.",
        "Meetings between hydrogen industry players.",
        {},
    ),
    (
        "webinaire-logiciel-embarque",
        K.WEBINAR,
        -30,
        11,
        "1",
        "",
        ["autonomous"],
        None,
        "public",
        "0",
        "0",
        "Webinaire : le véhicule défini par logiciel",
        "Webinar: the software-defined vehicle",
        "Architectures électroniques centralisées et mises à jour à distance.",
        "Centralised electronic architectures and over-the-air updates.",
        {},
    ),
    (
        "salon-equipementiers-2025",
        K.TRADE_SHOW,
        -130,
        9,
        "3d",
        "Paris",
        ["industry"],
        10,
        "members",
        "250",
        "0",
        "Stand collectif au salon des équipementiers",
        "Joint stand at the suppliers' show",
        "Le stand partagé du pôle au salon des équipementiers.",
        "The cluster's shared stand at the suppliers' show.",
        {},
    ),
    (
        "atelier-autopartage-entreprises",
        K.WORKSHOP,
        -5,
        9,
        "3",
        "Strasbourg",
        ["services"],
        20,
        "public",
        "0",
        "0",
        "Atelier : l'autopartage en entreprise",
        "Workshop: company car sharing",
        "Mettre en place un service d'autopartage pour les salariés.",
        "Setting up a car-sharing service for employees.",
        {},
    ),
    (
        "conference-transition-emplois",
        K.CONFERENCE,
        -70,
        9,
        "7",
        "Nancy",
        ["electric", "industry"],
        150,
        "public",
        "0",
        "50",
        "Transition des emplois de l'automobile",
        "Jobs in the automotive transition",
        "Compétences, formations et reconversions dans la filière.",
        "Skills, training and career changes in the industry.",
        {},
    ),
]

DESCRIPTION_FR = """
**Au programme**

- accueil et présentation des enjeux par l'équipe du pôle ;
- témoignages d'adhérents (entreprises et laboratoires fictifs de démonstration) ;
- temps d'échange et de mise en relation.

L'événement est organisé par le pôle Véhicule du Futur. Les informations pratiques (lieu
exact, lien de connexion) sont envoyées aux personnes inscrites.
"""

DESCRIPTION_EN = """
**Programme**

- welcome and introduction by the cluster's team;
- talks by members (fictional demo companies and laboratories);
- time for discussion and networking.

The event is run by the Vehicle of the Future cluster. Practical details (exact venue,
connection link) are sent to registered people.
"""


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    if day.weekday() >= 5:  # events take place on working days
        day += timedelta(days=7 - day.weekday())
    return datetime.combine(day, time(hour, 0), tzinfo=PARIS)


def _duration(spec: str) -> timedelta:
    if spec.endswith("d"):
        return timedelta(days=int(spec[:-1]) - 1, hours=8)
    return timedelta(hours=int(spec))


def _people() -> list[User]:
    people = []
    for first, last in PEOPLE:
        email = f"{first.lower()}.{last.lower()}@participants-demo.example".replace("é", "e")
        email = email.replace("è", "e").replace("ï", "i").replace("ë", "e")
        people.append(
            ensure_user(
                email=email,
                first_name=first,
                last_name=f"{last} (démo)",
                job_title="Participant·e fictif·ve",
            )
        )
    return people


def _members() -> list[User]:
    """People of active member organisations (from the members demo), for members-only
    events; the demo member account first."""
    active = Organisation.objects.active()
    users = list(
        User.objects.filter(memberships__organisation__in=active).distinct().order_by("email")[:20]
    )
    users.sort(key=lambda u: u.email != MEMBER_EMAIL)
    return users


def _organisation_of(user):
    membership = Membership.objects.filter(user=user).select_related("organisation").first()
    return membership.organisation if membership else None


def load(*, scale: int, log) -> None:
    markets = {m.theme: m for m in Market.objects.all()}
    organisations = list(Organisation.objects.order_by("name")[:8])
    people = _people()
    members = _members()
    events = []
    for index, row in enumerate(EVENTS):
        (
            slug,
            kind,
            days,
            hour,
            length,
            city,
            themes,
            capacity,
            audience,
            price_member,
            price_other,
            title_fr,
            title_en,
            summary_fr,
            summary_en,
            options,
        ) = row
        start = _at(days, hour)
        values = {
            "kind": kind,
            "title_fr": title_fr,
            "title_en": title_en,
            "summary_fr": summary_fr,
            "summary_en": summary_en,
            "description_fr": DESCRIPTION_FR.format(summary=summary_fr).strip(),
            "description_en": DESCRIPTION_EN.format(summary=summary_en).strip(),
            "start": start,
            "end": start + _duration(length),
            "city": city,
            "venue_name": f"Salle de démonstration {index + 1}" if city else "",
            "address": f"{10 + index} rue de l'Exemple" if city else "",
            "online_url": "" if city else f"https://visio.vehicle-of-the-future.example/{slug}",
            "capacity": capacity,
            "audience": audience,
            "price_member": Decimal(price_member),
            "price_non_member": Decimal(price_other),
            "status": options.get("status", Event.Status.PUBLISHED),
            "organiser": organisations[index % len(organisations)]
            if organisations and index % 3 == 1
            else None,
        }
        event, _created = Event.objects.update_or_create(slug=slug, defaults=values)
        event.markets.set([markets[t] for t in themes if t in markets])
        if organisations and index % 4 == 2:
            event.partners.set(organisations[(index + 1) % len(organisations) :][:2])
        events.append((event, options))

    count = 0
    for index, (event, options) in enumerate(events):
        count += _register(event, index, people, members, full=options.get("full", False))
    log(f"events: {len(events)} events, {count} registrations")
    if scale:
        _generate(scale // 2, markets=list(markets.values()), people=people, log=log)


def _register(event: Event, index: int, people, members, *, full: bool) -> int:
    """A plausible set of registrations: full events get a waiting list too."""
    crowd = members if event.is_members_only else people + members
    if not crowd:
        return 0
    if event.capacity is None:
        wanted = min(len(crowd), 6 + index % 5)
    elif full:
        wanted = min(len(crowd), event.capacity + 3)
    else:
        wanted = min(len(crowd), max(event.capacity // 2, 1), 4 + index % 6)
    past = event.end < timezone.now()
    rows = 0
    for position, user in enumerate(crowd[:wanted]):
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
        Registration.objects.update_or_create(
            event=event,
            user=user,
            defaults={
                "status": status,
                "waiting_rank": rank,
                "organisation": organisation,
                "is_member": is_member,
                "price": event.price_for(is_member=is_member),
                "checked_in_at": event.start if status == "attended" else None,
                "cancelled_at": timezone.now() if status == "cancelled" else None,
            },
        )
        rows += 1
    return rows


def _generate(count: int, *, markets, people, log) -> None:
    """``count`` more events (half past, half to come) with a few registrations each."""
    existing = set(
        Event.objects.filter(slug__startswith="evenement-genere-").values_list("slug", flat=True)
    )
    kinds = Event.Kind.values
    new = []
    for number in range(count):
        slug = f"evenement-genere-{number}"
        if slug in existing:
            continue
        start = _at((number % 400) - 200, 9 + number % 8)
        new.append(
            Event(
                slug=slug,
                kind=kinds[number % len(kinds)],
                title_fr=f"Événement généré n° {number}",
                title_en=f"Generated event no. {number}",
                summary_fr="Un événement fictif généré pour les mesures de performance.",
                summary_en="A fictional event generated for benchmarks.",
                start=start,
                end=start + timedelta(hours=2),
                city="Besançon" if number % 3 else "",
                capacity=30 if number % 2 else None,
                status=Event.Status.PUBLISHED,
            )
        )
    Event.objects.bulk_create(new, batch_size=1000)
    created = Event.objects.filter(slug__in=[e.slug for e in new]).order_by("pk")
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
    total = Event.objects.filter(Q(slug__startswith="evenement-genere-")).count()
    log(
        f"events: {len(new)} generated events added ({total} in all), "
        f"{len(registrations)} registrations"
    )
