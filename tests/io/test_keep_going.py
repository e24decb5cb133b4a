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
