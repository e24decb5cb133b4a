"""``matchday forecast``: how likely each outcome is, for a tie or for the whole competition."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from matchday import competitions
from matchday.cli.common import (
    InternationalOption,
    JsonOption,
    KeepGoingOption,
    RulesOption,
    SourceArgument,
    TieRoundOption,
    console,
    load_competition,
    parse_date,
    parse_minute,
    parse_red_cards,
    parse_score,
    positive_sims,
    print_json,
    print_whole,
    season_title,
    stepped,
)
from matchday.errors import ConfigError
from matchday.forecast.competition import CompetitionForecast
from matchday.forecast.outlook import TieOutlook, outlook
from matchday.forecast.ratings import Basis, TeamRating
from matchday.forecast.season import as_it_stood, forecast_season
from matchday.forecast.tie import TieForecast
from matchday.io.schemas import (
    AggregateJSON,
    CompetitionForecastJSON,
    InPlayJSON,
    LegOutlookJSON,
    ModelJSON,
    RatingJSON,
    TeamForecastJSON,
    TieForecastJSON,
)
from matchday.io.snapshot import Snapshot, choose_snapshot, load_snapshot
from matchday.live import MatchState, state_at
from matchday.model import REGULAR_TIME, Season, Team, Tie, is_final
from matchday.rules import Outcome
from matchday.select import find_tie

__all__ = [
    "RECENT_DAYS",
    "ModelOption",
    "TieRatings",
    "before_first_match_note",
    "draws_summary",
    "forecast",
    "model_json",
    "note_ratings_age",
    "percent",
    "pick_model",
    "ratings_age_note",
    "tie_at",
    "tie_ratings",
]

ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--model",
        help="Ratings file from matchday fit; default: the newest shipped ratings fitted "
        "only on results before the forecast date.",
        show_default=False,
    ),
]


def pick_model(model: Path | None, on: dt.date, season: Season | None = None) -> Snapshot:
    """The ratings to forecast with on ``on``: a given file, or a shipped snapshot; never
    ratings that rest on results from ``on`` or later. For ``season``'s clubs: a national cup
    rates a club the model never saw below its country's known clubs (``domestic_view``)."""
    if model is None:
        snapshot = choose_snapshot(on)
    else:
        snapshot = load_snapshot(model)
        if snapshot.ratings.as_of > on:
            raise ConfigError(
                f"{model}: fitted on results up to {snapshot.ratings.as_of}, after the forecast "
                f"date {on} (that would be look-ahead; fit with --before {on})"
            )
    if season is None:
        return snapshot
    teams = {team for match in season.matches for team in (match.home, match.away)}
    return dataclasses.replace(snapshot, ratings=snapshot.ratings.domestic_view(teams))


def _first_unplayed(tie: Tie) -> int | None:
    return next((i for i, leg in enumerate(tie.legs) if not leg.played), None)


def tie_at(tie: Tie, in_play: bool, as_of: dt.date | None) -> tuple[Tie, dt.date, int]:
    """The tie as it stood, the date to forecast on and the leg (1-based) that is or would be
    in play. Asked in play about a finished tie, it replays the last leg; about a tie whose
    second leg is not in the file yet (``Tie.second_leg_to_come``), that second leg, which
    has no fixture to play it from (an error then, not the first leg replayed)."""
    if as_of is None and in_play and not tie.second_leg_to_come:
        pending = _first_unplayed(tie)
        as_of = tie.legs[pending if pending is not None else -1].date
    stood = as_it_stood(tie, as_of)
    pending = _first_unplayed(stood)
    on = as_of or (
        stood.legs[pending].date
        if pending is not None
        else stood.last_match.date + dt.timedelta(days=1)
    )
    if pending is None and stood.second_leg_to_come:
        return stood, on, 2
    return stood, on, (pending if pending is not None else len(stood.legs) - 1) + 1


ROUNDING = 1e-9
"""How far a sum of many probabilities may land from 1 by rounding alone (the tolerance a
``TieForecast`` is checked to): extra time summed over every score once it has begun."""


