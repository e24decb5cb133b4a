"""Ranking a group or a league phase: positions, each with the criterion that decided it and why.

``rank(name, matches, rules)`` orders the teams by points, then by ``rules``' tie-breakers, keeping
for each team the step that separated it from the teams level with it. Teams the results cannot
separate share a position and name the criteria that would decide (disciplinary points, club
coefficient); matchday never guesses those. A play-off match between teams level on points
(``PlayOff``, where the competition's format has them) decides before any tie-breaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from matchday.errors import InvalidValueError
from matchday.model.match import Match
from matchday.model.names import counted
from matchday.model.score import Score
from matchday.model.team import Team
from matchday.standings.carry import Start
from matchday.standings.record import Record, records
from matchday.standings.rules import Criterion, TableRules

__all__ = ["PlayOff", "Standing", "Table", "rank"]


@dataclass(frozen=True, slots=True)
class PlayOff:
    """A play-off ``match`` between two teams level on points, which ``winner`` won (after
    extra time, on penalties or by lots where the match was level)."""

    winner: Team
    loser: Team
    match: Match

    @property
    def teams(self) -> frozenset[Team]:
        """The two teams."""
        return frozenset((self.winner, self.loser))

    def scores(self, team: Team) -> tuple[Score | None, Score | None]:
        """The final score and the shoot-out (if any) from ``team``'s side, its goals first."""
        match = self.match
        if team == match.home:
            return match.final_score, match.penalties
        return _turned(match.final_score), _turned(match.penalties)

    def said_of(self, team: Team) -> str:
        """The play-off from ``team``'s side: "won the play-off 2-1 after extra time"."""
        text = f"{'won' if team == self.winner else 'lost'} the play-off"
        score, shoot_out = self.scores(team)
        if score is None:
            return text
        text += f" {score}"
        if self.match.extra_time is not None:
            text += " after extra time"
        if shoot_out is not None:
            text += f", {shoot_out} on penalties"
        elif score.level:
            text += f", then {Criterion.LOTS.phrase}"
        return text


def _turned(score: Score | None) -> Score | None:
    return None if score is None else Score(score.away, score.home)


@dataclass(frozen=True, slots=True)
class Standing:
    """One row of a table.

    ``decided_by`` is the criterion that placed the team (``POINTS`` when no one has its points),
    ``head_to_head`` tells whether it was taken over the matches among the tied teams only, and
    ``compared_with`` lists the teams that criterion separated it from (none when no other team
    has its points). ``decided_by`` is ``None``
    when the results leave the team level with ``compared_with``; ``awaiting`` then names the
    criteria that would decide. Teams left level share a ``position``. ``play_off``: the
    play-off match that placed the team (``decided_by`` is then ``PLAY_OFF``).
    """

    position: int
    record: Record
    points: int
    decided_by: Criterion | None
    head_to_head: bool
    reapplied: bool
    level_with: tuple[Team, ...]
    compared_with: tuple[Team, ...]
    awaiting: tuple[Criterion, ...]
    explanation: str
    play_off: PlayOff | None = None

    @property
    def team(self) -> Team:
        """The team in this row."""
        return self.record.team

    @property
    def decided(self) -> bool:
        """False when the results cannot separate the team from ``compared_with``."""
        return self.decided_by is not None


