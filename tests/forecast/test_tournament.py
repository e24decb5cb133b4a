"""Tournament forecasts: every simulation has one champion, two finalists, ...; results after
the forecast date change nothing; seeds reproduce; played matches stand; the tie-breakers and
brackets are the registry's. Small simulation counts and equal or hand-set strengths: no fit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pytest

import matchday.competitions as competitions
from matchday.competitions.brackets import (
    EURO_2016,
    EURO_2020,
    THIRD,
    WORLD_CUP_1998,
    WORLD_CUP_2002,
    WORLD_CUP_2006,
    GroupBracket,
)
from matchday.competitions.hosts import hosts
from matchday.errors import ConfigError
from matchday.forecast.national import InternationalResult
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tournament import (
    Fixture,
    Strengths,
    Tournament,
    _extra_time_outcome,
    _extra_time_played,
    _knockout_win,
    draw_scores,
    from_elo,
    from_ratings,
    from_season,
    host_teams,
    rated_as,
    simulate,
    stage_log_loss,
    tie_host,
    with_grounds,
    with_hosts,
)
from matchday.io.international import load_international
from matchday.io.load import load
from matchday.io.snapshot import choose_national
from matchday.model import Season, Team
from matchday.rules import ExtraTime
from matchday.standings.rules import FIFA_2018, UEFA_EURO, TableRules
from tests.conftest import OPENFOOTBALL

QATAR = OPENFOOTBALL / "worldcup" / "2022--qatar"
EURO_2024_FILE = OPENFOOTBALL / "spec" / "samples" / "2024_euro.txt"


def _season(path: Path) -> Season:
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    return load(path)


@pytest.fixture(scope="session")
def world_cup() -> Tournament:
    return from_season(_season(QATAR))


@pytest.fixture(scope="session")
def euro() -> Tournament:
    return from_season(_season(EURO_2024_FILE))


def _even(t: Tournament, goals: float = 1.3) -> Strengths:
    """Every side alike, except that the first team of each group is a little better."""
    n = len(t.teams)
    better = np.array(
        [
            1.0 if t.teams[i] == g[1][0] else 0.0
            for i in range(n)
            for g in t.groups
            if t.teams[i] in g[1]
        ]
    )
    g = goals * np.exp(0.3 * (better[:, None] - better[None, :]))
    np.fill_diagonal(g, 0.0)
    return Strengths(t.teams, g, g * 1.2, g.T.copy())


def _day_before(t: Tournament) -> dt.date:
    return t.started


@pytest.mark.parametrize("name", ["world_cup", "euro"])
def test_each_simulation_has_one_champion_two_finalists_four_semi_finalists(
    name: str, request: pytest.FixtureRequest
) -> None:
    t: Tournament = request.getfixturevalue(name)
    f = simulate(t, _even(t), 3_000, seed=1, as_of=_day_before(t))
    assert f.reach.sum(axis=0) == pytest.approx([16, 8, 4, 2, 1])
    assert (f.reach <= 1 + 1e-12).all()  # no team twice in a round
    assert (np.diff(f.reach, axis=1) <= 1e-12).all()  # nobody reaches a stage skipping one
    assert f.places.sum(axis=0) == pytest.approx([len(t.groups)] * 4)
    assert f.exit().sum(axis=1) == pytest.approx(np.ones(len(t.teams)))


def test_the_euro_sends_exactly_four_third_placed_teams_on(euro: Tournament) -> None:
    f = simulate(euro, _even(euro), 3_000, seed=2, as_of=_day_before(euro))
    winners_and_runners_up = f.places[:, :2].sum()
    # everyone in the round of 16 is a winner, a runner-up or one of four thirds
    assert f.reach[:, 0].sum() - winners_and_runners_up == pytest.approx(4)
    thirds_through = f.reach[:, 0] - f.places[:, 0] - f.places[:, 1]
    assert (thirds_through <= f.places[:, 2] + 1e-12).all()


def test_results_after_the_forecast_date_change_no_forecast(world_cup: Tournament) -> None:
    on = dt.date(2022, 11, 26)
    changed = dataclasses.replace(
        world_cup,
        fixtures=tuple(
            dataclasses.replace(f, score=(9, 0)) if f.date >= on else f for f in world_cup.fixtures
        ),
        knockouts=tuple(
            dataclasses.replace(k, winner=k.loser, loser=k.winner) for k in world_cup.knockouts
        ),
    )
    strengths = _even(world_cup)
    before = simulate(world_cup, strengths, 2_000, seed=3, as_of=on)
    after = simulate(changed, strengths, 2_000, seed=3, as_of=on)
    np.testing.assert_array_equal(before.reach, after.reach)
    # and a result before the date does change it
    earlier = dataclasses.replace(
        world_cup,
        fixtures=tuple(
            dataclasses.replace(f, score=(0, 5)) if f.date < on else f for f in world_cup.fixtures
        ),
    )
    moved = simulate(earlier, strengths, 2_000, seed=3, as_of=on)
    assert not np.array_equal(before.reach, moved.reach)


def test_a_seed_reproduces_the_forecast_and_another_seed_differs(world_cup: Tournament) -> None:
    s = _even(world_cup)
    on = _day_before(world_cup)
    a = simulate(world_cup, s, 2_000, seed=7, as_of=on)
    b = simulate(world_cup, s, 2_000, seed=7, as_of=on)
    c = simulate(world_cup, s, 2_000, seed=8, as_of=on)
    np.testing.assert_array_equal(a.reach, b.reach)
    assert not np.array_equal(a.reach, c.reach)


def test_after_the_final_the_champion_is_certain(world_cup: Tournament) -> None:
    f = simulate(world_cup, _even(world_cup), 500, seed=0, as_of=dt.date(2022, 12, 19))
    champion = {f.teams[t].name: float(f.reach[t, -1]) for t in range(len(f.teams))}
    assert champion["Argentina"] == 1.0
    assert sum(champion.values()) == pytest.approx(1.0)
    finalists = {f.teams[t].name for t in range(len(f.teams)) if f.reach[t, 3] == 1.0}
    assert finalists == {"Argentina", "France"}


@pytest.mark.parametrize(
    "folder",
    [
        "1998--france",
        "2002--south-korea-n-japan",
        "2006--germany",
        "2010--south-africa",
        "2014--brazil",
        "2018--russia",
    ],
)
def test_after_the_final_every_stage_holds_the_teams_that_played_it(folder: str) -> None:
    season = _season(OPENFOOTBALL / "worldcup" / folder)
    t = from_season(season)
    knockout = [r for r in season.rounds if not r.name.startswith("Group")]
    final = knockout[-1]
    by_size = {len(r.matches): r for r in knockout[:-1]}
    played = [by_size[8], by_size[4], by_size[2], final]
    after = max(m.date for m in final.matches if m.date is not None) + dt.timedelta(days=1)
    f = simulate(t, _even(t), 100, seed=0, as_of=after)
    for stage, stage_round in enumerate(played):
        certain = {f.teams[i].name for i in range(len(f.teams)) if f.reach[i, stage] == 1.0}
        teams = {team.name for m in stage_round.matches for team in (m.home, m.away)}
        assert certain == teams, (folder, stage_round.name)
    assert (f.reach[:, -1] == 1.0).sum() == 1


def test_after_the_group_stage_the_round_of_16_is_the_one_played(world_cup: Tournament) -> None:
    f = simulate(world_cup, _even(world_cup), 500, seed=0, as_of=dt.date(2022, 12, 3))
    through = {f.teams[t].name for t in range(len(f.teams)) if f.reach[t, 0] == 1.0}
    assert {"Netherlands", "USA"} <= through
    assert "Germany" not in through
    assert len(through) == 16
    assert f.reach[:, 0].sum() == pytest.approx(16)


def test_teams_level_on_every_result_are_placed_by_the_listed_round_of_16() -> None:
    """Japan and Senegal 2018 ended level on everything results hold (fair play put Japan
    through): once group H is over the listed round of 16 says who went on; the day before,
    with the last group matches to play, the listing is not read."""
    t = from_season(_season(OPENFOOTBALL / "worldcup" / "2018--russia"))
    f = simulate(t, _even(t), 500, seed=0, as_of=dt.date(2018, 6, 29))
    reach = {f.teams[i].name: f.reach[i, 0] for i in range(len(f.teams))}
    assert (reach["Japan"], reach["Senegal"]) == (1.0, 0.0)
    assert f.reach[:, 0].sum() == pytest.approx(16)
    senegal_listed = dataclasses.replace(
        t,
        pairings=tuple(
            dataclasses.replace(
                p, teams=tuple(Team("Senegal") if x.name == "Japan" else x for x in p.teams)
            )
            for p in t.pairings
        ),
    )
    moved = simulate(senegal_listed, _even(t), 500, seed=0, as_of=dt.date(2018, 6, 29))
    assert moved.reach[moved.teams.index(Team("Senegal")), 0] == 1.0
    on = dt.date(2018, 6, 28)
    before = simulate(t, _even(t), 500, seed=0, as_of=on)
    listed_otherwise = simulate(senegal_listed, _even(t), 500, seed=0, as_of=on)
    np.testing.assert_array_equal(before.reach, listed_otherwise.reach)
    assert 0 < before.reach[before.teams.index(Team("Senegal")), 0] < 1


def _two_groups() -> Tournament:
    """Groups A and B of four, every match of A played: X beat Y 1-0 but lost 0-4 elsewhere,
    so X and Y are level on points, X ahead head-to-head and Y on goal difference."""
    a = [Team(n) for n in ("X", "Y", "P", "Q")]
    b = [Team(n) for n in ("R", "S", "T", "U")]
    day = dt.date(2024, 6, 1)
    played = [
        (a[0], a[1], (1, 0)),
        (a[0], a[2], (0, 4)),
        (a[0], a[3], (1, 0)),
        (a[1], a[2], (3, 0)),
        (a[1], a[3], (1, 0)),
        (a[2], a[3], (0, 1)),
    ]
    fixtures = [Fixture("A", day, h, w, s) for h, w, s in played]
    fixtures += [Fixture("B", day, b[i], b[j]) for i in range(4) for j in range(i + 1, 4)]
    bracket = GroupBracket((("1A", "2B"), ("1B", "2A")))
    return Tournament(
        "test", (("A", tuple(a)), ("B", tuple(b))), tuple(fixtures), (), FIFA_2018, bracket
    )


@pytest.mark.parametrize(("rules", "first"), [(UEFA_EURO, "X"), (FIFA_2018, "Y")])
def test_level_teams_are_ranked_on_the_registry_tie_breakers(rules: TableRules, first: str) -> None:
    t = dataclasses.replace(_two_groups(), table=rules)
    f = simulate(t, _even(t), 200, seed=0)
    top = next(i for i, team in enumerate(f.teams) if team.name == first)
    # X and Y have 6 points; X beat Y (head-to-head first, the UEFA way); Y has the better
    # goal difference, +3 against -2 (all matches first, the FIFA way)
    assert f.places[top, 0] == 1.0


@pytest.mark.parametrize("bracket", [EURO_2016, EURO_2020])
def test_no_best_third_meets_the_winner_of_its_own_group(bracket: GroupBracket) -> None:
    assert len(bracket.thirds) == 15  # every four of six groups
    for groups, opponents in bracket.thirds:
        for winner, third in zip(bracket.third_winners, opponents, strict=True):
            assert winner[1] != third
            assert third in groups
    assert sum(THIRD in tie for tie in bracket.ties) == len(bracket.third_winners)


@pytest.mark.parametrize(
    ("bracket", "groups", "met"),
    [
        # Euro 2016: the thirds of B, C, E, F went through; 1A France met Ireland (3E), 1B
        # Wales Northern Ireland (3C), 1C Germany Slovakia (3B), 1D Croatia Portugal (3F)
        (EURO_2016, "BCEF", "ECBF"),
        # Euro 2020: A, C, D, F; Belgium met Portugal (3F), the Netherlands the Czech Republic
        # (3D), Sweden Ukraine (3C), France Switzerland (3A)
        (EURO_2020, "ACDF", "FDCA"),
        # Euro 2024: C, D, E, F; Spain met Georgia (3F), England Slovakia (3E), Romania the
        # Netherlands (3D), Portugal Slovenia (3C)
        (EURO_2020, "CDEF", "FEDC"),
        # Euro 2024, as the press explained UEFA's table during the group stage: thirds of
        # A, B, C, D give 1B-3A, 1C-3D, 1E-3B, 1F-3C; of A, C, D, E give 1B-3E, 1C-3D, 1E-3C,
        # 1F-3A
        (EURO_2020, "ABCD", "ADBC"),
        (EURO_2020, "ACDE", "EDCA"),
    ],
)
def test_the_thirds_met_whom_they_met(bracket: GroupBracket, groups: str, met: str) -> None:
    assert bracket.opponents(groups) == met


def test_the_registry_gives_each_era_its_bracket() -> None:
    assert competitions.get("world-cup").format(2022).group_bracket is WORLD_CUP_2006
    assert competitions.get("world-cup").format(2002).group_bracket is WORLD_CUP_2002
    assert competitions.get("world-cup").format(1998).group_bracket is WORLD_CUP_1998
    assert competitions.get("euro").format(2016).group_bracket is EURO_2016
    assert competitions.get("euro").format(2021).group_bracket is EURO_2020
    assert competitions.get("world-cup").format(1990).group_bracket is None


def test_a_host_at_home_is_read_from_the_internationals(world_cup: Tournament) -> None:
    qatar = [f for f in world_cup.fixtures if Team("Qatar") in (f.home, f.away)]
    # results.csv names the side at home first, whatever the order of the file
    records = [
        InternationalResult(
            f.date,
            Team("Qatar"),
            ({f.home, f.away} - {Team("Qatar")}).pop(),
            0,
            0,
            "FIFA World Cup",
            "",
            "Qatar",
            False,
        )
        for f in qatar
    ]
    # at home in one match only: not a host of the knockout rounds
    once = with_grounds(world_cup, records[:1])
    assert once.hosts == frozenset()
    assert sum(f.at_home for f in once.fixtures) == 1
    t = with_grounds(world_cup, records)
    assert t.hosts == frozenset({Team("Qatar")})


@pytest.mark.parametrize(
    ("folder", "codes"), [("2022--qatar", ("QAT",)), ("2002--south-korea-n-japan", ("KOR", "JPN"))]
)
def test_the_registry_hosts_place_the_grounds_as_the_internationals_venues_do(
    folder: str, codes: tuple[str, ...]
) -> None:
    """Without the internationals, the host nations (``competitions.hosts``) give the same
    grounds as the venues of results.csv: a single host at home in every match (Qatar),
    co-hosts in their group matches (South Korea and Japan, 2002), and both with the
    registry's hosts at home in the knockout rounds."""
    international = OPENFOOTBALL.parent / "international"
    path = OPENFOOTBALL / "worldcup" / folder
    if not path.exists() or not (international / "results.csv").exists():
        pytest.skip(f"real data not found at {path} or {international}")
    tournament = from_season(load(path))
    teams = host_teams(tournament, codes)
    read = with_grounds(tournament, load_international(international).results, teams)
    assert len(teams) == len(codes)
    placed = with_hosts(tournament, teams)
    assert placed.hosts == read.hosts
    assert placed.fixtures == read.fixtures
    assert sum(f.at_home for f in placed.fixtures) == 3 * len(codes)


