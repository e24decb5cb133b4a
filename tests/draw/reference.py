"""A plain reference for the draw: the sequential procedure followed literally, no shortcuts.

Used by the tests to check the fast exact recursion; exponential, so only for small draws.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

from matchday.draw import DrawProcedure


def sequential_probabilities(procedure: DrawProcedure) -> npt.NDArray[np.float64]:
    """P(unseeded u meets seeded s) by recursion over the sets of teams still in the pots."""
    n = procedure.size
    allowed = procedure.allowed()

    @cache
    def completes(us: frozenset[int], ss: frozenset[int]) -> bool:
        if not us:
            return True
        u = min(us)
        return any(completes(us - {u}, ss - {s}) for s in ss if allowed[u] >> s & 1)

    @cache
    def future(us: frozenset[int], ss: frozenset[int]) -> npt.NDArray[np.float64]:
        table = np.zeros((n, n))
        for u in us:
            options = [s for s in ss if allowed[u] >> s & 1 and completes(us - {u}, ss - {s})]
            for s in options:
                weight = 1 / (len(us) * len(options))
                table[u, s] += weight
                table += weight * future(us - {u}, ss - {s})
        table.flags.writeable = False  # kept in the cache: shared, never changed
        return table

    everyone = frozenset(range(n))
    return future(everyone, everyone).copy()


def uniform_over_draws(procedure: DrawProcedure) -> npt.NDArray[np.float64]:
    """P(pair) if every complete valid draw were equally likely (which UEFA's is not)."""
    n = procedure.size
    allowed = procedure.allowed()
    counts = np.zeros((n, n))
    total = 0

    def extend(u: int, used: int, chosen: list[int]) -> None:
        nonlocal total
        if u == n:
            total += 1
            for v, s in enumerate(chosen):
                counts[v, s] += 1
            return
        for s in range(n):
            if allowed[u] >> s & 1 and not used >> s & 1:
                extend(u + 1, used | 1 << s, [*chosen, s])

    extend(0, 0, [])
    return counts / total
