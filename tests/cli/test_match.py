"""``matchday match``: national teams from the internationals before the date, clubs from the
shipped ratings, knockout matches to extra time and penalties."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from matchday.cli import app
from matchday.errors import ConfigError
from matchday.io.international import RESULTS
from tests.conftest import SHARED_DATA, _require

runner = CliRunner()
HEADER = "date,home_team,away_team,home_score,away_score,tournament,city,country,neutral\n"
DATE = "2022-06-01"


def _results(seed: int = 5) -> list[str]:
    """Three years of matches of four nations, the strongest first."""
    rng = np.random.default_rng(seed)
    strength = {"Aland": 0.5, "Borduria": 0.1, "Carpania": -0.1, "Dalmia": -0.5}
    lines = []
    day = dt.date(2019, 1, 1)
    for _ in range(3):
        for home, away in itertools.permutations(strength, 2):
            day += dt.timedelta(days=30)
            hg = rng.poisson(np.exp(0.3 + strength[home] - strength[away]))
            ag = rng.poisson(np.exp(0.0 + strength[away] - strength[home]))
            lines.append(f"{day},{home},{away},{hg},{ag},Cup,X,{home},FALSE\n")
    return lines


def _write(folder: Path, lines: list[str]) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / RESULTS).write_text(HEADER + "".join(lines), encoding="utf-8")
    return folder


def _match(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["match", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_knockout_match_under_the_golden_and_silver_goal(tmp_path: Path) -> None:
    """``--rules``: the same match, extra time ended by a golden or silver goal (fewer
    shoot-outs than after 30 minutes, the golden goal fewest); the JSON names the preset."""
    folder = _write(tmp_path / "int", _results())
    args = ("Aland", "Dalmia", "--date", DATE, "--international", str(folder), "--knockout")
    knockouts = {
        name: _match(*args, "--rules", name)["knockout"]
        for name in ("golden-goal", "silver-goal", "extra-time-penalties")
    }
    assert _match(*args)["knockout"] == knockouts["extra-time-penalties"]  # the default
    for name, ko in knockouts.items():
        assert ko["rules"] == name
        assert ko["home_through"] + ko["away_through"] == pytest.approx(1, abs=1e-3)
        assert ko["extra_time"] == knockouts["golden-goal"]["extra_time"]
    penalties = [knockouts[n]["penalties"] for n in knockouts]
    assert 0 < penalties[0] < penalties[1] < penalties[2]


def test_rules_are_for_a_knockout_match() -> None:
    result = runner.invoke(app, ["match", "Aland", "Dalmia", "--rules", "golden-goal"])
    assert isinstance(result.exception, ConfigError)
    assert "--knockout" in str(result.exception)
    result = runner.invoke(app, ["match", "Aland", "Dalmia", "--knockout", "--rules", "golden"])
    assert isinstance(result.exception, ConfigError)
    assert "golden-goal" in str(result.exception)  # the presets listed


def test_a_national_knockout_match(tmp_path: Path) -> None:
    folder = _write(tmp_path / "int", _results())
    data = _match("Aland", "Dalmia", "--date", DATE, "--international", str(folder), "--knockout")
    assert (data["home"], data["away"], data["date"], data["ground"]) == (
        "Aland",
        "Dalmia",
        DATE,
        "home",
    )
    p = data["probabilities"]
    assert p["home"] + p["draw"] + p["away"] == pytest.approx(1, abs=1e-3)
    assert p["home"] > p["away"]
    ko = data["knockout"]
    assert ko["home_through"] + ko["away_through"] == pytest.approx(1, abs=1e-3)
    assert ko["home_through"] > p["home"]
    # extra time is played exactly when the 90 minutes end level
    assert ko["extra_time"] == pytest.approx(p["draw"], abs=1e-3)
    assert 0 < ko["penalties"] < ko["extra_time"]
    ratings = data["ratings"]
    assert ratings["kind"] == "national"
    # the results end in December 2021: rated as they stood then
    last = max(dt.date.fromisoformat(line[:10]) for line in _results())
    assert data["data_end"] == last.isoformat()
    assert ratings["as_of"] == (last + dt.timedelta(days=1)).isoformat()
    assert ratings["elo"]["home"] > ratings["elo"]["away"]
    assert ratings["home"]["matches"] == 18
    assert data["expected_goals"][0] > data["expected_goals"][1]


def test_neutral_ground_takes_the_home_advantage_away(tmp_path: Path) -> None:
    folder = _write(tmp_path / "int", _results())
    args = ("Borduria", "Carpania", "--date", DATE, "--international", str(folder))
    home, neutral = _match(*args), _match(*args, "--ground", "neutral")
    assert neutral["ground"] == "neutral"
    assert home["expected_goals"][0] > neutral["expected_goals"][0]
    assert home["ratings"]["elo"]["expected_result"] > neutral["ratings"]["elo"]["expected_result"]


def _with_score(lines: list[str], i: int, score: str) -> list[str]:
    fields = lines[i].split(",")
    fields[3:5] = score.split("-")
    return [*lines[:i], ",".join(fields), *lines[i + 1 :]]


def test_no_look_ahead(tmp_path: Path) -> None:
    lines = _results()
    cut = next(i for i, line in enumerate(lines) if line[:10] >= "2020-06-01")
    args = ("Aland", "Borduria", "--date", lines[cut][:10], "--json")
    first = _match(*args[:-1], "--international", str(_write(tmp_path / "a", lines)))
    later = _write(tmp_path / "b", _with_score(lines, cut, "0-9"))
    again = _match(*args[:-1], "--international", str(later))
    assert again["ratings"].pop("source") != first["ratings"].pop("source")
    assert again == first
    earlier = _write(tmp_path / "c", _with_score(lines, cut - 1, "0-9"))
    assert (
        _match(*args[:-1], "--international", str(earlier))["probabilities"]
        != (first["probabilities"])
    )


def test_clubs_from_the_shipped_ratings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no international data beside: national teams from the shipped
    data = _match("Arsenal FC", "FC Bayern München", "--date", "2025-11-26", "--knockout")
    assert data["ratings"]["kind"] == "club"
    assert data["ratings"]["as_of"] <= "2025-11-26"
    assert data["ratings"]["elo"] is None
    assert data["knockout"]["home_through"] + data["knockout"]["away_through"] == pytest.approx(1)


def test_national_teams_from_the_shipped_ratings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = _match("Argentina", "France", "--date", "2022-12-18", "--ground", "neutral")
    assert data["ratings"]["kind"] == "national"
    assert data["ratings"]["as_of"] == "2022-11-20"
    assert data["ratings"]["home"]["basis"] == "fitted"


def test_an_unknown_team_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["match", "Arsenall FC", "Chelsea FC", "--date", "2025-11-26"])
    assert isinstance(result.exception, ConfigError)
    assert "did you mean Arsenal FC" in str(result.exception)


def test_a_name_two_clubs_go_by_is_refused_and_a_country_code_picks_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The club lists give "Arsenal" to Arsenal FC and to Arsenal Tula: never a guess."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["match", "Arsenal", "Chelsea FC", "--date", "2025-11-26"])
    assert isinstance(result.exception, ConfigError)
    assert "Arsenal FC (ENG), Arsenal Tula (RUS)" in str(result.exception)
    data = _match("Arsenal (ENG)", "Chelsea", "--date", "2025-11-26")
    assert data["home"] == "Arsenal FC"
    assert data["away"] == "Chelsea FC"


def test_the_forecast_carries_the_ratings_uncertainty_and_says_so(tmp_path: Path) -> None:
    """Default: averaged over the ratings' uncertainty (a less extreme favourite, the spread in
    the JSON); ``--uncertainty 0``: the point forecast, spread 0, same ratings and goal rates."""
    folder = _write(tmp_path / "int", _results())
    args = ("Aland", "Dalmia", "--date", DATE, "--international", str(folder), "--knockout")
    mixed, point = _match(*args), _match(*args, "--uncertainty", "0")
    assert mixed["uncertainty"]["scale"] == 1.0
    assert mixed["uncertainty"]["spread"] > 0
    assert "carried in" in mixed["uncertainty"]["explanation"]
    assert point["uncertainty"]["spread"] == 0
    assert point["expected_goals"] == mixed["expected_goals"]
    assert point["probabilities"]["home"] > mixed["probabilities"]["home"] > 0.5
    assert point["knockout"]["home_through"] > mixed["knockout"]["home_through"]
    # a team with fewer matches behind it is rated less surely: a wider spread
    short = _write(tmp_path / "short", _results()[-12:])
    assert (
        _match(*args[:4], "--international", str(short))["uncertainty"]["spread"]
        > (mixed["uncertainty"]["spread"])
    )


def test_a_nation_the_results_name_otherwise_before_club_ratings_says_so(tmp_path: Path) -> None:
    """Before the first club ratings (2012) a name that is no nation of the results fell
    through to "no shipped ratings ... fit some with matchday fit --data ../openfootball", a
    club remedy for a national question; now the message names the national names nearby."""
    early = [line.replace("2019-", "2005-").replace("2020-", "2006-") for line in _results()]
    folder = _write(tmp_path / "international", early)
    args = ["match", "Alland", "Borduria", "--date", "2010-01-01", "--international", str(folder)]
    result = runner.invoke(app, args)
    assert isinstance(result.exception, ConfigError)
    message = str(result.exception)
    assert "not two national teams of the international results before 2010-01-01" in message
    assert "'Alland': none (did you mean Aland?)" in message
    assert "'Borduria'" not in message.split("before 2010-01-01")[1].split(", and")[0]


def test_two_clubs_before_the_first_shipped_national_ratings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no international folder at hand and no national ratings shipped from before the
    date, two clubs are still forecast; two national teams are told why not."""
    monkeypatch.chdir(tmp_path)
    data = _match("Dynamo Kyiv", "Arsenal FC", "--date", "2018-03-01")
    assert (data["home"], data["away"]) == ("FC Dynamo Kyiv", "Arsenal FC")
    result = runner.invoke(app, ["match", "Argentina", "France", "--date", "2018-03-01"])
    assert isinstance(result.exception, ConfigError)
    assert "no shipped national-team ratings from before 2018-03-01" in str(result.exception)


