"""The draw: procedures as data, exact pairing probabilities and a faithful sampler."""

from matchday.draw.build import (
    from_groups,
    league_playoff_draw,
    league_round_of_16_draw,
    prohibited_for,
)
from matchday.draw.exact import PairingProbabilities, exact_probabilities
from matchday.draw.matching import completable
from matchday.draw.procedure import DrawProcedure, Entrant, Pot
from matchday.draw.sample import (
    Seed,
    draw_once,
    sample_matchings,
    sample_open_draws,
    sample_pairings,
    simulated_probabilities,
)

__all__ = [
    "DrawProcedure",
    "Entrant",
    "PairingProbabilities",
    "Pot",
    "Seed",
    "completable",
    "draw_once",
    "exact_probabilities",
    "from_groups",
    "league_playoff_draw",
    "league_round_of_16_draw",
    "prohibited_for",
    "sample_matchings",
    "sample_open_draws",
    "sample_pairings",
    "simulated_probabilities",
]