def test_elo_strengths_give_the_stronger_side_more_goals(world_cup: Tournament) -> None:
    elo = dict.fromkeys(world_cup.teams, 1500.0) | {Team("Brazil"): 2100.0}
    s = from_elo(world_cup, elo)
    b = world_cup.teams.index(Team("Brazil"))
    others = [i for i in range(len(world_cup.teams)) if i != b]
    assert (s.goals[b, others] > s.goals[others, b]).all()
    f = simulate(world_cup, s, 1_000, seed=0, as_of=world_cup.started)
    assert int(np.argmax(f.reach[:, -1])) == b


def test_the_stage_log_loss_is_that_of_the_stages_reached(world_cup: Tournament) -> None:
    f = simulate(world_cup, _even(world_cup), 1_000, seed=0, as_of=dt.date(2022, 12, 19))
    reached = dict.fromkeys(f.teams, 0)
    reached[Team("Argentina")] = 5
    reached[Team("France")] = 4
    loss = stage_log_loss(f, reached)
    # the two finalists are certain; everyone else is put out in the groups, which for the
    # 14 other teams of the round of 16 had probability 0 (counted as half a simulation)
    expected = (14 * -np.log(0.5 / 1_000)) / len(f.teams)
    assert loss == pytest.approx(expected)


def test_the_strengths_are_the_ratings_expected_goals(world_cup: Tournament) -> None:
    ratings = choose_national(dt.date(2022, 11, 20)).ratings
    hosted = dataclasses.replace(world_cup, hosts=frozenset({Team("Qatar")}))
    s = from_ratings(hosted, ratings)
    teams = hosted.teams
    q, e, b = (teams.index(Team(n)) for n in ("Qatar", "Ecuador", "Brazil"))
    neutral = ratings.expected(Team("Brazil"), Team("Ecuador"), neutral=True)
    assert s.goals[b, e] == pytest.approx(neutral.home_goals)
    assert s.goals[e, b] == pytest.approx(neutral.away_goals)
    at_qatar = ratings.expected(Team("Qatar"), Team("Ecuador"), neutral=False)
    assert s.goals[q, e] == pytest.approx(at_qatar.home_goals)
    assert s.goals[e, q] == pytest.approx(at_qatar.away_goals)
    home = ratings.expected(Team("Brazil"), Team("Ecuador"), neutral=False)
    assert s.at_home[b, e] == pytest.approx(home.home_goals)
    assert s.visiting[b, e] == pytest.approx(home.away_goals)
    usa = teams.index(Team("USA"))  # the file's spelling, rated as United States
    assert s.notes[usa] == ratings.rating(Team("United States")).explanation


