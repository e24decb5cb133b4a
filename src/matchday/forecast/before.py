"""The exact distribution of a two-legged tie before its first leg, as fast as in play.

Before the first leg every pair of leg scores is possible, so ``forecast_tie`` would settle every
one of them through the rules engine: seconds of work on first use of a rules preset. Here the
rules engine's verdicts over all first- and second-leg scores up to ``SIZE - 1`` goals (and over
every extra time of each standing that goes to extra time) are laid out once per rules as
``TieTables``; for the named presets they are computed when matchday is built and shipped in
``matchday.forecast.tie_tables`` (``python bench/tie_tables.py`` writes that module; a test
checks it against the rules engine). A forecast is then a few weighted sums (``bincount``)
over the tables: well under a millisecond.

Scores of ``SIZE`` goals or more in one leg, or ``EXTRA_SIZE`` in extra time, are left out and
the rest renormalised (below 1e-6 for rates up to 3.5 a leg). Extra time follows the rules' own
law (``matchday.forecast.extra_time``: 30 minutes, or ended by a golden or silver goal).
"""

from __future__ import annotations

import base64
import functools
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from matchday.forecast.extra_time import extra_time_mass
from matchday.forecast.scores import ScoreGrid, poisson_pmf
from matchday.forecast.tie_tables import PLANS, TABLES
from matchday.model import REGULAR_TIME, Score, Tally
from matchday.rules import ALL_PRESETS, ExtraTime, Phase, Rules, Verdict, settle_two_legs

__all__ = [
    "EXTRA_SIZE",
    "SIZE",
    "TieTables",
    "build_tables",
    "distribution",
    "mixed_distribution",
    "tables",
]

SIZE = 16
"""Goals per side and leg laid out: 0..15."""
EXTRA_SIZE = 12
"""Goals per side in extra time laid out: 0..11."""
EXTRA_TIME_SHARE = 30 / REGULAR_TIME
"""Extra time is played at the second leg's per-minute rates."""
PENALTY_WIN = 0.5
"""P(a given side wins a shoot-out), as in ``matchday.forecast.tie``."""

WIN1, WIN2, EXTRA, PENS, NONE, UNREACHED = 0, 1, 2, 3, 4, 5
"""Outcome codes of a cell: a winner, awaiting extra time, awaiting penalties, no decider, and
an extra time the rules never reach (a second goal after a golden goal)."""
REGULAR, AFTER_EXTRA, SHOOT_OUT = 0, 1, 2
"""How a tie ends (``matchday.forecast.tie.Ending``)."""


def _code(verdict: Verdict) -> int:
    if verdict.winner is not None:
        return WIN1 if verdict.winner == 1 else WIN2
    if verdict.awaiting is Phase.EXTRA_TIME:
        return EXTRA
    return PENS if verdict.awaiting is Phase.PENALTIES else NONE


@dataclass(frozen=True)
class TieTables:
    """The rules' verdict on every pair of leg scores of a tie not yet started, as routes.

    ``code[fh, fa, sh, sa]`` is the outcome code after 90 minutes of the second leg (first leg
    ``fh``-``fa``, second ``sh``-``sa``, home sides first) and ``dst`` where its probability goes:
    the flat index of ``p[g1, g2, ending, winner]`` (shape ``(width, width, 3, 3)``; a shoot-out's
    first half, the other half going to the next index; cells going to extra time to the spare
    index ``width * width * 9``). ``standing`` numbers the standings after 90 minutes of the cells
    going to extra time (-1 otherwise); ``extra_code[s, h, a]`` and ``extra_dst`` do the same for
    standing ``s`` after ``h``-``a`` in extra time (second leg's home side first).
    """

    width: int
    code: NDArray[np.int8]
    dst: NDArray[np.int16]
    standing: NDArray[np.int16]
    extra_code: NDArray[np.int8]
    extra_dst: NDArray[np.int16]

    def encode(self) -> str:
        """The tables as one compressed ASCII string (for the shipped module)."""
        header = np.array([self.width, self.extra_code.shape[0]], dtype=np.int32).tobytes()
        body = b"".join(np.ascontiguousarray(getattr(self, n)).tobytes() for n in _ARRAYS)
        return base64.b64encode(zlib.compress(header + body, 9)).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> TieTables:
        """The inverse of ``encode``."""
        raw = zlib.decompress(base64.b64decode(text))
        width, standings = (int(x) for x in np.frombuffer(raw[:8], dtype=np.int32))
        offset, arrays = 8, []
        for name in _ARRAYS:
            dtype, shape = _layout(name, standings)
            count = int(np.prod(shape))
            array = np.frombuffer(raw, dtype=dtype, count=count, offset=offset).reshape(shape)
            offset += array.nbytes
            arrays.append(array)
        return cls(width, *arrays)

    def equals(self, other: TieTables) -> bool:
        """Every table identical."""
        return self.width == other.width and all(
            np.array_equal(getattr(self, n), getattr(other, n)) for n in _ARRAYS
        )


