"""The JSON of live states and timelines: a stable shape with the answers in it."""

from __future__ import annotations

import json

import pytest

from matchday.io.live_json import live_state_json, timeline_json
from matchday.io.load import load
from matchday.live import shoot_out, state_at, timeline
from matchday.model import Score, Tie
from matchday.rules import UEFA_CLASSIC
from matchday.select import find_tie

STATE_KEYS = {
    "clock",
    "minute",
    "added",
    "phase",
    "score",
    "score_after_90",
    "penalties",
    "aggregate",
    "away_goals",
    "through",
    "decided_by",
    "awaiting",
    "explanation",
    "needs",
    "next_goal",
}
HEADER_KEYS = {"round", "team1", "team2", "first_leg", "match", "rules"}


@pytest.fixture(scope="module")
def dortmund() -> Tie:
    return find_tie(load("europa-league-2017-18"), "Dortmund", "Round of 32")


def test_a_state_says_who_is_through_and_what_each_side_needs(dortmund: Tie) -> None:
    data = live_state_json(state_at(dortmund, UEFA_CLASSIC, Score(1, 0), 60))
    assert set(data) == HEADER_KEYS | {"state"}
    assert data["match"] == {
        "date": "2018-02-22", "home": "Atalanta", "away": "Borussia Dortmund", "dated": True,
    }  # fmt: skip
    assert data["first_leg"]["score"] == [3, 2]
    state = data["state"]
    assert set(state) == STATE_KEYS
    assert state["score"] == [1, 0]
    assert state["aggregate"] == [3, 3]
    assert state["away_goals"] == [0, 2]
    assert (state["through"], state["decided_by"], state["phase"]) == (
        "Atalanta",
        "away_goals",
        "regular_time",
    )
    assert [n["team"] for n in state["needs"]] == ["Atalanta", "Borussia Dortmund"]
    assert state["needs"][1] == {
        "team": "Borussia Dortmund",
        "to_go_through": 1,
        "to_force": None,
        "forces": "extra_time",
    }
    assert state["next_goal"][1]["through"] == "Borussia Dortmund"
    json.dumps(data)


def test_during_the_shoot_out_no_goal_is_needed_or_next(dortmund: Tie) -> None:
    level = state_at(dortmund, UEFA_CLASSIC, Score(3, 2), 120)
    state = live_state_json(shoot_out(level))["state"]
    assert state["phase"] == "penalties"
    assert state["awaiting"] == "penalties"
    assert state["score_after_90"] == [3, 2]
    assert state["next_goal"] == []
    assert all(n["to_go_through"] is None for n in state["needs"])


def test_a_timeline_lists_every_goal_with_the_state_after_it(dortmund: Tie) -> None:
    data = timeline_json(timeline(dortmund, UEFA_CLASSIC))
    assert set(data) == HEADER_KEYS | {"timeline"}
    line = data["timeline"]
    assert set(line) == {"kickoff", "goals", "final"}
    assert [(g["clock"], g["scorer"], g["turning_point"]) for g in line["goals"]] == [
        ("11'", "Toloi", True),
        ("83'", "Schmelzer", True),
    ]
    assert all(set(g["state"]) == STATE_KEYS for g in line["goals"])
    assert line["goals"][0]["state"]["through"] == "Atalanta"
    assert line["final"]["through"] == "Borussia Dortmund"
    assert line["final"]["aggregate"] == [4, 3]
    json.dumps(data)
