"""The tables of a season: one per group, or one for the league phase.

Some files do not say which group a match belongs to (the 2023-24 Champions League lists the
group stage as "Group, Matchday 1..6"). The groups are then recovered from who plays whom: a group
is a connected component of the graph whose edges are the matches, so nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from matchday.model.competition import Round, RoundFormat, Season
from matchday.model.match import Match
from matchday.model.team import Team
from matchday.standings.rules import TableRules, tiebreakers_for
from matchday.standings.table import Table, rank

__all__ = ["season_tables", "split_groups"]


def split_groups(matches: Iterable[Match]) -> tuple[tuple[Match, ...], ...]:
    """The matches split into groups of teams that play each other (connected components).

    Groups come in the order of their first match; matches keep their order within a group.
    """
    parent: dict[Team, Team] = {}

    def root(team: Team) -> Team:
        parent.setdefault(team, team)
        while parent[team] != team:
            parent[team] = parent[parent[team]]
            team = parent[team]
        return team

    listed = tuple(matches)
    for match in listed:
        parent[root(match.home)] = root(match.away)
    groups: dict[Team, list[Match]] = {}
    for match in listed:
        groups.setdefault(root(match.home), []).append(match)
    return tuple(tuple(g) for g in groups.values())


def round_tables(round_: Round, rules: TableRules) -> tuple[Table, ...]:
    """The tables of one group or league round: one, or one per recovered group."""
    groups = split_groups(round_.matches)
    if round_.format is RoundFormat.LEAGUE or len(groups) <= 1:
        return (rank(round_.name, round_.matches, rules),)
    return tuple(rank(f"Group {i}", group, rules) for i, group in enumerate(groups, start=1))


def season_tables(
    season: Season, rules: TableRules | None = None, competition: str | None = None
) -> tuple[Table, ...]:
    """Every table of ``season``'s group and league rounds, under ``rules`` or those of its
    competition in that era (the one named ``competition``, else the one its title names).

    A round written as one ("Group stage") but made of separate groups gives one table per group,
    named "Group 1", "Group 2", ... in the order the file first lists them.
    """
    tables: list[Table] = []
    for round_ in season.rounds:
        if round_.format is RoundFormat.KNOCKOUT:
            continue
        named = competition or season.competition
        chosen = rules or tiebreakers_for(season.start_year, round_.format, named)
        tables.extend(round_tables(round_, chosen))
    return tuple(tables)
