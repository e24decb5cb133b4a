"""Announcing changes to every open stream, in this process and, with PostgreSQL, in all.

A write journals its change in the database; the bus then tells every service process. With
SQLite (one process) the change goes straight to this process's hub after the commit. With
PostgreSQL the write sends ``NOTIFY matchday_changes`` inside its transaction, so the
notification leaves exactly when the change is committed, and each process's listener
(``LISTEN``, no broker) hands it to its own hub. The hub builds each changed tie's JSON once
per change, off the write path (in a thread of its own, after the commit), and gives the same
serialised text to every subscriber that follows that tie.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import psycopg
from sqlalchemy import text
from sqlalchemy.orm import Session

from matchday.service.views import Shown
from matchday.store.database import Database
from matchday.store.events import Action, Change

__all__ = ["CHANNEL", "Bus", "Hub", "LocalBus", "PostgresBus", "Subscriber", "make_bus"]

CHANNEL = "matchday_changes"
"""The PostgreSQL notification channel."""

log = logging.getLogger("matchday.service")

Views = Callable[[list[int]], Mapping[int, Shown]]
"""The JSON of the ties with these ids, built once per version of each and shared."""


@dataclass(eq=False)
class Subscriber:
    """One open stream: which ties it follows and the newest message of each not yet sent.

    Only the newest state of a tie is kept, so a slow reader skips states it has not read yet
    instead of piling them up; the state it gets next is always complete and current.
    """

    follows: Callable[[dict[str, Any]], bool]
    tie_id: int | None = None
    """The one tie it follows, when it follows one: other ties' states are not built for it."""
    pending: dict[int, tuple[int, str]] = field(default_factory=dict)
    ready: asyncio.Event = field(default_factory=asyncio.Event)

    def offer(self, change_id: int, view: dict[str, Any], text: str) -> None:
        """Queue the newest state of a tie, ``text`` its JSON (replacing an unsent older one)."""
        if self.follows(view):
            self.pending[view["id"]] = (change_id, text)
            self.ready.set()

    async def next_batch(self) -> list[tuple[int, str]]:
        """Wait for pending states and take them all, oldest change first."""
        await self.ready.wait()
        self.ready.clear()
        batch = sorted(self.pending.values(), key=lambda item: item[0])
        self.pending.clear()
        return batch


class Hub:
    """This process's subscribers, and the task that turns changes into tie states for them."""

    def __init__(self, views: Views, seen: Callable[[Change], None] = lambda _: None) -> None:
        self._views = views
        self._seen = seen
        self._subscribers: set[Subscriber] = set()
        self._by_tie: dict[int | None, set[Subscriber]] = {}
        """The subscribers of each tie id, and under ``None`` those of a night, a round or all."""
        self._changes: asyncio.Queue[Change] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start handing out changes (call from the event loop)."""
        self._loop = asyncio.get_running_loop()
        self._changes = asyncio.Queue()
        self._task = asyncio.create_task(self._run(self._changes), name="matchday-hub")

    async def stop(self) -> None:
        """Stop the task."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._loop = self._changes = self._task = None

    def subscribe(self, subscriber: Subscriber) -> None:
        """Add an open stream."""
        self._subscribers.add(subscriber)
        self._by_tie.setdefault(subscriber.tie_id, set()).add(subscriber)

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
        if self._loop is None or self._changes is None:
            return
        self._loop.call_soon_threadsafe(self._changes.put_nowait, change)

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
            try:
                views = await asyncio.to_thread(self._serialised, wanted)
            except Exception:  # a failed read must not end every stream
                log.exception("building tie states for %s failed", sorted(latest))
                continue
            for tie_id, shown in views.items():
                followers = self._by_tie.get(tie_id, set()) | self._by_tie.get(None, set())
                for subscriber in followers:
                    subscriber.offer(latest[tie_id], shown.data, shown.text)

    def _serialised(self, tie_ids: list[int]) -> Mapping[int, Shown]:
        """The ties' JSON with its text made here, in a worker thread, not in the event loop."""
        views = self._views(tie_ids)
        for shown in views.values():
            _ = shown.text
        return views

    def _followed(self, tie_ids: dict[int, int]) -> list[int]:
        """The ties among ``tie_ids`` that an open stream may follow."""
        if None in self._by_tie:
            return list(tie_ids)
        return [tie_id for tie_id in tie_ids if tie_id in self._by_tie]


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

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    async def start(self) -> None:
        """Start listening (call from the event loop)."""
        self.hub.start()

    async def stop(self) -> None:
        """Stop listening."""
        await self.hub.stop()

    def stage(self, session: Session, change: Change) -> None:
        """Called inside the write's transaction."""

    def committed(self, change: Change) -> None:
        """Called after the write's transaction committed."""


class LocalBus(Bus):
    """One process (SQLite): a committed change goes straight to this process's hub."""

    def committed(self, change: Change) -> None:
        self.hub.deliver(change)


class PostgresBus(Bus):
    """Several processes on one PostgreSQL database: NOTIFY in the transaction, LISTEN in each
    process."""

    def __init__(self, hub: Hub, database: Database) -> None:
        super().__init__(hub)
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
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": CHANNEL, "payload": _payload(change)},
        )

    async def _listen(self) -> None:
        delay = 0.1
        while True:
            try:
                connection = await psycopg.AsyncConnection.connect(self._conninfo, autocommit=True)
                async with connection:
                    await connection.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    delay = 0.1
                    async for notification in connection.notifies():
                        self.hub.deliver(_change(notification.payload))
            except psycopg.Error:
                self.listening.clear()
                log.exception("listening for changes failed; retrying in %.1f s", delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)


def make_bus(
    database: Database, views: Views, seen: Callable[[Change], None] = lambda _: None
) -> Bus:
    """The bus that fits the database; ``seen`` hears of every change first."""
    hub = Hub(views, seen)
    return PostgresBus(hub, database) if database.postgres else LocalBus(hub)
