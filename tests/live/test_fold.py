"""The fold's properties over random event sequences: a stored prefix folds on to the same
state, and the verdict the state carries is the rules engine's own (``decide``)."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import reduce

from hypothesis import given, settings
from hypothesis import strategies as st

from matchday.errors import RuleError, UnsettledTieError
from matchday.live import (
    EventKind,
    Fixture,
    MatchEvent,
    MatchState,
    Period,
    Role,
    apply,
    restore,
    start,
    state_data,
)
from matchday.model import Match, Score, Side, Tie
from matchday.rules import PRESETS, Phase, Rules, decide
from tests.live.build import FIRST_DAY, HOSTS, SECOND_DAY, VISITORS


@st.composite
def events(draw: st.DrawFn) -> list[MatchEvent]:
    """Events at random times, mostly in time order (whistles placed at a time too), some
    posted late or out of place: the fold must refuse what cannot happen then."""
    count = draw(st.integers(0, 40))
    timed = []
    for _ in range(count):
        at = draw(st.integers(0, 125))
        kind = draw(
            st.sampled_from(
                [EventKind.GOAL] * 4 + [EventKind.CLOCK] * 2 + [EventKind.RED_CARD, *EventKind]
            )
        )
        side = draw(st.sampled_from(list(Side)))
        added = draw(st.sampled_from([0, 0, 0, 0, 1, 3]))
        result = draw(st.none() | st.builds(Score, st.integers(0, 6), st.integers(0, 6)))
        if kind in (EventKind.GOAL, EventKind.RED_CARD, EventKind.CLOCK):
            event = MatchEvent(kind, at, added, side)
        elif kind is EventKind.SHOOT_OUT:
            event = MatchEvent(kind, shootout=result)
        else:
            event = MatchEvent(kind)
        timed.append((at, event))
    if draw(st.booleans()):
        timed.sort(key=lambda pair: pair[0])
    return [MatchEvent(EventKind.KICK_OFF), *(event for _, event in timed)]


first_legs = st.none() | st.builds(Score, st.integers(0, 3), st.integers(0, 3))
rules_presets = st.sampled_from(list(PRESETS.values()))


def _fixture(first: Score | None, rules: Rules) -> Fixture:
    """The second leg after a first leg ``first`` (``None``: a final, one match)."""
    if first is None:
        return Fixture(Match(SECOND_DAY, HOSTS, VISITORS), Role.SINGLE_MATCH, rules, round="F")
    first_leg = Match(FIRST_DAY, HOSTS, VISITORS, first)
    return Fixture(Match(SECOND_DAY, VISITORS, HOSTS), Role.SECOND_LEG, rules, first_leg, "R")


def _accepted(fixture: Fixture, tried: list[MatchEvent]) -> list[MatchEvent]:
    """The events of ``tried`` the fold accepts, in order (a desk's refused posts dropped)."""
    kept: list[MatchEvent] = []
    state = start(fixture)
    for event in tried:
        try:
            state = apply(state, event)
        except RuleError:
            continue
        kept.append(event)
    return kept


def _stored(state: MatchState) -> MatchState:
    """``state`` through the store: serialised to JSON text and read back."""
    return restore(state.fixture, json.loads(json.dumps(state_data(state))))


@settings(max_examples=150, deadline=None)
@given(first=first_legs, rules=rules_presets, tried=events(), cut=st.data())
def test_a_stored_prefix_folds_on_to_the_same_state(
    first: Score | None, rules: Rules, tried: list[MatchEvent], cut: st.DataObject
) -> None:
    fixture = _fixture(first, rules)
    accepted = _accepted(fixture, tried)
    at = cut.draw(st.integers(0, len(accepted)), label="prefix")
    whole = reduce(apply, accepted, start(fixture))
    prefix = reduce(apply, accepted[:at], start(fixture))
    assert reduce(apply, accepted[at:], _stored(prefix)) == whole
    assert _stored(whole) == whole


def _as_played(state: MatchState) -> Tie:
    """The tie with the match ended at the end of the state's current phase."""
    match = state.fixture.match
    played = replace(
        match,
        score=state.after_90 or state.score,
        extra_time=state.score if state.after_90 is not None else None,
        penalties=state.penalties,
    )
    first = state.fixture.first_leg
    return Tie("R", (played,) if first is None else (first, played))


@settings(max_examples=150, deadline=None)
@given(first=first_legs, rules=rules_presets, tried=events())
def test_the_verdict_is_what_decide_says_of_the_tie_as_if_it_ended_now(
    first: Score | None, rules: Rules, tried: list[MatchEvent]
) -> None:
    fixture = _fixture(first, rules)
    state = reduce(apply, _accepted(fixture, tried), start(fixture))
    if state.period is Period.NOT_STARTED:
        assert state.verdict is None
        return
    try:
        outcome = decide(_as_played(state), rules)
    except UnsettledTieError:
        assert state.through is None
        assert state.awaiting is not None or state.phase is Phase.PENALTIES
        return
    assert state.through == outcome.winner
    assert state.decided_by is outcome.decided_by
    assert state.aggregate == outcome.aggregate
