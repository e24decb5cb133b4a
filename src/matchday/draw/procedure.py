"""A draw as data: two pots, who may not meet whom, and why.

UEFA's knockout draws pair a seeded team with an unseeded one. Teams from the same group or the
same association are kept apart, as are associations that UEFA keeps apart for political reasons
(Russia and Ukraine from 2014-15); the league-phase bracket (from 2024-25) lets a seeded pair of
places meet only one pair of unseeded places. Every ban is a reason a person can read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from matchday.errors import InvalidValueError
from matchday.model.team import Team

__all__ = ["DrawProcedure", "Entrant", "Pot"]


class Pot(StrEnum):
    """The two pots of a knockout draw; the seeded team hosts the second leg."""

    SEEDED = "seeded"
    UNSEEDED = "unseeded"


@dataclass(frozen=True, slots=True)
class Entrant:
    """A team in a draw, with what the bans look at.

    ``group`` is the group the team comes from (teams of one group are kept apart; ``None`` for a
    team from another competition's group), ``association`` its national association code,
    ``slot`` its place in a league-phase bracket ("9/10"), ``origin`` how it got here in words,
    ``place`` its place in the league-phase table when that is how it got here (told in words
    at the edges: ``matchday.io.draws.origin_text``), ``tie`` the knockout play-off tie it
    comes from (seeded team first), as its winner or standing for a winner not yet known.
    """

    team: Team
    association: str
    group: str | None = None
    slot: str | None = None
    origin: str = ""
    place: int | None = None
    tie: tuple[Team, Team] | None = None


@dataclass(frozen=True, slots=True)
class DrawProcedure:
    """Seeded against unseeded, with bans. The draw takes an unseeded team first.

    ``prohibited`` holds pairs of associations kept apart; ``bracket``, when given, the only
    (seeded slot, unseeded slot) pairs that may meet. ``source`` says where the data comes from.
    """

    name: str
    seeded: tuple[Entrant, ...]
    unseeded: tuple[Entrant, ...]
    same_group_apart: bool = True
    same_association_apart: bool = True
    prohibited: frozenset[frozenset[str]] = frozenset()
    bracket: frozenset[tuple[str, str]] | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if len(self.seeded) != len(self.unseeded):
            raise InvalidValueError(
                f"{self.name}: {len(self.seeded)} seeded and {len(self.unseeded)} unseeded teams"
            )
        teams = [e.team for e in (*self.seeded, *self.unseeded)]
        if len(set(teams)) != len(teams):
            raise InvalidValueError(f"{self.name}: a team is in the draw twice")

    @property
    def size(self) -> int:
        """The number of ties the draw makes."""
        return len(self.seeded)

    def ban(self, seeded: int, unseeded: int) -> str | None:
        """Why ``seeded`` (index) may not meet ``unseeded`` (index), or ``None`` if they may."""
        return self.clash(self.seeded[seeded], self.unseeded[unseeded])

    def clash(self, s: Entrant, u: Entrant) -> str | None:
        """Why seeded entrant ``s`` may not meet unseeded ``u`` under this procedure's bans, or
        ``None``: the same test for entrants not (yet) in the pots, as a forecast needs it."""
        if self.same_group_apart and s.group is not None and s.group == u.group:
            return f"same group ({s.group})"
        if self.same_association_apart and s.association == u.association:
            return f"same association ({s.association})"
        if frozenset((s.association, u.association)) in self.prohibited:
            return f"prohibited clash ({s.association} v {u.association})"
        if self.bracket is not None and (s.slot, u.slot) not in self.bracket:
            return f"not paired in the bracket ({s.slot} v {u.slot})"
        return None

    def allowed(self) -> tuple[int, ...]:
        """For each unseeded team, the bitmask of the seeded teams it may meet."""
        return tuple(
            sum(1 << s for s in range(self.size) if self.ban(s, u) is None)
            for u in range(self.size)
        )

    def index(self, team: Team) -> tuple[Pot, int]:
        """The pot and index of ``team``; ``KeyError`` if it is not in the draw."""
        for pot, entrants in ((Pot.SEEDED, self.seeded), (Pot.UNSEEDED, self.unseeded)):
            for i, entrant in enumerate(entrants):
                if entrant.team == team:
                    return pot, i
        raise KeyError(team)

    def valid(self, pairs: Iterable[tuple[Team, Team]]) -> list[str]:
        """What is wrong with ``pairs`` (unseeded, seeded) as a result of this draw; empty if OK."""
        problems: list[str] = []
        seen_s: set[int] = set()
        seen_u: set[int] = set()
        for unseeded, seeded in pairs:
            pot_u, u = self.index(unseeded)
            pot_s, s = self.index(seeded)
            if (pot_u, pot_s) != (Pot.UNSEEDED, Pot.SEEDED):
                problems.append(f"{unseeded} v {seeded}: not an unseeded v a seeded team")
                continue
            reason = self.ban(s, u)
            if reason is not None:
                problems.append(f"{unseeded} v {seeded}: {reason}")
            if s in seen_s or u in seen_u:
                problems.append(f"{unseeded} v {seeded}: a team drawn twice")
            seen_s.add(s)
            seen_u.add(u)
        if not problems and len(seen_s) != self.size:
            problems.append(f"{len(seen_s)} ties drawn, the draw makes {self.size}")
        return problems
