"""Finding rounds in a season by the names people use for them."""

from __future__ import annotations

from matchday.errors import ConfigError
from matchday.io.footballtxt.vocabulary import canonical_round
from matchday.model import Round, Season

__all__ = ["find_round"]


def find_round(season: Season, name: str) -> Round:
    """The round called ``name`` in any spelling the vocabulary knows ("Round of 32",
    "Sechzehntelfinale", "last 32"); ``ConfigError`` listing the rounds when there is none."""
    wanted = canonical_round(name)
    target = wanted.name if wanted is not None else " ".join(name.split())
    for round_ in season.rounds:
        if round_.name.casefold() == target.casefold():
            return round_
    known = ", ".join(r.name for r in season.rounds)
    raise ConfigError(f"no round {name!r} in {season.source or 'this season'}; rounds: {known}")
