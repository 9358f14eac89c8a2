"""The filters of the member directory and of the platform list, read from the address.

The parameters are those of links shared since the directory opened (``?market=hydrogen&
region=bfc&q=...&sort=newest&page=2``): keep their names and values.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter

from content.filters import MarketFilter, ObjectiveFilter
from core import pagecache
from core.filters import ListFilterSet, SearchFilter, SlugFilter
from members.forms import DirectoryFilterForm, PlatformFilterForm
from members.geography import department_name
from members.models import Certification, Competency, Organisation, Platform
from members.search import normalise


class RegionFilter(ChoiceFilter):
    """``?region=bfc``: the organisations of one region. Lists of rows that belong to an
    organisation reach its region through ``field_name`` (``organisation__region``)."""

    def __init__(self, *, field_name="region", **kwargs):
        kwargs.setdefault("label", _("Region"))
        kwargs.setdefault("choices", Organisation.Region.choices)
        kwargs.setdefault("empty_label", _("All regions"))
        super().__init__(field_name=field_name, **kwargs)


class OrganisationFilter(ListFilterSet):
    """The directory: a search, seven filters and a sort order. Build it on
    ``Organisation.objects.in_directory()``: the departments offered are those present."""

    ORDERING = ("sort",)

    q = SearchFilter(label=_("Search"))
    market = MarketFilter(empty_label=_("All markets"))
    region = RegionFilter()
    department = ChoiceFilter(label=_("Department"), empty_label=_("All departments"))
    kind = ChoiceFilter(
        label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All kinds")
    )
    size = ChoiceFilter(
        field_name="size_band",
        label=_("Size"),
        choices=Organisation.SizeBand.choices,
        empty_label=_("All sizes"),
    )
    competency = SlugFilter(
        field_name="competencies",
        label=_("Competency"),
        queryset=Competency.objects.all(),
        empty_label=_("All competencies"),
        # In the reader's language, accents ignored: the database orders by the French
        # column, and by bytes on SQLite.
        sort_key=lambda competency: normalise(str(competency)),
    )
    certification = SlugFilter(
        field_name="certifications",
        label=_("Certification"),
        queryset=Certification.objects.all(),
        empty_label=_("All certifications"),
    )
    # The empty value is the default order, by name.
    sort = ChoiceFilter(
        label=_("Sort by"),
        choices=[("newest", _("Newest members first")), ("relevance", _("Best match first"))],
        empty_label=_("Name"),
        method="keep_for_ordering",
    )

    # The chips of the filters in use, in this order.
    CHIPS = ["q", "market", "region", "department", "kind", "size", "competency", "certification"]

    class Meta:
        model = Organisation
        fields = []
        form = DirectoryFilterForm

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The departments present in the directory: a facet read by every directory page,
        # kept in the shared cache until an organisation changes.
        codes = pagecache.cached_fragment(
            "members:directory-departments", self.queryset.departments, per_language=False
        )
        self.filters["department"].extra["choices"] = [
            (code, f"{department_name(code)} ({code})") for code in codes
        ]

    def keep_for_ordering(self, queryset, name, value):
        return queryset  # applied last, by filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.in_directory_order(
            self.selected.get("sort", ""), self.selected.get("q", "")
        )

    def active_filters(self) -> list[dict]:
        """The filters in use, each with its label and the address without it, for the
        "remove" chips."""
        chips = []
        for name in self.CHIPS:
            value = self.selected.get(name)
            if value is None:
                continue
            field = self.form.fields[name]
            if name == "q":
                label = _("“%(query)s”") % {"query": value}
            elif isinstance(field, forms.ModelChoiceField):
                label = str(value)
            else:
                label = dict(field.choices).get(value, value)
            params = self.data.copy()
            params.pop(name, None)
            params.pop("page", None)
            chips.append(
                {
                    "name": name,
                    "label": label,
                    "field": field.label,
                    "remove_url": "?" + params.urlencode(),
                }
            )
        return chips


class PlatformFilter(ListFilterSet):
    """The platforms: a search (best matches first) and three filters."""

    q = SearchFilter(label=_("Equipment or capability"), method="search_best_first")
    market = MarketFilter(empty_label=_("All markets"))
    region = RegionFilter(field_name="organisation__region")
    access = ChoiceFilter(
        label=_("Who may use it"), choices=Platform.Access.choices, empty_label=_("Any access")
    )
    objective = ObjectiveFilter()

    class Meta:
        model = Platform
        fields = []
        form = PlatformFilterForm

    def search_best_first(self, queryset, name, value):
        return queryset.search(value).best_matches_first(value)
