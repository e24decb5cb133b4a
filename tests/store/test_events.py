"""Storing a season and its posted events: idempotent posts, corrections, deletions, rules."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from matchday.errors import (
    ConflictError,
    ExtraTimeNotDueError,
    MatchEventError,
    NotFoundError,
    ShootOutNotDueError,
)
from matchday.feed import EventKind, MatchEvent, Period, script
from matchday.io.load import load
from matchday.model import Score, Side
from matchday.rules import UEFA_CLASSIC, decide
from matchday.select import find_round
from matchday.store.database import Database
from matchday.store.events import Action, correct_event, delete_event, post_event
from matchday.store.tables import ChangeRow, EventRow
from matchday.store.ties import StoredTie, load_tie, tie_ids_of_round, tie_ids_on_date
from tests.service_support import NIGHT

KICK_OFF = MatchEvent(EventKind.KICK_OFF)


def goal(minute: int, side: Side, player: str | None = None) -> MatchEvent:
    return MatchEvent(EventKind.GOAL, minute, side=side, player=player)


def bergamo(db: Database) -> StoredTie:
    with db.read() as session:
        ties = [load_tie(session, i) for i in tie_ids_on_date(session, NIGHT)]
    return next(t for t in ties if t.tie.team1.name == "Borussia Dortmund")


def post(db: Database, match_id: int, key: str, event: MatchEvent) -> int:
    with db.write() as session:
        return post_event(session, match_id, key, event).event.id


def test_the_night_is_stored_and_read_back_as_it_was_uploaded(db: Database) -> None:
    with db.read() as session:
        night = tie_ids_on_date(session, NIGHT)
        assert len(night) == 15  # CSKA v Crvena Zvezda was played the night before
        dortmund = bergamo(db)
        assert dortmund.tie.first_leg.score == Score(3, 2)
        assert dortmund.legs[1].state.period is Period.NOT_STARTED
        assert decide(dortmund.tie, dortmund.rules).winner is None
        assert len(tie_ids_of_round(session, dortmund.round_id)) == 16
        with pytest.raises(NotFoundError):
            tie_ids_of_round(session, 9999)


def test_replaying_the_recorded_match_gives_the_recorded_result(db: Database) -> None:
    recorded = find_round(load("europa-league-2017-18"), "Round of 32").ties()
    (real,) = [t for t in recorded if t.team1.name == "Borussia Dortmund"]
    match_id = bergamo(db).legs[1].match_id
    for number, cue in enumerate(script(real.last_match)):
        post(db, match_id, f"cue-{number}", cue.event)
    replayed = bergamo(db)
    assert replayed.legs[1].state.period is Period.FINISHED
    assert replayed.tie.last_match == real.last_match
    assert decide(replayed.tie, UEFA_CLASSIC).explanation == decide(real, UEFA_CLASSIC).explanation


def test_a_retried_post_is_stored_once(db: Database) -> None:
    match_id = bergamo(db).legs[1].match_id
    post(db, match_id, "k0", KICK_OFF)
    first = post(db, match_id, "goal-11", goal(11, Side.HOME, "Toloi"))
    again = post(db, match_id, "goal-11", goal(11, Side.HOME, "Toloi"))
    assert first == again
    assert bergamo(db).legs[1].state.score == Score(1, 0)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) == 2
        assert session.scalar(select(func.count()).select_from(ChangeRow)) == 2
    with pytest.raises(ConflictError, match="used for another event"):
        post(db, match_id, "goal-11", goal(12, Side.HOME, "Toloi"))


def test_invalid_events_are_rejected_and_leave_nothing_behind(db: Database) -> None:
    match_id = bergamo(db).legs[1].match_id
    with pytest.raises(MatchEventError, match="before kick-off"):
        post(db, match_id, "early", goal(5, Side.HOME))
    post(db, match_id, "k0", KICK_OFF)
    post(db, match_id, "ht", MatchEvent(EventKind.HALF_TIME))
    post(db, match_id, "ft", MatchEvent(EventKind.FULL_TIME))
    with pytest.raises(ShootOutNotDueError):
        post(db, match_id, "pens", MatchEvent(EventKind.SHOOT_OUT, shootout=Score(5, 4)))
    with pytest.raises(MatchEventError, match="no goal after full time"):
        post(db, match_id, "late", goal(90, Side.AWAY))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) == 3
    with pytest.raises(NotFoundError):
        post(db, 99_999, "x", KICK_OFF)


def test_a_correction_and_a_deletion_are_checked_and_journalled(db: Database) -> None:
    match_id = bergamo(db).legs[1].match_id
    post(db, match_id, "k0", KICK_OFF)
    goal_id = post(db, match_id, "g", goal(11, Side.HOME))
    post(db, match_id, "ht", MatchEvent(EventKind.HALF_TIME))
    with db.write() as session:
        written = correct_event(session, goal_id, goal(12, Side.HOME, "Toloi"))
    assert written.change is not None
    assert written.change.action is Action.CORRECTED
    assert (written.event.event.minute, written.event.revision) == (12, 1)
    with db.write() as session:  # the same correction again changes nothing
        assert correct_event(session, goal_id, goal(12, Side.HOME, "Toloi")).change is None
    with pytest.raises(MatchEventError, match="60' in the first half"), db.write() as session:
        correct_event(session, goal_id, goal(60, Side.HOME))  # posted before half-time
    with pytest.raises(MatchEventError, match="cannot become"), db.write() as session:
        correct_event(session, goal_id, MatchEvent(EventKind.RED_CARD, 12, side=Side.HOME))
    with db.write() as session:
        deleted = delete_event(session, goal_id)
    assert deleted.event.deleted
    assert bergamo(db).legs[1].state.score == Score(0, 0)
    with db.write() as session:
        assert delete_event(session, goal_id).change is None
    with pytest.raises(ConflictError, match="deleted"), db.write() as session:
        correct_event(session, goal_id, goal(13, Side.HOME))


def test_deleting_the_goal_that_forced_extra_time_is_refused(db: Database) -> None:
    """Removing a goal must not leave extra time standing in a tie it no longer applies to."""
    match_id = bergamo(db).legs[1].match_id  # first leg 3-2 to Dortmund
    post(db, match_id, "k0", KICK_OFF)
    post(db, match_id, "g1", goal(10, Side.HOME))
    post(db, match_id, "ht", MatchEvent(EventKind.HALF_TIME))
    for key, minute, side in (("g2", 50, Side.HOME), ("g3", 60, Side.AWAY), ("g4", 70, Side.AWAY)):
        post(db, match_id, key, goal(minute, side))
    last = post(db, match_id, "g5", goal(80, Side.HOME))  # 3-2: 5-5, two away goals each
    post(db, match_id, "ft", MatchEvent(EventKind.FULL_TIME))
    post(db, match_id, "et", MatchEvent(EventKind.EXTRA_TIME))
    assert bergamo(db).legs[1].state.period is Period.EXTRA_TIME
    with pytest.raises(ExtraTimeNotDueError), db.write() as session:
        delete_event(session, last)
    assert bergamo(db).legs[1].state.score == Score(3, 2)
