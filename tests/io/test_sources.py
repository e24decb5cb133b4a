"""Sources: files, folders, several paths, football.json, and one clear line for what cannot
be read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from matchday.errors import ConfigError, ParseError, SourceError
from matchday.io.load import load, load_with_problems
from matchday.select import find_round
from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL

CUP = "= World Cup 2018\n▪ Group A\nThu Jun 14\n  Russia  5-0 (2-0)  Saudi Arabia\n"
FINALS = "= World Cup 2018  # Finals\n▪ Final\nSun Jul 15\n  France  4-2 (2-1)  Croatia\n"


def test_a_folder_is_its_football_txt_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "cup.txt").write_text(CUP, encoding="utf-8")
    (tmp_path / "cup_finals.txt").write_text(FINALS, encoding="utf-8")
    (tmp_path / "NOTES.md").write_text("# notes", encoding="utf-8")
    season = load(tmp_path)
    assert [r.name for r in season.rounds] == ["Group A", "Final"]
    assert (season.competition, season.name) == ("World Cup", "2018")
    assert season.matches[1].source is not None
    assert season.matches[1].source.file.endswith("cup_finals.txt")
    assert load([tmp_path / "cup.txt", tmp_path / "cup_finals.txt"]).matches == season.matches


def test_a_folder_read_as_one_season_is_named_in_its_errors(tmp_path: Path) -> None:
    """The folder given, not its last file: "no round ... in cup_finals.txt" sent a user who
    gave the World Cup's folder looking in one file."""
    (tmp_path / "cup.txt").write_text(CUP, encoding="utf-8")
    (tmp_path / "cup_finals.txt").write_text(FINALS, encoding="utf-8")
    season = load(tmp_path)
    assert season.source == str(tmp_path)
    with pytest.raises(ConfigError, match=rf"no round 'Kwartfinal' in {re.escape(str(tmp_path))};"):
        find_round(season, "Kwartfinal")
    assert load(tmp_path / "cup_finals.txt").source == str(tmp_path / "cup_finals.txt")


