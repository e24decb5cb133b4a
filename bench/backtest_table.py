"""The backtest's JSON (``matchday backtest --json``) as the Markdown table of docs/benchmarks.md.

matchday backtest --json > backtest.json && python bench/backtest_table.py backtest.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _score(value: float | None) -> str:
    """A score to four places; nothing to score (``null``, or absent from older files): "-"."""
    return "-" if value is None else f"{value:.4f}"


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(
        f"{data['matches']:,} European matches {data['start']} → {data['end']}, "
        f"{data['origins']} {data.get('refit', 'monthly')} origins, {data['ties']:,} ties "
        f"({data['skipped_ties']} left out), {data['common']:,} matches every model forecasts "
        f"itself; run took {data['seconds']:,.0f} s.\n"
    )
    print(
        "| model | matches it forecasts itself | RPS (all) | log loss (all) "
        "| RPS (common) | log loss (common) | Brier, ties | fitting, s "
        "| ECE, ties | Brier, between the legs | ECE, between the legs |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for m in data["models"]:
        print(
            f"| {m['name']} | {m['covered']:,} | {m['rps']:.4f} | {m['log_loss']:.4f} "
            f"| {m['rps_common']:.4f} | {m['log_loss_common']:.4f} | {_score(m['brier'])} "
            f"| {m['fit_seconds']:,.0f} | {_score(m.get('tie_ece'))} "
            f"| {_score(m.get('brier_between'))} | {_score(m.get('tie_ece_between'))} |"
        )
    for m in data["models"]:
        if m.get("note"):
            print(f"\n{m['name']}: {m['note']}.")


if __name__ == "__main__":
    main()
