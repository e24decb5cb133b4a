"""Ordinal numbers in figures ("1st", "22nd", "83e"), by the CLDR ordinal rules that Babel
carries, so that no language's "1th" can be written by hand."""

from __future__ import annotations

import functools

from babel import Locale
from babel.numbers import format_decimal

__all__ = ["SUFFIXES", "ordinal"]

SUFFIXES: dict[str, dict[str, str]] = {
    "en": {"one": "st", "two": "nd", "few": "rd", "other": "th"},
    "nl": {"other": "e"},
    "fr": {"one": "er", "other": "e"},
    "de": {"other": "."},
}
"""The suffix of each CLDR ordinal category (Babel's ``Locale.ordinal_form``) per language."""


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def ordinal(number: int, lang: str = "en") -> str:
    """``number`` as an ordinal in figures in ``lang``: 1st, 2nd, 3rd, 11th, 21st; 1e; 1er."""
    suffixes = SUFFIXES[lang]
    form = _locale(lang).ordinal_form(number)
    return f"{format_decimal(number, locale=lang)}{suffixes.get(form, suffixes['other'])}"
