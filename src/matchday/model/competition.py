"""Rounds, stages and seasons: how a competition's matches are organised."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from matchday.errors import InvalidValueError
from matchday.model.match import Match
from matchday.model.team import Team
from matchday.model.tie import Tie, build_ties

__all__ = [
    "ROUND_NAMES",
    "Round",
    "RoundFormat",
    "Season",
    "Stage",
    "StageKind",
    "is_final",
    "is_placement",
    "is_replay_round",
    "is_third_place",
    "round_after",
]

ROUND_NAMES: Mapping[int, str] = MappingProxyType(
    {16: "Round of 32", 8: "Round of 16", 4: "Quarterfinals", 2: "Semifinals", 1: "Final"}
)
"""Canonical names of the knockout rounds that follow by halving, by number of ties."""


def round_after(name: str) -> str | None:
    """The canonical round the winners of ``name`` go on to by halving ("Semifinals" after
    "Quarterfinals", "Final" after "Semifinals", in the same stage: "Europe (UEFA), Final");
    ``None`` after a final, or for a round outside the halving sequence ("Round 3",
    "Playoffs")."""
    stage, comma, round_ = name.strip().rpartition(", ")
    ties = next((n for n, called in ROUND_NAMES.items() if called == round_), None)
    if ties is None or ties // 2 not in ROUND_NAMES:
        return None
    return f"{stage}{comma}{ROUND_NAMES[ties // 2]}"


_REPLAY = re.compile(r"(?:^|\W)replays?$", re.IGNORECASE)


def is_replay_round(name: str) -> bool:
    """True for a round of replays ("Replay", "Quarter-finals, Replays")."""
    return _REPLAY.search(name.strip()) is not None


_THIRD_PLACE = re.compile(r"third|3rd|\b3\.\s*platz\b|\bplatz\s+3\b", re.IGNORECASE)


def is_third_place(name: str) -> bool:
    """True for a match for third place ("Match for third place", "3rd place", "3. Platz"):
    the losers of the semi-finals play it, and its winner goes on to no later round."""
    return _THIRD_PLACE.search(name) is not None


def is_final(name: str) -> bool:
    """True for the final ("Final", "Apertura Playoffs, Final"): not a quarter-final, nor the
    "Final Round" of a final group."""
    return name.strip().rpartition(", ")[2].casefold() == "final"


_PLACE = re.compile(r"\b\d+\.(?:\s*-\s*\d+\.)?\s*platz\b|\bplatz\s+\d", re.IGNORECASE)


def is_placement(name: str) -> bool:
    """True for a round that plays for a place below the title: third place, or written the
    German way ("5. Platz", "5.-8. Platz Playoffs"). No one goes from it towards the title;
    its teams may go on to other places ("Fifth Place Playoff", whose winner in World Cup
    qualifying goes on to an intercontinental play-off, is not one)."""
    return is_third_place(name) or _PLACE.search(name) is not None


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
    """A named round ("Group A", "Round of 16", "Final") and its matches in file order.

    ``legs``: 2 where the round is known to be two-legged beyond what its matches show (its
    header names a leg, or its competition plays it over two legs) and its second legs may be
    still to come, so a pair with one match is a tie between the legs; 0: as the matches show.
    """

    name: str
    format: RoundFormat
    matches: tuple[Match, ...]
    legs: int = 0

    @property
    def knockout(self) -> bool:
        """True for a round played as ties."""
        return self.format is RoundFormat.KNOCKOUT

    def ties(self) -> tuple[Tie, ...]:
        """The round's ties (empty for a group or league round)."""
        return build_ties(self.name, self.matches, self.legs) if self.knockout else ()


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
            raise InvalidValueError(f"season name {self.name!r} does not start with a year")
        return int(found.group(1))

    @property
    def rounds(self) -> tuple[Round, ...]:
        """All rounds of all stages, in order."""
        return tuple(r for stage in self.stages for r in stage.rounds)

    @property
    def matches(self) -> tuple[Match, ...]:
        """All matches, in file order within each round."""
        return tuple(m for r in self.rounds for m in r.matches)

    @property
    def tie_teams(self) -> frozenset[Team]:
        """Every team of the season's knockout ties (whose names a report keeps apart)."""
        return frozenset(team for tie in self.ties() for team in tie.teams)

    def ties(self) -> tuple[Tie, ...]:
        """All ties of all knockout rounds, round by round; a replay is part of its tie (a
        tuple, as ``Round.ties`` gives)."""
        return tuple(tie for ties in self._ties_by_round().values() for tie in ties)

    def round_ties(self, round_: Round) -> tuple[Tie, ...]:
        """The ties of ``round_`` with their replays; a replay round keeps only the replays
        that belong to no earlier tie."""
        return self._ties_by_round().get(id(round_), round_.ties())

    def _ties_by_round(self) -> dict[int, tuple[Tie, ...]]:
        """Each knockout round's ties (by ``id`` of the round), each match of a replay round
        added to the latest tie between the same two teams played before it (in whichever
        round the file lists the replay)."""
        found: dict[int, list[Tie]] = {}
        replays: list[tuple[Round, Match]] = []
        for round_ in self.rounds:
            if not round_.knockout:
                continue
            found[id(round_)] = []
            if is_replay_round(round_.name):
                replays.extend((round_, match) for match in round_.matches)
            else:
                found[id(round_)] = list(round_.ties())
        own: dict[int, list[Match]] = {}
        place = {key: number for number, key in enumerate(found)}
        for round_, match in replays:
            pair = frozenset((match.home, match.away))
            before = [
                (tie.legs[-1].date, place[key], key, index)
                for key, ties in found.items()
                for index, tie in enumerate(ties)
                if frozenset(tie.teams) == pair
                and (
                    tie.legs[-1].date < match.date
                    # a file without dates: the replay's round comes after the tie's
                    or (not match.dated and place[key] < place[id(round_)])
                )
            ]
            if not before:
                own.setdefault(id(round_), []).append(match)
                continue
            *_, key, index = max(before, key=lambda b: b[:2])
            found[key][index] = found[key][index].with_replays((match,))
        for round_ in self.rounds:
            if id(round_) in own:
                found[id(round_)] = list(build_ties(round_.name, tuple(own[id(round_)])))
        return {key: tuple(ties) for key, ties in found.items()}
