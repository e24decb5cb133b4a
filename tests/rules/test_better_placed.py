"""A level tie that goes to the team placed higher in the league (Serie B's play-offs, Liga MX's
quarter- and semi-finals): never decided on the pitch, never guessed."""

from __future__ import annotations

import pytest

from matchday.errors import ExtraTimeNotDueError, ShootOutNotDueError, UnsettledTieError
from matchday.rules import ALL_PRESETS, AwayGoals, DecidedBy, ExtraTime, Rules, Unsettled, decide
from matchday.rules.presets import BETTER_PLACED, EXTRA_TIME_BETTER_PLACED
from tests.factories import AWAY, HOME, one_match, two_legs


def test_a_level_tie_is_not_guessed_and_says_why() -> None:
    outcome = decide(two_legs("1-0", "1-0"), BETTER_PLACED, strict=False)
    assert (outcome.winner, outcome.decided_by) == (None, None)
    assert outcome.unsettled is Unsettled.BETTER_PLACED
    assert "league positions are not in the tie's data" in outcome.explanation


def test_strict_refuses_a_level_tie_whose_winner_the_data_does_not_show() -> None:
    with pytest.raises(UnsettledTieError, match="league positions are not in the tie's data"):
        decide(two_legs("2-2", "2-2"), BETTER_PLACED)


@pytest.mark.parametrize("went_on", [HOME, AWAY])
def test_the_team_the_data_shows_going_on_wins_off_the_pitch(went_on: object) -> None:
    outcome = decide(two_legs("2-2", "2-2"), BETTER_PLACED, went_on=went_on)  # type: ignore[arg-type]
    assert (outcome.winner, outcome.decided_by) == (went_on, DecidedBy.OFF_THE_PITCH)
    assert "decided off the pitch" in outcome.explanation
    assert Unsettled.BETTER_PLACED.value in outcome.explanation


def test_away_goals_do_not_count() -> None:
    """Necaxa 0-0 Tigres, Tigres 2-2 Necaxa (Liga MX 2025): level, not Necaxa on away goals."""
    outcome = decide(two_legs("0-0", "2-2"), BETTER_PLACED, strict=False)
    assert outcome.winner is None
    assert outcome.away_goals is None


def test_an_aggregate_win_is_a_win() -> None:
    outcome = decide(two_legs("2-1", "2-0"), BETTER_PLACED)
    assert (outcome.winner, outcome.decided_by) == (AWAY, DecidedBy.AGGREGATE)  # 3-2
    outcome = decide(two_legs("2-0", "1-0"), BETTER_PLACED)
    assert (outcome.winner, outcome.decided_by) == (HOME, DecidedBy.AGGREGATE)  # 2-1


def test_extra_time_or_a_shoot_out_where_there_is_none_is_an_error() -> None:
    with pytest.raises(ExtraTimeNotDueError, match="has no extra time"):
        decide(two_legs("1-0", "1-0", aet="1-0"), BETTER_PLACED)
    with pytest.raises(ShootOutNotDueError, match="no penalty shoot-out"):
        decide(one_match("1-1", aet="1-1", pens="4-3"), EXTRA_TIME_BETTER_PLACED)


def test_extra_time_first_then_the_better_placed() -> None:
    rules = EXTRA_TIME_BETTER_PLACED
    won = decide(one_match("1-1", aet="2-1"), rules)
    assert (won.winner, won.decided_by) == (HOME, DecidedBy.SINGLE_MATCH_EXTRA_TIME)
    level = decide(one_match("2-2", aet="2-2"), rules, went_on=HOME)
    assert (level.winner, level.unsettled) == (HOME, Unsettled.BETTER_PLACED)
    assert "after extra time" in level.explanation
    with pytest.raises(UnsettledTieError, match="no extra time recorded"):
        decide(one_match("2-2"), rules)


@pytest.mark.parametrize(
    "settings",
    [
        {"better_placed": True},  # penalties too
        {"better_placed": True, "penalties": False, "lots": True},
        {"better_placed": True, "penalties": False, "replay": True},
    ],
)
def test_a_level_tie_is_settled_one_way_only(settings: dict[str, bool]) -> None:
    with pytest.raises(ValueError, match=r"penalties leave nothing|one way only"):
        Rules("x", AwayGoals.NONE, ExtraTime.NONE, **settings)


def test_league_position_rules_are_not_offered_as_presets_until_live_follows_them() -> None:
    assert BETTER_PLACED.name not in ALL_PRESETS
    assert EXTRA_TIME_BETTER_PLACED.name not in ALL_PRESETS
