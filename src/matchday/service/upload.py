"""Storing an uploaded season: parsed, checked and stored block by block, off the write path.

The rounds of an upload are created hidden, their ties and matches stored a block at a time
(each block its own short transaction, so event writes go on between them) and shown to every
reader at once at the end; an upload cut short leaves nothing visible behind. An upload larger
than ``OWN_PROCESS_CHARS`` is parsed and stored by a worker process with its own connection,
so its seconds of parsing never hold this process's interpreter while goals are being posted.

With SQLite, the upload's blocks and the event writer's batches also take turns on one lock
shared by the service process and the upload's worker (``turn``): a goal posted during an
upload waits for the block being stored (tens of milliseconds) and is then committed at once,
instead of polling for SQLite's lock while the worker stores block after block.

The transaction that shows the upload's rounds also journals a change for each tie they add or
change (``matchday.store.journal``), announced to the streams as an event write's is: with
PostgreSQL a ``NOTIFY`` in that transaction (``stage``; the worker process sends it too), with
SQLite the service hands them to its hub once the upload is stored (``Bus.catch_up``).
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import matchday.competitions as competitions
from matchday.errors import ConflictError, MatchdayError, SourceError
from matchday.io.footballjson import parse_season
from matchday.io.footballtxt import parse
from matchday.model import Round, Season
from matchday.rules import Rules, preset
from matchday.select import find_round
from matchday.service.bus import notify
from matchday.service.checkpoint import no_checkpoint_on_commit
from matchday.service.collector import no_full_collections
from matchday.service.orphans import exit_with_parent
from matchday.store.database import Database
from matchday.store.events import Change
from matchday.store.journal import season_ties, show_season
from matchday.store.seasons import (
    RulesOf,
    StoredSeason,
    abandon_rounds,
    begin_season,
    save_block,
)

__all__ = ["OWN_PROCESS_CHARS", "Stage", "Uploads", "no_stage", "store_staged", "store_text"]

OWN_PROCESS_CHARS = 1_000_000
"""Uploads longer than this are parsed and stored by a worker process."""


BLOCK_PAUSE = 0.005
"""Seconds between two blocks of an upload, so that the event writer waiting for its turn gets
it (the lock is not fair) before the next block."""

BLOCK_TIES = 40
"""Ties (with their legs) stored per transaction by an upload in the service: a goal posted
meanwhile waits for at most one such block (tens of milliseconds) before its own commit."""


def _smaller(block: Any) -> list[Any]:
    """A staged block cut into blocks of ``BLOCK_TIES`` ties (or matches outside ties)."""
    if not block.ties:
        return [
            replace(block, matches=block.matches[start : start + BLOCK_TIES])
            for start in range(0, len(block.matches), BLOCK_TIES)
        ] or [block]
    parts = []
    for start in range(0, len(block.ties), BLOCK_TIES):
        ties = block.ties[start : start + BLOCK_TIES]
        legs = {id(leg) for _, tie in ties for leg in tie.legs}
        matches = tuple(item for item in block.matches if id(item[1]) in legs)
        parts.append(replace(block, ties=ties, matches=matches))
    return parts


Turn = AbstractContextManager[Any]
"""Held around each transaction of an upload and each batch of the event writer."""

NO_TURN: Turn = nullcontext()
"""No turns to take: the caller is the database's only writer."""

Stage = Callable[[Session, Change], None]
"""Called with each change an upload journals, inside the transaction that journals it
(``Bus.stage``)."""


def no_stage(_: Session, __: Change) -> None:
    """Nothing to do in the transaction: the changes are announced after it (SQLite)."""


def store_staged(
    database: Database,
    season: Season,
    rules: Rules,
    rounds: tuple[Round, ...] | None = None,
    rules_of: RulesOf | None = None,
    turn: Turn = NO_TURN,
    stage: Stage = no_stage,
) -> StoredSeason:
    """Store a season (or some of its rounds) to be decided under ``rules`` (``rules_of`` a
    round's, where given; see the module doc), each block's transaction and the last one in
    ``turn``; ``stage`` is given each change the last one journals."""
    try:  # checked and cut into blocks before its few writes: not worth a turn
        with database.write() as session:
            staged = begin_season(session, season, rules, rounds, rules_of)
    except IntegrityError as err:  # another upload of the same round at the same moment
        raise ConflictError(
            f"{season.competition} {season.name} is being stored by another upload"
        ) from err
    try:
        with database.read() as session:  # what its changes are told by: read outside a turn
            before = season_ties(session, staged.season.id)
        blocks = [part for block in staged.blocks for part in _smaller(block)]
        for number, block in enumerate(blocks):
            if number:
                time.sleep(BLOCK_PAUSE)  # let the event writer waiting for the lock have it
            with turn, database.write() as session:
                save_block(session, block)
        with turn, database.write() as session:
            stored, changes = show_season(session, staged, before)
            for change in changes:
                stage(session, change)
            return stored
    except BaseException:
        with turn, database.write() as session:
            abandon_rounds(session, staged.round_ids)
        raise


