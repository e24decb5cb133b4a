"""matchday: knockout football, who goes through and why.

The public Python API::

    import matchday
    from matchday import competitions

    season = matchday.load("europa-league-2017-18")          # a path or a bundled name
    known = competitions.of_season(season)                    # its competition's rules per round
    for outcome in known.decide():
        print(outcome.winner, outcome.decided_by, outcome.explanation)
    rules = matchday.rules_for_season(season)                 # or matchday.preset("uefa-2021")
    frame = matchday.ties_frame(matchday.decide_all(season.ties(), rules))  # needs pandas
"""

from matchday.errors import (
    ConfigError,
    InvalidValueError,
    MatchdayError,
    MissingDataError,
    ParseError,
    RuleError,
    SourceError,
)
from matchday.io.export import tie_json, ties_frame
from matchday.io.footballtxt import parse
from matchday.io.load import bundled_names, load
from matchday.model import (
    Goal,
    Match,
    RedCard,
    Round,
    Score,
    Season,
    Stage,
    Tally,
    Team,
    Tie,
)
from matchday.rules import (
    PRESETS,
    AwayGoals,
    DecidedBy,
    Outcome,
    Rules,
    decide,
    decide_all,
    preset,
    rules_for_season,
)
from matchday.select import find_round

__all__ = [
    "PRESETS",
    "AwayGoals",
    "ConfigError",
    "DecidedBy",
    "Goal",
    "InvalidValueError",
    "Match",
    "MatchdayError",
    "MissingDataError",
    "Outcome",
    "ParseError",
    "RedCard",
    "Round",
    "RuleError",
    "Rules",
    "Score",
    "Season",
    "SourceError",
    "Stage",
    "Tally",
    "Team",
    "Tie",
    "bundled_names",
    "decide",
    "decide_all",
    "find_round",
    "load",
    "parse",
    "preset",
    "rules_for_season",
    "tie_json",
    "ties_frame",
]
__version__ = "0.1.0"
