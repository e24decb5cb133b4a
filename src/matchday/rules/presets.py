"""Rules of an era as values: away goals, extra time and penalties, and the named presets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchday.errors import ConfigError

__all__ = [
    "PRESETS",
    "UEFA_2021",
    "UEFA_CLASSIC",
    "AwayGoals",
    "Rules",
    "preset",
    "rules_for_season",
]


class AwayGoals(StrEnum):
    """Whether and when away goals break a level aggregate in a two-legged tie."""

    NONE = "none"
    AFTER_90 = "after 90 minutes"
    INCLUDING_EXTRA_TIME = "including extra time"


@dataclass(frozen=True, slots=True)
class Rules:
    """How a level tie is settled.

    Two legs: aggregate, then away goals (if used) after 90 minutes of the second leg, then
    extra time (if played; away goals scored in it count when ``away_goals`` says so), then
    penalties. A single match: extra time (if played), then penalties. Away goals never apply
    to a single match.
    """

    name: str
    away_goals: AwayGoals
    extra_time: bool = True
    penalties: bool = True
    description: str = ""


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

PRESETS: dict[str, Rules] = {r.name: r for r in (UEFA_CLASSIC, UEFA_2021, AWAY_GOALS_90)}
"""Every named preset, by name."""

ERAS: tuple[tuple[int, Rules], ...] = ((2021, UEFA_2021), (0, UEFA_CLASSIC))
"""UEFA's eras by first season start year, newest first. UEFA abolished the away-goals rule in
all its club competitions from 2021-22 (UEFA press release, 24 June 2021)."""


def preset(name: str) -> Rules:
    """The preset called ``name``; ``ConfigError`` listing the presets when there is none."""
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(PRESETS)
        raise ConfigError(f"unknown rules preset {name!r}; known presets: {known}") from None


def rules_for_season(start_year: int) -> Rules:
    """The UEFA preset in force for the season that starts in ``start_year``."""
    return next(rules for first_year, rules in ERAS if start_year >= first_year)
