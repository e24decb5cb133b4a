"""The writer thread: a write whose request was cancelled (its client gone, or cut off when the
server stopped), or a change it cannot announce, ends neither the writer nor the writes after
it."""

from __future__ import annotations

import threading
from types import TracebackType

import pytest

from matchday.feed import EventKind, MatchEvent
from matchday.model import Side
from matchday.service.bus import Hub, LocalBus
from matchday.service.writer import Writer
from matchday.store.database import Database
from matchday.store.events import Change, Post
from matchday.store.folded import FoldedTies
from matchday.store.ties import load_tie, tie_ids_on_date
from tests.service_support import NIGHT


class Held:
    """A turn held by the test until it lets go; ``asked`` is set once the writer wants it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.asked = threading.Event()

    def __enter__(self) -> None:
        self.asked.set()
        self.lock.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.lock.release()


def test_a_cancelled_write_is_skipped_and_the_writer_goes_on(db: Database) -> None:
    with db.read() as session:
        first, second = (load_tie(session, i) for i in tie_ids_on_date(session, NIGHT)[:2])
    turn = Held()
    writer = Writer(db, FoldedTies(), LocalBus(Hub(lambda _: {}), db), turn)
    kick_off = MatchEvent(EventKind.KICK_OFF)
    try:
        with turn.lock:
            storing = writer.submit(Post(first.legs[1].match_id, "ko", kick_off))
            assert turn.asked.wait(10)  # the writer has it, and waits for its turn
            gone = writer.submit(Post(second.legs[1].match_id, "ko", kick_off))
            assert gone.cancel()  # as asyncio.wrap_future does when a request is cancelled
        assert storing.result(10).change is not None
        after = writer.submit(Post(second.legs[1].match_id, "ko-again", kick_off))
        assert after.result(10).change is not None
        with db.read() as session:
            assert load_tie(session, second.id).legs[1].events[0].id == after.result().event.id
    finally:
        writer.stop()


class Failing(LocalBus):
    """A bus that fails to announce a change (the hub gone as the service stops)."""

    def committed(self, change: Change) -> None:
        raise RuntimeError("Event loop is closed")


def test_a_change_that_cannot_be_announced_is_stored_and_answered(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    with db.read() as session:
        (tie_id, *_) = tie_ids_on_date(session, NIGHT)
        match_id = load_tie(session, tie_id).legs[1].match_id
    writer = Writer(db, FoldedTies(), Failing(Hub(lambda _: {}), db))
    kick_off, goal = MatchEvent(EventKind.KICK_OFF), MatchEvent(EventKind.GOAL, 3, side=Side.HOME)
    try:
        assert writer.submit(Post(match_id, "ko", kick_off)).result(10).change is not None
        assert writer.submit(Post(match_id, "goal", goal)).result(10).change is not None
    finally:
        writer.stop()
    assert "announcing 1 changes failed" in caplog.text
