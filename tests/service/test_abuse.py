"""Abuse at the edge: huge bodies, missing tokens, numbers and text no schema allows.

Every answer is a 4xx with a short JSON body, never a 5xx, and a body that is refused is refused
before it is read.
"""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from matchday.errors import ConfigError
from matchday.service import Settings, create_app
from matchday.service.errors import MAX_TEXT
from tests.service.conftest import AUTH, NIGHT_FILE, TOKEN
from tests.service.server import running, upload_night

SHORT = 2 * MAX_TEXT + 400
"""Bytes an error body may take at most: a message and its detail, never the input."""


def _match_id(client: TestClient) -> int:
    tie = client.get("/api/nights/2018-02-22").json()["ties"][0]
    match_id: int = tie["legs"][1]["match_id"]
    return match_id


@pytest.mark.parametrize(
    "body",
    [
        '{"kind": "goal", "minute": NaN, "side": "home"}',
        '{"kind": "goal", "minute": Infinity, "side": "home"}',
        '{"kind": "goal", "minute": -Infinity, "side": "home"}',
        '{"kind": "goal", "minute": 1e400, "side": "home"}',
        '{"kind": "goal", "minute": 12.5e3, "side": "home"}',
        '{"kind": "goal", "minute": 12, "side": "home", "player": "\\ud800"}',
        '{"kind": "goal", "minute": 100000000000000000000, "side": "home"}',
        '{"kind": "shoot_out", "shootout": [100000000000000000000, 3]}',
        '{"kind": "shoot_out", "shootout": [' + "9" * 5000 + ", 3]}",
        '{"kind": "goal", "minute": 12, "side": "home", "player": "' + "x" * 1_000_000 + '"}',
        '{"kind": "' + "g" * 1_000_000 + '"}',
    ],
    ids=lambda body: body[:60],
)
def test_numbers_and_text_no_schema_allows_get_a_short_422(client: TestClient, body: str) -> None:
    match_id = _match_id(client)
    headers = {"Idempotency-Key": "k", "Content-Type": "application/json", **AUTH}
    client.post(f"/api/matches/{match_id}/events", json={"kind": "kick_off"}, headers=headers)
    headers["Idempotency-Key"] = "bad"
    response = client.post(f"/api/matches/{match_id}/events", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert len(response.content) < SHORT
    assert response.json()["error"] == "validation_error"
    events = client.get(f"/api/matches/{match_id}/events").json()
    assert [e["kind"] for e in events] == ["kick_off"]


@pytest.mark.parametrize(
    ("score", "problem"),
    [
        ("100000000000000000000-2", "not a score"),
        ("9" * 5000 + "-2", "not a score"),
    ],
    ids=["10^20", "5000 digits"],
)
def test_an_upload_with_impossible_numbers_is_refused_before_the_database(
    client: TestClient, score: str, problem: str
) -> None:
    text = NIGHT_FILE.replace("UEFA Europa League", "Other Cup").replace("3-2 (1-0)", score)
    files = {"file": ("cup.txt", text.encode())}
    response = client.post("/api/seasons", files=files, headers=AUTH)
    assert response.status_code == 400, response.text
    assert problem in response.json()["message"]
    assert len(response.content) < SHORT
    assert [s["competition"] for s in client.get("/api/seasons").json()] == ["UEFA Europa League"]


def test_a_long_or_broken_file_name_is_cut_short(client: TestClient) -> None:
    files = {"file": ("x" * 10_000 + ".txt", b"= Nothing here\n")}
    response = client.post("/api/seasons", files=files, headers=AUTH)
    assert response.status_code == 400
    assert len(response.content) < SHORT


def test_a_body_over_the_limit_is_refused_from_its_length(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url, token=TOKEN, max_body=10_000))
    with TestClient(app) as client:
        files = {"file": ("night.txt", NIGHT_FILE.encode() + b"#" * 20_000)}
        response = client.post("/api/seasons", files=files, headers=AUTH)
        assert (response.status_code, response.json()["error"]) == (413, "too_large")
        assert "10000 bytes" in response.json()["message"]
        small = client.post(
            "/api/seasons", files={"file": ("n.txt", NIGHT_FILE.encode())}, headers=AUTH
        )
        assert small.status_code == 201


