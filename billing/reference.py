"""Structured creditor references (ISO 11649, "RF" references): the payer copies one into
the transfer, the bank gives it back on the statement, and the import finds the invoice."""

import re

_CLEAN = re.compile(r"[^0-9A-Z]")
FOUND = re.compile(r"RF[0-9]{2}[0-9A-Z]{1,21}")


def _digits(text: str) -> int:
    return int("".join(str(int(char, 36)) for char in text))


def creditor_reference(base: str) -> str:
    """The RF reference of ``base`` (letters and digits, at most 21)."""
    base = _CLEAN.sub("", base.upper())
    if not 0 < len(base) <= 21:
        raise ValueError("A creditor reference holds 1 to 21 letters or digits.")
    check = 98 - _digits(base + "RF00") % 97
    return f"RF{check:02d}{base}"


def is_valid(reference: str) -> bool:
    reference = _CLEAN.sub("", reference.upper())
    if not re.fullmatch(r"RF[0-9]{2}[0-9A-Z]{1,21}", reference):
        return False
    return _digits(reference[4:] + reference[:4]) % 97 == 1


def find(text: str) -> list[str]:
    """The valid RF references written in ``text`` (spaces removed)."""
    found = []
    for match in FOUND.findall(_CLEAN.sub("", (text or "").upper())):
        # Words after the reference stick to it once spaces are gone: the longest valid
        # beginning is the reference.
        for end in range(len(match), 4, -1):
            if is_valid(match[:end]):
                found.append(match[:end])
                break
    return found


def grouped(reference: str) -> str:
    """``RF18 5390 0754 7034``: groups of four, as printed."""
    return " ".join(reference[i : i + 4] for i in range(0, len(reference), 4))
