"""Helpers shared by the store and service tests: an emptied PostgreSQL schema, the night."""

from __future__ import annotations

import datetime as dt

from matchday.feed import unplayed
from matchday.io.load import load
from matchday.model import Season

NIGHT = dt.date(2018, 2, 22)
"""The night of the Europa League round-of-32 second legs in the bundled data."""


def empty_postgres(url: str) -> None:
    """Drop everything in the public schema of the PostgreSQL database at ``url``."""
    from sqlalchemy import create_engine, text

    from matchday.store.database import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def night_before_kick_off() -> Season:
    """The bundled Europa League 2017-18, with the second legs of 22 February 2018 unplayed."""
    return unplayed(load("europa-league-2017-18"), NIGHT)
