"""The API's request and response bodies, as pydantic models for validation and OpenAPI.

The tie models document the JSON of ``matchday ties --json`` (``TieOut``'s first ten fields,
``LegOut``'s first nine) with the keys the service adds; a test keeps them equal to what
``tie_json`` and ``tie_view`` produce.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, Field

from matchday.feed import EventKind, MatchEvent
from matchday.model import Score, Side

__all__ = [
    "ErrorOut",
    "EventIn",
    "EventOut",
    "Id",
    "LegOut",
    "NightOut",
    "ReportOut",
    "ReportsOut",
    "SeasonOut",
    "TieOut",
]

MAX_ID = 2**31 - 1
"""The largest id the database columns hold."""

Id = Annotated[int, Path(ge=1, le=MAX_ID, description="an id as the API gave it")]
"""A stored id: the path parameter of seasons, rounds, ties, matches and events."""

Pair = Annotated[list[int], Field(min_length=2, max_length=2)]
Count = Annotated[int, Field(ge=0, le=99)]


class EventIn(BaseModel):
    """A match event to post or, for a correction, its new content."""

    kind: EventKind
    minute: int | None = Field(None, ge=1, le=120, description="1 to 120; 90+4' is 90 and 4")
    added: int = Field(0, ge=0, le=30, description="added time after the 45th, 90th, ...")
    side: Side | None = Field(
        None,
        description="goal: the side it counts for (own goals count for the opponents); "
        "red card: the side of the player sent off",
    )
    player: str | None = Field(None, max_length=200)
    own_goal: bool = False
    penalty: bool = False
    second_yellow: bool = False
    shootout: tuple[Count, Count] | None = Field(None, description="shoot-out result, home first")

    def to_event(self) -> MatchEvent:
        """The feed's event."""
        return MatchEvent(
            kind=self.kind,
            minute=self.minute,
            added=self.added,
            side=self.side,
            player=self.player,
            own_goal=self.own_goal,
            penalty=self.penalty,
            second_yellow=self.second_yellow,
            shootout=None if self.shootout is None else Score(*self.shootout),
        )


class EventOut(BaseModel):
    """A stored event."""

    id: int
    match_id: int
    kind: EventKind
    minute: int | None
    added: int
    clock: str | None
    side: Side | None
    player: str | None
    own_goal: bool
    penalty: bool
    second_yellow: bool
    shootout: Pair | None
    revision: int = Field(description="how many times it was corrected or deleted")
    deleted: bool
    posted_at: str
    updated_at: str


class WrittenOut(BaseModel):
    """The event after a write, and the id of the change it made (``null`` for a retry)."""

    event: EventOut
    change_id: int | None


class LegOut(BaseModel):
    """One leg: the ``matchday ties --json`` leg, then the live keys."""

    date: str
    home: str
    away: str
    score: Pair | None
    extra_time: Pair | None
    penalties: Pair | None
    half_time: Pair | None
    kickoff: str | None
    status: str
    match_id: int
    period: str = Field(description="not_started, first_half, half_time, second_half, ...")
    minute: int | None = Field(description="the minute now while the match is on")
    added: int | None
    live_score: Pair | None = Field(description="the score now, once kicked off")
    events: list[EventOut]


class TieOut(BaseModel):
    """A tie: the ``matchday ties --json`` tie, then ids and the live keys."""

    round: str
    team1: str
    team2: str
    legs: list[LegOut]
    aggregate: Pair | None
    winner: str | None
    decided_by: str | None
    explanation: str
    away_goals: Pair | None
    rules: str
    id: int
    round_id: int
    season_id: int
    competition: str
    season: str
    live: dict[str, Any] | None = Field(
        description="while the deciding match is on: the state of `matchday live --json` "
        "(through, explanation, needs, next_goal, ...)"
    )
    timeline: dict[str, Any] | None = Field(
        description="the deciding match so far: `goals` with the state after each, and "
        "`p_through`, points {minute, added, team1, team2} of P(through) at kick-off, just "
        "before and after each goal or red card, and now (when a forecast is available)"
    )
    p_through: Pair | list[float] | None = Field(
        description="P(team1 through), P(team2 through) now, when a forecast is available: "
        "from the first leg's result on (before kick-off of the deciding match) to full time"
    )
    p_extra_time: float | None = Field(
        description="P(extra time is played), when a forecast is available (1 once begun)"
    )
    p_penalties: float | None = Field(
        description="P(a penalty shoot-out), when a forecast is available (1 once begun)"
    )


class NightOut(BaseModel):
    """The ties of a night or a round."""

    date: str | None
    round_id: int | None
    ties: list[TieOut]


class RoundOut(BaseModel):
    """A stored round."""

    id: int
    name: str
    ties: int
    matches: int


class SeasonOut(BaseModel):
    """A stored season and the rounds an upload added (all its rounds, when listed)."""

    id: int
    competition: str
    name: str
    rules: str
    rounds: list[RoundOut]


class ReportOut(BaseModel):
    """One competition's round-up of a night."""

    competition: str
    season: str
    headline: str
    markdown: str
    html: str


class ReportsOut(BaseModel):
    """The round-ups of a night in one language."""

    date: str
    lang: str
    reports: list[ReportOut]


class ErrorOut(BaseModel):
    """An error: its kind (``rule_error``, ``conflict``, ...) and a message naming the problem."""

    error: str
    message: str
    file: str | None = Field(None, description="for an upload that does not parse")
    line: int | None = None
    detail: list[dict[str, Any]] | None = Field(
        None, description="for an invalid request: each problem, as FastAPI reports it"
    )
