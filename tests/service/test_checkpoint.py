"""SQLite's WAL is checkpointed by the service's own thread, never inside a write's commit."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from matchday.service.checkpoint import Checkpointer, no_checkpoint_on_commit
from matchday.store.database import Database


def test_commits_leave_the_wal_to_the_checkpointer_which_copies_all_of_it(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'wal.db'}")
    no_checkpoint_on_commit(database)
    try:
        with database.write() as session:
            assert session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
            session.execute(text("CREATE TABLE t (x TEXT)"))
        for n in range(50):  # about 1,100 pages: past SQLite's own checkpoint threshold
            with database.write() as session:
                session.execute(text("INSERT INTO t VALUES (:x)"), {"x": "x" * 90_000 + str(n)})
        wal = tmp_path / "wal.db-wal"
        assert wal.stat().st_size > 4_000_000  # nothing was checkpointed on commit
        main = tmp_path / "wal.db"
        assert main.stat().st_size < 100_000  # the rows are in the WAL only
        Checkpointer(database).checkpoint()
        assert main.stat().st_size > 4_000_000  # copied into the database file
    finally:
        database.dispose()