def percent(p: float) -> str:
    """A probability for people: one decimal, but never 0.0% or 100.0% for what may happen
    (a rounding error short of 1 is certain, not ">99.9%")."""
    if 0 < p < 0.0005:
        return "<0.1%"
    if 0.9995 <= p < 1 - ROUNDING:
        return ">99.9%"
    return f"{p:.1%}"


def _rating_model(rating: TeamRating) -> RatingJSON:
    return RatingJSON(
        attack=round(rating.attack, 4),
        defence=round(rating.defence, 4),
        matches=rating.matches,
        basis=rating.basis.value,
        explanation=rating.explanation,
    )


@dataclasses.dataclass(frozen=True, slots=True)
class TieRatings:
    """The ratings a tie is forecast with (``snapshot.source``: where they come from), why they
    were taken for want of the data (``missing``, as ``model_json`` says it), whether they are
    national teams' and the side of a single match at home (a host nation)."""

    snapshot: Snapshot
    missing: str | None = None
    national: bool = False
    host: Team | None = None


def _tie_json(
    view: TieOutlook, used: TieRatings, on: dt.date, note: str | None = None
) -> dict[str, Any]:
    """The shape ``TieForecastJSON``; ``note``: ``before_first_match_note``."""
    snapshot = used.snapshot
    tie, f = view.tie, view.forecast
    moment = view.moment
    first = tie.first_leg.score
    common: dict[str, Any] = {
        "round": tie.round,
        "team1": tie.team1.name,
        "team2": tie.team2.name,
        "rules": view.rules.name,
        "date": on.isoformat(),
        "stage": view.stage,
        "model": model_json(snapshot.source, snapshot.ratings.as_of, on, used.missing),
        "first_leg": None if first is None else [first.home, first.away],
        "in_play": None
        if moment is None
        else InPlayJSON(
            leg=moment.fixture.leg,
            score=[moment.score.home, moment.score.away],
            minute=moment.minute,
            added=moment.added,
            red_cards=list(moment.sent_off),
        ),
        "legs": [
            LegOutlookJSON(
                home=leg.home.team.name,
                away=leg.away.team.name,
                expected_goals=[round(leg.home_goals, 4), round(leg.away_goals, 4)],
            )
            for leg in view.legs
        ],
        "ratings": {
            tie.team1.name: _rating_model(view.legs[0].home),
            tie.team2.name: _rating_model(view.legs[0].away),
        },
        "note": note,
    }
    if f is None:
        winner = view.outcome.winner
        shape = TieForecastJSON(
            **common,
            through={
                tie.team1.name: float(winner == tie.team1),
                tie.team2.name: float(winner == tie.team2),
            },
            extra_time=None,
            penalties=None,
            expected_aggregate=_real_aggregate(view.outcome),
            aggregates=[],
            explanation=view.outcome.explanation,
        )
    else:
        shape = TieForecastJSON(
            **common,
            through={tie.team1.name: f.team1_through, tie.team2.name: f.team2_through},
            extra_time=f.extra_time,
            penalties=f.penalties,
            replay=f.replay,
            lots=f.lots,
            expected_aggregate=[round(x, 4) for x in f.expected_aggregate],
            aggregates=[
                AggregateJSON(aggregate=[s.home, s.away], probability=p)
                for s, p in f.likely_aggregates(10)
            ],
            explanation=_explain(view),
        )
    return shape.json_data()


def _real_aggregate(outcome: Outcome) -> list[float] | None:
    """A decided tie's final aggregate, team 1 first (extra time included; of a tie won in a
    replay, the replay's score), as ``expected_aggregate`` says it; ``None`` without one."""
    agg = outcome.aggregate
    return None if agg is None else [float(agg.team1), float(agg.team2)]


