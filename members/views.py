from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from members.models import Organisation

ORGANISATIONS_PER_PAGE = 24


def organisation_list(request):
    organisations = Organisation.objects.in_directory().prefetch_related("markets")
    page = Paginator(organisations, ORGANISATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "members/organisation_list.html", {"page_obj": page})


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.in_directory().prefetch_related("markets"), slug=slug
    )
    return render(request, "members/organisation_detail.html", {"organisation": organisation})
