from django.utils.translation import gettext_lazy as _

from core import apps


class ContentConfig(apps.PortalAppConfig):
    name = "content"
    verbose_name = _("Editorial content")