def test_a_team_against_itself_is_refused(tmp_path: Path) -> None:
    """ "Aland" and "aland" are one team: no forecast of it against itself."""
    folder = _write(tmp_path / "int", _results())
    args = ["match", "Aland", "aland", "--date", DATE, "--international", str(folder)]
    result = runner.invoke(app, args)
    assert isinstance(result.exception, ConfigError)
    assert "are both Aland: a team cannot play itself" in str(result.exception)


def test_a_club_against_a_national_team_is_refused_as_such(tmp_path: Path) -> None:
    """A national team of the results and a club of the shipped ratings: the message says
    that they cannot meet, not that the nation is unknown."""
    folder = _write(tmp_path / "int", _results())
    for args in (("Aland", "Arsenal FC"), ("Arsenal FC", "Aland")):
        result = runner.invoke(
            app, ["match", *args, "--date", "2025-11-26", "--international", str(folder)]
        )
        assert isinstance(result.exception, ConfigError)
        message = str(result.exception)
        assert "'Aland' is a national team and Arsenal FC a club" in message
        assert "cannot be forecast against each other" in message


def test_a_former_name_typed_without_its_accent(tmp_path: Path) -> None:
    """The data writes "Zaïre"; "Zaire", as typed on most keyboards, is the same name (it
    was refused as no national team and no club)."""
    lines = [line.replace("Dalmia", "Zaïre") for line in _results()]
    folder = _write(tmp_path / "int", lines)
    (folder / "former_names.csv").write_text(
        "current,former,start_date,end_date\nDR Congo,Zaïre,2019-01-01,2022-12-31\n",
        encoding="utf-8",
    )
    data = _match("Zaire", "Aland", "--date", DATE, "--international", str(folder))
    assert (data["home"], data["away"]) == ("Zaïre", "Aland")  # as it played that day
    assert data["ratings"]["home"]["name"] == "DR Congo"
    assert data["ratings"]["home"]["matches"] == 18


