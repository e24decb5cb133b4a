"""Draw procedures from bundled data and from the season's tables, against the real draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchday.errors import ConfigError, SourceError
from matchday.io.draws import bundled_draws, draw_for, read_draw
from matchday.io.load import load
from matchday.model import Team
from matchday.select import find_round
from matchday.standings import season_tables


def _drawn_pairs(season_source: str | Path, round_name: str) -> list[tuple[Team, Team]]:
    """The ties as drawn: the unseeded team hosts the first leg."""
    return [tie.teams for tie in find_round(load(season_source), round_name).ties()]


def test_the_real_europa_league_2017_18_draw_is_a_valid_result_of_the_bundled_procedure() -> None:
    procedure = draw_for(load("europa-league-2017-18"), "Round of 32")
    assert procedure.size == 16
    assert procedure.valid(_drawn_pairs("europa-league-2017-18", "Round of 32")) == []


def test_the_champions_league_third_places_in_the_bundled_draw_match_cl_txt(
    openfootball_cl: Path,
) -> None:
    """The four best third-placed teams (points, goal difference, goals, away goals, wins, away
    wins) are the seeded ones, and every third comes from the Champions League group named."""
    tables = season_tables(load(openfootball_cl / "2017-18" / "cl.txt"))
    thirds = [(t.name, t.standings[2]) for t in tables]
    best = sorted(
        thirds,
        key=lambda item: (
            item[1].points,
            item[1].record.goal_difference,
            item[1].record.goals_for,
            item[1].record.away_goals,
            item[1].record.won,
            item[1].record.away_wins,
        ),
        reverse=True,
    )
    (data,) = bundled_draws()
    procedure = data.procedure
    in_data = {
        e.team.name: (e.origin, pot)
        for pot, entrants in (("seeded", procedure.seeded), ("unseeded", procedure.unseeded))
        for e in entrants
        if e.group is None
    }
    expected = {
        standing.team.name: (f"third, Champions League {group}", "seeded" if i < 4 else "unseeded")
        for i, (group, standing) in enumerate(best)
    }
    assert in_data == expected


@pytest.mark.parametrize("year", [f"{y}-{(y + 1) % 100:02d}" for y in range(2011, 2024)])
def test_every_champions_league_round_of_16_is_valid_for_the_draw_built_from_the_groups(
    openfootball_cl: Path, year: str
) -> None:
    path = openfootball_cl / year / "cl.txt"
    procedure = draw_for(load(path), "Round of 16")
    assert procedure.valid(_drawn_pairs(path, "Round of 16")) == []


@pytest.mark.parametrize("year", ["2024-25", "2025-26"])
def test_the_league_phase_play_offs_follow_the_bracket(openfootball_cl: Path, year: str) -> None:
    path = openfootball_cl / year / "cl.txt"
    procedure = draw_for(load(path), "Playoffs")
    assert procedure.valid(_drawn_pairs(path, "Playoffs")) == []
    assert procedure.ban(0, 0) is not None  # 9th may not meet 17th


def test_a_round_without_a_known_draw_is_a_config_error(openfootball_cl: Path) -> None:
    with pytest.raises(ConfigError, match="no draw known"):
        draw_for(load(openfootball_cl / "2017-18" / "cl.txt"), "Quarterfinals")


def test_a_broken_draw_file_names_the_file_and_the_problem() -> None:
    with pytest.raises(SourceError, match=r"x\.toml: missing key 'seeded'"):
        read_draw('competition = "C"\nseason = "2017/18"\nround = "Round of 32"\n', "x.toml")
    with pytest.raises(SourceError, match=r"x\.toml: not valid TOML"):
        read_draw("competition = ", "x.toml")
