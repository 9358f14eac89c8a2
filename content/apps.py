from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from core import apps


class ContentConfig(apps.PortalAppConfig):
    name = "content"
    verbose_name = _("Editorial content")

    def ready(self):
        super().ready()
        from content.catalogue import forget_markets
        from content.models import Market

        post_save.connect(forget_markets, sender=Market, dispatch_uid="content-market-saved")
        post_delete.connect(forget_markets, sender=Market, dispatch_uid="content-market-deleted")
