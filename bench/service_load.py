"""Load the live service on loopback: concurrent writers posting goals, streams following them.

Starts ``matchday serve`` (``--processes`` of them on one database) on a fresh database, uploads
a round of ``--ties`` ties whose second legs kick off, then for ``--seconds``: ``--writers``
clients post goals on a fixed schedule (``--pace`` seconds apart each), ``--goals`` to a match
before moving on to their next one (every tenth post is sent twice with the same idempotency
key, as a retry would be); ``--streams`` clients follow one tie each on ``/api/stream`` and
``--pollers`` poll ``/api/ties/{id}`` (ties spread over the round, so that followed goals fall
all through the run; ``--follow first``: the round's first ties, every goal of the first
half). Half-way through, a ``--upload-mb`` MB season is uploaded while the goals go on.
Afterwards it checks that every acknowledged goal is stored exactly once and was pushed to
every stream that follows its tie, counts 5xx answers, and records the latency from sending a
goal to each stream receiving a state that contains it, and the time to acknowledge the goals
posted while the upload was being stored.

The clients run in ``--clients`` processes (fork) on raw asyncio streams with uvloop: an httpx
client reading 500 streams used a whole core by itself, so it, not the service, set the pace.
Their CPU time is reported with the service's (and its upload worker's, apart).

Run: python bench/service_load.py [--db URL] [--processes 2]   (writes docs/benchmarks.md)
--db must name a throw-away PostgreSQL database: it is emptied first (``bash .ci/postgres
PORT`` starts one and prints a URL; use a database other than the tests' own).
Loopback only; every loop is bounded by --seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.request import urlopen

from report import machine, update_section

TOKEN = "bench-token"
NIGHT = "2018-02-22"


def round_file(ties: int) -> str:
    """A round of ``ties`` ties, first legs played, second legs on the night."""
    lines = ["= Load Test Cup 2017/18", "", "» Round of 32", "  Thu Feb/15 2018"]
    lines += [f"    Home {i:04d} (AAA) v Away {i:04d} (BBB) 1-0" for i in range(ties)]
    lines += ["  Thu Feb/22 2018"]
    lines += [f"    Away {i:04d} (BBB) v Home {i:04d} (AAA)" for i in range(ties)]
    return "\n".join(lines) + "\n"


def big_file(size: int) -> bytes:
    """A season of about ``size`` bytes of Football.TXT: rounds of played two-legged ties."""
    lines, total, number = ["= Big Upload Cup 2016/17", ""], 0, 0
    while total < size - 200_000:
        block = [f"» Round {number % 9 + 1}", "  Thu Feb/16 2017"]
        block += [
            f"    Home {number:03d}{i:03d} (AAA) v Away {number:03d}{i:03d} (BBB) 1-0"
            for i in range(500)
        ]
        block += ["  Thu Feb/23 2017"]
        block += [
            f"    Away {number:03d}{i:03d} (BBB) v Home {number:03d}{i:03d} (AAA) 2-0"
            for i in range(500)
        ]
        lines += block
        total += sum(len(line) + 1 for line in block)
        number += 1
    return ("\n".join(lines) + "\n").encode()


@dataclass
class Tally:
    """What the clients saw (one per client process, merged at the end)."""

    sent: dict[int, float] = field(default_factory=dict)  # goal id -> time its post was sent
    keys: dict[str, int] = field(default_factory=dict)  # idempotency key -> goal id
    statuses: Counter[int] = field(default_factory=Counter)  # every answer
    posts: Counter[int] = field(default_factory=Counter)  # answers to goal posts
    seen: list[dict[int, float]] = field(default_factory=list)  # per stream: goal id -> time
    stream_ties: list[int] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    acked: list[tuple[float, float]] = field(default_factory=list)  # (sent, answered) of goals
    upload: tuple[float, float, int] | None = None  # (start, end, status) of the big upload
    cpu: float = 0.0  # CPU seconds the service processes used while the goals were posted
    upload_cpu: float = 0.0  # and their upload worker processes
    forecast_cpu: float = 0.0  # and their forecaster's worker processes
    client_cpu: float = 0.0  # and the client processes
    opened: list[list[bool]] = field(default_factory=list)  # per stream: first state received

    def merge(self, other: Tally) -> None:
        """Add what another client process saw."""
        self.sent.update(other.sent)
        for key, goal in other.keys.items():
            if key in self.keys and self.keys[key] != goal:
                self.errors["retry stored twice"] += 1
            self.keys[key] = goal
        self.statuses += other.statuses
        self.posts += other.posts
        self.seen += other.seen
        self.stream_ties += other.stream_ties
        self.errors += other.errors
        self.acked += other.acked
        self.upload = self.upload or other.upload
        self.client_cpu += other.client_cpu
        self.opened += other.opened


class HTTPError(Exception):
    """The connection failed or the answer was not HTTP."""


class Connection:
    """One keep-alive HTTP/1.1 connection on raw asyncio streams: the load client's own, so that
    the client costs a fraction of what the service does (an httpx client reading 500 streams
    used a whole core by itself)."""

    def __init__(self, url: str) -> None:
        host, port = url.removeprefix("http://").split(":")
        self.host, self.port = host, int(port)
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(
                self.host, self.port, limit=2**22
            )
        return self._reader, self._writer

    def close(self) -> None:
        """Close the socket."""
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None

    async def send(
        self, method: str, path: str, body: bytes = b"", headers: str = ""
    ) -> asyncio.StreamReader:
        """Send a request; the reader positioned at the answer's status line."""
        try:
            reader, writer = await self._open()
            head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n{headers}"
            if body or method in ("POST", "PUT"):
                head += f"Content-Length: {len(body)}\r\n"
            writer.write(head.encode() + b"\r\n" + body)
            await writer.drain()
        except OSError as err:
            self.close()
            raise HTTPError(type(err).__name__) from err
        return reader

    async def request(
        self, method: str, path: str, body: bytes = b"", headers: str = ""
    ) -> tuple[int, bytes]:
        """Send a request and read its whole answer (``Content-Length`` bodies only)."""
        reader = await self.send(method, path, body, headers)
        try:
            status, fields = await read_head(reader)
            content = await reader.readexactly(int(fields.get("content-length", "0")))
        except (OSError, asyncio.IncompleteReadError, ValueError) as err:
            self.close()
            raise HTTPError(type(err).__name__) from err
        if fields.get("connection") == "close":
            self.close()
        return status, content


