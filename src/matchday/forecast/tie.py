"""Exact tie probabilities: every way a tie can still end, with its probability.

From the goal rates of each leg, the distribution of the rest of the tie is laid out exactly
(no simulation): the rest of regular time, extra time (30 minutes at the same per-minute rates,
ended early by a golden or silver goal where the rules say so: ``matchday.forecast.extra_time``),
and a shoot-out. In play, the rest of a period counts the added time it may still get, averaged
over its fitted law (``matchday.live.time_left``): nothing is certain until the whistle.
Each combination of scores is settled by the rules engine itself
(``settle_two_legs``/``settle_single``), so an era's rules, away goals in extra time included,
come from one place. Settled score combinations are memoised (the rules are pure functions), so
repeated in-play queries of one tie only add up probabilities.

The result is one validated value, ``TieForecast``: ``p[g1, g2, ending, winner]`` is the
probability that the tie ends with ``g1``-``g2`` on aggregate (team 1 = host of the first leg;
for a single match, its score), after regular time, extra time or penalties, won by team 1,
team 2 or nobody: level once the rules' phases are played. Under rules that replay a level tie
or draw lots for it, that level mass is not lost: a drawing of lots is a coin toss, and a replay
is another match between the two sides, forecast on the terms of the drawn match (its ground;
two legs: a neutral ground) under the rules replays are played by (``TieForecast.level_win``).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from numpy.typing import NDArray

from matchday.errors import InvalidValueError
from matchday.forecast.before import _pmf, _tau, distribution
from matchday.forecast.extra_time import extra_time_mass, golden_goal, silver_goal
from matchday.forecast.scores import ScoreGrid, goals_needed, poisson_pmf
from matchday.live import MatchState, Period, TimeLeft, settle, time_left
from matchday.live.state import EXTRA_TIME_HALF
from matchday.model import EXTRA_TIME_END, REGULAR_TIME, Score
from matchday.rules import ExtraTime, Phase, Rules, Verdict

__all__ = [
    "EXTRA_TIME_MINUTES",
    "LOTS_WIN",
    "PENALTY_WIN",
    "TABLE_COVER",
    "Ending",
    "LegRates",
    "TieForecast",
    "forecast_tie",
    "level_win",
    "mixed_deciding_leg",
    "neutral_replay",
    "replay_win",
    "tabled",
]

EXTRA_TIME_MINUTES = EXTRA_TIME_END - REGULAR_TIME
PENALTY_WIN = 0.5
"""P(a given side wins a shoot-out): a coin flip; no edge in shoot-outs is well established."""
LOTS_WIN = 0.5
"""P(a given side wins the drawing of lots): a coin toss."""
RED_CARD_OWN = 0.67
RED_CARD_OPPONENT = 1.25
"""Goal-rate factors per player sent off, for the side down a man and its opponent; about what
Vecer, Kopriva & Ichiba (2009, "Estimating the effect of the red card in soccer", J. Quant.
Anal. Sports 5(1)) estimate from in-play betting markets."""
NEGLIGIBLE = 1e-14


class Ending(IntEnum):
    """How a tie ends."""

    REGULAR_TIME = 0
    EXTRA_TIME = 1
    PENALTIES = 2


class Winner(IntEnum):
    TEAM1 = 0
    TEAM2 = 1
    NOBODY = 2


_AWAITING_EXTRA, _AWAITING_PENALTIES, _UNREACHABLE = 3, 4, 5
"""Codes of cells still to play on, and of extra-time scores the rules never reach (a second
goal after a golden goal)."""


@dataclass(frozen=True, slots=True)
class LegRates:
    """Expected goals of the home and away side over 90 minutes of one leg, 11 against 11."""

    home: float
    away: float


@dataclass(frozen=True)
class TieForecast:
    """``p[g1, g2, ending, winner]``, validated: non-negative and summing to 1; with
    ``level_win``, how the share ``p`` leaves level (``winner`` nobody) is decided after it."""

    p: NDArray[np.float64]
    rules: Rules
    level_win: float | None = None
    """P(team 1 goes through from a tie the legs leave level): ½ under drawing of lots, its
    chance of winning the replay (and any replay of it) under a replay; ``None`` (the default)
    works it out where it needs no goal rates (lots), and leaves a level tie undecided under
    rules with no decider. A replay needs it given (``forecast_tie`` does)."""

    def __post_init__(self) -> None:
        if self.p.ndim != 4 or self.p.shape[2:] != (3, 3):
            raise InvalidValueError(
                "a tie forecast is indexed by aggregate, aggregate, ending, winner"
            )
        if (self.p < 0).any() or abs(float(self.p.sum()) - 1) > 1e-9:
            raise InvalidValueError(
                f"not a probability distribution (total {float(self.p.sum())!r})"
            )
        if self.level_win is None and self.rules.lots:
            object.__setattr__(self, "level_win", LOTS_WIN)
        win = self.level_win
        if win is not None and not (0 <= win <= 1 and (self.rules.replay or self.rules.lots)):
            raise InvalidValueError(f"P(through from level) {win!r} under {self.rules.name}")
        if win is None and self.rules.replay and self.level > NEGLIGIBLE:
            raise InvalidValueError(f"{self.rules.name}: a replay is due, but not forecast")
        self.p.setflags(write=False)

    @property
    def level(self) -> float:
        """P(the legs leave the tie level, every phase of the rules played) = Σ p[..., nobody]:
        the share a replay or the drawing of lots decides (``replay``, ``lots``)."""
        return float(self.p[..., Winner.NOBODY].sum())

    @property
    def replay(self) -> float:
        """P(a replay is played): the level share under rules that replay it, else 0."""
        return self.level if self.rules.replay else 0.0

    @property
    def lots(self) -> float:
        """P(lots are drawn): the level share under rules that draw lots, else 0."""
        return self.level if self.rules.lots else 0.0

    @property
    def team1_through(self) -> float:
        """P(team 1 goes through) = Σ p[..., team 1], plus its share of the level ties a
        replay or lots decide (``level_win``)."""
        won = float(self.p[..., Winner.TEAM1].sum())
        return won if self.level_win is None else won + self.level * self.level_win

    @property
    def team2_through(self) -> float:
        """P(team 2 goes through) = Σ p[..., team 2], plus its share of the level ties."""
        won = float(self.p[..., Winner.TEAM2].sum())
        return won if self.level_win is None else won + self.level * (1 - self.level_win)

    @property
    def extra_time(self) -> float:
        """P(extra time is played) = Σ p[:, :, extra time or penalties, :]; 0 under rules
        with no extra time (a shoot-out straight after 90 minutes is no extra time)."""
        if not self.rules.extra_time:
            return 0.0
        return float(self.p[:, :, Ending.EXTRA_TIME :, :].sum())

    @property
    def penalties(self) -> float:
        """P(a shoot-out) = Σ p[:, :, penalties, :]."""
        return float(self.p[:, :, Ending.PENALTIES, :].sum())

    @property
    def aggregate(self) -> NDArray[np.float64]:
        """P(final aggregate g1-g2) = Σ_{ending, winner} p[g1, g2, ending, winner]."""
        return np.asarray(self.p.sum(axis=(2, 3)), dtype=np.float64)

    @property
    def expected_aggregate(self) -> tuple[float, float]:
        """(E[g1], E[g2]) over the final aggregate."""
        agg = self.aggregate
        return (
            float((agg.sum(axis=1) * np.arange(agg.shape[0])).sum()),
            float((agg.sum(axis=0) * np.arange(agg.shape[1])).sum()),
        )

    def likely_aggregates(self, count: int = 5) -> list[tuple[Score, float]]:
        """The ``count`` most likely final aggregates (team 1 first) and their probabilities."""
        agg = self.aggregate
        order = np.argsort(agg, axis=None)[::-1][:count]
        cells = [np.unravel_index(int(i), agg.shape) for i in order]
        return [(Score(int(g1), int(g2)), float(agg[g1, g2])) for g1, g2 in cells]


def _grid_size(*rates: float) -> int:
    """Grid side long enough for all ``rates``, rounded up to 8 so that cached tables repeat."""
    return -(-max(goals_needed(r) for r in rates) // 8) * 8


def _code(verdict: Verdict) -> int:
    if verdict.winner is not None:
        return verdict.winner - 1
    if verdict.awaiting is Phase.EXTRA_TIME:
        return _AWAITING_EXTRA
    if verdict.awaiting is Phase.PENALTIES:
        return _AWAITING_PENALTIES
    return int(Winner.NOBODY)


Table = tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]
"""Per score cell: outcome code, team 1's aggregate, team 2's aggregate."""


def _settle(first: Score | None, second: Score, rules: Rules, extra: Score | None) -> Verdict:
    return settle(first, second, rules, extra)


@functools.cache
def _regular_table(first: Score | None, rules: Rules, size: int) -> Table:
    """Settle every deciding-leg score after 90' (first leg ``first``; ``None``: one match)."""
    verdicts = [_settle(first, Score(h, a), rules, None) for h in range(size) for a in range(size)]
    return _arrays(verdicts, (size, size))


