"""Export of the published catalogue in LHEO 2.3, the French exchange format for training
offers (read by the regional training information centres, the Carif-Oref).

Mapping: one ``formation`` per published training, holding one ``action`` (how it is
delivered: audience, format, prerequisites, prices, duration) with one ``session`` per
upcoming session. A training without dated sessions is offered on request all year: its
action has permanent entries (``modalites-entrees-sorties`` 1) and one session spanning the
next twelve months. The responsible organisation is the cluster (``TrainingProvider``);
a member organisation that teaches the course is its ``organisme-formateur``.

The document is built with the standard library only; the tests validate it against the
official schema with lxml.
"""

import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from xml.etree import ElementTree as ET

from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.mail import absolute_url
from core.markdown import markdown_to_text
from trainings.codes import EMPLOYEES
from trainings.models import Session, Training, TrainingProvider

NAMESPACE = "http://lheo.gouv.fr/2.3"
ET.register_namespace("", NAMESPACE)

# Codes of the LHEO dictionaries used below; the schema enumerates the same values.
GROUP_COURSE = "1"  # dict-type-parcours: 1 "en groupe (non personnalisable)"
TEACHING_MODE = {  # dict-modalites-enseignement
    Training.Format.IN_PERSON: "0",  # formation entièrement présentielle
    Training.Format.BLENDED: "1",  # formation mixte
    Training.Format.REMOTE: "2",  # formation entièrement à distance
}
FIXED_DATES, PERMANENT = "0", "1"  # dict-modalites-es: dates fixes / entrées permanentes
RECRUITMENT_OPEN, RECRUITMENT_CLOSED = "1", "2"  # dict-etat-recrutement: ouvert / fermé
ON_REQUEST_PERIOD = timedelta(days=365)


class LheoExportError(Exception):
    """The catalogue cannot be exported yet; the message says what to fix."""


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(parent: ET.Element, name: str, text=None, **attributes) -> ET.Element:
    element = ET.SubElement(
        parent, _tag(name), {k.replace("_", "-"): v for k, v in attributes.items()}
    )
    if text is not None:
        element.text = str(text)
    return element


