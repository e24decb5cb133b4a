"""The small grammar helper the templates write with: names, numbers, plurals, dates, variety.

One ``Grammar`` per language and report; ``for_tie`` gives a copy seeded by a tie, so that the
phrasing chosen for each fact (``pick``) is fixed by the tie itself: the same report twice reads
the same, and sixteen ties do not all read alike.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterable, Mapping

from babel.dates import format_date, format_interval
from babel.lists import format_list
from babel.numbers import format_percent

from matchday.errors import InvalidValueError
from matchday.model import Goal, RedCard, Score, Team, Tie, clock_text
from matchday.report.language import Language
from matchday.report.story.tie import TieStory

__all__ = ["HALF_PERCENT", "Grammar", "TeamName"]

HALF_PERCENT = 0.005
"""Below this a chance prints as 0% (in whole percents)."""


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
"""A word, with its hyphenated or apostrophed parts ("O'NEILL", "Heung-Min")."""


def _normal_case(word: str) -> str:
    """A word in capitals of two letters or more (a family name as openfootball's more/ files
    write it) in normal case, each part after a hyphen or apostrophe capitalised ("O'NEILL" is
    "O'Neill"); any other word as it is ("J.", "Mbappé", "McDonald")."""
    if not word.isupper() or sum(c.isalpha() for c in word) < 2:
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), word)


class TeamName(str):
    """A team's name as running text writes it, knowing whether it takes a plural verb."""

    plural: bool

    def __new__(cls, text: str, *, plural: bool = False) -> TeamName:
        made = super().__new__(cls, text)
        made.plural = plural
        return made


