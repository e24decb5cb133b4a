"""Saving a parsed season (or one of its rounds) and reading its matches back as model values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from matchday.errors import ConflictError, SourceError
from matchday.model import (
    Goal,
    Match,
    RedCard,
    Round,
    Score,
    Season,
    Team,
    Tie,
    goal_from_data,
    incident_data,
    red_card_from_data,
)
from matchday.rules import Rules
from matchday.store.tables import (
    CompetitionRow,
    MatchRow,
    RoundRow,
    SeasonRow,
    TeamRow,
    TieRow,
)

__all__ = [
    "MAX_MINUTE",
    "MAX_SCORE",
    "RulesOf",
    "StoredRound",
    "StoredSeason",
    "check_season",
    "list_seasons",
    "match_from_row",
    "save_season",
]

MAX_SCORE = 999
"""The most goals (or shoot-out kicks) a side is stored with: far above any result ever
recorded (149-0), far below what the database's integers hold."""

MAX_MINUTE = 999
"""The latest minute (and the most added minutes) a goal or red card is stored with."""

_TEXT_LIMITS = {"competition": 200, "season": 40, "source": 400, "round": 100, "team": 200}
"""The longest text each column holds (``tables.py``); the venue and players as the team."""


@dataclass(frozen=True, slots=True)
class StoredRound:
    """A round as saved: its id, name, and how many ties and matches it holds."""

    id: int
    name: str
    ties: int
    matches: int


@dataclass(frozen=True, slots=True)
class StoredSeason:
    """A season as saved, with the rounds this upload added."""

    id: int
    competition: str
    name: str
    rules: str
    rounds: tuple[StoredRound, ...]


BLOCK = 500
"""Ties (or matches outside ties) a staged upload stores per transaction."""


@dataclass(frozen=True, slots=True)
class _Block:
    """Part of a round to store in one go: some of its ties with their legs, or some of its
    matches outside ties, with their positions in the round."""

    round_id: int
    ties: tuple[tuple[int, Tie], ...]
    matches: tuple[tuple[int, Match], ...]


@dataclass(frozen=True, slots=True)
class Staged:
    """An upload begun by ``begin_season``: the season as it will be stored, its rounds'
    ids (hidden from every reader until ``finish_season``) and the blocks still to store."""

    season: StoredSeason
    blocks: tuple[_Block, ...]

    @property
    def round_ids(self) -> list[int]:
        """The ids of the rounds being loaded."""
        return [r.id for r in self.season.rounds]


RulesOf = Callable[[Round], Rules]
"""The rules that settle a round's ties (``SeasonRules.rules``: the registry's, round by round)."""


