"""Ordinals in figures follow each language's CLDR rules (through Babel), never "1th"."""

from __future__ import annotations

import pytest

from matchday.ordinals import ordinal


@pytest.mark.parametrize(
    ("number", "english"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"), (111, "111th"), (1000, "1,000th")],
)  # fmt: skip
def test_english_ordinals(number: int, english: str) -> None:
    assert ordinal(number) == english


def test_other_languages() -> None:
    assert [ordinal(n, "nl") for n in (1, 2, 83, 1000)] == ["1e", "2e", "83e", "1.000e"]
    assert [ordinal(n, "fr") for n in (1, 2)] == ["1er", "2e"]
