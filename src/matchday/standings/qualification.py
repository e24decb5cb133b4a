"""Where the positions of a table lead: the knockout rounds of the same competition, or elsewhere.

The zones of each competition and era are data of the competition registry
(``matchday.competitions``): UEFA's group stages and league phase, the World Cup's groups of
every era, the Euro's, the Copas'.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchday.model.competition import RoundFormat

__all__ = ["Qualification", "Zone", "qualification_for"]


@dataclass(frozen=True, slots=True)
class Zone:
    """Positions ``first`` to ``last`` go to ``destination``.

    ``round`` is the canonical name of the round of the same competition they enter ("Round of
    16", "Playoffs"), or ``None`` when they leave for another competition.
    """

    first: int
    last: int
    destination: str
    round: str | None

    def __contains__(self, position: object) -> bool:
        return isinstance(position, int) and self.first <= position <= self.last


@dataclass(frozen=True, slots=True)
class Qualification:
    """The zones of one format; positions in no zone are out."""

    name: str
    zones: tuple[Zone, ...]

    def zone(self, position: int) -> Zone | None:
        """The zone of ``position``, or ``None`` for a team that is out."""
        return next((z for z in self.zones if position in z), None)


def qualification_for(
    competition: str, start_year: int, round_format: RoundFormat
) -> Qualification | None:
    """The zones of ``competition``'s group stage or league phase in that season, if known: a
    thin call into the competition registry (``matchday.competitions``)."""
    from matchday.competitions import qualification  # the registry builds on these values

    return qualification(competition, start_year, round_format)
