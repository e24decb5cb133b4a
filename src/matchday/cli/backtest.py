"""``matchday backtest``: rolling-origin backtest of matchday's forecasts against baselines."""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from matchday.cli.common import DataOption, JsonOption, console, print_json, progress_bar
from matchday.errors import ConfigError
from matchday.io.schemas import BacktestJSON, BacktestModelJSON

if TYPE_CHECKING:  # the evaluation loads scipy.optimize: imported when the command runs
    from matchday.evaluate.backtest import BacktestReport
    from matchday.forecast.results import Result

__all__ = ["backtest"]


def backtest(
    data: DataOption = Path("../shared/data/openfootball"),
    first: Annotated[
        int, typer.Option("--from", help="First season to forecast (its start year).")
    ] = 2022,
    penaltyblog: Annotated[
        bool | None,
        typer.Option(
            "--penaltyblog/--no-penaltyblog",
            # rich markup: "\\[" keeps "[bench]" from being read as a tag
            help='Also fit penaltyblog\'s Dixon-Coles (needs pip install "matchday\\[bench]"). '
            "Default: when it is installed (the output says when it was left out).",
            show_default=False,
        ),
    ] = None,
    uncertainty: Annotated[
        float,
        typer.Option(
            "--uncertainty",
            min=0.0,
            help="Also score matchday with its ratings' uncertainty carried into ties "
            "(variance scale; 0: not; default: the forecaster's, chosen on 2013-14 → 2021-22).",
        ),
    ] = 1.0,  # forecast.uncertainty.SCALE, not imported here: it loads the tie tables
    refit: Annotated[
        str,
        typer.Option(
            "--refit",
            help="Refit every model on the first day of each month (monthly) or each Monday "
            "(weekly: before each week's matches, about four times the fitting).",
        ),
    ] = "monthly",
    as_json: JsonOption = False,
) -> None:
    """Forecast every European match from season --from on, refitting each month (or week), and
    score matchday against penaltyblog and a constant forecast (RPS, log loss, Brier)."""
    from matchday.cli.fit import national_strength
    from matchday.evaluate.backtest import Refit, run_backtest
    from matchday.evaluate.data import backtest_data
    from matchday.evaluate.models import Forecaster, Matchday, Penaltyblog

    cadences = {r.value: r for r in Refit}
    if refit not in cadences:
        raise ConfigError(f"--refit {refit!r}: give one of {', '.join(cadences)}")
    if not data.is_dir():
        raise ConfigError(f"{data}: no such data folder (give --data PATH/TO/openfootball)")
    national = national_strength(data)
    models: list[Forecaster] = [
        Matchday("matchday (all results)", national=national),
        Matchday("matchday (European matches only)", european_only=True, national=national),
    ]
    if uncertainty:
        models.append(
            Matchday(
                f"matchday (all results, rating uncertainty ×{uncertainty:g})",
                uncertainty=uncertainty,
                national=national,
            )
        )
    left_out = None
    if penaltyblog is None and not penaltyblog_installed():
        left_out = PENALTYBLOG_LEFT_OUT
    elif penaltyblog is not False:
        models.append(Penaltyblog())
    started = time.perf_counter()
    with progress_bar() as bar:
        task = bar.add_task("backtest", total=None, detail="")
        inputs = backtest_data(data, first)
        if not inputs.targets:
            raise ConfigError(_nothing_to_forecast(data, first, inputs.history.results))

        def step(what: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, detail=what)

        report = run_backtest(
            inputs.table, inputs.targets, inputs.ties, models, step, cadences[refit]
        )
    seconds = time.perf_counter() - started
    if as_json:
        print_json(_json(report, seconds, len(inputs.skipped_ties), inputs.skipped_ties, left_out))
        return
    console.print(_table(report))
    for m in report.models:
        if m.note:
            console.print(f"{m.name}: {m.note}", style="dim")
    if left_out is not None:
        console.print(f"note: {left_out}", style="dim")
    for reason in inputs.skipped_ties:
        console.print(f"tie left out: {reason}", style="dim")
    console.print(
        f"{report.matches:,} European matches {report.start} → {report.end}, "
        f"{report.origins} {report.refit} refits, {report.ties} ties "
        f"({len(inputs.skipped_ties)} left out: records that break the rules); "
        f"{report.common:,} matches every model covers; {seconds:,.0f} s"
    )


PENALTYBLOG_LEFT_OUT = (
    'penaltyblog left out: it is not installed (pip install "matchday[bench]" adds it; '
    "--penaltyblog requires it)"
)
"""The note of a backtest run with the default ``--penaltyblog`` where it is not installed."""


def penaltyblog_installed() -> bool:
    """Whether penaltyblog (the ``bench`` extra) can be imported, without importing it."""
    return importlib.util.find_spec("penaltyblog") is not None


def _nothing_to_forecast(data: Path, first: int, results: Sequence[Result]) -> str:
    """Why a backtest from season ``first`` on has nothing to forecast: where the European
    matches of ``data`` end."""
    european = [r.date for r in results if r.european]
    ends = f"its European matches end {max(european)}" if european else "it has no European match"
    season = f"{first}-{(first + 1) % 100:02d}"
    return f"--from {first}: no European matches from season {season} on in {data} ({ends})"


def _table(report: BacktestReport) -> Table:
    table = Table(title="Rolling-origin backtest (lower is better)", title_justify="left")
    for column in (
        "model",
        "forecast itself",
        "RPS",
        "log loss",
        "RPS common",
        "log loss common",
        "Brier ties",
        "ECE ties",
        "Brier between",
        "ECE between",
        "fit s",
    ):
        table.add_column(column, justify="left" if column == "model" else "right")
    for m in report.models:
        table.add_row(
            m.name,
            f"{m.covered:,}",
            f"{m.rps:.4f}",
            f"{m.log_loss:.4f}",
            f"{m.rps_covered:.4f}",
            f"{m.log_loss_covered:.4f}",
            f"{m.brier:.4f}",
            f"{m.tie_ece:.4f}",
            f"{m.brier_between:.4f}",
            f"{m.tie_ece_between:.4f}",
            f"{m.fit_seconds:.0f}",
        )
    return table


def _json(
    report: BacktestReport,
    seconds: float,
    skipped: int,
    reasons: Sequence[str] = (),
    note: str | None = None,
) -> dict[str, object]:
    """The shape ``BacktestJSON``; ``reasons``: why each tie was left out."""

    def score(value: float) -> float | None:
        return None if math.isnan(value) else value

    return BacktestJSON(
        start=report.start.isoformat(),
        end=report.end.isoformat(),
        origins=report.origins,
        refit=report.refit.value,
        matches=report.matches,
        common=report.common,
        ties=report.ties,
        skipped_ties=skipped,
        skipped_tie_reasons=list(reasons),
        note=note,
        seconds=round(seconds, 1),
        models=[
            BacktestModelJSON(
                name=m.name,
                covered=m.covered,
                rps=m.rps,
                log_loss=m.log_loss,
                rps_common=m.rps_covered,
                log_loss_common=m.log_loss_covered,
                ties=m.ties,
                brier=score(m.brier),
                tie_ece=score(m.tie_ece),
                ties_between=m.ties_between,
                brier_between=score(m.brier_between),
                tie_ece_between=score(m.tie_ece_between),
                fit_seconds=round(m.fit_seconds, 1),
                note=m.note,
            )
            for m in report.models
        ],
        generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    ).json_data()
