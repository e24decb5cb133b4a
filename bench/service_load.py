"""Load the live service on loopback: concurrent writers posting goals, readers following them.

Starts ``matchday serve`` on a fresh database, uploads a round of 50 ties whose second legs
kick off, then for ``--seconds``: ``--writers`` clients each post goals to their own match
(every tenth post is sent twice with the same idempotency key, as a retry would be), half of
``--readers`` follow one tie each on ``/api/stream`` and the other half poll ``/api/ties/{id}``.
Afterwards it checks that every acknowledged goal is stored exactly once and was pushed to
every stream that follows its tie, counts 5xx answers, and records the latency from sending a
goal to each stream receiving a state that contains it.

Run: python bench/service_load.py [--db URL]   (writes docs/benchmarks.md, "Service: load")
Loopback only; every loop is bounded by --seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
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
TIES = 50
NIGHT = "2018-02-22"


def round_file() -> str:
    """A round of 50 ties, first legs played, second legs on the night."""
    lines = ["= Load Test Cup 2017/18", "", "» Round of 32", "  Thu Feb/15 2018"]
    lines += [f"    Home {i:02d} (AAA) v Away {i:02d} (BBB) 1-0" for i in range(TIES)]
    lines += ["  Thu Feb/22 2018"]
    lines += [f"    Away {i:02d} (BBB) v Home {i:02d} (AAA)" for i in range(TIES)]
    return "\n".join(lines) + "\n"


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


async def writer(
    client: httpx.AsyncClient, number: int, match_id: int, stop: float, pace: float, tally: Tally
) -> None:
    posted = 0
    while time.monotonic() < stop:
        key = f"w{number}-{posted}"
        body = {"kind": "goal", "minute": 1 + posted % 45, "side": "home" if posted % 2 else "away"}
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
                goal_id = response.json()["event"]["id"]
                if key in tally.keys and tally.keys[key] != goal_id:
                    tally.errors["retry stored twice"] += 1
                tally.keys[key] = goal_id
                tally.sent.setdefault(goal_id, sent)
        posted += 1
        await asyncio.sleep(pace)


async def streamer(client: httpx.AsyncClient, tie_id: int, stop: float, tally: Tally) -> None:
    seen: dict[int, float] = {}
    tally.seen.append(seen)
    tally.stream_ties.append(tie_id)
    try:
        async with client.stream(
            "GET", "/api/stream", params={"tie_id": tie_id}, timeout=None
        ) as response:
            async for line in response.aiter_lines():
                if line.startswith("data:"):
                    now = time.monotonic()
                    tie = json.loads(line[5:])
                    for event in tie["legs"][-1]["events"]:
                        if event["kind"] == "goal":
                            seen.setdefault(event["id"], now)
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


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(url: str, args: argparse.Namespace) -> tuple[Tally, dict[int, list[int]]]:
    limits = httpx.Limits(
        max_connections=args.writers + args.readers + 20, max_keepalive_connections=None
    )
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:
        files = {"file": ("load.txt", round_file().encode())}
        (await client.post("/api/seasons", files=files, headers=AUTH)).raise_for_status()
        ties = (await client.get(f"/api/nights/{NIGHT}")).json()["ties"]
        matches = {t["id"]: t["legs"][1]["match_id"] for t in ties}
        for match_id in matches.values():
            headers = {"Idempotency-Key": "kick-off", **AUTH}
            await client.post(
                f"/api/matches/{match_id}/events", json={"kind": "kick_off"}, headers=headers
            )
        tie_ids = sorted(matches)
        tally = Tally()
        streams = args.readers // 2
        start = time.monotonic()
        stream_stop = start + args.seconds + args.drain
        tasks = [
            asyncio.create_task(streamer(client, tie_ids[i % len(tie_ids)], stream_stop, tally))
            for i in range(streams)
        ]
        await asyncio.sleep(2)  # let the streams connect
        stop = time.monotonic() + args.seconds
        tasks += [
            asyncio.create_task(poller(client, tie_ids[i % len(tie_ids)], stop, args.poll, tally))
            for i in range(args.readers - streams)
        ]
        writers = [
            asyncio.create_task(
                writer(client, n, matches[tie_ids[n % len(tie_ids)]], stop, args.pace, tally)
            )
            for n in range(args.writers)
        ]
        await asyncio.gather(*writers)
        await asyncio.sleep(args.drain)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        stored: dict[int, list[int]] = {}
        for tie_id, match_id in matches.items():
            events = (await client.get(f"/api/matches/{match_id}/events")).json()
            stored[tie_id] = [e["id"] for e in events if e["kind"] == "goal" and not e["deleted"]]
    return tally, stored


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--pace", type=float, default=1.0, help="seconds between a writer's goals")
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between a poller's reads")
    parser.add_argument("--drain", type=float, default=10.0, help="seconds for streams to catch up")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    parser.add_argument(
        "--no-forecast", action="store_true", help="serve without P(through) (serve --no-forecast)"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="matchday-load-"))
    url_db = args.db or f"sqlite:///{folder / 'load.db'}"
    port = 18_000 + os.getpid() % 1000
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "matchday",
            "serve",
            "--db",
            url_db,
            "--port",
            str(port),
            "--token",
            TOKEN,
            *(["--no-forecast"] if args.no_forecast else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/api/seasons", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("the server did not start")
                time.sleep(0.2)
        tally, stored = asyncio.run(run(url, args))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(20)
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
    ms = [1000 * v for v in latencies]
    quantiles = [percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), max(ms)]
    retries = tally.posts[200]
    offered, achieved = args.writers / args.pace, len(acknowledged) / args.seconds
    where = args.db.split("@")[-1] if args.db else ""
    command = "python bench/service_load.py"
    if where:
        command += f" --db postgresql+psycopg://...@{where}"
    options = (
        f"--writers {args.writers} --readers {args.readers} --seconds {args.seconds:g} "
        f"--pace {args.pace:g} --poll {args.poll:g}"
    )
    if args.no_forecast:
        command += " --no-forecast"
    body = f"""Command: `{command}` (with its defaults: `{options}`)

