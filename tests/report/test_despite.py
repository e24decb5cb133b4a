"""A winner that lost the deciding match: through in a tie, but the cup's in a final."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.report import display_names, report, roundup
from matchday.report.grammar import Grammar
from matchday.report.language import LANGUAGES
from matchday.report.render import _ENV
from matchday.report.story import TieStory

SCHALKE, INTER = Team("FC Schalke 04", "GER"), Team("Internazionale", "ITA")


def _uefa_cup_final_1997() -> Season:
    """Schalke won the first leg 1-0; Inter the second 1-0 after extra time; Schalke won the
    shoot-out 4-1."""
    legs = (
        Match(dt.date(1997, 5, 7), SCHALKE, INTER, Score(1, 0)),
        Match(
            dt.date(1997, 5, 21), INTER, SCHALKE, Score(1, 0), extra_time=Score(1, 0),
            penalties=Score(1, 4),
        ),
    )  # fmt: skip
    rounds = (Round("Final", RoundFormat.KNOCKOUT, legs),)
    return Season("UEFA Cup", "1996/97", (Stage(StageKind.KNOCKOUT, rounds),))


def _despite_said(code: str) -> tuple[TieStory, set[str]]:
    """The 1997 final's second leg, and every phrasing (every seed) of its "despite" fact."""
    told = roundup(_uefa_cup_final_1997(), date=dt.date(1997, 5, 21))
    (story,) = told.stories
    macros = _ENV.get_template(f"{code}/tie.j2").module
    lang = LANGUAGES[code]
    names = display_names(story.tie.teams, lang)
    said = {
        " ".join(str(macros.despite(story, Grammar(lang, names, seed=str(seed)), told)).split())
        for seed in range(60)
    }
    return story, said


@pytest.mark.parametrize(
    ("code", "won", "never"),
    [
        ("en", "but Schalke win the UEFA Cup", ("are through", "are out", "the tie")),
        ("nl", "wint Schalke de UEFA Cup", ("mag Schalke verder", "uitgeschakeld")),
    ],
)
def test_a_finals_winner_despite_defeat_wins_the_cup(
    code: str, won: str, never: tuple[str, ...]
) -> None:
    """Every phrasing of the fact (every seed) for the second leg of the 1997 UEFA Cup final."""
    story, said = _despite_said(code)
    assert story.final
    assert story.through_despite_defeat
    assert len(said) == 4
    assert any(won in text for text in said)
    for text in said:
        for words in never:
            assert words not in text


def test_the_report_of_the_1997_final_says_schalke_win_it() -> None:
    text = report(_uefa_cup_final_1997(), date=dt.date(1997, 5, 21), lang="en").text
    assert "Schalke win the UEFA Cup on penalties" in text
    assert "through" not in text


@pytest.mark.parametrize(
    ("code", "shootout", "wrong"),
    [
        ("en", "Schalke lost on the night but won the shoot-out.", "did not matter"),
        ("nl", "Schalke verloor de wedstrijd, maar won de strafschoppenreeks.", "deed er niet toe"),
    ],
)
def test_a_defeat_that_forced_a_shoot_out_mattered(code: str, shootout: str, wrong: str) -> None:
    """Inter's 1-0 levelled the tie and forced the shoot-out: the defeat did matter, and the
    phrasing that says it did not is replaced by the shoot-out Schalke won (every seed)."""
    story, said = _despite_said(code)
    assert story.defeat_levelled
    assert shootout in said
    assert not any(wrong in text for text in said)


def test_a_defeat_in_regular_time_that_left_the_winner_ahead_did_not_level_the_tie() -> None:
    """Lost 2-1 after a 2-0 first-leg win: through on aggregate, the defeat did not matter."""
    a, b = Team("Alpha FC", "ENG"), Team("Beta FC", "ESP")
    legs = (
        Match(dt.date(2020, 2, 18), a, b, Score(2, 0)),
        Match(dt.date(2020, 3, 10), b, a, Score(2, 1)),
    )
    rounds = (Round("Round of 16", RoundFormat.KNOCKOUT, legs),)
    season = Season("UEFA Champions League", "2019/20", (Stage(StageKind.KNOCKOUT, rounds),))
    (story,) = roundup(season, date=dt.date(2020, 3, 10)).stories
    assert story.through_despite_defeat
    assert not story.defeat_levelled


@pytest.mark.parametrize(("code", "wrong"), [("en", "did not matter"), ("nl", "deed er niet toe")])
def test_real_madrid_lost_at_atletico_in_2025_but_won_the_shoot_out(
    openfootball_cl: Path, code: str, wrong: str
) -> None:
    """12 March 2025: Atlético won 1-0, levelling the tie; Real Madrid won the shoot-out."""
    season = matchday.load(openfootball_cl / "2024-25" / "cl.txt")
    written = report(season, date=dt.date(2025, 3, 12), lang=code)
    (story,) = [s for s in written.roundup.stories if s.winner and "Real Madrid" in s.winner.name]
    assert story.defeat_levelled
    assert wrong not in written.text
