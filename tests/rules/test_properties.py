"""Invariants of decide() on random ties, checked against a plain reference of the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from matchday.model import Match, Score, Tally, Team, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, AwayGoals, Rules, decide
from matchday.rules.presets import AWAY_GOALS_90

T1 = Team("Team One", "AAA")
T2 = Team("Team Two", "BBB")
DAY1 = dt.date(2020, 2, 18)
DAY2 = dt.date(2020, 2, 25)

goals = st.integers(min_value=0, max_value=6)
rules_presets = st.sampled_from([UEFA_CLASSIC, UEFA_2021, AWAY_GOALS_90])


@dataclass(frozen=True)
class Play:
    """What happened, as goals per team (not per home/away), before the rules are applied."""

    first: tuple[int, int]  # team1, team2 in the first leg (team1 at home)
    second: tuple[int, int]  # team1, team2 in 90 minutes of the second leg (team2 at home)
    extra: tuple[int, int]  # team1, team2 in extra time, used only if it is played
    shootout: tuple[int, int]  # team1, team2, used only if it takes place


@st.composite
def plays(draw: st.DrawFn) -> Play:
    pens = draw(st.tuples(st.integers(0, 10), st.integers(0, 10)).filter(lambda p: p[0] != p[1]))
    return Play(
        (draw(goals), draw(goals)),
        (draw(goals), draw(goals)),
        (draw(st.integers(0, 3)), draw(st.integers(0, 3))),
        pens,
    )


def reference(play: Play, rules: Rules) -> tuple[int, bool, bool]:
    """(winning team 1 or 2, extra time played, shoot-out played), straight from the rulebook."""
    agg1, agg2 = play.first[0] + play.second[0], play.first[1] + play.second[1]
    away1, away2 = play.second[0], play.first[1]
    if agg1 != agg2:
        return (1 if agg1 > agg2 else 2), False, False
    if rules.away_goals is not AwayGoals.NONE and away1 != away2:
        return (1 if away1 > away2 else 2), False, False
    agg1, agg2 = agg1 + play.extra[0], agg2 + play.extra[1]
    if agg1 != agg2:
        return (1 if agg1 > agg2 else 2), True, False
    if rules.away_goals is AwayGoals.INCLUDING_EXTRA_TIME and play.extra[0] > 0:
        return 1, True, False
    return (1 if play.shootout[0] > play.shootout[1] else 2), True, True


def tie_of(play: Play, rules: Rules, *, reverse: bool = False) -> Tie:
    """The recorded tie: extra time and shoot-out written down only when they were played."""
    _, extra, shootout = reference(play, rules)
    second90 = Score(play.second[1], play.second[0])
    first = Match(DAY1, T1, T2, Score(*play.first))
    second = Match(
        DAY2,
        T2,
        T1,
        second90,
        extra_time=(
            Score(second90.home + play.extra[1], second90.away + play.extra[0]) if extra else None
        ),
        penalties=Score(play.shootout[1], play.shootout[0]) if shootout else None,
    )
    legs = (second, first) if reverse else (first, second)
    return Tie("Round of 16", legs)


@given(plays(), rules_presets)
def test_decide_agrees_with_the_rulebook(play: Play, rules: Rules) -> None:
    winner, _, _ = reference(play, rules)
    outcome = decide(tie_of(play, rules), rules)
    assert outcome.winner == (T1 if winner == 1 else T2)
    assert outcome.loser == (T2 if winner == 1 else T1)


@given(plays(), rules_presets)
def test_the_winner_does_not_depend_on_the_order_of_the_legs(play: Play, rules: Rules) -> None:
    given_order = decide(tie_of(play, rules), rules)
    reversed_order = decide(tie_of(play, rules, reverse=True), rules)
    assert reversed_order.winner == given_order.winner
    assert reversed_order.decided_by == given_order.decided_by
    assert reversed_order.aggregate == given_order.aggregate


@given(plays(), rules_presets, st.sampled_from(["first", "second"]))
def test_one_more_goal_for_the_winner_never_changes_the_winner(
    play: Play, rules: Rules, leg: str
) -> None:
    before = decide(tie_of(play, rules), rules)
    index = 0 if before.winner == T1 else 1

    def plus_one(pair: tuple[int, int]) -> tuple[int, int]:
        return (pair[0] + 1, pair[1]) if index == 0 else (pair[0], pair[1] + 1)

    richer = Play(
        plus_one(play.first) if leg == "first" else play.first,
        plus_one(play.second) if leg == "second" else play.second,
        play.extra,
        play.shootout,
    )
    assert decide(tie_of(richer, rules), rules).winner == before.winner


@given(plays(), rules_presets)
def test_the_aggregate_is_the_sum_over_the_legs(play: Play, rules: Rules) -> None:
    tie = tie_of(play, rules)
    outcome = decide(tie, rules)
    total = Tally(0, 0)
    for match in tie.legs:
        final = match.final_score
        assert final is not None
        total = total + (
            Tally(final.home, final.away) if match.home == T1 else Tally(final.away, final.home)
        )
    assert outcome.aggregate == total
