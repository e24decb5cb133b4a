"""The forecast of a tie followed live: from a live state (``matchday.live``) to its chances.

A ``MatchState`` knows the deciding match's score, minute, phase and players sent off.
``live_chances`` asks the exact tie forecast
(``matchday.forecast.outlook``) how the tie can still end from there; a shoot-out, which the
goal model does not describe, is a coin flip until its result is in.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchday.errors import InvalidValueError
from matchday.forecast.outlook import before_deciding_match, outlook
from matchday.forecast.ratings import Ratings
from matchday.forecast.tie import PENALTY_WIN
from matchday.live import MatchState
from matchday.rules import Phase

__all__ = ["LiveChances", "live_chances"]


@dataclass(frozen=True, slots=True)
class LiveChances:
    """P(team 1 through), P(team 2 through), P(extra time is played) and P(a shoot-out), at
    one moment of the deciding match (1 for extra time once it has begun, and so on), and
    P(a replay) and P(a drawing of lots) under rules that have them. The two sides' chances add
    up to 1 (their shares of a replay or of lots included), or to less under rules with no
    decider (a tie left level)."""

    team1: float
    team2: float
    extra_time: float
    penalties: float
    replay: float = 0.0
    lots: float = 0.0

    def __post_init__(self) -> None:
        chances = (self.team1, self.team2, self.extra_time, self.penalties, self.replay, self.lots)
        if not all(0 <= p <= 1 for p in chances) or self.team1 + self.team2 > 1 + 1e-9:
            raise InvalidValueError(f"not the chances of a tie: {chances}")


def live_chances(state: MatchState, ratings: Ratings) -> LiveChances:
    """How the tie of ``state`` can still end, with goal rates from ``ratings``."""
    if state.phase is Phase.PENALTIES:
        through = state.through if state.penalties is not None else None
        team1 = PENALTY_WIN if through is None else float(through == state.tie.team1)
        extra_time = 1.0 if state.rules.extra_time else 0.0  # or straight to penalties
        return LiveChances(team1, 1 - team1, extra_time, 1.0)
    kickoff = before_deciding_match(state.tie)
    view = outlook(kickoff, ratings, state.rules, state)
    forecast = view.forecast
    assert forecast is not None  # a moment of the deciding match is never decided
    # sums of many score probabilities can land a rounding error above 1 (extra time certain)
    chances = (
        forecast.team1_through,
        forecast.team2_through,
        forecast.extra_time,
        forecast.penalties,
        forecast.replay,
        forecast.lots,
    )
    return LiveChances(*(min(p, 1.0) for p in chances))
