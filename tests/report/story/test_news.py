"""The lead story is chosen by newsworthiness computed from the data, not by file order."""

from __future__ import annotations

import dataclasses
import datetime as dt

import matchday
from matchday.model import Round, Season, Stage
from matchday.report.story import Angle, assess, night

SEASON = matchday.load("europa-league-2017-18")
RULES = matchday.rules_for_season(2017)
NIGHT = dt.date(2018, 2, 22)


def _reversed(season: Season) -> Season:
    """The same season with every round's matches in the opposite file order."""
    stages = tuple(
        dataclasses.replace(
            stage,
            rounds=tuple(Round(r.name, r.format, tuple(reversed(r.matches))) for r in stage.rounds),
        )
        for stage in season.stages
    )
    return dataclasses.replace(season, stages=tuple(Stage(s.kind, s.rounds) for s in stages))


def test_schmelzers_late_equaliser_leads_the_night() -> None:
    lead = night(SEASON, NIGHT, RULES).lead
    assert {t.name for t in lead.tie.teams} == {"Atalanta", "Borussia Dortmund"}
    news = assess(lead)
    assert news.top is Angle.LATE_DECIDER
    assert Angle.TURNAROUND in news.angles


def test_the_order_of_the_file_does_not_change_the_order_of_the_stories() -> None:
    forward = night(SEASON, NIGHT, RULES).stories
    backward = night(_reversed(SEASON), NIGHT, RULES).stories
    assert [s.tie.label for s in forward] == [s.tie.label for s in backward]


def test_stories_are_ranked_by_their_score() -> None:
    scores = [assess(s).score for s in night(SEASON, NIGHT, RULES).stories]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]


def test_a_later_decisive_goal_weighs_more() -> None:
    stories = night(SEASON, NIGHT, RULES).stories
    dortmund = next(s for s in stories if s.decisive_goal and s.decisive_goal.minute == 83)
    lazio = next(s for s in stories if s.decisive_goal and s.decisive_goal.minute == 35)
    assert Angle.LATE_DECIDER in assess(dortmund).angles
    assert Angle.LATE_DECIDER not in assess(lazio).angles
    assert assess(dortmund).score > assess(lazio).score


def test_angles_that_need_no_goal_events() -> None:
    stories = {s.tie.label: assess(s) for s in night(SEASON, NIGHT, RULES).stories}
    kyiv = next(n for label, n in stories.items() if "Dynamo Kyiv" in label)
    arsenal = next(n for label, n in stories.items() if "Arsenal" in label)
    assert kyiv.angles == (Angle.AWAY_GOALS,)
    assert arsenal.top is Angle.DESPITE_DEFEAT
