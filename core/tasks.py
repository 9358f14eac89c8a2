"""Background tasks of the core: delivering the emails the mail service rendered."""

import base64

from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def deliver_email(payload: dict) -> None:
    """Send one rendered email (see core.mail.send). The payload is plain JSON, so the task
    can wait in a queue and run in another process."""
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["text"],
        to=payload["to"],
        cc=payload.get("cc") or [],
        reply_to=payload.get("reply_to") or [],
        headers=payload.get("headers") or {},
    )
    if payload.get("html"):
        message.attach_alternative(payload["html"], "text/html")
    for attachment in payload.get("attachments") or []:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    message.send()
