"""The store's tests share one fixture: a migrated database holding the night of 22 February
2018 before kick-off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from matchday.rules import UEFA_CLASSIC
from matchday.store.database import Database
from matchday.store.seasons import save_season
from tests.service_support import night_before_kick_off


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    database.upgrade()
    with database.write() as session:
        save_season(session, night_before_kick_off(), UEFA_CLASSIC)
    yield database
    database.dispose()
