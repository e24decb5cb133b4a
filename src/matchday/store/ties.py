"""Reading ties back: each leg's uploaded result or its posted events folded into a match state."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from matchday.errors import NotFoundError, RuleError
from matchday.feed import EventKind, Fixture, MatchEvent, MatchState, Role, fold
from matchday.model import (
    RoundFormat,
    Score,
    Side,
    Team,
    Tie,
    is_replay_round,
    is_third_place,
)
from matchday.rules import Rules, decide, named_rules
from matchday.store.seasons import match_from_row
from matchday.store.tables import (
    ChangeRow,
    CompetitionRow,
    EventRow,
    MatchRow,
    RoundRow,
    SeasonRow,
    TeamRow,
    TieRow,
)

__all__ = [
    "StoredEvent",
    "StoredLeg",
    "StoredTie",
    "event_from_row",
    "events_of_match",
    "fold_legs",
    "latest_change_id",
    "load_teams",
    "load_tie",
    "load_ties",
    "night_to_show",
    "replay_shown_in",
    "tie_ids_changed_since",
    "tie_ids_of_round",
    "tie_ids_of_rounds",
    "tie_ids_of_season",
    "tie_ids_on_date",
    "tie_versions",
    "visible_matches",
]


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A posted event as stored: its id, the match it belongs to, and what it records."""

    id: int
    match_id: int
    event: MatchEvent
    revision: int
    deleted: bool
    posted_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class StoredLeg:
    """One leg of a stored tie: the match id and the state its events (if any) built."""

    match_id: int
    state: MatchState
    events: tuple[StoredEvent, ...]


