"""What is left of a season and how its rounds will be drawn: the steps a forecast simulates.

A round counts as drawn once the stage before it was complete (a draw follows the stage before
it); its ties then come from the file. Every later round is drawn in the simulation, by the
format of the competition's era, read from the competition registry (``matchday.competitions``:
zones, bracket, who hosts the first leg):

* Champions League group stage (up to 2023-24): the group winners and runners-up enter the
  round of 16, drawn as UEFA does (winners against runners-up, not from the same group or
  association: ``matchday.draw.from_groups``); from the quarter-finals on, open draws.
* League phase (from 2024-25): places 9-24 enter the knockout play-off and places 1-8 the round
  of 16, each drawn within the bracket their places give (``league_playoff_draw``,
  ``league_round_of_16_draw``); the round-of-16 draw splits each seeded pair between the halves
  of the bracket, which fixes the quarter-finals (1/2 v 7/8, 3/4 v 5/6) and semi-finals.
* Other files (knockout rounds only, such as the Europa League 2017-18): the rounds the file
  has not drawn follow by halving, paired by ``default_draw``.

While a group stage or league phase is still being played, its remaining matches are simulated
(``TableSimulation``); once it is over, its final table says who enters where (``Qualified``).
A match of it whose day passed while the rest of it (or the knockout rounds) was played, and
that the file gives no result (postponed, then dropped), does not reopen it: the knockout
rounds the file holds say who went on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matchday.competitions as competitions
from matchday.competitions import Bracket, Draws, FirstLeg
from matchday.draw import Entrant, from_groups, league_playoff_draw, league_round_of_16_draw
from matchday.errors import ConfigError
from matchday.forecast.competition import (
    Draw,
    DrawnTie,
    Entry,
    FixedBracket,
    LegOrder,
    OpenDraw,
    Qualified,
    Step,
)
from matchday.forecast.draws import BracketSides, SeededDraw, team_bans
from matchday.forecast.ratings import Ratings
from matchday.forecast.tables import TableSimulation
from matchday.model import ROUND_NAMES, Round, RoundFormat, Season, Team, Tie, is_placement
from matchday.rules import Outcome, Rules, decide
from matchday.standings import Table, season_tables

__all__ = ["ROUND_NAMES", "Plan", "default_draw", "leg_order", "plan_season"]


GROUP_ROUNDS = ("Round of 16", "Quarterfinals", "Semifinals", "Final")
LEAGUE_ROUNDS = ("Playoffs", "Round of 16", "Quarterfinals", "Semifinals", "Final")

QUARTER_FINALS = ((0, 3), (1, 2))
"""Within each half of the league-phase bracket, by seeded pair of places (0: 1/2, 1: 3/4,
2: 5/6, 3: 7/8): the ties of 1/2 and 7/8 meet, and those of 3/4 and 5/6 (UEFA's bracket,
2024-25 and 2025-26 alike)."""

SEMI_FINALS = ((0, 1),)
"""Within each half, the quarter-final of places 1/2 meets that of 3/4."""


def _bracket(season: Season) -> Bracket:
    return competitions.of(season.competition).format(season.start_year).bracket


def default_draw(season: Season) -> Draw:
    """The draw for rounds not yet drawn of a file with knockout rounds only: the fixed bracket
    of UEFA's club competitions from 2024-25, an open draw each round before."""
    return FixedBracket() if _bracket(season).draws is Draws.FIXED else OpenDraw()


@dataclass(frozen=True)
class Plan:
    """The teams of a forecast, the rounds still to play and the teams that join from a table."""

    teams: tuple[Team, ...]
    steps: tuple[Step, ...]
    entry: Entry | None = None


def _entry_format(season: Season) -> tuple[RoundFormat, tuple[Table, ...]] | None:
    """The season's group stage or league phase when its places lead into these knockout
    rounds as matchday can follow them (see the module docstring), with its tables."""
    staged = [r for r in season.rounds if not r.knockout and r.matches]
    if not staged:
        return None
    kind = staged[0].format
    qualification = competitions.qualification(season.competition, season.start_year, kind)
    own = [(z.first, z.last, z.round) for z in (qualification.zones if qualification else ())]
    own = [z for z in own if z[2] is not None]
    known = {
        RoundFormat.GROUP: [(1, 2, "Round of 16")],
        RoundFormat.LEAGUE: [(1, 8, "Round of 16"), (9, 24, "Playoffs")],
    }
    if own != known.get(kind):
        return None
    return kind, season_tables(season)


