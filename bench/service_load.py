"""Load the live service on loopback: concurrent writers posting goals, streams following them.

Starts ``matchday serve`` (``--processes`` of them on one database) on a fresh database, uploads
a round of ``--ties`` ties whose second legs kick off, then for ``--seconds``: ``--writers``
clients post goals on a fixed schedule (``--pace`` seconds apart each), ``--goals`` to a match
before moving on to their next one (every tenth post is sent twice with the same idempotency
key, as a retry would be); ``--streams`` clients follow one tie each on ``/api/stream`` and
``--pollers`` poll ``/api/ties/{id}``. Half-way through, a ``--upload-mb`` MB season is
uploaded while the goals go on. Afterwards it checks that every acknowledged goal is stored
exactly once and was pushed to every stream that follows its tie, counts 5xx answers, and
records the latency from sending a goal to each stream receiving a state that contains it, and
the time to acknowledge the goals posted while the upload was being stored.

Run: python bench/service_load.py [--db URL] [--processes 2]   (writes docs/benchmarks.md)
--db must name a throw-away PostgreSQL database: it is emptied first.
Loopback only; every loop is bounded by --seconds.
"""

from __future__ import annotations

import argparse
import asyncio
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

import httpx

from report import machine, update_section

TOKEN = "bench-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NIGHT = "2018-02-22"
GOAL_EVENT = re.compile(r'\{"id": (\d+), "match_id": \d+, "kind": "goal"')
"""A posted goal in a pushed tie's JSON (an event of ``legs[].events``)."""


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
    """What the clients saw."""

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
    client_cpu: float = 0.0  # and this client process
    opened: list[list[bool]] = field(default_factory=list)  # per stream: first state received


