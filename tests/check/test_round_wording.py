"""``matchday check --round``: the facts are a round's, and the reasons say "in that round",
never "that night" (which stays for ``--date``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday.check import Verdict, check
from matchday.cli.check import night_of, reasons_for
from matchday.report import night_rules
from tests.conftest import OPENFOOTBALL, cut_before

CL_2023 = OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt"


@pytest.fixture
def round_of_16(tmp_path: Path) -> Path:
    """The 2023-24 Champions League up to the end of the round of 16."""
    return cut_before(CL_2023, "» Finals, Quarterfinals", tmp_path)


@pytest.mark.parametrize(
    ("text", "lang", "by_round", "by_date"),
    [
        (
            "Inter lost to PSV.",
            "en",
            "Inter and PSV did not meet in that round: Inter played Atlético Madrid",
            "Inter and PSV did not meet that night: Inter played Atlético Madrid",
        ),
        (
            "Inter verloor van PSV.",
            "nl",
            "Inter en PSV speelden in die ronde niet tegen elkaar: Inter speelde tegen"
            " Atlético Madrid",
            "Inter en PSV speelden die avond niet tegen elkaar: Inter speelde tegen"
            " Atlético Madrid",
        ),
    ],
)
def test_a_reason_names_the_round_with_round_and_the_night_with_date(
    round_of_16: Path, text: str, lang: str, by_round: str, by_date: str
) -> None:
    known = matchday.competitions.of_season(matchday.load(round_of_16))
    rules = night_rules(known, round_name="Round of 16")
    day = dt.date(2024, 2, 20)
    nights = {
        by_round: night_of(known.season, rules, round_name="Round of 16", forecast=False),
        by_date: night_of(known.season, rules, date=day, forecast=False),
    }
    for said, night in nights.items():
        (claim,) = [c for c in check(text, night, lang) if c.verdict is Verdict.CONTRADICTED]
        assert reasons_for(night, lang)(claim.reason) == said
