"""``decide(tie, rules)``: who goes through, how, and a one-line explanation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from matchday.errors import (
    ExtraTimeNotDueError,
    InvalidValueError,
    RuleError,
    UnsettledTieError,
)
from matchday.model.match import Match
from matchday.model.score import Score, Tally
from matchday.model.team import Team
from matchday.model.tie import Tie
from matchday.rules.presets import AwayGoals, ExtraTime, Rules, preset
from matchday.rules.settle import DecidedBy, Phase, Verdict, settle_single, settle_two_legs

__all__ = ["Outcome", "Unsettled", "decide", "decide_all", "explain"]


class Unsettled(StrEnum):
    """Why the results alone do not say who went through; the reason travels with the outcome."""

    LOTS = "drawing of lots"
    NO_DECIDER = "no way to settle it on the pitch under these rules"
    SHOOTOUT_NOT_IN_DATA = "the shoot-out is not in the data"
    REPLAY_NOT_IN_DATA = "the replay is not in the data"
    NOT_PLAYED = "the match was not played (a walkover or a withdrawal)"
    BETTER_PLACED = "the team placed higher in the league goes through"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of a tie under some rules, with the reason it travels with.

    ``aggregate`` and ``away_goals`` count ``team1`` first (the host of the first leg). For an
    undecided tie ``winner`` and ``decided_by`` are ``None`` and ``aggregate`` holds the legs
    played so far (``None`` if none was). ``away_goals`` is set only where the rules use them.
    ``unsettled`` says why the results alone do not decide a finished tie (lots, a shoot-out
    missing from the data): ``winner`` is then set only where the data shows who went on. A
    tie won in a replay has ``decided_by`` ``REPLAY`` and the replay's score as ``aggregate``.
    """

    tie: Tie
    rules: Rules
    winner: Team | None
    decided_by: DecidedBy | None
    aggregate: Tally | None
    away_goals: Tally | None
    explanation: str
    unsettled: Unsettled | None = None

    @property
    def decided(self) -> bool:
        """True when the tie has a winner."""
        return self.winner is not None

    @property
    def loser(self) -> Team | None:
        """The team that goes out, once the tie is decided."""
        return None if self.winner is None else self.tie.opponent(self.winner)


def decide(
    tie: Tie, rules: Rules | str, *, went_on: Team | None = None, strict: bool = True
) -> Outcome:
    """Decide ``tie`` under ``rules`` (a ``Rules``, or a preset's name: "uefa-classic").

    A tie with a leg not yet played (or cancelled) is undecided. A finished tie whose recorded
    result is inconsistent with the rules raises a ``RuleError`` naming the tie and the line.
    A tie the results cannot decide (drawing of lots, no decider in the rules) is never
    guessed: its winner is ``went_on``, the team the data shows in the next round, if given.
    With ``strict`` a level tie whose shoot-out or replay is missing raises
    ``UnsettledTieError``; otherwise it is reported the same way, with the reason.
    """
    rules = _rules(rules)
    if not isinstance(tie, Tie):
        raise InvalidValueError(f"decide takes a Tie, not {type(tie).__name__}")
    first = tie.first_leg
    decided_early = first.extra_time is not None or first.penalties is not None
    if decided_early and not tie.single_match:
        raise ExtraTimeNotDueError(tie.label, "extra time or penalties in a first leg", tie.where)
    unfinished = _unfinished(tie, rules)
    if unfinished is not None:
        if went_on is not None and any(leg.cancelled for leg in tie.legs):
            return _walkover(tie, rules, went_on)
        return unfinished
    verdict = _settle_legs(tie, rules)
    if verdict.winner is None and tie.replays:
        return _replayed(tie, rules, verdict, went_on=went_on, strict=strict)
    return _outcome(tie, rules, verdict, tie.last_match, went_on=went_on, strict=strict)


def _walkover(tie: Tie, rules: Rules, went_on: Team) -> Outcome:
    """A tie not played, which the data shows ``went_on`` winning: decided off the pitch."""
    if went_on not in tie.teams:
        raise RuleError(tie.label, f"{went_on} went on but did not play in this tie", tie.where)
    # one pair of brackets: the reason's own ("a walkover or a withdrawal") is enough
    text = (
        f"{went_on} through, decided off the pitch: {Unsettled.NOT_PLAYED.value}; "
        f"the data shows {went_on} in the next round"
    )
    return Outcome(
        tie, rules, went_on, DecidedBy.OFF_THE_PITCH, None, None, text, Unsettled.NOT_PLAYED
    )