@functools.cache
def _extra_table(first: Score | None, second: Score, rules: Rules, size: int) -> Table:
    """Settle every extra-time score after ``second`` at 90' (goals in extra time alone); under
    the golden goal a score of two goals or more is never reached (``_UNREACHABLE``)."""
    golden = rules.extra_time is ExtraTime.GOLDEN_GOAL
    cells = [(h, a) for h in range(size) for a in range(size)]
    verdicts = [
        None
        if golden and h + a > 1
        else _settle(first, second, rules, Score(second.home + h, second.away + a))
        for h, a in cells
    ]
    return _arrays(verdicts, (size, size))


@functools.cache
def _extra_stack(
    first: Score | None, rules: Rules, size: int, et_size: int
) -> tuple[NDArray[np.intp], Table]:
    """The 90-minute scores of ``_regular_table`` that go to extra time, and their extra-time
    tables stacked (cell, home goals, away goals), so that one query adds them up at once."""
    code = _regular_table(first, rules, size)[0]
    cells = np.argwhere(code == _AWAITING_EXTRA)
    tables = [_extra_table(first, Score(int(h), int(a)), rules, et_size) for h, a in cells]
    empty = np.zeros((0, et_size, et_size), dtype=np.intp)
    stacked = tuple(np.stack([t[k] for t in tables]) if tables else empty for k in range(3))
    return cells, (stacked[0], stacked[1], stacked[2])


