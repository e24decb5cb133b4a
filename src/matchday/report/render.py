"""Writing a round-up: the story's plan of facts through the language's Jinja2 templates.

Templates live in ``templates/<language>/``: ``tie.j2`` has one macro per fact (named as the
``Fact``), plus ``heading``; ``roundup.j2`` has ``headline``, ``dateline``, ``opening`` and
``summary``. The layouts ``report.md.j2`` and ``report.html.j2`` are shared by all languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

import matchday.competitions as competitions
from matchday.model import Team
from matchday.report.document import Report, Section, Statement
from matchday.report.grammar import Grammar
from matchday.report.language import Language, display_names
from matchday.report.story import PROSE, RoundUp, TieStory

__all__ = ["write"]

_ENV = Environment(
    loader=PackageLoader("matchday.report", "templates"),
    undefined=StrictUndefined,
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:])")


_SENTENCE_START = re.compile(r"(\A|(?<![\s(]\w)(?<!\A\w)([.!?]) )(\w)")
"""A sentence's first letter: at the start, or after a full stop that ends no initial ("J. de
Jong")."""


def _tidy(text: str) -> str:
    """Template output as one line: runs of whitespace become one space, none before a comma."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(str(text).split()))


def _sentences(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with each sentence's first letter in upper case: a name said with its article
    may start one ("The Netherlands win ...", "De Sovjet-Unie won ...").

    A full stop of one of ``names`` ("Galatasaray S.K.", "Zenit St. Petersburg") ends no
    sentence, unless the template's own full stop follows it: then that one is dropped (no
    "S.K..") and the name's full stop ends the sentence.
    """
    dotted = sorted({name for name in names if "." in name}, key=len, reverse=True)
    kept: set[int] = set()  # offsets (in the result) of full stops that end no sentence
    if dotted:
        pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(name)}(?![\w-])" for name in dotted))
        parts: list[str] = []
        at = 0
        for found in pattern.finditer(text):
            if found.start() < at:
                continue
            parts.append(text[at : found.start()])
            offset = sum(map(len, parts))
            name = found.group(0)
            ends = name.endswith(".") and text.startswith(".", found.end())
            kept |= {offset + i for i, c in enumerate(name) if c in ".!?"}
            if ends:
                kept.discard(offset + len(name) - 1)
            parts.append(name)
            at = found.end() + (1 if ends else 0)
        parts.append(text[at:])
        text = "".join(parts)

    def upper(m: re.Match[str]) -> str:
        if m.group(2) and m.start(2) in kept:
            return m.group(0)
        return m.group(1) + m.group(3).upper()

    return _SENTENCE_START.sub(upper, text)


def _call(module: Any, macro: str, *args: object, names: Iterable[str] = ()) -> str:
    """A macro's words as sentences (every statement, headline and heading is); ``names``
    are the teams' names, whose full stops end no sentence."""
    return _sentences(_tidy(getattr(module, macro)(*args)), names)


def _words(module: Any, macro: str, *args: object) -> str:
    """A macro's words as they are, no sentence (a dateline: "wereldbeker · finale · ...")."""
    return _tidy(getattr(module, macro)(*args))


def _section(story: TieStory, tie_macros: Any, g: Grammar, roundup: RoundUp) -> Section:
    mine = g.for_tie(story.tie)
    known = tuple(g.names.values())
    said = [
        Statement(
            fact.value, _call(tie_macros, fact.value, story, mine, roundup, names=known), story.tie
        )
        for fact in story.facts
    ]
    prose = tuple(s for s, fact in zip(said, story.facts, strict=True) if fact in PROSE)
    lines = tuple(s for s, fact in zip(said, story.facts, strict=True) if fact not in PROSE)
    heading = _call(tie_macros, "heading", story, mine, roundup, names=known)
    return Section(story.tie, heading, prose, lines)


def _teams(roundup: RoundUp) -> set[Team]:
    return {team for story in roundup.stories for team in story.tie.teams}


def write(
    roundup: RoundUp,
    lang: Language,
    teams: AbstractSet[Team] | None = None,
    spellings: Mapping[Team, Sequence[str]] | None = None,
) -> Report:
    """The round-up written in ``lang``: headline, dateline, lead and a section per tie.

    ``teams`` are all the teams whose names must stay distinct (the season's); by default the
    round-up's own. ``spellings``: other names of the same clubs, as for ``display_names``.
    """
    qualifying = competitions.of(roundup.competition).numbered_rounds_qualify
    names = display_names(teams or _teams(roundup), lang, spellings)
    g = Grammar(lang, names, qualifying=qualifying)
    tie_macros = _ENV.get_template(f"{lang.code}/tie.j2").module
    night = _ENV.get_template(f"{lang.code}/roundup.j2").module
    lead_story = roundup.lead
    lead_g = g.for_tie(lead_story.tie, retelling=True)
    known = tuple(names.values())
    headline = _call(night, "headline", roundup, lead_story, lead_g, names=known)
    dateline = _words(night, "dateline", roundup, g)
    lead = (
        Statement(
            "opening",
            _call(night, "opening", roundup, lead_story, lead_g, names=known),
            lead_story.tie,
        ),
        *(
            Statement(
                fact.value,
                _call(tie_macros, fact.value, lead_story, lead_g, roundup, names=known),
                lead_story.tie,
            )
            for fact in lead_story.lead_facts
            if fact.value != roundup.angle(lead_story)  # the opening tells its angle already
        ),
        Statement("summary", _call(night, "summary", roundup, lead_story, g, names=known)),
        *(
            Statement("walkover", _call(night, "walkover", roundup, w, g, names=known), w.tie)
            for w in roundup.walkovers
        ),
    )
    sections = tuple(_section(story, tie_macros, g, roundup) for story in roundup.stories)
    parts: dict[str, Any] = {
        "headline": headline,
        "dateline": dateline,
        "lead": tuple(s for s in lead if s.text),
        "sections": sections,
        "lang": lang.code,
    }
    text = _ENV.get_template("report.md.j2").render(**parts).strip() + "\n"
    html = _ENV.get_template("report.html.j2").render(**parts).strip() + "\n"
    return Report(lang.code, headline, dateline, parts["lead"], sections, roundup, text, html)
