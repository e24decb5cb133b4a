"""Every JSON shape matchday writes or reads, defined once as pydantic models.

The command line's ``--json`` (``matchday ties``, ``live``, ``forecast``) and the service's
API build their JSON from these models, and the OpenAPI document is generated from them, so a
shape cannot drift between the two. The shapes documented in the README are public contracts:
keys are only ever added, never renamed; the order of the fields is the order of the keys.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from matchday.feed import EventKind, MatchEvent
from matchday.model import Score, Side

__all__ = [
    "MAX_ID",
    "AggregateJSON",
    "BacktestJSON",
    "BacktestModelJSON",
    "CompetitionForecastJSON",
    "DrawBanJSON",
    "DrawEntrantJSON",
    "DrawJSON",
    "ErrorOut",
    "EventIn",
    "EventOut",
    "InPlayJSON",
    "LegJSON",
    "LegOut",
    "LegOutlookJSON",
    "LiveStateJSON",
    "MatchJSON",
    "ModelJSON",
    "MomentJSON",
    "NeedJSON",
    "NextGoalJSON",
    "NightOut",
    "PointOut",
    "RatingJSON",
    "ReportOut",
    "ReportsOut",
    "RoundOut",
    "SeasonOut",
    "StateJSON",
    "TeamForecastJSON",
    "TieForecastJSON",
    "TieJSON",
    "TieOut",
    "TimelineJSON",
    "TimelineOut",
    "TimelineStatesJSON",
    "TournamentForecastJSON",
    "TournamentTeamJSON",
    "WrittenOut",
]

MAX_ID = 2**31 - 1
"""The largest id the database columns hold."""

Pair = Annotated[list[int], Field(min_length=2, max_length=2)]
"""A score or an aggregate, ``[home, away]`` or ``[team1, team2]``."""

Count = Annotated[int, Field(ge=0, le=99)]


class _Shape(BaseModel):
    """A JSON shape: its fields are its keys, in order."""

    model_config = ConfigDict(frozen=True)

    def json_data(self) -> dict[str, Any]:
        """The plain data (dicts and lists) to write as JSON."""
        return self.model_dump(mode="json")


# --- matchday ties --json -------------------------------------------------------------------


class LegJSON(_Shape):
    """One leg: date, teams, scores as ``[home, away]`` (``null`` when absent), status."""

    date: str
    home: str
    away: str
    score: Pair | None
    extra_time: Pair | None
    penalties: Pair | None
    half_time: Pair | None
    kickoff: str | None
    status: str
    dated: bool = Field(
        True,
        description="false when the source gives the match no day: its date is then unknown "
        "and 'date' only 1 January of the file's year, never to be read as the day it was played",
    )


class TieJSON(_Shape):
    """A tie of ``matchday ties --json``; ``team1`` hosts the first leg and counts first in
    ``aggregate``."""

    round: str
    team1: str
    team2: str
    legs: list[LegJSON]
    aggregate: Pair | None
    winner: str | None
    decided_by: str | None
    explanation: str
    away_goals: Pair | None
    rules: str
    replays: list[LegJSON] = Field(
        default_factory=list,
        description="the matches that replayed the tie when its legs left it level, in date "
        "order (a replay is part of its tie), each as a leg",
    )
    unsettled: str | None = Field(
        None,
        description="why the results alone do not decide the finished tie: 'drawing of lots', "
        "'the shoot-out is not in the data', ... (the winner, if any, is the team the data "
        "shows in the next round); null when the results decide it",
    )
    second_leg_to_come: bool = Field(
        False,
        description="true for a two-legged tie whose source holds only the first leg (the "
        "round is two-legged by its competition or its header): undecided, its second leg "
        "not in the file yet",
    )


# --- matchday live --json -------------------------------------------------------------------


class NeedJSON(_Shape):
    """What one side needs: goals to go through, goals to force the next phase, and which."""

    team: str
    to_go_through: int | None
    to_force: int | None
    forces: str | None


class NextGoalJSON(_Shape):
    """What the next goal of one side would do."""

    team: str
    effect: str
    through: str | None
    awaiting: str | None
    explanation: str


class StateJSON(_Shape):
    """One moment of the deciding match: scores, who is through and why, what each side needs
    (home team first), the next goal."""

    clock: str
    minute: int
    added: int
    phase: str | None
    score: Pair | None
    score_after_90: Pair | None
    penalties: Pair | None
    aggregate: Pair | None
    away_goals: Pair | None
    through: str | None
    decided_by: str | None
    awaiting: str | None
    explanation: str
    needs: list[NeedJSON]
    next_goal: list[NextGoalJSON]


class MatchJSON(_Shape):
    """The deciding match: date and teams."""

    date: str
    home: str
    away: str
    dated: bool = Field(
        True, description="false when the source gives the match no day (as a leg's 'dated')"
    )


class MomentJSON(_Shape):
    """One goal of a timeline and the state after it."""

    clock: str
    minute: int
    added: int
    team: str
    scorer: str | None
    own_goal: bool
    penalty: bool
    turning_point: bool
    state: StateJSON


class TimelineStatesJSON(_Shape):
    """The deciding match replayed: the state at kick-off, after each goal, at the end."""

    kickoff: StateJSON
    goals: list[MomentJSON]
    final: StateJSON


class LiveStateJSON(_Shape):
    """``matchday live --json``: the tie, then ``state`` (with ``--score`` or ``--minute``)
    or ``timeline``."""

    round: str
    team1: str
    team2: str
    first_leg: LegJSON | None
    match: MatchJSON
    rules: str
    state: StateJSON | None = Field(None, exclude_if=lambda v: v is None)
    timeline: TimelineStatesJSON | None = Field(None, exclude_if=lambda v: v is None)


TimelineJSON = LiveStateJSON
"""``matchday live --json`` without ``--score``: the same shape with ``timeline``."""


# --- matchday forecast --json ---------------------------------------------------------------


class ModelJSON(_Shape):
    """The ratings a forecast used: their file and the date they were fitted before."""

    file: str
    as_of: str
    age_days: int
    """Days from ``as_of`` to the forecast date: results of those days are not in the
    ratings."""
    note: str | None
    """One line of English when the ratings are more than a month old, else ``None``."""


class RatingJSON(_Shape):
    """A team's rating: attack and defence strengths, matches behind them, and why."""

    attack: float
    defence: float
    matches: int
    basis: str
    explanation: str


