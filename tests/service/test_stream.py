"""The stream, on a real server: the current state first, then every change as it happens."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from matchday.feed import EventKind, MatchEvent
from matchday.service.bus import Pushed, Subscriber
from matchday.service.core import Service
from matchday.service.stream import _snapshot
from matchday.store.database import Database
from matchday.store.events import post_event
from tests.service.server import (
    bergamo_match_id,
    post,
    running,
    sse_events,
    sse_messages,
    upload_night,
)


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


def _forecast_for_each_goal(tie: dict[str, Any]) -> bool:
    """Whether the tie's timeline has P(through) after each of its goals (its new chances)."""
    timeline = tie["timeline"] or {"goals": [], "p_through": []}
    points = {(p["minute"], p["added"]) for p in timeline["p_through"]}
    return all((g["minute"], g["added"]) in points for g in timeline["goals"])


def test_each_change_id_is_sent_once_with_the_chances_of_its_state(database_url: str) -> None:
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        ties = client.get("/api/nights/2018-02-22").json()["ties"]
        arsenal = next(t for t in ties if t["team2"] == "Arsenal FC")
        match_id = arsenal["legs"][1]["match_id"]
        post(client, match_id, "ko", kind="kick_off")
        sent: list[tuple[int | None, dict[str, Any]]] = []
        with (
            httpx.Client(base_url=server.url, timeout=20) as reader,
            reader.stream("GET", "/api/stream", params={"tie_id": arsenal["id"]}) as response,
        ):
            events = sse_events(response)
            sent.append(next(events)[::2])
            goal = post(client, match_id, "g", kind="goal", minute=22, side="away", player="Aiesh")
            change_id = goal.json()["change_id"]
            for event_id, _, tie in events:
                sent.append((event_id, tie))
                if event_id is not None and event_id >= change_id:
                    break
    ids = [event_id for event_id, _ in sent if event_id is not None]
    assert ids == sorted(set(ids)), ids  # each id once, only ever higher
    assert ids[-1] == change_id
    for event_id, tie in sent:
        if event_id is not None:  # what a client that reconnects from this id has seen
            assert _forecast_for_each_goal(tie), (event_id, tie["timeline"])
    assert sent[-1][1]["legs"][1]["live_score"] == [0, 1]


def test_a_stream_without_a_filter_starts_with_every_tie(database_url: str) -> None:
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        ties = client.get("/api/nights/2018-02-22").json()["ties"]
        arsenal = next(t for t in ties if t["team2"] == "Arsenal FC")
        change_id = post(client, arsenal["legs"][1]["match_id"], "a-ko", kind="kick_off")
        with (
            httpx.Client(base_url=server.url, timeout=20) as reader,
            reader.stream("GET", "/api/stream") as response,
        ):
            events = sse_events(response)
            post(client, bergamo_match_id(client), "d-ko", kind="kick_off")  # comes after them
            first, second = next(events), next(events)
    assert {first[2]["team1"], second[2]["team1"]} == {"Borussia Dortmund", "Östersunds FK"}
    assert (first[0], second[0]) == (None, change_id.json()["change_id"])  # one id, the last


def test_a_stream_of_an_unknown_tie_or_round_is_not_found(database_url: str) -> None:
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        for params in ({"tie_id": 999}, {"round_id": 999}):
            with client.stream("GET", "/api/stream", params=params) as response:
                assert response.status_code == 404, params
                assert json.loads(response.read())["error"] == "not_found_error"


def test_a_stream_position_stays_below_a_quick_view_until_its_forecast_is_sent() -> None:
    subscriber = Subscriber(lambda _: True)
    assert subscriber.caught_up(9) == 9  # the current states, up to change 9
    stamps = [
        subscriber.stamp(Pushed(10, 2, "tie 2, no forecaster")),
        subscriber.stamp(Pushed(11, 1, "tie 1 quick", complete=False)),
        subscriber.stamp(Pushed(12, 3, "tie 3 quick", complete=False)),
        subscriber.stamp(Pushed(12, 3, "tie 3 complete")),  # forecast before tie 1's
        subscriber.stamp(Pushed(11, 1, "tie 1 complete")),
    ]
    assert stamps == [10, None, None, None, 12]


def test_a_stream_starts_with_a_change_its_process_has_not_heard_of_yet(
    database_url: str,
) -> None:
    """A change committed by another process, not announced to this one yet (its notification
    on the way): the stream's first state has it, since the stream's id covers it; a client
    that reconnected from that id would never be sent it again."""
    with running(database_url, "--no-forecast") as server, server.client() as client:
        upload_night(client)
        ties = client.get("/api/nights/2018-02-22").json()["ties"]  # folded and kept now
        arsenal = next(t for t in ties if t["team2"] == "Arsenal FC")
        other = Database(database_url)  # another process, whose change is not announced
        with other.write() as session:
            kick_off = MatchEvent(EventKind.KICK_OFF)
            change = post_event(session, arsenal["legs"][1]["match_id"], "ko", kick_off).change
        other.dispose()
        assert change is not None
        with (
            httpx.Client(base_url=server.url, timeout=20) as reader,
            reader.stream("GET", "/api/stream", params={"tie_id": arsenal["id"]}) as response,
        ):
            event_id, _, first = next(sse_events(response))
    assert event_id is not None
    assert event_id >= change.id
    assert first["legs"][1]["period"] == "first_half"


def test_a_stream_resumed_from_an_id_above_the_newest_is_sent_the_current_state(
    client: TestClient,
) -> None:
    """An id the database never sent (a client of a database since replaced, as a replay's is
    at each start) was answered with nothing until the next change: it is sent the current
    state of every tie it follows, as a new stream is, with the newest id."""
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    newest, fresh = _snapshot(service, None, None, None, None)
    assert len(fresh) == 2
    assert _snapshot(service, None, None, None, newest) == (newest, [])  # nothing new
    assert _snapshot(service, None, None, None, newest + 1) == (newest, fresh)
    assert _snapshot(service, None, None, None, 10**9) == (newest, fresh)