async def writer(
    client: httpx.AsyncClient,
    number: int,
    match_ids: list[int],
    goals: int,
    stop: float,
    pace: float,
    tally: Tally,
) -> None:
    posted = 0
    start = time.monotonic()
    while time.monotonic() < stop and posted < goals * len(match_ids):
        match_id = match_ids[posted // goals]
        key = f"w{number}-{posted}"
        in_match = posted % goals
        body = {
            "kind": "goal",
            "minute": 1 + 4 * in_match,
            "side": "home" if posted % 2 else "away",
        }
        headers = {"Idempotency-Key": key, **AUTH}
        tries = 2 if posted % 10 == 0 else 1
        for _ in range(tries):
            sent = time.monotonic()
            try:
                response = await client.post(
                    f"/api/matches/{match_id}/events", json=body, headers=headers
                )
            except httpx.HTTPError as err:
                tally.errors[type(err).__name__] += 1
                continue
            tally.statuses[response.status_code] += 1
            tally.posts[response.status_code] += 1
            if response.status_code in (200, 201):
                tally.acked.append((sent, time.monotonic()))
                goal_id = response.json()["event"]["id"]
                if key in tally.keys and tally.keys[key] != goal_id:
                    tally.errors["retry stored twice"] += 1
                tally.keys[key] = goal_id
                tally.sent.setdefault(goal_id, sent)
        posted += 1
        await asyncio.sleep(max(0.0, start + posted * pace - time.monotonic()))


async def uploader(client: httpx.AsyncClient, at: float, size: int, tally: Tally) -> None:
    data = await asyncio.to_thread(big_file, size)
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    start = time.monotonic()
    try:
        response = await client.post(
            "/api/seasons", files={"file": ("big.txt", data)}, headers=AUTH, timeout=300
        )
        status = response.status_code
    except httpx.HTTPError as err:
        tally.errors[f"upload {type(err).__name__}"] += 1
        status = 0
    tally.statuses[status] += 1
    tally.upload = (start, time.monotonic(), status)


async def streamer(client: httpx.AsyncClient, tie_id: int, stop: float, tally: Tally) -> None:
    seen: dict[int, float] = {}
    opened = [False]
    tally.seen.append(seen)
    tally.stream_ties.append(tie_id)
    tally.opened.append(opened)
    try:
        async with client.stream(
            "GET", "/api/stream", params={"tie_id": tie_id}, timeout=None
        ) as response:
            async for line in response.aiter_lines():
                if line.startswith("data:"):
                    opened[0] = True
                    now = time.monotonic()
                    for found in GOAL_EVENT.finditer(line):  # cheaper than parsing the tie
                        seen.setdefault(int(found[1]), now)
                if time.monotonic() > stop:
                    return
    except httpx.HTTPError as err:
        tally.errors[f"stream {type(err).__name__}"] += 1


async def poller(
    client: httpx.AsyncClient, tie_id: int, stop: float, pace: float, tally: Tally
) -> None:
    while time.monotonic() < stop:
        try:
            response = await client.get(f"/api/ties/{tie_id}")
            tally.statuses[response.status_code] += 1
        except httpx.HTTPError as err:
            tally.errors[type(err).__name__] += 1
        await asyncio.sleep(pace)


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time used so far by these processes."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(
    urls: list[str], pids: list[int], args: argparse.Namespace
) -> tuple[Tally, dict[int, list[int]]]:
    limits = httpx.Limits(
        max_connections=args.writers + args.streams + args.pollers + 20,
        max_keepalive_connections=None,
    )
    clients = [httpx.AsyncClient(base_url=url, timeout=30, limits=limits) for url in urls]
    client = clients[0]
    try:
        files = {"file": ("load.txt", round_file(args.ties).encode())}
        (await client.post("/api/seasons", files=files, headers=AUTH)).raise_for_status()
        ties = (await client.get(f"/api/nights/{NIGHT}")).json()["ties"]
        matches = {t["id"]: t["legs"][1]["match_id"] for t in ties}
        tie_ids = sorted(matches)

        async def kick_off(chunk: list[int]) -> None:
            for tie_id in chunk:
                headers = {"Idempotency-Key": "kick-off", **AUTH}
                for _ in range(5):  # the key makes a retry harmless
                    try:
                        await client.post(
                            f"/api/matches/{matches[tie_id]}/events",
                            json={"kind": "kick_off"},
                            headers=headers,
                        )
                        break
                    except httpx.HTTPError:
                        await asyncio.sleep(1)

        await asyncio.gather(*(kick_off(tie_ids[n :: args.writers]) for n in range(args.writers)))
        tally = Tally()
        stream_stop = time.monotonic() + 60 + args.seconds + args.drain
        tasks = [
            asyncio.create_task(
                streamer(clients[i % len(clients)], tie_ids[i % len(tie_ids)], stream_stop, tally)
            )
            for i in range(args.streams)
        ]
        connected = time.monotonic() + 60
        while len(tally.seen) < args.streams or any(not s[0] for s in tally.opened):
            if time.monotonic() > connected:
                break
            await asyncio.sleep(0.5)  # let the streams connect and take their first state
        start = time.monotonic()
        tally.cpu = -cpu_seconds(pids)
        tally.client_cpu = -time.process_time()
        stop = start + args.seconds
        tasks += [
            asyncio.create_task(
                poller(clients[i % len(clients)], tie_ids[i % len(tie_ids)], stop, args.poll, tally)
            )
            for i in range(args.pollers)
        ]
        uploading = None
        if args.upload_mb:
            at = start + args.seconds / 2
            size = int(args.upload_mb * 1_000_000)
            uploading = asyncio.create_task(uploader(client, at, size, tally))
        writers = [
            asyncio.create_task(
                writer(
                    clients[n % len(clients)],
                    n,
                    [matches[t] for t in tie_ids[n :: args.writers]],
                    args.goals,
                    stop,
                    args.pace,
                    tally,
                )
            )
            for n in range(args.writers)
        ]
        await asyncio.gather(*writers)
        tally.cpu += cpu_seconds(pids)
        tally.client_cpu += time.process_time()
        await asyncio.sleep(args.drain)
        if uploading is not None:
            await uploading
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        stored: dict[int, list[int]] = {}
        for tie_id, match_id in matches.items():
            events = (await client.get(f"/api/matches/{match_id}/events")).json()
            stored[tie_id] = [e["id"] for e in events if e["kind"] == "goal" and not e["deleted"]]
    finally:
        for each in clients:
            await each.aclose()
    return tally, stored


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
                httpx.get(f"{url}/api/seasons", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
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
    parser.add_argument("--pace", type=float, default=0.15, help="seconds between a writer's goals")
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between a poller's reads")
    parser.add_argument("--drain", type=float, default=10.0, help="seconds for streams to catch up")
    parser.add_argument("--upload-mb", type=float, default=5.0, help="the upload during the load")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument(
        "--no-forecast", action="store_true", help="serve without P(through) (serve --no-forecast)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="matchday-load-"))
    url_db = args.db or f"sqlite:///{folder / 'load.db'}"
    if args.db:
        empty(args.db)
    servers = start_servers(url_db, args.processes, args.no_forecast)
    try:
        urls, pids = [url for _, url in servers], [process.pid for process, _ in servers]
        tally, stored = asyncio.run(run(urls, pids, args))
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
    options = (
        f"--ties {args.ties} --goals {args.goals} --writers {args.writers} "
        f"--streams {args.streams} --pollers {args.pollers} --seconds {args.seconds:g} "
        f"--pace {args.pace:g} --poll {args.poll:g} --upload-mb {args.upload_mb:g}"
    )
    load = subprocess.run(["cat", "/proc/loadavg"], capture_output=True, text=True).stdout.split()
    body = f"""Command: `{command}` (with its defaults: `{options}`)

Machine: {machine()}. Server{"s" if args.processes > 1 else ""} and clients share the machine
(loopback), and the machine was shared with other work while this ran (load average
{" / ".join(load[:3])} at the end); database:
{"PostgreSQL on loopback (" + where + ")" if where else "a SQLite file (WAL, synchronous=FULL)"},
{args.processes} service process{"es" if args.processes > 1 else ""}.

{args.writers} writers each post a goal every {args.pace:g} s (on a fixed schedule), {args.goals}
to a match of a {args.ties}-tie round before moving on to their next match (every tenth goal posted
twice with the same idempotency key); {args.streams} streams follow one tie each on
`/api/stream`, {args.pollers} readers poll `/api/ties/{{id}}` every {args.poll:g} s; half-way, a
{args.upload_mb:g} MB Football.TXT season is uploaded. Push latency: from sending a goal's POST to
a stream receiving a tie state that contains it, over every (goal, stream following its tie)
pair.

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
| this client's CPU while posting (same machine) | {tally.client_cpu:.1f} s |
"""
    print(body)
    title = "Service: load on loopback" + (" (PostgreSQL" if args.db else " (SQLite")
    title += f", {args.processes} processes)" if args.processes > 1 else ")"
    if not args.no_write:
        update_section(title, body)
    if lost or duplicated or server_errors or missed:
        sys.exit("FAILED: lost, duplicated or missed events, or 5xx answers")


if __name__ == "__main__":
    main()
