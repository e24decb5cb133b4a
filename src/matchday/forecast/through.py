"""P(team 1 goes through) of a two-legged tie not yet started, fast enough for every pairing.

A competition forecast needs the chance of every possible tie between the teams still in (a
draw can pair anyone). ``forecast_tie`` lays out the full distribution one first-leg score at a
time; here the same rules arithmetic is laid out once per rules as a table over all first- and
second-leg scores up to ``SIZE - 1`` goals, and a pairing is one weighted sum over it. The rules
are still applied only by ``settle_two_legs``; extra time is settled once per standing after 90
minutes (aggregate and away goals), since the rules decide extra time from that standing and the
goals scored in it. Scores of ``SIZE`` goals or more in one leg (below 1e-6 for rates up to 3.5
a leg) are left out and the rest renormalised. ``test_through`` checks this against
``forecast_tie``.
"""

from __future__ import annotations

import functools

import numpy as np
from numpy.typing import NDArray

from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tie import EXTRA_TIME_MINUTES, PENALTY_WIN, LegRates, forecast_tie
from matchday.model import REGULAR_TIME, Score, Tally
from matchday.rules import Phase, Rules, settle_two_legs

__all__ = ["SIZE", "through_probability"]

SIZE = 16
"""Goals per side and leg laid out: 0..15."""
EXTRA_SIZE = 12
"""Goals per side in extra time laid out: 0..11."""

_WIN1, _WIN2, _EXTRA, _PENS, _NONE = 0, 1, 2, 3, 4


def _code(winner: int | None, awaiting: Phase | None) -> int:
    if winner is not None:
        return _WIN1 if winner == 1 else _WIN2
    if awaiting is Phase.EXTRA_TIME:
        return _EXTRA
    return _PENS if awaiting is Phase.PENALTIES else _NONE


@functools.cache
def _table(
    rules: Rules,
) -> tuple[NDArray[np.intp], NDArray[np.intp], tuple[tuple[Score, Score], ...]]:
    """Outcome code of every (first leg, second leg) score pair, the standing after 90 minutes
    of each pair that goes to extra time (an index into the returned representatives), and one
    representative score pair per standing."""
    code = np.empty((SIZE,) * 4, dtype=np.intp)
    standing = np.full((SIZE,) * 4, -1, dtype=np.intp)
    seen: dict[tuple[Tally, Tally | None], int] = {}
    representatives: list[tuple[Score, Score]] = []
    for index in np.ndindex(*code.shape):
        first, second = Score(index[0], index[1]), Score(index[2], index[3])
        verdict = settle_two_legs(first, second, rules)
        code[index] = _code(verdict.winner, verdict.awaiting)
        if code[index] == _EXTRA:
            key = (verdict.aggregate, verdict.away_goals)
            if key not in seen:
                seen[key] = len(representatives)
                representatives.append((first, second))
            standing[index] = seen[key]
    return code, standing, tuple(representatives)


@functools.cache
def _extra_codes(rules: Rules) -> NDArray[np.intp]:
    """Outcome code of every extra-time score, for each standing after 90 minutes."""
    _, _, representatives = _table(rules)
    codes = np.empty((len(representatives), EXTRA_SIZE, EXTRA_SIZE), dtype=np.intp)
    for s, (first, second) in enumerate(representatives):
        for h, a in np.ndindex(EXTRA_SIZE, EXTRA_SIZE):
            after = Score(second.home + h, second.away + a)
            verdict = settle_two_legs(first, second, rules, second_extra_time=after)
            codes[s, h, a] = _code(verdict.winner, verdict.awaiting)
    return codes


def _grid(home: float, away: float, size: int, rho: float) -> NDArray[np.float64]:
    p = ScoreGrid.poisson(home, away, rho).p[:size, :size]
    out = np.zeros((size, size))
    out[: p.shape[0], : p.shape[1]] = p
    return np.asarray(out / out.sum(), dtype=np.float64)


def through_probability(
    first: LegRates, second: LegRates | None, rules: Rules, rho: float = 0.0
) -> float:
    """P(team 1, host of the first leg, goes through) before the tie starts; a single match
    (``second=None``) is handed to ``forecast_tie``."""
    if second is None:
        return forecast_tie(first, None, rules, rho=rho).team1_through
    code, standing, _ = _table(rules)
    p = np.einsum(
        "ij,kl->ijkl",
        _grid(first.home, first.away, SIZE, rho),
        _grid(second.home, second.away, SIZE, rho),
    )
    win = float(p[code == _WIN1].sum()) + PENALTY_WIN * float(p[code == _PENS].sum())
    extra = code == _EXTRA
    if extra.any():
        share = EXTRA_TIME_MINUTES / REGULAR_TIME
        e = _grid(second.home * share, second.away * share, EXTRA_SIZE, 0.0)
        codes = _extra_codes(rules)
        per_standing = ((codes == _WIN1) * e).sum(axis=(1, 2)) + PENALTY_WIN * (
            (codes == _PENS) * e
        ).sum(axis=(1, 2))
        win += float((p[extra] * per_standing[standing[extra]]).sum())
    return win
