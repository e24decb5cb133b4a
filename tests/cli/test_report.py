"""``matchday report``: the command as a user runs it, and the examples in docs/examples."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from matchday.io.load import load_with_problems
from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL, REPO, cut_before

EXAMPLES = REPO / "docs" / "examples"


def _examples() -> list[tuple[str, list[str]]]:
    table = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| `matchday (report [^`]+)` \|$", table, re.MULTILINE)
    return [(name, shlex.split(command)) for name, command in rows]


def test_every_example_is_listed_with_its_command() -> None:
    listed = {name for name, _ in _examples()}
    on_disk = {p.name for p in EXAMPLES.iterdir() if p.name != "README.md"}
    assert listed == on_disk
    assert {"el-2018-02-22.nl.md", "el-2018-02-22.en.md"} <= listed


@pytest.mark.parametrize(("name", "args"), _examples(), ids=[n for n, _ in _examples()])
def test_the_examples_are_what_the_command_prints(
    name: str, args: list[str], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if any("openfootball" in arg for arg in args):
        request.getfixturevalue("openfootball_cl")  # skips when the shared data is absent
    at = args.index("-o")
    args = [*args[:at], "-o", str(tmp_path / name), *args[at + 2 :]]
    done = run(*args)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    expected = (EXAMPLES / name).read_text(encoding="utf-8")
    assert (tmp_path / name).read_text(encoding="utf-8") == expected


def test_the_dutch_round_up_of_22_february_2018() -> None:
    done = run("report", "europa-league-2017-18", "--date", "2018-02-22", "--lang", "nl")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("# Schmelzer loodst Dortmund laat naar de achtste finales\n")
    assert "donderdag 22 februari 2018" in text
    assert text.count("\n## ") == 15  # CSKA v Crvena Zvezda was played the night before
    assert "op basis van de uitdoelpuntenregel" in text


def test_the_round_up_says_how_close_it_came_unless_told_not_to_forecast() -> None:
    night = ("report", "europa-league-2017-18", "--date", "2018-02-22", "--lang", "en")
    done = run(*night)
    assert done.returncode == 0, done.stderr
    assert "Dortmund's chance of going through had fallen to 16% in the 82nd minute" in done.stdout
    plain = run(*night, "--no-forecast")
    assert plain.returncode == 0, plain.stderr
    assert "forecast" not in plain.stdout
    assert "Schmelzer" in plain.stdout


def test_html_output_is_a_document_with_a_section_per_tie() -> None:
    done = run("report", "europa-league-2017-18", "--round", "Semifinals", "--format", "html")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in done.stdout
    assert done.stdout.count("<section>") == 2
    assert "Salzburg - Marseille 2-1 n.v." in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2018-02-23"], "no knockout match played on 2018-02-23"),
        (["--date", "2018-02-22", "--lang", "fr"], "unknown language 'fr'; choose one of: en, nl"),
        (["--date", "22/02/2018"], "not a date: '22/02/2018'"),
        (["--round", "Final", "--format", "pdf"], "unknown format 'pdf'"),
        ([], "choose the night with a date or the round"),
        (["--date", "2018-02-22", "--round", "Final"], "choose the night with a date or the round"),
        (["--round", "Group A"], "no round 'Group A'"),
    ],
)
def test_bad_input_is_one_clear_line(args: list[str], message: str) -> None:
    done = run("report", "europa-league-2017-18", *args)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("matchday: error: ")
    assert message in lines[0]


def test_an_output_file_that_cannot_be_written(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.md"
    done = run("report", "europa-league-2017-18", "--round", "Final", "-o", str(target))
    assert done.returncode == 1
    assert done.stderr.startswith(f"matchday: error: {target}: cannot write")


UNSETTLED = """= UEFA Champions League 2017/18

» Quarterfinals
  Tue Apr 3 2018
    Juventus               v Real Madrid            0-3
    Sevilla FC             v Bayern München         1-2
  Wed Apr 11 2018
    Real Madrid            v Juventus               0-3
    Bayern München         v Sevilla FC             0-0
"""


def test_keep_going_leaves_out_a_tie_the_data_cannot_settle(tmp_path: Path) -> None:
    """Real Madrid v Juventus level at 3-3 with no extra time written: without the flag the
    round-up stops there; with it that tie is listed as left out (exit status 3) and the
    night's other tie is told."""
    source = tmp_path / "quarters.txt"
    source.write_text(UNSETTLED, encoding="utf-8")
    args = ("report", str(source), "--round", "Quarterfinals", "--lang", "en", "--no-forecast")
    strict = run(*args)
    assert strict.returncode == 1
    assert (
        "quarters.txt:8: Juventus v Real Madrid (Quarterfinals): level at the end" in strict.stderr
    )
    done = run(*args, "--keep-going")
    assert done.returncode == 3, done.stderr
    assert done.stderr.startswith("matchday: left out: ")
    assert "quarters.txt:8: Juventus v Real Madrid" in done.stderr
    assert done.stdout.startswith("# Bayern Munich into the semi-finals\n")
    assert "Juventus" not in done.stdout


TWO_FLAWED_ROUNDS = """= Test Cup 2023/24

▪ Quarter-finals
Tue Apr 9 2024
  Alpha v Beta   2-1
  Gamma v Delta  1-0
Tue Apr 16 2024
  Beta v Alpha   1-1
  Delta v Gamma  1-0 (3-0)

▪ Semi-finals
Tue Apr 30 2024
  Alpha v Eta    1-0
Tue May 7 2024
  Eta v Alpha    1-0 (2-0)
"""

