"""The fast pre-tie probability agrees with the full tie distribution."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchday.forecast.through import through_probability
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.rules import ALL_PRESETS, UEFA_2021, UEFA_CLASSIC, Rules

rates = st.floats(min_value=0.3, max_value=3.0)


@settings(max_examples=15, deadline=None)
@given(rates, rates, rates, rates, st.sampled_from([UEFA_CLASSIC, UEFA_2021]))
def test_fast_and_full_forecasts_agree(
    h1: float, a1: float, h2: float, a2: float, rules: Rules
) -> None:
    first, second = LegRates(h1, a1), LegRates(h2, a2)
    full = forecast_tie(first, second, rules, rho=-0.05).team1_through
    assert through_probability(first, second, rules, -0.05) == pytest.approx(full, abs=1e-6)


def test_a_single_match_is_the_full_forecast() -> None:
    rates = LegRates(1.4, 1.2)
    assert through_probability(rates, None, UEFA_2021) == pytest.approx(
        forecast_tie(rates, None, UEFA_2021).team1_through
    )


PRESETS = sorted(ALL_PRESETS.values(), key=lambda r: r.name)


@pytest.mark.parametrize("rules", PRESETS, ids=lambda r: r.name)
def test_fast_and_full_forecasts_agree_under_every_preset(rules: Rules) -> None:
    """Lots and replays included: the level share goes to a side in both (QA5 F1)."""
    first, second = LegRates(1.5, 1.0), LegRates(1.3, 1.2)
    full = forecast_tie(first, second, rules, rho=-0.05).team1_through
    assert through_probability(first, second, rules, -0.05) == pytest.approx(full, abs=1e-6)
