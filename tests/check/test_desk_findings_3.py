"""A desk's further findings on ``matchday check``: a count of goals said of a period, a
goal that only would have been, a running score said without its leader, and the Dutch
"won niet met 4-1"; each a claim confirmed only when true, contradicted only when false,
else not checkable with its reason, alike in Dutch and English."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

import matchday
from matchday.check import Claim, Kind, Night, Verdict, Why, check
from matchday.cli.check import night_of
from matchday.report import night_rules
from tests.conftest import OPENFOOTBALL


@cache
def _europa(day: str) -> Night:
    """A night of the bundled Europa League 2017-18."""
    season = matchday.load("europa-league-2017-18")
    date = dt.date.fromisoformat(day)
    return night_of(season, matchday.rules_for_season(2017), date=date, forecast=False)


@cache
def _world_cup_2022(day: str) -> Night:
    path = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    known = matchday.competitions.of_season(matchday.load(path))
    date = dt.date.fromisoformat(day)
    return night_of(known.season, night_rules(known, date=date), date=date, forecast=False)


def _of(text: str, night: Night, lang: str, kind: Kind) -> list[Claim]:
    return [c for c in check(text, night, lang) if c.kind is kind]


# -- a count of goals said of a period is counted in that period only -----------------------


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Immobile scored twice in the first half.", Verdict.SUPPORTED),
        ("en", "Immobile scored twice before the break.", Verdict.SUPPORTED),
        ("en", "Immobile scored twice before half-time.", Verdict.SUPPORTED),
        ("en", "Immobile scored three times in the first half.", Verdict.CONTRADICTED),
        ("en", "Immobile scored twice after the break.", Verdict.CONTRADICTED),
        ("nl", "Immobile scoorde twee keer in de eerste helft.", Verdict.SUPPORTED),
        ("nl", "Immobile scoorde twee keer voor de rust.", Verdict.SUPPORTED),
        ("nl", "Immobile scoorde drie keer in de eerste helft.", Verdict.CONTRADICTED),
        ("nl", "Immobile scoorde twee keer na de rust.", Verdict.CONTRADICTED),
    ],
)
def test_a_count_said_of_a_half_counts_that_half(lang: str, text: str, verdict: Verdict) -> None:
    """22 February 2018: Lazio 5-1 FCSB, Immobile at 7', 43' and 71' (3-0 at half-time)."""
    (claim,) = _of(text, _europa("2018-02-22"), lang, Kind.GOAL)
    assert claim.verdict is verdict, claim


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Mbappé scored twice in extra time.", Verdict.CONTRADICTED),
        ("en", "Di María scored in extra time.", Verdict.CONTRADICTED),
        ("en", "Messi scored in extra time.", Verdict.SUPPORTED),
        ("nl", "Messi scoorde in de verlengingen.", Verdict.SUPPORTED),
        ("en", "Messi scored twice in the first half.", Verdict.CONTRADICTED),
        ("nl", "Mbappé scoorde twee keer in de verlengingen.", Verdict.CONTRADICTED),
        ("nl", "Messi scoorde twee keer in de tweede helft.", Verdict.CONTRADICTED),
    ],
)
def test_a_count_said_of_extra_time_counts_extra_time(
    lang: str, text: str, verdict: Verdict
) -> None:
    """2022 final: Messi 23' (pen.) and 108', Mbappé 80' (pen.), 81' and 118' (pen.)."""
    claims = _of(text, _world_cup_2022("2022-12-18"), lang, Kind.GOAL)
    assert [c.verdict for c in claims] == [verdict], claims


# -- a goal that would or could have been is no claim of a goal ------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Immobile would have scored a fourth."),
        ("en", "Immobile could have scored a fourth in the 80th minute."),
        ("en", "Bastos might have scored twice."),
        ("en", "Bastos nearly scored twice."),
        ("nl", "Immobile scoorde bijna een vierde keer."),
        ("nl", "Bastos scoorde bijna twee keer."),
    ],
)
def test_a_goal_that_would_have_been_is_not_checkable(lang: str, text: str) -> None:
    """22 February 2018: what Immobile (three goals) or Bastos (one) would have scored is a
    what-if, not a goal: never supported, never contradicted, and its reason says why."""
    night = _europa("2018-02-22")
    (claim,) = _of(text, night, lang, Kind.GOAL)
    assert claim.verdict is Verdict.NOT_CHECKABLE, claim
    assert claim.reason.key is Why.HYPOTHETICAL_GOAL


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Immobile zou een vierde keer gescoord hebben."),
        ("nl", "Bastos had in de 80e minuut twee keer kunnen scoren."),
        ("nl", "Zonder de paal zou Bastos twee keer gescoord hebben."),
    ],
)
def test_a_dutch_goal_that_would_have_been_is_no_verdict(lang: str, text: str) -> None:
    """Said with "zou ... hebben" or "had ... kunnen": no goal supported or contradicted."""
    claims = _of(text, _europa("2018-02-22"), lang, Kind.GOAL)
    assert all(c.verdict is Verdict.NOT_CHECKABLE for c in claims), claims


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Immobile scored three times.", Verdict.SUPPORTED),
        ("en", "Bastos scored twice.", Verdict.CONTRADICTED),
        ("nl", "Immobile scoorde drie keer.", Verdict.SUPPORTED),
        ("nl", "Bastos scoorde twee keer.", Verdict.CONTRADICTED),
    ],
)
def test_a_goal_said_as_done_is_still_checked(lang: str, text: str, verdict: Verdict) -> None:
    """The same counts said as done are checked as ever."""
    (claim,) = _of(text, _europa("2018-02-22"), lang, Kind.GOAL)
    assert claim.verdict is verdict, claim


