"""schema.org data of an organisation profile, for search engines (JSON-LD)."""

from django.conf import settings
from django.utils.translation import gettext

from core.images import rendition_url


def organisation_structured_data(organisation, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
        "description": organisation.pitch,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": organisation.city,
            "postalCode": organisation.postcode,
            "addressCountry": organisation.country,
        },
        "memberOf": {
            "@type": "Organization",
            "name": gettext("Vehicle of the Future"),
            "url": settings.SITE_URL + "/",
        },
    }
    if organisation.address:
        data["address"]["streetAddress"] = organisation.address
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if organisation.logo:
        data["logo"] = request.build_absolute_uri(rendition_url(organisation.logo, 480))
    if organisation.siret:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "SIRET",
            "value": organisation.siret,
        }
    knows = [c.name for c in organisation.competencies.all()] + organisation.keyword_list
    if knows:
        data["knowsAbout"] = knows
    return data
