"""P(through) minute by minute over a played deciding match, replayed from its events."""

from __future__ import annotations

import dataclasses
import math

import pytest

import matchday
from matchday.forecast.outlook import before_deciding_match, outlook, through_by_minute
from matchday.forecast.tie import PENALTY_WIN, LegRates, forecast_tie
from matchday.forecast.uncertainty import (
    rating_variance,
    uncertain_between,
    uncertain_single,
    uncertain_tie,
)
from matchday.io.snapshot import choose_snapshot
from matchday.live import state_at
from matchday.model import Goal, Match, RedCard, Score, Tie
from matchday.rules import UEFA_CLASSIC, preset
from matchday.select import find_tie
from tests.factories import AWAY, FIRST_DATE, HOME, SECOND_DATE

RATINGS = choose_snapshot(SECOND_DATE).ratings
SEASON = matchday.load("europa-league-2017-18")
BERGAMO = find_tie(SEASON, "Dortmund", "Round of 32")
"""Atalanta 1-1 Dortmund (Toloi 11', Schmelzer 83'): Dortmund, team 1, through 4-3."""

FIRST_LEG = Score(3, 2)


def _tie(second: Match, first: Score = FIRST_LEG) -> Tie:
    """Dortmund v Atalanta, ``first`` in the first leg, then ``second`` (Atalanta at home)."""
    return Tie("Round of 32", (Match(FIRST_DATE, HOME, AWAY, first), second))


def _at(series: tuple[tuple[int, float], ...], minute: int) -> float:
    return dict(series)[minute]


def test_the_night_in_bergamo_minute_by_minute() -> None:
    series = through_by_minute(BERGAMO, RATINGS, UEFA_CLASSIC)
    assert [minute for minute, _ in series] == list(range(91))
    assert all(0 <= p <= 1 for _, p in series)
    assert _at(series, 11) < _at(series, 10)  # Toloi: Atalanta through on away goals
    assert _at(series, 83) > 0.85 > 0.5 > _at(series, 82)  # Schmelzer, added time to come
    assert _at(series, 90) == pytest.approx(1)  # regular time over: Dortmund through
    between = [p for minute, p in series if 11 <= minute <= 82]
    assert between == sorted(between, reverse=True)  # time running out on Dortmund


def test_each_minute_is_the_in_play_forecast_of_its_score() -> None:
    series = through_by_minute(BERGAMO, RATINGS, UEFA_CLASSIC)
    kickoff = before_deciding_match(BERGAMO)
    assert kickoff.last_match.score is None
    for minute, score in ((0, Score(0, 0)), (40, Score(1, 0)), (85, Score(1, 1))):
        view = outlook(
            kickoff, RATINGS, UEFA_CLASSIC, state_at(kickoff, UEFA_CLASSIC, score, minute)
        )
        assert view.forecast is not None
        assert _at(series, minute) == pytest.approx(view.forecast.team1_through)


def test_a_goal_in_added_time_counts_in_its_minute() -> None:
    late = Goal(90, AWAY, "Gómez", added=3)
    second = Match(
        SECOND_DATE, AWAY, HOME, Score(2, 1), goals=(Goal(20, AWAY), Goal(50, HOME), late)
    )
    series = through_by_minute(_tie(second), RATINGS, UEFA_CLASSIC)
    assert series[-1] == (90, pytest.approx(0))  # 4-4, Atalanta through on away goals
    assert _at(series, 89) > 0.5


def test_extra_time_runs_the_series_to_120() -> None:
    goals = (Goal(30, AWAY), Goal(60, HOME), Goal(105, HOME))
    second = Match(SECOND_DATE, AWAY, HOME, Score(1, 1), extra_time=Score(1, 2), goals=goals)
    series = through_by_minute(_tie(second, Score(1, 1)), RATINGS, UEFA_CLASSIC)
    assert [minute for minute, _ in series] == list(range(121))
    assert 0 < _at(series, 90) < 1  # 2-2 and one away goal each after 90: extra time
    assert _at(series, 105) > _at(series, 104)
    assert series[-1] == (120, pytest.approx(1))


