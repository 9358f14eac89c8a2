"""The countries the cluster's members, partners and project partners come from.

One list for the whole portal: the partner and consortium forms offer it as choices, and
pages name a stored code with `country_name`. France comes first, then Europe, then the rest
of the world; European bodies use "EU" and "XX" stands for any other country.
"""

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
