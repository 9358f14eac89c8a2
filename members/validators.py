"""Validation of French company identifiers and addresses."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.geography import DEPARTMENTS

LA_POSTE_SIREN = "356000000"

BOURGOGNE_FRANCHE_COMTE = {"21", "25", "39", "58", "70", "71", "89", "90"}
GRAND_EST = {"08", "10", "51", "52", "54", "55", "57", "67", "68", "88"}


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_siret(value: str) -> str:
    return re.sub(r"[\s.-]", "", value or "")


def validate_siret(value: str) -> None:
    """A SIRET has 14 digits and passes the Luhn checksum (La Poste's sum rule excepted)."""
    siret = normalise_siret(value)
    if not re.fullmatch(r"\d{14}", siret):
        raise ValidationError(_("A SIRET number has exactly 14 digits."), code="siret_format")
    if siret.startswith(LA_POSTE_SIREN) and siret != LA_POSTE_SIREN + "00013":
        valid = sum(int(c) for c in siret) % 5 == 0
    else:
        valid = luhn_valid(siret)
    if not valid:
        raise ValidationError(
            _("This SIRET number is not valid: check the 14 digits."), code="siret_checksum"
        )


def validate_french_postcode(value: str) -> None:
    if not re.fullmatch(r"\d{5}", value or ""):
        raise ValidationError(_("A French postcode has 5 digits."), code="postcode")
    if department_from_postcode(value) is None:
        raise ValidationError(_("This postcode does not exist in France."), code="postcode")


def department_from_postcode(postcode: str) -> str | None:
    """The French department code of a postcode: "25", "2A", "974"... or None."""
    if not re.fullmatch(r"\d{5}", postcode or ""):
        return None
    if postcode.startswith("20"):
        return "2A" if int(postcode) < 20200 else "2B"
    if postcode.startswith("97") or postcode.startswith("98"):
        department = postcode[:3]
    else:
        department = postcode[:2]
    return department if department in DEPARTMENTS else None


def region_of_department(department: str | None) -> str:
    """The cluster's region key for a French department."""
    if department in BOURGOGNE_FRANCHE_COMTE:
        return "bfc"
    if department in GRAND_EST:
        return "grand-est"
    return "france"
