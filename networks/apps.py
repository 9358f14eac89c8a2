from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def home_panel_context(request, obj):
    """The featured partners, as a strip of logos on the home page."""
    from networks.models import Partner

    partners = list(Partner.objects.published().filter(featured=True).in_display_order()[:6])
    return {"partners": partners} if partners else None


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Partner networks")

    def ready(self):
        from content import panels

        panels.register(
            "home",
            template="networks/includes/_home_panel.html",
            context=home_panel_context,
            order=80,
        )