@pytest.mark.parametrize(
    ("name", "scored", "over"), [("golden-goal", (104, 0), 104), ("silver-goal", (105, 1), 106)]
)
def test_a_golden_or_silver_goal_ends_the_series_where_it_ended_the_match(
    name: str, scored: tuple[int, int], over: int
) -> None:
    """Sweden 1-2 Senegal (2002, golden goal 104'), and a silver goal in added time (105+1'),
    which ends the match at the whistle of extra time's half-time: from then on the tie is
    over, and the series holds it to 120."""
    minute, added = scored
    goals = (Goal(11, HOME), Goal(37, AWAY), Goal(minute, AWAY, added=added))
    final = Match(SECOND_DATE, HOME, AWAY, Score(1, 1), extra_time=Score(1, 2), goals=goals)
    series = through_by_minute(Tie("Round of 16", (final,), 1), RATINGS, preset(name))
    assert [m for m, _ in series] == list(range(121))
    assert 0.2 < _at(series, minute - 1) < 0.8
    assert all(p == 0 for m, p in series if m >= over)
    assert all(p < 0.05 for m, p in series if m >= minute)


def test_a_shoot_out_still_to_come_is_a_coin_flip() -> None:
    final = Tie(
        "Final",
        (
            Match(
                SECOND_DATE, HOME, AWAY, Score(0, 0), extra_time=Score(0, 0), penalties=Score(4, 3),
                goals=(),
            ),
        ),
    )  # fmt: skip
    series = through_by_minute(final, RATINGS, matchday.rules_for_season(2017))
    assert series[-1] == (120, pytest.approx(PENALTY_WIN))


def test_a_red_card_counts_from_its_minute() -> None:
    plain = BERGAMO.last_match
    sent_off = dataclasses.replace(plain, red_cards=(RedCard(30, plain.away, "Sokratis"),))
    with_card = dataclasses.replace(BERGAMO, legs=(BERGAMO.first_leg, sent_off))
    series = through_by_minute(BERGAMO, RATINGS, UEFA_CLASSIC)
    down_to_ten = through_by_minute(with_card, RATINGS, UEFA_CLASSIC)
    assert _at(down_to_ten, 29) == pytest.approx(_at(series, 29))
    assert _at(down_to_ten, 30) < _at(series, 30)


def test_a_match_without_goal_events_has_no_series() -> None:
    tie = find_tie(SEASON, "Arsenal", "Round of 16")
    with pytest.raises(matchday.MissingDataError, match="no goal events"):
        through_by_minute(tie, RATINGS, UEFA_CLASSIC)


def test_before_the_first_leg_the_outlook_carries_the_ratings_uncertainty() -> None:
    """Default: the mixture over the ratings' uncertainty (``uncertain_tie``), pulled towards
    even from the point forecast, which ``uncertainty=0`` still gives."""
    tie = Tie("Round of 32", (Match(FIRST_DATE, HOME, AWAY), Match(SECOND_DATE, AWAY, HOME)))
    default = outlook(tie, RATINGS, UEFA_CLASSIC)
    point = outlook(tie, RATINGS, UEFA_CLASSIC, uncertainty=0)
    assert default.forecast is not None
    assert point.forecast is not None
    assert default.stage == point.stage == "before the first leg"
    assert point.spread == 0
    assert default.spread == pytest.approx(
        math.sqrt(rating_variance(RATINGS, HOME) + rating_variance(RATINGS, AWAY))
    )
    legs = [LegRates(m.home_goals, m.away_goals) for m in default.legs]
    rho = default.legs[0].rho
    mixed = uncertain_tie(RATINGS, HOME, AWAY, legs[0], legs[1], UEFA_CLASSIC, rho=rho)
    exact = forecast_tie(legs[0], legs[1], UEFA_CLASSIC, rho=rho)
    assert default.forecast.team1_through == pytest.approx(mixed.team1_through, abs=1e-12)
    assert point.forecast.team1_through == pytest.approx(exact.team1_through, abs=1e-12)
    favourite = max(exact.team1_through, exact.team2_through)
    assert 0.5 < max(mixed.team1_through, mixed.team2_through) < favourite


