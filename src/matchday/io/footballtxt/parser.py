"""Read Football.TXT text (the openfootball format) into a ``Season``.

The parser takes text, never a path: ``matchday.io.load`` opens files. Every line is either
understood or rejected with a ``ParseError`` naming file, line and text; nothing is skipped
silently. Conventions of the format followed here:

* ``» Round of 16`` starts a round; headers of one round repeated ("League, Matchday 1" ...
  "Matchday 8", "Playoffs, Matchday 1/2") add to the same round.
* A date line (``Tue Feb/13 2018``, the year optional after the first) precedes its matches. A
  date without a year lies in one of the two years of the season in the title, and its weekday
  says which (a date's weekday differs from one year to the next). Without a title, the year
  is the previous date's, or the next when the month is earlier. The weekday must always agree.
* A blank kick-off time means the same time as the match above on the same date.
* ``P-Q pen. A-B a.e.t. (C-D, E-F)``: penalties P-Q, A-B after extra time, C-D after 90 minutes,
  E-F at half time. ``[awarded]`` and ``[cancelled]`` mark results not played out.
* Goal lines follow their match: ``[Toloi 11'; Schmelzer 83']`` or ``(Neymar 71'; Diego 56')``,
  home goals before the semicolon, ``-`` for none, ``(pen.)`` and ``(o.g.)`` after a minute; an own
  goal is listed under the team it counts for. matchday adds red-card lines in the same shape:
  ``red: [-; Raúl Navas 71' (2nd yellow)]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from matchday.errors import ParseError, RuleError
from matchday.io.footballtxt.vocabulary import MONTHS, WEEKDAYS, canonical_round
from matchday.model import (
    Goal,
    Match,
    RedCard,
    Round,
    RoundFormat,
    Score,
    Season,
    Stage,
    StageKind,
    Team,
)
from matchday.source import SourceRef

__all__ = ["parse"]

_SCORE = r"\d+-\d+"
_TEAM = r"(?P<{0}>[^\s()\[\]@](?:[^()\[\]@]*?[^\s()\[\]@])?)(?:\s+\((?P<{0}_code>[A-Z]{{3}})\))?"
_MATCH = re.compile(
    rf"""^(?:(?P<time>\d{{1,2}})[.:](?P<minute>\d{{2}})\s+)?
    {_TEAM.format("home")}\s+v\s+{_TEAM.format("away")}
    (?:\s+
        (?:(?P<pen>{_SCORE})\s+pen\.\s+)?
        (?P<main>{_SCORE})
        (?:\s+(?P<aet>a\.e\.t\.))?
        (?:\s*\((?P<inner>{_SCORE}(?:,\s*{_SCORE})?)\))?
    )?
    (?:\s+\[(?P<status>[a-z]+)\])?
    (?:\s+@\s*(?P<venue>\S.*?))?
    \s*$""",
    re.VERBOSE,
)
_DATE = re.compile(
    r"^(?P<weekday>[A-Z][a-z]{2})\s+(?P<month>[A-Z][a-z]{2})/(?P<day>\d{1,2})"
    r"(?:\s+(?P<year>\d{4}))?(?:\s+@\s*(?P<venue>\S.*?))?\s*$"
)
_TITLE_SEASON = re.compile(r"(\d{4})/(\d{2})")
_EVENTS = re.compile(r"^(?P<kind>red:\s*)?[\[(](?P<body>.*)[\])]$")
_EVENT = re.compile(
    r"\s*(?P<name>(?:[^\d',;()\[\]]|'(?=\w))*?)\s*"
    r"(?P<minute>\d{1,3})(?:\+(?P<added>\d{1,2}))?'"
    r"(?:\s*\((?P<mark>pen\.|p|o\.g\.|og|2nd yellow)\))?\s*,?"
)
_STATUSES = ("awarded", "cancelled")


@dataclass
class _Reader:
    """Mutable parsing state for one file; discarded once the ``Season`` is built."""

    file: str
    competition: str = ""
    season: str = ""
    qualifying: bool = False
    rounds: dict[str, tuple[RoundFormat, list[Match]]] = field(default_factory=dict)
    current: list[Match] | None = None
    date: dt.date | None = None
    date_venue: str | None = None
    kickoff: dt.time | None = None
    # (line number, text) of the line being read, for errors
    at: tuple[int, str] = (0, "")

    def fail(self, problem: str) -> ParseError:
        return ParseError(self.file, self.at[0], self.at[1], problem)

    def ref(self) -> SourceRef:
        return SourceRef(self.file, self.at[0])


def parse(text: str, file: str = "<text>") -> Season:
    """Parse Football.TXT ``text`` (read from ``file``, named in errors) into a ``Season``."""
    reader = _Reader(file)
    for number, line in enumerate(text.splitlines(), start=1):
        reader.at = (number, line)
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("="):
            _title(reader, stripped.lstrip("= ").strip())
        elif stripped.startswith(("»", "▪")):
            _header(reader, stripped.lstrip("»▪ ").strip())
        elif _EVENTS.match(stripped):
            _events(reader, stripped)
        elif _DATE.match(stripped):
            _date(reader, stripped)
        elif re.search(r"\sv\s", stripped):
            _match(reader, stripped)
        else:
            raise reader.fail("unknown syntax")
    return _season(reader)


def _title(reader: _Reader, title: str) -> None:
    found = _TITLE_SEASON.search(title)
    if found is None:
        raise reader.fail("title without a season such as 2017/18")
    reader.season = found.group(0)
    reader.qualifying = "quali" in title.lower()
    head = title[: found.start()]
    reader.competition = re.sub(r"\s*-\s*quali\w*\s*$", "", head, flags=re.IGNORECASE).strip(" -")


def _header(reader: _Reader, text: str) -> None:
    name = canonical_round(text)
    if name is None:
        raise reader.fail("unknown round header")
    reader.current = reader.rounds.setdefault(name.name, (name.format, []))[1]
    reader.date = None
    reader.kickoff = None


def _date(reader: _Reader, text: str) -> None:
    found = _DATE.match(text)
    assert found is not None
    month = MONTHS.get(found["month"])
    if month is None:
        raise reader.fail(f"unknown month {found['month']!r}")
    weekday, day = found["weekday"], int(found["day"])
    if weekday not in WEEKDAYS:
        raise reader.fail(f"unknown weekday {weekday!r}")
    if found["year"]:
        years = [int(found["year"])]
    elif reader.season:
        first = int(reader.season[:4])
        years = [first, first + 1]
    elif (last := reader.date or _last_date(reader)) is not None:
        years = [last.year + (1 if month < last.month else 0)]
    else:
        raise reader.fail("the first date needs a year")
    dates = []
    for year in years:
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not dates:
        raise reader.fail("not a date")
    matching = [d for d in dates if WEEKDAYS[d.weekday()] == weekday]
    if not matching:
        said = " or ".join(f"{d.isoformat()} is a {d.strftime('%A')}" for d in dates)
        raise reader.fail(f"the weekday does not fit the date: {said}")
    reader.date = matching[0]
    reader.date_venue = found["venue"]
    reader.kickoff = None


def _dates(reader: _Reader) -> list[dt.date]:
    return [m.date for _, matches in reader.rounds.values() for m in matches]


def _last_date(reader: _Reader) -> dt.date | None:
    return max(_dates(reader), default=None)


def _first_date(reader: _Reader) -> dt.date:
    first = min(_dates(reader), default=None)
    if first is None:
        raise ParseError(reader.file, reader.at[0], reader.at[1], "no match in the file")
    return first


def _score(text: str) -> Score:
    home, away = text.split("-")
    return Score(int(home), int(away))


def _team(found: re.Match[str], side: str) -> Team:
    return Team(found[side], found[f"{side}_code"])


def _match(reader: _Reader, text: str) -> None:
    if reader.current is None:
        raise reader.fail("match before any round header")
    if reader.date is None:
        raise reader.fail("match before any date line")
    found = _MATCH.match(text)
    if found is None:
        raise reader.fail("cannot read match line (expected 'Home (CC) v Away (CC)  score')")
    if found["time"] is not None:
        try:
            reader.kickoff = dt.time(int(found["time"]), int(found["minute"]))
        except ValueError:
            raise reader.fail("not a kick-off time") from None
    status = found["status"]
    if status is not None and status not in _STATUSES:
        raise reader.fail(f"unknown match status [{status}]")
    if status == "cancelled" and found["main"] is not None:
        raise reader.fail("a cancelled match has no score")
    if status == "awarded" and found["main"] is None:
        raise reader.fail("an awarded match needs a score")
    score = half_time = extra_time = penalties = None
    if found["main"] is not None:
        inner = [_score(s) for s in found["inner"].split(",")] if found["inner"] else []
        if found["aet"]:
            if not inner:
                raise reader.fail("a.e.t. needs the score after 90 minutes in parentheses")
            extra_time, score = _score(found["main"]), inner[0]
            half_time = inner[1] if len(inner) > 1 else None
        else:
            if len(inner) > 1:
                raise reader.fail("two scores in parentheses without a.e.t.")
            score, half_time = _score(found["main"]), (inner[0] if inner else None)
        penalties = _score(found["pen"]) if found["pen"] else None
    with _located(reader):
        match = Match(
            date=reader.date,
            home=_team(found, "home"),
            away=_team(found, "away"),
            score=score,
            kickoff=reader.kickoff,
            half_time=half_time,
            extra_time=extra_time,
            penalties=penalties,
            awarded=status == "awarded",
            cancelled=status == "cancelled",
            venue=found["venue"] or reader.date_venue,
            source=reader.ref(),
        )
    reader.current.append(match)


def _events(reader: _Reader, text: str) -> None:
    if not reader.current:
        raise reader.fail("goal line without a match above it")
    found = _EVENTS.match(text)
    assert found is not None
    match = reader.current[-1]
    sides = found["body"].split(";")
    if len(sides) > 2:
        raise reader.fail("more than one ';' between home and away")
    red = found["kind"] is not None
    if red and len(sides) != 2:
        raise reader.fail("a red-card line needs both sides: [home; away]")
    events: list[tuple[str | None, int, int, str | None, Team]] = []
    for team, part in zip((match.home, match.away), sides, strict=False):
        events.extend((*event, team) for event in _side_events(reader, part))
    with _located(reader):
        if red:
            if match.red_cards is not None:
                raise reader.fail("second red-card line for one match")
            cards = tuple(
                RedCard(minute, team, name, added, mark == "2nd yellow")
                for name, minute, added, mark, team in events
            )
            reader.current[-1] = dataclasses.replace(match, red_cards=cards)
            return
        if match.goals is not None:
            raise reader.fail("second goal line for one match")
        goals = tuple(
            Goal(
                minute,
                team,
                name,
                added,
                own_goal=mark in ("o.g.", "og"),
                penalty=mark in ("pen.", "p"),
            )
            for name, minute, added, mark, team in events
        )
        ordered = tuple(sorted(goals, key=lambda g: (g.minute, g.added)))
        reader.current[-1] = dataclasses.replace(match, goals=ordered)


def _side_events(reader: _Reader, part: str) -> list[tuple[str | None, int, int, str | None]]:
    """``Bas Dost 3', Bruno Fernandes 53', 63'`` into (scorer, minute, added, mark) per event."""
    text = part.strip()
    if text in ("", "-"):
        return []
    events: list[tuple[str | None, int, int, str | None]] = []
    position, name = 0, None
    for found in _EVENT.finditer(text):
        if found.start() != position:
            break
        position = found.end()
        name = found["name"].strip() or name
        if name is None:
            raise reader.fail("an event without a player name")
        added = int(found["added"]) if found["added"] else 0
        events.append((name, int(found["minute"]), added, found["mark"]))
    if position != len(text) or not events:
        raise reader.fail(f"cannot read events at {text[position:]!r}")
    return events


