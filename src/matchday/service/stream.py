"""``GET /api/stream``: Server-Sent Events with the new state of every tie that changes.

Each message is ``event: tie``, ``id:`` the change's journal id and ``data:`` the tie's JSON
(the shape of ``GET /api/ties/{id}``). A stream that follows a night, a round or a tie starts
with the current state of its ties, so nothing changed between loading a page and opening its
stream is missed; a client that reconnects with ``Last-Event-ID`` (as EventSource does) gets
the current state of every followed tie that changed since that change. A comment line every
15 seconds keeps proxies from closing an idle stream.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from matchday.service.bus import Subscriber
from matchday.service.core import Service
from matchday.service.params import MAX_ID
from matchday.store.ties import (
    latest_change_id,
    tie_ids_changed_since,
    tie_ids_of_round,
    tie_ids_on_date,
)

__all__ = ["KEEP_ALIVE_SECONDS", "router"]

KEEP_ALIVE_SECONDS = 15.0

router = APIRouter(prefix="/api", tags=["read"])


def _message(change_id: int, text: str) -> str:
    return f"id: {change_id}\nevent: tie\ndata: {text}\n\n"


def _snapshot(
    service: Service,
    date: dt.date | None,
    round_id: int | None,
    tie_id: int | None,
    since: int | None,
) -> tuple[int, list[str]]:
    """The JSON texts of the followed ties now (of those changed after ``since``, when a
    reconnecting client says which change it saw last)."""
    with service.database.read() as session:
        if tie_id is not None:
            ids = [tie_id]
        elif round_id is not None:
            ids = tie_ids_of_round(session, round_id)
        elif date is not None:
            ids = tie_ids_on_date(session, date)
        else:
            ids = []
        if since is not None:
            changed = set(tie_ids_changed_since(session, since))
            ids = [i for i in ids if i in changed] if ids else sorted(changed)
        change_id = latest_change_id(session)
    shown = service.shown(ids)
    return change_id, [shown[i].text for i in sorted(shown)]


@router.get(
    "/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "tie states"}},
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
            and (night is None or any(leg["date"] == night for leg in view["legs"]))
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
            for text in current:
                yield _message(change_id, text)
            while True:
                try:  # a deadline, not ``wait_for``: no task made for every message
                    async with asyncio.timeout(KEEP_ALIVE_SECONDS):
                        batch = await subscriber.next_batch()
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                for changed, text in batch:
                    yield _message(changed, text)
        finally:
            hub.unsubscribe(subscriber)

    return StreamingResponse(
        messages(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
