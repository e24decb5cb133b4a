"""The lead story is chosen by newsworthiness computed from the data, not by file order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import matchday
from matchday.model import Round, Season, Stage
from matchday.report import report
from matchday.report.story import Angle, Because, assess, night

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


def test_a_goal_feast_in_a_settled_tie_does_not_lead_a_real_comeback(
    openfootball_cl: Path,
) -> None:
    """Champions League 2024-25, knockout play-offs, 19 February 2025: Paris Saint-Germain's
    7-0 against Brest came after a 3-0 first-leg win at Brest (the tie was settled), PSV's 3-1
    against Juventus overturned a 2-1 first-leg defeat. The desk leads with PSV, and the
    news says why the 7-0 counted for less."""
    season = matchday.load(openfootball_cl / "2024-25" / "cl.txt")
    written = report(season, date=dt.date(2025, 2, 19), lang="en")
    lead = written.sections[0].tie
    assert {t.name for t in lead.teams} == {"PSV", "Juventus FC"}
    assert written.headline.startswith("PSV")
    stories = {s.tie.label: s for s in written.roundup.stories}
    psv = next(s for label, s in stories.items() if "PSV" in label)
    psg = next(s for label, s in stories.items() if "Brest" in label)
    assert assess(psv).top is Angle.COMEBACK
    (discount,) = assess(psg).discounts
    assert (discount.angle, discount.because) == (Angle.GOAL_FEAST, Because.TIE_SETTLED)
    assert discount.margin == psg.margin_before == 3
    assert assess(psg).score < assess(psv).score