def test_common_and_fifa_names_through_the_table(tmp_path: Path) -> None:
    """ "USSR" is the table's Soviet Union, which former_names.csv makes Russia; "Korea
    Republic" is the results' South Korea (both were "no national team and no club")."""
    lines = [
        line.replace("Aland", "Soviet Union").replace("Borduria", "South Korea")
        for line in _results()
    ]
    folder = _write(tmp_path / "int", lines)
    (folder / "former_names.csv").write_text(
        "current,former,start_date,end_date\nRussia,Soviet Union,1924-11-16,2021-11-13\n",
        encoding="utf-8",
    )
    data = _match("USSR", "Korea Republic", "--date", DATE, "--international", str(folder))
    assert (data["home"], data["away"]) == ("Russia", "South Korea")
    assert data["ratings"]["kind"] == "national"


def test_common_names_with_the_shipped_ratings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No international folder: the shipped national ratings find the same names, and East
    and West Germany stay two teams (German DR and Germany)."""
    monkeypatch.chdir(tmp_path)
    args = ("--date", "2022-12-18", "--ground", "neutral")
    data = _match("Korea Republic", "Türkiye", *args)
    assert (data["home"], data["away"]) == ("South Korea", "Turkey")
    assert data["ratings"]["source"].startswith("shipped")
    data = _match("Cote d'Ivoire", "USSR", *args)
    assert (data["home"], data["away"]) == ("Ivory Coast", "Russia")
    data = _match("East Germany", "West Germany", *args)
    assert (data["home"], data["away"]) == ("German DR", "Germany")


def test_dutch_names_of_national_teams(tmp_path: Path) -> None:
    """ "Argentinië" and "Frankrijk" were no national team (and "Frankrijk" was offered
    "FRG"): the names the Dutch reports give national teams find them, and a misspelt one is
    offered the Dutch name."""
    lines = [
        line.replace("Aland", "Argentina").replace("Borduria", "France") for line in _results()
    ]
    folder = _write(tmp_path / "int", lines)
    data = _match("Argentinië", "Frankrijk", "--date", DATE, "--international", str(folder))
    assert (data["home"], data["away"]) == ("Argentina", "France")
    result = runner.invoke(
        app, ["match", "Argentina", "Frankryk", "--date", DATE, "--international", str(folder)]
    )
    assert isinstance(result.exception, ConfigError)
    assert "did you mean Frankrijk" in str(result.exception)
    assert "FRG" not in str(result.exception)


def test_dutch_and_common_names_with_the_shipped_ratings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ("--date", "2022-12-18", "--ground", "neutral")
    data = _match("Argentinië", "Frankrijk", *args)
    assert (data["home"], data["away"]) == ("Argentina", "France")
    data = _match("Holland", "Ivoorkust", *args)
    assert (data["home"], data["away"]) == ("Netherlands", "Ivory Coast")


def test_zaire_in_1974_from_the_shared_internationals() -> None:
    """The reported command: Zaïre v Brazil at the 1974 World Cup, typed "Zaire"."""
    folder = _require(SHARED_DATA / "international")
    data = _match(
        "Zaire", "Brazil", "--date", "1974-06-22", "--ground", "neutral", "--international",
        str(folder),
    )  # fmt: skip
    assert (data["home"], data["away"]) == ("Zaïre", "Brazil")
    assert data["ratings"]["home"]["name"] == "DR Congo"
    assert data["ratings"]["home"]["basis"] == "fitted"
    assert data["probabilities"]["away"] > data["probabilities"]["home"]


def test_ireland_at_euro_2016_is_the_republic() -> None:
    """ "Ireland" was Northern Ireland's name until 1956: on 22 June 2016 Ireland v Italy was
    the Republic's match (it was forecast for Northern Ireland)."""
    folder = _require(SHARED_DATA / "international")
    args = ("--ground", "neutral", "--international", str(folder))
    assert _match("Ireland", "Italy", "--date", "2016-06-22", *args)["home"] == (
        "Republic of Ireland"
    )
    before = _match("Ireland", "Italy", "--date", "1950-06-22", *args)
    assert (before["home"], before["ratings"]["home"]["name"]) == ("Ireland", "Northern Ireland")


