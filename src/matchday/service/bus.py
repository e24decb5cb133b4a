"""Announcing changes to every open stream, in this process and, with PostgreSQL, in all.

A write journals its change in the database; the bus then tells every service process. With
SQLite (one process) the change goes straight to this process's hub after the commit. With
PostgreSQL the write sends ``NOTIFY matchday_changes`` inside its transaction, so the
notification leaves exactly when the change is committed, and each process's listener
(``LISTEN``, no broker) hands it to its own hub; whenever it starts listening (again), it
first hands over the changes committed while it was not (``Bus.heard``: changes commit in id
order, ``matchday.store.database.journal_turn``, so they reach every hub in that order, each
once). The hub builds each changed tie's JSON once per change, off the write path (in a thread
of its own, after the commit), and gives the same serialised text to every subscriber that
follows that tie. With a forecaster it pushes in two
steps: first the tie's new state with its previous forecast (``Service.sketch``: no in-play
forecast on the way from a goal to the streams), then, from a second task that takes only the
newest version of each tie still waiting, the complete JSON with the new forecast; a stream
never gets an older version of a tie after a newer one. A quick view is sent without an
``id:`` and the complete one with it, so each id is sent once, with the chances of its state
(``Subscriber.stamp``). When a tie's state cannot be built (a database error), the streams that
may follow it end rather than go on past that change: each client reconnects from its last id
and is sent the tie's state then.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

import psycopg
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from matchday.service.views import Shown
from matchday.store.database import Database
from matchday.store.events import Action, Change, changes_after
from matchday.store.ties import latest_change_id

__all__ = [
    "CHANNEL",
    "Bus",
    "Hub",
    "LocalBus",
    "PostgresBus",
    "Pushed",
    "Subscriber",
    "make_bus",
    "notify",
]

CHANNEL = "matchday_changes"
"""The PostgreSQL notification channel."""

log = logging.getLogger("matchday.service")

Views = Callable[[list[int]], Mapping[int, Shown]]
"""The JSON of the ties with these ids, built once per version of each and shared."""


class Pushed(NamedTuple):
    """A tie's state waiting to be sent: the change it was built for, the tie, its JSON text,
    and whether it is complete (False: a quick view, its forecast to follow)."""

    change_id: int
    tie_id: int
    text: str
    complete: bool = True


@dataclass(eq=False)
class Subscriber:
    """One open stream: which ties it follows and the newest message of each not yet sent.

    Only the newest state of a tie is kept, so a slow reader skips states it has not read yet
    instead of piling them up; the state it gets next is always complete and current.

    It also keeps the stream's position, the ``id:`` of its messages (``stamp``): the newest
    change whose complete state it has sent, below every quick view whose complete state it
    has not sent yet. Ids are sent once each and only go up; a quick view carries none, so a
    client that reconnects after it (``Last-Event-ID``) is sent the complete state again.
    """

    follows: Callable[[dict[str, Any]], bool]
    tie_id: int | None = None
    """The one tie it follows, when it follows one: other ties' states are not built for it."""
    pending: dict[int, Pushed] = field(default_factory=dict)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    sent_id: int = 0
    """The last ``id:`` sent."""
    closed: bool = False
    """The service is stopping: the stream sends what is pending and ends (``Hub.close``)."""
    _newest: int = 0
    _unfinished: dict[int, int] = field(default_factory=dict)
    """Ties sent as a quick view and not yet complete, each with the oldest such change."""

    def close(self) -> None:
        """End the stream once it has sent what is pending."""
        self.closed = True
        self.ready.set()

    def offer(self, change_id: int, view: dict[str, Any], text: str, complete: bool = True) -> None:
        """Queue the newest state of a tie, ``text`` its JSON (replacing an unsent older one);
        nothing once the stream is closed: its client reconnects from its last id for it."""
        if not self.closed and self.follows(view):
            self.pending[view["id"]] = Pushed(change_id, view["id"], text, complete)
            self.ready.set()

    async def next_batch(self) -> list[Pushed]:
        """Wait for pending states and take them all, oldest change first (none when the
        stream is closed)."""
        await self.ready.wait()
        self.ready.clear()
        batch = sorted(self.pending.values(), key=lambda item: item.change_id)
        self.pending.clear()
        return batch

    def stamp(self, pushed: Pushed) -> int | None:
        """The ``id:`` to send with ``pushed`` (``None``: none), the stream's position once it
        is sent (see the class docstring)."""
        if pushed.complete:
            self._unfinished.pop(pushed.tie_id, None)
        else:
            oldest = self._unfinished.get(pushed.tie_id, pushed.change_id)
            self._unfinished[pushed.tie_id] = min(oldest, pushed.change_id)
        return self.caught_up(pushed.change_id)

    def caught_up(self, change_id: int) -> int | None:
        """The ``id:`` to send once the states up to change ``change_id`` are sent (``None``:
        none), the stream's position then."""
        self._newest = max(self._newest, change_id)
        position = min([self._newest, *(c - 1 for c in self._unfinished.values())])
        if position <= self.sent_id:
            return None
        self.sent_id = position
        return position


