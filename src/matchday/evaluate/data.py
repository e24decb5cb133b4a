"""What a backtest needs from the data folder: all results, the target matches and ties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from matchday.errors import RuleError
from matchday.evaluate.backtest import TieRecord
from matchday.forecast.results import Result, ResultTable
from matchday.io.history import FileProgress, History, load_history
from matchday.io.load import load
from matchday.model import Team
from matchday.rules import decide, rules_for_season

__all__ = ["BacktestData", "backtest_data"]


@dataclass(frozen=True, slots=True)
class BacktestData:
    """All results, the European matches to forecast, the finished ties among them, and the
    ties left out because their record breaks the rules (the error says why)."""

    history: History
    table: ResultTable
    targets: tuple[Result, ...]
    ties: tuple[TieRecord, ...]
    skipped_ties: tuple[str, ...]


def backtest_data(
    openfootball: Path, first_season: int, progress: FileProgress | None = None
) -> BacktestData:
    """Everything under ``openfootball``; targets are the European matches of the seasons
    starting in ``first_season`` or later (their files' folders, e.g. ``2022-23``)."""
    history = load_history(openfootball, progress=progress)
    canonical = dict(history.aliases)

    def resolve(team: Team) -> Team:
        return canonical.get(team, team)

    start = dt.date(first_season, 6, 1)
    targets = tuple(r for r in history.results if r.european and r.date >= start)
    ties = []
    skipped: list[str] = []
    for path in sorted((openfootball / "champions-league").glob("*/*.txt")):
        if int(path.parent.name[:4]) < first_season:
            continue
        season = load(path)
        rules = rules_for_season(season.start_year)
        for tie in season.ties():
            if not all(leg.played and not leg.awarded for leg in tie.legs):
                continue
            try:
                outcome = decide(tie, rules)
            except RuleError as err:
                skipped.append(str(err))
                continue
            if outcome.winner is None:
                continue
            ties.append(
                TieRecord(
                    tie.first_leg.date,
                    resolve(tie.team1),
                    resolve(tie.team2),
                    not tie.single_match,
                    tie.single_match,
                    rules,
                    outcome.winner == tie.team1,
                    None if tie.single_match else tie.first_leg.score,
                )
            )
    table = ResultTable.from_results(history.results)
    return BacktestData(history, table, targets, tuple(ties), tuple(skipped))
