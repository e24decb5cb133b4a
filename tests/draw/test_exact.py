"""Exact pairing probabilities: the fast recursion against the literal procedure, and real draws."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from matchday.draw import (
    DrawProcedure,
    Entrant,
    PairingProbabilities,
    exact_probabilities,
    league_round_of_16_draw,
)
from matchday.errors import InvalidValueError
from matchday.io.draws import draw_for, origin_text
from matchday.io.load import load
from matchday.model import Team
from matchday.select import find_round
from matchday.standings import season_tables
from tests.draw.reference import sequential_probabilities, uniform_over_draws
from tests.draw.strategies import small_draws


def assert_is_a_draw(result: PairingProbabilities) -> None:
    """Every row and column sums to 1; banned pairs have probability 0."""
    matrix = result.array
    np.testing.assert_allclose(matrix.sum(axis=0), 1.0, atol=1e-12)
    np.testing.assert_allclose(matrix.sum(axis=1), 1.0, atol=1e-12)
    procedure = result.procedure
    for u in range(procedure.size):
        for s in range(procedure.size):
            if procedure.ban(s, u) is not None:
                assert matrix[u, s] == 0.0, (procedure.unseeded[u], procedure.seeded[s])


@settings(max_examples=60, deadline=None)
@given(small_draws(most=6))
def test_the_recursion_equals_the_literal_procedure(procedure: DrawProcedure) -> None:
    result = exact_probabilities(procedure)
    assert_is_a_draw(result)
    np.testing.assert_allclose(result.array, sequential_probabilities(procedure), atol=1e-12)


def _team(name: str, code: str, group: str | None = None) -> Entrant:
    return Entrant(Team(name), code, group)


def test_the_procedure_is_not_uniform_over_valid_draws() -> None:
    # Seeded ENG, ESP, ITA against unseeded ENG, ESP, GER: three valid draws, in one of which
    # the German team meets the Italian one (1/3 if all were equally likely). The procedure:
    # when GER comes out first (2 orders of 6) it takes ITA with 1/3; otherwise ENG and ESP must
    # take ESP and ENG before it, which happens with 1/2 * 1/2 = 1/4: 2/6 * 1/3 + 4/6 * 1/4 = 5/18.
    procedure = DrawProcedure(
        "three",
        (_team("S0", "ENG"), _team("S1", "ESP"), _team("S2", "ITA")),
        (_team("U0", "ENG"), _team("U1", "ESP"), _team("U2", "GER")),
    )
    exact = exact_probabilities(procedure)
    assert exact.array[2, 2] == pytest.approx(5 / 18)
    assert uniform_over_draws(procedure)[2, 2] == pytest.approx(1 / 3)
    assert_is_a_draw(exact)


def test_an_impossible_draw_is_refused() -> None:
    procedure = DrawProcedure("none", (_team("S", "ENG"),), (_team("U", "ENG"),))
    with pytest.raises(ValueError, match="no complete draw"):
        exact_probabilities(procedure)


def test_champions_league_2017_18_round_of_16(openfootball_cl: Path) -> None:
    season = load(openfootball_cl / "2017-18" / "cl.txt")
    procedure = draw_for(season, "Round of 16")
    result = exact_probabilities(procedure)
    assert_is_a_draw(result)
    np.testing.assert_allclose(result.array, sequential_probabilities(procedure), atol=1e-12)
    chelsea = next(e.team for e in procedure.unseeded if e.team.name == "Chelsea FC")
    barcelona = next(e.team for e in procedure.seeded if e.team.name == "FC Barcelona")
    roma = next(e.team for e in procedure.seeded if e.team.name == "AS Roma")
    assert result.probability(chelsea, roma) == 0.0  # same group
    assert result.probability(chelsea, barcelona) > 0.25  # few winners left for Chelsea


def test_the_league_phase_play_off_bracket_is_a_coin_toss(openfootball_cl: Path) -> None:
    procedure = draw_for(load(openfootball_cl / "2024-25" / "cl.txt"), "Playoffs")
    result = exact_probabilities(procedure)
    assert_is_a_draw(result)
    values = set(np.round(result.array, 12).ravel().tolist())
    assert values == {0.0, 0.5}
    assert procedure.ban(0, 0) == "not paired in the bracket (9/10 v 17/18)"


def test_the_league_phase_round_of_16_pairs_places_with_their_play_off_ties(
    openfootball_cl: Path,
) -> None:
    procedure = draw_for(load(openfootball_cl / "2024-25" / "cl.txt"), "Round of 16")
    result = exact_probabilities(procedure)
    assert_is_a_draw(result)
    first = procedure.seeded[0]
    assert first.slot == "1/2"
    assert [e.place for e in procedure.seeded[:4]] == [1, 2, 3, 4]
    assert [origin_text(e) for e in procedure.seeded[:3]] == [
        "1st in the league",
        "2nd in the league",
        "3rd in the league",
    ]
    partners = {procedure.unseeded[u].origin for u in range(8) if result.array[u, 0] > 0}
    # Liverpool (1st) could meet the winners of the ties of 15th and 16th only.
    assert partners == {
        "winner of Paris Saint-Germain FC v Stade Brestois 29",
        "winner of Sport Lisboa e Benfica v AS Monaco FC",
    }


def _groups_draw(codes: str) -> DrawProcedure:
    """Winners of groups A, B, ... against their runners-up; association codes from ``codes``
    (two letters per group: winner's, runner-up's)."""
    groups = "ABCDEF"[: len(codes) // 2]
    return DrawProcedure(
        "groups",
        tuple(_team(f"W{g}", codes[2 * i] * 3, g) for i, g in enumerate(groups)),
        tuple(_team(f"R{g}", codes[2 * i + 1] * 3, g) for i, g in enumerate(groups)),
    )


def test_identical_groups_share_their_opponents_evenly() -> None:
    # Six groups and no other bans: by symmetry every other group's winner has 1/5.
    result = exact_probabilities(_groups_draw("abcdefghijkl"))
    expected = (np.ones((6, 6)) - np.eye(6)) / 5
    np.testing.assert_allclose(result.array, expected, atol=1e-12)


def test_repeated_shapes_are_solved_once_and_still_right() -> None:
    # Groups A and B (and C and D) swap associations: two identical 4-cycles of bans, and two
    # groups with only the group ban; the recursion shares the work between the twins.
    procedure = _groups_draw("abbacddcefgh")
    result = exact_probabilities(procedure)
    assert_is_a_draw(result)
    np.testing.assert_allclose(result.array, sequential_probabilities(procedure), atol=1e-12)


def test_a_play_off_tie_has_one_winner(openfootball_cl: Path) -> None:
    season = load(openfootball_cl / "2024-25" / "cl.txt")
    table = season_tables(season)[0]
    ties = [t.teams for t in find_round(season, "Playoffs").ties()]
    drawn = league_round_of_16_draw(table, ties, winners=[ties[0][1]])
    assert drawn.unseeded[0].team == ties[0][1]
    assert all(" / " in e.team.name for e in drawn.unseeded[1:])
    with pytest.raises(InvalidValueError, match="cannot both win their play-off"):
        league_round_of_16_draw(table, ties, winners=ties[0])
