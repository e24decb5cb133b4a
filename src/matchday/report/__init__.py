"""Round-ups of a night or a round, in Dutch and English, stating only what the data supports.

    from matchday.report import report

    written = report(matchday.load("europa-league-2017-18"), date=dt.date(2018, 2, 22), lang="nl")
    written.headline, written.lead_paragraph, written.sections  # structured
    written.text, written.html                                   # rendered
    report(season, date=..., forecast=True)  # says how close each tie came, by the forecast

What to say is decided in ``matchday.report.story`` (pure); how to say it in the templates
under ``templates/<language>/`` through the grammar helper of ``matchday.report.grammar``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import matchday.competitions as competitions
from matchday.errors import ConfigError, InvalidValueError
from matchday.model import Round, Season, Team
from matchday.report.document import Report, Section, Statement
from matchday.report.forecast import forecast_chances, through_chances, tie_ratings
from matchday.report.language import LANGUAGES, Language, display_names, language
from matchday.report.render import write
from matchday.report.story import RoundUp, ThroughChances, night, round_up
from matchday.rules import Rules
from matchday.select import find_round

__all__ = [
    "LANGUAGES",
    "Language",
    "Report",
    "RoundUp",
    "Section",
    "Statement",
    "ThroughChances",
    "display_names",
    "forecast_chances",
    "language",
    "night_rules",
    "report",
    "roundup",
    "through_chances",
    "tie_ratings",
]


def roundup(
    season: Season,
    *,
    date: dt.date | str | None = None,
    round_name: str | None = None,
    rules: Rules | None = None,
    chances: Sequence[ThroughChances] | None = None,
    forecast: bool = False,
) -> RoundUp:
    """The stories of one night (``date``) or one round (``round_name``), lead story first.

    ``chances`` are forecast series of P(through) by minute, for as many ties as have one;
    with ``forecast`` and no ``chances`` given, each decided tie whose deciding match has goal
    events gets the series of ``forecast_chances`` (the shipped ratings fitted before it).
    """
    if (date is None) == (round_name is None):
        raise ConfigError("choose the night with a date or the round by its name (one of the two)")
    date = _day(date)
    if rules is None:
        rules = night_rules(competitions.of_season(season), date=date, round_name=round_name)
    given = tuple(chances) if chances is not None else None

    def tell(series: tuple[ThroughChances, ...] | None) -> RoundUp:
        if date is not None:
            return night(season, date, rules, series)
        assert round_name is not None
        return round_up(season, find_round(season, round_name), rules, series)

    told = tell(given)
    if forecast and given is None:
        series = forecast_chances(told.stories, rules)
        return tell(series) if series else told
    return told


def _day(date: dt.date | str | None) -> dt.date | None:
    """The night as a date: a ``date``, or one written YYYY-MM-DD."""
    if date is None or (isinstance(date, dt.date) and not isinstance(date, dt.datetime)):
        return date
    if isinstance(date, str):
        try:
            return dt.date.fromisoformat(date)
        except ValueError:
            raise InvalidValueError(f"date {date!r} is not YYYY-MM-DD") from None
    raise InvalidValueError(
        f"date must be a datetime.date or YYYY-MM-DD, not {type(date).__name__}"
    )


def night_rules(
    known: competitions.SeasonRules,
    *,
    date: dt.date | None = None,
    round_name: str | None = None,
) -> Rules:
    """The rules a round-up of a night or a round tells its ties by: a user's (``known``'s
    override), else the registry's for the round (the night's first knockout round)."""
    season = known.season
    rounds = [find_round(season, round_name)] if round_name else list(season.rounds)
    chosen = [r for r in rounds if r.knockout and (round_name or _on(r, date))]
    return known.rules(chosen[0]) if chosen else known.ties_rules


def _on(round_: Round, date: dt.date | None) -> bool:
    return any(match.date == date for match in round_.matches)


def report(
    season: Season,
    *,
    date: dt.date | str | None = None,
    round_name: str | None = None,
    lang: str = "nl",
    rules: Rules | None = None,
    chances: Sequence[ThroughChances] | None = None,
    forecast: bool = False,
    spellings: Mapping[Team, Sequence[str]] | None = None,
) -> Report:
    """The round-up of a night (``date``: a date or "YYYY-MM-DD") or a round (``round_name``:
    "Final", "kwartfinales", ...) written in ``lang`` ("nl" or "en"); ``chances`` and
    ``forecast`` as for ``roundup``; ``spellings``, other names of the same clubs (from the
    club lists, read by the caller), as for ``display_names``."""
    written_in = language(lang)
    stories = roundup(
        season, date=date, round_name=round_name, rules=rules, chances=chances, forecast=forecast
    )
    return write(stories, written_in, season.tie_teams, spellings)
