from django.utils.translation import gettext_lazy as _

from core import apps


class InsightsConfig(apps.PortalAppConfig):
    name = "insights"
    verbose_name = _("Insights")
