"""Gathering the real European results with club names resolved (needs the shared data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchday.errors import SourceError
from matchday.io.clubs import LEAGUE_GUESTS
from matchday.io.history import load_history
from matchday.model import Team


def test_european_results_are_gathered_and_names_resolved(openfootball: Path) -> None:
    history = load_history(openfootball, domestic=False)
    assert len(history.results) > 4000
    assert all(r.european for r in history.results)
    finals = [r for r in history.results if r.neutral]
    assert finals, "finals are played at neutral venues"
    aliases = dict(history.aliases)
    # Spellings mapped to a club list's name are reported as aliases, never merged by guess.
    for raw, team in aliases.items():
        assert team.country == raw.country or team.country in LEAGUE_GUESTS[raw.country or ""]
    teams = {r.home for r in history.results} | {r.away for r in history.results}
    assert Team("Atlético Madrid", "ESP") in teams
    assert set(history.unresolved) <= teams
    # every other spelling the club lists give a club of the results, for its ratings
    listed = dict(history.listed)
    assert listed[Team("Club Atlético de Madrid", "ESP")] == Team("Atlético Madrid", "ESP")
    assert set(listed.values()) <= teams
    shipped = dict(history.spellings)
    assert set(aliases.items()) <= set(shipped.items())
    assert len(shipped) > len(aliases)


def test_a_folder_without_club_lists_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not an openfootball folder"):
        load_history(tmp_path)
