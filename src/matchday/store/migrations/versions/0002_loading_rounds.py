"""Rounds being loaded: an upload is stored block by block, hidden until complete.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``rounds.loading`` (false for every round stored so far)."""
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(
            sa.Column("loading", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    """Drop ``rounds.loading``."""
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("loading")
