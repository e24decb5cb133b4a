"""Matches and what happens in them: scores at each stage, goals and red cards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from matchday.errors import (
    GoalCountError,
    InvalidValueError,
    RuleError,
    ScoreOrderError,
    SelfMatchError,
)
from matchday.model.score import Score
from matchday.model.team import Team
from matchday.source import SourceRef

__all__ = [
    "EXTRA_TIME_END",
    "HALF_TIME",
    "REGULAR_TIME",
    "Goal",
    "Match",
    "MatchStatus",
    "RedCard",
    "Side",
    "clock_text",
    "goal_from_data",
    "incident_data",
    "red_card_from_data",
]

HALF_TIME = 45
"""The last minute of the first half (its added time is written 45+2)."""

REGULAR_TIME = 90
"""Minutes of regular time; a goal at 90+4' is still in regular time."""

EXTRA_TIME_END = 120
"""The last minute of extra time (two halves of 15 minutes after the 90)."""


def clock_text(minute: int, added: int = 0) -> str:
    """A minute as written in reports: ``83'`` or ``90+4'``; the one place this is spelled."""
    return f"{minute}+{added}'" if added else f"{minute}'"


class Side(StrEnum):
    """Home or away side of one match."""

    HOME = "home"
    AWAY = "away"

    @property
    def other(self) -> Side:
        """The opposing side."""
        return Side.AWAY if self is Side.HOME else Side.HOME


