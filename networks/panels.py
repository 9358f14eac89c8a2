"""The networks app's panel on other pages."""

from networks.models import Partner

# Panels the same for every reader, kept in the shared cache (core/hooks.py).
SHARED_SLOTS = ("home",)


def home_context(request, obj):
    """The featured partners, as a strip of logos on the home page."""
    partners = list(Partner.objects.published().filter(featured=True).in_display_order()[:6])
    return {"partners": partners} if partners else None
