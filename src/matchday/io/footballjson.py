"""Read openfootball's ``football.json`` files: league files into results, and any file
(``uefa.cl.json`` too) into a ``Season`` as a SOURCE.

A file holds one season: ``{"name": ..., "matches": [{"round": "Finals, Final", "date":
"2017-08-11", "time": "20:45", "team1": "Arsenal FC", "team2": "Leicester City", "score":
{"ht": [1, 0], "ft": [4, 3], "et": [5, 3], "p": [4, 2]}}, ...]}``. The shape is checked by
pydantic; every error names the file and the JSON pointer of the value (``/matches/3/score``).
For league and cup files the country comes from the file name's prefix (``de.cup.json``:
German clubs, so that their ratings are found), and in league files matches without a
full-time score (not played yet) are left out. As a SOURCE, a round name the vocabulary does
not know is kept as written (football.json's round names are free text), and a fixture not
played yet between two teams not known yet (``N.N. v N.N.``) is no match: it is passed over.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Mapping
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from matchday.errors import MatchdayError, ParseError, RuleError
from matchday.forecast.results import Result
from matchday.io.footballtxt import LeftOut, season_from_matches
from matchday.io.footballtxt.parser import collector_paused
from matchday.model import Match, Score, Season, Team
from matchday.source import SourceRef

__all__ = [
    "DOMESTIC_FILE",
    "LEAGUE_FILE",
    "PREFIX_COUNTRIES",
    "domestic_country",
    "parse_league",
    "parse_season",
]

PREFIX_COUNTRIES: Mapping[str, str] = MappingProxyType(
    {
        "en": "ENG", "de": "GER", "es": "ESP", "it": "ITA", "fr": "FRA", "at": "AUT",
        "nl": "NED", "pt": "POR", "sco": "SCO", "tr": "TUR", "be": "BEL", "gr": "GRE",
        "ch": "SUI", "ru": "RUS", "hu": "HUN", "cz": "CZE",
    }
)  # fmt: skip
"""football.json file prefix -> the UEFA country code the Football.TXT files use. Only European
leagues: leagues elsewhere never meet these clubs, so they cannot be linked to them."""

LEAGUE_FILE = re.compile(r"^(?P<prefix>[a-z]+)\.(?P<level>\d)\.json$")
"""A league file name (``en.1.json``, ``de.2.json``); cups (``de.cup.json``) do not match."""

DOMESTIC_FILE = re.compile(r"^(?P<prefix>[a-z]+)\.(?:\d|cup)\.json$")
"""A file of one country's league or cup (``de.1.json``, ``de.cup.json``)."""


def domestic_country(file: str) -> str | None:
    """The country whose league or cup a file holds, from its name's prefix (``de.cup.json``:
    ``GER``), or ``None`` for any other file: its teams play for that country's clubs."""
    found = DOMESTIC_FILE.match(re.split(r"[\\/]", file)[-1])
    return PREFIX_COUNTRIES.get(found.group("prefix")) if found else None


def parse_league(text: str, file: str, country: str) -> tuple[Result, ...]:
    """The played matches of one league file, teams named as written, with ``country``."""
    try:
        data = json.loads(text)
        matches = data["matches"]
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        line = err.lineno if isinstance(err, json.JSONDecodeError) else 1
        raise ParseError(file, line, text[:60], f"not a football.json league file ({err})") from err
    results = []
    for number, match in enumerate(matches, start=1):
        try:
            full_time = (match.get("score") or {}).get("ft")
            if not full_time:
                continue
            results.append(
                Result(
                    dt.date.fromisoformat(match["date"]),
                    Team(match["team1"], country),
                    Team(match["team2"], country),
                    int(full_time[0]),
                    int(full_time[1]),
                )
            )
        except (KeyError, TypeError, ValueError, IndexError) as err:
            raise ParseError(
                file, number, str(match)[:80], f"match {number}: {err}",
                pointer=f"/matches/{number - 1}",
            ) from err  # fmt: skip
    return tuple(results)


_Pair = tuple[int, int]


