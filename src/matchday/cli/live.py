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
from matchday.errors import ConfigError
from matchday.io.live_json import live_state_json, timeline_json
from matchday.io.live_text import ENGLISH, explain_next_goal, explain_state, live_names
from matchday.live import (
    MatchState,
    Timeline,
    needs,
    next_goal,
    shoot_out,
    state_at,
    timeline,
)
from matchday.model import EXTRA_TIME_END, REGULAR_TIME, Goal, Score, Season, Team, Tie
from matchday.report.language import language
from matchday.rules import Phase, Rules
from matchday.select import find_tie, fold

__all__ = ["live"]

SHOOT_OUT_WORDS = frozenset({"pens", "penalties", "shoot-out", "shootout"})
"""What ``--minute`` accepts, besides a minute, for a tie at the penalty shoot-out."""

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "rules": "rules", "first_leg": "First leg", "penalties": "penalties",
        "if_now": "If it ended now", "team": "Team", "to_go_through": "Goals to go through",
        "to_force": "Goals to force {}", "next_goal": "Next goal",
        "needs_caption": "goals in the rest of this phase, the other side not scoring; — : no way",
        "minute": "Minute", "goal": "Goal", "score": "Score", "aggregate": "Agg.",
        "a_goal": "goal", "penalty": "pen.", "own_goal": "o.g.", "versus": "v",
        "turning": "◆ turning point: who would go through changed (or nobody would: level)",
        "aggregate_caption": "aggregate: {} first; {}", "kickoff": "kick-off",
        "full_time": "full time", "after_penalties": "after penalties",
        "extra time": "extra time", "penalties_phase": "penalties", "replay": "a replay",
        "lots": "a drawing of lots", "qualifying": "qualifying",
    },
    "nl": {
        "rules": "regels", "first_leg": "Heenwedstrijd", "penalties": "strafschoppen",
        "if_now": "Als het nu afliep", "team": "Ploeg",
        "to_go_through": "Doelpunten om door te gaan",
        "to_force": "Doelpunten om {} af te dwingen", "next_goal": "Volgend doelpunt",
        "needs_caption": (
            "doelpunten in de rest van deze fase, zonder tegendoelpunt; — : onmogelijk"
        ),
        "minute": "Minuut", "goal": "Doelpunt", "score": "Stand", "aggregate": "Totaal",
        "a_goal": "doelpunt", "penalty": "strafschop", "own_goal": "eigen doelpunt",
        "versus": "-",
        "turning": "◆ kantelpunt: wie zou doorgaan veranderde (of niemand meer: gelijk)",
        "aggregate_caption": "totaal: {} eerst; {}", "kickoff": "aftrap",
        "full_time": "einde", "after_penalties": "na strafschoppen",
        "extra time": "verlengingen", "penalties_phase": "strafschoppen", "replay": "een replay",
        "lots": "een loting", "qualifying": "kwalificatie",
    },
}  # fmt: skip
"""The words of the live view around its explanations (which the reason templates make), by
language; the English ones are the view's since its start."""

_PHASE_KEYS = {
    Phase.EXTRA_TIME: "extra time",
    Phase.PENALTIES: "penalties_phase",
    Phase.REPLAY: "replay",
    Phase.LOTS: "lots",
}
"""The word for each phase a side may force, in ``_WORDS``."""