async def read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    """An answer's status and header fields (names in lower case)."""
    lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), fields


JSON_AUTH = f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n"


async def writer(
    connection: Connection,
    number: int,
    match_ids: list[int],
    goals: int,
    start: float,
    stop: float,
    pace: float,
    tally: Tally,
) -> None:
    posted = 0
    while time.monotonic() < stop and posted < goals * len(match_ids):
        match_id = match_ids[posted // goals]
        key = f"w{number}-{posted}"
        in_match = posted % goals
        body = json.dumps(
            {"kind": "goal", "minute": 1 + 4 * in_match, "side": "home" if posted % 2 else "away"}
        ).encode()
        headers = f"{JSON_AUTH}Idempotency-Key: {key}\r\n"
        tries = 2 if posted % 10 == 0 else 1
        for _ in range(tries):
            sent = time.monotonic()
            try:
                status, answer = await connection.request(
                    "POST", f"/api/matches/{match_id}/events", body, headers
                )
            except HTTPError as err:
                tally.errors[str(err)] += 1
                continue
            tally.statuses[status] += 1
            tally.posts[status] += 1
            if status in (200, 201):
                tally.acked.append((sent, time.monotonic()))
                goal_id = json.loads(answer)["event"]["id"]
                if key in tally.keys and tally.keys[key] != goal_id:
                    tally.errors["retry stored twice"] += 1
                tally.keys[key] = goal_id
                tally.sent.setdefault(goal_id, sent)
        posted += 1
        await asyncio.sleep(max(0.0, start + posted * pace - time.monotonic()))


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    """A ``multipart/form-data`` body with one file, and its content type."""
    boundary = "matchday-load-boundary-7d1c"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


async def uploader(url: str, at: float, size: int, tally: Tally) -> None:
    body, kind = multipart("big.txt", big_file(size))
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    start = time.monotonic()
    connection = Connection(url)
    headers = f"Authorization: Bearer {TOKEN}\r\nContent-Type: {kind}\r\n"
    try:
        status, _ = await asyncio.wait_for(
            connection.request("POST", "/api/seasons", body, headers), 300
        )
    except (HTTPError, TimeoutError) as err:
        tally.errors[f"upload {type(err).__name__}"] += 1
        status = 0
    connection.close()
    tally.statuses[status] += 1
    tally.upload = (start, time.monotonic(), status)


GOAL_EVENT = re.compile(rb'\{"id": ?(\d+), ?"match_id": ?\d+, ?"kind": ?"goal"')
"""A posted goal in a pushed tie's JSON (an event of ``legs[].events``)."""


async def streamer(url: str, tie_id: int, stop: float, tally: Tally) -> None:
    """Follow one tie; note when each goal is first seen. The chunked stream is scanned as
    bytes for goal events (each server-sent message is one chunk, never split)."""
    seen: dict[int, float] = {}
    opened = [False]
    tally.seen.append(seen)
    tally.stream_ties.append(tie_id)
    tally.opened.append(opened)
    connection = Connection(url)
    try:
        reader = await connection.send("GET", f"/api/stream?tie_id={tie_id}")
        status, _ = await read_head(reader)
        tally.statuses[status] += 1
        while time.monotonic() < stop:
            data = await asyncio.wait_for(reader.read(2**20), max(0.1, stop - time.monotonic()))
            if not data:
                tally.errors["stream closed"] += 1
                return
            if b"data:" in data:
                opened[0] = True
                now = time.monotonic()
                for found in GOAL_EVENT.finditer(data):
                    seen.setdefault(int(found[1]), now)
    except TimeoutError:
        return
    except (HTTPError, OSError, asyncio.IncompleteReadError) as err:
        tally.errors[f"stream {type(err).__name__}"] += 1
    finally:
        connection.close()


async def poller(url: str, tie_id: int, stop: float, pace: float, tally: Tally) -> None:
    connection = Connection(url)
    while time.monotonic() < stop:
        try:
            status, _ = await connection.request("GET", f"/api/ties/{tie_id}")
            tally.statuses[status] += 1
        except HTTPError as err:
            tally.errors[str(err)] += 1
        await asyncio.sleep(pace)
    connection.close()


def cpu_seconds(pids: list[int]) -> tuple[float, float, float]:
    """User and system CPU time used so far by these processes, by their children at normal
    priority (the upload's worker process) and by those at lower priority (the forecaster's
    worker process)."""
    own = sum(_cpu(pid)[0] for pid in pids)
    kids = [_cpu(child) for pid in pids for child in children(pid)]
    return own, sum(c for c, nice in kids if nice <= 0), sum(c for c, nice in kids if nice > 0)


def _cpu(pid: int) -> tuple[float, int]:
    """The CPU seconds of ``pid`` and its niceness."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0, 0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), int(fields[16])


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (started by any of its threads)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass(frozen=True)
class Plan:
    """What one client process does: its share of the writers, streams and pollers."""

    number: int
    clients: int
    urls: list[str]
    matches: dict[int, int]  # tie id -> match id of its second leg
    args: argparse.Namespace


FOLLOW = {
    "spread": "the followed ties spread over the round: half the goals are followed, all"
    " through the run",
    "first": "the followed ties the round's first: every goal of the run's first half is"
    " followed, none of the second, the upload's",
}


def followed(tie_ids: list[int], number: int, count: int, how: str) -> int:
    """The tie the ``number``-th of ``count`` streams (or pollers) follows. ``spread``: spread
    over the whole round, so that the followed goals fall all through the run, the upload
    included (half the goals, since 500 streams follow half of 1000 ties). ``first``: the
    round's first ties, which the writers play first (they take the ties in order): every goal
    of the run's first half is followed, none of the second, the upload's."""
    if how == "first":
        return tie_ids[number % len(tie_ids)]
    return tie_ids[(number * len(tie_ids)) // count % len(tie_ids)]


async def client(plan: Plan, ready: Any, results: Any) -> None:
    """One client process: open its streams, wait for the others, then post, poll and
    follow for ``--seconds``, drain, and send back what it saw."""
    args, urls = plan.args, plan.urls
    tie_ids = sorted(plan.matches)
    tally = Tally()
    mine = range(plan.number, max(args.streams, args.writers, args.pollers), plan.clients)
    stream_stop = time.monotonic() + 60 + args.seconds + args.drain + 400
    streams = [
        asyncio.create_task(
            streamer(
                urls[i % len(urls)],
                followed(tie_ids, i, args.streams, args.follow),
                stream_stop,
                tally,
            )
        )
        for i in mine
        if i < args.streams
    ]
    connected = time.monotonic() + 60
    while len(tally.seen) < len(streams) or any(not s[0] for s in tally.opened):
        if time.monotonic() > connected:
            break
        await asyncio.sleep(0.2)  # let the streams connect and take their first state
    await asyncio.to_thread(ready.wait)  # every client's streams are open
    start = await asyncio.to_thread(results.get_start)
    stop = start + args.seconds
    cpu = -time.process_time()
    tasks = [
        asyncio.create_task(
            poller(
                urls[i % len(urls)],
                followed(tie_ids, i, args.pollers, args.follow),
                stop,
                args.poll,
                tally,
            )
        )
        for i in mine
        if i < args.pollers
    ]
    uploading = None
    if args.upload_mb and plan.number == 0:
        size = int(args.upload_mb * 1_000_000)
        uploading = asyncio.create_task(uploader(urls[0], start + args.seconds / 2, size, tally))
    connections = []
    for n in mine:
        if n < args.writers:
            connection = Connection(urls[n % len(urls)])
            connections.append(connection)
            ids = [plan.matches[t] for t in tie_ids[n :: args.writers]]
            tasks.append(
                asyncio.create_task(
                    writer(connection, n, ids, args.goals, start, stop, args.pace, tally)
                )
            )
    await asyncio.gather(*tasks)
    tally.client_cpu = cpu + time.process_time()
    for connection in connections:
        connection.close()
    await asyncio.sleep(args.drain)
    if uploading is not None:
        await uploading
    for task in streams:
        task.cancel()
    await asyncio.gather(*streams, return_exceptions=True)
    results.put(tally)


def run_client(plan: Plan, ready: Any, results: Any) -> None:
    """A client process's entry point (uvloop when installed, as the service uses)."""
    try:
        import uvloop

        factory = uvloop.new_event_loop
    except ImportError:
        factory = asyncio.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        runner.run(client(plan, ready, results))


class Results:
    """Where the client processes learn the common start and send back their tallies."""

    def __init__(self, context: Any) -> None:
        self._start = context.Value("d", 0.0)
        self._started = context.Event()
        self._tallies = context.Queue()

    def set_start(self, start: float) -> None:
        self._start.value = start
        self._started.set()

    def get_start(self) -> float:
        self._started.wait()
        return float(self._start.value)

    def put(self, tally: Tally) -> None:
        self._tallies.put(tally)

    def get(self) -> Tally:
        found: Tally = self._tallies.get(timeout=900)
        return found


async def prepare(url: str, ties: int) -> dict[int, int]:
    """Upload the round and kick off its second legs; tie id -> match id."""
    connection = Connection(url)
    body, kind = multipart("load.txt", round_file(ties).encode())
    status, _ = await connection.request(
        "POST", "/api/seasons", body, f"Authorization: Bearer {TOKEN}\r\nContent-Type: {kind}\r\n"
    )
    if status != 201:
        sys.exit(f"uploading the round failed: {status}")
    _, answer = await connection.request("GET", f"/api/nights/{NIGHT}")
    matches = {t["id"]: t["legs"][1]["match_id"] for t in json.loads(answer)["ties"]}
    connection.close()

    async def kick_off(chunk: list[int]) -> None:
        each = Connection(url)
        for tie_id in chunk:
            headers = f"{JSON_AUTH}Idempotency-Key: kick-off\r\n"
            for _ in range(5):  # the key makes a retry harmless
                try:
                    await each.request(
                        "POST",
                        f"/api/matches/{matches[tie_id]}/events",
                        b'{"kind": "kick_off"}',
                        headers,
                    )
                    break
                except HTTPError:
                    await asyncio.sleep(1)
        each.close()

    ids = sorted(matches)
    await asyncio.gather(*(kick_off(ids[n::20]) for n in range(20)))
    return matches


async def stored_goals(url: str, matches: dict[int, int]) -> dict[int, list[int]]:
    """The goals stored in each tie's second leg, by tie id."""
    connection = Connection(url)
    stored = {}
    for tie_id, match_id in matches.items():
        _, answer = await connection.request("GET", f"/api/matches/{match_id}/events")
        events = json.loads(answer)
        stored[tie_id] = [e["id"] for e in events if e["kind"] == "goal" and not e["deleted"]]
    connection.close()
    return stored


def run(
    urls: list[str], pids: list[int], args: argparse.Namespace
) -> tuple[Tally, dict[int, list[int]]]:
    """Prepare the round, run ``--clients`` client processes, and merge what they saw."""
    matches = asyncio.run(prepare(urls[0], args.ties))
    context = multiprocessing.get_context("fork")
    ready = context.Barrier(args.clients + 1)
    results = Results(context)
    processes = [
        context.Process(
            target=run_client, args=(Plan(n, args.clients, urls, matches, args), ready, results)
        )
        for n in range(args.clients)
    ]
    for process in processes:
        process.start()
    ready.wait(timeout=120)
    start = time.monotonic()
    before = cpu_seconds(pids)
    results.set_start(start)
    time.sleep(max(0.0, start + args.seconds - time.monotonic()))
    after = cpu_seconds(pids)
    tally = Tally()
    for _ in processes:
        tally.merge(results.get())
    for process in processes:
        process.join(60)
    tally.cpu, tally.upload_cpu = after[0] - before[0], after[1] - before[1]
    tally.forecast_cpu = after[2] - before[2]
    return tally, asyncio.run(stored_goals(urls[0], matches))


def empty(url: str) -> None:
    """Drop everything in the public schema of the (throw-away) PostgreSQL database."""
    from sqlalchemy import create_engine, text

    from matchday.store.database import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def start_servers(
    url_db: str, count: int, no_forecast: bool
) -> list[tuple[subprocess.Popen[bytes], str]]:
    servers = []
    for number in range(count):
        port = 18_000 + (os.getpid() * 2 + number) % 1000
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "matchday", "serve", "--db", url_db, "--port", str(port)),
                *("--token", TOKEN, *(["--no-forecast"] if no_forecast else [])),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        servers.append((process, f"http://127.0.0.1:{port}"))
    deadline = time.monotonic() + 60
    for process, url in servers:
        while True:
            try:
                with urlopen(f"{url}/api/seasons", timeout=1):
                    break
            except (URLError, OSError):
                if time.monotonic() > deadline or process.poll() is not None:
                    sys.exit("a server did not start")
                time.sleep(0.2)
    return servers


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--processes", type=int, default=1, help="service processes (PostgreSQL)")
    parser.add_argument("--ties", type=int, default=1000)
    parser.add_argument("--goals", type=int, default=10, help="goals a writer posts to a match")
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--streams", type=int, default=500)
    parser.add_argument("--pollers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=2, help="load client processes")
    parser.add_argument("--pace", type=float, default=0.15, help="seconds between a writer's goals")
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between a poller's reads")
    parser.add_argument("--drain", type=float, default=10.0, help="seconds for streams to catch up")
    parser.add_argument("--upload-mb", type=float, default=5.0, help="the upload during the load")
    parser.add_argument(
        "--follow",
        choices=("spread", "first"),
        default="spread",
        help="which ties the streams and pollers follow (see followed)",
    )
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument(
        "--no-forecast", action="store_true", help="serve without P(through) (serve --no-forecast)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="matchday-load-"))
    url_db = args.db or f"sqlite:///{folder / 'load.db'}"
    if args.db:
        empty(args.db)
    started_load = Path("/proc/loadavg").read_text().split()
    servers = start_servers(url_db, args.processes, args.no_forecast)
    try:
        urls, pids = [url for _, url in servers], [process.pid for process, _ in servers]
        tally, stored = run(urls, pids, args)
    finally:
        for process, _ in servers:
            process.send_signal(signal.SIGTERM)
        for process, _ in servers:
            process.wait(120)
        shutil.rmtree(folder, ignore_errors=True)

    acknowledged = set(tally.keys.values())
    all_stored = [goal for goals in stored.values() for goal in goals]
    lost = acknowledged - set(all_stored)
    duplicated = len(all_stored) - len(set(all_stored)) + (len(set(all_stored)) - len(acknowledged))
    server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
    latencies, missed = [], 0
    for seen, tie_id in zip(tally.seen, tally.stream_ties, strict=True):
        for goal in stored.get(tie_id, []):
            if goal in tally.sent:
                if goal in seen:
                    latencies.append(seen[goal] - tally.sent[goal])
                else:
                    missed += 1
    ms = [1000 * v for v in latencies] or [float("nan")]
    quantiles = [percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), max(ms)]
    acks = [1000 * (answered - sent) for sent, answered in tally.acked]
    during: list[float] = []
    upload_text = "none"
    if tally.upload is not None:
        begin, end, status = tally.upload
        during = [1000 * (a - s) for s, a in tally.acked if begin <= s and a <= end]
        upload_text = f"{args.upload_mb:g} MB, answered {status} in {end - begin:.1f} s"
    ack_text = " / ".join(f"{percentile(acks, q):.0f}" for q in (0.5, 0.99, 1)) if acks else "-"
    during_max = max(during, default=0.0)
    per_goal = 1000 * tally.cpu / max(len(acknowledged), 1)
    retries = tally.posts[200]
    offered, achieved = args.writers / args.pace, len(acknowledged) / args.seconds
    where = args.db.split("@")[-1] if args.db else ""
    command = "python bench/service_load.py"
    if where:
        command += f" --db postgresql+psycopg://...@{where}"
    if args.processes != 1:
        command += f" --processes {args.processes}"
    if args.no_forecast:
        command += " --no-forecast"
    if args.follow != "spread":
        command += f" --follow {args.follow}"
    options = (
        f"--ties {args.ties} --goals {args.goals} --writers {args.writers} "
        f"--streams {args.streams} --pollers {args.pollers} --seconds {args.seconds:g} "
        f"--pace {args.pace:g} --poll {args.poll:g} --upload-mb {args.upload_mb:g} "
        f"--clients {args.clients}"
    )
    load = Path("/proc/loadavg").read_text().split()
    body = f"""Command: `{command}` (with its defaults: `{options}`)

Machine: {machine()}. Server{"s" if args.processes > 1 else ""} and clients share the machine
(loopback), and the machine may have been shared with other work (load average
{" / ".join(started_load[:3])} before the run, {" / ".join(load[:3])} at the end: 2 or more means
the service did not have a core to itself); database:
{"PostgreSQL on loopback (" + where + ")" if where else "a SQLite file (WAL, synchronous=FULL)"},
{args.processes} service process{"es" if args.processes > 1 else ""}.

The load comes from {args.clients} client processes on raw asyncio streams (keep-alive HTTP/1.1,
no client library), so that the client is not what sets the pace (its CPU is in the table).
{args.writers} writers each post a goal every {args.pace:g} s (on a fixed schedule), {args.goals}
to a match of a {args.ties}-tie round before moving on to their next match (every tenth goal posted
twice with the same idempotency key); {args.streams} streams follow one tie each on
`/api/stream`, {args.pollers} readers poll `/api/ties/{{id}}` every {args.poll:g} s
({FOLLOW[args.follow]}); half-way, a {args.upload_mb:g} MB Football.TXT season is uploaded.
Push latency: from sending a goal's POST to a stream receiving a tie state that contains it,
over every (goal, stream following its tie) pair.

| measure | value |
|---|---|
| goals offered / acknowledged per second | {offered:.0f} / {achieved:.1f} |
| goals acknowledged (201) | {len(acknowledged)} |
| retries answered 200 with the same event | {retries} |
| goals stored | {len(all_stored)} |
| lost / duplicated goals | {len(lost)} / {duplicated} |
| 5xx answers | {server_errors} |
| client errors (timeouts, resets) | {sum(tally.errors.values())} {dict(tally.errors) or ""} |
| goal pushes measured / missed by a stream | {len(latencies)} / {missed} |
| push latency p50 / p90 / p99 / max | {" / ".join(f"{v:.0f}" for v in quantiles)} ms |
| goal acknowledged p50 / p99 / max | {ack_text} ms |
| upload during the load | {upload_text} |
| goals acknowledged while it was stored: count / max | {len(during)} / {during_max:.0f} ms |
| requests answered (all kinds) | {sum(tally.statuses.values())} |
| service CPU while posting / per acknowledged goal | {tally.cpu:.1f} s / {per_goal:.1f} ms |
| the upload's worker process's CPU while posting (parsing, storing) | {tally.upload_cpu:.1f} s |
| the forecaster's worker process's CPU while posting (niced) | {tally.forecast_cpu:.1f} s |
| load clients' CPU while posting ({args.clients} processes) | {tally.client_cpu:.1f} s |
"""
    print(body)
    title = "Service: load on loopback" + (" (PostgreSQL" if args.db else " (SQLite")
    title += f", {args.processes} processes" if args.processes > 1 else ""
    title += ", streams on the first ties)" if args.follow == "first" else ")"
    if not args.no_write:
        update_section(title, body)
    if lost or duplicated or server_errors or missed:
        sys.exit("FAILED: lost, duplicated or missed events, or 5xx answers")


if __name__ == "__main__":
    main()
