"""What the forecaster adds to the live service: the time to build the night's tie JSON (what
every read, stream push and page card is made from) with and without P(through).

Stores the bundled Europa League 2017-18 before the night of 22 February 2018 in a fresh
SQLite file, posts every event of that night's fifteen matches up to the 85th minute through
the service's write path (as ``matchday serve --replay`` does), then times ``tie_view`` for
the ties (the minute now as the service estimates it: each match's latest event):

* without a forecaster (``no_chances``);
* with ``Forecaster()`` as a running service first meets these ties (empty memo; the shipped
  ratings and the rules tables already read, as after the first tie of a night);
* a minute later (the only new moment of each tie is "now": the steady cost while the
  matches run, as readers make the service rebuild each live tie's JSON every second);
* at the same moment again (everything remembered).

Run: python bench/service_chances.py   (prints the Markdown section of docs/benchmarks.md)
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import machine
from matchday.service.chances import Forecaster
from matchday.service.core import Service, Settings
from matchday.service.replay import Replay, prepare
from matchday.service.views import Chances, Clock, no_chances, tie_view
from matchday.store.ties import StoredTie, load_ties, tie_ids_on_date

NIGHT = dt.date(2018, 2, 22)
UNTIL = 100.0
"""Real minutes after kick-off whose events are posted: to the 85th minute of play."""
REPEATS = 20


def _night() -> tuple[Service, tuple[StoredTie, ...]]:
    folder = Path(tempfile.mkdtemp(prefix="matchday-bench-"))
    service = Service(Settings(database_url=f"sqlite:///{folder / 'bench.db'}"))
    service.database.upgrade()
    for cue in prepare(service, Replay("europa-league-2017-18", NIGHT, 60.0)):
        if cue.at < UNTIL:
            service.post_event(cue.match_id, cue.key, cue.event)
    with service.database.read() as session:
        ties = load_ties(session, tie_ids_on_date(session, NIGHT))
    return service, ties


def _build(ties: tuple[StoredTie, ...], clock: Clock, chances: Chances) -> float:
    started = time.perf_counter()
    for tie in ties:
        tie_view(tie, clock, chances)
    return time.perf_counter() - started


def _best(work: Callable[[], float]) -> float:
    return min(work() for _ in range(REPEATS))


def main() -> None:
    service, ties = _night()
    clock = service.clock()
    later = Clock(clock.now + dt.timedelta(minutes=1), clock.speed)
    _build(ties, clock, Forecaster())  # reads the shipped ratings, fills the rules tables

    def first_time() -> float:
        return _build(ties, clock, Forecaster())

    def a_minute_later() -> float:
        seen = Forecaster()
        _build(ties, clock, seen)  # not timed: every moment up to now
        return _build(ties, later, seen)

    remembered = Forecaster()
    _build(ties, clock, remembered)
    rows = [
        ("without a forecaster", _best(lambda: _build(ties, clock, no_chances))),
        ("forecaster, ties met for the first time", _best(first_time)),
        ('forecaster, a minute later (only "now" is new)', _best(a_minute_later)),
        ("forecaster, the same moment again", _best(lambda: _build(ties, clock, remembered))),
    ]
    live = sum(1 for tie in ties if tie.legs[-1].state.period.live)
    events = sum(len(tie.legs[-1].events) for tie in ties)
    print(f"Machine: {machine()}.\n")
    print(f"{len(ties)} ties, {live} in play, {events} events posted; best of {REPEATS}.\n")
    print(
        "| tie JSON of the night's ties | ms | per tie, ms | added by the forecast, per tie, ms |"
    )
    print("|---|---:|---:|---:|")
    base = rows[0][1]
    for label, seconds in rows:
        added = "" if seconds is base else f"{(seconds - base) * 1e3 / len(ties):.2f}"
        print(f"| {label} | {seconds * 1e3:.1f} | {seconds * 1e3 / len(ties):.2f} | {added} |")
    service.database.dispose()


if __name__ == "__main__":
    main()
