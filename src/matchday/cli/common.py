"""What every command shares: the source argument, the rules option, error output."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, overload

import typer
from rich.console import Console
from rich.measure import Measurement
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from matchday import competitions
from matchday.competitions import SeasonRules
from matchday.errors import ConfigError, MatchdayError
from matchday.io.footballtxt.vocabulary import canonical_round
from matchday.io.load import (
    competitions_in_folder,
    football_json_folder,
    load,
    load_with_problems,
)
from matchday.model import EXTRA_TIME_END, Round, Score, Season
from matchday.model.names import fold
from matchday.rules import ALL_PRESETS, Rules, preset
from matchday.select import find_round

__all__ = [
    "DEBUG_VARIABLE",
    "LEFT_OUT",
    "LEFT_OUT_EXIT_CODE",
    "CompetitionOption",
    "DataOption",
    "InternationalOption",
    "JsonOption",
    "KeepGoingOption",
    "KeptCompetition",
    "LeftOutTies",
    "RulesOption",
    "SourceArgument",
    "TieRoundOption",
    "console",
    "find_kept_round",
    "load_competition",
    "load_competitions",
    "load_kept_competition",
    "load_season",
    "load_source",
    "one_line",
    "parse_date",
    "parse_minute",
    "parse_red_cards",
    "parse_score",
    "positive_sims",
    "print_json",
    "print_whole",
    "progress_bar",
    "report_left_out",
    "season_title",
    "stepped",
    "wide_console",
]

MAX_MINUTE = EXTRA_TIME_END
"""The last minute of extra time; added time is written 120+2."""
MAX_SENT_OFF = 4
"""Players a side can lose and play on: a match does not continue with fewer than seven
(Laws of the Game, Law 3)."""

console = Console()

SourceArgument = Annotated[
    list[str],
    typer.Argument(
        help="Football.TXT or football.json files, a folder of Football.TXT files (read in "
        "name order as one competition), a season folder of football.json files (one "
        "competition per file; --competition picks one), or the name of a bundled data set "
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
InternationalOption = Annotated[
    Path | None,
    typer.Option(
        "--international",
        help="The international data folder to rate national teams from "
        "(default ../shared/data/international when present; else shipped ratings).",
        show_default=False,
    ),
]
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


LeftOutTies = tuple[tuple[str, str], ...]
"""The ties ``--keep-going`` left out of one competition read, as (round name, "A v B
(round)"): a round they emptied is in the file, and in the season read with no matches."""


@dataclass(frozen=True, slots=True)
class KeptCompetition:
    """A competition as read, with the ties ``--keep-going`` left out of it (none without)."""

    known: SeasonRules
    left_out_ties: LeftOutTies = ()

    def round(self, name: str) -> Round:
        """``find_kept_round`` of this competition's season and of its own left-out ties."""
        return find_kept_round(self.known.season, name, self.left_out_ties)

    def left_out_round(self, name: str) -> str | None:
        """The round ``name`` names among the rounds of the ties left out of it, if any."""
        return _left_out_round(name, self.left_out_ties)


def _read_source(
    source: str | list[str],
    *,
    keep_going: bool,
    rules: Rules | None,
    competition: str | None,
    knockout: bool,
) -> tuple[Season, LeftOutTies]:
    """``source`` read, and the ties ``keep_going`` left out of it (its problems listed)."""
    if not keep_going:
        return load(source, competition, knockout=knockout), ()
    loaded = load_with_problems(source, rules, competition, knockout=knockout)
    report_left_out(loaded.problems)
    return loaded.season, loaded.left_out_ties


def load_source(
    source: str | list[str],
    *,
    keep_going: bool = False,
    rules: Rules | None = None,
    competition: str | None = None,
    knockout: bool = True,
) -> Season:
    """Load ``source``; with ``keep_going`` what cannot be read or breaks the rules (under
    ``rules``, by default the season's own) is listed on stderr and left out. From a folder of
    football.json files, the file of ``competition`` (or the one there is: with knockout ties,
    when ``knockout``)."""
    return _read_source(
        source, keep_going=keep_going, rules=rules, competition=competition, knockout=knockout
    )[0]


def load_kept_competition(
    source: str | list[str],
    rules_name: str | None,
    competition: str | None = None,
    *,
    keep_going: bool = False,
    knockout: bool = True,
) -> KeptCompetition:
    """``load_competition``, with the ties ``keep_going`` left out of it."""
    rules = preset(rules_name) if rules_name else None
    season, left_out = _read_source(
        source, keep_going=keep_going, rules=rules, competition=competition, knockout=knockout
    )
    if football_json_folder(source) is not None:
        competition = None  # it picked the file, whose title names the competition
    return KeptCompetition(competitions.of_season(season, competition, rules), left_out)


def load_competition(
    source: str | list[str],
    rules_name: str | None,
    competition: str | None = None,
    *,
    keep_going: bool = False,
    knockout: bool = True,
) -> SeasonRules:
    """Load ``source`` with its competition (the one named, else the one its title names) and
    the preset named by ``--rules``, if any, which overrides the rules of every round. From a
    folder of football.json files, ``knockout`` picks among those with knockout ties only."""
    return load_kept_competition(
        source, rules_name, competition, keep_going=keep_going, knockout=knockout
    ).known


def load_competitions(
    source: str | list[str],
    rules_name: str | None,
    competition: str | None = None,
    *,
    keep_going: bool = False,
) -> list[KeptCompetition]:
    """``load_kept_competition``, or from a folder of football.json files every competition in
    it with knockout ties (only the one named by ``competition``, when named), each with the
    ties left out of it."""
    folder = football_json_folder(source)
    if folder is None:
        return [load_kept_competition(source, rules_name, competition, keep_going=keep_going)]
    rules = preset(rules_name) if rules_name else None
    chosen = competitions_in_folder(folder, competition, keep_going=keep_going, rules=rules)
    if keep_going:
        report_left_out([p for loaded in chosen for p in loaded.problems])
    return [
        KeptCompetition(competitions.of_season(loaded.season, None, rules), loaded.left_out_ties)
        for loaded in chosen
    ]


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
    return known.season, known.ties_rules


def season_title(season: Season) -> str:
    """How a heading names the season: competition and season, and "qualifying" for a file of
    qualifying rounds ("World Cup 2019/22 qualifying")."""
    qualifying = " qualifying" if season.qualifying else ""
    return f"{season.competition} {season.name}{qualifying}"


def report_left_out(problems: Sequence[MatchdayError]) -> None:
    """Each problem on stderr as one ``left out`` line; the exit status will say so."""
    for problem in problems:
        sys.stderr.write(f"matchday: left out: {problem}\n")
    LEFT_OUT.extend(problems)


def find_kept_round(season: Season, name: str, left_out_ties: LeftOutTies) -> Round:
    """``find_round``, where a round ``--keep-going`` emptied (every tie of it, among
    ``left_out_ties`` of this season, left out) is named as such, with its ties, instead of
    being "no round" (or a round of no ties) in a file that has it."""
    round_ = _left_out_round(name, left_out_ties)
    if round_ is None:
        return find_round(season, name)
    with contextlib.suppress(ConfigError):
        if (found := find_round(season, name)).matches:
            return found
    ties = "; ".join(label for r, label in left_out_ties if r == round_)
    raise ConfigError(
        f"{round_} is in {season.source or 'the file'}, but --keep-going left out all of "
        f"its ties: {ties} (see the 'left out' lines above)"
    )


def _left_out_round(name: str, left_out_ties: LeftOutTies) -> str | None:
    """The round ``name`` names (as written, or by its canonical name) among the rounds of
    ``left_out_ties``, if any."""
    wanted = {fold(name)}
    if (canonical := canonical_round(name)) is not None:
        wanted.add(fold(canonical.name))
    return next((r for r, _ in left_out_ties if fold(r) in wanted), None)


def wide_console(width: int) -> Console:
    """The console, or one at least ``width`` wide when output goes to a file or pipe (where
    lines cannot wrap back anyway), so that wide tables keep whole cells."""
    return console if console.is_terminal else Console(width=max(console.width, width))


def print_whole(table: Table) -> None:
    """Print ``table`` with every cell whole: to a file or pipe on a console as wide as the
    table needs (a number cut to "100.…" is worse than a long line); on a terminal as rich
    fits it to the window."""
    widest = Measurement.get(console, console.options.update(max_width=10_000), table).maximum
    wide_console(widest).print(table)


def print_json(data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to standard output."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def parse_score(text: str) -> Score:
    """A score typed by a user, ``"1-0"`` (home team first); ``ConfigError`` otherwise."""
    found = re.fullmatch(r"\s*(\d{1,2})\s*[-:]\s*(\d{1,2})\s*", text)
    if found is None:
        raise ConfigError(f"not a score: {text!r} (write it as H-A, e.g. 1-0)")
    return Score(int(found.group(1)), int(found.group(2)))


def parse_red_cards(text: str) -> tuple[int, int]:
    """Players sent off per side, ``"1-0"`` (home side first), each 0 to ``MAX_SENT_OFF``."""
    found = re.fullmatch(r"\s*(\d{1,2})\s*[-:]\s*(\d{1,2})\s*", text)
    if found is None:
        raise ConfigError(f"not a count of red cards: {text!r} (write it as H-A, e.g. 1-0)")
    home, away = int(found.group(1)), int(found.group(2))
    if max(home, away) > MAX_SENT_OFF:
        raise ConfigError(
            f"not a count of red cards: {text!r} (a side plays on with at most "
            f"{MAX_SENT_OFF} players sent off; with fewer than 7 the match is abandoned)"
        )
    return home, away


def positive_sims(sims: int | None) -> None:
    """``--sims`` worded the same by every command: a positive number, or not given."""
    if sims is not None and sims < 1:
        raise ConfigError(f"--sims needs a positive number of simulations, not {sims}")


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
    """A date typed by a user, ``"2018-02-22"``; ``None`` stays ``None``. Written right but
    no day of the calendar ("2022-02-29") is said to be so, not blamed on the format."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    written = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if written:
        year, month = int(written.group(1)), int(written.group(2))
        why = (
            f"{dt.date(year, month, 1):%B %Y} has {calendar.monthrange(year, month)[1]} days"
            if 1 <= month <= 12 and year >= dt.MINYEAR
            else f"there is no month {month}"
            if not 1 <= month <= 12
            else "there is no year 0"
        )
        raise ConfigError(f"not a day of the calendar: {text!r} ({why})")
    raise ConfigError(f"not a date: {text!r} (write YYYY-MM-DD, e.g. 2018-02-22)")


DEBUG_VARIABLE = "MATCHDAY_DEBUG"
"""Set to 1 to see the traceback of an unexpected error instead of its one line."""


def one_line(err: BaseException) -> str:
    """An error as one line for people: matchday's own errors as they are, a file the system
    could not read or write with its name, anything else with its kind and first line."""
    if isinstance(err, MatchdayError):
        text = str(err)
    elif isinstance(err, OSError) and err.strerror:
        where = f"{err.filename}: " if err.filename else ""
        text = f"{where}{err.strerror[0].lower()}{err.strerror[1:]}"
    else:
        text = f"unexpected {type(err).__name__}: {err} (set {DEBUG_VARIABLE}=1 for the traceback)"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(err).__name__


def progress_bar(transient: bool = False) -> Progress:
    """The progress bar of long commands, on standard error: what, bar, count, detail, time;
    ``transient`` ones leave no trace once done."""
    err = Console(stderr=True)
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        console=err,
        transient=transient,
        disable=transient and not err.is_terminal,
    )


@contextlib.contextmanager
def stepped(what: str, total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar over ``total`` named steps of a long command; each call of the function
    it gives starts the next step and names it."""
    with progress_bar(transient=True) as bar:
        task = bar.add_task(what, total=total, detail="")
        done = -1

        def step(detail: str) -> None:
            nonlocal done
            done += 1
            bar.update(task, completed=min(done, total), detail=detail)

        yield step
        bar.update(task, completed=total, detail="done")
