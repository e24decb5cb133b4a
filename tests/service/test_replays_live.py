"""A replay followed live (a replay round's tie, or a replay listed beside its tie as a match of
no tie) is shown in the tie it belongs to: a change to it reaches the streams of its night as
that tie, and every process, not only the one that stored it, shows it in that tie."""

from __future__ import annotations

import os
import time
from typing import Any

import httpx
import pytest

from tests.conftest import POSTGRES_URL_VARIABLE
from tests.service.conftest import AUTH
from tests.service.server import post, running, sse_events
from tests.service.test_stream_uploads import WITH_REPLAY, until_quiet

BESIDE_ITS_TIE = """= World Cup 1934

▪ Quarterfinals
31 May   Spain   1-1 a.e.t. (1-1, 1-0)   Italy
1 June   Italy   v   Spain
"""
"""A replay listed in its tie's round, still to be played: stored as a match of no tie."""

REPLAYS = pytest.mark.parametrize(
    ("text", "night"),
    [(WITH_REPLAY, "1966-08-02"), (BESIDE_ITS_TIE, "1934-06-01")],
    ids=["replay round", "beside its tie"],
)


def _upload(client: httpx.Client, text: str) -> None:
    files = {"file": ("cup.txt", text.encode())}
    response = client.post("/api/seasons", files=files, headers=AUTH)
    assert response.status_code == 201, response.text


def _the_tie(client: httpx.Client, night: str) -> dict[str, Any]:
    """The one tie the replay's night shows: the tie the replay belongs to."""
    (tie,) = client.get(f"/api/nights/{night}").json()["ties"]
    assert len(tie["replays"]) == 1
    return tie  # type: ignore[no-any-return]


def _replay_periods(messages: list[tuple[int | None, dict[str, Any]]]) -> list[Any]:
    return [(tie["id"], [replay["period"] for replay in tie["replays"]]) for _, tie in messages]


@REPLAYS
def test_a_replay_followed_live_reaches_its_nights_stream_in_its_tie(
    database_url: str, text: str, night: str
) -> None:
    with running(database_url, "--no-forecast") as server, server.client() as client:
        _upload(client, text)
        tie = _the_tie(client, night)
        with (
            httpx.Client(base_url=server.url, timeout=3) as reader,
            reader.stream("GET", "/api/stream", params={"date": night}) as response,
        ):
            events = sse_events(response)
            assert next(events)[2]["id"] == tie["id"]
            posted = post(client, tie["replays"][0]["match_id"], "ko", kind="kick_off")
            assert posted.status_code == 201, posted.text
            pushed = until_quiet(events)
    assert _replay_periods(pushed) == [(tie["id"], ["first_half"])]
    assert pushed[0][0] is not None
    assert pushed[0][0] >= posted.json()["change_id"]


@pytest.mark.skipif(
    not os.environ.get(POSTGRES_URL_VARIABLE),
    reason=f"needs PostgreSQL: set {POSTGRES_URL_VARIABLE} (.ci/postgres starts one)",
)
@REPLAYS
def test_a_replay_written_on_one_process_is_shown_in_its_tie_on_the_other(
    database_url: str, text: str, night: str
) -> None:
    with (
        running(database_url, "--no-forecast") as desk_server,
        running(database_url, "--no-forecast") as reader_server,
        desk_server.client() as desk,
        reader_server.client() as reader,
    ):
        _upload(desk, text)
        tie = _the_tie(reader, night)  # folded and kept by the reader's process now
        with (
            httpx.Client(base_url=reader_server.url, timeout=3) as follower,
            follower.stream("GET", "/api/stream", params={"date": night}) as response,
        ):
            events = sse_events(response)
            next(events)
            posted = post(desk, tie["replays"][0]["match_id"], "ko", kind="kick_off")
            assert posted.status_code == 201, posted.text
            pushed = until_quiet(events)
        deadline = time.monotonic() + 10
        while True:  # its notification may still be on the way
            (replay,) = reader.get(f"/api/ties/{tie['id']}").json()["replays"]
            if replay["period"] == "first_half" or time.monotonic() > deadline:
                break
            time.sleep(0.1)
    assert replay["period"] == "first_half"
    assert _replay_periods(pushed) == [(tie["id"], ["first_half"])]
