"""Alembic migrations of matchday's database, applied by ``Database.upgrade`` at start."""
