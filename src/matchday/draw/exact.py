"""Exact pairing probabilities of UEFA's sequential draw, by memoised recursion.

The draw takes the unseeded teams in random order; each is paired with a seeded team chosen
uniformly among those it may meet *and* that leave a draw that can still be completed. These are
the probabilities of that procedure, which differ from a uniform choice among all valid sets of
ties. The recursion runs over the remaining teams; states whose remaining bans form the same
graph up to renaming are solved once (see ``matchday.draw.canonical``), which makes the 16 ties
of a Europa League round of 32 a matter of seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from matchday.draw.canonical import Certificate, canonical_form
from matchday.draw.matching import bits, completable
from matchday.draw.procedure import DrawProcedure
from matchday.model.team import Team

__all__ = ["PairingProbabilities", "exact_probabilities"]

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class PairingProbabilities:
    """P(unseeded team ``i`` meets seeded team ``j``) as ``matrix[i][j]``, with how it was found.

    ``method`` is ``"exact"`` or ``"simulated"``; ``draws`` the number of simulated draws (0 for
    exact), ``states`` the number of distinct draw states the exact recursion solved.
    """

    procedure: DrawProcedure
    matrix: tuple[tuple[float, ...], ...]
    method: str = "exact"
    draws: int = 0
    states: int = field(default=0, compare=False)

    @property
    def array(self) -> Matrix:
        """The matrix as a numpy array, unseeded teams in rows."""
        return np.array(self.matrix, dtype=np.float64)

    def probability(self, unseeded: Team, seeded: Team) -> float:
        """The probability that ``unseeded`` is drawn against ``seeded``."""
        rows = [e.team for e in self.procedure.unseeded]
        cols = [e.team for e in self.procedure.seeded]
        return self.matrix[rows.index(unseeded)][cols.index(seeded)]


_Form = tuple[Certificate, tuple[int, ...], tuple[int, ...]]
"""A component's certificate, its seeded and its unseeded vertices in canonical order."""