Machine: {machine()}. Server and clients share the machine (loopback); database:
{"PostgreSQL 15 on loopback (" + where + ")" if where else "a SQLite file (WAL, synchronous=FULL)"}.

{args.writers} writers each post a goal every {args.pace:g} s to their own match of a 50-tie round
(every tenth goal posted twice with the same idempotency key); {args.readers // 2} streams follow
one tie each on `/api/stream`, {args.readers - args.readers // 2} readers poll `/api/ties/{{id}}`
every {args.poll:g} s. Latency: from sending a goal's POST to a stream receiving a tie state that
contains it, over every (goal, stream following its tie) pair. Where fewer goals are
acknowledged per second than offered, the server was saturated and the latency is mostly
queueing; other jobs on the machine take their share of its two cores.

| measure | value |
|---|---|
| goals offered / acknowledged per second | {offered:.0f} / {achieved:.1f} |
| goals acknowledged (201) | {len(acknowledged)} |
| retries answered 200 with the same event | {retries} |
| goals stored | {len(all_stored)} |
| lost / duplicated goals | {len(lost)} / {duplicated} |
| 5xx answers | {server_errors} |
| client errors (timeouts, resets) | {sum(tally.errors.values())} {dict(tally.errors) or ""} |
| goal pushes measured / missed by a stream | {len(ms)} / {missed} |
| push latency p50 / p90 / p99 / max | {" / ".join(f"{v:.0f}" for v in quantiles)} ms |
| requests answered (all kinds) | {sum(tally.statuses.values())} |
"""
    print(body)
    title = "Service: load on loopback" + (" (PostgreSQL)" if args.db else " (SQLite)")
    if not args.no_write:
        update_section(title, body)
    if lost or duplicated or server_errors or missed:
        sys.exit("FAILED: lost, duplicated or missed events, or 5xx answers")


if __name__ == "__main__":
    main()
