"""What the accounts app adds to the rest of the site (see core/hooks.py)."""

from django.utils.translation import gettext_lazy as _

from accounts import personal_data
from core import hooks

hooks.demo("accounts.demo.load")
hooks.personal_data_of(
    personal_data,
    account=_("Account"),
    email_addresses=_("Email addresses"),
    two_factor=_("Two-factor authentication"),
)
