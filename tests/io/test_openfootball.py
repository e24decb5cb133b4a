"""Every openfootball file parses, and every tie's winner is a team that plays on.

The check is independent of the rules engine: a team that goes through must appear in a
later round of the same file (or, after a qualifying file, in the season's main file, where the
same club may be named differently: names are matched only through the alternative names of the
openfootball clubs data), and the team that goes out must not appear in a later round of the
same file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from matchday.errors import ExtraTimeNotDueError, RuleError
from matchday.io.clubs import ClubDirectory, load_clubs
from matchday.io.load import load
from matchday.model import Season, Team, Tie
from matchday.rules import Outcome, Rules, decide, rules_for_season

MAIN_FILE = {"clq.txt": "cl.txt", "elq.txt": "el.txt", "confq.txt": "conf.txt"}

ERRATA: dict[tuple[str, int], tuple[type[RuleError], str]] = {
    ("2025-26/confq.txt", 162): (
        ExtraTimeNotDueError,
        "FC Dinamo City v Atlétic Escaldes is written '1-1 a.e.t. (1-1, 1-0)', but after a "
        "1-2 first leg Dinamo City were through 3-2 at 90 minutes and no extra time was "
        "played (elperiodic.ad match report, 31 July 2025).",
    ),
}
"""Inconsistencies in the data that matchday must report, with the evidence."""

UNDECIDED = {
    ("2021-22/el.txt", "RB Leipzig v Spartak Moskva (Round of 16)"): "both legs cancelled",
    ("2025-26/cl.txt", "Paris Saint-Germain FC v Arsenal FC (Final)"): "not played in the data",
}
"""Ties the data cannot decide, and why."""


SPELLINGS_NOT_IN_CLUBS_DATA = {
    (Team("Pafos FC", "CYP"), Team("Paphos FC", "CYP")): "two transliterations of Πάφος FC",
}
"""Pairs of names of one club that the clubs data does not link, with why they are one club."""


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.txt"))


@dataclass
class Tally:
    checked: int = 0
    finals: int = 0
    undecided: list[str] = field(default_factory=list)
    unverifiable: list[str] = field(default_factory=list)
    errata: list[str] = field(default_factory=list)


def _later_teams(season: Season, round_name: str) -> set[Team]:
    names = [r.name for r in season.rounds]
    later = season.rounds[names.index(round_name) + 1 :]
    return {team for r in later for m in r.matches for team in (m.home, m.away)}


def _final_winner(tie: Tie) -> Team:
    match = tie.last_match
    final = match.penalties or match.final_score
    assert final is not None
    assert not final.level
    return match.home if final.home > final.away else match.away


def test_every_file_parses(openfootball_cl: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _files(openfootball_cl)
    matches = sum(len(load(path).matches) for path in files)
    with capsys.disabled():
        print(f"\n[openfootball] {len(files)} files parsed, {matches} matches")
    assert len(files) >= 30
    assert matches > 4000


def _decide_or_erratum(rel: str, tie: Tie, rules: Rules) -> Outcome | None:
    """The outcome, or ``None`` for a tie the data gets wrong in the way ``ERRATA`` says."""
    where = tie.last_match.source
    assert where is not None
    known = ERRATA.get((rel, where.line))
    if known is None:
        return decide(tie, rules)
    with pytest.raises(known[0]):
        decide(tie, rules)
    return None


def _same_club(registry: ClubDirectory, a: Team, b: Team) -> bool:
    return registry.same_club(a, b) or (a, b) in SPELLINGS_NOT_IN_CLUBS_DATA


def _plays_in(registry: ClubDirectory, team: Team, season: Season) -> bool:
    return any(
        _same_club(registry, team, other) for m in season.matches for other in (m.home, m.away)
    )


def test_every_knockout_winner_plays_on(
    openfootball_cl: Path, openfootball_clubs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = load_clubs(openfootball_clubs)
    result = Tally()
    for path in _files(openfootball_cl):
        rel = f"{path.parent.name}/{path.name}"
        season = load(path)
        rules = rules_for_season(season.start_year)
        main_path = path.parent / MAIN_FILE.get(path.name, "")
        main = load(main_path) if path.name in MAIN_FILE and main_path.exists() else None
        for tie in season.ties():
            outcome = _decide_or_erratum(rel, tie, rules)
            if outcome is None:
                result.errata.append(f"{rel}: {tie.label}")
                continue
            if outcome.winner is None:
                assert (rel, tie.label) in UNDECIDED, f"{rel}: {outcome.explanation}"
                result.undecided.append(f"{rel}: {tie.label}")
                continue
            result.checked += 1
            if tie.round == "Final":
                assert outcome.winner == _final_winner(tie), tie.label
                result.finals += 1
                continue
            later = _later_teams(season, tie.round)
            assert outcome.loser not in later, (
                f"{rel}: loser {outcome.loser} plays on ({tie.label})"
            )
            if later:
                assert outcome.winner in later, f"{rel}: {outcome.winner} never plays again"
            elif main is None:
                result.unverifiable.append(f"{rel}: {tie.label}")
            else:
                assert _plays_in(registry, outcome.winner, main), f"{rel}: {outcome.winner}"
                assert not _plays_in(registry, outcome.loser, main), f"{rel}: {outcome.loser}"
    with capsys.disabled():
        print(
            f"\n[openfootball] {result.checked} knockout ties checked "
            f"({result.finals} finals against their score); "
            f"{len(result.undecided)} undecided ({', '.join(result.undecided)}); "
            f"{len(result.errata)} data errata reported; "
            f"{len(result.unverifiable)} last-round qualifying ties with no later stage in the "
            "data (their winners' next competition is not in the data set)"
        )
    assert len(result.undecided) == len(UNDECIDED)
    assert len(result.errata) == len(ERRATA)
    assert result.checked > 700
