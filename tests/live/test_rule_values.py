"""The live state follows every rule value: a golden goal ends extra time at once, a silver goal
at its half-time when a side leads, a drawn match under replay rules awaits its replay and one
under lots awaits the draw (never guessed), penalties come straight after 90 minutes where there
is no extra time. Each answer is checked against ``decide`` on the finished match."""

from __future__ import annotations

import pytest

from matchday.errors import MatchEventError, ShootOutNotDueError
from matchday.live import EventKind, Fixture, MatchEvent, apply, clock, replay
from matchday.live.events import Period
from matchday.live.state import Role
from matchday.model import Match, Score, Tie
from matchday.rules import ALL_PRESETS, PRESETS, DecidedBy, ExtraTime, Phase, Rules, decide, preset
from matchday.rules.decide import Unsettled
from tests.live.build import (
    FULL_TIME,
    HOSTS,
    SECOND_DAY,
    VISITORS,
    final,
    goal,
    shoot_out,
    two_legged,
)

GOLDEN = preset("golden-goal")
SILVER = preset("silver-goal")
HALF_TIME = MatchEvent(EventKind.HALF_TIME)
NO_DECIDER_AFTER_EXTRA_TIME = [r for r in ALL_PRESETS.values() if not r.penalties]


def _level_to_extra_time(rules: Rules) -> list[MatchEvent]:
    """Level at 1-1 after 90 minutes of a final, the clock in extra time."""
    tie = final()
    return [goal(tie, HOSTS, 20), clock(60), goal(tie, VISITORS, 70), clock(91)]


def test_there_is_one_preset_list() -> None:
    assert PRESETS is ALL_PRESETS
    assert {r.extra_time for r in PRESETS.values()} == set(ExtraTime)


@pytest.mark.parametrize("tie", [final(), two_legged(Score(1, 1))], ids=["final", "two legs"])
def test_a_golden_goal_ends_extra_time_at_once(tie: Tie) -> None:
    events = [
        goal(tie, HOSTS, 30),
        clock(50),
        goal(tie, VISITORS, 60),
        clock(91),
        goal(tie, VISITORS, 97),
    ]
    state = replay(tie, GOLDEN, events)
    assert state.period is Period.FINISHED
    assert (state.minute, state.through) == (97, VISITORS)
    assert state.match.extra_time is not None
    outcome = decide(state.tie, GOLDEN)
    assert (outcome.winner, outcome.decided_by) == (VISITORS, DecidedBy.GOLDEN_GOAL)
    with pytest.raises(MatchEventError, match="after full time"):
        apply(state, goal(tie, HOSTS, 99))
    # The referee's whistle after the golden goal changes nothing (a feed or a file sends it);
    # a whistle after a match played out to its end is still refused.
    assert apply(state, FULL_TIME) == state
    played_out = replay(tie, preset("extra-time-penalties"), [*events[:4], clock(120), FULL_TIME])
    with pytest.raises(MatchEventError, match="after full time"):
        apply(played_out, FULL_TIME)


def test_under_30_minutes_a_goal_in_extra_time_does_not_end_it() -> None:
    tie = final()
    events = [*_level_to_extra_time(GOLDEN), goal(tie, VISITORS, 97)]
    state = replay(tie, preset("extra-time-penalties"), events)
    assert state.period is Period.EXTRA_TIME
    assert apply(state, goal(tie, HOSTS, 110)).awaiting is Phase.PENALTIES


@pytest.mark.parametrize("ending", [HALF_TIME, clock(106)], ids=["half-time", "clock"])
def test_a_silver_goal_ends_extra_time_at_its_half_time_when_a_side_leads(
    ending: MatchEvent,
) -> None:
    tie = final()
    state = replay(tie, SILVER, [*_level_to_extra_time(SILVER), goal(tie, HOSTS, 98)])
    assert state.period is Period.EXTRA_TIME  # a silver goal is no golden goal
    state = apply(state, goal(tie, VISITORS, 101))
    state = apply(state, goal(tie, HOSTS, 104))
    over = apply(state, ending)
    assert over.period is Period.FINISHED
    assert (over.minute, over.through) == (105, HOSTS)
    outcome = decide(over.tie, SILVER)
    assert (outcome.winner, outcome.decided_by) == (HOSTS, DecidedBy.SILVER_GOAL)