class Hub:
    """This process's subscribers, and the task that turns changes into tie states for them."""

    def __init__(
        self,
        views: Views,
        seen: Callable[[Change], None] = lambda _: None,
        sketch: Views | None = None,
    ) -> None:
        self._views = views
        self._seen = seen
        self._sketch = sketch
        """Builds the quick views pushed first (``None``: the complete views at once)."""
        self._offered: dict[int, tuple[int, bool]] = {}
        """Each tie's newest version offered to the streams, and whether it was complete."""
        self._unfinished: dict[int, int] = {}
        """Ties pushed as a quick view, each with its newest change: the complete one to come."""
        self._idle = asyncio.Event()
        """Set while no quick views are being built."""
        self._idle.set()
        self._wake: asyncio.Event | None = None
        self._finisher: asyncio.Task[None] | None = None
        self._subscribers: set[Subscriber] = set()
        self._by_tie: dict[int | None, set[Subscriber]] = {}
        """The subscribers of each tie id, and under ``None`` those of a night, a round or all."""
        self._changes: asyncio.Queue[Change] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    def start(self) -> None:
        """Start handing out changes (call from the event loop)."""
        self._closed = False
        self._loop = asyncio.get_running_loop()
        self._changes = asyncio.Queue()
        self._task = asyncio.create_task(self._run(self._changes), name="matchday-hub")
        self._wake = asyncio.Event()
        self._finisher = asyncio.create_task(self._finish(self._wake), name="matchday-finish")

    async def stop(self) -> None:
        """Stop the tasks."""
        for task in (self._task, self._finisher):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._loop = self._changes = self._task = self._finisher = self._wake = None

    def close(self) -> None:
        """End every open stream, and each stream opened from now on once it has sent its
        current states: the service is stopping (``matchday serve``: before the server waits
        for the open requests to finish, which a stream never does by itself). A client's
        EventSource comes back with ``Last-Event-ID`` and misses nothing."""
        self._closed = True
        for subscriber in self._subscribers:
            subscriber.close()

    def subscribe(self, subscriber: Subscriber) -> None:
        """Add an open stream."""
        self._subscribers.add(subscriber)
        self._by_tie.setdefault(subscriber.tie_id, set()).add(subscriber)
        if self._closed:
            subscriber.close()

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Remove a closed stream."""
        self._subscribers.discard(subscriber)
        followers = self._by_tie.get(subscriber.tie_id)
        if followers is not None:
            followers.discard(subscriber)
            if not followers:
                del self._by_tie[subscriber.tie_id]

    @property
    def subscribers(self) -> int:
        """How many streams are open in this process."""
        return len(self._subscribers)

    def deliver(self, change: Change) -> None:
        """Accept a committed change; safe to call from any thread."""
        self._seen(change)
        loop, changes = self._loop, self._changes  # ``stop`` may clear them meanwhile
        if loop is None or changes is None:
            return
        loop.call_soon_threadsafe(changes.put_nowait, change)

    async def _run(self, queue: asyncio.Queue[Change]) -> None:
        while True:
            changes = [await queue.get()]
            while not queue.empty():
                changes.append(queue.get_nowait())
            latest: dict[int, int] = {}
            for change in changes:
                if change.tie_id is not None:
                    latest[change.tie_id] = max(change.id, latest.get(change.tie_id, 0))
            wanted = self._followed(latest)
            if not wanted:
                continue
            build = self._views if self._sketch is None else self._sketch
            self._idle.clear()
            try:
                views = await asyncio.to_thread(self._serialised, build, wanted)
            except Exception:  # a failed read must not end every stream, nor be skipped
                log.exception("building tie states for %s failed", sorted(latest))
                self._end_followers(wanted)
                continue
            finally:
                self._idle.set()
            self._offer(views, latest)
            for tie_id, shown in views.items():
                if not shown.complete:
                    self._unfinished[tie_id] = latest[tie_id]
            if self._unfinished and self._wake is not None:
                self._wake.set()

    async def _finish(self, wake: asyncio.Event) -> None:
        """Push the complete JSON of the ties pushed as quick views, the newest version of
        each (however many changes a tie had while the previous round was forecast)."""
        while True:
            await wake.wait()
            wake.clear()
            latest, self._unfinished = self._unfinished, {}
            wanted = self._followed(latest)
            for begin in range(0, len(wanted), FINISH_CHUNK):
                # the quick views carry the goals: they go first, and a complete view waits
                # rather than share the interpreter with their building
                await self._idle.wait()
                chunk = wanted[begin : begin + FINISH_CHUNK]
                try:
                    views = await asyncio.to_thread(self._serialised, self._views, chunk)
                except Exception:  # a failed read must not end every stream, nor be skipped
                    log.exception("forecasting tie states for %s failed", sorted(chunk))
                    self._end_followers(chunk)
                    continue
                self._offer(views, latest)

    def _offer(self, views: Mapping[int, Shown], latest: dict[int, int]) -> None:
        """Give each tie's JSON to its followers, unless they were given a newer one (a
        complete view counts as newer than a quick view of the same version)."""
        for tie_id, shown in views.items():
            mark = (shown.version, shown.complete)
            offered = self._offered.get(tie_id)
            if offered is not None and mark < offered:
                continue
            self._offered[tie_id] = mark
            followers = self._by_tie.get(tie_id, set())
            if shown.shown_in is None:  # a replay shown in its tie: only its own streams
                followers = followers | self._by_tie.get(None, set())
            for subscriber in followers:
                subscriber.offer(latest[tie_id], shown.data, shown.text, shown.complete)

    def _end_followers(self, tie_ids: list[int]) -> None:
        """End the streams that may follow these ties, whose states could not be built: each
        sends what it has pending (older changes) and ends, and its client reconnects with its
        last id (``Last-Event-ID``), below the change missed, so it is sent that tie's state
        then. Carrying on would send the next change's id and skip this one for good."""
        followers = set(self._by_tie.get(None, set()))
        for tie_id in tie_ids:
            followers |= self._by_tie.get(tie_id, set())
        for subscriber in followers:
            subscriber.close()

    @staticmethod
    def _serialised(views: Views, tie_ids: list[int]) -> Mapping[int, Shown]:
        """The ties' JSON with its text made here, in a worker thread, not in the event loop."""
        built = views(tie_ids)
        for shown in built.values():
            _ = shown.text
        return built

    def _followed(self, tie_ids: dict[int, int]) -> list[int]:
        """The ties among ``tie_ids`` that an open stream may follow."""
        if None in self._by_tie:
            return list(tie_ids)
        return [tie_id for tie_id in tie_ids if tie_id in self._by_tie]


