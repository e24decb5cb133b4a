"""``matchday ties``: the acceptance commands, run as a user would run them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL, cut_before


@pytest.fixture(scope="module")
def round_of_32() -> list[dict[str, Any]]:
    done = run("ties", "europa-league-2017-18", "--round", "Round of 32", "--json")
    assert done.returncode == 0, done.stderr
    data: list[dict[str, Any]] = json.loads(done.stdout)
    return data


def test_sixteen_ties_with_the_documented_keys(round_of_32: list[dict[str, Any]]) -> None:
    assert len(round_of_32) == 16
    keys = {"round", "team1", "team2", "legs", "aggregate", "winner", "decided_by", "explanation"}
    leg_keys = {"date", "home", "away", "score", "extra_time", "penalties"}
    for tie in round_of_32:
        assert keys <= tie.keys()
        assert tie["round"] == "Round of 32"
        assert len(tie["legs"]) == 2
        assert tie["legs"][0]["home"] == tie["team1"]
        for leg in tie["legs"]:
            assert leg_keys <= leg.keys()


def test_dynamo_kyiv_and_rb_leipzig_go_through_on_away_goals(
    round_of_32: list[dict[str, Any]],
) -> None:
    by_winner = {t["winner"]: t for t in round_of_32}
    for winner, loser, aggregate in (
        ("Dynamo Kyiv", "AEK Athens", [1, 1]),
        ("RB Leipzig", "SSC Napoli", [3, 3]),
    ):
        tie = by_winner[winner]
        assert loser in (tie["team1"], tie["team2"])
        assert tie["decided_by"] == "away_goals"
        assert tie["aggregate"] == aggregate
    away_goal_winners = {t["winner"] for t in round_of_32 if t["decided_by"] == "away_goals"}
    assert away_goal_winners == {"Dynamo Kyiv", "RB Leipzig"}


def test_the_night_of_22_february(round_of_32: list[dict[str, Any]]) -> None:
    dortmund = next(t for t in round_of_32 if t["team1"] == "Borussia Dortmund")
    assert dortmund["winner"] == "Borussia Dortmund"
    assert dortmund["aggregate"] == [4, 3]
    assert dortmund["legs"][1]["score"] == [1, 1]
    assert dortmund["explanation"] == "Borussia Dortmund win 4-3 on aggregate"
    arsenal = next(t for t in round_of_32 if "Arsenal FC" in (t["team1"], t["team2"]))
    assert arsenal["winner"] == "Arsenal FC"
    assert arsenal["legs"][1]["score"] == [1, 2]


def test_the_human_table_names_every_tie_and_who_goes_through() -> None:
    done = run("ties", "europa-league-2017-18", "--round", "Sechzehntelfinale")
    assert done.returncode == 0, done.stderr
    assert "Round of 32" in done.stdout
    assert "Dynamo Kyiv" in done.stdout
    assert "away goals" in done.stdout
    assert done.stdout.count(" v ") == 16


@pytest.mark.parametrize(
    "name", ["Kleines Finale", "Finalina", "Disputa do terceiro lugar", "Match pour la 3e place"]
)
def test_the_third_place_match_is_found_by_its_names_in_other_languages(name: str) -> None:
    folder = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not folder.is_dir():
        pytest.skip(f"real data not found at {folder}")
    done = run("ties", str(folder), "--round", name, "--json")
    assert done.returncode == 0, done.stderr
    (tie,) = json.loads(done.stdout)
    assert tie["round"] == "Third place"
    assert {tie["team1"], tie["team2"]} == {"Croatia", "Morocco"}


def test_a_malformed_score_line_gives_one_clear_line_and_no_traceback(tmp_path: Path) -> None:
    source = tmp_path / "broken.txt"
    source.write_text(
        "= UEFA Europa League 2017/18\n» Final\n  Wed May/16 2018\n"
        "    Olympique Marseille (FRA) v Atlético Madrid (ESP)  0-3 (0-1\n",
        encoding="utf-8",
    )
    done = run("ties", str(source))
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"matchday: error: {source}:4: cannot read match line")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ties", "no-such-data"), "no such file and no bundled data set"),
        (("ties", "europa-league-2017-18", "--round", "Last 64"), "no round 'Last 64'"),
        (("ties", "europa-league-2017-18", "--rules", "fifa"), "unknown rules preset 'fifa'"),
    ],
)
def test_bad_arguments_give_one_clear_line(args: tuple[str, ...], message: str) -> None:
    done = run(*args)
    assert done.returncode == 1
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_overriding_the_rules_is_checked_against_the_recorded_results() -> None:
    """Without away goals, AEK v Dynamo Kyiv (1-1 on aggregate) needed extra time, which the
    data rightly does not have: the engine says so instead of guessing."""
    done = run(
        "ties", "europa-league-2017-18", "--round", "Round of 32", "--rules", "uefa-2021", "--json"
    )
    assert done.returncode == 1
    assert "AEK Athens v Dynamo Kyiv (Round of 32): level at the end but no extra time" in (
        done.stderr
    )


def test_a_final_and_a_match_for_third_place_name_their_winner_not_who_is_through() -> None:
    folder = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not folder.exists():
        pytest.skip(f"real data not found at {folder}")
    done = run("ties", str(folder))
    assert done.returncode == 0, done.stderr
    headers: dict[str, str] = {}
    title = ""
    for line in done.stdout.splitlines():
        if "┃" not in line and "│" not in line and line.strip() and line[0] not in "┏┡└ ":
            title = line.strip()
        if line.startswith("┃ Tie"):
            headers[title] = line
    assert "Winner" in headers["Final"]
    assert "Winner" in headers["Third place"]
    assert "Through" in headers["Semifinals"]
    assert "Winner" not in headers["Semifinals"]


def test_after_the_first_legs_the_second_leg_is_to_come_not_through(tmp_path: Path) -> None:
    """Champions League 2023-24 cut after the round of 16 first legs: each tie undecided, its
    second leg to come, in the table and in JSON."""
    cut = cut_before(
        OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt", "Tue Mar/5", tmp_path
    )
    done = run("ties", str(cut), "--round", "Round of 16")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Undecided: second leg to come") == 8
    rows = [line for line in done.stdout.splitlines() if "second leg to come" in line]
    assert len(rows) == 8
    assert all("│ —" in row and "│ to come" in row for row in rows)  # nobody in "Through"
    data = json.loads(run("ties", str(cut), "--round", "Round of 16", "--json").stdout)
    assert len(data) == 8
    napoli = next(t for t in data if t["team1"] == "SSC Napoli")
    assert napoli["winner"] is None
    assert napoli["second_leg_to_come"] is True
    assert [leg["score"] for leg in napoli["legs"]] == [[1, 1]]
    assert napoli["aggregate"] == [1, 1]
    assert all(t["winner"] is None and t["second_leg_to_come"] for t in data)


def test_a_finished_tie_has_no_second_leg_to_come(round_of_32: list[dict[str, Any]]) -> None:
    assert not any(t["second_leg_to_come"] for t in round_of_32)
