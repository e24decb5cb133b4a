"""Ties: the one or two matches between the same two teams in a knockout round."""

from __future__ import annotations

from dataclasses import dataclass, replace

from matchday.errors import LegCountError, LegsMismatchError
from matchday.model.match import Match
from matchday.model.names import counted
from matchday.model.team import Team
from matchday.source import SourceRef

__all__ = ["Meetings", "Tie", "awaits_second_leg", "build_ties", "round_pairs"]


@dataclass(frozen=True, slots=True)
class Tie:
    """A knockout tie: two legs with home and away swapped, or one match.

    The legs may be given in any order; they are kept in date order, so ``team1`` always hosts
    the first leg. ``legs_planned`` says how many legs the round has (two by default when two
    are given): a two-legged tie with only one leg on record is an error, while a leg that is
    on record but not yet played is simply a match without a score. ``second_leg_to_come``:
    the round is known to be two-legged and the source holds only the first leg of this tie,
    its second leg not written in yet (the night of the first legs); no match stands for it.
    ``replays`` are the matches played when the legs left the tie level, in date order: they
    are part of the tie.
    """

    round: str
    legs: tuple[Match, ...]
    legs_planned: int = 0
    replays: tuple[Match, ...] = ()
    second_leg_to_come: bool = False

    def __post_init__(self) -> None:
        planned = self.legs_planned or (2 if self.second_leg_to_come else len(self.legs))
        object.__setattr__(self, "legs_planned", planned)
        object.__setattr__(self, "legs", tuple(sorted(self.legs, key=lambda m: m.date)))
        if planned not in (1, 2):
            raise LegCountError(self.label, f"a tie has one or two legs, not {planned}", self.where)
        if self.second_leg_to_come and (planned != 2 or len(self.legs) != 1 or self.replays):
            raise LegCountError(
                self.label, "only a two-legged tie's one first leg has a second leg to come",
                self.where,
            )  # fmt: skip
        if self.second_leg_to_come:
            return
        if len(self.legs) != planned:
            problem = (
                f"{planned}-legged tie with {counted(len(self.legs), 'match', 'matches')} on record"
                if self.legs
                else "a tie without any match"
            )
            raise LegCountError(self.label, problem, self.where)
        if planned == 2:
            first, second = self.legs
            if (second.home, second.away) != (first.away, first.home):
                raise LegsMismatchError(
                    self.label,
                    f"second leg {second.label} is not the first leg with home and away swapped",
                    second.source,
                )
            if second.date == first.date and first.dated and second.dated:
                raise LegsMismatchError(self.label, "both legs on the same date", second.source)
        object.__setattr__(self, "replays", tuple(sorted(self.replays, key=lambda m: m.date)))
        for replay in self.replays:
            if {replay.home, replay.away} != {self.team1, self.team2}:
                raise LegsMismatchError(
                    self.label,
                    f"replay {replay.label} is not between the same teams",
                    replay.source,
                )

    @property
    def team1(self) -> Team:
        """The team that hosts the first leg (or is named first in a single match)."""
        return self.legs[0].home

    @property
    def team2(self) -> Team:
        """The team that is away in the first leg."""
        return self.legs[0].away

    @property
    def teams(self) -> tuple[Team, Team]:
        """Both teams, ``team1`` first."""
        return (self.team1, self.team2)

    @property
    def single_match(self) -> bool:
        """True for a one-match tie such as a final."""
        return self.legs_planned == 1

    @property
    def first_leg(self) -> Match:
        """The first (or only) match."""
        return self.legs[0]

    @property
    def second_leg(self) -> Match | None:
        """The second leg, or ``None`` for a single match."""
        return self.legs[1] if len(self.legs) == 2 else None

    @property
    def last_match(self) -> Match:
        """The match in which the tie is decided: the last leg, or the last replay."""
        return self.replays[-1] if self.replays else self.legs[-1]

    @property
    def matches(self) -> tuple[Match, ...]:
        """The legs, then the replays."""
        return self.legs + self.replays

    def with_replays(self, replays: tuple[Match, ...]) -> Tie:
        """This tie with ``replays`` added to it."""
        return replace(self, replays=self.replays + replays)

    @property
    def label(self) -> str:
        """``Team1 v Team2 (round)``: how errors and reports name the tie."""
        if not self.legs:
            return f"empty tie ({self.round})"
        return f"{self.team1} v {self.team2} ({self.round})"

    @property
    def where(self) -> SourceRef | None:
        """Where the first leg was read from, if it was parsed."""
        return self.legs[0].source if self.legs else None

    def opponent(self, team: Team) -> Team:
        """The other team of the tie."""
        return self.team2 if team == self.team1 else self.team1


def build_ties(round_name: str, matches: tuple[Match, ...], legs: int = 0) -> tuple[Tie, ...]:
    """Group a knockout round's matches into ties by pair of teams, in order of first appearance
    (how: ``round_pairs``). A pair with one match, or three, in a two-legged round raises
    ``LegCountError``, except where the round is known to be two-legged with second legs
    still to come (``legs`` 2: ``Round.legs``): a pair with one match is a tie between the legs."""
    planned, pairs = round_pairs(matches, legs)
    return tuple(
        Tie(round_name, own, planned, replays, second_leg_to_come=awaits_second_leg(own, legs))
        for own, replays in pairs
    )


def awaits_second_leg(legs: tuple[Match, ...], round_legs: int) -> bool:
    """Whether a pair with these ``legs`` in a round of ``round_legs`` (``Round.legs``) is a
    two-legged tie whose second leg is not on record yet: its one match in a round known to be
    two-legged with second legs still to come."""
    return round_legs == 2 and len(legs) == 1


Meetings = tuple[tuple[Match, ...], tuple[Match, ...]]
"""One pair's matches in a round: its legs, then its replays."""


def round_pairs(matches: tuple[Match, ...], legs: int = 0) -> tuple[int, tuple[Meetings, ...]]:
    """The legs a knockout round's ties have (1 or 2) and each pair's legs and replays, in order
    of first appearance.

    A round is two-legged when ``legs`` (``Round.legs``: known beyond the matches) is 2, or
    when any pair meets twice; otherwise every tie is a single match.
    Except that a match which went to extra time is never a first leg: in a round where no
    other pair meets twice, a pair's later matches after one are its replays (1934's Spain 1-1
    Italy a.e.t., then 0-1, in one round). In a two-legged round such a match stays a first
    leg, for deciding the tie to say what is wrong with it.
    """
    pairs: dict[frozenset[Team], list[Match]] = {}
    for match in matches:
        pairs.setdefault(frozenset((match.home, match.away)), []).append(match)
    split = tuple(_legs_and_replays(meetings) for meetings in pairs.values())
    if legs == 2 or any(len(own) > 1 for own, _ in split):
        return 2, tuple((tuple(meetings), ()) for meetings in pairs.values())
    return 1, split


def _legs_and_replays(meetings: list[Match]) -> Meetings:
    ordered = sorted(meetings, key=lambda m: m.date)
    first = ordered[0]
    if len(ordered) > 1 and (first.extra_time is not None or first.penalties is not None):
        return (first,), tuple(ordered[1:])
    return tuple(meetings), ()
