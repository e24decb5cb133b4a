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
import re
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel, ConfigDict
from rapidfuzz import process
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
from matchday.cli.tournament import international_folder
from matchday.errors import ConfigError
from matchday.forecast.elo import HOME_ADVANTAGE as ELO_HOME
from matchday.forecast.elo import expected_result, run_elo
from matchday.forecast.ratings import Ratings, TeamRating, name_key
from matchday.forecast.tie import LegRates
from matchday.forecast.uncertainty import (
    CLUB_MATCH_SCALE,
    NATIONAL_MATCH_SCALE,
    match_spread,
    mixed_grid,
    uncertain_single,
)
from matchday.io.international import load_international
from matchday.io.snapshot import (
    bundled_national,
    choose_national,
    choose_snapshot,
    load_snapshot,
)
from matchday.model import Team
from matchday.model.names import suggestions
from matchday.model.national_names import COMMON_NAMES, results_name
from matchday.rules import UEFA_2021

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
    """A match that must have a winner: extra time, then penalties."""

    home_through: float
    away_through: float
    extra_time: float
    penalties: float


class UncertaintyJson(_Model):
    """The ratings' uncertainty the forecast is averaged over: ``spread`` is the standard
    deviation (log goals) of each side's goal rate, from how many and how recent the matches
    the two ratings rest on, times the variance ``scale`` (0: the point forecast)."""

    scale: float
    spread: float
    explanation: str


class MatchForecastJson(_Model):
    """The JSON of ``matchday match``."""

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


_COUNTRY = re.compile(r"\s*\(([A-Za-z]{3})\)\s*$")


def _find(ratings: Ratings, name: str) -> Team | None:
    """The rated team called ``name`` (its name, else a recorded other spelling; case, accents
    and dots ignored; "Arsenal (ENG)" keeps to one country); an error when it names two."""
    code = _COUNTRY.search(name)
    country = code.group(1).upper() if code else None
    key = name_key(name[: code.start()] if code else name)

    def here(team: Team) -> bool:
        return country is None or team.country == country

    found = {t for t in ratings.teams if name_key(t.name) == key and here(t)}
    if not found:
        found = {t for s, t in ratings.aliases if name_key(s.name) == key and here(t)}
    if len(found) > 1:
        listed = ", ".join(sorted(f"{t.name} ({t.country})" for t in found))
        first = min(found, key=lambda t: (t.country or "", t.name))
        raise ConfigError(
            f"{name!r} names several teams: {listed}; write the country's code after the "
            f"name to pick one ('{name} ({first.country})')"
        )
    return next(iter(found), None)


def _find_national(ratings: Ratings, name: str, on: dt.date | None = None) -> Team | None:
    """The rated national team called ``name`` (on ``on``): as ``_find``, after the table of
    common and FIFA names ("Korea Republic" is South Korea; "Ireland" after 1956 is the
    Republic; ``matchday.model.national_names``)."""
    return _find(ratings, results_name(name, on))


def _suggest(name: str, candidates: list[str]) -> str:
    close = process.extract(name, candidates, limit=3, score_cutoff=70)
    return _did_you_mean([c for c, _, _ in close])


def _national(
    home: str, away: str, on: dt.date, folder: Path | None
) -> tuple[Ratings, str, EloJson | None, bool] | None:
    """National ratings (and Elo) for the two names, or ``None`` if either is no national
    team. Fitted from ``folder`` when it exists, else the shipped snapshot."""
    if folder is not None and (folder / "results.csv").is_file():
        data = load_international(folder)
        known = {name_key(t.name) for r in data.results if r.date < on for t in (r.home, r.away)}
        if not all(name_key(data.names.resolve(n)[0]) in known for n in (home, away)):
            return None
        ratings, _ = fit_national_ratings(folder, on, data=data)
        h, a = _find_national(ratings, home, on), _find_national(ratings, away, on)
        if h is None or a is None:
            return None
        elo = run_elo(r.elo() for r in data.results if r.date < on)
        return ratings, f"fitted on {folder}", _elo(elo.rating(h), elo.rating(a)), True
    snapshot = choose_national(on)
    ratings = snapshot.ratings
    if _find_national(ratings, home, on) is None or _find_national(ratings, away, on) is None:
        return None
    return ratings, f"shipped {snapshot.source}", None, True


def _national_hint(home: str, away: str, on: dt.date, folder: Path) -> str:
    """For each of the two names that no national team of the international results before
    ``on`` goes by, the closest names they hold (as the results, their former names or the
    common names write them: "Zairee": did you mean Zaïre?)."""
    if not (folder / "results.csv").is_file():
        return " (no international results folder to look in)"
    missing = _national_close(folder, on, (home, away))
    return "".join(f"; {name!r}: none{_did_you_mean(close)}" for name, close in missing.items())


def _national_close(folder: Path, on: dt.date, wanted: Iterable[str]) -> dict[str, list[str]]:
    """The names of ``wanted`` that no national team of the results in ``folder`` before
    ``on`` goes by, each with the closest names the results hold then."""
    data = load_international(folder)
    names = {t.name for r in data.results if r.date < on for t in (r.home, r.away)}
    keys = {name_key(n) for n in names}
    others = [f.former for f in data.names.former] + list(COMMON_NAMES)
    spellings = names | {n for n in others if name_key(data.names.resolve(n)[0]) in keys}
    return {
        name: list(suggestions(name, spellings))
        for name in wanted
        if name_key(data.names.resolve(name)[0]) not in keys
    }


