"""The write path for match events: post (idempotent by key), correct, delete.

``write_batch`` stores a batch of writes in one transaction: it locks their ties (in id order,
so two processes never deadlock), checks each write against the folded state of its tie kept
in memory (``FoldedTies``: a post applies its one event; a correction or deletion refolds its
leg, so the rules check the whole tie, not only the new event), and stores the events and a
row per change in the journal with one insert each, the journal last and in its turn
(``journal_turn``: change ids commit in the order they are taken); a write to a replay that
is shown in another tie (``StoredTie.shown_in``, or a replay listed beside its tie) journals a
second change, of that tie, so every process and stream hears of it as that tie. A write the
rules refuse
fails alone; the others of the batch are stored. A retried post with the same key and the same
content returns the event already stored; the same key with other content is a
``ConflictError``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from matchday.errors import ConflictError, MatchdayError, MatchEventError, NotFoundError
from matchday.feed import MatchEvent
from matchday.rules import named_rules
from matchday.store.database import journal_turn
from matchday.store.folded import FoldedTies, extend, refold
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
    StoredLeg,
    StoredTie,
    event_from_row,
    fold_legs,
    load_teams,
    replay_shown_in,
    stored_event,
    visible_matches,
)

__all__ = [
    "Action",
    "Batch",
    "Change",
    "Correction",
    "Deletion",
    "Post",
    "Write",
    "Written",
    "changes_after",
    "correct_event",
    "delete_event",
    "post_event",
    "write_batch",
]


class Action(StrEnum):
    """What a write did: to an event, or to a tie by an upload."""

    CREATED = "created"
    CORRECTED = "corrected"
    DELETED = "deleted"
    UPLOADED = "uploaded"
    """A tie an upload added, or changed (a later round showing who went on, a replay added):
    no match or event of its own (``matchday.store.journal``)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One journalled write: announced to every stream as the id of a Server-Sent Event.
    ``match_id`` and ``event_id`` are ``None`` for an upload's change."""

    id: int
    match_id: int | None
    tie_id: int | None
    event_id: int | None
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


@dataclass(frozen=True, slots=True)
class Post:
    """Post ``event`` to a match under the client's idempotency ``key``."""

    match_id: int
    key: str
    event: MatchEvent


@dataclass(frozen=True, slots=True)
class Correction:
    """Replace what an event records (its kind stays)."""

    event_id: int
    event: MatchEvent


@dataclass(frozen=True, slots=True)
class Deletion:
    """Remove an event from its match (the row stays, marked deleted)."""

    event_id: int


Write = Post | Correction | Deletion


@dataclass(slots=True)
class Batch:
    """What ``write_batch`` did: per write, in order, the ``Written`` or the error that refused
    it; the ties as folded with the batch's changes, to keep once the transaction commits; and
    the changes journalled for the ties that show a replay written to as a match of its own."""

    results: list[Written | MatchdayError] = field(default_factory=list)
    ties: dict[int, tuple[int, StoredTie]] = field(default_factory=dict)
    shown: list[Change] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        """The changes made, in journal order."""
        written = [r.change for r in self.results if isinstance(r, Written) and r.change]
        return sorted([*written, *self.shown], key=lambda change: change.id)


_EVENT_COLUMNS = tuple(column.key for column in EventRow.__table__.columns if column.key != "id")


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


def _lone_check(
    session: Session, match: MatchRow, change: tuple[int | None, MatchEvent | None]
) -> None:
    """Refold a match that belongs to no tie with one event added (id ``None``), replaced or
    removed (event ``None``); raise the rules' error if anything no longer fits."""
    found = session.execute(
        select(RoundRow.rules, SeasonRow.rules)
        .join(SeasonRow, RoundRow.season_id == SeasonRow.id)
        .where(RoundRow.id == match.round_id)
    ).one()
    rules_name = found[0] or found[1]
    event_id, replacement = change
    events: list[MatchEvent] = []
    stored = session.scalars(
        select(EventRow)
        .where(EventRow.match_id == match.id, EventRow.deleted.is_(False))
        .order_by(EventRow.id)
    )
    for row in stored:
        if row.id != event_id:
            events.append(event_from_row(row))
        elif replacement is not None:
            events.append(replacement)
    if event_id is None and replacement is not None:
        events.append(replacement)
    fold_legs([match], load_teams(session, [match]), named_rules(rules_name), 1, {match.id: events})


