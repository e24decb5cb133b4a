"""Every tie the rules decide, across the corpus, against who the data shows in the next round.

The rules engine decides a tie from its results under its round's rules from the registry; the
files then show one of the two sides playing on. Where the data shows one side in a later round
of the same stage (``went_on``), it must be the side the rules sent through: a tie decided the
other way names a wrong rule, era or round kind in the registry (or a reading error).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from matchday import competitions
from matchday.competitions import went_on
from matchday.errors import MatchdayError
from matchday.io.load import load_with_problems
from matchday.rules import decide
from tests.conftest import OPENFOOTBALL


def _sources() -> list[Path]:
    worldcup = OPENFOOTBALL / "worldcup"
    styles = ("min", "more", "rsssf", "planetworldcup")
    return [
        *sorted((OPENFOOTBALL / "football.json").rglob("*.json")),
        *sorted((OPENFOOTBALL / "champions-league").glob("*/*.txt")),
        *sorted(worldcup.glob("[12]*--*")),
        *(p for s in styles for p in sorted((worldcup / s).glob("*.txt")) if "squad" not in p.name),
        *sorted((OPENFOOTBALL / "spec").glob("samples*/**/*.txt")),
    ]


def test_every_decided_winner_is_the_side_the_data_shows_going_on() -> None:
    sources = _sources()
    if len(sources) < 300:
        pytest.skip(f"real data not found at {OPENFOOTBALL}")
    checked, wrong = 0, []
    for path in sources:
        try:
            season = load_with_problems(path).season
        except MatchdayError:
            continue  # a source that cannot be read at all is the reader tests' business
        known = competitions.of_season(season)
        for round_ in season.rounds:
            if not round_.knockout:
                continue
            rules = known.rules(round_)
            for tie in season.round_ties(round_):
                outcome = decide(tie, rules, strict=False)
                shown = went_on(season, tie, round_)
                if outcome.winner is None or shown is None:
                    continue
                checked += 1
                if shown != outcome.winner:
                    wrong.append(f"{path.name}: {tie.label}: {outcome.explanation}; on: {shown}")
    print(f"\n{len(sources)} sources, {checked} decided ties the next round confirms")
    assert not wrong, "\n".join(wrong)
    assert checked > 2000
