"""Replaying a played night in accelerated time, through the service's own write path.

``matchday serve --replay europa-league-2017-18 --date 2018-02-22 --speed 60`` stores the season
as it stood before that night's kick-offs, then posts every match's kick-off, goals, red cards,
half-time and full time (extra time and shoot-out where there were any) at the moment they
happened, 60 times faster than real time, as a desk would have posted them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass

import matchday.competitions as competitions
from matchday.errors import ConfigError
from matchday.feed import MatchEvent, script, unplayed
from matchday.io.load import load
from matchday.model import Match, Season
from matchday.service.core import Service
from matchday.store.ties import load_ties, tie_ids_on_date

__all__ = ["Cued", "Replay", "check", "prepare", "run"]

log = logging.getLogger("matchday.service")


@dataclass(frozen=True, slots=True)
class Replay:
    """What to replay: a source (file or bundled name), the night, and how fast."""

    source: str
    date: dt.date
    speed: float = 60.0

    def __post_init__(self) -> None:
        if not self.speed > 0:
            raise ConfigError(f"the replay speed must be above 0, not {self.speed}")


@dataclass(frozen=True, slots=True)
class Cued:
    """An event to post to a match, ``at`` match minutes after the night's first kick-off."""

    at: float
    match_id: int
    key: str
    event: MatchEvent


def _offset(match: Match, first: dt.time | None) -> float:
    if match.kickoff is None or first is None:
        return 0.0
    start = dt.datetime.combine(match.date, first)
    return (dt.datetime.combine(match.date, match.kickoff) - start).total_seconds() / 60


def check(replay: Replay) -> Season:
    """The season to replay, once it is sure to have played matches on the night: ``matchday
    serve`` asks before it starts, so that a wrong source or date is one line, not a failed
    start-up."""
    season = load(replay.source)
    if not any(m.date == replay.date and m.played for m in season.matches):
        nights = sorted({m.date for m in season.matches if m.played})
        near = ", ".join(d.isoformat() for d in nights[:3]) + (", ..." if len(nights) > 3 else "")
        raise ConfigError(
            f"no played matches on {replay.date} in {replay.source} to replay"
            + (f" (played on {near})" if nights else "")
        )
    return season


def prepare(service: Service, replay: Replay) -> list[Cued]:
    """Store the season before the night and return the night's events, in order."""
    season = check(replay)
    played = {(m.home, m.away): m for m in season.matches if m.date == replay.date and m.played}
    known = competitions.of_season(season)  # each round under its competition's rules
    before = unplayed(season, replay.date)
    service.store_season(before, known.competition.rules(season.start_year), None, known.rules)
    with service.database.read() as session:
        ties = load_ties(session, tie_ids_on_date(session, replay.date))
    legs = [
        (leg.match_id, played[(m.home, m.away)])
        for tie in ties
        for leg in tie.legs
        if (m := leg.state.fixture.match).date == replay.date and (m.home, m.away) in played
    ]
    kickoffs = [m.kickoff for _, m in legs if m.kickoff is not None]
    first = min(kickoffs) if kickoffs else None
    cued = [
        Cued(_offset(match, first) + cue.at, match_id, f"replay-{match_id}-{number}", cue.event)
        for match_id, match in legs
        for number, cue in enumerate(script(match))
    ]
    return sorted(cued, key=lambda c: c.at)


async def run(service: Service, cued: list[Cued], speed: float) -> None:
    """Post each event when its time comes (``speed`` match minutes per real minute)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    for cue in cued:
        delay = start + cue.at * 60 / speed - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        await asyncio.to_thread(service.post_event, cue.match_id, cue.key, cue.event)
    log.info("replay finished: %d events posted", len(cued))
