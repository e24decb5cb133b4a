"""A season is stored block by block, hidden from readers until it is complete; one cut short
leaves nothing visible, and event writes go on between its blocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from matchday.errors import ConflictError, NotFoundError
from matchday.feed import EventKind, MatchEvent
from matchday.io.load import load
from matchday.rules import UEFA_2021, UEFA_CLASSIC, decide
from matchday.store import seasons
from matchday.store.database import Database
from matchday.store.events import post_event
from matchday.store.played import season_as_played, seasons_on_date
from matchday.store.seasons import (
    abandon_rounds,
    begin_season,
    finish_season,
    list_seasons,
    save_block,
    save_season,
)
from matchday.store.tables import MatchRow, TieRow
from matchday.store.ties import (
    events_of_match,
    load_ties,
    tie_ids_of_round,
    tie_ids_of_season,
    tie_ids_on_date,
)
from tests.conftest import OPENFOOTBALL, cut_before
from tests.service_support import NIGHT, night_before_kick_off


@pytest.fixture
def db(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setattr(seasons, "BLOCK", 3)  # several blocks per round
    database = Database(database_url)
    database.upgrade()
    yield database
    database.dispose()


def _visible(db: Database) -> tuple[int, int, int]:
    """Seasons listed, rounds listed, ties of the night."""
    with db.read() as session:
        listed = list_seasons(session)
        return (
            len(listed),
            sum(len(s.rounds) for s in listed),
            len(tie_ids_on_date(session, NIGHT)),
        )


def test_a_staged_season_is_hidden_until_finished_and_writes_go_on_between_blocks(
    db: Database,
) -> None:
    night = night_before_kick_off()
    staged_round = next(r for r in night.rounds if r.name == "Round of 32")
    with db.write() as session:
        staged = begin_season(session, night, UEFA_CLASSIC, (staged_round,))
    assert len(staged.blocks) == 6  # 16 ties in blocks of 3
    for block in staged.blocks[:3]:
        with db.write() as session:
            save_block(session, block)
    assert _visible(db) == (1, 0, 0)  # the season row, no round, no tie
    with db.read() as session:
        (round_id,) = staged.round_ids
        with pytest.raises(NotFoundError):
            tie_ids_of_round(session, round_id)
        hidden = session.scalar(
            select(MatchRow.id).where(MatchRow.round_id == round_id, MatchRow.date == NIGHT)
        )
        assert hidden is not None
        with pytest.raises(NotFoundError):
            events_of_match(session, hidden)
        assert seasons_on_date(session, NIGHT) == []
    with db.write() as session, pytest.raises(NotFoundError):
        post_event(session, hidden, "k", MatchEvent(EventKind.KICK_OFF))
    with db.write() as session, pytest.raises(ConflictError, match="already has Round of 32"):
        begin_season(session, night, UEFA_CLASSIC, (staged_round,))
    for block in staged.blocks[3:]:
        with db.write() as session:
            save_block(session, block)
    with db.write() as session:
        finish_season(session, staged)
    assert _visible(db) == (1, 1, 15)
    with db.write() as session:
        assert post_event(session, hidden, "k", MatchEvent(EventKind.KICK_OFF)).change


def test_an_upload_cut_short_leaves_nothing_behind(db: Database) -> None:
    night = night_before_kick_off()
    with db.write() as session:
        save_season(session, load("europa-league-2017-18"), UEFA_CLASSIC)
    before = _visible(db)
    other = night.__class__(night.competition, "2018/19", night.stages, source="other.txt")
    with db.write() as session:
        staged = begin_season(session, other, UEFA_CLASSIC)
    with db.write() as session:
        save_block(session, staged.blocks[0])
    with db.write() as session:  # what a restart does: every round still loading goes
        assert abandon_rounds(session) == len(staged.round_ids)
    assert _visible(db)[1:] == before[1:]
    with db.read() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(TieRow)
                .where(TieRow.round_id.in_(staged.round_ids))
            )
            == 0
        )
    with db.write() as session:  # the same rounds can be uploaded again
        save_season(session, other, UEFA_CLASSIC)


def test_a_round_stored_with_its_first_legs_only_keeps_its_second_legs_to_come(
    db: Database, tmp_path: Path
) -> None:
    """The night of the first legs uploaded: each tie is stored with its one leg and read
    back, as a tie and in the season as played, undecided with its second leg to come."""
    source = OPENFOOTBALL / "champions-league" / "2023-24" / "cl.txt"
    season = load(cut_before(source, "Tue Mar/5", tmp_path))
    with db.write() as session:
        stored = save_season(session, season, UEFA_2021)
    with db.read() as session:
        ties = load_ties(session, tie_ids_of_season(session, stored.id))
        played = season_as_played(session, stored.id)
    assert len(ties) == 8
    assert all(t.legs_planned == 2 and len(t.legs) == 1 for t in ties)
    assert all(t.tie.second_leg_to_come for t in ties)
    assert all(decide(t.tie, UEFA_2021).winner is None for t in ties)
    round_ = next(r for r in played.season.rounds if r.name == "Round of 16")
    assert round_.legs == 2
    assert all(t.second_leg_to_come for t in round_.ties())