def _settle_legs(tie: Tie, rules: Rules) -> Verdict:
    first, last = tie.first_leg, tie.legs[-1]
    assert first.score is not None
    assert last.score is not None
    if tie.single_match:
        return settle_single(
            first.score,
            rules,
            extra_time=first.extra_time,
            shootout=first.penalties,
            label=tie.label,
            where=first.source,
        )
    return settle_two_legs(
        first.score,
        _second_leg_after_90(first.score, last, rules),
        rules,
        second_extra_time=last.extra_time,
        shootout=last.penalties,
        label=tie.label,
        where=last.source,
    )


def _second_leg_after_90(first: Score, second: Match, rules: Rules) -> Score:
    """The second leg's score after 90 minutes. One written only after extra time (``1-0
    a.e.t.``) was level on aggregate (and on away goals, where they count) after 90 minutes,
    or there would have been no extra time: its score then is the lowest under the one after
    extra time that leaves the tie so (with away goals there is only one; without, which one
    changes nothing after extra time). Where none does, the score as read stays, and settling
    says what is wrong."""
    played = second.extra_time
    assert second.score is not None
    if second.full_time_recorded or played is None:
        return second.score
    # Team 2 is at home in the second leg: level means home - away == first.home - first.away,
    # and level on away goals too means its away side scored what team 2 did in the first leg.
    if rules.away_goals is not AwayGoals.NONE:
        level = Score(first.home, first.away)
    else:
        lead = first.home - first.away
        level = Score(max(lead, 0), max(-lead, 0))
    return level if played.covers(level) else second.score


def _replayed(
    tie: Tie, rules: Rules, verdict: Verdict, *, went_on: Team | None, strict: bool
) -> Outcome:
    """The outcome of a level tie that was replayed: each replay settled as a single match."""
    if verdict.awaiting is not Phase.REPLAY:
        raise RuleError(tie.label, f"a replay is recorded but {rules.name} has none", tie.where)
    for replay in tie.replays:
        if not replay.played:
            reason = "Undecided: level, the replay not played yet"
            return Outcome(tie, rules, None, None, verdict.aggregate, None, reason)
        assert replay.score is not None
        verdict = settle_single(
            replay.score,
            rules.replay_rules,
            extra_time=replay.extra_time,
            shootout=replay.penalties,
            label=tie.label,
            where=replay.source,
        )
        if verdict.winner is not None:
            flip = replay.home != tie.team1
            agg = verdict.aggregate
            agg = Tally(agg.team2, agg.team1) if flip else agg
            winner_side = verdict.winner if not flip else (2 if verdict.winner == 1 else 1)
            settled = Verdict(agg, None, winner_side, DecidedBy.REPLAY)
            winner = tie.team1 if winner_side == 1 else tie.team2
            return Outcome(tie, rules, winner, DecidedBy.REPLAY, agg, None, explain(tie, settled))
        if verdict.awaiting is not Phase.REPLAY:
            break
    return _outcome(tie, rules, verdict, tie.last_match, went_on=went_on, strict=strict)


def _sudden_death(rules: Rules, verdict: Verdict) -> Verdict:
    """A verdict in extra time named for the golden or silver goal where the rules played one."""
    if verdict.decided_by not in (DecidedBy.EXTRA_TIME, DecidedBy.SINGLE_MATCH_EXTRA_TIME):
        return verdict
    goal = {
        ExtraTime.GOLDEN_GOAL: DecidedBy.GOLDEN_GOAL,
        ExtraTime.SILVER_GOAL: DecidedBy.SILVER_GOAL,
    }
    how = goal.get(rules.extra_time)
    return verdict if how is None else replace(verdict, decided_by=how)


