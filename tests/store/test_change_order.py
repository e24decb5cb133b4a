"""Change ids commit in the order they are taken, so a reader never sees a change before an older
one: a stream that resumes after the newest change it saw (``Last-Event-ID``) misses nothing.

With PostgreSQL several service processes write at once: without care, two writes take ids 41
and 42, 42 commits first, a client hears 42, reconnects "after 42" and never gets 41.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from matchday.feed import EventKind, MatchEvent
from matchday.store.database import Database
from matchday.store.events import Post, write_batch
from matchday.store.folded import FoldedTies
from matchday.store.ties import (
    latest_change_id,
    load_tie,
    tie_ids_changed_since,
    tie_ids_on_date,
)
from tests.service_support import NIGHT

KICK_OFF = MatchEvent(EventKind.KICK_OFF)


def _waiting_or_done(database: Database, writer: threading.Thread) -> None:
    """Return once ``writer`` has finished or waits for a lock another transaction holds
    (SQLite's writer waits for the open write transaction, ``BEGIN IMMEDIATE``, all along)."""
    if not database.postgres:
        writer.join(0.5)
        return
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
    )
    deadline = time.monotonic() + 10
    while writer.is_alive() and time.monotonic() < deadline:
        with database.read() as session:
            if session.scalar(waiting):
                return
        writer.join(0.05)


def test_a_reader_never_sees_a_change_before_an_older_one_still_committing(
    db: Database, database_url: str
) -> None:
    with db.read() as session:
        first, second = (load_tie(session, i) for i in tie_ids_on_date(session, NIGHT)[:2])
    other = Database(database_url)  # a second service process on the same database
    taken, release = threading.Event(), threading.Event()

    def slow() -> None:  # takes its change id first, commits last
        with db.write() as session:
            write_batch(session, FoldedTies(), [Post(first.legs[1].match_id, "a", KICK_OFF)])
            taken.set()
            release.wait(20)

    def quick() -> None:
        with other.write() as session:
            write_batch(session, FoldedTies(), [Post(second.legs[1].match_id, "b", KICK_OFF)])

    slow_writer = threading.Thread(target=slow)
    slow_writer.start()
    try:
        assert taken.wait(10)
        quick_writer = threading.Thread(target=quick)
        quick_writer.start()
        _waiting_or_done(other, quick_writer)
        with other.read() as session:
            heard = latest_change_id(session)  # what a stream would send as its id now
    finally:
        release.set()
        slow_writer.join(20)
    quick_writer.join(20)
    with other.read() as session:
        resumed = set(tie_ids_changed_since(session, heard))  # the client reconnects
    other.dispose()
    assert first.id in resumed, "the change that committed late was skipped"
