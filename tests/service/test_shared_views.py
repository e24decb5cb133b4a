"""A tie's JSON is built once per version of the tie and shared, as one text, by every reader."""

from __future__ import annotations

import datetime as dt
import json

from fastapi.testclient import TestClient

from matchday.io.schemas import NightOut, TieOut
from matchday.service.core import Service
from tests.service.test_api import dortmund, in_bergamo, post


def test_a_tie_is_built_once_per_change_and_served_as_one_text(client: TestClient) -> None:
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    tie_id = dortmund(client)["id"]
    first = service.shown([tie_id])[tie_id]
    assert service.shown([tie_id])[tie_id] is first  # nothing changed: the same JSON
    assert json.loads(first.text) == first.data
    match_id = in_bergamo(client)
    assert post(client, match_id, "ko", kind="kick_off").status_code == 201
    changed = service.shown([tie_id])[tie_id]
    assert changed is not first
    assert changed.version > first.version
    assert changed.data["legs"][1]["period"] == "first_half"
    served = client.get(f"/api/ties/{tie_id}")
    assert served.status_code == 200
    assert served.headers["content-type"] == "application/json"
    assert served.text == service.shown([tie_id])[tie_id].text


def test_the_shared_text_is_what_the_schema_would_serve(client: TestClient) -> None:
    match_id = in_bergamo(client)
    post(client, match_id, "ko", kind="kick_off")
    post(client, match_id, "g1", kind="goal", minute=11, side="home", player="Toloi")
    night = client.get("/api/nights/2018-02-22").json()
    assert NightOut.model_validate(night).model_dump(mode="json") == night
    for tie in night["ties"]:
        served = client.get(f"/api/ties/{tie['id']}").json()
        assert served == tie
        assert TieOut.model_validate(served).model_dump(mode="json") == served
    round_id = night["ties"][0]["round_id"]
    in_round = client.get(f"/api/rounds/{round_id}").json()
    assert (in_round["date"], in_round["round_id"]) == (None, round_id)
    assert in_round["ties"] == night["ties"]


def test_an_unknown_tie_is_still_a_404(client: TestClient) -> None:
    response = client.get("/api/ties/999999")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found_error"


def test_a_tie_is_built_again_when_the_minute_of_its_match_moves_on(client: TestClient) -> None:
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    match_id = in_bergamo(client)
    post(client, match_id, "ko", kind="kick_off")
    post(client, match_id, "g1", kind="goal", minute=11, side="home", player="Toloi")
    tie_id = dortmund(client)["id"]
    start = service.clock().now
    later = [start]
    service._now = lambda: later[0]  # the service's wall clock, held and moved by hand
    first = service.shown([tie_id])[tie_id]
    later[0] = start + dt.timedelta(seconds=20)  # the same minute: the same JSON
    assert service.shown([tie_id])[tie_id] is first
    later[0] = start + dt.timedelta(minutes=3)
    moved = service.shown([tie_id])[tie_id]
    assert moved is not first
    assert moved.version == first.version
    assert moved.data["live"]["minute"] >= first.data["live"]["minute"] + 2
    assert moved.data["legs"][1]["minute"] == moved.data["live"]["minute"]
