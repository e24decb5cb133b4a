"""``matchday fit`` on data that holds no result before the date: one clear line, exit 1,
and no ratings file of no teams written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL


def test_no_results_before_the_date_is_an_error_not_an_empty_model(tmp_path: Path) -> None:
    """The open data starts in 2010: fitted before 1990 there is nothing to fit (it wrote a
    file of no teams, from which forecasts came out all alike)."""
    if not OPENFOOTBALL.exists():
        pytest.skip(f"real data not found at {OPENFOOTBALL}")
    out = tmp_path / "model.json"
    done = run("fit", "--data", str(OPENFOOTBALL), "--before", "1990-01-01", "-o", str(out))
    assert done.returncode == 1
    assert "no results before 1990-01-01 to fit ratings on" in done.stderr
    assert not out.exists()


def test_no_internationals_before_the_date_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "international"
    folder.mkdir()
    (folder / "results.csv").write_text(
        "date,home_team,away_team,home_score,away_score,tournament,city,country,neutral\n"
        "2019-06-01,Belgium,Kazakhstan,3,0,UEFA Euro qualification,Brussels,Belgium,FALSE\n",
        encoding="utf-8",
    )
    out = tmp_path / "national.json"
    done = run("fit", "--international", str(folder), "--before", "1990-01-01", "-o", str(out))
    assert done.returncode == 1
    assert "no internationals before 1990-01-01 to fit on" in done.stderr
    assert not out.exists()
