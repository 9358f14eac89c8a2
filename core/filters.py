"""Filtering a list page from its address: the pieces every app's FilterSet shares.

Each list page reads its filters from the query string with a django-filter ``FilterSet``
declared in ``<app>/filters.py``; the view builds it from ``request.GET`` and the base
queryset, pages ``filterset.qs`` and hands the FilterSet (or its form) to the template::

    filters = TrainingFilter(request.GET, Training.objects.published().for_catalogue())
    page = Paginator(filters.qs, 12).get_page(request.GET.get("page"))

What a filter matches is decided by the model's QuerySet methods (``search()``,
``upcoming()``...), which the filters call; forms and views never build conditions.

Addresses are shared and bookmarked, so a value that is not (or no longer) valid, a market
that was unpublished, a month typed by hand, is ignored rather than refused: the page still
shows the list, narrowed by the other filters. django-filter does this already (only the
valid fields reach ``cleaned_data``); the form keeps its errors for pages that show them.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.functional import cached_property
from django_filters import CharFilter, FilterSet, ModelChoiceFilter
from django_filters.constants import EMPTY_VALUES
from django_filters.fields import ModelChoiceField


class ListFilterSet(FilterSet):
    """The FilterSet of a public list page.

    Always bound: an empty query string means "no filter", and the page still orders and
    pages its list through :attr:`qs`. :attr:`selected` gives the valid values in use.
    """

    # Names that change the order of the list without narrowing it (not counted by
    # :attr:`active`).
    ORDERING: tuple[str, ...] = ()

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(
            QueryDict() if data is None else data, queryset, request=request, prefix=prefix
        )

    @cached_property
    def selected(self) -> dict:
        """The valid, non-empty values by filter name (model instances for the choices of
        rows): what templates show as chosen, in the chips or hidden fields."""
        self.form.is_valid()
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in EMPTY_VALUES
        }

    def rows(self, name: str) -> list:
        """The rows a :class:`SlugFilter` offers, for pages that show them as links rather
        than a select (read once with the check of the value)."""
        return self.form.fields[name].objects

    @property
    def active(self) -> bool:
        """Whether a valid filter narrows the list (for the "Clear the filters" link)."""
        return any(name not in self.ORDERING for name in self.selected)


class SearchField(forms.CharField):
    """A search box. With ``truncate``, a too long text is cut to ``max_length`` rather
    than refused (the page then searches its beginning)."""

    def __init__(self, *, truncate: bool = False, **kwargs):
        self.truncate = truncate
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if self.truncate and self.max_length is not None:
            value = value[: self.max_length]
        return value


class SearchFilter(CharFilter):
    """Free text (``?q=...``) passed to a QuerySet method, ``search`` unless told otherwise,
    which decides what matches (words, accents, fields searched)."""

    field_class = SearchField

    def __init__(self, *args, queryset_method: str = "search", max_length: int = 100, **kwargs):
        self.queryset_method = queryset_method
        super().__init__(*args, max_length=max_length, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return getattr(qs, self.queryset_method)(value)


class _ListedChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices of a :class:`ListedModelChoiceField`, from its list of rows."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.objects:
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.objects) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.objects)


class ListedModelChoiceField(ModelChoiceField):
    """A choice among a few rows (markets, programmes, competencies) read once: the options
    of the select and the check of the value share one query, where a ``ModelChoiceField``
    makes one each. ``sort_key`` orders the rows in Python (after the database's order)."""

    iterator = _ListedChoiceIterator

    def __init__(self, queryset, *, sort_key=None, **kwargs):
        self.sort_key = sort_key
        super().__init__(queryset, **kwargs)

    @cached_property
    def objects(self) -> list:
        """The rows offered, in the order of the options."""
        rows = list(self.queryset)
        return sorted(rows, key=self.sort_key) if self.sort_key else rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        for obj in self.objects:
            if str(getattr(obj, key)) == str(value):
                return obj
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class SlugFilter(ModelChoiceFilter):
    """A row of ``queryset`` named by its slug in the address (``?market=hydrogen``),
    matched against ``field_name`` (``markets`` for a many-to-many to the markets).

    Give ``queryset`` as a function of the request when the rows offered depend on the
    time or the reader (``lambda request: Market.objects.published()``): a queryset
    written in the class body would keep the moment the module was imported."""

    field_class = ListedModelChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)
