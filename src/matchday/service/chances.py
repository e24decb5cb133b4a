"""The service's forecaster: P(through), P(extra time) and P(penalties) of a tie followed live,
from the ratings shipped with matchday.

Each match is forecast with the newest shipped ratings fitted before its date (no look-ahead;
none when those are stale, as ``fresh_snapshot`` decides). A tie's JSON is rebuilt with every
change and, while its match runs, whenever its minute moves on: the chances of its earlier
moments (kick-off, before and after each event) never change, so they are remembered, and a
rebuild forecasts only the moment now.

The streams get a tie's new state before its forecast (``Service.sketch``): building it asks
``known``, which notes the moments not forecast yet, and ``forecast_noted`` then forecasts
them all at once, with ``workers`` in a worker process at lower priority (``matchday serve``),
so that the forecasts take neither the interpreter nor the CPU from the event loop and the
writer; then the complete JSON finds every moment remembered.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from matchday.forecast.live import LiveChances, live_chances
from matchday.forecast.ratings import Ratings
from matchday.io.snapshot import fresh_snapshot
from matchday.live import MatchState
from matchday.service.orphans import exit_with_parent

__all__ = ["MEMO_SIZE", "Forecaster"]

MEMO_SIZE = 50_000
"""Moments remembered: a busy night's ties, each with a few hundred distinct moments."""

NICENESS = 10
"""How much lower the worker process's priority is than the service's."""


def _shipped(on: dt.date) -> Ratings | None:
    snapshot = fresh_snapshot(on)
    return None if snapshot is None else snapshot.ratings


class Forecaster:
    """The ``Chances`` hook of ``create_app``: a live state and the players sent off so far
    (home, away) to the tie's chances, or ``None`` when no ratings fit the match date.

    ``workers`` (0 or 1) forecasts noted moments in a worker process; only with the shipped
    ratings (``ratings_for`` must be importable there), else in the calling thread."""

    def __init__(
        self, ratings_for: Callable[[dt.date], Ratings | None] = _shipped, workers: int = 0
    ) -> None:
        self._ratings = functools.lru_cache(maxsize=64)(ratings_for)
        self._known: dict[MatchState, LiveChances | None] = {}
        self._noted: dict[MatchState, None] = {}
        """Moments asked for by ``known`` and not forecast yet (a dictionary keeps order)."""
        self._same: dict[int, tuple[MatchState, LiveChances | None]] = {}
        """The same by the state object's identity: a tie's earlier moments are the same
        objects from one rebuild to the next (``views._history``), and hashing a state (its
        fixture, goals and cards) cost more than the rest of a tie's JSON. The entry holds
        the object, so its id is not reused while it is here."""
        self._lock = threading.Lock()
        self.workers = workers if ratings_for is _shipped else 0
        self._pool: ProcessPoolExecutor | None = None

    def __call__(self, state: MatchState, red_cards: tuple[int, int]) -> LiveChances | None:
        # The state carries its red cards: ``red_cards`` is the hook's signature only.
        found, chances = self._look_up(state, note=False)
        if found:
            return chances
        chances = self._forecast(state)
        self._remember([(state, chances)])
        return chances

    def known(self, state: MatchState, red_cards: tuple[int, int]) -> LiveChances | None:
        """The chances at ``state`` when they are forecast already; else ``None``, and the
        state is noted for ``forecast_noted``."""
        return self._look_up(state, note=True)[1]

    def _look_up(self, state: MatchState, note: bool) -> tuple[bool, LiveChances | None]:
        """Whether the chances at ``state`` are forecast already, and they; a state not found
        is noted for ``forecast_noted`` when ``note``."""
        same = self._same.get(id(state))
        if same is not None and same[0] is state:
            return True, same[1]
        with self._lock:
            if state in self._known:
                return True, self._recall(state)
            if note:
                self._noted[state] = None
            return False, None

    def _recall(self, state: MatchState) -> LiveChances | None:
        """The remembered chances at ``state``, remembered for this very object too (call with
        the lock held)."""
        found = self._known[state]
        if len(self._same) >= MEMO_SIZE:
            del self._same[next(iter(self._same))]
        self._same[id(state)] = (state, found)
        return found

    def forecast_noted(self) -> int:
        """Forecast the moments noted by ``known`` (in the worker process when there is
        one); how many there were."""
        with self._lock:
            states = [s for s in self._noted if s not in self._known]
            self._noted.clear()
        if not states:
            return 0
        if self.workers:
            found = self._worker().submit(_forecast_all, states).result()
        else:
            found = [self._forecast(state) for state in states]
        self._remember(list(zip(states, found, strict=True)))
        return len(states)

    def warm_up(self) -> None:
        """Start the worker process, if there is one, and have it load what a forecast needs
        (the modules and today's shipped ratings): the service's first goals are then not
        held back by a process starting (about 5 s of CPU)."""
        if self.workers:
            self._worker().submit(_warm_up).result()

    def close(self) -> None:
        """End the worker process, if one was started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _worker(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_lower_priority)
        return self._pool

    def _remember(self, found: list[tuple[MatchState, LiveChances | None]]) -> None:
        with self._lock:
            for state, chances in found:
                if len(self._known) >= MEMO_SIZE:  # forget the oldest moment
                    del self._known[next(iter(self._known))]
                self._known[state] = chances

    def _forecast(self, state: MatchState) -> LiveChances | None:
        ratings = self._ratings(state.match.date)
        return None if ratings is None else live_chances(state, ratings)


_in_worker: Forecaster | None = None
"""The worker process's own forecaster (with the shipped ratings)."""


def _lower_priority() -> None:
    exit_with_parent()
    os.nice(NICENESS)


def _worker_forecaster() -> Forecaster:
    """In the worker process: its own forecaster, made on first use."""
    global _in_worker  # one forecaster per worker process
    if _in_worker is None:
        _in_worker = Forecaster()
    return _in_worker


def _warm_up() -> None:
    """In the worker process: its forecaster, with today's shipped ratings loaded."""
    _worker_forecaster()._ratings(dt.date.today())


def _forecast_all(states: list[MatchState]) -> list[LiveChances | None]:
    """In the worker process: the chances at each state."""
    forecaster = _worker_forecaster()
    return [forecaster(state, state.sent_off) for state in states]