class Grammar:
    """Wording helpers bound to a language, the teams' display names and a seed."""

    def __init__(
        self,
        lang: Language,
        names: Mapping[Team, str],
        seed: str = "",
        shift: int = 0,
        qualifying: bool = False,
    ) -> None:
        self.lang = lang
        self.names = names
        self.seed = seed
        self.shift = shift
        self.qualifying = qualifying
        """Whether the competition's numbered rounds ("Round 2") are qualifying rounds."""

    def for_tie(self, tie: Tie, *, retelling: bool = False) -> Grammar:
        """The same helper, its choices seeded by ``tie``; a ``retelling`` (the lead, telling
        again what the tie's section tells) picks the next phrasing of each fact instead."""
        seed = f"{tie.team1.name}|{tie.team2.name}|{tie.round}"
        return Grammar(self.lang, self.names, seed, 1 if retelling else 0, self.qualifying)

    def pick(self, fact: str, options: int) -> int:
        """A phrasing for ``fact`` among ``options``, fixed by the seed (stable across runs)."""
        return (zlib.crc32(f"{self.seed}|{fact}".encode()) + self.shift) % options

    def team(self, team: Team | None) -> str:
        """The name readers know the team by, as running text writes it: with the article
        some countries take ("the Netherlands", "de Sovjet-Unie"; a sentence's first letter is
        made upper case when the report is written)."""
        name = self.name(team)
        said = f"{self.lang.article} {name}" if name in self.lang.articled else name
        return TeamName(said, plural=name in self.lang.plural_names)

    def v(self, subject: str, verb: str) -> str:
        """``verb`` agreeing with ``subject``, a team as ``team`` names it: "is" after
        "Nederland", "zijn" after "de Verenigde Staten"."""
        plural = isinstance(subject, TeamName) and subject.plural
        return self.lang.plural_verbs.get(verb, verb) if plural else verb

    def name(self, team: Team | None) -> str:
        """The name readers know the team by, bare, as a score line or a list of goals
        writes it ("Netherlands 2-1 Brazil")."""
        if team is None:
            raise InvalidValueError("no team to name")
        return self.names.get(team, team.name)

    def possessive(self, team: Team | None) -> str:
        """The team's name in the English possessive: "Arsenal's", "Östersunds'"."""
        name = self.team(team)
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    def word(self, number: int) -> str:
        """A small number in words ("twee"), figures beyond twelve."""
        return self.lang.number_word(number)

    def count(self, number: int, one: str, many: str) -> str:
        """``number`` of a thing, agreeing in number: "één doelpunt", "twee doelpunten"."""
        amount = self.lang.words["no"] if number == 0 else self.word(number)
        return f"{amount} {one if number == 1 else many}"

    def plural(self, number: int, one: str, many: str) -> str:
        """The singular or the plural form for ``number`` (verbs, nouns)."""
        return one if number == 1 else many

    def ordinal(self, number: int) -> str:
        """``83e`` / ``83rd``."""
        return self.lang.ordinal(number)

    def nth(self, event: Goal | RedCard) -> str:
        """The minute of an event as an ordinal: ``83e`` / ``83rd``; in added time as the
        language says it: ``90+4e``, "fourth minute of stoppage time" (a phrase that names
        the minute itself: "until the fourth minute of stoppage time")."""
        if event.added:
            said = self.lang.added_time.get(event.minute)
            if said is None:
                return f"{event.minute}+{self.lang.ordinal(event.added)}"
            words = self.lang.added_ordinals
            n = words[event.added - 1] if event.added <= len(words) else None
            return said.format(n=n or self.lang.ordinal(event.added))
        return self.lang.ordinal(event.minute)

    def minute(self, event: Goal | RedCard) -> str:
        """The minute of an event as running text names it after "the": "83rd minute",
        "11th minute of stoppage time"; "83e minuut", "90+11e minuut"."""
        if event.added and event.minute in self.lang.added_time:
            return self.nth(event)
        return f"{self.nth(event)} {self.lang.words['minute']}"

    def between(self, first: Goal | RedCard, last: Goal | RedCard, joiner: str) -> str:
        """Two minutes joined as running text names a span after "the": "11e tot de 83e
        minuut" ("minuut" said once, at the end), or, where the first is a minute of added time
        said in words, "eerste minuut van de blessuretijd van de eerste verlenging tot de
        117e"."""
        if first.added and first.minute in self.lang.added_time:
            return f"{self.minute(first)} {joiner} {self.nth(last)}"
        return f"{self.nth(first)} {joiner} {self.minute(last)}"

    def clock(self, event: Goal | RedCard) -> str:
        """The minute of a goal or a card as match reports write it: ``83'``, ``90+4'``."""
        return clock_text(event.minute, event.added)

    def score(self, score: Score | None) -> str:
        """A match score, home side first: ``1-2``."""
        if score is None:
            raise InvalidValueError("no score to write")
        return f"{score.home}-{score.away}"

    def pair(self, goals: tuple[int, int]) -> str:
        """Two counts as a score, in the order given (a winner's view: ``4-3``)."""
        return f"{goals[0]}-{goals[1]}"

    def percent(self, chance: float) -> str:
        """A probability as a percentage in the language's style (``18%``)."""
        return format_percent(chance, locale=self.lang.locale)

    def below_half(self, chance: float) -> bool:
        """Whether ``chance`` prints below 50%: one that prints as 50% is not told as the
        weaker side's ("less likely than not: 50%" would contradict itself)."""
        return chance < 0.5 and self.percent(chance) != self.percent(0.5)

    def chance(self, chance: float) -> str:
        """A chance in prose: ``18%``; "minder dan 1%" / "less than 1%" (and "more than 99%")
        for a chance that is neither nil nor certain but would print as 0% or 100%."""
        if 0 < chance < HALF_PERCENT:
            return self.lang.words["below"].format(self.percent(0.01))
        if 1 - HALF_PERCENT <= chance < 1:
            return self.lang.words["above"].format(self.percent(0.99))
        return self.percent(chance)

    def only(self, chance: float) -> str:
        """A small chance stressed: "nog maar 18%" / "only 18%"; "nog geen 1%" below 1%."""
        if 0 < chance < HALF_PERCENT:
            return self.lang.words["only_below"].format(self.percent(0.01))
        return self.lang.words["only"].format(self.chance(chance))

    def date(self, day: dt.date, pattern: str = "EEEE d MMMM y") -> str:
        """A date in words: "donderdag 22 februari 2018"."""
        return format_date(day, pattern, locale=self.lang.locale)

    def dates(self, first: dt.date, last: dt.date) -> str:
        """One date, or the span from ``first`` to ``last``: in words where the language
        says it so ("3 tot 6 december 2022", as Flemish papers write it), else as the locale
        abbreviates it ("3–6 Dec 2022")."""
        if first == last:
            return self.date(first)
        to = self.lang.words.get("date_to")
        if to is None:
            return format_interval(first, last, "yMMMd", locale=self.lang.locale)
        start = "d" if (first.year, first.month) == (last.year, last.month) else "d MMMM"
        start += "" if first.year == last.year else " y"
        return f"{self.date(first, start)} {to} {self.date(last, 'd MMMM y')}"

    def join(self, items: Iterable[str]) -> str:
        """A list in prose: "A, B en C"."""
        return format_list(list(items), locale=self.lang.locale)

    def teams(self, teams: Iterable[Team]) -> str:
        """Teams listed in prose by the names readers know: "Arsenal, Lazio en Napoli"."""
        return self.join(self.team(team) for team in teams)

    def rounds(self, names: Iterable[str]) -> str:
        """Rounds listed in prose."""
        return self.join(self.round(name) for name in names)

    def round(self, canonical: str | None) -> str:
        """A round as readers say it; ``None`` is the next round, unnamed."""
        return self.lang.round_name(canonical, self.qualifying)

    def competition(self, name: str) -> str:
        """The competition as readers say it: "Europa League" for "UEFA Europa League"."""
        return self.lang.competition_name(name)

    def the_competition(self, name: str) -> str:
        """The competition with its article, as running text names it: "het EK"."""
        return self.lang.the_competition(name)

    def won(self, name: str, story: TieStory) -> str:
        """What the winner of ``story`` wins, with its article: the competition ("het EK"), or
        its play-off where the final is a play-off's after a league ("the play-off of the
        Österr. Bundesliga")."""
        said = self.the_competition(name)
        return self.lang.play_off.format(said) if story.play_off_final else said

    def player(self, name: str) -> str:
        """A player's name as a paper prints it: a family name the data writes in capitals
        ("Laurent BLANC", "AHN Jung Hwan", "Kevin DE BRUYNE") in normal case ("Laurent Blanc",
        "Ahn Jung Hwan", "Kevin De Bruyne"). Only here, at the report's edge: the data keeps
        its capitals (``matchday check`` finds family names by them)."""
        return _WORD.sub(lambda m: _normal_case(m.group(0)), name)

    def cap(self, text: str) -> str:
        """``text`` with its first letter in upper case (sentence starts)."""
        return text[:1].upper() + text[1:]
