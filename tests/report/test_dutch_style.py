"""Dutch as a Flemish sports desk writes it: plural country names take a plural verb, a
defeat's score in match order, one sentence for the spells a match was level, the minutes of
extra time's added time in words, a span of days written out, no plain equaliser told as a
comeback."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import matchday
from matchday.model import Season, Team
from matchday.report import report
from matchday.report.grammar import Grammar
from matchday.report.language import EN, NL
from tests.conftest import OPENFOOTBALL

WORLD_CUP = OPENFOOTBALL / "worldcup"
USA, NETHERLANDS = Team("USA"), Team("Netherlands")


def _cup(folder: str) -> Season:
    path = WORLD_CUP / folder
    if not path.exists():
        pytest.skip(f"no World Cup data at {path}")
    return matchday.load(path)


def _nl(teams: tuple[Team, ...] = (USA, NETHERLANDS)) -> Grammar:
    return Grammar(NL, {t: NL.countries.get(t.name, t.name) for t in teams})


def test_a_plural_country_takes_a_plural_verb() -> None:
    g = _nl()
    usa, netherlands = g.team(USA), g.team(NETHERLANDS)
    assert f"{usa} {g.v(usa, 'is')}" == "de Verenigde Staten zijn"
    assert f"{netherlands} {g.v(netherlands, 'is')}" == "Nederland is"
    assert g.v(usa, "ging") == "gingen"


def test_the_united_states_are_out_in_the_dutch_report() -> None:
    written = report(_cup("2022--qatar"), date=dt.date(2022, 12, 3), lang="nl").text
    assert "Verenigde Staten zijn uitgeschakeld" in written
    assert "Verenigde Staten is " not in written


def test_a_span_of_days_is_written_out_in_dutch() -> None:
    g = _nl()
    assert g.dates(dt.date(2022, 12, 3), dt.date(2022, 12, 6)) == "3 tot 6 december 2022"
    assert g.dates(dt.date(2022, 11, 29), dt.date(2022, 12, 2)) == (
        "29 november tot 2 december 2022"
    )
    assert Grammar(EN, {}).dates(dt.date(2022, 12, 3), dt.date(2022, 12, 6)) == ("3–6 Dec 2022")


def test_the_spells_level_are_told_in_one_sentence() -> None:
    """Brazil 6-5 Poland (1938): level three times, one sentence, in each language."""
    season = _cup("1938--france")
    for lang, level in (("nl", r"stond het gelijk|Het stond gelijk"), ("en", r"\blevel\b")):
        written = report(season, date=dt.date(1938, 6, 5), lang=lang)
        section = written.sections[0].paragraph
        assert len(re.findall(level, section)) == 1, section


def test_added_time_of_extra_time_is_said_in_words() -> None:
    written = report(_cup("2022--qatar"), date=dt.date(2022, 12, 9), lang="nl").text
    assert "105+1e" not in written
    assert "eerste minuut van de blessuretijd van de eerste verlenging" in written


def test_a_defeat_is_told_with_the_score_in_match_order() -> None:
    """Under "Brazilië - Duitsland 1-7" no "met 7-1 onderuit"."""
    written = report(_cup("2014--brazil"), date=dt.date(2014, 7, 8), lang="nl").text
    assert "met 7-1 onderuit" not in written
    assert "Brazilië ging met 1-7 onderuit" in written or "onderuit" not in written


def test_a_plain_equaliser_is_no_comeback() -> None:
    """1982 semi: France's 1-1 from 1-0 down is an equaliser; West Germany's 3-3 from 3-1
    down is the comeback."""
    path = WORLD_CUP / "more" / "1982.txt"
    if not path.exists():
        pytest.skip(f"no World Cup data at {path}")
    written = report(matchday.load(path), date=dt.date(1982, 7, 8), lang="en").text
    assert "France came back" not in written
    assert "West Germany came back" in written or "West Germany fought back" in written
