"""The bundled Europa League 2017-18 round-of-32 draw, solved exactly once per run (7 s of CPU):
its tests sit together, so that the test workers tend to give them to one worker; another
waits for the first one's answer (``tests/draw/conftest.py``)."""

from __future__ import annotations

from matchday.draw import PairingProbabilities
from tests.draw.test_exact import assert_is_a_draw
from tests.draw.test_sample import assert_agrees


def test_europa_league_2017_18_round_of_32(el_round_of_32: PairingProbabilities) -> None:
    result = el_round_of_32
    procedure = result.procedure
    assert_is_a_draw(result)
    spartak = next(e.team for e in procedure.unseeded if e.team.name == "Spartak Moskva")
    dynamo = next(e.team for e in procedure.seeded if e.team.name == "Dynamo Kyiv")
    assert result.probability(spartak, dynamo) == 0.0  # Russia and Ukraine kept apart
    assert result.states > 1000


def test_sampler_agrees_on_the_europa_league_round_of_32(
    el_round_of_32: PairingProbabilities,
) -> None:
    assert_agrees(el_round_of_32.procedure, 20000, seed=2017, exact=el_round_of_32)
