"""Every live state and every next goal explains itself in plain English, and in Dutch from
the same reason the checker tells."""

from __future__ import annotations

import dataclasses

import pytest

from matchday.errors import ConfigError
from matchday.io.live_json import timeline_json
from matchday.io.live_text import explain_next_goal, explain_state
from matchday.io.load import load
from matchday.live import (
    EventKind,
    MatchEvent,
    apply,
    clock,
    next_goal,
    replay,
    shoot_out,
    state_at,
    timeline,
)
from matchday.model import Goal, Match, Score, Team, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, Rules
from matchday.select import find_tie
from tests.live.build import HOSTS, SECOND_DAY, VISITORS, final, goal, two_legged


@pytest.fixture(scope="module")
def dortmund() -> Tie:
    return find_tie(load("europa-league-2017-18"), "Dortmund", "Round of 32")


@pytest.fixture(scope="module")
def ostersund() -> Tie:
    return find_tie(load("europa-league-2017-18"), "Östersund", "Round of 32")


def test_atalanta_through_on_away_goals_as_the_issue_puts_it(dortmund: Tie) -> None:
    state = state_at(dortmund, UEFA_CLASSIC, Score(1, 0), 11)
    assert explain_state(state) == (
        "Atalanta through on away goals: 3-3 on aggregate, 2 away goals to 0"
    )


def test_dortmund_through_on_aggregate_after_schmelzer(dortmund: Tie) -> None:
    state = state_at(dortmund, UEFA_CLASSIC, Score(1, 1), 83)
    assert explain_state(state) == "Borussia Dortmund through 4-3 on aggregate"


def test_one_more_ostersund_goal_forces_extra_time(ostersund: Tie) -> None:
    arsenal, ostersunds_fk = ostersund.team2, ostersund.team1
    state = state_at(ostersund, UEFA_CLASSIC, Score(0, 2), 23)  # Arsenal 0-2 Östersund
    assert explain_state(state) == "Arsenal FC through 3-2 on aggregate"
    ostersund_goal = next_goal(state, ostersunds_fk)
    arsenal_goal = next_goal(state, arsenal)
    assert ostersund_goal is not None
    assert arsenal_goal is not None
    assert explain_next_goal(ostersund_goal) == "One more Östersunds FK goal forces extra time"
    assert explain_state(ostersund_goal.state) == (
        "Level at 3-3 on aggregate, 3 away goals each: extra time"
    )
    assert explain_next_goal(arsenal_goal) == "One more Arsenal FC goal keeps Arsenal FC through"


def test_the_next_goal_can_put_a_side_through_or_leave_the_other_through(dortmund: Tie) -> None:
    atalanta, borussia = dortmund.team2, dortmund.team1
    state = state_at(dortmund, UEFA_CLASSIC, Score(0, 0), 5)  # Dortmund through 3-2
    atalanta_goal = next_goal(state, atalanta)
    assert atalanta_goal is not None
    assert explain_next_goal(atalanta_goal) == "One more Atalanta goal puts Atalanta through"
    state = state_at(dortmund, UEFA_CLASSIC, Score(0, 2), 50)  # Dortmund through 5-2
    atalanta_goal = next_goal(state, atalanta)
    assert atalanta_goal is not None
    assert (
        explain_next_goal(atalanta_goal)
        == f"One more Atalanta goal still leaves {borussia} through"
    )


@pytest.mark.parametrize(
    ("first", "second", "rules", "explanation"),
    [
        (
            Score(0, 1),
            Score(0, 1),
            UEFA_CLASSIC,
            "Level at 1-1 on aggregate, 1 away goal each: extra time",
        ),
        (
            Score(0, 0),
            Score(0, 0),
            UEFA_CLASSIC,
            "Level at 0-0 on aggregate, no away goals: extra time",
        ),
        (Score(1, 2), Score(1, 2), UEFA_2021, "Level at 3-3 on aggregate: extra time"),
        (Score(0, 1), Score(2, 1), UEFA_CLASSIC, "Visitors FC through 3-1 on aggregate"),
        (
            Score(2, 2),
            Score(1, 1),
            UEFA_CLASSIC,
            "Visitors FC through on away goals: 3-3 on aggregate, 2 away goals to 1",
        ),
    ],
)
def test_after_90_minutes(first: Score, second: Score, rules: Rules, explanation: str) -> None:
    assert explain_state(state_at(two_legged(first), rules, second, 90)) == explanation


def test_away_goals_in_extra_time_are_explained() -> None:
    tie = two_legged(Score(0, 0))
    events = [clock(91), goal(tie, VISITORS, 95), goal(tie, HOSTS, 110)]
    state = replay(tie, UEFA_CLASSIC, events)
    assert explain_state(state) == (
        "Hosts FC through on away goals in extra time: 1-1 on aggregate, 1 away goal to 0"
    )


