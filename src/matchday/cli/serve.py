"""``matchday serve``: the live service and its web page (needs the ``service`` extra)."""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from matchday.cli.common import parse_date
from matchday.errors import ConfigError

__all__ = ["serve"]

TOKEN_VARIABLE = "MATCHDAY_TOKEN"


def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL: sqlite:///FILE (default sqlite:///matchday.db) or "
            "postgresql+psycopg://USER:PASSWORD@HOST/DB.",
            show_default=False,
        ),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar=TOKEN_VARIABLE,
            help="Bearer token of the write API (default: a new random one, printed at start).",
            show_default=False,
        ),
    ] = None,
    replay: Annotated[
        str | None,
        typer.Option(
            help="Replay a played night of this source (file or bundled name) through the "
            "write API; without --db it goes to a new temporary database.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="The night to replay and to open the page on (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    speed: Annotated[
        float, typer.Option(help="Replay speed: match minutes per real minute.")
    ] = 60.0,
    forecast: Annotated[
        bool,
        typer.Option(
            "--forecast/--no-forecast",
            help="P(through), P(extra time) and P(penalties) of each tie, from the shipped "
            "ratings fitted before its match date; the round-ups then say how close it came.",
        ),
    ] = True,
) -> None:
    """Run the live service: write API, read API, stream of changes, and the page at /."""
    try:
        import uvicorn

        from matchday.service import Settings, create_app
        from matchday.service.chances import Forecaster
        from matchday.service.replay import Replay
        from matchday.service.views import no_chances
    except ImportError as err:
        raise ConfigError(
            f"matchday serve needs the service extra ({err.name} is missing): "
            "pip install 'matchday[service]'"
        ) from None
    night = parse_date(date)
    if replay is not None and night is None:
        raise ConfigError("--replay needs --date: the night to replay")
    if db is None:
        db = "sqlite:///matchday.db"
        if replay is not None:
            folder = Path(tempfile.mkdtemp(prefix="matchday-replay-"))
            db = f"sqlite:///{folder / 'replay.db'}"
    if not token:
        token = secrets.token_urlsafe(24)
        sys.stderr.write(f"matchday: write token (Authorization: Bearer ...): {token}\n")
    settings = Settings(
        database_url=db, token=token, clock_speed=speed if replay else 1.0, night=night
    )
    plan = None if replay is None or night is None else Replay(replay, night, speed)
    app = create_app(settings, chances=Forecaster() if forecast else no_chances, replay=plan)
    sys.stderr.write(f"matchday: serving http://{host}:{port}/ on {db}\n")
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=3)