@contextmanager
def _located(reader: _Reader) -> Iterator[None]:
    """Re-raise an error from a value built on this line with this line's file and number."""
    try:
        yield
    except RuleError as error:
        raise type(error)(error.subject, error.problem, reader.ref()) from error
    except ValueError as error:
        raise reader.fail(str(error)) from error


def _season(reader: _Reader) -> Season:
    if not reader.rounds:
        raise ParseError(reader.file, reader.at[0], reader.at[1], "no round in the file")
    stages: dict[StageKind, list[Round]] = {}
    for name, (fmt, matches) in reader.rounds.items():
        kind = _stage_kind(fmt, qualifying=reader.qualifying)
        stages.setdefault(kind, []).append(Round(name, fmt, tuple(matches)))
    season = reader.season or _season_from_dates(reader)
    return Season(
        competition=reader.competition or "unknown competition",
        name=season,
        stages=tuple(Stage(kind, tuple(rounds)) for kind, rounds in stages.items()),
        qualifying=reader.qualifying,
        source=reader.file,
    )


def _stage_kind(fmt: RoundFormat, *, qualifying: bool) -> StageKind:
    if qualifying:
        return StageKind.QUALIFYING
    return {
        RoundFormat.GROUP: StageKind.GROUP_STAGE,
        RoundFormat.LEAGUE: StageKind.LEAGUE_PHASE,
        RoundFormat.KNOCKOUT: StageKind.KNOCKOUT,
    }[fmt]


def _season_from_dates(reader: _Reader) -> str:
    """A season name from the first match date, for files without a title (July starts a season)."""
    first = _first_date(reader)
    start = first.year if first.month >= 7 else first.year - 1
    return f"{start}/{(start + 1) % 100:02d}"
