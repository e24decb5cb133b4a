"""The stream, on a real server: the current state first, then every change as it happens."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest

from tests.service.server import bergamo_match_id, post, running, sse_messages, upload_night


def test_a_stream_starts_with_the_night_and_hears_each_goal(database_url: str) -> None:
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        match_id = bergamo_match_id(client)
        post(client, match_id, "ko", kind="kick_off")
        received: list[dict[str, Any]] = []
        opened = threading.Event()

        def listen() -> None:
            with (
                httpx.Client(base_url=server.url, timeout=20) as reader,
                reader.stream("GET", "/api/stream", params={"date": "2018-02-22"}) as response,
            ):
                assert response.headers["content-type"].startswith("text/event-stream")
                for name, tie in sse_messages(response):
                    assert name == "tie"
                    received.append(tie)
                    if len(received) == 2:
                        opened.set()
                    if tie["live"] and tie["live"]["score"] == [1, 1]:
                        points = tie["timeline"]["p_through"]
                        if any(p["minute"] == 82 for p in points):
                            return  # the state after the goal with its new forecast

        listener = threading.Thread(target=listen)
        listener.start()
        assert opened.wait(20), "the stream did not send the night's two ties first"
        post(client, match_id, "g1", kind="goal", minute=11, side="home", player="Toloi")
        post(client, match_id, "ht", kind="half_time")
        post(client, match_id, "g2", kind="goal", minute=83, side="away", player="Schmelzer")
        listener.join(20)
        assert not listener.is_alive(), "the goal never reached the stream"
    assert {t["team1"] for t in received[:2]} == {"Borussia Dortmund", "Östersunds FK"}
    through = [t["live"]["through"] for t in received[2:] if t["live"]]
    assert through[0] in ("Atalanta", None)  # 1-0 (or only kicked off, when coalesced)
    assert through[-1] == "Borussia Dortmund"
    assert "Östersunds FK" not in {t["team1"] for t in received[2:]}
    for pushed in received:  # the state pushed carries the forecast (matchday serve's default)
        assert sum(pushed["p_through"]) == pytest.approx(1)
    assert received[-1]["p_through"][0] > 0.5  # 1-1 in Bergamo: Dortmund through 4-3


def test_a_stream_of_one_tie_hears_only_that_tie(database_url: str) -> None:
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        ties = client.get("/api/nights/2018-02-22").json()["ties"]
        arsenal = next(t for t in ties if t["team2"] == "Arsenal FC")
        dortmund_match = bergamo_match_id(client)
        arsenal_match = arsenal["legs"][1]["match_id"]
        with (
            httpx.Client(base_url=server.url, timeout=20) as reader,
            reader.stream("GET", "/api/stream", params={"tie_id": arsenal["id"]}) as response,
        ):
            messages = sse_messages(response)
            _, first = next(messages)
            assert first["id"] == arsenal["id"]
            post(client, dortmund_match, "d-ko", kind="kick_off")
            post(client, arsenal_match, "a-ko", kind="kick_off")
            _, second = next(messages)
    assert second["id"] == arsenal["id"]
    assert second["legs"][1]["period"] == "first_half"


def test_a_reconnecting_stream_gets_what_changed_since_its_last_event(database_url: str) -> None:
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        match_id = bergamo_match_id(client)
        first = post(client, match_id, "ko", kind="kick_off").json()["change_id"]
        post(client, match_id, "g1", kind="goal", minute=11, side="home")
        headers = {"Last-Event-ID": str(first)}
        with (
            httpx.Client(base_url=server.url, timeout=20) as reader,
            reader.stream("GET", "/api/stream", headers=headers) as response,
        ):
            _, tie = next(sse_messages(response))
    assert tie["team1"] == "Borussia Dortmund"
    assert tie["legs"][1]["live_score"] == [1, 0]