def _outcome(
    tie: Tie,
    rules: Rules,
    verdict: Verdict,
    last: Match,
    *,
    went_on: Team | None,
    strict: bool,
) -> Outcome:
    """The outcome of a finished tie from its verdict, with what the data shows beyond it."""
    if verdict.winner is not None:
        winner = tie.team1 if verdict.winner == 1 else tie.team2
        verdict = _sudden_death(rules, verdict)
        explanation = explain(tie, verdict)
        return Outcome(
            tie, rules, winner, verdict.decided_by, verdict.aggregate, verdict.away_goals,
            explanation,
        )  # fmt: skip
    if went_on is not None and went_on not in tie.teams:
        raise RuleError(tie.label, f"{went_on} went on but did not play in this tie", tie.where)
    unsettled, how = {
        Phase.PENALTIES: (
            Unsettled.SHOOTOUT_NOT_IN_DATA,
            DecidedBy.SINGLE_MATCH_PENALTIES if tie.single_match else DecidedBy.PENALTIES,
        ),
        Phase.REPLAY: (Unsettled.REPLAY_NOT_IN_DATA, DecidedBy.REPLAY),
        Phase.LOTS: (Unsettled.LOTS, DecidedBy.LOTS),
    }.get(verdict.awaiting, (Unsettled.NO_DECIDER, DecidedBy.OFF_THE_PITCH))  # type: ignore[arg-type]
    if verdict.awaiting is None and rules.better_placed:
        unsettled = Unsettled.BETTER_PLACED
    missing_data = unsettled in (Unsettled.SHOOTOUT_NOT_IN_DATA, Unsettled.REPLAY_NOT_IN_DATA)
    off_pitch = (Unsettled.NO_DECIDER, Unsettled.BETTER_PLACED)
    no_decider = unsettled in off_pitch and went_on is None
    if verdict.awaiting is Phase.EXTRA_TIME or (strict and (missing_data or no_decider)):
        missing = {
            Phase.EXTRA_TIME: "extra time",
            Phase.PENALTIES: "shoot-out",
            Phase.REPLAY: "replay",
        }
        needed = missing.get(verdict.awaiting) if verdict.awaiting else None
        problem = f"level at the end but no {needed} recorded" if needed else "level at the end"
        if unsettled is Unsettled.BETTER_PLACED:
            problem = f"{problem} ({unsettled.value}; league positions are not in the tie's data)"
        raise UnsettledTieError(tie.label, f"{problem} under {rules.name}", last.source)
    after = " after extra time" if last.extra_time is not None else ""
    level = f"level at {verdict.aggregate}{after}"
    if went_on is None:
        positions = (
            "; league positions are not in the tie's data"
            if unsettled is Unsettled.BETTER_PLACED
            else ""
        )
        text = (
            f"Undecided from the results: {level}; {unsettled.value}{positions}, "
            "and the data does not show who went on"
        )
        return Outcome(
            tie, rules, None, None, verdict.aggregate, verdict.away_goals, text, unsettled
        )
    off = "" if missing_data else ", decided off the pitch"
    text = (
        f"{went_on} through{off}: {level}; {unsettled.value} "
        f"(the data shows {went_on} in the next round)"
    )
    return Outcome(tie, rules, went_on, how, verdict.aggregate, verdict.away_goals, text, unsettled)


def _unfinished(tie: Tie, rules: Rules) -> Outcome | None:
    """The undecided outcome of a tie with a leg still to play or cancelled (or a second leg
    not on record yet: ``Tie.second_leg_to_come``), else ``None``."""
    if all(leg.played for leg in tie.legs) and not tie.second_leg_to_come:
        return None
    played = [leg for leg in tie.legs if leg.played]
    if played and not tie.first_leg.played:
        raise RuleError(tie.label, "the second leg has a result but the first has none", tie.where)
    aggregate = _aggregate_so_far(tie, played)
    if any(leg.cancelled for leg in tie.legs):
        reason = "Undecided: cancelled, no result on record"
    elif not played:
        reason = "Undecided: not played yet"
    elif tie.second_leg_to_come:
        reason = f"Undecided: second leg to come (first leg {tie.first_leg.score})"
    else:
        reason = f"Undecided: second leg not played yet (first leg {tie.first_leg.score})"
    return Outcome(tie, rules, None, None, aggregate, None, reason)


