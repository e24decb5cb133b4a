"""What the data says of a claim, as data: a ``Reason`` is a key (``Why``) and the values the
sentence needs (teams, scores, goals, chances, a match state). The sentences are made at the
edge (``matchday.report.reasons``, one Jinja2 macro per key and language), so that a new
language never touches the judge."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from matchday.live import MatchState, NextGoal
from matchday.model import Goal, RedCard, Score, Tally, Team, is_final
from matchday.rules import DecidedBy, ExtraTime, Phase

__all__ = ["Reason", "Value", "Why", "next_goal_reason", "state_reason"]


class Why(StrEnum):
    """Every reason the judge gives, by what it says (the English sentence in brief)."""

    ALSO = "also"
    """Several reasons, each told in turn (``reasons``)."""
    ELSEWHERE = "elsewhere"
    """``team`` did not play that night; nothing said of it is checked."""
    DID_NOT_PLAY = "did_not_play"
    """``team`` did not play that night."""
    NO_HOSTS_ON_RECORD = "no_hosts_on_record"
    """No host nation of ``competition`` ``season`` on record."""
    NO_HOSTS = "no_hosts"
    """``competition`` ``season`` had no host nation."""
    HOSTS_ELSEWHERE = "hosts_elsewhere"
    """The ``hosts`` (English country names) did not play in the tie of ``teams`` (or in the
    match told, ``teams`` empty)."""
    NO_FINAL = "no_final"
    """``round`` is no final: no title decided that night."""
    NOT_PLAYED = "not_played"
    NOT_DECIDED = "not_decided"
    """The tie was not decided that night."""
    SECOND_LEG_TO_COME = "second_leg_to_come"
    """The tie is open, its second leg still to come: nobody is through or out yet (the first
    leg: ``home`` ``score`` ``away``, ``score`` home goals first)."""
    RESULT = "result"
    """``home`` ``score`` ``away``: a draw, won by ``winner``, or a draw won on penalties
    (``shootout``) by ``winner``."""
    TIE_WON = "tie_won"
    """``winner`` went through and ``loser`` out (won and lost the final, ``final``)."""
    AGGREGATE_NOT_LEVEL = "aggregate_not_level"
    DID_NOT_LOSE = "did_not_lose"
    """``team`` did not lose the match."""
    NEVER_BEHIND = "never_behind"
    """``team`` were never behind ``where`` ("match" or "aggregate")."""
    NEVER_LEVEL_AGAIN = "never_level_again"
    """``team`` were behind ``where`` and never drew level again."""
    GOALS_NOT_ON_RECORD = "goals_not_on_record"
    """The goals of that match are not on record."""
    DECIDING_GOALS_NOT_ON_RECORD = "deciding_goals_not_on_record"
    CARDS_NOT_ON_RECORD = "cards_not_on_record"
    NO_TIE = "no_tie"
    """No tie to check it on."""
    DECIDED = "decided"
    """How the tie was decided (``by``), and who won a shoot-out (``winner``, ``shootout``:
    the winner's kicks first) when told."""
    DID_NOT_MEET = "did_not_meet"
    """``home`` and ``away`` did not meet that night; ``home`` played ``opponent`` (``None``:
    not known)."""
    REPLAY_WON = "replay_won"
    """The replay that decided the tie that night: ``home`` ``score`` ``away``, won by
    ``winner`` in normal time, or after extra time (``after_extra_time``); an earlier match's
    extra time is not the night's."""
    SCORE_LINE = "score_line"
    """``home`` ``score`` ``away`` (``score`` home goals first; ``None``: no score)."""
    NO_AGGREGATE = "no_aggregate"
    AGGREGATE = "aggregate"
    """``team`` ``goals`` (its own first) on aggregate."""
    FIRST_LEG = "first_leg"
    """The first leg ended ``score``."""
    SHOOTOUT = "shootout"
    """The shoot-out ended ``score``."""
    HALF_TIME = "half_time"
    AFTER_90 = "after_90"
    AFTER_EXTRA_TIME = "after_extra_time"
    """The score after extra time (``scores``: one per match that went to it)."""
    NO_EXTRA_TIME = "no_extra_time"
    """No extra time was played: ``home`` ``score`` ``away`` after 90 minutes, then straight
    to penalties, won by ``winner`` (``shootout``: the winner's kicks first; ``None``: no
    shoot-out)."""
    SCORE_WENT = "score_went"
    """The running score (``scores``), with each goal's minute when ``goals`` are given."""
    NO_MOMENT = "no_moment"
    """A score the data has no moment for."""
    HYPOTHETICAL = "hypothetical"
    HYPOTHETICAL_GOAL = "hypothetical_goal"
    LEADER_UNTOLD = "leader_untold"
    """A score said to be led or trailed without the side that did: which way round it is,
    is not told."""
    """A goal that would or could have been, or nearly was: no claim that it was scored."""
    DID_NOT_SCORE = "did_not_score"
    """``player`` (as written) did not score; the match's ``goals``."""
    SCORED_NOWHERE = "scored_nowhere"
    """``player`` (as written) scored in none of the matches of that night (or round)."""
    PLAYER_NOWHERE = "player_nowhere"
    """``player`` (as written) is on record (a goal, a card) in none of the matches of that
    night (or round): his side is not known, what is said of it is not checked."""
    SIDE_UNNAMED = "side_unnamed"
    """A side named by an adjective (``written``: "Braziliaanse ploeg"), not by a name the
    checker knows: what is said of it is not checked."""
    PLAYER_UNPLACED = "player_unplaced"
    """``player`` (as written) is on record for more than one side that night (``teams``): his
    side is not known, what is said of it is not checked."""
    SCORED = "scored"
    """``player`` scored ``count`` (in the minutes named, ``within``) at ``goals``."""
    SCORED_AT = "scored_at"
    """``player`` scored at the minutes of ``goals``."""
    NO_OWN_GOAL = "no_own_goal"
    NO_PENALTY = "no_penalty"
    PENALTIES_SCORED = "penalties_scored"
    """``player`` scored ``penalties`` of his ``count`` goals from the spot (at ``goals``)."""
    GOAL_MADE = "goal_made"
    """``player``'s goal made it ``score``."""
    FIRST_GOAL = "first_goal"
    """The first goal was ``goal`` (``None``: no goal)."""
    NOT_EQUALISER = "not_equaliser"
    NOT_LEAD = "not_lead"
    WINNING_GOAL = "winning_goal"
    """The winning goal was ``goal`` (``None``: no goal won it)."""
    THE_GOALS = "the_goals"
    """The match's ``goals``."""
    TEAM_PENALTIES = "team_penalties"
    """``team`` scored ``kicks`` in the shoot-out (``None``: there was none) and ``goals``
    from the penalty spot in play."""
    MISSES_NOT_ON_RECORD = "misses_not_on_record"
    """The data records penalties scored, never one missed (in play or in a shoot-out)."""
    SHOOTOUT_KICK = "shootout_kick"
    NO_PENALTY_IN_PLAY = "no_penalty_in_play"
    """``player`` (as written) scored no penalty in play; a shoot-out was held, whose takers
    the data does not record."""
    SENT_OFF = "sent_off"
    """Who was sent off (``cards``)."""
    STRETCHES = "stretches"
    """The match stretch by stretch (``stretches``: start, end, a state reason)."""
    ONE_GOAL_ENOUGH = "one_goal_enough"
    """One ``team`` goal was enough to ``what`` ("extra_time", "penalties": force it; "out":
    go out) over ``bounds`` (start, end)."""
    NO_DECIDING_MATCH = "no_deciding_match"
    AT_SCORE = "at_score"
    """At ``score``: the ``state`` then."""
    NO_FORECAST = "no_forecast"
    NO_SERIES = "no_series"
    FORECAST_GAVE = "forecast_gave"
    """The forecast gave ``team`` ``chance`` at kick-off, at its lowest or in ``minute``
    (``when``: "kickoff", "lowest", "minute")."""
    BRINK = "brink"
    """``team``'s chance fell no lower than ``chance`` (the brink: ``brink``)."""
    FORMALITY = "formality"
    """``team``'s chance at kick-off was ``chance`` (a formality from ``formality``)."""
    KICKOFF_CHANCE = "kickoff_chance"
    NEGATED = "negated"
    """A claim denied ("did not", "niet") of a kind whose denial is not read: not checked."""
    DENIED = "denied"
    """The data confirms what the sentence denies (no more to say than that)."""
    MISSPELT = "misspelt"
    """A note: the data spells the player ``name``."""
    MISSPELT_TEAM = "misspelt_team"
    """A note: ``team`` is spelt otherwise in the article's language (``written``: as written)."""
    NO_SUBSTITUTIONS = "no_substitutions"
    """A note: the data does not record substitutions."""
    THROUGH_STATE = "through_state"
    """A match state: ``team`` through (or winning the final, ``final``) as ``by`` says, with
    the aggregate ``score``, the ``away`` goals and the shoot-out ``kicks``, each the team's
    own first, ``after_extra_time``, and a ``sudden`` (golden or silver) goal."""
    LEVEL_STATE = "level_state"
    """A match state: level at ``score`` (``on_aggregate`` over two legs; ``away_each`` away
    goals each), heading for ``heading`` (a phase), or a shoot-out under way (``shootout``), or
    no way to settle it under ``rules``."""
    NEXT_GOAL = "next_goal"
    """What one more ``team`` goal changes: ``through`` goes through (``kept``: was through
    before it), or the tie is level heading for ``heading`` (``still``: it was already, level;
    ``None``: no way to settle it)."""


Value: TypeAlias = (
    "Team | Score | Tally | Goal | RedCard | DecidedBy | Phase | Reason | str | int | float"
    " | bool | tuple[Value, ...] | None"
)
"""What a reason may carry: plain values and the model's, never a sentence."""


@dataclass(frozen=True, slots=True)
class Reason:
    """What the data says of a claim (contradicted), why it cannot be checked, or a note: a
    key and its values, made a sentence in each language at the edge."""

    key: Why
    values: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, key: Why, **values: Value) -> Reason:
        """``Reason.of(Why.DID_NOT_LOSE, team=arsenal)``."""
        return cls(key, tuple(values.items()))

    @classmethod
    def each(cls, reasons: list[Reason]) -> Reason:
        """Several reasons told in turn (one alone is itself)."""
        return reasons[0] if len(reasons) == 1 else cls.of(Why.ALSO, reasons=tuple(reasons))

    def __getitem__(self, name: str) -> Value:
        return dict(self.values)[name]

    @property
    def named(self) -> dict[str, Value]:
        """The values by name (what a template is given)."""
        return dict(self.values)


