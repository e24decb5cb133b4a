"""Read the men's internationals of ``international/`` (martj42/international_results, CSV).

- ``results.csv``: ``date,home_team,away_team,home_score,away_score,tournament,city,country,
  neutral``; the score includes extra time; a row with ``NA`` scores is a fixture not yet played.
- ``shootouts.csv``: ``date,home_team,away_team,winner[,first_shooter]``.
- ``goalscorers.csv``: ``date,home_team,away_team,team,scorer,minute,own_goal,penalty``; a goal
  after minute 90 is an extra-time goal, which the 90-minute score leaves out.
- ``former_names.csv``: ``current,former,start_date,end_date``; a team written under a former
  name within its dates is the current team (followed through its history). Nothing else is
  merged: two names are one team only when this file says so.

Errors name the file and line.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from matchday.errors import InvalidValueError, SourceError
from matchday.forecast.national import InternationalResult
from matchday.model import Team
from matchday.model.national_names import national_key, results_name

__all__ = [
    "FormerName",
    "InternationalData",
    "Names",
    "default_folder",
    "load_international",
]

RESULTS, SHOOTOUTS, GOALSCORERS, FORMER_NAMES = (
    "results.csv",
    "shootouts.csv",
    "goalscorers.csv",
    "former_names.csv",
)
_COLUMNS = {
    RESULTS: (
        "date",
        "home_team",
        "away_team",
        "home_score",
        "away_score",
        "tournament",
        "city",
        "country",
        "neutral",
    ),
    SHOOTOUTS: ("date", "home_team", "away_team", "winner"),
    GOALSCORERS: ("date", "home_team", "away_team", "team", "minute"),
    FORMER_NAMES: ("current", "former", "start_date", "end_date"),
}
REGULAR_TIME = 90

Row = dict[str, str]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FormerName:
    """``former`` was the name of ``current`` from ``start`` to ``end`` (inclusive)."""

    current: str
    former: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class Names:
    """The teams' names through history: former names and when they were used."""

    former: tuple[FormerName, ...]

    def current(self, name: str, on: dt.date) -> str:
        """The team's current name, for ``name`` as written on ``on``."""
        for f in self.former:
            if f.former == name and f.start <= on <= f.end:
                return f.current
        return name

    def resolve(self, name: str) -> tuple[str, FormerName | None]:
        """A name a user typed: the current name, and the former name it was, if it was one
        (case, accents, dots, hyphens and apostrophes ignored: "Zaire" is "Zaïre",
        and "Congo Kinshasa" "Congo-Kinshasa", DR Congo; a common or FIFA name
        of ``COMMON_NAMES`` is the results' name first: "USSR" is the Soviet Union, Russia)."""
        name = results_name(name)
        key = national_key(name)
        for f in self.former:
            if national_key(f.former) == key:
                return f.current, f
        return name, None

    def then(self, name: str, on: dt.date) -> str:
        """What the team ``name`` (current) was called on ``on``."""
        for f in self.former:
            if f.current == name and f.start <= on <= f.end:
                return f.former
        return name


@dataclass(frozen=True, slots=True)
class InternationalData:
    """Played internationals (date order), fixtures not yet played, and the names."""

    results: tuple[InternationalResult, ...]
    fixtures: tuple[tuple[dt.date, Team, Team, str], ...]
    names: Names
    renamed: int
    extra_time_goals: int


SHARED = Path("../shared/data/international")
"""Where the shared data keeps the internationals, from a clone of matchday beside it."""


def default_folder(near: str | Path | None = None) -> Path:
    """The internationals to read when no folder is named: ``SHARED`` from the current
    directory, else the ``international/`` folder of the data that ``near`` (the file or
    folder read) belongs to (``data/openfootball/worldcup/2022--qatar`` → ``data/international``),
    so that a forecast does not change with the directory it is asked from; else ``SHARED``,
    which may be absent."""
    if near is None or (SHARED / RESULTS).is_file():
        return SHARED
    for folder in Path(near).resolve().parents:
        if (folder / "international" / RESULTS).is_file():
            return folder / "international"
    return SHARED


def _rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, Row]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise SourceError(f"{path}: cannot read: {err}") from err
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise SourceError(f"{path}:1: missing column(s) {', '.join(missing)}")
        try:
            for row in reader:
                if None in row or any(row[c] is None for c in required):
                    raise SourceError(
                        f"{path}:{reader.line_num}: expected {len(reader.fieldnames or ())} columns"
                    )
                yield reader.line_num, row
        except (csv.Error, UnicodeDecodeError) as err:
            raise SourceError(f"{path}:{reader.line_num}: {err}") from err