_ARRAYS = ("code", "dst", "standing", "extra_code", "extra_dst")


def _layout(name: str, standings: int) -> tuple[type[np.integer[Any]], tuple[int, ...]]:
    dtype = np.int8 if name.endswith("code") else np.int16
    shape = (standings, EXTRA_SIZE, EXTRA_SIZE) if name.startswith("extra") else (SIZE,) * 4
    return dtype, shape


_WINNER = np.array([0, 1, 0, 0, 2, 0], dtype=np.intp)
"""Per outcome code: the winner index (a shoot-out's to team 1's half, split by
``distribution``)."""


def _routes(
    code: NDArray[np.int8], g1: NDArray[np.intp], g2: NDArray[np.intp], ending: int, width: int
) -> NDArray[np.int16]:
    c = code.astype(np.intp)
    end = np.where(c == PENS, SHOOT_OUT, ending)
    dst = ((g1 * width + g2) * 3 + end) * 3 + _WINNER[c]
    dst[(c == EXTRA) | (c == UNREACHED)] = width * width * 9
    return dst.astype(np.int16)


def build_tables(rules: Rules) -> TieTables:
    """Settle every pair of leg scores, and every extra time, with the rules engine (slow: about
    a second; the presets' tables are shipped)."""
    shape = (SIZE,) * 4
    code = np.empty(shape, dtype=np.int8)
    g1, g2 = np.empty(shape, dtype=np.intp), np.empty(shape, dtype=np.intp)
    standing = np.full(shape, -1, dtype=np.int16)
    seen: dict[tuple[Tally, Tally | None], int] = {}
    representatives: list[tuple[Score, Score]] = []
    for index in np.ndindex(*shape):
        first, second = Score(index[0], index[1]), Score(index[2], index[3])
        verdict = settle_two_legs(first, second, rules)
        code[index] = _code(verdict)
        g1[index], g2[index] = verdict.aggregate.team1, verdict.aggregate.team2
        if code[index] == EXTRA:
            key = (verdict.aggregate, verdict.away_goals)
            if key not in seen:
                seen[key] = len(representatives)
                representatives.append((first, second))
            standing[index] = seen[key]
    extra = (len(representatives), EXTRA_SIZE, EXTRA_SIZE)
    extra_code = np.empty(extra, dtype=np.int8)
    extra_g1, extra_g2 = np.empty(extra, dtype=np.intp), np.empty(extra, dtype=np.intp)
    golden = rules.extra_time is ExtraTime.GOLDEN_GOAL
    for s, (first, second) in enumerate(representatives):
        for h, a in np.ndindex(EXTRA_SIZE, EXTRA_SIZE):
            if golden and h + a > 1:  # the first goal ended extra time
                extra_code[s, h, a], extra_g1[s, h, a], extra_g2[s, h, a] = UNREACHED, 0, 0
                continue
            after = Score(second.home + h, second.away + a)
            verdict = settle_two_legs(first, second, rules, second_extra_time=after)
            extra_code[s, h, a] = _code(verdict)
            extra_g1[s, h, a], extra_g2[s, h, a] = verdict.aggregate.team1, verdict.aggregate.team2
    width = 1 + max(int(a.max(initial=0)) for a in (g1, g2, extra_g1, extra_g2))
    return TieTables(
        width,
        code,
        _routes(code, g1, g2, REGULAR, width),
        standing,
        extra_code,
        _routes(extra_code, extra_g1, extra_g2, AFTER_EXTRA, width),
    )


