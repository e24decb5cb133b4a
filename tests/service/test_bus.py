"""The PostgreSQL bus: a change committed while a process was not listening (its connection
lost, or before it first listened) still reaches that process's hub, once, in order."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from typing import Any

import psycopg
import pytest
from sqlalchemy import text

from matchday.feed import EventKind, MatchEvent
from matchday.model import Side
from matchday.service.bus import Hub, PostgresBus
from matchday.store.database import Database
from matchday.store.events import Change, post_event
from matchday.store.ties import load_tie, tie_ids_on_date
from tests.conftest import POSTGRES_URL_VARIABLE
from tests.service_support import NIGHT

pytestmark = pytest.mark.skipif(
    not os.environ.get(POSTGRES_URL_VARIABLE),
    reason=f"needs PostgreSQL: set {POSTGRES_URL_VARIABLE} (.ci/postgres starts one)",
)


def _post(db: Database, bus: PostgresBus, match_id: int, key: str, event: MatchEvent) -> int:
    """Post as another process would: the change announced with NOTIFY in its transaction."""
    with db.write() as session:
        change = post_event(session, match_id, key, event).change
        assert change is not None
        bus.stage(session, change)
    return change.id


def test_a_change_committed_while_the_listener_was_away_reaches_the_hub(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.read() as session:
        match_id = load_tie(session, tie_ids_on_date(session, NIGHT)[0]).legs[1].match_id
    heard: list[Change] = []
    bus = PostgresBus(Hub(lambda _: {}, heard.append), db)
    back = asyncio.Event()  # the lost connection comes back only once this is set
    connect = psycopg.AsyncConnection.connect
    connections = 0

    async def connect_later(*args: Any, **kwargs: Any) -> psycopg.AsyncConnection[Any]:
        nonlocal connections
        connections += 1
        if connections > 1:
            await back.wait()
        return await connect(*args, **kwargs)

    monkeypatch.setattr(psycopg.AsyncConnection, "connect", connect_later)
    kick_off = MatchEvent(EventKind.KICK_OFF)
    goal = MatchEvent(EventKind.GOAL, 10, side=Side.HOME)

    async def scenario() -> tuple[int, int]:
        await bus.start()
        try:
            await asyncio.wait_for(bus.listening.wait(), 10)
            await asyncio.to_thread(_lose_the_listener, db)
            async with asyncio.timeout(10):
                while bus.listening.is_set():
                    await asyncio.sleep(0.01)
            missed = await asyncio.to_thread(_post, db, bus, match_id, "ko", kick_off)
            back.set()
            await asyncio.wait_for(bus.listening.wait(), 10)
            after = await asyncio.to_thread(_post, db, bus, match_id, "goal", goal)
            async with asyncio.timeout(10):
                while len(heard) < 2:
                    await asyncio.sleep(0.01)
            await asyncio.sleep(0.1)  # a notification heard twice would be in by now
        finally:
            await bus.stop()
        return missed, after

    missed, after = asyncio.run(scenario())
    assert [change.id for change in heard] == [missed, after]


def _lose_the_listener(db: Database) -> None:
    with db.read() as session:
        ended = session.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE query LIKE 'LISTEN%' AND datname = current_database()"
            )
        )
    assert ended == 1


def test_a_listener_stopped_while_it_reads_what_it_missed_lets_the_read_end_first(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read's pooled connection goes back before the service closes the database: an
    abandoned read left it open, to be found by the garbage collector."""
    bus = PostgresBus(Hub(lambda _: {}), db)
    reading, ended = threading.Event(), threading.Event()
    unheard = bus._unheard_now

    def slow_unheard() -> list[Change]:
        reading.set()
        time.sleep(0.3)
        found = unheard()
        ended.set()
        return found

    monkeypatch.setattr(bus, "_unheard_now", slow_unheard)

    async def scenario() -> bool:
        await bus.start()
        await asyncio.to_thread(reading.wait, 10)
        await bus.stop()
        return ended.is_set()  # asyncio.run waits for every thread: ask before it ends

    assert asyncio.run(scenario())
