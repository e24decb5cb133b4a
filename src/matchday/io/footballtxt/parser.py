"""Read Football.TXT text (the openfootball format, levels 1 and 2) into a ``Season``.

The parser takes text, never a path: ``matchday.io.load`` opens files. It reads line by line;
each line is one kind, known from how it starts: a title (``=``), a round (``▪``, ``»``,
``::``), a group line-up (``Group A | ...``), a goal line (``(`` or ``[``), a property line
(``Referee: ...``, a team's line-up), a date (with, after it, a kick-off, a venue or a match),
or a match. Every line is understood or rejected with a ``ParseError`` naming file, line and
text; nothing is skipped silently. The words of the format live in ``vocabulary``, the
pieces of a line in ``lexer``. Conventions followed here:

* A date without a year lies in the year(s) of the title (``2017/18``, ``2018``), or follows the
  date before it; a weekday, when written, must agree.
* A blank kick-off time means the same time as the match above on the same date.
* ``P-Q pen. A-B a.e.t. (C-D, E-F)``: penalties P-Q, A-B after extra time, C-D after 90 minutes,
  E-F at half time; ``4-2 pen. (1-1, 0-1)``: penalties straight after 90 minutes.
* Goal lines follow their match, home goals before the semicolon, ``-`` for none; a goal line
  without a semicolon belongs to the only side that scored. An own goal is listed under the
  team it counts for. ``red: [home; away]`` lines list sendings-off.
* Level-2 line-ups, substitutions, referees, attendance and cards are recognised and skipped:
  the model has no place for them. A shoot-out written kick by kick (``Penalties: 1-0 A, 1-1 B,
  ...``, the tally home side first) gives its match the shoot-out's score, or must agree with
  the one its score line gives.

``parse(..., problems=[...])`` keeps going: a line that cannot be read or a match that breaks
the rules is added to ``problems`` and left out, and the rest is read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import itertools
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from matchday.errors import AggregateMismatchError, MatchdayError, ParseError, RuleError
from matchday.io.footballtxt.lexer import (
    GOAL_TOKEN,
    KICKOFF,
    SCORE,
    SCORE_TOKEN,
    DateParts,
    ScoreParts,
    date_parts,
    fold_word,
    opens_result,
    read_score,
    score_parts,
)
from matchday.io.footballtxt.short_names import full_names
from matchday.io.footballtxt.vocabulary import (
    AET_WORDS,
    GROUP_WORD,
    MONTHS,
    PENALTY_WORDS,
    PROPERTY_KEYS,
    SHOOTOUT_KEYS,
    STATUS_WORDS,
    RoundName,
    canonical_round,
    names_a_leg,
)
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
from matchday.model.national_names import national_key, results_name
from matchday.source import SourceRef

__all__ = ["LeftOut", "parse", "parse_files", "season_from_matches"]

_MARKERS = "▪»"
_TITLE_SEASON = re.compile(r"(?<!\d)(\d{4})\s?[/-]\s?(\d{4}|\d{2})(?!\d)")
_TITLE_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_QUALI = re.compile(r"\s*-?\s*\b(?:quali\w*)\s*", re.IGNORECASE)
_CODE = re.compile(r"\s+\(([A-Za-z]{3})\)\Z")
_NUMBER = re.compile(r"\((\d{1,3})\)\s+")
_PROPERTY = re.compile(r"(?P<key>[^\W\d][^:()\[\]@|]{0,60}?)\s?:(?:\s|\Z)")
_ATTENDANCE = re.compile(r"(?:att|attn|attendance)\s?:\s*[\d_.,]+\Z", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s(?:v|vs\.?|-|–)\s")
_COMMENT = re.compile(r"(?:^|\s)#")
_MAX_CONTINUATION = 60
_MAX_TOKENS = 2000
_VENUE_ATTENDANCE = re.compile(r",?\s*(?:att|attn|attendance)\s?:\s*[\d_.,]+", re.IGNORECASE)
_NOT_PLAYED = re.compile(r"\s(?:n/p|x-x)(?:\s|\Z)")
_WON_ON_PENALTIES = re.compile(
    r"(?P<team>[^\d;]{1,60}?) won (?P<winner>\d{1,2})-(?P<loser>\d{1,2}) on (?:penalties|pens)",
    re.IGNORECASE,
)
_BRACKET_MINUTE = re.compile(r"\d'")
_NOTE_KEYS = frozenset({"note", "notes", "nb"})
_TALLY = re.compile(r"(?<![\d-])(\d{1,2})-(\d{1,2})(?![\d-])")
"""A shoot-out's running tally (``3-2``), not part of a longer run of digits."""
_DAY_RANGE = re.compile(r"(?<=\d)-\d{1,2}\Z")
_LEG_NOTES = frozenset(
    {"first legs", "second legs", "first leg", "second leg", "1st leg", "2nd leg"}
)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A match left out with ``problem`` (under ``--keep-going``), with the round it was written
    in (``None`` when not known) and its teams: its tie, now short of a leg, is left out as part
    of that one problem instead of being listed again.

    ``teams`` is empty when the line was too broken to name them; then ``line`` (where it
    stands) and ``two_legged`` (its round's header named a leg) let the tie it belonged to, the
    one short of a leg nearest to it in its round, be found and left out with it.
    """

    problem: MatchdayError
    round: str | None
    teams: frozenset[str]
    line: int = 0
    file: str = ""
    two_legged: bool = False


@dataclass
class _Pending:
    """A match line read and waiting for its goal and red-card lines."""

    match: Match
    round: list[Match]
    index: int
    aggregate: Score | None = None
    round_name: str = ""


@dataclass
class _Reader:
    """Mutable parsing state for one competition; discarded once the ``Season`` is built."""

    file: str
    problems: list[MatchdayError] | None = None
    left_out: list[LeftOut] | None = None
    leaving: tuple[str, str, str] | None = None
    in_events: bool = False
    competition: str = ""
    season: str = ""
    years: tuple[int, ...] = ()
    qualifying: bool = False
    stage: str = ""
    rounds: dict[str, tuple[RoundFormat | None, list[Match]]] = field(default_factory=dict)
    current: str | None = None
    parent: str | None = None
    groups: dict[str, str] = field(default_factory=dict)
    lineups: dict[str, list[str]] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)
    two_legged: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    date: dt.date | None = None
    dated: bool = True
    date_venue: str | None = None
    kickoff: dt.time | None = None
    last: _Pending | None = None
    aggregates: list[_Pending] = field(default_factory=list)
    skip_events: bool = False
    skip_round: bool = False
    at: tuple[int, str] = (0, "")

    def fail(self, problem: str) -> ParseError:
        return ParseError(self.file, self.at[0], self.at[1], problem)

    def ref(self) -> SourceRef:
        return SourceRef(self.file, self.at[0])


def parse(
    text: str,
    file: str = "<text>",
    *,
    problems: list[MatchdayError] | None = None,
    left_out: list[LeftOut] | None = None,
) -> Season:
    """Parse Football.TXT ``text`` (read from ``file``, named in errors) into a ``Season``.

    With a ``problems`` list, lines that cannot be read and matches that break the rules are
    added to it and left out; without one the first of them is raised. A ``left_out`` list
    gets, for each match left out whose teams could be read, its round and teams.
    """
    return parse_files([(text, file)], problems=problems, left_out=left_out)


def parse_files(
    files: Iterable[tuple[str, str]],
    *,
    problems: list[MatchdayError] | None = None,
    left_out: list[LeftOut] | None = None,
) -> Season:
    """Parse several Football.TXT texts, ``(text, file)`` in order, as one competition (a World
    Cup's ``cup.txt`` and ``cup_finals.txt``)."""
    reader: _Reader | None = None
    with collector_paused():
        for text, file in files:
            if reader is None:
                reader = _Reader(file, problems, left_out)
            else:
                reader.file, reader.current, reader.parent, reader.stage = file, None, None, ""
                reader.date, reader.kickoff, reader.last = None, None, None
            _read(reader, text)
        if reader is None:
            raise ParseError("<no file>", 0, "", "no Football.TXT file to read")
        return _season(reader)


class _Collector:
    """Python's cycle collector, paused while files are read (by any number of threads at
    once) and running again when the last reading ends, if it was running before."""

    def __init__(self) -> None:
        # Re-entrant: a finalizer run by the collection in ``resume`` may itself read a file.
        self.lock = threading.RLock()
        self.readers = 0
        self.was_enabled = False

    def pause(self) -> None:
        with self.lock:
            if self.readers == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.readers += 1

    def resume(self) -> None:
        """Let the collector run again, after one pass over the young generations if the
        reading made more objects than the collector would have let pass uncollected.

        Why generations 0 and 1, and why here (CPython 3.11's ``gc``): while paused, every
        object reading made stays in generation 0, whose count is then far past its
        threshold, so the first object made after ``gc.enable()`` would start an automatic
        collection of whichever generation the counts name: now and then generation 2, a full
        pass over every object alive (older files' seasons included, which is no cost of this
        read); else generation 0 alone, which only moves what was read to generation 1 for a
        later automatic pass of generation 1 to walk all of it again. ``gc.collect(1)``
        merges generations 0 and 1 (what reading made, and the few survivors of recent young
        passes), frees what is unreachable among them (reading makes no cycles, but an error
        kept with its traceback can be one), untracks tuples of untracked values, and moves
        the rest to generation 2, in one pass; it never walks generation 2, whose full
        collections stay on Python's own rule (when the objects moved there since the last
        one reach a quarter of those it holds). A small read, fewer new objects than the
        threshold, leaves the collector to its own schedule, as if it had not paused."""
        with self.lock:
            self.readers -= 1
            if self.readers == 0 and self.was_enabled:
                if _young_pass_due():
                    gc.collect(1)
                gc.enable()

    def young_pass(self) -> None:
        """The pass of ``resume`` in the middle of a long read, a chunk of text at a time:
        each object read is still walked once, but while it is fresh in the processor's cache
        (a megabyte of text makes about a megabyte of objects), not all at the end, when a
        big file's objects have long left it (the one pass after a 50 MB file cost 40 times
        the one after a 5 MB file, for ten times the objects)."""
        with self.lock:
            if self.readers and self.was_enabled and _young_pass_due():
                gc.collect(1)


def _young_pass_due() -> bool:
    """Whether the objects made since the last collection are more than the collector, left
    to itself, would have let pass uncollected."""
    threshold = gc.get_threshold()[0]
    return bool(threshold) and gc.get_count()[0] > threshold


_COLLECTOR = _Collector()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection while a file is read. Reading makes a few objects per character
    and no reference cycles, so each collection (one per 700 objects made, and ever more
    often a full one over every object alive) looks for cycles in vain: it cost a third of
    the reading time, and a growing share as the file grows (the full collections walk every
    match read so far). What reading made is collected in one pass over the young
    generations, a chunk of a big text at a time and once at the end (``_Collector``); those
    passes count in the reading's time."""
    _COLLECTOR.pause()
    try:
        yield
    finally:
        _COLLECTOR.resume()


class _Lines:
    """Numbered lines with one line of look-ahead: a property line peeks at the next."""

    def __init__(self, lines: Iterator[tuple[int, str]]) -> None:
        self._lines = lines
        self._pushed: list[tuple[int, str]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> tuple[int, str]:
        return self._pushed.pop() if self._pushed else next(self._lines)

    def push(self, line: tuple[int, str]) -> None:
        self._pushed.append(line)


def _read(reader: _Reader, text: str) -> None:
    lines = _Lines(_lines(text))
    for number, line in lines:
        reader.at = (number, line)
        reader.leaving, reader.in_events = None, False
        try:
            _line(reader, line, lines)
        except (ParseError, RuleError) as error:
            if reader.problems is None:
                raise
            reader.problems.append(error)
            if reader.in_events:
                _leave_out_pending(reader, error)
            else:
                _note_left_out(reader, error)
            reader.skip_events = True
            if line.lstrip()[:1] in _MARKERS or line.lstrip().startswith("::"):
                reader.skip_round = True  # its matches are left out with it


def _note_left_out(reader: _Reader, error: MatchdayError) -> None:
    """Keep the round and teams of the match line that ``error`` left out (no teams when they
    could not be read), for its tie to go with it."""
    if reader.leaving is None or reader.left_out is None:
        return
    round_name, *names = reader.leaving
    try:
        teams = frozenset(_team(reader, name).name for name in names if name)
    except ParseError:
        teams = frozenset()
    if len(teams) != 2:
        teams = frozenset()
    two_legged = round_name in reader.two_legged
    reader.left_out.append(LeftOut(error, round_name, teams, reader.at[0], reader.file, two_legged))


def _leave_out_pending(reader: _Reader, error: MatchdayError) -> None:
    """An event line that breaks the rules (goals that do not make the score) takes its match
    out with it: the match line above is left out, and its tie through ``left_out``."""
    pending = reader.last
    if pending is None or pending.index >= len(pending.round):
        return
    match = pending.round.pop(pending.index)  # the last match read, so the last of its round
    reader.last = None
    if reader.aggregates and reader.aggregates[-1] is pending:  # the last read, if noted
        reader.aggregates.pop()
    if reader.left_out is not None:
        teams = frozenset((match.home.name, match.away.name))
        line = match.source.line if match.source else reader.at[0]
        reader.left_out.append(LeftOut(error, pending.round_name, teams, line, reader.file, False))


_CHUNK = 1 << 20
"""Characters of a text split into lines at a time."""


def _chunks(text: str) -> Iterator[str]:
    """``text`` a megabyte at a time, each piece cut after a newline: the lines of a big file
    are never all in memory at once (a 50 MB file holds over a million), and each piece is
    searched and split while it is in the processor's cache (a search of a whole 50 MB text
    reads it from memory again, as a 5 MB one need not)."""
    if len(text) <= _CHUNK:
        yield text
        return
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK)  # cut after a newline: "\r\n" stays whole
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end
        _COLLECTOR.young_pass()  # what this piece made, while it is in the cache


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines without comments (``#`` to the end, ``<!-- ... -->`` blocks)."""
    in_block = False
    number = 0
    for chunk in _chunks(text):
        blocks = in_block or "<!--" in chunk
        hashes, ends = "#" in chunk, "__END__" in chunk
        for raw in chunk.splitlines():
            number += 1
            line = raw
            if ends and line.strip() == "__END__":
                return
            if blocks:
                if in_block:
                    end = line.find("-->")
                    if end < 0:
                        continue
                    line, in_block = line[end + 3 :], False
                start = line.find("<!--")
                if start >= 0:
                    end = line.find("-->", start)
                    if end < 0:
                        line, in_block = line[:start], True
                    else:
                        line = line[:start] + line[end + 3 :]
            if hashes and "#" in line and (found := _COMMENT.search(line)) is not None:
                line = line[: found.start()]
            line = line.rstrip()
            if line and not line.isspace():
                yield number, line


def _line(reader: _Reader, line: str, lines: Iterator[tuple[int, str]]) -> None:
    stripped = line.strip()
    first = stripped[0]
    if first == "=":
        _heading(reader, stripped)
    elif first in _MARKERS or stripped.startswith("::"):
        _round(reader, stripped)
    elif "|" in stripped and GROUP_WORD.fullmatch(fold_word(stripped.split("|")[0].strip())):
        _group_lineup(reader, stripped)
    elif "|" in stripped and canonical_round(stripped.split("|")[0]) is not None:
        _check_summary(reader, stripped.split("|", 1)[1])
    elif first in "([" and _is_note(stripped):
        _continued(reader, stripped, lines)  # a note ("[Stopped and cancelled at 2-1]")
    elif first in "([" and not _NUMBER.match(stripped):
        _events(reader, _continued(reader, stripped, lines), red=False)
    elif stripped.casefold().startswith("red:"):
        _events(reader, stripped[4:].strip(), red=True)
    elif (
        ":" in stripped
        and (prop := _PROPERTY.match(stripped))
        and not _SEPARATOR.search(stripped[: prop.end()])
    ):
        _property(reader, prop["key"], stripped, lines)
    else:
        _dated_line(reader, stripped)


def _is_note(text: str) -> bool:
    """A bracketed note, not a goal line: goal lines have minutes (``[Toloi 11'; -]``) or are
    empty (``[-; -]``); a note in parentheses has no number at all."""
    if text[0] == "[":
        return _BRACKET_MINUTE.search(text) is None and text.strip("[]-; ") != ""
    return not any(c.isdigit() for c in text) and text.strip("()-; ") != ""


def _continued(reader: _Reader, text: str, lines: Iterator[tuple[int, str]]) -> str:
    """A goal line with the lines that continue it, up to its closing bracket."""
    closing = ")" if text[0] == "(" else "]"
    opening = text[0]
    depth = text.count(opening) - text.count(closing)
    parts = [text]
    for _ in range(_MAX_CONTINUATION):
        if depth <= 0:
            break
        try:
            _, more = next(lines)
        except StopIteration:
            break
        parts.append(more.strip())
        depth += more.count(opening) - more.count(closing)
    if depth != 0:
        raise reader.fail(f"goal line without its closing {closing!r}")
    return "\n".join(parts)


def _heading(reader: _Reader, text: str) -> None:
    level = len(text) - len(text.lstrip("="))
    title = text.strip("= ").strip()
    if level > 1:
        reader.stage = title
        reader.current = reader.parent = None
        return
    if not title:
        raise reader.fail("a title line without a title")
    season = _TITLE_SEASON.search(title)
    year = _TITLE_YEAR.search(title)
    if season is not None:
        first, second = int(season.group(1)), int(season.group(2)[-2:])
        name = f"{first}/{second:02d}"
        years: tuple[int, ...] = (first, first + 1)
        head = title[: season.start()] + title[season.end() :]
    elif year is not None:
        name, years = year.group(1), (int(year.group(1)),)
        head = title[: year.start()] + title[year.end() :]
    else:
        name, years, head = "", (), title
    qualifying = _QUALI.search(head) is not None
    competition = " ".join(_QUALI.sub(" ", head).split()).strip(" -,|")
    if reader.competition and (competition, name) != (reader.competition, reader.season):
        raise reader.fail(
            f"a title for another competition than {reader.competition} {reader.season}".rstrip()
        )
    reader.competition, reader.season, reader.years = competition, name, years
    reader.qualifying = qualifying


def _round(reader: _Reader, text: str, *, free: bool = False) -> None:
    """A round header. With ``free`` (football.json, whose round names are free text) a name
    the vocabulary does not know is kept as written, as its own round, played as its matches
    say; in Football.TXT it is an error."""
    body = text.lstrip(_MARKERS + ": ")
    depth = len(text) - len(text.lstrip(_MARKERS + ":"))
    name, _, summary = body.partition("|")
    name = name.strip()
    if fold_word(name) in _LEG_NOTES:
        if reader.current is not None:
            reader.two_legged.add(reader.current)
        return
    found = canonical_round(name)
    if found is None and free and name:
        found = RoundName(" ".join(name.split()), None)
    if found is None:
        raise reader.fail("unknown round header")
    if summary.strip():
        _check_summary(reader, summary)  # the round's dates; its matches may follow
    title = found.name
    if reader.stage:
        title = f"{reader.stage}, {title}"
    parent = reader.parent if depth > 1 else None
    if title in reader.rounds and reader.parents.get(title) != parent and parent is not None:
        title = f"{parent}, {title}"
    if title not in reader.rounds:
        reader.rounds[title] = (found.format, [])
        reader.parents[title] = parent
    reader.current = title
    if names_a_leg(name):
        reader.two_legged.add(title)
    reader.skip_round = False
    if depth <= 1:
        reader.parent = found.name
    reader.kickoff = None


def _check_summary(reader: _Reader, summary: str) -> None:
    """``▪ Round of 16 | Sat Jun 30 - Tue Jul 3``: a round's dates, said ahead; checked as dates."""
    for part in summary.split(" - "):
        text = _DAY_RANGE.sub("", part.strip())
        if text and date_parts(text) is None:
            raise reader.fail(f"not a date in a round's dates: {text!r}")


def _group_lineup(reader: _Reader, text: str) -> None:
    """``Group A | Qatar  Ecuador  Senegal  Netherlands``: which teams play in which group."""
    name, _, teams = text.partition("|")
    found = canonical_round(name.strip())
    if found is None:
        raise reader.fail("unknown group")
    for team in re.split(r"\s{2,}|\t", teams.strip()):
        if team:
            reader.groups[_lineup_key(team)] = found.name
            reader.lineups.setdefault(found.name, []).append(team.strip())


def _in_lineup(reader: _Reader, group: str, match: Match) -> None:
    """A match of a group whose teams a ``Group A | ...`` line listed is between two of them:
    a team written otherwise ("Qatarr") is an error, not a fifth team of the group."""
    listed = reader.lineups.get(group)
    if not listed:
        return
    keys = {_lineup_key(team) for team in listed}
    for team in (match.home, match.away):
        if _lineup_key(team.name) not in keys:
            raise reader.fail(f"{team.name!r} is not one of {group}'s teams: {', '.join(listed)}")


def _lineup_key(name: str) -> str:
    """The form in which a group's line-up and its matches name one team: a national team's
    other names taken as one ("Ivory Coast" listed, "Côte d'Ivoire" in the matches)."""
    return national_key(results_name(" ".join(_CODE.sub("", " " + name.strip()).split())))


def _property(reader: _Reader, key: str, text: str, lines: Iterator[tuple[int, str]]) -> None:
    """Level-2 property lines (line-ups, referee, attendance, cards, shoot-outs): recognised
    and followed over the lines that continue them (a line ending in ``,``, ``;`` or ``-``).
    A shoot-out written kick by kick gives its match the shoot-out's score; the rest has no
    place in the model and is skipped."""
    folded = fold_word(key)
    if reader.last is None and folded not in PROPERTY_KEYS:
        raise reader.fail("a line-up before any match")
    written = [text]
    note = folded in _NOTE_KEYS
    for _ in range(_MAX_CONTINUATION):
        if not note and not written[-1].rstrip().endswith((",", ";", "-")):
            break
        try:
            following = next(lines)
        except StopIteration:
            break
        if note and not following[1][:1].isspace():
            assert isinstance(lines, _Lines)
            lines.push(following)
            break
        written.append(following[1])
    if folded in SHOOTOUT_KEYS:
        _shootout(reader, " ".join(written).split(":", 1)[1])


def _shootout(reader: _Reader, kicks: str) -> None:
    """``1-0 Gavranović, 1-1 Pogba, ..., Mbappé (save)``: the running tally, home side first
    (a kick missed repeats it or gives none), whose last value is the shoot-out's score. It
    must agree with the score line's when that gives one, and gives the match its shoot-out
    when not (``Palmeiras - Deportivo Cali 2-1`` and the kicks below it)."""
    pending = _match_above(reader, "a shoot-out")
    if pending is None:
        return
    tallies = [(0, 0)] + [(int(h), int(a)) for h, a in _TALLY.findall(kicks)]
    if len(tallies) == 1:
        return  # kicks written without the tally: nothing to count
    for (home, away), (later_home, later_away) in itertools.pairwise(tallies):
        if not (home <= later_home <= home + 1 and away <= later_away <= away + 1):
            raise reader.fail(
                f"a shoot-out cannot go from {home}-{away} to {later_home}-{later_away}"
            )
    final = Score(*tallies[-1])
    match = pending.match
    played, (declared, _) = match.final_score, reader.rounds[pending.round_name]
    if played and not played.level and declared in (RoundFormat.GROUP, RoundFormat.LEAGUE):
        raise reader.fail(f"a shoot-out after a group match that ended {played}")
    if match.penalties is not None:
        if match.penalties != final:
            raise reader.fail(
                f"the shoot-out kick by kick ends {final}, the score line says {match.penalties}"
            )
        return
    if match.score is None:
        raise reader.fail("a shoot-out for a match without a score")
    with _located(reader):
        _replace(reader, pending, dataclasses.replace(match, penalties=final))


def _dated_line(reader: _Reader, text: str) -> None:
    if text.startswith("@"):
        place, after = _venue_split(text[1:])
        _match(reader, after, venue=place)
        return
    parts = date_parts(text)
    if parts is None:
        if _looks_like_a_date(text):
            raise reader.fail(
                "cannot read date line (expected a date such as 'Thu 6 Feb 2020', "
                "'6 February 2020' or '2020-02-06'; a weekday or month in a language the "
                "reader does not know?)"
            )
        _match(reader, text, venue=None)
        return
    _set_date(reader, parts)
    rest = text[parts.end :].strip().lstrip(",").strip()
    rest = _kickoff(reader, rest)
    venue = None
    if rest.startswith("@"):
        venue, rest = _venue_split(rest[1:])
        reader.date_venue = venue
    else:
        reader.date_venue = None
    rest = rest.strip()
    if not rest or _ATTENDANCE.fullmatch(rest):
        return
    _match(reader, rest, venue=venue)


@functools.lru_cache(maxsize=4096)
def _date(year: int, month: int, day: int) -> dt.date:
    """One ``date`` value for all the matches of a day (fewer objects kept: see
    ``_shared``)."""
    return dt.date(year, month, day)


@functools.lru_cache(maxsize=256)
def _time(hour: int, minute: int) -> dt.time:
    """One ``time`` value for all the matches kicking off at it."""
    return dt.time(hour, minute)


def _shared(reader: _Reader, text: str) -> str:
    """One string for each name read (players, venues) in a competition, however often it
    is written: a big file keeps far fewer objects, which keeps reading linear (each object
    alive makes every later step of reading a little slower) and its memory small."""
    return reader.names.setdefault(text, text)


def _venue_split(text: str) -> tuple[str, str]:
    """``Firenze  Germany 5-2 Belgium``: the venue after ``@`` runs to two spaces."""
    parts = re.split(r"\s{2,}", _VENUE_ATTENDANCE.sub("", text.strip()), maxsplit=1)
    return parts[0].strip().rstrip(","), (parts[1] if len(parts) > 1 else "")


def _kickoff(reader: _Reader, text: str) -> str:
    found = KICKOFF.match(text)
    if found is None:
        return text
    try:
        reader.kickoff = _time(int(found["hour"]), int(found["minute"]))
    except ValueError:
        raise reader.fail("not a kick-off time") from None
    return text[found.end() :].strip()


def _set_date(reader: _Reader, parts: DateParts) -> None:
    reader.kickoff = None
    if parts.month is None or parts.day is None:
        assert parts.year is not None
        reader.date, reader.dated = dt.date(parts.year, 1, 1), False
        return
    year = parts.year
    if year is not None and parts.two_digit_year:
        year = _century(reader, year)
    candidates = [year] if year is not None else _year_candidates(reader)
    if not candidates:
        raise reader.fail("the first date needs a year (or a title with one)")
    dates = []
    for candidate in candidates:
        try:
            dates.append(_date(candidate, parts.month, parts.day))
        except ValueError:
            continue
    if not dates:
        raise reader.fail("not a date")
    if parts.weekday is not None:
        fitting = [d for d in dates if d.weekday() == parts.weekday]
        if not fitting:
            said = " or ".join(f"{d.isoformat()} is a {d.strftime('%A')}" for d in dates)
            raise reader.fail(f"the weekday does not fit the date: {said}")
        dates = fitting
    if len(dates) > 1:
        dates = [_after_last(reader, dates)]
    reader.date, reader.dated = dates[0], True


def _after_last(reader: _Reader, dates: list[dt.date]) -> dt.date:
    """Of a date's possible years, the one that follows the date before it (the first year
    for the first date)."""
    last = reader.date if reader.dated else None
    if last is None:
        return dates[0]
    year = last.year + (1 if dates[0].month < last.month else 0)
    return next((d for d in dates if d.year == year), dates[-1])


def _century(reader: _Reader, year: int) -> int:
    anchor = reader.years[0] if reader.years else (reader.date.year if reader.date else 2000)
    return min((c + year for c in (1800, 1900, 2000)), key=lambda y: abs(y - anchor))


def _year_candidates(reader: _Reader) -> list[int]:
    """The years a date without one may lie in: the title's, or from the date before it."""
    if reader.years:
        return list(reader.years)
    last = reader.date if reader.dated else None
    return [last.year, last.year + 1] if last is not None else []


def _match(reader: _Reader, text: str, venue: str | None) -> None:
    reader.skip_events = reader.skip_round
    if reader.skip_round:
        return
    reader.leaving = (reader.current or "", "", "")  # a match line, its teams not read yet
    number = None
    if found := _NUMBER.match(text):
        number, text = int(found.group(1)), text[found.end() :]
        if (parts := date_parts(text)) is not None:
            _set_date(reader, parts)
            text = text[parts.end :].strip()
    text = _kickoff(reader, text)
    if "@" in text:
        text, _, place = text.partition("@")
        venue = _venue_split(place)[0] or venue
    if reader.current is None:
        reader.current = "Matches"
        reader.rounds.setdefault("Matches", (None, []))
    if reader.date is None:
        if not reader.years:
            raise reader.fail("match before any date line")
        reader.date, reader.dated = dt.date(reader.years[0], 1, 1), False
    home, away, result = _teams_and_result(reader, text)
    _no_score_word_after(reader, away)
    match = _build(reader, home, away, result, venue or reader.date_venue, number)
    name = _round_for(reader, match)
    if reader.rounds[name][0] is RoundFormat.GROUP:
        _in_lineup(reader, name, match)
    matches = reader.rounds[name][1]
    if not matches:  # rounds are kept in the order of their first match
        reader.rounds[name] = reader.rounds.pop(name)
    matches.append(match)
    reader.last = _Pending(match, matches, len(matches) - 1, result.aggregate, name)
    if result.aggregate is not None:
        reader.aggregates.append(reader.last)


def _round_for(reader: _Reader, match: Match) -> str:
    """The round a match goes to: its header's, or its group's under a "Matchday" header."""
    current = reader.current
    assert current is not None
    fmt, _ = reader.rounds[current]
    if fmt in (None, RoundFormat.LEAGUE) and reader.groups:
        home = reader.groups.get(_lineup_key(match.home.name))
        away = reader.groups.get(_lineup_key(match.away.name))
        if home is not None and home == away:
            reader.rounds.setdefault(home, (RoundFormat.GROUP, []))
            return home
        if (home is None) != (away is None):  # one listed in a group, the other nowhere
            group = home or away
            assert group is not None
            _in_lineup(reader, group, match)
    return current


def _teams_and_result(reader: _Reader, text: str) -> tuple[str, str, ScoreParts]:
    """Both layouts: ``A v B  2-1 (1-0)`` / ``A - B  2-1`` and ``A  2-1 (1-0)  B``."""
    body = text.strip()
    if len(body) <= _PLAIN_LENGTH and (plain := _plain_match(body)) is not None:
        _leaving(reader, plain[0], plain[1])
        return plain
    result = ScoreParts()
    separator = _SEPARATOR.search(body)
    score = SCORE.search(body)
    not_played = _NOT_PLAYED.search(body) if "n/p" in body or "x-x" in body else None
    if not_played is not None and (score is None or not_played.start() < score.start()):
        home, rest = body[: not_played.start()], body[not_played.end() :]
        tokens = _tokens(reader, SCORE_TOKEN.finditer(rest))
        away_end = _away_end(tokens)
        away = rest[: tokens[away_end].start() if away_end < len(tokens) else None]
        _leaving(reader, home, away)
        result.statuses.append(not_played.group(0).strip())
        index = _result(reader, tokens, away_end, result)
        if index < len(tokens) or result.main:
            raise reader.fail("a match not played (n/p) has no score")
        return home.strip(), away.strip(), result
    if separator is not None and (score is None or separator.start() < score.start()):
        home = body[: separator.start()]
        tokens = _tokens(reader, SCORE_TOKEN.finditer(body, separator.end()))
        away_end = _away_end(tokens)
        away = body[separator.end() : tokens[away_end].start() if away_end < len(tokens) else None]
        _leaving(reader, home, away)
        index = _result(reader, tokens, away_end, result)
    elif score is not None:
        home = body[: score.start()]
        tokens = _tokens(reader, SCORE_TOKEN.finditer(body, score.start()))
        index = _result(reader, tokens, 0, result)
        away_start = tokens[index].start() if index < len(tokens) else len(body)
        away_end = index + _away_end(tokens[index:])
        away = body[away_start : tokens[away_end].start() if away_end < len(tokens) else None]
        _leaving(reader, home, away)
        index = _result(reader, tokens, away_end, result)
    else:
        raise reader.fail("cannot read match line (expected 'Home v Away  score')")
    if index < len(tokens):
        raise reader.fail(f"cannot read match line at {body[tokens[index].start() :][:40]!r}")
    return home.strip(), away.strip(), result


_NAME = r"[^\d()\[\]@|;/,'#]+?(?:\s\([A-Z]{3}\))?"
_PLAIN_SCORE = (
    r"(?P<home_goals>\d{1,2})[-–:](?P<away_goals>\d{1,2})(?:\s+\((?P<half>\d{1,2}[-–:]\d{1,2})\))?"
)
_PLAIN_BESIDE = re.compile(
    rf"(?P<home>{_NAME})\s+(?:v|vs\.?|-|–)\s+(?P<away>{_NAME})\s+{_PLAIN_SCORE}"
)
_PLAIN_BETWEEN = re.compile(rf"(?P<home>{_NAME})\s+{_PLAIN_SCORE}\s+(?P<away>{_NAME})")
_PLAIN_LENGTH = 160
"""The commonest match lines, ``A v B  2-1 (1-0)`` and ``A  2-1 (1-0)  B`` with no more than a
score at half time, read by one pattern; lines no longer than this (so that the lazy names stay
linear), and the rest token by token."""


def _plain_match(body: str) -> tuple[str, str, ScoreParts] | None:
    found = _PLAIN_BESIDE.fullmatch(body)
    if found is None:
        found = _PLAIN_BETWEEN.fullmatch(body)
        if found is None or _SEPARATOR.search(found["home"]) is not None:
            return None
        first = fold_word(found["away"].split(maxsplit=1)[0])
        if first in AET_WORDS or first in PENALTY_WORDS:
            return None  # "A  2-1 a.e.t.  B": the result goes on after the score
    result = ScoreParts()
    result.main.append((_plain_score(found["home_goals"], found["away_goals"]), ""))
    if (half := found["half"]) is not None:
        result.inner.append(read_score(half))
    return found["home"].strip(), found["away"].strip(), result


@functools.lru_cache(maxsize=1024)
def _plain_score(home: str, away: str) -> Score:
    return Score(int(home), int(away))


_COLUMNS = re.compile(r"\s{2,}")
_DATE_WORD = re.compile(r"[^\W\d_]{2,12}\.?,?|\d{1,4}[.,/]?|\d{1,2}[:.h]\d{2}h?")
_DATE_DAY = re.compile(r"\d{1,2}[.,/]?")


def _looks_like_a_date(text: str) -> bool:
    """Whether a line the date reader cannot read is still a date line, not a match: a few
    words and numbers (no score), a month among them and a day (``Jue 6 Feb 2020`` before
    the reader knew Spanish weekdays), so the error says it is a date it cannot read."""
    words = text.split()
    if not 2 <= len(words) <= 6 or not all(_DATE_WORD.fullmatch(w) for w in words):
        return False
    month = any(fold_word(w.rstrip(".,")) in MONTHS for w in words)
    return month and any(_DATE_DAY.fullmatch(w) for w in words)


def _no_score_word_after(reader: _Reader, away: str) -> None:
    """``Watford  1-2  Tranmere Rovers  a.e.t.``: a score word after the away team is no part
    of its name (it would make another team in silence). The specification writes it after
    the score or in parentheses, so it is an error that says where it goes."""
    columns = _COLUMNS.split(away.strip())
    last = fold_word(columns[-1])
    words = columns[-1].split()
    lone = len(columns) > 1 and (last in AET_WORDS or last in PENALTY_WORDS)
    dotted = len(words) > 1 and fold_word(words[-1]) in AET_WORDS and "." in words[-1]
    if lone or dotted or (len(words) > 1 and fold_word(words[-1]) == "aet"):
        word = columns[-1] if lone else words[-1]
        raise reader.fail(
            f"a score word after the away team: {word!r} (write it after the score, or in "
            "parentheses: '(aet)')"
        )


def _leaving(reader: _Reader, home: str, away: str) -> None:
    """The teams of the match line being read, kept in case the line is left out."""
    reader.leaving = (reader.current or "", home.strip(), away.strip())


def _tokens(reader: _Reader, found: Iterator[re.Match[str]]) -> list[re.Match[str]]:
    """The tokens of a line, refusing more than any match or goal line has (so that a
    runaway line fails at once instead of being read to its end)."""
    tokens = list(itertools.islice(found, _MAX_TOKENS + 1))
    if len(tokens) > _MAX_TOKENS:
        raise reader.fail(f"more than {_MAX_TOKENS} words and scores: not a match or goal line")
    return tokens


def _away_end(tokens: list[re.Match[str]]) -> int:
    """Where the away team's name ends: at the first token that belongs to a result."""
    for index, token in enumerate(tokens):
        kind = token.lastgroup
        if kind in ("scored", "bracket", "comma"):
            return index
        if kind == "open" and opens_result(tokens, index):
            return index
    return len(tokens)


def _result(reader: _Reader, tokens: list[re.Match[str]], index: int, result: ScoreParts) -> int:
    try:
        index = score_parts(tokens, index, result)
        while index < len(tokens) and tokens[index].lastgroup == "bracket":
            result.statuses.append(tokens[index].group(0)[1:-1])
            index = score_parts(tokens, index + 1, result)
    except ValueError as error:
        raise reader.fail(f"cannot read match line: {error}") from None
    return index


def _team(reader: _Reader, text: str) -> Team:
    if (known := reader.teams.get(text)) is not None:
        return known
    team = _new_team(reader, text)
    reader.teams[text] = team
    return team


def _new_team(reader: _Reader, text: str) -> Team:
    name = " ".join(text.split())
    code = None
    if found := _CODE.search(" " + name):
        code, name = found.group(1).upper(), (" " + name)[: found.start()].strip()
    if not name or any(c in name for c in "()[]@;|") or SCORE.search(name):
        raise reader.fail(f"not a team name: {text.strip()!r}")
    return Team(name, code)


def _bracket_result(result: ScoreParts, home: Team, away: Team) -> None:
    """``[aet; Switzerland won 5-4 on penalties]``: a result said in words in brackets."""
    kept = []
    for note in result.statuses:
        parts = [p.strip() for p in note.split(";")]
        if not parts or not all(_result_words(p, home, away, result) for p in parts):
            kept.append(note)
    result.statuses = kept


def _result_words(text: str, home: Team, away: Team, result: ScoreParts) -> bool:
    if fold_word(text) in AET_WORDS:
        result.aet = True
        return True
    found = _WON_ON_PENALTIES.fullmatch(text)
    if found is None or fold_word(found["team"]) not in (
        fold_word(home.name),
        fold_word(away.name),
    ):
        return False
    winner, loser = int(found["winner"]), int(found["loser"])
    home_won = fold_word(found["team"]) == fold_word(home.name)
    result.penalties = Score(winner, loser) if home_won else Score(loser, winner)
    return True


def _status(reader: _Reader, written: list[str]) -> str | None:
    """The status the brackets after a result give: ``[cancelled]``, ``[awarded]``, ``n/p``;
    a note that opens with a status word (``[cancelled; Austria withdrew]``) gives it too."""
    statuses = []
    for note in written:
        words = fold_word(note).replace(";", " ").replace(".", " ").split()
        first = words[0] if words else ""
        status = STATUS_WORDS.get(first) or STATUS_WORDS.get(" ".join(words[:2]))
        if status is None and first in ("n/p", "x-x"):
            continue
        if status is None and ("n/p" in written or "x-x" in written):
            continue  # a note on why a match was not played
        if status is None:
            raise reader.fail(f"unknown match status [{note}]")
        statuses.append(status)
    if not statuses and ("n/p" in written or "x-x" in written):
        statuses.append("cancelled")
    if len(set(statuses)) > 1:
        raise reader.fail("two match statuses for one match")
    return statuses[0] if statuses else None


def _build(
    reader: _Reader,
    home_text: str,
    away_text: str,
    result: ScoreParts,
    venue: str | None,
    number: int | None,
) -> Match:
    home, away = _team(reader, home_text), _team(reader, away_text)
    _bracket_result(result, home, away)
    status = _status(reader, result.statuses)
    scores = _scores(reader, result)
    score, half_time, extra_time, penalties, recorded = scores
    note = status if status in ("postponed", "abandoned", "walkover") else None
    if status == "annulled":
        if score is not None:
            note = f"annulled (written {score})"
        score = half_time = extra_time = penalties = None
        status = "cancelled"
    if status == "cancelled" and score is not None:
        raise reader.fail("a cancelled match has no score")
    if status in ("awarded",) and score is None:
        raise reader.fail("an awarded match needs a score")
    if status in ("postponed", "abandoned") and score is not None:
        raise reader.fail(f"a {status} match has no result; write [awarded] with the one given")
    assert reader.date is not None
    try:
        return Match(
            date=reader.date,
            home=home,
            away=away,
            score=score,
            kickoff=reader.kickoff,
            half_time=half_time,
            extra_time=extra_time,
            penalties=penalties,
            awarded=status in ("awarded", "walkover") and score is not None,
            cancelled=status in ("cancelled", "abandoned"),
            venue=None if venue is None else _shared(reader, venue),
            source=reader.ref(),
            number=number,
            note=note,
            dated=reader.dated,
            full_time_recorded=recorded,
        )
    except (RuleError, ValueError) as error:
        raise _relocated(reader, error) from error


_Scores = tuple[Score | None, Score | None, Score | None, Score | None, bool]


def _scores(reader: _Reader, result: ScoreParts) -> _Scores:
    """Score after 90 minutes, half time, after extra time, shoot-out, and whether the score
    after 90 minutes is on record."""
    plain = [s for s, tag in result.main if tag == ""]
    aet = [s for s, tag in result.main if tag == "aet"]
    pens = [s for s, tag in result.main if tag == "pen"]
    if len(plain) > 1 or len(aet) > 1 or len(pens) > 1:
        raise reader.fail("cannot read match line: more scores than a result has")
    penalties = pens[0] if pens else result.penalties
    extra = aet[0] if aet else result.extra_time_named
    has_aet = extra is not None or result.aet
    inner = list(result.inner)
    if plain and has_aet and extra is None:
        extra = plain.pop()
    if plain and extra is not None:
        raise reader.fail("cannot read match line: a score beside the score after extra time")
    if not plain and extra is None and inner and penalties is not None and len(inner) == 3:
        extra, has_aet = inner.pop(0), True
    full = result.full_time
    half = result.half_time
    if has_aet:
        if len(inner) > 2:
            raise reader.fail("cannot read match line: too many scores in parentheses")
        full = inner[0] if inner else full
        half = inner[1] if len(inner) > 1 else half
    else:
        full = plain[0] if plain else full
        if penalties is not None and len(inner) == 2 and not plain:
            full, half = inner
        elif len(inner) > 1:
            raise reader.fail("two scores in parentheses without a.e.t.")
        elif inner:
            if full is None:
                full = inner[0]
            else:
                half = inner[0]
    if full is None and extra is None:
        if penalties is not None:
            raise reader.fail("a shoot-out without the score of the match")
        return None, None, None, None, True
    if full is None:
        assert extra is not None
        level = min(extra.home, extra.away)
        return Score(level, level), half, extra, penalties, False
    return full, half, extra, penalties, True


def _match_above(reader: _Reader, what: str) -> _Pending | None:
    """The match that the event line (``what``) being read belongs to; ``None`` when that
    match was left out, and its events with it."""
    if reader.skip_events:
        return None
    reader.in_events = True  # a problem here takes the match above out with it
    if reader.last is None:
        raise reader.fail(f"{what} without a match above it")
    return reader.last


def _events(reader: _Reader, text: str, *, red: bool) -> None:
    pending = _match_above(reader, "goal line")
    if pending is None:
        return
    body = text.strip()
    if len(body) < 2 or body[0] not in "([" or body[-1] not in ")]":
        raise reader.fail("cannot read events: write them in brackets, home; away")
    body = body[1:-1]
    match = pending.match
    if red:
        _red_cards(reader, pending, body)
        return
    if match.goals:  # a goalless match has () before its goal line: it may write one
        raise reader.fail("second goal line for one match")
    goals = _goals(reader, match, body)
    ordered = tuple(sorted(goals, key=lambda g: (g.minute, g.added)))
    with _located(reader):
        if not match.full_time_recorded and match.extra_time is not None:
            updated = dataclasses.replace(
                match, goals=ordered, score=_regular_time(match, ordered), full_time_recorded=True
            )
        else:
            updated = dataclasses.replace(match, goals=ordered)
    _replace(reader, pending, updated)


def _regular_time(match: Match, goals: tuple[Goal, ...]) -> Score:
    """The score after 90 minutes counted from the goals, for a match written ``2-1 a.e.t.``."""
    regular = [g for g in goals if not g.in_extra_time]
    return Score(
        sum(1 for g in regular if g.team == match.home),
        sum(1 for g in regular if g.team == match.away),
    )


def _replace(reader: _Reader, pending: _Pending, updated: Match) -> None:
    pending.round[pending.index] = updated
    pending.match = updated


def _red_cards(reader: _Reader, pending: _Pending, body: str) -> None:
    match = pending.match
    sides = body.split(";")
    if len(sides) != 2:
        raise reader.fail("a red-card line needs both sides: [home; away]")
    if match.red_cards is not None:
        raise reader.fail("second red-card line for one match")
    cards = []
    for team, side in zip((match.home, match.away), sides, strict=True):
        for name, minute, added, mark in _side_events(reader, side):
            cards.append(RedCard(minute, team, name, added, mark == "2nd yellow"))
    with _located(reader):
        _replace(reader, pending, dataclasses.replace(match, red_cards=tuple(cards)))


def _goals(reader: _Reader, match: Match, body: str) -> list[Goal]:
    tokens = _tokens(reader, GOAL_TOKEN.finditer(body))
    if any(t.lastgroup == "score" for t in tokens):
        return _progress_goals(reader, match, tokens)
    sides = body.split(";")
    if len(sides) > 2:
        raise reader.fail("more than one ';' between home and away")
    teams: tuple[Team, ...] = (match.home, match.away)
    if len(sides) == 1:
        final = match.final_score
        if final is not None and final.home == 0 and final.away > 0:
            teams = (match.away,)
    goals = []
    for team, side in zip(teams, sides, strict=False):
        for name, minute, added, mark in _side_events(reader, side):
            with _located(reader):
                goals.append(
                    Goal(
                        minute,
                        team,
                        name,
                        added,
                        own_goal=mark in ("o.g.", "og", "o"),
                        penalty=mark in ("pen.", "pen", "p"),
                    )
                )
    return goals


_Event = tuple[str, int, int, str | None]


def _side_events(reader: _Reader, text: str) -> list[_Event]:
    """``Bas Dost 3', Bruno Fernandes 53', 63'`` into (player, minute, added, mark) per event."""
    if text.strip() in ("", "-"):
        return []
    events: list[_Event] = []
    words: list[str] = []
    name: str | None = None
    for token in _tokens(reader, GOAL_TOKEN.finditer(text)):
        kind = token.lastgroup
        if kind == "word":
            words.append(token.group(0))
        elif kind == "event":
            if words:
                name, words = _shared(reader, " ".join(words)), []
            if name is None:
                raise reader.fail("an event without a player name")
            minute = int(token["minute"])
            added = int(token["added"]) if token["added"] else 0
            events.append((name, minute, added, _mark(token["mark"])))
        elif kind == "sep":
            continue
        else:
            raise reader.fail(f"cannot read events at {token.group(0)!r}")
    if words or not events:
        raise reader.fail(f"cannot read events at {' '.join(words) or text.strip()!r}")
    return events


def _mark(text: str | None) -> str | None:
    if not text:
        return None
    mark = text.strip().strip("()")
    return {"p": "pen.", "pen": "pen.", "og": "o.g.", "o": "o.g."}.get(mark, mark)


def _progress_goals(reader: _Reader, match: Match, tokens: list[re.Match[str]]) -> list[Goal]:
    """``(1-0 Bonilla 42', 1-1 Rosas 52 o)`` or rsssf's ``(71' Puc 0-1  81' 1-1 Orsi)``: the
    score after each goal says whose it is."""
    goals: list[Goal] = []
    before = Score(0, 0)
    item: list[re.Match[str]] = []
    for token in tokens:
        kind = token.lastgroup
        starts_new = kind in ("score", "event") and _item_complete(item)
        if kind == "sep" or starts_new:
            if item:
                before = _progress_goal(reader, match, item, before, goals)
            item = []
        if kind != "sep":
            item.append(token)
    if item:
        _progress_goal(reader, match, item, before, goals)
    return goals


def _item_complete(item: list[re.Match[str]]) -> bool:
    return any(t.lastgroup == "score" for t in item) and any(t.lastgroup == "event" for t in item)


def _progress_goal(
    reader: _Reader,
    match: Match,
    item: list[re.Match[str]],
    before: Score,
    goals: list[Goal],
) -> Score:
    scores = [t for t in item if t.lastgroup == "score"]
    minutes = [t for t in item if t.lastgroup == "event"]
    words = [t.group(0) for t in item if t.lastgroup == "word"]
    if len(scores) != 1 or len(minutes) != 1:
        raise reader.fail("a goal in score order needs one score and one minute")
    home, away = (int(n) for n in re.split(r"[-–:]", scores[0].group(0)))
    if (home, away) == (before.home + 1, before.away):
        team = match.home
    elif (home, away) == (before.home, before.away + 1):
        team = match.away
    else:
        raise reader.fail(f"the score goes from {before} to {home}-{away} in one goal")
    minute = minutes[0]
    mark = _mark(minute["mark"])
    if minute["mark"] is None and words and words[-1] in ("o", "p", "(o.g.)", "(pen.)"):
        mark = _mark(words.pop())
    with _located(reader):
        goals.append(
            Goal(
                int(minute["minute"]),
                team,
                " ".join(words) or None,
                int(minute["added"] or 0),
                own_goal=mark == "o.g.",
                penalty=mark == "pen.",
            )
        )
    return Score(home, away)


@contextmanager
def _located(reader: _Reader) -> Iterator[None]:
    """Re-raise an error from a value built on this line with this line's file and number."""
    try:
        yield
    except (RuleError, ValueError) as error:
        raise _relocated(reader, error) from error


def _relocated(reader: _Reader, error: RuleError | ValueError) -> MatchdayError:
    """``error`` from a value built on this line, with this line's file and number."""
    if isinstance(error, RuleError):
        return type(error)(error.subject, error.problem, reader.ref())
    return reader.fail(str(error))


def _season(reader: _Reader) -> Season:
    rounds = {name: entry for name, entry in reader.rounds.items() if entry[1]}
    if not rounds:
        if reader.problems:
            raise reader.problems[0]
        raise ParseError(reader.file, reader.at[0], reader.at[1], "no match in the file")
    stages: dict[StageKind, list[Round]] = {}
    league = _numbered_rounds_of_a_league(rounds)
    if short := full_names(frozenset(reader.teams.values())):
        rounds = {n: (f, [_renamed(m, short) for m in ms]) for n, (f, ms) in rounds.items()}
    for name, (fmt, matches) in rounds.items():
        played_as = fmt if fmt is not None else _format_from_matches(matches)
        if name in league:
            played_as = RoundFormat.LEAGUE
        if played_as is RoundFormat.KNOCKOUT and fmt is None and _meets_several(matches):
            played_as = RoundFormat.GROUP
        # A numbered round ("Third Round") is a cup's round unless every team meets several
        # opponents in it: a league of its own (CONCACAF's qualifying "octagonal"). One team
        # written two ways in a cup's round stays an error to show, not a league.
        if played_as is RoundFormat.KNOCKOUT and _NUMBERED.fullmatch(name) and _a_league(matches):
            played_as = RoundFormat.GROUP
        kind = _stage_kind(played_as, qualifying=reader.qualifying)
        # a header naming a leg ("Round of 16, 1st leg"): two-legged, whatever the file holds yet
        legs = 2 if played_as is RoundFormat.KNOCKOUT and name in reader.two_legged else 0
        stages.setdefault(kind, []).append(Round(name, played_as, tuple(matches), legs))
    season = Season(
        competition=reader.competition or "unknown competition",
        name=reader.season or _season_from_dates(reader, rounds),
        stages=tuple(Stage(kind, tuple(rs)) for kind, rs in stages.items()),
        qualifying=reader.qualifying,
        source=reader.file,
    )
    _check_aggregates(reader)
    return season


def _renamed(match: Match, names: dict[Team, Team]) -> Match:
    """``match`` with its teams, and the teams of its goals and red cards, as ``names`` says."""
    home, away = names.get(match.home, match.home), names.get(match.away, match.away)
    if (home, away) == (match.home, match.away):
        return match
    goals = match.goals and tuple(
        dataclasses.replace(g, team=names.get(g.team, g.team)) for g in match.goals
    )
    cards = match.red_cards and tuple(
        dataclasses.replace(c, team=names.get(c.team, c.team)) for c in match.red_cards
    )
    return dataclasses.replace(match, home=home, away=away, goals=goals, red_cards=cards)


_NUMBERED = re.compile(r"(?:.*, )?Round \d{1,2}")


def _numbered_rounds_of_a_league(
    rounds: dict[str, tuple[RoundFormat | None, list[Match]]],
) -> set[str]:
    """The numbered rounds ("Round 1" ... "Round 22") of a league: in a cup two teams never
    meet in two numbered rounds, in a league they do."""
    numbered = {name for name in rounds if _NUMBERED.fullmatch(name)}
    seen: dict[frozenset[Team], str] = {}
    for name in numbered:
        for match in rounds[name][1]:
            pair = frozenset((match.home, match.away))
            if seen.setdefault(pair, name) != name:
                return numbered
    return set()


def _format_from_matches(matches: list[Match]) -> RoundFormat:
    """A round whose name does not say: groups when a team meets two opponents, else ties."""
    return RoundFormat.GROUP if _meets_several(matches) else RoundFormat.KNOCKOUT


def _a_league(matches: list[Match]) -> bool:
    """Whether every team of ``matches`` meets more than one opponent."""
    return all(len(teams) > 1 for teams in _opponents(matches).values())


def _meets_several(matches: list[Match]) -> bool:
    return any(len(teams) > 1 for teams in _opponents(matches).values())


def _opponents(matches: list[Match]) -> dict[Team, set[Team]]:
    opponents: dict[Team, set[Team]] = {}
    for match in matches:
        opponents.setdefault(match.home, set()).add(match.away)
        opponents.setdefault(match.away, set()).add(match.home)
    return opponents


def _check_aggregates(reader: _Reader) -> None:
    """An aggregate written beside a leg must be the one the legs of its round make."""
    goals: dict[tuple[str, frozenset[Team]], dict[Team, int]] = {}  # one pass, then lookups
    for name in {pending.round_name for pending in reader.aggregates}:
        for leg in reader.rounds[name][1]:
            if (final := leg.final_score) is not None:
                tally = goals.setdefault((name, frozenset((leg.home, leg.away))), {})
                tally[leg.home] = tally.get(leg.home, 0) + final.home
                tally[leg.away] = tally.get(leg.away, 0) + final.away
    for pending in reader.aggregates:
        match, written = pending.match, pending.aggregate
        assert written is not None
        tally = goals.get((pending.round_name, frozenset((match.home, match.away))), {})
        home, away = tally.get(match.home, 0), tally.get(match.away, 0)
        if (home, away) != (written.home, written.away):
            error = AggregateMismatchError(
                match.label,
                f"aggregate written {written}, but the legs make {home}-{away} "
                f"({match.home} first)",
                match.source,
            )
            if reader.problems is None:
                raise error
            reader.problems.append(error)
            if reader.left_out is not None:  # the tie goes: its legs or the note are wrong
                teams = frozenset((match.home.name, match.away.name))
                line, file = (match.source.line, match.source.file) if match.source else (0, "")
                reader.left_out.append(LeftOut(error, pending.round_name, teams, line, file))


def _stage_kind(fmt: RoundFormat, *, qualifying: bool) -> StageKind:
    if qualifying:
        return StageKind.QUALIFYING
    return {
        RoundFormat.GROUP: StageKind.GROUP_STAGE,
        RoundFormat.LEAGUE: StageKind.LEAGUE_PHASE,
        RoundFormat.KNOCKOUT: StageKind.KNOCKOUT,
    }[fmt]


def _season_from_dates(
    reader: _Reader, rounds: dict[str, tuple[RoundFormat | None, list[Match]]]
) -> str:
    """A season name from the first match date, for files without a year in the title: the
    calendar year for a tournament within one year, ``2017/18`` for one across the new year."""
    dates = [m.date for _, matches in rounds.values() for m in matches]
    first, last = min(dates), max(dates)
    if first.year == last.year:
        return str(first.year)
    return f"{first.year}/{last.year % 100:02d}"


def season_from_matches(
    title: str,
    file: str,
    matches: Iterable[tuple[str, Match | LeftOut]],
    *,
    problems: list[MatchdayError] | None = None,
    left_out: list[LeftOut] | None = None,
) -> Season:
    """A ``Season`` from matches read elsewhere (football.json), each with its round header as
    written: titles and round names are read exactly as in Football.TXT. A match left out
    (``LeftOut``) goes to ``left_out`` with the name of its round as read here."""
    reader = _Reader(file, problems)
    reader.at = (0, title)
    _heading(reader, "= " + title)
    current = None
    for header, match in matches:
        line = (
            match.line if isinstance(match, LeftOut) else match.source.line if match.source else 0
        )
        reader.at = (line, header)
        if header and header != current:
            _round(reader, "▪ " + header, free=True)
            current = header
        elif reader.current is None:
            reader.current = "Matches"
            reader.rounds.setdefault("Matches", (None, []))
        assert reader.current is not None
        if isinstance(match, LeftOut):
            if left_out is not None:
                left_out.append(dataclasses.replace(match, round=reader.current))
            continue
        name = _round_for(reader, match)
        if not reader.rounds[name][1]:
            reader.rounds[name] = reader.rounds.pop(name)
        reader.rounds[name][1].append(match)
    return _season(reader)
