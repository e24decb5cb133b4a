"""Ties a replay or the drawing of lots decides: going through adds up to 1 under every preset."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from matchday.errors import InvalidValueError
from matchday.forecast.outlook import outlook, through_by_minute
from matchday.forecast.season import as_it_stood
from matchday.forecast.tie import (
    LegRates,
    TieForecast,
    forecast_tie,
    mixed_deciding_leg,
    replay_win,
)
from matchday.forecast.uncertainty import uncertain_between, uncertain_single, uncertain_tie
from matchday.io.snapshot import choose_snapshot
from matchday.live import state_at
from matchday.model import Goal, Match, Score, Tie
from matchday.rules import ALL_PRESETS, Rules
from matchday.rules.presets import (
    EXTRA_TIME_LOTS,
    EXTRA_TIME_REPLAY,
    NO_EXTRA_TIME,
    REPLAY_THEN_PENALTIES,
)
from tests.factories import AWAY, FIRST_DATE, HOME, SECOND_DATE

RATINGS = choose_snapshot(SECOND_DATE).ratings
FIRST = LegRates(1.6, 1.1)
SECOND = LegRates(1.5, 1.2)
PRESETS = sorted(ALL_PRESETS.values(), key=lambda r: r.name)
FACTORS = np.array([0.8, 1.0, 1.25])
"""Goal-rate scenarios of a mixed forecast (the ratings' uncertainty), and their weights."""
WEIGHTS = np.array([0.25, 0.5, 0.25])


def _sums(forecast: TieForecast) -> float:
    return forecast.team1_through + forecast.team2_through


@pytest.mark.parametrize("rules", PRESETS, ids=lambda r: r.name)
def test_going_through_adds_up_to_one_under_every_preset(rules: Rules) -> None:
    assert _sums(forecast_tie(FIRST, None, rules)) == pytest.approx(1, abs=1e-9)
    two_legs = forecast_tie(FIRST, SECOND, rules, rho=-0.05)
    assert _sums(two_legs) == pytest.approx(1, abs=1e-9)
    between = forecast_tie(FIRST, SECOND, rules, first_leg=Score(1, 1))
    assert _sums(between) == pytest.approx(1, abs=1e-9)
    mixed = mixed_deciding_leg(None, FIRST.home * FACTORS, FIRST.away / FACTORS, WEIGHTS, rules)
    assert mixed.team1_through + mixed.team2_through == pytest.approx(1, abs=1e-9)


@pytest.mark.parametrize("rules", PRESETS, ids=lambda r: r.name)
def test_in_play_going_through_adds_up_to_one(rules: Rules) -> None:
    """Level at 90 minutes of a single match: what is left goes to one side or the other."""
    tie = Tie("Final", (Match(FIRST_DATE, HOME, AWAY),))
    state = state_at(tie, rules, Score(1, 1), 80)
    f = forecast_tie(FIRST, None, rules, moment=state)
    assert f.team1_through + f.team2_through == pytest.approx(1, abs=1e-9)


def test_lots_are_a_coin_toss_of_the_level_share() -> None:
    f = forecast_tie(FIRST, None, EXTRA_TIME_LOTS)
    assert f.lots > 0.05
    assert f.replay == 0
    won = float(f.p[..., 0].sum())
    assert f.team1_through == pytest.approx(won + f.lots / 2)


def test_lots_after_a_level_extra_time_are_fifty_fifty() -> None:
    """1970's semi-final at 2-2 in extra time's last minute: a coin toss, not 25/75 (F1b)."""
    tie = Tie("Semifinals", (Match(FIRST_DATE, HOME, AWAY),))
    state = state_at(tie, EXTRA_TIME_LOTS, Score(2, 2), 119, after_90=Score(1, 1))
    f = forecast_tie(LegRates(1.2, 1.2), None, EXTRA_TIME_LOTS, moment=state)
    assert f.team1_through == pytest.approx(f.team2_through, abs=0.02)
    assert f.lots > 0.9


def test_a_replay_is_another_match_played_until_decided() -> None:
    f = forecast_tie(FIRST, None, EXTRA_TIME_REPLAY)
    won1, won2 = float(f.p[..., 0].sum()), float(f.p[..., 1].sum())
    assert f.replay == pytest.approx(1 - won1 - won2)
    assert f.replay > 0.05
    assert f.lots == 0
    # replayed on the same terms until a side wins: the favourite's share of decided matches
    assert f.team1_through == pytest.approx(won1 + f.replay * won1 / (won1 + won2))


def test_a_replay_under_other_rules_goes_to_its_shoot_out() -> None:
    """The FA Cup's drawn tie is replayed, the replay going to extra time and penalties."""
    f = forecast_tie(FIRST, None, REPLAY_THEN_PENALTIES)
    replay = forecast_tie(FIRST, None, REPLAY_THEN_PENALTIES.replay_rules)
    assert replay_win(FIRST, REPLAY_THEN_PENALTIES) == pytest.approx(replay.team1_through)
    assert f.extra_time == 0  # the drawn match has none; the replay's is not the tie's
    assert f.team1_through + f.team2_through == pytest.approx(1)


def test_no_extra_time_means_no_extra_time() -> None:
    """F2: penalties straight after 90 minutes are no extra time."""
    f = forecast_tie(FIRST, None, NO_EXTRA_TIME)
    assert f.extra_time == 0
    assert f.penalties > 0.15


def test_the_mixed_forecast_of_a_replayed_match_reports_its_replay() -> None:
    f = mixed_deciding_leg(
        None, FIRST.home * FACTORS, FIRST.away * FACTORS, WEIGHTS, EXTRA_TIME_REPLAY
    )
    assert f.replay > 0.05
    assert f.team1_through + f.team2_through == pytest.approx(1, abs=1e-9)


DRAWN = Match(FIRST_DATE, HOME, AWAY, Score(1, 1), extra_time=Score(1, 1))
REPLAYED = Match(SECOND_DATE, AWAY, HOME, Score(2, 4))
"""A single match left level after extra time, and its replay (team 2 named first in it)."""


def test_between_a_drawn_match_and_its_replay_the_forecast_is_of_the_replay() -> None:
    """QA5 F12: the replay is the tie's future, not a decided tie nor the drawn match again."""
    tie = Tie("Round 1", (DRAWN,), replays=(REPLAYED,))
    stood = as_it_stood(tie, SECOND_DATE)
    assert stood.replays == (REPLAYED.scheduled,)
    view = outlook(stood, RATINGS, EXTRA_TIME_REPLAY, uncertainty=0)
    assert view.stage == "before the replay"
    assert view.replay == REPLAYED.scheduled
    assert view.forecast is not None
    again = Tie("Round 1", (Match(SECOND_DATE, HOME, AWAY),))
    replay = outlook(again, RATINGS, EXTRA_TIME_REPLAY, uncertainty=0).forecast
    assert replay is not None
    assert view.forecast.team1_through == pytest.approx(replay.team1_through)
    assert view.forecast.team1_through + view.forecast.team2_through == pytest.approx(1)
    played = outlook(tie, RATINGS, EXTRA_TIME_REPLAY)
    assert played.stage == "decided"
    assert played.outcome.winner == HOME  # 4-2 for team 1, at team 2's in the replay


def test_the_replay_of_the_fa_cup_is_forecast_under_the_rules_of_replays() -> None:
    drawn = Match(FIRST_DATE, HOME, AWAY, Score(0, 0))
    tie = Tie("Round 3", (drawn,), replays=(REPLAYED.scheduled,))
    view = outlook(tie, RATINGS, REPLAY_THEN_PENALTIES, uncertainty=0)
    assert view.forecast is not None
    assert view.forecast.rules == REPLAY_THEN_PENALTIES.replay_rules
    assert view.forecast.penalties > 0
    assert view.rules == REPLAY_THEN_PENALTIES


@pytest.mark.parametrize("rules", PRESETS, ids=lambda r: r.name)
def test_the_forecasts_carrying_the_ratings_uncertainty_add_up_to_one(rules: Rules) -> None:
    """Before the match, before the first leg and between the legs, as ``outlook`` asks."""
    single = uncertain_single(RATINGS, HOME, AWAY, FIRST, rules)
    tie = uncertain_tie(RATINGS, HOME, AWAY, FIRST, SECOND, rules)
    between = uncertain_between(RATINGS, HOME, AWAY, FIRST, SECOND, rules, Score(1, 1))
    for f in (single, tie, between):
        assert f.team1_through + f.team2_through == pytest.approx(1, abs=1e-9)


def test_the_minute_by_minute_chances_of_a_replayed_tie_follow_its_replay() -> None:
    """Team 2 of the tie is named first in the replay: its goals lower team 1's chance."""
    goals = tuple(
        Goal(minute, side)
        for minute, side in ((10, AWAY), (20, HOME), (30, HOME), (40, AWAY), (50, HOME), (60, HOME))
    )
    replay = replace(REPLAYED, goals=goals)
    tie = Tie("Round 1", (DRAWN,), replays=(replay,))
    series = dict(through_by_minute(tie, RATINGS, EXTRA_TIME_REPLAY))
    assert max(series) == 90
    assert series[10] < series[0]  # AWAY, team 2, scores first
    assert series[20] > series[10]
    assert series[90] == pytest.approx(1)  # HOME, team 1, won the replay 4-2


def test_a_replay_in_play_is_refused_in_words() -> None:
    stood = as_it_stood(Tie("Round 1", (DRAWN,), replays=(REPLAYED,)), SECOND_DATE)
    moment = state_at(stood, EXTRA_TIME_REPLAY, Score(1, 1), 60, leg=1)
    with pytest.raises(InvalidValueError, match="replay of 2018-02-22 is to come"):
        outlook(stood, RATINGS, EXTRA_TIME_REPLAY, moment)
