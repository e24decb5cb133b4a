"""Uploads in the journal: a change of a tie an upload added or changed has no match or event.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Let ``changes.match_id`` and ``changes.event_id`` be empty (an upload's changes)."""
    with op.batch_alter_table("changes") as batch:
        batch.alter_column("match_id", existing_type=sa.Integer(), nullable=True)
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    """Drop the uploads' changes and make both columns required again."""
    op.execute("DELETE FROM changes WHERE match_id IS NULL OR event_id IS NULL")
    with op.batch_alter_table("changes") as batch:
        batch.alter_column("match_id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=False)
