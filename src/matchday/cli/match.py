"""``matchday match``: a forecast for any two teams, national or club, on a date and ground.

National teams are rated from the internationals before the date (the data folder given by
``--international``, fitted on the spot; without it, the newest shipped national ratings
fitted before the date), with World Football Elo beside them. Clubs are rated by the newest
shipped club ratings fitted before the date (or ``--model FILE``). A ``--knockout`` match is
played out to extra time and penalties exactly as a club tie is (``forecast_tie``). The
forecast is averaged over the ratings' uncertainty (``forecast.uncertainty``: wider for a team
rated on few or old matches; ``--uncertainty 0`` gives the point forecast).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel, ConfigDict
from rich.table import Table

from matchday.cli.common import (
    InternationalOption,
    JsonOption,
    console,
    parse_date,
    print_json,
    print_whole,
)
from matchday.cli.fit import fit_national_ratings
from matchday.cli.match_names import Nations, did_you_mean, find, find_national, suggest_clubs
from matchday.cli.tournament import international_folder
from matchday.errors import ConfigError
from matchday.forecast.elo import HOME_ADVANTAGE as ELO_HOME
from matchday.forecast.elo import expected_result, run_elo
from matchday.forecast.national import no_finite_fit
from matchday.forecast.ratings import Ratings, TeamRating
from matchday.forecast.tie import LegRates
from matchday.forecast.uncertainty import (
    CLUB_MATCH_SCALE,
    NATIONAL_MATCH_SCALE,
    match_spread,
    mixed_grid,
    uncertain_single,
)
from matchday.io.international import RESULTS, load_international
from matchday.io.snapshot import (
    Snapshot,
    choose_national,
    choose_snapshot,
    load_snapshot,
)
from matchday.model import Team
from matchday.rules import ALL_PRESETS, preset
from matchday.rules.presets import EXTRA_TIME_PENALTIES

__all__ = ["MatchForecastJson", "match"]


class Ground(StrEnum):
    """Where the match is played: at the first team's home, or on neutral ground."""

    HOME = "home"
    NEUTRAL = "neutral"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Probabilities(_Model):
    """P(home win), P(draw), P(away win) after 90 minutes."""

    home: float
    draw: float
    away: float


class TeamRatingJson(_Model):
    """A side's matchday rating: attack and defence (log goals against the average side)."""

    name: str
    attack: float
    defence: float
    matches: int
    basis: str
    explanation: str
    faded: bool = False


class EloJson(_Model):
    """World Football Elo ratings before the match and the home side's expected result."""

    home: float
    away: float
    expected_result: float


class RatingsJson(_Model):
    """What the forecast rests on."""

    kind: str
    source: str
    as_of: dt.date
    home: TeamRatingJson
    away: TeamRatingJson
    elo: EloJson | None


class KnockoutJson(_Model):
    """A match that must have a winner: extra time, then penalties, under the preset ``rules``
    (a golden or silver goal may end extra time early)."""

    home_through: float
    away_through: float
    extra_time: float
    penalties: float
    rules: str
    replay: float = 0.0
    """P(a replay), under rules that replay a level match; the through chances include it."""
    lots: float = 0.0
    """P(lots are drawn, a coin toss), under rules that draw them."""


class UncertaintyJson(_Model):
    """The ratings' uncertainty the forecast is averaged over: ``spread`` is the standard
    deviation (log goals) of each side's goal rate, from how many and how recent the matches
    the two ratings rest on, times the variance ``scale`` (0: the point forecast)."""

    scale: float
    spread: float
    explanation: str


class MatchForecastJson(_Model):
    """The JSON of ``matchday match``. ``home``/``away``: the teams as they played on the date
    (the Soviet Union in 1972), ``ratings.home.name``/``ratings.away.name`` the team rated
    through its history (Russia); ``data_end``: the last day of the international results, for
    a match after it (rated as they stood then)."""

    home: str
    away: str
    date: dt.date
    ground: Ground
    probabilities: Probabilities
    expected_goals: tuple[float, float]
    most_likely_score: tuple[int, int]
    ratings: RatingsJson
    knockout: KnockoutJson | None
    uncertainty: UncertaintyJson | None = None
    data_end: dt.date | None = None


def _team_json(rating: TeamRating) -> TeamRatingJson:
    return TeamRatingJson(
        name=rating.team.name,
        attack=round(rating.attack, 4),
        defence=round(rating.defence, 4),
        matches=rating.matches,
        basis=str(rating.basis),
        explanation=rating.explanation,
        faded=rating.faded,
    )


