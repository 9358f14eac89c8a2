from django.utils.translation import gettext_lazy as _

from core import apps


class AccountsConfig(apps.PortalAppConfig):
    name = "accounts"
    verbose_name = _("People")
