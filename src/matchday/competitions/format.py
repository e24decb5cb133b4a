"""A competition's format in one era, as values: the rules of each kind of round, the
tie-breakers of its tables, where each place of a table leads, and how its bracket is drawn."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchday.competitions.brackets import GroupBracket
from matchday.rules.presets import Rules
from matchday.standings.carry import Carry
from matchday.standings.qualification import Qualification, Zone
from matchday.standings.rules import TableRules

__all__ = ["BestPlaced", "Bracket", "Draws", "FirstLeg", "Format", "LeagueStage", "RoundKind"]


class RoundKind(StrEnum):
    """The kinds of round a format is made of."""

    GROUP = "group"
    SECOND_GROUP = "second group stage"
    LEAGUE_PHASE = "league phase"
    FINAL_GROUP = "final group"
    GROUP_PLAY_OFF = "group play-off"
    TWO_LEGS = "two-legged tie"
    SINGLE_MATCH = "single match"
    REPLAY = "replay"
    THIRD_PLACE = "third-place match"
    FINAL = "final"
    RELEGATION = "relegation play-off"

    @property
    def table(self) -> bool:
        """True for a round played as a table."""
        return self in (
            RoundKind.GROUP,
            RoundKind.SECOND_GROUP,
            RoundKind.LEAGUE_PHASE,
            RoundKind.FINAL_GROUP,
        )


class Draws(StrEnum):
    """How knockout rounds not drawn yet are paired."""

    OPEN = "open"
    FIXED = "fixed"


class FirstLeg(StrEnum):
    """Who hosts the first leg of a bracket tie: as drawn, or the lower-placed team (the
    better-placed one hosting the second)."""

    DRAWN = "drawn"
    SEEDED = "seeded"


@dataclass(frozen=True, slots=True)
class Bracket:
    """How the knockout rounds are paired, and which association pairs a draw keeps apart
    (each pair named by its two three-letter codes)."""

    draws: Draws = Draws.OPEN
    first_leg: FirstLeg = FirstLeg.DRAWN
    kept_apart: frozenset[frozenset[str]] = frozenset()


@dataclass(frozen=True, slots=True)
class BestPlaced:
    """The ``count`` best teams placed ``position`` across the groups go on too, to ``round``,
    ranked on ``rules`` over their records (World Cup 1986-1994: four best thirds)."""

    position: int
    count: int
    round: str
    rules: TableRules


@dataclass(frozen=True, slots=True)
class LeagueStage:
    """A stage of a league after its regular season, by the ``names`` files give it
    ("Championship", "Playoff I", "Playoffs - Relegation"): what its teams ``carry`` into it
    from the regular season, the tie-breakers of its ``table``, and how often each pair of it
    meets (``meetings``; ``None``: not said). ``first_place``: the place in the league its
    table starts at, where the split keeps one league table (Scotland's bottom six are places
    7 to 12: a team in them finishes no higher than 7th, however many points it has)."""

    names: tuple[str, ...]
    carry: Carry
    table: TableRules
    meetings: int | None = None
    first_place: int = 1

    def called(self, name: str) -> bool:
        """Whether ``name`` (a joined league round's name) is this stage."""
        wanted = name.strip().casefold()
        return any(n.casefold() == wanted for n in self.names)


@dataclass(frozen=True, slots=True)
class Format:
    """A competition's format from the season starting in ``first`` until the next era.

    ``ties`` settles two-legged ties and single matches; ``final``, ``replay``, ``single`` and
    ``relegation`` the final, replays, single-match rounds and play-offs against relegation
    where they differ (``None``: as ``ties``). ``placing_from_table``: a level tie settled by
    league position (``Rules.better_placed``) may be decided from the league table of the same
    file (its league rounds make one table, as in Serie B; not where a file holds two
    tournaments, as Liga MX's Apertura and Clausura). ``group`` ranks the group tables
    (``second_group`` a second group stage, ``final_group`` a group that decides the title,
    ``league`` a league phase) and ``*_zones`` say where their places lead. ``group_play_offs``:
    teams level on points across a zone's edge met in a play-off match, which decides before
    any other criterion. ``group_meetings``: how often each pair of a group meets at most
    (``None``: the format does not say); a further meeting is no group match (a play-off listed
    among the group's matches, or a pair a table names); ``every_pair_meets``: each pair of a
    group meets (not in 1954, whose two seeded teams of a group did not play each other), so a
    pair without a match leaves the table incomplete. ``group_bracket``: the knockout
    bracket the groups feed, place by place.
    ``named_rounds``: rounds whose ties go by other rules than ``ties`` though they are no
    final or replay, by canonical name (the FA Cup's quarter-finals, settled on the day from
    2016-17 while earlier rounds are still replayed).
    ``two_legs``: the knockout rounds played over two legs, by canonical name (of "Playoffs,
    Semifinals" its last part), so that a round a file holds only the first legs of is read as
    ties between the legs, not as single matches; other rounds go by what their matches show.
    """

    name: str
    first: int
    ties: Rules
    final: Rules | None = None
    replay: Rules | None = None
    group: TableRules | None = None
    group_zones: Qualification | None = None
    second_group: TableRules | None = None
    second_group_zones: Qualification | None = None
    final_group: TableRules | None = None
    league: TableRules | None = None
    league_zones: Qualification | None = None
    best_placed: BestPlaced | None = None
    group_play_offs: bool = False
    group_meetings: int | None = None
    every_pair_meets: bool = True
    bracket: Bracket = Bracket()
    description: str = ""
    group_bracket: GroupBracket | None = None
    single: Rules | None = None
    relegation: Rules | None = None
    placing_from_table: bool = False
    named_rounds: tuple[tuple[str, Rules], ...] = ()
    league_meetings: int | None = None
    stages: tuple[LeagueStage, ...] = ()
    group_pairings: GroupBracket | None = None
    """Which group places meet in the first knockout round, where the format has no
    ``group_bracket`` (the one tournament forecasts run on) but the pairing is known (World Cup
    1962-1970): it shows the places of teams the results leave to lots by whom they met next."""
    two_legs: tuple[str, ...] = ()

    @property
    def pairings(self) -> GroupBracket | None:
        """Which group places meet in the first knockout round, if the format says."""
        return self.group_pairings or self.group_bracket

    def two_legged(self, name: str) -> bool:
        """Whether the knockout round called ``name`` is played over two legs in this format."""
        return name.rpartition(", ")[2].strip() in self.two_legs

    def stage(self, name: str) -> LeagueStage | None:
        """The league stage called ``name``, if the format has one."""
        return next((s for s in self.stages if s.called(name)), None)

    @property
    def opening_stage(self) -> str | None:
        """The round the competition proper opens with, where the format says where its
        places lead: the league phase, else the group stage (where the winners of the last
        qualifying round go); ``None`` where the format does not say."""
        if self.league_zones is not None:
            return "League phase"
        if self.group_zones is not None:
            return "Group stage"
        return None

    def rules(self, kind: RoundKind, name: str = "") -> Rules:
        """The rules that settle a tie in a round of ``kind`` (named ``name``: "Quarterfinals",
        "Playoffs, Semifinals")."""
        if kind in (RoundKind.SINGLE_MATCH, RoundKind.TWO_LEGS) and self.named_rounds:
            round_ = name.rpartition(", ")[2]
            named = next((rules for n, rules in self.named_rounds if n == round_), None)
            if named is not None:
                return named
        if kind is RoundKind.FINAL and self.final is not None:
            return self.final
        if kind is RoundKind.REPLAY and self.replay is not None:
            return self.replay
        if kind is RoundKind.SINGLE_MATCH and self.single is not None:
            return self.single
        if kind is RoundKind.RELEGATION and self.relegation is not None:
            return self.relegation
        return self.ties

    def table(self, kind: RoundKind) -> TableRules | None:
        """The tie-breakers of a round of ``kind`` played as a table, if the format has one."""
        return {
            RoundKind.GROUP: self.group,
            RoundKind.SECOND_GROUP: self.second_group or self.group,
            RoundKind.FINAL_GROUP: self.final_group or self.group,
            RoundKind.LEAGUE_PHASE: self.league,
        }.get(kind)

    def zones(self, kind: RoundKind) -> Qualification | None:
        """Where the places of a table of ``kind`` lead, if the format says."""
        if kind is RoundKind.FINAL_GROUP and self.final_group is not None:
            return _TITLE
        return {
            RoundKind.GROUP: self.group_zones,
            RoundKind.SECOND_GROUP: self.second_group_zones,
            RoundKind.LEAGUE_PHASE: self.league_zones,
        }.get(kind)


_TITLE = Qualification("a final group that decides the title", (Zone(1, 1, "the title", None),))
