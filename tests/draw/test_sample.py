"""The sampler follows the procedure: its frequencies agree with the exact probabilities."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from matchday.draw import (
    DrawProcedure,
    PairingProbabilities,
    draw_once,
    exact_probabilities,
    sample_matchings,
    sample_open_draws,
    sample_pairings,
    simulated_probabilities,
)
from matchday.io.draws import draw_for
from matchday.io.load import load
from tests.draw.strategies import small_draws


def assert_agrees(
    procedure: DrawProcedure, draws: int, seed: int, exact: PairingProbabilities | None = None
) -> None:
    """Every frequency within 5 standard errors (plus one draw) of its exact probability."""
    exact_matrix = (exact or exact_probabilities(procedure)).array
    simulated = simulated_probabilities(procedure, draws, seed).array
    # float rounding can leave a certain pairing at 1 + 1e-16; its variance is still 0
    error = np.sqrt(np.clip(exact_matrix * (1 - exact_matrix), 0.0, None) / draws)
    assert np.all(np.abs(simulated - exact_matrix) <= 5 * error + 1 / draws)
    assert np.all(simulated[exact_matrix == 0] == 0)


@settings(max_examples=25, deadline=None)
@given(small_draws())
def test_sampler_frequencies_agree_with_exact_probabilities(procedure: DrawProcedure) -> None:
    assert_agrees(procedure, 4000, seed=7)


def test_sampler_agrees_on_the_champions_league_round_of_16(openfootball_cl: Path) -> None:
    procedure = draw_for(load(openfootball_cl / "2017-18" / "cl.txt"), "Round of 16")
    assert_agrees(procedure, 20000, seed=2018)


def test_every_sampled_draw_is_valid_and_complete() -> None:
    procedure = draw_for(load("europa-league-2017-18"), "Round of 32")
    for row in sample_pairings(procedure, 300, seed=1):
        pairs = [
            (procedure.unseeded[u].team, procedure.seeded[int(s)].team) for u, s in enumerate(row)
        ]
        assert procedure.valid(pairs) == []


def test_a_seed_makes_draws_repeatable() -> None:
    procedure = draw_for(load("europa-league-2017-18"), "Round of 32")
    assert (sample_pairings(procedure, 50, 3) == sample_pairings(procedure, 50, 3)).all()
    ties = draw_once(procedure, 3)
    assert len(ties) == 16
    assert all(u in procedure.unseeded and s in procedure.seeded for u, s in ties)


def test_open_draws_pair_every_team_once() -> None:
    draws = sample_open_draws(8, 1000, seed=5)
    assert draws.shape == (1000, 4, 2)
    assert all(sorted(d.ravel().tolist()) == list(range(8)) for d in draws)
    first = draws[:, :, 0].ravel()
    assert abs(np.mean(first < 4) - 0.5) < 0.05


@settings(max_examples=15, deadline=None)
@given(small_draws(), small_draws())
def test_draws_made_together_each_follow_their_own_bans(
    first: DrawProcedure, second: DrawProcedure
) -> None:
    """Rows of two different draws, interleaved in one call: each row is a valid draw of its
    own procedure, and each procedure's frequencies agree with its exact probabilities."""
    size = max(first.size, second.size)
    rows = 4000

    def padded(procedure: DrawProcedure) -> list[int]:
        # extra ties of a smaller draw meet only each other (tie k: unseeded k v seeded k)
        masks = list(procedure.allowed())
        return masks + [1 << k for k in range(procedure.size, size)]

    allowed = np.array([padded(first), padded(second)] * rows, dtype=np.int64)
    drawn = sample_matchings(allowed, seed=11)
    for procedure, part in ((first, drawn[0::2]), (second, drawn[1::2])):
        for row in part[:50]:
            pairs = [
                (procedure.unseeded[u].team, procedure.seeded[int(s)].team)
                for u, s in enumerate(row[: procedure.size])
            ]
            assert procedure.valid(pairs) == []
        n = procedure.size
        counts = np.zeros((n, n))
        np.add.at(counts, (np.broadcast_to(np.arange(n), (rows, n)), part[:, :n]), 1)
        exact = exact_probabilities(procedure).array
        error = np.sqrt(np.clip(exact * (1 - exact), 0.0, None) / rows)
        assert np.all(np.abs(counts / rows - exact) <= 5 * error + 1 / rows)


def test_a_row_without_a_complete_draw_is_refused() -> None:
    stuck = np.array([[0b01, 0b01]], dtype=np.int64)  # both unseeded teams may meet only seeded 0
    with pytest.raises(ValueError, match="no complete draw"):
        sample_matchings(stuck, seed=1)
