"""``matchday table``: a season's group or league-phase tables, each place with its reason."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.table import Table as RichTable

from matchday import competitions
from matchday.cli.common import (
    CompetitionOption,
    JsonOption,
    KeepGoingOption,
    SourceArgument,
    load_competition,
    print_json,
    season_title,
    wide_console,
)
from matchday.competitions import TIEBREAKERS, tiebreakers
from matchday.competitions.stages import ShownPlace, destinations
from matchday.errors import ConfigError
from matchday.io.footballtxt import canonical_round
from matchday.io.tables import table_json
from matchday.model import RoundFormat, Team
from matchday.model.names import counted
from matchday.ordinals import ordinal
from matchday.select import find_team, fold
from matchday.standings import DOMESTIC, CarriedPoints, Start, Table
from matchday.standings.groups import REGULAR_SEASON

__all__ = ["table"]


def table(
    source: SourceArgument,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            help='Only this group: "A", "Group A", "Groep A", or a team in it.',
            show_default=False,
        ),
    ] = None,
    tiebreakers_name: Annotated[
        str | None,
        typer.Option(
            "--tiebreakers",
            help=f"Tie-breakers ({', '.join(TIEBREAKERS)}); default: those of the competition "
            "that season.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    competition: CompetitionOption = None,
    keep_going: KeepGoingOption = False,
) -> None:
    """Show the group or league-phase tables of SOURCE, with why each team is where it is."""
    known = load_competition(source, None, competition, keep_going=keep_going, knockout=False)
    season = known.season
    named = competition is not None or competitions.recognise(season.competition) is not None
    kinds = known.tables(tiebreakers(tiebreakers_name) if tiebreakers_name else None)
    tables = tuple(t for _, t in kinds)
    zones_of = {id(t): known.format.zones(kind) if named else None for kind, t in kinds}
    if not tables:
        raise ConfigError(f"{season.source}: no group stage or league phase in this file")
    chosen = [_find_table(tables, group)] if group else list(tables)
    onward = known.onward() if named else ()
    shown = frozenset(t for o in onward for t in o.shown)
    places = known.shown_places() if named else ()

    def where(one: Table) -> dict[Team, str | None] | None:
        zones = zones_of.get(id(one))
        return None if zones is None else destinations(one, zones, onward)

    if as_json:
        print_json(
            {
                "competition": season.competition,
                "season": season.name,
                "assumed": known.assumed and tiebreakers_name is None,
                "tables": [
                    table_json(t, zones_of.get(id(t)), where(t), shown, places) for t in chosen
                ],
            }
        )
        return
    out = wide_console(180)
    out.print(f"[bold]{season_title(season)}[/]")
    play_offs = {o.table: o.play_off for o in onward if o.play_off}
    unsure = frozenset(t for o in onward for level in o.undecided for t in level)
    assumed = known.assumed and tiebreakers_name is None
    for one in chosen:
        goes = where(one)
        out.print(_rich_table(one, goes, unsure))
        if assumed:
            out.print(f"[yellow]{_assumed(one)}[/]\n")
        if one.start is not None:
            out.print(f"{_carried(one.start)}\n")
        played = play_offs.get(one.name)
        if played is not None and played.winner is not None:
            out.print(f"play-off: {played.explanation}; {played.winner} go on\n")
        for pair in one.repeated:
            out.print(f"[yellow]{_met_again(one, pair)}[/]\n")
        if one.unmet:
            out.print(f"[yellow]{_unmet(one)}[/]\n")
        if one.unplayed:
            out.print(f"[yellow]{_unplayed(one)}[/]\n")
        for team in (t for t in one.teams if t in shown):
            out.print(f"{team} go on to the {(goes or {}).get(team)}: the data shows them there\n")
        for place in sorted((p for p in places if p.table == one.name), key=lambda p: p.position):
            out.print(f"{_shown_place(place)}\n")


def _assumed(table: Table) -> str:
    """What a table of a competition the registry does not know says of its tie-breakers."""
    if table.rules is DOMESTIC:
        chosen = (
            "a domestic league's usual order (points, goal difference, goals scored); the "
            "league's own tie-breakers are not known"
        )
        if table.name != REGULAR_SEASON:
            chosen += (
                "; what it carries from the regular season is not known either, so it counts "
                "its own matches only"
            )
    else:
        chosen = "UEFA's club rules"
    return (
        f"tie-breakers assumed: not a competition matchday knows, so {chosen}; pick others "
        "with --competition or --tiebreakers"
    )


def _shown_place(place: ShownPlace) -> str:
    """A place left to lots that the next round shows, in a sentence under the table."""
    return (
        f"{place.team} placed {ordinal(place.position)}: the {place.round} show them against "
        f"{place.opponent} ({ordinal(place.opponent_place)} in {place.opponent_table}), whom "
        f"the {ordinal(place.position)} of {place.table} meets"
    )


_CARRIED = {
    CarriedPoints.ALL: "every point of {before} carried",
    CarriedPoints.HALVED_ROUNDED_UP: "the points of {before} halved, rounded up (level on "
    "points, a team whose points were not rounded up goes first)",
    CarriedPoints.HALVED_ROUNDED_DOWN: "the points of {before} halved, rounded down (level on "
    "points, a team that lost half a point in rounding goes first)",
    CarriedPoints.NONE: "no points carried from {before}",
}


def _carried(start: Start) -> str:
    """How a league stage's table starts, in a sentence under it."""
    before = f"the regular season ({start.before})"
    text = "starts from " + _CARRIED[start.carry.points].format(before=before)
    if start.carry.whole_season:
        text += "; its games and goals count in this table too"
    return text


