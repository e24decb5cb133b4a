"""``matchday draw``: who can meet whom in a knockout draw, and how likely each tie is."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.progress import Progress
from rich.table import Table

from matchday.cli.common import (
    JsonOption,
    SourceArgument,
    console,
    positive_sims,
    print_json,
    progress_bar,
    wide_console,
)
from matchday.draw import PairingProbabilities, exact_probabilities, simulated_probabilities
from matchday.errors import ConfigError
from matchday.io.draws import draw_for, origin_text, playoff_outcomes, probabilities_json
from matchday.io.load import load

__all__ = ["draw"]


def draw(
    source: SourceArgument,
    round_name: Annotated[
        str,
        typer.Option("--round", help='The round drawn, e.g. "Round of 32".', show_default=False),
    ],
    exact: Annotated[
        bool, typer.Option("--exact", help="Exact probabilities (the default).")
    ] = False,
    sims: Annotated[
        int | None,
        typer.Option("--sims", help="Estimate from N simulated draws instead.", show_default=False),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the simulated draws.")] = 0,
    as_json: JsonOption = False,
) -> None:
    """Print the pairing-probability matrix of the draw that made ROUND of SOURCE."""
    if exact and sims is not None:
        raise ConfigError("choose --exact or --sims N, not both")
    positive_sims(sims)
    season = load(source)
    procedure = draw_for(season, round_name)
    outcomes = {frozenset(o.tie.teams): o for o in playoff_outcomes(season)}
    if sims is None:
        with progress_bar(transient=True) as bar:
            task = bar.add_task("solving the draw", total=None, detail="first teams drawn")
            result = exact_probabilities(
                procedure, lambda done, total: bar.update(task, completed=done, total=total)
            )
    else:
        with Progress(console=console, transient=True, disable=as_json) as progress:
            task = progress.add_task("Drawing", total=sims)
            result = simulated_probabilities(
                procedure, sims, seed, lambda done: progress.update(task, completed=done)
            )
    if as_json:
        print_json(probabilities_json(result, outcomes.values()))
        return
    lines = []
    for number, entrant in enumerate(procedure.seeded, start=1):
        detail = ", ".join(x for x in (entrant.association, origin_text(entrant)) if x)
        lines.append(f"{number:>3} = {entrant.team.name} ({detail})")
    for entrant in procedure.unseeded:  # a play-off winner, or the tie not yet decided
        outcome = outcomes.get(frozenset(entrant.tie)) if entrant.tie is not None else None
        if outcome is not None:
            tie = outcome.tie
            lines.append(f"  {entrant.team}: {tie.team1} v {tie.team2}, {outcome.explanation}")
    label = max(len(e.team.name) for e in procedure.unseeded)
    out = wide_console(max([label + 7 * procedure.size + 4, *map(len, lines)]))
    out.print(_matrix(result))
    for line in lines:
        out.print(line)


def _matrix(result: PairingProbabilities) -> Table:
    procedure = result.procedure
    how = "exact" if result.method == "exact" else f"{result.draws:,} simulated draws"
    view = Table(
        box=box.SIMPLE_HEAD,
        title=f"{procedure.name}: probability of each tie, in % ({how})",
        title_justify="left",
        caption="rows: unseeded (home in the first leg); columns: seeded teams, numbered below; "
        "— a banned tie",
        caption_justify="left",
    )
    view.add_column("Unseeded")
    for number in range(1, procedure.size + 1):
        view.add_column(str(number), justify="right")
    for u, row in enumerate(result.matrix):
        cells = [
            "—" if procedure.ban(s, u) is not None else f"{100 * p:.1f}" for s, p in enumerate(row)
        ]
        view.add_row(procedure.unseeded[u].team.name, *cells)
    return view
