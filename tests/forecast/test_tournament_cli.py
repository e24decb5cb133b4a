"""``matchday forecast`` of a World Cup from the command line: the JSON shape, and clear refusals.
Run outside the repository so that no international data is read (the shipped snapshot is
given with ``--model``): cheap."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from matchday.cli.tournament import _spread_note, title_race
from matchday.forecast.tournament import from_ratings, from_season, simulate
from matchday.io.load import load
from matchday.io.snapshot import load_snapshot
from matchday.model import Team
from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL, REPO

QATAR = OPENFOOTBALL / "worldcup" / "2022--qatar"
SNAPSHOT = REPO / "src" / "matchday" / "data" / "models" / "international-before-2022-11-20.json"


@pytest.fixture
def qatar() -> Path:
    if not QATAR.exists():
        pytest.skip(f"real data not found at {QATAR}")
    return QATAR


def test_the_json_gives_every_team_every_stage(qatar: Path, tmp_path: Path) -> None:
    done = run(
        "forecast", str(qatar), "--as-of", "2022-11-20", "--sims", "2000", "--json",
        "--model", str(SNAPSHOT), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["date"] == "2022-11-20"
    assert data["model"]["as_of"] == "2022-11-20"
    assert data["simulations"] == 2000
    assert data["played"] == 0
    assert data["note"] is None  # the day of the first match: its teams were known
    teams = data["teams"]
    assert len(teams) == 32
    for stage, count in zip(data["stages"], (16, 8, 4, 2, 1), strict=True):
        assert sum(t["reach"][stage] for t in teams) == pytest.approx(count, abs=1e-3)
    assert sum(t["win"] for t in teams) == pytest.approx(1.0, abs=1e-3)
    for t in teams:
        assert sum(t["exit"].values()) == pytest.approx(1.0, abs=1e-3)
        assert sum(t["places"]) == pytest.approx(1.0, abs=1e-3)
    # ranked from the favourite down
    wins = [t["win"] for t in teams]
    assert wins == sorted(wins, reverse=True)


def test_with_uncertainty_the_json_says_it_is_carried(qatar: Path, tmp_path: Path) -> None:
    """``--uncertainty 1``: each simulation draws the strengths, and the JSON says so (the
    default, the point simulation, has no such key: ``_spread_note`` is ``None`` for it)."""
    carried = run(
        "forecast", str(qatar), "--as-of", "2022-11-20", "--sims", "1000", "--json",
        "--model", str(SNAPSHOT), "--uncertainty", "1", cwd=tmp_path,
    )  # fmt: skip
    assert carried.returncode == 0, carried.stderr
    data = json.loads(carried.stdout)
    assert "carried in" in data["uncertainty"]
    assert sum(t["win"] for t in data["teams"]) == pytest.approx(1.0, abs=1e-3)
    tournament = from_season(load(qatar))
    ratings = load_snapshot(SNAPSHOT).ratings
    point = simulate(tournament, from_ratings(tournament, ratings), 200, as_of=tournament.started)
    assert _spread_note(point) is None


def test_ratings_fitted_after_the_date_are_refused(qatar: Path, tmp_path: Path) -> None:
    done = run(
        "forecast", str(qatar), "--as-of", "2022-11-19", "--model", str(SNAPSHOT), cwd=tmp_path
    )
    assert done.returncode == 1
    assert "look-ahead" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_title_race_ends_with_the_champion_certain(qatar: Path, tmp_path: Path) -> None:
    # tmp_path holds no international data: the shipped ratings of each morning are used
    race = title_race(load(qatar), 200, 0, folder=tmp_path)
    assert race.days[0] == dt.date(2022, 11, 20)
    assert race.days[-1] == dt.date(2022, 12, 19)
    assert race.chances.sum(axis=1) == pytest.approx(np.ones(len(race.days)))
    argentina = race.tournament.teams.index(Team("Argentina"))
    assert race.chances[-1, argentina] == 1.0
    assert argentina in race.favourites(3)
    # every morning, rest days included: Spain, out on 6 December, has no chance on the 7th
    assert len(race.days) == 30
    spain = race.tournament.teams.index(Team("Spain"))
    assert race.chances[race.days.index(dt.date(2022, 12, 6)), spain] > 0
    assert race.chances[race.days.index(dt.date(2022, 12, 7)), spain] == 0


def _elsewhere(folder: Path, tmp_path: Path) -> Path:
    """A copy of a tournament's folder outside the shared data (no internationals near it)."""
    return Path(shutil.copytree(folder, tmp_path / "copy" / folder.name))


