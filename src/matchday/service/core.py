"""The service's one object: the database, the bus, and the write path every writer uses.

The API's write endpoints and the replay both call ``Service.post_event`` and friends, so a
replayed goal takes exactly the path a goal posted by a desk takes: one transaction that checks
the tie, stores the event and journals the change, then the announcement to every stream.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from matchday.feed import MatchEvent
from matchday.io.footballjson import parse_season
from matchday.io.footballtxt import parse
from matchday.model import Round, Season
from matchday.rules import Rules, preset, rules_for_season
from matchday.select import find_round
from matchday.service.bus import Bus, make_bus
from matchday.service.views import Chances, Clock, no_chances, tie_view
from matchday.store.database import DEFAULT_URL, Database
from matchday.store.events import Written, correct_event, delete_event, post_event
from matchday.store.seasons import StoredSeason, save_season
from matchday.store.ties import load_ties, tie_versions

__all__ = ["VIEW_SECONDS", "Service", "Settings"]

VIEW_SECONDS = 1.0
"""How long a tie's JSON is reused when nothing has changed in it."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How the service runs: its database, the bearer token of the write API, how fast match
    time runs (60 in a replay at ``--speed 60``), and the night the page opens on."""

    database_url: str = DEFAULT_URL
    token: str = ""
    clock_speed: float = 1.0
    night: dt.date | None = None


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
        self.chances = chances
        self._now = now
        self._views: dict[int, tuple[int, float, dict[str, Any]]] = {}
        self.bus: Bus = make_bus(self.database, self.views)

    @property
    def forecasting(self) -> bool:
        """True when the service has a forecaster: its round-ups then say how close each tie
        came, as ``matchday report`` does."""
        return self.chances is not no_chances

    def clock(self) -> Clock:
        """The wall clock and the speed of match time."""
        return Clock(self._now(), self.settings.clock_speed)

    def views(self, tie_ids: list[int]) -> dict[int, dict[str, Any]]:
        """The JSON of these ties, by id.

        A tie's JSON is reused while no change has touched the tie and it is less than
        ``VIEW_SECONDS`` old (the minute and the forecast move with the clock): readers polling
        a tie then cost one small query instead of a rebuild.
        """
        now = time.monotonic()
        with self.database.read() as session:
            versions = tie_versions(session, tie_ids)
            fresh = {}
            for tie_id in tie_ids:
                cached = self._views.get(tie_id)
                if (
                    cached
                    and cached[0] == versions.get(tie_id, 0)
                    and now - cached[1] < VIEW_SECONDS
                ):
                    fresh[tie_id] = cached[2]
            stored = load_ties(session, [i for i in tie_ids if i not in fresh])
        clock = self.clock()
        for tie in stored:
            fresh[tie.id] = tie_view(tie, clock, self.chances)
            self._views[tie.id] = (versions.get(tie.id, 0), now, fresh[tie.id])
        return fresh

    def upload(
        self, text: str, file: str, round_name: str | None, rules_name: str | None
    ) -> StoredSeason:
        """Parse a Football.TXT (or, named ``.json``, a football.json) upload and store the
        season, or only the round named."""
        season = parse_season(text, file) if file.endswith(".json") else parse(text, file)
        rules = preset(rules_name) if rules_name else rules_for_season(season.start_year)
        rounds = (find_round(season, round_name),) if round_name else None
        return self.store_season(season, rules, rounds)

    def store_season(
        self, season: Season, rules: Rules, rounds: tuple[Round, ...] | None = None
    ) -> StoredSeason:
        """Store a season (or some of its rounds) to be decided under ``rules``."""
        with self.database.write() as session:
            return save_season(session, season, rules, rounds)

    def _announced(self, write: Callable[[Any], Written]) -> Written:
        with self.database.write() as session:
            written = write(session)
            if written.change is not None:
                self.bus.stage(session, written.change)
        if written.change is not None:
            self.bus.committed(written.change)
        return written

    def post_event(self, match_id: int, key: str, event: MatchEvent) -> Written:
        """Post an event under the client's idempotency key."""
        return self._announced(lambda session: post_event(session, match_id, key, event))

    def correct_event(self, event_id: int, event: MatchEvent) -> Written:
        """Correct what an event records."""
        return self._announced(lambda session: correct_event(session, event_id, event))

    def delete_event(self, event_id: int) -> Written:
        """Delete an event."""
        return self._announced(lambda session: delete_event(session, event_id))
