"""Second meetings that are no second leg or group match: group play-offs and replays.

Some files list a group's play-off among the group's matches, with no round of its own
(openfootball's ``more/1958.txt``: Wales 2-1 Hungary under "Group 3"). Where the format says
how often a pair of a group meets (``Format.group_meetings``), a meeting beyond that is no group
match. It is the group's play-off where the format has them (``Format.group_play_offs``), it
comes after every other match of the group, and its two teams are level on points without it:
it is then moved to a round of its own, "Group 3 play-off", as other files write it. Any other
extra meeting stays where the file puts it, and the table names the pair (``repeated_pairs``).

Likewise a cup whose drawn matches are replayed (the FA Cup) may list the replay under the
round of the drawn match, with no "Replays" header: two meetings of a pair, like a tie's two
legs. Where the round's rules replay a drawn match without extra time, never playing two legs
(``Rules.replay``), a pair's meetings after a match drawn after 90 minutes are its replays
and go to a round of replays of their own ("Round 4, Replays", ``separate_replays``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable

from matchday.competitions.format import Format
from matchday.model.competition import Round, RoundFormat, Season, Stage
from matchday.model.match import Match
from matchday.model.team import Team
from matchday.standings.groups import split_groups
from matchday.standings.record import records

__all__ = [
    "PLAY_OFF_ROUND",
    "REPLAY_ROUND",
    "repeated_pairs",
    "separate_group_play_offs",
    "separate_replays",
]

PLAY_OFF_ROUND = "{group} play-off"
"""The name of the round a group's play-off is moved to ("Group 3 play-off")."""
REPLAY_ROUND = "{round}, Replays"
"""The name of the round replays listed under their drawn match's round go to."""


def _pair(match: Match) -> frozenset[Team]:
    return frozenset((match.home, match.away))


def repeated_pairs(matches: Iterable[Match], meetings: int) -> tuple[frozenset[Team], ...]:
    """The pairs of teams that meet more than ``meetings`` times in ``matches``, in the order
    of their first meeting."""
    counted = Counter(_pair(m) for m in matches)
    return tuple(pair for pair, n in counted.items() if n > meetings)


def _play_off(group: tuple[Match, ...], format_: Format) -> Match | None:
    """The match of ``group`` that is its play-off, if one is: a meeting beyond the format's,
    the last match of the group, whose teams are level on points over the others."""
    meetings, rules = format_.group_meetings, format_.group
    if meetings is None or rules is None or not format_.group_play_offs:
        return None
    last = max(group, key=lambda m: m.date)
    others = tuple(m for m in group if m is not last)
    if not all(m.played for m in group):
        return None
    if sum(_pair(m) == _pair(last) for m in others) < meetings:
        return None
    if any(m.date == last.date and _pair(m) & _pair(last) for m in others):
        return None  # the teams played another group match that day
    table = records({t for m in group for t in (m.home, m.away)}, others)
    home, away = table[last.home], table[last.away]
    return (
        last if home.points(rules.win, rules.draw) == away.points(rules.win, rules.draw) else None
    )


def separate_group_play_offs(season: Season, format_: Format) -> Season:
    """``season`` with each group's play-off that the file lists among the group's matches
    moved to a knockout round of its own right after the group's round (unchanged where the
    format does not say how often a pair meets, or where no such match is found)."""
    if format_.group_meetings is None:
        return season

    def play_offs(round_: Round) -> tuple[tuple[Match, ...], str]:
        if round_.format is not RoundFormat.GROUP:
            return (), ""
        groups = split_groups(round_.matches)
        found = tuple(m for g in groups if (m := _play_off(g, format_)) is not None)
        return found, PLAY_OFF_ROUND.format(group=round_.name)

    return _moved_on(season, play_offs)


def _moved_on(season: Season, picked: Callable[[Round], tuple[tuple[Match, ...], str]]) -> Season:
    """``season`` with the matches ``picked`` takes out of each round put in a knockout round
    of the name it gives, right after that round (the same season where it takes none)."""
    stages = []
    moved = False
    for stage in season.stages:
        rounds: list[Round] = []
        for round_ in stage.rounds:
            found, name = picked(round_)
            if not found:
                rounds.append(round_)
                continue
            moved = True
            kept = tuple(m for m in round_.matches if all(m is not f for f in found))
            rounds.append(dataclasses.replace(round_, matches=kept))
            rounds.append(Round(name, RoundFormat.KNOCKOUT, found))
        stages.append(Stage(stage.kind, tuple(rounds)))
    return dataclasses.replace(season, stages=tuple(stages)) if moved else season


def _replays(round_: Round) -> tuple[Match, ...]:
    """The matches of ``round_`` that replay a pair's earlier meeting drawn after 90 minutes
    without extra time."""
    meetings: dict[frozenset[Team], list[Match]] = {}
    for match in sorted(round_.matches, key=lambda m: m.date):
        meetings.setdefault(_pair(match), []).append(match)
    found: list[Match] = []
    for pair in meetings.values():
        first = pair[0]
        drawn = first.score is not None and first.score.home == first.score.away
        if len(pair) > 1 and drawn and first.extra_time is None and first.penalties is None:
            found.extend(pair[1:])
    return tuple(found)


def separate_replays(season: Season, replayed: Callable[[Round], bool]) -> Season:
    """``season`` with the replays each round of single matches lists among its own matches
    (where ``replayed(round)``: its rules replay a drawn match, without extra time first)
    moved to a round of replays right after it; unchanged where there are none."""

    def replays(round_: Round) -> tuple[tuple[Match, ...], str]:
        found = _replays(round_) if round_.knockout and replayed(round_) else ()
        return found, REPLAY_ROUND.format(round=round_.name)

    return _moved_on(season, replays)
