"""Scores and tallies: pairs of goal counts."""

from __future__ import annotations

from dataclasses import dataclass

from matchday.errors import InvalidValueError

__all__ = ["Score", "Tally"]


def _check_counts(*counts: int) -> None:
    for count in counts:
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InvalidValueError(f"a goal count must be a whole number >= 0, not {count!r}")


@dataclass(frozen=True, slots=True)
class Score:
    """Goals of the home and the away side of one match at one moment."""

    home: int
    away: int

    def __post_init__(self) -> None:
        _check_counts(self.home, self.away)

    def __str__(self) -> str:
        return f"{self.home}-{self.away}"

    @property
    def level(self) -> bool:
        """True when both sides have scored the same number of goals."""
        return self.home == self.away

    def covers(self, earlier: Score) -> bool:
        """True when neither side has fewer goals than in ``earlier`` (scores only grow)."""
        return self.home >= earlier.home and self.away >= earlier.away

    def minus(self, earlier: Score) -> Score:
        """The goals scored since ``earlier``."""
        return Score(self.home - earlier.home, self.away - earlier.away)


@dataclass(frozen=True, slots=True)
class Tally:
    """A count per team of a tie, ``team1`` (host of the first leg) first: aggregate, away goals."""

    team1: int
    team2: int

    def __post_init__(self) -> None:
        _check_counts(self.team1, self.team2)

    def __str__(self) -> str:
        return f"{self.team1}-{self.team2}"

    @property
    def level(self) -> bool:
        """True when both teams have the same count."""
        return self.team1 == self.team2

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.team1 + other.team1, self.team2 + other.team2)
