"""The competition forecast draws the rounds not yet drawn as UEFA does.

The Champions League 2017-18, cut after its group stage (the round of 16 not yet drawn), or
replayed in the middle of it; the league phase of 2024-25 before its round-of-16 draw.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from matchday import competitions
from matchday.draw import exact_probabilities, from_groups
from matchday.errors import ConfigError, ShootOutNotDueError
from matchday.forecast.competition import Entry, OpenDraw, Step
from matchday.forecast.draws import BracketSides, SeededDraw
from matchday.forecast.plan import Plan, leg_order, plan_season
from matchday.forecast.season import forecast_season, season_as_it_stood, tie_chance
from matchday.io.footballtxt import parse
from matchday.io.load import load
from matchday.io.snapshot import choose_snapshot
from matchday.model import Round, Season, Team
from matchday.rules import UEFA_2021, UEFA_CLASSIC, rules_for_season
from matchday.standings import season_tables
from tests.conftest import OPENFOOTBALL

RATINGS = choose_snapshot(dt.date(2018, 2, 13)).ratings
"""Ratings of early 2018, good enough to exercise the draws (not a forecast of record)."""


@pytest.fixture(scope="module")
def group_stage_only(openfootball_cl: Path) -> Season:
    """The Champions League 2017-18 as it was on 7 December 2017: groups over, no draw yet."""
    text = (openfootball_cl / "2017-18" / "cl.txt").read_text(encoding="utf-8")
    return parse(text.split("» Round of 16")[0], "cl-2017-18-groups.txt")


def _plan(season: Season, as_of: dt.date | None = None) -> Plan:
    stood = season_as_it_stood(season, as_of)
    rules = rules_for_season(season.start_year)
    return plan_season(stood, RATINGS, rules, lambda tie: tie_chance(tie, RATINGS, rules))


def _entered(plan: Plan, step: Step, sims: int, seed: int) -> np.ndarray:
    entry: Entry | None = plan.entry
    assert entry is not None
    return entry.teams(sims, np.random.default_rng(seed))[:, list(step.joining)]


def test_the_round_of_16_is_drawn_from_the_group_tables(group_stage_only: Season) -> None:
    forecast = forecast_season(group_stage_only, RATINGS, UEFA_CLASSIC, simulations=20_000, seed=5)
    assert forecast.rounds == ("Round of 16", "Quarterfinals", "Semifinals", "Final")
    assert forecast.draws[0] == "winners v runners-up, same group and association apart"
    assert forecast.draws[1:] == ("open draw",) * 3
    np.testing.assert_allclose(forecast.reach.sum(axis=0), [16, 8, 4, 2, 1])
    qualified = {t for table in season_tables(group_stage_only) for t in table.teams[:2]}
    assert set(forecast.teams) == qualified
    assert all(forecast.reach[t, 1] > 0 for t in range(len(forecast.teams)))
    again = forecast_season(group_stage_only, RATINGS, UEFA_CLASSIC, simulations=20_000, seed=5)
    np.testing.assert_array_equal(forecast.reach, again.reach)


def _banned(season: Season, plan: Plan) -> set[tuple[Team, Team]]:
    """(winner, runner-up) pairs that must never meet: same group or same association."""
    group = {t: table.name for table in season_tables(season) for t in table.teams}
    return {
        (w, r)
        for w in plan.teams
        for r in plan.teams
        if group[w] == group[r] or w.country == r.country
    }


def _pairs(plan: Plan, sims: int, seed: int) -> np.ndarray:
    """``sims`` simulated round-of-16 draws: (runner-up, winner) team indices per tie."""
    step = plan.steps[0]
    assert isinstance(step.draw, SeededDraw)
    paired = step.draw.pair(_entered(plan, step, sims, seed), np.random.default_rng(seed + 1))
    return paired.reshape(sims, -1, 2)


def test_no_banned_pairing_in_the_simulated_draws(group_stage_only: Season) -> None:
    plan = _plan(group_stage_only)
    pairs = _pairs(plan, 20_000, seed=3)
    banned = _banned(group_stage_only, plan)
    met = {(plan.teams[w], plan.teams[r]) for r, w in np.unique(pairs.reshape(-1, 2), axis=0)}
    assert met
    assert not met & banned
    assert all(sorted(row.ravel()) == sorted(range(16)) for row in pairs[:200])


def test_simulated_pairings_agree_with_the_exact_draw(group_stage_only: Season) -> None:
    plan = _plan(group_stage_only)
    tables = season_tables(group_stage_only)
    exact = exact_probabilities(from_groups(tables, "round of 16", 2017))
    draws = 40_000
    pairs = _pairs(plan, draws, seed=11).reshape(-1, 2)
    counts: dict[tuple[Team, Team], int] = {}
    for r, w in pairs.tolist():
        key = (plan.teams[r], plan.teams[w])
        counts[key] = counts.get(key, 0) + 1
    for runner_up in exact.procedure.unseeded:
        for winner in exact.procedure.seeded:
            p = exact.probability(runner_up.team, winner.team)
            seen = counts.get((runner_up.team, winner.team), 0) / draws
            assert abs(seen - p) <= 5 * np.sqrt(p * (1 - p) / draws) + 1 / draws


def test_a_group_stage_in_progress_is_played_out(openfootball_cl: Path) -> None:
    season = load(openfootball_cl / "2017-18" / "cl.txt")
    on = dt.date(2017, 11, 22)  # matchday 5 of 6 half played
    forecast = forecast_season(season, RATINGS, UEFA_CLASSIC, as_of=on, simulations=20_000, seed=2)
    np.testing.assert_allclose(forecast.reach.sum(axis=0), [16, 8, 4, 2, 1])
    assert len(forecast.teams) == 32
    names = {t.name: i for i, t in enumerate(forecast.teams)}
    # Manchester City: 15 points, one match left, no one else above 9: through in every run.
    # Celtic (3 points, two to play) could still reach Bayern's 9 but had lost to them twice:
    # out on head-to-head in every run. Basel and CSKA (6 each) went into the last two rounds.
    assert forecast.reach[names["Manchester City"], 0] == 1
    assert forecast.reach[names["Celtic FC"], 0] == 0
    assert 0 < forecast.reach[names["FC Basel 1893"], 0] < 1
    assert 0 < forecast.reach[names["CSKA Moskva"], 0] < 1
    plan = _plan(season, on)
    step = plan.steps[0]
    entered = _entered(plan, step, 5000, seed=4)
    assert all(len(set(row)) == 16 for row in entered)
    pairs = _pairs(plan, 5000, seed=4)
    met = {(plan.teams[w], plan.teams[r]) for r, w in np.unique(pairs.reshape(-1, 2), axis=0)}
    assert not met & _banned(season, plan)


@pytest.fixture(scope="module")
def league_2024(openfootball_cl: Path) -> Season:
    """The Champions League 2024-25 as it was on 20 February 2025: play-offs over, no draw."""
    text = (openfootball_cl / "2024-25" / "cl.txt").read_text(encoding="utf-8")
    return parse(text.split("» Finals, Round of 16")[0], "cl-2024-25-playoffs.txt")


def test_the_league_phase_bracket_before_the_round_of_16_draw(league_2024: Season) -> None:
    plan = _plan(league_2024)
    names = [s.name for s in plan.steps]
    assert names == ["Playoffs", "Round of 16", "Quarterfinals", "Semifinals", "Final"]
    assert plan.steps[0].ties is not None
    assert plan.steps[1].ties is None
    index = {t.name: i for i, t in enumerate(plan.teams)}
    rng = np.random.default_rng(8)
    sims = 4000
    # every play-off winner as the file has them, in the order of the simulation's play-off step
    winners = np.array(
        [[t.team1 if t.team1_through == 1 else t.team2 for t in plan.steps[0].ties]] * sims
    )
    step = plan.steps[1]
    r16 = step.draw.pair(np.concatenate([_entered(plan, step, sims, 1), winners], 1), rng)
    liverpool = index["Liverpool FC"]
    opponents = r16[:, 0::2][r16[:, 1::2] == liverpool]
    met = {plan.teams[o].name: np.mean(opponents == o) for o in np.unique(opponents)}
    assert set(met) == {"Paris Saint-Germain FC", "Sport Lisboa e Benfica"}
    assert abs(met["Paris Saint-Germain FC"] - 0.5) < 0.05
    # the round-of-16 winners, by the place of their seed, split into halves
    quarter = plan.steps[2].draw
    assert isinstance(quarter, BracketSides)
    seeds = np.tile(np.arange(8), (sims, 1))  # stand-ins: the winner of each seed's tie
    paired = quarter.pair(seeds, rng).reshape(sims, 2, 2, 2)  # half, tie, team
    blocks = np.sort(paired // 2, axis=3)
    assert (blocks[:, :, 0] == [0, 3]).all()
    assert (blocks[:, :, 1] == [1, 2]).all()
    # places 1 and 2 (seeds 0 and 1) never in the same half: they can meet only in the final
    assert (np.sort(paired[:, :, 0].min(axis=2), axis=1) == [0, 1]).all()


def test_who_hosts_the_second_leg_of_the_later_rounds(league_2024: Season) -> None:
    assert leg_order(league_2024).value == "drawn"
    later = Season("UEFA Champions League", "2025/26", ())
    assert leg_order(later).value == "seeded"


def test_the_draw_stays_pluggable(group_stage_only: Season) -> None:
    """Any ``Draw`` can pair the rounds not yet drawn instead of UEFA's procedures (here an
    open draw, which lets group winners meet and teams of one group meet again)."""
    forecast = forecast_season(
        group_stage_only, RATINGS, UEFA_CLASSIC, draw=OpenDraw(), simulations=5000, seed=1
    )
    assert forecast.draws == ("open draw",) * 4
    np.testing.assert_allclose(forecast.reach.sum(axis=0), [16, 8, 4, 2, 1])


def test_a_qualifying_file_has_no_final_to_forecast(openfootball_cl: Path) -> None:
    season = load(openfootball_cl / "2024-25" / "clq.txt")
    with pytest.raises(ConfigError, match="qualifying rounds lead to the competition proper"):
        _plan(season)


def test_winners_that_cannot_be_halved_to_a_final_are_refused() -> None:
    season = parse(
        "= UEFA Champions League 2017/18\n\n» Round of 16\n  Wed Feb 14 2018\n"
        "  Real Madrid v Paris Saint-Germain  3-1\n  FC Porto v Liverpool FC  0-5\n"
        "  FC Basel v Manchester City  0-4\n",
        "three-ties.txt",
    )
    with pytest.raises(ConfigError, match="3 ties, whose winners cannot be halved"):
        _plan(season)


def test_each_drawn_tie_is_settled_by_its_own_rounds_rules() -> None:
    """Liga MX 2024-25: a play-in goes to penalties straight after 90 minutes, the later rounds
    to the better-placed side; both were decided by the ties' rules (a shoot-out "under
    better-placed" was an error). Every round is played, so the final's winner is sure."""
    path = OPENFOOTBALL / "football.json" / "2024-25" / "mx.1.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(load(path))
    with pytest.raises(ShootOutNotDueError):
        forecast_season(known.season, RATINGS, known.ties_rules, simulations=100)
    forecast = forecast_season(
        known.season, RATINGS, known.ties_rules, simulations=100, settle=known.tie_outcome
    )
    champion = forecast.teams[int(np.argmax(forecast.win))]
    assert (champion.name, float(forecast.win.max())) == ("Deportivo Toluca", 1.0)
    # The file holds two tournaments: the one played last is forecast, not both as one
    # bracket whose "champion" is the Clausura's (América, the Apertura's, had none).
    assert all(name.startswith("Clausura Playoffs, ") for name in forecast.rounds)
    assert len(forecast.rounds) == 5


