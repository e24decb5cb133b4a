"""How fast matchday reads openfootball: every Football.TXT and football.json file, and one
file of 5 MB against one of 50 MB made from real files (reading must stay linear).

python bench/read_speed.py            # prints the Markdown section of docs/benchmarks.md

Text is read from disk first; the times are of parsing alone, on one core, best of three.
They are CPU seconds of this process (``time.process_time``), which a machine shared with other
work inflates far less than wall-clock seconds; the load average is printed beside them.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from rich.progress import track

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, machine
from matchday.errors import MatchdayError
from matchday.io.footballjson import parse_season
from matchday.io.footballtxt import parse

RUNS = 3


def _texts(pattern: str) -> list[tuple[str, str]]:
    files = sorted(p for p in DATA.glob(pattern) if not p.name.endswith("_squads.txt"))
    return [(p.read_text(encoding="utf-8"), str(p.relative_to(DATA))) for p in files]


def _read_all(texts: list[tuple[str, str]], json: bool) -> tuple[int, int, list[str]]:
    matches, read, failed = 0, 0, []
    for text, name in texts:
        try:
            season = (
                parse_season(text, name, problems=[]) if json else parse(text, name, problems=[])
            )
        except MatchdayError as error:
            failed.append(f"{name}: {error}")
            continue
        read += 1
        matches += len(season.matches)
    return read, matches, failed


def _best(work: object, *args: object) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(RUNS):
        start = time.process_time()
        result = work(*args)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best, result


def _big(size: int) -> str:
    """A World Cup file (level 2: line-ups, referees, goals) repeated to ``size`` bytes."""
    text = (DATA / "worldcup" / "more" / "2022_full.txt").read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    copies = max(1, size // len(body.encode("utf-8")))
    return title + "\n" + (body + "\n") * copies


def main() -> None:
    txt = _texts("**/*.txt")
    txt = [(t, n) for t, n in txt if not n.startswith(("clubs/", "spec/basics/"))]
    json = _texts("football.json/*/*.json")
    rows = []
    for label, texts, is_json in (("Football.TXT", txt, False), ("football.json", json, True)):
        seconds, (read, matches, failed) = _best(_read_all, texts, is_json)  # type: ignore[misc]
        rows.append((label, len(texts), read, matches, seconds, failed))
    sizes = []
    for megabytes in track((5, 50), description="5 MB and 50 MB files"):
        text = _big(megabytes * 1_000_000)
        start = time.process_time()
        season = parse(text, f"{megabytes}mb.txt")
        sizes.append((megabytes, len(season.matches), time.process_time() - start))
    print("## Reading openfootball (issue 10)\n")
    print("Command: `python bench/read_speed.py`\n")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Machine: {machine()}; load average {load} while it ran\n")
    print("Every file under `shared/data/openfootball/` (squad lists, the clubs data and the")
    print("specification's word lists aside), from text in memory, one core, best of 3:\n")
    print("| format | files | read | matches | CPU seconds | matches / s |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, files, read, matches, seconds, _ in rows:
        rate = matches / seconds
        print(f"| {label} | {files} | {read} | {matches:,} | {seconds:.2f} | {rate:,.0f} |")
    files = sum(r[1] for r in rows)
    read = sum(r[2] for r in rows)
    matches = sum(r[3] for r in rows)
    seconds = sum(r[4] for r in rows)
    print(f"| both | {files} | {read} | {matches:,} | {seconds:.2f} | {matches / seconds:,.0f} |")
    for label, _, _, _, _, failed in rows:
        for line in failed:
            print(f"\n{label} not read: {line[:200]}")
    print("\nLinear in size: `worldcup/more/2022_full.txt` (level 2) repeated to 5 MB and 50 MB:\n")
    print("| size | matches | CPU seconds | matches / s |")
    print("|---|---:|---:|---:|")
    for megabytes, matches, seconds in sizes:
        print(f"| {megabytes} MB | {matches:,} | {seconds:.2f} | {matches / seconds:,.0f} |")
    ratio = sizes[1][2] / sizes[0][2]
    print(f"\n50 MB takes {ratio:.1f} times as long as 5 MB (linear: 10).")


if __name__ == "__main__":
    main()