FINISH_CHUNK = 8
"""How many ties' complete JSON is built at a time between builds of quick views."""


def notify(session: Session, change: Change) -> None:
    """Tell every process listening on PostgreSQL of ``change`` once the transaction of
    ``session`` commits (``NOTIFY``)."""
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": CHANNEL, "payload": _payload(change)},
    )


def _payload(change: Change) -> str:
    return json.dumps(asdict(change))


def _change(payload: str) -> Change:
    data = json.loads(payload)
    return Change(
        data["id"], data["match_id"], data["tie_id"], data["event_id"], Action(data["action"])
    )


class Bus:
    """How a committed change reaches the hubs: ``stage`` inside the write's transaction,
    ``committed`` after it."""

    def __init__(self, hub: Hub, database: Database) -> None:
        self.hub = hub
        self.database = database
        self.heard = 0
        """The newest change handed to this process's hub; every older one was handed to it
        (or committed before the bus started), in order. A change committed after it is on
        its way (``unheard``)."""

    async def start(self) -> None:
        """Start listening (call from the event loop)."""
        self.heard = await asyncio.to_thread(self._latest)
        self.hub.start()

    async def stop(self) -> None:
        """Stop listening."""
        await self.hub.stop()

    def stage(self, session: Session, change: Change) -> None:
        """Called inside the write's transaction."""

    def committed(self, change: Change) -> None:
        """Called after the write's transaction committed."""

    def unheard(self, session: Session) -> list[Change]:
        """The changes committed and not handed to this process's hub yet, oldest first."""
        return changes_after(session, self.heard)

    def catch_up(self) -> None:
        """Hand the hub the changes committed and not handed to it yet: an upload's, journalled
        without the writer. (Through ``LISTEN`` with PostgreSQL: nothing to do here.)"""

    def _latest(self) -> int:
        with self.database.read() as session:
            return latest_change_id(session)

    def _announce(self, change: Change) -> None:
        """Hand a change to the hub unless it was handed already."""
        if change.id > self.heard:
            self.hub.deliver(change)
            self.heard = change.id


