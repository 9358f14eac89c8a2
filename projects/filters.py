"""The filters of the project showcase, read from the address.

The parameters are those of links shared and of the links from organisation profiles
(``?organisation=<slug>``): keep their names and values.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, ChoiceFilter, ModelChoiceFilter, TypedChoiceFilter

from content.models import Market
from core.filters import ListFilterSet, SearchFilter, SlugFilter
from members.models import Organisation
from projects.forms import ProjectFilterForm
from projects.models import FundingProgramme, Project


def _published_markets(request):
    return Market.objects.published()


class ProjectFilter(ListFilterSet):
    """The showcase filters. Build it on the projects the reader may see
    (``Project.objects.visible_to(user)``) with the request: the statuses, years and
    partner organisations offered come from them and from the reader."""

    q = SearchFilter(label=_("Search"))
    market = SlugFilter(
        field_name="markets",
        label=_("Market"),
        queryset=_published_markets,
        empty_label=_("All markets"),
    )
    status = ChoiceFilter(label=_("Status"), empty_label=_("All statuses"))
    programme = SlugFilter(
        label=_("Programme"),
        queryset=FundingProgramme.objects.all(),
        empty_label=_("All programmes"),
    )
    year = TypedChoiceFilter(
        field_name="start_date", lookup_expr="year", label=_("Start year"), coerce=int
    )
    region = ChoiceFilter(
        label=_("Region of the partners"),
        choices=Organisation.Region.choices,
        empty_label=_("All regions"),
        method="filter_region",
    )
    organisation = ModelChoiceFilter(
        label=_("Partner organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        empty_label=_("All organisations"),
        method="filter_organisation",
    )
    partner = CharFilter(
        label=_("Partner organisation"),
        max_length=100,
        help_text=_("A few letters of its name."),
        method="filter_partner",
    )

    class Meta:
        model = Project
        fields = []
        form = ProjectFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        user = getattr(request, "user", None)
        statuses = Project.Status.values if user and user.is_staff else Project.SHOWCASE
        self.filters["status"].extra["choices"] = [
            (status, Project.Status(status).label) for status in statuses
        ]
        self.filters["year"].extra["choices"] = [("", _("All years"))] + [
            (year, year) for year in self.queryset.start_years()
        ]
        partners = self.queryset.partner_organisations()
        self.filters["organisation"].queryset = partners
        limit = ProjectFilterForm.MAX_LISTED_PARTNERS
        if len(partners[: limit + 1]) <= limit:
            # Few enough to list them all: the typed partner is not offered.
            del self.filters["partner"]

    def filter_region(self, queryset, name, value):
        return queryset.with_partner_in_region(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.with_partner(value)

    def filter_partner(self, queryset, name, value):
        return queryset.with_partner_named(value)
