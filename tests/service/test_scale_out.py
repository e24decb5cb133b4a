"""Two service processes on one PostgreSQL database: a goal posted to one reaches a stream
opened on the other (LISTEN/NOTIFY, no broker)."""

from __future__ import annotations

import os
import threading
from typing import Any

import httpx
import pytest

from tests.conftest import POSTGRES_URL_VARIABLE
from tests.service.server import bergamo_match_id, post, running, sse_messages, upload_night

pytestmark = pytest.mark.skipif(
    not os.environ.get(POSTGRES_URL_VARIABLE),
    reason=f"needs PostgreSQL: set {POSTGRES_URL_VARIABLE} (.ci/postgres starts one)",
)


def test_a_goal_posted_to_one_process_reaches_a_stream_on_the_other(database_url: str) -> None:
    with (
        running(database_url) as writer_server,
        running(database_url) as reader_server,
        writer_server.client() as writer,
    ):
        upload_night(writer)
        match_id = bergamo_match_id(writer)
        post(writer, match_id, "ko", kind="kick_off")
        heard: list[dict[str, Any]] = []
        snapshot = threading.Event()

        def listen() -> None:
            with (
                httpx.Client(base_url=reader_server.url, timeout=20) as reader,
                reader.stream("GET", "/api/stream", params={"date": "2018-02-22"}) as response,
            ):
                for _, tie in sse_messages(response):
                    heard.append(tie)
                    if len(heard) == 2:
                        snapshot.set()
                    if tie["live"] and tie["live"]["score"] == [1, 0]:
                        return

        listener = threading.Thread(target=listen)
        listener.start()
        assert snapshot.wait(20)
        response = post(writer, match_id, "g1", kind="goal", minute=11, side="home")
        assert response.status_code == 201
        listener.join(20)
        assert not listener.is_alive(), "the goal never reached the other process's stream"
    goal_id = response.json()["event"]["id"]
    last = heard[-1]
    assert last["live"]["through"] == "Atalanta"
    assert goal_id in {e["id"] for e in last["legs"][1]["events"]}