def test_a_folder_of_tournaments_names_a_few_to_pick(tmp_path: Path) -> None:
    """openfootball's ``worldcup/`` holds a folder per tournament and no file of its own: the
    error names some of them, the newest first, and how many more there are."""
    for name in ("1930--uruguay", "2018--russia", "2022--qatar", "more", "2014--brazil"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "cup.txt").write_text(CUP, encoding="utf-8")
    (tmp_path / "README.md").write_text("# World Cups", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    folders = [str(tmp_path / n) for n in ("2022--qatar", "2018--russia", "2014--brazil")]
    listed = re.escape(", ".join(folders))
    with pytest.raises(SourceError, match=rf"pick one tournament or season: {listed} and 2 more$"):
        load(tmp_path)
    with pytest.raises(SourceError, match=r"files to read$"):
        load(tmp_path / "empty")


def test_files_of_two_competitions_are_not_one_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CUP, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FINALS.replace("World Cup", "Euro"), encoding="utf-8")
    with pytest.raises(ParseError, match=r"b\.txt:1: a title for another competition"):
        load(tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file"),
        (
            "= Coupe de France 2018\n:: Finale\n  Fréjus v Sète  1-0\n".encode("latin-1"),
            r"not UTF-8 text \(byte 38 is 0xe9\)",
        ),
        ("= Coupe de France 2018\n".encode("utf-16"), "UTF-16 text, not UTF-8"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "utf-16"],
)
def test_unreadable_files_get_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "cup.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as caught:
        load(path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_a_folder_with_nothing_to_read_and_a_missing_path(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("nothing here", encoding="utf-8")
    with pytest.raises(SourceError, match=r"a folder without Football\.TXT"):
        load(tmp_path)
    with pytest.raises(SourceError, match="no such file and no bundled data set"):
        load(tmp_path / "missing.txt")


def test_a_file_named_twice_is_refused_not_read_twice(tmp_path: Path) -> None:
    """The same file twice, or a folder and a file in it, read every match twice (a table of
    6 played a team for 3 matches); now it is one clear line."""
    (tmp_path / "cup.txt").write_text(CUP, encoding="utf-8")
    (tmp_path / "cup_finals.txt").write_text(FINALS, encoding="utf-8")
    cup = tmp_path / "cup.txt"
    with pytest.raises(SourceError, match=r"cup\.txt: named twice; each file is read once"):
        load([cup, cup])
    with pytest.raises(SourceError, match=r"named twice \(in .* and in .*cup\.txt\)"):
        load([tmp_path, cup])
    with pytest.raises(SourceError, match="an empty name is no source"):
        load("")


def test_the_command_line_says_one_line_for_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "cup.txt"
    path.write_bytes(b"\x00\x01\x02")
    done = run("ties", str(path))
    assert done.returncode == 1
    assert (
        done.stderr
        == f"matchday: error: {path}: a binary file, not Football.TXT or football.json text\n"
    )


def _json_file(tmp_path: Path, matches: list[dict[str, object]]) -> Path:
    path = tmp_path / "uefa.cl.json"
    path.write_text(json.dumps({"name": "UEFA Champions League 2024/25", "matches": matches}))
    return path


LEG = {"round": "Finals, Final", "date": "2025-05-31", "time": "21:00",
       "team1": "Paris Saint-Germain FC (FRA)", "team2": "FC Internazionale Milano (ITA)",
       "score": {"ht": [2, 0], "ft": [5, 0]}}  # fmt: skip


def test_football_json_reads_as_a_season(tmp_path: Path) -> None:
    season = load(_json_file(tmp_path, [LEG]))
    (tie,) = season.ties()
    assert (tie.round, tie.team1.name, tie.team1.country) == (
        "Final",
        "Paris Saint-Germain FC",
        "FRA",
    )
    assert str(tie.first_leg.score) == "5-0"


def test_football_json_errors_name_the_json_pointer(tmp_path: Path) -> None:
    broken = {**LEG, "score": {"ft": [5, "x"]}}
    with pytest.raises(ParseError, match=r"uefa\.cl\.json#/matches/0/score/ft/1: ") as caught:
        load(_json_file(tmp_path, [broken]))
    assert caught.value.pointer == "/matches/0/score/ft/1"
    level = {**LEG, "round": "Semifinals", "score": {"ft": [1, 1], "et": [1, 1], "p": [4, 4]}}
    loaded = load_with_problems(_json_file(tmp_path, [level, LEG]))
    assert [str(p).split(": ")[0] for p in loaded.problems] == [
        f"{tmp_path / 'uefa.cl.json'}#/matches/0"
    ]


def test_a_football_json_error_counts_its_line_one_way(tmp_path: Path) -> None:
    """In a football.json file ``line`` is the number of the match the pointer is in, from 1,
    whichever error it is (a value pydantic refuses, a match that cannot be, a tie the rules
    cannot settle); 0 for a value in no match; a file cut short keeps the JSON decoder's line
    and column."""
    path = tmp_path / "uefa.cl.json"
    broken = {**LEG, "score": {"ft": [5, "x"]}}
    with pytest.raises(ParseError) as unreadable:
        load(_json_file(tmp_path, [LEG, broken]))
    assert (unreadable.value.line, unreadable.value.pointer) == (2, "/matches/1/score/ft/1")
    itself = {**LEG, "team2": LEG["team1"]}
    with pytest.raises(ParseError) as parsed:
        load(_json_file(tmp_path, [itself]))
    level = {**LEG, "score": {"ft": [1, 1]}}
    (unsettled,) = load_with_problems(_json_file(tmp_path, [level])).problems
    assert (parsed.value.line, parsed.value.pointer) == (1, "/matches/0")
    assert unsettled.where is not None
    assert (unsettled.line, unsettled.where.pointer) == (1, "/matches/0")
    path.write_text(json.dumps({"matches": [LEG]}))
    with pytest.raises(ParseError) as nameless:
        load(path)
    assert (nameless.value.line, nameless.value.pointer) == (0, "/name")
    path.write_text(
        json.dumps({"name": "UEFA Champions League 2024/25", "matches": [LEG]}, indent=1)[:-40]
    )
    with pytest.raises(
        ParseError, match=r"^\S*uefa\.cl\.json:\d+: .*at line \d+ column \d+"
    ) as cut:
        load(path)
    assert cut.value.pointer is None
    assert f"at line {cut.value.line} column" in cut.value.problem


def test_ties_keep_going_lists_the_erratum_and_exits_3() -> None:
    path = OPENFOOTBALL / "champions-league" / "2025-26" / "confq.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    strict = run("ties", str(path), "--json")
    assert strict.returncode == 1
    done = run("ties", str(path), "--json", "--keep-going")
    assert done.returncode == 3
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"matchday: left out: {path}:162: ")
    assert "extra time recorded" in line
    ties = json.loads(done.stdout)
    assert ties
    assert all(t["winner"] for t in ties)
    assert not any({t["team1"], t["team2"]} == {"FC Dinamo City", "Atlétic Escaldes"} for t in ties)


def test_a_world_cup_folder_as_a_source_on_the_command_line() -> None:
    folder = OPENFOOTBALL / "worldcup" / "2014--brazil"
    if not folder.exists():
        pytest.skip(f"real data not found at {folder}")
    done = run("ties", str(folder), "--round", "achtste finales", "--json")
    assert done.returncode == 0, done.stderr
    ties = json.loads(done.stdout)
    assert len(ties) == 8
    assert {t["round"] for t in ties} == {"Round of 16"}


def test_a_football_json_round_name_not_in_the_vocabulary_is_kept_as_written(
    tmp_path: Path,
) -> None:
    legs = [
        {"round": "Relegation, Direkter Abstieg", "date": d, "team1": a, "team2": b,
         "time": t, "score": {"ft": ft}}
        for d, a, b, t, ft in (("2020-12-01", "Alpha", "Beta", "9:30", [1, 0]),
                               ("2020-12-05", "Beta", "Alpha", "19.35", [2, 0]))
    ]  # fmt: skip
    fixture = {"round": "Final", "date": "2020-12-12", "team1": "N.N.", "team2": "N.N."}
    season = load(_json_file(tmp_path, [*legs, fixture]))
    (round_,) = season.rounds
    assert round_.name == "Relegation, Direkter Abstieg"
    assert round_.knockout
    (tie,) = season.ties()
    assert tie.team1.name == "Alpha"
    assert [str(m.kickoff) for m in season.matches] == ["09:30:00", "19:35:00"]


def test_a_football_txt_round_header_not_in_the_vocabulary_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cup.txt"
    path.write_text("= Cup 2020\n▪ Direkter Abstieg\nTue Dec 1\n  A v B  1-0\n", "utf-8")
    with pytest.raises(ParseError, match=r"cup\.txt:2: unknown round header"):
        load(path)
