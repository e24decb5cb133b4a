"""The knockout brackets of tournaments of groups, as data: which group places meet in the
first knockout round, and (Euro 2016-2024) which best third-placed team meets which group
winner. Groups numbered 1, 2, 3, ... (World Cup 1962-1970) are the groups A, B, C, ... here.

Sources: FIFA's World Cup regulations 1998-2022 (matches 49-64; the 1998 and 2002 halves as
they were played) and UEFA's Euro regulations
(2016: matches 37-51, article 18; 2020 and 2024: article 20/21 and annex). The round-of-16
ties are listed in bracket order: the winners of ties 2k and 2k+1 meet in the next round, so the
quarter-finals, semi-finals and final follow from the order alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchday.errors import InvalidValueError

__all__ = [
    "EURO_2016",
    "EURO_2020",
    "THIRD",
    "WORLD_CUP_1962",
    "WORLD_CUP_1998",
    "WORLD_CUP_2002",
    "WORLD_CUP_2006",
    "GroupBracket",
]

THIRD = "3"
"""The place of a best third-placed team in a tie; which one is said by ``GroupBracket.thirds``."""


@dataclass(frozen=True, slots=True)
class GroupBracket:
    """A round of 16 fed by groups: ``ties`` pairs places ("1A" the winner of group A, "2B" the
    runner-up of group B, ``THIRD`` a best third-placed team) in bracket order. ``thirds``
    gives, for each set of groups whose thirds go through (letters in order, "ABCD"), the group
    of the third each winner of ``third_winners`` meets (in that order)."""

    ties: tuple[tuple[str, str], ...]
    third_winners: tuple[str, ...] = ()
    thirds: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        count = len(self.ties)
        if count < 2 or count & (count - 1):
            raise InvalidValueError("a bracket needs a power of two of ties")
        slots = {w for w, t in self.ties if t == THIRD} | {t for w, t in self.ties if w == THIRD}
        if slots != set(self.third_winners):
            raise InvalidValueError("every winner that meets a third must be in third_winners")
        for groups, opponents in self.thirds:
            if sorted(groups) != sorted(opponents) or len(opponents) != len(self.third_winners):
                raise InvalidValueError(
                    f"the thirds of {groups} are not allocated one to each winner"
                )

    @property
    def rounds(self) -> int:
        """Knockout rounds from this one to the final (4 from a round of 16)."""
        return len(self.ties).bit_length()

    def opponents(self, groups: str) -> str:
        """The groups of the thirds met by ``third_winners`` when the thirds of ``groups`` go
        through."""
        key = "".join(sorted(groups))
        for found, opponents in self.thirds:
            if found == key:
                return opponents
        raise KeyError(f"no allocation of the thirds of groups {key}")


WORLD_CUP_1962 = GroupBracket((("1A", "2B"), ("1C", "2D"), ("1B", "2A"), ("1D", "2C")))
"""World Cup 1962-1970: four groups, the top two to the quarter-finals, each winner against
the runner-up of the group beside it (1970: the Soviet Union, winner of group 1, met Uruguay,
runner-up of group 2; Italy, winner of group 2, met Mexico), the winners of 1 and 3 in one
half of the draw (1970: Uruguay met Brazil, Italy West Germany)."""

WORLD_CUP_1998 = GroupBracket(
    (
        ("1A", "2B"),
        ("1D", "2C"),
        ("1E", "2F"),
        ("1H", "2G"),
        ("1B", "2A"),
        ("1C", "2D"),
        ("1F", "2E"),
        ("1G", "2H"),
    )
)
"""World Cup 1998: eight groups, the top two to the round of 16; the winners of A, D, E and H
in one half of the draw (Brazil met Denmark, then the Netherlands), of B, C, F and G in the
other (France met Italy, then Croatia)."""

WORLD_CUP_2002 = GroupBracket(
    (
        ("1E", "2B"),
        ("1G", "2D"),
        ("1B", "2E"),
        ("1D", "2G"),
        ("1A", "2F"),
        ("1C", "2H"),
        ("1F", "2A"),
        ("1H", "2C"),
    )
)
"""World Cup 2002: each winner met the runner-up of a group four letters on (1A-2F, 1E-2B);
Germany met the United States, then South Korea; Brazil England, then Turkey."""

WORLD_CUP_2006 = GroupBracket(
    (
        ("1A", "2B"),
        ("1C", "2D"),
        ("1E", "2F"),
        ("1G", "2H"),
        ("1B", "2A"),
        ("1D", "2C"),
        ("1F", "2E"),
        ("1H", "2G"),
    )
)
"""World Cup 2006-2022: eight groups, the top two to the round of 16 (matches 49-56, the
quarter-finals 57-60 and semi-finals 61-62 in the order that makes the halves of the draw)."""

EURO_2016 = GroupBracket(
    (
        ("2A", "2C"),
        ("1D", THIRD),
        ("1B", THIRD),
        ("1F", "2E"),
        ("1C", THIRD),
        ("1E", "2D"),
        ("1A", THIRD),
        ("2B", "2F"),
    ),
    ("1A", "1B", "1C", "1D"),
    (
        ("ABCD", "CDAB"),
        ("ABCE", "CABE"),
        ("ABCF", "CABF"),
        ("ABDE", "DABE"),
        ("ABDF", "DABF"),
        ("ABEF", "EABF"),
        ("ACDE", "CDAE"),
        ("ACDF", "CDAF"),
        ("ACEF", "CAFE"),
        ("ADEF", "DAFE"),
        ("BCDE", "CDBE"),
        ("BCDF", "CDBF"),
        ("BCEF", "ECBF"),
        ("BDEF", "EDBF"),
        ("CDEF", "CDFE"),
    ),
)
"""Euro 2016: six groups, the top two and the four best thirds; 1A meets a third of C/D/E, 1B of
A/C/D, 1C of A/B/F, 1D of B/E/F, as UEFA's table of the fifteen combinations says."""

EURO_2020 = GroupBracket(
    (
        ("1B", THIRD),
        ("1A", "2C"),
        ("1F", THIRD),
        ("2D", "2E"),
        ("1C", THIRD),
        ("2A", "2B"),
        ("1E", THIRD),
        ("1D", "2F"),
    ),
    ("1B", "1C", "1E", "1F"),
    (
        ("ABCD", "ADBC"),
        ("ABCE", "AEBC"),
        ("ABCF", "AFBC"),
        ("ABDE", "DEAB"),
        ("ABDF", "DFAB"),
        ("ABEF", "EFBA"),
        ("ACDE", "EDCA"),
        ("ACDF", "FDCA"),
        ("ACEF", "EFCA"),
        ("ADEF", "EFDA"),
        ("BCDE", "EDBC"),
        ("BCDF", "FDCB"),
        ("BCEF", "FECB"),
        ("BDEF", "FEDB"),
        ("CDEF", "FEDC"),
    ),
)
"""Euro 2020 (played 2021) and 2024: 1B meets a third of A/D/E/F, 1C of D/E/F, 1E of A/B/C/D, 1F
of A/B/C, as UEFA's table of the fifteen combinations says."""
