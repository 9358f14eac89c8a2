"""schema.org ``Course`` data of a training page, for search engines.

It is written into a ``<script type="application/ld+json">`` data block: browsers never run
such blocks, so the Content-Security-Policy (``script-src 'self'``) does not apply to them.
"""

from django.conf import settings
from django.utils.translation import gettext

from core.markdown import markdown_to_text
from core.structured_data import json_text

COURSE_MODE = {"in_person": "onsite", "remote": "online", "blended": "blended"}


def _duration(hours) -> str:
    minutes = int(hours * 60)
    return f"PT{minutes // 60}H{minutes % 60}M" if minutes % 60 else f"PT{minutes // 60}H"


def course_data(training, sessions, results, provider) -> dict:
    url = settings.SITE_URL + training.get_absolute_url()
    organisation = {
        "@type": "Organization",
        "name": provider.name if provider else gettext("Vehicle of the Future"),
    }
    if provider and provider.website:
        organisation["url"] = provider.website
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": training.title,
        "description": training.summary,
        "url": url,
        "provider": organisation,
        "inLanguage": "fr",
        "teaches": training.objective_list,
        "coursePrerequisites": markdown_to_text(training.prerequisites),
        "audience": {
            "@type": "Audience",
            "audienceType": markdown_to_text(training.target_audience),
        },
        "isAccessibleForFree": False,
    }
    if training.duration_hours:
        data["timeRequired"] = _duration(training.duration_hours)
    if training.is_certifying and training.certification_title:
        data["educationalCredentialAwarded"] = training.certification_title
    if training.has_prices:
        data["offers"] = [
            {
                "@type": "Offer",
                "category": "Paid",
                "price": str(training.price_non_member),
                "priceCurrency": "EUR",
                "url": url,
            }
        ]
    instances = []
    for session in sessions:
        instance = {
            "@type": "CourseInstance",
            "courseMode": COURSE_MODE.get(training.format, "onsite"),
            "startDate": session.starts_at.isoformat(),
            "endDate": session.ends_at.isoformat(),
        }
        if session.city:
            instance["location"] = {
                "@type": "Place",
                "name": session.venue or session.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": session.address,
                    "postalCode": session.postcode,
                    "addressLocality": session.city,
                    "addressCountry": "FR",
                },
            }
        instances.append(instance)
    if instances:
        data["hasCourseInstance"] = instances
    if results.answers:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(results.average_rating, 1),
            "ratingCount": results.answers,
            "bestRating": 5,
            "worstRating": 1,
        }
    return data


def course_json_ld(training, sessions, results, provider) -> str:
    """The JSON text, escaped so that it cannot break out of its script element."""
    return json_text(course_data(training, sessions, results, provider))
