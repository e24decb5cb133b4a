"""``matchday check`` on the night of first legs whose second legs are not in the file yet:
a side said to be through or out is contradicted, the tie being open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday.check import Night, Verdict, check
from matchday.cli.check import night_of, reasons_for
from matchday.report import night_rules
from tests.check.test_cli import run
from tests.conftest import OPENFOOTBALL, cut_before

CL_2023 = OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt"


@pytest.fixture
def first_legs(tmp_path: Path) -> Path:
    """The 2023-24 Champions League as it stood after the round of 16 first legs."""
    return cut_before(CL_2023, "Tue Mar/5", tmp_path)


def _night(source: Path, day: dt.date) -> Night:
    known = matchday.competitions.of_season(matchday.load(source))
    return night_of(known.season, night_rules(known, date=day), date=day, forecast=False)


@pytest.mark.parametrize(
    ("day", "text", "lang", "reason"),
    [
        (
            dt.date(2024, 2, 20),
            "Inter is door naar de kwartfinales.",
            "nl",
            "de kwalificatie is nog open: de return moet nog gespeeld worden"
            " (heenwedstrijd: Inter - Atlético Madrid 1-0)",
        ),
        (
            dt.date(2024, 2, 21),
            "Napoli is uitgeschakeld.",
            "nl",
            "de kwalificatie is nog open: de return moet nog gespeeld worden"
            " (heenwedstrijd: Napoli - Barcelona 1-1)",
        ),
        (
            dt.date(2024, 2, 21),
            "Porto are through.",
            "en",
            "the tie is still open: the second leg is still to come (first leg: Porto 1-0 Arsenal)",
        ),
    ],
)
def test_through_or_out_after_a_first_leg_is_contradicted(
    first_legs: Path, day: dt.date, text: str, lang: str, reason: str
) -> None:
    night = _night(first_legs, day)
    (claim,) = [c for c in check(text, night, lang) if c.kind.value == "through"]
    assert claim.verdict is Verdict.CONTRADICTED
    assert reasons_for(night, lang)(claim.reason) == reason


def test_a_side_not_yet_through_after_a_first_leg_is_supported(first_legs: Path) -> None:
    night = _night(first_legs, dt.date(2024, 2, 21))
    (claim,) = check("Barcelona is niet uitgeschakeld.", night, "nl")
    assert claim.verdict is Verdict.SUPPORTED


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Porto are through.", "1 claim checked against 2024-02-21:"),
        ("Porto are through. Napoli are out.", "2 claims checked against 2024-02-21:"),
        ("Porto is door.", "1 bewering gecontroleerd tegen 2024-02-21:"),
        ("Porto is door. Napoli is uitgeschakeld.", "2 beweringen gecontroleerd tegen 2024-02-21:"),
    ],
)
def test_the_summary_line_agrees_in_number(first_legs: Path, text: str, head: str) -> None:
    done = run(
        "-", "--source", str(first_legs), "--date", "2024-02-21", "--no-forecast", stdin=text
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith(head)
