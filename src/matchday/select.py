"""Finding rounds, teams and ties in a season by the names people use for them."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping

import matchday.competitions as competitions
from matchday.errors import ConfigError, InvalidValueError, MatchdayError
from matchday.io.footballtxt.vocabulary import canonical_round, round_spellings
from matchday.model import Round, Season, Team, Tie
from matchday.model.names import fold, suggestions
from matchday.model.national_names import national_key, results_name

__all__ = [
    "did_you_mean",
    "find_round",
    "find_team",
    "find_tie",
    "fold",
    "known_as",
    "national_names",
]


def did_you_mean(query: str, names: Iterable[str]) -> str:
    """``; did you mean A or B?`` with the names most like ``query``, or nothing."""
    return _offered(suggestions(query, names))


def _offered(found: Iterable[str]) -> str:
    """``; did you mean A or B?`` for the names ``found``, or nothing without one."""
    names = list(found)
    if not names:
        return ""
    listed = names[-1] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"; did you mean {listed}?"


def _round_hint(name: str, rounds: Iterable[Round]) -> str:
    """``; did you mean Quarterfinals?`` with the rounds whose name, or a spelling of it the
    vocabulary knows ("kwartfinale"), is most like ``name`` ("Kwartfinal"), compared whole:
    every knockout round's name holds "final", which is no reason to offer the Final."""
    spelled: dict[str, str] = {}
    for round_ in rounds:
        for spelling in (round_.name, *round_spellings(round_.name)):
            spelled.setdefault(spelling, round_.name)
    return _offered(dict.fromkeys(spelled[s] for s in suggestions(name, spelled, whole=True)))


def find_round(season: Season, name: str) -> Round:
    """The round called ``name`` in any spelling the vocabulary knows ("Round of 32",
    "Sechzehntelfinale", "last 32"), or the one round of a stage so called ("Final" for a
    file's only "Conference League, Final"); ``ConfigError`` listing the rounds when there is
    none."""
    if not isinstance(name, str):
        raise InvalidValueError(f"a round's name must be a str, not {type(name).__name__}")
    by_name = {fold(r.name): r for r in reversed(season.rounds)}
    qualifying = competitions.of(season.competition).numbered_rounds_qualify
    for target in _spellings(name, qualifying):
        if (found := by_name.get(fold(target))) is not None:
            return found
    several: dict[str, None] = {}
    for target in _spellings(name):  # "Final" for the one "Conference League, Final"
        staged = {r.name: r for r in season.rounds if fold(r.name).endswith(f", {fold(target)}")}
        if len(staged) == 1:
            return next(iter(staged.values()))
        several.update(dict.fromkeys(staged))
    if several:  # "Round 23" of the championship and of the relegation group: no guess
        raise ConfigError(
            f"no round {name!r} in {season.source or 'this season'}: several stages have one "
            f"({'; '.join(several)}); give one of them"
        )
    if (same := _same_round(season, name)) is not None:
        return same
    # a round the vocabulary knows ("Round of 32", "Groep Z") is no misspelling of another
    hint = "" if canonical_round(name) is not None else _round_hint(name, season.rounds)
    raise ConfigError(
        f"no round {name!r} in {season.source or 'this season'}{hint}; rounds: "
        f"{_listed_rounds(season.rounds)}"
    )


LISTED_ROUNDS = 20
"""How many round names an error lists before it says how many more there are."""


def _listed_rounds(rounds: Iterable[Round]) -> str:
    """The rounds' names, each once, in order: separated by "; " where a name holds a comma
    ("Round 1, Replays" is one round), and the first ``LISTED_ROUNDS`` of a long list."""
    names = list(dict.fromkeys(r.name for r in rounds))
    separator = "; " if any(", " in n for n in names) else ", "
    shown = separator.join(names[:LISTED_ROUNDS])
    more = len(names) - LISTED_ROUNDS
    return f"{shown}{separator}... ({more} more)" if more > 0 else shown


