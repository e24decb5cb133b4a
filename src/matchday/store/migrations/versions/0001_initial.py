"""The first schema: competitions, seasons, rounds, teams, ties, matches, events, changes.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table."""
    op.create_table(
        "competitions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
    )
    op.create_table(
        "seasons",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("competition_id", sa.Integer(), sa.ForeignKey("competitions.id"), nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("rules", sa.String(40), nullable=False),
        sa.Column("source", sa.String(400), nullable=True),
        sa.UniqueConstraint("competition_id", "name"),
    )
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("season_id", sa.Integer(), sa.ForeignKey("seasons.id"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("season_id", "name"),
    )
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("country", sa.String(10), nullable=False),
        sa.UniqueConstraint("name", "country"),
    )
    op.create_table(
        "ties",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("rounds.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("legs_planned", sa.Integer(), nullable=False),
    )
    op.create_index("ix_ties_round_id", "ties", ["round_id"])
    op.create_table(
        "matches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("round_id", sa.Integer(), sa.ForeignKey("rounds.id"), nullable=False),
        sa.Column("tie_id", sa.Integer(), sa.ForeignKey("ties.id"), nullable=True),
        sa.Column("leg", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kickoff", sa.String(5), nullable=True),
        sa.Column("home_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("away_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=False),
        sa.Column("venue", sa.String(200), nullable=True),
        *(
            sa.Column(f"{part}_{side}", sa.Integer(), nullable=True)
            for part in ("score", "half_time", "extra_time", "penalties")
            for side in ("home", "away")
        ),
        sa.Column("awarded", sa.Boolean(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("goals", sa.JSON(), nullable=True),
        sa.Column("red_cards", sa.JSON(), nullable=True),
    )
    for column in ("round_id", "tie_id", "date"):
        op.create_index(f"ix_matches_{column}", "matches", [column])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("match_id", sa.Integer(), sa.ForeignKey("matches.id"), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=True),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(4), nullable=True),
        sa.Column("player", sa.String(200), nullable=True),
        sa.Column("own_goal", sa.Boolean(), nullable=False),
        sa.Column("penalty", sa.Boolean(), nullable=False),
        sa.Column("second_yellow", sa.Boolean(), nullable=False),
        sa.Column("shootout_home", sa.Integer(), nullable=True),
        sa.Column("shootout_away", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("match_id", "key"),
    )
    op.create_index("ix_events_match_id", "events", ["match_id"])
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("match_id", sa.Integer(), sa.ForeignKey("matches.id"), nullable=False),
        sa.Column("tie_id", sa.Integer(), sa.ForeignKey("ties.id"), nullable=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_changes_tie_id", "changes", ["tie_id"])


def downgrade() -> None:
    """Drop every table."""
    for table in (
        "changes",
        "events",
        "matches",
        "ties",
        "teams",
        "rounds",
        "seasons",
        "competitions",
    ):
        op.drop_table(table)