class _Recursion:
    """The memoised recursion for one procedure; vertices ``s`` (seeded) and ``n + u``."""

    def __init__(
        self, procedure: DrawProcedure, progress: Callable[[int, int], None] | None = None
    ) -> None:
        n = procedure.size
        self.n = n
        self.progress = progress
        self.allowed = procedure.allowed()
        everyone = (1 << n) - 1
        banned = [0] * (2 * n)
        for u, allowed in enumerate(self.allowed):
            for s in bits(everyone & ~allowed):
                banned[s] |= 1 << (n + u)
                banned[n + u] |= 1 << s
        self.banned = banned
        self.side = [0] * n + [1] * n
        self.split: dict[int, tuple[tuple[int, _Form], ...]] = {}
        self.memo: dict[tuple[Certificate, ...], Matrix | None] = {}

    def parts(self, mask: int) -> tuple[tuple[int, _Form], ...]:
        """The connected components of the ban graph on ``mask``, each with its form (cached)."""
        cached = self.split.get(mask)
        if cached is not None:
            return cached
        found = []
        rest = mask
        while rest:
            component = frontier = rest & -rest
            while frontier:
                reached = 0
                for v in bits(frontier):
                    reached |= self.banned[v]
                frontier = reached & rest & ~component
                component |= frontier
            certificate, order = canonical_form(component, self.banned, self.side)
            seeded = tuple(v for v in order if v < self.n)
            unseeded = tuple(v for v in order if v >= self.n)
            found.append((component, (certificate, seeded, unseeded)))
            rest &= ~component
        result = tuple(found)
        self.split[mask] = result
        return result

    def child(
        self, parts: tuple[tuple[int, _Form], ...], removed: int
    ) -> tuple[tuple[int, _Form], ...]:
        """The components once the teams in ``removed`` are paired: only theirs change."""
        kept = tuple(p for p in parts if not p[0] & removed)
        touched = 0
        for component, _ in parts:
            if component & removed:
                touched |= component
        return kept + self.parts(touched & ~removed)

    def solve(
        self, parts: tuple[tuple[int, _Form], ...]
    ) -> tuple[Matrix | None, list[int], list[int]]:
        """P(pair) from this state on, rows (unseeded) and columns (seeded) in canonical order.

        Teams in identical components at the same canonical place are interchangeable (swapping
        the two components is a symmetry of the state), so one child per such class is solved and
        the others are the same values under the swap.
        """
        ordered = sorted(parts, key=lambda p: p[1][0])
        key = tuple(f[0] for _, f in ordered)
        seeded = [v for _, f in ordered for v in f[1]]
        unseeded = [v for _, f in ordered for v in f[2]]
        if key in self.memo:
            return self.memo[key], unseeded, seeded
        n = self.n
        k = len(seeded)
        seeded_mask = sum(1 << s for s in seeded)
        if not completable(self.allowed, sum(1 << (v - n) for v in unseeded), seeded_mask):
            self.memo[key] = None
            return None, unseeded, seeded
        position = [0] * (2 * n)
        for j, s in enumerate(seeded):
            position[s] = j
        for i, v in enumerate(unseeded):
            position[v] = i
        # Each vertex's instance (index into ``ordered``) and the instances of each certificate.
        instance = [0] * (2 * n)
        alike: dict[Certificate, list[int]] = {}
        for index, (component, form) in enumerate(ordered):
            for v in bits(component):
                instance[v] = index
            alike.setdefault(form[0], []).append(index)

        def swap(a: int, b: int) -> dict[int, int]:
            fa, fb = ordered[a][1], ordered[b][1]
            pairs = list(zip(fa[1] + fa[2], fb[1] + fb[2], strict=True))
            return {**dict(pairs), **{y: x for x, y in pairs}}

        total = np.zeros(k * k)
        row_places: list[list[int]] = []
        column_places: list[list[int]] = []
        weights: list[float] = []
        values: list[Matrix] = []
        root = self.progress if k == self.n else None
        places = sum(len(ordered[instances[0]][1][2]) for instances in alike.values())
        done = 0
        for instances in alike.values():
            first = ordered[instances[0]][1]
            for place in range(len(first[2])):
                u = first[2][place]
                options = self.options(ordered, u, seeded_mask, instance, alike, swap)
                done += 1
                if root is not None:
                    root(done, places)
                weight = 1.0 / (k * len(options))
                for other in instances:
                    moved = swap(instances[0], other) if other != instances[0] else {}
                    for s, value, rows, columns in options:
                        total[position[moved.get(u, u)] * k + position[moved.get(s, s)]] += weight
                        if k > 1:
                            row_places.append([position[moved.get(r, r)] for r in rows])
                            column_places.append([position[moved.get(c, c)] for c in columns])
                            weights.append(weight)
                            values.append(value)
        if values:
            places = np.array(row_places)[:, :, None] * k + np.array(column_places)[:, None, :]
            stacked = np.stack(values) * np.array(weights)[:, None, None]
            total += np.bincount(places.ravel(), stacked.ravel(), minlength=k * k)
        result = total.reshape(k, k)
        self.memo[key] = result
        return result, unseeded, seeded

    def options(
        self,
        ordered: list[tuple[int, _Form]],
        u: int,
        seeded_mask: int,
        instance: list[int],
        alike: dict[Certificate, list[int]],
        swap: Callable[[int, int], dict[int, int]],
    ) -> list[tuple[int, Matrix, list[int], list[int]]]:
        """The seeded teams ``u`` can be given, with the state each leaves (solved)."""
        found: list[tuple[int, Matrix, list[int], list[int]]] = []
        done: set[int] = set()
        home = instance[u]
        for s in bits(self.allowed[u - self.n] & seeded_mask):
            if s in done:
                continue
            value, rows, columns = self.solve(self.child(tuple(ordered), (1 << s) | (1 << u)))
            done.add(s)
            if instance[s] == home:
                if value is not None:
                    found.append((s, value, rows, columns))
                continue
            twins = [i for i in alike[ordered[instance[s]][1][0]] if i != home]
            for other in twins:
                moved = swap(instance[s], other) if other != instance[s] else {}
                t = moved.get(s, s)
                done.add(t)
                if value is not None:
                    found.append(
                        (
                            t,
                            value,
                            [moved.get(r, r) for r in rows],
                            [moved.get(c, c) for c in columns],
                        )
                    )
        return found


def exact_probabilities(
    procedure: DrawProcedure, progress: Callable[[int, int], None] | None = None
) -> PairingProbabilities:
    """The exact pairing probabilities of ``procedure``'s sequential draw; ``progress(done,
    total)`` hears of each first team drawn whose futures are solved.

    ``ValueError`` when the draw cannot be completed at all.
    """
    n = procedure.size
    recursion = _Recursion(procedure, progress)
    value, rows, columns = recursion.solve(recursion.parts((1 << (2 * n)) - 1))
    if value is None:
        raise ValueError(f"{procedure.name}: no complete draw is possible")
    matrix = np.zeros((n, n))
    matrix[np.ix_([v - n for v in rows], columns)] = value
    return PairingProbabilities(
        procedure,
        tuple(tuple(float(x) for x in r) for r in matrix),
        states=len(recursion.memo),
    )