def _own_first(tally: Tally | Score | None, team1_first: bool) -> tuple[int, int]:
    """The through team's count first; a shoot-out's winner is the side with more."""
    if tally is None:
        return (0, 0)
    if isinstance(tally, Score):
        return (max(tally.home, tally.away), min(tally.home, tally.away))
    return (tally.team1, tally.team2) if team1_first else (tally.team2, tally.team1)


def state_reason(state: MatchState) -> Reason:
    """A match state as data: who would go through if it ended then and how, or where a level
    tie is heading; the checker's reasons and ``matchday live`` (``matchday.io.live_text``)
    both tell it from this one value."""
    through, by = state.through, state.decided_by
    if through is None or by is None:
        away = state.away_goals
        return Reason.of(
            Why.LEVEL_STATE,
            score=state.aggregate,
            on_aggregate=state.first_leg is not None,
            away_each=None if away is None else away.team1,
            shootout=state.phase is Phase.PENALTIES,
            after_extra_time=state.after_90 is not None,
            heading=state.awaiting,
            rules=state.rules.name,
        )
    by = state.ruling.decided_by or by  # the way through in extra time, however it ends
    one = through == state.fixture.teams[0]
    in_extra_time = by in (DecidedBy.EXTRA_TIME, DecidedBy.SINGLE_MATCH_EXTRA_TIME)
    sudden = state.rules.extra_time
    return Reason.of(
        Why.THROUGH_STATE,
        team=through,
        by=by,
        final=is_final(state.tie.round),
        score=_own_first(state.aggregate, one),
        away=_own_first(state.away_goals, one),
        kicks=_own_first(state.penalties, one),
        after_extra_time=state.after_90 is not None,
        sudden=(
            sudden.value
            if in_extra_time and sudden in (ExtraTime.GOLDEN_GOAL, ExtraTime.SILVER_GOAL)
            else None
        ),
    )


def next_goal_reason(next_goal: NextGoal) -> Reason:
    """What one more goal changes, as data: who it puts or keeps through, or the phase a level
    tie heads for after it (``matchday live``'s "Next goal")."""
    before, after = next_goal.before, next_goal.state
    return Reason.of(
        Why.NEXT_GOAL,
        team=next_goal.team,
        through=after.through,
        kept=after.through is not None and after.through == before.through,
        heading=after.awaiting,
        still=after.awaiting is before.awaiting and before.through is None,
    )