@dataclass(frozen=True, slots=True)
class Table:
    """A ranked table: its name ("Group A", "League phase"), the rules and the rows in order.
    ``repeated``: pairs of teams that met more often than the competition's format has them
    meet, all of whose matches are counted; ``unmet``: pairs that have no match in it though
    the format has every pair meet (a match not yet in the data, or a team written two ways),
    so the table is not complete (both set by the caller that knows the format; ``meetings``:
    how often the format has each pair meet, where it says). ``start``: what each team
    carried into the table from the regular season, for a league's later stage (the
    Championship group of a league that splits); its points are in the table's."""

    name: str
    rules: TableRules
    standings: tuple[Standing, ...]
    matches: tuple[Match, ...]
    repeated: tuple[frozenset[Team], ...] = ()
    unmet: tuple[frozenset[Team], ...] = ()
    start: Start | None = None
    meetings: int | None = None

    @property
    def teams(self) -> tuple[Team, ...]:
        """The teams in table order."""
        return tuple(s.team for s in self.standings)

    @property
    def complete(self) -> bool:
        """True when every match of the table has a result (or was cancelled) and no pair the
        format has meet is without a match (``unmet``)."""
        return not self.unmet and all(m.played or m.cancelled for m in self.matches)

    @property
    def unplayed(self) -> tuple[Match, ...]:
        """The table's matches without a result (and not cancelled): still to play, or cut
        short with the season (Scotland 2019-20)."""
        return tuple(m for m in self.matches if not (m.played or m.cancelled))

    @property
    def games_per_team(self) -> int | None:
        """How many games each team plays in the table as the format has it (``meetings``
        with each other team), where it says and the table counts its own games only."""
        if self.meetings is None or self.start is not None:
            return None
        return self.meetings * (len(self.standings) - 1)

    @property
    def undecided(self) -> tuple[tuple[Team, ...], ...]:
        """The sets of teams that the results leave level, each set in table order."""
        seen: dict[int, list[Team]] = {}
        for standing in self.standings:
            if not standing.decided:
                seen.setdefault(standing.position, []).append(standing.team)
        return tuple(tuple(teams) for teams in seen.values())

    def at(self, first: int, last: int) -> tuple[Team, ...]:
        """The teams in positions ``first`` to ``last`` (inclusive, 1-based)."""
        return tuple(s.team for s in self.standings if first <= s.position <= last)


@dataclass(frozen=True, slots=True)
class _Placed:
    """A team separated from ``above`` and ``below`` by ``criterion`` (None: not separated)."""

    team: Team
    criterion: Criterion | None
    head_to_head: bool
    reapplied: bool
    above: tuple[Team, ...]
    below: tuple[Team, ...]
    play_off: PlayOff | None = None
    awaiting: tuple[Criterion, ...] | None = None
    """What would separate a team left level (``None``: the rules' ``beyond_results``)."""


_Value = Callable[[Criterion, Team], Fraction]

_NOTHING_CONCEDED = 10**9
"""Goal average of a team that conceded nothing: above any ratio (a ratio never exceeds the
goals scored), and among such teams more goals rank higher."""


def goal_average(record: Record) -> Fraction:
    """Goals scored divided by goals conceded, exactly (no rounding to decide a place)."""
    if record.goals_against == 0:
        return Fraction(_NOTHING_CONCEDED + record.goals_for)
    return Fraction(record.goals_for, record.goals_against)


def _split(teams: Sequence[Team], key: Callable[[Team], Fraction]) -> list[list[Team]]:
    """``teams`` in groups of equal ``key``, highest first."""
    groups: dict[Fraction, list[Team]] = {}
    for team in teams:
        groups.setdefault(key(team), []).append(team)
    return [groups[k] for k in sorted(groups, reverse=True)]


