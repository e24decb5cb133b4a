"""The tables of a season: one per group, or one for the league phase.

Some files do not say which group a match belongs to (the 2023-24 Champions League lists the
group stage as "Group, Matchday 1..6"). The groups are then recovered from who plays whom: a group
is a connected component of the graph whose edges are the matches, so nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from matchday.model.competition import Round, RoundFormat, Season
from matchday.model.match import Match
from matchday.model.team import Team
from matchday.standings.rules import TableRules, tiebreakers_for
from matchday.standings.table import PlayOff, Table, rank

__all__ = ["REGULAR_SEASON", "league_rounds", "season_tables", "split_groups"]

REGULAR_SEASON = "League"
"""The name of the table of a league's season proper, its matchdays joined (``league_rounds``)."""


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


def league_rounds(rounds: Iterable[Round]) -> tuple[Round, ...]:
    """``rounds`` with the matchdays of a league made one round: a domestic league's file lists
    "Matchday 1" ... "Matchday 34", each a round of its own, but they make one table. League
    rounds of one stage ("Apertura, Matchday 3", "Playoffs - Relegation, Matchday 25": what
    comes before the last comma) are joined, named after the stage ("Apertura"), or "League"
    for a stage without a name; the joined round stands where its first matchday stood. A
    single league round (UEFA's "League phase") stays as it is."""
    listed = tuple(rounds)
    stages: dict[str, list[Round]] = {}
    for round_ in listed:
        if round_.format is RoundFormat.LEAGUE:
            stages.setdefault(_stage(round_.name), []).append(round_)
    joined: list[Round] = []
    for round_ in listed:
        if round_.format is not RoundFormat.LEAGUE:
            joined.append(round_)
            continue
        stage = stages[_stage(round_.name)]
        if len(stage) == 1:
            joined.append(round_)
        elif round_ is stage[0]:
            matches = tuple(m for r in stage for m in r.matches)
            name = _stage(round_.name)
            joined.append(Round(name or REGULAR_SEASON, RoundFormat.LEAGUE, matches))
    return tuple(joined)


_SEASON_PROPER = frozenset({"", "regular", "regular season", "league"})
"""Stage names of a league's season proper, whose joined table is called "League"."""


def _stage(name: str) -> str:
    head, comma, _ = name.rpartition(", ")
    return "" if not comma or head.casefold() in _SEASON_PROPER else head


def _teams(matches: tuple[Match, ...]) -> set[Team]:
    return {team for match in matches for team in (match.home, match.away)}


_ONE_GROUP = re.compile(r"(?:.+, )?Group \w{1,3}")
"""A round the file names as one group ("Group A", "Europe, Group 3"): one table under its
name, whoever plays whom in it, never split into "Group 1", "Group 2"."""


def round_tables(
    round_: Round, rules: TableRules, play_offs: Sequence[PlayOff] = ()
) -> tuple[Table, ...]:
    """The tables of one group or league round: one, or one per recovered group (a league
    whose teams play in groups that never meet, as the Chinese Super League of 2020, gives
    one table per group; one matchday of a league, whose pairs never meet, stays one).
    ``play_offs`` place the teams level on points that played one (``rank``)."""
    groups = split_groups(round_.matches)
    apart = len(groups) > 1 and all(len(_teams(group)) > 2 for group in groups)
    named = _ONE_GROUP.fullmatch(round_.name) is not None  # the file says it is one group
    if len(groups) <= 1 or named or (round_.format is RoundFormat.LEAGUE and not apart):
        return (rank(round_.name, round_.matches, rules, play_offs),)
    return tuple(
        rank(f"Group {i}", group, rules, play_offs) for i, group in enumerate(groups, start=1)
    )


def season_tables(
    season: Season, rules: TableRules | None = None, competition: str | None = None
) -> tuple[Table, ...]:
    """Every table of ``season``'s group and league rounds, under ``rules`` or those of its
    competition in that era (the one named ``competition``, else the one its title names).

    A round written as one ("Group stage") but made of separate groups gives one table per group,
    named "Group 1", "Group 2", ... in the order the file first lists them; a league's
    matchdays make one table (``league_rounds``).
    """
    from matchday.competitions import title_table_rules  # the registry builds on standings

    tables: list[Table] = []
    listed = {r.name for r in season.rounds}
    for round_ in league_rounds(season.rounds):
        if round_.format is RoundFormat.KNOCKOUT:
            continue
        joined = round_.name not in listed  # a league's matchdays made one table
        chosen = rules or (
            tiebreakers_for(season.start_year, round_.format, competition)
            if competition
            else title_table_rules(
                season.competition, season.start_year, round_.format, matchdays=joined
            )
        )
        tables.extend(round_tables(round_, chosen))
    return tuple(tables)
