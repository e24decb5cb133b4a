"""The round names of the Football.TXT specification's own word list
(``spec/basics/0002_rounds.txt``, the names its tokenizer is checked against), read by the round
vocabulary: each to a canonical round, or named here with the reason it is not."""

from __future__ import annotations

import re

import pytest

from matchday.io.footballtxt import canonical_round
from matchday.io.footballtxt.vocabulary import names_a_leg
from tests.conftest import OPENFOOTBALL

NOT_READ = {
    "Wildcard Round": "North American play-offs' one-off round before the first round (MLS): "
    "no canonical round of matchday's is that round, and none is made up for it",
}
"""Round names of the list the vocabulary does not read, and why."""

_LEG = re.compile(r"(?P<base>.+?)(?:,\s*Leg \d of \d|\s+-\s+(?:1st|2nd) Leg)")
_IN_STAGE = re.compile(r"(?P<base>.+?),\s*Matchday \d{1,2} of \d{1,2}")
_OF = re.compile(r"(?P<base>Matchday \d{1,2}) of \d{1,2}")


@pytest.fixture(scope="module")
def round_names() -> list[str]:
    """The names as the list writes them: one a line, ``#`` comments, the title and blank
    lines aside."""
    path = OPENFOOTBALL / "spec" / "basics" / "0002_rounds.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    names = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        name = raw.split("#", 1)[0].strip()
        if name and not name.startswith("="):
            names.append(name)
    return names


def test_every_round_name_of_the_list_reads_or_is_named_with_its_reason(
    round_names: list[str],
) -> None:
    unread = [name for name in round_names if canonical_round(name) is None]
    print(f"{len(round_names) - len(unread)} of {len(round_names)} round names read")
    assert sorted(unread) == sorted(NOT_READ)
    assert len(round_names) > 40  # the list itself, not an empty or moved file


def test_a_leg_or_matchday_of_a_round_reads_as_the_round_itself(round_names: list[str]) -> None:
    """``Quarter-final, Leg 1 of 2``, ``Final - 2nd Leg``, ``Group stage, Matchday 3 of 6`` and
    ``Matchday 2 of 8`` are the rounds named before the leg or out of how many."""
    checked = 0
    for name in round_names:
        for shape, leg in ((_LEG, True), (_IN_STAGE, False), (_OF, False)):
            if (found := shape.fullmatch(name)) is not None:
                base = canonical_round(found["base"])
                assert base is not None, found["base"]
                assert canonical_round(name) == base, name
                assert names_a_leg(name) is leg, name
                checked += 1
    assert checked >= 20  # the list's legs and matchdays, all of them shapes above


def test_spellings_of_one_round_read_as_one_round(round_names: list[str]) -> None:
    """Names the list writes apart only by case, hyphen, spacing or plural ("Quarter Finals",
    "Quarter-final") are one round."""
    by_letters: dict[str, list[str]] = {}
    for name in round_names:
        if name in NOT_READ or _LEG.fullmatch(name) or _IN_STAGE.fullmatch(name):
            continue
        letters = re.sub(r"[^a-z0-9]", "", name.casefold()).removesuffix("s")
        by_letters.setdefault(letters, []).append(name)
    spelled_apart = [names for names in by_letters.values() if len(names) > 1]
    for names in spelled_apart:
        assert len({canonical_round(name) for name in names}) == 1, names
    assert len(spelled_apart) >= 2  # the list does spell some rounds twice
