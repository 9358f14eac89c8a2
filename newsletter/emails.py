"""The newsletter's emails, through the mail service (core.mail).

The confirmation is a plain portal email. Issues and digests are built by
``newsletter.rendering`` (tables, inlined CSS, a text part) and handed to the mail service
as ready text through the ``newsletter/emails/built`` templates.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core import mail
from newsletter.rendering import Built


def send_confirmation(subscriber) -> None:
    with translation.override(subscriber.language):
        path = reverse("newsletter:confirm", kwargs={"token": subscriber.confirmation_token()})
    mail.send(
        "newsletter/emails/confirm",
        to=[subscriber.email],
        language=subscriber.language,
        context={"subscriber": subscriber, "confirm_url": settings.SITE_URL + path},
    )


def subscriber_links(subscriber) -> dict:
    """The absolute addresses of a subscriber's own pages, in their language."""
    with translation.override(subscriber.language):
        return {
            "unsubscribe": settings.SITE_URL + subscriber.unsubscribe_url(),
            "preferences": settings.SITE_URL + subscriber.get_absolute_url(),
        }


def unsubscribe_headers(unsubscribe_url: str) -> dict:
    """RFC 2369 and RFC 8058 headers: mail programs show an "Unsubscribe" button that
    POSTs ``List-Unsubscribe=One-Click`` to the https address, which unsubscribes at once;
    the mailto address is the fallback of older programs."""
    targets = [f"<{unsubscribe_url}>"]
    mailbox = getattr(settings, "NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
    if mailbox:
        targets.append(f"<mailto:{mailbox}?subject=unsubscribe>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def send_built(built: Built, *, to: str, language: str, headers: dict | None = None) -> int:
    return mail.send(
        "newsletter/emails/built",
        to=[to],
        language=language,
        context={"subject": built.subject, "text": built.text, "html": built.html},
        headers=headers,
    )


def send_issue(built: Built, subscriber) -> int:
    """One issue to one subscriber, with their own unsubscribe and preferences links."""
    links = subscriber_links(subscriber)
    personal = built.personalise(unsubscribe=links["unsubscribe"], preferences=links["preferences"])
    return send_built(
        personal,
        to=subscriber.email,
        language=subscriber.language,
        headers=unsubscribe_headers(links["unsubscribe"]),
    )