def begin_season(
    session: Session,
    season: Season,
    rules: Rules,
    rounds: tuple[Round, ...] | None = None,
    rules_of: RulesOf | None = None,
) -> Staged:
    """Check ``season`` (only ``rounds`` of it, if given) and create its rounds, hidden until
    ``finish_season``; their ties and matches are stored block by block with ``save_block``.
    Each round is stored with the rules ``rules_of`` gives it (``rules``, the season's, if
    none), so that a final is settled as the competition settles finals.

    A season already stored gains the rounds it lacks; a round it already has (or one being
    loaded) is a ``ConflictError``, so an upload never silently doubles or overwrites matches.
    """
    chosen = season.rounds if rounds is None else rounds
    check_season(season, chosen)
    # Paired, cut into blocks and given their rules before the first query: for a large upload
    # that takes about a second, and SQLite's write lock (every other writer's wait) is held
    # from the first statement. The blocks get their round's id once the round is inserted.
    paired = [round_.ties() for round_ in chosen]
    planned = [_blocks(0, round_, ties) for round_, ties in zip(chosen, paired, strict=True)]
    settled_by = [(rules if rules_of is None else rules_of(round_)).name for round_ in chosen]
    competition = _competition(session, season.competition)
    season_row = session.scalar(
        select(SeasonRow).where(
            SeasonRow.competition_id == competition.id, SeasonRow.name == season.name
        )
    )
    if season_row is None:
        season_row = SeasonRow(
            competition_id=competition.id, name=season.name, rules=rules.name, source=season.source
        )
        session.add(season_row)
        session.flush()
    elif season_row.rules != rules.name:
        raise ConflictError(
            f"{season.competition} {season.name} is stored with rules {season_row.rules}, "
            f"not {rules.name}"
        )
    existing = set(
        session.scalars(select(RoundRow.name).where(RoundRow.season_id == season_row.id))
    )
    clash = [r.name for r in chosen if r.name in existing]
    if clash:
        raise ConflictError(
            f"{season.competition} {season.name} already has {', '.join(clash)} (season id "
            f"{season_row.id})"
        )
    saved, blocks = [], []
    for offset, (round_, ties) in enumerate(zip(chosen, paired, strict=True)):
        row = RoundRow(
            season_id=season_row.id,
            name=round_.name,
            format=round_.format.value,
            position=len(existing) + offset,
            loading=True,
            rules=settled_by[offset],
        )
        session.add(row)
        session.flush()
        saved.append(StoredRound(row.id, round_.name, len(ties), len(round_.matches)))
        blocks += [replace(block, round_id=row.id) for block in planned[offset]]
    stored = StoredSeason(
        season_row.id, season.competition, season.name, season_row.rules, tuple(saved)
    )
    return Staged(stored, tuple(blocks))


def _blocks(round_id: int, round_: Round, ties: tuple[Tie, ...]) -> list[_Block]:
    position = {id(match): n for n, match in enumerate(round_.matches)}
    in_ties = {id(leg) for tie in ties for leg in tie.legs}
    lone = [(n, m) for n, m in enumerate(round_.matches) if id(m) not in in_ties]
    numbered = list(enumerate(ties))
    blocks = [
        _Block(
            round_id,
            tuple(numbered[start : start + BLOCK]),
            tuple(
                (position[id(leg)], leg)
                for _, tie in numbered[start : start + BLOCK]
                for leg in tie.legs
            ),
        )
        for start in range(0, len(numbered), BLOCK)
    ]
    blocks += [
        _Block(round_id, (), tuple(lone[start : start + BLOCK]))
        for start in range(0, len(lone), BLOCK)
    ]
    return blocks


def save_block(session: Session, block: _Block) -> None:
    """Store one block of a staged upload: its teams, ties and matches, one insert each."""
    placed: dict[int, tuple[int | None, int | None]] = {}
    if block.ties:
        tie_ids = session.scalars(
            insert(TieRow).returning(TieRow.id, sort_by_parameter_order=True),
            [
                {"round_id": block.round_id, "position": n, "legs_planned": tie.legs_planned}
                for n, tie in block.ties
            ],
        ).all()
        for new_id, (_, tie) in zip(tie_ids, block.ties, strict=True):
            for number, leg in enumerate(tie.legs, start=1):
                placed[id(leg)] = (new_id, number)
    teams = _TeamCache(session)
    teams.add(team for _, match in block.matches for team in (match.home, match.away))
    rows = []
    for match_position, match in block.matches:
        tie_id, leg_number = placed.get(id(match), (None, None))
        rows.append(_match_row(match, block.round_id, tie_id, leg_number, match_position, teams))
    if rows:
        session.execute(insert(MatchRow), rows)


def finish_season(session: Session, staged: Staged) -> StoredSeason:
    """Show the rounds of a staged upload to every reader at once."""
    session.execute(update(RoundRow).where(RoundRow.id.in_(staged.round_ids)).values(loading=False))
    return staged.season


def abandon_rounds(session: Session, round_ids: list[int] | None = None) -> int:
    """Delete rounds still loading (these, or all of them: an upload cut short by an error or
    a crash) with their ties and matches; how many rounds were deleted."""
    query = select(RoundRow.id).where(RoundRow.loading.is_(True))
    if round_ids is not None:
        query = query.where(RoundRow.id.in_(round_ids))
    ids = list(session.scalars(query))
    if ids:
        session.execute(delete(MatchRow).where(MatchRow.round_id.in_(ids)))
        session.execute(delete(TieRow).where(TieRow.round_id.in_(ids)))
        session.execute(delete(RoundRow).where(RoundRow.id.in_(ids)))
    return len(ids)


