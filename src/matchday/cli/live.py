"""``matchday live``: who is through right now, what each side needs, what the next goal changes."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from matchday.cli.common import (
    CompetitionOption,
    JsonOption,
    RulesOption,
    SourceArgument,
    TieRoundOption,
    console,
    load_competition,
    parse_minute,
    parse_score,
    print_json,
    season_title,
)
from matchday.io.live_json import live_state_json, timeline_json
from matchday.io.live_text import explain_next_goal, explain_state
from matchday.live import (
    MatchState,
    Timeline,
    needs,
    next_goal,
    shoot_out,
    state_at,
    timeline,
)
from matchday.model import EXTRA_TIME_END, REGULAR_TIME, Goal, Score, Season, Tie
from matchday.rules import Phase, Rules
from matchday.select import find_tie, fold

__all__ = ["live"]

SHOOT_OUT_WORDS = frozenset({"pens", "penalties", "shoot-out", "shootout"})
"""What ``--minute`` accepts, besides a minute, for a tie at the penalty shoot-out."""

_PHASE_NAMES = {
    Phase.EXTRA_TIME: "extra time",
    Phase.PENALTIES: "penalties",
    Phase.REPLAY: "a replay",
    Phase.LOTS: "a drawing of lots",
}


def live(
    source: SourceArgument,
    team: Annotated[
        str,
        typer.Option("--tie", help="Any unambiguous part of a team's name.", show_default=False),
    ],
    round_name: TieRoundOption = None,
    score_text: Annotated[
        str | None,
        typer.Option(
            "--score",
            help="Score of the deciding match, home team first (1-0); default: replay its goals.",
            show_default=False,
        ),
    ] = None,
    minute_text: Annotated[
        str | None,
        typer.Option(
            "--minute",
            help="Minute (60, 90+3, 105) or 'pens' for the shoot-out.",
            show_default=False,
        ),
    ] = None,
    rules_name: RulesOption = None,
    as_json: JsonOption = False,
    competition: CompetitionOption = None,
) -> None:
    """Who is through at a score and minute of a tie's deciding match, or its goal timeline."""
    score = parse_score(score_text) if score_text is not None else None
    when = _parse_when(minute_text) if minute_text is not None else (0, 0)
    known = load_competition(source, rules_name, competition)
    season = known.season
    tie = find_tie(season, team, round_name)
    rules = known.tie_rules(tie)
    if score is None and minute_text is None:
        line = timeline(tie, rules)
        if as_json:
            print_json(timeline_json(line))
        else:
            _print_heading(season, tie, rules)
            console.print(_timeline_table(line))
        return
    state = _chosen_state(tie, rules, score, when)
    if as_json:
        print_json(live_state_json(state))
        return
    _print_heading(season, tie, rules)
    match = state.match
    clock = "penalties" if state.phase is Phase.PENALTIES else state.clock
    console.print(
        f"[bold]{match.home} {state.score} {match.away}[/]" + (f", {clock}" if minute_text else "")
    )
    console.print(f"If it ended now: [bold green]{explain_state(state)}[/]")
    console.print(_needs_table(state))


def _parse_when(text: str) -> tuple[int, int] | None:
    """``--minute``: (minute, added time), or ``None`` for the penalty shoot-out."""
    return None if fold(text.strip()) in SHOOT_OUT_WORDS else parse_minute(text)


def _chosen_state(
    tie: Tie, rules: Rules, score: Score | None, when: tuple[int, int] | None
) -> MatchState:
    """The state the options ask for: at ``score``, or replayed from the played match's goals."""
    if when is not None:
        return (
            state_at(tie, rules, score, *when)
            if score is not None
            else timeline(tie, rules).at(*when)
        )
    end = EXTRA_TIME_END if rules.extra_time else REGULAR_TIME
    state = state_at(tie, rules, score, end) if score is not None else timeline(tie, rules).final
    return state if state.phase is Phase.PENALTIES else shoot_out(state)


def _print_heading(season: Season, tie: Tie, rules: Rules) -> None:
    console.print(f"[bold]{season_title(season)}[/], {tie.round} — rules: {rules.name}")
    if not tie.single_match:
        first = tie.first_leg
        console.print(f"First leg: {first.home} {first.score} {first.away}")


def _count(goals: int | None) -> str:
    return "—" if goals is None else str(goals)


def _needs_table(state: MatchState) -> Table:
    forces = state.next_phase
    table = Table(caption="goals in the rest of this phase, the other side not scoring; — : no way")
    table.add_column("Team")
    table.add_column("Goals to go through", justify="center")
    if forces is not None:
        table.add_column(f"Goals to force {_PHASE_NAMES[forces]}", justify="center")
    table.add_column("Next goal")
    for team in (state.match.home, state.match.away):
        need = needs(state, team)
        goal = next_goal(state, team)
        row = [team.name, _count(need.to_go_through)]
        if forces is not None:
            row.append(_count(need.to_force))
        row.append(explain_next_goal(goal) if goal is not None else "—")
        table.add_row(*row)
    return table


def _goal_text(goal: Goal) -> str:
    scorer = goal.scorer or "goal"
    marks = " (pen.)" if goal.penalty else " (o.g.)" if goal.own_goal else ""
    return f"{scorer}{marks}, {goal.team}"


def _timeline_table(line: Timeline) -> Table:
    """The goals of a deciding match, each with the score, the aggregate (after a first leg
    only: a single match's is its score) and who would go through if it ended then."""
    tie, match = line.kickoff.tie, line.kickoff.match
    two_legs = line.kickoff.first_leg is not None
    turning = "◆ turning point: the side going through changed"
    table = Table(
        title=f"{match.home} v {match.away}",
        title_justify="left",
        caption=f"aggregate: {tie.team1} first; {turning}" if two_legs else turning,
    )
    table.add_column("Minute", justify="right")
    table.add_column("Goal")
    table.add_column("Score", justify="center")
    if two_legs:
        table.add_column("Agg.", justify="center")
    table.add_column("If it ended now")
    table.add_column("", justify="center")

    def add(clock: str, what: str, state: MatchState, turned: bool = False) -> None:
        style = "bold" if turned else None
        row = [clock, what, str(state.score)]
        row += [str(state.aggregate)] if two_legs else []
        table.add_row(*row, explain_state(state), "◆" if turned else "", style=style)

    add("", "kick-off", line.kickoff)
    for moment in line.moments:
        add(moment.goal.clock, _goal_text(moment.goal), moment.state, moment.turning_point)
    final = line.final
    end = "after penalties" if final.penalties is not None else "full time"
    add(final.clock, end, final)
    return table