def clip(text: str, limit: int) -> str:
    """``text`` on one line if short, cut at a word boundary with an ellipsis otherwise."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def _lines(lines: list[str], limit: int) -> str:
    """Lines joined with line breaks, within ``limit`` characters."""
    joined = "\n".join(" ".join(line.split()) for line in lines if line.strip())
    return joined if len(joined) <= limit else clip(joined, limit)


BLOCK_START = re.compile(r"([-*+]|\d+[.)]|#{1,6})\s")


def _prose(markdown: str, limit: int) -> str:
    """Plain text of staff Markdown: one line per paragraph, list item or heading."""
    lines: list[str] = []
    for raw in (markdown or "").splitlines():
        line = raw.strip()
        if lines and lines[-1] and line and not BLOCK_START.match(line):
            lines[-1] += " " + line  # a paragraph wrapped over several source lines
        else:
            lines.append(line)
    return _lines(markdown_to_text("\n".join(lines)).splitlines(), limit)


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _address(parent, *, lines, postcode, city, name="", country="FR"):
    address = _add(parent, "adresse")
    if name:
        _add(address, "denomination", clip(name, 255))
    for line in [line for line in lines if line][:4] or [city]:
        _add(address, "ligne", clip(line, 50))
    _add(address, "codepostal", postcode)
    _add(address, "ville", clip(city, 50))
    _add(address, "departement", department(postcode))
    _add(address, "pays", country)
    return address


def department(postcode: str) -> str:
    """The department code of a French postcode: 3 digits overseas, 2A/2B in Corsica."""
    if postcode.startswith("97"):
        return postcode[:3]
    if postcode.startswith("20"):
        return "2A" if postcode < "20200" else "2B"
    return postcode[:2]


def _coordinates(parent, *, name="", phone="", email="", web="", address=None):
    coordinates = _add(parent, "coordonnees")
    if name:
        _add(coordinates, "nom", clip(name, 50))
    if address:
        _address(coordinates, **address)
    if phone:
        _add(_add(coordinates, "telfixe"), "numtel", clip(phone, 25))
    if email:
        _add(coordinates, "courriel", email)
    if web:
        _add(_add(coordinates, "web"), "urlweb", web)
    return coordinates


def _provider_address(provider: TrainingProvider) -> dict:
    return {
        "lines": [provider.address],
        "postcode": provider.postcode,
        "city": provider.city,
        "name": provider.legal_name,
    }


def _hours(value: Decimal | None) -> str:
    return f"{value.normalize():f}".replace(".", ",") if value is not None else ""


def _rhythm(training: Training, sessions: list[Session]) -> str:
    duration = _("%(hours)s hours over %(days)s days") % {
        "hours": _hours(training.duration_hours),
        "days": _hours(training.duration_days),
    }
    if sessions:
        first = sessions[0]
        schedule = _("daytime, from %(start)s to %(end)s") % {
            "start": first.start_time.strftime("%H:%M"),
            "end": first.end_time.strftime("%H:%M"),
        }
    else:
        schedule = _("daytime, dates agreed on request")
    return f"{duration}, {schedule}"


def _price_incl_vat(price: Decimal, vat_rate: Decimal) -> str:
    total = price * (1 + vat_rate / 100)
    return str(total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _funding_text(training: Training) -> str:
    if training.on_quotation or training.price_non_member is None:
        text = _("Price on quotation, according to the number of people and the place.")
    else:
        text = _(
            "%(member)s euros excl. VAT per person for members of the cluster, %(other)s euros "
            "excl. VAT for non-members."
        ) % {"member": training.price_member, "other": training.price_non_member}
    if training.fundable:
        text += " " + _("Can be funded by the employer's skills operator (OPCO).")
    return clip(text, 600)


def _disability_text(training: Training) -> str:
    referent = _("Disability referent: %(name)s, %(email)s") % {
        "name": training.disability_referent_name,
        "email": training.disability_referent_email,
    }
    access = clip(_prose(training.disability_access, 3000), 250 - len(referent) - 3)
    return clip(f"{access} – {referent}", 250)


def _session(action, session: Session | None, training, provider, today: date):
    if session is None:
        element = _add(action, "session", numero=f"VOTF-T{training.pk}-ON-REQUEST")
        period = _add(element, "periode")
        _add(period, "debut", _day(today))
        _add(period, "fin", _day(today + ON_REQUEST_PERIOD))
    else:
        element = _add(action, "session", numero=f"VOTF-S{session.pk}")
        period = _add(element, "periode")
        _add(period, "debut", _day(session.start_date))
        _add(period, "fin", _day(session.end_date))
    registration = _add(element, "adresse-inscription")
    _address(registration, **_provider_address(provider))
    _add(element, "modalites-inscription", clip(_prose(training.access_methods, 3000), 255))
    if session is None:
        _add(element, "etat-recrutement", RECRUITMENT_OPEN)
        _add(_add(element, "url-session"), "urlweb", absolute_url(training.get_absolute_url()))
        return
    opens = min(timezone.localtime(session.created_at).date(), session.deadline)
    registration_period = _add(_add(element, "periode-inscription"), "periode")
    _add(registration_period, "debut", _day(opens))
    _add(registration_period, "fin", _day(session.deadline))
    state = session.enrolment_state()
    _add(
        element,
        "etat-recrutement",
        RECRUITMENT_OPEN if state.open and not state.full else RECRUITMENT_CLOSED,
    )
    _add(_add(element, "url-session"), "urlweb", absolute_url(session.get_absolute_url()))


def _action(formation, training: Training, sessions: list[Session], provider, today: date):
    action = _add(
        formation,
        "action",
        numero=f"VOTF-A{training.pk}",
        datemaj=_day(timezone.localtime(training.updated_at).date()),
    )
    _add(action, "rythme-formation", _rhythm(training, sessions))
    for code in training.public_code_list[:10] or [EMPLOYEES]:
        _add(action, "code-public-vise", code)
    _add(action, "info-public-vise", clip(_prose(training.target_audience, 3000), 250))
    _add(
        action,
        "niveau-entree-obligatoire",
        "0" if training.entry_level == Training.EntryLevel.NONE else "1",
    )
    _add(
        action,
        "modalites-alternance",
        _("No work-study: continuing education for people in employment."),
    )
    _add(action, "modalites-enseignement", TEACHING_MODE[training.format])
    _add(action, "conditions-specifiques", _prose(training.prerequisites, 3000))
    _add(action, "prise-en-charge-frais-possible", "1" if training.fundable else "0")
    places = {}
    for session in sessions:
        if session.city and session.address:
            places.setdefault((session.address, session.postcode, session.city), session)
    for (address, postcode, city), session in places.items():
        place = _add(action, "lieu-de-formation")
        _coordinates(
            place,
            address={"lines": [address], "postcode": postcode, "city": city, "name": session.venue},
        )
    _add(action, "modalites-entrees-sorties", FIXED_DATES if sessions else PERMANENT)
    _add(_add(action, "url-action"), "urlweb", absolute_url(training.get_absolute_url()))
    for session in sessions or [None]:
        _session(action, session, training, provider, today)
    _add(action, "acces-handicapes", _disability_text(training))
    _add(action, "langue-formation", "fr")
    _add(action, "modalites-recrutement", _prose(training.access_methods, 3000))
    _add(action, "modalites-pedagogiques", clip(_prose(training.teaching_methods, 3000), 200))
    if training.has_prices:
        _add(
            action, "prix-total-TTC", _price_incl_vat(training.price_non_member, provider.vat_rate)
        )
    _add(
        action,
        "duree-indicative",
        clip(
            _("%(hours)s hours (%(days)s days)")
            % {"hours": _hours(training.duration_hours), "days": _hours(training.duration_days)},
            150,
        ),
    )
    hours = training.duration_hours
    if hours is not None and hours == hours.to_integral_value():
        _add(action, "nombre-heures-total", int(hours))
    _add(action, "detail-conditions-prise-en-charge", _funding_text(training))
    trainer = training.trainer
    if trainer is not None and trainer.siret:
        teacher = _add(action, "organisme-formateur")
        _add(_add(teacher, "SIRET-formateur"), "SIRET", trainer.siret)
        _add(teacher, "raison-sociale-formateur", clip(trainer.name, 250))
    return action


def _responsible(formation, provider: TrainingProvider):
    responsible = _add(formation, "organisme-formation-responsable")
    _add(responsible, "numero-activite", provider.activity_number)
    _add(_add(responsible, "SIRET-organisme-formation"), "SIRET", provider.siret)
    _add(responsible, "nom-organisme", clip(provider.name, 250))
    _add(responsible, "raison-sociale", clip(provider.legal_name, 250))
    _coordinates(
        _add(responsible, "coordonnees-organisme"),
        address=_provider_address(provider),
        phone=provider.phone,
        email=provider.email,
        web=provider.website,
    )
    _coordinates(
        _add(responsible, "contact-organisme"),
        name=provider.name,
        phone=provider.phone,
        email=provider.email,
    )
    _add(
        responsible,
        "renseignements-specifiques",
        clip(provider.qualiopi_certificate, 3000),
    )


def _formation(offers, training: Training, sessions, provider, today: date):
    formation = _add(
        offers,
        "formation",
        numero=f"VOTF-T{training.pk}",
        datecrea=_day(timezone.localtime(training.created_at).date()),
        datemaj=_day(timezone.localtime(training.updated_at).date()),
    )
    domain = _add(formation, "domaine-formation")
    for code in training.formacode_list[:5]:
        _add(domain, "code-FORMACODE", code)
    for code in training.nsf_code_list[:3]:
        _add(domain, "code-NSF", code)
    _add(formation, "intitule-formation", clip(training.title, 255))
    _add(formation, "objectif-formation", _lines(training.objective_list, 3000))
    _add(formation, "resultats-attendus", _prose(training.outcome, 3000))
    _add(formation, "contenu-formation", _prose(training.programme, 3000))
    _add(formation, "certifiante", "1" if training.is_certifying else "0")
    _coordinates(
        _add(formation, "contact-formation"),
        name=training.contact_name,
        phone=training.contact_phone,
        email=training.contact_email,
    )
    _add(formation, "parcours-de-formation", GROUP_COURSE)
    _add(formation, "code-niveau-entree", training.entry_level)
    if training.is_certifying and training.certification_code:
        certification = _add(formation, "certification")
        register = "code-RNCP" if training.certification_register == "RNCP" else "code-RS"
        _add(certification, register, training.certification_number)
    _add(_add(formation, "url-formation"), "urlweb", absolute_url(training.get_absolute_url()))
    _action(formation, training, sessions, provider, today)
    _responsible(formation, provider)


def exportable_trainings():
    """Published, complete trainings with their upcoming sessions (three queries)."""
    sessions = Session.objects.upcoming().with_seats_taken()
    trainings = (
        Training.objects.published()
        .select_related("trainer")
        .prefetch_related("markets", Prefetch("sessions", queryset=sessions, to_attr="upcoming"))
        .order_by("title", "pk")
    )
    return [t for t in trainings if not t.publication_problems(markets=list(t.markets.all()))]


def export_catalogue() -> bytes:
    """The LHEO 2.3 document of the published catalogue, in French, as UTF-8 bytes."""
    provider = TrainingProvider.current()
    if provider is None:
        raise LheoExportError(
            _("Fill in the training organisation details (back-office) before exporting.")
        )
    with translation.override("fr"):
        trainings = exportable_trainings()
        if not trainings:
            raise LheoExportError(_("No complete published training to export."))
        today = timezone.localdate()
        root = ET.Element(_tag("lheo"))
        offers = _add(root, "offres")
        for training in trainings:
            _formation(offers, training, training.upcoming, provider, today)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
