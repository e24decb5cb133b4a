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
    assert done.stderr.startswith("matchday: error: UEFA Europa League 2017/18 Final was not drawn")
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_league_phase_round_of_16_names_the_play_off_winners_with_why(
    openfootball_cl: Path,
) -> None:
    """The round of 16 was drawn after the play-offs: its rows are their winners, and the JSON
    carries each winner's tie as ``matchday ties --json`` gives it (keys only added)."""
    source = str(openfootball_cl / "2024-25" / "cl.txt")
    data = json.loads(runner.invoke(app, ["draw", source, "--round", "R16", "--json"]).output)
    ties = json.loads(runner.invoke(app, ["ties", source, "--round", "Playoffs", "--json"]).output)
    by_teams = {frozenset((t["team1"], t["team2"])): t for t in ties}
    assert list(data) == [
        "draw", "method", "draws", "source", "seeded", "unseeded", "probabilities", "bans"
    ]  # fmt: skip
    assert list(data["unseeded"][0]) == ["team", "association", "group", "slot", "origin", "tie"]
    assert all(e["tie"] is None for e in data["seeded"])
    for entrant in data["unseeded"]:
        tie = entrant["tie"]
        assert tie == by_teams[frozenset((tie["team1"], tie["team2"]))]
        assert entrant["team"] == tie["winner"]
        assert tie["decided_by"] is not None
        assert tie["explanation"]
    assert set(data["probabilities"]) == {t["winner"] for t in ties}
    for row in data["probabilities"].values():
        assert sum(row.values()) == pytest.approx(1.0)

    text = runner.invoke(app, ["draw", source, "--round", "Round of 16"]).output
    assert " / " not in text
    psg = next(t for t in ties if t["winner"] == "Paris Saint-Germain FC")
    assert f"  Paris Saint-Germain FC: {psg['team1']} v {psg['team2']}, {psg['explanation']}" in (
        text
    )
