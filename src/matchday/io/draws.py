"""Draw procedures for a season's rounds: bundled draw data, or built from the season's tables.

Bundled draw data (``matchday/data/draws/*.toml``) holds the input of a draw whose earlier stage
is not in the data, with its sources (the Europa League 2017-18 round of 32). Otherwise a draw is
built from the season itself: the Champions League round of 16 from the group tables, and the
knockout play-off and round of 16 of the league-phase era from the league table.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from matchday.draw import (
    DrawProcedure,
    Entrant,
    PairingProbabilities,
    from_groups,
    league_playoff_draw,
    league_round_of_16_draw,
)
from matchday.errors import ConfigError, SourceError
from matchday.io.footballtxt.vocabulary import canonical_round
from matchday.model import RoundFormat, Season, Team
from matchday.ordinals import ordinal
from matchday.select import find_round
from matchday.standings import season_tables

__all__ = [
    "DrawData",
    "bundled_draws",
    "draw_for",
    "origin_text",
    "probabilities_json",
    "read_draw",
]

_FOLDER = "draws"


@dataclass(frozen=True, slots=True)
class DrawData:
    """A draw's input as written in a data file: which competition, season and round."""

    competition: str
    season: str
    round: str
    procedure: DrawProcedure


def _entrant(item: Any, file: str, pot: str) -> Entrant:
    if not isinstance(item, dict) or not {"team", "association"} <= item.keys():
        raise SourceError(f"{file}: every {pot} entry needs a team and an association: {item!r}")
    return Entrant(
        Team(item["team"], item["association"]),
        item["association"],
        item.get("group"),
        item.get("slot"),
        item.get("origin", ""),
    )


def read_draw(text: str, file: str) -> DrawData:
    """Read one draw data file (TOML); ``SourceError`` naming the file and the problem."""
    try:
        data = tomllib.loads(text)
        name = canonical_round(data["round"])
        procedure = DrawProcedure(
            f"{data['competition']} {data['season']} {data['round']}",
            tuple(_entrant(e, file, "seeded") for e in data["seeded"]),
            tuple(_entrant(e, file, "unseeded") for e in data["unseeded"]),
            same_group_apart=data.get("same_group_apart", True),
            same_association_apart=data.get("same_association_apart", True),
            prohibited=frozenset(frozenset(pair) for pair in data.get("prohibited", [])),
            source=f"{file}: " + ", ".join(data.get("sources", [])),
        )
    except tomllib.TOMLDecodeError as err:
        raise SourceError(f"{file}: not valid TOML: {err}") from err
    except KeyError as err:
        raise SourceError(f"{file}: missing key {err}") from err
    except ValueError as err:
        raise SourceError(f"{file}: {err}") from err
    round_name = name.name if name is not None else data["round"]
    return DrawData(data["competition"], data["season"], round_name, procedure)


def bundled_draws() -> tuple[DrawData, ...]:
    """Every draw shipped with matchday."""
    folder = resources.files("matchday.data").joinpath(_FOLDER)
    return tuple(
        read_draw(f.read_text(encoding="utf-8"), f"{_FOLDER}/{f.name}")
        for f in sorted(folder.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".toml")
    )


def _with_countries(procedure: DrawProcedure, season: Season) -> DrawProcedure:
    """The procedure with each team as the season's data names it (with its country code)."""
    teams = {t.name: t for m in season.matches for t in (m.home, m.away)}

    def own(entrants: tuple[Entrant, ...]) -> tuple[Entrant, ...]:
        return tuple(
            Entrant(
                teams.get(e.team.name, e.team), e.association, e.group, e.slot, e.origin, e.place
            )
            for e in entrants
        )

    return DrawProcedure(
        procedure.name,
        own(procedure.seeded),
        own(procedure.unseeded),
        procedure.same_group_apart,
        procedure.same_association_apart,
        procedure.prohibited,
        procedure.bracket,
        procedure.source,
    )


def draw_for(season: Season, round_name: str) -> DrawProcedure:
    """The draw that made ``round_name`` of ``season``; ``ConfigError`` when matchday has none."""
    round_ = find_round(season, round_name)
    for data in bundled_draws():
        if (data.competition, data.season, data.round) == (
            season.competition,
            season.name,
            round_.name,
        ):
            return _with_countries(data.procedure, season)
    tables = season_tables(season)
    groups = [r for r in season.rounds if r.format is RoundFormat.GROUP]
    league = [r for r in season.rounds if r.format is RoundFormat.LEAGUE]
    label = f"{season.competition} {season.name} {round_.name}"
    if groups and round_.name == "Round of 16" and "champions" in season.competition.lower():
        return from_groups(tables, label, season.start_year)
    if league and round_.name == "Playoffs":
        return league_playoff_draw(tables[0], label)
    if league and round_.name == "Round of 16":
        playoffs = find_round(season, "Playoffs").ties()
        return league_round_of_16_draw(tables[0], [t.teams for t in playoffs], label)
    known = ", ".join(f"{d.competition} {d.season} {d.round}" for d in bundled_draws())
    raise ConfigError(
        f"no draw known for {label}: matchday builds the Champions League round of 16 from the "
        f"group tables, the league-phase play-off and round of 16 from the league table, and "
        f"ships {known}"
    )


def origin_text(entrant: Entrant, lang: str = "en") -> str:
    """How an entrant got into the draw in words: its ``origin``, or its place in the league
    phase with the ordinal Babel gives ("1st in the league")."""
    if entrant.place is None:
        return entrant.origin
    return f"{ordinal(entrant.place, lang)} in the league"


def probabilities_json(result: PairingProbabilities) -> dict[str, Any]:
    """The pairing-probability matrix as ``matchday draw --json`` prints it."""
    procedure = result.procedure

    def entrant(e: Entrant) -> dict[str, Any]:
        return {
            "team": e.team.name,
            "association": e.association,
            "group": e.group,
            "slot": e.slot,
            "origin": origin_text(e),
        }

    bans = [
        {"unseeded": u.team.name, "seeded": s.team.name, "reason": reason}
        for j, u in enumerate(procedure.unseeded)
        for i, s in enumerate(procedure.seeded)
        if (reason := procedure.ban(i, j)) is not None
    ]
    return {
        "draw": procedure.name,
        "method": result.method,
        "draws": result.draws,
        "source": procedure.source,
        "seeded": [entrant(e) for e in procedure.seeded],
        "unseeded": [entrant(e) for e in procedure.unseeded],
        "probabilities": {
            u.team.name: {s.team.name: p for s, p in zip(procedure.seeded, row, strict=True)}
            for u, row in zip(procedure.unseeded, result.matrix, strict=True)
        },
        "bans": bans,
    }
