"""The Football.TXT reader: every syntax the openfootball files use, and clear errors."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from matchday.errors import GoalCountError, ParseError, RuleError
from matchday.io.footballtxt import canonical_round, parse
from matchday.model import MatchStatus, RoundFormat, Score, StageKind, Team


def read(body: str, title: str = "= UEFA Champions League 2017/18") -> list:  # type: ignore[type-arg]
    season = parse(title + "\n" + textwrap.dedent(body), "test.txt")
    return list(season.matches)


@pytest.mark.parametrize(
    ("header", "name", "fmt"),
    [
        ("Group A", "Group A", RoundFormat.GROUP),
        ("Gruppe G", "Group G", RoundFormat.GROUP),
        ("Group, Matchday 3", "Group stage", RoundFormat.GROUP),
        ("League, Matchday 8", "League phase", RoundFormat.LEAGUE),
        ("League phase", "League phase", RoundFormat.LEAGUE),
        ("Playoffs, Matchday 1", "Playoffs", RoundFormat.KNOCKOUT),
        ("Playoffs, Matchday 2", "Playoffs", RoundFormat.KNOCKOUT),
        ("Play-offs", "Playoffs", RoundFormat.KNOCKOUT),
        ("Sechzehntelfinale", "Round of 32", RoundFormat.KNOCKOUT),
        ("Finals, Round of 16", "Round of 16", RoundFormat.KNOCKOUT),
        ("Finals, Quarterfinals", "Quarterfinals", RoundFormat.KNOCKOUT),
        ("Semifinals", "Semifinals", RoundFormat.KNOCKOUT),
        ("Finals, Final", "Final", RoundFormat.KNOCKOUT),
        ("1. Round", "Round 1", RoundFormat.KNOCKOUT),
        ("Round 3", "Round 3", RoundFormat.KNOCKOUT),
        ("last 32", "Round of 32", RoundFormat.KNOCKOUT),
    ],
)
def test_round_headers_in_english_and_german(header: str, name: str, fmt: RoundFormat) -> None:
    found = canonical_round(header)
    assert found is not None
    assert (found.name, found.format) == (name, fmt)


def test_unknown_headers_are_not_guessed() -> None:
    assert canonical_round("Zwischenrunde der Sieger") is None
    with pytest.raises(ParseError, match=r"test\.txt:2: unknown round header"):
        read("» Zwischenrunde\n")


def test_the_two_matchday_headers_of_the_playoffs_make_one_two_legged_round() -> None:
    season = parse(
        textwrap.dedent(
            """\
            = UEFA Champions League 2024/25
            » Playoffs, Matchday 1
              Tue Feb/11 2025
                21.00  Club Brugge (BEL) v Atalanta (ITA)  2-1 (1-0)
            » Playoffs, Matchday 2
              Tue Feb/18
                21.00  Atalanta (ITA) v Club Brugge (BEL)  1-3 (0-3)
            """
        ),
        "cl.txt",
    )
    (round_,) = season.rounds
    (tie,) = round_.ties()
    assert round_.name == "Playoffs"
    assert [leg.date for leg in tie.legs] == [dt.date(2025, 2, 11), dt.date(2025, 2, 18)]
    assert tie.team1 == Team("Club Brugge", "BEL")


def test_dates_without_a_year_take_it_from_the_season_and_the_weekday() -> None:
    matches = read(
        """\
        » Group A
          Tue Sep/12
            20.45  Manchester United (ENG) v FC Basel 1893 (SUI)  3-0 (1-0)
          Tue Dec/5
            20.45  Manchester United (ENG) v CSKA Moskva (RUS)  2-1 (0-1)
        » Round of 16
          Tue Feb/13
            20.45  Juventus (ITA) v Tottenham Hotspur (ENG)  2-2 (2-1)
        """
    )
    assert [m.date for m in matches] == [
        dt.date(2017, 9, 12),
        dt.date(2017, 12, 5),
        dt.date(2018, 2, 13),
    ]


def test_a_weekday_that_fits_neither_year_is_an_error() -> None:
    with pytest.raises(ParseError, match="weekday does not fit"):
        read("» Group A\n  Mon Sep/12\n")


def test_kickoff_times_carry_down_within_a_date() -> None:
    matches = read(
        """\
        » Group C
          Wed Sep/27 2017
            18.00  Qarabağ FK (AZE)  v AS Roma (ITA)  1-2 (1-2)
            20.45  Atlético Madrid (ESP) v Chelsea FC (ENG)  1-2 (1-0)
                   Chelsea FC (ENG)  v AS Roma (ITA)  3-3 (2-1)
          Wed Oct/18
                   Qarabağ FK (AZE)  v Atlético Madrid (ESP)  0-0
        """
    )
    assert [m.kickoff for m in matches] == [dt.time(18, 0), dt.time(20, 45), dt.time(20, 45), None]


def test_teams_keep_names_with_digits_and_their_country_codes() -> None:
    (match,) = read(
        """\
        » Round 1
          Wed Jul/10 2024
            20.00  KÍ Klaksvík (FRO) v FC Differdange 03 (LUX)  2-0 (2-0)
        """
    )
    assert match.home == Team("KÍ Klaksvík", "FRO")
    assert match.away == Team("FC Differdange 03", "LUX")


@pytest.mark.parametrize(
    ("result", "score", "half", "extra", "pens"),
    [
        ("3-2 (1-0)", "3-2", "1-0", None, None),
        ("0-0", "0-0", None, None, None),
        ("2-1 a.e.t. (2-0, 1-0)", "2-0", "1-0", "2-1", None),
        ("3-2 pen. 0-2 a.e.t. (0-2, 0-1)", "0-2", "0-1", "0-2", "3-2"),
        ("8-7 pen. 0-0 a.e.t. (0-0)", "0-0", None, "0-0", "8-7"),
    ],
)
def test_results_with_half_time_extra_time_and_penalties(
    result: str, score: str, half: str | None, extra: str | None, pens: str | None
) -> None:
    (match,) = read(
        f"""\
        » Final
          Sat May/26 2018
            Real Madrid (ESP) v Liverpool FC (ENG)  {result}
        """
    )

    def s(text: str | None) -> Score | None:
        return None if text is None else Score(*map(int, text.split("-")))

    assert (match.score, match.half_time, match.extra_time, match.penalties) == (
        s(score),
        s(half),
        s(extra),
        s(pens),
    )


def test_unplayed_awarded_and_cancelled_matches() -> None:
    matches = read(
        """\
        » Round of 16
          Thu Mar/10 2022
            RB Leipzig (GER) v Spartak Moskva (RUS)  [cancelled]
            Villarreal CF (ESP) v Qarabağ FK (AZE)  3-0  [awarded]
            Paris Saint-Germain FC (FRA) v Arsenal FC (ENG)
        """,
        title="= UEFA Europa League 2021/22",
    )
    assert [m.status for m in matches] == [
        MatchStatus.CANCELLED,
        MatchStatus.AWARDED,
        MatchStatus.SCHEDULED,
    ]
    assert matches[1].score == Score(3, 0)


def test_goal_lines_in_both_styles_with_penalties_own_goals_and_stoppage_time() -> None:
    brackets, parens = read(
        """\
        » Round of 32
          Thu Feb/22 2018
            Red Bull Salzburg (AUT) v Real Sociedad (ESP)  2-1 (1-1)
              [Dabbur 10', V. Berisha 74' (pen.); Raúl Navas 28']
              red: [-; Raúl Navas 71' (2nd yellow)]
            Paris Saint-Germain (FRA) v Chelsea FC (ENG)  3-1
              (Lavezzi 4' Luiz 61' (o.g.) Pastore 90+3'; Hazard 27' (pen.))
        """
    )
    assert brackets.goals is not None
    assert [(g.scorer, g.minute, g.penalty) for g in brackets.goals] == [
        ("Dabbur", 10, False),
        ("Raúl Navas", 28, False),
        ("V. Berisha", 74, True),
    ]
    assert brackets.red_cards is not None
    (card,) = brackets.red_cards
    assert (card.player, card.minute, card.team.name, card.second_yellow) == (
        "Raúl Navas",
        71,
        "Real Sociedad",
        True,
    )
    assert parens.goals is not None
    by_scorer = {g.scorer: g for g in parens.goals}
    assert by_scorer["Luiz"].own_goal
    assert by_scorer["Luiz"].team.name == "Paris Saint-Germain"
    assert (by_scorer["Pastore"].minute, by_scorer["Pastore"].added) == (90, 3)
    assert by_scorer["Hazard"].penalty


def test_several_minutes_for_one_scorer() -> None:
    (match,) = read(
        """\
        » Round of 32
          Thu Feb/22 2018
            Lazio Roma (ITA) v FCSB (ROU)  5-1 (3-0)
              [Immobile 7', 43', 71', Bastos 35', Felipe Anderson 51'; Gnohéré 82']
        """
    )
    assert match.goals is not None
    assert [g.scorer for g in match.goals].count("Immobile") == 3


def test_goal_lines_that_do_not_add_up_name_the_goal_line() -> None:
    with pytest.raises(GoalCountError) as caught:
        read(
            """\
            » Round of 32
              Thu Feb/22 2018
                Atalanta (ITA) v Borussia Dortmund (GER)  1-1 (1-0)
                  [Toloi 11']
            """
        )
    assert str(caught.value).startswith("test.txt:5:")


def test_a_malformed_score_line_is_a_parse_error_naming_file_and_line() -> None:
    with pytest.raises(ParseError) as caught:
        read(
            """\
            » Round of 32
              Thu Feb/22 2018
                Atalanta (ITA) v Borussia Dortmund (GER)  1-1 (1-0
            """
        )
    error = caught.value
    assert (error.file, error.line) == ("test.txt", 4)
    assert "1-1 (1-0" in error.text
    assert str(error).startswith("test.txt:4: cannot read match line")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Manchester United  FC Basel", "cannot read match line"),
        ("  Atalanta (ITA) v Borussia Dortmund (GER)  2-1 a.e.t. (1-1, 0-0, 0-0)", "too many"),
        ("  Atalanta (ITA) v Borussia Dortmund (GER)  1-1 [postponed]", "postponed match has no"),
        ("  Atalanta (ITA) v Borussia Dortmund (GER)  1-1 [replayed]", "unknown match status"),
        ("  Atalanta (ITA) v Borussia Dortmund (GER)  1-1 (1-0, 0-0)", "two scores"),
        ("  Atalanta (ITA) v Atalanta (ITA)  1-1", "cannot play itself"),
        ("  Atalanta (ITA) v Borussia Dortmund (GER)  1-1 a.e.t. (2-1)", "lower than"),
    ],
)
def test_every_unreadable_or_impossible_line_is_rejected(line: str, problem: str) -> None:
    body = f"» Round of 32\n  Thu Feb/22 2018\n{line}\n"
    with pytest.raises((ParseError, RuleError), match=problem) as caught:
        read(body)
    assert "test.txt:4" in str(caught.value)


def test_matches_without_round_or_date_are_read_and_flagged() -> None:
    season = parse("= Cup 2017/18\n» Final\n  Atalanta (ITA) v Borussia Dortmund (GER)  1-1\n", "t")
    with pytest.raises(ParseError, match="before any date line"):
        parse("  Atalanta (ITA) v Borussia Dortmund (GER)  1-1\n", "t.txt")
    (match,) = season.matches
    assert not match.dated
    undated = parse("= Cup 1934\nAtalanta v Dortmund  1-1\n", "t.txt")
    assert [r.name for r in undated.rounds] == ["Matches"]
    assert (undated.matches[0].date, undated.matches[0].dated) == (dt.date(1934, 1, 1), False)


def test_title_gives_competition_season_and_qualifying() -> None:
    season = parse(
        "= UEFA Champions League - Quali 2024/25\n» Round 1\n  Tue Jul/9 2024\n"
        "    FK Panevėžys (LTU) v HJK Helsinki (FIN)  3-0 (1-0)\n",
        "clq.txt",
    )
    assert (season.competition, season.name, season.start_year) == (
        "UEFA Champions League",
        "2024/25",
        2024,
    )
    assert season.qualifying
    assert season.stages[0].kind is StageKind.QUALIFYING
