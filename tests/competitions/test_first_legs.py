"""The night of the first legs: a knockout round the file holds only the first legs of is read
as ties between the legs where the registry (or the round's header) says the round is played
over two legs, never as single matches whose winners are through."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchday import competitions
from matchday.competitions import RoundKind
from matchday.io.load import load, load_with_problems
from matchday.model import Round, Season
from tests.conftest import OPENFOOTBALL, cut_before

CL_2023 = OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt"
WORLD_CUP_2022 = OPENFOOTBALL / "worldcup" / "2022--qatar" / "cup_finals.txt"

ROUND_OF_16_FIRST_LEGS = {
    ("FC København", "Manchester City FC"): "1-3",
    ("RB Leipzig", "Real Madrid CF"): "0-1",
    ("Paris Saint-Germain FC", "Real Sociedad de Fútbol"): "2-0",
    ("SS Lazio", "FC Bayern München"): "1-0",
    ("FC Internazionale Milano", "Club Atlético de Madrid"): "1-0",
    ("PSV", "Borussia Dortmund"): "1-1",
    ("FC Porto", "Arsenal FC"): "1-0",
    ("SSC Napoli", "FC Barcelona"): "1-1",
}
"""The round of 16 first legs of the Champions League 2023-24 (13-21 February 2024)."""


@pytest.fixture
def first_legs(tmp_path: Path) -> Path:
    """Champions League 2023-24 cut after the round of 16 first legs (before 5 March)."""
    return cut_before(CL_2023, "Tue Mar/5", tmp_path)


def _round(season: Season, name: str) -> Round:
    return next(r for r in season.rounds if r.name == name)


def test_the_registry_knows_which_uefa_rounds_are_two_legged() -> None:
    for year in (1990, 2017, 2023, 2024):
        era = competitions.get("champions-league").format(year)
        for name in ("Round 1", "Playoffs", "Round of 16", "Quarterfinals", "Semifinals"):
            assert era.two_legged(name), (year, name)
        assert not era.two_legged("Final")
    assert competitions.get("europa-league").format(2017).two_legged("Round of 32")
    assert not competitions.get("world-cup").format(2022).two_legged("Round of 16")
    libertadores = competitions.get("copa-libertadores")
    assert libertadores.format(2018).two_legged("Final")
    assert not libertadores.format(2019).two_legged("Final")
    assert libertadores.format(2019).two_legged("Semifinals")


def test_after_the_round_of_16_first_legs_nobody_is_through(first_legs: Path) -> None:
    season = load(first_legs)
    round_ = _round(season, "Round of 16")
    assert round_.legs == 2
    known = competitions.of_season(season)
    assert known.kind(round_) is RoundKind.TWO_LEGS
    outcomes = known.decide([round_])
    found = {(o.tie.team1.name, o.tie.team2.name): o for o in outcomes}
    assert {pair: str(o.tie.first_leg.score) for pair, o in found.items()} == (
        ROUND_OF_16_FIRST_LEGS
    )
    for outcome in outcomes:
        assert outcome.winner is None
        assert outcome.tie.second_leg_to_come
        assert outcome.tie.legs_planned == 2
        assert len(outcome.tie.legs) == 1  # no second leg invented
        assert outcome.explanation.startswith("Undecided: second leg to come (first leg ")
    assert found["FC København", "Manchester City FC"].aggregate is not None


def test_the_cut_file_reads_without_problems(first_legs: Path) -> None:
    loaded = load_with_problems(first_legs)
    assert loaded.problems == ()
    (round_,) = [r for r in loaded.season.rounds if r.knockout]
    assert len(round_.matches) == 8
    assert all(t.second_leg_to_come for t in loaded.season.round_ties(round_))


def test_the_whole_season_is_read_as_before() -> None:
    if not CL_2023.exists():
        pytest.skip(f"real data not found at {CL_2023}")
    season = load(CL_2023)
    assert all(r.legs == 0 for r in season.rounds)  # every round over: its matches show it
    known = competitions.of_season(season)
    outcomes = known.decide()
    assert not any(o.tie.second_leg_to_come for o in outcomes)
    final = outcomes[-1]
    assert final.tie.single_match
    assert final.winner is not None
    assert final.winner.name == "Real Madrid CF"


def test_a_round_whose_winners_play_on_is_over_whatever_the_registry_says(tmp_path: Path) -> None:
    """Quarter-finals one match each (the Champions League in Lisbon, August 2020): once their
    winners are in the next round, the round's lone matches are single matches."""
    text = """= UEFA Champions League 2020/21

» Quarterfinals
  Wed Aug/12 2020
    21.00  Atalanta BC v Paris Saint-Germain FC  1-2
  Thu Aug/13
    21.00  RB Leipzig v Club Atlético de Madrid  2-1

» Semifinals
  Tue Aug/18
    21.00  RB Leipzig v Paris Saint-Germain FC  0-3
"""
    path = tmp_path / "lisbon.txt"
    path.write_text(text, encoding="utf-8")
    season = load(path)
    quarter_finals, semi_finals = season.rounds
    assert quarter_finals.legs == 0
    outcomes = competitions.of_season(season).decide([quarter_finals])
    assert [o.winner.name if o.winner else None for o in outcomes] == [
        "Paris Saint-Germain FC",
        "RB Leipzig",
    ]
    # the last round of the file, open: the registry's two legs
    assert semi_finals.legs == 2


