"""Gather past results from the openfootball data folder, with club names resolved.

European matches come from ``openfootball/champions-league/*/*.txt`` (Football.TXT, read with
``matchday.io.load``), domestic leagues from ``openfootball/football.json/*/xx.N.json``; club
names are resolved with the lists in ``openfootball/clubs/`` (see ``matchday.io.clubs``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from matchday.errors import SourceError
from matchday.forecast.results import Result
from matchday.io.clubs import load_clubs
from matchday.io.footballjson import LEAGUE_FILE, PREFIX_COUNTRIES, parse_league
from matchday.io.load import load
from matchday.model import Season, Team

__all__ = ["History", "european_results", "load_history"]

FileProgress = Callable[[str, int, int], None]
"""Called with (file name, files done, files in all) as files are read."""


@dataclass(frozen=True, slots=True)
class History:
    """Resolved results, the spellings that were mapped to another name, and the names that no
    club list could place (kept as written, reported, never merged by guess); ``listed``: every
    other spelling the club lists give the clubs of the results."""

    results: tuple[Result, ...]
    aliases: tuple[tuple[Team, Team], ...]
    unresolved: tuple[Team, ...]
    files: tuple[str, ...]
    listed: tuple[tuple[Team, Team], ...] = ()

    @property
    def spellings(self) -> tuple[tuple[Team, Team], ...]:
        """Every other name a club of the results is found under (spelling, club): those its
        results were written in, then the other spellings the club lists give it."""
        seen = {(spelling.country, spelling.name) for spelling, _ in self.aliases}
        listed = [(s, t) for s, t in self.listed if (s.country, s.name) not in seen]
        return (*self.aliases, *listed)


def european_results(season: Season) -> list[Result]:
    """The played matches of a European season file; single-match knockout rounds (finals)
    count as played at a neutral venue."""
    results = []
    for round_ in season.rounds:
        neutral = round_.knockout and all(tie.single_match for tie in round_.ties())
        for match in round_.matches:
            if match.score is None or match.awarded:
                continue
            results.append(
                Result(
                    match.date,
                    match.home,
                    match.away,
                    match.score.home,
                    match.score.away,
                    european=True,
                    neutral=neutral,
                )
            )
    return results


def _files(root: Path, european: bool, domestic: bool) -> list[Path]:
    files: list[Path] = []
    if european:
        files += sorted((root / "champions-league").glob("*/*.txt"))
    if domestic:
        for path in sorted((root / "football.json").glob("*/*.json")):
            found = LEAGUE_FILE.match(path.name)
            if found and found.group("prefix") in PREFIX_COUNTRIES:
                files.append(path)
    return files


def _read(path: Path) -> Iterable[Result]:
    found = LEAGUE_FILE.match(path.name)
    if found is None:
        return european_results(load(path))
    text = path.read_text(encoding="utf-8")
    return parse_league(text, str(path), PREFIX_COUNTRIES[found.group("prefix")])


def load_history(
    openfootball: Path,
    *,
    european: bool = True,
    domestic: bool = True,
    progress: FileProgress | None = None,
) -> History:
    """Every played match under ``openfootball`` (the folder holding ``champions-league``,
    ``football.json`` and ``clubs``), with each club under its canonical name."""
    if not (openfootball / "clubs").is_dir():
        raise SourceError(f"{openfootball}: not an openfootball folder (no clubs/ inside)")
    directory = load_clubs(openfootball / "clubs")
    files = _files(openfootball, european, domestic)
    if not files:
        raise SourceError(f"{openfootball}: no result files found")
    resolved: dict[Team, Team] = {}
    unresolved: set[Team] = set()

    def resolve(team: Team) -> Team:
        if team not in resolved:
            found = directory.lookup(team)
            if found is None:
                unresolved.add(team)
            resolved[team] = found or team
        return resolved[team]

    results = []
    for done, path in enumerate(files, start=1):
        for r in _read(path):
            home, away = resolve(r.home), resolve(r.away)
            if home != away:
                results.append(
                    Result(r.date, home, away, r.home_goals, r.away_goals, r.european, r.neutral)
                )
        if progress is not None:
            progress(path.name, done, len(files))
    aliases = tuple(
        sorted(
            ((raw, team) for raw, team in resolved.items() if raw != team),
            key=lambda pair: (pair[0].country or "", pair[0].name),
        )
    )
    return History(
        tuple(results),
        aliases,
        tuple(sorted(unresolved, key=lambda t: (t.country or "", t.name))),
        tuple(str(f.relative_to(openfootball)) for f in files),
        directory.aliases({team for r in results for team in (r.home, r.away)}),
    )
