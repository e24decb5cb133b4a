"""Ties as plain data: the JSON shape of ``matchday ties --json`` and a pandas DataFrame.

The JSON shape is a public contract (README, "JSON output"): keys are only ever added. It is
defined once, as ``matchday.io.schemas.TieJSON``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from matchday.errors import ConfigError, InvalidValueError
from matchday.io.schemas import LegJSON, TieJSON
from matchday.model import Match, Score, Tally, Tie
from matchday.rules import Outcome

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["leg_json", "leg_model", "score_pair", "tie_json", "tie_model", "ties_frame"]

JSONScore = list[int] | None


def score_pair(score: Score | Tally | None) -> JSONScore:
    """A score as `[home, away]`, a tally as `[team1, team2]`, or `None`."""
    if score is None:
        return None
    if isinstance(score, Score):
        return [score.home, score.away]
    return [score.team1, score.team2]


def leg_model(match: Match) -> LegJSON:
    """One leg as its schema."""
    return LegJSON(
        date=match.date.isoformat(),
        home=match.home.name,
        away=match.away.name,
        score=score_pair(match.score),
        extra_time=score_pair(match.extra_time),
        penalties=score_pair(match.penalties),
        half_time=score_pair(match.half_time),
        kickoff=match.kickoff.strftime("%H:%M") if match.kickoff else None,
        status=match.status.value,
        dated=match.dated,
    )


def leg_json(match: Match) -> dict[str, Any]:
    """One leg: date, teams, scores as ``[home, away]`` (``null`` when absent), status."""
    return leg_model(match).json_data()


def tie_model(outcome: Outcome) -> TieJSON:
    """One tie with its outcome as its schema."""
    if not isinstance(outcome, Outcome):
        hint = " (decide it first: matchday.decide(tie, rules))" if isinstance(outcome, Tie) else ""
        raise InvalidValueError(f"tie_json takes an Outcome, not {type(outcome).__name__}{hint}")
    tie = outcome.tie
    return TieJSON(
        round=tie.round,
        team1=tie.team1.name,
        team2=tie.team2.name,
        legs=[leg_model(leg) for leg in tie.legs],
        aggregate=score_pair(outcome.aggregate),
        winner=outcome.winner.name if outcome.winner else None,
        decided_by=outcome.decided_by.value if outcome.decided_by else None,
        explanation=outcome.explanation,
        away_goals=score_pair(outcome.away_goals),
        rules=outcome.rules.name,
        replays=[leg_model(replay) for replay in tie.replays],
        unsettled=outcome.unsettled.value if outcome.unsettled else None,
        second_leg_to_come=tie.second_leg_to_come,
    )


def tie_json(outcome: Outcome) -> dict[str, Any]:
    """One tie with its outcome; ``team1`` hosts the first leg and counts first in ``aggregate``
    (the shape ``TieJSON``)."""
    return tie_model(outcome).json_data()


def ties_frame(outcomes: Iterable[Outcome]) -> pd.DataFrame:
    """The ties as a pandas DataFrame, one row per tie (needs the ``pandas`` extra)."""
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ConfigError("ties_frame needs pandas: pip install 'matchday[pandas]'") from err
    rows = []
    for outcome in outcomes:
        tie = outcome.tie
        second = tie.second_leg
        rows.append(
            {
                "round": tie.round,
                "team1": tie.team1.name,
                "team2": tie.team2.name,
                "first_leg": str(tie.first_leg.score) if tie.first_leg.score else None,
                "second_leg": str(second.score) if second and second.score else None,
                "aggregate1": outcome.aggregate.team1 if outcome.aggregate else None,
                "aggregate2": outcome.aggregate.team2 if outcome.aggregate else None,
                "winner": outcome.winner.name if outcome.winner else None,
                "loser": outcome.loser.name if outcome.loser else None,
                "decided_by": outcome.decided_by.value if outcome.decided_by else None,
                "explanation": outcome.explanation,
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.astype({"aggregate1": "Int64", "aggregate2": "Int64"})
    return frame
