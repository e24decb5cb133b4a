"""Domestic league files as a desk reads them: one table per league (not one per matchday),
football.json's ``stage`` kept in the round names, the play-offs of a stage that names no
rounds, and the cups' rules era by era."""

from __future__ import annotations

import json

import pytest

from matchday import competitions
from matchday.competitions import RoundKind
from matchday.errors import ConfigError
from matchday.io.footballjson import parse_season
from matchday.io.footballtxt import parse
from matchday.model import RoundFormat
from matchday.rules import DecidedBy
from matchday.select import find_round
from tests.conftest import OPENFOOTBALL

FOOTBALL_JSON = OPENFOOTBALL / "football.json"


def _known(relative: str) -> competitions.SeasonRules:
    path = FOOTBALL_JSON / relative
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    return competitions.of_season(parse_season(path.read_text(encoding="utf-8"), str(path)))


def _table(known: competitions.SeasonRules, name: str) -> list[tuple[str, int, int]]:
    (table,) = [t for _, t in known.tables() if t.name == name]
    return [(row.team.name, row.record.played, row.points) for row in table.standings]


def test_a_league_is_one_table_of_the_whole_season() -> None:
    """The Bundesliga 2019-20: 34 matchdays, one table (it was 34 tables of one match each),
    Bayern champions on 82 points, Paderborn last on 20, under a domestic league's order."""
    known = _known("2019-20/de.1.json")
    tables = known.tables()
    assert [t.name for _, t in tables] == ["League"]
    rows = _table(known, "League")
    assert len(rows) == 18
    assert {played for _, played, _ in rows} == {34}
    assert rows[0] == ("Bayern München", 34, 82)
    assert rows[-1] == ("SC Paderborn 07", 34, 20)


def test_a_league_split_in_two_stages_gives_a_table_for_each() -> None:
    """Austria 2021-22: 22 rounds, then a championship and a relegation group of six playing
    ten rounds each (football.json's ``stage``), so three tables, not 42; each group's table
    goes on over the whole season (32 games), as Austria's does."""
    tables = {t.name: t for _, t in _known("2021-22/at.1.json").tables()}
    assert sorted(tables) == ["League", "Playoffs - Championship", "Playoffs - Relegation"]
    assert len(tables["League"].standings) == 12
    assert {r.record.played for r in tables["League"].standings} == {22}
    for group in ("Playoffs - Championship", "Playoffs - Relegation"):
        assert len(tables[group].standings) == 6
        assert len(tables[group].matches) == 30
        assert {r.record.played for r in tables[group].standings} == {32}


def test_a_league_in_two_groups_that_never_meet_gives_two_tables() -> None:
    """The Chinese Super League 2020 played its season in two groups of eight."""
    tables = [t for _, t in _known("2020/cn.1.json").tables()]
    assert [len(t.standings) for t in tables] == [8, 8]
    assert {r.record.played for t in tables for r in t.standings} == {14}


def test_a_stage_without_round_names_is_split_into_its_rounds() -> None:
    """The Championship's play-offs of 2021-22 are five matches with ``"stage": "Playoffs"``
    and no round: the two-legged semi-finals and the final, read from who plays whom.
    Nottingham Forest beat Sheffield United on penalties, then Huddersfield in the final."""
    known = _known("2021-22/en.2.json")
    knockout = [r for r in known.season.rounds if r.knockout]
    assert [(r.name, len(r.matches)) for r in knockout] == [("Semifinals", 4), ("Final", 1)]
    won = [(o.tie.round, o.winner.name) for o in known.decide(knockout) if o.winner is not None]
    assert won == [
        ("Semifinals", "Huddersfield Town AFC"),
        ("Semifinals", "Nottingham Forest FC"),
        ("Final", "Nottingham Forest FC"),
    ]
    forest = [o for o in known.decide(knockout) if "Sheffield" in o.tie.team1.name]
    assert [o.decided_by for o in forest] == [DecidedBy.PENALTIES]
    assert known.competition.key == "english-leagues"
    assert known.rules(knockout[0]).name == "extra-time-penalties"


