"""UEFA's draws for rounds not yet drawn, made in every simulation at once.

``SeededDraw`` is a ``matchday.draw`` procedure (seeded against unseeded, with its bans) drawn as
UEFA draws it, in each simulation with the teams that simulation put in the pots: group winners
against runners-up (same group or association apart), or the league-phase play-off and round of
16, where the bracket decides which places may meet. ``BracketSides`` splits each seeded pair of
the league-phase bracket between its two halves, as the round-of-16 draw does from 2024-25, and
pairs the teams within each half as the bracket has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from matchday.draw import DrawProcedure, Entrant, sample_matchings
from matchday.errors import InvalidValueError
from matchday.forecast.competition import LegOrder, order_legs

__all__ = ["BracketSides", "SeededDraw", "team_bans"]


def team_bans(procedure: DrawProcedure, entrants: Sequence[Entrant | None]) -> NDArray[np.bool_]:
    """``meet[i, j]``: may team ``i`` (seeded) meet team ``j`` (unseeded) under ``procedure``'s
    bans? ``entrants[i]`` says what the bans look at for team ``i`` (its group, association);
    teams with ``None`` never enter this draw."""
    n = len(entrants)
    meet = np.zeros((n, n), dtype=bool)
    for i, s in enumerate(entrants):
        for j, u in enumerate(entrants):
            if s is not None and u is not None and i != j:
                meet[i, j] = procedure.clash(s, u) is None
    return meet


@dataclass(frozen=True)
class SeededDraw:
    """``procedure`` drawn in each simulation: the draw gets the seeded teams (its places in
    ``procedure.seeded`` order), then the unseeded ones, and returns the ties in the order of
    the seeded places, the unseeded team hosting the first leg.

    The bans of ``procedure`` between its places hold in every simulation; ``meet`` (from
    ``team_bans``), when given, adds the bans between the teams the simulation put there.
    """

    procedure: DrawProcedure
    meet: NDArray[np.bool_] | None = None
    name: str = field(default="")
    _places: NDArray[np.int64] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_places", np.array(self.procedure.allowed(), dtype=np.int64))
        if not self.name:
            object.__setattr__(self, "name", self.procedure.source or self.procedure.name)

    @property
    def entrants(self) -> int:
        """The teams the procedure pairs: twice its ties."""
        return 2 * self.procedure.size

    def pair(self, teams: NDArray[np.intp], rng: np.random.Generator) -> NDArray[np.intp]:
        n = self.procedure.size
        if teams.shape[1] != 2 * n:
            raise InvalidValueError(f"{self.procedure.name}: {2 * n} teams, not {teams.shape[1]}")
        seeded, unseeded = teams[:, :n], teams[:, n:]
        allowed = np.broadcast_to(self._places, unseeded.shape)
        if self.meet is not None:
            mine = np.zeros(unseeded.shape, dtype=np.int64)
            for s in range(n):
                mine |= self.meet[seeded[:, s, None], unseeded].astype(np.int64) << s
            allowed = allowed & mine
        met = sample_matchings(allowed, rng)
        opponent = np.argsort(met, axis=1)  # met is a permutation: its inverse, per seeded place
        paired = np.empty(teams.shape, dtype=np.intp)
        paired[:, 0::2] = np.take_along_axis(unseeded, opponent, axis=1)
        paired[:, 1::2] = seeded
        return paired


@dataclass(frozen=True, slots=True)
class BracketSides:
    """The two halves of a bracket: the teams come in seeded pairs (columns 2k and 2k+1: the
    places 1/2, 3/4, ... or the winners of their ties), each pair split between the halves by a
    draw; within each half the pairs in ``meet`` play each other, the first named holding the
    better place. The ties come out half by half, in the order of ``meet``."""

    meet: tuple[tuple[int, int], ...]
    legs: LegOrder = LegOrder.BRACKET
    name: str = "league-phase bracket (halves drawn)"

    @property
    def entrants(self) -> int:
        """Two teams for each place a half's pairs take in ``meet``."""
        return 2 * sum(len(tie) for tie in self.meet)

    def pair(self, teams: NDArray[np.intp], rng: np.random.Generator) -> NDArray[np.intp]:
        if teams.shape[1] != self.entrants:
            raise InvalidValueError(f"{self.name}: {self.entrants} teams, not {teams.shape[1]}")
        sims = teams.shape[0]
        pairs = teams.reshape(sims, -1, 2)
        flip = (rng.random(pairs.shape[:2]) < 0.5).astype(np.intp)
        halves = (
            np.take_along_axis(pairs, flip[:, :, None], axis=2)[:, :, 0],
            np.take_along_axis(pairs, 1 - flip[:, :, None], axis=2)[:, :, 0],
        )
        order = [block for tie in self.meet for block in tie]
        paired = np.concatenate([half[:, order] for half in halves], axis=1)
        return order_legs(paired, self.legs, rng)
