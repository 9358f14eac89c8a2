"""Emails of the projects app, rendered from ``templates/projects/emails/<name>.*``.

Each person receives the message in their own language, links included. Links are absolute,
built from ``settings.SITE_URL``, so that messages sent outside a request still point to the
portal.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def send(*, name: str, recipients, context: dict, language: str | None = None) -> None:
    """Send the ``name`` email to each address of ``recipients`` (one message each, so that
    nobody sees another recipient's address)."""
    context = {**context, "site_url": settings.SITE_URL}
    for address in dict.fromkeys(recipients):
        # Links are built inside the templates, so that they point to the pages in the
        # recipient's language (/en/... for English readers).
        with translation.override(language or settings.LANGUAGE_CODE):
            subject = render_to_string(f"projects/emails/{name}.subject.txt", context)
            body = render_to_string(f"projects/emails/{name}.txt", context)
        EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
            body=body,
            to=[address],
        ).send()


def send_to_users(*, name: str, users, context: dict) -> None:
    """Send the ``name`` email to each person of ``users`` in their preferred language."""
    seen = set()
    for user in users:
        if user is None or not user.email or user.pk in seen:
            continue
        seen.add(user.pk)
        send(
            name=name,
            recipients=[user.email],
            context={**context, "recipient": user},
            language=getattr(user, "language", None),
        )