class _Ranker:
    """One ranking of one table; lives only inside ``rank``."""

    def __init__(
        self,
        teams: Sequence[Team],
        matches: Sequence[Match],
        rules: TableRules,
        play_offs: Sequence[PlayOff] = (),
        start: Start | None = None,
        first_place: int = 1,
    ) -> None:
        self.rules = rules
        self.first_place = first_place
        self.play_offs = play_offs
        self.meetings = tuple(matches)
        if start is not None and start.carry.whole_season:
            self.meetings = (*start.matches, *matches)
        self.stage = records(teams, matches)
        self.carried = {c.team: c for c in start.teams} if start is not None else {}
        self.all = self.stage
        if start is not None and start.carry.whole_season:
            self.all = {
                t: (c.record.plus(r) if (c := self.carried.get(t)) else r)
                for t, r in self.stage.items()
            }
        self.opponents: dict[Team, set[Team]] = {team: set() for team in teams}
        for match in matches:
            if match.played and match.home in self.all and match.away in self.all:
                self.opponents[match.home].add(match.away)
                self.opponents[match.away].add(match.home)

    def points(self, record: Record) -> int:
        return record.points(self.rules.win, self.rules.draw)

    def total(self, team: Team) -> int:
        """The team's points in the table: those carried into it and those won in it."""
        carried = self.carried.get(team)
        return (carried.points if carried else 0) + self.points(self.stage[team])

    def value(self, table: dict[Team, Record], *, carried: bool = False) -> _Value:
        """The value of each criterion for each team in ``table`` (opponents' values: overall);
        ``carried``: points are the table's own, with those carried into it."""

        def of(criterion: Criterion, team: Team) -> Fraction:
            if criterion is Criterion.GOAL_AVERAGE:
                return goal_average(table[team])
            if criterion is Criterion.POINTS and carried:
                return Fraction(self.total(team))
            brought = self.carried.get(team)
            if criterion is Criterion.POINTS_BEFORE_ROUNDING:
                return -brought.rounded if brought else Fraction(0)
            if criterion is Criterion.REGULAR_SEASON_PLACE:
                return Fraction(-brought.place if brought else 0)
            return Fraction(count(criterion, team))

        def count(criterion: Criterion, team: Team) -> int:
            record = table[team]
            if criterion is Criterion.POINTS:
                return self.points(record)
            if criterion is Criterion.GOAL_DIFFERENCE:
                return record.goal_difference
            if criterion is Criterion.GOALS:
                return record.goals_for
            if criterion is Criterion.AWAY_GOALS:
                return record.away_goals
            if criterion is Criterion.WINS:
                return record.won
            if criterion is Criterion.AWAY_WINS:
                return record.away_wins
            opponents = [self.all[o] for o in self.opponents[team]]
            if criterion is Criterion.OPPONENTS_POINTS:
                return sum(self.points(o) for o in opponents)
            if criterion is Criterion.OPPONENTS_GOAL_DIFFERENCE:
                return sum(o.goal_difference for o in opponents)
            if criterion is Criterion.OPPONENTS_GOALS:
                return sum(o.goals_for for o in opponents)
            raise InvalidValueError(f"{criterion.phrase} cannot be computed from results")

        return of

    def rank(self) -> list[_Placed]:
        placed: list[_Placed] = []
        value = self.value(self.all, carried=True)
        leftovers = self.sequential(list(self.all), (Criterion.POINTS,), value, placed, h2h=False)
        alone = [dataclasses.replace(p, above=(), below=()) for p in placed]
        out: list[_Placed] = []
        for item in alone:
            group = leftovers.get(item.team)
            if group is None:
                out.append(item)
            elif self.first_place + len(out) in self.rules.play_off_places and len(group) == 2:
                out.extend(self.awaiting_play_off(group))
            else:
                out.extend(self.tied_on_points(group))
        return out

    def awaiting_play_off(self, group: list[Team]) -> list[_Placed]:
        """Two teams level on points for a place a play-off decides: its match where the
        table has it (``play_offs``), else left level, awaiting it."""
        if any(p.teams == frozenset(group) for p in self.play_offs):
            return self.tied_on_points(group)
        waiting = (Criterion.PLAY_OFF,)
        return [dataclasses.replace(p, awaiting=waiting) for p in _unresolved(group)]

    def resolve(
        self,
        placed: list[_Placed],
        leftovers: dict[Team, list[Team]],
        then: Callable[[list[Team]], list[_Placed]],
    ) -> list[_Placed]:
        """Replace each still-level group (keyed by its first team) by ``then``'s ranking."""
        out: list[_Placed] = []
        for item in placed:
            group = leftovers.get(item.team)
            out.extend(then(group) if group is not None else [item])
        return out

    def tied_on_points(self, group: list[Team]) -> list[_Placed]:
        played = next((p for p in self.play_offs if p.teams == frozenset(group)), None)
        if played is not None:
            winner, loser = (played.winner,), (played.loser,)
            return [
                _Placed(played.winner, Criterion.PLAY_OFF, False, False, (), loser, played),
                _Placed(played.loser, Criterion.PLAY_OFF, False, False, winner, (), played),
            ]
        if self.rules.head_to_head and not self.rules.head_to_head_last:
            return self.head_to_head(group, reapplied=False)
        return self.overall(group)

    def head_to_head(self, group: list[Team], *, reapplied: bool) -> list[_Placed]:
        members = set(group)
        among = [m for m in self.meetings if m.home in members and m.away in members]
        placed: list[_Placed] = []
        leftovers = self.sequential(
            group,
            self.rules.head_to_head,
            self.value(records(group, among)),
            placed,
            h2h=True,
            reapplied=reapplied,
        )

        def again(sub: list[Team]) -> list[_Placed]:
            if self.rules.reapply_head_to_head and len(sub) < len(group):
                return self.head_to_head(sub, reapplied=True)
            if self.rules.head_to_head_last:
                return self.after_head_to_head(sub)
            return self.overall(sub)

        return self.resolve(placed, leftovers, again)

    def after_head_to_head(self, group: list[Team]) -> list[_Placed]:
        """Teams still level after a head-to-head that comes last, on the criteria over all
        matches that follow it (``after_head_to_head``; none: left level)."""
        placed: list[_Placed] = []
        value = self.value(self.all, carried=True)
        criteria = self.rules.after_head_to_head
        leftovers = self.sequential(group, criteria, value, placed)
        return self.resolve(placed, leftovers, _unresolved)

    def overall(self, group: list[Team]) -> list[_Placed]:
        placed: list[_Placed] = []
        value = self.value(self.all, carried=True)
        leftovers = self.sequential(group, self.rules.overall, value, placed)

        def then(sub: list[Team]) -> list[_Placed]:
            if self.rules.head_to_head and self.rules.head_to_head_last:
                return self.head_to_head(sub, reapplied=False)
            return _unresolved(sub)

        return self.resolve(placed, leftovers, then)

    @staticmethod
    def sequential(
        group: list[Team],
        criteria: Sequence[Criterion],
        value: _Value,
        placed: list[_Placed],
        *,
        h2h: bool = False,
        reapplied: bool = False,
    ) -> dict[Team, list[Team]]:
        """Split ``group`` by each criterion in turn, appending to ``placed`` in order.

        A group still level after the last criterion is appended as a placeholder (its first
        team, no criterion) and returned in the mapping from that team to the whole group.
        """
        leftovers: dict[Team, list[Team]] = {}

        def go(teams: list[Team], index: int) -> None:
            if index == len(criteria):
                placed.append(_Placed(teams[0], None, h2h, reapplied, (), ()))
                leftovers[teams[0]] = teams
                return
            criterion = criteria[index]
            parts = _split(teams, lambda t: value(criterion, t))
            for i, part in enumerate(parts):
                if len(part) > 1 or len(parts) == 1:
                    go(part, index + 1)
                    continue
                above = tuple(t for p in parts[:i] for t in p)
                below = tuple(t for p in parts[i + 1 :] for t in p)
                placed.append(_Placed(part[0], criterion, h2h, reapplied, above, below))

        go(group, 0)
        return leftovers