class InPlayJSON(_Shape):
    """The moment an in-play forecast starts from."""

    leg: int
    score: Pair
    minute: int
    added: int = 0
    """Added time of the minute: ``90+6'`` is minute 90, added 6."""
    red_cards: list[int]


class LegOutlookJSON(_Shape):
    """A leg still to play (or being played): its teams and expected goals."""

    home: str
    away: str
    expected_goals: list[float]


class AggregateJSON(_Shape):
    """One final aggregate and its probability."""

    aggregate: Pair
    probability: float


class TieForecastJSON(_Shape):
    """``matchday forecast --tie TEAM --json``."""

    round: str
    team1: str
    team2: str
    rules: str
    date: str
    stage: str
    model: ModelJSON
    first_leg: Pair | None
    in_play: InPlayJSON | None
    legs: list[LegOutlookJSON]
    ratings: dict[str, RatingJSON]
    through: dict[str, float]
    extra_time: float | None
    penalties: float | None
    replay: float | None = None
    """P(the tie is left level and replayed), under rules that replay it (else 0); ``null``
    once decided. ``through`` includes each side's chance of winning the replay."""
    lots: float | None = None
    """P(the tie is left level and lots are drawn, a coin toss), under rules that draw them
    (else 0); ``null`` once decided."""
    expected_aggregate: list[float] | None
    """Expected final aggregate ``[team1, team2]``, extra time included; of a decided tie the
    real one (``null`` where the data gives none), always present."""
    aggregates: list[AggregateJSON]
    explanation: str
    note: str | None = None
    """As ``CompetitionForecastJSON.note``: a date before the file's first match."""


class TeamForecastJSON(_Shape):
    """One team of a competition forecast: how far it goes, how likely it wins."""

    name: str
    country: str | None
    reach: dict[str, float]
    win: float
    rating: RatingJSON


class _SimulatedJSON(_Shape):
    """What every simulated forecast says first: of what, as of when, from which model, and how
    many simulations with which seed."""

    competition: str
    season: str
    date: str
    model: ModelJSON
    simulations: int
    seed: int | None


class CompetitionForecastJSON(_SimulatedJSON):
    """``matchday forecast --json`` of a whole competition."""

    draw: str
    draws: dict[str, str | None]
    rounds: list[str]
    teams: list[TeamForecastJSON]
    note: str | None = None
    """One line of English when the date is before the file's first match (its teams and
    fixtures may not have been known then), else ``None``."""


