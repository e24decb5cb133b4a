"""Hypothesis strategies: small draws with random associations and groups."""

from __future__ import annotations

from hypothesis import strategies as st

from matchday.draw import DrawProcedure, Entrant, completable
from matchday.model import Team


@st.composite
def small_draws(draw: st.DrawFn, most: int = 5) -> DrawProcedure:
    """A draw of 2 to ``most`` ties whose bans come from few associations, so they bite."""
    n = draw(st.integers(2, most))
    codes = st.sampled_from(["ENG", "ESP", "ITA", "GER"])
    groups = st.sampled_from(["A", "B", "C", None])

    def pot(prefix: str) -> tuple[Entrant, ...]:
        return tuple(Entrant(Team(f"{prefix}{i}"), draw(codes), draw(groups)) for i in range(n))

    procedure = DrawProcedure("random", pot("S"), pot("U"))
    everyone = (1 << n) - 1
    if not completable(procedure.allowed(), everyone, everyone):
        from hypothesis import reject

        reject()
    return procedure