def _explain(view: TieOutlook) -> str:
    f = view.forecast
    assert f is not None
    tie = view.tie
    fav, p = (
        (tie.team1, f.team1_through)
        if f.team1_through >= f.team2_through
        else (tie.team2, f.team2_through)
    )
    return (
        f"{fav} {_chance_verb(tie)} with probability {p:.1%} ({view.stage}); "
        f"extra time {f.extra_time:.1%}, penalties {f.penalties:.1%}{_level_text(f)}"
    )


def _level_text(f: TieForecast) -> str:
    """The share a replay or the drawing of lots decides, where the rules have one."""
    if f.rules.replay:
        return f", replay {f.replay:.1%}"
    return f", drawing of lots {f.lots:.1%}" if f.rules.lots else ""


def _chance_verb(tie: Tie) -> str:
    """What the explanation's chance is of, as ``_chance_heading`` says it."""
    return "win the final" if tie.single_match and is_final(tie.round) else "go through"


def _chance_heading(tie: Tie) -> str:
    """What the table's chance is of: winning a final played as one match, else going
    through."""
    return "P(win)" if tie.single_match and is_final(tie.round) else "P(through)"


def _print_tie(view: TieOutlook, used: TieRatings, on: dt.date, note: str | None) -> None:
    data = _tie_json(view, used, on, note)
    tie = view.tie
    console.print(
        f"[bold]{tie.team1} v {tie.team2}[/] ({tie.round}) — {view.stage}, rules {view.rules.name}"
    )
    if view.host is not None:
        console.print(f"  {view.host} at home (the host nation)")
    if view.moment is not None:
        console.print(f"  {_moment_text(view.moment)}")
    for leg in view.legs:
        console.print(
            f"  expected goals {leg.home.team} {leg.home_goals:.2f}-{leg.away_goals:.2f} "
            f"{leg.away.team}"
        )
    for side in (view.legs[0].home, view.legs[0].away):
        console.print(f"  {side.team}: {side.explanation}")
    table = Table(title_justify="left")
    table.add_column("Team")
    table.add_column(_chance_heading(tie), justify="right")
    for name, p in data["through"].items():
        table.add_row(name, percent(p))
    print_whole(table)
    if view.forecast is None:
        console.print(view.outcome.explanation)
        _print_ratings(used, on, note)
        return
    if view.spread:
        low, high = math.exp(-view.spread), math.exp(view.spread)
        console.print(
            f"the ratings' uncertainty is carried in: each side's goal rate ×{low:.2f} to "
            f"×{high:.2f} (one standard deviation; wider for teams rated on few or old matches)"
        )
    level = ""
    if view.rules.replay or view.rules.lots:
        what = "replay" if view.rules.replay else "lots"
        level = f"   P({what}) {percent(data[what])}"
    console.print(
        f"P(extra time) {percent(data['extra_time'])}   P(penalties) {percent(data['penalties'])}"
        f"{level}"
    )
    likely = ", ".join(
        f"{a['aggregate'][0]}-{a['aggregate'][1]} {a['probability']:.1%}"
        for a in data["aggregates"][:5]
    )
    results = "scores" if tie.single_match else "aggregates"
    console.print(f"most likely final {results} ({tie.team1} first): {likely}")
    _print_ratings(used, on, note)


def _print_ratings(used: TieRatings, on: dt.date, note: str | None) -> None:
    """Which ratings were used, and how old; national ones say how they were had ("fitted on
    FOLDER", "shipped FILE") and ``used.missing``, why they were taken for want of the data."""
    snapshot, missing = used.snapshot, used.missing
    as_of = snapshot.ratings.as_of
    if not used.national:
        console.print(f"ratings: {snapshot.source}, fitted on results before {as_of}")
    else:
        console.print(f"national-team ratings {snapshot.source} (results before {as_of})")
    if missing is not None:
        console.print(missing)
    _warn_if_stale(snapshot, on)
    if note is not None:
        console.print(f"[yellow]note: {note}[/]")


def _moment_text(moment: MatchState) -> str:
    """The leg in play as a line: its score at its clock, with any players sent off."""
    match = moment.match
    red = moment.sent_off
    sent_off = f", sent off {red[0]}-{red[1]}" if any(red) else ""
    return f"{match.home} {moment.score} {match.away} at {moment.clock}{sent_off}"