def test_after_the_euro_final_spain_are_certain(euro: Tournament) -> None:
    # the four best thirds (C, D, E, F) go to the winners UEFA's table says, and Denmark and
    # Slovenia, level on everything in group C, are placed as the round of 16 shows (Denmark
    # second, against Germany; Slovenia third, against Portugal)
    f = simulate(euro, _even(euro), 300, seed=0, as_of=dt.date(2024, 7, 15))
    champion = {f.teams[t].name: float(f.reach[t, -1]) for t in range(len(f.teams))}
    assert champion["Spain"] == 1.0
    denmark, slovenia = (f.teams.index(Team(n)) for n in ("Denmark", "Slovenia"))
    assert f.places[denmark, 1] == 1.0
    assert f.places[slovenia, 2] == 1.0


def _spread(s: Strengths, spread: float) -> Strengths:
    return dataclasses.replace(s, spread=np.full(len(s.teams), spread))


@pytest.mark.parametrize("name", ["world_cup", "euro"])
def test_with_drawn_strengths_each_simulation_still_has_one_champion(
    name: str, request: pytest.FixtureRequest
) -> None:
    t: Tournament = request.getfixturevalue(name)
    f = simulate(t, _spread(_even(t), 0.3), 2_000, seed=1, as_of=_day_before(t))
    assert f.reach.sum(axis=0) == pytest.approx([16, 8, 4, 2, 1])
    assert (np.diff(f.reach, axis=1) <= 1e-12).all()
    assert f.places.sum(axis=0) == pytest.approx([len(t.groups)] * 4)