def _unresolved(teams: list[Team]) -> list[_Placed]:
    """Teams the results leave level, by name, each placed with no criterion."""
    return [
        _Placed(t, None, False, False, tuple(o for o in teams if o != t), ())
        for t in sorted(teams, key=lambda t: t.name)
    ]


def _names(teams: Iterable[Team]) -> str:
    names = [t.name for t in teams]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


_OF_MATCHES = frozenset(Criterion) - {
    Criterion.POINTS_BEFORE_ROUNDING,
    Criterion.REGULAR_SEASON_PLACE,
}
"""The criteria counted over matches: the others (what rounding took, the place in the regular
season) are the same among the tied teams as over all matches, so never "head-to-head"."""


def _explain(item: _Placed, points: int, level: tuple[Team, ...], rules: TableRules) -> str:
    if not level:
        return "on points"
    head = f"level on {counted(points, 'point', 'points')} with {_names(level)}"
    if item.play_off is not None:
        return f"{head}; {item.play_off.said_of(item.team)}"
    if item.criterion is None:
        if item.awaiting is not None:
            waiting = " then ".join(c.phrase for c in item.awaiting)
            return f"{head}; {waiting} decides, and the results do not contain it"
        if not rules.beyond_results:
            return f"{head}; these tie-breakers go no further"
        beyond = " then ".join(c.phrase for c in rules.beyond_results)
        return (
            f"{head}; level with {_names(item.above)} on everything the results decide — "
            f"{beyond} would separate them, and the results do not contain that"
        )
    parts = []
    everyone = set(item.above + item.below) == set(level)
    if item.above:
        parts.append("behind" if everyone and not item.below else f"behind {_names(item.above)}")
    if item.below:
        parts.append("ahead" if everyone and not item.above else f"ahead of {_names(item.below)}")
    among = item.head_to_head and item.criterion in _OF_MATCHES
    phrase = ("head-to-head " if among else "") + item.criterion.phrase
    text = f"{head}; {', '.join(parts)} on {phrase}"
    if item.reapplied:
        text += " (head-to-head re-applied to the teams still level)"
    elif rules.head_to_head and not item.head_to_head and not rules.head_to_head_last:
        text += " (level head-to-head)"
    elif item.head_to_head and rules.head_to_head_last:
        text += " (level on the criteria over all matches)"
    return text