@dataclass(frozen=True)
class _Plan:
    """``TieTables`` ready for ``bincount``: where each cell's probability goes (``dst``, a
    shoot-out's whole mass to its first half, split afterwards), the cells going to extra time
    with their standing, and the routes of each extra time. Shipped per preset
    (``tie_tables.PLANS``), so that a first forecast reads them and computes nothing else."""

    dst: NDArray[np.intp]
    extra_cells: NDArray[np.intp]
    extra_standing: NDArray[np.intp]
    extra_dst: NDArray[np.intp]
    width: int

    @property
    def standings(self) -> int:
        """How many standings after 90 minutes go to extra time."""
        return len(self.extra_dst) // (EXTRA_SIZE * EXTRA_SIZE)

    @classmethod
    def of(cls, t: TieTables) -> _Plan:
        """The plan of tables ``t``."""
        extra_cells = np.flatnonzero(t.code.ravel() == EXTRA)
        return cls(
            t.dst.ravel().astype(np.intp),
            extra_cells.astype(np.intp),
            t.standing.ravel()[extra_cells].astype(np.intp),
            t.extra_dst.ravel().astype(np.intp),
            t.width,
        )

    def encode(self) -> str:
        """The plan as one compressed ASCII string (for the shipped module)."""
        header = np.array([self.width, len(self.extra_cells)], dtype=np.int32).tobytes()
        body = b"".join(
            a.astype(dtype).tobytes()
            for a, dtype in zip(
                self.arrays(), (np.int16, np.int32, np.int16, np.int16), strict=True
            )
        )
        return base64.b64encode(zlib.compress(header + body, 9)).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> _Plan:
        """The inverse of ``encode``."""
        raw = zlib.decompress(base64.b64decode(text))
        width, cells = (int(x) for x in np.frombuffer(raw, dtype=np.int32, count=2))
        dst = np.frombuffer(raw, dtype=np.int16, count=SIZE**4, offset=8)
        offset = 8 + dst.nbytes
        extra_cells = np.frombuffer(raw, dtype=np.int32, count=cells, offset=offset)
        offset += extra_cells.nbytes
        extra_standing = np.frombuffer(raw, dtype=np.int16, count=cells, offset=offset)
        offset += extra_standing.nbytes
        extra_dst = np.frombuffer(raw, dtype=np.int16, offset=offset)
        # as intp once here: bincount would otherwise convert them on every query
        return cls(
            dst.astype(np.intp),
            extra_cells.astype(np.intp),
            extra_standing.astype(np.intp),
            extra_dst.astype(np.intp),
            width,
        )

    def arrays(self) -> tuple[NDArray[np.intp], ...]:
        """The routes, in the order of the encoding."""
        return self.dst, self.extra_cells, self.extra_standing, self.extra_dst

    def equals(self, other: _Plan) -> bool:
        """Every route identical."""
        return self.width == other.width and all(
            np.array_equal(a, b) for a, b in zip(self.arrays(), other.arrays(), strict=True)
        )


@functools.cache
def _plan(rules: Rules) -> _Plan:
    text = PLANS.get(rules.name)
    if text is not None and ALL_PRESETS.get(rules.name) == rules:
        return _Plan.decode(text)
    return _Plan.of(tables(rules))


def _leg(home: float, away: float, rho: float) -> NDArray[np.float64]:
    p = ScoreGrid.poisson(home, away, rho).p[:SIZE, :SIZE]
    out = np.zeros((SIZE, SIZE))
    out[: p.shape[0], : p.shape[1]] = p
    return out