def test_a_league_phase_before_its_first_matchday_is_forecast(openfootball_cl: Path) -> None:
    """On 17 September 2024 every team shared first place on 0 points: the round of 16's
    bracket took each play-off tie's slot from that shared position, left no draw possible,
    and the simulation stopped ("draw 0: no complete draw"). Places are the table's rows."""
    season = load(openfootball_cl / "2024-25" / "cl.txt")
    on = dt.date(2024, 9, 17)
    forecast = forecast_season(season, RATINGS, UEFA_2021, as_of=on, simulations=2_000, seed=1)
    assert forecast.rounds[:2] == ("Playoffs", "Round of 16")
    np.testing.assert_allclose(forecast.reach.sum(axis=0)[1:], [16, 8, 4, 2, 1])
    assert len(forecast.teams) == 36  # nothing decided yet: every side is still in it
    assert np.count_nonzero(forecast.reach[:, 0]) >= 30
    assert forecast.win.max() < 0.5


def test_a_round_short_of_a_tie_cannot_be_followed_to_the_final(openfootball_cl: Path) -> None:
    """The league phase's bracket pairs eight round-of-16 winners in the quarter-finals: with
    one of its ties left out (for a flaw, under --keep-going) the draw cannot be made."""
    full = load(openfootball_cl / "2024-25" / "cl.txt")
    stood = season_as_it_stood(full, dt.date(2025, 3, 4))

    def short(round_: Round) -> Round:
        if round_.name != "Round of 16":
            return round_
        first = set(round_.ties()[0].teams)
        kept = tuple(m for m in round_.matches if {m.home, m.away} != first)
        return dataclasses.replace(round_, matches=kept)

    stages = tuple(
        dataclasses.replace(stage, rounds=tuple(short(r) for r in stage.rounds))
        for stage in stood.stages
    )
    cut = dataclasses.replace(stood, stages=stages)
    rules = rules_for_season(cut.start_year)
    with pytest.raises(ConfigError, match="Quarterfinals: its draw needs 8 teams, and 7 come"):
        plan_season(cut, RATINGS, rules, lambda tie: tie_chance(tie, RATINGS, rules))


