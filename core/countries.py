"""The countries the cluster's members, partners and project partners come from.

One list for the whole portal: people choose a country by its name with type-ahead
(:class:`CountryField`, in every form and in the back-office) and the code is stored; pages
name a stored code with `country_name`. France comes first, then Europe, then the rest
of the world; European bodies use "EU" and "XX" stands for any other country.
"""

import unicodedata

from django import forms
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("IT", _("Italy")),
    ("ES", _("Spain")),
    ("BE", _("Belgium")),
    ("LU", _("Luxembourg")),
    ("CH", _("Switzerland")),
    ("NL", _("Netherlands")),
    ("AT", _("Austria")),
    ("PL", _("Poland")),
    ("CZ", _("Czechia")),
    ("SE", _("Sweden")),
    ("FI", _("Finland")),
    ("DK", _("Denmark")),
    ("PT", _("Portugal")),
    ("GB", _("United Kingdom")),
    ("NO", _("Norway")),
    ("CA", _("Canada")),
    ("US", _("United States")),
    ("JP", _("Japan")),
    ("KR", _("South Korea")),
    ("CN", _("China")),
    ("IN", _("India")),
    ("EU", _("European Union")),
    ("XX", _("Other country")),
]

COUNTRY_NAMES = dict(COUNTRIES)


def country_name(code: str) -> str:
    """The name of a country in the reader's language ("Switzerland"), or its code."""
    return str(COUNTRY_NAMES.get(code, code))


def _folded(text: str) -> str:
    """``text`` compared loosely: no accents, no case, single spaces ("Allemagne ")."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().replace("-", " ").split())


def country_code(text: str) -> str | None:
    """The code of the country named ``text``: its name in the reader's language, in English
    or in French (accents and case ignored), or its code ("de"); None when it is no country
    of the list."""
    wanted = _folded(text)
    if not wanted:
        return None
    codes = {code for code, _name in COUNTRIES}
    if wanted.upper() in codes:
        return wanted.upper()
    for language in (translation.get_language(), "en", "fr"):
        with translation.override(language):
            for code, name in COUNTRIES:
                if _folded(name) == wanted:
                    return code
    return None


class CountryInput(forms.TextInput):
    """A text input with the country names as suggestions (a native ``<datalist>``: the
    browser's own accessible combobox, no JavaScript needed); shows a stored code by its
    name."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "country-name", "spellcheck": "false", **(attrs or {})})

    def format_value(self, value):
        if value in COUNTRY_NAMES:
            return country_name(value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["list"] = f"{widget_attrs.get('id') or name}-countries"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        list_id = f"{(attrs or {}).get('id') or self.attrs.get('id') or name}-countries"
        options = format_html_join(
            "", '<option value="{}"></option>', ((str(label),) for _code, label in COUNTRIES)
        )
        return format_html('{}<datalist id="{}">{}</datalist>', html, list_id, options)


class CountryField(forms.CharField):
    """A country typed by its name, with suggestions; cleans to its ISO code ("DE")."""

    widget = CountryInput
    default_error_messages = {
        "unknown": _(
            "“%(value)s” is not a country of the list. Type its name (for example "
            "Germany) and pick it in the suggestions, or choose “Other country”."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("choices", None)
        kwargs.setdefault("label", _("country"))
        kwargs.setdefault("help_text", _("Type the first letters of the country's name."))
        super().__init__(max_length=80, **kwargs)

    def prepare_value(self, value):
        if value in COUNTRY_NAMES:
            return country_name(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return ""
        code = country_code(text)
        if code is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": text}
            )
        return code

    def has_changed(self, initial, data):
        return (initial or "") != (country_code(data or "") or data or "")


def country_formfield(db_field, **kwargs) -> CountryField:
    """The form field of a model's country code field (in forms and in the back-office)."""
    return CountryField(
        label=capfirst(db_field.verbose_name),
        required=not db_field.blank,
        initial=db_field.default if db_field.has_default() else None,
        help_text=_("Type the first letters of the country's name."),
        **kwargs,
    )
