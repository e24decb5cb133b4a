"""The service's one object: the database, the bus, and the write path every writer uses.

The API's write endpoints and the replay both call ``Service.write`` (``post_event`` and
friends), so a replayed goal takes exactly the path a goal posted by a desk takes: the writer
checks it against the folded state of its tie, stores it and journals the change in a batch
committed once, then announces it to every stream.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from matchday.errors import ConfigError, NotFoundError
from matchday.feed import MatchEvent
from matchday.model import Round, Season
from matchday.report import Report, report
from matchday.rules import Rules
from matchday.service.bus import Bus, make_bus
from matchday.service.chances import Forecaster
from matchday.service.checkpoint import Checkpointer, no_checkpoint_on_commit
from matchday.service.guard import DEFAULT_MAX_BODY
from matchday.service.upload import Uploads, store_staged
from matchday.service.views import (
    Chances,
    Clock,
    Minutes,
    Shown,
    Unforecast,
    minutes_now,
    no_chances,
    quick_view,
    unforecast,
)
from matchday.service.writer import Writer
from matchday.store.database import DEFAULT_URL, Database
from matchday.store.events import Change, Correction, Deletion, Post, Write, Written
from matchday.store.folded import FoldedTies
from matchday.store.played import season_as_played, seasons_on_date
from matchday.store.seasons import (
    RulesOf,
    StoredSeason,
    abandon_rounds,
)
from matchday.store.ties import StoredTie, tie_ids_of_season

__all__ = ["Service", "Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """How the service runs: its database, the bearer token of the write API, how fast match
    time runs (60 in a replay at ``--speed 60``), the night the page opens on, and the largest
    request body it reads (bytes; larger ones are refused before they are read; default
    ``MATCHDAY_MAX_BODY`` or 6,000,000)."""

    database_url: str = DEFAULT_URL
    token: str = ""
    clock_speed: float = 1.0
    night: dt.date | None = None
    max_body: int = field(default_factory=lambda: _max_body(os.environ.get(MAX_BODY_VARIABLE)))


MAX_BODY_VARIABLE = "MATCHDAY_MAX_BODY"
"""The environment variable that sets the largest request body (bytes)."""


def _max_body(given: str | None) -> int:
    if given is None or not given.strip():
        return DEFAULT_MAX_BODY
    if not given.strip().isdigit() or int(given) < 1:
        raise ConfigError(f"{MAX_BODY_VARIABLE} must be a number of bytes, not {given[:40]!r}")
    return int(given)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Service:
    """The database and the bus, and every write and read the API offers."""

    def __init__(
        self,
        settings: Settings,
        chances: Chances = no_chances,
        now: Callable[[], dt.datetime] = _utcnow,
    ) -> None:
        self.settings = settings
        self.database = Database(settings.database_url)
        no_checkpoint_on_commit(self.database)
        self.checkpointer = Checkpointer(self.database)
        self.checkpointer.start()
        self.chances = chances
        self._now = now
        self._shown: dict[int, Shown] = {}
        self._unforecast: dict[int, tuple[int, Minutes, Unforecast]] = {}
        """The last quick view of each tie not yet completed: version, minutes, its parts."""
        self.folded = FoldedTies()
        self._peek: Chances = chances.known if isinstance(chances, Forecaster) else no_chances
        self.bus: Bus = make_bus(
            self.database, self.finish, self._seen, None if chances is no_chances else self.sketch
        )
        turn = multiprocessing.get_context("spawn").Lock()  # shared with an upload's worker
        self.writer = Writer(self.database, self.folded, self.bus, turn)
        self.uploads = Uploads(self.database, turn, self.bus.stage)

    def _seen(self, change: Change) -> None:
        """A change announced on the bus: a tie changed by another process is folded again
        when next read."""
        if change.tie_id is not None:
            self.folded.forget(change.tie_id, change.id)

    def close(self) -> None:
        """Store the writes still queued, then close the database."""
        self.writer.stop()
        self.uploads.close()
        self.checkpointer.stop()
        if isinstance(self.chances, Forecaster):
            self.chances.close()
        self.database.dispose()

    @property
    def forecasting(self) -> bool:
        """True when the service has a forecaster: its round-ups then say how close each tie
        came, as ``matchday report`` does."""
        return self.chances is not no_chances

    def clock(self) -> Clock:
        """The wall clock and the speed of match time."""
        return Clock(self._now(), self.settings.clock_speed)

    def views(self, tie_ids: list[int]) -> dict[int, dict[str, Any]]:
        """The JSON of these ties, by id (see ``shown``)."""
        return {tie_id: shown.data for tie_id, shown in self.shown(tie_ids).items()}

    def shown(self, tie_ids: list[int]) -> dict[int, Shown]:
        """The JSON of these ties, by id, each built once per version of its tie.

        A tie's JSON is built when a change has touched the tie (the hub builds it once for
        every stream that follows the tie) and shared, serialised once, with every reader
        until the tie changes again or the minute of one of its matches moves on (the clock
        and the forecast move with it: ``minutes_now``): readers polling a tie then cost a
        dictionary look-up.
        """
        fresh, stale = self._current(tie_ids)
        if stale and isinstance(self.chances, Forecaster):
            # The moments not forecast yet are forecast together, in the forecaster's worker
            # process, not one by one in this one: every tie's minute moves on at once when
            # its matches kicked off together, and the polls that follow each forecast here
            # took the interpreter from the event loop and the writer.
            for *_, parts in stale:
                parts.forecast(self._peek)  # notes them
            self.chances.forecast_noted()
        for tie_id, version, minutes, parts in stale:
            fresh[tie_id] = self._shown[tie_id] = Shown(
                version, minutes, parts.forecast(self.chances), shown_in=parts.shown_in
            )
        return fresh

    def _folded(self, tie_ids: list[int]) -> dict[int, tuple[int, StoredTie]]:
        """These ties' folded states and versions: those kept in memory, else all read."""
        ties = self.folded.kept(tie_ids)
        if len(ties) < len(set(tie_ids)):
            with self.database.read() as session:
                ties = self.folded.read(session, tie_ids)
        return ties

    def sketch(self, tie_ids: list[int]) -> dict[int, Shown]:
        """The JSON of these ties for the streams, at once: each tie's complete JSON where it
        is current (``shown``), else its quick view (``quick_view``: the new state with the
        previous forecast, ``complete`` False), which ``finish`` completes. Quick views are
        not kept for readers: the API serves complete JSON."""
        sketched, stale = self._current(tie_ids)
        for tie_id, version, minutes, parts in stale:
            cached = self._shown.get(tie_id)
            data = quick_view(parts, None if cached is None else cached.data, self._peek)
            sketched[tie_id] = Shown(version, minutes, data, False, parts.shown_in)
            self._unforecast[tie_id] = (version, minutes, parts)
        return sketched

    def _current(
        self, tie_ids: list[int]
    ) -> tuple[dict[int, Shown], list[tuple[int, int, Minutes, Unforecast]]]:
        """These ties' JSON where it is current (built at the tie's version and its matches'
        minutes now), and the others, each with its version, minutes and JSON unforecast."""
        ties = self._folded(tie_ids)
        clock = self.clock()
        current, stale = {}, []
        for tie_id, (version, tie) in ties.items():
            cached = self._shown.get(tie_id)
            minutes = minutes_now(tie, clock)
            if cached and cached.version == version and cached.minutes == minutes:
                current[tie_id] = cached
            else:
                stale.append((tie_id, version, minutes, unforecast(tie, clock)))
        return current, stale

    def finish(self, tie_ids: list[int]) -> dict[int, Shown]:
        """The complete JSON of these ties (``shown``): the moments their quick views noted
        are forecast at once (``Forecaster.forecast_noted``: in a worker process under
        ``matchday serve``), and a tie still at the version of its quick view is completed
        from it, not built again."""
        if isinstance(self.chances, Forecaster):
            self.chances.forecast_noted()
        kept = self.folded.kept(tie_ids)
        for tie_id in tie_ids:
            found = self._unforecast.pop(tie_id, None)
            if found is None or tie_id not in kept or kept[tie_id][0] != found[0]:
                continue
            version, minutes, parts = found
            self._shown[tie_id] = Shown(
                version, minutes, parts.forecast(self.chances), shown_in=parts.shown_in
            )
        return self.shown(tie_ids)

    def round_ups(self, date: dt.date, lang: str) -> list[tuple[Season, Report]]:
        """The round-up of the night of ``date`` of each competition that played then, in
        ``lang``; a competition whose matches of that night are all still to be played has
        none (it never spoils the others'). ``NotFoundError`` when no competition has one."""
        with self.database.read() as session:
            seasons = [season_as_played(session, i) for i in seasons_on_date(session, date)]
        written = []
        for played in seasons:
            season = played.season
            if any(m.date == date and m.played for r in season.rounds for m in r.matches):
                rules = played.rules_on(date)  # the round's own rules, as `matchday report`
                found = report(season, date=date, lang=lang, rules=rules, forecast=self.forecasting)
                written.append((season, found))
        if not written:
            raise NotFoundError(f"no knockout matches played on {date}")
        return written

    def upload(
        self,
        text: str,
        file: str,
        round_name: str | None,
        rules_name: str | None,
        competition: str | None = None,
    ) -> StoredSeason:
        """Parse a Football.TXT upload and store the season, or only the round named, each
        round under its competition's rules (``matchday.service.upload``: block by block, a
        large one in a worker process). The season's ties kept in memory are read again: a
        later round shows who went on after a walkover, a replay round adds to its tie. Each
        tie it adds or changes is announced to the streams (``matchday.store.journal``)."""
        stored = self.uploads.store(text, file, round_name, rules_name, competition)
        self.bus.catch_up()
        with self.database.read() as session:
            tie_ids = tie_ids_of_season(session, stored.id)
        self.folded.drop(tie_ids)
        for tie_id in tie_ids:
            self._shown.pop(tie_id, None)
        return stored

    def store_season(
        self,
        season: Season,
        rules: Rules,
        rounds: tuple[Round, ...] | None = None,
        rules_of: RulesOf | None = None,
    ) -> StoredSeason:
        """Store a season (or some of its rounds) to be decided under ``rules`` (``rules_of``
        a round's, where given: ``SeasonRules.rules``, the registry's round by round), and
        announce the ties it adds or changes, as ``upload`` does."""
        turn = self.uploads.turn
        stored = store_staged(self.database, season, rules, rounds, rules_of, turn, self.bus.stage)
        self.bus.catch_up()
        return stored

    def warm_up(self) -> None:
        """Get the forecaster ready before the first request (``Forecaster.warm_up``)."""
        if isinstance(self.chances, Forecaster):
            self.chances.warm_up()

    def recover(self) -> int:
        """Delete what uploads cut short by a crash left hidden; how many rounds that was."""
        with self.database.write() as session:
            return abandon_rounds(session)

    def write(self, write: Write) -> Written:
        """Store a post, correction or deletion through the writer; its ``Written`` once
        committed."""
        return self.writer.submit(write).result()

    async def write_async(self, write: Write) -> Written:
        """``write`` for the event loop: waits without holding a thread."""
        return await asyncio.wrap_future(self.writer.submit(write))

    def post_event(self, match_id: int, key: str, event: MatchEvent) -> Written:
        """Post an event under the client's idempotency key."""
        return self.write(Post(match_id, key, event))

    def correct_event(self, event_id: int, event: MatchEvent) -> Written:
        """Correct what an event records."""
        return self.write(Correction(event_id, event))

    def delete_event(self, event_id: int) -> Written:
        """Delete an event."""
        return self.write(Deletion(event_id))
