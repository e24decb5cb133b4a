"""A stored season as the model sees it: every round with its matches as played so far (the
uploaded results, and the results of matches followed to the end through posted events), and
the rules each round was stored with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchday.model import Match, Round, RoundFormat, Season, Stage, StageKind
from matchday.rules import Rules, named_rules
from matchday.store.seasons import match_from_row
from matchday.store.tables import CompetitionRow, MatchRow, RoundRow, SeasonRow, TieRow
from matchday.store.ties import load_teams, load_ties

__all__ = ["PlayedSeason", "season_as_played", "seasons_on_date"]


@dataclass(frozen=True, slots=True)
class PlayedSeason:
    """A stored season as played, the rules it was stored with, and each round's own rules (by
    round name: the registry's for that kind of round, as the upload chose them)."""

    season: Season
    rules: Rules
    round_rules: Mapping[str, Rules]

    def rules_on(self, date: dt.date) -> Rules:
        """The rules of the night's first knockout round (as ``matchday report`` takes them),
        or the season's where no knockout round has a match on ``date``."""
        for round_ in self.season.rounds:
            if round_.knockout and any(m.date == date for m in round_.matches):
                return self.round_rules.get(round_.name, self.rules)
        return self.rules


def seasons_on_date(session: Session, date: dt.date) -> list[int]:
    """The ids of the seasons with a knockout match on ``date``."""
    query = (
        select(RoundRow.season_id)
        .join(MatchRow, MatchRow.round_id == RoundRow.id)
        .where(MatchRow.date == date, MatchRow.tie_id.is_not(None), RoundRow.loading.is_(False))
        .distinct()
    )
    return sorted(session.scalars(query))


def season_as_played(session: Session, season_id: int) -> PlayedSeason:
    """The season with id ``season_id`` and the rules its ties are decided by; a replay comes
    back in its own round (``Season.round_ties`` adds it to its tie, as for a file)."""
    season_row, competition = session.execute(
        select(SeasonRow, CompetitionRow)
        .join(CompetitionRow, SeasonRow.competition_id == CompetitionRow.id)
        .where(SeasonRow.id == season_id)
    ).one()
    round_rows = session.scalars(
        select(RoundRow)
        .where(RoundRow.season_id == season_id, RoundRow.loading.is_(False))
        .order_by(RoundRow.position)
    ).all()
    tie_ids = session.scalars(
        select(TieRow.id).where(TieRow.round_id.in_([r.id for r in round_rows]))
    )
    played: dict[int, list[Match]] = {}
    to_come: set[int] = set()  # the rounds with a tie stored before its second leg was written in
    for tie in load_ties(session, tie_ids):  # a replay round's ties are loaded on their own
        played.setdefault(tie.round_id, []).extend(leg.state.match for leg in tie.legs)
        if tie.tie.second_leg_to_come:
            to_come.add(tie.round_id)
    others = session.scalars(
        select(MatchRow).where(
            MatchRow.round_id.in_([r.id for r in round_rows]), MatchRow.tie_id.is_(None)
        )
    ).all()
    teams = load_teams(session, others)
    for row in others:
        played.setdefault(row.round_id, []).append(
            match_from_row(row, teams[row.home_id], teams[row.away_id])
        )
    rounds = tuple(
        Round(
            r.name,
            RoundFormat(r.format),
            tuple(sorted(played.get(r.id, []), key=lambda m: m.date)),
            2 if r.id in to_come else 0,
        )
        for r in round_rows
    )
    season = Season(
        competition.name,
        season_row.name,
        (Stage(StageKind.KNOCKOUT, rounds),),
        source=season_row.source,
    )
    rules = named_rules(season_row.rules)
    own = {r.name: named_rules(r.rules) for r in round_rows if r.rules}
    return PlayedSeason(season, rules, own)