@dataclass(frozen=True, slots=True)
class _National:
    """National ratings for the two teams, where they come from, Elo, and the last day of the
    results they rest on when the match is later (``None``: not later)."""

    ratings: Ratings
    source: str
    elo: EloJson | None
    data_end: dt.date | None = None


def _national(
    home: str, away: str, on: dt.date, folder: Path, nations: Nations
) -> _National | None:
    """National ratings (and Elo) for the two names, or ``None`` if either is no national
    team. Fitted on the internationals read (as of the day after the last of them, for a
    match after it: the ratings do not fade over days nobody played), else the shipped
    snapshot."""
    data = nations.data
    if data is not None:
        if not all(nations.knows(n, on) for n in (home, away)):
            return None
        end = nations.end
        after = end is not None and on > end + dt.timedelta(days=1)
        as_of = end + dt.timedelta(days=1) if after and end is not None else on
        ratings, _ = fit_national_ratings(folder, as_of, data=data)
        h, a = find_national(ratings, home, on), find_national(ratings, away, on)
        if h is None or a is None:
            return None
        elo = run_elo(r.elo() for r in data.results if r.date < on)
        source = f"fitted on {folder}"
        return _National(
            ratings, source, _elo(elo.rating(h), elo.rating(a)), end if after else None
        )
    snapshot = choose_national(on)
    ratings = snapshot.ratings
    if find_national(ratings, home, on) is None or find_national(ratings, away, on) is None:
        return None
    return _National(ratings, f"shipped {snapshot.source}", None)


def _given_model(model: Path, on: dt.date) -> Snapshot:
    """The ratings file ``--model`` names, refused when fitted on results from ``on`` on (as
    ``forecast --model`` refuses it): that would be look-ahead."""
    snapshot = load_snapshot(model)
    if snapshot.ratings.as_of > on:
        raise ConfigError(
            f"{model}: fitted on results up to {snapshot.ratings.as_of}, after the match date "
            f"{on} (that would be look-ahead)"
        )
    return snapshot


def _national_in(
    snapshot: Snapshot, home: str, away: str, on: dt.date, model: str
) -> _National | None:
    """The ratings file ``model`` as national ratings, when it rates both names as national
    teams (a file of ``matchday fit --international``), else ``None``: a club file."""
    ratings = snapshot.ratings
    if find_national(ratings, home, on) is None or find_national(ratings, away, on) is None:
        return None
    return _National(ratings, f"from {model}", None)


def _no_ratings(home: str, away: str, on: dt.date, nations: Nations, club: ConfigError) -> str:
    """Why neither national nor club ratings forecast the two names on ``on``, with the
    remedy that fits them: a name that is a national team of the data (at any date) or of the
    shipped national ratings asks for the internationals, not for a club fit (``club``)."""
    national = [n for n in (home, away) if nations.knows(n)]
    if nations.data is None:
        give = "give the international data folder: --international ../shared/data/international"
        if national:
            return (
                f"{' and '.join(repr(n) for n in national)}: national "
                f"{'team' if len(national) == 1 else 'teams'} with no shipped national-team "
                f"ratings from before {on}; {give}"
            )
        return (
            f"{home!r} and {away!r}: no international results folder to rate national teams "
            f"from ({give}), and {club}"
        )
    missing = (n for n in (home, away) if not nations.knows(n, on))
    hint = "".join(f"; {n!r}: none{did_you_mean(nations.close(n, on))}" for n in missing)
    reason = (
        f"{home!r} and {away!r} are not two national teams of the international results "
        f"before {on}{hint}"
    )
    return reason if national else f"{reason}, and {club}"


def _unknown(
    names: tuple[str, str], found: tuple[Team | None, Team | None], clubs: Ratings,
    on: dt.date, nations: Nations,
) -> str:  # fmt: skip
    """The name of the two that is no national team and no club the ratings know, with the
    closest names of the other side's kind: national teams against a national team, clubs
    against a club, both when neither side is known."""
    missing = [i for i in (0, 1) if found[i] is None]
    unknown = [i for i in missing if not nations.knows(names[i])] or missing
    i = unknown[0]
    name, other = names[i], names[1 - i]
    if found[1 - i] is not None:
        close = suggest_clubs(name, clubs)
    elif nations.knows(other):
        close = nations.close(name, on)
    else:
        close = nations.close(name, on) + suggest_clubs(name, clubs)
    return f"{name!r} is no national team and no club the ratings know{did_you_mean(close)}"


def _elo(home: float, away: float) -> EloJson:
    return EloJson(home=round(home, 1), away=round(away, 1), expected_result=0.0)


