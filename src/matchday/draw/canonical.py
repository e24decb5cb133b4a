"""Canonical forms of small ban graphs, so that draws in the same shape are computed once.

Two states of a draw whose remaining teams and bans form isomorphic graphs (say, three teams that
can no longer meet anyone banned, and three others the same) have the same future, up to renaming
the teams. A canonical labelling — the smallest adjacency over a search by individualisation and
colour refinement, as in nauty, without its pruning — gives each shape one key and one order of
its vertices. Components too large for the search keep their vertex set as their key, which is
always correct, only less shared.
"""

from __future__ import annotations

from collections.abc import Sequence

from matchday.draw.matching import bits

__all__ = ["Certificate", "canonical_form"]

Certificate = tuple[object, ...]
"""A value equal for two components exactly when they are isomorphic (or the same vertex set)."""

SEARCH_BUDGET = 2_000
"""Leaves of the individualisation search after which a component keeps its identity as key."""


def _refine(
    vertices: list[int], adjacency: Sequence[int], mask: int, colour: dict[int, int]
) -> dict[int, int]:
    """Colour refinement: split colours by the multiset of neighbours' colours until stable."""
    while True:
        signature = {
            v: (colour[v], tuple(sorted(colour[w] for w in bits(adjacency[v] & mask))))
            for v in vertices
        }
        ranked = {sig: i for i, sig in enumerate(sorted(set(signature.values())))}
        refined = {v: ranked[signature[v]] for v in vertices}
        if len(ranked) == len(set(colour.values())):
            return refined
        colour = refined


def canonical_form(
    mask: int, adjacency: Sequence[int], side: Sequence[int]
) -> tuple[Certificate, tuple[int, ...]]:
    """The certificate of the connected induced subgraph on ``mask`` and its vertices in
    canonical order. ``side`` colours the vertices (seeded or unseeded) and is preserved."""
    vertices = bits(mask)
    best: list[tuple[Certificate, tuple[int, ...]]] = []
    leaves = 0

    def search(colour: dict[int, int]) -> bool:
        nonlocal leaves
        colour = _refine(vertices, adjacency, mask, colour)
        cells: dict[int, list[int]] = {}
        for v in vertices:
            cells.setdefault(colour[v], []).append(v)
        open_cells = [c for c in sorted(cells) if len(cells[c]) > 1]
        if not open_cells:
            leaves += 1
            order = tuple(sorted(vertices, key=lambda v: colour[v]))
            position = {v: i for i, v in enumerate(order)}
            edges = sorted(
                (position[a], position[b])
                for a in vertices
                for b in bits(adjacency[a] & mask)
                if position[a] < position[b]
            )
            certificate: Certificate = (0, tuple(side[v] for v in order), tuple(edges))
            if not best or certificate < best[0][0]:
                best[:] = [(certificate, order)]
            return leaves < SEARCH_BUDGET
        cell = open_cells[0]
        for v in cells[cell]:
            split = {w: 2 * colour[w] + (w != v and colour[w] == cell) for w in vertices}
            if not search(split):
                return False
        return True

    if not search({v: side[v] for v in vertices}):
        return (1, (mask,), ()), tuple(vertices)
    return best[0]
