"""A file that gives its matches no day (openfootball's ``worldcup/min/``): the report, the
night and the JSON say the date is unknown instead of printing the placeholder 1 January."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday.errors import MatchdayError
from matchday.io.export import tie_json
from matchday.io.live_json import live_state_json
from matchday.live import state_at
from matchday.report import report

UNDATED = """= World Cup 2010

▪ Semi-finals
  Uruguay v Netherlands           2-3
  Germany v Spain                 0-1

▪ Final
  Netherlands v Spain             0-1 a.e.t.
"""


@pytest.fixture
def undated(tmp_path: Path) -> matchday.Season:
    path = tmp_path / "2010.txt"
    path.write_text(UNDATED, encoding="utf-8")
    season = matchday.load(path)
    assert not any(match.dated for match in season.matches)
    return season


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_dateline_of_an_undated_round_names_no_day(undated: matchday.Season, lang: str) -> None:
    written = report(undated, round_name="Final", lang=lang)
    dateline = written.text.splitlines()[2]
    assert "2010" not in dateline, dateline
    assert "1 " not in dateline, dateline
    assert "final" in dateline.lower()


def test_an_undated_file_has_no_nights(undated: matchday.Season) -> None:
    with pytest.raises(MatchdayError, match=r"no dates.*--round"):
        report(undated, date=dt.date(2010, 1, 1), lang="en")


def test_the_json_of_an_undated_leg_says_its_date_is_unknown(undated: matchday.Season) -> None:
    outcomes = matchday.decide_all(undated.ties(), matchday.preset("extra-time-penalties"))
    legs = [leg for outcome in outcomes for leg in tie_json(outcome)["legs"]]
    assert legs
    assert all(leg["dated"] is False for leg in legs)
    assert all(leg["date"] == "2010-01-01" for leg in legs)  # the key kept, flagged


def test_a_dated_leg_says_so() -> None:
    season = matchday.load("europa-league-2017-18")
    outcome = matchday.decide(next(iter(season.ties())), matchday.preset("uefa-classic"))
    assert all(leg["dated"] is True for leg in tie_json(outcome)["legs"])


def test_a_night_of_group_matches_says_why_it_has_no_report(tmp_path: Path) -> None:
    path = tmp_path / "1982.txt"
    path.write_text(
        "= World Cup 1982\n\n▪ Group C\nMon Jul 5\n  Italy v Brazil  3-2\n\n"
        "▪ Final\nSun Jul 11\n  Italy v West Germany  3-1\n",
        encoding="utf-8",
    )
    with pytest.raises(MatchdayError, match=r"1 group match that day, not written up"):
        report(matchday.load(path), date=dt.date(1982, 7, 5), lang="en")


def test_the_live_json_of_an_undated_match_says_its_date_is_unknown(
    undated: matchday.Season,
) -> None:
    final = matchday.find_round(undated, "Final").ties()[0]
    state = state_at(final, matchday.preset("extra-time-penalties"), matchday.Score(0, 0), 10)
    assert live_state_json(state)["match"]["dated"] is False
