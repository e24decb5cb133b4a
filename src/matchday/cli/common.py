"""What every command shares: the source argument, the rules option, error output."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from matchday.io.load import load
from matchday.model import Season
from matchday.rules import PRESETS, Rules, preset, rules_for_season

__all__ = ["JsonOption", "RulesOption", "SourceArgument", "console", "load_season", "print_json"]

console = Console()

SourceArgument = Annotated[
    str,
    typer.Argument(
        help="A Football.TXT file, or the name of a bundled data set (europa-league-2017-18).",
        show_default=False,
    ),
]
RulesOption = Annotated[
    str | None,
    typer.Option(
        "--rules",
        help=f"Rules preset ({', '.join(PRESETS)}); default: the one in force that season.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def load_season(source: str, rules_name: str | None) -> tuple[Season, Rules]:
    """Load ``source`` and pick the rules: the named preset, or the season's own."""
    season = load(source)
    rules = preset(rules_name) if rules_name else rules_for_season(season.start_year)
    return season, rules


def print_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
