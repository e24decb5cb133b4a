"""The database: an engine for a SQLite file (WAL mode) or PostgreSQL, migrated at start.

Writes are serialised per tie so that every event is checked against the state it changes:
PostgreSQL locks the tie's row (``SELECT ... FOR UPDATE``), SQLite takes its write lock at the
start of the transaction (``BEGIN IMMEDIATE``) behind one in-process lock, since a SQLite
database is served by one process. The journal's change ids commit in the order they are taken
(``journal_turn``), so that no reader sees a change before an older one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from matchday.errors import ConfigError

__all__ = ["DEFAULT_URL", "Database", "journal_turn", "normalise_url"]

DEFAULT_URL = "sqlite:///matchday.db"
"""A SQLite file in the current directory."""

_MIGRATION_LOCK = 7_255_331
"""The PostgreSQL advisory lock id held while migrating, so that processes starting together
do not migrate twice."""

_JOURNAL_LOCK = 7_255_332
"""The PostgreSQL advisory lock a write holds from taking its change ids until it commits."""

_WRITE = "matchday_write"


def normalise_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``; ``postgresql://`` means the psycopg (3) driver."""
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise ConfigError(f"not a database URL: {url!r}") from err
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise ConfigError(
            f"unsupported database {parsed.drivername!r}: use sqlite:///FILE or "
            "postgresql+psycopg://USER:PASSWORD@HOST/DB"
        )
    return parsed


class Database:
    """matchday's database: sessions for reading, serialised sessions for writing."""

    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = normalise_url(url)
        self.sqlite = self.url.get_backend_name() == "sqlite"
        if self.sqlite:
            self.engine = create_engine(
                self.url, connect_args={"check_same_thread": False, "timeout": 30}
            )
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        else:
            self.engine = create_engine(self.url, pool_size=20, max_overflow=20, pool_pre_ping=True)
        self._write_lock = threading.Lock()

    @property
    def postgres(self) -> bool:
        """True for PostgreSQL, where several service processes can share the database."""
        return not self.sqlite

    def upgrade(self) -> None:
        """Bring the schema up to date with the migrations shipped in the package."""
        config = Config()
        location = resources.files("matchday.store") / "migrations"
        config.set_main_option("script_location", str(location))
        try:
            with self.engine.begin() as connection:
                if self.postgres:
                    connection.execute(text(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})"))
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as err:
            raise ConfigError(f"cannot open database {self.describe()}: {err.orig}") from err

    def describe(self) -> str:
        """The URL without its password, for messages."""
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading."""
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction commits when the block ends without an error."""
        if self.sqlite:
            with self._write_lock, self._session(write=True) as session:
                yield session
        else:
            with self._session(write=True) as session:
                yield session

    @contextmanager
    def _session(self, *, write: bool) -> Iterator[Session]:
        with self.engine.connect() as connection:
            connection.execution_options(**{_WRITE: write})
            with Session(bind=connection) as session, session.begin():
                yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def journal_turn(session: Session) -> None:
    """Wait for the journal's turn; call in a write's transaction right before taking change
    ids, the last thing before its commit. With PostgreSQL, writes of other ties (other
    processes) run at once, and ids taken from a sequence could commit out of order: 42 seen
    by a stream, and 41 committed after it, which a stream resuming after 42 would never get.
    Held until the commit, the lock makes ids commit in order; it costs little, since
    PostgreSQL already commits one transaction that notifies (``NOTIFY``) at a time. SQLite's
    writers take turns for the whole transaction already (``BEGIN IMMEDIATE``)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _JOURNAL_LOCK})


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=FULL",
        "foreign_keys=ON",
        "busy_timeout=30000",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
