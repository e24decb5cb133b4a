"""Names as people type them: one folding for every name lookup, and "did you mean".

``fold`` is the one form in which two spellings of a name are compared: letters transliterated
to ASCII with ``unidecode`` (so "kobenhavn" finds FC København and Łódź folds to "lodz") and
case ignored. ``name_key`` also ignores dots and spacing, for matching club spellings.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils
from unidecode import unidecode

__all__ = ["counted", "fold", "name_key", "suggestions"]

SIMILAR = 70.0
"""The least ``rapidfuzz`` similarity (0-100, ``WRatio``) for a name to be suggested."""
CLOSE = 5.0
"""How far behind the best a suggestion may score: near ties only, not every "FC"."""


def fold(text: str) -> str:
    """Case- and accent-insensitive ASCII form of a name: "Östersunds FK" -> "ostersunds fk",
    "Łódź" -> "lodz", "FC København" -> "fc kobenhavn"."""
    return unidecode(text).casefold()


def name_key(name: str) -> str:
    """The form in which two spellings count as the same club name: case, accents, dots and
    spacing ignored ("St. Pölten" and "st polten" agree); nothing else is changed."""
    return " ".join(fold(name).replace(".", " ").split())


def suggestions(
    query: str, names: Iterable[str], limit: int = 3, *, whole: bool = False
) -> tuple[str, ...]:
    """The names most like ``query`` (folded, best first, at most ``limit``): what a user who
    typed a name that matches nothing probably meant. A name under half the query's length is
    never offered: part of a longer word is no spelling of it ("Atlantis" is not "CIS").
    ``whole``: names are compared whole, never a part with the whole, for names that share
    their parts (every round but one ends in "final": "Kwartfinal" is no spelling of Final)."""
    wanted = len(fold(query))
    choices = sorted(n for n in set(names) if 2 * len(fold(n)) >= wanted)
    found = process.extract(
        fold(query),
        choices,
        scorer=fuzz.ratio if whole else fuzz.WRatio,
        processor=lambda name: utils.default_process(fold(name)),
        limit=limit,
        score_cutoff=SIMILAR,
    )
    best = found[0][1] if found else 0.0
    return tuple(name for name, score, _ in found if score >= best - CLOSE)


def counted(number: int, one: str, many: str) -> str:
    """``number`` of a thing in figures, the noun agreeing with it, for the one-line English
    of explanations and errors: "1 point", "3 points", "1 match", "0 matches"."""
    return f"{number} {one if number == 1 else many}"
