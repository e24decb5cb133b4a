"""The shipped law of added time is the one the real goal minutes give (``bench/added_time.py``)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from matchday.evaluate.added_time import (
    PERIOD_ENDS,
    fit_added_time,
    fit_survival,
    module_text,
    read_matches,
)
from matchday.live.added_time_fitted import ERAS


def test_the_shipped_table_is_fitted_again_from_the_data(openfootball: Path) -> None:
    if not (openfootball / "worldcup").exists():
        pytest.skip(f"the World Cup files are not at {openfootball / 'worldcup'}")
    fits = fit_added_time(read_matches(openfootball))
    assert [None if e.since is None else e.since.isoformat() for e in fits] == [s for s, _ in ERAS]
    for era, (_, shipped) in zip(fits, ERAS, strict=True):
        for period in era.periods:
            assert period.survival == pytest.approx(shipped[period.end], abs=2e-4)
    path = Path(__file__).resolve().parents[2] / "src/matchday/live/added_time_fitted.py"
    assert module_text(fits) == path.read_text(encoding="utf-8")


def test_the_data_holds_goals_in_every_regular_added_time() -> None:
    """Each era's halves have their goals at 45+n' and 90+n' (not only extra time's)."""
    for _, laws in ERAS:
        assert set(laws) == set(PERIOD_ENDS)
        assert len(laws[45]) > 2
        assert len(laws[90]) > 2


def test_the_fit_follows_the_counts_and_never_lets_the_whistle_grow_less_likely() -> None:
    # 20 goals a minute: every match had 2 minutes added, half of them 3, a quarter 4
    assert fit_survival([20, 20, 10, 5], 20.0) == pytest.approx((1, 1, 0.5, 0.25), abs=1e-3)
    # counts the law cannot follow exactly (the 4th minute as likely as the 3rd)
    survival = fit_survival([20, 20, 10, 10], 20.0)
    assert sum(survival) == pytest.approx(3.0, abs=0.05)  # goals counted / rate
    ratios = [b / a for a, b in itertools.pairwise(survival)]
    # the hazard never falls: each ratio at most the one before (to the fit's rounding)
    assert all(b <= a + 1e-3 for a, b in itertools.pairwise(ratios))
    assert ratios[-1] < ratios[0] - 0.1
    assert fit_survival([], 10.0) == ()
    assert fit_survival([3], 0.0) == ()
