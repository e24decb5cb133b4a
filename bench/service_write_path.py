"""The service's write path in one process, without HTTP: how much CPU a goal post costs.

Starts a ``Service`` on a fresh SQLite file (WAL, synchronous=FULL), stores a round of 50 ties
whose second legs kick off, then 50 threads post ``--goals`` goals each to their own match
through ``Service.post_event`` (the writer batches them: one transaction and one fsync per
batch). The CPU time of the process (all threads) per acknowledged goal is the figure that a
shared machine does not distort much; it is given for the first and the last tenth of the goals,
so a cost that grew with the goals already in a match (a refold of the whole tie) would show.

Run: cd bench && python service_write_path.py   (writes docs/benchmarks.md)
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import threading
import time
from pathlib import Path

from matchday.feed import EventKind, MatchEvent
from matchday.model import Side
from matchday.service.core import Service, Settings
from matchday.store.ties import tie_ids_on_date
from report import machine, update_section
from service_load import round_file

NIGHT = dt.date(2018, 2, 22)
WRITERS = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--goals", type=int, default=100, help="goals each writer posts")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="matchday-writes-"))
    service = Service(Settings(database_url=f"sqlite:///{folder / 'writes.db'}"))
    try:
        service.database.upgrade()
        service.upload(round_file(WRITERS), "load.txt", None, None)
        with service.database.read() as session:
            tie_ids = tie_ids_on_date(session, NIGHT)
        views = service.views(tie_ids)
        matches = [views[i]["legs"][1]["match_id"] for i in sorted(views)]
        for match_id in matches:
            service.post_event(match_id, "kick-off", MatchEvent(EventKind.KICK_OFF))
        marks: list[tuple[float, float]] = []  # (process CPU, wall) after each tenth
        done = threading.Barrier(WRITERS + 1)
        tenth = threading.Barrier(WRITERS, action=lambda: marks.append(clocks()))

        def clocks() -> tuple[float, float]:
            return time.process_time(), time.perf_counter()

        def write(number: int, match_id: int) -> None:
            for goal in range(args.goals):
                side = Side.HOME if (goal + number) % 2 else Side.AWAY
                event = MatchEvent(EventKind.GOAL, 1 + goal % 45, side=side)
                service.post_event(match_id, f"goal-{goal}", event)
                if (goal + 1) % (args.goals // 10) == 0:
                    tenth.wait()
            done.wait()

        threads = [
            threading.Thread(target=write, args=(n, m), daemon=True) for n, m in enumerate(matches)
        ]
        start = clocks()
        for thread in threads:
            thread.start()
        done.wait()
        end = clocks()
    finally:
        service.close()
        shutil.rmtree(folder, ignore_errors=True)
    per_tenth = WRITERS * args.goals / 10
    first = ((marks[0][0] - start[0]) / per_tenth, (marks[0][1] - start[1]) / per_tenth)
    last = ((marks[-1][0] - marks[-2][0]) / per_tenth, (marks[-1][1] - marks[-2][1]) / per_tenth)
    total = WRITERS * args.goals
    wall = end[1] - start[1]
    early = f"0-{args.goals // 10}"
    late = f"{args.goals - args.goals // 10}-{args.goals}"
    first_text = f"{1000 * first[0]:.2f} / {1000 * first[1]:.2f}"
    last_text = f"{1000 * last[0]:.2f} / {1000 * last[1]:.2f}"
    body = f"""Command: `cd bench && python service_write_path.py` (`--goals {args.goals}`)

Machine: {machine()}; shared with other work while this ran (CPU time is the steadier figure).

{WRITERS} threads each post {args.goals} goals to their own match of a {WRITERS}-tie round
through `Service.post_event` (no HTTP): the writer thread checks each against its tie's folded
state kept in memory and stores the waiting goals in one transaction (SQLite, WAL,
synchronous=FULL: one fsync per batch); a post returns once its batch is committed.

| measure | value |
|---|---|
| goals acknowledged | {total} in {wall:.1f} s ({total / wall:.0f} per second) |
| process CPU per goal, all goals | {1000 * (end[0] - start[0]) / total:.2f} ms |
| process CPU / wall time per goal, first tenth ({early} goals in each match) | {first_text} ms |
| process CPU / wall time per goal, last tenth ({late} goals in each match) | {last_text} ms |

A post costs the same with {args.goals} goals in its match as with none: it applies its one
event to the kept state instead of reloading and refolding the tie (before issue 12: 83% of a
post's time, growing with every event of the tie).
"""
    print(body)
    if not args.no_write:
        update_section("Service: the write path in one process (SQLite)", body)


if __name__ == "__main__":
    main()