def leg_order(season: Season) -> LegOrder:
    """Who hosts the first leg of the season's bracket quarter- and semi-finals: drawn in
    2024-25; in the Champions League from 2025-26 the team holding the better place (places 1-4
    in the quarter-finals, 1-2 in the semi-finals, or the team that knocked it out) hosts the
    second leg."""
    first = _bracket(season).first_leg
    return LegOrder.SEEDED if first is FirstLeg.SEEDED else LegOrder.DRAWN


class _Planner:
    """Builds the steps of one season; lives only inside ``plan_season``."""

    def __init__(
        self,
        season: Season,
        rules: Rules,
        chance: Callable[[Tie], float],
        settle: Callable[[Tie], Outcome] | None = None,
    ) -> None:
        self.season = season
        self.rules = rules
        self.chance = chance
        self.settle = settle or (lambda tie: decide(tie, rules))
        self.index: dict[Team, int] = {}

    def team(self, team: Team) -> int:
        return self.index.setdefault(team, len(self.index))

    def teams(self) -> tuple[Team, ...]:
        return tuple(self.index)

    def decided(self, ties: Sequence[Tie]) -> bool:
        return all(self.settle(t).winner is not None for t in ties)

    def drawn(self, name: str, ties: Sequence[Tie]) -> Step:
        single = all(t.single_match for t in ties)
        drawn = tuple(
            DrawnTie(self.team(t.team1), self.team(t.team2), self.chance(t)) for t in ties
        )
        return Step(name, not single, single, ties=drawn)

    def knockout_only(self, rounds: list[Round], draw: Draw) -> list[Step]:
        """Rounds drawn while the round before was complete, then the rest by halving."""
        steps: list[Step] = []
        complete_before = True
        contenders: set[Team] = set()
        later = rounds[len(rounds) :]
        for number, round_ in enumerate(rounds):
            ties = round_.ties()
            teams_here = {team for tie in ties for team in tie.teams}
            if not complete_before:
                if teams_here - contenders:
                    raise ConfigError(
                        f"{round_.name}: teams enter here that the knockout rounds before do "
                        "not decide; forecast from after its draw"
                    )
                later = rounds[number:]
                break
            steps.append(self.drawn(round_.name, ties))
            complete_before = self.decided(ties)
            contenders = teams_here
        alive = len(steps[-1].ties or ())
        if alive & (alive - 1) and later == rounds[len(rounds) :]:
            raise ConfigError(
                f"{steps[-1].name}: {alive} ties, whose winners cannot be halved down to a "
                "final; matchday forecasts a knockout competition that ends in one"
            )
        for round_ in later:
            alive //= 2
            single = all(t.single_match for t in round_.ties())
            steps.append(Step(round_.name, not single, single, draw=draw))
        while alive > 1:
            alive //= 2
            name = ROUND_NAMES.get(alive, f"Round of {2 * alive}")
            steps.append(Step(name, alive > 1, alive == 1, draw=draw))
        return steps

    def through_the_rounds(
        self,
        names: Sequence[str],
        rounds: list[Round],
        drawn_before: bool,
        order: Callable[[str, tuple[Tie, ...]], list[Tie]],
        draw_for: Callable[[str, list[Step]], tuple[Draw, tuple[int, ...]]],
    ) -> list[Step]:
        """The era's rounds in order: from the file while drawn, then by ``draw_for`` (the draw
        of a round and the places that join it, given the steps before)."""
        in_file = {r.name: r for r in rounds}
        steps: list[Step] = []
        for name in names:
            round_ = in_file.get(name)
            if round_ is not None and drawn_before:
                ties = order(name, round_.ties())
                steps.append(self.drawn(name, ties))
                drawn_before = self.decided(ties)
                continue
            drawn_before = False
            single = all(t.single_match for t in round_.ties()) if round_ else name == "Final"
            draw, joining = draw_for(name, steps)
            steps.append(Step(name, not single, single, draw=draw, joining=joining))
        return steps


