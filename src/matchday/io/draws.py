"""Draw procedures for a season's rounds: bundled draw data, or built from the season's tables.

Bundled draw data (``matchday/data/draws/*.toml``) holds the input of a draw whose earlier stage
is not in the data, with its sources (the Europa League 2017-18 round of 32). Otherwise a draw is
built from the season itself: the Champions League round of 16 from the group tables, and the
knockout play-off and round of 16 of the league-phase era from the league table (the round of 16
with the play-off winners the file's results give, as ``matchday ties`` decides them: that draw
came after the play-offs).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

import matchday.competitions as competitions
from matchday.competitions import Draws, RoundKind
from matchday.draw import (
    DrawProcedure,
    Entrant,
    PairingProbabilities,
    from_groups,
    league_playoff_draw,
    league_round_of_16_draw,
)
from matchday.errors import ConfigError, SourceError
from matchday.io.export import tie_model
from matchday.io.footballtxt.vocabulary import canonical_round
from matchday.io.schemas import DrawBanJSON, DrawEntrantJSON, DrawJSON
from matchday.model import Round, RoundFormat, Season, Team, is_replay_round
from matchday.ordinals import ordinal
from matchday.rules import Outcome
from matchday.select import find_round
from matchday.standings import season_tables

__all__ = [
    "DrawData",
    "bundled_draws",
    "draw_for",
    "origin_text",
    "playoff_outcomes",
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
        return tuple(replace(e, team=teams.get(e.team.name, e.team)) for e in entrants)

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
    """The draw that made ``round_name`` of ``season``; ``ConfigError`` when matchday has none.

    A draw matchday builds from the season's tables may be asked for before the file holds its
    round, once the stage it draws from is over: the round of 16 from finished groups or from
    the play-off ties on record (those not yet decided stand as "A / B"), the play-offs from a
    finished league phase."""
    name, ahead = _round_name(season, round_name)
    for data in bundled_draws():
        if (data.competition, data.season, data.round) == (season.competition, season.name, name):
            return _with_countries(data.procedure, season)
    groups = [r for r in season.rounds if r.format is RoundFormat.GROUP]
    league = [r for r in season.rounds if r.format is RoundFormat.LEAGUE]
    label = f"{season.competition} {season.name} {name}"
    if groups and name == "Round of 16" and "champions" in season.competition.lower():
        _stage_over(groups, "group stage", label, ahead)
        return from_groups(season_tables(season), label, season.start_year)
    if league and name == "Playoffs":
        _stage_over(league, "league phase", label, ahead)
        return league_playoff_draw(season_tables(season)[0], label)
    if league and name == "Round of 16":
        _stage_over(league, "league phase", label, ahead)
        outcomes = playoff_outcomes(season)
        if not outcomes:
            raise ConfigError(
                f"{label} was not drawn yet: it pairs places 1-8 with the winners of the "
                f"play-off ties, and {season.source or 'the file'} holds no play-off ties "
                f"(matchday draw --round Playoffs gives their draw)"
            )
        winners = [o.winner for o in outcomes if o.winner is not None]
        ties = [o.tie.teams for o in outcomes]
        return league_round_of_16_draw(season_tables(season)[0], ties, label, winners)
    raise _not_built(season, name, label)


def _not_built(season: Season, name: str, label: str) -> ConfigError:
    """Why matchday gives no draw for round ``name``: it is no knockout round, it was not
    drawn (a final; the bracket the league-phase round-of-16 draw fixed), it was an open draw
    (no pots, no bans: every pairing alike), or its draw is one matchday does not build."""
    round_ = next((r for r in season.rounds if r.name == name), None)
    if round_ is not None and not round_.knockout:
        return ConfigError(
            f"{label} is not a knockout round: matchday draw gives the draw of a knockout "
            f"round, its seeded teams against its unseeded ones"
        )
    known = competitions.of_season(season)
    kind = known.kind(round_) if round_ is not None else None
    if kind is RoundKind.FINAL or (kind is None and name == "Final"):
        return ConfigError(f"{label} was not drawn: the winners of the semi-finals meet")
    knockout = [r.name for r in season.rounds if r.knockout]
    uefa = not known.assumed and season.competition.startswith("UEFA")
    try:
        draws = known.format.bracket.draws
    except ValueError:  # a season name without a year: no era to ask
        draws = None
    if uefa and draws is Draws.FIXED and name in ("Quarterfinals", "Semifinals"):
        return ConfigError(
            f"{label} was not drawn: the round-of-16 draw placed each tie in the bracket, "
            f"which fixed who meets whom from there to the final"
        )
    seeded = knockout[:2] if knockout[:1] == ["Playoffs"] else knockout[:1]
    if uefa and draws is Draws.OPEN and name in knockout and name not in seeded:
        teams = 2 * len(round_.ties()) if round_ is not None else 0
        odds = f" (1 in {teams - 1} for each pair)" if teams > 2 else ""
        return ConfigError(
            f"{label} was an open draw: no pots and no country protection, so any two of its "
            f"teams could meet{odds}; matchday draw gives seeded draws"
        )
    if round_ is not None and is_replay_round(name):
        return ConfigError(
            f"{label} was not drawn: its matches replay the drawn matches of a round"
        )
    if _domestic_cup(known) and draws is Draws.OPEN and round_ is not None:
        return _open_cup_draw(label, round_, first=name in seeded)
    bundled = ", ".join(f"{d.competition} {d.season} {d.round}" for d in bundled_draws())
    return ConfigError(
        f"no draw known for {label}: matchday builds UEFA's seeded draws of the Champions "
        f"League round of 16 from the group tables and of the league-phase play-offs and "
        f"round of 16 from the league table, and ships {bundled}"
    )


def _domestic_cup(known: competitions.SeasonRules) -> bool:
    """Whether ``known`` is a national association's cup (the DFB-Pokal, the FA Cup): a
    competition the registry knows, of clubs, run by no confederation, with no table."""
    cup = known.competition
    if known.assumed or cup.national_teams or cup.confederation is not None:
        return False
    try:
        format_ = known.format
    except ValueError:  # a season name without a year: no era to ask
        return False
    return format_.league is None and format_.group is None


def _open_cup_draw(label: str, round_: Round, *, first: bool) -> ConfigError:
    """Why a domestic cup's round has no draw to show: its draws are open (one pot, no seeds,
    no country to keep apart); a first round's pots, where it has them (lower-league clubs
    against top-flight ones, or by region), are not in the data."""
    teams = 2 * len(round_.ties())
    odds = f" (1 in {teams - 1} for each pair)" if teams > 2 else ""
    if first:
        return ConfigError(
            f"no draw known for {label}: a domestic cup's first round is drawn from pots that "
            f"are not in the data (lower-league clubs against top-flight ones, or by region), "
            f"and its later rounds are open draws; matchday draw gives UEFA's seeded draws"
        )
    return ConfigError(
        f"{label} was an open draw: a domestic cup's draws have no seeds, so any two of its "
        f"teams could meet{odds}; matchday draw gives UEFA's seeded draws"
    )


_DRAWN_AHEAD = {
    RoundFormat.GROUP: ("Round of 16",),
    RoundFormat.LEAGUE: ("Playoffs", "Round of 16"),
}
"""The rounds whose draw matchday builds from a season's tables, by the stage they follow:
these may be drawn before the file holds them."""


def _round_name(season: Season, round_name: str) -> tuple[str, bool]:
    """The name of the season's round called ``round_name`` (and ``False``), or of a round still
    to come whose draw matchday builds from the stage before it (and ``True``:
    ``_DRAWN_AHEAD``); else ``find_round``'s error."""
    try:
        return find_round(season, round_name).name, False
    except ConfigError:
        wanted = canonical_round(round_name)
        formats = {r.format for r in season.rounds}
        ahead = {n for f in formats for n in _DRAWN_AHEAD.get(f, ())}
        if wanted is None:
            raise
        if wanted.name not in ahead:
            open_draw = _open_draw_ahead(season, wanted.name)
            if open_draw is not None:
                raise open_draw from None
            raise
        return wanted.name, True


