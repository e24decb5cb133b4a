"""A season folder of football.json files as a SOURCE: one competition per file, picked by
its file name or competition name; ``ties`` shows every one with knockout ties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matchday.cli import app
from matchday.errors import SourceError
from matchday.io.load import competitions_in_folder, load, load_with_problems
from tests.conftest import OPENFOOTBALL


def _match(round_: str, date: str, home: str, away: str, score: list[int]) -> dict[str, object]:
    return {"round": round_, "date": date, "team1": home, "team2": away, "score": {"ft": score}}


def _write(folder: Path, stem: str, name: str, matches: list[dict[str, object]]) -> None:
    (folder / f"{stem}.json").write_text(json.dumps({"name": name, "matches": matches}))


LEAGUE = [
    _match("Matchday 1", "2019-08-10", "Alpha", "Beta", [1, 0]),
    _match("Matchday 1", "2019-08-10", "Gamma", "Delta", [2, 2]),
    _match("Matchday 2", "2019-08-17", "Beta", "Gamma", [0, 3]),
    _match("Matchday 2", "2019-08-17", "Delta", "Alpha", [1, 1]),
]
CUP = [
    _match("Semi-finals", "2020-03-03", "Alpha", "Gamma", [2, 0]),
    _match("Semi-finals", "2020-03-04", "Beta", "Delta", [0, 1]),
    _match("Final", "2020-07-04", "Alpha", "Delta", [4, 2]),
]


@pytest.fixture
def season_folder(tmp_path: Path) -> Path:
    _write(tmp_path, "de.1", "Deutsche Bundesliga 2019/20", LEAGUE)
    _write(tmp_path, "de.cup", "DFB Pokal 2019/20", CUP)
    return tmp_path


def test_the_competition_with_knockout_ties_is_the_one_read(season_folder: Path) -> None:
    season = load(season_folder)
    assert (season.competition, season.name) == ("DFB Pokal", "2019/20")
    assert [t.team1.name for t in season.ties()] == ["Alpha", "Beta", "Alpha"]


def test_a_competition_is_picked_by_file_name_or_by_name(season_folder: Path) -> None:
    assert load(season_folder, "de.1", knockout=False).competition == "Deutsche Bundesliga"
    assert load(season_folder, "de.1.json", knockout=False).competition == "Deutsche Bundesliga"
    assert load(season_folder, "DFB-Pokal").competition == "DFB Pokal"
    assert load_with_problems(season_folder, competition="Bundesliga").season.name == "2019/20"


def test_a_choice_left_open_lists_the_competitions(season_folder: Path) -> None:
    with pytest.raises(SourceError, match=r"2 competitions here, .*de\.1 \(Deutsche Bundesliga\)"):
        load(season_folder, knockout=False)
    with pytest.raises(SourceError, match=r"no competition 'Serie A' among .*\(de\.1, de\.cup\)"):
        load(season_folder, "Serie A")


def test_a_broken_league_does_not_stop_the_cup_being_read(season_folder: Path) -> None:
    broken = [*LEAGUE, _match("Matchday 3", "2019-08-24", "Alpha", "Alpha", [1, 0])]
    _write(season_folder, "de.1", "Deutsche Bundesliga 2019/20", broken)
    assert load(season_folder).competition == "DFB Pokal"
    (league,) = competitions_in_folder(season_folder, "de.1", keep_going=True)
    (problem,) = league.problems
    assert str(problem).startswith(f"{season_folder / 'de.1.json'}#/matches/4: ")


def test_ties_of_a_folder_show_each_cup_once(season_folder: Path) -> None:
    _write(season_folder, "at.cup", "ÖFB Cup 2019/20", CUP[2:])
    done = CliRunner().invoke(app, ["ties", str(season_folder), "--json", "--round", "Final"])
    assert done.exit_code == 0, done.output
    finals = json.loads(done.stdout)
    assert [(t["competition"], t["winner"]) for t in finals] == [
        ("ÖFB Cup 2019/20", "Alpha"),
        ("DFB Pokal 2019/20", "Alpha"),
    ]


def test_ties_of_a_folder_name_their_competition_even_when_one_has_ties(
    season_folder: Path,
) -> None:
    """The shape of a folder's ties does not hang on how many of its files have ties: the one
    cup among the folder's files is named too (the key was missing then); a competition
    picked with --competition is the one asked for, and its ties do not repeat it."""
    done = CliRunner().invoke(app, ["ties", str(season_folder), "--json"])
    assert done.exit_code == 0, done.output
    assert {t["competition"] for t in json.loads(done.stdout)} == {"DFB Pokal 2019/20"}
    picked = CliRunner().invoke(
        app, ["ties", str(season_folder), "--json", "--competition", "de.cup"]
    )
    assert picked.exit_code == 0, picked.output
    assert all("competition" not in t for t in json.loads(picked.stdout))


def test_a_real_season_folder_reads_as_its_file() -> None:
    folder = OPENFOOTBALL / "football.json" / "2024-25"
    if not folder.is_dir():
        pytest.skip(f"real data not found at {folder}")
    from_folder = load_with_problems(folder, competition="uefa.cl")
    from_file = load_with_problems(folder / "uefa.cl.json")
    assert from_folder.season.matches == from_file.season.matches
    assert [str(p) for p in from_folder.problems] == [str(p) for p in from_file.problems]
    assert len(from_folder.season.matches) > 180  # league phase 144, then the knockout