def _stage_over(tables: Sequence[Table], rounds: Sequence[Round], names: Sequence[str]) -> bool:
    """Whether the group stage or league phase is over: every match of it played or
    cancelled, or each match it still lacks dated before the last match played of it or of
    the knockout rounds it leads to (``names``), with the first of those rounds in the file.
    A match whose day passed while the rest was played will not be (postponed, then
    dropped), and the knockout pairings the file holds say who went on."""
    lacking = [m.date for t in tables for m in t.matches if not (m.played or m.cancelled)]
    if not lacking:
        return True
    if not any(r.name == names[0] and r.matches for r in rounds):
        return False
    played = [m.date for t in tables for m in t.matches if m.played]
    played += [m.date for r in rounds if r.name in names for m in r.matches if m.played]
    return bool(played) and max(lacking) < max(played)


def _entry(
    tables: Sequence[Table],
    places: Sequence[tuple[int, int]],
    planner: _Planner,
    ratings: Ratings,
    over: bool,
) -> Entry | None:
    """Who takes each place: the final tables' teams, or the tables simulated to the end;
    ``None`` for a stage ``over`` with a match never played (the file's knockout rounds,
    already drawn, say who went on)."""
    if all(t.complete for t in tables):
        return Qualified(tuple(planner.team(tables[t].standings[p - 1].team) for t, p in places))
    if over:
        return None
    for table in tables:
        for team in table.teams:
            planner.team(team)
    return TableSimulation.of(tables, places, planner.index, ratings)


def _from_groups(
    planner: _Planner, tables: tuple[Table, ...], rounds: list[Round], ratings: Ratings
) -> tuple[list[Step], Entry | None]:
    season = planner.season
    places = [(g, 1) for g in range(len(tables))] + [(g, 2) for g in range(len(tables))]
    complete = _stage_over(tables, rounds, GROUP_ROUNDS)
    entry = _entry(tables, places, planner, ratings, complete)
    procedure = from_groups(tables, f"{season.competition} {season.name}", season.start_year)

    def draw_for(name: str, before: list[Step]) -> tuple[Draw, tuple[int, ...]]:
        if name != "Round of 16":
            return OpenDraw(), ()
        entrants: list[Entrant | None] = [None] * len(planner.index)
        for table in tables:
            for team in table.teams:
                if team in planner.index:
                    entrants[planner.index[team]] = Entrant(team, team.country or "?", table.name)
        # the pots' places (group winners, runners-up) are kept apart by group alone; who may
        # meet whom beyond that depends on the teams a simulation puts there
        places_only = dataclasses.replace(
            procedure, same_association_apart=False, prohibited=frozenset()
        )
        meet = team_bans(procedure, entrants)
        draw = SeededDraw(
            places_only, meet, "winners v runners-up, same group and association apart"
        )
        return draw, tuple(range(len(places)))

    names = GROUP_ROUNDS
    return planner.through_the_rounds(
        names, rounds, complete, lambda _, t: list(t), draw_for
    ), entry


def _from_league(
    planner: _Planner, table: Table, rounds: list[Round], ratings: Ratings
) -> tuple[list[Step], Entry | None]:
    places = [(0, p) for p in range(1, 25)]
    complete = _stage_over([table], rounds, LEAGUE_ROUNDS)
    entry = _entry([table], places, planner, ratings, complete)
    position = {s.team: s.position for s in table.standings}
    seed_of: dict[Team, int] = {t: p for t, p in position.items() if p <= 8}
    legs = leg_order(planner.season)

    def order(name: str, ties: tuple[Tie, ...]) -> list[Tie]:
        if name == "Round of 16":
            for tie in ties:  # a play-off winner takes the place of the seed it meets
                seed = min(position.get(t, 99) for t in tie.teams)
                for team in tie.teams:
                    seed_of.setdefault(team, seed)
        if name in ("Playoffs", "Round of 16"):
            return sorted(ties, key=lambda t: min(position.get(x, 99) for x in t.teams))
        if name == "Quarterfinals":
            return sorted(ties, key=lambda t: min(seed_of.get(x, 99) for x in t.teams))
        return list(ties)

    def draw_for(name: str, before: list[Step]) -> tuple[Draw, tuple[int, ...]]:
        if name == "Playoffs":
            draw = SeededDraw(league_playoff_draw(table), name="league bracket: 9-16 v 17-24")
            return draw, tuple(range(8, 24))
        if name == "Round of 16":
            playoffs = before[-1].ties if before else None
            ties = (
                [(planner.teams()[t.team1], planner.teams()[t.team2]) for t in playoffs]
                if playoffs is not None
                else [
                    (table.standings[p - 1].team, table.standings[32 - p].team)
                    for p in range(9, 17)
                ]
            )
            procedure = league_round_of_16_draw(table, ties)
            return SeededDraw(procedure, name="league bracket: 1-8 v play-off winners"), tuple(
                range(8)
            )
        if name == "Quarterfinals":
            return BracketSides(QUARTER_FINALS, legs), ()
        if name == "Semifinals" and before[-1].ties is not None:
            return BracketSides(SEMI_FINALS, legs), ()
        if name == "Semifinals":
            return FixedBracket("fixed bracket", legs), ()
        return FixedBracket(), ()

    return planner.through_the_rounds(LEAGUE_ROUNDS, rounds, complete, order, draw_for), entry


