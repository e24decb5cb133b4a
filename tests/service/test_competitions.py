"""An upload is settled round by round by its competition's rules, as ``matchday ties`` settles
it: a World Cup final on penalties, a 1998 tie by the golden goal, not UEFA's club rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import OPENFOOTBALL
from tests.service.conftest import AUTH


def _finals(year: str) -> Path:
    folder = next((OPENFOOTBALL / "worldcup").glob(f"{year}--*"), None)
    if folder is None:
        pytest.skip(f"the World Cup {year} files are not in {OPENFOOTBALL / 'worldcup'}")
    return folder / "cup_finals.txt"


def _upload(client: TestClient, path: Path, **form: str) -> Any:
    files = {"file": (path.name, path.read_bytes())}
    stored = client.post("/api/seasons", files=files, data=form, headers=AUTH)
    assert stored.status_code == 201, stored.text
    return stored.json()


def _tie(client: TestClient, season: Any, round_name: str, team: str) -> Any:
    round_id = next(r["id"] for r in season["rounds"] if r["name"] == round_name)
    ties = client.get(f"/api/rounds/{round_id}").json()["ties"]
    return next(t for t in ties if team in (t["team1"], t["team2"]))


def test_the_2022_final_is_argentinas_on_penalties(client: TestClient) -> None:
    season = _upload(client, _finals("2022"))
    final = _tie(client, season, "Final", "Argentina")
    assert (final["winner"], final["decided_by"]) == ("Argentina", "single_match_penalties")
    assert final["rules"] == "extra-time-penalties"
    assert "on penalties" in final["explanation"]


def test_france_paraguay_1998_is_a_golden_goal(client: TestClient) -> None:
    season = _upload(client, _finals("1998"))
    tie = _tie(client, season, "Round of 16", "Paraguay")
    assert (tie["winner"], tie["decided_by"]) == ("France", "golden_goal")
    assert tie["rules"] == "golden-goal"


GOLDEN_GOAL_TIE = """= {title} 1998

▪ Round of 16
28 June   France    1-0 a.e.t. (0-0)    Paraguay
"""
"""France v Paraguay, 1998, under a title the registry does not know."""


def test_a_competition_named_at_upload_wins_over_the_title(client: TestClient) -> None:
    files = {"file": ("one.txt", GOLDEN_GOAL_TIE.format(title="Friendly Cup").encode())}
    plain = client.post("/api/seasons", files=files, headers=AUTH).json()
    tie = _tie(client, plain, "Round of 16", "Paraguay")
    assert tie["decided_by"] == "single_match_extra_time"  # UEFA's club rules: no golden goal
    files = {"file": ("one.txt", GOLDEN_GOAL_TIE.format(title="Other Cup").encode())}
    named = client.post("/api/seasons", files=files, data={"competition": "WM"}, headers=AUTH)
    tie = _tie(client, named.json(), "Round of 16", "Paraguay")
    assert tie["decided_by"] == "golden_goal"


def test_an_unknown_competition_is_refused_with_one_line(client: TestClient) -> None:
    files = {"file": ("x.txt", GOLDEN_GOAL_TIE.format(title="World Cup").encode())}
    refused = client.post(
        "/api/seasons", files=files, data={"competition": "Nowhere Cup"}, headers=AUTH
    )
    assert refused.status_code == 400
    assert "Nowhere Cup" in refused.json()["message"]


def test_a_tie_the_results_cannot_decide_is_served_with_its_reason(client: TestClient) -> None:
    sample = OPENFOOTBALL / "spec" / "samples-l2" / "1999_copa_libertadores.txt"
    if not sample.exists():
        pytest.skip(f"real data not found at {sample}")
    season = _upload(client, sample)
    final = _tie(client, season, "Final", "Palmeiras")
    assert final["rules"] == "no-extra-time"
    assert (final["winner"], final["decided_by"]) == (None, None)
    assert final["unsettled"] == "the shoot-out is not in the data"
    assert final["replays"] == []