_AFTER = {16: "Round of 16", 8: "Quarterfinals"}
"""The round the winners of a knockout round of so many ties play next, where its open draw
is made once that round is over. (Not the semi-finals: from 2018-19 UEFA drew them with the
quarter-finals, before those were played.)"""


def _open_draw_ahead(season: Season, name: str) -> ConfigError | None:
    """Why there is no draw for round ``name`` of a UEFA competition that the file does not
    hold yet, where it is the open draw after the file's last knockout round (the
    quarter-finals after the round of 16 first legs): not made until that round is over, and
    no pots or bans when it is. ``None`` where that is not the case."""
    known = competitions.of_season(season)
    if known.assumed or not season.competition.startswith("UEFA"):
        return None
    try:
        draws = known.format.bracket.draws
    except ValueError:  # a season name without a year: no era to ask
        return None
    rounds = known.season.rounds
    knockout = [r for r in rounds if r.knockout and not is_replay_round(r.name)]
    if draws is not Draws.OPEN or not knockout:
        return None
    last = knockout[-1]
    outcomes = known.decide([last])
    if _AFTER.get(len(outcomes)) != name or last.name == "Playoffs":
        return None
    teams = len(outcomes)
    label = f"{season.competition} {season.name} {name}"
    open_ = [o for o in outcomes if o.winner is None]
    how = (
        f"an open draw (no pots and no country protection: any two of its {teams} teams can "
        f"meet, 1 in {teams - 1} for each pair)"
    )
    if open_:
        to_come = sum(o.tie.second_leg_to_come for o in open_)
        still = f"{len(open_)} of its {teams} ties {'is' if len(open_) == 1 else 'are'} still open"
        why = (
            f", {'its second leg' if len(open_) == 1 else 'their second legs'} to come"
            if to_come == len(open_)
            else f" ({to_come} with a second leg to come)"
            if to_come
            else ""
        )
        return ConfigError(
            f"{label} is not drawn yet: it is {how}, made once the {last.name} is over, and "
            f"{still}{why}; matchday draw gives seeded draws"
        )
    return ConfigError(
        f"{label} is not in {season.source or 'the file'} yet: it is {how}; matchday draw "
        f"gives seeded draws"
    )


