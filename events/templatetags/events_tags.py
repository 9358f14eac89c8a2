"""Presentation helpers of event templates."""

from django import template
from django.urls import NoReverseMatch
from django.utils.translation import get_language

from core import structured_data
from core.images import rendition_url
from core.markdown import markdown_to_text

register = template.Library()


@register.inclusion_tag("events/includes/_date_tile.html")
def event_date_tile(event):
    """The calendar-sheet date of an event card (with the date in words for screen readers)."""
    return {"event": event}


@register.inclusion_tag("events/includes/_status_badges.html")
def event_status_badges(event):
    """Cancelled, postponed, full and members-only badges, as ``<li>`` items."""
    taken = getattr(event, "seats_taken", 0)
    full = event.capacity is not None and taken >= event.capacity
    return {"event": event, "full": full}


@register.inclusion_tag("events/includes/_event_when.html")
def event_when(event):
    """When an event takes place, in its own time zone."""
    return {"event": event}


@register.filter
def organisation_url(organisation) -> str:
    """The profile address of an organisation, or "" while the directory has no page."""
    try:
        return organisation.get_absolute_url()
    except NoReverseMatch:
        return ""


def _organiser(event) -> dict:
    """The organisation that runs the event (its profile when the directory lists it), or
    the cluster itself."""
    organiser = event.organiser
    if organiser is None:
        return structured_data.cluster_reference()
    data = {"@type": "Organization", "name": organiser.name}
    url = organisation_url(organiser) if getattr(organiser, "is_listed", True) else ""
    if url:
        data["url"] = structured_data.absolute(url)
    elif organiser.website:
        data["url"] = organiser.website
    return data


def _place(event, shows_private: bool) -> dict:
    """Where the event takes place: the venue and street where the page shows them (a
    public venue, or to registered people: a company's site is theirs to know), the town
    always."""
    address = {"@type": "PostalAddress", "addressLocality": event.city, "addressCountry": "FR"}
    place = {"@type": "Place", "name": event.city, "address": address}
    if shows_private:
        if event.address:
            address["streetAddress"] = event.address
        if event.venue_name:
            place["name"] = event.venue_name
    return place


@register.simple_tag(takes_context=True)
def event_jsonld(context, event):
    """schema.org Event data of an event page: what the page itself shows, the organiser
    and the offer (see core.structured_data)."""
    request = context["request"]
    url = structured_data.absolute(event.get_absolute_url())
    status = {
        "cancelled": "https://schema.org/EventCancelled",
        "postponed": "https://schema.org/EventPostponed",
    }.get(event.status, "https://schema.org/EventScheduled")
    locations = []
    if event.city:
        shows_venue = bool(context.get("shows_private")) or event.venue_is_public
        locations.append(_place(event, shows_venue))
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})
    if event.is_online and event.city:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif event.is_online:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or markdown_to_text(event.description)[:300],
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": status,
        "eventAttendanceMode": mode,
        "location": locations[0] if len(locations) == 1 else locations,
        "url": url,
        "organizer": _organiser(event),
        "isAccessibleForFree": event.is_free,
        "inLanguage": get_language(),
    }
    image = getattr(event, "social_image", "")
    if callable(image):
        image = image()
    if image:
        data["image"] = structured_data.absolute(str(image))
    elif event.cover:
        data["image"] = request.build_absolute_uri(rendition_url(event.cover, 960))
    if event.registration_enabled and not event.is_members_only:
        offer = {
            "@type": "Offer",
            "price": str(event.price_non_member),
            "priceCurrency": "EUR",
            "url": url,
        }
        availability = _offer_availability(event)
        if availability:
            offer["availability"] = availability
        if availability == "https://schema.org/PreSale":
            offer["validFrom"] = event.registration_opens_at.isoformat()
        data["offers"] = offer
    return structured_data.json_ld_script(data)


def _offer_availability(event) -> str:
    """The schema.org availability of an event's seats, only while one can register: sold
    out or in stock when registration is open, pre-sale before it opens. An event that has
    started or ended, closed, cancelled or postponed offers no seat: nothing is said (no
    schema.org value means "no longer on sale")."""
    state = event.registration_state()
    if state == "open":
        return "https://schema.org/SoldOut" if event.is_full else "https://schema.org/InStock"
    if state == "not-yet":
        return "https://schema.org/PreSale"
    return ""
