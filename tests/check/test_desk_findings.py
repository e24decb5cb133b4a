"""A Dutch/Flemish and English sports desk's findings on ``matchday check``: each sentence
it wrote of a real night, and the verdict the data bears out (true claims confirmed, false
ones contradicted, the rest not checkable with a true reason), alike in both languages."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

import matchday
from matchday.check import Claim, Kind, Night, Verdict, Why, check
from matchday.cli.check import night_of, reasons_for
from matchday.report import night_rules
from tests.conftest import OPENFOOTBALL

WORLD_CUP = OPENFOOTBALL / "worldcup"
SPEC = OPENFOOTBALL / "spec"


@cache
def _night(path: Path, day: str) -> Night:
    """The night of ``day`` in a real source, as ``matchday check --date`` reads it."""
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    known = matchday.competitions.of_season(matchday.load(path))
    date = dt.date.fromisoformat(day)
    return night_of(known.season, night_rules(known, date=date), date=date, forecast=False)


def _of(text: str, night: Night, lang: str, kind: Kind) -> list[Claim]:
    return [c for c in check(text, night, lang) if c.kind is kind]


def _said(night: Night, lang: str, claim: Claim) -> str:
    return reasons_for(night, lang)(claim.reason)


# -- A1: a replay's night is checked on the replay, not on the first match's extra time ----


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Switzerland won after extra time.", Verdict.CONTRADICTED),
        ("nl", "Zwitserland won na verlengingen.", Verdict.CONTRADICTED),
        ("en", "Switzerland won without extra time.", Verdict.SUPPORTED),
        ("nl", "Zwitserland won zonder verlengingen.", Verdict.SUPPORTED),
        ("en", "Switzerland won in normal time.", Verdict.SUPPORTED),
        ("nl", "Zwitserland won binnen de reguliere speeltijd.", Verdict.SUPPORTED),
    ],
)
def test_a_replay_won_in_90_minutes_had_no_extra_time(
    lang: str, text: str, verdict: Verdict
) -> None:
    """9 June 1938: the replay Germany 2-4 Switzerland took 90 minutes (the 1-1 after extra
    time was the first match, on 4 June); the reason names the replay."""
    night = _night(WORLD_CUP / "1938--france", "1938-06-09")
    (claim,) = _of(text, night, lang, Kind.METHOD)
    assert claim.verdict is verdict
    assert "2-4" in _said(night, lang, claim)


# -- A15: a preposition opening a Dutch sentence is no scorer ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vanop de stip maakte Mbappé gelijk.",
        "Vanop de stip maakte Mbappé in de 118e minuut gelijk.",
    ],
)
def test_vanop_de_stip_is_no_player(text: str) -> None:
    """2022 final: Mbappé's 118th-minute penalty made it 3-3; "Vanop" is the Flemish "from"."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    goals = _of(text, night, "nl", Kind.GOAL)
    assert goals
    assert all(c.verdict is Verdict.SUPPORTED for c in goals), goals
    assert not any("Vanop" in c.words for c in goals)


# -- A17 and A11: a running score at a moment, on a night of one tie -------------------------


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("nl", "Na 36 minuten stond het al 2-0 dankzij Di María.", Verdict.SUPPORTED),
        ("en", "After 36 minutes it was already 2-0 thanks to Di María.", Verdict.SUPPORTED),
        ("en", "Thanks to Di María it was 2-0 after 36 minutes.", Verdict.SUPPORTED),
        ("nl", "Na 36 minuten stond het al 3-0 dankzij Di María.", Verdict.CONTRADICTED),
        ("en", "After 36 minutes it was already 3-0 thanks to Di María.", Verdict.CONTRADICTED),
    ],
)
def test_a_running_score_is_the_score_then_not_the_result(
    lang: str, text: str, verdict: Verdict
) -> None:
    """2022 final: 2-0 after 36 minutes, 3-3 at the end; the only tie that night needs no
    team named for the score to be checked on it."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    claims = [c for c in check(text, night, lang) if c.kind in (Kind.SCORE, Kind.RESULT)]
    assert [c.verdict for c in claims] == [verdict], claims
    assert claims[0].kind is Kind.SCORE


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gonzalo Montiel scored the decisive penalty in the shoot-out. Argentina won."),
        ("en", "Mbappé converted two penalties in normal and extra time."),
    ],
)
def test_the_one_tie_of_the_night_is_the_tie_to_check_on(lang: str, text: str) -> None:
    """The final was the night's only tie: its shoot-out and its extra time are facts of it,
    never "no tie to check it on"."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    (claim,) = _of(text, night, lang, Kind.METHOD)
    assert claim.verdict is Verdict.SUPPORTED, _said(night, lang, claim)
    assert claim.tie == "Argentina v France (Final)"


# -- A16 and A18: the Copa Libertadores final of 1999, second leg ----------------------------

