"""``matchday serve``: the live service and its web page (needs the ``service`` extra)."""

from __future__ import annotations

import contextlib
import errno
import secrets
import signal
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from matchday.cli.common import one_line, parse_date
from matchday.errors import ConfigError, MatchdayError, SourceError

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
        from matchday.service.app import Server
        from matchday.service.chances import Forecaster
        from matchday.service.replay import Replay, check
        from matchday.service.views import no_chances
    except ImportError as err:
        raise ConfigError(
            f"matchday serve needs the service extra ({err.name} is missing): "
            "pip install 'matchday[service]'"
        ) from None
    night = parse_date(date)
    if replay is not None and night is None:
        raise ConfigError("--replay needs --date: the night to replay")
    plan = None if replay is None or night is None else Replay(replay, night, speed)
    if plan is not None:
        check(plan)
    with contextlib.ExitStack() as stack:
        listening = stack.enter_context(_listen(host, port))
        if db is None:
            db = "sqlite:///matchday.db"
            if plan is not None:
                folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="matchday-replay-"))
                db = f"sqlite:///{Path(folder) / 'replay.db'}"
        settings = Settings(
            database_url=db,
            token=token or secrets.token_urlsafe(24),
            clock_speed=speed if plan else 1.0,
            night=night,
        )
        app = create_app(
            settings, chances=Forecaster(workers=1) if forecast else no_chances, replay=plan
        )
        service = app.state.service
        stack.callback(service.database.dispose)
        try:
            service.database.upgrade()
        except MatchdayError:
            raise
        except Exception as err:
            raise SourceError(f"--db {db}: cannot open the database: {one_line(err)}") from err
        if not token:
            bearer = settings.token
            sys.stderr.write(f"matchday: write token (Authorization: Bearer ...): {bearer}\n")
        port = listening.getsockname()[1]  # the one the system chose for --port 0
        sys.stderr.write(f"matchday: serving http://{host}:{port}/ on {db}\n")
        config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=3)
        # uvicorn stops gracefully on SIGTERM and SIGINT, then raises the signal again: let that
        # unwind this block (closing the socket, removing a replay's temporary database) with
        # exit status 128 + the signal, instead of killing us. SIGINT too, since a process
        # started in the background by a shell inherits it ignored, and the signal raised again
        # would then be lost: the server stopped by Ctrl-C or `kill -INT` exits 0.
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, _terminated)
        Server(config).run(sockets=[listening])


def _terminated(signum: int, _: object) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _listen(host: str, port: int) -> Iterator[socket.socket]:
    """A socket bound to ``host``:``port``, or one line saying why it cannot be."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise ConfigError(f"--host {host}: not an address to listen on ({err.strerror})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as err:
        sock.close()
        reason = "in use" if err.errno == errno.EADDRINUSE else (err.strerror or str(err)).lower()
        raise ConfigError(f"cannot listen on {host}:{port}: {reason}") from None
    try:
        yield sock
    finally:
        sock.close()
