"""The write path for match events: post (idempotent by key), correct, delete.

Each write locks the tie, refolds every leg with the change applied (so the rules check the
whole tie, not only the new event), stores the event and a row in the change journal, all in
one transaction. A retried post with the same key and the same content returns the event
already stored; the same key with other content is a ``ConflictError``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from matchday.errors import ConflictError, MatchEventError, NotFoundError
from matchday.feed import MatchEvent
from matchday.rules import preset
from matchday.store.tables import (
    ChangeRow,
    EventRow,
    MatchRow,
    RoundRow,
    SeasonRow,
    TieRow,
)
from matchday.store.ties import (
    StoredEvent,
    event_from_row,
    fold_legs,
    load_teams,
    stored_event,
)

__all__ = ["Action", "Change", "Written", "correct_event", "delete_event", "post_event"]


class Action(StrEnum):
    """What a write did to an event."""

    CREATED = "created"
    CORRECTED = "corrected"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Change:
    """One journalled write: announced to every stream as the id of a Server-Sent Event."""

    id: int
    match_id: int
    tie_id: int | None
    event_id: int
    action: Action


@dataclass(frozen=True, slots=True)
class Written:
    """The event after a write, and the change it made (``None`` when a retry changed nothing)."""

    event: StoredEvent
    change: Change | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def request_digest(event: MatchEvent) -> str:
    """A digest of an event's content: equal for a retried post, different for another event."""
    fields = asdict(event)
    fields["shootout"] = (
        None if event.shootout is None else [event.shootout.home, event.shootout.away]
    )
    text = json.dumps(fields, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _fill(row: EventRow, event: MatchEvent) -> None:
    row.kind = event.kind.value
    row.minute = event.minute
    row.added = event.added
    row.side = event.side.value if event.side else None
    row.player = event.player
    row.own_goal = event.own_goal
    row.penalty = event.penalty
    row.second_yellow = event.second_yellow
    row.shootout_home = event.shootout.home if event.shootout else None
    row.shootout_away = event.shootout.away if event.shootout else None


def _lock_match(session: Session, match_id: int) -> MatchRow:
    """The match, with its tie locked for this transaction (PostgreSQL; SQLite is serialised)."""
    match = session.get(MatchRow, match_id)
    if match is None:
        raise NotFoundError(f"no match with id {match_id}")
    if match.tie_id is not None:
        session.execute(select(TieRow.id).where(TieRow.id == match.tie_id).with_for_update())
    else:
        session.execute(select(MatchRow.id).where(MatchRow.id == match_id).with_for_update())
    return match


def _check(session: Session, match: MatchRow, change: tuple[int | None, MatchEvent | None]) -> None:
    """Refold the tie (or the lone match) with one event added (id ``None``), replaced or
    removed (event ``None``); raise the rules' error if anything no longer fits."""
    rows = (
        list(
            session.scalars(
                select(MatchRow).where(MatchRow.tie_id == match.tie_id).order_by(MatchRow.leg)
            )
        )
        if match.tie_id is not None
        else [match]
    )
    legs_planned = 1
    if match.tie_id is not None:
        tie = session.get(TieRow, match.tie_id)
        assert tie is not None
        legs_planned = tie.legs_planned
    rules_name = session.scalar(
        select(SeasonRow.rules)
        .join(RoundRow, RoundRow.season_id == SeasonRow.id)
        .where(RoundRow.id == match.round_id)
    )
    assert rules_name is not None
    teams = load_teams(session, rows)
    event_id, replacement = change
    events: dict[int, list[MatchEvent]] = {row.id: [] for row in rows}
    stored = session.scalars(
        select(EventRow)
        .where(EventRow.match_id.in_(list(events)), EventRow.deleted.is_(False))
        .order_by(EventRow.id)
    )
    for row in stored:
        if row.id != event_id:
            events[row.match_id].append(event_from_row(row))
        elif replacement is not None:
            events[row.match_id].append(replacement)
    if event_id is None and replacement is not None:
        events[match.id].append(replacement)
    fold_legs(rows, teams, preset(rules_name), legs_planned, events)


def _journal(session: Session, row: EventRow, match: MatchRow, action: Action) -> Change:
    change = ChangeRow(
        match_id=match.id, tie_id=match.tie_id, event_id=row.id, action=action.value, at=_now()
    )
    session.add(change)
    session.flush()
    return Change(change.id, match.id, match.tie_id, row.id, action)


def post_event(session: Session, match_id: int, key: str, event: MatchEvent) -> Written:
    """Store ``event`` for the match unless the key was used already (see the module doc)."""
    match = _lock_match(session, match_id)
    digest = request_digest(event)
    existing = session.scalar(
        select(EventRow).where(EventRow.match_id == match_id, EventRow.key == key)
    )
    if existing is not None:
        if existing.request != digest:
            raise ConflictError(
                f"idempotency key {key!r} was used for another event (id {existing.id}) "
                f"of match {match_id}"
            )
        return Written(stored_event(existing), None)
    _check(session, match, (None, event))
    now = _now()
    row = EventRow(match_id=match_id, key=key, request=digest, posted_at=now, updated_at=now)
    _fill(row, event)
    session.add(row)
    try:
        session.flush()
    except IntegrityError as err:  # a concurrent post with the same key won the race
        raise ConflictError(f"idempotency key {key!r} is being used concurrently") from err
    return Written(stored_event(row), _journal(session, row, match, Action.CREATED))


def _event_for_update(session: Session, event_id: int) -> tuple[EventRow, MatchRow]:
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError(f"no event with id {event_id}")
    match = _lock_match(session, row.match_id)
    session.refresh(row)
    return row, match


def correct_event(session: Session, event_id: int, event: MatchEvent) -> Written:
    """Replace what an event records (its kind stays); a correction equal to the event as it
    stands changes nothing, so retrying one is harmless."""
    row, match = _event_for_update(session, event_id)
    if row.deleted:
        raise ConflictError(f"event {event_id} was deleted; post a new event instead")
    current = event_from_row(row)
    if event.kind is not current.kind:
        raise MatchEventError(
            f"event {event_id}",
            f"a {current.kind.value} cannot become a {event.kind.value}; delete it and post anew",
        )
    if event == current:
        return Written(stored_event(row), None)
    _check(session, match, (row.id, event))
    _fill(row, event)
    row.revision += 1
    row.updated_at = _now()
    session.flush()
    return Written(stored_event(row), _journal(session, row, match, Action.CORRECTED))


def delete_event(session: Session, event_id: int) -> Written:
    """Remove an event from its match (the row stays, marked deleted); deleting it again
    changes nothing."""
    row, match = _event_for_update(session, event_id)
    if row.deleted:
        return Written(stored_event(row), None)
    _check(session, match, (row.id, None))
    row.deleted = True
    row.revision += 1
    row.updated_at = _now()
    session.flush()
    return Written(stored_event(row), _journal(session, row, match, Action.DELETED))