LIBERTADORES_1999 = SPEC / "samples-l2" / "1999_copa_libertadores.txt"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Na de 1-0 nederlaag in de heenmatch won Palmeiras de terugmatch met 2-1."),
        ("en", "After the 1-0 defeat in the first leg, Palmeiras won the second leg 2-1."),
        ("en", "After losing the first leg 1-0 Palmeiras won the return leg 2-1."),
    ],
)
def test_a_win_of_the_second_leg_after_a_fronted_first_leg_is_the_nights(
    lang: str, text: str
) -> None:
    """Palmeiras lost the first leg 1-0 and won the second 2-1: a sentence opening on the
    first leg ("Na ... in de heenmatch won Palmeiras de terugmatch") tells the second's win."""
    night = _night(LIBERTADORES_1999, "1999-06-16")
    claims = _of(text, night, lang, Kind.RESULT)
    assert claims
    assert all(c.verdict is Verdict.SUPPORTED for c in claims), claims


@pytest.mark.parametrize(
    ("lang", "text", "told", "untrue"),
    [
        ("en", "Deportivo Cali won.", "won by Palmeiras", "a draw"),
        ("nl", "Deportivo Cali won.", "gewonnen door Palmeiras", "gelijkspel"),
    ],
)
def test_a_second_leg_won_2_1_is_no_draw_in_the_reason(
    lang: str, text: str, told: str, untrue: str
) -> None:
    """The second leg ended 2-1 (2-2 on aggregate, then penalties): Cali did not win it, and
    the reason never calls the 2-1 a draw."""
    night = _night(LIBERTADORES_1999, "1999-06-16")
    (claim,) = _of(text, night, lang, Kind.RESULT)
    assert claim.verdict is Verdict.CONTRADICTED
    said = _said(night, lang, claim)
    assert told in said
    assert untrue not in said


# -- A4: a hat-trick completed by the goal told ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("nl", "Mbappé maakte in de 118e minuut zijn hattrick vol.", Verdict.SUPPORTED),
        ("en", "Mbappé completed his hat-trick in the 118th minute.", Verdict.SUPPORTED),
        ("nl", "Mbappé maakte in de 81e minuut zijn hattrick vol.", Verdict.CONTRADICTED),
        ("en", "Mbappé completed his hat-trick in the 81st minute.", Verdict.CONTRADICTED),
        ("nl", "Messi maakte in de 108e minuut zijn hattrick vol.", Verdict.CONTRADICTED),
        ("en", "Messi completed his hat-trick in the 108th minute.", Verdict.CONTRADICTED),
    ],
)
def test_a_completed_hat_trick_is_the_scorers_third_goal(
    lang: str, text: str, verdict: Verdict
) -> None:
    """2022 final: Mbappé scored at 80', 81' and 118' (his third at 118'), Messi twice."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    (claim,) = _of(text, night, lang, Kind.GOAL)
    assert claim.verdict is verdict, _said(night, lang, claim)


# -- A5 and A6: penalties said of a player, alike in Dutch and English -------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Argentinië won. Gonzalo Montiel benutte de beslissende strafschop."),
        ("en", "Argentina won. Gonzalo Montiel scored the decisive penalty."),
        ("en", "Argentina won. Gonzalo Montiel scored the decisive penalty in the shoot-out."),
    ],
)
def test_a_kick_of_the_shoot_out_is_not_checkable(lang: str, text: str) -> None:
    """The data records the 2022 final's shoot-out (4-2), not who took its kicks: Montiel's
    is neither confirmed nor refuted, whether the shoot-out is named or not."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    claims = [c for c in check(text, night, lang) if "Montiel" in c.words]
    assert [c.verdict for c in claims] == [Verdict.NOT_CHECKABLE], claims
    assert claims[0].reason.key in (Why.NO_PENALTY_IN_PLAY, Why.SHOOTOUT_KICK)
    assert _said(night, lang, claims[0]).endswith(("kicks", "nam"))


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("nl", "Mbappé scoorde drie strafschoppen.", Verdict.CONTRADICTED),
        ("en", "Mbappé scored three penalties.", Verdict.CONTRADICTED),
        ("nl", "Mbappé scoorde twee strafschoppen.", Verdict.SUPPORTED),
        ("en", "Mbappé scored two penalties.", Verdict.SUPPORTED),
    ],
)
def test_a_count_of_penalties_scored_is_checked(lang: str, text: str, verdict: Verdict) -> None:
    """Mbappé scored three goals in the 2022 final, two of them penalties (80', 118')."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    (claim,) = _of(text, night, lang, Kind.GOAL)
    assert claim.verdict is verdict, _said(night, lang, claim)
    assert "2" in _said(night, lang, claim)


# -- A3 and A8: Euro 2024, Belgium out against France --------------------------------------------

EURO_2024 = SPEC / "samples" / "2024_euro.txt"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "België verloor door een eigen doelpunt van Jan Vertonghen in de 85e minuut."),
        ("en", "Belgium lost to an own goal by Jan Vertonghen in the 85th minute."),
    ],
)
def test_a_full_name_names_the_player_the_data_knows_by_surname(lang: str, text: str) -> None:
    """The data writes the own goal's scorer "Vertonghen": "Jan Vertonghen" is he."""
    night = _night(EURO_2024, "2024-07-01")
    (claim,) = _of(text, night, lang, Kind.GOAL)
    assert claim.verdict is Verdict.SUPPORTED, _said(night, lang, claim)
    assert claim.note is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "De Rode Duivels zijn uitgeschakeld op het EK."),
        ("en", "The Red Devils are out."),
    ],
)
def test_the_red_devils_are_belgium(lang: str, text: str) -> None:
    """Belgium lost 0-1 to France on 1 July 2024 and went out."""
    night = _night(EURO_2024, "2024-07-01")
    (claim,) = _of(text, night, lang, Kind.THROUGH)
    assert claim.verdict is Verdict.SUPPORTED, _said(night, lang, claim)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Kroatië won. De Braziliaanse ploeg ligt eruit."),
        ("en", "Croatia won. The Brazilian side are out."),
    ],
)
def test_a_side_by_its_adjective_is_no_player_and_not_the_last_side_named(
    lang: str, text: str
) -> None:
    """9 December 2022: Brazil went out; "Braziliaanse"/"Brazilian" is no player's name,
    and what is said of that side is not said of Croatia, named before: it is said plainly
    to be not checked."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-09")
    claims = check(text, night, lang)
    second = [c for c in claims if "Brazil" in c.sentence]
    assert [c.verdict for c in second] == [Verdict.NOT_CHECKABLE], second
    assert second[0].reason.key is Why.SIDE_UNNAMED
    assert "Brazil" in _said(night, lang, second[0])


# -- A10: a run of minutes told of one scorer is one claim -------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "verdict", "says"),
    [
        ("en", "Kylian Mbappé scored twice, in the 70th and 81st minute.", "contradicted", "81'"),
        ("en", "Kylian Mbappé scored twice, in the 70th and 75th minute.", "contradicted", "118'"),
        ("en", "Kylian Mbappé scored twice, in the 80th and 81st minute.", "supported", "81'"),
        ("nl", "Mbappé scoorde twee keer, in de 70e en de 75e minuut.", "contradicted", "118'"),
        ("en", "Kylian Mbappé scored in the 70th and 81st minute.", "contradicted", "81'"),
    ],
)  # fmt: skip
def test_a_run_of_minutes_is_one_claim_and_every_minute_counts(
    lang: str, text: str, verdict: str, says: str
) -> None:
    """2022 final: Mbappé scored at 80', 81' and 118'. A wrong minute in the run is never
    marked supported, and no reason speaks of own goals he did not score."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    (claim,) = _of(text, night, lang, Kind.GOAL)
    said = _said(night, lang, claim)
    assert claim.verdict.value == verdict, said
    assert says in said
    assert "own goal" not in said
    assert "eigen doelpunt" not in said


