"""The filters of the project showcase, the funding calls and the partner searches, read
from the address.

The parameters are those of links shared, of the lists' chips and of the links from
organisation profiles (``?organisation=<slug>``, ``?market=hydrogen&past=1``,
``?competency=batteries``): keep their names and values.
"""

from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, ChoiceFilter, ModelChoiceFilter, TypedChoiceFilter

from accounts.permissions import acts_as_staff
from content.filters import MarketFilter, ObjectiveFilter
from core.filters import ListFilterSet, SearchFilter, SlugFilter
from members.models import Competency, Organisation
from projects.forms import ProjectFilterForm
from projects.models import Call, FundingProgramme, PartnerSearch, Project


class ProjectFilter(ListFilterSet):
    """The showcase filters. Build it on the projects the reader may see
    (``Project.objects.visible_to(user)``) with the request: the statuses, years and
    partner organisations offered come from them and from the reader."""

    q = SearchFilter(label=_("Search"))
    market = MarketFilter(empty_label=_("All markets"))
    status = ChoiceFilter(label=_("Status"), empty_label=_("All statuses"), method="filter_status")
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
    objective = ObjectiveFilter()

    class Meta:
        model = Project
        fields = []
        form = ProjectFilterForm

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        user = getattr(request, "user", None)
        self.sees_outcomes = bool(user and acts_as_staff(user))
        statuses = Project.Status.values if self.sees_outcomes else Project.PUBLIC_SHOWCASE
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

    def filter_status(self, queryset, name, value):
        """Outsiders see a project filed with a funder or not funded as labelled (see
        ``Project.PUBLIC_STATUS``): they find it under that status."""
        if self.sees_outcomes:
            return queryset.filter(status=value)
        shown_as = [s for s, public in Project.PUBLIC_STATUS.items() if public == value]
        return queryset.filter(status__in=[value, *shown_as])

    def filter_region(self, queryset, name, value):
        return queryset.with_partner_in_region(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.with_partner(value)

    def filter_partner(self, queryset, name, value):
        return queryset.with_partner_named(value)


class CallFilter(ListFilterSet):
    """The funding calls: the open ones (deadline not passed), or with ``past=1`` (only
    that value) the past ones, latest first; by market. The page shows the filters as
    links (chips)."""

    market = MarketFilter()
    past = ChoiceFilter(label=_("Deadline"), choices=[("1", _("Past"))], method="keep_for_deadline")

    class Meta:
        model = Call
        fields = []

    def keep_for_deadline(self, queryset, name, value):
        return queryset  # applied last, by filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # Without a valid ``past``, the list is the open calls, never every call.
        return queryset.past() if self.selected.get("past") else queryset.before_deadline()


class PartnerSearchFilter(ListFilterSet):
    """The members' partner searches, by market and competency sought. Build it on the
    posts of the list (``PartnerSearch.objects.visible_to(user).open()``): the
    competencies offered are those they seek."""

    market = MarketFilter()
    competency = SlugFilter(
        field_name="competencies",
        label=_("Competency sought"),
        queryset=Competency.objects.none(),  # those of the posts listed, set by __init__
    )

    class Meta:
        model = PartnerSearch
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["competency"].queryset = self.queryset.competencies_sought()
