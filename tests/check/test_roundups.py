"""Every round-up ``matchday report`` writes passes ``matchday check``: every claim the check
finds in it is supported by the data, none is contradicted or left unchecked.

Both languages, every night and every round of the bundled Europa League 2017-18 (with the
forecasts, as the command writes them), and real openfootball rounds with extra time and
penalties. Each test prints how many claims it checked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import matchday
from matchday import competitions
from matchday.check import Claim, Kind, Verdict, check
from matchday.cli.check import night_of, reasons_for
from matchday.io.load import load_with_problems
from matchday.model import Season
from matchday.report import night_rules, report
from matchday.rules import Rules
from tests.conftest import OPENFOOTBALL
from tests.report.test_render import DOTTED

LANGS = ("nl", "en")
BUNDLED = matchday.load("europa-league-2017-18")
NIGHTS = sorted({leg.date for tie in BUNDLED.ties() for leg in tie.legs if leg.played})
ROUNDS = [r.name for r in BUNDLED.rounds if r.knockout]
OPENFOOTBALL_ROUNDS = (
    ("2011-12/cl.txt", "Round of 16"),  # extra time (Chelsea) and penalties (APOEL)
    ("2011-12/cl.txt", "Final"),  # a final on penalties
    ("2015-16/cl.txt", "Round of 16"),  # extra time (Bayern) and penalties (Atlético)
    ("2020-21/el.txt", "Final"),  # 11-10 on penalties
    ("2022-23/el.txt", "Round of 16"),  # no away goals; penalties (Arsenal, Sporting)
    ("2023-24/cl.txt", "Quarterfinals"),  # Manchester City out on penalties
)


def _checked(
    season: Season,
    lang: str,
    rules: Rules | None = None,
    forecast: bool = True,
    **night: Any,
) -> tuple[Claim, ...]:
    """The claims of the round-up of ``night`` (``date=`` or ``round_name=``), each supported,
    standing in the text as written and with its reason (what the data says, told in
    ``lang``); ``rules``: the season's UEFA rules unless given."""
    rules = rules or matchday.rules_for_season(season.start_year)
    written = report(season, lang=lang, rules=rules, forecast=forecast, **night)
    facts = night_of(season, rules, forecast=forecast, **night)
    claims = check(written.text, facts, lang)
    say = reasons_for(facts, lang)
    for c in claims:  # the words as they stand in the text, without the spaces around them
        assert written.text[c.start : c.end] == c.words == c.words.strip(), c
        assert say(c.reason).strip(), c  # every verdict says what the data says
    wrong = [c for c in claims if c.verdict is not Verdict.SUPPORTED]
    assert not wrong, "\n".join(f"{c.verdict} {c.kind} {c.words!r}: {c.reason}" for c in wrong)
    print(f"{season.name} {night} {lang}: {len(claims)} claims checked, all supported")
    return claims


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("night", NIGHTS, ids=str)
def test_every_night_of_the_bundled_season(night: dt.date, lang: str) -> None:
    claims = _checked(BUNDLED, lang, date=night)
    played = sum(1 for tie in BUNDLED.ties() for leg in tie.legs if leg.date == night)
    assert len(claims) >= 2 * played  # at least a result and a score per match


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("round_name", ROUNDS)
def test_every_round_of_the_bundled_season(round_name: str, lang: str) -> None:
    claims = _checked(BUNDLED, lang, round_name=round_name)
    assert {Kind.THROUGH, Kind.RESULT} <= {c.kind for c in claims}


@pytest.mark.parametrize("lang", LANGS)
def test_the_night_of_22_february_2018_is_checked_claim_by_claim(lang: str) -> None:
    claims = _checked(BUNDLED, lang, date=dt.date(2018, 2, 22))
    kinds = {c.kind for c in claims}
    assert {Kind.GOAL, Kind.SPELL, Kind.CHANCE, Kind.AGGREGATE, Kind.RED_CARD} <= kinds
    assert Kind.WHAT_IF in kinds  # one more Östersund goal would have forced extra time
    assert len(claims) > 120


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "round_name"), OPENFOOTBALL_ROUNDS, ids=lambda v: str(v))
def test_real_openfootball_rounds(
    openfootball_cl: Path, path: str, round_name: str, lang: str
) -> None:
    claims = _checked(matchday.load(openfootball_cl / path), lang, round_name=round_name)
    assert Kind.THROUGH in {c.kind for c in claims}


