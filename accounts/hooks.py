"""What the accounts app adds to the rest of the site (see core/hooks.py)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from accounts import demo
from core import hooks


def export_profile(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "job_title": user.job_title,
        "phone": user.phone,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "is_staff": user.is_staff,
    }


def export_emails(user):
    return [
        {"email": a.email, "verified": a.verified, "primary": a.primary}
        for a in EmailAddress.objects.filter(user=user).order_by("email")
    ]


def export_authenticators(user):
    return [
        {"type": a.type, "created_at": a.created_at.isoformat()}
        for a in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


hooks.personal_data(
    "account",
    label=_("Account"),
    export=export_profile,
    describe=lambda user: [
        _("Your account, your name, job title, phone number and language preference.")
    ],
)
hooks.personal_data(
    "email_addresses",
    label=_("Email addresses"),
    export=export_emails,
    describe=lambda user: [_("Your email addresses and their verification status.")],
)
hooks.personal_data(
    "two_factor",
    label=_("Two-factor authentication"),
    export=export_authenticators,
    describe=lambda user: [_("Your authenticator app settings and recovery codes.")],
)


hooks.demo(demo.load)
