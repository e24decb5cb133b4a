"""Uploads and the event writer take turns on one lock, an upload a small block at a time."""

from __future__ import annotations

import threading
from concurrent.futures import wait
from types import TracebackType

from matchday.feed import EventKind, MatchEvent
from matchday.io.footballtxt import parse
from matchday.rules import UEFA_CLASSIC
from matchday.service.core import Service, Settings
from matchday.service.upload import BLOCK_TIES, store_staged
from matchday.store.database import Database
from matchday.store.events import Post
from matchday.store.ties import tie_ids_on_date
from tests.service_support import NIGHT


class Counted:
    """A turn that counts how often it was taken."""

    def __init__(self) -> None:
        self.taken = 0
        self.lock = threading.Lock()

    def __enter__(self) -> None:
        self.lock.acquire()
        self.taken += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.lock.release()


def _season(ties: int) -> str:
    lines = ["= Turn Cup 2017/18", "", "» Round of 32", "  Thu Feb/15 2018"]
    lines += [f"    Home {i:04d} (AAA) v Away {i:04d} (BBB) 1-0" for i in range(ties)]
    lines += ["  Thu Feb/22 2018"]
    lines += [f"    Away {i:04d} (BBB) v Home {i:04d} (AAA)" for i in range(ties)]
    return "\n".join(lines) + "\n"


def test_an_upload_stores_small_blocks_each_in_its_turn(database_url: str) -> None:
    database = Database(database_url)
    database.upgrade()
    turn = Counted()
    ties = 2 * BLOCK_TIES + 1
    stored = store_staged(database, parse(_season(ties), "turn.txt"), UEFA_CLASSIC, turn=turn)
    (added,) = stored.rounds
    assert (added.ties, added.matches) == (ties, 2 * ties)
    assert turn.taken == 3 + 1  # three blocks of at most BLOCK_TIES ties, then shown
    with database.read() as session:
        assert len(tie_ids_on_date(session, NIGHT)) == ties
    database.dispose()


def test_a_goal_waits_for_the_turn_an_upload_holds(database_url: str) -> None:
    service = Service(Settings(database_url=database_url))
    service.database.upgrade()
    try:
        service.upload(_season(2), "turn.txt", None, None)
        with service.database.read() as session:
            tie_id = tie_ids_on_date(session, NIGHT)[0]
        match_id = service.views([tie_id])[tie_id]["legs"][1]["match_id"]
        with service.uploads.turn:  # an upload's block being stored
            pending = service.writer.submit(Post(match_id, "ko", MatchEvent(EventKind.KICK_OFF)))
            done, _ = wait([pending], timeout=0.2)
            assert not done  # committed only once the block is
        written = pending.result(timeout=30)
        assert written.change is not None
        assert written.event.event.kind is EventKind.KICK_OFF
    finally:
        service.close()
