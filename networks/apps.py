from django.utils.translation import gettext_lazy as _

from core import apps


class NetworksConfig(apps.PortalAppConfig):
    name = "networks"
    verbose_name = _("Partner networks")
