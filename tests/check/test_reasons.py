"""The reasons of ``matchday check`` are data, told in each language at the edge: every key has
English and Dutch words, and a Dutch check reads Dutch, teams named as the Dutch report names
them."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache

import pytest

import matchday
from matchday.check import Kind, Night, Verdict, check
from matchday.check.reasons import Reason, Value, Why
from matchday.cli.check import night_of, reasons_for
from matchday.model import Goal, RedCard, Score, Tally, Team
from matchday.report import night_rules
from matchday.report.language import LANGUAGES
from matchday.rules import DecidedBy, Phase
from tests.check.test_cli import run
from tests.conftest import OPENFOOTBALL

ARG, FRA = Team("Argentina"), Team("France")
_GOAL = Goal(23, ARG, "Messi", penalty=True)
_STATE_THROUGH = Reason.of(
    Why.THROUGH_STATE, team=ARG, by=DecidedBy.SINGLE_MATCH_PENALTIES, final=True,
    score=(3, 3), away=(0, 0), kicks=(4, 2), after_extra_time=True, sudden=None,
)  # fmt: skip
_STATE_LEVEL = Reason.of(
    Why.LEVEL_STATE, score=Tally(2, 2), on_aggregate=True, away_each=1, shootout=False,
    after_extra_time=False, heading=Phase.EXTRA_TIME, rules="UEFA 2017",
)  # fmt: skip
SAMPLES: dict[Why, dict[str, Value]] = {
    Why.ALSO: {"reasons": (Reason.of(Why.NOT_PLAYED), Reason.of(Why.NO_TIE))},
    Why.ELSEWHERE: {"team": ARG},
    Why.DID_NOT_PLAY: {"team": ARG},
    Why.NO_HOSTS_ON_RECORD: {"competition": "World Cup", "season": "1930"},
    Why.NO_HOSTS: {"competition": "Euro", "season": "2020"},
    Why.HOSTS_ELSEWHERE: {
        "competition": "World Cup",
        "season": "2022",
        "hosts": ("Qatar",),
        "teams": (ARG, FRA),
    },
    Why.NO_FINAL: {"round": "Semifinals"},
    Why.NOT_PLAYED: {},
    Why.NOT_DECIDED: {},
    Why.SECOND_LEG_TO_COME: {"home": ARG, "score": Score(1, 0), "away": FRA},
    Why.RESULT: {"home": ARG, "score": Score(3, 3), "away": FRA, "winner": ARG, "shootout": True},
    Why.TIE_WON: {"winner": ARG, "loser": FRA, "final": True},
    Why.AGGREGATE_NOT_LEVEL: {},
    Why.DID_NOT_LOSE: {"team": ARG},
    Why.NEVER_BEHIND: {"team": ARG, "where": "match"},
    Why.NEVER_LEVEL_AGAIN: {"team": FRA, "where": "aggregate"},
    Why.GOALS_NOT_ON_RECORD: {},
    Why.DECIDING_GOALS_NOT_ON_RECORD: {},
    Why.CARDS_NOT_ON_RECORD: {},
    Why.NO_TIE: {},
    Why.DECIDED: {"by": DecidedBy.PENALTIES, "winner": ARG, "shootout": (4, 2)},
    Why.DID_NOT_MEET: {"home": ARG, "away": FRA, "opponent": Team("Croatia")},
    Why.REPLAY_WON: {
        "home": ARG,
        "score": Score(2, 4),
        "away": FRA,
        "winner": FRA,
        "after_extra_time": False,
    },
    Why.SCORE_LINE: {"home": ARG, "score": Score(3, 3), "away": FRA},
    Why.NO_AGGREGATE: {},
    Why.AGGREGATE: {"team": ARG, "goals": (4, 2)},
    Why.FIRST_LEG: {"score": Score(1, 0)},
    Why.SHOOTOUT: {"score": Score(4, 2)},
    Why.HALF_TIME: {"score": Score(2, 0)},
    Why.AFTER_90: {"score": Score(2, 2)},
    Why.AFTER_EXTRA_TIME: {"scores": (Score(3, 3),)},
    Why.NO_EXTRA_TIME: {
        "home": ARG,
        "score": Score(0, 0),
        "away": FRA,
        "winner": FRA,
        "shootout": (5, 4),
    },
    Why.SCORE_WENT: {"scores": (Score(1, 0),), "goals": (_GOAL,)},
    Why.NO_MOMENT: {},
    Why.HYPOTHETICAL: {},
    Why.DID_NOT_SCORE: {"player": "Dybala", "goals": (_GOAL,)},
    Why.SCORED_NOWHERE: {"player": "Dybala"},
    Why.PLAYER_NOWHERE: {"player": "Dybala"},
    Why.PLAYER_UNPLACED: {"player": "Fernández", "teams": (ARG, FRA)},
    Why.SCORED: {"player": "Messi", "count": 1, "within": True, "goals": (_GOAL,)},
    Why.SCORED_AT: {"player": "Messi", "goals": (_GOAL,)},
    Why.NO_OWN_GOAL: {"player": "Messi"},
    Why.NO_PENALTY: {"player": "Messi"},
    Why.PENALTIES_SCORED: {"player": "Messi", "penalties": 1, "count": 2, "goals": (_GOAL,)},
    Why.GOAL_MADE: {"player": "Messi", "score": Score(1, 0)},
    Why.FIRST_GOAL: {"goal": _GOAL},
    Why.NOT_EQUALISER: {},
    Why.NOT_LEAD: {},
    Why.WINNING_GOAL: {"goal": None},
    Why.THE_GOALS: {"goals": (_GOAL,)},
    Why.TEAM_PENALTIES: {"team": FRA, "kicks": 3, "goals": (_GOAL,)},
    Why.MISSES_NOT_ON_RECORD: {},
    Why.SHOOTOUT_KICK: {},
    Why.SENT_OFF: {"cards": (RedCard(90, FRA, "Rabiot", added=2),)},
    Why.STRETCHES: {"stretches": ((None, 23, _STATE_LEVEL), (23, None, _STATE_THROUGH))},
    Why.ONE_GOAL_ENOUGH: {"team": FRA, "what": "extra_time", "bounds": ((23, 47),)},
    Why.NO_DECIDING_MATCH: {},
    Why.AT_SCORE: {"score": Score(1, 0), "state": _STATE_THROUGH},
    Why.NO_FORECAST: {},
    Why.NO_SERIES: {},
    Why.FORECAST_GAVE: {"team": ARG, "chance": 0.613, "when": "kickoff", "minute": None},
    Why.BRINK: {"team": FRA, "chance": 0.2, "brink": 0.15},
    Why.FORMALITY: {"team": ARG, "chance": 0.8, "formality": 0.9},
    Why.KICKOFF_CHANCE: {"team": ARG, "chance": 0.6},
    Why.NEGATED: {},
    Why.HYPOTHETICAL_GOAL: {},
    Why.LEADER_UNTOLD: {},
    Why.DENIED: {},
    Why.MISSPELT: {"name": "Schmelzer"},
    Why.MISSPELT_TEAM: {"team": FRA, "written": "Frankryk"},
    Why.NO_SUBSTITUTIONS: {},
    Why.NO_PENALTY_IN_PLAY: {"player": "Gonzalo Montiel"},
    Why.SIDE_UNNAMED: {"written": "Braziliaanse ploeg"},
    Why.THROUGH_STATE: dict(_STATE_THROUGH.values),
    Why.LEVEL_STATE: dict(_STATE_LEVEL.values),
    Why.NEXT_GOAL: {
        "team": FRA,
        "through": None,
        "kept": False,
        "heading": Phase.EXTRA_TIME,
        "still": False,
    },
}
"""Values for every reason: a key added without a sample here fails the walk below."""


@cache
def _night() -> Night:
    season = matchday.load("europa-league-2017-18")
    return night_of(season, matchday.rules_for_season(2017), date=dt.date(2018, 2, 22))


@pytest.mark.parametrize("why", list(Why), ids=lambda why: why.value)
def test_every_reason_has_english_and_dutch_words(why: Why) -> None:
    """Each key is told in every language of the reports, differently in each (a Dutch
    template left in English fails), with nothing of its values left unsaid as a raw name."""
    assert why in SAMPLES, f"no sample values for {why}: add one, and its words per language"
    reason = Reason.of(why, **SAMPLES[why])
    told = {code: reasons_for(_night(), code)(reason) for code in LANGUAGES}
    assert set(told) == {"en", "nl"}
    assert all(told.values()), told
    assert told["en"] != told["nl"], told
    assert not any("Reason(" in said or "Team(" in said for said in told.values()), told


def test_the_words_around_the_verdicts_are_in_each_language() -> None:
    for code in LANGUAGES:
        say = reasons_for(_night(), code)
        assert say.word("verdict", "not_checkable")
        assert say.word("counts", 1, 2, 3)
    assert reasons_for(_night(), "nl").word("verdict", "contradicted") == "klopt niet"


def test_the_states_read_as_the_live_view_in_english() -> None:
    """A match state told in English reads as ``matchday live`` tells it."""
    say = reasons_for(_night(), "en")
    assert say.line(_STATE_LEVEL) == "Level at 2-2 on aggregate, 1 away goal each: extra time"
    assert say(Reason.of(Why.AT_SCORE, score=Score(1, 1), state=_STATE_LEVEL)) == (
        "at 1-1: level at 2-2 on aggregate, 1 away goal each: extra time"
    )
    assert say(_STATE_THROUGH) == "Argentina win the final 4-2 on penalties (3-3 after extra time)"
    assert reasons_for(_night(), "nl")(_STATE_THROUGH) == (
        "Argentinië wint de finale met 4-2 na strafschoppen (3-3 na verlengingen)"
    )


def _world_cup(folder: str, day: dt.date) -> Night:
    path = OPENFOOTBALL / "worldcup" / folder
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    known = matchday.competitions.of_season(matchday.load(path))
    rules = night_rules(known, date=day)
    return night_of(known.season, rules, date=day, forecast=False)


@pytest.mark.parametrize(
    ("folder", "day", "text", "reasons"),
    [
        ("2022--qatar", (2022, 12, 18), "Frankrijk won met 3-2.", [
            "Argentinië - Frankrijk 3-3: gelijkspel, Argentinië won na strafschoppen",
            "Argentinië - Frankrijk 3-3",
        ]),
        ("2022--qatar", (2022, 12, 18),
         "Argentinië won na verlengingen. Messi scoorde drie keer.", [
            "beslist na strafschoppen: Argentinië won de strafschoppenreeks met 4-2",
            "Lionel Messi scoorde 2 keer (23', 108')",
        ]),
        ("2014--brazil", (2014, 7, 8),
         "Brazilië won met 2-1 van Duitsland. Het stond 0-3 bij de rust.", [
            "Brazilië - Duitsland 1-7: gewonnen door Duitsland",
            "Brazilië - Duitsland 1-7",
            "de ruststand was 0-5",
        ]),
        ("2014--brazil", (2014, 7, 9), "Nederland plaatste zich na strafschoppen.", [
            "Argentinië plaatste zich, Nederland werd uitgeschakeld",
        ]),
    ],
)  # fmt: skip
def test_a_dutch_check_tells_its_reasons_in_dutch(
    folder: str, day: tuple[int, int, int], text: str, reasons: list[str]
) -> None:
    night = _world_cup(folder, dt.date(*day))
    wrong = [c for c in check(text, night, "nl") if c.verdict is not Verdict.SUPPORTED]
    assert [reasons_for(night, "nl")(c.reason) for c in wrong] == reasons


def test_dutch_reasons_name_clubs_as_the_dutch_report_does() -> None:
    """22 February 2018: the Dutch report's names ("Spartak Moskou", "Athletic Bilbao",
    "Arsenal"), not the data's ("Spartak Moskva", "Athletic Club", "Arsenal FC")."""
    text = (
        "Athletic Bilbao won met 2-1 van Spartak Moskou. "
        "Arsenal plaatste zich met een totaalscore van 4-3."
    )
    claims = [c for c in check(text, _night(), "nl") if c.verdict is Verdict.CONTRADICTED]
    assert [reasons_for(_night(), "nl")(c.reason) for c in claims] == [
        "Athletic Bilbao - Spartak Moskou 1-2: gewonnen door Spartak Moskou",
        "Arsenal 4-2 over twee wedstrijden",
    ]


