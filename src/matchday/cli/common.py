"""What every command shares: the source argument, the rules option, error output."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any, overload

import typer
from rich.console import Console

from matchday import competitions
from matchday.competitions import SeasonRules
from matchday.errors import ConfigError, MatchdayError
from matchday.io.load import load, load_with_problems
from matchday.model import Score, Season, Tie
from matchday.rules import ALL_PRESETS, Rules, preset

__all__ = [
    "LEFT_OUT",
    "LEFT_OUT_EXIT_CODE",
    "CompetitionOption",
    "DataOption",
    "JsonOption",
    "KeepGoingOption",
    "RulesOption",
    "SourceArgument",
    "TieRoundOption",
    "console",
    "load_competition",
    "load_season",
    "load_source",
    "parse_date",
    "parse_minute",
    "parse_score",
    "print_json",
    "tie_rules",
    "wide_console",
]

MAX_MINUTE = 120
"""The last minute of extra time; added time is written 120+2."""

console = Console()

SourceArgument = Annotated[
    list[str],
    typer.Argument(
        help="Football.TXT or football.json files, a folder of Football.TXT files (read in "
        "name order as one competition), or the name of a bundled data set "
        "(europa-league-2017-18).",
        show_default=False,
        metavar="SOURCE...",
    ),
]
KeepGoingOption = Annotated[
    bool,
    typer.Option(
        "--keep-going",
        help="Leave out each tie or match that cannot be read or breaks the rules, list them "
        "on stderr with file, line and why, show the rest, and exit with status "
        "3 (instead of 0) when any was left out.",
    ),
]

LEFT_OUT_EXIT_CODE = 3
"""Exit status of a command run with ``--keep-going`` that left ties or matches out."""

LEFT_OUT: list[MatchdayError] = []
"""What ``--keep-going`` left out in this run of the command line (``main`` reads it)."""
RulesOption = Annotated[
    str | None,
    typer.Option(
        "--rules",
        help=f"Rules preset ({', '.join(ALL_PRESETS)}); default: the competition's in force "
        "that season, round by round.",
        show_default=False,
    ),
]
CompetitionOption = Annotated[
    str | None,
    typer.Option(
        "--competition",
        help="The competition (World Cup, WM, Euro, Copa Libertadores, DFB-Pokal, ...) whose "
        "rules of that season apply; default: the one the file's title names.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
TieRoundOption = Annotated[
    str | None,
    typer.Option(
        "--round",
        help="The round of the tie, when the team plays ties in several rounds.",
        show_default=False,
    ),
]
DataOption = Annotated[
    Path,
    typer.Option(
        "--data",
        help="The openfootball data folder (with champions-league/, football.json/, clubs/).",
    ),
]


def load_source(
    source: str | list[str], *, keep_going: bool = False, rules: Rules | None = None
) -> Season:
    """Load ``source``; with ``keep_going`` what cannot be read or breaks the rules (under
    ``rules``, by default the season's own) is listed on stderr and left out."""
    if not keep_going:
        return load(source)
    loaded = load_with_problems(source, rules)
    _report_left_out(loaded.problems)
    return loaded.season


def load_competition(
    source: str | list[str],
    rules_name: str | None,
    competition: str | None = None,
    *,
    keep_going: bool = False,
) -> SeasonRules:
    """Load ``source`` with its competition (the one named, else the one its title names) and
    the preset named by ``--rules``, if any, which overrides the rules of every round."""
    rules = preset(rules_name) if rules_name else None
    season = load_source(source, keep_going=keep_going, rules=rules)
    return competitions.of_season(season, competition, rules)


def load_season(
    source: str | list[str],
    rules_name: str | None,
    competition: str | None = None,
    *,
    keep_going: bool = False,
) -> tuple[Season, Rules]:
    """Load ``source`` and pick the rules: the named preset, or those of the season's
    competition for its ties.

    With ``keep_going``, lines and matches that cannot be read, and ties that break the rules,
    are listed on stderr (file, line, why) and left out of the season returned.
    """
    known = load_competition(source, rules_name, competition, keep_going=keep_going)
    rules = known.override or known.competition.rules(known.season.start_year)
    return known.season, rules


def tie_rules(known: SeasonRules, tie: Tie) -> Rules:
    """The rules that settle ``tie``: those of its round in the season's competition."""
    round_ = next((r for r in known.season.rounds if r.name == tie.round), None)
    if round_ is None:
        return known.override or known.competition.rules(known.season.start_year)
    return known.rules(round_)


def _report_left_out(problems: tuple[MatchdayError, ...] | list[MatchdayError]) -> None:
    for problem in problems:
        sys.stderr.write(f"matchday: left out: {problem}\n")
    LEFT_OUT.extend(problems)


def wide_console(width: int) -> Console:
    """The console, or one at least ``width`` wide when output goes to a file or pipe (where
    lines cannot wrap back anyway), so that wide tables keep whole cells."""
    return console if console.is_terminal else Console(width=max(console.width, width))


def print_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def parse_score(text: str) -> Score:
    """A score typed by a user, ``"1-0"`` (home team first); ``ConfigError`` otherwise."""
    found = re.fullmatch(r"\s*(\d{1,2})\s*[-:]\s*(\d{1,2})\s*", text)
    if found is None:
        raise ConfigError(f"not a score: {text!r} (write it as H-A, e.g. 1-0)")
    return Score(int(found.group(1)), int(found.group(2)))


def parse_minute(text: str) -> tuple[int, int]:
    """A match minute typed by a user, ``"60"`` or ``"90+3"``, as (minute, added time)."""
    found = re.fullmatch(r"\s*(\d{1,3})(?:\s*\+\s*(\d{1,2}))?\s*", text)
    if found is None:
        raise ConfigError(f"not a minute: {text!r} (write e.g. 60 or 90+3)")
    minute, added = int(found.group(1)), int(found.group(2) or 0)
    if minute > MAX_MINUTE or (added and minute not in (45, 90, 105, 120)):
        raise ConfigError(f"not a match minute: {text!r} (0 to 120, added time as 45+2, 90+3)")
    return minute, added


@overload
def parse_date(text: str) -> dt.date: ...
@overload
def parse_date(text: None) -> None: ...
def parse_date(text: str | None) -> dt.date | None:
    """A date typed by a user, ``"2018-02-22"``; ``None`` stays ``None``."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError(f"not a date: {text!r} (write YYYY-MM-DD, e.g. 2018-02-22)") from None