def test_drawn_strengths_are_seeded_and_played_results_still_stand(world_cup: Tournament) -> None:
    s, on = _spread(_even(world_cup), 0.3), dt.date(2022, 12, 19)
    a = simulate(world_cup, s, 1_000, seed=4, as_of=_day_before(world_cup))
    b = simulate(world_cup, s, 1_000, seed=4, as_of=_day_before(world_cup))
    np.testing.assert_array_equal(a.reach, b.reach)
    after = simulate(world_cup, s, 200, seed=4, as_of=on)
    assert after.reach[after.teams.index(Team("Argentina")), -1] == 1.0


def test_a_zero_spread_is_the_point_simulation_and_a_wide_one_evens_the_title(
    world_cup: Tournament,
) -> None:
    """Scale 0 (or a spread of 0) is the point simulation draw for draw; a wider spread
    makes the favourite's title less sure."""
    ratings = choose_national(dt.date(2022, 11, 20)).ratings
    on = _day_before(world_cup)
    point = simulate(world_cup, from_ratings(world_cup, ratings, uncertainty=0), 2_000, as_of=on)
    zero = _spread(from_ratings(world_cup, ratings, uncertainty=1.0), 0.0)
    plain = simulate(world_cup, zero, 2_000, as_of=on)
    np.testing.assert_array_equal(point.reach, plain.reach)
    wide = simulate(world_cup, _spread(point.strengths, 0.6), 4_000, as_of=on)
    favourite = point.ranking()[0]
    assert wide.reach[favourite, -1] < point.reach[favourite, -1] - 0.03


