"""Can the rest of a draw still be completed? Perfect matchings on bitmasks.

UEFA's draw software checks, before offering a seeded team, that the teams left over can still
all be paired. That is the existence of a perfect matching between the remaining unseeded teams
and the remaining seeded teams in the graph of allowed pairs (Kuhn's augmenting paths).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["bits", "completable"]


def bits(mask: int) -> list[int]:
    """The indices of the set bits of ``mask``, lowest first."""
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


def completable(allowed: Sequence[int], unseeded: int, seeded: int) -> bool:
    """True when the unseeded teams in bitmask ``unseeded`` can all be paired with distinct
    seeded teams in bitmask ``seeded``; ``allowed[u]`` is the bitmask of ``u``'s allowed opponents.
    """
    partner: dict[int, int] = {}

    def augment(u: int, tried: int) -> tuple[bool, int]:
        options = allowed[u] & seeded & ~tried
        while options:
            low = options & -options
            options ^= low
            tried |= low
            s = low.bit_length() - 1
            if s not in partner:
                partner[s] = u
                return True, tried
            done, tried = augment(partner[s], tried)
            if done:
                partner[s] = u
                return True, tried
        return False, tried

    waiting = []
    taken = 0
    for u in bits(unseeded):  # greedy first: in a dense graph it pairs nearly everyone
        free = allowed[u] & seeded & ~taken
        if free:
            low = free & -free
            taken |= low
            partner[low.bit_length() - 1] = u
        else:
            waiting.append(u)
    return all(augment(u, 0)[0] for u in waiting)
