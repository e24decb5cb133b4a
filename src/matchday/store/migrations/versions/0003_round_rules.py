"""Rules per round: a World Cup's final and its replays may be settled otherwise than its ties.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``rounds.rules`` (empty for every round stored so far: the season's rules hold)."""
    with op.batch_alter_table("rounds") as batch:
        batch.add_column(sa.Column("rules", sa.String(length=40), nullable=True))


def downgrade() -> None:
    """Drop ``rounds.rules``."""
    with op.batch_alter_table("rounds") as batch:
        batch.drop_column("rules")
