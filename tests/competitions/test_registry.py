"""The registry: competitions found by their names in several languages, formats per era, and
every caller's lookup (rules, tie-breakers, zones, brackets) answered from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday import competitions
from matchday.competitions import Draws, FirstLeg, RoundKind
from matchday.errors import ConfigError
from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.rules import DecidedBy, ExtraTime, Unsettled
from matchday.standings import qualification_for, tiebreakers_for


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("World Cup 2018", "world-cup"),
        ("WM 1954", "world-cup"),
        ("Coupe du Monde 1998", "world-cup"),
        ("FIFA Club World Cup 2025", "club-world-cup"),
        ("Euro 2024", "euro"),
        ("EM 1996", "euro"),
        ("European Championship 1960", "euro"),
        ("Copa América 1979", "copa-america"),
        ("Copa Libertadores de América 1999", "copa-libertadores"),
        ("DFB-Pokal 2023/24", "dfb-pokal"),
        ("KNVB beker 2023/24", "knvb-beker"),
        ("ÖFB Cup 2020/21", "ofb-cup"),
        ("World Cup Qualification 2022", "world-cup-qualification"),
        ("Coupe de France 2022/23", "coupe-de-france"),
        ("UEFA Champions League 2017/18", "champions-league"),
        ("UEFA Europa League - Quali 2024/25", "europa-league"),
        ("UEFA Europa Conference League 2021/22", "conference-league"),
    ],
)
def test_a_competition_is_recognised_from_a_title(title: str, key: str) -> None:
    found = competitions.recognise(title)
    assert found is not None
    assert found.key == key


@pytest.mark.parametrize("title", ["Austria 2024/25", "Premier League 2017/18", "Europameister"])
def test_titles_without_a_known_name_are_not_recognised(title: str) -> None:
    assert competitions.recognise(title) is None


def test_a_competition_named_by_a_user_or_its_key() -> None:
    assert competitions.get("WK").key == "world-cup"
    assert competitions.get("copa-libertadores").name == "Copa Libertadores de América"
    with pytest.raises(ConfigError, match="known competitions: champions-league"):
        competitions.get("Intertoto")


@pytest.mark.parametrize(
    ("year", "kind", "rules"),
    [
        (1934, RoundKind.SINGLE_MATCH, "extra-time-replay"),
        (1954, RoundKind.SINGLE_MATCH, "extra-time-lots"),
        (1954, RoundKind.FINAL, "extra-time-replay"),
        (1970, RoundKind.SINGLE_MATCH, "extra-time-lots"),
        (1986, RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        (1998, RoundKind.SINGLE_MATCH, "golden-goal"),
        (2002, RoundKind.FINAL, "golden-goal"),
        (2006, RoundKind.FINAL, "extra-time-penalties"),
        (2022, RoundKind.FINAL, "extra-time-penalties"),
    ],
)
def test_world_cup_rules_per_era(year: int, kind: RoundKind, rules: str) -> None:
    assert competitions.get("World Cup").rules(year, kind).name == rules


@pytest.mark.parametrize(
    ("key", "year", "kind", "rules"),
    [
        ("euro", 1968, RoundKind.SINGLE_MATCH, "extra-time-lots"),
        ("euro", 1996, RoundKind.FINAL, "golden-goal"),
        ("euro", 2004, RoundKind.SINGLE_MATCH, "silver-goal"),
        ("copa-libertadores", 1999, RoundKind.FINAL, "no-extra-time"),
        ("copa-libertadores", 2010, RoundKind.TWO_LEGS, "away-goals-no-extra-time"),
        ("copa-libertadores", 2024, RoundKind.FINAL, "extra-time-penalties"),
        ("fa-cup", 2010, RoundKind.SINGLE_MATCH, "replay-then-penalties"),
        ("fa-cup", 2010, RoundKind.REPLAY, "extra-time-penalties"),
        ("fa-cup", 2024, RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        ("coupe-de-france", 2022, RoundKind.SINGLE_MATCH, "no-extra-time"),
        ("champions-league", 2020, RoundKind.TWO_LEGS, "uefa-classic"),
        ("champions-league", 2021, RoundKind.TWO_LEGS, "uefa-2021"),
        ("ofb-cup", 2020, RoundKind.SINGLE_MATCH, "extra-time-penalties"),
        ("world-cup-qualification", 1994, RoundKind.TWO_LEGS, "uefa-classic"),
        ("world-cup-qualification", 2019, RoundKind.TWO_LEGS, "uefa-classic"),
        ("world-cup-qualification", 2023, RoundKind.TWO_LEGS, "extra-time-penalties"),
    ],
)
def test_rules_per_competition_and_era(key: str, year: int, kind: RoundKind, rules: str) -> None:
    assert competitions.get(key).rules(year, kind).name == rules


@pytest.mark.parametrize(
    ("year", "tiebreakers", "win"),
    [(1954, "points-play-off", 2), (1962, "goal-average", 2), (1970, "fifa-1970", 2),
     (1974, "two-points", 2), (1982, "two-points", 2), (1986, "fifa-1986", 2),
     (1994, "fifa-1994", 3), (2010, "fifa-1998", 3), (2022, "fifa-2018", 3)],
)  # fmt: skip
def test_world_cup_tables_per_era(year: int, tiebreakers: str, win: int) -> None:
    table = tiebreakers_for(year, RoundFormat.GROUP, "World Cup")
    assert (table.name, table.win) == (tiebreakers, win)


def test_best_thirds_and_second_group_stages_are_data() -> None:
    cup = competitions.get("world-cup")
    best = cup.format(1990).best_placed
    assert best is not None
    assert (best.position, best.count, best.round) == (3, 4, "Round of 16")
    assert cup.format(1998).best_placed is None
    second = cup.zones(1978, RoundKind.SECOND_GROUP)
    assert second is not None
    assert [z.round for z in second.zones] == ["Final", "Third place"]
    assert cup.format(1950).final_group is not None
    assert cup.format(1958).group_play_offs


def test_uefa_presets_are_registry_entries() -> None:
    assert matchday.rules_for_season(2017).name == "uefa-classic"
    assert matchday.rules_for_season(2021).name == "uefa-2021"
    assert matchday.rules_for_season(1998, "World Cup").extra_time is ExtraTime.GOLDEN_GOAL
    assert tiebreakers_for(2017, RoundFormat.GROUP).name == "uefa-group-classic"
    zones = qualification_for("UEFA Champions League", 2024, RoundFormat.LEAGUE)
    assert zones is not None
    assert zones.zone(9) is not None


@pytest.mark.parametrize(
    ("title", "year", "draws", "first_leg", "kept_apart"),
    [
        ("UEFA Champions League", 2013, Draws.OPEN, FirstLeg.DRAWN, False),
        ("UEFA Champions League", 2017, Draws.OPEN, FirstLeg.DRAWN, True),
        ("UEFA Champions League", 2024, Draws.FIXED, FirstLeg.DRAWN, True),
        ("UEFA Champions League", 2025, Draws.FIXED, FirstLeg.SEEDED, True),
        ("UEFA Europa League", 2025, Draws.FIXED, FirstLeg.DRAWN, True),
    ],
)
def test_brackets_per_era(
    title: str, year: int, draws: Draws, first_leg: FirstLeg, kept_apart: bool
) -> None:
    bracket = competitions.of(title).format(year).bracket
    assert (bracket.draws, bracket.first_leg) == (draws, first_leg)
    assert (frozenset({"RUS", "UKR"}) in bracket.kept_apart) is kept_apart


# --- a season read against its competition -------------------------------------------------

A, B, C, D = (Team(n) for n in ("Italy", "Spain", "Austria", "Germany"))
DAY = dt.date(1934, 5, 31)


def _match(day: int, home: Team, away: Team, score: str, aet: str | None = None) -> Match:
    def parse(text: str) -> Score:
        return Score(*map(int, text.split("-")))

    extra = parse(aet) if aet else None
    return Match(DAY + dt.timedelta(days=day), home, away, parse(score), extra_time=extra)


def _season(title: str, *rounds: tuple[str, tuple[Match, ...]]) -> Season:
    made = tuple(Round(name, RoundFormat.KNOCKOUT, ms) for name, ms in rounds)
    return Season(title, title[-4:], (Stage(StageKind.KNOCKOUT, made),))


def test_a_replay_round_joins_its_tie_and_decides_it() -> None:
    season = _season(
        "World Cup 1934",
        ("Quarterfinals", (_match(0, A, B, "1-1", "1-1"), _match(0, C, D, "2-1"))),
        ("Replay", (_match(1, A, B, "1-0"),)),
        ("Semifinals", (_match(3, A, C, "1-0"),)),
    )
    ties = list(season.ties())
    assert len(ties) == 3  # the replay is part of Italy v Spain
    outcomes = competitions.of_season(season).decide()
    italy_spain = outcomes[0]
    assert (italy_spain.winner, italy_spain.decided_by) == (A, DecidedBy.REPLAY)
    assert len(italy_spain.tie.matches) == 2
    assert [o.winner for o in outcomes] == [A, C, A]


def test_lots_name_the_team_the_next_round_shows() -> None:
    season = _season(
        "World Cup 1970",
        ("Semifinals", (_match(0, A, B, "0-0", "0-0"), _match(0, C, D, "1-0"))),
        ("Final", (_match(4, B, C, "2-1"),)),
    )
    lots = competitions.of_season(season).decide()[0]
    assert (lots.winner, lots.decided_by, lots.unsettled) == (B, DecidedBy.LOTS, Unsettled.LOTS)
    assert "decided off the pitch" in lots.explanation


def test_rules_given_by_the_user_override_the_competition() -> None:
    season = _season("World Cup 1934", ("Final", (_match(0, A, B, "1-1", "2-1"),)))
    chosen = competitions.of_season(season, rules=matchday.preset("golden-goal"))
    assert chosen.decide()[0].decided_by is DecidedBy.GOLDEN_GOAL
    assert competitions.of_season(season).decide()[0].decided_by is (
        DecidedBy.SINGLE_MATCH_EXTRA_TIME
    )
    assert competitions.of_season(season, "Euro 2000").competition.key == "euro"


def test_a_qualifying_file_goes_by_its_competitions_qualification() -> None:
    """``= World Cup 2022 Qualifying``: the reader keeps the competition's name and marks the
    file as qualifying; the registry settles it as the World Cup's qualification, unless the
    user names a competition."""
    season = Season(
        "World Cup",
        "2022",
        (Stage(StageKind.QUALIFYING, (Round("Round 3", RoundFormat.KNOCKOUT, ()),)),),
        qualifying=True,
    )
    assert competitions.of_season(season).competition.key == "world-cup-qualification"
    assert competitions.of_season(season, "world-cup").competition.key == "world-cup"
    main = Season(season.competition, season.name, season.stages)
    assert competitions.of_season(main).competition.key == "world-cup"


def test_every_set_of_tiebreakers_the_registry_uses_can_be_named_and_is_in_the_readme() -> None:
    """``--tiebreakers`` takes each name a table prints (``turkish``, ``austrian-groups``), one
    name stands for one set, and the README lists them all."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for competition in competitions.COMPETITIONS:
        for format_ in competition.formats:
            used = (format_.group, format_.league, *(s.table for s in format_.stages))
            for rules in (r for r in used if r is not None):
                assert competitions.tiebreakers(rules.name) == rules
                assert f"`{rules.name}`" in readme, rules.name


def test_serie_b_is_not_brazils_serie_b() -> None:
    """ "Serie B" names Italy's second tier when a user gives it, but a title that holds it
    inside another league's name ("Brasileiro Série B 2025") is not Italy's."""
    assert competitions.get("Serie B").key == "serie-b"
    assert competitions.recognise("Italian Serie B 2014/15") is competitions.get("serie-b")
    assert competitions.recognise("Brasileiro Série B 2025") is None
