"""The folded ties kept in memory are always the ties the database folds to.

Posts, corrections, deletions and refused writes go through ``write_batch`` in batches of
several writes; after each batch the kept state of every tie equals the tie loaded and folded
from the database from scratch."""

from __future__ import annotations

import random

import pytest

from matchday.errors import MatchdayError
from matchday.feed import EventKind, MatchEvent
from matchday.model import Side
from matchday.store.database import Database
from matchday.store.events import Correction, Deletion, Post, Write, write_batch
from matchday.store.folded import FoldedTies
from matchday.store.ties import StoredTie, load_ties, tie_ids_on_date
from tests.service_support import NIGHT


def _shape(tie: StoredTie) -> object:
    return [
        (leg.match_id, leg.state, [(e.id, e.event, e.deleted) for e in leg.events])
        for leg in tie.legs
    ]


def _random_write(rng: random.Random, matches: list[int], posted: list[int], n: int) -> Write:
    roll = rng.random()
    if posted and roll < 0.15:
        return Deletion(rng.choice(posted))
    if posted and roll < 0.3:
        side = rng.choice([Side.HOME, Side.AWAY])
        return Correction(
            rng.choice(posted), MatchEvent(EventKind.GOAL, rng.randint(1, 90), side=side)
        )
    kind = rng.choice(
        [EventKind.GOAL] * 6
        + [
            EventKind.KICK_OFF,
            EventKind.HALF_TIME,
            EventKind.FULL_TIME,
            EventKind.RED_CARD,
            EventKind.EXTRA_TIME,
        ]
    )
    side = rng.choice([Side.HOME, Side.AWAY])
    minute = rng.randint(1, 120) if kind in (EventKind.GOAL, EventKind.RED_CARD) else None
    event = MatchEvent(kind, minute, side=side if minute else None)
    key = f"k{n}" if rng.random() > 0.1 else f"k{max(n - 1, 0)}"  # some retries and clashes
    return Post(rng.choice(matches), key, event)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_kept_ties_are_the_ties_the_database_folds_to(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    folded = FoldedTies()
    with db.read() as session:
        tie_ids = tie_ids_on_date(session, NIGHT)[:3]
        ties = load_ties(session, tie_ids)
    matches = [leg.match_id for tie in ties for leg in tie.legs]
    posted: list[int] = []
    stored = refused = 0
    for batch_number in range(25):
        writes = [_random_write(rng, matches, posted, batch_number * 10 + i) for i in range(6)]
        with db.write() as session:
            batch = write_batch(session, folded, writes)
        for tie_id, (version, tie) in batch.ties.items():
            folded.keep(tie_id, version, tie)
        for result in batch.results:
            if isinstance(result, MatchdayError):
                refused += 1
            else:
                stored += result.change is not None
                posted.append(result.event.id)
        with db.read() as session:
            fresh = {t.id: t for t in load_ties(session, tie_ids)}
            kept = folded.read(session, tie_ids)
        for tie_id in tie_ids:
            assert _shape(kept[tie_id][1]) == _shape(fresh[tie_id])
    assert stored > 10
    assert refused > 10


def test_a_read_that_ends_after_a_change_was_announced_keeps_nothing_older(db: Database) -> None:
    """Another process's change is announced (``forget``) while a read of the tie that began
    before it committed is still running: that read's older state is not kept, else every
    stream would be shown it until the tie changed again (a goal missed for good)."""
    folded = FoldedTies()
    with db.read() as session:
        (tie_id,) = tie_ids_on_date(session, NIGHT)[:1]
        (tie,) = load_ties(session, [tie_id])
    folded.keep(tie_id, 5, tie)
    folded.forget(tie_id, 7)  # change 7 made elsewhere
    assert folded.kept([tie_id]) == {}
    folded.keep(tie_id, 5, tie)  # the slow read, begun before change 7
    assert folded.kept([tie_id]) == {}
    folded.keep(tie_id, 7, tie)  # a read that saw it
    assert folded.kept([tie_id]) == {tie_id: (7, tie)}
    folded.forget(tie_id, 7)  # heard again, or heard late: the kept tie has it
    folded.forget(tie_id, 6)
    assert folded.kept([tie_id]) == {tie_id: (7, tie)}
