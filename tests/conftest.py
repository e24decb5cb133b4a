"""Shared fixtures: where the real data lives, and skipping cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("MATCHDAY_SHARED_DATA", REPO.parent / "shared" / "data"))
OPENFOOTBALL = SHARED_DATA / "openfootball"
OPENFOOTBALL_CL = OPENFOOTBALL / "champions-league"
FACTS = SHARED_DATA / "facts" / "europa-league-2017-18-knockout.txt"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"real data not found at {path} (set MATCHDAY_SHARED_DATA or clone beside shared/)"
        )
    return path


@pytest.fixture(scope="session")
def openfootball_cl() -> Path:
    """The openfootball champions-league folder (CL, EL, Conference League files)."""
    return _require(OPENFOOTBALL_CL)


@pytest.fixture(scope="session")
def facts_file() -> Path:
    """The verified facts of the Europa League 2017-18 knockout stage."""
    return _require(FACTS)


@pytest.fixture(scope="session")
def openfootball() -> Path:
    """The openfootball folder: champions-league, football.json and clubs."""
    return _require(OPENFOOTBALL / "clubs").parent