def test_national_teams_before_the_shipped_ratings_are_sent_to_the_internationals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No international folder at hand and a date before every shipped rating: national
    names are told to give --international, not to fit club ratings on openfootball; two
    clubs still get the club remedy (and the national one, since nothing says which)."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["match", "Zaire", "Brazil", "--date", "1974-06-22"])
    assert isinstance(result.exception, ConfigError)
    message = str(result.exception)
    assert "--international ../shared/data/international" in message
    assert "fit --data" not in message
    result = runner.invoke(app, ["match", "Arsenal FC", "Chelsea FC", "--date", "2010-06-22"])
    assert isinstance(result.exception, ConfigError)
    message = str(result.exception)
    assert "matchday fit --data ../shared/data/openfootball" in message
    assert "--international ../shared/data/international" in message


def test_a_misspelt_nation_gets_national_names_not_a_club_fit(tmp_path: Path) -> None:
    """With the internationals given, a misspelt nation is offered the nations' names (a
    former name too) and no club fit."""
    early = [line.replace("2019-", "2005-").replace("2020-", "2006-") for line in _results()]
    folder = _write(tmp_path / "int", [line.replace("Dalmia", "Zaïre") for line in early])
    (folder / "former_names.csv").write_text(
        "current,former,start_date,end_date\nDR Congo,Zaïre,2005-01-01,2006-12-31\n",
        encoding="utf-8",
    )
    args = ["match", "Zairee", "Aland", "--date", "2010-01-01", "--international", str(folder)]
    result = runner.invoke(app, args)
    assert isinstance(result.exception, ConfigError)
    message = str(result.exception)
    assert "'Zairee': none (did you mean Zaïre?)" in message
    assert "fit --data" not in message


