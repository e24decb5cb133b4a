"""The service's forecaster: P(through), P(extra time) and P(penalties) of a tie followed live,
from the ratings shipped with matchday.

Each match is forecast with the newest shipped ratings fitted before its date (no look-ahead;
none when those are stale, as ``fresh_snapshot`` decides). A tie's JSON is rebuilt with every
change and, while its match runs, every second: the chances of its earlier moments (kick-off,
before and after each event) never change, so they are remembered, and a rebuild forecasts
only the moment now.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from matchday.forecast.live import LiveChances, live_chances
from matchday.forecast.ratings import Ratings
from matchday.io.snapshot import fresh_snapshot
from matchday.live import MatchState

__all__ = ["MEMO_SIZE", "Forecaster"]

MEMO_SIZE = 50_000
"""Moments remembered: a busy night's ties, each with a few hundred distinct moments."""


def _shipped(on: dt.date) -> Ratings | None:
    snapshot = fresh_snapshot(on)
    return None if snapshot is None else snapshot.ratings


class Forecaster:
    """The ``Chances`` hook of ``create_app``: a live state and the players sent off so far
    (home, away) to the tie's chances, or ``None`` when no ratings fit the match date."""

    def __init__(self, ratings_for: Callable[[dt.date], Ratings | None] = _shipped) -> None:
        self._ratings = functools.lru_cache(maxsize=64)(ratings_for)
        self._chances = functools.lru_cache(maxsize=MEMO_SIZE)(self._forecast)

    def __call__(self, state: MatchState, red_cards: tuple[int, int]) -> LiveChances | None:
        return self._chances(state)

    def _forecast(self, state: MatchState) -> LiveChances | None:
        # The state carries its red cards: ``red_cards`` is the hook's signature only.
        ratings = self._ratings(state.match.date)
        return None if ratings is None else live_chances(state, ratings)
