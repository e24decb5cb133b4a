"""Real service processes for the tests that need one: streams, SIGKILL, scale-out, a browser."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import httpx
import uvicorn
from fastapi import FastAPI

from matchday.service.app import Server as ServiceServer
from tests.service.conftest import AUTH, NIGHT_FILE, TOKEN

START_SECONDS = 120.0


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """A ``matchday serve`` process and its address."""

    process: subprocess.Popen[bytes]
    url: str
    log: IO[bytes]
    """Its standard output and error."""

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=10)

    def output(self) -> str:
        """What it wrote to its standard output and error so far."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, nothing but what is already durable survives."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)


@contextmanager
def running(database_url: str, *extra: str) -> Iterator[Server]:
    """Start ``matchday serve`` on ``database_url`` and wait until it answers; on a free port
    taken meanwhile by a test on another worker, again on another."""
    for attempt in range(3):
        try:
            with _running(database_url, *extra) as server:
                yield server
                return
        except PortTakenError:
            if attempt == 2:
                raise


class PortTakenError(RuntimeError):
    """The port chosen was taken before the service could bind it."""


@contextmanager
def _running(database_url: str, *extra: str) -> Iterator[Server]:
    port = free_port()
    command = [sys.executable, "-m", "matchday", "serve", "--db", database_url]
    command += ["--port", str(port), "--token", TOKEN, *extra]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the server has stopped
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            if process.poll() is not None:
                log.seek(0)
                output = log.read().decode(errors="replace")
                taken = f"cannot listen on 127.0.0.1:{port}: in use" in output
                error = PortTakenError if taken else RuntimeError
                raise error(f"matchday serve exited with {process.returncode}: {output}")
            try:
                httpx.get(f"{server.url}/api/seasons", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        log.close()


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` with uvicorn from a thread of this process, so that a test can patch what
    it runs; its URL. It stops as ``matchday serve`` does, its streams ended first."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = ServiceServer(config)
    thread = threading.Thread(target=server.run, name="test-server")
    thread.start()
    try:
        deadline = time.monotonic() + START_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the app did not start on port {port}")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


def upload_night(client: httpx.Client) -> None:
    """Upload the two ties of the test night."""
    files = {"file": ("night.txt", NIGHT_FILE.encode())}
    response = client.post("/api/seasons", files=files, headers=AUTH)
    assert response.status_code in (201, 409), response.text


def bergamo_match_id(client: httpx.Client) -> int:
    ties = client.get("/api/nights/2018-02-22").json()["ties"]
    tie = next(t for t in ties if t["team1"] == "Borussia Dortmund")
    match_id: int = tie["legs"][1]["match_id"]
    return match_id


def post(client: httpx.Client, match_id: int, key: str, **event: Any) -> httpx.Response:
    headers = {"Idempotency-Key": key, **AUTH}
    return client.post(f"/api/matches/{match_id}/events", json=event, headers=headers)


def sse_messages(response: httpx.Response) -> Iterator[tuple[str, dict[str, Any]]]:
    """The (event name, JSON data) of each Server-Sent Event on an open response."""
    for _, name, data in sse_events(response):
        yield name, data


def sse_events(response: httpx.Response) -> Iterator[tuple[int | None, str, dict[str, Any]]]:
    """The (``id:`` or ``None``, event name, JSON data) of each Server-Sent Event."""
    event_id, name, data = None, "message", []
    for line in response.iter_lines():
        if line == "":
            if data:
                yield event_id, name, json.loads("\n".join(data))
            event_id, name, data = None, "message", []
        elif line.startswith("id:"):
            event_id = int(line.removeprefix("id:").strip())
        elif line.startswith("event:"):
            name = line.removeprefix("event:").strip()
        elif line.startswith("data:"):
            data.append(line.removeprefix("data:").strip())
