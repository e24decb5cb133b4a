"""``matchday table``: tables with reasons, one group, JSON, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from matchday.cli import app

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
