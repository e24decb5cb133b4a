"""``create_app``: the FastAPI application, its routes and its start and stop; ``Server``, the
uvicorn server ``matchday serve`` runs it in."""

from __future__ import annotations

import asyncio
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import uvicorn
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from swagger_ui_bundle import swagger_ui_path

from matchday import __version__
from matchday.service import errors, page, read, stream, write
from matchday.service import replay as replaying
from matchday.service.collector import Collector
from matchday.service.core import Service, Settings
from matchday.service.guard import Guard
from matchday.service.views import Chances, no_chances

__all__ = ["Server", "create_app"]

DESCRIPTION = """Follow a European night as it happens: ties, who is through now, what each
side needs, and a stream of every change. Reading is public; writing needs the bearer token
the service was started with. Errors come as JSON: `{"error": ..., "message": ...}`."""


SWITCH_SECONDS = 0.0005
"""How long a thread may hold the interpreter while another waits for it, while the service
runs (Python's default is 5 ms). The event loop gives the interpreter up whenever it waits for
sockets, and the writer whenever SQLite works; each then waits up to this long to get it back
from the hub's threads building tie states. Two runs each of ``bench/service_load.py`` at load
average 2-5: at 5 ms 236 and 267 goals acknowledged a second (ack p99 1298 and 1126 ms), at
0.5 ms 328 and 333 (821 and 1032 ms); the push p99 stayed 1.0-1.5 s either way."""


def create_app(
    settings: Settings,
    *,
    chances: Chances = no_chances,
    replay: replaying.Replay | None = None,
) -> FastAPI:
    """The service over ``settings.database_url``, migrated to the latest schema at start.

    ``chances`` gives a tie's chances at a live state (none by default; ``matchday serve``
    passes ``matchday.service.chances.Forecaster()``, which also makes the round-ups say how
    close each tie came); ``replay`` replays a played night through the write path once the
    service is up.
    """
    service = Service(settings, chances)
    collector = Collector()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        switch = sys.getswitchinterval()
        sys.setswitchinterval(min(switch, SWITCH_SECONDS))
        await run_in_threadpool(service.database.upgrade)
        await run_in_threadpool(service.recover)
        await run_in_threadpool(service.warm_up)
        cued = [] if replay is None else await run_in_threadpool(replaying.prepare, service, replay)
        await service.bus.start()
        collector.start()
        task = None
        if replay is not None:
            task = asyncio.create_task(replaying.run(service, cued, replay.speed))
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
            collector.stop()
            await service.bus.stop()
            await run_in_threadpool(service.close)
            sys.setswitchinterval(switch)

    app = FastAPI(
        title="matchday",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.add_middleware(Guard, token=settings.token, max_body=settings.max_body)
    errors.install(app)
    app.include_router(write.router)
    app.include_router(read.router)
    app.include_router(stream.router)
    app.include_router(page.router)
    static = resources.files("matchday.service") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _api_docs(app)

    def openapi() -> dict[str, Any]:
        return write.closed_upload_form(FastAPI.openapi(app))

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented override
    return app


def _api_docs(app: FastAPI) -> None:
    """Swagger UI at ``/docs`` from the copy installed with matchday (``swagger-ui-bundle-v2``),
    never from a CDN: the API's documentation works offline."""
    app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} — API",
            swagger_js_url="/docs/assets/swagger-ui-bundle.js",
            swagger_css_url="/docs/assets/swagger-ui.css",
            swagger_favicon_url="/docs/assets/favicon-32x32.png",
        )


class Server(uvicorn.Server):
    """uvicorn's server, which ends the service's streams first when it stops (SIGINT,
    SIGTERM): uvicorn waits for the open requests to finish, which a stream never does by
    itself, then cancels them, and the cancelled streams fill the log with tracebacks. The
    writes still queued are stored all the same when the app stops (``Service.close``)."""

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        app = self.config.app
        if isinstance(app, FastAPI):
            service: Service = app.state.service
            service.bus.hub.close()
        await super().shutdown(sockets)
