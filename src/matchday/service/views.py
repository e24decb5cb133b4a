"""The JSON of a stored tie, as the read API, the stream and the page all show it.

A tie is ``tie_json`` (the shape of ``matchday ties --json``) with keys added: ids, each leg's
period, current score and events, and while the deciding match is on, ``live`` (the state of
``matchday live --json``: who is through now, what each side needs, the next goal), the
``timeline`` of its goals so far, and where a forecaster is available the chances now
(P(through) of each side, P(extra time), P(penalties); from kick-off of the deciding match,
and before it once the first leg is played) and P(through) over the match so far.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from matchday.errors import MissingDataError, RuleError
from matchday.feed import EXTRA_TIME_END, HALF_TIME, MatchSheet, Period
from matchday.forecast.live import LiveChances
from matchday.io.export import score_pair, tie_json
from matchday.io.live_json import moment_json, state_json
from matchday.live import Clock as MatchClock
from matchday.live import LiveState, Moment, ShootOut, apply, kickoff, state_at
from matchday.model import REGULAR_TIME, Goal, RedCard, Score
from matchday.rules import decide
from matchday.store.ties import StoredEvent, StoredLeg, StoredTie

__all__ = ["Chances", "Clock", "event_json", "live_state", "tie_view"]

Chances = Callable[[LiveState, tuple[int, int]], LiveChances | None]
"""The chances of a tie at a live state with players sent off so far (home, away), or ``None``
when no forecast is available (``matchday.service.chances.Forecaster`` is the real one)."""


@dataclass(frozen=True, slots=True)
class Clock:
    """Wall-clock time and how fast match time runs against it (60 in a replay at ``--speed
    60``), to estimate the minute between events."""

    now: dt.datetime
    speed: float = 1.0


def event_json(stored: StoredEvent) -> dict[str, Any]:
    """One posted event as JSON."""
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
    sheet = leg.sheet
    end = _PERIOD_END.get(sheet.period)
    if end is None or not leg.events:
        return sheet.minute, sheet.added
    last = max(leg.events, key=lambda e: e.updated_at)
    elapsed = (clock.now - last.updated_at).total_seconds() * clock.speed / 60
    start = {Period.SECOND_HALF: HALF_TIME, Period.EXTRA_TIME: REGULAR_TIME}.get(sheet.period, 0)
    minute = max(sheet.minute, start) + int(max(elapsed, 0))
    if (minute, 0) <= (sheet.minute, sheet.added):
        return sheet.minute, sheet.added
    return min(minute, end), 0


def live_state(stored: StoredTie, clock: Clock) -> LiveState | None:
    """The state of the tie in its deciding match, from kick-off (when followed through posted
    events) to the end; ``None`` before kick-off and for results that came with the upload."""
    leg = stored.legs[-1]
    sheet = leg.sheet
    if not sheet.fixture.role.deciding or not leg.events:
        return None
    minute, added = estimated_minute(leg, clock)
    if sheet.period is Period.FINISHED:
        minute, added = (EXTRA_TIME_END if sheet.extra_time else REGULAR_TIME), 0
    elif sheet.period is Period.EXTRA_TIME and minute <= REGULAR_TIME:
        minute, added = REGULAR_TIME + 1, 0
    after_90 = sheet.after_90 if sheet.extra_time or sheet.period is Period.EXTRA_TIME else None
    try:
        state = state_at(stored.tie, stored.rules, sheet.score, minute, added, after_90=after_90)
        if sheet.period is Period.PENALTIES or sheet.shootout is not None:
            state = apply(state, ShootOut(sheet.shootout))
    except RuleError:  # pragma: no cover - the feed has checked the same rules
        return None
    return state


def _red_cards(sheet: MatchSheet, state: LiveState) -> tuple[int, int]:
    """Players sent off (home, away) up to the minute of ``state``."""
    home = sheet.fixture.match.home
    cards = [c for c in sheet.red_cards if (c.minute, c.added) <= (state.minute, state.added)]
    sent_home = sum(1 for card in cards if card.team == home)
    return sent_home, len(cards) - sent_home


def _timeline(stored: StoredTie, now: LiveState, chances: Chances) -> dict[str, Any]:
    """The deciding match so far: the state after each goal, turning points, and P(through)
    at kick-off, at the start of the minute of each goal or red card (a goal at 83' fell in
    the 83rd minute, after 82 were played) and after it, and now; minute by minute these are
    the chances ``matchday.forecast.outlook.through_by_minute`` gives a played match."""
    sheet: MatchSheet = stored.legs[-1].sheet
    state = state_at(stored.tie, stored.rules, Score(0, 0))
    points = [_point(state, sheet, chances)]
    goals = []
    events: list[Goal | RedCard] = [*sheet.goals, *sheet.red_cards]
    for event in sorted(events, key=lambda e: (e.minute, e.added)):
        before = state
        start = (event.minute, event.added - 1) if event.added else (event.minute - 1, 0)
        state = apply(state, MatchClock(*max(start, (state.minute, state.added))))
        points.append(_point(state, sheet, chances))
        state = apply(state, MatchClock(event.minute, event.added))
        if isinstance(event, Goal):
            state = apply(state, event)
            moment = Moment(event, state, turning_point=state.standing != before.standing)
            goals.append(moment_json(moment, _state_json))
        points.append(_point(state, sheet, chances))
    points.append(_point(now, sheet, chances))
    return {
        "goals": goals,
        "p_through": [p for p in points if p["team1"] is not None],
    }


@lru_cache(maxsize=20_000)
def _state_json(state: LiveState) -> dict[str, Any]:
    """``state_json``, remembered: a tie's earlier moments come back with every change, and
    each costs a few hundred rules-engine calls (needs and next goals of both sides). Callers
    only read the result."""
    return state_json(state)


def _point(state: LiveState, sheet: MatchSheet, chances: Chances) -> dict[str, Any]:
    found = chances(state, _red_cards(sheet, state))
    return {
        "minute": state.minute,
        "added": state.added,
        "team1": None if found is None else found.team1,
        "team2": None if found is None else found.team2,
    }


def _leg_extras(leg: StoredLeg, clock: Clock) -> dict[str, Any]:
    sheet = leg.sheet
    minute, added = estimated_minute(leg, clock)
    return {
        "match_id": leg.match_id,
        "period": sheet.period.value,
        "minute": minute if sheet.period.live else None,
        "added": added if sheet.period.live else None,
        "live_score": score_pair(sheet.score) if sheet.period is not Period.NOT_STARTED else None,
        "events": [event_json(e) for e in leg.events],
    }


def no_chances(_: LiveState, __: tuple[int, int]) -> LiveChances | None:
    """The forecaster used until one is configured: no numbers rather than made-up ones."""
    return None


def _before_kick_off(stored: StoredTie) -> LiveState | None:
    """The state at kick-off of the deciding match while it is still to come and its first
    leg is played (a single match: from the start), for the chances before it."""
    leg = stored.legs[-1]
    sheet = leg.sheet
    if not sheet.fixture.role.deciding or leg.events or sheet.match.played:
        return None
    try:
        return kickoff(stored.tie, stored.rules)
    except MissingDataError:  # the first leg is still to be played
        return None


def tie_view(stored: StoredTie, clock: Clock, chances: Chances = no_chances) -> dict[str, Any]:
    """The tie as JSON: ``tie_json`` plus the keys described in the module docstring."""
    data = tie_json(decide(stored.tie, stored.rules))
    for leg_data, leg in zip(data["legs"], stored.legs, strict=True):
        leg_data.update(_leg_extras(leg, clock))
    now = live_state(stored, clock)
    forecast_at = now or _before_kick_off(stored)
    sheet = stored.legs[-1].sheet
    found = None if forecast_at is None else chances(forecast_at, _red_cards(sheet, forecast_at))
    in_play = sheet.period.live
    data.update(
        id=stored.id,
        round_id=stored.round_id,
        season_id=stored.season_id,
        competition=stored.competition,
        season=stored.season,
        live=_state_json(now) if now is not None and in_play else None,
        timeline=None if now is None else _timeline(stored, now, chances),
        p_through=None if found is None else [found.team1, found.team2],
        p_extra_time=None if found is None else found.extra_time,
        p_penalties=None if found is None else found.penalties,
    )
    return data
