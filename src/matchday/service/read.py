"""The read API (public): seasons, a night's or a round's ties with their live state, one tie,
a match's events, the night's round-up."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from matchday.errors import NotFoundError
from matchday.io.schemas import EventOut, NightOut, ReportsOut, SeasonOut, TieOut
from matchday.service.core import Service
from matchday.service.errors import INVALID, documented
from matchday.service.params import Id
from matchday.service.views import event_json
from matchday.store.seasons import list_seasons
from matchday.store.ties import events_of_match, tie_ids_of_round, tie_ids_on_date

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["read"])


def _service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


@router.get("/seasons", response_model=list[SeasonOut])
async def seasons(request: Request) -> list[dict[str, Any]]:
    """Every stored season with its rounds."""

    def read() -> list[dict[str, Any]]:
        with _service(request).database.read() as session:
            return [asdict(season) for season in list_seasons(session)]

    return await run_in_threadpool(read)


@router.get("/nights/{date}", response_model=NightOut, responses=documented({422: INVALID}))
async def night(request: Request, date: dt.date) -> Response:
    """The ties with a leg on ``date`` (YYYY-MM-DD): both legs, the aggregate, who is through
    now, what each side needs, the timeline and P(through)."""
    service = _service(request)

    def read() -> Response:
        with service.database.read() as session:
            ids = tie_ids_on_date(session, date)
        return _ties(service, {"date": date.isoformat(), "round_id": None}, ids)

    return await run_in_threadpool(read)


@router.get(
    "/rounds/{round_id}",
    response_model=NightOut,
    responses=documented({404: "no such round", 422: INVALID}),
)
async def round_ties(request: Request, round_id: Id) -> Response:
    """The ties of a round, as for a night."""
    service = _service(request)

    def read() -> Response:
        with service.database.read() as session:
            ids = tie_ids_of_round(session, round_id)
        return _ties(service, {"date": None, "round_id": round_id}, ids)

    return await run_in_threadpool(read)


def _ties(service: Service, head: dict[str, Any], ids: list[int]) -> Response:
    """``head`` with the ties' JSON under ``ties``, from the texts every reader shares (the
    shape ``NightOut``: ``tie_view`` builds each tie to the schema once, not per request)."""
    shown = service.shown(ids)
    ties = ", ".join(shown[i].text for i in sorted(shown))
    return _json(json.dumps(head)[:-1] + f', "ties": [{ties}]}}')


def _json(text: str) -> Response:
    return Response(text.encode(), media_type="application/json")


@router.get(
    "/ties/{tie_id}",
    response_model=TieOut,
    responses=documented({404: "no such tie", 422: INVALID}),
)
async def tie(request: Request, tie_id: Id) -> Response:
    """One tie."""
    service = _service(request)

    def read() -> Response:
        found = service.shown([tie_id])
        if tie_id not in found:
            raise NotFoundError(f"no tie with id {tie_id}")
        return _json(found[tie_id].text)

    return await run_in_threadpool(read)


@router.get(
    "/matches/{match_id}/events",
    response_model=list[EventOut],
    responses=documented({404: "no such match", 422: INVALID}),
)
async def match_events(request: Request, match_id: Id) -> list[dict[str, Any]]:
    """Every event posted to a match in posted order, deleted ones included (marked)."""

    def read() -> list[dict[str, Any]]:
        with _service(request).database.read() as session:
            return [event_json(e) for e in events_of_match(session, match_id)]

    return await run_in_threadpool(read)


@router.get(
    "/nights/{date}/report",
    response_model=ReportsOut,
    responses=documented({404: "no knockout match played that night", 422: INVALID}),
)
async def night_report(
    request: Request, date: dt.date, lang: Annotated[str, Query(pattern="^(nl|en)$")] = "en"
) -> dict[str, Any]:
    """The round-up of the night in Dutch (``nl``) or English (``en``), as Markdown and HTML,
    one per competition played that night: the text ``matchday report --date`` writes."""
    service = _service(request)

    def read() -> dict[str, Any]:
        reports = [
            {
                "competition": season.competition,
                "season": season.name,
                "headline": written.headline,
                "markdown": written.text,
                "html": written.html,
            }
            for season, written in service.round_ups(date, lang)
        ]
        return {"date": date.isoformat(), "lang": lang, "reports": reports}

    return await run_in_threadpool(read)
