"""``--keep-going``: every problem is listed once. A match left out takes its tie with it in
the same entry; the tie is not listed a second time as short of a leg."""

from __future__ import annotations

import json
from pathlib import Path

from matchday.io.load import load_with_problems
from tests.cli.runner import run

LEGS = """= Test Cup 2023/24

▪ Quarter-finals
Tue Apr 9 2024
  Alpha v Beta   2-1
  Gamma v Delta  1-0
  Omega  1-0  Sigma
  Eta v Theta    1-0
Tue Apr 16 2024
  Beta v Alpha   1-1 (0x0)
  Delta v Gamma  1-0 (3-0)
  Sigma  1-0 (3-0)  Omega
  Theta v Eta    0-0
"""


def test_a_left_out_leg_and_its_tie_are_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "cup.txt"
    path.write_text(LEGS, encoding="utf-8")
    loaded = load_with_problems(path)
    unreadable, broken, between = (str(p) for p in loaded.problems)
    assert unreadable.startswith(f"{path}:10: cannot read match line at ")
    assert "left out with its tie (Alpha v Beta (Quarterfinals): 2-legged tie" in unreadable
    assert broken.startswith(f"{path}:11: Delta v Gamma, 2024-04-16: half-time score 3-0")
    assert "left out with its tie (Gamma v Delta (Quarterfinals)" in broken
    assert between.startswith(f"{path}:12: Sigma v Omega, 2024-04-16: half-time score 3-0")
    assert "left out with its tie (Omega v Sigma (Quarterfinals)" in between
    assert [(t.team1.name, t.team2.name) for t in loaded.season.ties()] == [("Eta", "Theta")]


def test_the_command_line_lists_each_problem_once(tmp_path: Path) -> None:
    path = tmp_path / "cup.txt"
    path.write_text(LEGS, encoding="utf-8")
    done = run("ties", str(path), "--json", "--keep-going")
    assert done.returncode == 3
    left_out = done.stderr.splitlines()
    assert [line.split(": ")[2] for line in left_out] == [f"{path}:{n}" for n in (10, 11, 12)]
    assert all("left out with its tie" in line for line in left_out)
    assert [t["team1"] for t in json.loads(done.stdout)] == ["Eta"]


def test_a_left_out_football_json_match_takes_its_tie_with_it(tmp_path: Path) -> None:
    first = {"round": "Quarter-finals", "date": "2024-04-09", "team1": "Alpha", "team2": "Beta",
             "score": {"ft": [2, 1]}}  # fmt: skip
    broken = {"round": "Quarter-finals", "date": "2024-04-16", "team1": "Beta", "team2": "Alpha",
              "score": {"ht": [3, 0], "ft": [1, 0]}}  # fmt: skip
    other = [{"round": "Quarter-finals", "date": d, "team1": a, "team2": b, "score": {"ft": s}}
             for d, a, b, s in (("2024-04-09", "Gamma", "Delta", [1, 0]),
                                ("2024-04-16", "Delta", "Gamma", [0, 0]))]  # fmt: skip
    path = tmp_path / "cup.json"
    path.write_text(json.dumps({"name": "Test Cup 2023/24", "matches": [first, broken, *other]}))
    loaded = load_with_problems(path)
    (problem,) = loaded.problems
    assert str(problem).startswith(f"{path}#/matches/1: ")
    assert "left out with its tie (Alpha v Beta (Quarterfinals)" in str(problem)
    assert [t.team1.name for t in loaded.season.ties()] == ["Gamma"]


