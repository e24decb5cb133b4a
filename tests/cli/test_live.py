"""``matchday live`` run as a user runs it: a separate process, output and exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL, cut_before

TIE = ["live", "europa-league-2017-18", "--tie", "Dortmund", "--round", "Round of 32"]


def test_the_timeline_of_atalanta_dortmund() -> None:
    result = run(*TIE)
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "'" in line and "│" in line]
    toloi = next(row for row in rows if "Toloi" in row)
    schmelzer = next(row for row in rows if "Schmelzer" in row)
    assert "1-0" in toloi
    assert "Atalanta through on away goals" in toloi
    assert "1-1" in schmelzer
    assert "Borussia Dortmund through 4-3 on aggregate" in schmelzer
    assert rows.index(toloi) < rows.index(schmelzer)


def test_a_single_match_timeline_has_no_aggregate_column() -> None:
    final = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not final.exists():
        pytest.skip(f"real data not found at {final}")
    result = run("live", str(final), "--tie", "Argentina", "--round", "Final")
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if "Minute" in line)
    assert "Score" in header
    assert "Agg." not in header
    assert "aggregate:" not in result.stdout
    assert "Agg." in run(*TIE).stdout
    # no one goes through from a final: its winner wins it
    assert "Argentina win the final" in result.stdout
    assert "through," not in result.stdout


def test_a_national_team_by_its_dutch_name() -> None:
    """ "--tie Frankrijk" failed, --lang nl or not: the team is found by the name the Dutch
    report gives it, and in Dutch it is shown so too."""
    final = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not final.exists():
        pytest.skip(f"real data not found at {final}")
    dutch = run("live", str(final), "--tie", "Frankrijk", "--round", "finale", "--lang", "nl")
    assert dutch.returncode == 0, dutch.stderr
    assert "Argentinië" in dutch.stdout
    english = run("live", str(final), "--tie", "Frankrijk", "--round", "Final", "--json")
    assert english.returncode == 0, english.stderr
    assert "France" in english.stdout
    done = run("live", str(final), "--tie", "Holland", "--round", "kwartfinales", "--json")
    assert done.returncode == 0, done.stderr
    assert "Netherlands" in done.stdout


def test_the_state_at_1_0_after_an_hour_as_json() -> None:
    result = run(*TIE, "--score", "1-0", "--minute", "60", "--json")
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)["state"]
    assert state["through"] == "Atalanta"
    assert state["clock"] == "60'"
    dortmund = next(n for n in state["needs"] if n["team"] == "Borussia Dortmund")
    assert dortmund["to_go_through"] == 1


def test_the_state_at_a_score_as_a_table() -> None:
    result = run(*TIE, "--score", "1-0", "--minute", "60")
    assert result.returncode == 0, result.stderr
    assert "Atalanta 1-0 Borussia Dortmund, 60'" in result.stdout
    assert "If it ended now: Atalanta through on away goals" in result.stdout
    assert "Goals to force extra time" in result.stdout


def test_the_state_at_a_score_in_dutch() -> None:
    """``--lang nl``: the explanations (the checker's reason templates), the labels and the
    teams as Dutch readers know them; the JSON keeps its keys, its explanations in Dutch."""
    result = run(*TIE, "--score", "1-0", "--minute", "60", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert "Atalanta 1-0 Dortmund, 60'" in result.stdout
    assert "Als het nu afliep: Atalanta door op uitdoelpunten" in result.stdout
    assert "zestiende finales" in result.stdout
    assert "through" not in result.stdout
    told = run(*TIE, "--score", "1-0", "--minute", "60", "--lang", "nl", "--json")
    state = json.loads(told.stdout)["state"]
    assert state["through"] == "Atalanta"
    assert state["explanation"].startswith("Atalanta door op uitdoelpunten: 3-3")
    effects = [g["effect"] for g in state["next_goal"]]
    assert "Nog één doelpunt van Dortmund en Dortmund gaat door" in effects


def test_a_minute_without_a_score_replays_the_goals_up_to_it() -> None:
    result = run(*TIE, "--minute", "70", "--json")
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)["state"]
    assert (state["score"], state["through"]) == ([1, 0], "Atalanta")


def test_the_shoot_out_of_a_level_tie() -> None:
    result = run(*TIE, "--score", "3-2", "--minute", "pens", "--json")
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)["state"]
    assert (state["phase"], state["through"]) == ("penalties", None)


def test_the_rules_preset_can_be_chosen() -> None:
    result = run(*TIE, "--score", "1-0", "--minute", "60", "--rules", "uefa-2021", "--json")
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)["state"]
    assert (state["through"], state["awaiting"], state["away_goals"]) == (
        None,
        "extra_time",
        None,
    )


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        ((*TIE, "--score", "1-x"), "not a score: '1-x'"),
        (("live", "europa-league-2017-18", "--tie", "Barcelona"), "no team matching 'Barcelona'"),
        ((*TIE, "--score", "1-0", "--minute", "200"), "not a match minute: '200'"),
        (("live", "europa-league-2017-18", "--tie", "Dortmund"), "choose one with --round"),
        (("live", "europa-league-2017-18", "--tie", "Leipzig", "--round", "QF"), "no goal events"),
        ((*TIE, "--score", "1-0", "--minute", "105"), "no extra time at 1-0"),
        ((*TIE, "--score", "1-0", "--minute", "pens"), "no extra time"),
        (("live", "no-such-data", "--tie", "Dortmund"), "no such file"),
        ((*TIE, "--lang", "fr"), "unknown language 'fr'; choose one of: en, nl"),
    ],
)
def test_bad_input_is_one_clear_line(args: tuple[str, ...], problem: str) -> None:
    result = run(*args)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("matchday: error: ")
    assert problem in lines[0]


def test_extra_time_where_a_level_match_is_replayed() -> None:
    """World Cup 1934: a match level after extra time was replayed; at 2-2 in extra time the
    table counts the goals to force the replay (it stopped with a KeyError)."""
    path = OPENFOOTBALL / "worldcup" / "rsssf" / "34f.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    args = ["live", str(path), "--tie", "Austria", "--round", "Round of 16"]
    result = run(*args, "--score", "2-2", "--minute", "100")
    assert result.returncode == 0, result.stderr
    header = " ".join(" ".join(line.split("┃")) for line in result.stdout.splitlines()[:8])
    assert "force a" in header
    assert "replay" in header
    done = run(*args, "--score", "2-2", "--minute", "100", "--json")
    assert done.returncode == 0, done.stderr
    forces = {n["forces"] for n in json.loads(done.stdout)["state"]["needs"]}
    assert forces == {"replay"}


@pytest.mark.parametrize(
    ("lang", "title", "marker", "wrong"),
    [
        (
            "nl",
            "Wereldbeker 2022, finale",
            "(of niemand meer: gelijk)",
            "een andere ploeg gaat door",
        ),
        (
            "en",
            "World Cup 2022, Final",
            "(or nobody would: level)",
            "the side going through changed",
        ),
    ],
)
def test_the_final_timeline_heading_and_its_turning_points(
    lang: str, title: str, marker: str, wrong: str
) -> None:
    """World Cup 2022 final: the heading names the competition as ``matchday report`` does
    ("wereldbeker"), and the ◆ marks 2-2 and 3-3, where nobody would go through: the legend
    says what every marked goal did."""
    final = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not final.exists():
        pytest.skip(f"real data not found at {final}")
    result = run("live", str(final), "--tie", "Argentina", "--round", "Final", "--lang", lang)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(title)
    marked = [line for line in lines if line.rstrip().endswith("◆ │")]
    assert any("2-2" in line for line in marked)
    assert any("3-3" in line for line in marked)
    text = " ".join(" ".join(lines).split())
    assert marker in text
    assert wrong not in text


@pytest.mark.parametrize(
    "args",
    [
        ("live", "--tie", "Napoli"),
        ("live", "--tie", "Napoli", "--lang", "nl", "--json"),
        ("plot", "--tie", "Napoli", "-o", "napoli.png"),
    ],
)
def test_between_the_legs_the_deciding_match_is_the_second_leg_not_in_the_file(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Champions League 2023-24 cut after the round of 16 first legs: without a score,
    ``live`` (and ``plot``) replay the deciding match, the second leg the file does not hold
    yet; they said the first leg had "no goal events recorded; give a score", which gave
    this same error."""
    cut = cut_before(
        OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt", "Tue Mar/5", tmp_path
    )
    command, *rest = args
    done = run(command, str(cut), *rest, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "matchday: error: SSC Napoli v FC Barcelona (Round of 16): the second leg, the "
        "deciding match, is not in the source yet (first leg 1-1)"
    )
    assert not (tmp_path / "napoli.png").exists()
