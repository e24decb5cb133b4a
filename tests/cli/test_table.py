"""``matchday table``: tables with reasons, one group, JSON, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matchday.cli import app
from tests.conftest import OPENFOOTBALL

runner = CliRunner()


def test_group_table_with_reasons_and_where_each_place_leads(openfootball_cl: Path) -> None:
    result = runner.invoke(
        app, ["table", str(openfootball_cl / "2017-18" / "cl.txt"), "--group", "C"]
    )
    assert result.exit_code == 0, result.output
    assert "Group C" in result.output
    assert "AS Roma" in result.output
    assert "head-to-head points" in result.output
    assert "Europa League" in result.output
    assert "Group D" not in result.output


def test_a_group_is_found_by_one_of_its_teams(openfootball_cl: Path) -> None:
    source = str(openfootball_cl / "2023-24" / "cl.txt")
    result = runner.invoke(app, ["table", source, "--group", "Union Berlin", "--json"])
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.output)["tables"]
    assert len(table["rows"]) == 4
    assert "1. FC Union Berlin" in [row["team"] for row in table["rows"]]


QATAR = OPENFOOTBALL / "worldcup" / "2022--qatar"


@pytest.mark.parametrize(
    "group", ["Groep F", "Gruppe F", "Grupo F", "Group F", "F", "groupe f", "Marokko"]
)
def test_a_group_in_the_words_of_other_languages(group: str) -> None:
    """ "Groep F" was taken for a team ("no team matching 'Groep F'"); a group is a group in
    every language the round vocabulary reads, and a team by its Dutch name finds its group."""
    if not QATAR.exists():
        pytest.skip(f"real data not found at {QATAR}")
    result = runner.invoke(app, ["table", str(QATAR), "--group", group, "--json"])
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.output)["tables"]
    assert table["name"] == "Group F"
    assert "Morocco" in [row["team"] for row in table["rows"]]


def test_a_group_not_played_is_no_team_to_look_for() -> None:
    if not QATAR.exists():
        pytest.skip(f"real data not found at {QATAR}")
    result = runner.invoke(app, ["table", str(QATAR), "--group", "Groep Z"])
    assert result.exit_code == 1
    assert str(result.exception).startswith("no group 'Groep Z'; tables: Group A, Group B")


def test_json_rows_carry_the_reason(openfootball_cl: Path) -> None:
    source = str(openfootball_cl / "2017-18" / "cl.txt")
    result = runner.invoke(app, ["table", source, "--group", "Group H", "--json"])
    data = json.loads(result.output)
    assert data["season"] == "2017/18"
    (table,) = data["tables"]
    assert table["tiebreakers"] == "uefa-group-classic"
    third = table["rows"][2]
    assert third["team"] == "Borussia Dortmund"
    assert third["decided_by"] == "goal_difference"
    assert third["head_to_head"] is False
    assert third["compared_with"] == ["APOEL Nikosia"]
    assert third["next"] == "Europa League round of 32"
    assert table["rows"][0]["next"] == "Round of 16"
    assert table["undecided"] == []


def test_the_league_phase_is_one_table(openfootball_cl: Path) -> None:
    source = str(openfootball_cl / "2024-25" / "cl.txt")
    data = json.loads(runner.invoke(app, ["table", source, "--json"]).output)
    (table,) = data["tables"]
    assert table["name"] == "League phase"
    assert len(table["rows"]) == 36
    assert [row["next"] for row in table["rows"]].count("Knockout phase play-offs") == 16


def test_other_tiebreakers_can_be_chosen(openfootball_cl: Path) -> None:
    source = str(openfootball_cl / "2017-18" / "cl.txt")
    args = ["table", source, "--group", "C", "--tiebreakers", "domestic", "--json"]
    (table,) = json.loads(runner.invoke(app, args).output)["tables"]
    assert table["rows"][0]["team"] == "Chelsea FC"  # better goal difference than Roma


def test_errors_are_one_line(openfootball_cl: Path) -> None:
    source = str(openfootball_cl / "2017-18" / "cl.txt")
    done = subprocess.run(
        [sys.executable, "-m", "matchday", "table", source, "--group", "Nowhere"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("matchday: error: no group 'Nowhere' (no team matching")


def _rows(source: Path, group: str) -> dict[str, dict]:  # type: ignore[type-arg]
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    result = runner.invoke(app, ["table", str(source), "--group", group, "--json"])
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.output)["tables"]
    return {row["team"]: row for row in table["rows"]}


def test_a_play_off_at_the_zones_edge_sends_its_winner_on_and_not_the_loser() -> None:
    """1954: Turkey and West Germany level on points in Group 2, West Germany won the play-off
    7-2: "next" follows the play-off, not the shared place (both were sent on before)."""
    rows = _rows(OPENFOOTBALL / "worldcup" / "1954--switzerland", "2")
    assert (rows["West Germany"]["next"], rows["Turkey"]["next"]) == ("Quarterfinals", None)
    assert rows["Hungary"]["next"] == "Quarterfinals"


def test_the_table_follows_the_play_off_not_goal_average() -> None:
    """1958, Group 1: Czechoslovakia had the better goal average, Northern Ireland won the
    play-off 2-1 after extra time and went on: the table places Northern Ireland second by
    the play-off, in the text and in the JSON (the "play_off" key added to each row)."""
    source = OPENFOOTBALL / "worldcup" / "1958--sweden"
    rows = _rows(source, "1")
    ireland, czechs = rows["Northern Ireland"], rows["Czechoslovakia"]
    assert (ireland["position"], czechs["position"]) == (2, 3)
    assert ireland["decided_by"] == czechs["decided_by"] == "play_off"
    assert ireland["explanation"].endswith("won the play-off 2-1 after extra time")
    assert ireland["play_off"] == czechs["play_off"]
    assert ireland["play_off"] == {
        "winner": "Northern Ireland", "loser": "Czechoslovakia", "score": "2-1",
        "extra_time": True, "penalties": None, "date": "1958-06-17",
    }  # fmt: skip
    assert rows["West Germany"]["play_off"] is None
    assert (ireland["next"], czechs["next"]) == ("Quarterfinals", None)
    shown = runner.invoke(app, ["table", str(source), "--group", "4"]).output
    assert "lost the play-off 0-1" in shown
    assert "drawing of lots" not in shown
    assert shown.index("Soviet Union") < shown.index("England")


def test_teams_level_on_everything_are_placed_by_the_next_rounds_matches() -> None:
    """2018, Group H: Japan above Senegal on fair-play points, which the results do not hold;
    the round of 16 shows Japan there, and "next" says so (Senegal was sent on before)."""
    rows = _rows(OPENFOOTBALL / "worldcup" / "2018--russia", "H")
    assert (rows["Japan"]["next"], rows["Senegal"]["next"]) == ("Round of 16", None)
    assert rows["Japan"]["next_shown_by_later_round"] is True
    assert rows["Colombia"]["next_shown_by_later_round"] is False
    assert not rows["Japan"]["decided"]  # the table itself still cannot tell them apart
    shown = runner.invoke(
        app, ["table", str(OPENFOOTBALL / "worldcup" / "2018--russia"), "--group", "H"]
    )
    assert "Japan go on to the Round of 16: the data shows them there" in shown.output


def test_a_group_that_lacks_a_match_follows_the_round_its_places_lead_to() -> None:
    """Copa Libertadores 2025, group 3: Colo-Colo v Fortaleza was never played; the table
    has Bucaramanga second, and the file's round of 16 has Fortaleza. The table follows the
    round of 16 and leaves the places of the others unsettled."""
    path = OPENFOOTBALL / "football.json" / "2025" / "copa.l.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    result = runner.invoke(app, ["table", str(path), "--group", "Fortaleza", "--json"])
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.output)["tables"]
    assert not table["complete"]
    rows = {row["team"]: row for row in table["rows"]}
    assert rows["Fortaleza EC"]["next"] == "Round of 16"
    assert rows["Fortaleza EC"]["next_shown_by_later_round"]
    assert rows["Racing Club"]["next"] == "Round of 16"
    assert rows["CA Bucaramanga"]["position"] == 2
    assert rows["CA Bucaramanga"]["next"] is None
    assert rows["CSD Colo-Colo"]["next"] is None


SAMPLES = OPENFOOTBALL / "spec" / "samples"


def test_a_league_matchday_does_not_know_says_so_and_ranks_as_a_domestic_league() -> None:
    """RSSSF's Austria 2024-25 ("= Austria 2024/25"): no competition matchday knows, so its
    tables go by a domestic league's usual order (not UEFA's league phase) and say they were
    assumed, the stages after the regular season counting their own matches only."""
    source = SAMPLES / "2024-25_austria.txt"
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    result = runner.invoke(app, ["table", str(source)])
    assert result.exit_code == 0, result.output
    assert "uefa-league-phase" not in result.output
    assert "tie-breakers assumed: not a competition matchday knows" in result.output
    assert "the league's own tie-breakers are not known" in result.output
    assert "counts its own matches only" in result.output
    shown = json.loads(runner.invoke(app, ["table", str(source), "--json"]).output)
    assert shown["assumed"] is True
    assert {t["tiebreakers"] for t in shown["tables"]} == {"domestic"}


@pytest.mark.parametrize(
    ("relative", "unplayed", "games"),
    [
        # La Liga 2024-25: the file lists matchday 38 without its results.
        ("2024-25/es.1.json", 10, "37 of 38"),
        # Scotland 2019-20: the season was cut short in March 2020, before the split.
        ("2019-20/sco.1.json", 19, "29 to 30 of 33"),
    ],
)
def test_a_table_with_matches_not_played_says_it_is_incomplete(
    relative: str, unplayed: int, games: str
) -> None:
    source = OPENFOOTBALL / "football.json" / relative
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    result = runner.invoke(app, ["table", str(source)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"incomplete: {unplayed} matches of the table without a result" in said
    assert f"(games per team: {games})" in said
    (table,) = json.loads(runner.invoke(app, ["table", str(source), "--json"]).output)["tables"]
    assert table["complete"] is False
    assert table["unplayed"] == unplayed
