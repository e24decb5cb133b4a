"""The forecast, plot and fit commands on the bundled data and the shipped ratings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from matchday.cli import app
from matchday.cli.forecast import RECENT_DAYS, draws_summary
from matchday.errors import ConfigError
from matchday.forecast.competition import CompetitionForecast
from matchday.io.schemas import TieForecastJSON
from matchday.model import Team
from tests.cli.runner import run
from tests.conftest import OPENFOOTBALL, cut_before

runner = CliRunner()
BUNDLED = "europa-league-2017-18"


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def test_a_tie_between_the_legs() -> None:
    data = _json(
        "forecast", BUNDLED, "--tie", "Arsenal", "--round", "Round of 32", "--as-of", "2018-02-16"
    )
    assert data["stage"] == "between the legs"
    assert data["first_leg"] == [0, 3]
    through = data["through"]
    assert through["Arsenal FC"] + through["Östersunds FK"] == pytest.approx(1)
    assert through["Arsenal FC"] > 0.95
    assert data["model"]["as_of"] <= "2018-02-16"
    assert data["ratings"]["Östersunds FK"]["basis"] == "country prior"
    assert data["ratings"]["Arsenal FC"]["matches"] > 100


def test_a_tie_in_play_replays_the_second_leg() -> None:
    at_11 = _json("forecast", BUNDLED, "--tie", "Atalanta", "--score", "1-0", "--minute", "11")
    at_0 = _json("forecast", BUNDLED, "--tie", "Atalanta", "--score", "0-0", "--minute", "0")
    assert at_11["in_play"] == {
        "leg": 2, "score": [1, 0], "minute": 11, "added": 0, "red_cards": [0, 0]
    }  # fmt: skip
    assert at_11["through"]["Atalanta"] > at_0["through"]["Atalanta"]
    down = _json(
        "forecast", BUNDLED, "--tie", "Atalanta", "--score", "1-0", "--minute", "11", "--red", "1-0"
    )
    assert down["through"]["Atalanta"] < at_11["through"]["Atalanta"]


def test_a_tie_in_play_in_extra_time() -> None:
    """Dortmund won the first leg 3-2 at home: Atalanta 3-2 Dortmund after 90 minutes is level
    on aggregate and on away goals, so extra time (the command stopped at 90 minutes). The
    score counts extra-time goals; the shoot-out nears as the clock runs down."""
    tie = ("forecast", BUNDLED, "--tie", "Atalanta")
    at_105 = _json(*tie, "--score", "3-2", "--minute", "105")
    assert at_105["in_play"] == {
        "leg": 2, "score": [3, 2], "minute": 105, "added": 0, "red_cards": [0, 0]
    }  # fmt: skip
    assert at_105["extra_time"] == pytest.approx(1)
    assert sum(at_105["through"].values()) == pytest.approx(1)
    late = _json(*tie, "--score", "3-2", "--minute", "120+2")
    assert (late["in_play"]["minute"], late["in_play"]["added"]) == (120, 2)
    assert late["penalties"] > at_105["penalties"] > 0.3
    ahead = _json(*tie, "--score", "4-2", "--minute", "110")
    assert ahead["through"]["Atalanta"] > 0.8 > at_105["through"]["Atalanta"]
    text = _text(*tie, "--score", "3-2", "--minute", "105")
    assert "Atalanta 3-2 Borussia Dortmund at 105'" in text
    assert "P(extra time) 100.0%" in text


def test_the_added_time_of_the_minute_is_kept() -> None:
    """90+6' is minute 90 with 6 added: the JSON said only ``"minute": 90`` while the chances
    counted the six minutes; the text named no moment at all."""
    tie = ("forecast", BUNDLED, "--tie", "Atalanta", "--score", "2-2")
    at_90 = _json(*tie, "--minute", "90")
    late = _json(*tie, "--minute", "90+6", "--red", "0-1")
    assert (late["in_play"]["minute"], late["in_play"]["added"]) == (90, 6)
    assert at_90["in_play"]["added"] == 0
    assert 0 < late["extra_time"] < at_90["extra_time"]  # less time left to score the goal
    text = _text(*tie, "--minute", "90+6", "--red", "0-1")
    assert "Atalanta 2-2 Borussia Dortmund at 90+6', sent off 0-1" in text


def test_a_decided_tie_says_who_went_through_and_why() -> None:
    data = _json("forecast", BUNDLED, "--tie", "Dortmund", "--round", "Round of 32")
    assert data["stage"] == "decided"
    assert data["through"]["Borussia Dortmund"] == 1
    assert data["explanation"] == "Borussia Dortmund win 4-3 on aggregate"


def test_a_decided_tie_keeps_every_key_with_its_real_aggregate() -> None:
    """Keys are never removed: ``expected_aggregate`` was left out once the tie was decided.
    Dortmund beat Atalanta 3-2 and 1-1; the forecast before, between and during the legs
    has the same keys."""
    decided = _json("forecast", BUNDLED, "--tie", "Dortmund", "--round", "Round of 32")
    assert decided["expected_aggregate"] == [4, 3]
    tie = ("forecast", BUNDLED, "--tie", "Dortmund", "--round", "Round of 32")
    before = _json(*tie, "--as-of", "2018-02-13")
    between = _json(*tie, "--as-of", "2018-02-20")
    in_play = _json("forecast", BUNDLED, "--tie", "Atalanta", "--score", "1-0", "--minute", "60")
    assert (before["stage"], between["stage"]) == ("before the first leg", "between the legs")
    assert decided.keys() == before.keys() == between.keys() == in_play.keys()


def test_a_decided_tie_without_an_aggregate_says_null() -> None:
    """The schema keeps the key where no aggregate can be given (``null``)."""
    data = _json("forecast", BUNDLED, "--tie", "Dortmund", "--round", "Round of 32")
    shape = TieForecastJSON.model_validate({**data, "expected_aggregate": None})
    assert shape.json_data()["expected_aggregate"] is None
    with pytest.raises(ValidationError):
        TieForecastJSON.model_validate({k: v for k, v in data.items() if k != "expected_aggregate"})


def test_a_tie_settled_beyond_its_results_says_so() -> None:
    """Liga MX 2025 (football.json): Necaxa v Tigres ended level on aggregate, a quarter-final
    the better-placed side wins; the data shows Tigres in the semi-finals (the command
    stopped at "league positions are not in the tie's data"); its play-in is settled by
    penalties under its own round's rules."""
    path = OPENFOOTBALL / "football.json" / "2024-25" / "mx.1.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    quarter = _json(
        "forecast", str(path), "--tie", "Necaxa", "--round", "Clausura Playoffs, Quarterfinals"
    )
    assert quarter["stage"] == "decided"
    assert quarter["through"]["UANL Tigres"] == 1
    assert "the data shows UANL Tigres in the next round" in quarter["explanation"]
    play_in = _json(
        "forecast", str(path), "--tie", "Tijuana", "--round", "Apertura Playoffs, Play-in round 1"
    )
    assert play_in["through"]["CF América"] == 1


