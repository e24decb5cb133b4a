"""Every report states only facts of the data: scores, minutes, teams, how ties were decided.

Reports of every night and every round of the bundled Europa League 2017-18, and of real
openfootball rounds with extra time and penalties, in both languages, go through the fact
checker of ``tests/report/factcheck.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import matchday
from matchday.io.footballtxt import parse
from matchday.model import Season, Tie
from matchday.report import ThroughChances, report
from tests.conftest import OPENFOOTBALL_CL
from tests.report.factcheck import FactCheck, forecast_series, ties_played_on

LANGS = ("nl", "en")
BUNDLED = matchday.load("europa-league-2017-18")
NIGHTS = sorted({leg.date for tie in BUNDLED.ties() for leg in tie.legs if leg.played})
OPENFOOTBALL_ROUNDS = (
    ("2011-12/cl.txt", "Round of 16"),  # extra time (Chelsea) and penalties (APOEL)
    ("2011-12/cl.txt", "Final"),  # a final on penalties
    ("2015-16/cl.txt", "Round of 16"),  # extra time (Bayern) and penalties (Atlético)
    ("2016-17/cl.txt", "Round of 16"),  # Barcelona's 6-1 after 0-4
    ("2020-21/el.txt", "Final"),  # 11-10 on penalties
    ("2022-23/el.txt", "Round of 16"),  # no away goals; penalties (Arsenal, Sporting)
    ("2023-24/cl.txt", "Quarterfinals"),  # Manchester City out on penalties
    ("2024-25/confq.txt", "Round 2"),  # qualifying, penalties and extra time
)


def _check(written: matchday.report.Report, season: Season, forecast: bool = False) -> None:
    rules = matchday.rules_for_season(season.start_year)
    series = forecast_series(season, rules) if forecast else None
    problems = FactCheck(written, season, rules, series).run()
    assert not problems, "\n".join(problems)


def _close_calls(written: matchday.report.Report) -> list[str]:
    return [s.text for s in written.statements if s.fact == "close_call"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("night", NIGHTS, ids=str)
def test_every_night_of_the_bundled_season(night: dt.date, lang: str) -> None:
    written = report(BUNDLED, date=night, lang=lang)
    _check(written, BUNDLED)
    assert {s.tie for s in written.sections} == ties_played_on(BUNDLED, night)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("night", NIGHTS, ids=str)
def test_every_night_of_the_bundled_season_with_its_forecasts(night: dt.date, lang: str) -> None:
    written = report(BUNDLED, date=night, lang=lang, forecast=True)
    _check(written, BUNDLED, forecast=True)
    decided = [t.last_match for t in ties_played_on(BUNDLED, night) if t.last_match.date == night]
    assert bool(_close_calls(written)) == any(m.goals is not None for m in decided)
    if night == dt.date(2018, 2, 22):  # Dortmund's chance fell to 12%
        assert len(_close_calls(written)) >= 8
        lead = [s for s in written.lead if s.fact == "close_call"]
        assert lead
        assert "Dortmund" in lead[0].text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("round_name", [r.name for r in BUNDLED.rounds])
def test_every_round_of_the_bundled_season(round_name: str, lang: str) -> None:
    written = report(BUNDLED, round_name=round_name, lang=lang)
    _check(written, BUNDLED)
    assert {s.tie for s in written.sections} == set(matchday.find_round(BUNDLED, round_name).ties())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("round_name", [r.name for r in BUNDLED.rounds])
def test_every_round_of_the_bundled_season_with_its_forecasts(round_name: str, lang: str) -> None:
    written = report(BUNDLED, round_name=round_name, lang=lang, forecast=True)
    _check(written, BUNDLED, forecast=True)
    ties = matchday.find_round(BUNDLED, round_name).ties()
    # Round of 32: the night's goal events; Round of 16: Salzburg 0-0 Dortmund needs none
    assert bool(_close_calls(written)) == any(t.last_match.goals is not None for t in ties)
    assert bool(_close_calls(written)) == (round_name in ("Round of 32", "Round of 16"))


SALZBURG_MARSEILLE = """= UEFA Europa League 2017/18