# --- matchday backtest --json -----------------------------------------------------------------


class BacktestModelJSON(_Shape):
    """One forecaster's scores in a backtest; a score with nothing to score (no ties) is
    ``null``."""

    name: str
    covered: int
    rps: float
    log_loss: float
    rps_common: float
    log_loss_common: float
    ties: int
    brier: float | None
    tie_ece: float | None
    ties_between: int
    brier_between: float | None
    tie_ece_between: float | None
    fit_seconds: float
    note: str


class BacktestJSON(_Shape):
    """``matchday backtest --json``: every forecaster scored over the same matches and ties,
    refitted ``refit`` (monthly or weekly) at ``origins`` refit days."""

    start: str
    end: str
    origins: int
    refit: str
    matches: int
    common: int
    ties: int
    skipped_ties: int
    skipped_tie_reasons: list[str] = []
    """Why each tie of ``skipped_ties`` was left out (the rules its record breaks)."""
    seconds: float
    models: list[BacktestModelJSON]
    note: str | None = None
    """What the run left out that was asked for by default (penaltyblog not installed)."""
    generated: str


class TournamentTeamJSON(_Shape):
    """One team of a tournament forecast: its group, its chance of each place in the group, of
    reaching each stage, of ending at each stage, and what its rating rests on."""

    name: str
    group: str
    places: list[float]
    reach: dict[str, float]
    exit: dict[str, float]
    win: float
    rating: str


class TournamentForecastJSON(_SimulatedJSON):
    """``matchday forecast --json`` of a World Cup or Euro: each team's chance of every stage."""

    hosts: list[str]
    """The host nations as the simulation plays them: at home in their group matches, co-hosts
    included; a single host in its knockout matches too."""
    played: int
    stages: list[str]
    teams: list[TournamentTeamJSON]
    uncertainty: str | None = Field(None, exclude_if=lambda v: v is None)
    """What the simulation carried of the ratings' uncertainty (absent for the point one)."""
    note: str | None = None
    """As ``CompetitionForecastJSON.note``: a date before the tournament's first match."""


# --- matchday draw --json ------------------------------------------------------------------


class DrawEntrantJSON(_Shape):
    """A team in a draw's pot: its association, group and bracket slot, how it got there."""

    team: str
    association: str
    group: str | None
    slot: str | None
    origin: str
    tie: TieJSON | None = Field(
        None,
        description="the knockout play-off tie the entrant comes from (the league-phase round "
        "of 16), decided as 'matchday ties' decides it: its winner is the entrant, or, while "
        "the tie is undecided, the entrant stands for both teams ('A / B'); null otherwise",
    )


class DrawBanJSON(_Shape):
    """A tie the draw may not make, and why."""

    unseeded: str
    seeded: str
    reason: str


class DrawJSON(_Shape):
    """``matchday draw --json``: the pairing-probability matrix of a knockout draw."""

    draw: str
    method: str
    draws: int
    source: str
    seeded: list[DrawEntrantJSON]
    unseeded: list[DrawEntrantJSON]
    probabilities: dict[str, dict[str, float]]
    bans: list[DrawBanJSON]


# --- the service's API ----------------------------------------------------------------------


class EventIn(BaseModel):
    """A match event to post or, for a correction, its new content. A key it does not know is
    refused, never dropped: ``"own_gaol": true`` would otherwise store an ordinary goal."""

    model_config = ConfigDict(extra="forbid")

    kind: EventKind
    minute: int | None = Field(None, ge=1, le=120, description="1 to 120; 90+4' is 90 and 4")
    added: int = Field(0, ge=0, le=30, description="added time after the 45th, 90th, ...")
    side: Side | None = Field(
        None,
        description="goal: the side it counts for (own goals count for the opponents); "
        "red card: the side of the player sent off",
    )
    player: str | None = Field(
        None,
        max_length=200,
        description="as the files matchday reads name players: without spaces at either end "
        "(stripped; a name of spaces alone is no name, null)",
    )
    own_goal: bool = False
    penalty: bool = False
    second_yellow: bool = False
    shootout: tuple[Count, Count] | None = Field(None, description="shoot-out result, home first")

    @field_validator("player", mode="before")
    @classmethod
    def _trimmed(cls, value: object) -> object:
        """A name without the spaces around it, as a file's reader gives it: " Toloi " would
        otherwise be another scorer than the "Toloi" of the timeline and the round-up."""
        return (value.strip() or None) if isinstance(value, str) else value

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