def test_a_stage_before_its_rounds_stays_in_their_names() -> None:
    """Austria's "Europa League Finals": a play-off for a European place after the league,
    kept as a stage of its own, whose final crowns no champion of the league."""
    known = _known("2021-22/at.1.json")
    knockout = [r.name for r in known.season.rounds if r.knockout]
    assert knockout == ["Europa League Finals, Semifinals", "Europa League Finals, Final"]
    assert find_round(known.season, "Final").name == "Europa League Finals, Final"
    assert competitions.separate_stage("Europa League Finals, Final") != ""
    assert not competitions.decides_a_title(
        competitions.separate_stage("Europa League Finals, Final")
    )


def _json(matches: list[dict[str, object]]) -> str:
    return json.dumps({"name": "Test League 2021/22", "matches": matches})


def _match(
    stage: str, date: str, home: str, away: str, score: tuple[int, int]
) -> dict[str, object]:
    return {
        "stage": stage,
        "date": date,
        "team1": home,
        "team2": away,
        "score": {"ft": list(score)},
    }


def test_a_stage_that_is_no_knockout_stays_one_round() -> None:
    """Three teams each meeting both others: no knockout (a team that lost is back), so no
    rounds are made up for it."""
    matches = [
        _match("Playoffs", "2022-05-01", "A", "B", (1, 0)),
        _match("Playoffs", "2022-05-04", "B", "C", (1, 1)),
        _match("Playoffs", "2022-05-08", "C", "A", (0, 2)),
    ]
    season = parse_season(_json(matches), "test.json")
    assert [r.name for r in season.rounds] == ["Playoffs"]


def test_a_stage_of_quarter_finals_semi_finals_and_final() -> None:
    """Single matches of eight teams: rounds named by their ties counted back from the final."""
    teams = "ABCDEFGH"
    matches = [_match("Cup", "2022-05-01", teams[i], teams[i + 1], (1, 0)) for i in range(0, 8, 2)]
    matches += [
        _match("Cup", "2022-05-08", "A", "C", (1, 0)),
        _match("Cup", "2022-05-08", "E", "G", (0, 1)),
    ]
    matches += [_match("Cup", "2022-05-15", "A", "G", (2, 0))]
    season = parse_season(_json(matches), "test.json")
    assert [(r.name, len(r.matches)) for r in season.rounds] == [
        ("Quarterfinals", 4),
        ("Semifinals", 2),
        ("Final", 1),
    ]
    assert all(r.format is RoundFormat.KNOCKOUT for r in season.rounds)


FA_CUP = """= FA Cup {season}

▪ {round}
  {date}
    Reading FC v Sheffield United  1-2 a.e.t. (1-1, 1-0)
"""


@pytest.mark.parametrize(
    ("season", "round_name", "date", "rules"),
    [
        ("2016/17", "Semi-finals", "Sun Apr/23 2017", "extra-time-penalties"),
        ("2016/17", "Quarter-finals", "Sat Mar/11 2017", "extra-time-penalties"),
        ("2019/20", "Fifth Round", "Tue Mar/3 2020", "extra-time-penalties"),
        ("2020/21", "Third Round", "Sat Jan/9 2021", "extra-time-penalties"),
        ("2021/22", "Fourth Round", "Sat Feb/5 2022", "extra-time-penalties"),
        ("2024/25", "Third Round", "Sat Jan/11 2025", "extra-time-penalties"),
    ],
)
def test_fa_cup_ties_settled_on_the_day_go_to_extra_time(
    season: str, round_name: str, date: str, rules: str
) -> None:
    """Quarter-final replays ended in 2016-17, fifth-round replays in 2018-19, none at all in
    2020-21 and 2021-22 and from 2024-25: a tie then goes to extra time on the day (an
    extra-time win was refused as a replay round's match)."""
    text = FA_CUP.format(season=season, round=round_name, date=date)
    known = competitions.of_season(parse(text, "facup.txt"))
    (round_,) = known.season.rounds
    assert known.rules(round_).name == rules
    (outcome,) = known.decide()
    assert outcome.winner is not None
    assert outcome.winner.name == "Sheffield United"
    assert outcome.decided_by is DecidedBy.SINGLE_MATCH_EXTRA_TIME