def store_text(
    database: Database,
    text: str,
    file: str,
    round_name: str | None,
    rules_name: str | None,
    competition: str | None = None,
    turn: Turn = NO_TURN,
    stage: Stage = no_stage,
) -> StoredSeason:
    """Parse a Football.TXT (or football.json) upload and store the season, or only the round
    named (``store_season``)."""
    return store_season(
        database, read_upload(text, file), round_name, rules_name, competition, turn, stage
    )


def read_upload(text: str, file: str) -> Season:
    """The season of an upload: football.json when ``file`` ends in ``.json``, else
    Football.TXT."""
    try:
        return parse_season(text, file) if file.endswith(".json") else parse(text, file)
    except ValueError as err:  # a number the parser cannot hold (5,000 digits)
        raise SourceError(f"{file}: cannot be read: {str(err)[:200]}") from err


def store_season(
    database: Database,
    season: Season,
    round_name: str | None,
    rules_name: str | None,
    competition: str | None = None,
    turn: Turn = NO_TURN,
    stage: Stage = no_stage,
) -> StoredSeason:
    """Store an uploaded season, or only the round named.

    Each round is stored with the rules the registry gives it, exactly as ``matchday ties``
    settles it: the competition named ``competition``, else the one the title names (UEFA's
    club competitions where it names none); a ``rules_name`` overrides every round. The
    season keeps the rules of the competition's ties in that year as its own.
    """
    override = preset(rules_name) if rules_name else None
    known = competitions.of_season(season, competition, override)
    rules = known.ties_rules
    rounds = (find_round(season, round_name),) if round_name else None
    known.decide(rounds)  # a tie that breaks its rules is refused with its line, not stored
    return store_staged(database, season, rules, rounds, known.rules, turn, stage)


_turn: Turn = NO_TURN
"""The worker process's end of the service's ``turn``."""


def _start_worker(turn: Turn) -> None:
    global _turn
    _turn = turn
    exit_with_parent()


def _in_worker(
    url: str,
    text: str,
    file: str,
    round_name: str | None,
    rules_name: str | None,
    competition: str | None = None,
) -> tuple[str, Any, Any, Any]:
    """``store_text`` in a worker process; an error comes back as its class and state (the
    errors' own constructors take more than their message, so they do not pickle)."""
    database = Database(url)
    no_checkpoint_on_commit(database)  # the service's checkpointer does it, off the write path
    try:
        with no_full_collections():
            season = read_upload(text, file)
            stage = notify if database.postgres else no_stage  # as the service's bus does
            stored = store_season(
                database, season, round_name, rules_name, competition, _turn, stage
            )
            del season  # freed now, by reference counting, not walked by the next full pass
        return ("stored", stored, None, None)
    except MatchdayError as err:
        return ("error", type(err), err.args, dict(vars(err)))
    finally:
        database.dispose()


def _error(kind: type[MatchdayError], args: tuple[Any, ...], state: dict[str, Any]) -> Exception:
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    vars(error).update(state)
    return error


class Uploads:
    """Stores uploads: in the calling thread, or in a worker process when large."""

    def __init__(self, database: Database, turn: Turn = NO_TURN, stage: Stage = no_stage) -> None:
        self._database = database
        self._turn = turn
        self._stage = stage
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def turn(self) -> Turn:
        """The lock uploads and the event writer take turns on."""
        return self._turn

    def store(
        self,
        text: str,
        file: str,
        round_name: str | None,
        rules_name: str | None,
        competition: str | None = None,
    ) -> StoredSeason:
        """Parse and store an upload (of ``competition``, if named); the rounds it added."""
        if len(text) <= OWN_PROCESS_CHARS:
            return store_text(
                self._database,
                text,
                file,
                round_name,
                rules_name,
                competition,
                self._turn,
                self._stage,
            )
        url = self._database.url.render_as_string(hide_password=False)
        job = (url, text, file, round_name, rules_name, competition)
        outcome, value, args, state = self._worker().submit(_in_worker, *job).result()
        if outcome == "error":
            raise _error(value, args, state)
        stored: StoredSeason = value
        return stored

    def _worker(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=context,
                    initializer=_start_worker,
                    initargs=(self._turn,),
                )
            return self._pool

    def close(self) -> None:
        """End the worker process, if one was started, without waiting for an upload it is
        storing: what that upload stored stays hidden and goes at the next start."""
        with self._lock:
            if self._pool is not None:
                processes = list(getattr(self._pool, "_processes", {}).values())
                self._pool.shutdown(wait=False, cancel_futures=True)
                for process in processes:
                    process.terminate()
                self._pool = None