class EventOut(_Shape):
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


class WrittenOut(_Shape):
    """The event after a write, and the id of the change it made (``null`` for a retry)."""

    event: EventOut
    change_id: int | None


class LegOut(LegJSON):
    """One leg: the ``matchday ties --json`` leg, then the live keys."""

    match_id: int
    period: str = Field(description="not_started, first_half, half_time, second_half, ...")
    minute: int | None = Field(description="the minute now while the match is on")
    added: int | None
    live_score: Pair | None = Field(description="the score now, once kicked off")
    events: list[EventOut]


class PointOut(_Shape):
    """P(through) of each side at one minute of the deciding match."""

    minute: int
    added: int
    team1: float
    team2: float


class TimelineOut(_Shape):
    """The deciding match so far: each goal with the state after it, and P(through) at
    kick-off, just before and after each goal or red card, and now (when a forecast is
    available)."""

    goals: list[MomentJSON]
    p_through: list[PointOut]


class TieOut(TieJSON):
    """A tie: the ``matchday ties --json`` tie, then ids and the live keys."""

    legs: list[LegOut]  # type: ignore[assignment]  # the CLI's legs with keys added
    replays: list[LegOut] = Field(  # type: ignore[assignment]  # as the legs
        default_factory=list,
        description="replays of a drawn tie (a replay is part of its tie), with the legs' keys",
    )
    id: int
    round_id: int
    season_id: int
    competition: str
    season: str
    live: StateJSON | None = Field(
        description="while the deciding match is on: the state of `matchday live --json` "
        "(through, explanation, needs, next_goal, ...)"
    )
    timeline: TimelineOut | None = Field(
        description="the deciding match so far: `goals` with the state after each, and "
        "`p_through`, points {minute, added, team1, team2} of P(through) at kick-off, just "
        "before and after each goal or red card, and now (when a forecast is available)"
    )
    p_through: list[float] | None = Field(
        description="P(team1 through), P(team2 through) now, when a forecast is available: "
        "from the first leg's result on (before kick-off of the deciding match) to full time; "
        "once the tie is decided, with the service's forecaster, the certain [1, 0] or [0, 1] "
        "of its winner however its result came (posted or uploaded) and whatever ratings "
        "there are; null without a forecaster (`forecast_note`), before the first leg's "
        "result, and for a finished tie its results do not decide (`unsettled`)",
        min_length=2,
        max_length=2,
    )
    p_extra_time: float | None = Field(
        description="P(extra time is played), when a forecast is available (1 once begun; of a "
        "decided tie 1 or 0, as played)"
    )
    p_penalties: float | None = Field(
        description="P(a penalty shoot-out), when a forecast is available (1 once begun; of a "
        "decided tie 1 or 0, as played)"
    )
    forecast_note: str | None = Field(
        description="why the chances are null where they would be shown: `no_forecaster` "
        "(the service runs without one, `--no-forecast`), `no_ratings` (none of the ratings "
        "shipped with matchday was fitted within a year before the match date: a season "
        "beyond the newest ratings, or long before the oldest); null otherwise",
    )


class NightOut(_Shape):
    """The ties of a night or a round."""

    date: str | None
    round_id: int | None
    ties: list[TieOut]


class RoundOut(_Shape):
    """A stored round."""

    id: int
    name: str
    ties: int
    matches: int


class SeasonOut(_Shape):
    """A stored season and the rounds an upload added (all its rounds, when listed)."""

    id: int
    competition: str
    name: str
    rules: str
    rounds: list[RoundOut]


class ReportOut(_Shape):
    """One competition's round-up of a night."""

    competition: str
    season: str
    headline: str
    markdown: str
    html: str


class ReportsOut(_Shape):
    """The round-ups of a night in one language."""

    date: str
    lang: str
    reports: list[ReportOut]


class ErrorOut(_Shape):
    """An error: its kind (``rule_error``, ``conflict``, ...) and a message naming the problem
    (never more than a few hundred characters of the input)."""

    error: str
    message: str
    file: str | None = Field(
        None,
        description="the uploaded file at fault (an error that does not parse or breaks a rule)",
    )
    line: int | None = Field(
        None, description="its 1-based line (of a football.json file: the match's number), if known"
    )
    pointer: str | None = Field(
        None, description="of a football.json file: the JSON pointer of the value at fault"
    )
    detail: list[dict[str, Any]] | None = Field(
        None, description="for an invalid request: each problem's place, kind and message"
    )
