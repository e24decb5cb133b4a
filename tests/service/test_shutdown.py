"""Stopping ``matchday serve`` (Ctrl-C, SIGTERM) with a stream open and goals coming in: the
stream ends, the log holds no traceback, and every acknowledged goal is there, once, when the
service starts again."""

from __future__ import annotations

import signal
import threading

import httpx
import pytest

from tests.service.server import bergamo_match_id, post, running, sse_events, upload_night


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGINT, 128 + signal.SIGINT), (signal.SIGTERM, 128 + signal.SIGTERM)],
    ids=["SIGINT", "SIGTERM"],
)
def test_stopping_the_server_ends_its_streams_cleanly(
    database_url: str, signum: int, status: int
) -> None:
    acknowledged: list[int] = []
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        match_id = bergamo_match_id(client)
        assert post(client, match_id, "ko", kind="kick_off").status_code == 201
        opened, ended, scoring = threading.Event(), threading.Event(), threading.Event()
        failed: list[BaseException] = []

        def follow() -> None:
            try:
                with (
                    httpx.Client(base_url=server.url, timeout=20) as reader,
                    reader.stream("GET", "/api/stream", params={"date": "2018-02-22"}) as stream,
                ):
                    for _ in sse_events(stream):
                        opened.set()
                ended.set()  # the server ended the stream: no cut connection
            except httpx.HTTPError as err:
                failed.append(err)

        def score() -> None:
            with httpx.Client(base_url=server.url, timeout=20) as desk:
                for number in range(1000):
                    side = "home" if number % 2 else "away"
                    try:
                        response = post(
                            desk,
                            match_id,
                            f"g{number}",
                            kind="goal",
                            minute=1 + number % 45,
                            side=side,
                        )
                    except httpx.HTTPError:
                        return  # the server is gone: this goal may or may not have landed
                    if response.status_code != 201:
                        return  # refused as the server stops: not acknowledged
                    acknowledged.append(response.json()["event"]["id"])
                    if len(acknowledged) == 10:
                        scoring.set()

        reader, desk = threading.Thread(target=follow), threading.Thread(target=score)
        reader.start()
        assert opened.wait(20)
        desk.start()
        assert scoring.wait(20)
        server.process.send_signal(signum)
        returned = server.process.wait(20)
        assert returned == status, server.output()
        reader.join(10)
        desk.join(10)
        output = server.output()
    assert ended.is_set(), failed
    assert "Traceback" not in output, output
    assert "CancelledError" not in output, output
    assert "ERROR" not in output, output
    with running(database_url, "--no-forecast") as server, server.client() as client:
        events = client.get(f"/api/matches/{match_id}/events").json()
    goals = [e["id"] for e in events if e["kind"] == "goal"]
    assert set(acknowledged) <= set(goals), "an acknowledged goal was lost"
    assert len(goals) == len(set(goals))
