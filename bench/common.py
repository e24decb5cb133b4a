"""What the benchmarks share: the data folder, the machine's description, timing."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy

DATA = Path(
    os.environ.get(
        "MATCHDAY_OPENFOOTBALL",
        Path(__file__).resolve().parents[1].parent / "shared" / "data" / "openfootball",
    )
)


def machine() -> str:
    """CPU model, cores, Python and numpy/scipy versions: the line each result table cites."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}, scipy {scipy.__version__}"
    )


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, object]:
    """The fastest of ``runs`` timings of ``work`` (seconds) and its last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result
