"""The signed links of seat offers.

They live apart from the services so that the emails, which print the link, and the
services, which check it, both import them without importing each other.
"""

from django.core import signing

from events.models import Registration

OFFER_SALT = "events.seat-offer"


def offer_token(registration: Registration) -> str:
    """The signed secret of a seat offer link: which registration, and which offer."""
    return signing.dumps(
        {"r": registration.pk, "t": int(registration.offered_at.timestamp())}, salt=OFFER_SALT
    )
