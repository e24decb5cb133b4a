"""The story of a tie: what happened on the night, read from the data and the rules engine."""

from __future__ import annotations

import datetime as dt

import pytest

import matchday
from matchday.report.story import Fact, LegKind, RoundUp, TieStory, night
from matchday.rules import DecidedBy

SEASON = matchday.load("europa-league-2017-18")
RULES = matchday.rules_for_season(2017)


@pytest.fixture(scope="module")
def second_legs() -> RoundUp:
    return night(SEASON, dt.date(2018, 2, 22), RULES)


def story_of(roundup: RoundUp, team: str) -> TieStory:
    return next(s for s in roundup.stories if team in {t.name for t in s.tie.teams})


def test_atalanta_were_through_on_away_goals_from_toloi_to_schmelzer(
    second_legs: RoundUp,
) -> None:
    story = story_of(second_legs, "Atalanta")
    (turn,) = story.turns
    assert turn.through is not None
    assert turn.through.name == "Atalanta"
    assert turn.decided_by is DecidedBy.AWAY_GOALS
    assert turn.start is not None
    assert (turn.start.scorer, turn.start.minute) == ("Toloi", 11)
    assert turn.end is not None
    assert (turn.end.scorer, turn.end.minute) == ("Schmelzer", 83)
    assert story.decisive_goal is turn.end
    assert story.late_decider
    moment = story.decisive_moment
    assert moment is not None
    assert str(moment.state.score) == "1-1"


def test_the_outcome_is_the_rules_engines_own(second_legs: RoundUp) -> None:
    for story in second_legs.stories:
        assert story.outcome == matchday.decide(story.tie, RULES)
        assert story.decided_by is story.outcome.decided_by


def test_arsenal_through_despite_losing_to_ostersund(second_legs: RoundUp) -> None:
    story = story_of(second_legs, "Arsenal FC")
    assert story.winner is not None
    assert story.winner.name == "Arsenal FC"
    assert story.match_winner is not None
    assert story.match_winner.name == "Östersunds FK"
    assert story.through_despite_defeat
    assert Fact.DESPITE in story.facts
    assert story.turns == ()  # Arsenal were through all night long


def test_leipzig_through_on_away_goals_although_napoli_won(second_legs: RoundUp) -> None:
    story = story_of(second_legs, "RB Leipzig")
    assert story.decided_by is DecidedBy.AWAY_GOALS
    assert story.aggregate_for(story.tie.team2) == (3, 3)
    assert story.away_goals_for(story.tie.team2) == (3, 2)  # Leipzig scored three in Naples
    assert story.through_despite_defeat


def test_a_first_leg_story_knows_nothing_of_the_second_leg() -> None:
    first_legs = night(SEASON, dt.date(2018, 2, 15), RULES)
    for story in first_legs.stories:
        assert story.leg is LegKind.FIRST_LEG
        assert story.outcome is None
        assert story.winner is None
        assert story.timeline is None
        assert Fact.VERDICT not in story.facts
        assert Fact.NEXT_LEG in story.facts


def test_the_final_is_a_single_match_with_no_next_round() -> None:
    (story,) = night(SEASON, dt.date(2018, 5, 16), RULES).stories
    assert story.leg is LegKind.SINGLE_MATCH
    assert story.final
    assert story.winner is not None
    assert story.winner.name == "Atlético Madrid"


def test_penalties_come_from_the_deciding_match_seen_from_the_winner() -> None:
    season = matchday.load("europa-league-2017-18")
    round_of_16 = night(season, dt.date(2018, 3, 15), RULES)
    story = story_of(round_of_16, "Sporting CP")
    assert story.decided_by is DecidedBy.EXTRA_TIME
    assert story.match.extra_time is not None
    assert story.score_for(story.match.home) == (2, 1)  # Plzeň 2-1 Sporting after extra time


def test_a_night_without_matches_is_a_config_error() -> None:
    with pytest.raises(matchday.ConfigError, match="no knockout match played on 2018-02-23"):
        night(SEASON, dt.date(2018, 2, 23), RULES)


def test_the_stretch_in_which_one_goal_would_have_forced_extra_time() -> None:
    from matchday.report import roundup
    from matchday.report.story import Miss

    season = matchday.load("europa-league-2017-18")
    told = roundup(season, date=dt.date(2018, 2, 22))
    near = {
        team.name: s.near_miss
        for s in told.stories
        if s.near_miss is not None
        for team in s.tie.teams
    }
    arsenal = near["Arsenal FC"]
    assert arsenal is not None
    assert arsenal.team.name == "Östersunds FK"
    assert arsenal.miss is Miss.FORCE_EXTRA_TIME
    assert (arsenal.start.minute, arsenal.end and arsenal.end.minute) == (23, 47)
    dortmund = near["Borussia Dortmund"]
    assert dortmund is not None
    assert (dortmund.team.name, dortmund.miss) == ("Borussia Dortmund", Miss.PUT_OUT)
    assert (dortmund.start.minute, dortmund.end) == (83, None)


def test_the_22_february_round_up_says_when_one_more_ostersund_goal_forced_extra_time() -> None:
    from matchday.report import report

    season = matchday.load("europa-league-2017-18")
    english = report(season, date=dt.date(2018, 2, 22), lang="en").text
    dutch = report(season, date=dt.date(2018, 2, 22), lang="nl").text
    assert (
        "From the 23rd minute to the 47th, one more Östersund goal would have forced extra time."
        in english
    )
    assert (
        "Met nog één doelpunt had Östersund van de 23e tot de 47e minuut verlengingen "
        "afgedwongen." in dutch
    )
