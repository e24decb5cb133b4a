"""A team's record over a set of matches: played, won, drawn, lost, goals, away goals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from matchday.model.match import Match
from matchday.model.team import Team

__all__ = ["Record", "records"]


@dataclass(frozen=True, slots=True)
class Record:
    """What ``team`` did in some matches. Only matches with a result count (awarded ones do)."""

    team: Team
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0
    away_goals: int = 0
    away_wins: int = 0

    @property
    def goal_difference(self) -> int:
        """Goals scored minus goals conceded."""
        return self.goals_for - self.goals_against

    def points(self, win: int = 3, draw: int = 1) -> int:
        """Points at ``win`` for a win and ``draw`` for a draw."""
        return win * self.won + draw * self.drawn

    def plus(self, other: Record) -> Record:
        """This record with ``other``'s matches too (the same team's, in another stage)."""
        return Record(
            self.team,
            self.played + other.played,
            self.won + other.won,
            self.drawn + other.drawn,
            self.lost + other.lost,
            self.goals_for + other.goals_for,
            self.goals_against + other.goals_against,
            self.away_goals + other.away_goals,
            self.away_wins + other.away_wins,
        )

    def add(self, scored: int, conceded: int, *, away: bool) -> Record:
        """This record with one more match."""
        won, lost = scored > conceded, scored < conceded
        return Record(
            self.team,
            self.played + 1,
            self.won + won,
            self.drawn + (not won and not lost),
            self.lost + lost,
            self.goals_for + scored,
            self.goals_against + conceded,
            self.away_goals + (scored if away else 0),
            self.away_wins + (won and away),
        )


def records(teams: Iterable[Team], matches: Iterable[Match]) -> dict[Team, Record]:
    """Each team's record over those of ``matches`` it played with a result.

    A table's matches never go to extra time, so the score after 90 minutes is the result.
    """
    table = {team: Record(team) for team in teams}
    for match in matches:
        score = match.final_score
        if score is None:
            continue
        if match.home in table:
            table[match.home] = table[match.home].add(score.home, score.away, away=False)
        if match.away in table:
            table[match.away] = table[match.away].add(score.away, score.home, away=True)
    return table