class _Words:
    """The live view's words and team names in one language."""

    def __init__(self, code: str, teams: tuple[Team, Team]) -> None:
        if code not in _WORDS:
            raise ConfigError(f"unknown language {code!r}; choose one of: {', '.join(_WORDS)}")
        self.code = code
        self.words = _WORDS[code]
        self.names = live_names(teams, code)
        self.lang = language(code)

    def __getitem__(self, key: str) -> str:
        return self.words[key]

    def name(self, team: Team) -> str:
        """The team as the view names it (``live_names``)."""
        return self.names.get(team, team.name)

    def round(self, tie: Tie) -> str:
        """The tie's round: as the data names it in English, as readers say it otherwise."""
        return tie.round if self.code == ENGLISH else self.lang.round_name(tie.round)

    def title(self, season: Season) -> str:
        """The season as the heading names it: as the data names it in English; otherwise
        the competition as ``matchday report`` names it in the language ("Wereldbeker 2022",
        as the report's "wereldbeker")."""
        if self.code == ENGLISH:
            return season_title(season)
        name = self.lang.competition_name(season.competition)
        qualifying = f" {self['qualifying']}" if season.qualifying else ""
        return f"{name[:1].upper()}{name[1:]} {season.name}{qualifying}"


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
    lang: Annotated[
        str,
        typer.Option(
            "--lang", help="Language of the explanations and labels: en or nl.", show_default=True
        ),
    ] = ENGLISH,
) -> None:
    """Who is through at a score and minute of a tie's deciding match, or its goal timeline."""
    score = parse_score(score_text) if score_text is not None else None
    when = _parse_when(minute_text) if minute_text is not None else (0, 0)
    if lang not in _WORDS:
        raise ConfigError(f"unknown language {lang!r}; choose one of: {', '.join(_WORDS)}")
    known = load_competition(source, rules_name, competition)
    season = known.season
    tie = find_tie(season, team, round_name)
    rules = known.tie_rules(tie)
    say = _Words(lang, tie.teams)
    if score is None and minute_text is None:
        line = timeline(tie, rules)
        if as_json:
            print_json(timeline_json(line, lang))
        else:
            _print_heading(season, tie, rules, say)
            console.print(_timeline_table(line, say))
        return
    state = _chosen_state(tie, rules, score, when)
    if as_json:
        print_json(live_state_json(state, lang))
        return
    _print_heading(season, tie, rules, say)
    match = state.match
    clock = say["penalties"] if state.phase is Phase.PENALTIES else state.clock
    home, away = say.name(match.home), say.name(match.away)
    console.print(f"[bold]{home} {state.score} {away}[/]" + (f", {clock}" if minute_text else ""))
    console.print(f"{say['if_now']}: [bold green]{explain_state(state, lang)}[/]")
    console.print(_needs_table(state, say))


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


def _print_heading(season: Season, tie: Tie, rules: Rules, say: _Words) -> None:
    console.print(f"[bold]{say.title(season)}[/], {say.round(tie)} — {say['rules']}: {rules.name}")
    if not tie.single_match:
        first = tie.first_leg
        home, away = say.name(first.home), say.name(first.away)
        console.print(f"{say['first_leg']}: {home} {first.score} {away}")


def _count(goals: int | None) -> str:
    return "—" if goals is None else str(goals)


def _needs_table(state: MatchState, say: _Words) -> Table:
    forces = state.next_phase
    table = Table(caption=say["needs_caption"])
    table.add_column(say["team"])
    table.add_column(say["to_go_through"], justify="center")
    if forces is not None:
        table.add_column(say["to_force"].format(say[_PHASE_KEYS[forces]]), justify="center")
    table.add_column(say["next_goal"])
    for team in (state.match.home, state.match.away):
        need = needs(state, team)
        goal = next_goal(state, team)
        row = [say.name(team), _count(need.to_go_through)]
        if forces is not None:
            row.append(_count(need.to_force))
        row.append(explain_next_goal(goal, say.code) if goal is not None else "—")
        table.add_row(*row)
    return table


def _goal_text(goal: Goal, say: _Words) -> str:
    scorer = goal.scorer or say["a_goal"]
    mark = say["penalty"] if goal.penalty else say["own_goal"] if goal.own_goal else None
    return f"{scorer}{f' ({mark})' if mark else ''}, {say.name(goal.team)}"


def _timeline_table(line: Timeline, say: _Words) -> Table:
    """The goals of a deciding match, each with the score, the aggregate (after a first leg
    only: a single match's is its score) and who would go through if it ended then."""
    tie, match = line.kickoff.tie, line.kickoff.match
    two_legs = line.kickoff.first_leg is not None
    turning = say["turning"]
    table = Table(
        title=f"{say.name(match.home)} {say['versus']} {say.name(match.away)}",
        title_justify="left",
        caption=(
            say["aggregate_caption"].format(say.name(tie.team1), turning) if two_legs else turning
        ),
    )
    table.add_column(say["minute"], justify="right")
    table.add_column(say["goal"])
    table.add_column(say["score"], justify="center")
    if two_legs:
        table.add_column(say["aggregate"], justify="center")
    table.add_column(say["if_now"])
    table.add_column("", justify="center")

    def add(clock: str, what: str, state: MatchState, turned: bool = False) -> None:
        style = "bold" if turned else None
        row = [clock, what, str(state.score)]
        row += [str(state.aggregate)] if two_legs else []
        told = explain_state(state, say.code)
        table.add_row(*row, told, "◆" if turned else "", style=style)

    add("", say["kickoff"], line.kickoff)
    for moment in line.moments:
        add(moment.goal.clock, _goal_text(moment.goal, say), moment.state, moment.turning_point)
    final = line.final
    end = say["after_penalties"] if final.penalties is not None else say["full_time"]
    add(final.clock, end, final)
    return table
