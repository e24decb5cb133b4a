"""The reasons of ``matchday check`` as sentences in the output's language.

A ``Reason`` (``matchday.check.reasons``) is a key and its values; ``templates/<language>/
reasons.j2`` has one macro per key, written with the report's grammar helper, so that teams
are named as that language's round-up names them ("Frankrijk", "Spartak Moskou") and a new
language is a new template, never a change to the judge. The same template holds the few
words around the verdicts (``verdict``, ``counts``, ...).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from babel.numbers import format_percent
from jinja2 import Environment, PackageLoader, StrictUndefined

from matchday.check.reasons import Reason
from matchday.errors import ConfigError
from matchday.model import Team
from matchday.report.grammar import Grammar
from matchday.report.language import Language, display_names

__all__ = ["Reasons"]

_ENV = Environment(
    loader=PackageLoader("matchday.report", "templates"),
    undefined=StrictUndefined,
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _tidy(text: str) -> str:
    """Template output as one line: runs of whitespace one space, none before punctuation or
    after an opening bracket."""
    one = " ".join(str(text).split())
    for mark in (",", ";", ":", ")", "."):
        one = one.replace(" " + mark, mark)
    return one.replace("( ", "(")


class _Names(Mapping[Team, str]):
    """The report's names, and for a team it does not list (a reason may name any team) the
    name the language gives it alone ("Argentinië")."""

    def __init__(self, lang: Language, names: Mapping[Team, str]) -> None:
        self.lang = lang
        self.names = dict(names)

    def __getitem__(self, team: Team) -> str:
        if team not in self.names:
            self.names[team] = display_names([team], self.lang)[team]
        return self.names[team]

    def __iter__(self) -> Iterator[Team]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class Reasons:
    """Tells reasons in one language, naming teams by ``names`` (the report's names); in a
    ``headline`` (``matchday live``'s "Netherlands through on penalties") teams go bare, with
    no article; ``by_round``: the facts are a round's (``--round``), not a night's, and the
    sentences say so ("in that round", not "that night")."""

    def __init__(
        self,
        lang: Language,
        names: Mapping[Team, str],
        *,
        headline: bool = False,
        by_round: bool = False,
    ) -> None:
        self.lang = lang
        self.by_round = by_round
        bare = replace(lang, articled=frozenset()) if headline else lang
        self.g = Grammar(bare, _Names(lang, names))
        self.macros: Any = _ENV.get_template(f"{lang.code}/reasons.j2").module

    def __call__(self, reason: Reason | None) -> str:
        """The sentence of ``reason`` ("" for none: a supported claim)."""
        if reason is None:
            return ""
        macro = getattr(self.macros, reason.key.value, None)
        if macro is None:
            raise ConfigError(f"no {self.lang.code} words for the reason {reason.key.value!r}")
        return _tidy(macro(reason.named, self.g, self))

    def line(self, reason: Reason) -> str:
        """The sentence of ``reason`` standing alone: its first letter in upper case."""
        return self.g.cap(self(reason))

    def word(self, macro: str, *args: object) -> str:
        """The words around the verdicts (``verdict``, ``counts``, ``checked``, ...)."""
        return _tidy(getattr(self.macros, macro)(*args))

    def tenths(self, chance: float) -> str:
        """A chance to a tenth of a percent, as the language writes it (``12.3%``,
        ``12,3%``)."""
        return format_percent(chance, "#,##0.0%", locale=self.lang.locale)

    def countries(self, names: Iterable[str]) -> list[str]:
        """National teams by their English names, as the language names them."""
        return [self.lang.countries.get(name, name) for name in names]