def _problems(tmp_path: Path, text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """What ``load_with_problems`` lists for ``text``, and the ties it decides (round, teams)."""
    path = tmp_path / "cup.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load_with_problems(path)
    listed = [str(p).removeprefix(f"{path}:") for p in loaded.problems]
    return listed, [(t.round, t.team1.name, t.team2.name) for t in loaded.season.ties()]


def test_a_line_whose_teams_cannot_be_read_takes_the_tie_short_of_a_leg(tmp_path: Path) -> None:
    text = LEGS.replace("  Beta v Alpha   1-1 (0x0)", "  Beta Alpha")
    listed, decided = _problems(tmp_path, text)
    assert len(listed) == 3
    assert listed[0].startswith("10: cannot read match line")
    assert "left out with its tie (Alpha v Beta (Quarterfinals)" in listed[0]
    assert decided == [("Quarterfinals", "Eta", "Theta")]


FINAL = """= Test Cup 2023/24

▪ Semi-finals
Tue Apr 9 2024
  Alpha v Gamma  2-1
  Beta v Delta   1-0

▪ Final - 1st Leg
Sat May 4 2024
  Alpha v Beta   2-1
▪ Final - 2nd Leg
Sat May 11 2024
  {second}
"""


def test_a_two_legged_final_is_not_decided_from_its_first_leg(tmp_path: Path) -> None:
    for second, why in (
        ("Beta Alpha", "cannot read match line"),
        ("Beta v Alpha  2-1 (3-0)", "half-time score 3-0"),
    ):
        listed, decided = _problems(tmp_path, FINAL.format(second=second))
        (problem,) = listed
        assert problem.startswith("13: ")
        assert why in problem
        assert "left out with its tie (Alpha v Beta (Final)" in problem
        assert decided == [("Semifinals", "Alpha", "Gamma"), ("Semifinals", "Beta", "Delta")]


def test_an_unreadable_line_in_a_round_of_single_matches_takes_no_tie(tmp_path: Path) -> None:
    text = "= Test Cup 2024\n\n▪ Quarter-finals\nSat Jun 1\n  Alpha v Beta  2-1\n  Gamma Delta\n"
    text += "  Eta v Theta  0-1\n"
    listed, decided = _problems(tmp_path, text)
    (problem,) = listed
    assert problem.startswith("6: cannot read match line")
    assert "left out with" not in problem
    assert [teams for _, *teams in decided] == [["Alpha", "Beta"], ["Eta", "Theta"]]


def test_goals_that_do_not_make_the_score_take_their_match_and_tie(tmp_path: Path) -> None:
    text = LEGS.replace("  Beta v Alpha   1-1 (0x0)", "  Beta v Alpha   1-1\n    (Kane 3'; -)")
    listed, decided = _problems(tmp_path, text)
    assert listed[0].startswith("11: Beta v Alpha, 2024-04-16: goals in regular time make 1-0")
    assert "left out with its tie (Alpha v Beta (Quarterfinals)" in listed[0]
    assert ("Quarterfinals", "Alpha", "Beta") not in decided
    assert ("Quarterfinals", "Eta", "Theta") in decided


def test_an_aggregate_that_the_legs_do_not_make_takes_its_tie(tmp_path: Path) -> None:
    text = LEGS.replace("  Theta v Eta    0-0", "  Theta v Eta    0-0  (agg 1-0)")
    listed, decided = _problems(tmp_path, text)
    assert listed[-1].startswith("13: Theta v Eta, 2024-04-16: aggregate written 1-0")
    assert listed[-1].endswith("left out with its tie (Eta v Theta (Quarterfinals))")
    assert decided == []


REPLAYED = """= FA Cup 2019/20

▪ Round 3
4 January 2020
  Tranmere Rovers  2-2 a.e.t.  Watford
  Rochdale  1-1  Newcastle United

▪ Round 3, Replays
14 January 2020
  Newcastle United  4-1  Rochdale
23 January 2020
  Watford  1-2  Tranmere Rovers  (aet)
"""


def test_a_tie_left_out_takes_its_replay_with_it(tmp_path: Path) -> None:
    """The drawn match breaks the rules (no extra time before a replay): its tie is left out
    and so is its replay, which was listed as a tie of its own ("Round 3, Replays")."""
    path = tmp_path / "facup.txt"
    path.write_text(REPLAYED, encoding="utf-8")
    loaded = load_with_problems(path)
    (problem,) = (str(p) for p in loaded.problems)
    assert problem.startswith(f"{path}:5: Tranmere Rovers v Watford (Round 3): ")
    assert problem.endswith(f"left out with its replay ({path}:12)")
    teams = [{t.name for t in tie.teams} for tie in loaded.season.ties()]
    assert teams == [{"Rochdale", "Newcastle United"}]
    assert all(m.home.name != "Watford" for m in loaded.season.matches)


POKAL = """= DFB-Pokal 2019/20

▪ Halbfinale
Di 9.6.2020
  1. FC Saarbrücken  0-3  Bayer 04 Leverkusen
Mi 10.6.2020
  FC Bayern München  2-1  Eintracht Frankfurt

▪ Finale
Sa 4.7.2020
  Bayer 04 Leverkusen  2-2  FC Bayern München
"""


def test_a_round_whose_ties_were_all_left_out_is_named_as_such(tmp_path: Path) -> None:
    """``--round`` of a round that ``--keep-going`` emptied: the round is in the file, its ties
    were left out (named), not "no round" in a file that has one."""
    path = tmp_path / "pokal.txt"
    path.write_text(POKAL, encoding="utf-8")
    loaded = load_with_problems(path)
    assert loaded.left_out_ties == (("Final", "Bayer 04 Leverkusen v FC Bayern München (Final)"),)
    done = run("ties", str(path), "--keep-going", "--round", "Finale")
    assert done.returncode == 1
    *left_out, error = done.stderr.splitlines()
    assert [line.split(": ")[2] for line in left_out] == [f"{path}:11"]
    assert error.startswith(f"matchday: error: Final is in {path}, but --keep-going left out all")
    assert "its ties: Bayer 04 Leverkusen v FC Bayern München (Final)" in error
    assert "no round" not in error
    kept = run("ties", str(path), "--keep-going", "--round", "Halbfinale", "--json")
    assert kept.returncode == 3
    assert len(json.loads(kept.stdout)) == 2
    unknown = run("ties", str(path), "--keep-going", "--round", "Viertelfinale")
    assert "no round 'Viertelfinale'" in unknown.stderr


def _cup_json(name: str, *matches: tuple[str, str, str, str, list[int]]) -> str:
    """A football.json file of ``matches`` (round, date, team1, team2, full-time score)."""
    listed = [{"round": r, "date": d, "team1": a, "team2": b, "score": {"ft": ft}}
              for r, d, a, b, ft in matches]  # fmt: skip
    return json.dumps({"name": name, "matches": listed})


def test_a_round_left_out_is_named_for_its_own_competition_only(tmp_path: Path) -> None:
    """A folder of several competitions: the final left out of one (drawn, no extra time) is
    named for that one, with its tie, not for another that has no final (nor its ties)."""
    semis = [("Semi-finals", "2024-04-09", "Alpha", "Beta", [2, 1]),
             ("Semi-finals", "2024-04-16", "Beta", "Alpha", [0, 0])]  # fmt: skip
    (tmp_path / "a.json").write_text(_cup_json("Alpha Cup 2023/24", *semis), encoding="utf-8")
    final = ("Final", "2024-05-09", "Gamma", "Delta", [1, 1])
    (tmp_path / "b.json").write_text(_cup_json("Beta Cup 2023/24", *semis, final), "utf-8")
    done = run("ties", str(tmp_path), "--keep-going", "--round", "Final")
    assert done.returncode == 1
    *left_out, error = done.stderr.splitlines()
    assert [line.split(": ")[2] for line in left_out] == [f"{tmp_path / 'b.json'}#/matches/2"]
    expected = f"Final is in {tmp_path / 'b.json'}, but --keep-going left out all of its ties: "
    assert (
        error
        == f"matchday: error: {expected}Gamma v Delta (Final) (see the 'left out' lines above)"
    )
    kept = run("ties", str(tmp_path), "--keep-going", "--round", "Semi-finals", "--json")
    assert kept.returncode == 3
    assert len(json.loads(kept.stdout)) == 2
