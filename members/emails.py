"""Emails of the members app: rendered from text templates, sent once the transaction commits.

Each email has two templates, ``members/emails/<name>.subject.txt`` and ``<name>.txt``,
rendered in the recipient's language.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path: str, request=None) -> str:
    """A full address for links in emails: from the request when there is one."""
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.SITE_URL + path


def render_email(name: str, context: dict, language: str | None = None) -> tuple[str, str]:
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"members/emails/{name}.subject.txt", context)
        body = render_to_string(f"members/emails/{name}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"


def send_on_commit(
    name: str,
    *,
    to: list[str],
    context: dict,
    language: str | None = None,
    reply_to: list[str] | None = None,
) -> None:
    """Render the email now and send it after the current transaction commits."""
    if not to:
        return
    subject, body = render_email(name, context, language)
    message = EmailMessage(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=body,
        to=to,
        reply_to=reply_to,
    )
    transaction.on_commit(message.send)


def send_to_users(name: str, users, *, context: dict, reply_to=None) -> int:
    """One email per person, each in their own language. Returns how many were queued."""
    count = 0
    for user in users:
        if user.email:
            send_on_commit(
                name,
                to=[user.email],
                context={**context, "recipient": user},
                language=getattr(user, "language", "") or None,
                reply_to=reply_to,
            )
            count += 1
    return count