class MatchStatus(StrEnum):
    """Whether a match has a result, and of what kind."""

    SCHEDULED = "scheduled"
    PLAYED = "played"
    AWARDED = "awarded"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal: when, by whom, and for which team it counts (an own goal counts for the opponent)."""

    minute: int
    team: Team
    scorer: str | None = None
    added: int = 0
    own_goal: bool = False
    penalty: bool = False

    def __post_init__(self) -> None:
        _check_minute(self.minute, self.added)
        _check_team(self.team, "a goal")

    @property
    def in_extra_time(self) -> bool:
        """True for a goal after the 90th minute and its added time."""
        return self.minute > REGULAR_TIME

    @property
    def clock(self) -> str:
        """The minute as written in reports: ``83'`` or ``90+4'``."""
        return clock_text(self.minute, self.added)


@dataclass(frozen=True, slots=True)
class RedCard:
    """A player sent off."""

    minute: int
    team: Team
    player: str | None = None
    added: int = 0
    second_yellow: bool = False

    def __post_init__(self) -> None:
        _check_minute(self.minute, self.added)
        _check_team(self.team, "a red card")


_SCORE_OR_NONE = frozenset({Score, type(None)})
"""The types a score of a match may have (one set lookup per score of a new match)."""


def _check_minute(minute: int, added: int) -> None:
    """A match minute is a whole number from 1, its added time one from 0."""
    whole = type(minute) is int and type(added) is int
    if not whole or minute < 1 or added < 0:
        raise InvalidValueError(f"not a match minute: {minute!r}+{added!r}")


def _check_team(team: Team, what: str) -> None:
    if not isinstance(team, Team):
        raise InvalidValueError(f"{what} is for a Team, not {team!r}")


def incident_data(item: Goal | RedCard, home: Team) -> dict[str, Any]:
    """A goal or red card as plain JSON-able data, its team given as the side of the match
    whose home team is ``home``: the one shape in which the store and a stored match state
    keep them (``goal_from_data``, ``red_card_from_data`` read it back)."""
    data: dict[str, Any] = {
        "minute": item.minute,
        "added": item.added,
        "side": (Side.HOME if item.team == home else Side.AWAY).value,
    }
    if isinstance(item, Goal):
        data.update(scorer=item.scorer, own_goal=item.own_goal, penalty=item.penalty)
    else:
        data.update(player=item.player, second_yellow=item.second_yellow)
    return data


def goal_from_data(data: Mapping[str, Any], home: Team, away: Team) -> Goal:
    """The goal ``incident_data`` wrote for a match of ``home`` v ``away``."""
    team = home if data["side"] == Side.HOME.value else away
    return Goal(
        data["minute"], team, data["scorer"], data["added"], data["own_goal"], data["penalty"]
    )


def red_card_from_data(data: Mapping[str, Any], home: Team, away: Team) -> RedCard:
    """The red card ``incident_data`` wrote for a match of ``home`` v ``away``."""
    team = home if data["side"] == Side.HOME.value else away
    return RedCard(data["minute"], team, data["player"], data["added"], data["second_yellow"])


@dataclass(frozen=True, slots=True)
class Match:
    """One match. ``score`` is the score after 90 minutes; ``None`` means not played (yet).

    ``extra_time`` is the score after 120 minutes (cumulative, as written ``2-1 a.e.t.``),
    ``penalties`` the shoot-out. ``goals`` and ``red_cards`` are ``None`` when the data does not
    record them, and a tuple (possibly empty) when it does; a goalless result always has ``()``.

    What a source may leave out is flagged rather than guessed: ``dated`` is false for a match
    whose file gives no day (``date`` then is 1 January of the year the file gives), and
    ``full_time_recorded`` is false for a match written only with its score after extra time
    (``2-1 a.e.t.``): ``score`` then holds the lowest level score that extra time can follow.
    ``number`` is the match number a file gives (``(73)``), ``note`` a status word it writes
    (``postponed``, ``abandoned``, ``walkover``).
    """

    date: dt.date
    home: Team
    away: Team
    score: Score | None = None
    kickoff: dt.time | None = None
    half_time: Score | None = None
    extra_time: Score | None = None
    penalties: Score | None = None
    goals: tuple[Goal, ...] | None = None
    red_cards: tuple[RedCard, ...] | None = None
    awarded: bool = False
    cancelled: bool = False
    venue: str | None = None
    source: SourceRef | None = field(default=None, compare=False)
    number: int | None = None
    note: str | None = None
    dated: bool = True
    full_time_recorded: bool = True

    def __post_init__(self) -> None:
        if (
            type(self.date) is not dt.date
            or type(self.home) is not Team
            or type(self.away) is not Team
            or type(self.score) not in _SCORE_OR_NONE
            or type(self.extra_time) not in _SCORE_OR_NONE
            or type(self.half_time) not in _SCORE_OR_NONE
            or type(self.penalties) not in _SCORE_OR_NONE
        ):
            self._check_types()  # the exact types are the fast way in; subclasses pass here
        if self.home == self.away:
            raise SelfMatchError(self.label, "a team cannot play itself", self.source)
        self._check_scores()
        self._check_events()
        if self.goals is None and self._goalless:
            object.__setattr__(self, "goals", ())  # no goal lines needed to know there were none

    @property
    def _goalless(self) -> bool:
        """True for a result of no goals at all (0-0, and 0-0 after extra time if played):
        its goal events are known without a goal line."""
        score, extra = self.score, self.extra_time
        return (
            score is not None
            and not self.awarded
            and self.full_time_recorded
            and score.home == score.away == 0
            and (extra is None or extra.home == extra.away == 0)
        )

    def _check_types(self) -> None:
        """The date a ``datetime.date`` (not a string or a datetime), the teams ``Team``s and
        the scores ``Score``s: checked cheaply on the way in, so a wrong type is an
        ``InvalidValueError`` naming it, not an ``AttributeError`` somewhere later."""
        if type(self.date) is not dt.date:
            raise InvalidValueError(f"a match's date is a datetime.date, not {self.date!r}")
        for team in (self.home, self.away):
            if not isinstance(team, Team):
                raise InvalidValueError(f"a match is between two Teams, not {team!r}")
        for score in (self.score, self.half_time, self.extra_time, self.penalties):
            if score is not None and not isinstance(score, Score):
                raise InvalidValueError(f"{self.label}: a score is a Score, not {score!r}")

    @property
    def label(self) -> str:
        """``Home v Away, date``: how errors and logs name the match."""
        return f"{self.home} v {self.away}, {self.date.isoformat()}"

    @property
    def status(self) -> MatchStatus:
        """Scheduled, played, awarded (result given by the authorities) or cancelled."""
        if self.cancelled:
            return MatchStatus.CANCELLED
        if self.awarded:
            return MatchStatus.AWARDED
        return MatchStatus.SCHEDULED if self.score is None else MatchStatus.PLAYED

    @property
    def played(self) -> bool:
        """True when the match has a result (played or awarded)."""
        return self.score is not None

    @property
    def scheduled(self) -> Match:
        """The match as it stood before kick-off: date, teams, kick-off and venue, no result."""
        return replace(
            self,
            score=None,
            half_time=None,
            extra_time=None,
            penalties=None,
            goals=None,
            red_cards=None,
            awarded=False,
        )

    @property
    def final_score(self) -> Score | None:
        """The score when play ended: after extra time if there was any, else after 90 minutes."""
        return self.extra_time if self.extra_time is not None else self.score

    def team(self, side: Side) -> Team:
        """The team playing on ``side``."""
        return self.home if side is Side.HOME else self.away

    def side_of(self, team: Team) -> Side:
        """Whether ``team`` plays at home or away here."""
        if team == self.home:
            return Side.HOME
        if team == self.away:
            return Side.AWAY
        raise RuleError(self.label, f"{team} does not play in this match", self.source)

    def _fail(self, kind: type[RuleError], problem: str) -> RuleError:
        return kind(self.label, problem, self.source)

    def _check_scores(self) -> None:
        if self.score is None:
            extras = (self.half_time, self.extra_time, self.penalties, self.goals, self.red_cards)
            if any(part is not None for part in extras) or self.awarded:
                raise self._fail(RuleError, "details are recorded but no score")
            return
        if self.cancelled:
            raise self._fail(RuleError, "a cancelled match cannot have a score")
        if self.half_time is not None and not self.score.covers(self.half_time):
            raise self._fail(
                ScoreOrderError, f"half-time score {self.half_time} exceeds full time {self.score}"
            )
        if self.extra_time is not None and not self.extra_time.covers(self.score):
            raise self._fail(
                ScoreOrderError,
                f"score after extra time {self.extra_time} is lower than "
                f"after 90 minutes {self.score}",
            )
        if self.penalties is not None and self.penalties.level:
            raise self._fail(RuleError, f"a shoot-out cannot end level ({self.penalties})")

    def _check_events(self) -> None:
        teams = (self.home, self.away)
        for card in self.red_cards or ():
            if card.team not in teams:
                raise self._fail(RuleError, f"red card for {card.team}, who do not play here")
        if self.goals is None or self.score is None:
            return
        for goal in self.goals:
            if goal.team not in teams:
                raise self._fail(GoalCountError, f"goal for {goal.team}, who do not play here")
            if goal.in_extra_time and self.extra_time is None:
                raise self._fail(GoalCountError, f"goal at {goal.clock} but no extra time played")
        regular = _count(self.goals, self.home, self.away, regular_only=True)
        if regular != self.score:
            raise self._fail(
                GoalCountError, f"goals in regular time make {regular}, the score is {self.score}"
            )
        if self.extra_time is not None:
            total = _count(self.goals, self.home, self.away, regular_only=False)
            if total != self.extra_time:
                raise self._fail(
                    GoalCountError,
                    f"goals make {total} after extra time, the score is {self.extra_time}",
                )


def _count(goals: tuple[Goal, ...], home: Team, away: Team, *, regular_only: bool) -> Score:
    counted = [g for g in goals if not (regular_only and g.in_extra_time)]
    return Score(
        sum(1 for g in counted if g.team == home), sum(1 for g in counted if g.team == away)
    )
