"""World Cup ties a replay or the drawing of lots decided, forecast as a desk runs it: going
through adds up to 1, and the share the replay or lots decide is reported (real data)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.competitions.conftest import Done
from tests.conftest import OPENFOOTBALL, SHARED_DATA

WORLD_CUP = OPENFOOTBALL / "worldcup"


def _world_cup(folder: str) -> str:
    path = WORLD_CUP / folder
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    if not (SHARED_DATA / "international").is_dir():
        pytest.skip(f"international results not found at {SHARED_DATA / 'international'}")
    return str(path)


def _tie(run: Callable[..., Done], *args: str) -> dict[str, Any]:
    done = run("forecast", *args, "--uncertainty", "0", "--json")
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


@pytest.mark.parametrize(
    ("folder", "team", "day"),
    [
        ("1934--italy", "Italy", "1934-06-10"),
        ("1966--england", "England", "1966-07-30"),
    ],
)
def test_a_final_that_would_be_replayed_adds_up_to_one(
    run: Callable[..., Done], folder: str, team: str, day: str
) -> None:
    data = _tie(run, _world_cup(folder), "--tie", team, "--round", "Final", "--as-of", day)
    assert data["rules"] == "extra-time-replay"
    assert sum(data["through"].values()) == pytest.approx(1, abs=1e-9)
    assert 0 < data["replay"] < data["extra_time"]
    assert data["lots"] == 0


def test_a_semi_final_decided_by_lots_adds_up_to_one(run: Callable[..., Done]) -> None:
    """1970: Italy v West Germany, with lots drawn after a level extra time."""
    where = _world_cup("1970--mexico")
    data = _tie(run, where, "--tie", "Italy", "--round", "Semifinals", "--as-of", "1970-06-17")
    assert data["rules"] == "extra-time-lots"
    assert sum(data["through"].values()) == pytest.approx(1, abs=1e-9)
    assert 0 < data["lots"] < data["extra_time"]


def test_level_late_in_extra_time_before_lots_is_about_even(run: Callable[..., Done]) -> None:
    """At 2-2 in the 119th minute only a goal or the coin decides: not 25/75 (QA5 F1b)."""
    where = _world_cup("1970--mexico")
    data = _tie(
        run,
        where,
        "--tie",
        "Italy",
        "--round",
        "Semifinals",
        "--as-of",
        "1970-06-17",
        "--score",
        "2-2",
        "--minute",
        "119",
    )
    italy, germany = data["through"]["Italy"], data["through"]["West Germany"]
    assert italy + germany == pytest.approx(1, abs=1e-9)
    assert abs(italy - germany) < 0.05
    assert data["lots"] > 0.8


def test_a_replay_in_the_file_is_part_of_the_forecast_tie(run: Callable[..., Done]) -> None:
    """QA5 F12: 1938, Switzerland 1-1 Germany a.e.t. (June 4), replay 4-2 (June 9)."""
    where = _world_cup("1938--france")
    data = _tie(run, where, "--tie", "Switzerland", "--round", "Round 1")
    assert data["stage"] == "decided"
    assert data["through"] == {"Switzerland": 1.0, "Germany": 0.0}
    assert "not in the data" not in data["explanation"]
    assert "replay" in data["explanation"]


def test_between_the_drawn_match_and_its_replay_the_replay_is_forecast(
    run: Callable[..., Done],
) -> None:
    where = _world_cup("1938--france")
    data = _tie(run, where, "--tie", "Switzerland", "--round", "Round 1", "--as-of", "1938-06-06")
    assert data["stage"] == "before the replay"
    assert data["first_leg"] == [1, 1]
    assert 0 < data["through"]["Switzerland"] < 1
    assert sum(data["through"].values()) == pytest.approx(1, abs=1e-9)


def test_a_final_is_won_not_gone_through(run: Callable[..., Done]) -> None:
    where = _world_cup("1966--england")
    data = _tie(run, where, "--tie", "England", "--round", "Final", "--as-of", "1966-07-30")
    assert data["explanation"].startswith("England win the final with probability")
    assert "replay" in data["explanation"]
