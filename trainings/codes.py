"""Codes of the national exchange format (LHEO 2.3) that staff choose on a training.

The schema (``lheo-2.3.xsd``) fixes the length of these codes but not their values: the
values come from the LHEO dictionaries. ``AUDIENCE_CODES`` holds the audiences of the
dictionary "public visé" (``dict-public-vise-formacode-V10``) that fit the cluster's
continuing-education offer; a training can only carry codes from it. The entry levels
(``dict-niveaux``, national qualification framework levels 1 to 8 coded 11 to 18) are the
choices of ``Training.EntryLevel``.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Audiences of dict-public-vise-formacode-V10 (code: French label of the dictionary).
AUDIENCE_CODES = {
    "82044": _("Employees"),  # Salarié
    "82058": _("People in employment"),  # Public en emploi
    "82045": _("Employees changing career"),  # Salarié en reconversion
    "82043": _("Staff representatives"),  # Représentant du personnel
    "82038": _("Self-employed professionals"),  # Profession libérale
    "82004": _("Craftspeople"),  # Artisan
    "82016": _("Trainers and teachers"),  # Formateur, enseignant
    "82055": _("Public servants"),  # Agent de la fonction publique
    "82027": _("Apprentices"),  # Public dans le cadre du contrat d'apprentissage
    "82029": _("People on a professionalisation contract"),  # ... contrat de professionnalisation
    "80006": _("Job seekers"),  # Demandeur d'emploi
    "81050": _("Individuals"),  # Particulier, individuel
    "83056": _("All audiences"),  # Tout public
}
EMPLOYEES = "82044"

SEPARATORS = re.compile(r"[,;\s]+")


def split_codes(value: str) -> list[str]:
    """The codes of a comma-separated field, in order, without duplicates."""
    codes = [code for code in SEPARATORS.split(value or "") if code]
    return list(dict.fromkeys(codes))


@deconstructible
class CodeListValidator:
    """Checks a comma-separated list of codes: ``length`` digits each, at most ``limit``
    codes, and, when ``allowed`` is given, only values of that dictionary."""

    def __init__(self, *, length: int, limit: int, allowed: tuple[str, ...] = ()):
        self.length = length
        self.limit = limit
        self.allowed = tuple(allowed)

    def __call__(self, value):
        codes = split_codes(value)
        wrong = [code for code in codes if not (code.isdigit() and len(code) == self.length)]
        if wrong:
            raise ValidationError(
                _("Each code has exactly %(length)d digits: check %(codes)s."),
                params={"length": self.length, "codes": ", ".join(wrong)},
                code="code_length",
            )
        if len(codes) > self.limit:
            raise ValidationError(
                ngettext_lazy(
                    "The national format takes at most %(limit)d code here.",
                    "The national format takes at most %(limit)d codes here.",
                    "limit",
                ),
                params={"limit": self.limit},
                code="too_many_codes",
            )
        unknown = [code for code in codes if self.allowed and code not in self.allowed]
        if unknown:
            raise ValidationError(
                _("Unknown code: %(codes)s. Choose among the codes listed."),
                params={"codes": ", ".join(unknown)},
                code="unknown_code",
            )

    def __eq__(self, other):
        return isinstance(other, CodeListValidator) and (self.length, self.limit, self.allowed) == (
            other.length,
            other.limit,
            other.allowed,
        )
