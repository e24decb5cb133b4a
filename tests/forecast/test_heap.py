"""The C heap is kept once ``matchday.forecast`` is imported: a forecast's arrays of a few
hundred KB reuse memory instead of mapping and faulting it in afresh each query."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

PROGRAM = """
import resource, sys
import numpy as np
if sys.argv[1] == "import":
    import matchday.forecast
np.empty(1 << 15)  # a 256 KB block, mapped and freed: what earlier work may leave
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(100):  # a query: four arrays of 200 KB at once, as the 42 x 42 x 3 x 3 grids
    blocks = [np.ones(25_000) for _ in range(4)]
    del blocks
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    out = subprocess.run(
        [sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, check=True
    )
    return int(out.stdout.split()[-1])


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="the thresholds kept are glibc malloc's",
)
def test_a_query_s_arrays_reuse_the_heap_instead_of_faulting_it_in_each_time() -> None:
    pages = 4 * 200_000 // 4096  # a query's arrays, in pages
    assert _faults("bare") > 20 * pages  # trimmed and faulted in again, query after query
    assert _faults("import") < 3 * pages  # after the import: faulted in once, then reused
