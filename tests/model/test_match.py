"""A match validates itself: scores that cannot happen raise typed errors naming the match."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import GoalCountError, RuleError, ScoreOrderError, SelfMatchError
from matchday.model import Goal, Match, MatchStatus, RedCard, Score, Team
from matchday.source import SourceRef
from tests.factories import AWAY, HOME

DAY = dt.date(2018, 2, 22)


def test_a_team_cannot_play_itself_and_the_error_names_file_and_line() -> None:
    with pytest.raises(SelfMatchError) as caught:
        Match(DAY, HOME, HOME, Score(1, 0), source=SourceRef("el.txt", 12))
    assert "el.txt:12" in str(caught.value)
    assert "Borussia Dortmund v Borussia Dortmund" in str(caught.value)


def test_same_name_in_another_country_is_another_team() -> None:
    match = Match(DAY, Team("Dynamo", "UKR"), Team("Dynamo", "RUS"), Score(0, 0))
    assert match.home != match.away


@pytest.mark.parametrize(
    ("ninety", "extra"),
    [("2-1", "1-1"), ("1-1", "1-0")],
    ids=["home-fewer", "away-fewer"],
)
def test_score_after_extra_time_cannot_be_lower_than_after_90(ninety: str, extra: str) -> None:
    h, a = map(int, ninety.split("-"))
    eh, ea = map(int, extra.split("-"))
    with pytest.raises(ScoreOrderError, match="lower than"):
        Match(DAY, HOME, AWAY, Score(h, a), extra_time=Score(eh, ea))


def test_half_time_cannot_exceed_full_time() -> None:
    with pytest.raises(ScoreOrderError, match="half-time"):
        Match(DAY, HOME, AWAY, Score(1, 0), half_time=Score(2, 0))


def test_a_shootout_cannot_end_level() -> None:
    with pytest.raises(RuleError, match="level"):
        Match(DAY, HOME, AWAY, Score(1, 1), extra_time=Score(1, 1), penalties=Score(4, 4))


def test_details_without_a_score_are_rejected() -> None:
    with pytest.raises(RuleError, match="no score"):
        Match(DAY, HOME, AWAY, None, half_time=Score(0, 0))


def test_goal_events_must_add_up_to_the_score() -> None:
    goals = (Goal(11, AWAY, "Toloi"),)
    with pytest.raises(GoalCountError, match="make 0-1"):
        Match(DAY, HOME, AWAY, Score(1, 1), goals=goals)


def test_goal_events_in_extra_time_count_towards_the_score_after_extra_time() -> None:
    goals = (
        Goal(6, HOME, "Bakoš"),
        Goal(64, HOME, "Bakoš"),
        Goal(105, AWAY, "Battaglia", added=2),
    )
    match = Match(DAY, HOME, AWAY, Score(2, 0), extra_time=Score(2, 1), goals=goals)
    assert match.final_score == Score(2, 1)
    assert [g.in_extra_time for g in goals] == [False, False, True]


def test_stoppage_time_at_90_is_still_regular_time() -> None:
    goal = Goal(90, AWAY, "Shomko", added=4)
    assert not goal.in_extra_time
    assert goal.clock == "90+4'"
    match = Match(DAY, HOME, AWAY, Score(0, 1), goals=(goal,))
    assert match.goals == (goal,)


def test_a_goal_in_extra_time_needs_extra_time() -> None:
    with pytest.raises(GoalCountError, match="no extra time"):
        Match(DAY, HOME, AWAY, Score(1, 0), goals=(Goal(95, HOME, "X"),))


def test_events_must_belong_to_the_teams_of_the_match() -> None:
    stranger = Team("Arsenal FC", "ENG")
    with pytest.raises(GoalCountError, match="do not play here"):
        Match(DAY, HOME, AWAY, Score(1, 0), goals=(Goal(3, stranger, "X"),))
    with pytest.raises(RuleError, match="do not play here"):
        Match(DAY, HOME, AWAY, Score(1, 0), red_cards=(RedCard(3, stranger),))


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({}, MatchStatus.SCHEDULED),
        ({"score": Score(1, 0)}, MatchStatus.PLAYED),
        ({"score": Score(3, 0), "awarded": True}, MatchStatus.AWARDED),
        ({"cancelled": True}, MatchStatus.CANCELLED),
    ],
)
def test_status_follows_from_the_record(kwargs: dict[str, object], status: MatchStatus) -> None:
    match = Match(DAY, HOME, AWAY, **kwargs)  # type: ignore[arg-type]
    assert match.status is status
    assert match.played == (status in (MatchStatus.PLAYED, MatchStatus.AWARDED))


def test_a_cancelled_match_has_no_score() -> None:
    with pytest.raises(RuleError, match="cancelled"):
        Match(DAY, HOME, AWAY, Score(0, 0), cancelled=True)


def test_negative_goal_counts_are_not_scores() -> None:
    with pytest.raises(ValueError, match=">= 0"):
        Score(-1, 0)


def test_a_played_match_as_scheduled_keeps_the_fixture_and_drops_the_result() -> None:
    goal = Goal(105, AWAY, "Battaglia")
    card = RedCard(30, HOME, "Sokratis")
    played = Match(
        DAY,
        HOME,
        AWAY,
        Score(0, 0),
        kickoff=dt.time(19, 0),
        half_time=Score(0, 0),
        extra_time=Score(0, 1),
        goals=(goal,),
        red_cards=(card,),
        venue="Bergamo",
    )
    fixture = played.scheduled
    assert (fixture.date, fixture.home, fixture.away) == (DAY, HOME, AWAY)
    assert (fixture.kickoff, fixture.venue) == (dt.time(19, 0), "Bergamo")
    assert fixture.status is MatchStatus.SCHEDULED
    assert (fixture.extra_time, fixture.goals, fixture.red_cards) == (None, None, None)


@pytest.mark.parametrize(
    ("score", "extra", "goals"),
    [
        (Score(0, 0), None, ()),
        (Score(0, 0), Score(0, 0), ()),
        (Score(0, 0), Score(1, 0), None),
        (Score(1, 0), None, None),
    ],
)
def test_a_goalless_result_has_no_goal_events_without_a_goal_line(
    score: Score, extra: Score | None, goals: tuple[Goal, ...] | None
) -> None:
    """A 0-0 (after extra time too, if played) needs no goal line to say nobody scored; any
    other result written without goal lines keeps its goals unknown."""
    match = Match(dt.date(2014, 7, 5), HOME, AWAY, score, extra_time=extra)
    assert match.goals == goals
    assert Match(dt.date(2014, 7, 5), HOME, AWAY, score, awarded=True).goals is None