def test_a_silver_goal_in_the_added_time_of_the_first_half_ends_extra_time() -> None:
    """Greece's silver goal against the Czech Republic (Euro 2004) came at 105+1': the clock
    running on past the 105th minute ends the match there."""
    tie = final()
    state = replay(tie, SILVER, [*_level_to_extra_time(SILVER), goal(tie, VISITORS, 105, 1)])
    assert state.period is Period.EXTRA_TIME
    over = apply(state, clock(106))
    assert over.period is Period.FINISHED
    assert (over.minute, over.added, over.through) == (105, 1, VISITORS)


def test_under_the_silver_goal_a_level_match_plays_on_after_105_minutes() -> None:
    tie = final()
    state = apply(replay(tie, SILVER, _level_to_extra_time(SILVER)), HALF_TIME)
    assert state.period is Period.EXTRA_TIME
    state = apply(apply(state, goal(tie, VISITORS, 112)), FULL_TIME)
    assert (state.period, state.through) == (Period.FINISHED, VISITORS)
    assert decide(state.tie, SILVER).decided_by is DecidedBy.SILVER_GOAL


def test_under_the_silver_goal_no_goal_comes_after_a_lead_at_105_minutes() -> None:
    tie = final()
    state = replay(tie, SILVER, [*_level_to_extra_time(SILVER), goal(tie, HOSTS, 100)])
    with pytest.raises(MatchEventError, match="silver goal"):
        apply(state, goal(tie, VISITORS, 110))


@pytest.mark.parametrize("name", ["no-extra-time", "away-goals-no-extra-time"])
def test_without_extra_time_a_level_tie_goes_straight_to_penalties(name: str) -> None:
    rules = preset(name)
    tie = two_legged(Score(1, 1))
    state = replay(
        tie, rules, [goal(tie, HOSTS, 30), clock(50), goal(tie, VISITORS, 60), FULL_TIME]
    )
    assert state.period is Period.PENALTIES
    assert state.next_phase is None
    over = apply(state, shoot_out(Score(4, 5)))  # home (Visitors) 4, away (Hosts) 5
    assert over.through == HOSTS
    assert decide(over.tie, rules).decided_by is DecidedBy.PENALTIES


@pytest.mark.parametrize("rules", NO_DECIDER_AFTER_EXTRA_TIME, ids=lambda r: r.name)
def test_a_drawn_match_under_replay_or_lots_is_not_decided(rules: Rules) -> None:
    tie = final()
    events = [goal(tie, HOSTS, 20), clock(60), goal(tie, VISITORS, 70)]
    state = replay(tie, rules, events)
    awaited = Phase.REPLAY if rules.replay else Phase.LOTS
    assert state.next_phase is (Phase.EXTRA_TIME if rules.extra_time else awaited)
    over = apply(state, FULL_TIME)
    if rules.extra_time:
        over = apply(apply(over, MatchEvent(EventKind.EXTRA_TIME)), FULL_TIME)
    assert over.period is Period.FINISHED
    assert (over.through, over.decided_by, over.awaiting) == (None, None, awaited)
    with pytest.raises(ShootOutNotDueError, match="no penalty shoot-out"):
        apply(over, shoot_out())
    outcome = decide(over.tie, rules, strict=False)
    assert outcome.winner is None  # never guessed
    expected = Unsettled.REPLAY_NOT_IN_DATA if rules.replay else Unsettled.LOTS
    assert outcome.unsettled is expected


def test_lots_name_the_team_the_data_shows_going_on_and_say_so() -> None:
    tie = final()
    rules = preset("extra-time-lots")
    events = [clock(91), FULL_TIME]
    over = replay(tie, rules, events)
    outcome = decide(over.tie, rules, went_on=VISITORS)
    assert (outcome.winner, outcome.decided_by) == (VISITORS, DecidedBy.LOTS)
    assert "decided off the pitch" in outcome.explanation


