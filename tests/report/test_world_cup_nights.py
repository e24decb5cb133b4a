"""World Cup nights as a sports desk reads them: chances from the national teams' ratings,
the upset that leads, the story of a match (a hat-trick, a lead thrown away, a half-time
score that settled it, a burst of goals, the host out), the golden goal named."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import matchday
import matchday.competitions as competitions
from matchday.model import Season
from matchday.report import Report, night_rules, report, through_chances
from matchday.report.grammar import Grammar
from matchday.report.language import EN
from matchday.report.story import Angle, assess
from tests.conftest import OPENFOOTBALL

WORLD_CUP = OPENFOOTBALL / "worldcup"


def _cup(folder: str) -> Season:
    path = WORLD_CUP / folder
    if not path.is_dir():
        pytest.skip(f"no World Cup data at {path}")
    return matchday.load(path)


def _written(folder: str, round_name: str, lang: str, *, forecast: bool = True) -> Report:
    return report(_cup(folder), round_name=round_name, lang=lang, forecast=forecast)


def _chance_sentences(written: Report) -> list[str]:
    return [s.text for s in written.statements if s.fact == "close_call"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_world_cup_report_gives_the_national_ratings_chances(lang: str) -> None:
    """The shipped national ratings (as ``matchday check`` and ``plot`` rate national teams)
    give World Cup ties the chance sentences club ties get: Morocco's 27% against Spain is
    the series the forecast made from them."""
    season = _cup("2022--qatar")
    written = report(season, round_name="Round of 16", lang=lang, forecast=True)
    said = _chance_sentences(written)
    assert len(said) >= 4
    rules = night_rules(competitions.of_season(season), round_name="Round of 16")
    morocco = next(s for s in written.roundup.stories if "Morocco" in s.tie.label)
    series = through_chances(morocco.tie, rules)
    assert series is not None
    opening = dict(series.of(morocco.winner))[0]  # type: ignore[arg-type]
    assert 0.1 < opening < 0.4
    marokko = [x for x in said if ("Marokko" if lang == "nl" else "Morocco") in x]
    assert any(f"{round(100 * opening)}%" in x for x in marokko)


def test_no_chances_without_national_ratings_of_the_time() -> None:
    """The 2014 World Cup is older than the oldest shipped national ratings fitted before it
    (none): no chances, rather than made-up ones."""
    assert not _chance_sentences(_written("2014--brazil", "Semi-finals", "en"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_world_cup_final_gives_the_chance_of_winning_it(lang: str) -> None:
    """A final sends nobody through: its chance is of winning it."""
    said = " ".join(_chance_sentences(_written("2022--qatar", "Final", lang)))
    assert "%" in said
    assert ("eindzege" if lang == "nl" else "winning the final") in said
    assert "kwalificatie" not in said
    assert "going through" not in said


@pytest.mark.parametrize(
    ("lang", "headline"),
    [("nl", "Stunt: Marokko schakelt Spanje uit"), ("en", "Shock as Morocco knock out Spain")],
)
def test_the_favourite_out_leads_the_round(lang: str, headline: str) -> None:
    """2022, round of 16: Morocco (27% by the forecast) put Spain out on penalties; the desk
    leads with it, not with Portugal's 6-1 against Switzerland, and says how big the upset was
    in the lead."""
    written = _written("2022--qatar", "Round of 16", lang)
    lead = written.roundup.lead
    assert {t.name for t in lead.tie.teams} == {"Morocco", "Spain"}
    assert assess(lead).top is Angle.UPSET
    assert written.headline == headline
    assert any(s.fact == "close_call" and "27%" in s.text for s in written.lead)


def test_an_upset_weighs_more_the_bigger_the_favourite() -> None:
    """Croatia (17%) out-weighed Brazil by more than Morocco (32%) did Portugal; a near
    coin-flip (France over England) is no upset."""
    news = {
        s.tie.label: assess(s)
        for s in _written("2022--qatar", "Quarter-finals", "en").roundup.stories
    }
    croatia = next(n for label, n in news.items() if "Brazil" in label)
    morocco = next(n for label, n in news.items() if "Portugal" in label)
    france = next(n for label, n in news.items() if "England" in label)
    assert croatia.top is Angle.UPSET
    assert Angle.UPSET in morocco.angles
    assert Angle.UPSET not in france.angles
    assert croatia.score > morocco.score


@pytest.mark.parametrize(
    ("lang", "headline", "verdict"),
    [
        (
            "nl",
            "Frankrijk met een golden goal naar de kwartfinales",
            "Frankrijk plaatst zich na een golden goal voor de kwartfinales",
        ),
        (
            "en",
            "France into the quarter-finals with a golden goal",
            "France reach the quarter-finals with a golden goal",
        ),
    ],
)
def test_the_headline_names_the_golden_goal(lang: str, headline: str, verdict: str) -> None:
    """1998, France 1-0 Paraguay after extra time: the golden goal settled it, and the headline
    and the lead say so, not only the body (the 1998 file has no goal events)."""
    season = _cup("1998--france")
    rules = matchday.rules_for_season(1998, season.competition)
    written = report(season, date=dt.date(1998, 6, 28), lang=lang, rules=rules)
    assert written.headline == headline
    assert "golden goal" in written.lead[0].text
    assert verdict in written.text


@pytest.mark.parametrize(
    ("lang", "headline"),
    [
        ("nl", "Golden goal van AHN Jung Hwan loodst Zuid-Korea naar de kwartfinales"),
        ("en", "Golden goal by AHN Jung Hwan sends South Korea into the quarter-finals"),
    ],
)
def test_a_late_golden_goal_is_named_in_the_headline(lang: str, headline: str) -> None:
    """2002, South Korea 2-1 Italy: the 117th-minute winner was a golden goal."""
    path = WORLD_CUP / "more" / "2002_full.txt"
    if not path.is_file():
        pytest.skip(f"no World Cup data at {path}")
    season = matchday.load(path)
    written = report(season, round_name="Round of 16", lang=lang)
    assert written.headline.casefold() == headline.casefold()


def test_a_single_match_in_progress_puts_nobody_through() -> None:
    """2022, Japan 1-1 Croatia: Japan led from the 43rd minute to the 55th. In one match nobody
    is through while it is played: Japan were ahead, and would have been through had it ended
    then (the Dutch "virtueel geplaatst" says the same)."""
    english = _written("2022--qatar", "Round of 16", "en", forecast=False)
    section = next(x for x in english.sections if "Japan" in x.heading)
    assert "Japan were through" not in section.paragraph
    assert "Japan were ahead from the 43rd minute until the 55th" in section.paragraph
    assert "would have been through to the quarter-finals" in section.paragraph
    dutch = _written("2022--qatar", "Round of 16", "nl", forecast=False)
    section = next(x for x in dutch.sections if "Japan" in x.heading)
    assert "virtueel geplaatst voor de kwartfinales" in section.paragraph


def _sentences(text: str) -> list[str]:
    return [x.strip() for x in re.split(r"(?<=[.!?])\s+", text) if len(x.split()) > 3]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_2022_final_tells_the_match(lang: str) -> None:
    """Argentina led 2-0 and 3-2, France came back twice, Mbappé scored a hat-trick and lost:
    in the lead and in the body, never the same sentence twice."""
    written = _written("2022--qatar", "Final", lang)
    story = written.roundup.lead
    assert [(h.scorer, len(h.goals)) for h in story.hauls] == [("Kylian Mbappé", 3)]
    assert [(f.team.name, f.led, f.level.minute) for f in story.fightbacks] == [
        ("France", (2, 0), 81),
        ("France", (3, 2), 118),
    ]
    lead, body = written.lead_paragraph, written.sections[0].paragraph
    if lang == "nl":
        assert "Argentinië stond 2-0 voor, maar Frankrijk kwam twee keer terug" in lead
        assert "Frankrijk knokte zich twee keer terug: van 2-0 naar 2-2 in de 81e minuut" in body
        assert "Kylian Mbappé scoorde" in lead
        assert "Kylian Mbappé scoorde" in body
    else:
        assert "Argentina led 2-0, but France fought back twice" in lead
        assert "France came back twice: from 2-0 down to 2-2 in the 81st minute" in body
        assert "Kylian Mbappé scored" in lead
        assert "hat-trick" in lead + body
    assert not set(_sentences(lead)) & set(_sentences(body))


@pytest.mark.parametrize(
    ("lang", "headline", "said"),
    [
        (
            "nl",
            "Duitsland schakelt gastland Brazilië uit",
            ["Bij de rust", "0-5", "Duitsland vier keer", "gastland"],
        ),
        (
            "en",
            "Germany knock out host nation Brazil",
            ["half-time", "0-5", "Germany scored four", "host nation"],
        ),
    ],
)
def test_the_seven_one_tells_half_time_the_burst_and_the_hosts(
    lang: str, headline: str, said: list[str]
) -> None:
    """2014, Brazil 1-7 Germany: 0-5 at half-time, four goals from the 23rd minute to the 29th,
    and the host nation out."""
    written = _written("2014--brazil", "Semi-finals", lang, forecast=False)
    story = written.roundup.lead
    assert story.host_out is not None
    assert story.host_out.name == "Brazil"
    assert story.decided_at_half_time
    assert story.burst is not None
    assert [g.minute for g in story.burst.goals] == [23, 24, 26, 29]
    assert written.headline == headline
    told = written.lead_paragraph + " " + written.sections[0].paragraph
    for words in said:
        assert words in told
    assert "29" in told


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("source", "round_name"),
    [
        ("2022--qatar", "Final"),
        ("2022--qatar", "Round of 16"),
        ("2022--qatar", "Quarter-finals"),
        ("2014--brazil", "Semi-finals"),
        ("more/2002_full.txt", "Round of 16"),
        ("more/2018.txt", "Round of 16"),
    ],
)
def test_the_lead_never_repeats_a_sentence_of_the_body(
    source: str, round_name: str, lang: str
) -> None:
    """The lead retells the lead story in other words: no sentence of it stands word for word
    in the story's section (the final had "Van de 81e tot de 108e minuut stond het gelijk."
    twice)."""
    path = WORLD_CUP / source
    if not path.exists():
        pytest.skip(f"no World Cup data at {path}")
    written = report(matchday.load(path), round_name=round_name, lang=lang, forecast=True)
    lead = set(_sentences(written.lead_paragraph))
    assert not lead & set(_sentences(written.sections[0].paragraph))


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Laurent BLANC", "Laurent Blanc"),
        ("AHN Jung Hwan", "Ahn Jung Hwan"),
        ("Peter MOLLER", "Peter Moller"),
        ("Kevin DE BRUYNE", "Kevin De Bruyne"),
        ("Martin O'NEILL", "Martin O'Neill"),
        ("EUSEBIO", "Eusebio"),
        ("J. de Jong", "J. de Jong"),
        ("Kylian Mbappé", "Kylian Mbappé"),
        ("McDONALD", "McDONALD"),
    ],
)
def test_a_family_name_in_capitals_is_printed_in_normal_case(written: str, printed: str) -> None:
    assert Grammar(EN, {}).player(written) == printed


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_prints_names_from_the_more_files_in_normal_case(lang: str) -> None:
    """1998 (openfootball's more/ file): "Laurent BLANC" scored the golden goal, "Peter MOLLER"
    Denmark's first; the report prints them as a paper does, the data keeps its capitals."""
    path = WORLD_CUP / "more" / "1998_full.txt"
    if not path.is_file():
        pytest.skip(f"no World Cup data at {path}")
    season = matchday.load(path)
    written = report(season, date=dt.date(1998, 6, 28), lang=lang)
    assert "Laurent Blanc" in written.text
    assert "Peter Moller" in written.text
    assert "BLANC" not in written.text
    assert any(g.scorer == "Laurent BLANC" for g in written.roundup.lead.goals or ())


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nl", "Zweden plaatste zich zonder te spelen"),
        ("en", "Sweden went through to the quarter-finals without playing"),
    ],
)
def test_a_walkover_of_the_night_is_told_with_those_through(lang: str, said: str) -> None:
    """1938: Sweden went on without a match (Austria withdrew); the night of 5 June and the
    first round name them with the others through."""
    season = _cup("1938--france")
    for written in (
        report(season, date=dt.date(1938, 6, 5), lang=lang),
        report(season, round_name="First round", lang=lang),
    ):
        assert said in written.lead_paragraph
