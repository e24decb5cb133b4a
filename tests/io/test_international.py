"""Reading the men's internationals: former names followed, extra time and shoot-outs read,
bad lines refused with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from matchday.errors import SourceError
from matchday.io.international import load_international
from matchday.model import Team
from matchday.model.names import name_key
from matchday.model.national_names import COMMON_NAMES
from tests.conftest import SHARED_DATA, _require

HEADER = "date,home_team,away_team,home_score,away_score,tournament,city,country,neutral\n"


def _folder(tmp_path: Path, results: str, **others: str) -> Path:
    (tmp_path / "results.csv").write_text(HEADER + results, encoding="utf-8")
    for name, text in others.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def international() -> Path:
    """The shared international/ folder."""
    return _require(SHARED_DATA / "international")


def test_former_names_are_followed_within_their_dates_only(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "1970-05-01,Zaïre,Ghana,1,0,Friendly,Kinshasa,Zaïre,FALSE\n"
        "2000-05-01,Zaïre,Ghana,2,0,Friendly,Kinshasa,DR Congo,FALSE\n",
        former_names="current,former,start_date,end_date\nDR Congo,Zaïre,1971-01-10,1997-04-27\n"
        "DR Congo,Congo-Kinshasa,1965-01-09,1970-11-24\n",
    )
    data = load_international(folder)
    # 1970 is outside Zaïre's dates in the file: kept as written, never merged by guess
    assert [r.home for r in data.results] == [Team("Zaïre"), Team("Zaïre")]
    (tmp_path / "results.csv").write_text(
        HEADER + "1980-05-01,Zaïre,Ghana,1,0,Friendly,Kinshasa,Zaïre,FALSE\n", encoding="utf-8"
    )
    data = load_international(folder)
    assert data.results[0].home == Team("DR Congo")
    assert data.renamed == 1
    assert data.names.resolve("zaïre")[0] == "DR Congo"
    # typed without the diaeresis, as most keyboards write it
    assert data.names.resolve("Zaire") == ("DR Congo", data.names.former[0])
    # a hyphen typed as a space, as in the national teams' names everywhere else
    assert data.names.resolve("Congo Kinshasa") == ("DR Congo", data.names.former[1])
    assert data.names.then("DR Congo", dt.date(1980, 1, 1)) == "Zaïre"


def test_extra_time_goals_and_shootouts(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "2022-12-18,Argentina,France,3,3,FIFA World Cup,Lusail,Qatar,TRUE\n",
        goalscorers="date,home_team,away_team,team,scorer,minute,own_goal,penalty\n"
        "2022-12-18,Argentina,France,Argentina,Lionel Messi,23,FALSE,TRUE\n"
        "2022-12-18,Argentina,France,Argentina,Lionel Messi,108,FALSE,FALSE\n"
        "2022-12-18,Argentina,France,France,Kylian Mbappé,118,FALSE,TRUE\n"
        "2022-12-18,Argentina,France,France,Kylian Mbappé,NA,FALSE,FALSE\n",
        shootouts="date,home_team,away_team,winner,first_shooter\n"
        "2022-12-18,Argentina,France,Argentina,France\n",
    )
    (final,) = load_international(folder).results
    assert final.regular_time == (2, 2)
    assert final.shootout_winner == Team("Argentina")
    assert final.neutral
    assert final.tournament == "FIFA World Cup"


def test_unplayed_fixtures_are_kept_apart(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path, "2026-06-11,Mexico,South Africa,NA,NA,FIFA World Cup,X,Mexico,FALSE\n"
    )
    data = load_international(folder)
    assert data.results == ()
    assert data.fixtures == (
        (dt.date(2026, 6, 11), Team("Mexico"), Team("South Africa"), "FIFA World Cup"),
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("2020-13-01,A,B,1,0,Friendly,X,A,FALSE", "date '2020-13-01'"),
        ("2020-01-01,A,B,one,0,Friendly,X,A,FALSE", "score 'one'"),
        ("2020-01-01,A,B,-1,0,Friendly,X,A,FALSE", "score '-1'"),
        ("2020-01-01,A,B,1,0,Friendly,X,A,MAYBE", "neutral flag 'MAYBE'"),
        ("2020-01-01,A,A,1,0,Friendly,X,A,FALSE", "not a match"),
        ("2020-01-01,A,B,1,0,Friendly", "expected 9 columns"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    folder = _folder(tmp_path, "2019-01-01,A,B,1,0,Friendly,X,A,FALSE\n" + line + "\n")
    with pytest.raises(SourceError, match=message) as err:
        load_international(folder)
    assert f"{folder / 'results.csv'}:3:" in str(err.value)


def test_more_extra_time_goals_than_the_score_is_an_error(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "2020-01-01,A,B,1,0,Cup,X,A,FALSE\n",
        goalscorers="date,home_team,away_team,team,scorer,minute,own_goal,penalty\n"
        "2020-01-01,A,B,B,Somebody,95,FALSE,FALSE\n",
    )
    with pytest.raises(SourceError, match=r"results\.csv:2: goalscorers\.csv has more"):
        load_international(folder)


def test_missing_column(tmp_path: Path) -> None:
    (tmp_path / "results.csv").write_text("date,home_team\n2020-01-01,A\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"results.csv:1: missing column\(s\) away_team"):
        load_international(tmp_path)


def test_reads_every_international(international: Path) -> None:
    data = load_international(international)
    assert len(data.results) > 49_000
    assert data.results[0].date == dt.date(1872, 11, 30)
    assert all(a.date <= b.date for a, b in zip(data.results, data.results[1:], strict=False))
    names = {t.name for r in data.results for t in (r.home, r.away)}
    # the file writes current names already; no former name is left within its dates
    for former in data.names.former:
        assert not any(
            former.former in (r.home.name, r.away.name) and former.start <= r.date <= former.end
            for r in data.results
        )
    assert {"Russia", "DR Congo", "Serbia"} <= names
    shootouts = [r for r in data.results if r.shootout_winner is not None]
    assert len(shootouts) > 600
    assert data.extra_time_goals > 0


def test_the_common_names_table_matches_the_data(international: Path) -> None:
    """Every name ``COMMON_NAMES`` gives is a team of results.csv or a former name of
    former_names.csv; none of the names it takes is a name the data uses (it never renames a
    team of the data); and the data keeps the two Germanies apart, West Germany's matches
    written as Germany's (they met in Hamburg on 22 June 1974)."""
    data = load_international(international)
    teams = {t.name for r in data.results for t in (r.home, r.away)}
    formers = {f.former for f in data.names.former}
    for typed, (found, _) in COMMON_NAMES.items():
        assert found in teams | formers, typed
        assert name_key(typed) not in {name_key(n) for n in teams | formers}, typed
    assert data.names.resolve("USSR")[0] == "Russia"
    assert data.names.resolve("Cote d'Ivoire") == ("Ivory Coast", None)
    east, west = data.names.resolve("East Germany")[0], data.names.resolve("West Germany")[0]
    assert (east, west) == ("German DR", "Germany")
    assert any(
        {r.home.name, r.away.name} == {east, west} and r.date == dt.date(1974, 6, 22)
        for r in data.results
    )