_ROUND_OF = re.compile(r"Round of (\d{1,3})")
_ROUND_K = re.compile(r"Round (\d{1,2})")
_NAMED_BY_TEAMS = frozenset({"Quarterfinals", "Semifinals", "Final", "Third place"})
"""Rounds whose name says how many teams play them, as "Round of 16" does."""


def _same_round(season: Season, name: str) -> Round | None:
    """The round one source numbers and another names by its teams, when the season's knockout
    rounds come first and none of them is numbered or named alike: the World Cup 1938's "First
    round" (openfootball) is rsssf's "1/8 finals". "Round of 16" is the numbered round of 8
    ties (or the one other round so sized: 1934's "Preliminary round"); "Round 1" ("First
    round") is the first knockout round of one named "Round of N"."""
    wanted = canonical_round(name)
    rounds = [r for r in season.rounds if r.knockout and not r.name.endswith("Replays")]
    if (
        wanted is None
        or not rounds
        or len(rounds) != len([r for r in season.rounds if not r.name.endswith("Replays")])
    ):
        return None  # a group or league stage first: its rounds are counted otherwise
    if (of := _ROUND_OF.fullmatch(wanted.name)) is not None:
        sized = [
            r
            for r in rounds
            if r.name not in _NAMED_BY_TEAMS
            and not _ROUND_OF.fullmatch(r.name)
            and 2 * len(r.ties()) == int(of.group(1))
        ]
        return sized[0] if len(sized) == 1 else None
    if (k := _ROUND_K.fullmatch(wanted.name)) is not None and not any(
        _ROUND_K.fullmatch(r.name) for r in rounds
    ):
        index = int(k.group(1)) - 1
        if index < len(rounds) and _ROUND_OF.fullmatch(rounds[index].name):
            return rounds[index]
    return None


def _spellings(name: str, qualifying: bool = False) -> list[str]:
    """What a user's round name can stand for, most literal first: as written ("Europe (UEFA),
    Final", a stage's round in a file of several), its canonical round ("achtste finales":
    "Round of 16"), and a stage's round in any spelling ("Europe (UEFA), finale"). Where the
    competition's numbered rounds are qualifying rounds (``qualifying``), a numbered qualifying
    round is its numbered round too ("second qualifying round", "tweede voorronde": "Round 2"),
    as a report names it."""
    written = " ".join(name.split())
    found = [written]
    if (wanted := canonical_round(name)) is not None:
        found.append(wanted.name)
    head, comma, tail = written.rpartition(", ")
    if comma and (round_ := canonical_round(tail)) is not None:
        found.append(f"{head}, {round_.name}")
    if qualifying:
        found += [_QUALIFYING.sub(r"Round \1", n) for n in found if _QUALIFYING.search(n)]
    return found


_QUALIFYING = re.compile(r"\bPreliminary round (\d+)$")
"""The canonical name of a numbered qualifying round ("second qualifying round")."""


