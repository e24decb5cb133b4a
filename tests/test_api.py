"""The Python API for analysts: load, iterate ties, decide, and a DataFrame."""

from __future__ import annotations

import matchday


def test_the_documented_analyst_workflow() -> None:
    season = matchday.load("europa-league-2017-18")
    rules = matchday.rules_for_season(season.start_year)
    outcomes = matchday.decide_all(season.ties(), rules)
    assert len(outcomes) == 31
    frame = matchday.ties_frame(outcomes)
    assert list(frame["round"].unique()) == [
        "Round of 32",
        "Round of 16",
        "Quarterfinals",
        "Semifinals",
        "Final",
    ]
    final = frame[frame["round"] == "Final"].iloc[0]
    assert final["winner"] == "Atlético Madrid"
    assert final["decided_by"] == "single_match"
    away = frame[frame["decided_by"] == "away_goals"]
    assert set(away["winner"]) == {"Dynamo Kyiv", "RB Leipzig", "CSKA Moskva"}
    assert (frame["aggregate1"] + frame["aggregate2"] > 0).all()


def test_a_round_by_any_spelling_and_json_per_tie() -> None:
    season = matchday.load("europa-league-2017-18")
    r16 = matchday.find_round(season, "achtelfinale")
    (plzen,) = [t for t in r16.ties() if t.team2.name == "Viktoria Plzeň"]
    outcome = matchday.decide(plzen, matchday.preset("uefa-classic"))
    data = matchday.tie_json(outcome)
    assert data["decided_by"] == "extra_time"
    assert data["legs"][1]["extra_time"] == [2, 1]
    assert data["explanation"] == "Sporting CP win 3-2 on aggregate after extra time"
