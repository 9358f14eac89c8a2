from itertools import groupby

from django.shortcuts import get_object_or_404, render

from networks.models import Partner


def partner_list(request):
    """Every partner, grouped by kind, the networks the cluster belongs to first."""
    partners = Partner.objects.visible_to(request.user).in_display_order()
    labels = dict(Partner.Kind.choices)
    groups = [
        {"kind": kind, "label": labels[kind], "partners": list(items)}
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
