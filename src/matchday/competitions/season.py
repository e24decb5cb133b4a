"""A season read against its competition: the kind of each round, the rules that settle each
tie, who the data shows going on, and every tie decided with the reason."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from matchday.competitions.format import Format, LeagueStage, RoundKind
from matchday.competitions.meetings import (
    repeated_pairs,
    separate_group_play_offs,
    separate_replays,
)
from matchday.competitions.registry import Competition
from matchday.competitions.stages import (
    Onward,
    ShownPlace,
    best_placed,
    by_pairings,
    champion,
    follow_the_data,
    sent_on,
    settle_with_best,
    shown_on,
)
from matchday.errors import UnsettledTieError
from matchday.model.competition import (
    Round,
    RoundFormat,
    Season,
    Stage,
    is_final,
    is_replay_round,
    is_third_place,
)
from matchday.model.team import Team
from matchday.model.tie import Tie
from matchday.rules.decide import Outcome, Unsettled, decide
from matchday.rules.presets import Rules
from matchday.rules.settle import DecidedBy
from matchday.standings.carry import start_from
from matchday.standings.groups import REGULAR_SEASON, league_rounds, round_tables
from matchday.standings.rules import DOMESTIC, TableRules
from matchday.standings.table import PlayOff, Table, rank

__all__ = ["SeasonRules", "league_points", "round_kind", "went_on", "with_legs"]

_GROUP_AT_MOST = 48
"""The most teams of a group whose pairs are listed when they never met: a real group has
a few; a file's one "group" of thousands of teams would list millions (not read in linear
time), so larger tables list none."""

_PLAY_OFF = re.compile(r"play-?off", re.IGNORECASE)
_FINAL_GROUP = re.compile(r"^final (round|group|stage)", re.IGNORECASE)
_RELEGATION = re.compile(r"relegation|abstieg|play-?out", re.IGNORECASE)
_SECOND_GROUP = re.compile(r"second (round|stage|group)|2nd (round|stage)|group [a-d]$", re.I)


def _stage_table(
    round_: Round, stage: LeagueStage, regular: Table, rules: TableRules | None
) -> Table:
    """The table of a league's stage after its regular season, starting from what its teams
    carry from the ``regular`` season's table (under ``rules`` if chosen, else the stage's)."""
    places = ((s.position, s.record, s.points) for s in regular.standings)
    teams = {t for m in round_.matches for t in (m.home, m.away)}
    start = start_from(regular.name, places, teams, stage.carry, regular.matches)
    chosen = rules or stage.table
    return rank(round_.name, round_.matches, chosen, start=start, first_place=stage.first_place)


def round_kind(round_: Round, format_: Format, ties: Sequence[Tie] = ()) -> RoundKind:
    """The kind of ``round_`` under ``format_``, from the round's name and shape."""
    name = round_.name.strip()
    if round_.format is RoundFormat.LEAGUE:
        return RoundKind.LEAGUE_PHASE
    if round_.format is RoundFormat.GROUP:
        if format_.final_group is not None and _FINAL_GROUP.search(name):
            return RoundKind.FINAL_GROUP
        if format_.second_group is not None and _SECOND_GROUP.search(name):
            return RoundKind.SECOND_GROUP
        return RoundKind.GROUP
    if format_.relegation is not None and _RELEGATION.search(name):
        return RoundKind.RELEGATION
    if is_replay_round(name):
        return RoundKind.REPLAY
    if is_third_place(name):
        return RoundKind.THIRD_PLACE
    if is_final(name):
        return RoundKind.FINAL
    if _FINAL_GROUP.search(name) and format_.final_group is not None:
        return RoundKind.FINAL_GROUP
    if name.casefold().startswith("group") and _PLAY_OFF.search(name):
        return RoundKind.GROUP_PLAY_OFF
    # a pair of teams that meets twice makes the round two-legged (as ``build_ties`` reads it);
    # counted from the matches so that a round with a broken tie still has a kind
    pairs = Counter(frozenset((m.home, m.away)) for m in round_.matches)
    if any(not tie.single_match for tie in ties) or any(n > 1 for n in pairs.values()):
        return RoundKind.TWO_LEGS
    if round_.legs == 2:  # known two-legged, its second legs still to come (``with_legs``)
        return RoundKind.TWO_LEGS
    return RoundKind.SINGLE_MATCH


