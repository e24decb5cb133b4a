"""Hand-written round-ups, in the style of Flemish and English newspapers, about nights of the
bundled Europa League 2017-18: every claim in them is supported or not checkable, and in a
doctored copy of each every planted error (a wrong score, aggregate, minute, scorer, side
through, method, a false what-if) is contradicted, and nothing true is.

The articles are ``tests/check/articles/NAME.txt``; ``NAME.planted`` lists each planted error
as ``true words => doctored words``, and ``NAME.doctored.txt`` is the article with them.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

import matchday
from matchday.check import Claim, Kind, Night, Verdict, check
from matchday.cli.check import night_of, reasons_for

ARTICLES = Path(__file__).parent / "articles"
NIGHTS = {
    "en-arsenal-ostersund": ("en", dt.date(2018, 2, 22)),
    "nl-dortmund-atalanta": ("nl", dt.date(2018, 2, 22)),
    "en-22-february-roundup": ("en", dt.date(2018, 2, 22)),
    "nl-22-februari-roundup": ("nl", dt.date(2018, 2, 22)),
    "en-15-march": ("en", dt.date(2018, 3, 15)),
    "nl-3-mei": ("nl", dt.date(2018, 5, 3)),
}
SEASON = matchday.load("europa-league-2017-18")


@cache
def _night(day: dt.date) -> Night:
    return night_of(SEASON, matchday.rules_for_season(2017), date=day)


def _planted(name: str) -> list[tuple[str, str]]:
    lines = (ARTICLES / f"{name}.planted").read_text(encoding="utf-8").splitlines()
    pairs = [line.split(" => ") for line in lines if line.strip() and not line.startswith("#")]
    return [(true, false) for true, false in pairs]


def _read(name: str, doctored: bool = False) -> str:
    return (ARTICLES / f"{name}{'.doctored' if doctored else ''}.txt").read_text(encoding="utf-8")


def _checked(name: str, doctored: bool = False) -> tuple[Claim, ...]:
    lang, day = NIGHTS[name]
    return check(_read(name, doctored), _night(day), lang)


def test_there_are_six_articles_of_several_hundred_words_in_both_languages() -> None:
    names = sorted(p.stem for p in ARTICLES.glob("*.txt") if not p.stem.endswith(".doctored"))
    assert names == sorted(NIGHTS)
    assert {lang for lang, _ in NIGHTS.values()} == {"nl", "en"}
    for name in names:
        assert len(_read(name).split()) >= 250, name


@pytest.mark.parametrize("name", sorted(NIGHTS))
def test_nothing_true_is_contradicted(name: str) -> None:
    claims = _checked(name)
    wrong = [c for c in claims if c.verdict is Verdict.CONTRADICTED]
    assert not wrong, "\n".join(f"{c.kind} {c.words!r}: {c.reason}" for c in wrong)
    supported = [c for c in claims if c.verdict is Verdict.SUPPORTED]
    assert len(supported) >= 12, len(supported)
    print(f"{name}: {len(claims)} claims, {len(supported)} supported")


@pytest.mark.parametrize("name", sorted(NIGHTS))
def test_every_planted_error_is_contradicted_and_nothing_else(name: str) -> None:
    text = _read(name)
    for true, false in _planted(name):
        text = text.replace(true, false)
    doctored = _read(name, doctored=True)
    assert doctored == text  # the doctored copy carries exactly the planted errors
    spans = [
        (doctored.index(false), doctored.index(false) + len(false)) for _, false in _planted(name)
    ]
    contradicted = [c for c in _checked(name, doctored=True) if c.verdict is Verdict.CONTRADICTED]
    for (start, end), (_, false) in zip(spans, _planted(name), strict=True):
        found = [c for c in contradicted if c.start < end and c.end > start]
        assert found, f"planted error not contradicted: {false!r}"
        assert all(c.reason for c in found)  # each says what the data says
    for claim in contradicted:
        planted = any(claim.start < end and claim.end > start for start, end in spans)
        assert planted, f"a true claim contradicted: {claim.words!r}: {claim.reason}"


def test_the_planted_errors_cover_every_kind_the_issue_names() -> None:
    kinds: set[Kind] = set()
    for name in NIGHTS:
        doctored = _read(name, doctored=True)
        spans = [(doctored.index(f), doctored.index(f) + len(f)) for _, f in _planted(name)]
        for claim in _checked(name, doctored=True):
            planted = any(claim.start < b and claim.end > a for a, b in spans)
            if claim.verdict is Verdict.CONTRADICTED and planted:
                kinds.add(claim.kind)
    wanted = {Kind.RESULT, Kind.AGGREGATE, Kind.GOAL, Kind.THROUGH, Kind.METHOD, Kind.WHAT_IF}
    assert wanted <= kinds, wanted - kinds


def test_a_misspelt_player_is_a_note_not_a_contradiction() -> None:
    night = _night(dt.date(2018, 2, 22))
    text = "Dortmund drew 1-1 at Atalanta. Schmelcer equalised in the 83rd minute."
    (goal,) = [c for c in check(text, night, "en") if c.kind is Kind.GOAL]
    assert goal.verdict is Verdict.SUPPORTED
    assert reasons_for(night, "en")(goal.note) == "the data spells it Schmelzer"
    assert reasons_for(night, "nl")(goal.note) == "de gegevens schrijven Schmelzer"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("At 1-0, Dortmund were out on away goals.", Verdict.SUPPORTED),
        ("At 1-0, Dortmund were through.", Verdict.CONTRADICTED),
        ("Östersund were one goal from forcing extra time from the 23rd minute to the 47th.",
         Verdict.SUPPORTED),
        ("Östersund were one goal from forcing extra time from the 22nd minute to the 47th.",
         Verdict.CONTRADICTED),
        ("Arsenal began the second leg with one and a half legs in the round of 16.",
         Verdict.SUPPORTED),
        ("Salzburg began the second leg with one and a half legs in the round of 16.",
         Verdict.CONTRADICTED),
        # 16% at its lowest, with the added time still to come counted: not the brink (15%)
        ("Dortmund were on the brink of elimination.", Verdict.CONTRADICTED),
        ("Arsenal were on the brink of elimination.", Verdict.CONTRADICTED),
    ],
)  # fmt: skip
def test_what_ifs_and_chances_in_words(sentence: str, verdict: Verdict) -> None:
    claims = check(sentence, _night(dt.date(2018, 2, 22)), "en")
    judged = [c for c in claims if c.kind in (Kind.WHAT_IF, Kind.CHANCE)]
    assert judged
    assert {c.verdict for c in judged} == {verdict}, [(c.words, c.reason) for c in judged]
