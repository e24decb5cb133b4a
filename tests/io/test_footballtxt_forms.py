"""The forms of the Football.TXT specification (levels 1 and 2), one test per shape."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from matchday.errors import AggregateMismatchError, MatchdayError, ParseError
from matchday.io.footballtxt import canonical_round, parse
from matchday.model import Match, RoundFormat, Score
from matchday.select import find_round
from tests.conftest import OPENFOOTBALL


def one(line: str, title: str = "= World Cup 2018", date: str = "Sun Jul 1") -> Match:
    season = parse(f"{title}\n▪ Round of 16\n{date}\n{line}\n", "t.txt")
    (match,) = season.matches
    return match


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Round of 16", "Round of 16"), ("1/8 Finals", "Round of 16"),
        ("Achtelfinale", "Round of 16"), ("Octavos de final", "Round of 16"),
        ("Huitièmes de finale", "Round of 16"), ("Achtste finales", "Round of 16"),
        ("Quarter-finals - 1st Leg", "Quarterfinals"), ("Kwartfinales", "Quarterfinals"),
        ("Final - 2nd leg", "Final"), ("First round", "Round 1"),
        ("Preliminary Round", "Preliminary round"), ("1. Vorrunde", "Preliminary round 1"),
        ("Match for third place", "Third place"), ("Third place play-off", "Third place"),
        ("Troostfinale", "Third place"), ("Kleines Finale", "Third place"),
        ("Spiel um den dritten Platz", "Third place"), ("Finalina", "Third place"),
        ("Partido por el tercer lugar", "Third place"), ("Match pour la 3e place", "Third place"),
        ("Disputa do 3º lugar", "Third place"), ("Replay", "Replay"),
        ("Quarter-final, Replay", "Quarterfinals, Replays"), ("Playoff-Runde", "Playoffs"),
        ("1st Round, Replays", "Round 1, Replays"),
        ("Halve finales", "Semifinals"), ("Semi-Final, Leg 2 of 2", "Semifinals"),
        ("Group, Matchday 3 of 6", "Group stage"),
        ("Relegation, Round24", "Relegation, Round 24"),
    ],
)  # fmt: skip
def test_round_names_in_many_languages_map_to_one_round(header: str, name: str) -> None:
    found = canonical_round(header)
    assert found is not None
    assert found.name == name


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("achtste finales", "Round of 16"), ("achtstefinales", "Round of 16"),
        ("Achtstefinale", "Round of 16"), ("1/8 finales", "Round of 16"),
        ("1/8 finale", "Round of 16"), ("1/8e finale", "Round of 16"),
        ("1/16e finales", "Round of 32"), ("zestiendefinales", "Round of 32"),
        ("kwartfinale", "Quarterfinals"), ("Kwartfinales", "Quarterfinals"),
        ("1/4 finales", "Quarterfinals"), ("halve finale", "Semifinals"),
        ("halve finales", "Semifinals"), ("halve finals", "Semifinals"),
        ("finale", "Final"), ("kleine finale", "Third place"), ("troostfinale", "Third place"),
        ("groepsfase", "Group stage"), ("voorronde", "Preliminary round"),
        ("Groep F", "Group F"),
    ],
)  # fmt: skip
def test_the_round_names_of_a_flemish_sports_desk(header: str, name: str) -> None:
    """The Dutch and Flemish forms in use, one word or two, in figures or in words."""
    found = canonical_round(header)
    assert found is not None
    assert found.name == name


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("Sun Jul 1", dt.date(2018, 7, 1)), ("Jul 1", dt.date(2018, 7, 1)),
        ("July 1", dt.date(2018, 7, 1)), ("Sunday, July 1, 2018", dt.date(2018, 7, 1)),
        ("1 July 2018", dt.date(2018, 7, 1)), ("Sun 1 Jul", dt.date(2018, 7, 1)),
        ("01.07.2018", dt.date(2018, 7, 1)), ("1.7.18", dt.date(2018, 7, 1)),
        ("1.7.", dt.date(2018, 7, 1)), ("2018-07-01", dt.date(2018, 7, 1)),
        ("Sun Jul/1 2018", dt.date(2018, 7, 1)), ("Su 1/7", dt.date(2018, 7, 1)),
    ],
)  # fmt: skip
def test_every_date_form(date: str, expected: dt.date) -> None:
    assert one("  Spain v Russia  1-1", date=date).date == expected


def test_a_weekday_must_fit() -> None:
    with pytest.raises(ParseError, match="the weekday does not fit"):
        one("  Spain v Russia  1-1", date="Mon Jul 1")


@pytest.mark.parametrize(
    "line",
    [
        "  17:00 UTC+3  Spain  1-1 a.e.t. (1-1, 1-1), 3-4 pen.  Russia  @ Luzhniki, Moscow",
        "  Spain v Russia  1-1 a.e.t. (1-1, 1-1), 3-4 pen.",
        "  Spain v Russia  3-4 pen. 1-1 a.e.t. (1-1, 1-1)",
        "  Spain - Russia  3-4 pen (1-1, 1-1, 1-1)",
        "  Spain  1-1 aet, 3-4 pen  Russia",
        "  Spain 1-1 Russia  (HT 1-1, FT 1-1, AET, PEN 3-4)",
        "  Spain 1-1 Russia  (aet, win 3-4 on pens)",
        "  (51) Spain v Russia  1-1 n.V. (1-1, 1-1) 3-4 i.E.",
        "  Spain v Russia  1-1 a.p. (1-1, 1-1), 3-4 t.a.b.",
        "  Spain v Russia  1-1 a.p. (1-1, 1-1), 3-4 tirs au but",
        "  Spain v Russia  1-1 n.v. (1-1, 1-1), 3-4 strafschoppen",
        "  Spain v Russia  1-1 n.v. (1-1, 1-1), 3-4 na strafschoppen",
        "  Spain v Russia  1-1 d.t.s. (1-1, 1-1), 3-4 d.c.r.",
        "  Spain v Russia  1-1 a.e.t. (1-1, 1-1), 3-4 on penalties",
    ],
)
def test_every_score_form_of_one_result(line: str) -> None:
    match = one(line)
    assert (match.home.name, match.away.name) == ("Spain", "Russia")
    assert (match.score, match.extra_time, match.penalties) == (
        Score(1, 1),
        Score(1, 1),
        Score(3, 4),
    )


def test_penalties_straight_after_90_minutes_and_a_score_after_extra_time_only() -> None:
    straight = one("  Spain v Russia  4-2 pen. (1-1, 0-1)")
    assert (straight.score, straight.half_time, straight.extra_time) == (
        Score(1, 1),
        Score(0, 1),
        None,
    )
    only = one("  Austria  3-2 Hungary  (aet)")
    assert (only.extra_time, only.full_time_recorded) == (Score(3, 2), False)
    counted = one("  Austria v Hungary  3-2 a.e.t.\n    (A 10', A 93', A 100'; H 30', H 60')")
    assert (counted.score, counted.full_time_recorded) == (Score(1, 2), True)


@pytest.mark.parametrize(
    ("status", "field"),
    [("[cancelled]", "cancelled"), ("[postponed]", "note"), ("[abandoned]", "cancelled")],
)
def test_status_words(status: str, field: str) -> None:
    match = one(f"  Spain v Russia  {status}")
    assert match.score is None
    assert getattr(match, field)
    awarded = one("  Spain v Russia  3-0 [awarded]")
    assert awarded.awarded
    walkover = one("  Spain  n/p  Russia  [walkover; Russia withdrew]")
    assert (walkover.score, walkover.note) == (None, "walkover")


@pytest.mark.parametrize(
    "goals",
    [
        "(Messi 23'(p), 108'; Mbappé 80'(p))",
        "(Messi 23' (pen.) 108'; Mbappé 80' (pen.))",
        "(Messi 23pen, 108;\n   Mbappé 80pen)",
        "[Messi 23' (pen.), 108'; Mbappé 80' (pen.)]",
        "(1-0 Messi 23' (p), 1-1 Mbappé 80' (p), 2-1 Messi 108')",
    ],
)
def test_goal_lines_in_their_notations(goals: str) -> None:
    match = one(f"  Argentina v France  2-1 a.e.t. (1-1, 1-0)\n    {goals}")
    assert match.goals is not None
    assert [(g.minute, g.team.name, g.penalty) for g in match.goals] == [
        (23, "Argentina", True),
        (80, "France", True),
        (108, "Argentina", False),
    ]


def test_own_goals_and_added_time() -> None:
    match = one("  Spain v Russia  1-1 (1-1)\n    (Ignashevich 12' (o.g.); Dzyuba 90+3')")
    assert match.goals is not None
    assert [(g.own_goal, g.added) for g in match.goals] == [(True, 0), (False, 3)]


def test_level_two_lines_are_recognised_and_skipped() -> None:
    text = textwrap.dedent(
        """\
        = Euro 2021
        Group A  |  Turkey  Italy  Wales  Switzerland
        ▪ Matchday 1  |  Fri Jun 11
        ▪ Round of 16 | Sat Jun 26 - Tue Jun 29
        ▪ Matchday 1
        Fri Jun 11
          21:00  Turkey v Italy  0-3 (0-0)  @ Stadio Olimpico, Rome
            (Demiral 53' (o.g.) Immobile 66' Insigne 79')
        Turkey:  Çakir - Çelik, Demiral,
                 Yokuşlu; Coach: Güneş
        Italy:   Donnarumma - Florenzi (Di Lorenzo 46');
                 Coach: Mancini
        Yellow Cards:  Yokuşlu 40'
        Red cards: -
        Referee:  Danny Makkelie (Netherlands)
        Attendance:  12_916
        Substitutes:  Florenzi, Bonucci,
                      Chiellini
        <!--
          1.ITALY  3  3  0  0   7- 0   9
        -->
        """
    )
    season = parse(text, "euro.txt")
    assert [r.name for r in season.rounds] == ["Group A"]
    assert season.rounds[0].format is RoundFormat.GROUP
    (match,) = season.matches
    assert match.goals is not None
    assert [g.team.name for g in match.goals] == ["Italy"] * 3


SHOOT_OUT = """\
  Switzerland v France  3-3 a.e.t. (3-3, 1-0){pens}
  Switzerland: Sommer - Elvedi, Akanji; Coach: Petković
  {key}  1-0 Gavranović, 1-1 Pogba, 2-1 Schär, 2-2 Giroud,
      3-2 Akanji, 3-3 Thuram, 4-3 Vargas;
      4-4 Kimpembe, 5-4 Mehmedi, Mbappé (save)
  Referee: Fernando Rapallini (Argentina)"""


@pytest.mark.parametrize("key", ["Penalties:", "Penalty shootout:", "Penalty kicks:"])
def test_a_shoot_out_written_kick_by_kick_gives_the_match_its_shoot_out(key: str) -> None:
    match = one(SHOOT_OUT.format(pens="", key=key))
    assert (match.extra_time, match.penalties) == (Score(3, 3), Score(5, 4))
    agreeing = one(SHOOT_OUT.format(pens="  5-4 pen.", key=key))
    assert agreeing.penalties == Score(5, 4)


def test_a_shoot_out_line_must_agree_with_the_score_and_count_kick_by_kick() -> None:
    with pytest.raises(ParseError, match="ends 5-4, the score line says 4-5") as caught:
        one(SHOOT_OUT.format(pens="  4-5 pen.", key="Penalties:"))
    assert caught.value.line == 6  # the shoot-out's first line
    with pytest.raises(ParseError, match="cannot go from 1-1 to 3-1"):
        one("  Spain v Russia  1-1 a.e.t.\n  Penalties: 1-0 A, 1-1 B, 3-1 C")
    with pytest.raises(ParseError, match="a shoot-out after a group match that ended 0-3"):
        parse("= Euro 2021\n▪ Group A\n  Turkey v Italy  0-3\n  Penalties: 1-0 A, 2-0 B", "e.txt")
    kept: list[MatchdayError] = []
    text = "= World Cup 2018\n▪ Round of 16\nSun Jul 1\n" + SHOOT_OUT.format(
        pens="  4-5 pen.", key="Penalties:"
    )
    season = parse(text + "\n  Spain v Russia  1-0", "t.txt", problems=kept)
    assert [m.label for m in season.matches] == ["Spain v Russia, 2018-07-01"]  # not the other
    assert [p.line for p in kept if isinstance(p, ParseError)] == [6]


def test_an_aggregate_is_checked_against_the_legs() -> None:
    text = "= Copa 2024\n▪ Semifinals - 1st Leg\nOct 22  A v B  3-0\n"
    text += "▪ Semifinals - 2nd Leg\nOct 29  B v A  0-0  (agg 0-3)\n"
    assert len(parse(text, "c.txt").matches) == 2
    with pytest.raises(AggregateMismatchError, match=r"c\.txt:5: .*written 3-0, but the legs"):
        parse(text.replace("agg 0-3", "agg 3-0"), "c.txt")


def test_an_aggregate_counts_the_legs_of_its_own_round_only() -> None:
    """Teams that met in the group and meet again in a two-legged tie: the note is the tie's."""
    text = "= Copa 2024\n▪ Group A\nMay 1  A v B  2-2\nMay 8  B v A  1-1\n"
    text += "▪ Semifinals - 1st Leg\nOct 22  A v B  3-0\n"
    text += "▪ Semifinals - 2nd Leg\nOct 29  B v A  0-0  (agg 0-3)\n"
    assert len(parse(text, "c.txt").matches) == 4
    problems: list[MatchdayError] = []
    parse(text.replace("agg 0-3", "agg 3-6"), "c.txt", problems=problems)
    assert [str(p) for p in problems] == [
        "c.txt:8: B v A, 2024-10-29: aggregate written 3-6, but the legs make 0-3 (B first)"
    ]


def test_the_round_option_accepts_the_same_words() -> None:
    season = parse("= Cup 2018\n▪ Achtste finales\nSun Jul 1\n  A v B  1-0\n", "c.txt")
    assert find_round(season, "1/8 finals").name == "Round of 16"
    assert find_round(season, "achtste finales").name == "Round of 16"


def test_numbered_rounds_where_teams_meet_again_are_a_league() -> None:
    league = "= Bundesliga 2024/25\n▪ Round 1\nFri Aug 2 2024\n  A v B  1-0\n  C v D  2-2\n"
    league += "▪ Round 2\nFri Aug 9 2024\n  B v A  0-0\n  D v C  1-1\n"
    assert {r.format for r in parse(league, "l.txt").rounds} == {RoundFormat.LEAGUE}
    cup = league.replace("B v A", "A v C").replace("D v C", "B v D")
    assert {r.format for r in parse(cup, "c.txt").rounds} == {RoundFormat.KNOCKOUT}


def test_a_score_marked_awarded_after_it() -> None:
    """rsssf's ``0-3 awd.`` (World Cup 2022 qualifying: Russia v Poland, never played):
    "awd." says the score was awarded; it is not the start of the away team's name."""
    match = one("  Russia  0-3 awd. Poland  [awarded because of suspension Russia]")
    assert (match.away.name, match.score, match.awarded) == ("Poland", Score(0, 3), True)
    assert one("  Sri Lanka v Macao  3-0 awd.").awarded


def test_the_specifications_score_samples_read_as_it_writes_them() -> None:
    """Every score sample of the specification's "full" and "fuller" styles (its
    docs/README.md), each as the line of a match; the aggregate samples after a first leg
    that makes their aggregate. "(asget)" (after silver-goal extra time) was once read as part
    of the away team's name."""
    spec = OPENFOOTBALL / "spec" / "docs" / "README.md"
    if not spec.exists():
        pytest.skip(f"real data not found at {spec}")
    doc = spec.read_text(encoding="utf-8")
    section = doc[doc.index("#### Score Formats for Half-Time") : doc.index("### Goal (Scorer)")]
    samples = [
        line.strip()
        for block in re.findall(r"```\n(.*?)```", section, re.DOTALL)
        for line in block.splitlines()
        if line.strip()
    ]
    first_legs = {  # the first leg that makes each aggregate sample's aggregate
        ("Barcelona", "Chelsea"): "  Chelsea v Barcelona  1-0",
        ("Real Madrid", "Bayern München"): "  Bayern München v Real Madrid  2-1",
        ("Barcelona", "Arsenal"): "  Arsenal v Barcelona  2-2",
        ("Manchester United", "Bayern München"): "  Bayern München v Manchester United  2-1",
    }
    with_aggregate = 0
    for line in samples:
        home = re.split(r"\s{2,}| v |\s\d", line)[0]
        text = "= Cup 2012\n▪ Final\n"
        first = [leg for (h, a), leg in first_legs.items() if h == home and a in line]
        if re.search(r"\bagg(?:regate)?\b", line, re.IGNORECASE):
            (leg,) = first
            text += f"Tue May 1 2012\n{leg}\n"
            with_aggregate += 1
        season = parse(text + f"Sat May 19 2012\n  {line}\n", "spec.txt")
        assert season.matches[-1].home.name == home, line
    assert (len(samples), with_aggregate) == (48, 8)


CUT_NAMES = """= World Cup 2014

▪ Group F
  Jun 15 2014  Argentina          v Bosnia-Herzegovina  2-1
  Jun 21 2014  Nigeria            v Bosnia-Herzegov.    1-0
  Jun 25 2014  Bosnia-Herzego.    v Iran                3-1
    (Dzeko 23', 60', Pjanic 70'; Ghoochannejhad 82')
"""


def test_a_name_cut_short_with_a_full_stop_is_the_team_it_begins() -> None:
    """rsssf and planetworldcup cut long names to fit a column ("Bosnia-Herzegov."): one team
    of the file begins so, so it is that team, goals included (a group of five teams before)."""
    season = parse(CUT_NAMES, "wc14.txt")
    teams = {t.name for m in season.matches for t in (m.home, m.away)}
    assert teams == {"Argentina", "Bosnia-Herzegovina", "Nigeria", "Iran"}
    last = season.matches[-1]
    assert last.goals is not None
    assert {g.team.name for g in last.goals} == {"Bosnia-Herzegovina", "Iran"}


def test_a_cut_name_that_begins_two_teams_stays_as_written() -> None:
    """ "Congo." begins both Congos: no team is chosen for it by guess."""
    text = """= Africa Cup 2000

▪ Group A
  Jan 22  Congo-Kinshasa     v Congo-Brazzaville  1-0
  Jan 26  Congo.             v Ghana              0-0
"""
    teams = {t.name for m in parse(text, "can.txt").matches for t in (m.home, m.away)}
    assert "Congo." in teams


@pytest.mark.parametrize(
    ("relative", "group_size"),
    [("worldcup/rsssf/2014f.txt", 4), ("worldcup/planetworldcup/wc14.txt", 4)],
)
def test_real_files_with_cut_names_have_groups_of_four(relative: str, group_size: int) -> None:
    path = OPENFOOTBALL / relative
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = parse(path.read_text(encoding="utf-8"), str(path))
    groups = [r for r in season.rounds if r.format is RoundFormat.GROUP]
    assert groups
    for group in groups:
        assert len({t for m in group.matches for t in (m.home, m.away)}) == group_size


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Jue 6 Feb 2020", dt.date(2020, 2, 6)),
        ("Mié 12 Feb 2020", dt.date(2020, 2, 12)),
        ("Mar 3 Mar 2020", dt.date(2020, 3, 3)),
        ("Mar 3 2020", dt.date(2020, 3, 3)),
        ("Sáb 8 Feb 2020", dt.date(2020, 2, 8)),
        ("Dom 9 Feb 2020", dt.date(2020, 2, 9)),
        ("Gio 6 Feb 2020", dt.date(2020, 2, 6)),
        ("Ven 7 Feb 2020", dt.date(2020, 2, 7)),
        ("Qui 6 Fev 2020", dt.date(2020, 2, 6)),
        ("Sex 7 Fev 2020", dt.date(2020, 2, 7)),
    ],
)
def test_spanish_italian_and_portuguese_weekday_abbreviations(line: str, day: dt.date) -> None:
    """``Jue 6 Feb 2020`` was "cannot read match line"; a weekday comes first, so "Mar" is
    Tuesday there and March where the month stands."""
    assert one("  Athletic Club  1-0  Granada CF", "= Copa del Rey 2019/20", line).date == day


