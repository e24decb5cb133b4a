"""The C heap kept, so that a forecast's arrays do not fault their memory in afresh each query.

glibc's malloc serves a block over its mmap threshold (128 KB at first) by a fresh mapping, and
gives memory back to the system once more than its trim threshold (also 128 KB at first) lies
free at the top of its heap; both thresholds rise for good the first time a mapped block is
freed. A tie forecast makes and frees a few hundred KB of arrays a query (the 16⁴ pairs of leg
scores, the result grid), so without a raised threshold whether each query maps, trims and
faults its pages in again (200-260 page faults, up to twice the time) depended on what earlier
work had left on the heap. Elsewhere this is a harmless allocation.
"""

from __future__ import annotations

import numpy as np

HEADROOM = 1 << 22
"""Bytes of the block made and freed once: the mmap threshold becomes 4 MB and the trim
threshold 8 MB, above what any query holds at once."""


def keep_heap() -> None:
    """Make and free one ``HEADROOM`` block (never written: no page of it is touched)."""
    np.empty(HEADROOM // 8)
