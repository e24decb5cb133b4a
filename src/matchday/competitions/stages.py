"""Where a season's tables send their teams: zones, play-offs at a zone's edge, the best
teams placed third across groups, and a final group that decides the title.

Everything here is computed from the tables and the matches the data holds; a place that the
results cannot give (teams level on everything, a play-off missing from the data) is reported as
undecided with the teams concerned, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from matchday.competitions.brackets import GroupBracket
from matchday.competitions.format import BestPlaced, Format, RoundKind
from matchday.model.match import Match
from matchday.model.team import Team
from matchday.rules.decide import Outcome
from matchday.standings.qualification import Qualification
from matchday.standings.rules import Criterion
from matchday.standings.table import Standing, Table, goal_average

__all__ = [
    "BEST_PLACED",
    "Onward",
    "ShownPlace",
    "best_placed",
    "by_pairings",
    "champion",
    "destinations",
    "follow_the_data",
    "group_letter",
    "sent_on",
    "settle_with_best",
    "shown_on",
]

BEST_PLACED = "best placed"
"""The ``table`` of the ``Onward`` of the best teams placed third (or so) across groups."""


@dataclass(frozen=True, slots=True)
class Onward:
    """The teams a table (or the best placed across tables) sends to ``round``; ``undecided``
    are sets of teams of which the results cannot say which go on (``places`` of them)."""

    table: str
    round: str
    teams: tuple[Team, ...]
    undecided: tuple[tuple[Team, ...], ...] = ()
    play_off: Outcome | None = None
    shown: tuple[Team, ...] = ()
    """Teams of ``teams`` that the results left level with others across the edge and the data
    shows in ``round`` (the fair-play points that put Japan above Senegal in 2018 are not in
    the results; Japan's round-of-16 match is)."""


def _play_off(level: Sequence[Team], play_offs: Sequence[Outcome]) -> Outcome | None:
    wanted = frozenset(level)
    return next((o for o in play_offs if frozenset(o.tie.teams) == wanted), None)


def sent_on(
    table: Table, format_: Format, kind: RoundKind, play_offs: Sequence[Outcome] = ()
) -> tuple[Onward, ...]:
    """The teams ``table`` sends on, zone by zone (zones that leave the competition are not
    followed). Teams level across a zone's edge are settled by their play-off where the format
    has them (``play_offs``: the decided play-off matches), else left undecided."""
    zones = format_.zones(kind)
    if zones is None:
        return ()
    rows = table.standings
    found: list[Onward] = []
    for zone in zones.zones:
        if zone.round is None:
            continue
        inside = [s for s in rows if zone.first <= s.position <= zone.last]
        if len(inside) > zone.last - zone.first + 1 or not inside:
            continue  # a level set over the edge: handled below
        edge = inside[-1]
        beyond = [s for s in rows if s.position > zone.last]
        if format_.group_play_offs and beyond and beyond[0].points == edge.points:
            level = [s.team for s in rows if s.points == edge.points]
            played = _play_off(level, play_offs)
            if played is not None and played.winner is not None:
                teams = [s.team for s in inside if s.points != edge.points] + [played.winner]
                found.append(Onward(table.name, zone.round, tuple(teams), play_off=played))
                continue
        found.append(Onward(table.name, zone.round, tuple(s.team for s in inside)))
    return tuple(found) + _straddling(table, format_, kind, play_offs)


def _straddling(
    table: Table, format_: Format, kind: RoundKind, play_offs: Sequence[Outcome]
) -> tuple[Onward, ...]:
    """Zones whose edge cuts through teams the results leave level (sharing a position)."""
    zones = format_.zones(kind)
    assert zones is not None
    found = []
    for zone in zones.zones:
        inside = [s for s in table.standings if zone.first <= s.position <= zone.last]
        if zone.round is None or len(inside) <= zone.last - zone.first + 1:
            continue
        last = inside[-1].position
        sure = tuple(s.team for s in inside if s.position < last)
        level = tuple(s.team for s in inside if s.position == last)
        played = _play_off(level, play_offs) if format_.group_play_offs else None
        if played is not None and played.winner is not None:
            found.append(Onward(table.name, zone.round, (*sure, played.winner), play_off=played))
        else:
            found.append(Onward(table.name, zone.round, sure, (level,)))
    return tuple(found)


_KEYS = {
    Criterion.POINTS: None,
    Criterion.GOAL_DIFFERENCE: lambda r: Fraction(r.goal_difference),
    Criterion.GOALS: lambda r: Fraction(r.goals_for),
    Criterion.WINS: lambda r: Fraction(r.won),
    Criterion.GOAL_AVERAGE: goal_average,
}


def best_placed(tables: Sequence[Table], best: BestPlaced) -> Onward:
    """The ``best.count`` best teams placed ``best.position`` across ``tables``, ranked on
    points and ``best.rules``' criteria over all their group matches; teams level on all of
    them across the cut are undecided. Where teams of a group share the place (level on
    everything), their common record stands for the place and, if it is among the best, all of
    them go on (whichever is placed there, the others are placed above it)."""
    criteria = [c for c in best.rules.overall if _KEYS.get(c) is not None]

    def key(row: Standing) -> tuple[Fraction, ...]:
        values = [_KEYS[c](row.record) for c in criteria]  # type: ignore[misc]
        return (Fraction(row.points), *values)

    candidates: list[tuple[tuple[Fraction, ...], tuple[Team, ...]]] = []
    for table in tables:
        rows = table.standings
        at = [s for s in rows if s.position == best.position]
        if not at:
            at = [s for s in rows if s.position < best.position and not s.decided]
            at = [s for s in at if s.position + len(s.compared_with) >= best.position]
        if at:
            candidates.append((key(at[0]), tuple(s.team for s in at)))
    ranked = sorted(candidates, key=lambda c: c[0], reverse=True)
    if len(ranked) <= best.count:
        return Onward(BEST_PLACED, best.round, tuple(t for _, ts in ranked for t in ts))
    cut, after = ranked[best.count - 1][0], ranked[best.count][0]
    if cut != after:
        teams = tuple(t for _, ts in ranked[: best.count] for t in ts)
        return Onward(BEST_PLACED, best.round, teams)
    sure = tuple(t for k, ts in ranked if k > cut for t in ts)
    level = tuple(t for k, ts in ranked if k == cut for t in ts)
    return Onward(BEST_PLACED, best.round, sure, (level,))


def settle_with_best(found: Sequence[Onward], best: Onward) -> tuple[Onward, ...]:
    """A table's teams left level across its zone's edge all go on where the best placed
    take the one among them left below the edge: the table then sends them all on, and the
    best placed, last, name only the teams no table sends (each team once: Ireland and the
    Netherlands, level in 1990's group F, both went on, one of them as a best third)."""
    went = set(best.teams)
    settled = []
    moved: set[Team] = set()
    for onward in found:
        level = [u for u in onward.undecided if set(u) <= went and onward.round == best.round]
        if level:
            rest = tuple(u for u in onward.undecided if u not in level)
            teams = onward.teams + tuple(t for u in level for t in u)
            moved.update(t for u in level for t in u)
            onward = Onward(onward.table, onward.round, teams, rest, onward.play_off, onward.shown)
        settled.append(onward)
    kept = tuple(t for t in best.teams if t not in moved)
    return (
        *settled,
        Onward(best.table, best.round, kept, best.undecided, best.play_off, best.shown),
    )


def shown_on(
    found: Sequence[Onward], appeared: Mapping[str, frozenset[Team]]
) -> tuple[Onward, ...]:
    """``found`` with each set of teams left level across an edge settled where the data shows
    some of them in the round the edge leads to (``appeared``: the teams each round's matches
    name): those went on, the others did not. Nothing is settled where none of them is shown."""
    settled = []
    for onward in found:
        there = appeared.get(onward.round, frozenset())
        shown = tuple(t for level in onward.undecided for t in level if t in there)
        if shown:
            rest = tuple(u for u in onward.undecided if not set(u) & there)
            onward = Onward(
                onward.table, onward.round, onward.teams + shown, rest, onward.play_off,
                onward.shown + shown,
            )  # fmt: skip
        settled.append(onward)
    return tuple(settled)


def follow_the_data(
    found: Sequence[Onward], tables: Sequence[Table], appeared: Mapping[str, frozenset[Team]]
) -> tuple[Onward, ...]:
    """``found`` with each table that lacks a result (a match never played) following the
    data where the round a zone leads to names teams of it: those went on (less the teams the
    round of a zone below it names, who got there through it, as a league phase's
    play-offs), and the places of the others are left undecided, since the missing result
    could still move them."""
    lacking = {t.name: t for t in tables if not t.complete}
    rounds = {o.table: [x.round for x in found if x.table == o.table] for o in found}
    settled = []
    for onward in found:
        table = lacking.get(onward.table)
        there = appeared.get(onward.round, frozenset())
        if table is None or not there & set(table.teams):
            settled.append(onward)
            continue
        below = rounds[onward.table][rounds[onward.table].index(onward.round) + 1 :]
        before = frozenset(t for r in below for t in appeared.get(r, frozenset()))
        went = tuple(t for t in table.teams if t in there and t not in before)
        seen = frozenset(t for r in rounds[onward.table] for t in appeared.get(r, frozenset()))
        rest = tuple(t for t in table.teams if t not in seen)
        settled.append(Onward(onward.table, onward.round, went, (rest,) * bool(rest), None, went))
    return tuple(settled)


def destinations(
    table: Table, zones: Qualification, found: Sequence[Onward]
) -> dict[Team, str | None]:
    """Where each team of ``table`` goes, as its zones name it: the round ``found``
    (``onward``) sends it to; ``None`` where the results leave it level with others across a
    zone's edge, or where its place's zone leads on but it did not (it lost the play-off at
    the edge, or was no best third); else its place's zone (one that leaves the competition)."""
    mine = [o for o in found if o.table in (table.name, BEST_PLACED)]
    said = {z.round: z.destination for z in zones.zones if z.round is not None}
    sent = {t: said.get(o.round, o.round) for o in mine for t in o.teams}
    level = {t for o in mine for u in o.undecided for t in u}
    where: dict[Team, str | None] = {}
    for row in table.standings:
        zone = zones.zone(row.position)
        if row.team in sent:
            where[row.team] = sent[row.team]
        elif row.team in level or zone is None or zone.round is not None:
            where[row.team] = None
        else:
            where[row.team] = zone.destination
    return where


def champion(final_group: Table) -> Team | None:
    """The winner of a final group that decides the title, if the results say who it is."""
    top = final_group.standings[0]
    return top.team if top.decided and top.position == 1 else None


@dataclass(frozen=True, slots=True)
class ShownPlace:
    """The place of a team the results leave level with others on everything (waiting for
    lots) that the next round shows: in ``round`` it met ``opponent``, placed
    ``opponent_place`` in ``opponent_table``, whom the team placed ``position`` in ``table``
    meets (1970: the Soviet Union met Uruguay, runner-up of group 2, so it won group 1)."""

    table: str
    team: Team
    position: int
    round: str
    opponent: Team
    opponent_table: str
    opponent_place: int


def group_letter(name: str) -> str | None:
    """The letter by which a bracket names the group called ``name``: "Group A" is A, and a
    numbered "Group 1" is A too; ``None`` for another name."""
    words = name.split()
    if len(words) != 2 or words[0].casefold() != "group":
        return None
    label = words[1]
    if label.isdigit() and 1 <= int(label) <= 26:
        return chr(ord("A") + int(label) - 1)
    return label.upper() if len(label) == 1 and label.isalpha() else None


def by_pairings(
    tables: Sequence[Table], pairings: GroupBracket, round_name: str, matches: Sequence[Match]
) -> tuple[ShownPlace, ...]:
    """The places that ``matches`` of the first knockout round (``round_name``) show for teams
    the results leave level on everything: each met a team whose place is decided, and
    ``pairings`` say which place of its own group meets that one. Only a level set all of
    whose teams get different places of the ones they share is settled; nothing is guessed."""
    letters = {t.name: group_letter(t.name) for t in tables}
    placed: dict[Team, tuple[str, int]] = {}
    for table in tables:
        for row in table.standings:
            if row.decided or not row.compared_with:
                placed[row.team] = (table.name, row.position)
    meets = {a: b for tie in pairings.ties for a, b in (tie, tie[::-1])}
    opponents = {t: o for m in matches for t, o in ((m.home, m.away), (m.away, m.home))}
    found: list[ShownPlace] = []
    for table in tables:
        letter = letters[table.name]
        for level in table.undecided:
            first = next(s.position for s in table.standings if s.team == level[0])
            shared = range(first, first + len(level))
            shown: list[ShownPlace] = []
            for team in level:
                opponent = opponents.get(team)
                where = placed.get(opponent) if opponent is not None else None
                if opponent is None or where is None or letters[where[0]] is None:
                    break
                slot = meets.get(f"{where[1]}{letters[where[0]]}")
                if slot is None or slot[1:] != letter or int(slot[0]) not in shared:
                    break
                shown.append(
                    ShownPlace(table.name, team, int(slot[0]), round_name, opponent, *where)
                )
            if len(shown) == len(level) and len({p.position for p in shown}) == len(level):
                found.extend(shown)
    return tuple(found)
