"""The database tables: competitions, seasons, rounds, teams, ties, matches, events, changes.

The migrations in ``matchday/store/migrations`` create exactly these tables (a test compares
them); change both together, with a new migration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Base",
    "ChangeRow",
    "CompetitionRow",
    "EventRow",
    "MatchRow",
    "RoundRow",
    "SeasonRow",
    "TeamRow",
    "TieRow",
]


class Base(DeclarativeBase):
    """The declarative base of matchday's tables."""


class CompetitionRow(Base):
    """A competition by name ("UEFA Europa League")."""

    __tablename__ = "competitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class SeasonRow(Base):
    """A season of a competition, with the rules preset its ties are decided by."""

    __tablename__ = "seasons"
    __table_args__ = (UniqueConstraint("competition_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    competition_id: Mapped[int] = mapped_column(ForeignKey("competitions.id"))
    name: Mapped[str] = mapped_column(String(40))
    rules: Mapped[str] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(String(400))


class RoundRow(Base):
    """A round of a season; ``position`` keeps the order of the file. A round whose upload is
    still being stored is ``loading``: hidden from every reader until it is complete. ``rules``
    names the preset that settles its ties (the competition's for that kind of round, from the
    registry); ``None`` for rounds stored before rounds had their own: the season's then."""

    __tablename__ = "rounds"
    __table_args__ = (UniqueConstraint("season_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[int] = mapped_column(ForeignKey("seasons.id"))
    name: Mapped[str] = mapped_column(String(100))
    format: Mapped[str] = mapped_column(String(20))
    position: Mapped[int]
    loading: Mapped[bool] = mapped_column(default=False, server_default=false())
    rules: Mapped[str | None] = mapped_column(String(40), default=None)


class TeamRow(Base):
    """A team: name and country code (empty when the data gives none)."""

    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("name", "country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(10), default="")


class TieRow(Base):
    """A knockout tie of a round, with the number of legs the round plans."""

    __tablename__ = "ties"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    position: Mapped[int]
    legs_planned: Mapped[int]


class MatchRow(Base):
    """A match, with the result as uploaded (``None`` scores until played) and, when the upload
    recorded them, its goals and red cards as JSON lists. Results of matches followed live come
    from their events instead."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    tie_id: Mapped[int | None] = mapped_column(ForeignKey("ties.id"), index=True)
    leg: Mapped[int | None]
    position: Mapped[int]
    date: Mapped[dt.date] = mapped_column(index=True)
    kickoff: Mapped[str | None] = mapped_column(String(5))
    home_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    away_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    venue: Mapped[str | None] = mapped_column(String(200))
    score_home: Mapped[int | None]
    score_away: Mapped[int | None]
    half_time_home: Mapped[int | None]
    half_time_away: Mapped[int | None]
    extra_time_home: Mapped[int | None]
    extra_time_away: Mapped[int | None]
    penalties_home: Mapped[int | None]
    penalties_away: Mapped[int | None]
    awarded: Mapped[bool] = mapped_column(default=False)
    cancelled: Mapped[bool] = mapped_column(default=False)
    goals: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    red_cards: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)


class EventRow(Base):
    """A posted match event. ``key`` is the client's idempotency key (unique per match) and
    ``request`` the digest of the post that created it, so a retry is recognised as one.
    Deleted events stay as rows with ``deleted`` set; ``revision`` counts corrections."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("match_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id"), index=True)
    key: Mapped[str] = mapped_column(String(200))
    request: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    minute: Mapped[int | None]
    added: Mapped[int] = mapped_column(default=0)
    side: Mapped[str | None] = mapped_column(String(4))
    player: Mapped[str | None] = mapped_column(String(200))
    own_goal: Mapped[bool] = mapped_column(default=False)
    penalty: Mapped[bool] = mapped_column(default=False)
    second_yellow: Mapped[bool] = mapped_column(default=False)
    shootout_home: Mapped[int | None]
    shootout_away: Mapped[int | None]
    deleted: Mapped[bool] = mapped_column(default=False)
    revision: Mapped[int] = mapped_column(default=0)
    posted_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class ChangeRow(Base):
    """The journal of writes: one row per created, corrected or deleted event (and one more,
    of the tie it is shown in, for an event of a replay), and one per tie an upload added or
    changed (``uploaded``: no match or event of its own), ids committed in order. Its id is
    the id of the Server-Sent Event that announces the change."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_tie_id", "tie_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int | None] = mapped_column(ForeignKey("matches.id"))
    tie_id: Mapped[int | None] = mapped_column(ForeignKey("ties.id"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    action: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime]