def test_a_team_rated_on_fewer_matches_gets_a_wider_spread(world_cup: Tournament) -> None:
    ratings = choose_national(dt.date(2022, 11, 20)).ratings
    assert from_ratings(world_cup, ratings).spread is None  # the default: point strengths
    s = from_ratings(world_cup, ratings, uncertainty=1.0)
    assert s.spread is not None
    fewer = from_ratings(
        world_cup, dataclasses.replace(ratings, weight=ratings.weight / 10), uncertainty=1.0
    ).spread
    assert fewer is not None
    assert (fewer > s.spread).all()
    assert (s.spread > 0).all()


def test_drawn_scores_follow_the_dixon_coles_grid() -> None:
    """The rejection sampler's low scores and a few others match ``ScoreGrid.poisson``."""
    n = 200_000
    home, away = np.full(n, 1.3), np.full(n, 0.8)
    x, y = draw_scores(np.random.default_rng(5), home, away, -0.15)
    grid = ScoreGrid.poisson(1.3, 0.8, -0.15).p
    for h, a in ((0, 0), (0, 1), (1, 0), (1, 1), (2, 1), (3, 0)):
        p = grid[h, a]
        assert abs(float(np.mean((x == h) & (y == a))) - p) < 5 * np.sqrt(p * (1 - p) / n)