UNSETTLED_FINAL = """= Test Cup 2023/24

▪ Final
Sat Jun 1 2024
  Alpha v Eta  1-1 a.e.t. (1-1)
"""


def test_keep_going_with_round_tells_that_round_and_names_a_round_it_emptied(
    tmp_path: Path,
) -> None:
    """``--keep-going --round``: the round-up of a round tells its ties that were kept; a round
    whose every tie was left out (one on reading, one the data cannot settle) is named as
    such, with its own tie only, not as "no round" nor a round of no played ties."""
    source = tmp_path / "cup.txt"
    source.write_text(TWO_FLAWED_ROUNDS, encoding="utf-8")
    final = tmp_path / "final.txt"
    final.write_text(UNSETTLED_FINAL, encoding="utf-8")
    args = ("--keep-going", "--lang", "en", "--no-forecast")
    quarters = run("report", str(source), *args, "--round", "Quarter-finals")
    assert quarters.returncode == 3, quarters.stderr
    assert quarters.stdout.startswith("# Alpha into the semi-finals\n")
    assert "Gamma" not in quarters.stdout
    for path, round_, tie in ((source, "Semi-finals", "Alpha v Eta (Semifinals)"),
                              (final, "Final", "Alpha v Eta (Final)")):  # fmt: skip
        done = run("report", str(path), *args, "--round", round_)
        assert done.returncode == 1
        *left_out, error = done.stderr.splitlines()
        assert all(line.startswith("matchday: left out: ") for line in left_out)
        assert error == (
            f"matchday: error: {round_.replace('-f', 'f')} is in {path}, but --keep-going left "
            f"out all of its ties: {tie} (see the 'left out' lines above)"
        )


EMPTIED_SEMIS = """= Test Cup 2023/24

▪ Quarter-finals
Tue Apr 9 2024
  Alpha v Beta   2-1
  Gamma v Delta  1-0
Tue Apr 16 2024
  Beta v Alpha   1-1
  Delta v Gamma  1-1

▪ Semi-finals
Tue Apr 30 2024
  Alpha v Gamma  1-0
Tue May 7 2024
  Gamma v Alpha  1-0 (2-0)

▪ Final
Sat Jun 1 2024
  Alpha v Eta  1-0
"""


def test_keep_going_names_the_round_after_one_it_emptied_as_next(tmp_path: Path) -> None:
    """Every semi-final tie left out (a half-time score past full time): the quarter-finals'
    winners still go into the semi-finals, the round the file has next, not the final; the
    season read keeps that round with no matches, and ``ties`` shows the rounds kept."""
    source = tmp_path / "cup.txt"
    source.write_text(EMPTIED_SEMIS, encoding="utf-8")
    loaded = load_with_problems(source)
    assert [(r.name, len(r.matches)) for r in loaded.season.rounds] == [
        ("Quarterfinals", 4), ("Semifinals", 0), ("Final", 1),
    ]  # fmt: skip
    args = ("--keep-going", "--lang", "en", "--no-forecast", "--round", "Quarter-finals")
    done = run("report", str(source), *args)
    assert done.returncode == 3, done.stderr
    assert "Alpha v Gamma (Semifinals)" in done.stderr
    assert done.stdout.startswith("# Alpha into the semi-finals\n")
    assert "final" not in done.stdout.replace("semi-final", "").replace("quarter-final", "")
    ties = run("ties", str(source), "--json", "--keep-going")
    assert ties.returncode == 3, ties.stderr
    assert [(t["round"], t["team1"]) for t in json.loads(ties.stdout)] == [
        ("Quarterfinals", "Alpha"), ("Quarterfinals", "Gamma"), ("Final", "Alpha"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "open_", "lead", "elsewhere"),
    [
        (
            "en",
            "all to play for in the second leg at Barcelona.",
            "Porto are one goal up going into the second leg at Arsenal.",
            "Elsewhere, Porto won their first leg.",
        ),
        (
            "nl",
            "Alles ligt nog open voor de terugwedstrijd bij Barcelona.",
            "Porto neemt een voorsprong van één doelpunt mee naar de terugwedstrijd bij Arsenal.",
            "Verder won Porto zijn heenwedstrijd.",
        ),
    ],
)
def test_the_night_of_the_first_legs_says_what_the_second_leg_holds(
    tmp_path: Path, lang: str, open_: str, lead: str, elsewhere: str
) -> None:
    """Champions League 2023-24 cut after the round of 16 first legs, the second legs not in the
    file yet: each tie is open, who leads takes the lead into the second leg at the other side's
    ground (no date: none is known), and nobody is through."""
    cut = cut_before(
        OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt", "Tue Mar/5", tmp_path
    )
    done = run("report", str(cut), "--date", "2024-02-21", "--lang", lang)
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert open_ in text
    assert lead in text
    assert elsewhere in text
    assert "through" not in text
    assert "plaatst zich" not in text


def test_a_round_of_first_legs_over_four_nights_has_no_pick_of_the_night(tmp_path: Path) -> None:
    """The round of 16 first legs of the Champions League 2023-24 were played on four nights:
    the Dutch round-up of the round names its pick of the round, not "of the night"."""
    cut = cut_before(
        OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt", "Tue Mar/5", tmp_path
    )
    done = run("report", str(cut), "--round", "Round of 16", "--lang", "nl")
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert "was FC Kopenhagen - Manchester City de affiche." in text
    assert "van de avond" not in text