@dataclass(frozen=True, slots=True)
class _Retry:
    """A post retried within its own batch: the row the first one is inserting."""

    row: EventRow


_Outcome = EventRow | Written | _Retry | MatchdayError


class _Batch:
    """One batch being written: the session, the ties as the batch has changed them so far,
    and the rows to insert."""

    def __init__(self, session: Session, folded: FoldedTies, writes: Sequence[Write]) -> None:
        self.session = session
        self.writes = writes
        self.rows = self._event_rows(writes)
        matches = self._matches(writes)
        self.matches = matches
        tie_ids = sorted({m.tie_id for m in matches.values() if m.tie_id is not None})
        if tie_ids:  # locked in id order: two batches never wait on each other in a cycle
            session.execute(
                select(TieRow.id)
                .where(TieRow.id.in_(tie_ids))
                .order_by(TieRow.id)
                .with_for_update()
            )
        lone = sorted(m.id for m in matches.values() if m.tie_id is None)
        if lone:
            session.execute(
                select(MatchRow.id)
                .where(MatchRow.id.in_(lone))
                .order_by(MatchRow.id)
                .with_for_update()
            )
        self.ties = {i: kept[1] for i, kept in folded.current(session, tie_ids).items()}
        self.keys = self._keys(writes)
        self.created: list[tuple[EventRow, MatchRow, Action]] = []
        self.inserts: list[EventRow] = []
        """New events of ties: inserted together at the end (an ORM flush per row costs more
        than the rest of a post)."""

    def _event_rows(self, writes: Sequence[Write]) -> dict[int, EventRow]:
        ids = sorted({w.event_id for w in writes if not isinstance(w, Post)})
        if not ids:
            return {}
        rows = self.session.scalars(select(EventRow).where(EventRow.id.in_(ids)))
        return {row.id: row for row in rows}

    def _matches(self, writes: Sequence[Write]) -> dict[int, MatchRow]:
        ids = {w.match_id for w in writes if isinstance(w, Post)}
        ids |= {row.match_id for row in self.rows.values()}
        return visible_matches(self.session, ids) if ids else {}

    def _keys(self, writes: Sequence[Write]) -> dict[tuple[int, str], EventRow]:
        posts = [w for w in writes if isinstance(w, Post)]
        if not posts:
            return {}
        rows = self.session.scalars(
            select(EventRow).where(
                EventRow.match_id.in_({p.match_id for p in posts}),
                EventRow.key.in_({p.key for p in posts}),
            )
        )
        return {(row.match_id, row.key): row for row in rows}

    def match(self, match_id: int) -> MatchRow:
        found = self.matches.get(match_id)
        if found is None:
            raise NotFoundError(f"no match with id {match_id}")
        return found

    def event_row(self, event_id: int) -> EventRow:
        found = self.rows.get(event_id)
        if found is None:
            raise NotFoundError(f"no event with id {event_id}")
        return found

    def post(self, write: Post) -> EventRow | Written | _Retry:
        match = self.match(write.match_id)
        digest = request_digest(write.event)
        existing = self.keys.get((write.match_id, write.key))
        if existing is not None:
            if existing.request != digest:
                raise ConflictError(
                    f"idempotency key {write.key!r} was used for another event (id {existing.id}) "
                    f"of match {write.match_id}"
                )
            if existing.id is None:
                return _Retry(existing)
            return Written(stored_event(existing), None)
        now = _now()
        row = EventRow(
            match_id=write.match_id, key=write.key, request=digest, posted_at=now, updated_at=now
        )
        _fill(row, write.event)
        row.revision, row.deleted = 0, False
        if match.tie_id is None:  # refolded from the database: the session must hold it
            _lone_check(self.session, match, (None, write.event))
            self.session.add(row)
        else:  # checked now; the event gets its id when the batch is inserted
            tie = self.ties[match.tie_id]
            place = -1 - len(self.created)
            unsaved = StoredEvent(place, row.match_id, write.event, 0, False, now, now)
            self.ties[match.tie_id] = extend(tie, unsaved)
            self.inserts.append(row)
        self.keys[(write.match_id, write.key)] = row
        self.created.append((row, match, Action.CREATED))
        return row

    def change(self, write: Correction | Deletion) -> EventRow | Written:
        row = self.event_row(write.event_id)
        match = self.match(row.match_id)
        current = event_from_row(row)
        if isinstance(write, Deletion):
            if row.deleted:
                return Written(stored_event(row), None)
            replacement, action = None, Action.DELETED
        else:
            if row.deleted:
                raise ConflictError(f"event {row.id} was deleted; post a new event instead")
            if write.event.kind is not current.kind:
                raise MatchEventError(
                    f"event {row.id}",
                    f"a {current.kind.value} cannot become a {write.event.kind.value}; "
                    "delete it and post anew",
                )
            if write.event == current:
                return Written(stored_event(row), None)
            replacement, action = write.event, Action.CORRECTED
        if match.tie_id is None:
            _lone_check(self.session, match, (row.id, replacement))
        else:
            tie = self.ties[match.tie_id]
            leg = next(leg for leg in tie.legs if leg.match_id == match.id)
            events = [
                e if e.id != row.id else _replaced(e, replacement)
                for e in leg.events
                if e.id != row.id or replacement is not None
            ]
            self.ties[match.tie_id] = refold(tie, match.id, events)
        if replacement is None:
            row.deleted = True
        else:
            _fill(row, replacement)
        row.revision += 1
        row.updated_at = _now()
        self.created.append((row, match, action))
        return row

    def _shown_in(self, match: MatchRow) -> int | None:
        """The tie a match is shown in as its replay, when it is a replay written to as a
        match of its own (of a replay round's tie, or of no tie)."""
        if match.tie_id is not None:
            return self.ties[match.tie_id].shown_in
        return replay_shown_in(self.session, match.id)

    def finish(self, outcomes: list[_Outcome]) -> Batch:
        """Insert the new events and the journal, and give each write its result."""
        self.session.flush()  # corrections, deletions and events of matches outside ties
        if self.inserts:
            new_ids = self.session.scalars(
                insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True),
                [{name: getattr(row, name) for name in _EVENT_COLUMNS} for row in self.inserts],
            ).all()
            for row, new_id in zip(self.inserts, new_ids, strict=True):
                row.id = new_id
        # a replay written to as a match of its own: a change of the tie it is shown in too
        shown = [(row, match, a, self._shown_in(match)) for row, match, a in self.created]
        shown = [(row, match, a, tie_id) for row, match, a, tie_id in shown if tie_id is not None]
        journal_turn(self.session)  # ids commit in the order they are taken
        at = _now()
        journal = [
            {"match_id": match.id, "tie_id": tie_id, "event_id": row.id, "action": a.value}
            for row, match, a, tie_id in [
                *((row, match, a, match.tie_id) for row, match, a in self.created),
                *shown,
            ]
        ]
        entries = (
            self.session.scalars(
                insert(ChangeRow).returning(ChangeRow.id, sort_by_parameter_order=True),
                [{**entry, "at": at} for entry in journal],
            ).all()
            if journal
            else []
        )
        own, also = entries[: len(self.created)], entries[len(self.created) :]
        changes = {
            id(row): Change(entry, match.id, match.tie_id, row.id, action)
            for (row, match, action), entry in zip(self.created, own, strict=True)
        }
        batch = Batch()
        batch.shown = [
            Change(entry, match.id, tie_id, row.id, action)
            for (row, match, action, tie_id), entry in zip(shown, also, strict=True)
        ]
        for outcome in outcomes:
            if isinstance(outcome, EventRow):
                outcome = Written(stored_event(outcome), changes[id(outcome)])
            elif isinstance(outcome, _Retry):
                outcome = Written(stored_event(outcome.row), None)
            batch.results.append(outcome)
        versions: dict[int, int] = {}
        for change in changes.values():
            if change.tie_id is not None:
                versions[change.tie_id] = max(change.id, versions.get(change.tie_id, 0))
        for tie_id, version in versions.items():
            batch.ties[tie_id] = (version, _with_ids(self.ties[tie_id], self.created))
        return batch


