"""Forecast input for a report: a team's chance of going through, minute by minute.

The report does not forecast; it takes the series a forecast made (or none) and says how close
the tie came ("Dortmund's chance of going through had fallen to 18%").
"""

from __future__ import annotations

from dataclasses import dataclass

from matchday.errors import InvalidValueError
from matchday.model import Team, Tie

__all__ = [
    "DROP",
    "FAVOURITE",
    "FORMALITY",
    "PRINTED",
    "SAFE",
    "SURE",
    "CloseCall",
    "ThroughChances",
    "close_call",
]

PRINTED = 2
"""Decimals of a chance as a report prints it (whole percents): chances that print the same
count as the same when looking for the moment a chance was lowest."""
DROP = 0.1
"""A winner whose chance fell by less than this from kick-off to its lowest only started
behind (the underdog's story), rather than fell behind."""
SAFE = 0.8
"""A winner whose chance never fell below this was never in real danger."""
FORMALITY = 0.9
"""A side whose chance of going through at kick-off of the second leg was at least this began
it "with one and a half legs" in the next round: the second leg was a formality. The check of
written reports (``matchday.check``) holds the words to the same band."""
FAVOURITE = 0.6
"""A side whose chance of going through at kick-off of the deciding match was above this was
the favourite, and its going out an upset (``matchday.report.story.news`` weighs it by how far
above this the favourite's chance stood: a side given three chances in four, out on
penalties, outweighs the shoot-out; a near coin-flip, the favourite at 55%, is no upset)."""
SURE = 0.995
"""A winner whose chance never fell below this has no close call to tell: the lowest chance
would print as 100%."""


@dataclass(frozen=True, slots=True)
class ThroughChances:
    """P(``team`` goes through) at minutes of the deciding match, in minute order.

    ``by_minute`` holds ``(minute, probability)`` pairs; minute 0 is kick-off.
    """

    team: Team
    by_minute: tuple[tuple[int, float], ...]

    def __post_init__(self) -> None:
        if not self.by_minute:
            raise InvalidValueError(f"no chances given for {self.team}")
        minutes = [minute for minute, _ in self.by_minute]
        if minutes != sorted(minutes) or minutes[0] < 0:
            raise InvalidValueError(f"chances for {self.team}: minutes must run forward from 0")
        for minute, chance in self.by_minute:
            if not 0.0 <= chance <= 1.0:
                raise InvalidValueError(
                    f"chances for {self.team}: {chance} at {minute}' is no probability"
                )

    def of(self, team: Team) -> tuple[tuple[int, float], ...]:
        """The series from ``team``'s side: the same for ``self.team``, the complement otherwise."""
        if team == self.team:
            return self.by_minute
        return tuple((minute, 1.0 - chance) for minute, chance in self.by_minute)


@dataclass(frozen=True, slots=True)
class CloseCall:
    """How close a tie came, from the winner's side of a forecast.

    ``low`` is the winner's lowest chance and ``minute`` when it was lowest: the first minute
    whose chance prints as the lowest does (whole percents), so that an equal chance a minute
    after kick-off is told as the chance at kick-off. ``opening`` is the chance at the first
    minute of the series; ``swing`` the largest difference between any two points of it.
    """

    team: Team
    low: float
    minute: int
    opening: float
    swing: float

    @property
    def was_behind(self) -> bool:
        """True when the winner was at some point more likely out than through."""
        return self.low < 0.5

    @property
    def underdog(self) -> bool:
        """True when the winner was less likely through than out at kick-off and its chance
        fell by less than ``DROP`` from there: the story is the chance at kick-off."""
        return self.opening < 0.5 and self.opening - self.low < DROP

    @property
    def fell_behind(self) -> bool:
        """True when the winner's chance fell below one half during the match (and it was
        not only the underdog from kick-off)."""
        return self.was_behind and not self.underdog

    @property
    def favourite(self) -> float:
        """The side out's chance of going through at kick-off (the winner's complement)."""
        return 1 - self.opening

    @property
    def upset(self) -> bool:
        """True when the side out was the favourite at kick-off (above ``FAVOURITE``)."""
        return self.favourite > FAVOURITE

    @property
    def was_safe(self) -> bool:
        """True when the winner's chance never fell below ``SAFE``."""
        return self.low >= SAFE

    @property
    def worth_telling(self) -> bool:
        """True when the tie was ever in doubt by the forecast (the lowest chance below
        ``SURE``)."""
        return self.low < SURE


def close_call(
    tie: Tie, winner: Team, chances: tuple[ThroughChances, ...] | None
) -> CloseCall | None:
    """The close call of ``tie`` from the first series for one of its teams, if there is one."""
    series = next((c for c in chances or () if c.team in tie.teams), None)
    if series is None:
        return None
    points = series.of(winner)
    values = [chance for _, chance in points]
    low = min(values)
    minute = next(m for m, chance in points if round(chance, PRINTED) == round(low, PRINTED))
    return CloseCall(winner, low, minute, points[0][1], max(values) - low)