def test_the_competition_as_it_stood() -> None:
    data = _json("forecast", BUNDLED, "--as-of", "2018-02-22", "--sims", "5000", "--seed", "3")
    assert data["rounds"] == ["Round of 32", "Round of 16", "Quarterfinals", "Semifinals", "Final"]
    assert data["draw"] == "open draw"
    assert data["draws"] == {"Round of 32": None} | dict.fromkeys(data["rounds"][1:], "open draw")
    assert sum(team["win"] for team in data["teams"]) == pytest.approx(1)
    assert data == _json(
        "forecast", BUNDLED, "--as-of", "2018-02-22", "--sims", "5000", "--seed", "3"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tie", "Atalanta", "--score", "1-0"], "--score and --minute go together"),
        # Atalanta 1-0 Dortmund goes through on away goals at 90: no extra time to be in
        (["--tie", "Atalanta", "--score", "1-0", "--minute", "95"], "no extra time at 1-0 (95')"),
        (
            [
                "--tie",
                "Atalanta",
                "--score",
                "3-2",
                "--minute",
                "105",
                "--rules",
                "away-goals-no-extra-time",
            ],
            "rules away-goals-no-extra-time have no extra time; --minute stops at 90",
        ),
        (["--tie", "Nobody"], "no team matching"),
        (["--as-of", "2009-01-01"], "no shipped ratings from before 2009-01-01"),
        (["--sims", "0"], "--sims needs a positive number of simulations, not 0"),
    ],
)
def test_bad_options_give_one_clear_error(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["forecast", BUNDLED, *args])
    assert result.exit_code != 0
    assert message in str(result.exception)