def _replaced(stored: StoredEvent, event: MatchEvent | None) -> StoredEvent:
    """A kept event with new content (its row gives the final revision and time)."""
    assert event is not None
    return StoredEvent(
        stored.id, stored.match_id, event, stored.revision + 1, False, stored.posted_at, _now()
    )


def _with_ids(tie: StoredTie, created: list[tuple[EventRow, MatchRow, Action]]) -> StoredTie:
    """The tie with its new events given their ids (a new event is kept under ``-1 - n``
    until then, ``n`` its place in ``created``) and changed events as stored."""
    rows = {row.id: row for row, _, _ in created}
    legs = []
    for leg in tie.legs:
        events = tuple(
            stored_event(created[-1 - e.id][0])
            if e.id < 0
            else stored_event(rows[e.id])
            if e.id in rows
            else e
            for e in leg.events
        )
        legs.append(StoredLeg(leg.match_id, leg.state, events))
    return replace(tie, legs=tuple(legs))


def write_batch(session: Session, folded: FoldedTies, writes: Sequence[Write]) -> Batch:
    """Check and store ``writes`` in the transaction of ``session`` (see the module doc).

    ``folded`` only learns what the database already holds (a tie folded afresh); the ties as
    the batch changed them are in ``Batch.ties``, to keep once the transaction has committed.
    """
    batch = _Batch(session, folded, writes)
    outcomes: list[_Outcome] = []
    for write in writes:
        try:
            outcomes.append(batch.post(write) if isinstance(write, Post) else batch.change(write))
        except MatchdayError as err:
            outcomes.append(err)
    try:
        return batch.finish(outcomes)
    except IntegrityError as err:  # a concurrent post with the same key won the race
        raise ConflictError("an idempotency key of this batch is being used concurrently") from err


def changes_after(session: Session, change_id: int) -> list[Change]:
    """The journalled changes after the change ``change_id``, oldest first: those a process
    has not heard of yet (``matchday.service.bus``)."""
    rows = session.scalars(select(ChangeRow).where(ChangeRow.id > change_id).order_by(ChangeRow.id))
    return [Change(r.id, r.match_id, r.tie_id, r.event_id, Action(r.action)) for r in rows]


def _one(session: Session, write: Write) -> Written:
    (result,) = write_batch(session, FoldedTies(), [write]).results
    if isinstance(result, MatchdayError):
        raise result
    return result


def post_event(session: Session, match_id: int, key: str, event: MatchEvent) -> Written:
    """Store ``event`` for the match unless the key was used already (see the module doc)."""
    return _one(session, Post(match_id, key, event))


def correct_event(session: Session, event_id: int, event: MatchEvent) -> Written:
    """Replace what an event records (its kind stays); a correction equal to the event as it
    stands changes nothing, so retrying one is harmless."""
    return _one(session, Correction(event_id, event))


def delete_event(session: Session, event_id: int) -> Written:
    """Remove an event from its match (the row stays, marked deleted); deleting it again
    changes nothing."""
    return _one(session, Deletion(event_id))