def test_a_file_without_every_groups_matches_is_refused_by_name() -> None:
    # The specification's level-2 sample of 2014 lists all eight groups but plays out two.
    season = _season(OPENFOOTBALL / "spec" / "samples-l2" / "2014_world_cup.txt")
    with pytest.raises(ConfigError, match="no matches of group C, D, E, F, G, H in the file"):
        from_season(season)


@pytest.mark.parametrize(
    ("written", "rated"),
    [
        ("Korea Republic", "South Korea"),
        ("Türkiye", "Turkey"),
        ("USA", "United States"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Ireland", "Republic of Ireland"),
        ("Germany", "Germany"),
    ],
)
def test_a_file_s_name_is_rated_as_the_results_team(written: str, rated: str) -> None:
    """A tournament file's FIFA name is found through the same table as ``matchday match``."""
    assert rated_as(Team(written)) == Team(rated)


@pytest.mark.parametrize("law", list(ExtraTime))
def test_extra_time_is_played_out_as_its_law_sums_it(law: ExtraTime) -> None:
    """Each way of ending extra time: the simulated outcome agrees with the summed law, and
    the summed law with its closed form (golden goal: the first goal's side; silver goal: a
    lead at its half-time, else the second half; none: always level)."""
    n = 200_000
    home, away = np.full(n, 0.5), np.full(n, 0.3)
    won, level = _extra_time_played(np.random.default_rng(3), home, away, law)
    win, draw = _extra_time_outcome(home[:1], away[:1], law)
    for simulated, summed in ((won, win[0]), (level, draw[0])):
        assert (
            abs(float(simulated.mean()) - summed) <= 5 * np.sqrt(summed * (1 - summed) / n) + 1e-9
        )
    if law is ExtraTime.GOLDEN_GOAL:
        assert draw[0] == pytest.approx(np.exp(-0.8))
        assert win[0] == pytest.approx(0.5 / 0.8 * (1 - np.exp(-0.8)))
    if law is ExtraTime.SILVER_GOAL:
        half = ScoreGrid.poisson(0.25, 0.15).p
        h_wins, even = float(np.tril(half, -1).sum()), float(np.trace(half))
        assert win[0] == pytest.approx(h_wins + even * h_wins, abs=1e-9)
        assert draw[0] == pytest.approx(even * even, abs=1e-9)
    if law is ExtraTime.NONE:
        assert (win[0], draw[0]) == (0.0, 1.0)


def test_the_golden_goal_eras_play_it(world_cup: Tournament) -> None:
    """The registry's World Cups of 1998 and 2002 end extra time at the first goal, 2022 plays
    thirty minutes; a knockout match's chances follow the era's law."""
    for folder, law in (
        ("1998--france", ExtraTime.GOLDEN_GOAL),
        ("2002--south-korea-n-japan", ExtraTime.GOLDEN_GOAL),
        ("2022--qatar", ExtraTime.THIRTY_MINUTES),
    ):
        assert from_season(_season(OPENFOOTBALL / "worldcup" / folder)).extra_time is law
    strengths = from_elo(world_cup, {t: 1800.0 + 10 * i for i, t in enumerate(world_cup.teams)})
    thirty = _knockout_win(strengths)
    golden = _knockout_win(strengths, ExtraTime.GOLDEN_GOAL)
    assert np.abs(golden - thirty).max() > 1e-4
    assert np.allclose(golden + golden.T, 1.0)
    level = _knockout_win(strengths, ExtraTime.NONE)  # straight to penalties: closer to a toss
    assert (np.abs(level - 0.5) <= np.abs(thirty - 0.5) + 1e-12).all()


def test_co_hosts_are_at_home_in_the_knockout_rounds_as_a_tie_has_them() -> None:
    """2002: the simulation played Japan v Turkey of the round of 16 on neutral ground while
    ``forecast --tie`` had Japan at home (48.8% against 63.7% the same morning). One rule
    now: a co-host is at home against a side that is no host (``tie_host``), two co-hosts
    meet on neutral terms."""
    from matchday.select import find_tie

    path = OPENFOOTBALL / "worldcup" / "2002--south-korea-n-japan"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = load(path)
    tournament = from_season(season)
    codes = hosts("world-cup", season.name) or ()
    placed = with_hosts(tournament, host_teams(tournament, codes))
    japan, korea, turkey = (Team(name) for name in ("Japan", "South Korea", "Turkey"))
    assert placed.hosts == {japan, korea}
    s = from_ratings(placed, choose_national(dt.date(2022, 11, 20)).ratings)
    j, k, t = (placed.teams.index(team) for team in (japan, korea, turkey))
    assert s.goals[j, t] == pytest.approx(s.at_home[j, t])
    assert s.goals[t, j] == pytest.approx(s.visiting[j, t])
    assert s.goals[j, k] < s.at_home[j, k]  # neutral between the co-hosts
    assert tie_host(find_tie(season, "Japan", "Round of 16"), codes) == japan
