"""The rules engine: rules as values and pure functions that decide ties."""

from matchday.rules.decide import Outcome, Unsettled, decide, decide_all, explain
from matchday.rules.presets import (
    ALL_PRESETS,
    PRESETS,
    UEFA_2021,
    UEFA_CLASSIC,
    AwayGoals,
    ExtraTime,
    Rules,
    named_rules,
    preset,
    rules_for_season,
)
from matchday.rules.settle import DecidedBy, Phase, Verdict, settle_single, settle_two_legs

__all__ = [
    "ALL_PRESETS",
    "PRESETS",
    "UEFA_2021",
    "UEFA_CLASSIC",
    "AwayGoals",
    "DecidedBy",
    "ExtraTime",
    "Outcome",
    "Phase",
    "Rules",
    "Unsettled",
    "Verdict",
    "decide",
    "decide_all",
    "explain",
    "named_rules",
    "preset",
    "rules_for_season",
    "settle_single",
    "settle_two_legs",
]
