"""Simulating the rest of a knockout competition: who reaches each round, who wins it.

The competition is a list of ``Step``s, one per round still to play: a round already drawn
gives its ties (with each tie's chance), a round not yet drawn is paired by a ``Draw`` among the
winners of the round before and the teams that join it from a group stage or league phase (an
``Entry``: fixed once the table is final, simulated while it is not). Each simulated competition
plays every tie as one Bernoulli draw with the tie's exact probability
(``through_probability``/``forecast_tie``), so goals are never simulated in the knockout rounds
and the rules are applied only where those probabilities come from. All simulations run at once
as numpy arrays (simulations × teams), seeded, so a run is reproducible."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from matchday.errors import InvalidValueError
from matchday.model import Team

__all__ = [
    "CompetitionForecast",
    "Draw",
    "DrawnTie",
    "Entry",
    "FixedBracket",
    "LegOrder",
    "OpenDraw",
    "Qualified",
    "Step",
    "order_legs",
    "simulate",
]

CHUNK = 200_000
"""Simulations per batch: bounds memory (a few arrays of CHUNK × teams integers)."""


class Draw(Protocol):
    """How the teams of a round not yet drawn are paired."""

    @property
    def name(self) -> str:
        """What the draw is called in reports ("open draw")."""
        ...

    @property
    def entrants(self) -> int | None:
        """How many teams the draw pairs, when it pairs a set number (``None``: any)."""
        ...

    def pair(self, teams: NDArray[np.intp], rng: np.random.Generator) -> NDArray[np.intp]:
        """Reorder each row of ``teams`` (simulations × entrants) so that columns 2k and 2k+1
        meet, column 2k hosting the first leg."""
        ...


@dataclass(frozen=True, slots=True)
class OpenDraw:
    """Every pairing equally likely, no seeding or protection (Europa League 2017-18 from the
    round of 16 on); the team drawn first hosts the first leg."""

    name: str = "open draw"
    entrants: int | None = None

    def pair(self, teams: NDArray[np.intp], rng: np.random.Generator) -> NDArray[np.intp]:
        order = np.argsort(rng.random(teams.shape), axis=1)
        return np.take_along_axis(teams, order, axis=1)


class LegOrder(StrEnum):
    """Who hosts the first leg when a bracket pairs the winners of ties 2k and 2k+1."""

    BRACKET = "bracket"
    """The winner of tie 2k (as the bracket lists it)."""
    DRAWN = "drawn"
    """Drawn for each tie (UEFA 2024-25: the order of the legs of the quarter- and semi-finals
    was drawn with the round of 16)."""
    SEEDED = "seeded"
    """The winner of tie 2k+1: tie 2k holds the better seeding place, whose winner hosts the
    second leg (UEFA Champions League from 2025-26)."""


def order_legs(
    paired: NDArray[np.intp], legs: LegOrder, rng: np.random.Generator
) -> NDArray[np.intp]:
    """``paired`` (columns 2k and 2k+1 meet, 2k the better place) with the first-leg host in 2k."""
    if legs is LegOrder.BRACKET:
        return paired
    pairs = paired.reshape(paired.shape[0], -1, 2)
    if legs is LegOrder.SEEDED:
        return pairs[:, :, ::-1].reshape(paired.shape)
    swap = rng.random(pairs.shape[:2]) < 0.5
    return np.where(swap[:, :, None], pairs[:, :, ::-1], pairs).reshape(paired.shape)


@dataclass(frozen=True, slots=True)
class FixedBracket:
    """The winners of ties 2k and 2k+1 of the round before meet (a bracket fixed in advance);
    ``legs`` says who hosts the first leg."""

    name: str = "fixed bracket"
    legs: LegOrder = LegOrder.BRACKET
    entrants: int | None = None

    def pair(self, teams: NDArray[np.intp], rng: np.random.Generator) -> NDArray[np.intp]:
        return order_legs(teams, self.legs, rng)


class Entry(Protocol):
    """Who enters the knockout rounds from a group stage or league phase: in each simulation,
    the team in each qualifying place (``slots`` of them, e.g. the winners and runners-up of
    the groups)."""

    @property
    def slots(self) -> int:
        """The number of qualifying places."""
        ...

    def teams(self, sims: int, rng: np.random.Generator) -> NDArray[np.intp]:
        """``sims`` × ``slots``: the team (index into the forecast's teams) in each place."""
        ...


@dataclass(frozen=True, slots=True)
class Qualified:
    """The qualifying places of a final table: the same teams in every simulation."""

    places: tuple[int, ...]

    @property
    def slots(self) -> int:
        return len(self.places)

    def teams(self, sims: int, rng: np.random.Generator) -> NDArray[np.intp]:
        return np.broadcast_to(np.array(self.places, dtype=np.intp), (sims, len(self.places)))


@dataclass(frozen=True, slots=True)
class DrawnTie:
    """A tie whose teams are known (indices into the forecast's teams) and P(team 1 through):
    1 or 0 once decided."""

    team1: int
    team2: int
    team1_through: float


@dataclass(frozen=True, slots=True)
class Step:
    """A round still to play: its ties when drawn, else the draw that will pair its teams.
    ``two_legs`` and ``neutral`` say how its ties are played (a final: one match, neutral).
    ``joining`` are the places of the ``Entry`` whose teams enter in this round; the draw gets
    them first, then the winners of the round before (in the order of its ties)."""

    name: str
    two_legs: bool
    neutral: bool
    ties: tuple[DrawnTie, ...] | None = None
    draw: Draw | None = None
    joining: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if (self.ties is None) == (self.draw is None):
            raise InvalidValueError(f"{self.name}: a round is either drawn or has a draw to come")
        if self.joining and self.ties is not None:
            raise InvalidValueError(f"{self.name}: teams join a round before its draw")


@dataclass(frozen=True)
class CompetitionForecast:
    """``reach[t, r]``: P(team ``t`` reaches round ``r``: plays in it, or joins a later round
    directly, as the top 8 of a league phase skip its play-offs); the last column is P(wins it).
    ``draws`` names, per round, the draw still to come (``None`` for a round already drawn)."""

    teams: tuple[Team, ...]
    rounds: tuple[str, ...]
    reach: NDArray[np.float64]
    simulations: int
    seed: int
    draws: tuple[str | None, ...] = ()

    def __post_init__(self) -> None:
        if self.reach.shape != (len(self.teams), len(self.rounds) + 1):
            raise InvalidValueError("one row per team, one column per round and one for the title")
        winners = float(self.reach[:, -1].sum())
        if (self.reach < 0).any() or (self.reach > 1 + 1e-12).any() or abs(winners - 1) > 1e-9:
            raise InvalidValueError(f"not probabilities (the title's add up to {winners!r})")
        self.reach.setflags(write=False)

    @property
    def win(self) -> NDArray[np.float64]:
        """P(team wins the competition) = reach[:, -1]."""
        return self.reach[:, -1]

    def ranking(self) -> list[int]:
        """Team indices, most likely winner first (then by rounds reached)."""
        return sorted(range(len(self.teams)), key=lambda t: tuple(-self.reach[t, ::-1]))


def _play(
    home: NDArray[np.intp],
    away: NDArray[np.intp],
    p_home: NDArray[np.float64],
    rng: np.random.Generator,
) -> NDArray[np.intp]:
    return np.where(rng.random(home.shape) < p_home, home, away)


def _count_skipped(
    playing: NDArray[np.intp], last: NDArray[np.int16], r: int, counts: NDArray[np.int64]
) -> None:
    """Count the rounds each team playing in round ``r`` skipped: those after the last round
    it played in (``last[sim, team]``, -1 for none) and before ``r``. A team that joins a later
    round directly (the top 8 of a league phase in the round of 16, drawn in the file or in the
    simulation; a play-in winner let through to the quarter-finals) has reached the rounds it
    skipped: reach never rises from one round to the next. ``last`` is updated to ``r``."""
    before = np.take_along_axis(last, playing, axis=1)
    for k in range(r):
        counts[:, k] += np.bincount(playing[before < k], minlength=counts.shape[0])
    np.put_along_axis(last, playing, r, axis=1)


def _batch(
    steps: tuple[Step, ...],
    two_legs: NDArray[np.float64],
    single: NDArray[np.float64],
    entry: Entry | None,
    sims: int,
    rng: np.random.Generator,
    counts: NDArray[np.int64],
) -> None:
    n_teams = counts.shape[0]
    alive: NDArray[np.intp] | None = None
    last = np.full((sims, n_teams), -1, dtype=np.int16)
    entered = entry.teams(sims, rng) if entry is not None else None
    for r, step in enumerate(steps):
        if step.ties is not None:
            home = np.array([t.team1 for t in step.ties], dtype=np.intp)
            away = np.array([t.team2 for t in step.ties], dtype=np.intp)
            known = np.array([t.team1_through for t in step.ties])
            home, away = (
                np.broadcast_to(home, (sims, home.size)),
                np.broadcast_to(away, (sims, away.size)),
            )
            p = np.broadcast_to(known, home.shape)
        else:
            assert step.draw is not None
            parts = [] if alive is None else [alive]
            if step.joining:
                assert entered is not None, f"{step.name}: teams join but there is no entry"
                parts.insert(0, entered[:, list(step.joining)])
            paired = step.draw.pair(np.concatenate(parts, axis=1), rng)
            home, away = paired[:, 0::2], paired[:, 1::2]
            p = (two_legs if step.two_legs else single)[home, away]
        counts[:, r] += np.bincount(home.ravel(), minlength=n_teams)
        counts[:, r] += np.bincount(away.ravel(), minlength=n_teams)
        _count_skipped(np.concatenate([home, away], axis=1), last, r, counts)
        alive = _play(home, away, p, rng)
    assert alive is not None
    assert alive.shape[1] == 1, "the last round must be the final"
    counts[:, -1] += np.bincount(alive.ravel(), minlength=n_teams)


def simulate(
    teams: tuple[Team, ...],
    steps: tuple[Step, ...],
    two_legs: NDArray[np.float64],
    single: NDArray[np.float64],
    simulations: int = 100_000,
    seed: int = 0,
    entry: Entry | None = None,
) -> CompetitionForecast:
    """Play ``steps`` ``simulations`` times. ``two_legs[i, j]``: P(i through against j, i
    hosting the first leg); ``single[i, j]``: the same for one match at a neutral venue;
    ``entry`` the teams that join later rounds from a table."""
    if simulations < 1:
        raise InvalidValueError("at least one simulation")
    rng = np.random.default_rng(seed)
    counts = np.zeros((len(teams), len(steps) + 1), dtype=np.int64)
    done = 0
    while done < simulations:
        batch = min(CHUNK, simulations - done)
        _batch(steps, two_legs, single, entry, batch, rng, counts)
        done += batch
    return CompetitionForecast(
        teams,
        tuple(s.name for s in steps),
        counts / simulations,
        simulations,
        seed,
        tuple(None if s.draw is None else s.draw.name for s in steps),
    )
