"""Parse every openfootball champions-league file and decide all their ties; time it.

Run: python bench/bench_rules.py [--repeat N]   (writes docs/benchmarks.md, "Rules engine")
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

from matchday.errors import RuleError
from matchday.io.footballtxt import parse
from matchday.io.load import bundled_names, read_source
from matchday.rules import decide, rules_for_season
from report import machine, update_section

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "openfootball" / "champions-league"


def run_once(texts: list[tuple[str, str]]) -> tuple[int, int, int]:
    """Parse every text and decide every tie; (files, matches, ties)."""
    matches = ties = 0
    for text, name in texts:
        season = parse(text, name)
        rules = rules_for_season(season.start_year)
        matches += len(season.matches)
        for tie in season.ties():
            # a data erratum (see tests/io/test_openfootball.py) still costs a decision
            with contextlib.suppress(RuleError):
                decide(tie, rules)
            ties += 1
    return len(texts), matches, ties


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"no data at {DATA}")
    paths = sorted(DATA.glob("*/*.txt"))
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in paths]
    texts += [read_source(name) for name in bundled_names()]
    run_once(texts)  # warm-up
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        files, matches, ties = run_once(texts)
        times.append(time.perf_counter() - start)
    body = f"""Command: `python bench/bench_rules.py --repeat {args.repeat}`

Machine: {machine()}

Parse {files} files ({len(paths)} openfootball champions-league files and the bundled data set;
{matches} matches) and decide all {ties} knockout ties, from text already in memory:

| | seconds |
|---|---|
| median of {args.repeat} runs | {statistics.median(times):.3f} |
| fastest | {min(times):.3f} |
| slowest | {max(times):.3f} |
"""
    update_section("Rules engine: parse and decide everything", body)
    print(body)


if __name__ == "__main__":
    main()
