from django.utils.translation import gettext_lazy as _

from core import apps


class EventsConfig(apps.PortalAppConfig):
    name = "events"
    verbose_name = _("Events")
