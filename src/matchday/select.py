"""Finding rounds, teams and ties in a season by the names people use for them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import matchday.competitions as competitions
from matchday.errors import ConfigError
from matchday.io.footballtxt.vocabulary import canonical_round
from matchday.model import Round, Season, Team, Tie
from matchday.model.names import fold, suggestions

__all__ = ["did_you_mean", "find_round", "find_team", "find_tie", "fold"]


def did_you_mean(query: str, names: Iterable[str]) -> str:
    """``; did you mean A or B?`` with the names most like ``query``, or nothing."""
    found = suggestions(query, names)
    if not found:
        return ""
    listed = found[-1] if len(found) == 1 else f"{', '.join(found[:-1])} or {found[-1]}"
    return f"; did you mean {listed}?"


def find_round(season: Season, name: str) -> Round:
    """The round called ``name`` in any spelling the vocabulary knows ("Round of 32",
    "Sechzehntelfinale", "last 32"), or the one round of a stage so called ("Final" for a
    file's only "Conference League, Final"); ``ConfigError`` listing the rounds when there is
    none."""
    by_name = {fold(r.name): r for r in reversed(season.rounds)}
    qualifying = competitions.of(season.competition).numbered_rounds_qualify
    for target in _spellings(name, qualifying):
        if (found := by_name.get(fold(target))) is not None:
            return found
    for target in _spellings(name):  # "Final" for the one "Conference League, Final"
        staged = {r.name: r for r in season.rounds if fold(r.name).endswith(f", {fold(target)}")}
        if len(staged) == 1:
            return next(iter(staged.values()))
    names = [r.name for r in season.rounds]
    raise ConfigError(
        f"no round {name!r} in {season.source or 'this season'}{did_you_mean(name, names)}"
        f"; rounds: {', '.join(names)}"
    )


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

    An exact name wins over partial matches; no match, or several, is a ``ConfigError`` that
    lists the candidates.
    """
    wanted = fold(query.strip())
    if not wanted:
        raise ConfigError("an empty team name")
    exact = [t for t in teams if fold(t.name) == wanted]
    matches = exact or [t for t in teams if wanted in fold(t.name)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        hint = did_you_mean(query, (t.name for t in teams))
        raise ConfigError(f"no team matching {query!r}{hint}")
    names = ", ".join(sorted(t.name for t in matches))
    raise ConfigError(f"{query!r} is ambiguous: {names}")


def find_tie(
    season: Season, team_query: str, round_name: str | None = None, as_of: dt.date | None = None
) -> Tie:
    """The knockout tie of the team matching ``team_query``, in ``round_name`` if given.

    When the team plays ties in several rounds and no round is given, the ``ConfigError``
    lists those rounds. ``as_of``, without a round: only the ties known on that day count
    (``_known_on``), not a later round whose pairing waited on results still to come.
    """
    rounds = [find_round(season, round_name)] if round_name else list(season.rounds)
    ties = [tie for r in rounds for tie in r.ties()]
    teams = {team for tie in ties for team in tie.teams}
    if not teams:
        where = f"round {round_name!r}" if round_name else (season.source or "this season")
        raise ConfigError(f"no knockout ties in {where}")
    try:
        team = find_team(frozenset(teams), team_query)
    except ConfigError:
        _without_ties(season, rounds, team_query)
        raise
    found = [tie for tie in ties if team in tie.teams]
    if as_of is not None and round_name is None:
        known = [tie for tie in found if _known_on(tie, season, as_of)]
        if not known:
            raise ConfigError(
                f"on {as_of} no tie of {team} was known yet (their first, {found[0].label}, "
                "waited on results still to come); choose one with --round"
            )
        found = known
    named = list(dict.fromkeys(tie.round for tie in found))
    if len(named) > 1:
        listed = ", ".join(named)
        raise ConfigError(f"{team} play ties in several rounds ({listed}); choose one with --round")
    if len(found) > 1:  # a placeholder ("Winner EF") standing in two ties of one round
        rivals = ", ".join(str(tie.opponent(team)) for tie in found)
        raise ConfigError(f"{team} play {len(found)} ties in {named[0]} (against {rivals})")
    return found[0]


def _known_on(tie: Tie, season: Season, as_of: dt.date) -> bool:
    """Whether ``tie`` was known on ``as_of`` (results from that day on not yet in): a match of
    it was due before that day, or each of its teams had finished every tie of the rounds
    before it (its pairing waited on no result still to come)."""
    if any(match.date < as_of for match in tie.matches):
        return True
    order = {r.name: i for i, r in enumerate(season.rounds)}
    earlier = [
        t
        for t in season.ties()
        if order[t.round] < order[tie.round] and set(t.teams) & set(tie.teams)
    ]
    return all(m.played and m.date < as_of for t in earlier for m in t.matches)


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