class LocalBus(Bus):
    """One process (SQLite): a committed change goes straight to this process's hub, after
    those committed before it and not handed over yet (an upload's, another writer's)."""

    def __init__(self, hub: Hub, database: Database) -> None:
        super().__init__(hub, database)
        self._order = threading.Lock()
        """Held while handing changes over, so that they reach the hub in id order."""

    def committed(self, change: Change) -> None:
        with self._order:
            if change.id > self.heard + 1:  # SQLite leaves no gaps: one was committed before
                self._announce_unheard()
            self._announce(change)

    def catch_up(self) -> None:
        with self._order:
            self._announce_unheard()

    def _announce_unheard(self) -> None:
        with self.database.read() as session:
            unheard = self.unheard(session)
        for change in unheard:
            self._announce(change)


class PostgresBus(Bus):
    """Several processes on one PostgreSQL database: NOTIFY in the transaction, LISTEN in each
    process."""

    def __init__(self, hub: Hub, database: Database) -> None:
        super().__init__(hub, database)
        self._conninfo = database.url.set(drivername="postgresql").render_as_string(
            hide_password=False
        )
        self._listener: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()

    async def start(self) -> None:
        await super().start()
        self._listener = asyncio.create_task(self._listen(), name="matchday-listen")

    async def stop(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await super().stop()

    def stage(self, session: Session, change: Change) -> None:
        notify(session, change)

    def _unheard_now(self) -> list[Change]:
        with self.database.read() as session:
            return self.unheard(session)

    async def _read_unheard(self) -> list[Change]:
        """``unheard`` in a thread; when the listener is stopped meanwhile, the read still
        ends before the stop does, so its connection goes back to the pool before the service
        closes the database (an abandoned read left a connection open for the collector)."""
        reading = asyncio.ensure_future(asyncio.to_thread(self._unheard_now))
        try:
            return await asyncio.shield(reading)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await reading
            raise

    async def _listen(self) -> None:
        delay = 0.1
        while True:
            try:
                connection = await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)
                async with connection:
                    await connection.execute(f"LISTEN {CHANNEL}")
                    # what was committed before: at start, or while the connection was lost
                    for change in await self._read_unheard():
                        self._announce(change)
                    self.listening.set()
                    delay = 0.1
                    async for notification in connection.notifies():
                        self._announce(_change(notification.payload))
            except (psycopg.Error, SQLAlchemyError):
                self.listening.clear()
                log.exception("listening for changes failed; retrying in %.1f s", delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)


def make_bus(
    database: Database,
    views: Views,
    seen: Callable[[Change], None] = lambda _: None,
    sketch: Views | None = None,
) -> Bus:
    """The bus that fits the database; ``seen`` hears of every change first, ``sketch``
    builds the quick views pushed before the complete ones (see ``Hub``)."""
    hub = Hub(views, seen, sketch)
    return PostgresBus(hub, database) if database.postgres else LocalBus(hub, database)
