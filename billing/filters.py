"""The staff lists of billing, filtered from the address (see core.filters)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, ChoiceFilter

from billing.models import Invoice
from core.filters import ListFilterSet


class OverdueFilter(ListFilterSet):
    q = CharFilter(label=_("Search"), method="filter_search")
    purpose = ChoiceFilter(
        label=_("Purpose"),
        choices=Invoice.Purpose.choices,
        empty_label=_("All"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    class Meta:
        model = Invoice
        fields = ["q", "purpose"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            Q(number__icontains=value)
            | Q(buyer_name__icontains=value)
            | Q(payment_reference__icontains=value.replace(" ", ""))
        )