# -- a running score said with who led is checked the way round the sentence says -----------


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Poland led 2-0 against France.", Verdict.CONTRADICTED),
        ("en", "France led 2-0 against Poland.", Verdict.SUPPORTED),
        ("en", "Poland led 1-0 at half-time.", Verdict.CONTRADICTED),
        ("en", "France led 1-0 at half-time.", Verdict.SUPPORTED),
        ("en", "Poland trailed 1-0 at half-time.", Verdict.SUPPORTED),
        ("en", "France trailed 0-1 at half-time.", Verdict.CONTRADICTED),
        ("nl", "Polen stond op voorsprong met 2-0 tegen Frankrijk.", Verdict.CONTRADICTED),
        ("nl", "Frankrijk stond 2-0 op voorsprong tegen Polen.", Verdict.SUPPORTED),
        ("nl", "Polen kwam op achterstand, 0-1 bij de rust.", Verdict.SUPPORTED),
        ("nl", "Frankrijk stond bij de rust met 0-1 achter.", Verdict.CONTRADICTED),
        ("en", "Poland led 1-0 after 50 minutes.", Verdict.CONTRADICTED),
        ("en", "France led 1-0 after 50 minutes.", Verdict.SUPPORTED),
        ("en", "Poland were 2-0 down after 80 minutes.", Verdict.SUPPORTED),
        ("nl", "Polen stond na tachtig minuten met 2-0 op voorsprong.", Verdict.CONTRADICTED),
        ("nl", "Polen stond na tachtig minuten 0-2 achter.", Verdict.SUPPORTED),
    ],
)
def test_a_running_score_is_checked_the_way_round_the_leader_says(
    lang: str, text: str, verdict: Verdict
) -> None:
    """4 December 2022: France 3-1 Poland, 1-0 at half-time (Giroud 44', Mbappé 74' and
    90+1', Lewandowski 90+9' pen.): Poland never led."""
    (claim,) = _of(text, _world_cup_2022("2022-12-04"), lang, Kind.SCORE)
    assert claim.verdict is verdict, claim


# -- a denial before a score is of the score: "won niet met 4-1" ----------------------------


@pytest.mark.parametrize(
    ("lang", "text", "score"),
    [
        ("nl", "Lazio won niet met 4-1 tegen Salzburg.", Verdict.SUPPORTED),
        ("nl", "Lazio won niet met 4-2 tegen Salzburg.", Verdict.CONTRADICTED),
        ("nl", "Lazio won niet met een 4-1 tegen Salzburg.", Verdict.SUPPORTED),
        ("en", "Lazio did not win 4-1 against Salzburg.", Verdict.SUPPORTED),
        ("en", "Lazio did not win 4-2 against Salzburg.", Verdict.CONTRADICTED),
        ("en", "Lazio did not win by 4-1 against Salzburg.", Verdict.SUPPORTED),
    ],
)
def test_a_win_denied_with_its_score_denies_the_score(lang: str, text: str, score: Verdict) -> None:
    """5 April 2018: Lazio 4-2 Salzburg. "Lazio won niet met 4-1" says Lazio did not win
    4-1: the score is checked as denied, the win is not checked (the denial may be of the
    score alone), and never contradicted as if it said Lazio did not win."""
    claims = _of(text, _europa("2018-04-05"), lang, Kind.RESULT)
    scored = [c for c in claims if any(ch.isdigit() for ch in c.words)]
    won = [c for c in claims if c not in scored]
    assert [c.verdict for c in scored] == [score], claims
    assert all(c.verdict is Verdict.NOT_CHECKABLE for c in won), claims


@pytest.mark.parametrize(
    ("lang", "text"), [("nl", "Lazio won niet."), ("en", "Lazio did not win.")]
)
def test_a_win_denied_alone_is_still_contradicted(lang: str, text: str) -> None:
    """Lazio won 4-2: "won niet" with no score after it denies the win."""
    (claim,) = _of(text, _europa("2018-04-05"), lang, Kind.RESULT)
    assert claim.verdict is Verdict.CONTRADICTED
