"""Shared fixtures: where the real data lives, and skipping cleanly when it is absent."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from matchday.store.database import Database

TOGETHER = {"tests/draw/test_europa_league.py": "the exact Europa League draw"}
"""Test modules whose tests one test worker runs, one after the other: they share a costly
session fixture that another worker would otherwise wait for, idle (``tests/draw/conftest.py``)."""


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """pytest-xdist's ``load`` distribution, except that the tests of each module of ``TOGETHER``
    go to one worker together. (``--dist loadgroup`` with ``xdist_group`` marks does not group
    under pytest 9: pytest-xdist 3.8 renames the tests through an attribute pytest no longer
    reads.) Each other test is its own unit, handed to whichever worker is nearly idle."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Together(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return TOGETHER.get(nodeid.split("::", 1)[0], nodeid)

    return Together(config, log)


settings.register_profile("matchday", deadline=None)
settings.load_profile("matchday")
"""Property tests assert behaviour, never speed (benchmarks do that): no per-example deadline,
which a busy machine would turn into flaky failures."""

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("MATCHDAY_SHARED_DATA", REPO.parent / "shared" / "data"))
OPENFOOTBALL = SHARED_DATA / "openfootball"
OPENFOOTBALL_CL = OPENFOOTBALL / "champions-league"
OPENFOOTBALL_CLUBS = OPENFOOTBALL / "clubs"
FACTS = SHARED_DATA / "facts" / "europa-league-2017-18-knockout.txt"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(
            f"real data not found at {path} (set MATCHDAY_SHARED_DATA or clone beside shared/)"
        )
    return path


def cut_before(source: Path, marker: str, into: Path) -> Path:
    """A copy of the real file ``source`` in ``into`` (a test's ``tmp_path``, never the repo)
    that ends before its first line equal to ``marker`` (stripped): the file as a sports desk
    had it that night. Skips when the data is absent."""
    lines = _require(source).read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == marker)
    cut = into / source.name
    cut.write_text("".join(lines[:at]), encoding="utf-8")
    return cut


@pytest.fixture(scope="session")
def openfootball_cl() -> Path:
    """The openfootball champions-league folder (CL, EL, Conference League files)."""
    return _require(OPENFOOTBALL_CL)


@pytest.fixture(scope="session")
def facts_file() -> Path:
    """The verified facts of the Europa League 2017-18 knockout stage."""
    return _require(FACTS)


@pytest.fixture(scope="session")
def openfootball_clubs() -> Path:
    """The openfootball clubs folder (club names and their alternative spellings)."""
    return _require(OPENFOOTBALL_CLUBS)


POSTGRES_URL_VARIABLE = "MATCHDAY_TEST_POSTGRES_URL"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh, empty database: a SQLite file, or PostgreSQL when MATCHDAY_TEST_POSTGRES_URL is
    set (its public schema is emptied first, so point it at a database kept for tests)."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        return f"sqlite:///{tmp_path / 'matchday.db'}"
    from tests.service_support import empty_postgres

    empty_postgres(url)
    return url


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """A migrated database holding the night of 22 February 2018 before kick-off."""
    from matchday.rules import UEFA_CLASSIC
    from matchday.store.seasons import save_season
    from tests.service_support import night_before_kick_off

    database = Database(database_url)
    database.upgrade()
    with database.write() as session:
        save_season(session, night_before_kick_off(), UEFA_CLASSIC)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def openfootball() -> Path:
    """The openfootball folder: champions-league, football.json and clubs."""
    return _require(OPENFOOTBALL / "clubs").parent