@dataclass(frozen=True, slots=True)
class StoredTie:
    """A stored tie with its legs, the round and season it belongs to, and their rules; its
    ``replays`` (matches of a replay round of the season, as ``matchday ties`` reads them: a
    replay is part of its tie) and, for a tie the results cannot decide, the team that the
    stored later rounds show going on (``went_on``: never a guess, ``None`` otherwise)."""

    id: int
    round_id: int
    round: str
    season_id: int
    season: str
    competition: str
    rules: Rules
    legs_planned: int
    legs: tuple[StoredLeg, ...]
    replays: tuple[StoredLeg, ...] = ()
    went_on: Team | None = None
    replay_ties: tuple[int, ...] = ()
    """The ids of the replay round's ties its replays were stored as (a change to one of them
    is a change of this tie)."""
    shown_in: int | None = None
    """For a replay round's tie that belongs to an earlier tie, that tie's id: it is shown
    there (among its ``replays``), not as a tie of its own."""

    @property
    def tie(self) -> Tie:
        """The model tie: uploaded results, and the results of legs followed to the end (a
        two-legged tie stored with its first leg only has its second leg to come)."""
        return Tie(
            self.round,
            tuple(leg.state.match for leg in self.legs),
            self.legs_planned,
            tuple(leg.state.match for leg in self.replays),
            second_leg_to_come=self.legs_planned == 2 and len(self.legs) == 1,
        )

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The dates of its legs."""
        return tuple(leg.state.fixture.match.date for leg in self.legs)


def event_from_row(row: EventRow) -> MatchEvent:
    """The feed event a stored row records."""
    shootout = None
    if row.shootout_home is not None and row.shootout_away is not None:
        shootout = Score(row.shootout_home, row.shootout_away)
    return MatchEvent(
        kind=EventKind(row.kind),
        minute=row.minute,
        added=row.added,
        side=Side(row.side) if row.side else None,
        player=row.player,
        own_goal=row.own_goal,
        penalty=row.penalty,
        second_yellow=row.second_yellow,
        shootout=shootout,
    )


def stored_event(row: EventRow) -> StoredEvent:
    """A stored row as a ``StoredEvent``."""
    return StoredEvent(
        row.id,
        row.match_id,
        event_from_row(row),
        row.revision,
        row.deleted,
        row.posted_at,
        row.updated_at,
    )


def fold_legs(
    rows: Sequence[MatchRow],
    teams: Mapping[int, Team],
    rules: Rules,
    legs_planned: int,
    events: Mapping[int, Sequence[MatchEvent]],
) -> tuple[MatchState, ...]:
    """Fold each leg's events (by match id) in leg order; a second leg sees the first as played.

    Raises the ``RuleError`` of the first event that does not fit, so the write path can check
    a tie with an event added, corrected or removed before it stores anything.
    """
    states: list[MatchState] = []
    for row in rows:
        match = match_from_row(row, teams[row.home_id], teams[row.away_id])
        if row.tie_id is None:
            role, first = Role.OTHER, None
        elif legs_planned == 1:
            role, first = Role.SINGLE_MATCH, None
        elif row.leg == 1:
            role, first = Role.FIRST_LEG, None
        else:
            role, first = Role.SECOND_LEG, (states[0].match if states else None)
        states.append(fold(Fixture(match, role, rules, first), events.get(row.id, ())))
    return tuple(states)


def load_teams(session: Session, matches: Iterable[MatchRow]) -> dict[int, Team]:
    """The teams playing in ``matches``, by team id."""
    ids = {team_id for row in matches for team_id in (row.home_id, row.away_id)}
    rows = session.scalars(select(TeamRow).where(TeamRow.id.in_(ids)))
    return {row.id: Team(row.name, row.country or None) for row in rows}


def _tie_query() -> Select[TieRow, RoundRow, SeasonRow, CompetitionRow]:
    return (
        select(TieRow, RoundRow, SeasonRow, CompetitionRow)
        .join(RoundRow, TieRow.round_id == RoundRow.id)
        .join(SeasonRow, RoundRow.season_id == SeasonRow.id)
        .join(CompetitionRow, SeasonRow.competition_id == CompetitionRow.id)
        .where(RoundRow.loading.is_(False))
    )


@dataclass(frozen=True, slots=True)
class _Replays:
    """The replays of a season's stored ties: each replay round's tie that belongs to an earlier
    tie (``host``: replay tie id to that tie's id), each replay a knockout round lists beside
    its tie (``lone``: the match's id to its tie's id: 1934's Spain v Italy, stored as a match
    of no tie), and each such tie's replay matches."""

    host: dict[int, int]
    matches: dict[int, list[MatchRow]]
    lone: dict[int, int] = field(default_factory=dict)


def _replays(session: Session, season_ids: Iterable[int]) -> _Replays:
    """Each match of a replay round added to the latest tie between the same two teams whose
    last leg was played before it, in whichever round (``Season.round_ties``'s reading), and
    each match of a knockout round that is no leg of a tie (its replay: ``round_pairs``) to
    its round's tie between the same two teams."""
    rounds = session.execute(
        select(RoundRow.id, RoundRow.name, RoundRow.format).where(
            RoundRow.season_id.in_(sorted(set(season_ids))), RoundRow.loading.is_(False)
        )
    ).all()
    replay_rounds = {round_id for round_id, name, _ in rounds if is_replay_round(name)}
    knockout = {round_id for round_id, _, kind in rounds if kind == RoundFormat.KNOCKOUT.value}
    beside = select(MatchRow.id).where(MatchRow.round_id.in_(knockout), MatchRow.tie_id.is_(None))
    if not replay_rounds and session.scalar(beside.limit(1)) is None:
        return _Replays({}, {})
    rows = session.scalars(
        select(MatchRow)
        .where(
            MatchRow.round_id.in_([r.id for r in rounds]),
            MatchRow.tie_id.is_not(None) | MatchRow.round_id.in_(knockout - replay_rounds),
        )
        .order_by(MatchRow.date, MatchRow.id)
    ).all()
    last_leg: dict[int, tuple[dt.date, frozenset[int]]] = {}
    round_of: dict[int, int] = {}
    for row in rows:
        if row.round_id not in replay_rounds and row.tie_id is not None:
            last_leg[row.tie_id] = (row.date, frozenset((row.home_id, row.away_id)))
            round_of[row.tie_id] = row.round_id
    found = _Replays({}, defaultdict(list))
    hosts: dict[int, list[tuple[MatchRow, int | None]]] = defaultdict(list)
    for row in rows:
        pair = frozenset((row.home_id, row.away_id))
        if row.tie_id is None:  # a replay listed in its tie's round
            same = [
                (d, t)
                for t, (d, p) in last_leg.items()
                if p == pair and d < row.date and round_of[t] == row.round_id
            ]
            if same:
                host = max(same)[1]
                found.lone[row.id] = host
                found.matches[host].append(row)
            continue
        if row.round_id not in replay_rounds:
            continue
        before = [(d, t) for t, (d, p) in last_leg.items() if p == pair and d < row.date]
        hosts[row.tie_id].append((row, max(before)[1] if before else None))
    for tie_id, placed in hosts.items():
        owners = {host for _, host in placed}
        if len(owners) != 1 or None in owners:  # belongs to no one earlier tie: stays its own
            continue
        (owner,) = owners
        assert owner is not None
        found.host[tie_id] = owner
        found.matches[owner].extend(row for row, _ in placed)
    for replays in found.matches.values():
        replays.sort(key=lambda row: (row.date, row.id))
    return found


def _later_teams(session: Session, round_row: RoundRow) -> set[int]:
    """The ids of the teams in the rounds stored after ``round_row`` (a match for third place,
    where losers play on, does not count): who the data shows going on."""
    later = session.execute(
        select(RoundRow.name, MatchRow.home_id, MatchRow.away_id)
        .join(MatchRow, MatchRow.round_id == RoundRow.id)
        .where(
            RoundRow.season_id == round_row.season_id,
            RoundRow.position > round_row.position,
            RoundRow.loading.is_(False),
        )
    ).all()
    return {team for name, *pair in later if not is_third_place(name) for team in pair}


def _went_on(
    tie: StoredTie, rows: Sequence[MatchRow], replays: Sequence[MatchRow], later: set[int]
) -> Team | None:
    """The one team of the tie that the later rounds show (as ``competitions.went_on``)."""
    seen = {team for row in rows for team in (row.home_id, row.away_id)} & (
        later - {team for row in replays for team in (row.home_id, row.away_id)}
    )
    if len(seen) != 1:
        return None
    (team_id,) = seen
    first = tie.legs[0].state.match
    return first.home if rows[0].home_id == team_id else first.away


def _needs_went_on(tie: StoredTie) -> bool:
    """True for a tie that its results cannot decide, where who went on names the winner."""
    try:
        outcome = decide(tie.tie, tie.rules, strict=False)
    except RuleError:  # served with its error; nothing to add
        return False
    return outcome.winner is None and (
        outcome.unsettled is not None or any(leg.state.match.cancelled for leg in tie.legs)
    )


def _stored_legs(
    rows: Sequence[MatchRow],
    states: Sequence[MatchState],
    events: Mapping[int, Sequence[StoredEvent]],
) -> tuple[StoredLeg, ...]:
    """Each match row with the state its events folded into, and those events."""
    return tuple(
        StoredLeg(row.id, state, tuple(events[row.id]))
        for row, state in zip(rows, states, strict=True)
    )


def load_ties(session: Session, tie_ids: Iterable[int]) -> tuple[StoredTie, ...]:
    """The ties with these ids, in round and draw order, with their legs, replays and live
    events, and who went on where the results cannot decide a tie."""
    ids = sorted(set(tie_ids))
    if not ids:
        return ()
    heads = session.execute(
        _tie_query().where(TieRow.id.in_(ids)).order_by(RoundRow.id, TieRow.position)
    ).all()
    replays = _replays(session, {season_row.id for _, _, season_row, _ in heads})
    replay_rows = [row for tie_id in ids for row in replays.matches.get(tie_id, [])]
    match_rows = session.scalars(
        select(MatchRow).where(MatchRow.tie_id.in_(ids)).order_by(MatchRow.leg)
    ).all()
    legs: dict[int, list[MatchRow]] = defaultdict(list)
    for row in match_rows:
        assert row.tie_id is not None
        legs[row.tie_id].append(row)
    teams = load_teams(session, [*match_rows, *replay_rows])
    events: dict[int, list[StoredEvent]] = defaultdict(list)
    shown = [row.id for row in match_rows] + [row.id for row in replay_rows]
    event_rows = session.scalars(
        select(EventRow)
        .where(EventRow.match_id.in_(shown), EventRow.deleted.is_(False))
        .order_by(EventRow.id)
    )
    for event_row in event_rows:
        events[event_row.match_id].append(stored_event(event_row))
    ties = []
    later: dict[int, set[int]] = {}
    for tie_row, round_row, season_row, competition_row in heads:
        rules = named_rules(round_row.rules or season_row.rules)
        rows = legs[tie_row.id]
        again = replays.matches.get(tie_row.id, [])
        by_match = {row.id: [e.event for e in events[row.id]] for row in (*rows, *again)}
        states = fold_legs(rows, teams, rules, tie_row.legs_planned, by_match)
        replayed = fold_legs(again, teams, rules, 1, by_match)  # each replay a single match
        tie = StoredTie(
            id=tie_row.id,
            round_id=round_row.id,
            round=round_row.name,
            season_id=season_row.id,
            season=season_row.name,
            competition=competition_row.name,
            rules=rules,
            legs_planned=tie_row.legs_planned,
            legs=_stored_legs(rows, states, events),
            replays=_stored_legs(again, replayed, events),
            replay_ties=tuple(dict.fromkeys(row.tie_id for row in again if row.tie_id)),
            shown_in=replays.host.get(tie_row.id),
        )
        if rows and _needs_went_on(tie):
            if round_row.id not in later:
                later[round_row.id] = _later_teams(session, round_row)
            tie = replace(tie, went_on=_went_on(tie, rows, again, later[round_row.id]))
        ties.append(tie)
    return tuple(ties)


def load_tie(session: Session, tie_id: int) -> StoredTie:
    """One tie; ``NotFoundError`` when there is none with this id."""
    found = load_ties(session, [tie_id])
    if not found:
        raise NotFoundError(f"no tie with id {tie_id}")
    return found[0]


def tie_ids_of_round(session: Session, round_id: int) -> list[int]:
    """The ids of a round's ties; ``NotFoundError`` for an unknown round."""
    found = session.get(RoundRow, round_id)
    if found is None or found.loading:
        raise NotFoundError(f"no round with id {round_id}")
    ids = list(session.scalars(select(TieRow.id).where(TieRow.round_id == round_id)))
    if not is_replay_round(found.name):
        return ids
    # a replay shows in its tie's round, as ``matchday ties`` shows it
    hosts = _replays(session, [found.season_id]).host
    return [tie_id for tie_id in ids if tie_id not in hosts]


def tie_exists(session: Session, tie_id: int) -> bool:
    """Whether a tie with this id is stored (not in a round still being loaded)."""
    query = select(TieRow.id).join(RoundRow, TieRow.round_id == RoundRow.id)
    return session.scalar(query.where(TieRow.id == tie_id, RoundRow.loading.is_(False))) is not None


def tie_ids_shown(session: Session) -> list[int]:
    """The ids of every stored tie, in id order, as the rounds show them: a replay that
    belongs to an earlier tie is shown in it, not as a tie of its own."""
    found = session.execute(
        select(TieRow.id, RoundRow.name, RoundRow.season_id)
        .join(RoundRow, TieRow.round_id == RoundRow.id)
        .where(RoundRow.loading.is_(False))
        .order_by(TieRow.id)
    ).all()
    replayed = {season for _, name, season in found if is_replay_round(name)}
    hosts = _replays(session, replayed).host if replayed else {}
    return [tie_id for tie_id, _, _ in found if tie_id not in hosts]


def replay_shown_in(session: Session, match_id: int) -> int | None:
    """The id of the tie a match of no tie is shown in as its replay (a replay listed in its
    tie's round: 1934's Spain v Italy), if it is one."""
    found = session.execute(
        select(RoundRow.season_id, RoundRow.format)
        .join(MatchRow, MatchRow.round_id == RoundRow.id)
        .where(MatchRow.id == match_id)
    ).first()
    if found is None or found[1] != RoundFormat.KNOCKOUT.value:  # a group's match, a league's
        return None
    return _replays(session, [found[0]]).lone.get(match_id)


def tie_ids_of_rounds(session: Session, round_ids: Iterable[int]) -> list[int]:
    """The ids of the ties of these rounds (of rounds being loaded too), in id order."""
    query = select(TieRow.id).where(TieRow.round_id.in_(sorted(set(round_ids))))
    return list(session.scalars(query.order_by(TieRow.id)))


def tie_ids_of_season(session: Session, season_id: int) -> list[int]:
    """The ids of every tie of a season (of its rounds being loaded too)."""
    query = select(TieRow.id).join(RoundRow, TieRow.round_id == RoundRow.id)
    return list(session.scalars(query.where(RoundRow.season_id == season_id)))


def tie_ids_on_date(session: Session, date: dt.date) -> list[int]:
    """The ids of the ties with a leg or a replay played on ``date`` (a night)."""
    query = (
        select(MatchRow.id, MatchRow.tie_id, RoundRow.name, RoundRow.season_id, RoundRow.format)
        .join(RoundRow, MatchRow.round_id == RoundRow.id)
        .where(MatchRow.date == date, RoundRow.loading.is_(False))
        .where(MatchRow.tie_id.is_not(None) | (RoundRow.format == RoundFormat.KNOCKOUT.value))
    )
    found = session.execute(query).all()
    ids = [tie_id for _, tie_id, _, _, _ in found if tie_id is not None]
    replayed = {
        season for _, tie_id, name, season, _ in found if is_replay_round(name) or tie_id is None
    }
    if not replayed:
        return list(dict.fromkeys(ids))
    # a replay's night shows the tie it belongs to, with the replay in it
    replays = _replays(session, replayed)
    shown = [
        replays.host.get(tie_id, tie_id) if tie_id is not None else replays.lone.get(match_id)
        for match_id, tie_id, _, _, _ in found
    ]
    return list(dict.fromkeys(tie_id for tie_id in shown if tie_id is not None))


def events_of_match(session: Session, match_id: int) -> list[StoredEvent]:
    """Every event posted to a match, deleted ones included, in posted order."""
    if not visible_matches(session, [match_id]):
        raise NotFoundError(f"no match with id {match_id}")
    rows = session.scalars(
        select(EventRow).where(EventRow.match_id == match_id).order_by(EventRow.id)
    )
    return [stored_event(row) for row in rows]


def visible_matches(session: Session, match_ids: Iterable[int]) -> dict[int, MatchRow]:
    """The matches with these ids, by id, leaving out those of rounds still being loaded."""
    rows = session.scalars(
        select(MatchRow)
        .join(RoundRow, MatchRow.round_id == RoundRow.id)
        .where(MatchRow.id.in_(sorted(set(match_ids))), RoundRow.loading.is_(False))
    )
    return {row.id: row for row in rows}


def night_to_show(session: Session, today: dt.date) -> dt.date | None:
    """The night a visitor most likely wants: the one of the latest posted event, else the
    latest night of knockout matches up to ``today``, else the first one to come."""
    latest_event = session.scalar(
        select(MatchRow.date)
        .join(EventRow, EventRow.match_id == MatchRow.id)
        .order_by(EventRow.updated_at.desc())
        .limit(1)
    )
    if latest_event is not None:
        return latest_event
    knockout = (
        select(MatchRow.date)
        .join(RoundRow, MatchRow.round_id == RoundRow.id)
        .where(MatchRow.tie_id.is_not(None), RoundRow.loading.is_(False))
    )
    past = session.scalar(knockout.where(MatchRow.date <= today).order_by(MatchRow.date.desc()))
    return past or session.scalar(knockout.order_by(MatchRow.date))


def latest_change_id(session: Session) -> int:
    """The id of the newest journalled change (0 before any)."""
    return session.scalar(select(func.max(ChangeRow.id))) or 0


def tie_ids_changed_since(session: Session, change_id: int) -> list[int]:
    """The ids of the ties changed after the change ``change_id``."""
    query = select(ChangeRow.tie_id).where(ChangeRow.id > change_id, ChangeRow.tie_id.is_not(None))
    return [tie_id for tie_id in session.scalars(query.distinct()) if tie_id is not None]


def tie_versions(session: Session, tie_ids: list[int]) -> dict[int, int]:
    """For each tie with changes, the id of its latest change: a tie's version."""
    query = (
        select(ChangeRow.tie_id, func.max(ChangeRow.id))
        .where(ChangeRow.tie_id.in_(tie_ids))
        .group_by(ChangeRow.tie_id)
    )
    return {tie_id: version for tie_id, version in session.execute(query) if tie_id is not None}