def _parse(path: Path, line: int, what: str, value: str, convert: Callable[[str], T]) -> T:
    try:
        return convert(value)
    except ValueError:
        raise SourceError(f"{path}:{line}: {what} {value!r} is not valid") from None


def _date(path: Path, line: int, value: str) -> dt.date:
    return _parse(path, line, "date", value, dt.date.fromisoformat)


def _flag(value: str) -> bool:
    if value.upper() in ("TRUE", "FALSE"):
        return value.upper() == "TRUE"
    raise InvalidValueError(value)


def _goals(value: str) -> int:
    goals = int(value)
    if goals < 0:
        raise InvalidValueError(value)
    return goals


def _former_names(folder: Path) -> Names:
    path = folder / FORMER_NAMES
    if not path.exists():
        return Names(())
    found = []
    for line, row in _rows(path, _COLUMNS[FORMER_NAMES]):
        start, end = _date(path, line, row["start_date"]), _date(path, line, row["end_date"])
        if end < start or not row["current"].strip() or not row["former"].strip():
            raise SourceError(f"{path}:{line}: not a former name: {row}")
        found.append(FormerName(row["current"].strip(), row["former"].strip(), start, end))
    return Names(tuple(found))


Key = tuple[dt.date, str, str]


def _shootouts(folder: Path) -> dict[Key, str]:
    path = folder / SHOOTOUTS
    if not path.exists():
        return {}
    winners: dict[Key, str] = {}
    for line, row in _rows(path, _COLUMNS[SHOOTOUTS]):
        key = (_date(path, line, row["date"]), row["home_team"], row["away_team"])
        if row["winner"] not in key[1:]:
            raise SourceError(f"{path}:{line}: winner {row['winner']!r} did not play the match")
        winners[key] = row["winner"]
    return winners


def _extra_time(folder: Path) -> dict[Key, tuple[int, int]]:
    """Goals after minute 90 per match and side; goals of unknown minute count as in 90'."""
    path = folder / GOALSCORERS
    if not path.exists():
        return {}
    goals: dict[Key, tuple[int, int]] = {}
    for line, row in _rows(path, _COLUMNS[GOALSCORERS]):
        minute = row["minute"]
        if minute in ("", "NA"):
            continue
        key = (_date(path, line, row["date"]), row["home_team"], row["away_team"])
        if _parse(path, line, "minute", minute, int) <= REGULAR_TIME:
            continue
        if row["team"] not in key[1:]:
            raise SourceError(f"{path}:{line}: team {row['team']!r} did not play the match")
        home, away = goals.get(key, (0, 0))
        goals[key] = (home + 1, away) if row["team"] == key[1] else (home, away + 1)
    return goals


def load_international(folder: Path) -> InternationalData:
    """Read the folder (results.csv required, the other three files used when present)."""
    path = folder / RESULTS
    if not path.exists():
        raise SourceError(f"{path}: no such file (give the international/ data folder)")
    names = _former_names(folder)
    winners = _shootouts(folder)
    extra = _extra_time(folder)
    results: list[InternationalResult] = []
    fixtures: list[tuple[dt.date, Team, Team, str]] = []
    renamed = extra_goals = 0
    for line, row in _rows(path, _COLUMNS[RESULTS]):
        date = _date(path, line, row["date"])
        home_name, away_name = row["home_team"].strip(), row["away_team"].strip()
        if not home_name or not away_name or home_name == away_name:
            raise SourceError(f"{path}:{line}: not a match: {home_name!r} v {away_name!r}")
        home = Team(names.current(home_name, date))
        away = Team(names.current(away_name, date))
        renamed += (home.name != home_name) + (away.name != away_name)
        neutral = _parse(path, line, "neutral flag", row["neutral"], _flag)
        if row["home_score"] == "NA" and row["away_score"] == "NA":
            fixtures.append((date, home, away, row["tournament"]))
            continue
        hg = _parse(path, line, "score", row["home_score"], _goals)
        ag = _parse(path, line, "score", row["away_score"], _goals)
        key = (date, home_name, away_name)
        et = extra.get(key, (0, 0))
        if et[0] > hg or et[1] > ag:
            raise SourceError(
                f"{path}:{line}: goalscorers.csv has more extra-time goals {et} than the score "
                f"{hg}-{ag}"
            )
        extra_goals += sum(et)
        winner = winners.get(key)
        results.append(
            InternationalResult(
                date,
                home,
                away,
                hg,
                ag,
                row["tournament"],
                row["city"],
                row["country"],
                neutral,
                et,
                None if winner is None else Team(names.current(winner, date)),
            )
        )
    results.sort(key=lambda r: r.date)
    return InternationalData(tuple(results), tuple(fixtures), names, renamed, extra_goals)