» Semifinals
  Thu Apr/26 2018
    Olympique Marseille (FRA)  v Red Bull Salzburg (AUT)     2-0 (1-0)
  Thu May/3 2018
    Red Bull Salzburg (AUT)    v Olympique Marseille (FRA)   2-1 a.e.t. (2-0, 0-0)
      [Haidara 53', Sarr 65' (o.g.); Rolando 116']
      red: [-; -]
"""
"""A deciding match with extra time and goal events: the forecast runs to the 120th minute."""


@pytest.mark.parametrize("lang", LANGS)
def test_a_forecast_over_extra_time_is_checked_too(lang: str) -> None:
    season = parse(SALZBURG_MARSEILLE, "semifinal.txt")
    written = report(season, round_name="Semifinals", lang=lang, forecast=True)
    _check(written, season, forecast=True)
    said = _close_calls(written)
    assert said
    assert all("Marseille" in line for line in said)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "round_name"), OPENFOOTBALL_ROUNDS, ids=lambda v: str(v))
def test_real_openfootball_rounds(
    openfootball_cl: Path, path: str, round_name: str, lang: str
) -> None:
    season = matchday.load(openfootball_cl / path)
    written = report(season, round_name=round_name, lang=lang)
    _check(written, season)
    played = [t for t in matchday.find_round(season, round_name).ties() if t.first_leg.played]
    assert {s.tie for s in written.sections} == set(played)


@pytest.mark.parametrize("lang", LANGS)
def test_a_night_with_first_and_second_legs_of_real_data(openfootball_cl: Path, lang: str) -> None:
    season = matchday.load(openfootball_cl / "2023-24" / "cl.txt")
    night = dt.date(2024, 4, 17)  # quarter-final second legs, City v Real on penalties
    written = report(season, date=night, lang=lang)
    _check(written, season)
    assert {s.tie for s in written.sections} == ties_played_on(season, night)


def _tampered(
    written: matchday.report.Report,
    fact: str,
    old: str,
    new: str,
    forecasts: Mapping[Tie, ThroughChances] | None = None,
) -> list[str]:
    """The checker's findings after one statement of ``fact`` has ``old`` replaced by ``new``."""
    sections = []
    done = False
    for section in written.sections:
        prose = []
        for statement in section.prose:
            if not done and statement.fact == fact and old in statement.text:
                statement = dataclasses.replace(statement, text=statement.text.replace(old, new))
                done = True
            prose.append(statement)
        sections.append(dataclasses.replace(section, prose=tuple(prose)))
    assert done, f"no {fact} statement with {old!r}"
    forged = dataclasses.replace(written, sections=tuple(sections))
    return FactCheck(forged, BUNDLED, matchday.rules_for_season(2017), forecasts).run()


@pytest.fixture(scope="module")
def night_of_22_february() -> matchday.report.Report:
    return report(BUNDLED, date=dt.date(2018, 2, 22), lang="en")


@pytest.mark.parametrize(
    ("fact", "old", "new", "finding"),
    [
        ("verdict", "4-3", "4-2", "score 4-2"),
        ("turns", "83rd", "84th", "minute 84th"),
        ("result", "Dortmund", "Arsenal", "names Arsenal"),
        ("verdict", "on aggregate", "on away goals", "claims ['away goals']"),
        ("result", "drew 1-1", "drew 1-1 after extra time", "claims ['extra time']"),
    ],
)
def test_the_checker_catches_a_forged_fact(
    night_of_22_february: matchday.report.Report, fact: str, old: str, new: str, finding: str
) -> None:
    problems = _tampered(night_of_22_february, fact, old, new)
    assert any(finding in problem for problem in problems), problems


OPENFOOTBALL_FILES = sorted(
    p.relative_to(OPENFOOTBALL_CL).as_posix() for p in OPENFOOTBALL_CL.glob("*/*.txt")
)
"""The real data's files, one test each so that the test run spreads them over its workers."""


def test_the_real_data_has_its_files(openfootball_cl: Path) -> None:
    assert len(OPENFOOTBALL_FILES) >= 30


@pytest.mark.parametrize("name", OPENFOOTBALL_FILES)
def test_every_round_and_night_of_every_openfootball_file(openfootball_cl: Path, name: str) -> None:
    """The whole of the real data: every knockout round and every night of each file, both
    languages. A tie whose recorded result breaks the rules is refused with a ``RuleError``
    (one file has one: extra time after a tie already decided), never written up."""
    problems: list[str] = []
    written = 0
    path = openfootball_cl / name
    season = matchday.load(path)
    rules = matchday.rules_for_season(season.start_year)
    nights = sorted({leg.date for t in season.ties() for leg in t.legs if leg.played})
    selections: list[dict[str, Any]] = [
        *({"round_name": r.name} for r in season.rounds if r.knockout),
        *({"date": night} for night in nights),
    ]
    for lang in LANGS:
        for selection in selections:
            try:
                result = report(season, lang=lang, **selection)
            except matchday.RuleError:
                continue
            except matchday.ConfigError as err:
                unplayed = "no played knockout ties" in str(err)
                problems += [] if unplayed else [f"{path.name} {selection}: {err}"]
                continue
            written += 1
            found = FactCheck(result, season, rules).run()
            where = f"{name} {selection} {lang}"
            problems += [f"{where}: {problem}" for problem in found]
    assert written >= len(selections) or not nights
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(
    ("old", "new", "finding"),
    [
        ("16%", "22%", "22%, but the forecast's lowest is 15.79%"),
        ("82nd", "70th", "16%, but the forecast's minute 70 is 25.88%"),
        ("Dortmund's chance", "Atalanta's chance", "does not name Borussia Dortmund"),
    ],
)
def test_the_checker_holds_a_close_call_to_the_forecast(old: str, new: str, finding: str) -> None:
    written = report(BUNDLED, date=dt.date(2018, 2, 22), lang="en", forecast=True)
    rules = matchday.rules_for_season(2017)
    series = forecast_series(BUNDLED, rules)
    assert not FactCheck(written, BUNDLED, rules, series).run()
    forged = _tampered(written, "close_call", old, new, series)
    assert any(finding in problem for problem in forged), forged
    assert FactCheck(written, BUNDLED, rules).run()  # no forecast: no claim may stand
