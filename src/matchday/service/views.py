"""The JSON of a stored tie, as the read API, the stream and the page all show it.

A tie is ``tie_json`` (the shape of ``matchday ties --json``) with keys added: ids, each leg's
period, current score and events, and while the deciding match is on, ``live`` (the state of
``matchday live --json``: who is through now, what each side needs, the next goal), the
``timeline`` of its goals so far, and where a forecaster is available the chances now
(P(through) of each side, P(extra time), P(penalties); from kick-off of the deciding match,
and before it once the first leg is played; of a decided tie the certain ones, posted or
uploaded alike; ``forecast_note`` says why there are none) and P(through) over the match so
far.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import orjson

from matchday.errors import RuleError
from matchday.forecast.live import LiveChances
from matchday.io.export import score_pair, tie_json
from matchday.io.live_json import moment_json, state_json
from matchday.live import (
    EXTRA_TIME_END,
    HALF_TIME,
    EventKind,
    Fixture,
    MatchEvent,
    MatchState,
    Moment,
    Period,
    apply,
    fold,
    incident,
    match_events,
    start,
)
from matchday.live import clock as clock_at
from matchday.model import REGULAR_TIME, Goal, RedCard
from matchday.rules import decide
from matchday.store.ties import StoredEvent, StoredLeg, StoredTie

__all__ = [
    "Chances",
    "Clock",
    "Shown",
    "Unforecast",
    "event_json",
    "live_state",
    "quick_view",
    "tie_view",
    "unforecast",
]

MEMO_SIZE = 20_000
"""Timelines and states whose JSON is remembered: a busy night's ties, a few dozen each."""

Chances = Callable[[MatchState, tuple[int, int]], LiveChances | None]
"""The chances of a tie at a match state with players sent off so far (home, away), or ``None``
when no forecast is available (``matchday.service.chances.Forecaster`` is the real one)."""


@dataclass(frozen=True, slots=True)
class Clock:
    """Wall-clock time and how fast match time runs against it (60 in a replay at ``--speed
    60``), to estimate the minute between events."""

    now: dt.datetime
    speed: float = 1.0


@dataclass(eq=False)
class Shown:
    """A tie's JSON as built once for one version of the tie (the newest change folded into
    it), shared by every stream, poller and page that shows the tie until it changes: ``data``
    the JSON as Python values, ``text`` serialised once, on first use."""

    version: int
    minutes: Minutes
    """The minute of each of the tie's matches it was built at (``minutes_now``): the JSON
    moves with the clock only when one of them moves on."""
    data: dict[str, Any]
    complete: bool = True
    """False for a quick view (``quick_view``): the new state with the previous forecast,
    pushed to the streams while the new forecast is made."""
    shown_in: int | None = None
    """For a replay round's tie that belongs to an earlier tie, that tie's id: only a stream
    of this one tie is sent it; the others follow the earlier tie, which shows the replay."""
    _text: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """``data`` serialised, compact as every JSON answer of the API, the same text for
        every reader (by orjson: a tie's text is made at every change, and the standard
        library's encoder was a tenth of the service's interpreter time under load)."""
        if self._text is None:
            self._text = orjson.dumps(self.data).decode()
        return self._text


@functools.lru_cache(maxsize=4 * MEMO_SIZE)
def event_json(stored: StoredEvent) -> dict[str, Any]:
    """One posted event as JSON (remembered: a stored event is a frozen value, and a tie's
    JSON lists all its events again at every change; callers do not change what it returns)."""
    event = stored.event
    return {
        "id": stored.id,
        "match_id": stored.match_id,
        "kind": event.kind.value,
        "minute": event.minute,
        "added": event.added,
        "clock": event.clock or None,
        "side": event.side.value if event.side else None,
        "player": event.player,
        "own_goal": event.own_goal,
        "penalty": event.penalty,
        "second_yellow": event.second_yellow,
        "shootout": score_pair(event.shootout),
        "revision": stored.revision,
        "deleted": stored.deleted,
        "posted_at": stored.posted_at.isoformat() + "Z",
        "updated_at": stored.updated_at.isoformat() + "Z",
    }


