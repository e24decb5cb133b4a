"""``decide(tie, rules)``: who goes through, how, and a one-line explanation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from matchday.errors import ExtraTimeNotDueError, RuleError, UnsettledTieError
from matchday.model.match import Match
from matchday.model.score import Tally
from matchday.model.team import Team
from matchday.model.tie import Tie
from matchday.rules.presets import Rules
from matchday.rules.settle import DecidedBy, Phase, Verdict, settle_single, settle_two_legs

__all__ = ["Outcome", "decide", "decide_all", "explain"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of a tie under some rules, with the reason it travels with.

    ``aggregate`` and ``away_goals`` count ``team1`` first (the host of the first leg). For an
    undecided tie ``winner`` and ``decided_by`` are ``None`` and ``aggregate`` holds the legs
    played so far (``None`` if none was). ``away_goals`` is set only where the rules use them.
    """

    tie: Tie
    rules: Rules
    winner: Team | None
    decided_by: DecidedBy | None
    aggregate: Tally | None
    away_goals: Tally | None
    explanation: str

    @property
    def decided(self) -> bool:
        """True when the tie has a winner."""
        return self.winner is not None

    @property
    def loser(self) -> Team | None:
        """The team that goes out, once the tie is decided."""
        return None if self.winner is None else self.tie.opponent(self.winner)


def decide(tie: Tie, rules: Rules) -> Outcome:
    """Decide ``tie`` under ``rules``.

    A tie with a leg not yet played (or cancelled) is undecided. A finished tie whose recorded
    result is inconsistent with the rules raises a ``RuleError`` naming the tie and the line.
    """
    first = tie.first_leg
    decided_early = first.extra_time is not None or first.penalties is not None
    if decided_early and not tie.single_match:
        raise ExtraTimeNotDueError(tie.label, "extra time or penalties in a first leg", tie.where)
    unfinished = _unfinished(tie, rules)
    if unfinished is not None:
        return unfinished
    last = tie.last_match
    assert first.score is not None
    assert last.score is not None
    if tie.single_match:
        verdict = settle_single(
            first.score,
            rules,
            extra_time=first.extra_time,
            shootout=first.penalties,
            label=tie.label,
            where=first.source,
        )
    else:
        verdict = settle_two_legs(
            first.score,
            last.score,
            rules,
            second_extra_time=last.extra_time,
            shootout=last.penalties,
            label=tie.label,
            where=last.source,
        )
    if verdict.winner is None:
        missing = {Phase.EXTRA_TIME: "extra time", Phase.PENALTIES: "shoot-out"}
        needed = missing.get(verdict.awaiting) if verdict.awaiting else None
        problem = f"level at the end but no {needed} recorded" if needed else "level at the end"
        raise UnsettledTieError(tie.label, f"{problem} under {rules.name}", last.source)
    winner = tie.team1 if verdict.winner == 1 else tie.team2
    return Outcome(
        tie,
        rules,
        winner,
        verdict.decided_by,
        verdict.aggregate,
        verdict.away_goals,
        explain(tie, verdict),
    )


def _unfinished(tie: Tie, rules: Rules) -> Outcome | None:
    """The undecided outcome of a tie with a leg still to play or cancelled, else ``None``."""
    if all(leg.played for leg in tie.legs):
        return None
    played = [leg for leg in tie.legs if leg.played]
    if played and not tie.first_leg.played:
        raise RuleError(tie.label, "the second leg has a result but the first has none", tie.where)
    aggregate = _aggregate_so_far(tie, played)
    if any(leg.cancelled for leg in tie.legs):
        reason = "Undecided: cancelled, no result on record"
    elif not played:
        reason = "Undecided: not played yet"
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
    return f"{name} win {pens} after a {won}-{lost} draw{after}"


def decide_all(ties: Iterable[Tie], rules: Rules) -> tuple[Outcome, ...]:
    """Decide every tie under the same rules."""
    return tuple(decide(tie, rules) for tie in ties)
