"""Tables as plain data: the JSON shape of ``matchday table --json``.

The shape is a public contract (README, "matchday table"): keys are only ever added.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from matchday.competitions.stages import ShownPlace
from matchday.model import Team
from matchday.standings import PlayOff, Qualification, Start, Table

__all__ = ["table_json"]


def table_json(
    table: Table,
    zones: Qualification | None = None,
    where: Mapping[Team, str | None] | None = None,
    shown: frozenset[Team] = frozenset(),
    places: Sequence[ShownPlace] = (),
) -> dict[str, Any]:
    """One table with its rows in order, each with the reason for its place and where it goes:
    ``where`` (``competitions.destinations``: play-offs at an edge and the best placed
    settled), else its place's zone; ``shown``: teams placed by the next round's matches;
    ``play_off``: the group play-off that placed a row's team; ``repeated``: pairs that met
    more often than the format has them meet, all their matches counted; ``unmet``: pairs that
    met less often than the format has every pair meet (``meetings`` times: once in a group,
    twice in a double round robin), so the table is not complete; ``unplayed``: how many of
    its matches have no result (the table is not complete either); ``games_per_team``: how many
    games each team plays in it as the format has it (``None``: not said);
    ``start``/``carried``: what a league stage's table starts from, and what each team carried
    into it;
    ``place_shown_by_later_round``: the place of a row left level on everything (waiting for
    lots) that the next round shows (``SeasonRules.shown_places``), else ``None``."""
    shown_at = {p.team: p.position for p in places if p.table == table.name}
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
                "place_shown_by_later_round": shown_at.get(s.team),
                "play_off": _play_off_json(s.play_off),
                "carried": _carried_json(table.start, s.team),
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
        "meetings": table.meetings,
        "unplayed": len(table.unplayed),
        "games_per_team": table.games_per_team,
        "start": _start_json(table.start),
    }


def _start_json(start: Start | None) -> dict[str, Any] | None:
    """How a league stage's table starts from the regular season: the table carried from,
    which points (``all``, ``halved_rounded_up``, ...) and whether its games and goals count."""
    if start is None:
        return None
    return {
        "from": start.before,
        "points": start.carry.points.value,
        "whole_season": start.carry.whole_season,
    }


def _carried_json(start: Start | None, team: Team) -> dict[str, Any] | None:
    """What a team carried into a league stage: points, what rounding added (0.5) or took
    (-0.5), its place in the regular season."""
    carried = start.of(team) if start is not None else None
    if carried is None:
        return None
    return {"points": carried.points, "rounded": float(carried.rounded), "place": carried.place}


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