def _aggregate_so_far(tie: Tie, played: list[Match]) -> Tally | None:
    if not played:
        return None
    total = Tally(0, 0)
    for leg in played:
        final = leg.final_score
        assert final is not None
        home_is_team1 = leg.home == tie.team1
        total = total + (
            Tally(final.home, final.away) if home_is_team1 else Tally(final.away, final.home)
        )
    return total


def _goals(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def explain(tie: Tie, verdict: Verdict) -> str:
    """One line of English saying who wins and why ("Borussia Dortmund win 4-3 on aggregate")."""
    if verdict.winner is None:
        if verdict.awaiting is Phase.EXTRA_TIME:
            return f"Level at {verdict.aggregate}: extra time"
        if verdict.awaiting is Phase.PENALTIES:
            return f"Level at {verdict.aggregate}: penalties"
        return f"Level at {verdict.aggregate} with no way to settle it under these rules"
    one = verdict.winner == 1
    name = tie.team1 if one else tie.team2
    agg = verdict.aggregate
    won, lost = (agg.team1, agg.team2) if one else (agg.team2, agg.team1)
    away = verdict.away_goals
    away_won, away_lost = (
        (0, 0) if away is None else ((away.team1, away.team2) if one else (away.team2, away.team1))
    )
    last = tie.last_match
    by = verdict.decided_by
    if by is DecidedBy.AGGREGATE:
        return f"{name} win {won}-{lost} on aggregate"
    if by is DecidedBy.AWAY_GOALS:
        return (
            f"{name} win on away goals: {won}-{lost} on aggregate, "
            f"{_goals(away_won, 'away goal')} to {away_lost}"
        )
    if by is DecidedBy.EXTRA_TIME:
        return f"{name} win {won}-{lost} on aggregate after extra time"
    if by is DecidedBy.AWAY_GOALS_EXTRA_TIME:
        return (
            f"{name} win on away goals after extra time: {won}-{lost} on aggregate, "
            f"{_goals(away_won, 'away goal')} to {away_lost}"
        )
    shootout = last.penalties
    pens = ""
    if shootout is not None:
        high, low = max(shootout.home, shootout.away), min(shootout.home, shootout.away)
        pens = f"{high}-{low} on penalties"
    after = " after extra time" if last.extra_time is not None else ""
    if by is DecidedBy.PENALTIES:
        return f"{name} win {pens} ({won}-{lost} on aggregate{after})"
    if by is DecidedBy.SINGLE_MATCH:
        return f"{name} win {won}-{lost}"
    if by is DecidedBy.SINGLE_MATCH_EXTRA_TIME:
        return f"{name} win {won}-{lost} after extra time"
    if by in (DecidedBy.GOLDEN_GOAL, DecidedBy.SILVER_GOAL):
        goal = "golden goal" if by is DecidedBy.GOLDEN_GOAL else "silver goal"
        total = "" if tie.single_match else " on aggregate"
        return f"{name} win {won}-{lost}{total} by a {goal} in extra time"
    if by is DecidedBy.REPLAY:
        drawn = tie.legs[-1]
        aet = " after extra time" if drawn.extra_time is not None else ""
        first = f"the first match: {drawn.final_score}{aet}"
        if shootout is not None:
            return f"{name} win the replay {pens} after a {won}-{lost} draw{after} ({first})"
        return f"{name} win the replay {won}-{lost}{after} ({first})"
    return f"{name} win {pens} after a {won}-{lost} draw{after}"


def decide_all(ties: Iterable[Tie], rules: Rules | str) -> tuple[Outcome, ...]:
    """Decide every tie under the same rules (a ``Rules``, or a preset's name)."""
    chosen = _rules(rules)
    return tuple(decide(tie, chosen) for tie in ties)


def _rules(rules: Rules | str) -> Rules:
    """``rules`` as given, or the preset it names; anything else is an ``InvalidValueError``
    (an untyped caller's mistake told, not an ``AttributeError`` at the first extra time)."""
    if isinstance(rules, str):
        return preset(rules)
    if not isinstance(rules, Rules):
        raise InvalidValueError(
            f"rules must be a Rules or a preset's name, not {type(rules).__name__}"
        )
    return rules
