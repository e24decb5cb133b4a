"""The shipped migrations build exactly the tables the code declares, and run once."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from matchday.store.database import Database
from matchday.store.tables import Base


def test_the_migrated_schema_is_the_declared_one(database_url: str) -> None:
    database = Database(database_url)
    database.upgrade()
    database.upgrade()  # a second start finds nothing to do
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == "0004"
        assert set(inspect(connection).get_table_names()) >= set(Base.metadata.tables)
        if database.sqlite:
            mode = connection.execute(text("PRAGMA journal_mode")).scalar()
            assert mode == "wal"
    database.dispose()
