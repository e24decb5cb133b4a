"""Ratings files: a round trip, versioning, and the shipped snapshots."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

import matchday
from matchday.errors import ConfigError, SourceError
from matchday.forecast.fit import fit
from matchday.forecast.ratings import Basis, Ratings
from matchday.forecast.results import Result, ResultTable
from matchday.io.snapshot import (
    STALE_DAYS,
    bundled_snapshots,
    choose_snapshot,
    fresh_snapshot,
    load_snapshot,
    save_snapshot,
)
from matchday.model import Team

A, B, C = Team("Alpha FC", "AAA"), Team("Beta FC", "AAA"), Team("Gamma FC", "BBB")


def _ratings() -> Ratings:
    day = dt.date(2020, 1, 1)
    results = [
        Result(
            day + dt.timedelta(days=i),
            home,
            away,
            (i * 7) % 4,
            (i * 3) % 3,
            home.country != away.country,
        )
        for i, (home, away) in enumerate([(A, B), (B, C), (C, A), (B, A), (C, B), (A, C)] * 5)
    ]
    ratings = fit(ResultTable.from_results(results), dt.date(2021, 1, 1))
    return ratings.with_aliases(((Team("Alpha", "AAA"), A),))


def test_ratings_survive_a_round_trip(tmp_path: Path) -> None:
    ratings = dataclasses.replace(_ratings(), home_european_against=0.12)
    path = tmp_path / "ratings.json"
    save_snapshot(ratings, path, "matchday fit -o ratings.json", ("Nobody (ZZZ)",))
    loaded = load_snapshot(path)
    assert loaded.command == "matchday fit -o ratings.json"
    assert loaded.unresolved == ("Nobody (ZZZ)",)
    again = loaded.ratings
    assert again.as_of == ratings.as_of
    assert again.teams == ratings.teams
    np.testing.assert_allclose(again.attack, ratings.attack, atol=1e-5)  # 5 decimals kept
    assert again.home_european_against == 0.12
    assert again.expected(A, B).away_goals == pytest.approx(
        ratings.expected(A, B).away_goals, rel=1e-4
    )
    assert again.rating(Team("Alpha", "AAA")).team.name == "Alpha"
    assert again.rating(Team("Alpha", "AAA")).attack == pytest.approx(
        ratings.rating(A).attack, abs=1e-5
    )


def test_a_file_of_another_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    save_snapshot(_ratings(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SourceError, match="version 99"):
        load_snapshot(path)
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(SourceError, match="not a matchday ratings file"):
        load_snapshot(path)


def test_shipped_snapshots_never_look_ahead() -> None:
    shipped = bundled_snapshots()
    assert shipped, "matchday ships fitted ratings"
    for snapshot in shipped:
        assert snapshot.command.startswith("matchday fit")
    chosen = choose_snapshot(dt.date(2018, 2, 22))
    assert chosen.ratings.as_of <= dt.date(2018, 2, 22)
    with pytest.raises(ConfigError, match="no shipped ratings from before 2010-01-01"):
        choose_snapshot(dt.date(2010, 1, 1))


def test_a_fresh_snapshot_is_recent_enough_or_none() -> None:
    night = dt.date(2018, 2, 22)
    assert fresh_snapshot(night) is choose_snapshot(night)
    assert fresh_snapshot(dt.date(2010, 1, 1)) is None  # nothing shipped from before
    as_of = choose_snapshot(night).ratings.as_of
    last_fresh = as_of + dt.timedelta(days=STALE_DAYS)
    assert fresh_snapshot(last_fresh) is choose_snapshot(last_fresh)
    assert fresh_snapshot(last_fresh + dt.timedelta(days=1)) is None  # 2019: no newer file


def test_the_bundled_seasons_clubs_are_rated_under_the_names_it_writes() -> None:
    """The bundled night writes "Dynamo Kyiv" and "Red Bull Salzburg"; the ratings were fitted
    on "FC Dynamo Kyiv" and "FC RB Salzburg": the club lists' spellings, shipped as aliases,
    join them. Clubs with no result before the night (Lokomotiv, AEK, Partizan, ...) get
    their country's level, and say so."""
    season = matchday.load("europa-league-2017-18")
    ratings = choose_snapshot(dt.date(2018, 2, 22)).ratings
    teams = {t for r in season.rounds for m in r.matches for t in (m.home, m.away)}
    basis = {t.name: ratings.rating(t).basis for t in teams}
    for name in ("Dynamo Kyiv", "Red Bull Salzburg", "Ludogorets Razgrad", "Arsenal FC"):
        assert basis[name] is Basis.FITTED, name
    unrated = {name for name, b in basis.items() if b is not Basis.FITTED}
    assert unrated <= {
        "Lokomotiv Moskva",
        "AEK Athens",
        "Partizan Beograd",
        "Crvena Zvezda",
        "Östersunds FK",
    }