RECENT_DAYS = 31
"""Ratings fitted more than a month before the forecast date leave out the results since:
every forecast (text and JSON) says how old they are then."""


def ratings_age_note(as_of: dt.date, on: dt.date) -> str | None:
    """One line saying how old the ratings fitted on results before ``as_of`` are on ``on``,
    when that is more than ``RECENT_DAYS``; else ``None``."""
    age = (on - as_of).days
    if age <= RECENT_DAYS:
        return None
    return (
        f"the ratings were fitted {age} days before {on} (on results before {as_of}; none "
        f"since count); for fresher ratings run matchday fit --before {on} -o FILE and pass "
        f"--model FILE"
    )


def model_json(source: str, as_of: dt.date, on: dt.date, missing: str | None = None) -> ModelJSON:
    """The ``model`` key of a forecast made on ``on``: the ratings' file, the day before which
    they were fitted, how many days before ``on`` that is, and the note when they are old or
    were taken for want of the data (``missing``)."""
    notes = [n for n in (ratings_age_note(as_of, on), missing) if n]
    return ModelJSON(
        file=source,
        as_of=as_of.isoformat(),
        age_days=(on - as_of).days,
        note="; ".join(notes) or None,
    )


def before_first_match_note(season: Season, on: dt.date) -> str | None:
    """One line when ``on`` is before the first match of ``season``'s file: the forecast takes
    its teams and fixtures as the file has them, though they may not have been known that day
    (the qualifiers or the draw still to come); else ``None``."""
    first = min((m.date for m in season.matches if m.dated), default=None)
    if first is None or on >= first:
        return None
    return (
        f"{on} is before the first match in the file ({first}): its teams and fixtures are "
        f"taken as the file has them, though they may not have been known on {on}"
    )


def note_ratings_age(as_of: dt.date, on: dt.date) -> None:
    """Print ``ratings_age_note`` when the ratings are old."""
    if (note := ratings_age_note(as_of, on)) is not None:
        console.print(f"[yellow]note: {note}[/]")


def _warn_if_stale(snapshot: Snapshot, on: dt.date) -> None:
    note_ratings_age(snapshot.ratings.as_of, on)


def simulations(count: int) -> str:
    """``100,000 simulations``, ``1 simulation``: the count said in the forecasts' footers."""
    return f"{count:,} simulation{'' if count == 1 else 's'}"


def draws_summary(f: CompetitionForecast) -> str:
    """The draws still to come in words: "open draw", or each draw with the rounds it pairs."""
    named = [(r, d) for r, d in zip(f.rounds, f.draws, strict=True) if d is not None]
    kinds = list(dict.fromkeys(d for _, d in named))
    if len(kinds) <= 1:
        return kinds[0] if kinds else "every round drawn"
    return "; ".join(f"{kind} ({', '.join(r for r, d in named if d == kind)})" for kind in kinds)


def _draws_caption(f: CompetitionForecast) -> str:
    if all(d is None for d in f.draws):
        return "every round still to play already drawn"
    return f"rounds not yet drawn: {draws_summary(f)}"


def _competition_json(
    season: Season, f: CompetitionForecast, snapshot: Snapshot, on: dt.date
) -> dict[str, Any]:
    """The shape ``CompetitionForecastJSON``."""
    return CompetitionForecastJSON(
        competition=season.competition,
        season=season.name,
        date=on.isoformat(),
        model=model_json(snapshot.source, snapshot.ratings.as_of, on),
        simulations=int(f.simulations),
        seed=None if f.seed is None else int(f.seed),
        draw=draws_summary(f),
        draws=dict(zip(f.rounds, f.draws, strict=True)),
        rounds=list(f.rounds),
        teams=[
            TeamForecastJSON(
                name=f.teams[t].name,
                country=f.teams[t].country,
                reach={r: float(f.reach[t, i]) for i, r in enumerate(f.rounds)},
                win=float(f.win[t]),
                rating=_rating_model(snapshot.ratings.rating(f.teams[t])),
            )
            for t in f.ranking()
        ],
        note=before_first_match_note(season, on),
    ).json_data()


