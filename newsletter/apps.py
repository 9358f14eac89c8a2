from django.utils.translation import gettext_lazy as _

from core import apps


class NewsletterConfig(apps.PortalAppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter and alerts")