def test_a_misspelt_national_team_gets_national_suggestions() -> None:
    """ "Brazl" against Argentina: the national teams are suggested, not the clubs (no hint
    came, as the club ratings know no Brazil)."""
    folder = _require(SHARED_DATA / "international")
    result = runner.invoke(
        app, ["match", "Brazl", "Argentina", "--date", "2020-01-01", "--international", str(folder)]
    )
    assert result.exit_code == 1
    assert "did you mean Brazil" in str(result.exception)


@pytest.mark.parametrize(
    ("date", "said"),
    [
        ("2022-02-29", "not a day of the calendar: '2022-02-29' (February 2022 has 28 days)"),
        ("2022-13-01", "not a day of the calendar: '2022-13-01' (there is no month 13)"),
        ("29/02/2022", "not a date: '29/02/2022' (write YYYY-MM-DD"),
    ],
)
def test_a_date_written_right_but_not_in_the_calendar_is_said_to_be_so(
    date: str, said: str
) -> None:
    result = runner.invoke(app, ["match", "Aland", "Dalmia", "--date", date])
    assert isinstance(result.exception, ConfigError)
    assert said in str(result.exception)


@pytest.mark.parametrize(
    ("home", "away", "blamed", "offered"),
    [
        ("Aland", "Alandd", "Alandd", "Aland"),
        ("Alandd", "Aland", "Alandd", "Aland"),
        ("Borduria", "Zzyzx", "Zzyzx", None),
        ("Arsenal FC", "Chelsae", "Chelsae", "Chelsea FC"),
    ],
)
def test_the_unknown_team_is_the_one_blamed_with_names_of_the_other_sides_kind(
    tmp_path: Path, home: str, away: str, blamed: str, offered: str | None
) -> None:
    """A nation against a misspelt name: the misspelt one is named (never the nation), with
    the nations' names to choose from; a club against one: the clubs'."""
    folder = _write(tmp_path / "int", _results())
    args = ["match", home, away, "--date", DATE, "--international", str(folder)]
    result = runner.invoke(app, args)
    assert isinstance(result.exception, ConfigError)
    message = str(result.exception)
    assert message.startswith(f"{blamed!r} is no national team and no club the ratings know")
    if offered is None:
        assert "did you mean" not in message
    else:
        assert f"(did you mean {offered}" in message
    if offered == "Aland":
        assert "FC" not in message  # no club offered against a nation


def test_a_team_is_named_as_it_played_that_day_and_rated_through_its_history(
    tmp_path: Path,
) -> None:
    """Aland played as "Old Aland" until mid-2020 (former_names.csv): a match of 2020 is Old
    Aland's, rated on the whole history of Aland; one of 2022 is Aland's."""
    folder = _write(tmp_path / "int", _results())
    (folder / "former_names.csv").write_text(
        "current,former,start_date,end_date\nAland,Old Aland,2019-01-01,2020-06-30\n",
        encoding="utf-8",
    )
    common = ("--international", str(folder), "--ground", "neutral")
    then = _match("Aland", "Dalmia", "--date", "2020-03-01", *common)
    assert (then["home"], then["ratings"]["home"]["name"]) == ("Old Aland", "Aland")
    assert then["away"] == then["ratings"]["away"]["name"] == "Dalmia"
    typed = _match("Old Aland", "Dalmia", "--date", "2020-03-01", *common)
    assert typed["home"] == "Old Aland"
    assert typed["probabilities"] == then["probabilities"]
    later = _match("Aland", "Dalmia", "--date", DATE, *common)
    assert later["home"] == "Aland"
    result = runner.invoke(app, ["match", "Aland", "Dalmia", "--date", "2020-03-01", *common])
    assert "rated through their history: Old Aland as Aland" in " ".join(result.stdout.split())


def test_the_soviet_union_and_west_germany_keep_their_names_in_1972() -> None:
    folder = _require(SHARED_DATA / "international")
    data = _match(
        "Soviet Union", "West Germany", "--date", "1972-06-18", "--international", str(folder)
    )
    assert (data["home"], data["away"]) == ("Soviet Union", "West Germany")
    assert (data["ratings"]["home"]["name"], data["ratings"]["away"]["name"]) == (
        "Russia",
        "Germany",
    )


