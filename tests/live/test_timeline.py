"""Timelines of played matches, replayed from their goal events."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday import competitions
from matchday.errors import ExtraTimeNotDueError, MissingDataError, UnsettledTieError
from matchday.io.live_text import explain_state
from matchday.io.load import load
from matchday.live import EventKind, MatchEvent, match_events, timeline
from matchday.model import Goal, Match, Score, Season, Tie
from matchday.rules import PRESETS, UEFA_CLASSIC, DecidedBy, Phase, Rules, decide
from matchday.select import find_round, find_tie
from tests.conftest import OPENFOOTBALL
from tests.live.build import FIRST_DAY, HOSTS, SECOND_DAY, VISITORS

WORLDCUP = OPENFOOTBALL / "worldcup"


@pytest.fixture(scope="module")
def season() -> Season:
    return load("europa-league-2017-18")


def test_atalanta_dortmund_turned_twice(season: Season) -> None:
    tie = find_tie(season, "Dortmund", "Round of 32")
    line = timeline(tie, UEFA_CLASSIC)
    assert line.kickoff.through == tie.team1  # 3-2 up from the first leg
    assert [(m.goal.clock, str(m.state.score)) for m in line.moments] == [
        ("11'", "1-0"),
        ("83'", "1-1"),
    ]
    toloi, schmelzer = line.moments
    assert toloi.state.through == tie.team2
    assert toloi.state.decided_by is DecidedBy.AWAY_GOALS
    assert schmelzer.state.through == tie.team1
    assert explain_state(schmelzer.state) == "Borussia Dortmund through 4-3 on aggregate"
    assert line.turning_points == (toloi, schmelzer)
    assert line.final.clock == "90'"
    assert line.final.through == tie.team1


def test_arsenal_stayed_through_while_ostersund_scored_twice(season: Season) -> None:
    tie = find_tie(season, "Arsenal", "Round of 32")
    line = timeline(tie, UEFA_CLASSIC)
    assert [m.goal.clock for m in line.moments] == ["22'", "23'", "47'"]
    assert line.turning_points == ()
    assert all(m.state.through == tie.team2 for m in line.moments)


def test_goals_are_replayed_in_the_order_they_were_scored(season: Season) -> None:
    # Recorded home goals first: [Etxeita 57'; Luiz Adriano 44', Melgarejo 85'].
    tie = find_tie(season, "Athletic", "Round of 32")
    line = timeline(tie, UEFA_CLASSIC)
    assert [m.goal.scorer for m in line.moments] == ["Luiz Adriano", "Etxeita", "Melgarejo"]


@pytest.mark.parametrize("rules", PRESETS.values(), ids=list(PRESETS))
def test_replaying_every_second_leg_rebuilds_the_recorded_result(
    season: Season, rules: Rules
) -> None:
    ties = find_round(season, "Round of 32").ties()
    with_goals = [tie for tie in ties if tie.last_match.goals is not None]
    assert len(with_goals) == len(ties) == 16
    for tie in with_goals:
        final = timeline(tie, rules).final
        assert final.score == tie.last_match.score
        try:
            outcome = decide(tie, rules)
        except UnsettledTieError:
            # Under other rules than the season's, a recorded result can leave the tie level:
            # it awaits the first phase after 90 minutes that these rules have.
            after_90 = (
                Phase.EXTRA_TIME
                if rules.extra_time
                else Phase.PENALTIES
                if rules.penalties
                else Phase.REPLAY
                if rules.replay
                else Phase.LOTS
            )
            assert final.awaiting is after_90, tie.label
            continue
        assert (final.through, final.aggregate) == (outcome.winner, outcome.aggregate), tie.label
        assert final.away_goals == outcome.away_goals


def test_the_state_at_a_minute_replays_the_goals_up_to_it(season: Season) -> None:
    line = timeline(find_tie(season, "Dortmund", "Round of 32"), UEFA_CLASSIC)
    at_half_time = line.at(45, 2)
    assert (at_half_time.score, at_half_time.clock) == (Score(1, 0), "45+2'")
    assert line.at(83).score == Score(1, 1)
    assert line.at(10).score == Score(0, 0)
    with pytest.raises(ExtraTimeNotDueError):
        line.at(100)


def test_a_match_without_goal_events_has_no_timeline(season: Season) -> None:
    tie = find_tie(season, "Arsenal", "Round of 16")  # Arsenal 3-1 Milan, no scorers on record
    with pytest.raises(MissingDataError, match="no goal events recorded"):
        timeline(tie, UEFA_CLASSIC)


def test_a_goalless_match_has_its_timeline_without_goal_lines(season: Season) -> None:
    tie = find_tie(season, "Dortmund", "Round of 16")  # Salzburg 0-0 Dortmund: no goal to record
    line = timeline(tie, UEFA_CLASSIC)
    assert line.moments == ()
    assert line.final.verdict is not None
    assert tie.teams[line.final.verdict.winner - 1].name == "Red Bull Salzburg"


def test_an_unplayed_match_has_no_timeline() -> None:
    tie = Tie(
        "Round of 32",
        (
            Match(FIRST_DAY, HOSTS, VISITORS, score=Score(1, 0)),
            Match(SECOND_DAY, VISITORS, HOSTS),
        ),
    )
    with pytest.raises(MissingDataError, match="not played yet"):
        timeline(tie, UEFA_CLASSIC)


def test_extra_time_and_a_shoot_out_end_the_timeline() -> None:
    goals = (Goal(30, VISITORS), Goal(90, HOSTS, added=3), Goal(104, HOSTS), Goal(118, VISITORS))
    second = Match(
        dt.date(2018, 2, 22),
        VISITORS,
        HOSTS,
        score=Score(1, 1),
        extra_time=Score(2, 2),
        penalties=Score(5, 4),
        goals=goals,
    )
    tie = Tie("Round of 32", (Match(FIRST_DAY, HOSTS, VISITORS, score=Score(1, 1)), second))
    rules = PRESETS["away-goals-90"]
    assert match_events(second)[-2:] == (
        MatchEvent(EventKind.FULL_TIME),
        MatchEvent(EventKind.SHOOT_OUT, shootout=Score(5, 4)),
    )
    line = timeline(tie, rules)
    assert [m.state.phase for m in line.moments] == [
        Phase.REGULAR_TIME,
        Phase.REGULAR_TIME,
        Phase.EXTRA_TIME,
        Phase.EXTRA_TIME,
    ]
    # Visitors through on their first-leg away goal from kick-off; then level (extra time),
    # Hosts, level again (penalties).
    assert line.kickoff.standing == VISITORS
    assert [m.state.standing for m in line.moments] == [
        VISITORS,
        Phase.EXTRA_TIME,
        HOSTS,
        Phase.PENALTIES,
    ]
    assert line.turning_points == line.moments[1:]
    assert line.final.phase is Phase.PENALTIES
    assert line.final.through == decide(tie, rules).winner == VISITORS
    assert line.final.decided_by is DecidedBy.PENALTIES


def test_a_minute_past_the_end_is_added_time_of_the_last_period() -> None:
    # Germany 2-1 Algeria (aet), World Cup 2014: the file writes Djabou's goal as 121'.
    goals = (Goal(92, HOSTS), Goal(120, HOSTS), Goal(121, VISITORS))
    played = Match(
        dt.date(2014, 6, 30), HOSTS, VISITORS, score=Score(0, 0), extra_time=Score(2, 1),
        goals=goals,
    )  # fmt: skip
    tie = Tie("Round of 16", (played,))
    rules = PRESETS["extra-time-penalties"]
    line = timeline(tie, rules)
    assert [m.goal.clock for m in line.moments] == ["92'", "120'", "120+1'"]
    assert line.final.extra_time == Score(2, 1)
    assert _goal_clocks(played) == [(92, 0), (120, 0), (120, 1)]


def _goal_clocks(match: Match) -> list[tuple[int | None, int]]:
    return [(e.minute, e.added) for e in match_events(match) if e.kind is EventKind.GOAL]


@pytest.mark.skipif(not WORLDCUP.is_dir(), reason=f"real data not found at {WORLDCUP}")
@pytest.mark.parametrize(
    ("source", "team", "decided_by"),
    [
        ("2014--brazil", "Algeria", DecidedBy.SINGLE_MATCH_EXTRA_TIME),  # 121'
        ("more/1998.txt", "Paraguay", DecidedBy.GOLDEN_GOAL),  # Blanc 114'
        ("more/2002.txt", "Senegal", DecidedBy.GOLDEN_GOAL),  # Camara 104'
    ],
)
def test_world_cup_extra_time_replays_to_the_recorded_result(
    source: str, team: str, decided_by: DecidedBy
) -> None:
    season = load(WORLDCUP / source)
    tie = find_tie(season, team, "Round of 16")
    rules = competitions.of_season(season).rules(find_round(season, "Round of 16"))
    outcome = decide(tie, rules)
    assert outcome.decided_by is decided_by
    line = timeline(tie, rules)
    assert line.final.through == outcome.winner
    assert line.final.extra_time == tie.last_match.extra_time