def _stage_over(rounds: list[Round], stage: str, label: str, ahead: bool) -> None:
    """For a draw asked for ``ahead`` of its round in the file, ``ConfigError`` when a match of
    the ``stage`` it follows has no result yet: the draw is not made before the stage is over.
    (A round on record was drawn: its draw is built from the tables as they are.)"""
    if not ahead:
        return
    left = [m for r in rounds for m in r.matches if not m.played and not m.cancelled]
    if left:
        first = min(left, key=lambda m: m.date)
        where = f" ({first.source})" if first.source is not None else ""
        raise ConfigError(
            f"{label} was not drawn yet: the {stage} has {len(left)} "
            f"{'match' if len(left) == 1 else 'matches'} still to play, the first "
            f"{first.label}{where}"
        )


def playoff_outcomes(season: Season) -> tuple[Outcome, ...]:
    """The knockout play-off ties of a league-phase ``season`` decided as ``matchday ties``
    decides them (the round's rules, else who the data shows going on): their winners enter
    the round-of-16 draw. A tie whose legs the file does not finish is undecided, as is every
    tie of a play-off round on record with its first legs only (the play-off is two-legged).
    Empty without play-offs."""
    known = competitions.of_season(season)
    for round_ in known.season.rounds:
        if round_.name == "Playoffs" and round_.format is RoundFormat.KNOCKOUT:
            ties = known.season.round_ties(round_)
            if all(tie.single_match for tie in ties):
                return tuple(_first_leg_only(known.outcome(t, round_)) for t in ties)
            return tuple(known.outcome(t, round_) for t in ties)
    return ()


def _first_leg_only(outcome: Outcome) -> Outcome:
    """A two-legged tie the file holds only the first leg of: undecided, whatever its score."""
    first = outcome.tie.first_leg
    played = f" (first leg {first.score})" if first.score is not None else ""
    return replace(
        outcome,
        winner=None,
        decided_by=None,
        away_goals=None,
        unsettled=None,
        explanation=f"Undecided: second leg not in the file{played}",
    )


def origin_text(entrant: Entrant, lang: str = "en") -> str:
    """How an entrant got into the draw in words: its ``origin``, or its place in the league
    phase with the ordinal Babel gives ("1st in the league")."""
    if entrant.place is None:
        return entrant.origin
    return f"{ordinal(entrant.place, lang)} in the league"


def probabilities_json(
    result: PairingProbabilities, ties: Iterable[Outcome] = ()
) -> dict[str, Any]:
    """The pairing-probability matrix as ``matchday draw --json`` prints it (``DrawJSON``);
    ``ties`` are the decided play-off ties an entrant may come from (``playoff_outcomes``)."""
    procedure = result.procedure
    by_teams = {frozenset(o.tie.teams): o for o in ties}

    def entrant(e: Entrant) -> DrawEntrantJSON:
        outcome = by_teams.get(frozenset(e.tie)) if e.tie is not None else None
        return DrawEntrantJSON(
            team=e.team.name,
            association=e.association,
            group=e.group,
            slot=e.slot,
            origin=origin_text(e),
            tie=tie_model(outcome) if outcome is not None else None,
        )

    bans = [
        DrawBanJSON(unseeded=u.team.name, seeded=s.team.name, reason=reason)
        for j, u in enumerate(procedure.unseeded)
        for i, s in enumerate(procedure.seeded)
        if (reason := procedure.ban(i, j)) is not None
    ]
    return DrawJSON(
        draw=procedure.name,
        method=result.method,
        draws=result.draws,
        source=procedure.source,
        seeded=[entrant(e) for e in procedure.seeded],
        unseeded=[entrant(e) for e in procedure.unseeded],
        probabilities={
            u.team.name: {s.team.name: p for s, p in zip(procedure.seeded, row, strict=True)}
            for u, row in zip(procedure.unseeded, result.matrix, strict=True)
        },
        bans=bans,
    ).json_data()
