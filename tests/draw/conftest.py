"""The Europa League 2017-18 round-of-32 draw, solved exactly once for the whole session."""

from __future__ import annotations

import pytest

from matchday.draw import PairingProbabilities, exact_probabilities
from matchday.io.draws import draw_for
from matchday.io.load import load


@pytest.fixture(scope="session")
def el_round_of_32() -> PairingProbabilities:
    """Exact probabilities of the bundled round-of-32 draw (about a minute): the tests that use
    it are one ``xdist_group``, so that only one worker solves it."""
    return exact_probabilities(draw_for(load("europa-league-2017-18"), "Round of 32"))