def _arrays(verdicts: Sequence[Verdict | None], shape: tuple[int, int]) -> Table:
    """The table of ``verdicts``; ``None`` is a cell the rules never reach (``_UNREACHABLE``)."""
    code = np.array(
        [_UNREACHABLE if v is None else _code(v) for v in verdicts], dtype=np.intp
    ).reshape(shape)
    g1 = np.array([v.aggregate.team1 if v else 0 for v in verdicts], dtype=np.intp).reshape(shape)
    g2 = np.array([v.aggregate.team2 if v else 0 for v in verdicts], dtype=np.intp).reshape(shape)
    for array in (code, g1, g2):
        array.setflags(write=False)
    return code, g1, g2


@dataclass
class _Accumulator:
    """Collects probability mass by (g1, g2, ending, winner) cell while the tie is laid out."""

    parts: list[tuple[NDArray[np.intp], NDArray[np.intp], int, int, NDArray[np.float64]]]

    def add(
        self,
        g1: NDArray[np.intp],
        g2: NDArray[np.intp],
        ending: Ending,
        winner: Winner,
        p: NDArray[np.float64],
    ) -> None:
        self.parts.append((g1, g2, int(ending), int(winner), p))

    def law(self) -> NDArray[np.float64]:
        """``p[g1, g2, ending, winner]`` of the mass collected, normalised."""
        g1 = np.concatenate([part[0] for part in self.parts])
        g2 = np.concatenate([part[1] for part in self.parts])
        ending = np.concatenate([np.full(part[0].size, part[2]) for part in self.parts])
        winner = np.concatenate([np.full(part[0].size, part[3]) for part in self.parts])
        mass = np.concatenate([part[4] for part in self.parts])
        shape = (int(g1.max()) + 1, int(g2.max()) + 1, 3, 3)
        flat = np.ravel_multi_index((g1, g2, ending, winner), shape)
        p = np.bincount(flat, mass, int(np.prod(shape))).reshape(shape)
        return np.asarray(p / p.sum(), dtype=np.float64)

    def forecast(
        self, rules: Rules, replay: LegRates | None = None, rho: float = 0.0
    ) -> TieForecast:
        """The forecast of the mass collected; ``replay``: the goal rates of a replay (team 1
        first), which decides the level share under rules that replay it."""
        return TieForecast(self.law(), rules, level_win(rules, replay, rho))