def _print_competition(
    season: Season, f: CompetitionForecast, snapshot: Snapshot, on: dt.date
) -> None:
    table = Table(
        title=f"{season_title(season)} — as it stood on {on}",
        title_justify="left",
        caption=f"{simulations(f.simulations)} (seed {f.seed}); {_draws_caption(f)}; "
        f"ratings fitted before {snapshot.ratings.as_of}",
    )
    # a round already drawn has its teams known: its column says nothing
    first = 1 if f.draws[0] is None else 0
    table.add_column("Team")
    for name in f.rounds[first:]:
        table.add_column(name, justify="right")
    table.add_column("Win", justify="right", style="bold")
    for t in f.ranking():
        if f.reach[t, 1:].any():
            table.add_row(f.teams[t].name, *(percent(p) for p in f.reach[t, first:]))
    print_whole(table)
    _note_unrated([f.teams[t] for t in f.ranking() if f.win[t] > 0], snapshot)
    _warn_if_stale(snapshot, on)
    if (early := before_first_match_note(season, on)) is not None:
        console.print(f"[yellow]note: {early}[/]")


SHOWN = 6
"""Teams named in a note before "and N more"."""


def _note_unrated(teams: list[Team], snapshot: Snapshot) -> None:
    """Name the teams still in whose ratings rest on no results of their own (their country's
    level, or the average side's): a forecast that treats them alike says so."""
    said = {
        Basis.AVERAGE: "the average side",
        Basis.COUNTRY: "their country's level",
        Basis.FLOOR: "the weakest club of their country known",
    }
    levels: dict[Basis, list[str]] = {}
    for team in teams:
        if (basis := snapshot.ratings.rating(team).basis) is not Basis.FITTED:
            named = team.name if team.country is None else f"{team.name} ({team.country})"
            levels.setdefault(basis, []).append(named)
    for basis, names in levels.items():
        shown = ", ".join(names[:SHOWN]) + (
            f" and {len(names) - SHOWN} more" * (len(names) > SHOWN)
        )
        console.print(
            f"[yellow]note: no results of their own in the model, rated at {said[basis]}: "
            f"{shown}[/]"
        )