def _one_tournament(rounds: list[Round]) -> list[Round]:
    """The knockout rounds of one tournament: a file holding two (Liga MX's Apertura and
    Clausura play-offs) gives those of the one whose knockout match was played last (else the
    first), a play-out against relegation only where nothing else is there."""
    stages = [competitions.separate_stage(r.name) for r in rounds]
    titled = {s for s in stages if competitions.decides_a_title(s)} or set(stages)
    if len(titled) <= 1:
        return [r for r, s in zip(rounds, stages, strict=True) if s in titled]
    played = [
        (m.date, s) for r, s in zip(rounds, stages, strict=True) if s in titled
        for m in r.matches if m.played
    ]  # fmt: skip
    current = max(played)[1] if played else next(s for s in stages if s in titled)
    return [r for r, s in zip(rounds, stages, strict=True) if s == current]


def plan_season(
    season: Season,
    ratings: Ratings,
    rules: Rules,
    chance: Callable[[Tie], float],
    draw: Draw | None = None,
    settle: Callable[[Tie], Outcome] | None = None,
) -> Plan:
    """The steps still to play of ``season`` as it stands (see the module docstring).
    ``chance`` gives P(team 1 through) of a drawn tie; ``draw``, when given, pairs every round
    not yet drawn instead of the era's procedures; ``settle`` decides a tie drawn (by its
    round's rules, and who went on: ``SeasonRules.tie_outcome``), else ``decide`` by ``rules``."""
    competitions.require_ratings(season)
    if season.qualifying:
        raise ConfigError(
            f"{season.competition} {season.name}: qualifying rounds lead to the competition "
            "proper, not to a final of their own; forecast a tie of them with --tie TEAM"
        )
    rounds = _one_tournament(
        [r for r in season.rounds if r.knockout and r.matches and not is_placement(r.name)]
    )  # a match for third place, or for fifth, leads nowhere towards the title
    planner = _Planner(season, rules, chance, settle)
    staged = _entry_format(season)
    if staged is None:
        if not rounds:
            raise ConfigError(f"no knockout rounds in {season.source or season.competition}")
        staged_rounds = [r for r in season.rounds if not r.knockout and r.matches]
        if staged_rounds and not all(t.complete for t in season_tables(season)):
            raise ConfigError(
                f"{season.competition} {season.name}: matchday follows the draws of this "
                f"format from its first knockout round ({rounds[0].name}) on; forecast from "
                "after that draw"
            )
        steps = planner.knockout_only(rounds, draw or default_draw(season))
        return Plan(tuple(planner.index), tuple(_followable(steps)))
    kind, tables = staged
    if kind is RoundFormat.GROUP:
        steps, entry = _from_groups(planner, tables, rounds, ratings)
    else:
        steps, entry = _from_league(planner, tables[0], rounds, ratings)
    if draw is not None:
        steps = [s if s.draw is None else dataclasses.replace(s, draw=draw) for s in steps]
    return Plan(tuple(planner.index), tuple(_followable(steps)), entry)


def _followable(steps: Sequence[Step]) -> Sequence[Step]:
    """The steps, if each draw to come gets the teams it pairs: the winners of the round
    before and those joining it. A round short of a tie (one left out for a flaw under
    ``--keep-going``) cannot be followed to the final."""
    winners: int | None = None
    before = ""
    for step in steps:
        if step.ties is not None:
            winners, before = len(step.ties), step.name
            continue
        entering = (winners or 0) + len(step.joining)
        wanted = step.draw.entrants if step.draw is not None else None
        if entering % 2 or (wanted is not None and entering != wanted):
            raise ConfigError(
                f"{step.name}: its draw needs {wanted or 'an even number of'} teams, and "
                f"{entering} come from {before or 'the rounds before'}; a tie of it is "
                "missing (left out for a flaw?): mend the file, or forecast from another date"
            )
        winners, before = entering // 2, step.name
    return steps