def with_legs(season: Season, format_: Format | None) -> Season:
    """``season`` with each knockout round whose second legs may be still to come marked
    two-legged (``Round.legs``), so that a pair it holds one match of is a tie between the legs,
    not a single match decided: a round the file's header says is two-legged (it names a leg,
    "1st leg"), or that ``format_`` (the registry's, ``None`` where it is not known) plays over
    two legs (``Format.two_legs``) and none of whose lone matches (a pair's only one) went to
    extra time or penalties (a first leg never does: the round was played as single matches
    that season; a second leg may, on the night of the second legs). Only while
    the round is open: once a team of it appears in a later round, the round is over and its
    matches show its shape (a pair short of a leg is then an error, as ever); else unmarked."""
    marked = []
    changed = False
    for stage in season.stages:
        rounds = []
        for round_ in stage.rounds:
            legs = 2 if _second_legs_to_come(season, round_, format_) else 0
            changed |= legs != round_.legs
            rounds.append(replace(round_, legs=legs) if legs != round_.legs else round_)
        marked.append(Stage(stage.kind, tuple(rounds)))
    return replace(season, stages=tuple(marked)) if changed else season


def _second_legs_to_come(season: Season, round_: Round, format_: Format | None) -> bool:
    """Whether ``round_`` is two-legged with its second legs perhaps still to come
    (``with_legs``)."""
    name = round_.name
    if not round_.knockout or is_replay_round(name) or is_third_place(name):
        return False
    by_header = round_.legs == 2
    pairs = Counter(frozenset((m.home, m.away)) for m in round_.matches)
    lone = [m for m in round_.matches if pairs[frozenset((m.home, m.away))] == 1]
    by_format = (
        format_ is not None
        and format_.two_legged(name)
        and not any(m.extra_time is not None or m.penalties is not None for m in lone)
    )
    if not (by_header or by_format):
        return False
    teams = {t for m in round_.matches for t in (m.home, m.away)}
    return teams.isdisjoint(later_teams(season, round_))


def went_on(season: Season, tie: Tie, round_: Round) -> Team | None:
    """The one team of ``tie`` that the data shows in a later round of ``season`` (a match for
    third place, where losers play on, and a round of replays do not count), if exactly one of
    them appears there (never a guess: ``None`` otherwise)."""
    return _one_of(tie, later_teams(season, round_))


def _one_of(tie: Tie, later: frozenset[Team]) -> Team | None:
    """The one team of ``tie`` among ``later`` (its own replays aside), if only one is."""
    if tie.replays:
        later -= {t for m in tie.replays for t in (m.home, m.away)}
    seen = [team for team in tie.teams if team in later]
    return seen[0] if len(seen) == 1 else None


def later_teams(season: Season, round_: Round) -> frozenset[Team]:
    """The teams of the rounds after ``round_`` in its stage (matches for third place aside,
    and rounds of replays: the loser of a replay plays in it too; only a later proper round
    shows who went on)."""
    rounds = season.rounds
    index = next((i for i, r in enumerate(rounds) if r is round_), len(rounds))
    stage = separate_stage(round_.name)
    onward = [
        r
        for r in rounds[index + 1 :]
        if not is_third_place(r.name)
        and not is_replay_round(r.name)
        and separate_stage(r.name) == stage
    ]
    return frozenset(t for r in onward for m in r.matches for t in (m.home, m.away))


def league_points(season: Season) -> dict[Team, int]:
    """Every team's points in the league rounds of ``season`` (three for a win, one for a
    draw): the league table a play-off settled by league position looks back to."""
    points: Counter[Team] = Counter()
    for round_ in season.rounds:
        if round_.format is not RoundFormat.LEAGUE:
            continue
        for match in round_.matches:
            if match.score is None:
                continue
            home, away = match.score.home, match.score.away
            points[match.home] += 3 if home > away else 1 if home == away else 0
            points[match.away] += 3 if away > home else 1 if home == away else 0
    return dict(points)


def by_league_position(outcome: Outcome, points: dict[Team, int]) -> Outcome:
    """A level tie settled by league position, decided from the league table where the two
    teams' points differ (the criteria after points are the competition's own and are not
    guessed: a tie between teams level on points stays undecided, and says so)."""
    tie = outcome.tie
    if tie.team1 not in points or tie.team2 not in points:
        return outcome
    first, second = points[tie.team1], points[tie.team2]
    level = f"level at {outcome.aggregate}"
    if first == second:
        text = (
            f"Undecided from the results: {level}; {Unsettled.BETTER_PLACED.value}, and "
            f"{tie.team1} and {tie.team2} are level on points ({first}) in the league table"
        )
        return replace(outcome, explanation=text)
    winner, loser = (tie.team1, tie.team2) if first > second else (tie.team2, tie.team1)
    high, low = max(first, second), min(first, second)
    text = (
        f"{winner} through, decided off the pitch: {level}; {Unsettled.BETTER_PLACED.value} "
        f"({winner} {high} points, {loser} {low} from the league matches of the same file)"
    )
    return replace(outcome, winner=winner, decided_by=DecidedBy.OFF_THE_PITCH, explanation=text)