# -- A9: the drawing of lots named as the way a tie was decided ---------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Italy beat West Germany. The match was decided by the drawing of lots."),
        ("nl", "Italië plaatste zich na loting."),
    ],
)
def test_lots_named_of_a_tie_extra_time_decided_are_contradicted(lang: str, text: str) -> None:
    """17 June 1970: Italy beat West Germany 4-3 after extra time, no lots drawn."""
    night = _night(WORLD_CUP / "more" / "1970.txt", "1970-06-17")
    (claim,) = _of(text, night, lang, Kind.METHOD)
    assert claim.verdict is Verdict.CONTRADICTED
    assert "extra time" in _said(night, lang, claim) or "verlengingen" in _said(night, lang, claim)


# -- A12: reasons name players as the report prints them -------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "printed", "capitals"),
    [
        ("en", "England won. Peters scored twice.", "Martin Peters", "PETERS"),
        ("nl", "Engeland won. Peters scoorde twee keer.", "Martin Peters", "PETERS"),
        ("en", "England won. Bobby Charlton scored in the 101st minute.", "Geoff Hurst", "HURST"),
        ("nl", "Engeland won. Bobby Charlton scoorde in de 101e minuut.", "Geoff Hurst", "HURST"),
    ],
)
def test_reasons_print_family_names_in_normal_case(
    lang: str, text: str, printed: str, capitals: str
) -> None:
    """1966 final: the data writes "Martin PETERS", "Geoff HURST"; the report prints "Martin
    Peters", and so do the reasons."""
    night = _night(WORLD_CUP / "more" / "1966.txt", "1966-07-30")
    (claim,) = _of(text, night, lang, Kind.GOAL)
    said = _said(night, lang, claim)
    assert claim.verdict is Verdict.CONTRADICTED
    assert printed in said
    assert capitals not in said
