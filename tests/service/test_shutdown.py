"""Stopping ``matchday serve`` (Ctrl-C, SIGTERM) with a stream open: the stream ends, the log
holds no traceback, and every acknowledged event is there when the service starts again."""

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
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        match_id = bergamo_match_id(client)
        kick_off = post(client, match_id, "ko", kind="kick_off")
        assert kick_off.status_code == 201
        opened, ended = threading.Event(), threading.Event()
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

        reader = threading.Thread(target=follow)
        reader.start()
        assert opened.wait(20)
        server.process.send_signal(signum)
        assert server.process.wait(20) == status
        reader.join(10)
        output = server.output()
    assert ended.is_set(), failed
    assert "Traceback" not in output, output
    assert "CancelledError" not in output, output
    assert "ERROR" not in output, output
    with running(database_url, "--no-forecast") as server, server.client() as client:
        events = client.get(f"/api/matches/{match_id}/events").json()
    assert [e["id"] for e in events] == [kick_off.json()["event"]["id"]]