_SEPARATE_STAGE = re.compile(
    r"apertura|clausura|relegation|abstieg|play-?out|europa|conference league", re.IGNORECASE
)
_NO_TITLE = re.compile(r"relegation|abstieg|play-?out|europa|conference league", re.IGNORECASE)


def separate_stage(name: str) -> str:
    """The stage of its own a round belongs to ("Apertura Playoffs, Final": the Apertura's
    play-offs; "Relegation, Final": the play-out), else ``""``: a team seen in another such
    stage of the same file did not go on from this round."""
    head, comma, _ = name.rpartition(", ")
    return head.casefold() if comma and _SEPARATE_STAGE.search(head) else ""


def decides_a_title(stage: str) -> bool:
    """Whether a ``separate_stage`` ends in a title (the Apertura's play-offs), not in staying
    up (a play-out against relegation) or in a European place (a league's play-off for it)."""
    return not _NO_TITLE.search(stage)


@dataclass(frozen=True, slots=True)
class SeasonRules:
    """A season with the competition it belongs to (and rules a user chose, if any).
    ``assumed``: the registry does not know the competition its title names, so ``competition``
    is the default one, whose rules were assumed (callers say so, and how to pick others)."""

    season: Season
    competition: Competition
    override: Rules | None = None
    assumed: bool = False

    @property
    def format(self) -> Format:
        """The competition's format in this season."""
        return self.competition.format(self.season.start_year)

    def with_group_play_offs(self) -> SeasonRules:
        """This season with each group play-off that the file lists among the group's matches
        moved to a round of its own (``separate_group_play_offs``); unchanged where no pair of
        a group meets more often than a round-robin has it meet."""
        groups = [r.matches for r in self.season.rounds if r.format is RoundFormat.GROUP]
        if not any(repeated_pairs(matches, 1) for matches in groups):
            return self
        try:
            format_ = self.format
        except ValueError:  # a season name without a year: no era to ask
            return self
        return replace(self, season=separate_group_play_offs(self.season, format_))

    def with_replays(self) -> SeasonRules:
        """This season with the replays a cup lists under the round of its drawn matches moved
        to a round of replays (``separate_replays``): where a round's rules replay a drawn
        match without extra time first (the FA Cup), a pair's second meeting is its replay, not
        a second leg."""
        try:
            rules = {id(r): self.rules(r) for r in self.season.rounds if r.knockout}
        except ValueError:  # a season name without a year: no era to ask
            return self
        if not any(r.replay and not r.extra_time for r in rules.values()):
            return self

        def replayed(round_: Round) -> bool:
            found = rules.get(id(round_))
            return found is not None and found.replay and not found.extra_time

        return replace(self, season=separate_replays(self.season, replayed))

    def with_legs(self) -> SeasonRules:
        """This season with each knockout round its competition (unless ``assumed``) or its
        header says is two-legged marked so while its second legs may be still to come
        (``with_legs``): a pair with only its first leg is a tie between the legs."""
        try:
            format_ = None if self.assumed else self.format
        except ValueError:  # a season name without a year: no era to ask
            format_ = None
        return replace(self, season=with_legs(self.season, format_))

    @property
    def ties_rules(self) -> Rules:
        """The rules of the season's ties where no round is named: the user's, else those of
        the competition's ties that season."""
        return self.override or self.competition.rules(self.season.start_year)

    def tie_rules(self, tie: Tie) -> Rules:
        """The rules that settle ``tie``: those of its round (``ties_rules`` for a round the
        season does not hold)."""
        round_ = self._round_of(tie)
        return self.ties_rules if round_ is None else self.rules(round_)

    def tie_outcome(self, tie: Tie) -> Outcome:
        """``tie`` decided as ``outcome`` decides it, in whichever round of the season it is."""
        round_ = self._round_of(tie)
        if round_ is None:
            return decide(tie, self.ties_rules, strict=False)
        return self.outcome(tie, round_)

    def tie_decided(self, tie: Tie) -> Outcome:
        """``tie_outcome``, where a played tie that neither its results nor the data settle is
        the ``UnsettledTieError`` that says why (a round-up tells only ties with a winner)."""
        round_ = self._round_of(tie)
        if round_ is None:
            return decide(tie, self.ties_rules)
        return self._decided(tie, self.rules(round_), later_teams(self.season, round_))

    def _round_of(self, tie: Tie) -> Round | None:
        return next((r for r in self.season.rounds if r.name == tie.round), None)

    def rules(self, round_: Round) -> Rules:
        """The rules that settle the ties of ``round_``."""
        if self.override is not None:
            return self.override
        return self.format.rules(round_kind(round_, self.format), round_.name)

    def decide(self, rounds: Iterable[Round] | None = None) -> tuple[Outcome, ...]:
        """Every tie of ``rounds`` (all knockout rounds by default) decided under its round's
        rules; a replay is part of its tie; a tie the results cannot decide names who the data
        shows going on, or says that it does not."""
        chosen = self.season.rounds if rounds is None else tuple(rounds)
        found: list[Outcome] = []
        for round_ in chosen:
            rules, later = self.rules(round_), later_teams(self.season, round_)
            found += (self._settled(t, rules, later) for t in self.season.round_ties(round_))
        return tuple(found)

    def without_unsettled(
        self, rounds: Iterable[Round] | None = None
    ) -> tuple[SeasonRules, tuple[UnsettledTieError, ...]]:
        """This season without the played ties of ``rounds`` (all by default) that neither
        their results nor the data settle (a shoot-out missing, teams level on points where
        league position decides), and why each is left out: what ``--keep-going`` leaves out
        of a round-up, which tells only ties with a winner."""
        dropped: set[int] = set()  # the matches left out, by identity
        problems: list[UnsettledTieError] = []
        for round_ in self.season.rounds if rounds is None else rounds:
            if not round_.knockout:
                continue
            rules, later = self.rules(round_), later_teams(self.season, round_)
            for tie in self.season.round_ties(round_):
                if not all(m.played for m in tie.matches):
                    continue
                try:
                    self._decided(tie, rules, later)
                except UnsettledTieError as error:
                    problems.append(error)
                    dropped.update(id(m) for m in tie.matches)
        if not dropped:
            return self, ()
        stages = tuple(
            Stage(
                stage.kind,
                tuple(
                    replace(r, matches=tuple(m for m in r.matches if id(m) not in dropped))
                    for r in stage.rounds
                ),
            )
            for stage in self.season.stages
        )
        return replace(self, season=replace(self.season, stages=stages)), tuple(problems)

    def outcome(self, tie: Tie, round_: Round) -> Outcome:
        """``tie`` of ``round_`` decided as ``decide`` does: by its round's rules, else by
        who the data shows going on, else by league position where the format settles a
        level tie from the league table of the same file."""
        return self._settled(tie, self.rules(round_), later_teams(self.season, round_))

    def _decided(self, tie: Tie, rules: Rules, later: frozenset[Team]) -> Outcome:
        outcome = self._settled(tie, rules, later)
        if outcome.winner is None:
            decide(tie, rules, went_on=_one_of(tie, later))  # raises why it is unsettled
        return outcome

    def _settled(self, tie: Tie, rules: Rules, later: frozenset[Team]) -> Outcome:
        outcome = decide(tie, rules, went_on=_one_of(tie, later), strict=False)
        by_position = outcome.unsettled is Unsettled.BETTER_PLACED
        if by_position and outcome.winner is None and self.format.placing_from_table:
            return by_league_position(outcome, league_points(self.season))
        return outcome

    def kind(self, round_: Round) -> RoundKind:
        """The kind of ``round_`` in this season's format."""
        return round_kind(round_, self.format)

    def tables(self, rules: TableRules | None = None) -> tuple[tuple[RoundKind, Table], ...]:
        """Every table of the season's group rounds, with the kind of its round, under the
        competition's tie-breakers of the era (or ``rules``); where the format has play-offs
        between teams level on points in its groups, those the data holds place them first.
        A league's stage after its regular season ("Championship") starts from what the
        format has its teams carry from the regular season's table (``LeagueStage``)."""
        found: list[tuple[RoundKind, Table]] = []
        play_offs = self._play_offs() if self.format.group_play_offs else ()
        regular: Table | None = None
        for round_ in league_rounds(self.season.rounds):
            kind = self.kind(round_)
            if not kind.table:
                continue
            stage = self.format.stage(round_.name) if kind is RoundKind.LEAGUE_PHASE else None
            if stage is not None and regular is not None:
                table = _stage_table(round_, stage, regular, rules)
                found.append((kind, self._marked(table, stage.meetings)))
                continue
            rules_here = rules or self._table_rules(kind, round_)
            if rules_here is None:
                continue
            here = play_offs if kind is RoundKind.GROUP else ()
            meetings = self._meetings(kind, round_)
            made = round_tables(round_, rules_here, here)
            found.extend((kind, self._marked(t, meetings)) for t in made)
            if kind is RoundKind.LEAGUE_PHASE and round_.name == REGULAR_SEASON and len(made) == 1:
                regular = made[0]
        return tuple(found)

    def _table_rules(self, kind: RoundKind, round_: Round) -> TableRules | None:
        """The tie-breakers of a table of ``round_``: the format's; for a competition the
        registry does not know (``assumed``), a domestic league's usual order where the table
        joins a league's matchdays (a "League" no UEFA league phase is written as), since its
        own tie-breakers are not known."""
        listed = {r.name for r in self.season.rounds}
        joined = kind is RoundKind.LEAGUE_PHASE and round_.name not in listed
        if self.assumed and joined:
            return DOMESTIC
        return self.format.table(kind)

    def _meetings(self, kind: RoundKind, round_: Round) -> int | None:
        """How often the format has each pair of a table of ``round_`` meet: a group's, or a
        domestic league's regular season (``None``: the format does not say)."""
        if kind is RoundKind.LEAGUE_PHASE:
            return self.format.league_meetings if round_.name == REGULAR_SEASON else None
        return self.format.group_meetings

    def _marked(self, table: Table, meetings: int | None) -> Table:
        """``table`` naming the pairs of teams that met more often than the format has them
        meet (their matches all counted: the data does not say which is no group match), and
        the pairs that met less often (none, in a group), in the order of the table."""
        if meetings is None:
            return table
        met = Counter(frozenset((m.home, m.away)) for m in table.matches)
        every = self.format.every_pair_meets and len(table.teams) <= _GROUP_AT_MOST
        pairs = combinations(table.teams, 2) if every else ()
        unmet = tuple(pair for pair in map(frozenset, pairs) if met[pair] < meetings)
        repeated = repeated_pairs(table.matches, meetings)
        return replace(table, repeated=repeated, unmet=unmet, meetings=meetings)

    def _group_play_offs(self) -> tuple[Outcome, ...]:
        """The play-off matches of the groups, decided."""
        return self.decide(
            r for r in self.season.rounds if self.kind(r) is RoundKind.GROUP_PLAY_OFF
        )

    def _play_offs(self) -> tuple[PlayOff, ...]:
        """The group play-offs the data holds a winner of, as the tables take them."""
        return tuple(
            PlayOff(o.winner, o.tie.opponent(o.winner), o.tie.last_match)
            for o in self._group_play_offs()
            if o.winner is not None
        )

    def onward(self) -> tuple[Onward, ...]:
        """Who every table sends on, zone by zone, and the best placed across the first group
        stage where the format takes them; play-offs at a zone's edge decided from the data,
        and teams the results leave level across an edge by the next round's matches."""
        play_offs = self._group_play_offs()
        tables = self.tables()
        found = [o for kind, table in tables for o in sent_on(table, self.format, kind, play_offs)]
        best = self.format.best_placed
        if best is not None:
            thirds = best_placed([t for kind, t in tables if kind is RoundKind.GROUP], best)
            found = list(settle_with_best(found, thirds))
        appeared: dict[str, frozenset[Team]] = {}
        for round_ in self.season.rounds:
            named = frozenset(t for m in round_.matches for t in (m.home, m.away))
            appeared[round_.name] = appeared.get(round_.name, frozenset()) | named
        return follow_the_data(shown_on(found, appeared), [t for _, t in tables], appeared)

    def shown_places(self) -> tuple[ShownPlace, ...]:
        """The places in the first group stage that the results leave to lots (teams level on
        everything) and the first knockout round shows, where the format says which group
        places meet there (``Format.pairings``)."""
        pairings = self.format.pairings
        zones = self.format.group_zones
        if pairings is None or zones is None:
            return ()
        onward = next((z.round for z in zones.zones if z.round is not None), None)
        tables = [t for kind, t in self.tables() if kind is RoundKind.GROUP]
        matches = [m for r in self.season.rounds if r.name == onward for m in r.matches]
        if onward is None or not matches:
            return ()
        return by_pairings(tables, pairings, onward, matches)

    def champion(self) -> Team | None:
        """Who won the title: the winner of the final, or of a final group that decides it."""
        final_group = [t for kind, t in self.tables() if kind is RoundKind.FINAL_GROUP]
        if final_group:
            return champion(final_group[-1])
        finals = [r for r in self.season.rounds if self.kind(r) is RoundKind.FINAL]
        if not finals:
            return None
        outcomes = self.decide(finals[-1:])
        return outcomes[-1].winner if outcomes else None
