"""Relaying the contact form's messages to the team of their topic."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from content.models import ContactRequest, ContactSettings
from core import mail


class ContactError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def contact_request_send(*, data: dict) -> ContactRequest:
    """Keep the message and relay it by email to the address staff set for its topic (the
    sender's address as Reply-To); nobody outside the team sees that address."""
    contact = ContactSettings.current()
    if contact is None:
        raise ContactError(_("The contact form is not open yet. Please call us instead."))
    routed_to = contact.address_for(data["topic"])
    with transaction.atomic():
        request = ContactRequest.objects.create(
            topic=data["topic"],
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            subject=data["subject"],
            message=data["message"],
            language=translation.get_language() or "",
            routed_to=routed_to,
        )
        mail.send(
            "content/emails/contact_request",
            to=[routed_to],
            reply_to=[request.email],
            context={"contact": request},
        )
    return request
