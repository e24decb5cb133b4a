"""The sentences of a tie's turns follow each other with a space, in every phrasing."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from matchday.io.footballtxt import parse
from matchday.report import display_names, roundup
from matchday.report.grammar import Grammar
from matchday.report.language import LANGUAGES
from matchday.report.render import _ENV

SEESAW = """= UEFA Europa League 2017/18

▪ Round of 32
  Thu Feb/15 2018
    Alpha FC (ENG) v Beta FC (ESP)  2-1
      (Smith 10', Jones 60'; Garcia 70')
  Thu Feb/22 2018
    Beta FC (ESP) v Alpha FC (ENG)  3-1
      (Garcia 20', Lopez 70', Ruiz 80'; Smith 50')
"""
"""Beta through on away goals from 20', Alpha from 50', extra time looming from 70', Beta
from 80': a tie that turned again and again."""


def _said(code: str, seed: int) -> str:
    told = roundup(parse(SEESAW, "seesaw.txt"), date=dt.date(2018, 2, 22))
    (story,) = told.stories
    assert len(story.turns) >= 3
    macros = _ENV.get_template(f"{code}/tie.j2").module
    lang = LANGUAGES[code]
    grammar = Grammar(lang, display_names(story.tie.teams, lang), seed=str(seed))
    return " ".join(str(macros.turns(story, grammar, told)).split())


@pytest.mark.parametrize("code", ["nl", "en"])
def test_turn_after_turn_keeps_a_space_between_sentences(code: str) -> None:
    """One phrasing ended its sentence with a block that ate the space before the next
    ("...voor de volgende ronde.Beta FC was ...")."""
    for seed in range(40):
        text = _said(code, seed)
        assert not re.search(r"[a-z)][.!?][A-Z]", text), text
