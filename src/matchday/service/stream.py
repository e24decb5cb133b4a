"""``GET /api/stream``: Server-Sent Events with the new state of every tie that changes.

Each message is ``event: tie``, ``id:`` the change's journal id and ``data:`` the tie's JSON
(the shape of ``GET /api/ties/{id}``). A stream starts with the current state of the ties it
follows (a night, a round, a tie; with no filter every tie), so nothing changed between loading
a page and opening its stream is missed; the id comes once, with the last of them. With a
forecaster a change is sent first without an id, with its previous chances, then with its id
and the new chances: each id is sent once, only ever higher (``Subscriber.stamp``). A client
that reconnects with ``Last-Event-ID`` (as EventSource does) gets the current state of every
followed tie that changed since that change; from an id above the newest change (never sent
by this database), the current state of every followed tie. A comment line every 15 seconds
keeps proxies from closing an idle stream. When the service stops, each stream ends
(``Hub.close``); the client's EventSource comes back with ``Last-Event-ID`` once the service is
up again. A stream also ends when the state of a tie it may follow could not be built for it
(``Hub``): the client comes back from its last id and is sent that state, never skipping it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from matchday.errors import NotFoundError
from matchday.service.bus import Subscriber
from matchday.service.core import Service
from matchday.service.errors import INVALID, documented
from matchday.service.params import MAX_ID
from matchday.store.ties import (
    latest_change_id,
    tie_exists,
    tie_ids_changed_since,
    tie_ids_of_round,
    tie_ids_on_date,
    tie_ids_shown,
)

__all__ = ["KEEP_ALIVE_SECONDS", "router"]

KEEP_ALIVE_SECONDS = 15.0

router = APIRouter(prefix="/api", tags=["read"])


def _message(change_id: int | None, text: str) -> str:
    """One Server-Sent Event; without an ``id:`` line where ``change_id`` is ``None`` (the
    client's last event id then stays as it was)."""
    tag = "" if change_id is None else f"id: {change_id}\n"
    return f"{tag}event: tie\ndata: {text}\n\n"


def _snapshot(
    service: Service,
    date: dt.date | None,
    round_id: int | None,
    tie_id: int | None,
    since: int | None,
) -> tuple[int, list[str]]:
    """The JSON texts of the followed ties now (of those changed after ``since``, when a
    reconnecting client says which change it saw last), and the id of the newest change they
    hold: every change up to it is in them.

    That id is read first, so each state read after it is at least as new; and a tie changed by
    a change not yet handed to this process (another process's, its notification on the way;
    or this one's, the writer about to announce it) is read from the database, not as kept in
    memory. (Change ids commit in order: every change up to the newest is committed.)"""
    with service.database.read() as session:
        change_id = latest_change_id(session)
        for change in service.bus.unheard(session):
            if change.tie_id is not None and change.id <= change_id:
                service.folded.forget(change.tie_id, change.id)
        if tie_id is not None:
            ids = [tie_id] if tie_exists(session, tie_id) else []
            if not ids:
                raise NotFoundError(f"no tie with id {tie_id}")
        elif round_id is not None:
            ids = tie_ids_of_round(session, round_id)
        elif date is not None:
            ids = tie_ids_on_date(session, date)
        else:
            ids = tie_ids_shown(session)
        if since is not None and since <= change_id:
            # an id above the newest change was never sent by this database (a client of one
            # since replaced, as a replay's is at each start): what it lacks is unknown, so it
            # is sent the whole current state, as a new stream is, never nothing
            changed = set(tie_ids_changed_since(session, since))
            ids = [i for i in ids if i in changed]
    shown = service.shown(ids)
    return change_id, [shown[i].text for i in sorted(shown)]


@router.get(
    "/stream",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "tie states"},
        **documented({404: "no such round or tie", 422: INVALID}),
    },
)
async def stream(
    request: Request,
    date: dt.date | None = None,
    round_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    tie_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    last_event_id: Annotated[
        int | None,
        Header(ge=0, le=MAX_ID, description="sent by a reconnecting EventSource"),
    ] = None,
) -> StreamingResponse:
    """Follow the ties of a night (``date``), a round, one tie, or with no filter every tie."""
    service: Service = request.app.state.service
    night = None if date is None else date.isoformat()

    def follows(view: dict[str, Any]) -> bool:
        return (
            (tie_id is None or view["id"] == tie_id)
            and (round_id is None or view["round_id"] == round_id)
            and (
                night is None or any(m["date"] == night for m in (*view["legs"], *view["replays"]))
            )
        )

    subscriber = Subscriber(follows, tie_id)
    hub = service.bus.hub
    hub.subscribe(subscriber)
    try:
        change_id, current = await run_in_threadpool(
            _snapshot, service, date, round_id, tie_id, last_event_id
        )
    except BaseException:
        hub.unsubscribe(subscriber)
        raise

    async def messages() -> AsyncIterator[str]:
        try:
            yield "retry: 1000\n\n"
            for text in current[:-1]:  # one id, after the last: the stream is then current
                yield _message(None, text)
            at = subscriber.caught_up(change_id)
            if current:
                yield _message(at, current[-1])
            while not subscriber.closed:
                try:  # a deadline, not ``wait_for``: no task made for every message
                    async with asyncio.timeout(KEEP_ALIVE_SECONDS):
                        batch = await subscriber.next_batch()
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                for pushed in batch:
                    yield _message(subscriber.stamp(pushed), pushed.text)
        finally:
            hub.unsubscribe(subscriber)

    return StreamingResponse(
        messages(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
