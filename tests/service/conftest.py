"""A service on a fresh database with two ties of the night of 22 February 2018 before kick-off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from matchday.service import Settings, create_app

TOKEN = "s3cret-desk-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

NIGHT_FILE = """= UEFA Europa League 2017/18

» Round of 32
  Thu Feb/15 2018
    Borussia Dortmund (GER)    v Atalanta (ITA)              3-2 (1-0)
    Östersunds FK (SWE)        v Arsenal FC (ENG)            0-3 (0-2)
  Thu Feb/22 2018
    Atalanta (ITA)             v Borussia Dortmund (GER)
    Arsenal FC (ENG)           v Östersunds FK (SWE)
"""


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """The service with the two ties uploaded through the API."""
    app = create_app(Settings(database_url=database_url, token=TOKEN))
    with TestClient(app) as test_client:
        response = test_client.post(
            "/api/seasons",
            files={"file": ("night.txt", NIGHT_FILE.encode())},
            headers=AUTH,
        )
        assert response.status_code == 201, response.text
        yield test_client


SECOND_COMPETITION_FILE = """= UEFA Champions League 2017/18

» Round of 16
  Tue Feb/13 2018
    Juventus (ITA)             v Tottenham Hotspur (ENG)     2-2 (2-1)
  Thu Feb/22 2018
    Tottenham Hotspur (ENG)    v Juventus (ITA)
"""
"""A tie of another competition on the test night (its second leg moved to 22 February)."""
