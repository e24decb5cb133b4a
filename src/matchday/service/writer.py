"""The one writer of a service process: every event write goes through it, in batches.

Writes wait in a queue; the writer thread takes all that are waiting (up to ``MAX_BATCH``),
stores them in one transaction (``write_batch``: each checked against its tie's folded state,
one commit for all, taking turns with an upload's blocks: ``matchday.service.upload``), keeps
the ties as changed, announces the changes, and only then answers each write: an acknowledged
event is on disk. While one batch commits the next one gathers, so
under load a commit (an fsync with SQLite) serves many writes, and when idle a write commits
alone at once. Writes that conflict with another process's (the same idempotency key at the
same moment) are retried one by one, so one bad write never fails its neighbours.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future

from matchday.errors import ConflictError, MatchdayError
from matchday.service.bus import Bus
from matchday.service.upload import NO_TURN, Turn
from matchday.store.database import Database
from matchday.store.events import Batch, Write, Written, write_batch
from matchday.store.folded import FoldedTies

__all__ = ["MAX_BATCH", "Writer"]

MAX_BATCH = 256
"""Writes stored in one transaction at most."""

log = logging.getLogger("matchday.service")

_Job = tuple[Write, "Future[Written]"]


class Writer:
    """A thread that stores queued writes in batches (see the module doc)."""

    def __init__(
        self, database: Database, folded: FoldedTies, bus: Bus, turn: Turn = NO_TURN
    ) -> None:
        self._database = database
        self._turn = turn
        self._folded = folded
        self._bus = bus
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def submit(self, write: Write) -> Future[Written]:
        """Queue a write; the future gives its ``Written`` once committed, or its error."""
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="matchday-writer", daemon=True
                )
                self._thread.start()
        done: Future[Written] = Future()
        self._queue.put((write, done))
        return done

    def stop(self) -> None:
        """Store what is queued, then end the thread (the next write starts a new one)."""
        with self._start_lock:
            if self._thread is not None:
                self._queue.put(None)
                self._thread.join(30)
                self._thread = None

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            jobs = [first]
            stop = False
            while len(jobs) < MAX_BATCH:
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stop = True
                    break
                jobs.append(job)
            self._store(jobs)
            if stop:
                return

    def _store(self, jobs: Sequence[_Job]) -> None:
        # a write whose request was cancelled (its client gone, or cut off as the server
        # stopped) is not stored: no one is waiting for its answer, and answering it would
        # raise here and end the writer
        jobs = [job for job in jobs if job[1].set_running_or_notify_cancel()]
        if jobs:
            self._store_running(jobs)

    def _store_running(self, jobs: Sequence[_Job]) -> None:
        try:
            batch = self._commit([write for write, _ in jobs])
        except ConflictError as err:
            if len(jobs) > 1:  # a key raced another process: find the write it concerns
                for job in jobs:
                    self._store_running([job])
                return
            jobs[0][1].set_exception(err)
            return
        except Exception as err:  # the database failed: no write of the batch is stored
            log.exception("storing %d writes failed", len(jobs))
            for _, done in jobs:
                done.set_exception(err)
            return
        for tie_id, (version, tie) in batch.ties.items():
            self._folded.keep(tie_id, version, tie)
        try:
            for change in batch.changes:
                self._bus.committed(change)
        except Exception:  # stored all the same: the writes are answered
            log.exception("announcing %d changes failed", len(batch.changes))
        for (_, done), result in zip(jobs, batch.results, strict=True):
            if isinstance(result, MatchdayError):
                done.set_exception(result)
            else:
                done.set_result(result)

    def _commit(self, writes: list[Write]) -> Batch:
        with self._turn, self._database.write() as session:
            batch = write_batch(session, self._folded, writes)
            for change in batch.changes:
                self._bus.stage(session, change)
        return batch
