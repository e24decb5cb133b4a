"""Forecast input for a report: a team's chance of going through, minute by minute.

The report does not forecast; it takes the series a forecast made (or none) and says how close
the tie came ("Dortmund's chance of going through had fallen to 18%").
"""

from __future__ import annotations

from dataclasses import dataclass

from matchday.model import Team, Tie

__all__ = ["CloseCall", "ThroughChances", "close_call"]


@dataclass(frozen=True, slots=True)
class ThroughChances:
    """P(``team`` goes through) at minutes of the deciding match, in minute order.

    ``by_minute`` holds ``(minute, probability)`` pairs; minute 0 is kick-off.
    """

    team: Team
    by_minute: tuple[tuple[int, float], ...]

    def __post_init__(self) -> None:
        if not self.by_minute:
            raise ValueError(f"no chances given for {self.team}")
        minutes = [minute for minute, _ in self.by_minute]
        if minutes != sorted(minutes) or minutes[0] < 0:
            raise ValueError(f"chances for {self.team}: minutes must run forward from 0")
        for minute, chance in self.by_minute:
            if not 0.0 <= chance <= 1.0:
                raise ValueError(
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

    ``low`` is the winner's lowest chance and ``minute`` when it was lowest (the first such
    minute); ``opening`` the chance at the first minute of the series; ``swing`` the largest
    difference between any two points of the series.
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


def close_call(
    tie: Tie, winner: Team, chances: tuple[ThroughChances, ...] | None
) -> CloseCall | None:
    """The close call of ``tie`` from the first series for one of its teams, if there is one."""
    series = next((c for c in chances or () if c.team in tie.teams), None)
    if series is None:
        return None
    points = series.of(winner)
    minute, low = min(points, key=lambda point: (point[1], point[0]))
    values = [chance for _, chance in points]
    return CloseCall(winner, low, minute, points[0][1], max(values) - min(values))