def test_the_cli_tells_dutch_reasons_and_keeps_them_as_data_in_json() -> None:
    """The report from the brief: ``--lang nl`` gives Dutch reasons in the text and in the
    JSON's ``reason``, with the key and values beside it."""
    path = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    night = ("--source", str(path), "--date", "2022-12-18", "--lang", "nl", "--no-forecast")
    done = run("-", *night, stdin="Frankrijk won met 3-2.\n")
    assert done.returncode == 0, done.stderr
    assert (
        "— Argentinië - Frankrijk 3-3: gelijkspel, Argentinië won na strafschoppen" in done.stdout
    )
    assert "won by" not in done.stdout
    assert "penalties" not in done.stdout
    as_json = run("-", *night, "--format", "json", stdin="Frankrijk won met 3-2.\n")
    first = json.loads(as_json.stdout)["claims"][0]
    assert (
        first["reason"] == "Argentinië - Frankrijk 3-3: gelijkspel, Argentinië won na strafschoppen"
    )
    assert first["reason_key"] == "result"
    assert first["reason_values"] == {
        "home": "Argentina", "score": {"home": 3, "away": 3}, "away": "France",
        "winner": "Argentina", "shootout": True,
    }  # fmt: skip
    assert first["kind"] == Kind.RESULT.value


@pytest.mark.parametrize(
    ("text", "kind", "said"),
    [
        # supported, each with what the data says, not the reason it would be wrong for
        ("Arsenal went through despite a home defeat.", Kind.DESPITE,
         "Arsenal went through, Östersund went out; Arsenal 1-2 Östersund: won by Östersund"),
        ("At 1-0, Dortmund were out on away goals.", Kind.WHAT_IF, "at 1-0"),
        ("Atalanta came from behind.", Kind.COMEBACK, "the score went 1-0 (11'), 1-1 (83')"),
    ],
)  # fmt: skip
def test_a_supported_claim_carries_what_the_data_says(text: str, kind: Kind, said: str) -> None:
    """22 February 2018: a supported claim's reason is the fact that bears it out (a despite
    once carried "Arsenal did not lose the match", a what-if at a score no reason at all)."""
    night = _night()
    claim = next(c for c in check(text, night, "en") if c.kind is kind)
    assert claim.verdict is Verdict.SUPPORTED
    assert said in reasons_for(night, "en")(claim.reason)
