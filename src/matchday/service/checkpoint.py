"""SQLite's WAL checkpoints off the write path.

By default the connection whose commit takes the WAL past 1,000 pages copies the WAL into the
database file there and then, inside its commit. During an upload (a few MB of pages every few
seconds) that fell on the event writer: a batch of goals took 0.5-0.9 s to commit instead of
about 25 ms, a few times a minute (the acknowledgement tail: 6 of 588 batches in a load run).
The service's connections (and its upload worker's) therefore never checkpoint on commit, and a
thread of their own checkpoints every ``EVERY_SECONDS`` (PASSIVE: it never waits for a writer
or a reader, and a writer never waits for it).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import event

from matchday.store.database import Database

__all__ = ["EVERY_SECONDS", "Checkpointer", "no_checkpoint_on_commit"]

EVERY_SECONDS = 0.5
"""How often the WAL is copied into the database file."""

log = logging.getLogger("matchday.service")


def no_checkpoint_on_commit(database: Database) -> None:
    """Make the database's SQLite connections leave checkpoints to a ``Checkpointer`` (call
    before the first connection; nothing for PostgreSQL)."""
    if database.sqlite:
        event.listen(database.engine, "connect", _no_auto_checkpoint)


def _no_auto_checkpoint(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


class Checkpointer:
    """A thread that checkpoints an SQLite database's WAL every ``EVERY_SECONDS``."""

    def __init__(self, database: Database, every: float = EVERY_SECONDS) -> None:
        self._database = database
        self._every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start checkpointing (nothing for PostgreSQL)."""
        if self._database.sqlite and self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="matchday-wal", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop, after one last checkpoint."""
        if self._thread is not None:
            self._stop.set()
            self._thread.join(30)
            self._thread = None

    def checkpoint(self) -> None:
        """Copy what the WAL holds into the database file, as far as readers allow."""
        connection = self._database.engine.raw_connection()  # no BEGIN: a checkpoint runs alone
        try:
            cursor = connection.cursor()
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
            cursor.close()
        finally:
            connection.close()

    def _run(self) -> None:
        while True:
            stopping = self._stop.wait(self._every)
            try:
                self.checkpoint()
            except Exception:  # a failed checkpoint is retried at the next one
                log.exception("checkpointing the WAL failed")
            if stopping:
                return