_PERIOD_END = {
    Period.FIRST_HALF: HALF_TIME,
    Period.SECOND_HALF: REGULAR_TIME,
    Period.EXTRA_TIME: EXTRA_TIME_END,
}


def estimated_minute(leg: StoredLeg, clock: Clock) -> tuple[int, int]:
    """The minute now: the latest event's minute, run on by the time since it was posted, and
    held at the end of the period (the desk posts half-time and full time)."""
    state = leg.state
    end = _PERIOD_END.get(state.period)
    if end is None or not leg.events:
        return state.minute, state.added
    last = max(leg.events, key=lambda e: e.updated_at)
    elapsed = (clock.now - last.updated_at).total_seconds() * clock.speed / 60
    minute = state.minute + int(max(elapsed, 0))
    if (minute, 0) <= (state.minute, state.added):
        return state.minute, state.added
    return min(minute, end), 0


def live_state(stored: StoredTie, clock: Clock) -> MatchState | None:
    """The state of the tie's deciding match, as its posted events folded it, with the clock
    run on to the minute now; ``None`` before kick-off and for results that came with the
    upload."""
    leg = stored.legs[-1]
    state = leg.state
    if not state.fixture.role.deciding or not leg.events:
        return None
    if not state.period.in_play:
        return state
    minute, added = estimated_minute(leg, clock)
    if (minute, added) == (state.minute, state.added):
        return state
    return apply(state, clock_at(minute, added))


def recorded_state(stored: StoredTie) -> MatchState | None:
    """The deciding match as uploaded with its result and goals, replayed from them
    (``match_events``) for its timeline; ``None`` for a match without recorded goals, one the
    desk posts events to, a tie with replays, and a record the rules cannot replay."""
    leg = stored.legs[-1]
    fixture = leg.state.fixture
    match = fixture.match
    if stored.replays or leg.events or not fixture.role.deciding:
        return None
    if not match.played or not match.goals:
        return None
    try:
        return fold(replace(fixture, match=match.scheduled), match_events(match))
    except RuleError:
        return None


Minutes = tuple[tuple[int, int], ...]


def minutes_now(stored: StoredTie, clock: Clock) -> Minutes:
    """The minute (and added minute) of each leg and replay of the tie at ``clock``: all of a
    tie's JSON that moves with time comes from these (``estimated_minute``), so a tie's JSON
    built at the same version and minutes is the same."""
    return tuple(estimated_minute(leg, clock) for leg in (*stored.legs, *stored.replays))


def _history_of(now: MatchState) -> _History:
    """The deciding match so far: the state after each goal, turning points, and the moments
    P(through) is shown at: kick-off, the start of the minute of each goal or red card (a goal
    at 83' fell in the 83rd minute, after 82 were played) and after it; minute by minute these
    are the chances ``matchday.forecast.outlook.through_by_minute`` gives a played match. The
    goals and cards are replayed in match order (a late entry takes its place in time)."""
    items: list[Goal | RedCard] = [*now.goals, *now.red_cards]
    ordered = tuple(sorted(items, key=lambda e: (e.minute, e.added)))
    return _history(now.fixture, ordered)


_History = tuple[MatchState, tuple[dict[str, Any], ...], tuple[MatchState, ...]]


@functools.lru_cache(maxsize=MEMO_SIZE)
def _history(fixture: Fixture, events: tuple[Goal | RedCard, ...]) -> _History:
    """The state after ``events`` (goals and red cards in match order), with the goals of the
    timeline and the moments of its points up to then (see ``_history_of``): the history of
    all but the last event and the last one added to it, so a new goal costs one step, not a
    replay. It holds no forecast, so the quick view and the complete one share it."""
    if not events:
        state = apply(start(fixture), MatchEvent(EventKind.KICK_OFF))
        return state, (), (state,)
    state, goals, moments = _history(fixture, events[:-1])
    item = events[-1]
    before = (item.minute, item.added - 1) if item.added else (item.minute - 1, 0)
    state = apply(state, clock_at(*max(before, (state.minute, state.added))))
    moments += (state,)
    state = apply(apply(state, clock_at(item.minute, item.added)), incident(fixture.match, item))
    if isinstance(item, Goal):
        turned = state.turns[-1:] == (state.goals[-1],)
        goals += (moment_json(Moment(state.goals[-1], state, turned), _live_json),)
    return state, goals, (*moments, state)


