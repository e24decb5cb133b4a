"""``matchday forecast SOURCE --tie TEAM`` of national teams, on the real World Cup files: the
national ratings fitted on the internationals before the match (as ``matchday match`` takes
them), the era's extra time, a host nation at home, two-legged qualifying ties, in play."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from matchday.cli import app
from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL, SHARED_DATA, _require

runner = CliRunner()
WORLD_CUP = OPENFOOTBALL / "worldcup"
BUNDLED = "europa-league-2017-18"


@pytest.fixture(scope="module")
def international() -> Path:
    return _require(SHARED_DATA / "international")


@pytest.fixture(scope="module")
def qatar() -> Path:
    return _require(WORLD_CUP / "2022--qatar")


@pytest.fixture(scope="module")
def korea_japan() -> Path:
    return _require(WORLD_CUP / "2002--south-korea-n-japan")


def _json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _final(qatar: Path, international: Path, *more: str) -> dict[str, Any]:
    args = ("forecast", str(qatar), "--tie", "Argentina", "--round", "Final")
    return _json(*args, "--international", str(international), *more)


def test_the_2022_final_before_kick_off_is_the_match_command_s_knockout(
    qatar: Path, international: Path
) -> None:
    """Before kick-off (--as-of the day), the tie forecast is ``matchday match Argentina France
    --knockout --ground neutral`` on that date: the same ratings, fitted on the results before
    it, the same ground and rules; the model says where the ratings come from."""
    tie = _final(qatar, international, "--as-of", "2022-12-18")
    args = ("Argentina", "France", "--knockout", "--ground", "neutral", "--date", "2022-12-18")
    ko = _json("match", *args, "--international", str(international))["knockout"]
    assert tie["stage"] == "before the match"
    assert tie["rules"] == ko["rules"] == "extra-time-penalties"
    through = tie["through"]
    assert sum(through.values()) == pytest.approx(1, abs=1e-9)
    assert through["Argentina"] == pytest.approx(ko["home_through"], abs=1e-4)
    assert through["France"] == pytest.approx(ko["away_through"], abs=1e-4)
    assert tie["extra_time"] == pytest.approx(ko["extra_time"], abs=1e-4)
    assert tie["penalties"] == pytest.approx(ko["penalties"], abs=1e-4)
    assert tie["model"]["file"] == f"fitted on {international}"
    assert tie["model"]["as_of"] == "2022-12-18"
    assert tie["ratings"]["Argentina"]["basis"] == "fitted"


def test_the_2022_final_in_play_at_2_2_after_100_minutes(qatar: Path, international: Path) -> None:
    """2-2 after 100 minutes: extra time is being played, penalties may or may not come."""
    tie = _final(qatar, international, "--score", "2-2", "--minute", "100")
    assert tie["stage"] == "in play"
    assert tie["in_play"]["score"] == [2, 2]
    assert tie["in_play"]["minute"] == 100
    assert tie["extra_time"] == pytest.approx(1, abs=1e-9)
    assert 0 < tie["penalties"] < 1
    assert sum(tie["through"].values()) == pytest.approx(1, abs=1e-9)
    assert tie["model"]["as_of"] == "2022-12-18"  # nothing of the final's day or after


def test_the_2002_round_of_16_is_under_the_golden_goal_with_the_host_at_home(
    korea_japan: Path, international: Path
) -> None:
    """South Korea v Italy, 18 June 2002 in Daejeon: the golden goal of the era, and Korea,
    a host, at home (``matchday match --ground home --rules golden-goal``). In play at 1-1
    after 100 minutes the first goal ends it: no 2-2, and fewer shoot-outs than if 30 minutes
    were played out."""
    args = ("forecast", str(korea_japan), "--tie", "South Korea", "--round", "Round of 16")
    args += ("--international", str(international))
    before = _json(*args, "--as-of", "2002-06-18")
    assert before["rules"] == "golden-goal"
    home = ("South Korea", "Italy", "--knockout", "--rules", "golden-goal", "--date", "2002-06-18")
    ko = _json("match", *home, "--ground", "home", "--international", str(international))
    assert before["through"]["South Korea"] == pytest.approx(ko["knockout"]["home_through"], 1e-3)
    assert before["legs"][0]["expected_goals"][0] == pytest.approx(ko["expected_goals"][0], 1e-3)
    in_play = ("--score", "1-1", "--minute", "100")
    golden = _json(*args, *in_play)
    thirty = _json(*args, *in_play, "--rules", "extra-time-penalties")
    assert golden["extra_time"] == pytest.approx(1, abs=1e-9)
    assert 0 < golden["penalties"] < thirty["penalties"] < 1
    scores = {tuple(a["aggregate"]) for a in golden["aggregates"] if a["probability"] > 1e-9}
    assert (2, 2) not in scores
    assert (2, 2) in {tuple(a["aggregate"]) for a in thirty["aggregates"]}


def test_a_two_legged_qualifying_tie(international: Path) -> None:
    """Egypt v Senegal, CAF's third round for 2022: 1-0 in Cairo, then Dakar. Between the legs
    each side is at home in its own leg; in play at 1-0 to Senegal after 100 minutes, extra
    time is certain (1-1 on aggregate)."""
    source = _require(WORLD_CUP / "rsssf" / "2022q.txt")
    args = ("forecast", str(source), "--tie", "Egypt", "--round", "Africa (CAF), Round 3")
    args += ("--international", str(international))
    between = _json(*args, "--as-of", "2022-03-27")
    assert between["stage"] == "between the legs"
    assert between["first_leg"] == [1, 0]
    first, second = between["legs"]
    assert (first["home"], second["home"]) == ("Egypt", "Senegal")
    assert first["expected_goals"][0] > second["expected_goals"][1]  # Egypt at home, away
    assert sum(between["through"].values()) == pytest.approx(1, abs=1e-9)
    assert between["through"]["Egypt"] > 0.5
    live = _json(*args, "--score", "1-0", "--minute", "100")
    assert live["stage"] == "in play (leg 2)"
    assert live["extra_time"] == pytest.approx(1, abs=1e-9)
    assert 0 < live["penalties"] < 1


def test_without_national_ratings_for_the_date_a_clear_error(
    korea_japan: Path, tmp_path: Path
) -> None:
    """Away from the shared data (no internationals to fit on) 2002 is before every shipped
    national rating: one line saying what to give."""
    copy = shutil.copytree(korea_japan, tmp_path / "copy" / korea_japan.name)
    done = run("forecast", str(copy), "--tie", "South Korea", "--round", "Round of 16",
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert "no shipped national-team ratings from before 2002-06-" in done.stderr
    assert "--international" in done.stderr


def test_a_club_tie_and_a_national_tie_have_one_shape(qatar: Path, tmp_path: Path) -> None:
    """A club tie is forecast as before, by the shipped club ratings; a national tie from the
    shipped national ratings (no internationals near a copy of the file) says so, and why, in
    the same keys."""
    club = _json("forecast", BUNDLED, "--tie", "Atalanta", "--score", "1-0", "--minute", "60")
    assert club["model"]["file"].endswith(".json")
    assert not club["model"]["file"].startswith(("shipped", "fitted"))
    copy = shutil.copytree(qatar, tmp_path / "copy" / qatar.name)
    args = ("--tie", "Argentina", "--round", "Final", "--as-of", "2022-12-18", "--json")
    done = run("forecast", str(copy), *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    national = json.loads(done.stdout)
    assert national.keys() == club.keys()
    assert national["model"]["file"] == "shipped international-before-2022-11-20.json"
    assert "no international results at" in national["model"]["note"]
    assert sum(national["through"].values()) == pytest.approx(1, abs=1e-9)