def test_between_the_legs_the_outlook_carries_the_ratings_uncertainty() -> None:
    """Default between the legs: the Bayes-reweighted mixture (``uncertain_between``); in play
    and with ``uncertainty=0``, the exact point forecast."""
    tie = _tie(Match(SECOND_DATE, AWAY, HOME))
    default = outlook(tie, RATINGS, UEFA_CLASSIC)
    point = outlook(tie, RATINGS, UEFA_CLASSIC, uncertainty=0)
    assert default.forecast is not None
    assert point.forecast is not None
    assert default.stage == point.stage == "between the legs"
    assert point.spread == 0 < default.spread
    legs = [LegRates(m.home_goals, m.away_goals) for m in default.legs]
    rho = default.legs[0].rho
    mixed = uncertain_between(
        RATINGS, HOME, AWAY, legs[0], legs[1], UEFA_CLASSIC, FIRST_LEG, rho=rho
    )
    exact = forecast_tie(legs[0], legs[1], UEFA_CLASSIC, rho=rho, first_leg=FIRST_LEG)
    assert default.forecast.team1_through == pytest.approx(mixed.team1_through, abs=1e-12)
    assert point.forecast.team1_through == pytest.approx(exact.team1_through, abs=1e-12)
    assert default.forecast.team1_through != pytest.approx(exact.team1_through, abs=1e-4)


def test_before_a_single_match_the_outlook_carries_the_ratings_uncertainty() -> None:
    """A one-match tie (a cup round, a final): the same mixture as ``matchday match
    --knockout`` (``uncertain_single``), pulled towards even; ``uncertainty=0`` is the point
    forecast, and a wider scale pulls further."""
    tie = Tie("Final", (Match(FIRST_DATE, HOME, AWAY),))
    default = outlook(tie, RATINGS, UEFA_CLASSIC)
    point = outlook(tie, RATINGS, UEFA_CLASSIC, uncertainty=0)
    wider = outlook(tie, RATINGS, UEFA_CLASSIC, uncertainty=3)
    assert default.forecast is not None
    assert point.forecast is not None
    assert wider.forecast is not None
    assert default.stage == point.stage == "before the match"
    assert point.spread == 0 < default.spread < wider.spread
    rates = LegRates(default.legs[0].home_goals, default.legs[0].away_goals)
    rho = default.legs[0].rho
    mixed = uncertain_single(RATINGS, HOME, AWAY, rates, UEFA_CLASSIC, rho=rho)
    exact = forecast_tie(rates, None, UEFA_CLASSIC, rho=rho)
    assert default.forecast.team1_through == pytest.approx(mixed.team1_through, abs=1e-12)
    assert point.forecast.team1_through == pytest.approx(exact.team1_through, abs=1e-12)
    forecasts = (wider.forecast, default.forecast, point.forecast)
    favourite = [max(f.team1_through, f.team2_through) for f in forecasts]
    assert 0.5 < favourite[0] < favourite[1] < favourite[2]


def test_a_second_leg_not_in_the_file_yet_is_forecast_as_the_first_one_mirrored() -> None:
    """The night of the first legs (``Tie.second_leg_to_come``): the same forecast between the
    legs as with the second leg written in as a fixture, no match invented for it."""
    first = Match(FIRST_DATE, HOME, AWAY, FIRST_LEG)
    to_come = Tie("Round of 32", (first,), 2, second_leg_to_come=True)
    fixture = _tie(Match(SECOND_DATE, AWAY, HOME, None))
    view, written = (outlook(t, RATINGS, UEFA_CLASSIC) for t in (to_come, fixture))
    assert view.stage == written.stage == "between the legs"
    assert len(view.legs) == 2
    assert (view.legs[1].home_goals, view.legs[1].away_goals) == pytest.approx(
        (written.legs[1].home_goals, written.legs[1].away_goals)
    )
    assert view.forecast is not None
    assert written.forecast is not None
    assert view.forecast.team1_through == pytest.approx(written.forecast.team1_through)