_live_json = functools.lru_cache(maxsize=MEMO_SIZE)(state_json)
"""``state_json`` remembered: the state now repeats from one change and second to the next."""


def _point(state: MatchState, chances: Chances) -> dict[str, Any]:
    found = chances(state, state.sent_off)
    return {
        "minute": state.minute,
        "added": state.added,
        "team1": None if found is None else found.team1,
        "team2": None if found is None else found.team2,
    }


def _leg_extras(leg: StoredLeg, clock: Clock) -> dict[str, Any]:
    state = leg.state
    minute, added = estimated_minute(leg, clock)
    return {
        "match_id": leg.match_id,
        "period": state.period.value,
        "minute": minute if state.period.live else None,
        "added": added if state.period.live else None,
        "live_score": score_pair(state.score) if state.period is not Period.NOT_STARTED else None,
        "events": [event_json(e) for e in leg.events],
    }


def no_chances(_: MatchState, __: tuple[int, int]) -> LiveChances | None:
    """The forecaster used until one is configured: no numbers rather than made-up ones."""
    return None


def _before_kick_off(stored: StoredTie) -> MatchState | None:
    """The state at kick-off of the deciding match while it is still to come and its first
    leg is played (a single match: from the start), for the chances before it."""
    leg = stored.legs[-1]
    state = leg.state
    if not state.fixture.role.deciding or leg.events or state.period is not Period.NOT_STARTED:
        return None
    try:
        return apply(state, MatchEvent(EventKind.KICK_OFF))
    except RuleError:  # the first leg is still to be played
        return None


@dataclass(frozen=True, slots=True)
class Unforecast:
    """A tie's JSON without its forecast (``FORECAST_KEYS`` and the timeline's ``p_through``
    not filled in), with the moments the forecast is wanted at: the deciding match ``now``
    (``None`` before kick-off; an uploaded result's, replayed from its recorded goals, for its
    timeline) and the moment of the chances now (``at``; none for an uploaded result)."""

    data: dict[str, Any]
    now: MatchState | None
    at: MatchState | None
    shown_in: int | None = None
    """The tie it is shown in, for a replay round's tie that belongs to one
    (``StoredTie.shown_in``)."""
    settled: LiveChances | None = None
    """The certain chances of a decided tie (``settled_chances``), shown in place of a
    forecast whether its result was posted or uploaded."""

    def forecast(self, chances: Chances) -> dict[str, Any]:
        """The tie's complete JSON with the chances ``chances`` gives (a new dictionary);
        without a forecaster (``no_chances``) none, a decided tie's certain ones included."""
        forecasting = chances is not no_chances
        if self.settled is not None:
            found = self.settled if forecasting else None
        else:
            found = None if self.at is None else chances(self.at, self.at.sent_off)
        note = None
        if not forecasting:
            note = NO_FORECASTER
        elif found is None and self.at is not None:
            note = NO_RATINGS
        data = {
            **self.data,
            "p_through": None if found is None else [found.team1, found.team2],
            "p_extra_time": None if found is None else found.extra_time,
            "p_penalties": None if found is None else found.penalties,
            "forecast_note": note,
        }
        if self.now is not None:
            _, goals, moments = _history_of(self.now)
            points = (_point(moment, chances) for moment in (*moments, self.now))
            data["timeline"] = {
                "goals": list(goals),
                "p_through": [p for p in points if p["team1"] is not None],
            }
        return data