def test_a_lead_in_extra_time_and_a_shoot_out_are_explained() -> None:
    tie = two_legged(Score(1, 1))
    at_90 = [goal(tie, HOSTS, 20), clock(80), goal(tie, VISITORS, 80)]
    ahead = replay(tie, UEFA_2021, [*at_90, clock(99), goal(tie, VISITORS, 99)])
    assert explain_state(ahead) == "Visitors FC through 3-2 on aggregate in extra time"
    level = replay(tie, UEFA_2021, [*at_90, clock(120)])
    assert explain_state(level) == "Level at 2-2 on aggregate: penalties"
    begun = shoot_out(level)
    assert explain_state(begun) == "Level at 2-2 on aggregate after extra time: penalty shoot-out"
    over = apply(begun, MatchEvent(EventKind.SHOOT_OUT, shootout=Score(2, 4)))
    assert (
        explain_state(over)
        == "Hosts FC through 4-2 on penalties (2-2 on aggregate after extra time)"
    )


def test_a_final_is_explained_without_aggregate_or_away_goals() -> None:
    """A final's winner wins it; a single match of another round sends its winner through."""
    assert explain_state(state_at(final(), UEFA_CLASSIC, Score(1, 2), 70)) == (
        "Visitors FC win the final 2-1"
    )
    semi = dataclasses.replace(final(), round="Semi-final")
    assert explain_state(state_at(semi, UEFA_CLASSIC, Score(1, 2), 70)) == (
        "Visitors FC through, winning 2-1"
    )
    assert (
        explain_state(state_at(final(), UEFA_CLASSIC, Score(1, 1), 70))
        == "Level at 1-1: extra time"
    )
    assert (
        explain_state(state_at(final(), UEFA_CLASSIC, Score(1, 1), 105))
        == "Level at 1-1: penalties"
    )
    assert explain_state(state_at(final(), UEFA_CLASSIC, Score(2, 1), 105)) == (
        "Hosts FC win the final 2-1 in extra time"
    )


def test_the_states_and_next_goals_are_told_in_dutch(ostersund: Tie) -> None:
    """``lang="nl"``: the same reasons in Dutch words, teams as Dutch readers name them."""
    arsenal, ostersunds_fk = ostersund.team2, ostersund.team1
    state = state_at(ostersund, UEFA_CLASSIC, Score(0, 2), 23)  # Arsenal 0-2 Östersund
    assert explain_state(state, "nl") == "Arsenal door met 3-2 over twee wedstrijden"
    ostersund_goal = next_goal(state, ostersunds_fk)
    arsenal_goal = next_goal(state, arsenal)
    assert ostersund_goal is not None
    assert arsenal_goal is not None
    assert explain_next_goal(ostersund_goal, "nl") == (
        "Nog één doelpunt van Östersund dwingt verlengingen af"
    )
    assert explain_state(ostersund_goal.state, "nl") == (
        "Gelijk op 3-3 over twee wedstrijden, 3 uitdoelpunten elk: verlengingen"
    )
    assert (
        explain_next_goal(arsenal_goal, "nl")
        == "Nog één doelpunt van Arsenal en Arsenal blijft door"
    )
    with pytest.raises(ConfigError, match="unknown language"):
        explain_state(state, "fr")


def test_a_country_is_named_bare_as_a_headline() -> None:
    """ "Netherlands through", as the live view has always said, not "The Netherlands": the
    checker's reasons, mid-sentence, keep the article."""
    netherlands = Team("Netherlands")
    tie = Tie("Final", (Match(SECOND_DAY, netherlands, VISITORS),))
    state = state_at(tie, UEFA_CLASSIC, Score(1, 0), 70)
    assert explain_state(state) == "Netherlands win the final 1-0"
    assert explain_state(state, "nl") == "Nederland wint de finale met 1-0"


def test_the_next_goal_after_extra_time_is_over_is_told() -> None:
    """At full time after extra time a next goal counts as if extra time went on (the JSON of
    a match won 2-1 in extra time failed: "goals make 3-1 after extra time, the score is
    2-1")."""
    won = Match(
        SECOND_DAY, HOSTS, VISITORS, score=Score(1, 1), extra_time=Score(2, 1),
        goals=(Goal(10, HOSTS), Goal(50, VISITORS), Goal(110, HOSTS)),
    )  # fmt: skip
    line = timeline(Tie("Final", (won,)), UEFA_CLASSIC)
    told = {g["team"]: g for g in timeline_json(line)["timeline"]["final"]["next_goal"]}
    assert told[HOSTS.name]["explanation"] == "Hosts FC win the final 3-1 in extra time"
    assert told[VISITORS.name]["effect"] == "One more Visitors FC goal forces penalties"
