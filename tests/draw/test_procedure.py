"""Bans as data, each with a reason a person can read."""

from __future__ import annotations

import pytest

from matchday.draw import DrawProcedure, Entrant, prohibited_for
from matchday.model import Team


def entrant(name: str, code: str, group: str | None = None, slot: str | None = None) -> Entrant:
    return Entrant(Team(name, code), code, group, slot)


def test_each_ban_names_its_reason() -> None:
    procedure = DrawProcedure(
        "test",
        (entrant("Lokomotiv", "RUS", "F"), entrant("Villarreal", "ESP", "A")),
        (entrant("Kobenhavn", "DEN", "F"), entrant("Dynamo", "UKR")),
        prohibited=prohibited_for(2017),
    )
    assert procedure.ban(0, 0) == "same group (F)"
    assert procedure.ban(0, 1) == "prohibited clash (RUS v UKR)"
    assert procedure.ban(1, 0) is None
    assert procedure.allowed() == (0b10, 0b10)


def test_same_association_and_bracket_bans() -> None:
    procedure = DrawProcedure(
        "bracket",
        (entrant("A", "ESP", slot="9/10"), entrant("B", "ENG", slot="11/12")),
        (entrant("C", "ESP", slot="23/24"), entrant("D", "ITA", slot="21/22")),
        bracket=frozenset({("9/10", "23/24"), ("11/12", "21/22")}),
    )
    assert procedure.ban(0, 0) == "same association (ESP)"
    assert procedure.ban(0, 1) == "not paired in the bracket (9/10 v 21/22)"
    assert procedure.ban(1, 1) is None


def test_the_russia_ukraine_ban_starts_in_2014_15() -> None:
    assert prohibited_for(2013) == frozenset()
    assert frozenset(("RUS", "UKR")) in prohibited_for(2014)


def test_a_result_is_checked_against_the_bans() -> None:
    procedure = DrawProcedure(
        "two",
        (entrant("S1", "ENG", "A"), entrant("S2", "ESP", "B")),
        (entrant("U1", "ITA", "A"), entrant("U2", "GER", "B")),
    )
    s1, s2 = (e.team for e in procedure.seeded)
    u1, u2 = (e.team for e in procedure.unseeded)
    assert procedure.valid([(u1, s2), (u2, s1)]) == []
    assert procedure.valid([(u1, s1), (u2, s2)]) == [
        "U1 v S1: same group (A)",
        "U2 v S2: same group (B)",
    ]
    assert procedure.valid([(u1, s2)]) == ["1 ties drawn, the draw makes 2"]
    assert procedure.valid([(s1, u2), (u1, s2)])[0] == "S1 v U2: not an unseeded v a seeded team"


def test_pots_of_different_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="2 seeded and 1 unseeded"):
        DrawProcedure("bad", (entrant("A", "ENG"), entrant("B", "ESP")), (entrant("C", "ITA"),))
