"""Drawing as UEFA does, many times: for the forecast of rounds not yet drawn, and to check the
exact probabilities.

Each draw takes the unseeded teams in random order; each gets a seeded team chosen uniformly among
those it may meet and that leave a draw that can still be completed (the computer check shown
on screen at UEFA's draws). Open draws (one pot, no bans, from the quarter-finals on) pair the teams
in the order they come out, the first named hosting the first leg.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from matchday.draw.exact import PairingProbabilities
from matchday.draw.matching import completable
from matchday.draw.procedure import DrawProcedure, Entrant
from matchday.errors import InvalidValueError

__all__ = [
    "draw_once",
    "sample_matchings",
    "sample_open_draws",
    "sample_pairings",
    "simulated_probabilities",
]

Seed = int | np.random.Generator | None
"""A seed for ``numpy.random.default_rng`` or a generator to draw from."""


def _generator(seed: Seed) -> np.random.Generator:
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


PROGRESS_EVERY = 10_000
"""Draws sampled between two calls of a ``progress`` callback."""


class _Completion:
    """Can the rest of a draw still be completed? Asked for many draws at once, each with its
    own bans (``allowed`` rows); answered once per distinct question (memoised)."""

    def __init__(self, allowed: npt.NDArray[np.int64]) -> None:
        self.n = allowed.shape[1]
        configs, inverse = np.unique(allowed, axis=0, return_inverse=True)
        self.configs = [tuple(int(x) for x in row) for row in configs]
        self.config = inverse.reshape(-1).astype(np.int64)
        self.known: dict[tuple[int, ...], bool] = {}
        full = (1 << self.n) - 1
        for number, config in enumerate(self.configs):
            if not completable(config, full, full):
                raise InvalidValueError(
                    f"draw {int(np.argmax(self.config == number))}: no complete draw"
                )
        self.opponents = np.zeros_like(allowed)
        for s in range(self.n):
            for u in range(self.n):
                self.opponents[:, s] |= ((allowed[:, u] >> s) & 1) << u
        self.allowed = allowed

    def dense(
        self,
        rows: npt.NDArray[np.intp],
        unseeded: npt.NDArray[np.int64],
        seeded: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.bool_]:
        """Every team keeps at least half of the others as possible opponents, whichever seeded
        team is taken: then a complete draw exists (a balanced bipartite graph with minimum
        degree at least half its side has a perfect matching)."""
        half = np.bitwise_count(unseeded) / 2
        ok = np.ones(rows.size, dtype=bool)
        for w in range(self.n):
            degree = np.bitwise_count(self.allowed[rows, w] & seeded).astype(np.int64) - 1
            ok &= (((unseeded >> w) & 1) == 0) | (degree >= half)
        for t in range(self.n):
            degree = np.bitwise_count(self.opponents[rows, t] & unseeded)
            ok &= (((seeded >> t) & 1) == 0) | (degree >= half)
        return ok

    def __call__(
        self,
        rows: npt.NDArray[np.intp],
        unseeded: npt.NDArray[np.int64],
        seeded: npt.NDArray[np.int64],
    ) -> npt.NDArray[np.bool_]:
        """For each draw in ``rows``: can the unseeded teams left all still meet a seeded one?

        The answer depends only on whom each of them may still meet; those rows, sorted (the
        order of the unseeded teams does not matter), are the memo's key, shared by draws with
        different bans elsewhere."""
        n = self.n
        left = (unseeded[:, None] >> np.arange(n)) & 1 == 1
        options = np.where(left, self.allowed[rows] & seeded[:, None], 0)
        stuck = (left & (options == 0)).any(axis=1)
        ordered = np.sort(options, axis=1)
        if n <= 8:  # one 64-bit key per row: a much faster unique than rows of a matrix
            packed = (ordered.astype(np.uint64) << (8 * np.arange(n, dtype=np.uint64))).sum(1)
            _, first, inverse = np.unique(packed, return_index=True, return_inverse=True)
            keys = ordered[first]
        else:
            keys, inverse = np.unique(ordered, axis=0, return_inverse=True)
        answers = np.empty(len(keys), dtype=bool)
        for i, key in enumerate(keys.tolist()):
            found = self.known.get(tuple(key))
            if found is None:
                everyone = sum(1 << u for u, mask in enumerate(key) if mask)
                found = self.known[tuple(key)] = completable(key, everyone, (1 << n) - 1)
            answers[i] = found
        result: npt.NDArray[np.bool_] = answers[inverse.reshape(-1)] & ~stuck
        return result


def sample_matchings(allowed: npt.NDArray[np.int64], seed: Seed = None) -> npt.NDArray[np.int8]:
    """One draw per row of ``allowed``, all at once: ``allowed[k, u]`` is the bitmask of the
    seeded teams unseeded team ``u`` may meet in draw ``k`` (so every draw may have its own
    bans). Row ``k``, column ``u`` of the result is the seeded team ``u`` meets.

    The procedure of each draw is UEFA's: unseeded teams in random order, each given a seeded
    team chosen uniformly among those it may meet and that leave a draw that can still be
    completed. ``ValueError`` when a row allows no complete draw at all.
    """
    rng = _generator(seed)
    draws, n = allowed.shape
    allowed = allowed.astype(np.int64)
    check = _Completion(allowed)
    orders = np.argsort(rng.random((draws, n)), axis=1)
    picks = rng.random((draws, n))
    result = np.empty((draws, n), dtype=np.int8)
    rows = np.arange(draws)
    left_u = np.full(draws, (1 << n) - 1, dtype=np.int64)
    left_s = left_u.copy()
    for step in range(n):
        u = orders[:, step]
        left_u &= ~(np.int64(1) << u)
        options = allowed[rows, u] & left_s
        sure = check.dense(rows, left_u, left_s) if step < n - 1 else np.ones(draws, dtype=bool)
        ok = np.zeros((draws, n), dtype=bool)
        for s in range(n):
            ok[:, s] = (options >> s) & 1 == 1
            ask = np.flatnonzero(ok[:, s] & ~sure)
            if ask.size:
                ok[ask, s] = check(ask, left_u[ask], left_s[ask] & ~(1 << s))
        count = ok.sum(axis=1)
        chosen = (
            np.cumsum(ok, axis=1) > (picks[:, step] * count).astype(np.int64)[:, None]
        ).argmax(axis=1)
        result[rows, u] = chosen
        left_s &= ~(np.int64(1) << chosen)
    return result


def sample_pairings(
    procedure: DrawProcedure,
    draws: int,
    seed: Seed = None,
    progress: Callable[[int], None] | None = None,
) -> npt.NDArray[np.int8]:
    """``draws`` draws of ``procedure``: row ``k``, column ``u`` is the index of the seeded team
    that unseeded team ``u`` meets in draw ``k`` (indices into ``procedure.seeded/unseeded``).

    Deterministic for a given integer ``seed``; ``progress`` is called with the number of draws
    done every ``PROGRESS_EVERY`` draws. The draws are made together (``sample_matchings``); a
    completability check is needed only once few teams are left and is asked once per distinct
    state: 10,000 draws of a 16-tie round take a fraction of a second.
    """
    rng = _generator(seed)
    allowed = np.array(procedure.allowed(), dtype=np.int64)
    try:
        chunks = []
        for done in range(0, draws, PROGRESS_EVERY):
            batch = min(PROGRESS_EVERY, draws - done)
            chunks.append(sample_matchings(np.broadcast_to(allowed, (batch, procedure.size)), rng))
            if progress is not None:
                progress(done + batch)
    except ValueError:
        raise InvalidValueError(f"{procedure.name}: no complete draw is possible") from None
    return np.concatenate(chunks) if chunks else np.empty((0, procedure.size), dtype=np.int8)


def draw_once(procedure: DrawProcedure, seed: Seed = None) -> tuple[tuple[Entrant, Entrant], ...]:
    """One draw: the ties as (unseeded, seeded) entrants; the unseeded team hosts the first leg."""
    row = sample_pairings(procedure, 1, seed)[0]
    return tuple((procedure.unseeded[u], procedure.seeded[int(s)]) for u, s in enumerate(row))


def simulated_probabilities(
    procedure: DrawProcedure,
    draws: int,
    seed: Seed = None,
    progress: Callable[[int], None] | None = None,
) -> PairingProbabilities:
    """Pairing probabilities estimated from ``draws`` simulated draws (frequencies)."""
    n = procedure.size
    pairs = sample_pairings(procedure, draws, seed, progress)
    counts = np.zeros((n, n))
    np.add.at(counts, (np.broadcast_to(np.arange(n), pairs.shape), pairs), 1)
    matrix = counts / draws
    return PairingProbabilities(
        procedure, tuple(tuple(float(x) for x in r) for r in matrix), "simulated", draws
    )


def sample_open_draws(teams: int, draws: int, seed: Seed = None) -> npt.NDArray[np.int8]:
    """``draws`` open draws of ``teams`` teams (one pot, no bans): shape (draws, teams // 2, 2),
    each tie as (index of the team drawn first, index of its opponent)."""
    if teams % 2:
        raise InvalidValueError(f"an open draw needs an even number of teams, not {teams}")
    order = np.argsort(_generator(seed).random((draws, teams)), axis=1).astype(np.int8)
    return order.reshape(draws, teams // 2, 2)