def save_season(
    session: Session,
    season: Season,
    rules: Rules,
    rounds: tuple[Round, ...] | None = None,
    rules_of: RulesOf | None = None,
) -> StoredSeason:
    """Save ``season`` (only ``rounds`` of it, if given) with the ``rules`` to decide its ties
    (``rules_of`` a round's, where given), in the transaction of ``session`` (``begin_season``
    and the rest in one go)."""
    staged = begin_season(session, season, rules, rounds, rules_of)
    for block in staged.blocks:
        save_block(session, block)
    return finish_season(session, staged)


def _fits(what: str, value: str | None, limit: int) -> None:
    if value is None:
        return
    if len(value) > limit:
        raise SourceError(f"{what} longer than {limit} characters: {value[:60]!r}…")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise SourceError(f"{what} is not text: {value[:60]!r}") from err


def _check_match(match: Match) -> None:
    where = f"{match.source}: " if match.source else ""
    for name, score in (
        ("score", match.score),
        ("half-time score", match.half_time),
        ("score after extra time", match.extra_time),
        ("shoot-out", match.penalties),
    ):
        if score is not None and not all(0 <= n <= MAX_SCORE for n in (score.home, score.away)):
            raise SourceError(f"{where}{match.label}: {name} out of range (0 to {MAX_SCORE})")
    for team in (match.home, match.away):
        _fits(f"{where}team", team.name, _TEXT_LIMITS["team"])
        _fits(f"{where}country", team.country, 10)
    _fits(f"{where}venue", match.venue, _TEXT_LIMITS["team"])
    incidents: list[Goal | RedCard] = [*(match.goals or ()), *(match.red_cards or ())]
    for item in incidents:
        if not (0 <= item.minute <= MAX_MINUTE and 0 <= item.added <= MAX_MINUTE):
            raise SourceError(f"{where}{match.label}: minute out of range (0 to {MAX_MINUTE})")
        player = item.scorer if isinstance(item, Goal) else item.player
        _fits(f"{where}player", player, _TEXT_LIMITS["team"])


def check_season(season: Season, rounds: tuple[Round, ...]) -> None:
    """Refuse (``SourceError``) a season whose numbers or texts do not fit the database:
    scores above ``MAX_SCORE``, minutes above ``MAX_MINUTE``, names longer than their columns,
    text that is not UTF-8. Checked before anything is written."""
    _fits("competition", season.competition, _TEXT_LIMITS["competition"])
    _fits("season", season.name, _TEXT_LIMITS["season"])
    _fits("source", season.source, _TEXT_LIMITS["source"])
    for round_ in rounds:
        _fits("round", round_.name, _TEXT_LIMITS["round"])
        for match in round_.matches:
            _check_match(match)


def _competition(session: Session, name: str) -> CompetitionRow:
    row = session.scalar(select(CompetitionRow).where(CompetitionRow.name == name))
    if row is None:
        row = CompetitionRow(name=name)
        session.add(row)
        session.flush()
    return row


_CHUNK = 500
"""Values per ``IN (...)`` query: well under SQLite's limit of bound parameters."""