def _winners(p: NDArray[np.float64]) -> tuple[float, float, float]:
    """P(team 1 wins), P(team 2 wins), P(level) of a law ``p[g1, g2, ending, winner]``."""
    by = p.sum(axis=(0, 1, 2))
    return float(by[Winner.TEAM1]), float(by[Winner.TEAM2]), float(by[Winner.NOBODY])


@functools.lru_cache(maxsize=4096)  # in play, the same replay is asked about minute by minute
def _replay_win(home: float, away: float, rules: Rules, rho: float) -> float:
    """``replay_win`` on plain floats, so that it can be cached."""
    replayed = rules.replay_rules
    acc = _Accumulator([])
    _deciding_leg(acc, None, 1.0, LegRates(home, away), replayed, rho, None)
    w1, w2, level = _winners(acc.law())
    if replayed.lots:
        return w1 + level * LOTS_WIN
    if replayed.replay and replayed.replay_rules is replayed:  # replayed until decided
        return w1 / (w1 + w2) if w1 + w2 > 0 else LOTS_WIN
    if replayed.replay:
        return w1 + level * _replay_win(home, away, replayed, rho)
    return w1  # rules with no decider: a level replay decides nothing


def replay_win(replay: LegRates, rules: Rules, rho: float = 0.0) -> float:
    """P(team 1 wins the replay of a tie left level under ``rules``, and any replay of that
    replay): a whole match at goal rates ``replay`` (team 1's first) under the rules replays are
    played by (``Rules.replay_rules``); a replay replayed by the same rules is played until one
    side wins, so its chance is its share of the decided replays."""
    return _replay_win(float(replay.home), float(replay.away), rules, float(rho))


def level_win(rules: Rules, replay: LegRates | None, rho: float = 0.0) -> float | None:
    """P(team 1 goes through from a tie left level under ``rules``): ``LOTS_WIN`` under the
    drawing of lots, its chance in the replay at goal rates ``replay`` under a replay (``None``
    without those rates), ``None`` under rules with no decider."""
    if rules.lots:
        return LOTS_WIN
    if rules.replay and replay is not None:
        return replay_win(replay, rules, rho)
    return None


def neutral_replay(first: LegRates, second: LegRates) -> LegRates:
    """The goal rates of a two-legged tie's replay on a neutral ground, team 1's first: each
    side's rate at home and away averaged geometrically, so the home advantage cancels."""
    return LegRates(math.sqrt(first.home * second.away), math.sqrt(first.away * second.home))


def _settled(acc: _Accumulator, table: Table, p: NDArray[np.float64], ending: Ending) -> None:
    """Add the cells ``table`` settles, the shoot-outs it calls for, and return nothing: cells
    awaiting extra time are the caller's."""
    code, g1, g2 = table
    if ((code == _UNREACHABLE) & (p > NEGLIGIBLE)).any():
        raise InvalidValueError("extra time laid out past the golden goal that ends it")
    for winner in Winner:
        hit = (code == winner) & (p > NEGLIGIBLE)
        acc.add(g1[hit], g2[hit], ending, winner, p[hit])
    pens = (code == _AWAITING_PENALTIES) & (p > NEGLIGIBLE)
    acc.add(g1[pens], g2[pens], Ending.PENALTIES, Winner.TEAM1, p[pens] * PENALTY_WIN)
    acc.add(g1[pens], g2[pens], Ending.PENALTIES, Winner.TEAM2, p[pens] * (1 - PENALTY_WIN))


def _remaining(rates: LegRates, fraction: float, red_cards: tuple[int, int]) -> tuple[float, float]:
    home_down, away_down = red_cards
    home = rates.home * fraction * RED_CARD_OWN**home_down * RED_CARD_OPPONENT**away_down
    away = rates.away * fraction * RED_CARD_OWN**away_down * RED_CARD_OPPONENT**home_down
    return home, away