_PAIRS_SHOWN = 12
"""The most pairs a table names in a sentence (``--json`` lists them all)."""


def _unmet(table: Table) -> str:
    """What the table says of the pairs that met less often than the format has them meet,
    and of the teams whose number of games stands out (a team written two ways)."""
    meetings = table.meetings or 1
    met = Counter(frozenset((m.home, m.away)) for m in table.matches)

    def said(pair: frozenset[Team]) -> str:
        names = " v ".join(t.name for t in table.teams if t in pair)
        return names if meetings == 1 else f"{names} ({met[pair]})"

    pairs = "; ".join(said(p) for p in table.unmet[:_PAIRS_SHOWN])
    if len(table.unmet) > _PAIRS_SHOWN:
        pairs += f" and {len(table.unmet) - _PAIRS_SHOWN} more (--json lists them all)"
    if meetings == 1:
        return (
            f"no match in this group between {pairs}, though the format has every pair meet: "
            "a match not yet in the file, or a team written two ways?"
        )
    text = (
        f"incomplete: these pairs met fewer than {meetings} times, as the format has every "
        f"pair meet: {pairs}"
    )
    games = Counter(t for m in table.matches for t in (m.home, m.away))
    usual = Counter(games.values()).most_common(1)[0][0]
    odd = [t for t in table.teams if games[t] != usual]
    if odd:
        listed = ", ".join(f"{t.name} {games[t]}" for t in odd)
        text += f". Games per team: {usual}, but {listed}: a team written two ways?"
    return text


def _unplayed(table: Table) -> str:
    """What a table with matches not played says: it is not final yet, and how far it got."""
    missing = counted(len(table.unplayed), "match", "matches")
    text = f"incomplete: {missing} of the table without a result"
    played = sorted({s.record.played for s in table.standings})
    if table.games_per_team is not None:
        games = f"{played[0]}" if len(played) == 1 else f"{played[0]} to {played[-1]}"
        text += f" (games per team: {games} of {table.games_per_team})"
    return text


def _met_again(table: Table, pair: frozenset[Team]) -> str:
    """What the table says of a pair that met more often than the format has them meet."""
    first, second = (t for t in table.teams if t in pair)
    times = sum(frozenset((m.home, m.away)) == pair for m in table.matches)
    return (
        f"{first} and {second} met {times} times in this group, more often than the format has a "
        "pair meet: all their matches are counted, as the file lists them all as group matches"
    )


def _brought(start: Start, team: Team) -> str:
    """The points ``team`` carried into the stage, with the half point rounding gave or took."""
    carried = start.of(team)
    if carried is None:
        return "-"
    half = "" if not carried.rounded else " (+½)" if carried.rounded > 0 else " (-½)"
    return f"{carried.points}{half}"


def _find_table(tables: tuple[Table, ...], query: str) -> Table:
    """The table named ``query`` ("A", "Group A", a group in any language the vocabulary
    knows: "Groep A", "Gruppe A", "Grupo A") or the one with the team ``query``."""
    wanted = fold(query.strip())
    spelled = canonical_round(query)
    group = fold(spelled.name) if spelled and spelled.format is RoundFormat.GROUP else None
    for one in tables:
        name = fold(one.name)
        if wanted in (name, f"group {name}") or name in (f"group {wanted}", group):
            return one
    teams = {t for one in tables for t in one.teams}
    names = ", ".join(t.name for t in tables)
    if len(wanted) < 3 or group is not None:
        raise ConfigError(f"no group {query!r}; tables: {names}")
    try:
        team = find_team(frozenset(teams), query)
    except ConfigError as err:
        raise ConfigError(f"no group {query!r} ({err}); tables: {names}") from None
    return next(one for one in tables if team in one.teams)


def _rich_table(
    table: Table, where: dict[Team, str | None] | None, unsure: frozenset[Team]
) -> RichTable:
    view = RichTable(
        title=table.name,
        title_justify="left",
        caption=f"tie-breakers: {table.rules.name}",
        caption_justify="left",
    )
    view.add_column("#", justify="right")
    view.add_column("Team")
    for heading in ("P", "W", "D", "L", "GF", "GA", "GD", "Pts"):
        view.add_column(heading, justify="right")
    if table.start is not None:
        view.add_column("Carried", justify="right")
    if where is not None:
        view.add_column("Next")
    view.add_column("Why")
    for s in table.standings:
        r = s.record
        place = f"{s.position}=" if not s.decided else str(s.position)
        row = [place, s.team.name, *map(str, (r.played, r.won, r.drawn, r.lost)), str(r.goals_for)]
        row += [str(r.goals_against), f"{r.goal_difference:+d}", f"[bold]{s.points}[/]"]
        if table.start is not None:
            row.append(_brought(table.start, s.team))
        if where is not None:
            row.append(where[s.team] or ("?" if s.team in unsure else "out"))
        row.append(s.explanation if s.decided else f"[yellow]{s.explanation}[/]")
        view.add_row(*row)
    return view
