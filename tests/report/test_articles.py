"""Countries said with their article: "the Netherlands", "de Sovjet-Unie", and a sentence that
starts with one starts with a capital."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.report import display_names, report
from matchday.report.grammar import Grammar
from matchday.report.language import EN, NL, Language

NETHERLANDS, USSR, USA, BRAZIL = (Team(n) for n in ("Netherlands", "Soviet Union", "USA", "Brazil"))


@pytest.mark.parametrize(
    ("lang", "team", "said"),
    [
        (EN, NETHERLANDS, "the Netherlands"),
        (EN, USSR, "the Soviet Union"),
        (EN, USA, "the USA"),
        (EN, Team("Czech Republic"), "the Czech Republic"),
        (EN, Team("Republic of Ireland"), "the Republic of Ireland"),
        (EN, Team("United Arab Emirates"), "the United Arab Emirates"),
        (EN, Team("Ivory Coast"), "the Ivory Coast"),
        (EN, BRAZIL, "Brazil"),
        (NL, USSR, "de Sovjet-Unie"),
        (NL, USA, "de Verenigde Staten"),
        (NL, Team("United States"), "de Verenigde Staten"),
        (NL, NETHERLANDS, "Nederland"),
        (NL, BRAZIL, "Brazilië"),
    ],
)
def test_running_text_says_the_article(lang: Language, team: Team, said: str) -> None:
    g = Grammar(lang, display_names([team], lang))
    assert g.team(team) == said
    assert g.name(team) == said.removeprefix("the ").removeprefix("de ")


def _semi_final(home: Team, away: Team, score: Score) -> Season:
    final = Match(dt.date(1974, 7, 3), home, away, score)
    rounds = (
        Round("Semifinals", RoundFormat.KNOCKOUT, (final,)),
        Round("Final", RoundFormat.KNOCKOUT, (Match(dt.date(1974, 7, 7), home, away, None),)),
    )
    return Season("World Cup", "1974", (Stage(StageKind.KNOCKOUT, rounds),))


def test_a_sentence_starting_with_the_netherlands_starts_with_a_capital() -> None:
    season = _semi_final(NETHERLANDS, BRAZIL, Score(2, 0))
    written = report(season, round_name="Semifinals", lang="en")
    assert written.headline.startswith("The Netherlands ")
    assert written.sections[0].heading == "Netherlands 2-0 Brazil"  # a score line: bare
    prose = " ".join((written.lead_paragraph, written.sections[0].paragraph))
    assert "The Netherlands beat Brazil 2-0." in prose or "The Netherlands won 2-0" in prose
    assert "The Netherlands go through to the final; Brazil are out." in prose
    bare = prose.replace("the Netherlands", "").replace("The Netherlands", "")
    assert "Netherlands" not in bare


def test_de_sovjet_unie_at_the_start_of_a_dutch_sentence() -> None:
    season = _semi_final(USSR, BRAZIL, Score(1, 0))
    written = report(season, round_name="Semifinals", lang="nl")
    assert written.headline.startswith("De Sovjet-Unie ")
    assert written.sections[0].heading == "Sovjet-Unie - Brazilië 1-0"
    assert "De Sovjet-Unie plaatst zich voor de finale" in written.sections[0].paragraph
    prose = " ".join((written.lead_paragraph, written.sections[0].paragraph))
    assert "Sovjet-Unie" not in prose.replace("de Sovjet-Unie", "").replace("De Sovjet-Unie", "")


def test_an_initial_is_no_sentence_end() -> None:
    from matchday.report.render import _sentences

    assert _sentences("the Netherlands won. the end") == "The Netherlands won. The end"
    assert _sentences("Then F. de Boer made it 2-1.") == "Then F. de Boer made it 2-1."
    assert _sentences("it was 1-0. de Sovjet-Unie won") == "It was 1-0. De Sovjet-Unie won"
