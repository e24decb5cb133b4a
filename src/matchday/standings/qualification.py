"""Where the positions of a table lead: the knockout rounds of the same competition, or elsewhere.

UEFA's formats as data, by competition and era: in a group stage the winners and runners-up go
on (from 2021-22 the Europa and Conference League runners-up through a knockout play-off), third
places drop to the next competition; in the league phase (from 2024-25) places 1-8 go to the round
of 16 and 9-24 to the knockout play-off.
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


_R16, _R32, _PLAYOFFS = "Round of 16", "Round of 32", "Playoffs"

_FORMATS: tuple[tuple[str, RoundFormat, int, Qualification], ...] = (
    # (competition keyword, format, first season start year, zones); newest first per key.
    (
        "champions",
        RoundFormat.GROUP,
        2021,
        Qualification(
            "Champions League group stage 2021-22 to 2023-24",
            (
                Zone(1, 2, _R16, _R16),
                Zone(3, 3, "Europa League knockout round play-offs", None),
            ),
        ),
    ),
    (
        "champions",
        RoundFormat.GROUP,
        0,
        Qualification(
            "Champions League group stage up to 2020-21",
            (Zone(1, 2, _R16, _R16), Zone(3, 3, "Europa League round of 32", None)),
        ),
    ),
    (
        "europa",
        RoundFormat.GROUP,
        2021,
        Qualification(
            "Europa League group stage 2021-22 to 2023-24",
            (
                Zone(1, 1, _R16, _R16),
                Zone(2, 2, "Knockout round play-offs", _PLAYOFFS),
                Zone(3, 3, "Conference League knockout round play-offs", None),
            ),
        ),
    ),
    (
        "europa",
        RoundFormat.GROUP,
        0,
        Qualification("Europa League group stage up to 2020-21", (Zone(1, 2, _R32, _R32),)),
    ),
    (
        "conference",
        RoundFormat.GROUP,
        2021,
        Qualification(
            "Conference League group stage 2021-22 to 2023-24",
            (Zone(1, 1, _R16, _R16), Zone(2, 2, "Knockout round play-offs", _PLAYOFFS)),
        ),
    ),
    (
        "",
        RoundFormat.LEAGUE,
        2024,
        Qualification(
            "UEFA league phase from 2024-25",
            (Zone(1, 8, _R16, _R16), Zone(9, 24, "Knockout phase play-offs", _PLAYOFFS)),
        ),
    ),
)


def qualification_for(
    competition: str, start_year: int, round_format: RoundFormat
) -> Qualification | None:
    """The zones of ``competition``'s group stage or league phase in that season, if known."""
    name = competition.casefold()
    for keyword, fmt, first, qualification in _FORMATS:
        if fmt is round_format and keyword in name and start_year >= first:
            return qualification
    return None