def unforecast(stored: StoredTie, clock: Clock) -> Unforecast:
    """The tie as JSON (see ``tie_view``) without its forecast, made once and completed by
    ``Unforecast.forecast``."""
    # an uploaded tie the results cannot decide (a shoot-out not in the data) is served with
    # its reason (``unsettled``), as ``matchday ties`` shows it, not refused
    # a replay is part of its tie, and a tie decided off the pitch names who the stored later
    # rounds show going on (``StoredTie.went_on``), as ``matchday ties`` does
    data = tie_json(decide(stored.tie, stored.rules, went_on=stored.went_on, strict=False))
    for leg_data, leg in zip(data["legs"], stored.legs, strict=True):
        leg_data.update(_leg_extras(leg, clock))
    for replay_data, replay in zip(data["replays"], stored.replays, strict=True):
        replay_data.update(_leg_extras(replay, clock))
    now = live_state(stored, clock)
    recorded = None if now is not None else recorded_state(stored)
    in_play = stored.legs[-1].state.period.live
    data.update(
        id=stored.id,
        round_id=stored.round_id,
        season_id=stored.season_id,
        competition=stored.competition,
        season=stored.season,
        live=_live_json(now) if now is not None and in_play else None,
        timeline=None,
        p_through=None,
        p_extra_time=None,
        p_penalties=None,
        forecast_note=None,
    )
    at = now or _before_kick_off(stored)
    settled = None if at is not None and at.period.live else settled_chances(data)
    return Unforecast(data, now or recorded, at, stored.shown_in, settled)


def settled_chances(data: dict[str, Any]) -> LiveChances | None:
    """The chances of a tie its results decide (``data`` its ``tie_json``): its winner's
    certain, extra time and a shoot-out 1 where the deciding match had them, else 0; ``None``
    for a tie not decided yet, or one its results cannot decide (``unsettled``, no winner)."""
    winner = data["winner"]
    if winner is None:
        return None
    deciding = (data["replays"] or data["legs"])[-1]
    penalties = deciding["penalties"] is not None
    extra_time = penalties or deciding["extra_time"] is not None
    team1 = float(winner == data["team1"])
    return LiveChances(team1, 1 - team1, float(extra_time), float(penalties))


def tie_view(stored: StoredTie, clock: Clock, chances: Chances = no_chances) -> dict[str, Any]:
    """The tie as JSON: ``tie_json`` plus the keys described in the module docstring."""
    return unforecast(stored, clock).forecast(chances)


FORECAST_KEYS = ("p_through", "p_extra_time", "p_penalties", "forecast_note")
"""The keys of a tie's JSON that the forecaster fills (with the timeline's ``p_through``)."""

NO_FORECASTER = "no_forecaster"
"""``forecast_note`` of every tie of a service without a forecaster (``--no-forecast``)."""
NO_RATINGS = "no_ratings"
"""``forecast_note`` of a tie whose chances are due but cannot be forecast: no ratings
shipped with matchday fitted shortly enough before its match date (``fresh_snapshot``), as
for a season beyond the newest ratings."""


def quick_view(
    unforecast: Unforecast, earlier: dict[str, Any] | None, peek: Chances = no_chances
) -> dict[str, Any]:
    """The tie's JSON without forecasting: the score, events, live state and the timeline's
    goals are new, the chances are those of ``earlier`` (the tie's JSON with the previous
    forecast; none when there is none). The streams get this at once, so a goal is not held
    back by the forecast (two in-play forecasts a goal, the largest cost of a tie's JSON),
    and the complete JSON when its forecast is made. ``peek`` is asked for the chances the
    complete JSON will need (``Forecaster.known`` notes those not forecast yet); what it
    answers is not shown."""
    data = unforecast.forecast(peek)
    if earlier is None:
        data["forecast_note"] = None  # ``peek`` does not say why it has no chances
        return data
    for key in FORECAST_KEYS:
        data[key] = earlier[key]
    if data["timeline"] is not None and earlier["timeline"] is not None:
        data["timeline"]["p_through"] = earlier["timeline"]["p_through"]
    return data