def test_matches_for_a_place_are_no_round_towards_the_title() -> None:
    """The Chinese Super League 2020: quarter-finals, then a bracket for places five to eight
    ("5.-8. Platz Playoffs", "7. Platz", "5. Platz"), semi-finals, "3. Platz" and the final."""
    path = OPENFOOTBALL / "football.json" / "2020" / "cn.1.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(load(path))
    stood = season_as_it_stood(known.season, dt.date(2020, 10, 16))
    forecast = forecast_season(stood, RATINGS, known.ties_rules, simulations=200, seed=1)
    assert forecast.rounds == ("Quarterfinals", "Semifinals", "Final")
    np.testing.assert_allclose(forecast.reach.sum(axis=0), [8, 4, 2, 1])
    assert forecast.win.sum() == pytest.approx(1)


@pytest.mark.parametrize("on", [dt.date(2025, 2, 15), dt.date(2025, 3, 6), None])
def test_the_league_top_8_reach_the_playoffs_round_before_and_after_it(
    openfootball_cl: Path, on: dt.date | None
) -> None:
    """The top 8 of the 2024-25 league phase reach the play-offs round by skipping it: 1 on
    15 February (round of 16 still to draw) as once the play-offs and the rest were played,
    when they showed 0 and the column added up to 16."""
    season = load(openfootball_cl / "2024-25" / "cl.txt")
    forecast = forecast_season(season, RATINGS, UEFA_2021, as_of=on, simulations=500, seed=1)
    assert forecast.rounds[0] == "Playoffs"
    np.testing.assert_allclose(forecast.reach.sum(axis=0), [24, 16, 8, 4, 2, 1])
    names = {t.name: i for i, t in enumerate(forecast.teams)}
    for club in ("Liverpool FC", "FC Barcelona", "Arsenal FC", "Aston Villa FC"):
        assert forecast.reach[names[club], 0] == 1
    assert (np.diff(forecast.reach, axis=1) <= 1e-12).all()