def _did_you_mean(close: list[str]) -> str:
    return f" (did you mean {', '.join(close)}?)" if close else ""


def _no_ratings(home: str, away: str, on: dt.date, folder: Path, club: ConfigError) -> str:
    """Why neither national nor club ratings forecast the two names on ``on``, with the
    remedy that fits them: a name that is a national team of the data (at any date) or of the
    shipped national ratings asks for the internationals, not for a club fit (``club``)."""
    national = [n for n in (home, away) if _looks_national(n, folder)]
    if not (folder / "results.csv").is_file():
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
    reason = (
        f"{home!r} and {away!r} are not two national teams of the international results "
        f"before {on}{_national_hint(home, away, on, folder)}"
    )
    return reason if national else f"{reason}, and {club}"


def _looks_national(name: str, folder: Path) -> bool:
    """Whether ``name`` (or its common or former name) is a national team at any date: of the
    international results in ``folder`` when they are there, else of the shipped ratings."""
    if (folder / "results.csv").is_file():
        data = load_international(folder)
        keys = {name_key(t.name) for r in data.results for t in (r.home, r.away)}
        return name_key(data.names.resolve(name)[0]) in keys
    shipped = bundled_national()
    return bool(shipped) and _find_national(shipped[-1].ratings, name) is not None


def _is_national(name: str, on: dt.date, folder: Path) -> bool:
    """Whether the international results before ``on`` hold a national team called ``name``
    (or a former name of one)."""
    if not (folder / "results.csv").is_file():
        return False
    data = load_international(folder)
    keys = {name_key(t.name) for r in data.results if r.date < on for t in (r.home, r.away)}
    return name_key(data.names.resolve(name)[0]) in keys


def _elo(home: float, away: float) -> EloJson:
    return EloJson(home=round(home, 1), away=round(away, 1), expected_result=0.0)


def match(
    home: Annotated[str, typer.Argument(help="The first-named team (at home with --ground home).")],
    away: Annotated[str, typer.Argument(help="The other team.")],
    date: Annotated[
        str | None,
        typer.Option("--date", help="Match date (YYYY-MM-DD); only results before it are used."),
    ] = None,
    ground: Annotated[
        Ground, typer.Option("--ground", help="home: HOME plays at home; neutral: nobody does.")
    ] = Ground.HOME,
    knockout: Annotated[
        bool, typer.Option("--knockout", help="Must have a winner: extra time, then penalties.")
    ] = False,
    international: InternationalOption = None,
    model: Annotated[
        Path | None,
        typer.Option(
            "--model", help="Club ratings file (default: the shipped ones).", show_default=False
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
    folder = international_folder(international)
    neutral = ground is Ground.NEUTRAL
    no_national: ConfigError | None = None
    try:
        found = _national(home, away, on, folder)
    except ConfigError as err:  # no national ratings that early: two clubs may still be asked
        found, no_national = None, err
    if found is not None:
        ratings, source, elo, european = found
        kind = "national"
        h, a = _find_national(ratings, home, on), _find_national(ratings, away, on)
    else:
        try:
            snapshot = load_snapshot(model) if model else choose_snapshot(on)
        except ConfigError as err:  # no club ratings that early: say why no national ones
            raise ConfigError(_no_ratings(home, away, on, folder, err)) from None
        ratings, source, elo, kind = snapshot.ratings, snapshot.source, None, "club"
        h, a = _find(ratings, home), _find(ratings, away)
        if (h is None or a is None) and no_national is not None:
            raise no_national
        if (h is None) != (a is None) and _is_national(home if h is None else away, on, folder):
            national, club = (home, a) if h is None else (away, h)
            raise ConfigError(
                f"{national!r} is a national team and {club} a club: a club and a national "
                "team cannot be forecast against each other"
            )
        if h is None or a is None:
            missing, other = (home, away) if h is None else (away, home)
            names = [t.name for t in ratings.teams]
            hint = _suggest(missing, names)
            if _looks_national(other, folder) and (folder / "results.csv").is_file():
                close = _national_close(folder, on, (missing,)).get(missing, [])
                hint = _did_you_mean(close)  # "Brazl": did you mean Brazil?
            raise ConfigError(
                f"{missing!r} is no national team and no club the ratings know" + hint
            )
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
            UEFA_2021,
            rho=rates.rho,
            scale=uncertainty,
        )
        ko = KnockoutJson(
            home_through=round(tie.team1_through, 4),
            away_through=round(tie.team2_through, 4),
            extra_time=round(tie.extra_time, 4),
            penalties=round(tie.penalties, 4),
        )
    p = grid.outcome
    result = MatchForecastJson(
        home=h.name,
        away=a.name,
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
        console.print(
            f"extra time {f.knockout.extra_time:.1%}, penalties {f.knockout.penalties:.1%}"
        )
    h, s = f.most_likely_score
    console.print(f"most likely score {h}-{s}; {r.kind} ratings as of {r.as_of} ({r.source})")
    if f.uncertainty is not None:
        console.print(f.uncertainty.explanation)
    if r.elo:
        console.print(f"Elo's expected result for {f.home}: {r.elo.expected_result:.3f}")
    for side in (r.home, r.away):
        if side.faded:
            console.print(f"{side.name}: {side.explanation}")
