"""Saving and loading fitted ratings: a versioned JSON file, and the snapshots matchday ships.

The file is plain JSON so that a person can read what a forecast rests on::

    {"format": "matchday-ratings", "version": 1, "as_of": "2018-02-13", "command": "...",
     "model": {"intercept": ..., "home_domestic": ..., "home_european": ..., "rho": ...,
               "newcomer": ..., "newcomer_matches": 10, ...},
     "countries": [{"code": "ENG", "attack": ..., "defence": ..., "home": ...,
                    "european_matches": 783}],
     "teams": [{"name": "Arsenal FC", "country": "ENG", "attack": ..., "defence": ...,
                "matches": 708, "weight": 201.5, "aliases": ["Arsenal"]}], ...}
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from matchday.errors import ConfigError, SourceError
from matchday.forecast.ratings import Ratings
from matchday.model import Team

__all__ = [
    "FORMAT",
    "NATIONAL_PREFIX",
    "STALE_DAYS",
    "VERSION",
    "Snapshot",
    "bundled_national",
    "bundled_snapshots",
    "choose_national",
    "choose_snapshot",
    "fresh_snapshot",
    "load_snapshot",
    "ratings_json",
    "save_snapshot",
]

STALE_DAYS = 366
"""Ratings older than this at the forecast date are stale: the newest shipped ratings fitted
before that date may be seasons old."""
FORMAT = "matchday-ratings"
VERSION = 1
_BUNDLE = "matchday.data.models"
NATIONAL_PREFIX = "international-"
"""Shipped ratings of national teams are the files named ``international-*.json``; the rest are
club ratings."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Ratings read from a file, with how they were made."""

    ratings: Ratings
    command: str
    unresolved: tuple[str, ...]
    source: str


def _number(value: float) -> float:
    return round(float(value), 5)