@pytest.mark.parametrize(
    ("start_year", "round_name", "kind", "rules"),
    [
        (1995, "Round 3", RoundKind.SINGLE_MATCH, "replay-then-penalties"),
        (1995, "Semifinals", RoundKind.SINGLE_MATCH, "extra-time-replay"),
        (1995, "Final", RoundKind.FINAL, "extra-time-replay"),
        (2010, "Quarterfinals", RoundKind.SINGLE_MATCH, "replay-then-penalties"),
        (2010, "Semifinals", RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        (2017, "Round 5", RoundKind.SINGLE_MATCH, "replay-then-penalties"),
        (2018, "Round 5", RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        (2018, "Round 4", RoundKind.SINGLE_MATCH, "replay-then-penalties"),
        (2022, "Round 4", RoundKind.SINGLE_MATCH, "replay-then-penalties"),
        (2022, "Round 5", RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        (2022, "Round 3", RoundKind.REPLAY, "extra-time-penalties"),
    ],
)
def test_fa_cup_rules_by_era_and_round(
    start_year: int, round_name: str, kind: RoundKind, rules: str
) -> None:
    fa_cup = competitions.get("FA Cup").format(start_year)
    assert fa_cup.rules(kind, round_name).name == rules


@pytest.mark.parametrize(
    ("start_year", "kind", "rules"),
    [
        (1999, RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        (2019, RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        (2020, RoundKind.SINGLE_MATCH, "no-extra-time"),
        (2020, RoundKind.FINAL, "extra-time-penalties"),
    ],
)
def test_coupe_de_france_dropped_extra_time_in_2020_21(
    start_year: int, kind: RoundKind, rules: str
) -> None:
    assert competitions.get("Coupe de France").rules(start_year, kind).name == rules


def test_a_round_of_a_stage_is_found_by_its_own_name() -> None:
    """``--round Final`` finds a file's one "Conference League, Final"; two such rounds are
    no guess: the name stays unknown, with the rounds listed."""
    path = OPENFOOTBALL / "spec" / "samples" / "2024-25_austria.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = parse(path.read_text(encoding="utf-8"), str(path))
    assert find_round(season, "Final").name == "Conference League, Final"
    assert find_round(season, "finale").name == "Conference League, Final"
    with pytest.raises(ConfigError, match="Championship, Round 23"):
        find_round(season, "Round 23")  # the championship's or the relegation group's


REPLAYED = """= FA Cup 2019/20

▪ Fourth Round
  Sat Jan/25 2020
    Southampton FC v Tottenham Hotspur  1-1 (0-1)
    Everton FC v Arsenal FC  2-2 (1-1)
  Wed Feb/5 2020
    Tottenham Hotspur v Southampton FC  3-2 (1-1)
"""


def test_a_replay_listed_under_the_drawn_matchs_round_is_a_replay() -> None:
    """The FA Cup replays a drawn tie: a pair's second meeting in the round of a 1-1 is its
    replay (Tottenham through), not a second leg decided on aggregate; a round of single
    matches whose pair met once stays as it was."""
    known = competitions.of_season(parse(REPLAYED, "facup.txt"))
    assert [r.name for r in known.season.rounds] == ["Round 4", "Round 4, Replays"]
    spurs = next(o for o in known.decide() if "Tottenham Hotspur" in {t.name for t in o.tie.teams})
    assert len(spurs.tie.legs) == 1
    assert len(spurs.tie.replays) == 1
    assert spurs.winner is not None
    assert spurs.winner.name == "Tottenham Hotspur"
    assert spurs.decided_by is DecidedBy.REPLAY


def test_a_drawn_first_leg_stays_a_first_leg_where_ties_have_two_legs() -> None:
    """The same two meetings in a Europa League round are a two-legged tie."""
    text = REPLAYED.replace("FA Cup", "UEFA Europa League")
    known = competitions.of_season(parse(text, "el.txt"))
    assert [r.name for r in known.season.rounds] == ["Round 4"]
