"""Rounds, stages and seasons: how a competition's matches are organised."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from matchday.model.match import Match
from matchday.model.tie import Tie, build_ties

__all__ = ["Round", "RoundFormat", "Season", "Stage", "StageKind"]


class RoundFormat(StrEnum):
    """How a round's matches are played: in groups, in one league table, or as knockout ties."""

    GROUP = "group"
    LEAGUE = "league"
    KNOCKOUT = "knockout"


class StageKind(StrEnum):
    """The stages of a European club season."""

    QUALIFYING = "qualifying"
    GROUP_STAGE = "group stage"
    LEAGUE_PHASE = "league phase"
    KNOCKOUT = "knockout stage"


@dataclass(frozen=True, slots=True)
class Round:
    """A named round ("Group A", "Round of 16", "Final") and its matches in file order."""

    name: str
    format: RoundFormat
    matches: tuple[Match, ...]

    @property
    def knockout(self) -> bool:
        """True for a round played as ties."""
        return self.format is RoundFormat.KNOCKOUT

    def ties(self) -> tuple[Tie, ...]:
        """The round's ties (empty for a group or league round)."""
        return build_ties(self.name, self.matches) if self.knockout else ()


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage of the season and its rounds in order."""

    kind: StageKind
    rounds: tuple[Round, ...]


@dataclass(frozen=True, slots=True)
class Season:
    """One season of one competition, as one source file holds it.

    ``name`` is the season as written in the data ("2017/18"); ``qualifying`` marks a file of
    qualifying rounds, whose winners go on to the season's main file.
    """

    competition: str
    name: str
    stages: tuple[Stage, ...]
    qualifying: bool = False
    source: str | None = None

    @property
    def start_year(self) -> int:
        """The calendar year in which the season starts (2017 for "2017/18")."""
        found = re.match(r"(\d{4})", self.name)
        if found is None:
            raise ValueError(f"season name {self.name!r} does not start with a year")
        return int(found.group(1))

    @property
    def rounds(self) -> tuple[Round, ...]:
        """All rounds of all stages, in order."""
        return tuple(r for stage in self.stages for r in stage.rounds)

    @property
    def matches(self) -> tuple[Match, ...]:
        """All matches, in file order within each round."""
        return tuple(m for r in self.rounds for m in r.matches)

    def ties(self) -> Iterator[Tie]:
        """All ties of all knockout rounds, round by round."""
        for round_ in self.rounds:
            yield from round_.ties()