def test_a_date_line_it_cannot_read_says_it_is_a_date() -> None:
    with pytest.raises(ParseError, match="cannot read date line") as raised:
        one("  Athletic Club  1-0  Granada CF", "= Copa del Rey 2019/20", "Xyz 6 Feb 2020")
    assert raised.value.line == 3


@pytest.mark.parametrize(
    "line",
    ["Watford  1-2  Tranmere Rovers  a.e.t.", "Watford  1-2  Tranmere Rovers a.e.t."],
)
def test_a_score_word_after_the_away_team_is_an_error_not_a_name(line: str) -> None:
    """It made a team "Tranmere Rovers a.e.t." in silence."""
    with pytest.raises(ParseError, match=re.escape("a score word after the away team: 'a.e.t.'")):
        one(line, "= FA Cup 2019/20", "4 January 2020")


@pytest.mark.parametrize(
    "line",
    [
        "Watford  1-2 a.e.t.  Tranmere Rovers",
        "Watford  1-2  Tranmere Rovers  (aet)",
        "Watford v Tranmere Rovers  1-2 a.e.t.",
    ],
)
def test_a_score_word_where_the_specification_writes_it(line: str) -> None:
    match = one(line, "= FA Cup 2019/20", "4 January 2020")
    assert match.away.name == "Tranmere Rovers"
    assert match.extra_time == Score(1, 2)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Jue 9 Ene 2020", dt.date(2020, 1, 9)),
        ("Mar 21 Abr 2020", dt.date(2020, 4, 21)),
        ("Gio 13 Ago 2020", dt.date(2020, 8, 13)),
        ("Dom 4 Out 2020", dt.date(2020, 10, 4)),
        ("Ter 1 Dez 2020", dt.date(2020, 12, 1)),
    ],
)
def test_spanish_italian_and_portuguese_month_abbreviations(line: str, day: dt.date) -> None:
    assert one("  Athletic Club  1-0  Granada CF", "= Copa del Rey 2019/20", line).date == day


@pytest.mark.parametrize("header", ["▪ Group A", "▪ Matchday 1"])
def test_a_team_not_in_its_groups_line_up_is_an_error_at_its_line(header: str) -> None:
    """ "Qatarr" (one match of a World Cup written so) became a fifth team of Group A and a
    33rd of the tournament; the group's line-up line says who its teams are. Another name of
    a listed national team ("Côte d'Ivoire" for "Ivory Coast") is the same team."""
    lines = [
        "= World Cup 2022",
        "Group A  | Qatar      Ecuador       Ivory Coast    Netherlands",
        header,
        "Sun Nov 20 2022",
        "  19:00  Qatar   0-2 (0-2)   Ecuador",
        "  21:00  Côte d'Ivoire  1-1  Netherlands",
    ]
    assert len(parse("\n".join(lines), "wc.txt").rounds[0].matches) == 2
    lines[4] = "  19:00  Qatarr   0-2 (0-2)   Ecuador"
    with pytest.raises(ParseError, match="'Qatarr' is not one of Group A's teams: Qatar, ") as e:
        parse("\n".join(lines), "wc.txt")
    assert (e.value.file, e.value.line) == ("wc.txt", 5)