def _grid(home: float, away: float, size: int, rho: float = 0.0) -> NDArray[np.float64]:
    p = np.zeros((size, size))
    full = ScoreGrid.poisson(home, away, rho).p
    n, m = min(full.shape[0], size), min(full.shape[1], size)
    p[:n, :m] = full[:n, :m]
    return p


def _deciding_leg(
    acc: _Accumulator,
    first: Score | None,
    p_first: float,
    rates: LegRates,
    rules: Rules,
    rho: float,
    moment: MatchState | None,
) -> None:
    """Add the endings of the deciding leg (second leg, or the single match) given ``first``."""
    red = moment.sent_off if moment else (0, 0)
    et_fraction = EXTRA_TIME_MINUTES / REGULAR_TIME
    if moment is not None and moment.after_90 is not None:
        after_90 = moment.after_90
        so_far = moment.score.minus(after_90)
        first_half = moment.period is Period.EXTRA_TIME and moment.minute <= EXTRA_TIME_HALF
        left = time_left(moment)
        _extra_time(acc, first, after_90, p_first, rates, left, red, so_far, rules, first_half)
        return
    start = moment.score if moment else Score(0, 0)
    left = time_left(moment) if moment else _WHOLE
    h, a = _remaining(rates, max(share for _, share in left), red)
    size = _grid_size(h + start.home, a + start.away) + max(start.home, start.away)
    size = -(-size // 8) * 8
    grid = np.zeros((size, size))
    whole = moment is None or (moment.minute == 0 and start == Score(0, 0) and red == (0, 0))
    part = _grid(h, a, size, rho) if whole else _mixed_grid(rates, left, red, size)
    grid[start.home :, start.away :] = part[: size - start.home, : size - start.away]
    table = _regular_table(first, rules, size)
    p = grid * p_first
    _settled(acc, table, p, Ending.REGULAR_TIME)
    code = table[0]
    if not (code == _AWAITING_EXTRA).any():
        return
    eh, ea = _remaining(rates, et_fraction, red)
    et_size = _grid_size(eh, ea)
    cells, stacked = _extra_stack(first, rules, size, et_size)
    reached = p[cells[:, 0], cells[:, 1]]
    if rules.extra_time is ExtraTime.THIRTY_MINUTES:
        mass = reached[:, None, None] * _grid(eh, ea, et_size)[None, :, :]
    else:
        rate = np.array([eh]), np.array([ea])
        mass = _sudden_mass(reached[:, None], *rate, rules, et_size, stacked)
    _settled(acc, stacked, mass, Ending.EXTRA_TIME)


def _leads(code: NDArray[np.intp]) -> NDArray[np.bool_]:
    """Where a table's verdict has a side through: where a silver goal ends extra time."""
    return np.asarray((code == Winner.TEAM1) | (code == Winner.TEAM2))


def _sudden_mass(
    reached: NDArray[np.float64],
    home: NDArray[np.float64],
    away: NDArray[np.float64],
    rules: Rules,
    size: int,
    stacked: Table,
) -> NDArray[np.float64]:
    """``mass[cell, h, a]`` of the extra times of the stacked cells (``reached[cell, k]`` in
    scenario ``k`` at extra-time rates ``home[k]``, ``away[k]``) under a golden or silver goal
    (``matchday.forecast.extra_time``), a silver goal ending where the cell's verdict leads."""
    return extra_time_mass(reached, home, away, rules.extra_time, size, _leads(stacked[0]))


_WHOLE: TimeLeft = ((1.0, 1.0),)
"""A whole match still to play."""


def _mixed_grid(
    rates: LegRates, left: TimeLeft, red_cards: tuple[int, int], size: int
) -> NDArray[np.float64]:
    """The goals still to come when the share of the goal rates left is uncertain (added
    time): the Poisson grids of each share, weighted by its probability (``time_left``)."""
    grid = np.zeros((size, size))
    for weight, share in left:
        home, away = _remaining(rates, share, red_cards)
        grid += weight * np.outer(poisson_pmf(home, size), poisson_pmf(away, size))
    return grid


def _extra_time(
    acc: _Accumulator,
    first: Score | None,
    after_90: Score,
    p_reached: float,
    rates: LegRates,
    left: TimeLeft,
    red_cards: tuple[int, int],
    so_far: Score,
    rules: Rules,
    first_half: bool = False,
) -> None:
    """Add the endings after extra time from the 90-minute score ``after_90``, with ``so_far``
    goals already scored in extra time and the share ``left`` of ``rates`` still to come
    (``first_half``: extra time's first half is still being played). Under the golden goal the
    first goal ends it; under the silver goal a side leading at its half-time does."""
    home, away = _remaining(rates, max(share for _, share in left), red_cards)
    size = -(-(_grid_size(home, away) + max(so_far.home, so_far.away)) // 8) * 8
    table = _extra_table(first, after_90, rules, size)
    grid = np.zeros((size, size))
    golden = rules.extra_time is ExtraTime.GOLDEN_GOAL and so_far == Score(0, 0)
    silver = rules.extra_time is ExtraTime.SILVER_GOAL and first_half
    if golden:
        for weight, share in left:
            grid += weight * golden_goal(*_remaining(rates, share, red_cards), size)
    else:  # the rest of the first half only, under the silver goal
        now = tuple((w, max(share - _EXTRA_HALF, 0.0)) for w, share in left) if silver else left
        part = _mixed_grid(rates, now, red_cards, size)
        grid[so_far.home :, so_far.away :] = part[: size - so_far.home, : size - so_far.away]
    if silver:
        second_half = _remaining(rates, _EXTRA_HALF, red_cards)
        grid = silver_goal(grid, *second_half, _leads(table[0]))
    _settled(acc, table, grid * p_reached, Ending.EXTRA_TIME)


_EXTRA_HALF = (EXTRA_TIME_HALF - REGULAR_TIME) / REGULAR_TIME
"""A half of extra time as a share of the 90-minute goal rates."""


def forecast_tie(
    first: LegRates,
    second: LegRates | None,
    rules: Rules,
    *,
    rho: float = 0.0,
    first_leg: Score | None = None,
    moment: MatchState | None = None,
) -> TieForecast:
    """How a tie can still end. ``first``/``second``: goal rates of each leg (``second=None``
    for a single match); ``first_leg``: the first leg's 90-minute score once played;
    ``moment``: the state of a leg in progress (its score, minute, players sent off). A whole
    leg still to play gets Dixon-Coles' ``rho``. Under rules that replay a level tie, the
    replay is a whole match on the terms of a single match (``first``) or, after two legs, on
    a neutral ground (``neutral_replay``)."""
    acc = _Accumulator([])
    if second is None:
        _deciding_leg(acc, None, 1.0, first, rules, rho, moment)
        return acc.forecast(rules, first, rho)
    replay = neutral_replay(first, second)
    leg = moment.fixture.leg if moment else None
    if leg == 2 and first_leg is None:
        raise InvalidValueError("a second leg in play needs the first leg's score")
    if first_leg is not None:
        _deciding_leg(acc, first_leg, 1.0, second, rules, rho, moment if leg == 2 else None)
        return acc.forecast(rules, replay, rho)
    if moment is None:
        tabled = _before_first_leg(first, second, rules, rho)
        if tabled is not None:
            return tabled
    if moment is not None and moment.after_90 is not None:
        raise InvalidValueError("a first leg has no extra time")
    start = moment.score if moment else Score(0, 0)
    if moment is None:
        part = ScoreGrid.poisson(first.home, first.away, rho).p
    else:
        left, red = time_left(moment), moment.sent_off
        size = _grid_size(*_remaining(first, max(share for _, share in left), red))
        part = _mixed_grid(first, left, red, size)
    for fh, fa in zip(*np.nonzero(part > NEGLIGIBLE), strict=True):
        score = Score(start.home + int(fh), start.away + int(fa))
        _deciding_leg(acc, score, float(part[fh, fa]), second, rules, rho, None)
    return acc.forecast(rules, replay, rho)


TABLE_COVER = 1 - 1e-6
"""The share of a tie's probability the shipped tables must lay out for their forecast to be
used (the rest is left out and the forecast renormalised: at most a millionth); goal rates
beyond what they were made for (about 3.5 goals a leg by one side and more) are forecast
score by score instead."""


def _before_first_leg(
    first: LegRates, second: LegRates, rules: Rules, rho: float
) -> TieForecast | None:
    """The whole tie still to play: from the rules' shipped tables (``forecast.before``);
    ``None`` when the tables hold too little of it (``TABLE_COVER``)."""
    p = distribution((first.home, first.away), (second.home, second.away), rules, rho)
    return tabled(p, rules, neutral_replay(first, second), rho)


def tabled(
    p: NDArray[np.float64], rules: Rules, replay: LegRates | None = None, rho: float = 0.0
) -> TieForecast | None:
    """The forecast of a tie not yet started from its law as laid out by the shipped tables
    (``p[g1, g2, ending, winner]``, changed in place), trimmed to the scores that matter;
    ``None`` when the tables hold less than ``TABLE_COVER`` of it. ``replay``: the goal rates
    of a replay (team 1's first), needed under rules that replay a level tie."""
    if not p.sum() >= TABLE_COVER:
        return None
    p[p <= NEGLIGIBLE] = 0.0
    g1 = int(np.flatnonzero(p.sum(axis=(1, 2, 3)))[-1]) + 1
    g2 = int(np.flatnonzero(p.sum(axis=(0, 2, 3)))[-1]) + 1
    trimmed = np.ascontiguousarray(p[:g1, :g2])
    return TieForecast(trimmed / trimmed.sum(), rules, level_win(rules, replay, rho))


def mixed_deciding_leg(
    first_leg: Score | None,
    home: NDArray[np.float64],
    away: NDArray[np.float64],
    weight: NDArray[np.float64],
    rules: Rules,
    rho: float = 0.0,
    replay: LegRates | None = None,
) -> TieForecast:
    """How a tie ends whose deciding match (the second leg after ``first_leg``, or a single
    match with ``first_leg=None``) is still to play, averaged over scenarios: in scenario ``k``
    (``weight[k]``, summing to 1) its home side scores at ``home[k]`` and the away side at
    ``away[k]`` a match (extra time at the same per-minute rates, under the rules' law).
    Exactly the weighted mean of the scenarios' ``forecast_tie`` (a tie's law is linear in its
    leg's score law), in one pass over the rules' verdicts: the ratings' uncertainty between the
    legs costs about one query. Under rules that replay a level tie, the replay is played at
    ``replay`` (team 1's rates first; a single match's default: the scenarios' weighted
    geometric mean, the point rates of the match), its chance taken at those rates."""
    h, a = np.asarray(home, dtype=np.float64), np.asarray(away, dtype=np.float64)
    w = np.asarray(weight, dtype=np.float64)
    if replay is None and first_leg is None:
        replay = LegRates(float(np.exp(w @ np.log(h))), float(np.exp(w @ np.log(a))))
    if replay is None and rules.replay:
        raise InvalidValueError("a two-legged tie that may be replayed needs the replay's rates")
    size = _grid_size(float(h.max()), float(a.max()))
    grids = _pmf(h, size)[:, :, None] * _pmf(a, size)[:, None, :]  # [k, home, away]
    if rho:
        grids[:, :2, :2] *= _tau(h, a, rho)
    acc = _Accumulator([])
    table = _regular_table(first_leg, rules, size)
    _settled(acc, table, np.tensordot(w, grids, 1), Ending.REGULAR_TIME)
    if (table[0] == _AWAITING_EXTRA).any():
        share = EXTRA_TIME_MINUTES / REGULAR_TIME
        et_size = _grid_size(share * float(h.max()), share * float(a.max()))
        cells, stacked = _extra_stack(first_leg, rules, size, et_size)
        reached = w[:, None] * grids[:, cells[:, 0], cells[:, 1]]  # [k, cell]
        if rules.extra_time is ExtraTime.THIRTY_MINUTES:
            extra = _pmf(share * h, et_size)[:, :, None] * _pmf(share * a, et_size)[:, None, :]
            mass = np.tensordot(reached.T, extra, 1)  # [cell, home, away]
        else:
            mass = _sudden_mass(reached.T, share * h, share * a, rules, et_size, stacked)
        _settled(acc, stacked, mass, Ending.EXTRA_TIME)
    return acc.forecast(rules, replay, rho)
