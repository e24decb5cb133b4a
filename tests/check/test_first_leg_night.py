"""``matchday check`` on the night of first legs, whether or not the second legs are in the
file yet: a side said to be through or out is contradicted, the tie being open."""

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


def _night(source: Path, day: dt.date, *, forecast: bool = False) -> Night:
    known = matchday.competitions.of_season(matchday.load(source))
    return night_of(known.season, night_rules(known, date=day), date=day, forecast=forecast)


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


BUNDLED = Path(matchday.__file__).parent / "data" / "europa-league-2017-18.txt"
"""The bundled Europa League 2017-18: first legs of the round of 32 on 15 February 2018,
second legs on 21-22 February, both in the file."""

FIRST_LEG_NIGHT = [
    ("en", "Arsenal are through."),
    ("en", "Östersund are out."),
    ("en", "Arsenal won 3-0 at Östersund and went through."),
    ("en", "Arsenal are favourites to go through."),
    ("en", "Arsenal have one and a half legs in the last 16."),
    ("en", "Dortmund beat Atalanta 3-2."),
    ("en", "Arsenal lead 3-0 on aggregate."),
    ("nl", "Arsenal is door."),
    ("nl", "Östersund is uitgeschakeld."),
    ("nl", "Arsenal is favoriet."),
    ("nl", "Dortmund won met 3-2 van Atalanta."),
]


def _told(night: Night, text: str, lang: str) -> list[tuple[str, str, str, str]]:
    """The claims of ``text`` that night: kind, words, verdict and reason as told."""
    told = reasons_for(night, lang)
    return [(c.kind, c.words, c.verdict, told(c.reason)) for c in check(text, night, lang)]


@pytest.mark.parametrize(("lang", "text"), FIRST_LEG_NIGHT)
def test_a_first_leg_night_is_checked_as_it_stood_whatever_the_file_holds_since(
    tmp_path: Path, lang: str, text: str
) -> None:
    """``--date`` of a first-leg night in a file that has the second legs too: every claim
    gets the verdict and reason of that night as a desk had it then (the file cut before the
    second legs), never the final state's (the tie was open; the chance is the one at
    kick-off of the second leg, after the first)."""
    night = dt.date(2018, 2, 15)
    cut = cut_before(BUNDLED, "Wed Feb/21 2018", tmp_path)
    whole = _night(BUNDLED, night, forecast=True)
    then = _night(cut, night, forecast=True)
    assert _told(whole, text, lang) == _told(then, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("en", "Arsenal are through.",
         "the tie is still open: the second leg is still to come (first leg: Östersund 0-3 "
         "Arsenal)"),
        ("nl", "Östersund is uitgeschakeld.",
         "de kwalificatie is nog open: de return moet nog gespeeld worden (heenwedstrijd: "
         "Östersund - Arsenal 0-3)"),
    ],
)  # fmt: skip
def test_through_after_a_first_leg_is_contradicted_with_the_second_leg_in_the_file(
    lang: str, text: str, reason: str
) -> None:
    """Arsenal won 3-0 at Östersund on 15 February 2018 and went through a week later: that
    night nobody was through yet."""
    night = _night(BUNDLED, dt.date(2018, 2, 15))
    (claim,) = [c for c in check(text, night, lang) if c.kind.value == "through"]
    assert claim.verdict is Verdict.CONTRADICTED
    assert reasons_for(night, lang)(claim.reason) == reason


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Arsenal are favourites to go through."),
        ("en", "Arsenal are expected to go through."),
        ("en", "Arsenal need a draw to go through."),
        ("nl", "Arsenal is favoriet om door te gaan."),
        ("nl", "Arsenal moet in Londen nog winnen."),
    ],
)
def test_an_expectation_after_a_first_leg_is_no_claim_of_a_result(lang: str, text: str) -> None:
    """What a side is expected, or needs, to do in the second leg is no claim that it did:
    no result and no way through is checked (the tie open, it would be contradicted)."""
    night = _night(BUNDLED, dt.date(2018, 2, 15))
    kinds = {c.kind.value for c in check(text, night, lang)}
    assert not kinds & {"result", "through"}
