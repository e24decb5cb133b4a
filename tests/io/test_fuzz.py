"""Mutated real files: whatever the input, the reader raises only matchday's own errors, each
naming the file and the line, and it stays fast on long lines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from matchday.errors import MatchdayError, ParseError, RuleError
from matchday.io.footballtxt import parse
from tests.conftest import OPENFOOTBALL

SAMPLES = ("spec/samples-l2/2014_world_cup.txt", "worldcup/2018--russia/cup_finals.txt")
MUTATIONS = 10_000
WINDOW = 8
"""Lines per mutated snippet: small, so ten thousand of them parse in a few seconds."""

_PIECES = (
    "(", ")", "[", "]", "-", " v ", "  ", "@", "|", ";", ",", "'", "+", ":", "▪", "=", "#",
    "a.e.t.", "pen.", "(agg 3-0)", "99999999999", "0-0", "Sun", "Jun 31", "\t", "n/p", "<!--",
    "(p)", "og", "90+", "Group A |", "Att:", "[cancelled]", "2-1 (3-4)", "\u00a0", "é",
)  # fmt: skip


def _snippets(rng: random.Random, lines: list[str]) -> list[str]:
    snippets = []
    for _ in range(MUTATIONS):
        start = rng.randrange(0, len(lines) - WINDOW)
        chunk = list(lines[start : start + WINDOW])
        for _ in range(rng.randint(1, 3)):
            index = rng.randrange(len(chunk))
            text = chunk[index]
            at = rng.randrange(len(text) + 1)
            action = rng.randrange(4)
            if action == 0:
                text = text[:at] + rng.choice(_PIECES) + text[at:]
            elif action == 1:
                text = text[:at] + text[at + rng.randint(1, 6) :]
            elif action == 2:
                chunk.insert(index, rng.choice(lines))
            else:
                text = text[:at] + text[at:][::-1]
            chunk[index] = text
        snippets.append("= World Cup 2018\n▪ Round of 16\nSat Jun 30\n" + "\n".join(chunk))
    return snippets


def test_ten_thousand_mutations_raise_only_located_matchday_errors() -> None:
    paths = [OPENFOOTBALL / s for s in SAMPLES]
    if not all(p.exists() for p in paths):
        pytest.skip(f"real data not found at {OPENFOOTBALL}")
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    places = [_where(snippet) for snippet in _snippets(random.Random(20260601), lines)]
    rejected = [place for place in places if place is not None]
    print(
        f"\n{MUTATIONS} mutated snippets: {MUTATIONS - len(rejected)} read, {len(rejected)} "
        "rejected with file and line"
    )
    assert all(file == "fuzz.txt" and line >= 1 for file, line in rejected)
    assert 0 < len(rejected) < MUTATIONS


def _where(snippet: str) -> tuple[str, int] | None:
    """Where the reader says ``snippet`` goes wrong, or ``None`` when it reads; any error that
    is not matchday's, or has no line, fails the test."""
    try:
        parse(snippet, "fuzz.txt")
    except ParseError as error:
        return error.file, error.line
    except RuleError as error:
        return (error.where.file, error.where.line) if error.where else ("", 0)
    except MatchdayError as error:
        pytest.fail(f"an error without a line: {error!r}")
    return None


@pytest.mark.parametrize(
    "line",
    [
        "  France v Croatia  " + "9" * 5000 + "-2",
        "  France v Croatia  4-2\n  (" + "Mbappé 12', " * 90_000 + ")",
        "  France v Croatia  " + "1-1 " * 250_000,
        "  France v Croatia  1-0 " + "(" * 500_000,
        "  " + "A" * 1_000_000 + " v B  1-0 " + "[x" * 10,
    ],
    ids=["5000-digit score", "1 MB goal line", "250,000 scores", "500,000 brackets", "1 MB name"],
)
def test_long_lines_fail_with_a_parse_error(line: str, tmp_path: Path) -> None:
    """Each line here is at least 50 KB; the benchmark shows they take well under a second."""
    with pytest.raises(ParseError) as caught:
        parse("= World Cup 2018\n▪ Final\nSun Jul 15\n" + line + "\n", "long.txt")
    assert caught.value.line in (4, 5)
    assert len(str(caught.value)) < 400
