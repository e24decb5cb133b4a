"""``matchday report``: the round-up of a night or a round, in Dutch or English."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from matchday.cli.common import (
    CompetitionOption,
    KeepGoingOption,
    KeptCompetition,
    RulesOption,
    SourceArgument,
    load_kept_competition,
    parse_date,
    report_left_out,
)
from matchday.errors import ConfigError, SourceError
from matchday.forecast.ratings import name_key
from matchday.io.clubs import load_clubs
from matchday.model import Team
from matchday.report import night_rules
from matchday.report import report as write_report

__all__ = ["club_spellings", "report"]

FORMATS = ("md", "html")


def _clubs_folder(source: str | list[str]) -> Path | None:
    """The openfootball ``clubs`` folder beside the folders ``source`` lies in, if any."""
    first = Path(source[0] if isinstance(source, list) else source)
    for folder in (first, *first.resolve().parents):
        if (folder / "clubs").is_dir():
            return folder / "clubs"
    return None


def club_spellings(source: str | list[str], teams: Iterable[Team]) -> dict[Team, tuple[str, ...]]:
    """Every spelling the openfootball club lists beside ``source`` give each club among
    ``teams``, the lists' own name first ("Sporting CP" for "Sporting Clube de Portugal"):
    so a report names a club alike however a file writes it. None without club lists, and
    none for a team the lists do not know or give to two clubs."""
    folder = _clubs_folder(source)
    if folder is None:
        return {}
    directory = load_clubs(folder)
    by_club: dict[Team, list[str]] = {}
    for country, spelling, canonical in directory.written:
        if (country, name_key(spelling)) not in directory.ambiguous:
            by_club.setdefault(Team(canonical, country), []).append(spelling)
    found: dict[Team, tuple[str, ...]] = {}
    for team in teams:
        club = directory.lookup(team)
        if club is not None:
            found[team] = tuple(dict.fromkeys((club.name, *by_club.get(club, ()))))
    return found


def report(
    source: SourceArgument,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="The night: every knockout match on YYYY-MM-DD.", show_default=False
        ),
    ] = None,
    round_name: Annotated[
        str | None,
        typer.Option("--round", help='The knockout round, e.g. "Round of 16".', show_default=False),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language: nl or en.")] = "nl",
    fmt: Annotated[str, typer.Option("--format", help="Output format: md or html.")] = "md",
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write to FILE instead of standard output.", show_default=False
        ),
    ] = None,
    rules_name: RulesOption = None,
    forecast: Annotated[
        bool,
        typer.Option(
            "--forecast/--no-forecast",
            help="Say how close each decided tie came, by the forecast from the shipped ratings "
            "fitted before its deciding match (ties with goal events on record).",
        ),
    ] = True,
    competition: CompetitionOption = None,
    keep_going: KeepGoingOption = False,
) -> None:
    """Write the round-up of a night (--date) or a round (--round) of SOURCE: its knockout
    matches only (a group stage's are not written up; `matchday table` shows its groups)."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    night = parse_date(date)
    kept = load_kept_competition(source, rules_name, competition, keep_going=keep_going)
    known = kept.known
    if keep_going:  # a tie the data cannot settle is left out of the round-up, and said so
        known, unsettled = known.without_unsettled()
        report_left_out(unsettled)
        settled = {tie.label for tie in known.season.ties()}
        gone = tuple((t.round, t.label) for t in kept.known.season.ties() if t.label not in settled)
        kept = KeptCompetition(known, kept.left_out_ties + gone)
    if round_name is not None:  # a round --keep-going emptied is named as such, with its ties
        kept.round(round_name)
    season = known.season
    rules = night_rules(known, date=night, round_name=round_name)
    written = write_report(
        season,
        date=night,
        round_name=round_name,
        lang=lang,
        rules=rules,
        forecast=forecast,
        spellings=club_spellings(source, season.tie_teams),
    )
    text = written.html if fmt == "html" else written.text
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise SourceError(f"{output}: cannot write: {err.strerror or err}") from err