def distribution(
    first: tuple[float, float], second: tuple[float, float], rules: Rules, rho: float = 0.0
) -> NDArray[np.float64]:
    """``p[g1, g2, ending, winner]`` of a two-legged tie not yet started, from the expected
    goals (home, away) of each leg; each whole leg gets Dixon-Coles' ``rho``. Not normalised
    beyond the laid-out scores: the caller divides by the total."""
    plan = _plan(rules)
    legs = np.multiply.outer(_leg(*first, rho), _leg(*second, rho)).ravel()
    shape = (plan.width, plan.width, 3, 3)
    size = plan.width * plan.width * 9
    out = np.bincount(plan.dst, legs, size + 1)[:size]  # the spare index: to extra time
    if plan.standings:
        reached = np.bincount(plan.extra_standing, legs[plan.extra_cells], plan.standings)
        # Freed before the extra-time arrays are made: otherwise the C heap, trimmed back as
        # the half-megabyte block and these are freed, faults its pages in again on every query
        # (230 page faults a query and twice the time, measured under uefa-classic).
        del legs
        home, away = (EXTRA_TIME_SHARE * rate for rate in second)
        if rules.extra_time is ExtraTime.THIRTY_MINUTES:
            extra = np.outer(poisson_pmf(home, EXTRA_SIZE), poisson_pmf(away, EXTRA_SIZE))
            mass = np.multiply.outer(reached, extra).ravel()
        else:
            by_standing = np.asarray(reached, dtype=np.float64)[:, None]  # one scenario
            rate = np.array([home]), np.array([away])
            law = extra_time_mass(by_standing, *rate, rules.extra_time, EXTRA_SIZE, leads(rules))
            mass = law.ravel()
        out += np.bincount(plan.extra_dst, mass, size + 1)[:size]
    p: NDArray[np.float64] = np.asarray(out.reshape(shape), dtype=np.float64)
    shoot_out = p[:, :, SHOOT_OUT, 0]  # a shoot-out's whole mass: split it between the sides
    p[:, :, SHOOT_OUT, 1] += (1 - PENALTY_WIN) * shoot_out
    shoot_out *= PENALTY_WIN
    return p


_BLOCK = 512
"""Cells of extra time gathered at a time by ``mixed_distribution`` (25 scenarios: 100 KB,
below the C heap's 128 KB threshold for a fresh mapping)."""


def _pmf(rates: NDArray[np.float64], size: int) -> NDArray[np.float64]:
    """``pmf[..., g]``: Poisson(``rates``) probabilities of 0..size-1 goals, renormalised."""
    goals = np.arange(size)
    log_factorial = np.cumsum(np.log(np.maximum(goals, 1)))
    r = np.asarray(rates, dtype=np.float64)[..., None]
    pmf = np.exp(goals * np.log(np.maximum(r, 1e-300)) - r - log_factorial)
    out: NDArray[np.float64] = pmf / pmf.sum(axis=-1, keepdims=True)
    return out


def _tau(home: NDArray[np.float64], away: NDArray[np.float64], rho: float) -> NDArray[np.float64]:
    """Dixon-Coles' factors on the 0-0, 0-1, 1-0 and 1-1 cells, ``[..., 2, 2]``, with ``rho``
    held where every τ >= 0 (as ``ScoreGrid.poisson``); they leave a grid's total unchanged."""
    low = np.maximum(-1 / np.maximum(home, 1e-9), -1 / np.maximum(away, 1e-9))
    r = np.minimum(np.minimum(np.maximum(rho, low), 1 / np.maximum(home * away, 1e-9)), 1.0)
    tau = np.empty((*np.broadcast_shapes(np.shape(home), np.shape(away)), 2, 2))
    tau[..., 0, 0] = 1 - home * away * r
    tau[..., 0, 1] = 1 + home * r
    tau[..., 1, 0] = 1 + away * r
    tau[..., 1, 1] = 1 - r
    return tau


