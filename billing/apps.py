from django.utils.translation import gettext_lazy as _

from core import apps


class BillingConfig(apps.PortalAppConfig):
    name = "billing"
    verbose_name = _("Billing")
