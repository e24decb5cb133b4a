"""``matchday ties``: every tie of a source with who goes through and how."""

from __future__ import annotations

from itertools import groupby
from typing import Annotated

import typer
from rich.table import Table

from matchday.cli.common import (
    CompetitionOption,
    JsonOption,
    KeepGoingOption,
    RulesOption,
    SourceArgument,
    console,
    load_competitions,
    print_json,
    season_title,
)
from matchday.competitions import RoundKind
from matchday.errors import ConfigError
from matchday.io.export import tie_json
from matchday.io.load import football_json_folder
from matchday.model import Match, Score, Season, Team
from matchday.rules import DecidedBy, Outcome

__all__ = ["ties"]


ASSUMED = (
    " (assumed: not a competition matchday knows, so UEFA's club rules; "
    "pick others with --competition or --rules)"
)
"""Said after the rules of a competition the registry does not know."""


def ties(
    source: SourceArgument,
    round_name: Annotated[
        str | None,
        typer.Option("--round", help='Only this round, e.g. "Round of 32".', show_default=False),
    ] = None,
    rules_name: RulesOption = None,
    as_json: JsonOption = False,
    competition: CompetitionOption = None,
    keep_going: KeepGoingOption = False,
) -> None:
    """List the knockout ties of SOURCE: legs, aggregate, who goes through and how. From a
    folder of football.json files, those of every competition in it with knockout ties."""
    every = load_competitions(source, rules_name, competition, keep_going=keep_going)
    # a folder of several competitions names each tie's, however many have ties this time
    several = len(every) > 1 or (football_json_folder(source) is not None and not competition)
    assumed = {id(k.known.season) for k in every if k.known.assumed and k.known.override is None}
    decided = []
    missing: list[tuple[bool, ConfigError]] = []  # (not a round it left out, why)
    for kept in every:
        known = kept.known
        rounds = known.season.rounds
        if round_name:
            try:
                rounds = (kept.round(round_name),)
            except ConfigError as err:  # read from several competitions, the round of some
                missing.append((kept.left_out_round(round_name) is None, err))
                continue
        decided.append((known, known.decide(rounds)))
    if missing and (not several or not decided):  # a round left out says more than none
        raise min(missing, key=lambda m: m[0])[1]
    if as_json:
        print_json([_tie_json(k.season, o, several) for k, found in decided for o in found])
        return
    if not any(found for _, found in decided):
        console.print("No knockout ties in this selection.")
        return
    for known, outcomes in decided:
        if not outcomes:
            continue
        season = known.season
        used = ", ".join(dict.fromkeys(o.rules.name for o in outcomes))
        note = ASSUMED if id(season) in assumed else ""
        console.print(f"[bold]{season_title(season)}[/] — rules: {used}{note}")
        kinds = {r.name: known.kind(r) for r in season.rounds}
        for round_name_, group in groupby(outcomes, key=lambda o: o.tie.round):
            last = kinds.get(round_name_) in (RoundKind.FINAL, RoundKind.THIRD_PLACE)
            console.print(_round_table(round_name_, list(group), "Winner" if last else "Through"))


def _tie_json(season: Season, outcome: Outcome, several: bool) -> dict[str, object]:
    """A tie as JSON; read from several competitions, it says which (``competition``)."""
    data = tie_json(outcome)
    if several:
        data = {"competition": f"{season.competition} {season.name}", **data}
    return data


def _leg_text(match: Match | None, team1: Team) -> str:
    """A leg's result with ``team1``'s goals first, as in tie tables."""
    if match is None:
        return ""
    if match.score is None:
        if match.cancelled or not match.dated:  # a day the file does not give is not shown
            return match.status.value
        return f"{match.date:%d %b}"
    flip = match.home != team1

    def show(score: Score) -> str:
        return f"{score.away}-{score.home}" if flip else str(score)

    text = show(match.score)
    if match.extra_time is not None:
        text = f"{show(match.extra_time)} aet"
    if match.penalties is not None:
        text += f", {show(match.penalties)} p"
    return text + (" (awarded)" if match.awarded else "")


_HOW = {
    DecidedBy.AGGREGATE: "aggregate",
    DecidedBy.AWAY_GOALS: "away goals",
    DecidedBy.EXTRA_TIME: "extra time",
    DecidedBy.AWAY_GOALS_EXTRA_TIME: "away goals in extra time",
    DecidedBy.PENALTIES: "penalties",
    DecidedBy.SINGLE_MATCH: "match",
    DecidedBy.SINGLE_MATCH_EXTRA_TIME: "extra time",
    DecidedBy.SINGLE_MATCH_PENALTIES: "penalties",
    DecidedBy.GOLDEN_GOAL: "golden goal",
    DecidedBy.SILVER_GOAL: "silver goal",
    DecidedBy.REPLAY: "replay",
    DecidedBy.LOTS: "drawing of lots",
    DecidedBy.OFF_THE_PITCH: "off the pitch",
}


def _round_table(name: str, outcomes: list[Outcome], through: str = "Through") -> Table:
    """A round's ties; ``through`` heads the column of who went on ("Winner" in a final or a
    match for third place, after which no one goes anywhere)."""
    two_legged = any(not o.tie.single_match for o in outcomes)
    table = Table(title=name, title_justify="left", caption="scores: first-named team first")
    table.add_column("Tie")
    table.add_column("1st leg" if two_legged else "Result", justify="center")
    if two_legged:
        table.add_column("2nd leg", justify="center")
        table.add_column("Agg.", justify="center")
    table.add_column(through, style="bold green")
    table.add_column("How")
    for outcome in outcomes:
        tie = outcome.tie
        replays = "".join(f"; replay {_leg_text(m, tie.team1)}" for m in tie.replays)
        row = [f"{tie.team1} v {tie.team2}", _leg_text(tie.first_leg, tie.team1)]
        if two_legged:
            second = "to come" if tie.second_leg_to_come else _leg_text(tie.second_leg, tie.team1)
            row += [second, str(outcome.aggregate or "")]
        row[-1 if two_legged else 1] += replays
        if outcome.winner is None or outcome.decided_by is None or outcome.unsettled:
            row += [outcome.winner.name if outcome.winner else "—", outcome.explanation]
        else:
            row += [outcome.winner.name, _HOW[outcome.decided_by]]
        table.add_row(*row)
    return table
