"""The words of Football.TXT as the openfootball files write them, in one table.

Round headers come in English and German and in several shapes ("Gruppe G", "Sechzehntelfinale",
"Playoffs, Matchday 1", "Finals, Round of 16", "1. Round"); each maps to one canonical round name
and format. The same table reads a user's ``--round`` option, so "round of 32", "Sechzehntelfinale"
and "last 32" all find the round of 32.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matchday.model.competition import RoundFormat

__all__ = ["MONTHS", "WEEKDAYS", "RoundName", "canonical_round"]

MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        start=1,
    )
}
"""Month abbreviations of date lines (``Tue Feb/13 2018``)."""

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""Weekday abbreviations of date lines, Monday first (as ``date.weekday()`` counts)."""


@dataclass(frozen=True, slots=True)
class RoundName:
    """A round header read into its canonical name and format."""

    name: str
    format: RoundFormat


_KNOCKOUT_NUMBERS = {
    "32": "Round of 32",
    "16": "Round of 16",
    "8": "Quarterfinals",
    "4": "Semifinals",
    "2": "Final",
}

_ROUNDS: tuple[tuple[str, str, RoundFormat], ...] = (
    # (pattern, canonical name with \1-style groups, format); matched case-insensitively.
    (r"(?:group|gruppe)\s+([a-z])", "Group {0}", RoundFormat.GROUP),
    (
        r"(?:group stage|group|gruppenphase)(?:,\s*matchday\s*\d+)?",
        "Group stage",
        RoundFormat.GROUP,
    ),
    (r"league(?: phase)?(?:,\s*matchday\s*\d+)?", "League phase", RoundFormat.LEAGUE),
    (
        r"(?:knockout(?: round)? )?play-?offs?(?:,\s*(?:matchday|leg)\s*[12])?",
        "Playoffs",
        RoundFormat.KNOCKOUT,
    ),
    (r"(\d)\.\s*round|round\s+(\d)", "Round {0}", RoundFormat.KNOCKOUT),
    (r"(?:round of|last)\s+(32|16|8|4|2)|r(32|16)", "{ko}", RoundFormat.KNOCKOUT),
    (r"sechzehntelfinale", "Round of 32", RoundFormat.KNOCKOUT),
    (r"achtelfinale", "Round of 16", RoundFormat.KNOCKOUT),
    (r"quarter-?finals?|viertelfinale|qf", "Quarterfinals", RoundFormat.KNOCKOUT),
    (r"semi-?finals?|halbfinale|sf", "Semifinals", RoundFormat.KNOCKOUT),
    (r"finals?|finale|endspiel", "Final", RoundFormat.KNOCKOUT),
)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), n, f) for p, n, f in _ROUNDS)
_FINALS_PREFIX = re.compile(r"^finals,\s*", re.IGNORECASE)


def canonical_round(text: str) -> RoundName | None:
    """The canonical round for a header or a user's round name, or ``None`` if unknown."""
    cleaned = _FINALS_PREFIX.sub("", " ".join(text.split()))
    for pattern, name, fmt in _COMPILED:
        found = pattern.fullmatch(cleaned)
        if found is None:
            continue
        groups = [g for g in found.groups() if g is not None]
        if name == "{ko}":
            return RoundName(_KNOCKOUT_NUMBERS[groups[0]], fmt)
        return RoundName(name.format(*(g.upper() for g in groups)), fmt)
    return None
