"""Checking a season read against its competition with what the files show."""

from __future__ import annotations

from matchday.competitions import RoundKind, SeasonRules

UNDECIDABLE = {("2018", "Group H"): "fair play points"}
"""Places the results cannot give: Japan ahead of Senegal on fair play points (World Cup 2018)."""


def next_stage(known: SeasonRules, round_name: str) -> set[str]:
    """The teams the files show in ``round_name`` (a second group stage or a final group by
    their kind)."""
    kinds = {"Second round": RoundKind.SECOND_GROUP, "Final group": RoundKind.FINAL_GROUP}
    wanted = kinds.get(round_name)
    rounds = [
        r
        for r in known.season.rounds
        if (known.kind(r) is wanted if wanted else r.name == round_name)
    ]
    assert rounds, f"{known.season.name}: no {round_name} in the files"
    return {t.name for r in rounds for m in r.matches for t in (m.home, m.away)}


def check_onward(known: SeasonRules, flawed: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Assert that the season's tables send on exactly the teams of the next stages; the
    number of tables and of teams sent on. A ``flawed`` table (a team written two ways, so
    pairs without a match) may leave places unsettled whose teams the next stage does not
    show."""
    year = known.season.name
    tables = 0
    sent: dict[str, set[str]] = {}
    for onward in known.onward():
        tables += onward.table != "best placed"
        for level in onward.undecided:
            if onward.table in flawed:
                continue
            assert UNDECIDABLE.get((year, onward.table)), (year, onward.table, level)
            shown = next_stage(known, onward.round) & {t.name for t in level}
            assert len(shown) == 1, (year, onward.table, level)
            sent.setdefault(onward.round, set()).update(shown)
        names = {t.name for t in onward.teams}
        assert names <= next_stage(known, onward.round), (year, onward.table, names)
        sent.setdefault(onward.round, set()).update(names)
    for round_name, teams in sent.items():
        assert teams == next_stage(known, round_name), (year, round_name)
    return tables, sum(len(teams) for teams in sent.values())
