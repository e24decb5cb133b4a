"""Rules of an era as values: away goals, extra time, penalties, replays and lots.

The named presets are the rule sets competitions use; which competition used which preset in
which season is data of the competition registry (``matchday.competitions``), which
``rules_for_season`` asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from matchday.errors import ConfigError, InvalidValueError
from matchday.model.competition import Season

__all__ = [
    "ALL_PRESETS",
    "AWAY_GOALS_90",
    "AWAY_GOALS_NO_EXTRA_TIME",
    "BETTER_PLACED",
    "EXTRA_TIME_BETTER_PLACED",
    "EXTRA_TIME_LOTS",
    "EXTRA_TIME_PENALTIES",
    "EXTRA_TIME_REPLAY",
    "GOLDEN_GOAL",
    "NAMED_RULES",
    "NO_EXTRA_TIME",
    "PRESETS",
    "REPLAY_THEN_PENALTIES",
    "SILVER_GOAL",
    "UEFA_2021",
    "UEFA_CLASSIC",
    "AwayGoals",
    "ExtraTime",
    "Rules",
    "named_rules",
    "preset",
    "rules_for_season",
]


class AwayGoals(StrEnum):
    """Whether and when away goals break a level aggregate in a two-legged tie."""

    NONE = "none"
    AFTER_90 = "after 90 minutes"
    INCLUDING_EXTRA_TIME = "including extra time"


class ExtraTime(StrEnum):
    """Whether a level tie goes to extra time, and how extra time ends.

    A golden goal ends extra time at once; a silver goal ends it after its first half when a
    side leads then. ``bool(ExtraTime.NONE)`` is false, so ``if rules.extra_time`` reads as it
    always did.
    """

    NONE = "none"
    THIRTY_MINUTES = "30 minutes"
    GOLDEN_GOAL = "golden goal"
    SILVER_GOAL = "silver goal"

    def __bool__(self) -> bool:
        return self is not ExtraTime.NONE


@dataclass(frozen=True, slots=True)
class Rules:
    """How a level tie is settled.

    Two legs: aggregate, then away goals (if used) after 90 minutes of the second leg, then
    extra time (if played; away goals scored in it count when ``away_goals`` says so), then
    penalties. A single match: extra time (if played), then penalties. Away goals never apply
    to a single match. Where there are no penalties a tie still level is ``replay``-ed (the
    replay is part of the tie), decided by drawing ``lots``, or goes to the team placed
    higher in the league (``better_placed``: decided off the pitch, from the league table);
    with none of them it stays level. ``replayed_under``: the rules a replay is settled by,
    where they differ (the FA Cup's replay goes to extra time and penalties though the drawn
    match had neither); ``None``: these rules, so a drawn replay is replayed again.
    ``extra_time`` also takes ``True`` (30 minutes) and ``False`` (none).
    """

    name: str
    away_goals: AwayGoals
    extra_time: ExtraTime = ExtraTime.THIRTY_MINUTES
    penalties: bool = True
    description: str = ""
    replay: bool = False
    lots: bool = False
    better_placed: bool = False
    replayed_under: Rules | None = None

    def __post_init__(self) -> None:
        if isinstance(self.extra_time, bool):  # the older spelling: extra time or none
            kind = ExtraTime.THIRTY_MINUTES if self.extra_time else ExtraTime.NONE
            object.__setattr__(self, "extra_time", kind)
        if self.penalties and (self.replay or self.lots or self.better_placed):
            raise InvalidValueError(
                f"{self.name}: penalties leave nothing for a replay, lots or league position"
            )
        if sum((self.replay, self.lots, self.better_placed)) > 1:
            raise InvalidValueError(f"{self.name}: a level tie is settled one way only")
        if self.replayed_under is not None and not self.replay:
            raise InvalidValueError(f"{self.name}: rules for a replay, but no replay")

    @property
    def replay_rules(self) -> Rules:
        """The rules a replay of a tie settled by these rules is played under."""
        return self.replayed_under or self


UEFA_CLASSIC = Rules(
    "uefa-classic",
    AwayGoals.INCLUDING_EXTRA_TIME,
    description="UEFA club competitions up to 2020-21: away goals, also in extra time",
)
UEFA_2021 = Rules(
    "uefa-2021",
    AwayGoals.NONE,
    description="UEFA club competitions from 2021-22: no away goals",
)
AWAY_GOALS_90 = Rules(
    "away-goals-90",
    AwayGoals.AFTER_90,
    description="away goals after 90 minutes only; extra time then penalties",
)
EXTRA_TIME_PENALTIES = Rules(
    "extra-time-penalties",
    AwayGoals.NONE,
    description="no away goals; 30 minutes of extra time, then penalties",
)
NO_EXTRA_TIME = Rules(
    "no-extra-time",
    AwayGoals.NONE,
    ExtraTime.NONE,
    description="no away goals and no extra time: penalties straight after 90 minutes",
)
EXTRA_TIME_REPLAY = Rules(
    "extra-time-replay",
    AwayGoals.NONE,
    penalties=False,
    replay=True,
    description="extra time, then a replay (World Cup 1934-1938, FA Cup before 1991)",
)
EXTRA_TIME_LOTS = Rules(
    "extra-time-lots",
    AwayGoals.NONE,
    penalties=False,
    lots=True,
    description="extra time, then drawing of lots (World Cup 1954-1970, Euro 1968)",
)
GOLDEN_GOAL = Rules(
    "golden-goal",
    AwayGoals.NONE,
    ExtraTime.GOLDEN_GOAL,
    description="extra time ends at the first goal, then penalties (World Cup 1998-2002, "
    "Euro 1996-2000)",
)
AWAY_GOALS_NO_EXTRA_TIME = Rules(
    "away-goals-no-extra-time",
    AwayGoals.AFTER_90,
    ExtraTime.NONE,
    description="away goals, then penalties straight after 90 minutes (CONMEBOL 2005-2021)",
)
REPLAY_THEN_PENALTIES = Rules(
    "replay-then-penalties",
    AwayGoals.NONE,
    ExtraTime.NONE,
    penalties=False,
    replay=True,
    replayed_under=EXTRA_TIME_PENALTIES,
    description="a drawn tie is replayed, the replay going to extra time and penalties "
    "(FA Cup 1991-2024)",
)
SILVER_GOAL = Rules(
    "silver-goal",
    AwayGoals.NONE,
    ExtraTime.SILVER_GOAL,
    description="extra time ends after 15 minutes when a side leads, then penalties (Euro 2004)",
)
# Rules of league play-offs, used by the competition registry (Serie B, Liga MX). Not presets
# for ``--rules`` yet: the live state does not follow a tie settled by league position.
BETTER_PLACED = Rules(
    "better-placed",
    AwayGoals.NONE,
    ExtraTime.NONE,
    penalties=False,
    better_placed=True,
    description="no away goals, no extra time, no penalties: a level tie goes to the team "
    "placed higher in the league (Serie B play-offs, Liga MX quarter- and semi-finals)",
)
EXTRA_TIME_BETTER_PLACED = Rules(
    "extra-time-better-placed",
    AwayGoals.NONE,
    penalties=False,
    better_placed=True,
    description="extra time, then the team placed higher in the league goes through "
    "(Serie B play-off preliminary round)",
)

ALL_PRESETS: Mapping[str, Rules] = MappingProxyType(
    {
        r.name: r
        for r in (
            UEFA_CLASSIC,
            UEFA_2021,
            AWAY_GOALS_90,
            EXTRA_TIME_PENALTIES,
            NO_EXTRA_TIME,
            AWAY_GOALS_NO_EXTRA_TIME,
            GOLDEN_GOAL,
            SILVER_GOAL,
            EXTRA_TIME_REPLAY,
            EXTRA_TIME_LOTS,
            REPLAY_THEN_PENALTIES,
        )
    }
)
"""Every named preset, by name, the rules of older and other formats included (no extra time,
golden and silver goal, replays, lots): ``decide``, the live state (``matchday.live``) and the
competition registry follow them all."""

PRESETS = ALL_PRESETS
"""The same presets by their older name: since the live state follows a golden or silver
goal, a replay and lots, there is one list."""


NAMED_RULES: Mapping[str, Rules] = MappingProxyType(
    {
        **ALL_PRESETS,
        BETTER_PLACED.name: BETTER_PLACED,
        EXTRA_TIME_BETTER_PLACED.name: EXTRA_TIME_BETTER_PLACED,
    }
)
"""Every rules value matchday names: the presets and the registry's league play-off rules,
which a stored season may be settled by (its rules are stored by name)."""


def preset(name: str) -> Rules:
    """The preset called ``name``; ``ConfigError`` listing the presets when there is none."""
    try:
        return ALL_PRESETS[name]
    except KeyError:
        known = ", ".join(ALL_PRESETS)
        raise ConfigError(f"unknown rules preset {name!r}; known presets: {known}") from None


def named_rules(name: str) -> Rules:
    """The rules called ``name``, a preset or one the competition registry settles ties by
    (what a store keeps by name); ``ConfigError`` when matchday has none of that name."""
    try:
        return NAMED_RULES[name]
    except KeyError:
        raise ConfigError(f"unknown rules {name!r}; known: {', '.join(NAMED_RULES)}") from None


def rules_for_season(start_year: int | Season, competition: str | None = None) -> Rules:
    """The rules of the knockout ties of ``competition`` in the season starting in
    ``start_year``; by default UEFA's club competitions. Given the ``Season`` itself, the
    rules of its ties in the competition its title names (``competition``, where given,
    instead), as ``matchday ties`` reads it: a DFB-Pokal file gets the DFB-Pokal's rules, not
    UEFA's. A thin call into the registry (``matchday.competitions``), kept for the public API:
    a competition it does not know is the ``ConfigError`` that ``--competition`` gives, listing
    the known ones; a competition whose rounds differ (a single-match final after two-legged
    ties) has each round's rules in ``competitions.of_season(season).rules(round)``."""
    from matchday.competitions import knockout_rules, of_season  # builds on these values

    if isinstance(start_year, Season):
        return of_season(start_year, competition).ties_rules
    if isinstance(start_year, bool) or not isinstance(start_year, int):
        raise InvalidValueError(
            f"rules_for_season takes a Season or the year a season starts in (an int, e.g. "
            f"season.start_year), not {type(start_year).__name__}"
        )
    return knockout_rules(competition or "UEFA Champions League", start_year)
