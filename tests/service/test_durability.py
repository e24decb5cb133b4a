"""Kill the server with SIGKILL mid-stream of posts: every acknowledged event survives, once.

On the SQLite file (WAL, synchronous=FULL) by default; on PostgreSQL too when the suite runs
against it.
"""

from __future__ import annotations

import threading

import httpx

from tests.service.server import bergamo_match_id, post, running, upload_night

GOALS = 400
"""More posts than the server can acknowledge before the kill."""


def test_acknowledged_events_survive_a_sigkill(database_url: str) -> None:
    acknowledged: dict[str, int] = {}
    attempted: list[str] = []
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        match_id = bergamo_match_id(client)
        post(client, match_id, "ko", kind="kick_off")
        half_way = threading.Event()

        def write() -> None:
            with httpx.Client(base_url=server.url, timeout=5) as writer:
                for number in range(GOALS):
                    key = f"goal-{number}"
                    attempted.append(key)
                    side = "home" if number % 2 else "away"
                    try:
                        response = post(
                            writer, match_id, key, kind="goal", minute=1 + number % 45, side=side
                        )
                    except httpx.HTTPError:
                        return  # the server is gone: this post may or may not have landed
                    assert response.status_code == 201, response.text
                    acknowledged[key] = response.json()["event"]["id"]
                    if len(acknowledged) == 50:
                        half_way.set()

        writer = threading.Thread(target=write)
        writer.start()
        assert half_way.wait(30)
        server.kill()
        writer.join(10)
    assert 50 <= len(acknowledged) < GOALS
    with running(database_url) as server, server.client() as client:
        events = client.get(f"/api/matches/{match_id}/events").json()
        goals = [e for e in events if e["kind"] == "goal"]
        stored = {e["id"] for e in goals}
        assert set(acknowledged.values()) <= stored, "an acknowledged goal was lost"
        assert len(stored) == len(goals) <= len(attempted)
        # Retrying every attempt (as a desk whose connection dropped would) doubles nothing.
        for key in attempted:
            number = int(key.removeprefix("goal-"))
            side = "home" if number % 2 else "away"
            response = post(client, match_id, key, kind="goal", minute=1 + number % 45, side=side)
            if key in acknowledged:
                assert response.status_code == 200
                assert response.json()["event"]["id"] == acknowledged[key]
            else:  # in flight at the kill: stored (200 now) or not (201 now)
                assert response.status_code in (200, 201)
        after = [
            e for e in client.get(f"/api/matches/{match_id}/events").json() if e["kind"] == "goal"
        ]
        assert len(after) == len(attempted)
        tie = client.get("/api/nights/2018-02-22").json()["ties"][0]
        assert sum(tie["legs"][1]["live_score"]) == len(attempted)
