"""P(team 1 goes through) of a two-legged tie not yet started, fast enough for every pairing.

A competition forecast needs the chance of every possible tie between the teams still in (a
draw can pair anyone). The rules engine's verdicts on every pair of leg scores up to ``SIZE - 1``
goals, and on every extra time, are laid out once per rules (``matchday.forecast.before``, shipped
for the presets), and a pairing is one weighted sum over them. Scores of ``SIZE`` goals or more in
one leg (below 1e-6 for rates up to 3.5 a leg) are left out and the rest renormalised.
``test_through`` checks this against ``forecast_tie``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from matchday.forecast.before import EXTRA, EXTRA_SIZE, NONE, PENS, SIZE, WIN1, leads, tables
from matchday.forecast.extra_time import extra_time_law
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tie import (
    EXTRA_TIME_MINUTES,
    PENALTY_WIN,
    LegRates,
    forecast_tie,
    level_win,
    neutral_replay,
)
from matchday.model import REGULAR_TIME
from matchday.rules import ExtraTime, Rules

__all__ = ["SIZE", "through_probability"]


def _grid(home: float, away: float, size: int, rho: float) -> NDArray[np.float64]:
    p = ScoreGrid.poisson(home, away, rho).p[:size, :size]
    out = np.zeros((size, size))
    out[: p.shape[0], : p.shape[1]] = p
    return np.asarray(out / out.sum(), dtype=np.float64)


def through_probability(
    first: LegRates, second: LegRates | None, rules: Rules, rho: float = 0.0
) -> float:
    """P(team 1, host of the first leg, goes through) before the tie starts; a single match
    (``second=None``) is handed to ``forecast_tie``. A tie left level goes to team 1 with its
    share of the drawing of lots or of the replay, as ``forecast_tie`` has it."""
    if second is None:
        return forecast_tie(first, None, rules, rho=rho).team1_through
    t = tables(rules)
    code, standing = t.code, t.standing
    p = np.einsum(
        "ij,kl->ijkl",
        _grid(first.home, first.away, SIZE, rho),
        _grid(second.home, second.away, SIZE, rho),
    )
    win = float(p[code == WIN1].sum()) + PENALTY_WIN * float(p[code == PENS].sum())
    level = float(p[code == NONE].sum())
    extra = code == EXTRA
    if extra.any():
        share = EXTRA_TIME_MINUTES / REGULAR_TIME
        if rules.extra_time is ExtraTime.THIRTY_MINUTES:
            e = _grid(second.home * share, second.away * share, EXTRA_SIZE, 0.0)
        else:  # a golden or silver goal: each standing's law (the silver goal's reads its verdicts)
            law = extra_time_law(
                second.home * share, second.away * share, rules.extra_time, EXTRA_SIZE, leads(rules)
            )
            e = law / law.sum(axis=(-1, -2), keepdims=True)
        codes = t.extra_code
        per_standing = ((codes == WIN1) * e).sum(axis=(1, 2)) + PENALTY_WIN * (
            (codes == PENS) * e
        ).sum(axis=(1, 2))
        win += float((p[extra] * per_standing[standing[extra]]).sum())
        still_level = ((codes == NONE) * e).sum(axis=(1, 2))
        level += float((p[extra] * still_level[standing[extra]]).sum())
    decided = level_win(rules, neutral_replay(first, second), rho)
    return win if decided is None else win + level * decided