WORLD_CUPS = (
    "1998--france",  # golden goals (Blanc, Henry's France)
    "2014--brazil",  # Djabou's goal written 121'
    "2022--qatar",  # "Vinícius Jr." inside a goal list
    "more/1934.txt",  # replays, the first match drawn after extra time
    "more/1966.txt",  # surnames in capitals first: "LI Dong Woon", "EUSEBIO"
    "more/1970.txt",  # "heading for the drawing of lots"
    "more/2018.txt",  # "Kevin DE BRUYNE", "Angel DI MARIA"
)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("source", WORLD_CUPS)
def test_every_knockout_round_of_world_cups_in_several_styles(source: str, lang: str) -> None:
    """Each round under its own rules from the registry, without forecasts (the shipped ratings
    are clubs'): names as the files write them, replays, golden goals and lots all check."""
    path = OPENFOOTBALL / "worldcup" / source
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = matchday.load(path)
    known = competitions.of_season(season)
    checked = 0
    for round_ in season.rounds:
        if not round_.knockout or not any(m.played for m in round_.matches):
            continue
        rules = known.rules(round_)
        checked += len(_checked(season, lang, rules, forecast=False, round_name=round_.name))
    print(f"{source} {lang}: {checked} claims checked, all supported")
    assert checked > 50


FOOTBALL_JSON_ROUNDS = (
    ("2020/cn.1.json", "Semifinals"),  # "China | Super League": no team "China" named in it
    ("2018-19/mx.1.json", "Apertura Playoffs, Quarterfinals"),  # a stage's round, no player
    ("2014-15/it.2.json", "Final"),  # a play-off final won on league position
    ("2019-20/tr.2.json", "Final"),  # "Turkish 1. Lig": no sentence ends at "1."
    ("2018-19/au.1.json", "Final"),  # "win the play-off" on penalties after a 0-0 draw
    ("2017-18/it.2.json", "Aufstieg, Round 1"),  # the last of its stage, not a final
    ("2020/cn.1.json", "3. Platz"),  # third place over two legs, the second drawn
)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "round_name"), FOOTBALL_JSON_ROUNDS, ids=lambda v: str(v))
def test_domestic_rounds_from_football_json(path: str, round_name: str, lang: str) -> None:
    source = OPENFOOTBALL / "football.json" / path
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    season = load_with_problems(source).season
    known = competitions.of_season(season)
    rules = night_rules(known, round_name=round_name)
    claims = _checked(season, lang, rules, forecast=False, round_name=round_name)
    assert Kind.THROUGH in {c.kind for c in claims} or Kind.RESULT in {c.kind for c in claims}


@pytest.mark.parametrize("lang", LANGS)
def test_names_with_full_stops(lang: str) -> None:
    """ "... at the expense of Galatasaray S.K. Galatasaray S.K. were through until the 90+4th
    minute.": two sentences, the second one's spell supported."""
    claims = _checked(matchday.parse(DOTTED, "dotted.txt"), lang, date=dt.date(2018, 3, 15))
    assert Kind.SPELL in {c.kind for c in claims}


@pytest.mark.parametrize("lang", LANGS)
def test_the_2022_world_cup_knockout_rounds_with_their_forecasts(lang: str) -> None:
    """With the chances the report gives national teams (the upset leads, "the forecast never
    put Argentina's chance of winning the final below 50%"), every claim still checks: the lead
    of an upset once credited "reach the quarter-finals" to the side knocked out."""
    path = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = matchday.load(path)
    known = competitions.of_season(season)
    chances = 0
    for round_ in season.rounds:
        if not round_.knockout:
            continue
        claims = _checked(season, lang, known.rules(round_), round_name=round_.name)
        chances += sum(c.kind is Kind.CHANCE for c in claims)
    assert chances >= 4  # the forecasts were there to check
