"""SIRET numbers, postcodes and departments."""

import pytest
from django.core.exceptions import ValidationError

from members.validators import (
    department_from_postcode,
    region_of_department,
    validate_french_postcode,
    validate_siret,
)


@pytest.mark.parametrize("siret", ["73282932000074", "732 829 320 00074", "356.000.000.00010"])
def test_valid_sirets_pass(siret):
    validate_siret(siret)


@pytest.mark.parametrize(
    ("siret", "code"),
    [
        ("7328293200007", "siret_format"),
        ("732829320000745", "siret_format"),
        ("7328293200007A", "siret_format"),
        ("", "siret_format"),
        ("73282932000075", "siret_checksum"),
        ("12345678901234", "siret_checksum"),
    ],
)
def test_invalid_sirets_are_refused_with_a_clear_reason(siret, code):
    with pytest.raises(ValidationError) as error:
        validate_siret(siret)
    assert error.value.code == code


def test_la_poste_establishments_use_their_own_sum_rule():
    # La Poste's establishments (SIREN 356 000 000) are checked by a digit sum, not Luhn.
    validate_siret("35600000000010")
    with pytest.raises(ValidationError):
        validate_siret("35600000000011")


@pytest.mark.parametrize("postcode", ["2500", "ABCDE", "00100", "96000", "99999", "98000"])
def test_invalid_french_postcodes_are_refused(postcode):
    with pytest.raises(ValidationError):
        validate_french_postcode(postcode)


@pytest.mark.parametrize(
    ("postcode", "department", "region"),
    [
        ("25000", "25", "bfc"),
        ("21000", "21", "bfc"),
        ("54000", "54", "grand-est"),
        ("20000", "2A", "france"),
        ("20200", "2B", "france"),
        ("97400", "974", "france"),
    ],
)
def test_departments_and_regions(postcode, department, region):
    assert department_from_postcode(postcode) == department
    assert region_of_department(department) == region