def mixed_distribution(
    first: tuple[float, float],
    second: tuple[float, float],
    nodes: tuple[NDArray[np.float64], NDArray[np.float64]],
    weights: tuple[NDArray[np.float64], NDArray[np.float64]],
    rules: Rules,
    rho: float = 0.0,
) -> NDArray[np.float64]:
    """``distribution`` averaged over the uncertainty of both teams' scoring: in scenario
    ``(i, j)`` (weight ``weights[0][i] * weights[1][j]``, each summing to 1) team 1 scores at
    ``nodes[0][i]`` times its rate in both legs (``first[0]``, ``second[1]``), team 2 at
    ``nodes[1][j]`` times its own. Exact, as a tie's distribution is linear in the joint law
    of its legs' scores: that law factorises over the two teams outside the few cells that
    Dixon-Coles' ``rho`` touches (computed scenario by scenario), and is spread over the
    tables once, so the mixture costs about one forecast (``forecast.uncertainty``)."""
    plan = _plan(rules)
    f1, f2 = np.asarray(nodes[0], dtype=np.float64), np.asarray(nodes[1], dtype=np.float64)
    w1, w2 = np.asarray(weights[0], dtype=np.float64), np.asarray(weights[1], dtype=np.float64)
    h1, a2 = _pmf(first[0] * f1, SIZE), _pmf(second[1] * f1, SIZE)  # team 1's goals, [i, g]
    a1, h2 = _pmf(first[1] * f2, SIZE), _pmf(second[0] * f2, SIZE)  # team 2's goals, [j, g]
    one = w1[:, None] * h1  # weights folded into team 1's first-leg goals
    two = w2[:, None] * a1
    team1 = one.T @ a2  # [fh, sa]
    team2 = two.T @ h2  # [fa, sh]
    joint = team1[:, None, None, :] * team2[None, :, :, None]  # [fh, fa, sh, sa]
    cells: NDArray[np.float64] | None = None
    if rho:  # where either leg is 0-0, 0-1, 1-0 or 1-1, scenario by scenario
        tau1 = _tau(first[0] * f1[:, None], first[1] * f2[None, :], rho)  # [i, j, 2, 2]
        tau2 = _tau(second[0] * f2[None, :], second[1] * f1[:, None], rho)
        leg1 = one[:, None, :, None] * two[None, :, None, :]  # [i, j, fh, fa], weighted
        leg1[:, :, :2, :2] *= tau1
        leg2 = h2[None, :, :, None] * a2[:, None, None, :]  # [i, j, sh, sa]
        leg2[:, :, :2, :2] *= tau2
        k = len(f1) * len(f2)
        flat1, flat2 = leg1.reshape(k, SIZE * SIZE), leg2.reshape(k, SIZE * SIZE)
        corner1 = np.ascontiguousarray(leg1[:, :, :2, :2]).reshape(k, 4)
        corner2 = np.ascontiguousarray(leg2[:, :, :2, :2]).reshape(k, 4)
        joint[:2, :2] = (corner1.T @ flat2).reshape(2, 2, SIZE, SIZE)
        joint[:, :, :2, :2] = (flat1.T @ corner2).reshape(SIZE, SIZE, 2, 2)
        cells = leg1.reshape(k, SIZE * SIZE), leg2.reshape(k, SIZE * SIZE)  # type: ignore[assignment]
    shape = (plan.width, plan.width, 3, 3)
    size = plan.width * plan.width * 9
    out = np.bincount(plan.dst, joint.ravel(), size + 1)[:size]
    del joint
    if plan.standings:
        square = SIZE * SIZE
        at1, at2 = plan.extra_cells // square, plan.extra_cells % square
        if cells is None:
            k = len(f1) * len(f2)
            leg1 = one[:, None, :, None] * two[None, :, None, :]
            leg2 = h2[None, :, :, None] * a2[:, None, None, :]
            cells = leg1.reshape(k, square), leg2.reshape(k, square)  # type: ignore[assignment]
        assert cells is not None
        k = cells[0].shape[0]
        by_cell = cells[0].T.copy(), cells[1].T.copy()  # [leg score, scenario]
        reached = np.zeros(plan.standings * k)
        scenario = np.arange(k)
        # In blocks of cells small enough for the C heap: one block of all of them (half a
        # megabyte under uefa-2021) is mapped and faulted in afresh on every query (5x slower).
        for lo in range(0, len(at1), _BLOCK):
            hi = lo + _BLOCK
            at = by_cell[0][at1[lo:hi]] * by_cell[1][at2[lo:hi]]  # [cell, scenario]
            index = plan.extra_standing[lo:hi, None] * k + scenario
            reached += np.bincount(index.ravel(), at.ravel(), plan.standings * k)
        reached = reached.reshape(plan.standings, len(f1), len(f2))
        if rules.extra_time is ExtraTime.THIRTY_MINUTES:
            home = _pmf(EXTRA_TIME_SHARE * second[0] * f2, EXTRA_SIZE)  # team 2 at home, [j, e]
            away = _pmf(EXTRA_TIME_SHARE * second[1] * f1, EXTRA_SIZE)  # team 1 away, [i, e]
            # Σ_ij reached[s, i, j]·home[j, e]·away[i, f], as two small products
            by_home = (reached.reshape(-1, len(f2)) @ home).reshape(plan.standings, len(f1), -1)
            mass = (by_home.transpose(0, 2, 1).reshape(-1, len(f1)) @ away).ravel()
        else:  # a golden or silver goal: the law of extra time is the pair's, scenario (i, j)
            home_rate = np.outer(np.ones_like(f1), EXTRA_TIME_SHARE * second[0] * f2).ravel()
            away_rate = np.outer(EXTRA_TIME_SHARE * second[1] * f1, np.ones_like(f2)).ravel()
            flat = reached.reshape(plan.standings, -1)  # [s, (i, j)]
            kind = rules.extra_time
            law = extra_time_mass(flat, home_rate, away_rate, kind, EXTRA_SIZE, leads(rules))
            mass = law.ravel()
        out += np.bincount(plan.extra_dst, mass, size + 1)[:size]
    p: NDArray[np.float64] = np.asarray(out.reshape(shape), dtype=np.float64)
    shoot_out = p[:, :, SHOOT_OUT, 0]
    p[:, :, SHOOT_OUT, 1] += (1 - PENALTY_WIN) * shoot_out
    shoot_out *= PENALTY_WIN
    return p


