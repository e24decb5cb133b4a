"""A leg's period in the service is the period of its match state: an uploaded result is over."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.service.test_api import dortmund, in_bergamo, post


def test_an_uploaded_first_leg_is_at_full_time(client: TestClient) -> None:
    first, second = dortmund(client)["legs"]
    assert (first["period"], first["live_score"], first["minute"]) == ("finished", [3, 2], None)
    assert (second["period"], second["live_score"]) == ("not_started", None)


def test_the_live_state_is_the_folded_state_with_the_clock_run_on(client: TestClient) -> None:
    match_id = in_bergamo(client)
    assert post(client, match_id, "k1", kind="kick_off").status_code == 201
    goal = {"kind": "goal", "minute": 11, "side": "home", "player": "Toloi"}
    assert post(client, match_id, "g1", **goal).status_code == 201
    tie = dortmund(client)
    assert tie["legs"][1]["period"] == "first_half"
    assert tie["live"]["score"] == [1, 0]
    assert tie["live"]["phase"] == "regular_time"
    assert tie["live"]["through"] == "Atalanta"
    assert tie["live"]["minute"] >= 11
    assert [g["turning_point"] for g in tie["timeline"]["goals"]] == [True]
