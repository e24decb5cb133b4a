"""``matchday draw``: the pairing-probability matrix, exact or simulated, as a table or JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matchday.cli import app
from matchday.errors import ConfigError

runner = CliRunner()


def test_exact_matrix_of_the_champions_league_round_of_16(openfootball_cl: Path) -> None:
    source = str(openfootball_cl / "2017-18" / "cl.txt")
    result = runner.invoke(app, ["draw", source, "--round", "Round of 16"])
    assert result.exit_code == 0, result.output
    assert "(exact)" in result.output
    assert "Chelsea FC" in result.output
    assert "8 = Tottenham Hotspur (ENG, winner, Group H)" in result.output


def test_json_rows_sum_to_one_and_list_the_bans(openfootball_cl: Path) -> None:
    source = str(openfootball_cl / "2017-18" / "cl.txt")
    data = json.loads(runner.invoke(app, ["draw", source, "--round", "R16", "--json"]).output)
    assert data["method"] == "exact"
    for row in data["probabilities"].values():
        assert sum(row.values()) == pytest.approx(1.0)
    assert {"unseeded": "Chelsea FC", "seeded": "AS Roma", "reason": "same group (Group C)"} in (
        data["bans"]
    )
    assert data["probabilities"]["Chelsea FC"]["AS Roma"] == 0.0


def test_simulated_draws_are_repeatable_with_a_seed() -> None:
    args = ["draw", "europa-league-2017-18", "--round", "Round of 32", "--sims", "300", "--json"]
    first = json.loads(runner.invoke(app, [*args, "--seed", "4"]).output)
    again = json.loads(runner.invoke(app, [*args, "--seed", "4"]).output)
    assert first["method"] == "simulated"
    assert first["draws"] == 300
    assert first == again
    assert first["probabilities"]["Spartak Moskva"]["Dynamo Kyiv"] == 0.0


def test_exact_and_sims_together_are_refused() -> None:
    args = ["draw", "europa-league-2017-18", "--round", "Round of 32", "--exact", "--sims", "9"]
    result = runner.invoke(app, args)
    assert isinstance(result.exception, ConfigError)


def test_an_unknown_draw_is_one_error_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "matchday", "draw", "europa-league-2017-18", "--round", "Final"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("matchday: error: no draw known for UEFA Europa League 2017/18")
    assert len(done.stderr.strip().splitlines()) == 1
