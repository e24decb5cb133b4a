"""Draw procedures built from a season's own tables.

* Group stage to round of 16 (Champions League up to 2023-24): group winners seeded against
  runners-up, not from the same group or association.
* League phase to knockout play-off (from 2024-25): places 9-16 seeded against 17-24 within the
  bracket (9/10 v 23/24, 11/12 v 21/22, 13/14 v 19/20, 15/16 v 17/18), no association bans.
* League phase to round of 16: places 1-8 against the play-off ties of the bracket
  (1/2 v the 15/16 v 17/18 ties, 3/4 v 13/14 v 19/20, 5/6 v 11/12 v 21/22, 7/8 v 9/10 v 23/24):
  the winner of each tie decided before the draw, else the tie itself.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import matchday.competitions as competitions
from matchday.draw.procedure import DrawProcedure, Entrant
from matchday.errors import InvalidValueError
from matchday.model.team import Team
from matchday.standings.table import Table

__all__ = [
    "from_groups",
    "league_playoff_draw",
    "league_round_of_16_draw",
    "prohibited_for",
]

PLAYOFF_BRACKET = ((9, 23), (11, 21), (13, 19), (15, 17))
"""League phase: the seeded pair of places that starts at the first number meets the unseeded pair
that starts at the second (9/10 v 23/24, ...). UEFA Champions League regulations 2024/25."""

ROUND_OF_16_BRACKET = ((1, 15), (3, 13), (5, 11), (7, 9))
"""League phase: places 1/2 meet the winners of the play-off ties of 15/16, 3/4 those of 13/14,
..."""


def prohibited_for(
    start_year: int, competition: str = "UEFA Champions League"
) -> frozenset[frozenset[str]]:
    """The association pairs kept apart in draws of ``competition`` (by default UEFA's club
    competitions) in the season starting in ``start_year``: the registry's bracket data
    (``matchday.competitions``; Russian and Ukrainian clubs from 2014-15)."""
    return competitions.of(competition).format(start_year).bracket.kept_apart


def _association(team: Team) -> str:
    return team.country or "?"


def from_groups(
    tables: Sequence[Table], name: str, start_year: int, source: str = ""
) -> DrawProcedure:
    """Group winners (seeded) against runners-up, kept apart by group and association (and the
    association pairs the competition named in ``name`` keeps apart that season)."""

    def entrant(table: Table, position: int, what: str) -> Entrant:
        team = table.standings[position - 1].team
        return Entrant(team, _association(team), table.name, origin=f"{what}, {table.name}")

    return DrawProcedure(
        name,
        tuple(entrant(t, 1, "winner") for t in tables),
        tuple(entrant(t, 2, "runner-up") for t in tables),
        prohibited=prohibited_for(start_year, name),
        source=source or "winners and runners-up from the computed group tables",
    )


def _slot(position: int) -> str:
    first = position - (position + 1) % 2
    return f"{first}/{first + 1}"


def league_playoff_draw(table: Table, name: str = "Playoffs") -> DrawProcedure:
    """The knockout play-off draw from the final league-phase table."""

    def entrant(position: int) -> Entrant:
        team = table.standings[position - 1].team
        return Entrant(team, _association(team), None, _slot(position), place=position)

    return DrawProcedure(
        name,
        tuple(entrant(p) for p in range(9, 17)),
        tuple(entrant(p) for p in range(17, 25)),
        same_group_apart=False,
        same_association_apart=False,
        bracket=frozenset((_slot(s), _slot(u)) for s, u in PLAYOFF_BRACKET),
        source="league-phase bracket: places 9-16 seeded against 17-24",
    )


def league_round_of_16_draw(
    table: Table,
    playoff_ties: Sequence[tuple[Team, Team]],
    name: str = "Round of 16",
    winners: Collection[Team] = (),
) -> DrawProcedure:
    """Places 1-8 against the play-off ties (seeded team first). An unseeded entrant is the
    winner of its tie where ``winners`` (the ties decided before the draw) holds it; else it
    stands for the winner to come and is named after both teams ("A / B"). Either way it takes
    the bracket slot of the tie's seeded team. Places are the table's rows in order, as the
    play-off draw takes them: teams that share a position (a table early in the league phase,
    all on 0 points) still hold one place each."""
    places = {s.team: number for number, s in enumerate(table.standings, 1)}
    seeded = []
    for position in range(1, 9):
        team = table.standings[position - 1].team
        seeded.append(Entrant(team, _association(team), None, _slot(position), place=position))
    unseeded = []
    for a, b in playoff_ties:
        high, low = sorted((a, b), key=lambda t: places[t])
        won = [t for t in (high, low) if t in winners]
        if len(won) > 1:
            raise InvalidValueError(f"{name}: {high} and {low} cannot both win their play-off")
        team, association = (
            (won[0], _association(won[0])) if won else (Team(f"{high.name} / {low.name}"), "?")
        )
        origin = f"winner of {high} v {low}"
        unseeded.append(
            Entrant(team, association, None, _slot(places[high]), origin, tie=(high, low))
        )
    bracket = {(_slot(s), _slot(p)) for s, p in ROUND_OF_16_BRACKET}
    return DrawProcedure(
        name,
        tuple(seeded),
        tuple(unseeded),
        same_group_apart=False,
        same_association_apart=False,
        bracket=frozenset(bracket),
        source="league-phase bracket: places 1-8 against the winners of the play-off ties",
    )