def ratings_json(
    ratings: Ratings, command: str = "", unresolved: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The file's content as a JSON-ready dict."""
    aliases: dict[Team, list[str]] = {}
    for spelling, team in ratings.aliases:
        aliases.setdefault(team, []).append(spelling.name)
    return {
        "format": FORMAT,
        "version": VERSION,
        "as_of": ratings.as_of.isoformat(),
        "command": command,
        "settings": dict(ratings.settings),
        "model": {
            "intercept": _number(ratings.intercept),
            "european_level": _number(ratings.european_level),
            "home_domestic": _number(ratings.home_domestic),
            "home_european": _number(ratings.home_european),
            "home_domestic_closed": _number(ratings.home_domestic_closed),
            "home_european_closed": _number(ratings.home_european_closed),
            "home_domestic_against": _number(ratings.home_domestic_against),
            "home_european_against": _number(ratings.home_european_against),
            "rho": _number(ratings.rho),
            "newcomer": _number(ratings.newcomer),
            "newcomer_matches": ratings.newcomer_matches,
            "log_likelihood": _number(ratings.log_likelihood),
            "iterations": ratings.iterations,
        },
        "unresolved": list(unresolved),
        "countries": [
            {
                "code": code,
                "attack": _number(ratings.country_attack[i]),
                "defence": _number(ratings.country_defence[i]),
                "home": _number(ratings.country_home[i]),
                "european_matches": int(ratings.country_matches[i]),
            }
            for i, code in enumerate(ratings.countries)
        ],
        "teams": [
            {
                "name": team.name,
                "country": team.country,
                "attack": _number(ratings.attack[i]),
                "defence": _number(ratings.defence[i]),
                "matches": int(ratings.matches[i]),
                "weight": round(float(ratings.weight[i]), 2),
                "aliases": sorted(aliases.get(team, [])),
            }
            for i, team in enumerate(ratings.teams)
            if ratings.matches[i] > 0
        ],
    }


def _compact(data: dict[str, Any]) -> str:
    """JSON with one team or country per line: small, and still readable and diffable."""
    lines = ["{"]
    items = list(data.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(value, list) and value and isinstance(value[0], dict):
            rows = ",\n  ".join(json.dumps(row, ensure_ascii=False) for row in value)
            lines.append(f" {json.dumps(key)}: [\n  {rows}\n ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    return "\n".join([*lines, "}"]) + "\n"


def save_snapshot(
    ratings: Ratings, path: Path, command: str = "", unresolved: tuple[str, ...] = ()
) -> None:
    """Write ``ratings`` to ``path`` (JSON, UTF-8)."""
    data = ratings_json(ratings, command, unresolved)
    try:
        path.write_text(_compact(data), encoding="utf-8")
    except OSError as err:
        raise SourceError(f"{path}: cannot write: {err}") from err


def _ratings(data: dict[str, Any]) -> Ratings:
    teams = data["teams"]
    countries = data["countries"]
    model = data["model"]
    settings = data["settings"]
    team_values = [Team(t["name"], t["country"]) for t in teams]
    aliases = tuple(
        (Team(alias, team.country), team)
        for team, t in zip(team_values, teams, strict=True)
        for alias in t["aliases"]
    )
    return Ratings(
        as_of=dt.date.fromisoformat(data["as_of"]),
        teams=tuple(team_values),
        attack=np.array([t["attack"] for t in teams], dtype=np.float64),
        defence=np.array([t["defence"] for t in teams], dtype=np.float64),
        matches=np.array([t["matches"] for t in teams], dtype=np.int64),
        weight=np.array([t["weight"] for t in teams], dtype=np.float64),
        countries=tuple(c["code"] for c in countries),
        country_attack=np.array([c["attack"] for c in countries], dtype=np.float64),
        country_defence=np.array([c["defence"] for c in countries], dtype=np.float64),
        country_home=np.array([c["home"] for c in countries], dtype=np.float64),
        country_matches=np.array([c["european_matches"] for c in countries], dtype=np.int64),
        intercept=float(model["intercept"]),
        european_level=float(model["european_level"]),
        home_domestic=float(model["home_domestic"]),
        home_european=float(model["home_european"]),
        home_domestic_closed=float(model["home_domestic_closed"]),
        home_european_closed=float(model["home_european_closed"]),
        rho=float(model["rho"]),
        newcomer=float(model["newcomer"]),
        newcomer_matches=int(model["newcomer_matches"]),
        log_likelihood=float(model["log_likelihood"]),
        iterations=int(model["iterations"]),
        settings=tuple((str(k), float(v)) for k, v in settings.items()),
        aliases=aliases,
        # files written before the away side's home disadvantage was fitted have none
        home_european_against=float(model.get("home_european_against", 0.0)),
        home_domestic_against=float(model.get("home_domestic_against", 0.0)),
    )


def _parse(text: str, name: str) -> Snapshot:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise SourceError(f"{name}:{err.lineno}: not a ratings file: {err.msg}") from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SourceError(f"{name}: not a matchday ratings file (no format {FORMAT!r})")
    if data.get("version") != VERSION:
        raise SourceError(
            f"{name}: ratings file version {data.get('version')!r}; this matchday reads "
            f"version {VERSION} (rebuild it with matchday fit)"
        )
    try:
        ratings = _ratings(data)
    except (KeyError, TypeError, ValueError) as err:
        raise SourceError(f"{name}: malformed ratings file: {err!r}") from err
    return Snapshot(ratings, str(data.get("command", "")), tuple(data.get("unresolved", ())), name)


def load_snapshot(path: Path) -> Snapshot:
    """Read a ratings file written by ``save_snapshot``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(f"{path}: cannot read: {err}") from err
    return _parse(text, str(path))


@functools.cache
def _bundled(national: bool) -> tuple[Snapshot, ...]:
    found = []
    for entry in resources.files(_BUNDLE).iterdir():
        if entry.name.endswith(".json") and entry.name.startswith(NATIONAL_PREFIX) == national:
            found.append(_parse(entry.read_text(encoding="utf-8"), entry.name))
    return tuple(sorted(found, key=lambda s: s.ratings.as_of))


def bundled_snapshots() -> tuple[Snapshot, ...]:
    """The club snapshots shipped with matchday, oldest first (read once per process: the
    files are part of the installed package)."""
    return _bundled(False)


def bundled_national() -> tuple[Snapshot, ...]:
    """The national-team snapshots shipped with matchday, oldest first."""
    return _bundled(True)


def choose_national(on: dt.date) -> Snapshot:
    """The newest shipped national-team snapshot fitted only on results before ``on``."""
    usable = [s for s in bundled_national() if s.ratings.as_of <= on]
    if not usable:
        raise ConfigError(
            f"no shipped national-team ratings from before {on}: give the international data "
            "folder (--international ../shared/data/international)"
        )
    return usable[-1]


def choose_snapshot(on: dt.date) -> Snapshot:
    """The newest shipped snapshot fitted only on results before ``on`` (no look-ahead)."""
    usable = [s for s in bundled_snapshots() if s.ratings.as_of <= on]
    if not usable:
        raise ConfigError(
            f"no shipped ratings from before {on}: fit some with "
            f"matchday fit --data ../shared/data/openfootball --before {on} -o FILE, "
            "then pass --model FILE"
        )
    return usable[-1]


def fresh_snapshot(on: dt.date) -> Snapshot | None:
    """``choose_snapshot(on)`` when it exists and is not stale (fitted at most ``STALE_DAYS``
    before ``on``), else ``None``: for forecasts that are better left out than made from
    ratings seasons old (a round-up of a night years after the newest snapshot before it)."""
    try:
        snapshot = choose_snapshot(on)
    except ConfigError:
        return None
    return snapshot if (on - snapshot.ratings.as_of).days <= STALE_DAYS else None