def test_plot_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "tie.png"
    result = runner.invoke(app, ["plot", BUNDLED, "--tie", "Atalanta", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG")


def test_plot_needs_goal_events() -> None:
    result = runner.invoke(
        app, ["plot", BUNDLED, "--tie", "Arsenal", "--round", "Round of 16", "-o", "x.png"]
    )
    assert result.exit_code != 0
    assert "no goal events" in str(result.exception)


def test_ratings_from_after_the_forecast_date_are_refused(tmp_path: Path) -> None:
    from matchday.io.snapshot import bundled_snapshots, save_snapshot

    latest = bundled_snapshots()[-1]
    path = tmp_path / "latest.json"
    save_snapshot(latest.ratings, path)
    result = runner.invoke(
        app,
        ["forecast", BUNDLED, "--tie", "Arsenal", "--round", "Round of 16", "--model", str(path)],
    )
    assert result.exit_code != 0
    assert "look-ahead" in str(result.exception)


def _ratings_fitted_before(day: str, path: Path) -> str:
    """The shipped ratings of the bundled season, said to be fitted before ``day``."""
    import dataclasses

    from matchday.io.snapshot import bundled_snapshots, save_snapshot

    bundled = next(s for s in bundled_snapshots() if s.source == f"{BUNDLED}.json")
    as_of = dt.date.fromisoformat(day)
    save_snapshot(dataclasses.replace(bundled.ratings, as_of=as_of), path)
    return str(path)


def test_every_forecast_says_how_old_its_ratings_are(tmp_path: Path) -> None:
    """Ratings fitted more than a month before the forecast date leave the results since out:
    the tie (before, in play, decided), the competition and the plot say so, in text and JSON
    (the note came only past a year, in text only, and never for a decided tie or a plot)."""
    model = ("--model", _ratings_fitted_before("2018-01-01", tmp_path / "old.json"))
    recent = ("--model", _ratings_fitted_before("2018-02-10", tmp_path / "recent.json"))
    asks = [
        ("--tie", "Arsenal", "--round", "Round of 32", "--as-of", "2018-02-15"),
        ("--tie", "Atalanta", "--score", "1-0", "--minute", "60"),
        ("--tie", "Dortmund", "--round", "Round of 32"),
        ("--as-of", "2018-02-15", "--sims", "500"),
    ]
    for ask in asks:
        data = _json("forecast", BUNDLED, *ask, *model)
        age = (dt.date.fromisoformat(data["date"]) - dt.date(2018, 1, 1)).days
        assert data["model"]["age_days"] == age > RECENT_DAYS
        assert f"the ratings were fitted {age} days before {data['date']}" in data["model"]["note"]
        assert f"note: {data['model']['note']}" in _text("forecast", BUNDLED, *ask, *model)
        fresh = _json("forecast", BUNDLED, *ask, *recent)
        assert fresh["model"]["note"] is None
        assert "note: the ratings" not in _text("forecast", BUNDLED, *ask, *recent)
    plot = ("plot", BUNDLED, "--tie", "Atalanta", "-o", str(tmp_path / "tie.png"))
    assert "note: the ratings were fitted 52 days before 2018-02-22" in _text(*plot, *model)
    assert "note: the ratings" not in _text(*plot, *recent)


def test_the_draws_still_to_come_in_one_line() -> None:
    rounds = ("Round of 16", "Quarterfinals", "Semifinals", "Final")
    reach = np.array([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0]], dtype=float)
    teams = (Team("A"), Team("B"))
    mixed = CompetitionForecast(teams, rounds, reach, 10, 0, ("seeded", *["open draw"] * 3))
    assert draws_summary(mixed) == (
        "seeded (Round of 16); open draw (Quarterfinals, Semifinals, Final)"
    )
    drawn = CompetitionForecast(teams, rounds, reach, 10, 0, (None,) * 4)
    assert draws_summary(drawn) == "every round drawn"


def test_a_national_cup_is_forecast_from_its_clubs_own_ratings() -> None:
    """The DFB-Pokal 2019-20 before its quarter-finals: the file's clubs are German (their
    ratings found), and the fourth-tier Saarbrücken plays below every German club known."""
    path = OPENFOOTBALL / "football.json" / "2019-20" / "de.cup.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    data = _json("forecast", str(path), "--as-of", "2020-03-01", "--sims", "4000")
    teams = {t["name"]: t for t in data["teams"]}
    assert teams["Bayern München"]["rating"]["basis"] == "fitted"
    assert teams["1. FC Saarbrücken"]["rating"]["basis"] == "domestic floor"
    assert teams["Bayern München"]["win"] > 0.3
    assert teams["1. FC Saarbrücken"]["win"] < teams["Fortuna Düsseldorf"]["win"]


def test_the_table_names_the_teams_still_in_that_rest_on_no_results_of_their_own() -> None:
    path = OPENFOOTBALL / "football.json" / "2019-20" / "de.cup.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    done = runner.invoke(app, ["forecast", str(path), "--as-of", "2020-03-01", "--sims", "2000"])
    assert done.exit_code == 0, done.output
    said = " ".join(done.output.split())  # the note wraps at the terminal's width
    assert (
        "no results of their own in the model, rated at the weakest club of their country "
        "known: 1. FC Saarbrücken (GER)" in said
    )
    assert "Bayern München (GER)" not in said  # rated on its own results


COPA_2025 = OPENFOOTBALL / "football.json" / "2025" / "copa.l.json"
"""Colo-Colo v Fortaleza of its group stage was never played ("status": "postponed")."""


def test_a_group_match_never_played_does_not_undo_the_knockout_rounds() -> None:
    """The round of 16 the file holds says who went on from the group with the match never
    played; the knockout results stand, up to the final Flamengo won."""
    if not COPA_2025.exists():
        pytest.skip(f"real data not found at {COPA_2025}")
    after = {t["name"]: t for t in _json("forecast", str(COPA_2025), "--sims", "500")["teams"]}
    assert after["CR Flamengo"]["win"] == 1
    assert after["Club Universitario de Deportes"]["reach"]["Quarterfinals"] == 0
    assert "CSD Colo-Colo" not in after or after["CSD Colo-Colo"]["reach"]["Round of 16"] == 0
    # the morning after the group stage: the file's round of 16 is the one drawn
    data = _json("forecast", str(COPA_2025), "--as-of", "2025-05-30", "--sims", "500")
    reach = {t["name"]: t["reach"]["Round of 16"] for t in data["teams"]}
    assert data["draws"]["Round of 16"] is None
    assert reach["Fortaleza EC"] == 1
    assert reach.get("CA Bucaramanga", 0) == 0
    # while the group stage is still being played, it is played out
    during = _json("forecast", str(COPA_2025), "--as-of", "2025-05-20", "--sims", "500")
    assert during["draws"]["Round of 16"] is not None


def test_a_tie_as_of_a_date_is_one_of_the_ties_known_then() -> None:
    """On 22 February 2018 Lazio's round-of-32 tie was between its legs; their round-of-16
    tie (drawn the next day, first leg 8 March) was not known yet: --tie needed no --round,
    and was refused for "several rounds"."""
    data = _json("forecast", BUNDLED, "--tie", "Lazio", "--as-of", "2018-02-22")
    assert (data["round"], data["stage"]) == ("Round of 32", "between the legs")
    # once the round of 32 was over, its tie and the round of 16's are both known: say which
    done = runner.invoke(app, ["forecast", BUNDLED, "--tie", "Lazio", "--as-of", "2018-03-01"])
    assert isinstance(done.exception, ConfigError)
    assert "several rounds (Round of 32, Round of 16);" in str(done.exception)


def test_a_champions_league_tie_as_of_a_date(openfootball_cl: Path) -> None:
    """Juventus on 13 February 2018: the round of 16 against Tottenham (first leg that day);
    the quarter-final against Real Madrid (3 April) waited on both round-of-16 ties. Liverpool
    on 1 December 2024: their one tie, against PSG, waited on the play-offs of February."""
    cl = openfootball_cl / "2017-18" / "cl.txt"
    data = _json("forecast", str(cl), "--tie", "Juventus", "--as-of", "2018-02-13")
    assert (data["round"], data["team2"]) == ("Round of 16", "Tottenham Hotspur")
    assert data["stage"] == "before the first leg"
    league = str(openfootball_cl / "2024-25" / "cl.txt")
    done = runner.invoke(app, ["forecast", league, "--tie", "Liverpool", "--as-of", "2024-12-01"])
    assert isinstance(done.exception, ConfigError)
    assert "no tie of Liverpool FC was known yet" in str(done.exception)
    later = _json("forecast", league, "--tie", "Liverpool", "--as-of", "2025-02-25")
    assert later["team1"] == "Paris Saint-Germain FC"


def test_a_competition_forecast_before_its_first_match_says_so(openfootball_cl: Path) -> None:
    """The Champions League 2024-25 as of 1 January 2023, before its clubs were known: the
    forecast (of the competition, or of a tie named by its round) is made from the file's
    clubs and fixtures, and says so (it said nothing); as the tournament forecast of national
    teams does."""
    league = str(openfootball_cl / "2024-25" / "cl.txt")
    early = ("forecast", league, "--as-of", "2023-01-01", "--sims", "300")
    note = "2023-01-01 is before the first match in the file (2024-09-17)"
    assert note in _json(*early)["note"]
    assert f"note: {note}" in _text(*early)
    tie = ("forecast", league, "--tie", "Liverpool", "--round", "Round of 16")
    assert note in _json(*tie, "--as-of", "2023-01-01")["note"]
    assert f"note: {note}" in _text(*tie, "--as-of", "2023-01-01")
    assert _json(*tie, "--as-of", "2025-03-05")["note"] is None
    under_way = ("forecast", league, "--as-of", "2024-10-01", "--sims", "300")
    assert _json(*under_way)["note"] is None
    assert "before the first match" not in _text(*under_way)


def _text(*args: str) -> str:
    done = runner.invoke(app, list(args))
    assert done.exit_code == 0, done.output
    return " ".join(done.output.split())  # the table and lines wrap at the terminal's width


def test_a_final_of_one_match_is_said_as_one_match() -> None:
    """A final is won, not gone through, and one match has a final score, not an aggregate;
    the JSON keys stay."""
    final = ("forecast", BUNDLED, "--tie", "Atlético", "--round", "Final")
    said = _text(*final, "--as-of", "2018-05-16")
    assert "P(win)" in said
    assert "P(through)" not in said
    assert "most likely final scores (Olympique Marseille first): " in said
    assert "aggregates" not in said
    assert "P(win)" in _text(*final)  # decided
    data = _json(*final, "--as-of", "2018-05-16")
    assert set(data["through"]) == {"Olympique Marseille", "Atlético Madrid"}
    assert data["aggregates"][0].keys() == {"aggregate", "probability"}
    legs = _text(
        "forecast", BUNDLED, "--tie", "Arsenal", "--round", "Round of 32", "--as-of", "2018-02-16"
    )
    assert "P(through)" in legs
    assert "most likely final aggregates" in legs


def test_a_single_match_before_the_final_is_gone_through() -> None:
    """The DFB-Pokal's quarter-finals are single matches: P(through), final scores."""
    path = OPENFOOTBALL / "football.json" / "2019-20" / "de.cup.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    tie = ("--tie", "Saarbrücken", "--round", "Quarterfinals", "--as-of", "2020-03-01")
    said = _text("forecast", str(path), *tie)
    assert "P(through)" in said
    assert "P(win)" not in said
    assert "most likely final scores (1. FC Saarbrücken first): " in said


def test_in_play_between_the_legs_is_the_second_leg_not_the_first_replayed(
    tmp_path: Path,
) -> None:
    """Champions League 2023-24 cut after the round of 16 first legs: a score and a minute
    for Napoli's tie are of the second leg, which the file does not hold yet; it was the first
    leg (1-1 on record) forecast as if in play at 1-0 ("in play (leg 1)", Napoli 62.7%)."""
    cut = cut_before(
        OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt", "Tue Mar/5", tmp_path
    )
    done = run("forecast", str(cut), "--tie", "Napoli", "--score", "1-0", "--minute", "60")
    assert done.returncode == 1
    assert "in play (leg 1)" not in done.stdout
    assert done.stderr.strip() == (
        "matchday: error: SSC Napoli v FC Barcelona (Round of 16): the second leg, the "
        "deciding match, is not in the source yet (first leg 1-1)"
    )
    between = run("forecast", str(cut), "--tie", "Napoli")
    assert between.returncode == 0, between.stderr
    assert "between the legs" in between.stdout


def test_the_count_of_simulations_agrees_with_its_noun() -> None:
    from matchday.cli.forecast import simulations

    assert simulations(1) == "1 simulation"
    assert simulations(100_000) == "100,000 simulations"
    assert "1 simulation (seed 0)" in _text(
        "forecast", BUNDLED, "--as-of", "2018-04-01", "--sims", "1"
    )
