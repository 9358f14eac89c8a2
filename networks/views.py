from itertools import groupby

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from networks.models import Partner

# Headings of the partners page, one per kind.
GROUP_TITLES = {
    Partner.Kind.NETWORK: _("Networks the cluster belongs to"),
    Partner.Kind.CLUSTER_FRANCE: _("Other clusters in France"),
    Partner.Kind.CLUSTER_ABROAD: _("Clusters abroad"),
    Partner.Kind.FUNDER: _("Funders and public authorities"),
    Partner.Kind.ACADEMIC: _("Academic partners"),
    Partner.Kind.INDUSTRY: _("Industrial associations"),
}


def partner_list(request):
    """Every partner, grouped by kind, the networks the cluster belongs to first."""
    partners = Partner.objects.visible_to(request.user).in_display_order()
    groups = [
        {"kind": kind, "label": GROUP_TITLES[kind], "partners": list(items)}
        for kind, items in groupby(partners, key=lambda partner: partner.kind)
    ]
    return render(request, "networks/partner_list.html", {"groups": groups})


def partner_detail(request, slug):
    partner = get_object_or_404(Partner.objects.visible_to(request.user), slug=slug)
    others = (
        Partner.objects.published()
        .filter(kind=partner.kind)
        .exclude(pk=partner.pk)
        .in_display_order()[:3]
    )
    return render(request, "networks/partner_detail.html", {"partner": partner, "others": others})