def forecast(
    source: SourceArgument,
    tie_team: Annotated[
        str | None, typer.Option("--tie", help="Forecast the tie of this team.")
    ] = None,
    round_name: TieRoundOption = None,
    score: Annotated[
        str | None,
        typer.Option(
            "--score",
            help="Score of the leg in play, H-A, extra-time goals included.",
        ),
    ] = None,
    minute: Annotated[
        str | None,
        typer.Option(
            "--minute",
            help="Minute of the leg in play: 0 to 120, added time as 45+2 or 90+3 (past 90: "
            "extra time, the tie level after 90 minutes).",
        ),
    ] = None,
    red: Annotated[
        str | None, typer.Option("--red", help="Players sent off in the leg in play, H-A.")
    ] = None,
    sims: Annotated[int, typer.Option("--sims", help="Simulated competitions.")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the simulation.")] = 0,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Forecast as things stood on this date (YYYY-MM-DD)."),
    ] = None,
    model: ModelOption = None,
    rules_name: RulesOption = None,
    as_json: JsonOption = False,
    keep_going: KeepGoingOption = False,
    international: InternationalOption = None,
    uncertainty: Annotated[
        float | None,
        typer.Option(
            "--uncertainty",
            min=0.0,
            help="Variance scale of the ratings' uncertainty carried into the forecast (0: the "
            "point forecast). Default, as chosen on earlier seasons: 1 for a tie before or "
            "between its legs, 0 for a World Cup or Euro simulation.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Forecast a tie (--tie; in play with --score and --minute) or the rest of the competition."""
    known = load_competition(source, rules_name, keep_going=keep_going)
    season, rules = known.season, known.ties_rules
    date = parse_date(as_of) if as_of else None
    undated = sum(not m.dated for m in season.matches)
    if date is not None and undated:
        raise ConfigError(
            f"{season.source or season.competition}: --as-of needs dated matches, and {undated} "
            f"of its {len(season.matches)} have no day: none can be placed before or after {date}"
        )
    national = competitions.of(season.competition).national_teams
    if (score is None) != (minute is None):
        raise ConfigError("--score and --minute go together")
    if red is not None and score is None:
        raise ConfigError("--red needs --score and --minute: the leg in play")
    if tie_team is None:
        if score is not None or round_name is not None:
            raise ConfigError("--score, --minute and --round need --tie")
        positive_sims(sims)
        if national and rules_name is not None:
            raise ConfigError(
                f"--rules {rules_name}: a World Cup or Euro forecast plays each knockout match "
                "under the edition's own rules (the era's extra time, then penalties); --rules "
                "applies to one tie (--tie TEAM --round NAME)"
            )
        if national:
            # imported here: cli.tournament uses this module's helpers
            from matchday.cli.tournament import run_tournament

            if uncertainty is None:
                run_tournament(season, date, model, sims, seed, as_json, folder=international)
            else:
                run_tournament(
                    season, date, model, sims, seed, as_json, uncertainty, folder=international
                )
            return
        played = [m.date for m in season.matches if m.played and (date is None or m.date < date)]
        on = date or (max(played) + dt.timedelta(days=1) if played else season.matches[0].date)
        snapshot = pick_model(model, on, season)
        with stepped("forecast", 3) as step:
            result = forecast_season(
                season, snapshot.ratings, rules, as_of=date, simulations=sims, seed=seed,
                progress=step, settle=known.tie_outcome,
            )  # fmt: skip
        if as_json:
            print_json(_competition_json(season, result, snapshot, on))
        else:
            _print_competition(season, result, snapshot, on)
        return
    tie, on, leg = tie_at(find_tie(season, tie_team, round_name, date), score is not None, date)
    rules = known.tie_rules(tie)
    moment = None
    if score is not None and minute is not None:
        at, added = parse_minute(minute)
        if at > REGULAR_TIME and not rules.extra_time:
            raise ConfigError(
                f"{tie.label}: rules {rules.name} have no extra time; --minute stops at 90 "
                f"(added time as 90+3)"
            )
        sent_off = parse_red_cards(red) if red else (0, 0)
        moment = state_at(tie, rules, parse_score(score), at, added, leg=leg, red_cards=sent_off)
    used = tie_ratings(season, tie, on, model, international)
    ratings, host = used.snapshot.ratings, used.host
    settled = known.tie_outcome(tie) if all(m.played for m in tie.matches) else None
    decided = settled if settled is not None and settled.winner is not None else None
    if uncertainty is None:
        view = outlook(tie, ratings, rules, moment, decided=decided, host=host)
    else:
        view = outlook(tie, ratings, rules, moment, uncertainty, decided, host)
    early = before_first_match_note(season, on)
    if as_json:
        print_json(_tie_json(view, used, on, early))
    else:
        _print_tie(view, used, on, early)


def tie_ratings(
    season: Season, tie: Tie, on: dt.date, model: Path | None, folder: Path | None = None
) -> TieRatings:
    """The ratings to forecast ``tie`` of ``season`` with on ``on`` (only results before it):
    clubs by ``pick_model``; national teams by the national ratings (fitted on the
    internationals of ``folder``, else shipped) with the host nation at home
    (``cli.tournament.national_tie``)."""
    if not competitions.of(season.competition).national_teams:
        return TieRatings(pick_model(model, on, season))
    # imported here: cli.tournament uses this module's helpers
    from matchday.cli.tournament import national_tie

    found = national_tie(season, tie, on, model, folder)
    rated = found.rated
    snapshot = Snapshot(rated.ratings, "", (), rated.source)
    return TieRatings(snapshot, rated.missing, national=True, host=found.host)