def test_a_streamed_body_is_cut_off_at_the_limit(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url, token=TOKEN, max_body=10_000))
    sent = 0

    def chunks() -> Any:
        nonlocal sent
        for _ in range(1000):  # 1 MB in all, without a Content-Length
            sent += 1000
            yield b"x" * 1000

    with TestClient(app) as client:
        headers = {"Idempotency-Key": "k", "Content-Type": "application/json", **AUTH}
        response = client.post("/api/matches/1/events", content=chunks(), headers=headers)
        assert response.status_code == 413


def _rss(pid: int) -> int:
    """Resident memory of a process, bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def _send_body(url: str, path: str, headers: dict[str, str], size: int) -> tuple[bytes, int]:
    """Send a POST of ``size`` bytes (stopping when the server answers or closes); the answer's
    first bytes and how many body bytes went out."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {size}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        sock.sendall(head.encode())
        sock.setblocking(False)
        chunk, sent, answer = b"\0" * 65536, 0, b""
        deadline = time.monotonic() + 20
        while sent < size and not answer and time.monotonic() < deadline:
            try:
                sent += sock.send(chunk[: size - sent])
            except BlockingIOError:
                time.sleep(0.001)
            except OSError:
                break
            with contextlib.suppress(BlockingIOError):
                answer = sock.recv(4096)
        sock.setblocking(True)
        if not answer:
            with contextlib.suppress(OSError):
                answer = sock.recv(4096)
    return answer, sent


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, b"401"), (AUTH, b"413")],
    ids=["without a token", "with the token"],
)
def test_a_50_mb_body_is_refused_before_it_is_read(
    database_url: str, headers: dict[str, str], status: bytes
) -> None:
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        before = _rss(server.process.pid)
        form = {"Content-Type": "multipart/form-data; boundary=x", **headers}
        answer, sent = _send_body(server.url, "/api/seasons", form, 50_000_000)
        assert answer.split(b" ")[1] == status, answer[:200]
        assert sent < 10_000_000
        assert _rss(server.process.pid) - before < 10_000_000
        assert client.get("/api/seasons").status_code == 200


def test_a_nights_report_skips_a_competition_still_to_play(client: TestClient) -> None:
    other = (
        "= Other Cup 2017/18\n\n» Round of 16\n  Thu Feb/15 2018\n"
        "    Alpha (AAA) v Beta (BBB) 1-0\n  Thu Feb/22 2018\n    Beta (BBB) v Alpha (AAA)\n"
    )
    files = {"file": ("other.txt", other.encode())}
    assert client.post("/api/seasons", files=files, headers=AUTH).status_code == 201
    assert client.get("/api/nights/2018-02-22/report").status_code == 404
    match_id = _match_id(client)
    for key, event in (
        ("ko", {"kind": "kick_off"}),
        ("ht", {"kind": "half_time"}),
        ("g", {"kind": "goal", "minute": 83, "side": "away", "player": "Schmelzer"}),
        ("ft", {"kind": "full_time"}),
    ):
        headers = {"Idempotency-Key": key, **AUTH}
        response = client.post(f"/api/matches/{match_id}/events", json=event, headers=headers)
        assert response.status_code == 201, response.text
    response = client.get("/api/nights/2018-02-22/report")
    assert response.status_code == 200, response.text
    assert [r["competition"] for r in response.json()["reports"]] == ["UEFA Europa League"]
    assert client.get("/report/2018-02-22").status_code == 200


def test_the_body_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATCHDAY_MAX_BODY", "12345")
    assert Settings().max_body == 12_345
    monkeypatch.setenv("MATCHDAY_MAX_BODY", "lots")
    with pytest.raises(ConfigError, match="MATCHDAY_MAX_BODY must be a number of bytes"):
        Settings()
    monkeypatch.delenv("MATCHDAY_MAX_BODY")
    assert Settings().max_body == 6_000_000
