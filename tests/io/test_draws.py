"""Draw procedures from bundled data and from the season's tables, against the real draws."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import matchday.competitions as competitions
from matchday.draw import exact_probabilities
from matchday.errors import ConfigError, SourceError
from matchday.io.draws import bundled_draws, draw_for, playoff_outcomes, read_draw
from matchday.io.load import load
from matchday.model import Team
from matchday.select import find_round
from matchday.standings import season_tables
from tests.conftest import cut_before


def _drawn_pairs(season_source: str | Path, round_name: str) -> list[tuple[Team, Team]]:
    """The ties as drawn: the unseeded team hosts the first leg."""
    return [tie.teams for tie in find_round(load(season_source), round_name).ties()]


def test_the_real_europa_league_2017_18_draw_is_a_valid_result_of_the_bundled_procedure() -> None:
    procedure = draw_for(load("europa-league-2017-18"), "Round of 32")
    assert procedure.size == 16
    assert procedure.valid(_drawn_pairs("europa-league-2017-18", "Round of 32")) == []


def test_the_champions_league_third_places_in_the_bundled_draw_match_cl_txt(
    openfootball_cl: Path,
) -> None:
    """The four best third-placed teams (points, goal difference, goals, away goals, wins, away
    wins) are the seeded ones, and every third comes from the Champions League group named."""
    tables = season_tables(load(openfootball_cl / "2017-18" / "cl.txt"))
    thirds = [(t.name, t.standings[2]) for t in tables]
    best = sorted(
        thirds,
        key=lambda item: (
            item[1].points,
            item[1].record.goal_difference,
            item[1].record.goals_for,
            item[1].record.away_goals,
            item[1].record.won,
            item[1].record.away_wins,
        ),
        reverse=True,
    )
    (data,) = bundled_draws()
    procedure = data.procedure
    in_data = {
        e.team.name: (e.origin, pot)
        for pot, entrants in (("seeded", procedure.seeded), ("unseeded", procedure.unseeded))
        for e in entrants
        if e.group is None
    }
    expected = {
        standing.team.name: (f"third, Champions League {group}", "seeded" if i < 4 else "unseeded")
        for i, (group, standing) in enumerate(best)
    }
    assert in_data == expected


@pytest.mark.parametrize("year", [f"{y}-{(y + 1) % 100:02d}" for y in range(2011, 2024)])
def test_every_champions_league_round_of_16_is_valid_for_the_draw_built_from_the_groups(
    openfootball_cl: Path, year: str
) -> None:
    path = openfootball_cl / year / "cl.txt"
    procedure = draw_for(load(path), "Round of 16")
    assert procedure.valid(_drawn_pairs(path, "Round of 16")) == []


LEAGUE_PHASE_FILES = ["2024-25/cl.txt", "2024-25/el.txt", "2024-25/conf.txt", "2025-26/cl.txt"]
"""Every league-phase season in the data with its play-offs and round of 16."""


@pytest.mark.parametrize("file", LEAGUE_PHASE_FILES)
def test_the_league_phase_play_offs_follow_the_bracket(openfootball_cl: Path, file: str) -> None:
    path = openfootball_cl / file
    procedure = draw_for(load(path), "Playoffs")
    assert procedure.valid(_drawn_pairs(path, "Playoffs")) == []
    assert procedure.ban(0, 0) is not None  # 9th may not meet 17th


@pytest.mark.parametrize("file", LEAGUE_PHASE_FILES)
def test_the_round_of_16_draw_holds_the_play_off_winners_that_ties_decides(
    openfootball_cl: Path, file: str
) -> None:
    """The round of 16 was drawn after the play-offs: each unseeded entrant is the winner of its
    play-off tie as the rules engine decides it (``matchday ties``), and the real round of 16
    is a result of that draw."""
    path = openfootball_cl / file
    season = load(path)
    procedure = draw_for(season, "Round of 16")
    known = competitions.of_season(season)
    decided = known.decide([find_round(known.season, "Playoffs")])
    assert {e.team for e in procedure.unseeded} == {o.winner for o in decided}
    for entrant in procedure.unseeded:
        assert entrant.tie is not None
        assert entrant.team in entrant.tie
        assert entrant.association == entrant.team.country
    assert procedure.valid(_drawn_pairs(path, "Round of 16")) == []


def _cut(path: Path, tmp_path: Path, keep: Callable[[list[str], int], bool]) -> Path:
    """A copy of ``path`` with the lines ``keep(lines, index)`` keeps."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    copy = tmp_path / path.name
    copy.write_text("".join(x for i, x in enumerate(lines) if keep(lines, i)), encoding="utf-8")
    return copy


def _index(lines: list[str], start: str, after: int = 0) -> int:
    return next(i for i, x in enumerate(lines) if i >= after and x.startswith(start))


def _unscored(copy: Path, first: int, last: int) -> None:
    """The matches of lines ``first`` to ``last`` of ``copy`` as fixtures: no score yet."""
    lines = copy.read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(first, last):
        lines[i] = re.sub(r"\s+\d+-\d+( \(\d+-\d+\))?(?=\s*$)", "", lines[i])
    copy.write_text("".join(lines), encoding="utf-8")