@pytest.mark.parametrize("rules", list(PRESETS.values()), ids=list(PRESETS))
@pytest.mark.parametrize("late", [0, 1])
def test_every_preset_ends_a_level_match_as_decide_says(rules: Rules, late: int) -> None:
    """Level after 90 minutes, then ``late`` goals by the Visitors in extra time (if any)."""
    tie = final()
    state = replay(
        tie, rules, [goal(tie, HOSTS, 20), clock(60), goal(tie, VISITORS, 70), FULL_TIME]
    )
    if state.period is Period.BEFORE_EXTRA_TIME:
        state = apply(state, MatchEvent(EventKind.EXTRA_TIME))
        for _ in range(late):
            state = apply(state, goal(tie, VISITORS, 100))
        if state.period is not Period.FINISHED:
            state = apply(state, FULL_TIME)
    if state.period is Period.PENALTIES:
        state = apply(state, shoot_out(Score(5, 3)))
    assert state.period is Period.FINISHED
    outcome = decide(state.tie, rules, strict=False)
    assert outcome.winner == state.through
    if state.through is None:  # no shoot-out in these rules: never guessed
        assert state.awaiting in (Phase.REPLAY, Phase.LOTS)
        assert outcome.unsettled is not None
    elif late and rules.extra_time:
        assert (
            outcome.decided_by
            is {
                ExtraTime.GOLDEN_GOAL: DecidedBy.GOLDEN_GOAL,
                ExtraTime.SILVER_GOAL: DecidedBy.SILVER_GOAL,
                ExtraTime.THIRTY_MINUTES: DecidedBy.SINGLE_MATCH_EXTRA_TIME,
            }[rules.extra_time]
        )
    else:
        assert outcome.decided_by is DecidedBy.SINGLE_MATCH_PENALTIES


def test_a_replay_is_followed_as_a_single_match_of_its_tie() -> None:
    drawn = final(Score(1, 1), Score(1, 1)).legs[0]
    again = Match(SECOND_DAY.replace(day=25), VISITORS, HOSTS)
    tie = Tie("Final", (drawn,), 1, (again,))
    fixture = Fixture.of(tie, preset("extra-time-penalties"), leg=2)
    assert (fixture.match, fixture.role, fixture.round) == (again, Role.SINGLE_MATCH, "Final")


def test_an_fa_cup_replay_is_followed_with_extra_time_and_penalties() -> None:
    """Under ``replay-then-penalties`` the drawn match has no extra time but its replay has,
    as ``decide`` settles it (the live state followed the replay with the drawn match's
    rules: a level replay awaited another replay)."""
    drawn = Match(SECOND_DAY, HOSTS, VISITORS, Score(2, 2))
    again = Match(SECOND_DAY.replace(day=25), VISITORS, HOSTS)
    tie = Tie("Round 3", (drawn,), 1, (again,))
    fixture = Fixture.of(tie, preset("replay-then-penalties"), leg=2)
    assert fixture.rules.name == "extra-time-penalties"
    assert fixture.rules.extra_time is ExtraTime.THIRTY_MINUTES


def test_after_a_golden_goal_no_side_needs_anything_and_no_next_goal_counts() -> None:
    from matchday.live import needs, next_goal

    tie = final()
    state = replay(tie, GOLDEN, [*_level_to_extra_time(GOLDEN), goal(tie, HOSTS, 114)])
    assert state.period is Period.FINISHED
    for team in tie.teams:
        assert (needs(state, team).to_go_through, needs(state, team).to_force) == (None, None)
        assert next_goal(state, team) is None


@pytest.mark.parametrize(
    ("rules", "by"), [(GOLDEN, DecidedBy.GOLDEN_GOAL), (SILVER, DecidedBy.SILVER_GOAL)]
)
def test_the_live_state_names_the_goal_that_ends_extra_time_as_decide_does(
    rules: Rules, by: DecidedBy
) -> None:
    tie = final()
    state = apply(replay(tie, rules, _level_to_extra_time(rules)), goal(tie, VISITORS, 99))
    assert state.decided_by is by
    if rules is SILVER:
        state = apply(state, HALF_TIME)
    assert decide(state.tie, rules).decided_by is by
