"""The competition a report names: "UEFA" is dropped only where the rest still names it."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.report import report
from matchday.report.language import EN, NL


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ("UEFA Cup", "UEFA Cup"),
        ("UEFA Europa League", "Europa League"),
        ("UEFA Champions League", "Champions League"),
        ("UEFA Conference League", "Conference League"),
    ],
)
def test_uefa_is_dropped_only_where_the_rest_names_the_competition(data: str, said: str) -> None:
    assert EN.competition_name(data) == said
    assert NL.competition_name(data) == said


SHAKHTAR, BREMEN = Team("Shakhtar Donetsk", "UKR"), Team("Werder Bremen", "GER")


def _uefa_cup_final() -> Season:
    final = Match(dt.date(2009, 5, 20), SHAKHTAR, BREMEN, Score(1, 1), extra_time=Score(2, 1))
    rounds = (Round("Final", RoundFormat.KNOCKOUT, (final,)),)
    return Season("UEFA Cup", "2008/09", (Stage(StageKind.KNOCKOUT, rounds),))


@pytest.mark.parametrize(
    ("lang", "headline", "dateline"),
    [
        ("en", "Shakhtar Donetsk win the UEFA Cup after extra time", "UEFA Cup · final · "),
        ("nl", "Shakhtar Donetsk wint de UEFA Cup na verlengingen", "UEFA Cup · finale · "),
    ],
)
def test_the_uefa_cup_final_names_the_uefa_cup(lang: str, headline: str, dateline: str) -> None:
    written = report(_uefa_cup_final(), round_name="Final", lang=lang)
    assert written.headline == headline
    assert written.dateline.startswith(dateline)
    assert " Cup" not in written.text.replace("UEFA Cup", "")