def test_a_match_after_the_data_ends_is_rated_as_the_data_stood_and_says_so(
    tmp_path: Path,
) -> None:
    """The results end in 2021: a match in 2030 (or 2099) is rated as on the day after the
    last result, not faded to the average side over years nobody played, and says so."""
    folder = _write(tmp_path / "int", _results())
    last = max(dt.date.fromisoformat(line[:10]) for line in _results())
    day_after = (last + dt.timedelta(days=1)).isoformat()
    common = ("--international", str(folder), "--ground", "neutral")
    then = _match("Aland", "Dalmia", "--date", day_after, *common)
    assert then["data_end"] is None
    for date in ("2030-01-01", "2099-05-31"):
        later = _match("Aland", "Dalmia", "--date", date, *common)
        assert later["data_end"] == last.isoformat()
        assert later["ratings"]["as_of"] == day_after
        assert later["ratings"]["home"] == then["ratings"]["home"]
        assert later["probabilities"] == then["probabilities"]
    result = runner.invoke(app, ["match", "Aland", "Dalmia", "--date", "2030-01-01", *common])
    assert f"the international results end on {last}: rated as they stood then" in " ".join(
        result.stdout.split()
    )


def test_a_national_ratings_file_given_is_used_and_refused_when_fitted_later(
    tmp_path: Path,
) -> None:
    """``--model FILE`` of national ratings was ignored for national teams (the forecast came
    from the internationals), even a file fitted after the date, which ``forecast`` refuses
    as look-ahead. Now it is used, or refused; a club not in it is said to be not in it."""
    from tests.conftest import REPO

    shipped = REPO / "src" / "matchday" / "data" / "models" / "international-before-2022-11-20.json"
    folder = _write(tmp_path / "int", _results())  # internationals that do not know Brazil
    args = ("Brazil", "Germany", "--model", str(shipped), "--international", str(folder))
    data = _match(*args, "--date", "2022-12-01")
    assert data["ratings"]["kind"] == "national"
    assert data["ratings"]["source"] == f"from {shipped}"
    assert data["ratings"]["as_of"] == "2022-11-20"
    early = runner.invoke(app, ["match", *args, "--date", "2010-06-14"])
    assert isinstance(early.exception, ConfigError)
    assert "after the match date 2010-06-14 (that would be look-ahead)" in str(early.exception)
    club = runner.invoke(
        app, ["match", "Real Madrid", "Bayern", "--date", "2023-01-01", "--model", str(shipped)]
    )
    assert isinstance(club.exception, ConfigError)
    assert f"(ratings {shipped})" in str(club.exception)
    assert "Madrid, Madrid" not in str(club.exception)


def test_too_few_internationals_to_rate_on_give_no_forecast(tmp_path: Path) -> None:
    """Scotland v England, 1 December 1872: the one international before it ended 0-0, and
    the fit ran to its bounds (attack -5.00, 0.01 expected goals, a 96% draw). No forecast
    rests on that; a second match with goals gives one."""
    one = ["1872-11-30,Aland,Borduria,0,0,Friendly,Glasgow,Aland,FALSE\n"]
    folder = _write(tmp_path / "int", one)
    args = ["match", "Borduria", "Aland", "--date", "1872-12-01", "--international", str(folder)]
    done = runner.invoke(app, args)
    assert isinstance(done.exception, ConfigError)
    assert "too few to rate national teams on" in str(done.exception)
    two = [*one, "1873-03-08,Borduria,Aland,4,2,Friendly,London,Borduria,FALSE\n"]
    _write(folder, two)
    data = _match(*args[1:4], "1874-01-01", "--international", str(folder))
    assert min(data["expected_goals"]) > 0.5


def test_a_side_rated_on_one_match_is_said_in_the_singular(tmp_path: Path) -> None:
    folder = _write(tmp_path / "int", ["1873-03-08,Borduria,Aland,4,2,Friendly,X,Borduria,FALSE\n"])
    data = _match("Borduria", "Aland", "--date", "1874-01-01", "--international", str(folder))
    said = json.dumps(data["ratings"])
    assert "fitted on 1 match before" in said
    assert "1 matches" not in said


def test_the_help_says_the_date_defaults_to_today() -> None:
    shown = runner.invoke(app, ["match", "--help"])
    assert "(YYYY-MM-DD; default: today)" in " ".join(shown.output.replace("│", " ").split())