def find_team(teams: set[Team] | frozenset[Team], query: str) -> Team:
    """The one team whose name contains ``query`` (ignoring case and accents).

    An exact name wins, then another name of one team: a national team's common or FIFA name
    ("Holland"), the name a report's language gives a team ("Frankrijk", "Rode Ster
    Belgrado"); then partial matches. No match, or several, is a ``ConfigError`` that lists
    the candidates, or the names most like ``query``.
    """
    wanted = fold(query.strip())
    if not wanted:
        raise ConfigError("an empty team name")
    exact = [t for t in teams if fold(t.name) == wanted]
    others = _other_names(frozenset(teams)) if not exact else {}
    if not exact:
        asked = {_key(n) for n in (query, *known_as(query))}
        asked |= {_key(results_name(n)) for n in (query, *known_as(query))}
        exact = [t for t in teams if asked & {_key(n) for n in others[t]}]
    matches = exact or [t for t in teams if wanted in fold(t.name)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        hint = did_you_mean(query, {n for names in others.values() for n in names})
        raise ConfigError(f"no team matching {query!r}{hint}")
    names = ", ".join(sorted(t.name for t in matches))
    raise ConfigError(f"{query!r} is ambiguous: {names}")


def _key(name: str) -> str:
    """The form in which a typed name and a team's other name count as one: ``national_key``,
    with "&" read as "and" (Babel's "Trinidad & Tobago" is the data's Trinidad and Tobago)."""
    return national_key(name.replace("&", " and "))


def _other_names(teams: frozenset[Team]) -> dict[Team, list[str]]:
    """Each team's names: its own, the internationals' results' name for it ("Côte d'Ivoire":
    Ivory Coast), and the name each report language gives it (``display_names``)."""
    from matchday.report.language import LANGUAGES, display_names  # report imports select

    names = {team: [team.name, results_name(team.name)] for team in teams}
    for lang in LANGUAGES.values():
        for team, shown in display_names(teams, lang).items():
            names[team].append(shown)
    return {team: list(dict.fromkeys(found)) for team, found in names.items()}


@functools.cache
def national_names() -> Mapping[str, tuple[str, ...]]:
    """The names the report languages give national teams -> the English names they stand
    for (the data's, or Babel's): the one table the reports name national teams by
    (``Language.countries``: "Frankrijk" France, "Ivoorkust" Ivory Coast and Côte d'Ivoire),
    read backwards, Babel's "&" read as "and" ("Trinidad and Tobago", as the data writes it).
    A name that is its English name too ("Japan") is left out."""
    from matchday.report.language import LANGUAGES  # report imports select

    found: dict[str, list[str]] = {}
    for lang in LANGUAGES.values():
        for english, local in lang.countries.items():
            if _key(english) != _key(local):
                found.setdefault(local, []).append(english.replace(" & ", " and "))
    return {local: tuple(sorted(set(english))) for local, english in found.items()}


@functools.cache
def _national_by_key() -> Mapping[str, tuple[str, ...]]:
    by_key: dict[str, list[str]] = {}
    for local, english in national_names().items():
        by_key.setdefault(_key(local), []).extend(english)
    return {key: tuple(dict.fromkeys(english)) for key, english in by_key.items()}


def known_as(name: str) -> tuple[str, ...]:
    """The English names of the national team a report language calls ``name`` ("Frankrijk":
    France; "ivoorkust": Côte d'Ivoire, Ivory Coast), spelling compared as ``national_key``
    does; none for any other name."""
    return _national_by_key().get(_key(name), ())


def find_tie(
    season: Season, team_query: str, round_name: str | None = None, as_of: dt.date | None = None
) -> Tie:
    """The knockout tie of the team matching ``team_query``, in ``round_name`` if given.

    When the team plays ties in several rounds and no round is given, the ``ConfigError``
    lists those rounds. ``as_of``, without a round: only the ties known on that day count
    (``_waited_on``), not a later round whose pairing waited on results still to come; with a
    round, such a tie is a ``ConfigError`` (unless ``as_of`` is before the file's first match,
    whose teams and fixtures are then taken as the file has them).
    """
    rounds = [find_round(season, round_name)] if round_name else list(season.rounds)
    ties = [tie for r in rounds for tie in season.round_ties(r)]  # a replay is part of its tie
    teams = {team for tie in ties for team in tie.teams}
    if not teams:
        where = f"round {round_name!r}" if round_name else (season.source or "this season")
        raise ConfigError(f"no knockout ties in {where}")
    try:
        team = find_team(frozenset(teams), team_query)
    except ConfigError as unknown:
        _without_ties(season, rounds, team_query)
        if not competitions.of(season.competition).national_teams or "did you mean" in str(unknown):
            raise
        everyone = {t for m in season.matches for t in (m.home, m.away)}
        raise ConfigError(
            f"{unknown}: {team_query!r} is none of the {len(everyone)} teams of "
            f"{season.competition} {season.name} in {season.source or 'this file'}"
        ) from None
    found = [tie for tie in ties if team in tie.teams]
    if as_of is not None and round_name is None:
        known = [tie for tie in found if not _waited_on(tie, season, as_of)]
        if not known:
            if not _before_first_match(season, as_of):
                _refuse_unknown(found[0], team, season, as_of, asked=False)
            raise ConfigError(
                f"on {as_of} no tie of {team} was known yet (their first, in the "
                f"{found[0].round}, waited on results still to come); choose one with --round"
            )
        found = known
    named = list(dict.fromkeys(tie.round for tie in found))
    if len(named) > 1:
        listed = ", ".join(named)
        raise ConfigError(f"{team} play ties in several rounds ({listed}); choose one with --round")
    if len(found) > 1:  # a placeholder ("Winner EF") standing in two ties of one round
        rivals = ", ".join(str(tie.opponent(team)) for tie in found)
        raise ConfigError(f"{team} play {len(found)} ties in {named[0]} (against {rivals})")
    if as_of is not None and not _before_first_match(season, as_of):
        _refuse_unknown(found[0], team, season, as_of)
    return found[0]


def _before_first_match(season: Season, as_of: dt.date) -> bool:
    """Whether ``as_of`` is before every match of the file: its teams and fixtures are then
    taken as the file has them (with a note), as a World Cup's are before it starts."""
    return all(as_of <= match.date for match in season.matches)


def _refuse_unknown(
    tie: Tie, team: Team, season: Season, as_of: dt.date, asked: bool = True
) -> None:
    """A ``ConfigError`` when the pairing of ``team``'s ``tie`` was not known on ``as_of``: it
    waited on the results of the rounds named, still to come that day. Forecasting it (or
    naming the opponent) would state the real, later opponent as if it had been known.
    ``asked``: the tie's round was asked for (else it is the team's first tie)."""
    waited = _waited_on(tie, season, as_of)
    if not waited:
        return
    rounds = ", ".join(waited)
    unknown = (
        f"the pairing of {team}'s {tie.round} was not known yet: it waited on"
        if asked
        else f"no tie of {team} was known yet: their first, in the {tie.round}, waited on"
    )
    raise ConfigError(
        f"on {as_of} {unknown} results still to come ({rounds}); the forecast of the "
        f"competition as of that day (forecast without --tie) gives each team's chance to "
        f"reach the {tie.round}"
    )


def _waited_on(tie: Tie, season: Season, as_of: dt.date) -> list[str]:
    """The earlier rounds whose results, still to come on ``as_of`` (results from that day on
    not yet in), the pairing of ``tie`` waited on; none when it was known: a match of it was
    due before that day, or every earlier round a team of it played in was over (a group
    stage whose best thirds go on: every group, as any of them may decide who meets whom)."""
    if any(match.date < as_of for match in tie.matches):
        return []
    order = {r.name: i for i, r in enumerate(season.rounds)}
    sides = set(tie.teams)
    try:
        thirds = competitions.of(season.competition).format(season.start_year).best_placed
    except MatchdayError:  # a season name without a year: no format to ask
        thirds = None
    waited: list[str] = []
    for round_ in season.rounds:
        if order[round_.name] >= order[tie.round] or round_.name in waited:
            continue
        feeds = thirds is not None and not round_.knockout
        if not feeds and not any({m.home, m.away} & sides for m in round_.matches):
            continue
        if not all(m.played and m.date < as_of for m in round_.matches):
            waited.append(round_.name)
    return waited


def _without_ties(season: Season, rounds: list[Round], team_query: str) -> None:
    """Say so when the team is in the season but plays no tie (in the rounds asked about)."""
    rounds_of: dict[Team, list[str]] = {}
    for round_ in season.rounds:
        for match in round_.matches:
            for team in (match.home, match.away):
                names = rounds_of.setdefault(team, [])
                if round_.name not in names:
                    names.append(round_.name)
    try:
        team = find_team(frozenset(rounds_of), team_query)
    except ConfigError:
        return
    everywhere = f"{season.competition} {season.name}"
    where = ", ".join(r.name for r in rounds) if len(rounds) < len(season.rounds) else everywhere
    played = rounds_of[team]
    shown = ", ".join(played[:4]) + (", ..." if len(played) > 4 else "")
    raise ConfigError(f"{team} play no knockout tie in {where} (they play in {shown})")
