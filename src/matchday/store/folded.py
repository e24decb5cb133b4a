"""Folded ties kept in memory: the state each write is checked against, and each read shows.

A tie is folded from the database once (when first read or written) and then kept, with the id
of the newest change folded into it (its version). A write folds its one new event into the kept
state (``extend``) instead of reloading and refolding the whole tie, and stores the result when
its transaction has committed. With several processes on one PostgreSQL database, a write first
compares the kept version with the database's (one indexed query for all ties of a batch) and
refolds only the ties another process changed; reads drop a kept tie when a change made
elsewhere is announced (``forget``).

The state is a ``StoredTie`` of match states; it is the one place to change when the
match state of the core changes, since every write and read goes through ``extend`` and
``refold``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from matchday.feed import Role, apply, fold
from matchday.store.ties import StoredEvent, StoredLeg, StoredTie, load_ties, tie_versions

__all__ = ["FoldedTies", "extend", "refold"]


def _refold_from(tie: StoredTie, legs: list[StoredLeg], start: int) -> StoredTie:
    """The tie with the legs after ``start`` folded again on the (new) first leg, when it
    changed; the legs up to ``start`` are ``legs`` as given."""
    for leg in tie.legs[start + 1 :]:
        fixture = leg.state.fixture
        if fixture.role is Role.SECOND_LEG and legs:
            first = legs[0].state.match
            if fixture.first_leg != first:
                fixture = replace(fixture, first_leg=first)
                leg = replace(leg, state=fold(fixture, [e.event for e in leg.events]))
        legs.append(leg)
    return replace(tie, legs=tuple(legs))


def extend(tie: StoredTie, stored: StoredEvent) -> StoredTie:
    """The tie with one more event posted to one of its legs: the new event applied to that
    leg's state (O(1) in the events already folded); a ``RuleError`` when it does not fit."""
    index = next(i for i, leg in enumerate(tie.legs) if leg.match_id == stored.match_id)
    leg = tie.legs[index]
    state = apply(leg.state, stored.event)
    legs = [*tie.legs[:index], StoredLeg(leg.match_id, state, (*leg.events, stored))]
    return _refold_from(tie, legs, index)


def refold(tie: StoredTie, match_id: int, events: Sequence[StoredEvent]) -> StoredTie:
    """The tie with the events of one leg replaced (a correction or a deletion), that leg
    folded again from its first event; a ``RuleError`` when any no longer fits."""
    index = next(i for i, leg in enumerate(tie.legs) if leg.match_id == match_id)
    leg = tie.legs[index]
    fixture = leg.state.fixture
    if index and fixture.role is Role.SECOND_LEG:
        fixture = replace(fixture, first_leg=tie.legs[0].state.match)
    state = fold(fixture, [e.event for e in events])
    legs = [*tie.legs[:index], StoredLeg(match_id, state, tuple(events))]
    return _refold_from(tie, legs, index)


class FoldedTies:
    """The ties folded so far, by id, each with its version (the newest change folded in)."""

    def __init__(self) -> None:
        self._ties: dict[int, tuple[int, StoredTie]] = {}
        self._matches: dict[int, int] = {}
        self._replayed_in: dict[int, int] = {}  # a replay's match id: the tie it belongs to
        self._announced: dict[int, int] = {}
        """Ties dropped by ``forget``, each with the version announced: an older one is not
        kept again (a read that began before that change committed, ending after it)."""
        self._lock = threading.Lock()  # guards the dictionaries only, never a database call

    def tie_of(self, match_id: int) -> int | None:
        """The id of the kept tie a match belongs to, if it is kept."""
        with self._lock:
            return self._matches.get(match_id)

    def kept(self, tie_ids: Iterable[int]) -> dict[int, tuple[int, StoredTie]]:
        """The kept ties among ``tie_ids`` with their versions."""
        with self._lock:
            return {i: self._ties[i] for i in tie_ids if i in self._ties}

    def read(self, session: Session, tie_ids: Iterable[int]) -> dict[int, tuple[int, StoredTie]]:
        """The ties with these ids (those that exist) and their versions, folding from the
        database those not kept yet."""
        wanted = list(dict.fromkeys(tie_ids))
        found = self.kept(wanted)
        missing = [i for i in wanted if i not in found]
        if missing:
            found.update(self._load(session, missing))
        return found

    def current(self, session: Session, tie_ids: Iterable[int]) -> dict[int, tuple[int, StoredTie]]:
        """As ``read``, but checked against the database's versions: a tie changed by another
        process since it was kept is folded again. Call with the ties locked."""
        wanted = list(dict.fromkeys(tie_ids))
        versions = tie_versions(session, wanted)
        found = {i: kept for i, kept in self.kept(wanted).items() if kept[0] == versions.get(i, 0)}
        missing = [i for i in wanted if i not in found]
        if missing:
            found.update(self._load(session, missing, versions))
        return found

    def _load(
        self, session: Session, tie_ids: list[int], versions: Mapping[int, int] | None = None
    ) -> dict[int, tuple[int, StoredTie]]:
        if versions is None:
            versions = tie_versions(session, tie_ids)
        loaded = {t.id: (versions.get(t.id, 0), t) for t in load_ties(session, tie_ids)}
        for tie_id, (version, tie) in loaded.items():
            if tie.replay_ties:  # its version is the newest change to it or to a replay of it
                replayed = tie_versions(session, list(tie.replay_ties)).values()
                loaded[tie_id] = (max([version, *replayed]), tie)
        for tie_id, (version, tie) in loaded.items():
            self.keep(tie_id, version, tie)
        return loaded

    def keep(self, tie_id: int, version: int, tie: StoredTie) -> None:
        """Keep ``tie`` at ``version`` unless a newer version is kept already."""
        with self._lock:
            announced = self._announced.get(tie_id)
            if announced is not None:
                if version < announced:
                    return
                del self._announced[tie_id]
            kept = self._ties.get(tie_id)
            if kept is None or kept[0] <= version:
                self._ties[tie_id] = (version, tie)
                for leg in tie.legs:
                    self._matches[leg.match_id] = tie_id
                    # a replay written to as a match of its own: the tie it belongs to (which
                    # shows it among its replays) is folded again when next read
                    host = self._replayed_in.get(leg.match_id)
                    if host is not None and host != tie_id and (kept is None or kept[0] < version):
                        self._ties.pop(host, None)
                for leg in tie.replays:
                    self._replayed_in[leg.match_id] = tie_id

    def drop(self, tie_ids: Iterable[int]) -> None:
        """Drop these kept ties whatever their version: an upload of later rounds can change
        who a tie shows going on, or add a replay to it, without a change of its own."""
        with self._lock:
            for tie_id in tie_ids:
                kept = self._ties.pop(tie_id, None)
                if kept is not None:
                    for leg in kept[1].legs:
                        self._matches.pop(leg.match_id, None)

    def forget(self, tie_id: int, version: int) -> None:
        """Drop a kept tie older than ``version`` (changed by another process), and keep no
        version older than that from now on."""
        with self._lock:
            kept = self._ties.get(tie_id)
            if kept is not None and kept[0] >= version:
                return
            if kept is not None:
                del self._ties[tie_id]
            self._announced[tie_id] = max(version, self._announced.get(tie_id, 0))
