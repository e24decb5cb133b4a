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
from matchday.errors import InvalidValueError
from matchday.model.team import Team

__all__ = ["PairingProbabilities", "exact_probabilities"]

Matrix = npt.NDArray[np.float64]
Index = npt.NDArray[np.intp]


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


_Form = tuple[int, tuple[int, ...], tuple[int, ...]]
"""A component's shape (its certificate's number), its seeded and its unseeded vertices in
canonical order."""
_Part = tuple[int, int, _Form]
"""A component of a state: its shape, its vertex set and its form (shape first, so that a plain
sort orders a state's components by shape)."""


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
        self.identity = np.arange(2 * n)
        self.split: dict[int, tuple[_Part, ...]] = {}
        self.memo: dict[tuple[int, ...], Matrix | None] = {}
        self.shapes: dict[Certificate, int] = {}
        """Each certificate met, numbered: keys of small integers hash and sort fast."""
        self.forms: dict[int, _Form] = {}
        """The form of each component met, by its vertex set: a component recurs in many
        states, its canonical labelling is searched once."""

    def parts(self, mask: int) -> tuple[_Part, ...]:
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
            form = self.forms.get(component)
            if form is None:
                certificate, order = canonical_form(component, self.banned, self.side)
                shape = self.shapes.setdefault(certificate, len(self.shapes))
                seeded = tuple(v for v in order if v < self.n)
                unseeded = tuple(v for v in order if v >= self.n)
                form = self.forms[component] = (shape, seeded, unseeded)
            found.append((form[0], component, form))
            rest &= ~component
        result = tuple(found)
        self.split[mask] = result
        return result

    def child(self, parts: tuple[_Part, ...], removed: int) -> tuple[_Part, ...]:
        """The components once the teams in ``removed`` are paired: only theirs change."""
        kept = tuple(p for p in parts if not p[1] & removed)
        touched = 0
        for _, component, _ in parts:
            if component & removed:
                touched |= component
        return kept + self.parts(touched & ~removed)

    def solve(self, parts: tuple[_Part, ...]) -> tuple[Matrix | None, Index, Index]:
        """P(pair) from this state on, rows (unseeded) and columns (seeded) in canonical order.

        Teams in identical components at the same canonical place are interchangeable (swapping
        the two components is a symmetry of the state), so one child per such class is solved and
        the others are the same values under the swap.
        """
        ordered = sorted(parts)  # by shape; the vertex sets, all different, break ties
        key = tuple(p[0] for p in ordered)
        seeded = np.array([v for _, _, f in ordered for v in f[1]], np.intp)
        unseeded = np.array([v for _, _, f in ordered for v in f[2]], np.intp)
        if key in self.memo:
            return self.memo[key], unseeded, seeded
        n = self.n
        k = len(seeded)
        seeded_mask = sum(1 << int(s) for s in seeded)
        unseeded_mask = sum(1 << int(v - n) for v in unseeded)
        if not completable(self.allowed, unseeded_mask, seeded_mask):
            self.memo[key] = None
            return None, unseeded, seeded
        position = np.zeros(2 * n, np.intp)
        position[seeded] = np.arange(k)
        position[unseeded] = np.arange(k)
        # Each vertex's instance (index into ``ordered``) and the instances of each certificate.
        instance = [0] * (2 * n)
        alike: dict[int, list[int]] = {}
        for index, (shape, component, _) in enumerate(ordered):
            for v in bits(component):
                instance[v] = index
            alike.setdefault(shape, []).append(index)

        def swap(a: int, b: int) -> Index:
            """The relabelling that swaps identical components ``a`` and ``b``, as an array."""
            fa, fb = ordered[a][2], ordered[b][2]
            one, two = list(fa[1] + fa[2]), list(fb[1] + fb[2])
            moved = self.identity.copy()
            moved[one], moved[two] = two, one
            return moved

        total = np.zeros(k * k)
        row_places: list[Index] = []
        column_places: list[Index] = []
        weights: list[float] = []
        values: list[Matrix] = []
        root = self.progress if k == self.n else None
        places = sum(len(ordered[instances[0]][2][2]) for instances in alike.values())
        done = 0
        for instances in alike.values():
            first = ordered[instances[0]][2]
            at = [
                position if other == instances[0] else position[swap(instances[0], other)]
                for other in instances
            ]  # at[i][v]: v's place once instance i stands in
            for u in first[2]:
                options = self.options(ordered, u, seeded_mask, instance, alike, swap)
                done += 1
                if root is not None:
                    root(done, places)
                weight = 1.0 / (k * len(options))
                for place in at:
                    for s, value, rows, columns in options:
                        total[place[u] * k + place[s]] += weight
                        if k > 1:
                            row_places.append(place[rows])
                            column_places.append(place[columns])
                            weights.append(weight)
                            values.append(value)
        if values:
            cells = np.array(row_places)[:, :, None] * k + np.array(column_places)[:, None, :]
            stacked = np.stack(values) * np.array(weights)[:, None, None]
            total += np.bincount(cells.ravel(), stacked.ravel(), minlength=k * k)
        result = total.reshape(k, k)
        self.memo[key] = result
        return result, unseeded, seeded

    def options(
        self,
        ordered: list[_Part],
        u: int,
        seeded_mask: int,
        instance: list[int],
        alike: dict[int, list[int]],
        swap: Callable[[int, int], Index],
    ) -> list[tuple[int, Matrix, Index, Index]]:
        """The seeded teams ``u`` can be given, with the state each leaves (solved)."""
        found: list[tuple[int, Matrix, Index, Index]] = []
        done: set[int] = set()
        home = instance[u]
        state = tuple(ordered)
        for s in bits(self.allowed[u - self.n] & seeded_mask):
            if s in done:
                continue
            value, rows, columns = self.solve(self.child(state, (1 << s) | (1 << u)))
            done.add(s)
            if instance[s] == home:
                if value is not None:
                    found.append((s, value, rows, columns))
                continue
            for other in alike[ordered[instance[s]][0]]:
                if other == home:
                    continue
                if other == instance[s]:
                    done.add(s)
                    if value is not None:
                        found.append((s, value, rows, columns))
                    continue
                moved = swap(instance[s], other)
                t = int(moved[s])
                done.add(t)
                if value is not None:
                    found.append((t, value, moved[rows], moved[columns]))
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
        raise InvalidValueError(f"{procedure.name}: no complete draw is possible")
    matrix = np.zeros((n, n))
    matrix[np.ix_([v - n for v in rows], columns)] = value
    return PairingProbabilities(
        procedure,
        tuple(tuple(float(x) for x in r) for r in matrix),
        states=len(recursion.memo),
    )
