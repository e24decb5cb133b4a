"""Team names written short to fit a column, each with the one team of the file it stands for.

rsssf's and planetworldcup's fixed-width columns shorten long names two ways: cut with a full
stop ("Bosnia-Herzegov." for "Bosnia-Herzegovina"), word by word ("N. Ireland", "Centr.Afr. R."
for "Central African Republic"), and, for a name of two parts joined by "and", the second part
cut after a slash ("São Tomé/Pr." for "São Tomé & Príncipe", "St.
Kitts/N." for "Saint Kitts and Nevis"). A short name becomes a team of the file only when
exactly one team fits it; one that fits two teams or none stays as written (nothing is merged
by guess). Each short name is compared with a bounded number of names, so a file still
reads in linear time.
"""

from __future__ import annotations

import bisect
import re

from matchday.io.footballtxt.lexer import fold_word
from matchday.io.footballtxt.vocabulary import NAME_AND
from matchday.model import Team

__all__ = ["full_names"]


def full_names(teams: frozenset[Team]) -> dict[Team, Team]:
    """Each team of ``teams`` whose name is written short, with the team it stands for."""
    found = _cut_names(teams)
    found.update(_slash_names(teams, found))
    found.update(_abbreviated_names(teams, found))
    return found


_SEEN = 8
"""Names a short name is compared with at most: more names that could fit it is no one team."""


def _cut_names(teams: frozenset[Team]) -> dict[Team, Team]:
    """Names cut short with a full stop ("Bosnia-Herzegov." beside "Bosnia-Herzegovina" in one
    file), each with the one team of the file whose name it begins; a cut name that begins two
    teams' names stays as written. A cut of a cut ("Bosnia-Herzego.", "Bosnia-Herzegov.") goes
    where the longer one goes. Sorted names and a search per cut name keep it near linear."""
    listed = sorted((fold_word(team.name), team.country or "", team) for team in teams)
    keys = [(name, country) for name, country, _ in listed]
    cut = [team for team in teams if team.name.endswith(".") and len(team.name) > 5]
    found: dict[Team, Team] = {}
    for team in sorted(cut, key=_length, reverse=True):  # a shorter cut follows the longer
        stem, country = fold_word(team.name)[:-1], team.country or ""
        ends: set[Team] = set()
        start = bisect.bisect_left(keys, (stem, ""))
        for name, other_country, other in listed[start : start + _SEEN]:
            if not name.startswith(stem) or len(ends) > 1:
                break
            if other != team and other_country == country:
                ends.add(found.get(other, other))
        if len(ends) == 1 and not _beyond(listed, start + _SEEN, stem):
            found[team] = ends.pop()
    return found


def _beyond(listed: list[tuple[str, str, Team]], index: int, stem: str) -> bool:
    return index < len(listed) and listed[index][0].startswith(stem)


def _length(team: Team) -> int:
    return len(team.name)


_SLASHED = re.compile(r"([^/]+)/([^/]+)")
_WORD = re.compile(r"[^\s.]+\.?")
"""A word of a name, with its full stop when it has one ("St.Vincent" is "st." and "vincent")."""

_Parts = tuple[list[str], list[str]]


def _slash_names(teams: frozenset[Team], found: dict[Team, Team]) -> dict[Team, Team]:
    """Names of two parts written "X/Y." ("St. Kitts/N.", "Turks/Caicos"), each with the one
    team of the file named "X' and Y'" ("Saint Kitts and Nevis", "the" after "and" left aside)
    where X stands for X' word by word and Y's words begin Y'. Names are grouped by the
    initials both ways of writing keep (the country, the first letter of each word of X, the
    first of Y), so a slashed name is compared with the few names of its group, and with none
    when more than ``_SEEN`` share it. A cut name already placed (``found``) counts as the
    team it stands for."""
    joined: dict[tuple[str, str, str], list[tuple[_Parts, Team]]] = {}
    for team in teams:
        if (parts := _two_parts(fold_word(team.name))) is not None:
            joined.setdefault(_initials(team, parts), []).append((parts, team))
    placed: dict[Team, Team] = {}
    for team in teams:
        written = _SLASHED.fullmatch(fold_word(team.name))
        if team in found or written is None:
            continue
        short = (_WORD.findall(written[1]), _WORD.findall(written[2]))
        if not short[0] or not short[1]:
            continue
        fitting = joined.get(_initials(team, short), [])
        if len(fitting) > _SEEN:
            continue
        ends = {found.get(other, other) for parts, other in fitting if _fits(short, parts)}
        if len(ends) == 1:
            placed[team] = ends.pop()
    return placed


def _abbreviated_names(teams: frozenset[Team], found: dict[Team, Team]) -> dict[Team, Team]:
    """Names of two words or more with words cut or contracted ("N. Ireland", "Br. Virgin I."),
    each with the one team of the file whose name has as many words, each of which the short
    name's word stands for ("Northern Ireland", "British Virgin Islands"). Grouped by initials,
    as slashed names are, and compared with ``_SEEN`` names at most."""
    worded = {team: _WORD.findall(fold_word(team.name)) for team in teams}
    grouped: dict[tuple[str, str], list[Team]] = {}
    for team, words in worded.items():
        if words and "/" not in team.name:
            grouped.setdefault(_word_initials(team, words), []).append(team)
    placed: dict[Team, Team] = {}
    for team, words in worded.items():
        if team in found or len(words) < 2 or not any(w.endswith(".") for w in words):
            continue
        fitting = grouped.get(_word_initials(team, words), [])
        if "/" in team.name or len(fitting) > _SEEN:
            continue
        ends = {
            found.get(other, other)
            for other in fitting
            if other != team and all(map(_stands_for, words, worded[other]))
        }
        if len(ends) == 1:
            placed[team] = ends.pop()
    return placed


def _word_initials(team: Team, words: list[str]) -> tuple[str, str]:
    return team.country or "", "".join(word[0] for word in words)


def _two_parts(name: str) -> _Parts | None:
    """The words before and after the first "and" of a (folded) name without a slash."""
    if "/" in name or (joint := NAME_AND.search(name)) is None:
        return None
    first, second = _WORD.findall(name[: joint.start()]), _WORD.findall(name[joint.end() :])
    return (first, second) if first and second else None


def _initials(team: Team, parts: _Parts) -> tuple[str, str, str]:
    return team.country or "", "".join(word[0] for word in parts[0]), parts[1][0][0]


def _fits(short: _Parts, full: _Parts) -> bool:
    """Whether "X/Y." (``short``) stands for "X' and Y'" (``full``): X is X' word by word, and
    Y's words begin Y'."""
    (first, second), (full_first, full_second) = short, full
    return (
        len(first) == len(full_first)
        and len(second) <= len(full_second)
        and all(map(_stands_for, first, full_first))
        and all(map(_stands_for, second, full_second))
    )


_CONTRACTED = 4
"""A contraction keeps at least one letter in this many of its word ("St." of "Saint", "Mt." of
"Mount"); it also bounds the comparison by the length of the short word."""


def _stands_for(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` as written: the word itself; or, ending with a full stop,
    a cut of it ("Pr." of "Príncipe"), or its contraction, keeping its first and last letters
    and some between in order ("St." of "Saint")."""
    if short == word or not short.endswith("."):
        return short == word
    stem = short[:-1]
    if word.startswith(stem):
        return True
    return (
        len(stem) > 1
        and len(word) <= _CONTRACTED * len(stem)
        and stem[0] == word[0]
        and stem[-1] == word[-1]
        and _in_order(stem, word)
    )


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)