def rank(
    name: str,
    matches: Iterable[Match],
    rules: TableRules,
    play_offs: Sequence[PlayOff] = (),
    start: Start | None = None,
    first_place: int = 1,
) -> Table:
    """The table of ``matches`` under ``rules``, called ``name``.

    Every team that appears in a match is in the table; matches without a result do not count.
    ``play_offs``: play-off matches between teams level on points (not among ``matches``); one
    between the only two teams on their points decides before any of ``rules``' criteria.
    ``start``: what each team carried into this stage of a league (its points count, and over
    the whole season its regular-season record too). ``first_place``: the place its first row
    holds in the league (7 for Scotland's bottom six after the split; 1 by default).
    """
    if type(first_place) is not int or first_place < 1:
        raise InvalidValueError(f"a table starts at a place from 1, not {first_place!r}")
    played = tuple(matches)
    teams = list(dict.fromkeys(t for m in played for t in (m.home, m.away)))
    ranker = _Ranker(teams, played, rules, play_offs, start, first_place)
    placed = ranker.rank()
    ordered = [item.team for item in placed]
    rows: list[Standing] = []
    previous: _Placed | None = None
    for index, item in enumerate(placed, start=first_place):
        record = ranker.all[item.team]
        points = ranker.total(item.team)
        level = tuple(t for t in ordered if t != item.team and ranker.total(t) == points)
        shares = item.criterion is None and previous is not None and previous.criterion is None
        shares = shares and previous is not None and previous.team in item.above
        position = rows[-1].position if shares else index
        unresolved = item.criterion is None
        rows.append(
            Standing(
                position=position,
                record=record,
                points=points,
                decided_by=item.criterion,
                head_to_head=item.head_to_head,
                reapplied=item.reapplied,
                level_with=level,
                compared_with=item.above + item.below,
                awaiting=(item.awaiting or rules.beyond_results) if unresolved else (),
                explanation=_explain(item, points, level, rules),
                play_off=item.play_off,
            )
        )
        previous = item
    return Table(name, rules, tuple(rows), played, start=start)
