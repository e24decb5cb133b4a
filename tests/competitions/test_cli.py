"""``--competition`` and the registry's rules through the commands, as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.competitions.conftest import Done
from tests.conftest import OPENFOOTBALL

WORLD_CUP = OPENFOOTBALL / "worldcup"

CUP = """= Cup 1998

▪ Round of 16
Sat Jun 27 1998
  France  1-0 a.e.t. (0-0, 0-0)  Paraguay
"""


def _world_cup(folder: str) -> str:
    path = WORLD_CUP / folder
    if not path.is_dir():
        pytest.skip(f"real data not found at {path}")
    return str(path)


def test_the_2022_final_is_argentinas_on_penalties(run: Callable[..., Done]) -> None:
    done = run("ties", _world_cup("2022--qatar"), "--round", "Final", "--json")
    assert done.returncode == 0, done.stderr
    (final,) = json.loads(done.stdout)
    assert (final["winner"], final["decided_by"]) == ("Argentina", "single_match_penalties")
    assert final["rules"] == "extra-time-penalties"


def test_a_replay_is_shown_with_its_tie(run: Callable[..., Done]) -> None:
    done = run("ties", _world_cup("1938--france"), "--round", "Quarterfinals")
    assert done.returncode == 0, done.stderr
    assert "1-1 aet; replay 2-1" in done.stdout
    assert "extra-time-replay" in done.stdout


def test_the_competition_named_decides_the_rules(run: Callable[..., Done], tmp_path: Path) -> None:
    cup = tmp_path / "cup.txt"
    cup.write_text(CUP, encoding="utf-8")
    unknown = json.loads(run("ties", str(cup), "--json").stdout)
    named = json.loads(run("ties", str(cup), "--competition", "WM", "--json").stdout)
    overridden = run("ties", str(cup), "--competition", "WM", "--rules", "uefa-2021", "--json")
    assert unknown[0]["decided_by"] == "single_match_extra_time"
    assert (named[0]["decided_by"], named[0]["rules"]) == ("golden_goal", "golden-goal")
    assert json.loads(overridden.stdout)[0]["rules"] == "uefa-2021"


def test_an_unknown_competition_is_one_clear_line(run: Callable[..., Done], tmp_path: Path) -> None:
    cup = tmp_path / "cup.txt"
    cup.write_text(CUP, encoding="utf-8")
    done = run("ties", str(cup), "--competition", "Intertoto")
    assert done.returncode != 0
    assert "unknown competition 'Intertoto'; known competitions:" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_table_of_1990_sends_both_level_teams_on(run: Callable[..., Done]) -> None:
    done = run("table", _world_cup("1990--italy"), "--group", "F", "--json")
    assert done.returncode == 0, done.stderr
    (table,) = json.loads(done.stdout)["tables"]
    assert table["tiebreakers"] == "fifa-1986"
    rows = {row["team"]: row for row in table["rows"]}
    assert rows["Ireland"]["position"] == rows["Netherlands"]["position"] == 2
    assert rows["Ireland"]["decided"] is False
    assert rows["Egypt"]["next"] is None


def test_1970_table_waits_for_lots_and_says_which_places_the_quarter_finals_show(
    run: Callable[..., Done],
) -> None:
    done = run("table", _world_cup("1970--mexico"), "--group", "1")
    assert done.returncode == 0, done.stderr
    assert "ahead on goals scored" not in done.stdout
    assert "drawing of lots" in done.stdout
    assert "Soviet Union placed 1st: the Quarterfinals show them against Uruguay" in done.stdout
    done = run("table", _world_cup("1970--mexico"), "--group", "1", "--json")
    (table,) = json.loads(done.stdout)["tables"]
    rows = {row["team"]: row for row in table["rows"]}
    assert table["tiebreakers"] == "fifa-1970"
    assert rows["Soviet Union"]["position"] == rows["Mexico"]["position"] == 1
    assert rows["Soviet Union"]["awaiting"] == ["lots"]
    assert rows["Soviet Union"]["place_shown_by_later_round"] == 1
    assert rows["Mexico"]["place_shown_by_later_round"] == 2
    assert rows["Belgium"]["place_shown_by_later_round"] is None


def test_forecasting_a_tournament_without_a_bracket_says_why_not(
    run: Callable[..., Done],
) -> None:
    done = run("forecast", _world_cup("1990--italy"))
    assert done.returncode == 1
    assert "no bracket of groups in the registry" in done.stderr
    assert "Traceback" not in done.stderr


def test_keep_going_checks_each_round_under_its_competitions_rules(
    run: Callable[..., Done],
) -> None:
    done = run("ties", _world_cup("1934--italy"), "--keep-going", "--json")
    assert done.returncode == 0, done.stderr
    assert "left out" not in done.stderr
    replayed = [t for t in json.loads(done.stdout) if t["decided_by"] == "replay"]
    assert [(t["team1"], t["team2"], t["winner"]) for t in replayed] == [
        ("Italy", "Spain", "Italy")
    ]


def test_a_qualifying_file_says_so_and_goes_by_the_qualifying_rules(
    run: Callable[..., Done],
) -> None:
    """World Cup 2022 qualifying (rsssf): the heading names it, and Ghana v Nigeria (0-0, 1-1)
    goes to Ghana on the away goal, under the qualification's rules, not the final
    tournament's (which have no away goals)."""
    path = WORLD_CUP / "rsssf" / "2022q.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    done = run("ties", str(path), "--round", "Africa (CAF), Round 3", "--keep-going")
    assert "World Cup 2019/22 qualifying — rules: uefa-classic" in done.stdout
    done = run("ties", str(path), "--round", "Africa (CAF), Round 3", "--keep-going", "--json")
    ghana = next(t for t in json.loads(done.stdout) if t["team1"] == "Ghana")
    assert (ghana["winner"], ghana["decided_by"]) == ("Ghana", "away_goals")
