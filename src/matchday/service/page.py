"""The web page at ``/``: a night's ties rendered on the server (Jinja2) under a heading per
competition, kept current by a little JavaScript that follows ``/api/stream``, updates each
changed tie's card (its score and chances in polite live regions) and adds the card of a tie
uploaded after the page was opened."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from matchday.errors import NotFoundError
from matchday.feed import EXTRA_TIME_END
from matchday.model import REGULAR_TIME
from matchday.report.grammar import HALF_PERCENT
from matchday.service.core import Service
from matchday.service.params import Id
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
    return {
        "tie": view,
        "through": _through(view),
        "aggregate": EN_DASH.join(map(str, aggregate)) if aggregate else "",
        "bar": _bar(view),
        "chart": _chart(view),
        "odds": _odds(view),
    }


def _percent(p: float) -> str:
    """A chance in whole percents, never 0% or 100% for what may still happen."""
    if 0 < p < HALF_PERCENT:
        return "<1%"
    if 1 - HALF_PERCENT <= p < 1:
        return ">99%"
    return f"{round(100 * p)}%"


def _bar(view: dict[str, Any]) -> dict[str, Any] | None:
    """Each side's share of the probability bar (team1's width in whole percents) and its
    label, or ``None`` without a forecast."""
    if view["p_through"] is None:
        return None
    one, two = view["p_through"]
    return {"width": round(100 * one), "one": _percent(one), "two": _percent(two)}


def _odds(view: dict[str, Any]) -> str:
    """P(extra time) and P(penalties) for the line under the bar, while neither is certain
    or out of the question."""
    found = [
        f"{what} {_percent(p)}"
        for what, p in (("extra time", view["p_extra_time"]), ("penalties", view["p_penalties"]))
        if p is not None and HALF_PERCENT <= p < 1 - HALF_PERCENT
    ]
    return " · ".join(found)


def _chart(view: dict[str, Any]) -> dict[str, Any] | None:
    """The small P(through) chart of the deciding match so far, in SVG coordinates: minutes
    across (0-90, or 0-120 once extra time is on), 0-100 up with team1's chance as the area
    under the line; a tick under each goal. ``None`` without a forecast."""
    points = (view.get("timeline") or {}).get("p_through") or []
    if not points:
        return None
    width = EXTRA_TIME_END if any(p["minute"] > REGULAR_TIME for p in points) else REGULAR_TIME
    line = [(min(p["minute"], width), 100 - 100 * p["team1"]) for p in points]
    goals = [g["minute"] for g in view["timeline"]["goals"]]
    return {
        "width": width,
        "line": " ".join(f"{x},{y:.1f}" for x, y in line),
        "area": " ".join(f"{x},{y:.1f}" for x, y in [(0, 100), *line, (line[-1][0], 100)]),
        "goals": [min(minute, width) for minute in goals],
    }


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
    sections = _sections(views)
    return templates.TemplateResponse(
        request,
        "night.html",
        {
            "night": night,
            "sections": sections,
            "title": _title(sections),
        },
    )


def _sections(views: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The night's cards under their competitions, each competition where its first tie is
    (the ties in the order of their ids, as the page's script adds new ones)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for view in views:
        grouped.setdefault(view["competition"], []).append(_card_context(view))
    return [{"competition": name, "cards": cards} for name, cards in grouped.items()]


def _title(sections: list[dict[str, Any]]) -> str:
    """The page's title: the night's competitions, all of them (the script titles a page the
    same way when a tie of another competition arrives); ``matchday`` on a night without ties."""
    return " · ".join(s["competition"] for s in sections) or "matchday"


@router.get("/cards/{tie_id}", response_class=HTMLResponse)
async def card(request: Request, tie_id: Id) -> HTMLResponse:
    """One tie's card, for the page's script to swap in."""
    service: Service = request.app.state.service
    views = await run_in_threadpool(service.views, [tie_id])
    if tie_id not in views:
        raise NotFoundError(f"no tie with id {tie_id}")
    return templates.TemplateResponse(request, "card.html", _card_context(views[tie_id]))


@router.get("/report/{date}", response_class=HTMLResponse)
async def round_up(
    request: Request, date: dt.date, lang: Annotated[str, Query(pattern="^(nl|en)$")] = "nl"
) -> HTMLResponse:
    """The night's round-up as a page, in Dutch (the default, as ``matchday report``) or
    English: each competition's report as an article of this page."""
    service: Service = request.app.state.service

    try:
        written = await run_in_threadpool(
            lambda: [found for _, found in service.round_ups(date, lang)]
        )
    except NotFoundError:  # nothing played yet: a page saying so, not the API's JSON 404
        written = []
    context = {"night": date, "lang": lang, "reports": written}
    return templates.TemplateResponse(request, "report.html", context)
