"""Competition simulation: probabilities add up, runs repeat, draws pair as they should."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from matchday.forecast.competition import DrawnTie, FixedBracket, OpenDraw, Step, simulate
from matchday.forecast.season import forecast_season
from matchday.io.load import load
from matchday.io.snapshot import choose_snapshot
from matchday.model import Team
from matchday.rules import UEFA_CLASSIC

TEAMS = tuple(Team(f"Club {i}", "AAA") for i in range(8))


def _pairs(strong: int) -> np.ndarray:
    """Club ``strong`` beats everyone with probability 0.9; the rest are even."""
    p = np.full((8, 8), 0.5)
    p[strong, :], p[:, strong] = 0.9, 0.1
    return p


def _steps(draw: OpenDraw | FixedBracket) -> tuple[Step, ...]:
    first = tuple(DrawnTie(2 * k, 2 * k + 1, 0.5) for k in range(4))
    return (
        Step("Quarterfinals", True, False, ties=first),
        Step("Semifinals", True, False, draw=draw),
        Step("Final", False, True, draw=draw),
    )


def test_everyone_reaches_a_drawn_round_and_one_team_wins() -> None:
    p = _pairs(0)
    forecast = simulate(TEAMS, _steps(OpenDraw()), p, p, simulations=50_000, seed=1)
    assert forecast.reach[:, 0] == pytest.approx(1)
    assert forecast.reach[:, 1].sum() == pytest.approx(4)
    assert forecast.reach[:, 2].sum() == pytest.approx(2)
    assert forecast.win.sum() == pytest.approx(1)
    # Club 0 goes through its drawn tie half the time, then wins twice at 0.9.
    assert forecast.win[0] == pytest.approx(0.5 * 0.9 * 0.9, abs=0.01)
    assert forecast.ranking()[0] == 0


def test_the_same_seed_gives_the_same_forecast() -> None:
    p = _pairs(3)
    one = simulate(TEAMS, _steps(OpenDraw()), p, p, simulations=20_000, seed=7)
    two = simulate(TEAMS, _steps(OpenDraw()), p, p, simulations=20_000, seed=7)
    np.testing.assert_array_equal(one.reach, two.reach)


def test_a_fixed_bracket_keeps_halves_apart() -> None:
    p = _pairs(0)
    forecast = simulate(TEAMS, _steps(FixedBracket()), p, p, simulations=20_000, seed=2)
    rng = np.random.default_rng(0)
    teams = np.tile(np.arange(8), (5, 1))
    assert (FixedBracket().pair(teams, rng) == teams).all()
    paired = OpenDraw().pair(teams, rng)
    assert (np.sort(paired, axis=1) == teams).all()
    # Clubs 0-3 and 4-7 sit in different halves: they can only meet in the final.
    assert forecast.reach[:4, 2].sum() == pytest.approx(1)


def test_europa_league_2017_18_as_it_stood_on_22_february() -> None:
    season = load("europa-league-2017-18")
    on = dt.date(2018, 2, 22)
    snapshot = choose_snapshot(on)
    forecast = forecast_season(season, snapshot.ratings, UEFA_CLASSIC, as_of=on, simulations=20_000)
    assert forecast.rounds == ("Round of 32", "Round of 16", "Quarterfinals", "Semifinals", "Final")
    assert len(forecast.teams) == 32
    assert forecast.win.sum() == pytest.approx(1)
    names = {t.name: i for i, t in enumerate(forecast.teams)}
    # CSKA Moskva had won their tie on the 21st; Arsenal led Östersund 3-0 after the first leg.
    assert forecast.reach[names["CSKA Moskva"], 1] == 1
    assert forecast.reach[names["Crvena Zvezda"], 1] == 0
    assert forecast.reach[names["Arsenal FC"], 1] > forecast.reach[names["Östersunds FK"], 1]


def _skipping(joined_drawn: bool) -> tuple[Step, ...]:
    """Clubs 2-5 play a play-off round; clubs 0 and 1 join the semi-finals directly, drawn
    (``joined_drawn``: ties from the file) or paired by a draw still to come."""
    playoffs = Step("Playoffs", True, False, ties=(DrawnTie(2, 3, 0.7), DrawnTie(4, 5, 0.4)))
    if joined_drawn:
        semis = Step("Semifinals", True, False, ties=(DrawnTie(0, 2, 0.5), DrawnTie(1, 4, 0.5)))
    else:
        semis = Step("Semifinals", True, False, draw=FixedBracket(), joining=(0, 1))
    return playoffs, semis, Step("Final", False, True, draw=OpenDraw())


class _Seeds:
    """Clubs 0 and 1 in the two places that join the semi-finals."""

    slots = 2

    def teams(self, sims: int, rng: np.random.Generator) -> np.ndarray:
        return np.broadcast_to(np.array([0, 1], dtype=np.intp), (sims, 2))


def test_a_team_that_skips_a_round_has_reached_it_whether_drawn_or_to_draw() -> None:
    """The top 8 of a league phase reach the play-offs round by skipping it: once the round
    they join is drawn (its ties in the file) as much as while it is still to draw. It was
    counted only in the draw still to come, so their chance fell from 1 to 0 at the
    play-offs and rose to 1 again in the round of 16."""
    teams = TEAMS[:6]
    p = np.full((6, 6), 0.5)
    drawn = simulate(teams, _skipping(True), p, p, simulations=4000, seed=3)
    to_draw = simulate(teams, _skipping(False), p, p, simulations=4000, seed=3, entry=_Seeds())
    for forecast in (drawn, to_draw):
        assert forecast.reach[:2, 0] == pytest.approx([1, 1])
        assert forecast.reach[:, 0].sum() == pytest.approx(6)
        assert (np.diff(forecast.reach, axis=1) <= 1e-12).all()


def test_a_team_playing_again_after_a_defeat_is_not_counted_twice() -> None:
    """Liga MX's play-in: the loser of 7 v 8 plays again (play-in 2) against the winner of
    9 v 10; the winner of 7 v 8 skips play-in 2 and goes to the quarter-finals with the top 6
    (here clubs 0 and 1, standing for them)."""
    play_in_1 = Step("Play-in 1", False, True, ties=(DrawnTie(2, 3, 1.0), DrawnTie(4, 5, 1.0)))
    play_in_2 = Step("Play-in 2", False, True, ties=(DrawnTie(3, 4, 1.0),))
    semis = Step("Semifinals", True, False, ties=(DrawnTie(0, 3, 0.5), DrawnTie(1, 2, 0.5)))
    final = Step("Final", False, True, draw=OpenDraw())
    p = np.full((6, 6), 0.5)
    forecast = simulate(TEAMS[:6], (play_in_1, play_in_2, semis, final), p, p, 1000, seed=1)
    np.testing.assert_allclose(forecast.reach[:, :3], [
        [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 0], [1, 0, 0]
    ])  # fmt: skip
