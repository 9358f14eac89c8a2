"""Presentation helpers of event templates."""

from django import template
from django.urls import NoReverseMatch
from django.utils.translation import gettext

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


JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def event_jsonld(context, event):
    """schema.org Event data of an event page (public information only)."""
    import json

    from django.conf import settings
    from django.utils.html import mark_safe

    from core.markdown import markdown_to_text

    request = context["request"]
    status = {
        "cancelled": "https://schema.org/EventCancelled",
        "postponed": "https://schema.org/EventPostponed",
    }.get(event.status, "https://schema.org/EventScheduled")
    if event.is_online:
        mode = "https://schema.org/OnlineEventAttendanceMode"
        location = {"@type": "VirtualLocation", "url": request.build_absolute_uri()}
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
        location = {
            "@type": "Place",
            "name": event.city,
            "address": {"@type": "PostalAddress", "addressLocality": event.city},
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or markdown_to_text(event.description)[:300],
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": status,
        "eventAttendanceMode": mode,
        "location": location,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "organizer": {
            "@type": "Organization",
            "name": event.organiser.name if event.organiser else gettext("Vehicle of the Future"),
            "url": settings.SITE_URL,
        },
        "isAccessibleForFree": event.is_free,
    }
    if event.cover:
        from core.images import rendition_url

        data["image"] = request.build_absolute_uri(rendition_url(event.cover, 960))
    if event.registration_enabled and not event.is_members_only:
        data["offers"] = {
            "@type": "Offer",
            "price": str(event.price_non_member),
            "priceCurrency": "EUR",
            "url": request.build_absolute_uri(event.get_absolute_url()),
            "availability": "https://schema.org/SoldOut"
            if event.is_full
            else "https://schema.org/InStock",
        }
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
