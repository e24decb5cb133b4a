"""The domain model: plain, typed, immutable values with no I/O."""

from matchday.model.competition import (
    ROUND_NAMES,
    Round,
    RoundFormat,
    Season,
    Stage,
    StageKind,
    is_final,
    is_placement,
    is_replay_round,
    is_third_place,
    round_after,
)
from matchday.model.match import (
    EXTRA_TIME_END,
    HALF_TIME,
    REGULAR_TIME,
    Goal,
    Match,
    MatchStatus,
    RedCard,
    Side,
    clock_text,
    goal_from_data,
    incident_data,
    red_card_from_data,
)
from matchday.model.score import Score, Tally
from matchday.model.team import Team
from matchday.model.tie import Tie, build_ties, round_pairs

__all__ = [
    "EXTRA_TIME_END",
    "HALF_TIME",
    "REGULAR_TIME",
    "ROUND_NAMES",
    "Goal",
    "Match",
    "MatchStatus",
    "RedCard",
    "Round",
    "RoundFormat",
    "Score",
    "Season",
    "Side",
    "Stage",
    "StageKind",
    "Tally",
    "Team",
    "Tie",
    "build_ties",
    "clock_text",
    "goal_from_data",
    "incident_data",
    "is_final",
    "is_placement",
    "is_replay_round",
    "is_third_place",
    "red_card_from_data",
    "round_after",
    "round_pairs",
]
