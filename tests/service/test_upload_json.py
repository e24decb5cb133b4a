"""``POST /api/seasons`` takes a football.json file (named ``.json``) as well as Football.TXT;
its errors name the JSON pointer of the value at fault."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.service.conftest import AUTH

LEGS = [
    {"round": "Quarter-finals", "date": "2024-04-09", "time": "21:00",
     "team1": "Arsenal FC (ENG)", "team2": "FC Bayern München (GER)", "score": {"ft": [2, 2]}},
    {"round": "Quarter-finals", "date": "2024-04-17", "time": "21:00",
     "team1": "FC Bayern München (GER)", "team2": "Arsenal FC (ENG)", "score": {"ft": [1, 0]}},
]  # fmt: skip


def _upload(client: TestClient, matches: list[dict[str, Any]]) -> Any:
    body = json.dumps({"name": "UEFA Champions League 2023/24", "matches": matches})
    files = {"file": ("uefa.cl.json", body.encode())}
    return client.post("/api/seasons", files=files, headers=AUTH)


def test_a_football_json_upload_is_stored_and_its_tie_decided(client: TestClient) -> None:
    stored = _upload(client, LEGS)
    assert stored.status_code == 201, stored.text
    season = stored.json()
    assert (season["competition"], season["name"]) == ("UEFA Champions League", "2023/24")
    (round_,) = season["rounds"]
    assert round_["name"] == "Quarterfinals"
    (tie,) = client.get(f"/api/rounds/{round_['id']}").json()["ties"]
    assert tie["winner"] == "FC Bayern München"


def test_a_broken_football_json_upload_names_the_json_pointer(client: TestClient) -> None:
    broken = [LEGS[0], {**LEGS[1], "score": {"ft": [1, "x"]}}]
    refused = _upload(client, broken)
    assert refused.status_code == 400
    body = refused.json()
    assert (body["error"], body["file"]) == ("parse_error", "uefa.cl.json")
    assert body["message"].startswith("uefa.cl.json#/matches/1/score/ft/1: ")
    assert client.get("/api/seasons").json()[-1]["competition"] != "UEFA Champions League"


def test_a_football_json_error_gives_its_pointer_a_field_of_its_own(client: TestClient) -> None:
    unreadable = _upload(client, [LEGS[0], {**LEGS[1], "score": {"ft": [1, "x"]}}]).json()
    assert (unreadable["pointer"], unreadable["line"]) == ("/matches/1/score/ft/1", 2)
    one_sided = _upload(
        client, [LEGS[0], {**LEGS[1], "team2": "Arsenal FC (ENG)", "team1": "Arsenal FC (ENG)"}]
    )
    body = one_sided.json()
    assert (body["file"], body["pointer"]) == ("uefa.cl.json", "/matches/1"), body
    assert body["message"].startswith("uefa.cl.json#/matches/1: ")
