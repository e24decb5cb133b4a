"""What an upload changes, in the journal: a change for each tie it adds or changes.

An upload's rounds are shown to every reader in one transaction (``finish_season``); the
same transaction journals an ``uploaded`` change for each tie of theirs and for each tie
already stored whose state they change (a later round showing who went on after a walkover, a
replay added to its tie). Their ids are taken in the journal's turn, as an event write's are,
so every stream is sent each such tie once (a replay round's tie that belongs to an earlier tie
only to the streams of that one tie: it is shown in the earlier tie, ``StoredTie.shown_in``),
and a client reconnecting with ``Last-Event-ID`` gets it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import insert
from sqlalchemy.orm import Session

from matchday.store.database import journal_turn
from matchday.store.events import Action, Change
from matchday.store.seasons import Staged, StoredSeason, finish_season
from matchday.store.tables import ChangeRow
from matchday.store.ties import (
    StoredTie,
    load_ties,
    tie_ids_of_rounds,
    tie_ids_of_season,
)

__all__ = ["Shown", "season_ties", "show_season"]

Shown = tuple[StoredSeason, list[Change]]
"""The season as stored, and the changes its upload journalled."""


def season_ties(session: Session, season_id: int) -> dict[int, StoredTie]:
    """The season's ties every reader sees now, by id: what an upload's changes are told by."""
    return {tie.id: tie for tie in load_ties(session, tie_ids_of_season(session, season_id))}


def show_season(session: Session, staged: Staged, before: Mapping[int, StoredTie]) -> Shown:
    """Show the rounds of a staged upload to every reader at once (``finish_season``), and
    journal an ``uploaded`` change for each tie they add or change; ``before``: the season's
    ties as shown before (``season_ties``, read before this transaction: a tie changed
    meanwhile by an event is journalled once more, which only sends it again)."""
    stored = finish_season(session, staged)
    added = tie_ids_of_rounds(session, staged.round_ids)
    changed = [tie.id for tie in load_ties(session, list(before)) if tie != before[tie.id]]
    tie_ids = sorted({*added, *changed})
    if not tie_ids:
        return stored, []
    journal_turn(session)  # ids commit in the order they are taken
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        {"match_id": None, "tie_id": i, "event_id": None, "action": Action.UPLOADED.value, "at": at}
        for i in tie_ids
    ]
    ids = session.scalars(
        insert(ChangeRow).returning(ChangeRow.id, sort_by_parameter_order=True), rows
    ).all()
    changes = [
        Change(change_id, None, tie_id, None, Action.UPLOADED)
        for change_id, tie_id in zip(ids, tie_ids, strict=True)
    ]
    return stored, changes