def match(
    home: Annotated[str, typer.Argument(help="The first-named team (at home with --ground home).")],
    away: Annotated[str, typer.Argument(help="The other team.")],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Match date (YYYY-MM-DD; default: today); only results before it are used.",
        ),
    ] = None,
    ground: Annotated[
        Ground, typer.Option("--ground", help="home: HOME plays at home; neutral: nobody does.")
    ] = Ground.HOME,
    knockout: Annotated[
        bool, typer.Option("--knockout", help="Must have a winner: extra time, then penalties.")
    ] = False,
    rules_name: Annotated[
        str | None,
        typer.Option(
            "--rules",
            help=f"Rules preset of a --knockout match ({', '.join(ALL_PRESETS)}); default: "
            f"{EXTRA_TIME_PENALTIES.name} (30 minutes of extra time, then penalties).",
            show_default=False,
        ),
    ] = None,
    international: InternationalOption = None,
    model: Annotated[
        Path | None,
        typer.Option(
            "--model",
            help="Ratings file, of clubs or of national teams, fitted before --date (default: "
            "the shipped club ratings; national teams fitted on the internationals).",
            show_default=False,
        ),
    ] = None,
    uncertainty: Annotated[
        float | None,
        typer.Option(
            "--uncertainty",
            min=0.0,
            help="Variance scale of the ratings' uncertainty the forecast is averaged over "
            f"(0: the point forecast; default {NATIONAL_MATCH_SCALE:g} for national teams, "
            f"{CLUB_MATCH_SCALE:g} for clubs, as chosen on earlier seasons).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Forecast one match between any two teams, national or club."""
    on = parse_date(date) if date else dt.datetime.now(dt.UTC).date()
    rules = EXTRA_TIME_PENALTIES if rules_name is None else preset(rules_name)
    if rules_name is not None and not knockout:
        raise ConfigError("--rules settles a --knockout match: give --knockout as well")
    folder = international_folder(international)
    nations = Nations(load_international(folder) if (folder / RESULTS).is_file() else None)
    neutral = ground is Ground.NEUTRAL
    no_national: ConfigError | None = None
    given = _given_model(model, on) if model is not None else None
    try:
        if given is not None:
            found = _national_in(given, home, away, on, str(model))
        else:
            found = _national(home, away, on, folder, nations)
    except ConfigError as err:  # no national ratings that early: two clubs may still be asked
        found, no_national = None, err
    data_end = None
    if found is not None and no_finite_fit(found.ratings):
        raise ConfigError(
            f"the internationals before {found.ratings.as_of} ({found.source}) are too few to "
            "rate national teams on: the fit has no finite answer (its goal level runs to its "
            "bound, as after one 0-0); "
            "no forecast"
        )
    if found is not None:
        ratings, source, elo, european = found.ratings, found.source, found.elo, True
        data_end = found.data_end
        kind = "national"
        h, a = find_national(ratings, home, on), find_national(ratings, away, on)
    else:
        try:
            snapshot = given if given is not None else choose_snapshot(on)
        except ConfigError as err:  # no club ratings that early: say why no national ones
            raise ConfigError(_no_ratings(home, away, on, nations, err)) from None
        ratings, source, elo, kind = snapshot.ratings, snapshot.source, None, "club"
        h, a = find(ratings, home), find(ratings, away)
        if (h is None or a is None) and no_national is not None:
            raise no_national
        if (h is None) != (a is None) and nations.knows(home if h is None else away, on):
            national, club = (home, a) if h is None else (away, h)
            raise ConfigError(
                f"{national!r} is a national team and {club} a club: a club and a national "
                "team cannot be forecast against each other"
            )
        if h is None or a is None:
            unknown = _unknown((home, away), (h, a), ratings, on, nations)
            raise ConfigError(unknown if model is None else f"{unknown} (ratings {model})")
        european = h.country != a.country
    assert h is not None
    assert a is not None
    if h == a:
        raise ConfigError(f"{home!r} and {away!r} are both {h}: a team cannot play itself")
    rates = ratings.expected(h, a, neutral=neutral, european=european)
    if uncertainty is None:
        uncertainty = NATIONAL_MATCH_SCALE if kind == "national" else CLUB_MATCH_SCALE
    spread = match_spread(ratings, h, a, uncertainty)
    grid = mixed_grid(rates.home_goals, rates.away_goals, spread, rates.rho)
    if elo is not None:
        dr = elo.home - elo.away + (0.0 if neutral else ELO_HOME)
        elo = EloJson(home=elo.home, away=elo.away, expected_result=round(expected_result(dr), 4))
    ko = None
    if knockout:
        tie = uncertain_single(
            ratings,
            h,
            a,
            LegRates(rates.home_goals, rates.away_goals),
            rules,
            rho=rates.rho,
            scale=uncertainty,
        )
        ko = KnockoutJson(
            home_through=round(tie.team1_through, 4),
            away_through=round(tie.team2_through, 4),
            extra_time=round(tie.extra_time, 4),
            penalties=round(tie.penalties, 4),
            rules=rules.name,
            replay=round(tie.replay, 4),
            lots=round(tie.lots, 4),
        )
    p = grid.outcome
    result = MatchForecastJson(
        home=nations.then(h, on) if kind == "national" else h.name,
        away=nations.then(a, on) if kind == "national" else a.name,
        date=on,
        ground=ground,
        probabilities=Probabilities(home=round(p[0], 4), draw=round(p[1], 4), away=round(p[2], 4)),
        expected_goals=(round(rates.home_goals, 3), round(rates.away_goals, 3)),
        most_likely_score=grid.most_likely(),
        ratings=RatingsJson(
            kind=kind,
            source=source,
            as_of=ratings.as_of,
            home=_team_json(rates.home),
            away=_team_json(rates.away),
            elo=elo,
        ),
        knockout=ko,
        uncertainty=UncertaintyJson(
            scale=uncertainty, spread=round(spread, 4), explanation=_spread_note(spread)
        ),
        data_end=data_end,
    )
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    _print(result)


def _spread_note(spread: float) -> str:
    """The uncertainty carried, in a sentence (as ``matchday forecast --tie`` says it)."""
    if not spread:
        return "the point forecast: the ratings' uncertainty is not carried"
    low, high = math.exp(-spread), math.exp(spread)
    return (
        f"the ratings' uncertainty is carried in: goal rates ×{low:.2f} to ×{high:.2f} (one s.d.)"
    )


def _print(f: MatchForecastJson) -> None:
    where = "neutral ground" if f.ground is Ground.NEUTRAL else f"at {f.home}"
    table = Table(title=f"{f.home} v {f.away}, {f.date} ({where})", title_justify="left")
    for column in ("", f.home, "draw", f.away):
        table.add_column(column, justify="left" if not column else "right")
    pr = f.probabilities
    table.add_row("after 90 minutes", f"{pr.home:.1%}", f"{pr.draw:.1%}", f"{pr.away:.1%}")
    table.add_row("expected goals", f"{f.expected_goals[0]:.2f}", "", f"{f.expected_goals[1]:.2f}")
    if f.knockout:
        ko = f.knockout
        table.add_row("goes through", f"{ko.home_through:.1%}", "", f"{ko.away_through:.1%}")
    r = f.ratings
    table.add_row(
        "attack / defence",
        f"{r.home.attack:+.2f} / {r.home.defence:+.2f}",
        "",
        f"{r.away.attack:+.2f} / {r.away.defence:+.2f}",
    )
    if r.elo:
        table.add_row("World Football Elo", f"{r.elo.home:.0f}", "", f"{r.elo.away:.0f}")
    print_whole(table)
    if f.knockout:
        ko = f.knockout
        under = "" if ko.rules == EXTRA_TIME_PENALTIES.name else f" (rules: {ko.rules})"
        level = f", replay {ko.replay:.1%}" if ko.replay else ""
        level += f", drawing of lots {ko.lots:.1%}" if ko.lots else ""
        console.print(f"extra time {ko.extra_time:.1%}, penalties {ko.penalties:.1%}{level}{under}")
    h, s = f.most_likely_score
    console.print(f"most likely score {h}-{s}; {r.kind} ratings as of {r.as_of} ({r.source})")
    if f.data_end is not None:
        console.print(
            f"the international results end on {f.data_end}: rated as they stood then, "
            f"{(f.date - f.data_end).days} days before the match"
        )
    rated = [(shown, side.name) for shown, side in ((f.home, r.home), (f.away, r.away))]
    if any(shown != name for shown, name in rated):
        console.print(
            "rated through their history: "
            + ", ".join(f"{shown} as {name}" for shown, name in rated if shown != name)
        )
    if f.uncertainty is not None:
        console.print(f.uncertainty.explanation)
    if r.elo:
        console.print(f"Elo's expected result for {f.home}: {r.elo.expected_result:.3f}")
    for side in (r.home, r.away):
        if side.faded:
            console.print(f"{side.name}: {side.explanation}")