def test_the_international_data_can_be_named_from_anywhere(qatar: Path, tmp_path: Path) -> None:
    """Outside the repository the shipped snapshots start in 2022; the refusal for 1998 names
    ``--international``, which ``forecast`` takes (it was only ``match``'s and ``fit``'s)."""
    france = _elsewhere(qatar.parent / "1998--france", tmp_path)
    refused = run("forecast", str(france), "--sims", "500", cwd=tmp_path)
    assert refused.returncode == 1
    assert "--international" in refused.stderr
    international = OPENFOOTBALL.parent / "international"
    done = run(
        "forecast", str(france), "--sims", "500", "--json", "--international",
        str(international), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["model"]["file"] == f"fitted on {international}"
    champion = max(data["teams"], key=lambda t: t["win"])
    assert (champion["name"], champion["win"]) == ("France", 1.0)


def test_the_international_data_is_found_beside_the_source_read(
    qatar: Path, tmp_path: Path
) -> None:
    """A tournament read from the shared data finds the internationals of that data, from
    whatever directory it is asked: the forecast does not change with the directory."""
    done = run("forecast", str(qatar), "--as-of", "2022-12-18", "--sims", "500", "--json",
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    model = json.loads(done.stdout)["model"]
    assert model["file"] == f"fitted on {(OPENFOOTBALL.parent / 'international').resolve()}"
    assert model["as_of"] == "2022-12-18"
    assert model["note"] is None


def test_a_world_cup_match_is_plotted_as_one_match_with_national_ratings(
    qatar: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2022 final and Croatia v Brazil: the final score after extra time and the
    shoot-out, no first leg; the curve from national ratings (run from tmp_path, beside no
    international data: the shipped ones), which know Brazil the favourite."""
    monkeypatch.chdir(tmp_path)
    from matchday.cli.plot import tie_series, tie_title
    from matchday.rules import rules_for_season
    from matchday.select import find_tie

    season = load(qatar)
    final = find_tie(season, "Argentina", "Final")
    quarter = find_tie(season, "Croatia", "Quarterfinals")
    assert tie_title(final) == "Argentina 3-3 France a.e.t., 4-2 on penalties, 18 December 2022"
    assert tie_title(quarter) == "Croatia 1-1 Brazil a.e.t., 4-2 on penalties, 09 December 2022"
    rules = rules_for_season(season.start_year)
    series, as_of = tie_series(season, quarter, rules, None, None)
    assert as_of <= dt.date(2022, 12, 9)
    assert series[0][1] < 0.4  # Croatia, against Brazil
    assert series[-1][0] == 120
    out = tmp_path / "final.png"
    done = run("plot", str(qatar), "--tie", "Argentina", "--round", "Final", "-o", str(out),
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


def test_as_of_needs_dated_matches(qatar: Path, tmp_path: Path) -> None:
    """worldcup/min/2014.txt gives no days: no result can be placed before or after a date."""
    undated = qatar.parent / "min" / "2014.txt"
    done = run("forecast", str(undated), "--as-of", "2014-06-01", cwd=tmp_path)
    assert done.returncode == 1
    assert "--as-of needs dated matches" in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_file_without_dates_is_forecast_as_it_stands_not_on_a_made_up_day(
    qatar: Path, tmp_path: Path
) -> None:
    """Without --as-of an undated file is forecast as it stands, and says so: it said "as it
    stood on 2014-01-02", a day it does not give (its matches are dated 1 January)."""
    undated = qatar.parent / "min" / "2014.txt"
    international = str(OPENFOOTBALL.parent / "international")
    done = run(
        "forecast", str(undated), "--sims", "500", "--international", international, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    title = " ".join(done.stdout.split("┏")[0].split())
    assert "as the file stands (its matches carry no dates" in title
    assert "as it stood on" not in title


def test_ratings_that_rest_on_no_results_are_said_or_refused(tmp_path: Path) -> None:
    """The Euro 2024 as of 1900 (only the British sides had played) and of 1870 (no one)."""
    euro = OPENFOOTBALL / "spec" / "samples" / "2024_euro.txt"
    international = OPENFOOTBALL.parent / "international"
    if not euro.exists() or not international.exists():
        pytest.skip(f"real data not found at {euro} or {international}")
    common = ("--international", str(international), "--sims", "200")
    refused = run("forecast", str(euro), "--as-of", "1870-01-01", *common, cwd=tmp_path)
    assert refused.returncode == 1
    assert "no team of it has a result before 1870-01-01" in refused.stderr
    said = run("forecast", str(euro), "--as-of", "1900-01-01", *common, cwd=tmp_path)
    assert said.returncode == 0, said.stderr
    text = " ".join(said.stdout.split())
    assert "22 of 24 teams have no results of their own before 1900-01-01" in text
    # the teams and groups are the file's, as a club competition's forecast says too
    assert "note: 1900-01-01 is before the first match in the file (2024-06-14)" in text


def test_the_matches_played_count_the_match_for_third_place(qatar: Path, tmp_path: Path) -> None:
    """On the morning of the 2022 final 63 matches had been played, the day after it 64."""
    counts = []
    for as_of in ("2022-12-18", "2022-12-19"):
        done = run(
            "forecast", str(qatar), "--as-of", as_of, "--sims", "200", "--json",
            "--model", str(SNAPSHOT), cwd=tmp_path,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        counts.append(json.loads(done.stdout)["played"])
    assert counts == [63, 64]


def test_the_note_of_unrated_teams_looks_them_up_as_the_ratings_do(
    qatar: Path, tmp_path: Path
) -> None:
    """The file writes "USA", the ratings "United States": every team the JSON says is fitted
    is left out of the note (it once named USA, rated on hundreds of matches)."""
    common = ("forecast", str(qatar), "--as-of", "2022-11-20", "--sims", "200")
    told = run(*common, "--model", str(SNAPSHOT), cwd=tmp_path)
    assert told.returncode == 0, told.stderr
    data = json.loads(run(*common, "--model", str(SNAPSHOT), "--json", cwd=tmp_path).stdout)
    usa = next(t for t in data["teams"] if t["name"] == "USA")
    assert usa["rating"].startswith("fitted on")
    assert all(t["rating"].startswith("fitted on") for t in data["teams"])
    assert "no results of their own" not in told.stdout


def test_an_international_folder_named_and_missing_is_an_error(qatar: Path, tmp_path: Path) -> None:
    """``--international /nonexistent`` is refused as ``matchday match`` refuses it, never a
    quiet fall back to the shipped ratings."""
    missing = tmp_path / "nonexistent"
    for command in (
        ("forecast", str(qatar), "--as-of", "2022-11-20"),
        ("plot", str(qatar), "-o", str(tmp_path / "race.png")),
    ):
        done = run(*command, "--international", str(missing), cwd=tmp_path)
        assert done.returncode == 1, done.stdout
        assert (
            done.stderr.strip()
            == f"matchday: error: {missing}: no results.csv (give the international/ folder)"
        )


def test_without_the_internationals_the_registry_hosts_play_at_home(
    qatar: Path, tmp_path: Path
) -> None:
    """No results.csv to read the venues from: Qatar is at home as the registry's host nation,
    and the output says where that comes from; the same forecast as with Qatar at home."""
    args = (
        "forecast",
        str(_elsewhere(qatar, tmp_path)),
        "--as-of",
        "2022-11-20",
        "--sims",
        "2000",
        "--model",
        str(SNAPSHOT),
    )
    told = run(*args, cwd=tmp_path)
    assert told.returncode == 0, told.stderr
    said = " ".join(told.stdout.split())
    assert (
        "at home in every match: Qatar (the registry's host nation; no international results "
        "to read the venues from)" in said
    )
    data = json.loads(run(*args, "--json", cwd=tmp_path).stdout)
    assert data["hosts"] == ["Qatar"]


def test_piped_output_never_cuts_a_number(qatar: Path, tmp_path: Path) -> None:
    """Into a pipe 60 columns wide, the table keeps whole cells ("100.0%", not "100.…"): the
    console is as wide as the table needs."""
    done = run(
        "forecast", str(qatar), "--as-of", "2022-12-04", "--sims", "500",
        "--model", str(SNAPSHOT), cwd=tmp_path, columns="60",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "…" not in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("│ Netherlands")]
    assert len(rows) == 1
    assert rows[0].split("│")[4].strip() == "100.0%"


def test_co_hosts_are_named_as_hosts(tmp_path: Path) -> None:
    """Korea and Japan 2002, read from the internationals' venues: both at home in their group
    matches, so both are the JSON's hosts; both at home in the knockout rounds too (as their
    ties' forecasts have them) but against each other, and the text says so."""
    korea_japan = OPENFOOTBALL / "worldcup" / "2002--south-korea-n-japan"
    if not korea_japan.exists():
        pytest.skip(f"real data not found at {korea_japan}")
    international = OPENFOOTBALL.parent / "international"
    args = (
        "forecast", str(korea_japan), "--as-of", "2002-06-10", "--sims", "500",
        "--international", str(international),
    )  # fmt: skip
    told = run(*args, cwd=tmp_path)
    assert told.returncode == 0, told.stderr
    said = " ".join(told.stdout.split())
    assert "at home in every match but against each other: Japan, South Korea" in said
    data = json.loads(run(*args, "--json", cwd=tmp_path).stdout)
    assert data["hosts"] == ["Japan", "South Korea"]


def test_shipped_ratings_taken_for_want_of_the_internationals_say_so(
    qatar: Path, tmp_path: Path
) -> None:
    """Away from the shared data, the shipped ratings are taken, and the model's note says
    no internationals were found and how to name them (not only that they are old)."""
    args = ("forecast", str(_elsewhere(qatar, tmp_path)), "--as-of", "2022-12-18", "--sims", "500")
    data = json.loads(run(*args, "--json", cwd=tmp_path).stdout)
    assert data["model"]["file"] == "shipped international-before-2022-11-20.json"
    assert data["model"]["note"] == (
        "no international results at ../shared/data/international "
        "(--international names the folder)"
    )
    said = " ".join(run(*args, cwd=tmp_path).stdout.split())
    assert "no international results at ../shared/data/international" in said


def test_a_rules_preset_is_refused_for_a_tournament_forecast(qatar: Path, tmp_path: Path) -> None:
    """``--rules no-extra-time`` was taken and ignored: the forecast was the same as without
    it. The edition's own rules are played; a preset applies to one tie."""
    done = run(
        "forecast", str(qatar), "--as-of", "2022-12-18", "--sims", "200",
        "--rules", "no-extra-time", "--model", str(SNAPSHOT), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1
    assert "--rules no-extra-time: a World Cup or Euro forecast plays" in done.stderr
    assert "--tie TEAM" in done.stderr
