"""``matchday table``: a season's group or league-phase tables, each place with its reason."""

from __future__ import annotations

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
from matchday.competitions.stages import destinations
from matchday.errors import ConfigError
from matchday.io.tables import table_json
from matchday.model import Team
from matchday.select import find_team, fold
from matchday.standings import TIEBREAKERS, Table, tiebreakers

__all__ = ["table"]


def table(
    source: SourceArgument,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            help='Only this group: "A", "Group A", or a team in it.',
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

    def where(one: Table) -> dict[Team, str | None] | None:
        zones = zones_of.get(id(one))
        return None if zones is None else destinations(one, zones, onward)

    if as_json:
        print_json(
            {
                "competition": season.competition,
                "season": season.name,
                "tables": [table_json(t, zones_of.get(id(t)), where(t), shown) for t in chosen],
            }
        )
        return
    out = wide_console(180)
    out.print(f"[bold]{season_title(season)}[/]")
    play_offs = {o.table: o.play_off for o in onward if o.play_off}
    unsure = frozenset(t for o in onward for level in o.undecided for t in level)
    for one in chosen:
        goes = where(one)
        out.print(_rich_table(one, goes, unsure))
        played = play_offs.get(one.name)
        if played is not None and played.winner is not None:
            out.print(f"play-off: {played.explanation}; {played.winner} go on\n")
        for pair in one.repeated:
            out.print(f"[yellow]{_met_again(one, pair)}[/]\n")
        if one.unmet:
            pairs = "; ".join(" v ".join(t.name for t in one.teams if t in p) for p in one.unmet)
            out.print(
                f"[yellow]no match in this group between {pairs}, though the format has every "
                "pair meet: a match not yet in the file, or a team written two ways?[/]\n"
            )
        for team in (t for t in one.teams if t in shown):
            out.print(f"{team} go on to the {(goes or {}).get(team)}: the data shows them there\n")


def _met_again(table: Table, pair: frozenset[Team]) -> str:
    """What the table says of a pair that met more often than the format has them meet."""
    first, second = (t for t in table.teams if t in pair)
    times = sum(frozenset((m.home, m.away)) == pair for m in table.matches)
    return (
        f"{first} and {second} met {times} times in this group, more often than the format has a "
        "pair meet: all their matches are counted, as the file lists them all as group matches"
    )


def _find_table(tables: tuple[Table, ...], query: str) -> Table:
    """The table named ``query`` ("A", "Group A") or the one with the team ``query``."""
    wanted = fold(query.strip())
    for one in tables:
        name = fold(one.name)
        if wanted in (name, f"group {name}") or name == f"group {wanted}":
            return one
    teams = {t for one in tables for t in one.teams}
    names = ", ".join(t.name for t in tables)
    if len(wanted) < 3:
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
    if where is not None:
        view.add_column("Next")
    view.add_column("Why")
    for s in table.standings:
        r = s.record
        place = f"{s.position}=" if not s.decided else str(s.position)
        row = [place, s.team.name, *map(str, (r.played, r.won, r.drawn, r.lost)), str(r.goals_for)]
        row += [str(r.goals_against), f"{r.goal_difference:+d}", f"[bold]{s.points}[/]"]
        if where is not None:
            row.append(where[s.team] or ("?" if s.team in unsure else "out"))
        row.append(s.explanation if s.decided else f"[yellow]{s.explanation}[/]")
        view.add_row(*row)
    return view
