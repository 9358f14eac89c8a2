"""Choosing a member organisation by typing its name, usable with 5,000 organisations.

A ``<select>`` of every active organisation weighs hundreds of kilobytes per consortium row.
Instead the field is a text input tied to a native ``<datalist>``:

- without JavaScript, the person types the name as it appears in the member directory (the
  town in brackets tells two namesakes apart); a name that matches no organisation, or several,
  gets a field error, and the close matches are offered in the field's own suggestion list;
- with JavaScript (``static/js/projects.js``), the suggestion list fills as one types, from
  ``projects:organisation-search`` (a few rows per keystroke, never the whole directory).

Both ways are keyboard accessible: a datalist is the browser's own combobox.
"""

import re

from django import forms
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.search import text_filter

SHARED_LIST_ID = "organisation-choices"
SUGGESTIONS = 8
# "Name (Town)": the label of an organisation in the suggestions.
LABEL_WITH_TOWN = re.compile(r"^(?P<name>.+?)\s*\((?P<town>[^()]+)\)$")


def organisation_label(organisation) -> str:
    """What the field shows for ``organisation``: its name and, in brackets, its town."""
    if organisation.city:
        return f"{organisation.name} ({organisation.city})"
    return organisation.name


def matching(queryset, text: str, limit: int = SUGGESTIONS):
    """Organisations of ``queryset`` whose name holds every word of ``text`` (accents ignored
    on PostgreSQL), names starting with the text first; one query."""
    text = " ".join(text.split())[:100]
    if not text:
        return queryset.none()
    condition = text_filter(["name"], text)
    labelled = LABEL_WITH_TOWN.match(text)
    if labelled:
        # A label picked in the suggestions: its town is in brackets, not in the name.
        town = "unaccent__iexact" if connection.vendor == "postgresql" else "iexact"
        condition |= text_filter(["name"], labelled["name"]) & Q(
            **{f"city__{town}": labelled["town"]}
        )
    lookup = "unaccent__istartswith" if connection.vendor == "postgresql" else "istartswith"
    return (
        queryset.filter(condition)
        .annotate(
            starts=Case(
                When(**{f"name__{lookup}": text}, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("starts", "name", "pk")
        .only("pk", "name", "city")[:limit]
    )


class OrganisationPickerInput(forms.TextInput):
    """A text input with a suggestion list: the shared one that JavaScript fills, or its own
    when the server has suggestions to offer after a failed match."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.suggestions: list[str] = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        # Reversed at render time: the address follows the page's language.
        widget_attrs["data-organisation-search"] = reverse("projects:organisation-search")
        own_list = f"{widget_attrs.get('id', name)}-choices"
        widget_attrs["list"] = own_list if self.suggestions else SHARED_LIST_ID
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not self.suggestions:
            return html
        list_id = f"{(attrs or {}).get('id') or self.attrs.get('id') or name}-choices"
        options = format_html_join(
            "", '<option value="{}"></option>', ((s,) for s in self.suggestions)
        )
        return format_html('{}<datalist id="{}">{}</datalist>', html, list_id, options)


class OrganisationPickerField(forms.Field):
    """A member organisation chosen by name among ``queryset``; cleans to an Organisation."""

    widget = OrganisationPickerInput
    default_error_messages = {
        "unknown": _(
            "No active member organisation is called “%(value)s”. Type the name as in the "
            "member directory; an organisation outside the cluster goes with the partners "
            "outside the cluster."
        ),
        "suggest": _(
            "No member organisation is called exactly “%(value)s”. Did you mean: %(names)s? "
            "Pick one in the field's suggestions."
        ),
        "ambiguous": _(
            "Several member organisations are called “%(value)s”: pick one in the field's "
            "suggestions (the town in brackets tells them apart)."
        ),
    }

    def __init__(self, *, queryset, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Type the organisation's name; the town in brackets tells two namesakes apart."),
        )
        super().__init__(**kwargs)
        self.queryset = queryset

    def prepare_value(self, value):
        if hasattr(value, "_meta"):
            return organisation_label(value)
        return value

    def has_changed(self, initial, data):
        # Compares the texts: telling whether an empty row was touched needs no query.
        before = " ".join(str(self.prepare_value(initial) or "").split())
        return before != " ".join(str(data or "").split())

    def to_python(self, value):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        lookup = "unaccent__iexact" if connection.vendor == "postgresql" else "iexact"
        found = list(self.queryset.filter(**{f"name__{lookup}": text})[:2])
        labelled = LABEL_WITH_TOWN.match(text)
        if not found and labelled:
            found = list(
                self.queryset.filter(
                    **{
                        f"name__{lookup}": labelled["name"],
                        f"city__{lookup}": labelled["town"],
                    }
                )[:2]
            )
        if len(found) == 1:
            return found[0]
        if found:
            self.widget.suggestions = [
                organisation_label(o)
                for o in self.queryset.filter(**{f"name__{lookup}": found[0].name})[:SUGGESTIONS]
            ]
            raise forms.ValidationError(
                self.error_messages["ambiguous"], code="ambiguous", params={"value": text}
            )
        close = [organisation_label(o) for o in matching(self.queryset, text)]
        if not close and labelled:
            close = [organisation_label(o) for o in matching(self.queryset, labelled["name"])]
        self.widget.suggestions = close
        if close:
            raise forms.ValidationError(
                self.error_messages["suggest"],
                code="suggest",
                params={"value": text, "names": ", ".join(f"“{name}”" for name in close[:3])},
            )
        raise forms.ValidationError(
            self.error_messages["unknown"], code="unknown", params={"value": text}
        )