class _TeamCache:
    """Team rows by team: those of a whole upload looked up and created in a few statements."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[Team, int] = {}

    def add(self, teams: Iterable[Team]) -> None:
        """Know the ids of ``teams``, creating the rows of those not stored yet."""
        wanted = {(t.name, t.country or ""): t for t in teams if t not in self._ids}
        names = sorted({name for name, _ in wanted})
        for start in range(0, len(names), _CHUNK):
            rows = self._session.execute(
                select(TeamRow.id, TeamRow.name, TeamRow.country).where(
                    TeamRow.name.in_(names[start : start + _CHUNK])
                )
            )
            for team_id, name, country in rows:
                if (name, country) in wanted:
                    self._ids[wanted.pop((name, country))] = team_id
        if wanted:
            keys = list(wanted)
            ids = self._session.scalars(
                insert(TeamRow).returning(TeamRow.id, sort_by_parameter_order=True),
                [{"name": name, "country": country} for name, country in keys],
            ).all()
            for key, team_id in zip(keys, ids, strict=True):
                self._ids[wanted[key]] = team_id

    def id(self, team: Team) -> int:
        return self._ids[team]


def _pair(score: Score | None) -> tuple[int | None, int | None]:
    return (None, None) if score is None else (score.home, score.away)


def _score(home: int | None, away: int | None) -> Score | None:
    return None if home is None or away is None else Score(home, away)


def _match_row(
    match: Match,
    round_id: int,
    tie_id: int | None,
    leg: int | None,
    position: int,
    teams: _TeamCache,
) -> dict[str, Any]:
    score, half, extra, pens = (
        _pair(match.score),
        _pair(match.half_time),
        _pair(match.extra_time),
        _pair(match.penalties),
    )
    home = match.home
    return {
        "round_id": round_id,
        "tie_id": tie_id,
        "leg": leg,
        "position": position,
        "date": match.date,
        "kickoff": match.kickoff.strftime("%H:%M") if match.kickoff else None,
        "home_id": teams.id(match.home),
        "away_id": teams.id(match.away),
        "venue": match.venue,
        "score_home": score[0],
        "score_away": score[1],
        "half_time_home": half[0],
        "half_time_away": half[1],
        "extra_time_home": extra[0],
        "extra_time_away": extra[1],
        "penalties_home": pens[0],
        "penalties_away": pens[1],
        "awarded": match.awarded,
        "cancelled": match.cancelled,
        "goals": None if match.goals is None else [incident_data(g, home) for g in match.goals],
        "red_cards": (
            None if match.red_cards is None else [incident_data(c, home) for c in match.red_cards]
        ),
    }


def match_from_row(row: MatchRow, home: Team, away: Team) -> Match:
    """The model ``Match`` of a stored row, with the result as uploaded."""

    goals = None
    if row.goals is not None:
        goals = tuple(goal_from_data(g, home, away) for g in row.goals)
    cards = None
    if row.red_cards is not None:
        cards = tuple(red_card_from_data(c, home, away) for c in row.red_cards)
    kickoff = dt.time.fromisoformat(row.kickoff) if row.kickoff else None
    return Match(
        date=row.date,
        home=home,
        away=away,
        score=_score(row.score_home, row.score_away),
        kickoff=kickoff,
        half_time=_score(row.half_time_home, row.half_time_away),
        extra_time=_score(row.extra_time_home, row.extra_time_away),
        penalties=_score(row.penalties_home, row.penalties_away),
        goals=goals,
        red_cards=cards,
        awarded=row.awarded,
        cancelled=row.cancelled,
        venue=row.venue,
    )


def list_seasons(session: Session) -> list[StoredSeason]:
    """Every stored season with all its rounds, in the order they were stored."""
    seasons = session.execute(
        select(SeasonRow, CompetitionRow)
        .join(CompetitionRow, SeasonRow.competition_id == CompetitionRow.id)
        .order_by(SeasonRow.id)
    ).all()
    found = []
    for season, competition in seasons:
        rounds = []
        for round_row in session.scalars(
            select(RoundRow)
            .where(RoundRow.season_id == season.id, RoundRow.loading.is_(False))
            .order_by(RoundRow.position)
        ):
            ties = session.scalar(select(func.count()).where(TieRow.round_id == round_row.id))
            matches = session.scalar(select(func.count()).where(MatchRow.round_id == round_row.id))
            rounds.append(StoredRound(round_row.id, round_row.name, ties or 0, matches or 0))
        found.append(
            StoredSeason(season.id, competition.name, season.name, season.rules, tuple(rounds))
        )
    return found
