"""Every rule value decides as its name says: golden and silver goal, penalties without extra
time, replays, drawing of lots and ties decided off the pitch."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import ExtraTimeNotDueError, RuleError, UnsettledTieError
from matchday.model import Match, Score, Team, Tie
from matchday.rules import (
    ALL_PRESETS,
    AwayGoals,
    DecidedBy,
    ExtraTime,
    Rules,
    Unsettled,
    decide,
    preset,
)
from tests.factories import AWAY, HOME, leg, one_match, two_legs

REPLAY_DATE = dt.date(2018, 3, 1)

# 90 minutes, after extra time, penalties, preset -> winner (1: HOME), how
SINGLE = [
    ("1-1", "2-1", None, "golden-goal", 1, DecidedBy.GOLDEN_GOAL),
    ("0-0", "0-1", None, "golden-goal", 2, DecidedBy.GOLDEN_GOAL),
    ("1-1", "1-1", "4-3", "golden-goal", 1, DecidedBy.SINGLE_MATCH_PENALTIES),
    ("1-1", "2-1", None, "silver-goal", 1, DecidedBy.SILVER_GOAL),
    ("1-1", "3-1", None, "silver-goal", 1, DecidedBy.SILVER_GOAL),
    ("1-1", "2-1", None, "extra-time-penalties", 1, DecidedBy.SINGLE_MATCH_EXTRA_TIME),
    ("1-1", None, "2-4", "no-extra-time", 2, DecidedBy.SINGLE_MATCH_PENALTIES),
    ("2-1", None, None, "no-extra-time", 1, DecidedBy.SINGLE_MATCH),
    ("1-1", "1-2", None, "extra-time-replay", 2, DecidedBy.SINGLE_MATCH_EXTRA_TIME),
    ("0-0", "1-0", None, "extra-time-lots", 1, DecidedBy.SINGLE_MATCH_EXTRA_TIME),
]


@pytest.mark.parametrize(
    ("result", "aet", "pens", "rules", "winner", "how"),
    SINGLE,
    ids=[f"{r[0]}|aet={r[1]}|p={r[2]}|{r[3]}" for r in SINGLE],
)
def test_single_matches(
    result: str, aet: str | None, pens: str | None, rules: str, winner: int, how: DecidedBy
) -> None:
    outcome = decide(one_match(result, aet=aet, pens=pens), preset(rules))
    assert outcome.winner == (HOME if winner == 1 else AWAY)
    assert outcome.decided_by is how


def test_a_golden_goal_ends_extra_time_so_two_goals_in_it_are_an_error() -> None:
    with pytest.raises(ExtraTimeNotDueError, match="the first goal ends it"):
        decide(one_match("1-1", aet="3-1"), preset("golden-goal"))


@pytest.mark.parametrize("rules", ["no-extra-time", "away-goals-no-extra-time"])
def test_penalties_without_extra_time_in_two_legs(rules: str) -> None:
    outcome = decide(two_legs("1-0", "1-0", pens="2-4"), preset(rules))
    assert outcome.decided_by is DecidedBy.PENALTIES
    assert outcome.winner == HOME  # 4-2 for team 1, away in the second leg


def test_extra_time_where_the_rules_have_none_is_an_error() -> None:
    with pytest.raises(ExtraTimeNotDueError, match="has no extra time"):
        decide(two_legs("1-0", "1-0", aet="1-1", pens="2-4"), preset("no-extra-time"))


def _replayed(
    first: str,
    replay: str,
    *,
    aet: str | None = None,
    replay_aet: str | None = None,
    replay_pens: str | None = None,
) -> Tie:
    tie = one_match(first, aet=aet)
    again = leg(AWAY, HOME, replay, date=REPLAY_DATE, aet=replay_aet, pens=replay_pens)
    return tie.with_replays((again,))


def test_an_fa_cup_replay_goes_to_extra_time() -> None:
    """Tranmere 2-2 Watford, the replay 1-1 after 90 minutes and 1-2 after extra time (FA Cup
    2019-20): the drawn match has no extra time, its replay has (it was refused: "has no
    extra time")."""
    outcome = decide(_replayed("2-2", "1-1", replay_aet="1-2"), preset("replay-then-penalties"))
    assert outcome.winner == HOME
    assert outcome.decided_by is DecidedBy.REPLAY
    assert outcome.explanation == (
        "Borussia Dortmund win the replay 2-1 after extra time (the first match: 2-2)"
    )


def test_an_fa_cup_replay_goes_to_penalties_after_extra_time() -> None:
    tie = _replayed("2-2", "1-1", replay_aet="1-1", replay_pens="3-4")
    outcome = decide(tie, preset("replay-then-penalties"))
    assert outcome.winner == HOME
    assert outcome.decided_by is DecidedBy.REPLAY
    assert outcome.explanation == (
        "Borussia Dortmund win the replay 4-3 on penalties after a 1-1 draw after extra time "
        "(the first match: 2-2)"
    )


def test_the_drawn_match_itself_still_has_no_extra_time_under_replay_then_penalties() -> None:
    with pytest.raises(ExtraTimeNotDueError, match="has no extra time"):
        decide(_replayed("2-2", "0-1", aet="2-2"), preset("replay-then-penalties"))


def test_rules_for_a_replay_only_where_there_is_a_replay() -> None:
    with pytest.raises(ValueError, match="no replay"):
        Rules("odd", AwayGoals.NONE, replayed_under=preset("extra-time-penalties"))


@pytest.mark.parametrize(
    ("rules", "first", "aet", "replay", "replay_aet", "winner"),
    [
        ("extra-time-replay", "1-1", "1-1", "0-1", None, HOME),
        ("extra-time-replay", "0-0", "0-0", "2-1", None, AWAY),
        ("extra-time-replay", "0-0", "0-0", "1-1", "2-1", AWAY),
        ("replay-then-penalties", "2-2", None, "0-1", None, HOME),
    ],
)
def test_a_drawn_tie_is_replayed_and_the_replay_decides(
    rules: str, first: str, aet: str | None, replay: str, replay_aet: str | None, winner: object
) -> None:
    outcome = decide(_replayed(first, replay, aet=aet, replay_aet=replay_aet), preset(rules))
    assert outcome.winner == winner
    assert outcome.decided_by is DecidedBy.REPLAY
    assert "replay" in outcome.explanation
    assert outcome.tie.last_match.date == REPLAY_DATE


def test_a_replay_counts_the_first_named_team_first() -> None:
    outcome = decide(_replayed("1-1", "0-1", aet="1-1"), preset("extra-time-replay"))
    assert str(outcome.aggregate) == "1-0"  # HOME (team 1) won 1-0 away in the replay
    assert outcome.explanation.startswith("Borussia Dortmund win the replay 1-0")


def test_a_replay_under_rules_without_replays_is_an_error() -> None:
    with pytest.raises(RuleError, match="has none"):
        decide(_replayed("1-1", "0-1", aet="1-1"), preset("extra-time-lots"))


def test_a_replay_missing_from_the_data_is_an_error_unless_reported() -> None:
    tie = one_match("1-1", aet="1-1")
    rules = preset("extra-time-replay")
    with pytest.raises(UnsettledTieError, match="no replay recorded"):
        decide(tie, rules)
    reported = decide(tie, rules, strict=False)
    assert reported.winner is None
    assert reported.unsettled is Unsettled.REPLAY_NOT_IN_DATA


@pytest.mark.parametrize("went_on", [HOME, AWAY])
def test_lots_name_the_team_the_data_shows_going_on(went_on: object) -> None:
    tie = one_match("1-1", aet="1-1")
    outcome = decide(tie, preset("extra-time-lots"), went_on=went_on)  # type: ignore[arg-type]
    assert outcome.winner == went_on
    assert outcome.decided_by is DecidedBy.LOTS
    assert outcome.unsettled is Unsettled.LOTS
    assert "decided off the pitch" in outcome.explanation
    assert "drawing of lots" in outcome.explanation


def test_lots_are_never_guessed() -> None:
    outcome = decide(one_match("1-1", aet="1-1"), preset("extra-time-lots"))
    assert outcome.winner is None
    assert outcome.decided_by is None
    assert outcome.unsettled is Unsettled.LOTS
    assert "does not show who went on" in outcome.explanation


def test_a_missing_shoot_out_is_reported_with_the_reason() -> None:
    """The 1999 Libertadores final: 2-2 on aggregate, no extra time, no shoot-out in the file."""
    tie = two_legs("0-1", "1-2")
    rules = preset("no-extra-time")
    with pytest.raises(UnsettledTieError, match="no shoot-out recorded"):
        decide(tie, rules)
    reported = decide(tie, rules, strict=False)
    assert (reported.winner, reported.unsettled) == (None, Unsettled.SHOOTOUT_NOT_IN_DATA)
    assert str(reported.aggregate) == "2-2"
    known = decide(tie, rules, went_on=AWAY, strict=False)
    assert (known.winner, known.decided_by) == (AWAY, DecidedBy.PENALTIES)


def test_no_decider_and_a_team_that_went_on_is_off_the_pitch() -> None:
    rules = Rules("none", AwayGoals.NONE, ExtraTime.NONE, penalties=False)
    outcome = decide(one_match("0-0"), rules, went_on=HOME)
    assert (outcome.winner, outcome.decided_by) == (HOME, DecidedBy.OFF_THE_PITCH)


def test_went_on_must_be_one_of_the_two_teams() -> None:
    stranger = Team("Nobody")
    with pytest.raises(RuleError, match="did not play in this tie"):
        decide(one_match("1-1", aet="1-1"), preset("extra-time-lots"), went_on=stranger)


def test_a_replay_between_other_teams_is_refused() -> None:
    other = Match(REPLAY_DATE, HOME, Team("Nobody"), Score(1, 0))
    with pytest.raises(RuleError, match="not between the same teams"):
        Tie("Final", one_match("1-1").legs, 1, (other,))


def test_extra_time_kinds_and_the_older_spelling() -> None:
    assert Rules("x", AwayGoals.NONE, extra_time=True).extra_time is ExtraTime.THIRTY_MINUTES
    assert Rules("x", AwayGoals.NONE, extra_time=False).extra_time is ExtraTime.NONE
    assert not ExtraTime.NONE
    assert all(ExtraTime(kind) for kind in ("30 minutes", "golden goal", "silver goal"))
    with pytest.raises(ValueError, match="nothing for a replay"):
        Rules("x", AwayGoals.NONE, replay=True)


def test_every_preset_is_named_by_its_key() -> None:
    assert all(preset(name).name == name for name in ALL_PRESETS)


def test_a_walkover_is_explained_with_one_pair_of_brackets() -> None:
    """1938: Sweden through, Austria withdrawn; the reason's own brackets, no second pair."""
    tie = Tie("Round 1", (Match(dt.date(1938, 6, 5), HOME, AWAY, cancelled=True),))
    outcome = decide(tie, preset("extra-time-replay"), went_on=HOME)
    assert outcome.winner == HOME
    assert outcome.explanation.count("(") == 1
    assert outcome.explanation.endswith(f"; the data shows {HOME} in the next round")