class _Score(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ht: _Pair | None = None
    ft: _Pair | None = None
    et: _Pair | None = None
    p: _Pair | None = None


class _Match(BaseModel):
    model_config = ConfigDict(extra="ignore")
    round: str = ""
    date: dt.date
    time: str | None = None
    team1: str = Field(min_length=1)
    team2: str = Field(min_length=1)
    score: _Score = _Score()
    group: str | None = None
    stage: str | None = None

    @property
    def header(self) -> str:
        """The round as Football.TXT would head it: the file's ``stage`` before the round
        ("Playoffs - Relegation, Matchday 23", "Europa League Finals, Final"), the stage alone
        where a match names no round, and the round alone in a league's regular season."""
        round_ = self.round or (self.group or "")
        stage = (self.stage or "").strip()
        if not stage or stage.casefold() in _REGULAR_SEASON:
            return round_
        return f"{stage}, {round_}" if round_ else stage


_REGULAR_SEASON = frozenset({"regular", "regular season", "league", "grunddurchgang"})
"""Stage names of a league's season proper: its rounds need no stage before them."""


class _File(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str = Field(min_length=1)
    matches: list[_Match]


_CODE = re.compile(r"\s+\(([A-Za-z]{3})\)\Z")


@functools.lru_cache(maxsize=8192)
def _team(text: str, country: str | None = None) -> Team:
    """A team as written ("Arsenal FC (ENG)"), of ``country`` unless it gives its own code."""
    found = _CODE.search(text)
    if found is None:
        return Team(text.strip(), country)
    return Team(text[: found.start()].strip(), found.group(1).upper())


def parse_season(
    text: str,
    file: str,
    *,
    problems: list[MatchdayError] | None = None,
    left_out: list[LeftOut] | None = None,
) -> Season:
    """A football.json file as a ``Season``, rounds named as in Football.TXT. With a
    ``problems`` list, matches that break the rules are added to it and left out (and, with a
    ``left_out`` list, their teams kept there)."""
    with collector_paused():
        return _parse_season(text, file, problems, left_out)


def _parse_season(
    text: str,
    file: str,
    problems: list[MatchdayError] | None,
    left_out: list[LeftOut] | None,
) -> Season:
    try:
        data = _File.model_validate_json(text)
    except ValidationError as err:
        raise _unreadable(file, text, err) from None
    entries: list[tuple[str, Match | LeftOut]] = []
    country = domestic_country(file)
    headers = _stage_rounds(data.matches)
    for number, match in enumerate(data.matches):
        pointer = f"/matches/{number}"
        if _teams_not_known_yet(match):
            continue
        header = headers.get(number, match.header)
        try:
            entries.append((header, _match(match, file, number, country)))
        except (RuleError, ValueError) as err:
            problem = err.problem if isinstance(err, RuleError) else str(err)
            error = ParseError(
                file, number + 1, f"{match.team1} v {match.team2}", problem, pointer=pointer
            )
            if problems is None:
                raise error from None
            problems.append(error)
            teams = frozenset((_team(match.team1).name, _team(match.team2).name))
            entries.append((header, LeftOut(error, None, teams, number + 1, file)))
    return season_from_matches(data.name, file, entries, problems=problems, left_out=left_out)


_MATCH_POINTER = re.compile(r"/matches/(\d+)(?:/|\Z)")
_DECODER_PLACE = re.compile(r"\bat line (\d+) column (\d+)")


def _json_line(pointer: str) -> int:
    """The ``line`` of an error about the value at ``pointer`` of a football.json file, as
    ``SourceRef`` counts it: the number of the match it is in, from 1 (``/matches/0/score``:
    1), as a match read from the file has it; 0 for a value in no match (``/name``)."""
    found = _MATCH_POINTER.match(pointer)
    return int(found.group(1)) + 1 if found else 0


def _unreadable(file: str, text: str, err: ValidationError) -> ParseError:
    """The ``ParseError`` of a football.json file that pydantic cannot read: at the JSON
    pointer of the first value at fault, or, for text that is no JSON at all (a file cut
    short), at the line the JSON decoder stopped at, its message keeping the column."""
    first = err.errors()[0]
    place = _DECODER_PLACE.search(first["msg"]) if first["type"] == "json_invalid" else None
    if place is not None:
        line = int(place.group(1))
        column = int(place.group(2))
        lines = text.splitlines() or [""]
        shown = lines[min(line, len(lines)) - 1][max(column - 80, 0) : column]
        return ParseError(file, line, shown, first["msg"])
    pointer = "/" + "/".join(str(part) for part in first["loc"])
    shown = str(first.get("input", ""))[:80]
    return ParseError(file, _json_line(pointer), shown, first["msg"], pointer=pointer)


_BY_TIES = MappingProxyType({1: "Final", 2: "Semifinals", 4: "Quarterfinals", 8: "Round of 16"})
"""A knockout round named by its number of ties, counted back from the final."""


def _stage_rounds(matches: list[_Match]) -> dict[int, str]:
    """Round headers for the matches of a stage that names no rounds (the Championship's
    "Playoffs": two-legged semi-finals and the final, five matches with ``stage`` alone).

    A team plays one tie per knockout round, so a pair of teams meeting for the first time
    where one of them has met someone else already plays a later round than that meeting;
    rounds so read from who plays whom, in the file's order, are named by their number of
    ties counted back from a final of one tie ("Playoffs, Semifinals", "Playoffs, Final"), or
    numbered ("Playoffs, Round 2"). A stage whose matches are no knockout (a team meeting two
    teams in one round) keeps the stage as its one round: nothing is guessed.
    """
    stages: dict[str, list[int]] = {}
    for number, match in enumerate(matches):
        if not match.round and not match.group and match.header:
            stages.setdefault(match.header, []).append(number)
    headers: dict[int, str] = {}
    for stage, numbers in stages.items():
        round_of: dict[frozenset[str], int] = {}
        last: dict[str, frozenset[str]] = {}
        for number in numbers:
            match = matches[number]
            pair = frozenset((match.team1.strip(), match.team2.strip()))
            if pair not in round_of:
                met = [round_of[last[team]] for team in pair if team in last]
                round_of[pair] = 1 + max(met, default=0)
            last.update(dict.fromkeys(pair, pair))
        rounds: list[list[frozenset[str]]] = [[] for _ in range(max(round_of.values(), default=0))]
        for pair, n in round_of.items():  # one pass: a chain of thousands of pairs stays linear
            rounds[n - 1].append(pair)
        if not _knockout(rounds):
            continue
        ties = [len(pairs) for pairs in rounds]
        named = ties[-1:] == [1] and all(
            earlier == 2 * later for earlier, later in itertools.pairwise(ties)
        )
        for number in numbers:
            match = matches[number]
            n = round_of[frozenset((match.team1.strip(), match.team2.strip()))]
            name = _BY_TIES.get(ties[n - 1]) if named else None
            headers[number] = f"{stage}, {name or f'Round {n}'}"
    return headers


def _knockout(rounds: list[list[frozenset[str]]]) -> bool:
    """Whether pairs of teams by round make a knockout: no team in two ties of a round, and
    everyone in a later round came on from the round before, one team from each tie."""
    before: dict[str, int] = {}  # team -> its tie in the round before
    for number, pairs in enumerate(rounds):
        now = {team: index for index, pair in enumerate(pairs) for team in pair}
        if len(now) != 2 * len(pairs):
            return False  # a team in two ties of the round
        if number:
            came = [before.get(team) for team in now]
            if None in came or len(set(came)) != len(came):
                return False
        before = now
    return True


_NOT_KNOWN = frozenset({"n.n.", "n.n", "nn", "tbd", "tba"})
"""How a fixture names a team not known yet."""


def _teams_not_known_yet(match: _Match) -> bool:
    """A fixture not played yet whose teams are both still to be decided."""
    score = match.score
    unplayed = score.ft is None and score.et is None and score.p is None
    known = (match.team1.strip().casefold(), match.team2.strip().casefold())
    return unplayed and all(team in _NOT_KNOWN for team in known)


def _score(pair: _Pair | None) -> Score | None:
    return None if pair is None else _pair_score(*pair)


@functools.lru_cache(maxsize=1024)
def _pair_score(home: int, away: int) -> Score:
    return Score(home, away)


def _match(match: _Match, file: str, number: int, country: str | None = None) -> Match:
    score = match.score
    kickoff = None
    if match.time:  # "20:45", "9:30", "18.45", "20:45 UTC+2"
        hour, _, minute = match.time.split()[0].replace(".", ":").partition(":")
        kickoff = dt.time(int(hour), int(minute[:2]))
    return Match(
        date=match.date,
        home=_team(match.team1, country),
        away=_team(match.team2, country),
        score=_score(score.ft),
        kickoff=kickoff,
        half_time=_score(score.ht),
        extra_time=_score(score.et),
        penalties=_score(score.p),
        source=SourceRef(file, number + 1, f"/matches/{number}"),
    )