def test_a_play_off_tie_undecided_at_the_draw_stands_for_both_teams(
    openfootball_cl: Path, tmp_path: Path
) -> None:
    """The file between the play-offs' second legs (Wednesday's still fixtures): the ties
    whose second leg was played are their winners, the others "A / B"; the draw itself (slots,
    bracket, odds) is the one the full file gives."""
    full = openfootball_cl / "2024-25" / "cl.txt"

    def before_the_round_of_16(lines: list[str], i: int) -> bool:
        return i < _index(lines, "» Finals")

    copy = _cut(full, tmp_path, before_the_round_of_16)
    lines = copy.read_text(encoding="utf-8").splitlines()
    wednesday = _index(lines, "  Wed", _index(lines, "» Playoffs, Matchday 2"))
    _unscored(copy, wednesday, len(lines))  # the file as it was on the Tuesday night
    cut = load(copy)
    procedure = draw_for(cut, "Round of 16")  # not in the cut file: drawn from the play-offs
    winners = {frozenset(o.tie.teams): o.winner for o in playoff_outcomes(load(full))}
    played = {frozenset(o.tie.teams): o.winner for o in playoff_outcomes(cut)}
    assert 0 < sum(w is not None for w in played.values()) < len(played)
    for entrant in procedure.unseeded:
        assert entrant.tie is not None
        high, low = entrant.tie
        winner = played[frozenset(entrant.tie)]
        if winner is not None:  # its second leg was on the Tuesday
            assert entrant.team == winner == winners[frozenset(entrant.tie)]
        else:
            assert entrant.team.name == f"{high} / {low}"
            assert entrant.association == "?"
    whole = draw_for(load(full), "Round of 16")
    assert [(e.slot, e.tie) for e in procedure.unseeded] == [
        (e.slot, e.tie) for e in whole.unseeded
    ]
    assert exact_probabilities(procedure).matrix == exact_probabilities(whole).matrix


def test_play_offs_with_their_second_legs_dropped_are_undecided(
    openfootball_cl: Path, tmp_path: Path
) -> None:
    """Without its second legs a play-off round holds one match a pair; the play-off is
    two-legged, so no tie is decided by its first leg, though the rounds after it are kept."""

    def no_second_legs(lines: list[str], i: int) -> bool:
        start = _index(lines, "» Playoffs, Matchday 2")
        return not start <= i < _index(lines, "» Finals", start)

    season = load(_cut(openfootball_cl / "2024-25" / "cl.txt", tmp_path, no_second_legs))
    procedure = draw_for(season, "Round of 16")
    assert all(" / " in e.team.name for e in procedure.unseeded)
    outcomes = playoff_outcomes(season)
    assert all(o.winner is None for o in outcomes)
    assert all("second leg not in the file (first leg" in o.explanation for o in outcomes)


def test_a_draw_before_its_stage_is_over_is_not_drawn_yet(
    openfootball_cl: Path, tmp_path: Path
) -> None:
    full = openfootball_cl / "2024-25" / "cl.txt"

    def league_phase(lines: list[str], i: int) -> bool:
        return i < _index(lines, "» Playoffs")

    league = load(_cut(full, tmp_path, league_phase))
    assert draw_for(league, "Playoffs").size == 8  # the league phase is over
    with pytest.raises(ConfigError, match=r"Round of 16 was not drawn yet: .* no play-off ties"):
        draw_for(league, "Round of 16")

    copy = _cut(full, tmp_path, league_phase)
    last = max(i for i, x in enumerate(copy.read_text(encoding="utf-8").splitlines()) if " v " in x)
    _unscored(copy, last, last + 1)
    with pytest.raises(ConfigError, match=r"Playoffs was not drawn yet: the league phase has 1 "
                       r"match still to play, the first .*cl\.txt:\d+\)"):  # fmt: skip
        draw_for(load(copy), "Playoffs")


@pytest.mark.parametrize(
    ("file", "round_name", "why"),
    [
        ("2017-18/cl.txt", "Quarterfinals", r"Quarterfinals was an open draw: .*\(1 in 7 for each"),
        ("2020-21/el.txt", "Round of 16", r"Round of 16 was an open draw: .*\(1 in 15 for each"),
        ("2022-23/el.txt", "Quarterfinals", "Quarterfinals was an open draw"),
        ("2017-18/cl.txt", "Final", "Final was not drawn: the winners of the semi-finals meet"),
        ("2024-25/cl.txt", "Semifinals", "Semifinals was not drawn: the round-of-16 draw placed"),
        ("2017-18/cl.txt", "Group A", "Group A is not a knockout round"),
        ("2024-25/el.txt", "League phase", "League phase is not a knockout round"),
        ("2022-23/el.txt", "Round of 16", "no draw known for UEFA Europa League 2022/23 Round"),
        ("2024-25/clq.txt", "Round 1", "no draw known for UEFA Champions League 2024/25 Round 1"),
    ],
)
def test_a_round_without_a_draw_says_why(
    openfootball_cl: Path, file: str, round_name: str, why: str
) -> None:
    """An open draw (after the seeded round, up to 2023-24) has no pots to show; a final, or
    a round the league-phase bracket fixed, was not drawn; a seeded draw matchday does not
    build (the Europa League's after its knockout play-offs) is named as such."""
    with pytest.raises(ConfigError, match=why):
        draw_for(load(openfootball_cl / file), round_name)


