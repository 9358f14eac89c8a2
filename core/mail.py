"""The mail service: every email of the portal goes through :func:`send`.

An email is a set of templates named after it, ``templates/<app>/emails/<name>.*``:

- ``<name>.subject.txt``: the subject (one line; white space is folded);
- ``<name>.txt``: the plain-text part;
- ``<name>.html`` (optional): the HTML part; without it the text part is laid out in the
  portal's HTML email layout (``core/emails/layout.html``), links made clickable.

Each message is rendered in its recipient's language (``translation.override``), so the
``{% url %}`` tags of the templates give addresses in that language (``/en/...``), and
``{{ site_url }}`` in the context makes them absolute. Messages leave after the current
transaction commits (nothing is sent for a change that was rolled back): each message is
first written to the outbox (:class:`core.models.OutgoingEmail`) in the caller's
transaction, then the task :func:`core.tasks.deliver_email` sends it: with the immediate
task backend (development and tests) that is at once; with a worker, in the background. The
callers never know which. A failed delivery is tried again later; none is sent twice.

Apps keep thin wrappers that choose the template, the recipients and the context::

    mail.send("events/emails/confirmation", to=[user.email], language=user.language,
              context={"registration": registration},
              attachments=[mail.Attachment("event.ics", ics_bytes, "text/calendar")])
    mail.send_to_users("members/emails/invitation", users, context={...})
"""

import base64
from collections.abc import Iterable
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.translation import gettext


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes | str
    mimetype: str


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    from_email: str = ""


def subject_prefix() -> str:
    """What every subject starts with, with the brand in the active language
    ("[Véhicule du Futur] " in French, "[Vehicle of the Future] " in English)."""
    return f"[{gettext('Vehicle of the Future')}] "


def sender() -> str:
    """DEFAULT_FROM_EMAIL with its name in the active language ("Véhicule du Futur
    <no-reply@...>" in French): the name is translated when the catalogue knows it."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if not (name and address):
        return ""
    return str(Address(display_name=gettext(name), addr_spec=address))


def absolute_url(path: str) -> str:
    """The full address of a path of the portal, for links outside a page (emails, feeds)."""
    return settings.SITE_URL + path


def render(template: str, context: dict, language: str | None = None) -> Rendered:
    """The subject, text and HTML of the email ``template`` in ``language``."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}.subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context).strip() + "\n"
        try:
            html_template = get_template(f"{template}.html")
        except TemplateDoesNotExist:
            html = render_to_string(
                "core/emails/layout.html", {**context, "subject": subject, "text": text}
            )
        else:
            html = html_template.render(context)
        prefix, from_email = subject_prefix(), sender()
    return Rendered(prefix + subject, text, html, from_email)


def send(
    template: str,
    *,
    to: Iterable[str],
    context: dict | None = None,
    language: str | None = None,
    cc: Iterable[str] = (),
    reply_to: Iterable[str] = (),
    attachments: Iterable[Attachment] = (),
    headers: dict | None = None,
) -> int:
    """Render ``template`` in ``language`` and send it to ``to`` once the transaction
    commits. One message per address, so nobody sees another recipient's address (the
    ``cc`` go with each message). Returns the number of messages queued."""
    addresses = [address for address in dict.fromkeys(to) if address]
    if not addresses:
        return 0
    message = render(template, context or {}, language)
    files = [
        {
            "filename": attachment.filename,
            "content": base64.b64encode(
                attachment.content.encode()
                if isinstance(attachment.content, str)
                else attachment.content
            ).decode(),
            "mimetype": attachment.mimetype,
        }
        for attachment in attachments
    ]
    for address in addresses:
        _queue(
            message,
            to=[address],
            cc=[c for c in cc if c and c.lower() != address.lower()],
            reply_to=reply_to,
            attachments=files,
            headers=headers,
        )
    return len(addresses)


def send_message(message: EmailMessage) -> None:
    """Send an email another library rendered (allauth's account emails) the same way:
    after the transaction commits, through the delivery task."""
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        "",
    )
    _queue(
        Rendered(message.subject, message.body, html, message.from_email),
        to=message.to,
        cc=message.cc,
        reply_to=message.reply_to,
        headers=message.extra_headers,
    )


def send_to_users(template: str, users, *, context: dict | None = None, **options) -> int:
    """One email per person of ``users`` (each once), in their own language, with the
    person as ``recipient`` in the context. People without an address are skipped."""
    count = 0
    seen = set()
    for user in users:
        if user is None or not user.email or user.pk in seen:
            continue
        seen.add(user.pk)
        count += send(
            template,
            to=[user.email],
            context={**(context or {}), "recipient": user},
            language=getattr(user, "language", "") or None,
            **options,
        )
    return count


def send_to_staff(template: str, *, context: dict | None = None, **options) -> int:
    """Tell the cluster's team (``STAFF_NOTIFICATION_EMAILS``), in the site's language."""
    return send(
        template,
        to=settings.STAFF_NOTIFICATION_EMAILS,
        context=context,
        language=settings.LANGUAGE_CODE,
        **options,
    )


def _queue(message: Rendered, *, to, cc=(), reply_to=(), attachments=(), headers=None) -> None:
    """Write one message to the outbox (in the caller's transaction) and hand its id to the
    delivery task once the transaction commits."""
    from core.models import OutgoingEmail
    from core.observability import context
    from core.tasks import deliver_email

    payload = {
        "subject": message.subject,
        "text": message.text,
        "html": message.html,
        "to": list(to),
        "cc": list(cc),
        "reply_to": list(reply_to),
        "attachments": list(attachments),
        "headers": dict(headers or {}),
        "from_email": message.from_email,
    }
    email = OutgoingEmail.objects.create(
        subject=message.subject[:998],
        recipients=", ".join(payload["to"]),
        payload=payload,
        request_id=context.current(),
    )
    email_id = str(email.pk)
    transaction.on_commit(lambda: deliver_email.enqueue(email_id))
