"""The bundled Europa League 2017-18 data agrees with the verified facts it was written from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from matchday.io.footballtxt import parse
from matchday.io.load import bundled_names, load
from matchday.model import Season
from matchday.rules import DecidedBy, decide_all, rules_for_season

NAME = "europa-league-2017-18"


@pytest.fixture(scope="module")
def bundled() -> Season:
    return load(NAME)


@pytest.fixture(scope="module")
def facts(facts_file: Path) -> Season:
    return parse(facts_file.read_text(encoding="utf-8"), str(facts_file))


def test_the_data_set_is_shipped_and_loadable_by_name(bundled: Season) -> None:
    assert NAME in bundled_names()
    assert bundled.competition == "UEFA Europa League"
    assert bundled.start_year == 2017
    assert [r.name for r in bundled.rounds] == [
        "Round of 32",
        "Round of 16",
        "Quarterfinals",
        "Semifinals",
        "Final",
    ]
    assert len(bundled.matches) == 61


def test_every_match_agrees_with_the_facts(bundled: Season, facts: Season) -> None:
    assert len(bundled.matches) == len(facts.matches)
    for ours, theirs in zip(bundled.matches, facts.matches, strict=True):
        assert (ours.date, ours.home, ours.away) == (theirs.date, theirs.home, theirs.away)
        assert (ours.score, ours.half_time, ours.extra_time, ours.penalties) == (
            theirs.score,
            theirs.half_time,
            theirs.extra_time,
            theirs.penalties,
        ), ours.label
        assert ours.goals == theirs.goals or theirs.goals is None, ours.label


def test_goal_events_of_every_round_of_32_second_leg(bundled: Season) -> None:
    second_legs = [tie.second_leg for tie in bundled.rounds[0].ties()]
    assert len(second_legs) == 16
    for match in second_legs:
        assert match is not None
        assert match.goals is not None, match.label
        assert match.red_cards is not None, match.label


def _red_cards_in_facts(facts_file: Path) -> dict[str, tuple[str, int]]:
    """``# red card: Raúl Navas (Real Sociedad) 71'`` comments, by team."""
    found = re.findall(
        r"# red card: (.+?) \((.+?)\) (\d+)'", facts_file.read_text(encoding="utf-8")
    )
    return {team: (player, int(minute)) for player, team, minute in found}


def test_red_cards_agree_with_the_facts(bundled: Season, facts_file: Path) -> None:
    expected = _red_cards_in_facts(facts_file)
    recorded = {
        card.team.name: (card.player, card.minute)
        for match in bundled.matches
        for card in match.red_cards or ()
    }
    assert recorded == expected
    assert len(expected) == 2


def _winners_in_facts(facts_file: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """The facts' ``# Aggregate (winner first)`` lines: (winner, loser) -> aggregate, away goals."""
    lines = re.findall(
        r"^\s*#\s{3}(.+?) (\d+-\d+) (.+?)(?:\s{2}\((.+)\))?$",
        facts_file.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    return {(w, loser): (agg, "away goals" in (note or "")) for w, agg, loser, note in lines}


def test_winners_aggregates_and_away_goals_agree_with_the_facts(
    bundled: Season, facts_file: Path
) -> None:
    expected = _winners_in_facts(facts_file)
    assert len(expected) == 30
    outcomes = decide_all(
        (t for r in bundled.rounds[:-1] for t in r.ties()), rules_for_season(2017)
    )
    decided = {}
    for outcome in outcomes:
        assert outcome.winner is not None
        assert outcome.loser is not None
        assert outcome.aggregate is not None
        high = max(outcome.aggregate.team1, outcome.aggregate.team2)
        low = min(outcome.aggregate.team1, outcome.aggregate.team2)
        on_away_goals = outcome.decided_by is DecidedBy.AWAY_GOALS
        decided[(outcome.winner.name, outcome.loser.name)] = (f"{high}-{low}", on_away_goals)
    assert decided == expected
