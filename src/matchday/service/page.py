"""The web page at ``/``: a night's ties rendered on the server (Jinja2), kept current by a
little JavaScript that follows ``/api/stream`` and swaps in each changed tie's card."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from matchday.errors import NotFoundError
from matchday.report import report
from matchday.service.core import Service
from matchday.service.schemas import Id
from matchday.store.played import season_as_played, seasons_on_date
from matchday.store.ties import night_to_show, tie_ids_on_date

__all__ = ["router", "templates"]

templates = Jinja2Templates(directory=str(resources.files("matchday.service") / "templates"))
router = APIRouter(include_in_schema=False)

EN_DASH = "\u2013"
"""Between the two numbers of a score, as in print."""


def _through(view: dict[str, Any]) -> str | None:
    """Who is through now: while the deciding match is on, the live state's team; after it,
    the winner."""
    live = view.get("live")
    if live is not None:
        through: str | None = live["through"]
        return through
    winner: str | None = view["winner"]
    return winner


def _card_context(view: dict[str, Any]) -> dict[str, Any]:
    live = view.get("live")
    aggregate = (live or view)["aggregate"]
    points = (view.get("timeline") or {}).get("p_through") or []
    return {
        "tie": view,
        "through": _through(view),
        "aggregate": EN_DASH.join(map(str, aggregate)) if aggregate else "",
        "chart": _chart(points),
    }


def _chart(points: list[dict[str, Any]]) -> str:
    """SVG polyline points of P(team1 through) by minute (x 0-120, y 0-100, top = 100%)."""
    return " ".join(f"{p['minute']:.0f},{100 - 100 * p['team1']:.1f}" for p in points)


@router.get("/", response_class=HTMLResponse)
async def night_page(request: Request, date: dt.date | None = None) -> HTMLResponse:
    """The night's ties; without ``date``, the night the service thinks you want."""
    service: Service = request.app.state.service

    def read() -> tuple[dt.date | None, list[dict[str, Any]]]:
        with service.database.read() as session:
            night = date or service.settings.night or night_to_show(session, dt.date.today())
            ids = [] if night is None else tie_ids_on_date(session, night)
        views = service.views(ids)
        return night, [views[i] for i in sorted(views)]

    night, views = await run_in_threadpool(read)
    return templates.TemplateResponse(
        request,
        "night.html",
        {
            "night": night,
            "cards": [_card_context(v) for v in views],
            "title": views[0]["competition"] if views else "matchday",
        },
    )


@router.get("/cards/{tie_id}", response_class=HTMLResponse)
async def card(request: Request, tie_id: Id) -> HTMLResponse:
    """One tie's card, for the page's script to swap in."""
    service: Service = request.app.state.service
    views = await run_in_threadpool(service.views, [tie_id])
    if tie_id not in views:
        raise NotFoundError(f"no tie with id {tie_id}")
    return templates.TemplateResponse(request, "card.html", _card_context(views[tie_id]))


@router.get("/report/{date}", response_class=HTMLResponse)
async def round_up(request: Request, date: dt.date, lang: str = "en") -> HTMLResponse:
    """The night's round-up as a page, in Dutch or English."""
    service: Service = request.app.state.service

    def read() -> list[str]:
        with service.database.read() as session:
            seasons = [season_as_played(session, i) for i in seasons_on_date(session, date)]
        return [report(s, date=date, lang=lang, rules=rules).html for s, rules in seasons]

    written = await run_in_threadpool(read)
    if not written:
        raise NotFoundError(f"no knockout matches stored on {date}")
    context = {"night": date, "lang": lang, "reports": written}
    return templates.TemplateResponse(request, "report.html", context)
