"""Tables as plain data: the JSON shape of ``matchday table --json``.

The shape is a public contract (README, "matchday table"): keys are only ever added.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from matchday.model import Team
from matchday.standings import PlayOff, Qualification, Table

__all__ = ["table_json"]


def table_json(
    table: Table,
    zones: Qualification | None = None,
    where: Mapping[Team, str | None] | None = None,
    shown: frozenset[Team] = frozenset(),
) -> dict[str, Any]:
    """One table with its rows in order, each with the reason for its place and where it goes:
    ``where`` (``competitions.destinations``: play-offs at an edge and the best placed
    settled), else its place's zone; ``shown``: teams placed by the next round's matches;
    ``play_off``: the group play-off that placed a row's team; ``repeated``: pairs that met
    more often than the format has them meet, all their matches counted; ``unmet``: pairs with
    no match in the table though the format has every pair meet."""
    rows = []
    for s in table.standings:
        r = s.record
        zone = zones.zone(s.position) if zones else None
        onward = where[s.team] if where is not None else zone.destination if zone else None
        rows.append(
            {
                "position": s.position,
                "team": s.team.name,
                "country": s.team.country,
                "played": r.played,
                "won": r.won,
                "drawn": r.drawn,
                "lost": r.lost,
                "goals_for": r.goals_for,
                "goals_against": r.goals_against,
                "goal_difference": r.goal_difference,
                "points": s.points,
                "decided": s.decided,
                "decided_by": s.decided_by.value if s.decided_by else None,
                "head_to_head": s.head_to_head,
                "reapplied": s.reapplied,
                "compared_with": [t.name for t in s.compared_with],
                "awaiting": [c.value for c in s.awaiting],
                "explanation": s.explanation,
                "next": onward,
                "next_shown_by_later_round": s.team in shown,
                "play_off": _play_off_json(s.play_off),
            }
        )
    return {
        "name": table.name,
        "tiebreakers": table.rules.name,
        "complete": table.complete,
        "rows": rows,
        "undecided": [[t.name for t in teams] for teams in table.undecided],
        "repeated": [[t.name for t in table.teams if t in pair] for pair in table.repeated],
        "unmet": [[t.name for t in table.teams if t in pair] for pair in table.unmet],
    }


def _play_off_json(played: PlayOff | None) -> dict[str, Any] | None:
    """The play-off match that placed a team (1954, 1958), the winner's score first."""
    if played is None:
        return None
    score, shoot_out = played.scores(played.winner)
    return {
        "winner": played.winner.name,
        "loser": played.loser.name,
        "score": None if score is None else str(score),
        "extra_time": played.match.extra_time is not None,
        "penalties": None if shoot_out is None else str(shoot_out),
        "date": played.match.date.isoformat(),
    }