@pytest.mark.parametrize(
    ("file", "marker", "why"),
    [
        ("cl.txt", "Tue Mar/5", r"Quarterfinals is not drawn yet: it is an open draw \(no pots "
         r".*1 in 7 for each pair\), made once the Round of 16 is over, and 8 of its 8 ties are "
         r"still open, their second legs to come"),
        ("cl.txt", "Wed Mar/13", r"Quarterfinals is not drawn yet: .* and 2 of its 8 ties are "
         r"still open, their second legs to come"),
        ("cl.txt", "» Finals, Quarterfinals", r"Quarterfinals is not in .*cl\.txt yet: it is an "
         r"open draw \(no pots"),
        ("el.txt", "Thu Mar/14", r"Europa League 2023/24 Quarterfinals is not drawn yet: .* 8 "
         r"of its 8 ties are still open"),
    ],
)  # fmt: skip
def test_the_open_draw_after_the_file_says_it_waits_for_the_second_legs(
    openfootball_cl: Path, tmp_path: Path, file: str, marker: str, why: str
) -> None:
    """The next round's open draw asked for on the night of the first legs (or the second):
    not drawn before the open ties are decided, and no pots when it is; it was "no round"."""
    cut = cut_before(openfootball_cl / "2023-24" / file, marker, tmp_path)
    with pytest.raises(ConfigError, match=why):
        draw_for(load(cut), "Quarterfinals")


def test_the_semi_finals_are_not_said_to_wait_for_the_quarter_finals(
    openfootball_cl: Path, tmp_path: Path
) -> None:
    """Champions League 2023-24 cut after the quarter-final first legs: UEFA drew the
    semi-finals with the quarter-finals in March, so they are not "not drawn yet"."""
    cut = cut_before(openfootball_cl / "2023-24" / "cl.txt", "Tue Apr/16", tmp_path)
    with pytest.raises(ConfigError, match="no round 'Semifinals'"):
        draw_for(load(cut), "Semifinals")


POKAL = """= DFB-Pokal 2019/20

▪ 1. Runde
Fr 9.8.2019
  KFC Uerdingen 05  0-2  Borussia Dortmund
  FC Ingolstadt 04  0-1  1. FC Nürnberg

▪ Achtelfinale
Di 4.2.2020
  1. FC Kaiserslautern  2-5  Fortuna Düsseldorf
  FC Schalke 04  3-2 n.V.  Hertha BSC
  1. FC Saarbrücken 5-3 i.E. 0-0 n.V.  Karlsruher SC
  Werder Bremen  3-2  Borussia Dortmund

▪ Finale
Sa 4.7.2020
  Bayer 04 Leverkusen  2-4  FC Bayern München
"""

FA_CUP = """= FA Cup 2019/20

▪ Round 3
4 January 2020
  Tranmere Rovers  2-2  Watford
  Rochdale  1-1  Newcastle United

▪ Round 3, Replays
14 January 2020
  Newcastle United  4-1  Rochdale
23 January 2020
  Watford  1-2  Tranmere Rovers  (aet)

▪ Round 4
26 January 2020
  Tranmere Rovers  0-6  Manchester United
  Oxford United  0-0  Newcastle United
"""


@pytest.mark.parametrize(
    ("text", "round_name", "why"),
    [
        (POKAL, "Achtelfinale", r"Round of 16 was an open draw: a domestic cup's draws have no "
         r"seeds, so any two of its teams could meet \(1 in 7 for each pair\)"),
        (POKAL, "1. Runde", r"no draw known for DFB-Pokal 2019/20 Round 1: a domestic cup's "
         r"first round is drawn from pots that are not in the data"),
        (POKAL, "Finale", "Final was not drawn: the winners of the semi-finals meet"),
        (FA_CUP, "Round 4", r"FA Cup 2019/20 Round 4 was an open draw"),
        (FA_CUP, "Round 3, Replays", r"Round 3, Replays was not drawn: its matches replay"),
    ],
)  # fmt: skip
def test_a_domestic_cup_round_says_why_it_has_no_draw(
    tmp_path: Path, text: str, round_name: str, why: str
) -> None:
    """A domestic cup's rounds were open draws (the README's reason for a round without one),
    its first round drawn from pots the data does not hold, a replay round not drawn at all:
    never the generic "no draw known" about UEFA's draws."""
    (cup := tmp_path / "cup.txt").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=why):
        draw_for(load(cup), round_name)


def test_a_broken_draw_file_names_the_file_and_the_problem() -> None:
    with pytest.raises(SourceError, match=r"x\.toml: missing key 'seeded'"):
        read_draw('competition = "C"\nseason = "2017/18"\nround = "Round of 32"\n', "x.toml")
    with pytest.raises(SourceError, match=r"x\.toml: not valid TOML"):
        read_draw("competition = ", "x.toml")