def test_a_lone_match_that_went_to_extra_time_was_no_first_leg(tmp_path: Path) -> None:
    text = """= UEFA Champions League 2020/21

» Semifinals
  Tue Aug/18 2020
    21.00  RB Leipzig v Paris Saint-Germain FC  1-2 a.e.t. (1-1, 0-1)
"""
    path = tmp_path / "semi.txt"
    path.write_text(text, encoding="utf-8")
    season = load(path)
    assert season.rounds[0].legs == 0
    (outcome,) = competitions.of_season(season).decide()
    assert outcome.tie.single_match
    assert outcome.winner is not None
    assert outcome.winner.name == "Paris Saint-Germain FC"


def test_a_header_naming_the_first_leg_is_evidence_of_two_legs(tmp_path: Path) -> None:
    """A competition the registry does not know: its header says the round is two-legged."""
    text = """= Sports Desk Cup 2024/25

» Semi-finals, 1st leg
  Tue Apr/8 2025
    20.00  Alpha FC v Beta FC  2-0
    20.00  Gamma FC v Delta FC  1-1
"""
    path = tmp_path / "desk.txt"
    path.write_text(text, encoding="utf-8")
    season = load(path)
    assert season.rounds[0].legs == 2
    outcomes = competitions.of_season(season).decide()
    assert [o.winner for o in outcomes] == [None, None]
    assert all(o.tie.second_leg_to_come for o in outcomes)


def test_without_a_header_an_unknown_competition_goes_by_its_matches(tmp_path: Path) -> None:
    text = """= Sports Desk Cup 2024/25

» Semi-finals
  Tue Apr/8 2025
    20.00  Alpha FC v Beta FC  2-0
"""
    path = tmp_path / "desk.txt"
    path.write_text(text, encoding="utf-8")
    (outcome,) = competitions.of_season(load(path)).decide()
    assert outcome.tie.single_match
    assert outcome.winner is not None
    assert outcome.winner.name == "Alpha FC"


def test_a_world_cup_round_of_16_is_still_single_matches(tmp_path: Path) -> None:
    """The World Cup's 2022 round of 16 cut after its first two nights: those ties are over."""
    cut = cut_before(WORLD_CUP_2022, "Mon Dec 5", tmp_path)
    season = load(cut)
    (round_,) = season.rounds
    assert round_.legs == 0
    outcomes = competitions.of_season(season).decide()
    assert {o.winner.name for o in outcomes if o.winner} == {
        "Netherlands",
        "Argentina",
        "France",
        "England",
    }
    assert all(o.tie.single_match for o in outcomes)


def test_on_the_second_leg_night_a_second_leg_after_extra_time_keeps_the_others_open(
    tmp_path: Path,
) -> None:
    """Champions League 2023-24 cut during the round of 16 second legs (before 13 March):
    Arsenal beat Porto on penalties in a second leg, Inter-Atlético and PSV-Dortmund have only
    their first legs. A second leg's extra time is no sign of single matches: the round stays
    two-legged, the others between the legs (it was an error, "2-legged tie with 1 match")."""
    cut = cut_before(CL_2023, "Wed Mar/13", tmp_path)
    season = load(cut)
    round_ = _round(season, "Round of 16")
    assert round_.legs == 2
    outcomes = competitions.of_season(season).decide([round_])
    found = {(o.tie.team1.name, o.tie.team2.name): o for o in outcomes}
    open_ = {pair for pair, o in found.items() if o.tie.second_leg_to_come}
    assert open_ == {
        ("FC Internazionale Milano", "Club Atlético de Madrid"),
        ("PSV", "Borussia Dortmund"),
    }
    assert all(found[pair].winner is None for pair in open_)
    arsenal = found["FC Porto", "Arsenal FC"].winner
    assert arsenal is not None
    assert arsenal.name == "Arsenal FC"
