"""The golden goal on the command line, on the real World Cup 2002 file (with goal events):
Sweden 1-2 Senegal, Henri Camara's golden goal in the 104th minute."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matchday.cli import app
from tests.conftest import OPENFOOTBALL, SHARED_DATA, _require

runner = CliRunner()


@pytest.fixture(scope="module")
def world_cup_2002() -> Path:
    """The World Cup 2002 with its goal events (openfootball's ``more`` folder)."""
    return _require(OPENFOOTBALL / "worldcup" / "more" / "2002.txt")


@pytest.fixture(scope="module")
def international() -> Path:
    return _require(SHARED_DATA / "international")


def test_the_plot_of_a_golden_goal(
    world_cup_2002: Path, international: Path, tmp_path: Path
) -> None:
    out = tmp_path / "senegal.png"
    args = ["plot", str(world_cup_2002), "--tie", "Senegal", "--round", "Round of 16"]
    result = runner.invoke(app, [*args, "-o", str(out), "--international", str(international)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    assert "minutes 0-120" in result.output


def test_the_live_state_after_the_golden_goal(world_cup_2002: Path) -> None:
    args = ["live", str(world_cup_2002), "--tie", "Senegal", "--round", "Round of 16", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rules"] == "golden-goal"
    assert "golden_goal" in json.dumps(data)


def test_a_world_cup_knockout_match_under_the_golden_goal(international: Path) -> None:
    args = ["match", "Sweden", "Senegal", "--date", "2002-06-16", "--ground", "neutral"]
    args += ["--knockout", "--rules", "golden-goal", "--international", str(international)]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    ko = json.loads(result.stdout)["knockout"]
    assert ko["rules"] == "golden-goal"
    assert ko["home_through"] + ko["away_through"] == pytest.approx(1, abs=1e-3)
    assert 0 < ko["penalties"] < ko["extra_time"] < 1