def leads(rules: Rules) -> NDArray[np.bool_]:
    """``leads[s, h, a]``: whether the rules have a side through after ``h``-``a`` in extra time
    from standing ``s`` of the tables (where a silver goal ends extra time)."""
    code = tables(rules).extra_code
    return np.asarray((code == WIN1) | (code == WIN2))


TABLE_PRESETS = ("uefa-classic", "uefa-2021", "away-goals-90", "extra-time-penalties")
"""The presets whose tables ``bench/tie_tables.py`` writes: those of the club competitions
matchday forecasts (30 minutes of extra time, then penalties)."""


@functools.cache
def tables(rules: Rules) -> TieTables:
    """The tables of ``rules``: the shipped ones for a preset, else built (about a second)."""
    text = TABLES.get(rules.name)
    if text is not None and ALL_PRESETS.get(rules.name) == rules:
        return TieTables.decode(text)
    return build_tables(rules)


MODULE_HEADER = '''"""Generated by ``python bench/tie_tables.py``: the rules engine's verdicts on
every pair of leg scores, per rules preset (``matchday.forecast.before.TieTables``), and the routes
a forecast reads (``PLANS``, ``matchday.forecast.before._Plan``). Do not edit.
"""
'''


def _entries(name: str, texts: dict[str, str]) -> list[str]:
    """``name`` as a dictionary of the presets' texts; a text equal to an earlier preset's is
    written once, the later preset named after the dictionary as the same entry."""
    lines = [f"\n{name}: dict[str, str] = {{\n"]
    first: dict[str, str] = {}
    same: list[tuple[str, str]] = []
    for preset_name, text in texts.items():
        if text in first:
            same.append((preset_name, first[text]))
            continue
        first[text] = preset_name
        chunks = [text[i : i + 88] for i in range(0, len(text), 88)]
        lines.append(f'    "{preset_name}": (\n')
        lines.extend(f'        "{chunk}"\n' for chunk in chunks)
        lines.append("    ),\n")
    lines.append("}\n")
    lines.extend(
        f'{name}["{later}"] = {name}["{earlier}"]  # the same verdicts\n' for later, earlier in same
    )
    return lines


def module_text() -> str:
    """The source of ``matchday.forecast.tie_tables``, built from the rules engine."""
    built = {name: build_tables(ALL_PRESETS[name]) for name in TABLE_PRESETS}
    lines = [MODULE_HEADER]
    lines += _entries("TABLES", {name: t.encode() for name, t in built.items()})
    lines += _entries("PLANS", {name: _Plan.of(t).encode() for name, t in built.items()})
    return "".join(lines)
