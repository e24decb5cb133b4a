"""A tie's outlook: its state (decided, before, between or during the legs) and its forecast."""

from __future__ import annotations

from dataclasses import dataclass, replace

from matchday.errors import InvalidValueError, MissingDataError
from matchday.forecast.fit import behind_closed_doors
from matchday.forecast.ratings import MatchRates, Ratings
from matchday.forecast.tie import LegRates, TieForecast, forecast_tie
from matchday.forecast.uncertainty import (
    SCALE,
    match_spread,
    uncertain_between,
    uncertain_single,
    uncertain_tie,
)
from matchday.live import EventKind, Fixture, MatchEvent, MatchState, Period, apply, timeline
from matchday.model import (
    EXTRA_TIME_END,
    HALF_TIME,
    REGULAR_TIME,
    Goal,
    Match,
    RedCard,
    Team,
    Tie,
)
from matchday.rules import Outcome, Rules, decide

__all__ = [
    "TieOutlook",
    "before_deciding_match",
    "leg_rates",
    "outlook",
    "through_by_minute",
]


@dataclass(frozen=True, slots=True)
class TieOutlook:
    """Where a tie stands and how it can still end. ``forecast`` is ``None`` once it is
    decided (then ``outcome`` says who went through and why)."""

    tie: Tie
    rules: Rules
    outcome: Outcome
    forecast: TieForecast | None
    legs: tuple[MatchRates, ...]
    moment: MatchState | None
    spread: float = 0.0
    """Standard deviation (log goals) of each side's goal rate that the forecast averaged over:
    the ratings' uncertainty (``forecast.uncertainty``); 0 for a point forecast."""
    host: Team | None = None
    """The side of a single match that plays at home (a host nation); ``None``: neutral."""
    replay: Match | None = None
    """The replay still to play that ``forecast`` and ``legs`` are of, where the legs left the
    tie level and the rules replay it; ``None`` otherwise."""

    @property
    def stage(self) -> str:
        """Before the first leg, between the legs, before a replay, in play, or decided."""
        if self.forecast is None:
            return "decided"
        if self.replay is not None:
            return "before the replay"
        if self.moment is not None:
            leg = self.moment.fixture.leg
            return f"in play (leg {leg})" if not self.tie.single_match else "in play"
        if self.tie.first_leg.score is None:
            return "before the first leg" if not self.tie.single_match else "before the match"
        return "between the legs"


def leg_rates(tie: Tie, ratings: Ratings, host: Team | None = None) -> tuple[MatchRates, ...]:
    """Expected goals in each leg of ``tie`` (a single match at a neutral venue, unless
    ``host``, a side of it, plays at home: a host nation at its own tournament), with the home
    advantage of its date (spectators or none). Two clubs of one country meet in its own cup:
    a club of it the model never saw plays below those it knows (``domestic_view``)."""
    ratings = ratings.domestic_view(tie.teams)
    if host is not None and host not in tie.teams:
        raise InvalidValueError(f"{host} plays at home, but is no side of {tie.label}")
    if host is not None and tie.single_match:
        leg = tie.legs[0]
        closed = behind_closed_doors(leg.date)
        if host == leg.home:
            return (ratings.expected(leg.home, leg.away, closed_doors=closed),)
        at = ratings.expected(leg.away, leg.home, closed_doors=closed)
        return (MatchRates(at.away, at.home, at.away_goals, at.home_goals, at.rho),)
    # a second leg still to come (``Tie.second_leg_to_come``): the first with home and away
    # swapped, on a date not known yet (the first leg's stands in for the spectators' rule)
    known = tuple((leg.home, leg.away, leg.date) for leg in tie.legs)
    to_come = ((tie.team2, tie.team1, tie.first_leg.date),) if tie.second_leg_to_come else ()
    return tuple(
        ratings.expected(
            home,
            away,
            neutral=tie.single_match,
            closed_doors=behind_closed_doors(on),
        )
        for home, away, on in known + to_come
    )


def outlook(
    tie: Tie,
    ratings: Ratings,
    rules: Rules,
    moment: MatchState | None = None,
    uncertainty: float = SCALE,
    decided: Outcome | None = None,
    host: Team | None = None,
) -> TieOutlook:
    """The tie's outlook under ``rules`` with goal rates from ``ratings``; ``moment`` is the
    state of a leg in progress (its leg must be the first one without a result). Before a
    single match, before the first leg of a two-legged tie and between its legs the forecast
    carries the ratings' uncertainty (variance scale ``uncertainty``, 0 for none:
    ``forecast.uncertainty``; between the legs the first leg's score reweights it); in play it
    is the point forecast.
    ``decided``: the tie's outcome where the data settles it beyond its results (who went on,
    league positions: ``SeasonRules.tie_outcome``); ``host``: the side of a single match that
    plays at home (``leg_rates``)."""
    outcome = decided if decided is not None else decide(tie, rules)
    neutral = tie.single_match
    legs = leg_rates(tie, ratings, host)
    first = legs[0]
    if outcome.winner is not None and moment is None:
        return TieOutlook(tie, rules, outcome, None, legs, None, host=host)
    replay = _replay_to_come(tie)
    if replay is not None and moment is None:
        # the legs (and any earlier replay) left it level: what is left is the replay, a
        # single match between the two sides under the rules replays are played by
        again = Tie(tie.round, (Match(replay.date, tie.team1, tie.team2),))
        ahead = outlook(again, ratings, rules.replay_rules, None, uncertainty, host=host)
        return replace(ahead, tie=tie, rules=rules, outcome=outcome, replay=replay)
    if moment is not None:
        pending = next((i + 1 for i, leg in enumerate(tie.legs) if not leg.played), None)
        if pending is None and replay is not None:
            raise InvalidValueError(
                f"{tie.label}: the legs are played and the replay of {replay.date} is to come; "
                "a replay in play is not forecast (its forecast before kick-off is)"
            )
        if pending != moment.fixture.leg:
            raise InvalidValueError(
                f"leg {moment.fixture.leg} is not the leg being played (leg {pending})"
            )
    rates = tuple(LegRates(m.home_goals, m.away_goals) for m in legs)
    if uncertainty and moment is None:
        teams = (tie.team1, tie.team2)
        played = tie.first_leg.score
        if len(rates) == 1:
            forecast = uncertain_single(
                ratings, *teams, rates[0], rules, rho=first.rho, scale=uncertainty
            )
        elif played is None:
            forecast = uncertain_tie(
                ratings, *teams, rates[0], rates[1], rules, rho=first.rho, scale=uncertainty
            )
        else:
            forecast = uncertain_between(
                ratings, *teams, rates[0], rates[1], rules, played, rho=first.rho, scale=uncertainty
            )
        spread = match_spread(ratings, *teams, uncertainty)
        return TieOutlook(tie, rules, outcome, forecast, legs, None, spread, host)
    forecast = forecast_tie(
        rates[0],
        rates[1] if len(rates) > 1 else None,
        rules,
        rho=first.rho,
        first_leg=None if neutral else tie.first_leg.score,
        moment=moment,
    )
    return TieOutlook(tie, rules, outcome, forecast, legs, moment, host=host)


def _replay_to_come(tie: Tie) -> Match | None:
    """The first replay of ``tie`` not yet played, once every leg and earlier replay has been;
    ``None`` when there is none."""
    if not all(leg.played for leg in tie.legs):
        return None
    return next((m for m in tie.replays if not m.played), None)


def before_deciding_match(tie: Tie) -> Tie:
    """``tie`` as it stood at kick-off of its deciding match (the last leg): that match's
    result taken away, earlier legs as played."""
    return replace(tie, legs=(*tie.legs[:-1], tie.last_match.scheduled))


def through_by_minute(
    tie: Tie, ratings: Ratings, rules: Rules, host: Team | None = None
) -> tuple[tuple[int, float], ...]:
    """P(team 1 goes through) minute by minute over the played deciding match of ``tie``,
    replayed from its goal and red-card events as a live feed would have had them.

    ``(minute, p)`` pairs from 0 (kick-off) to 90, or to 120 when extra time was played. Minute
    ``m`` counts every event of that minute, its added time included, and a whistle due at it:
    at 45 the first half is over, at 90 regular time (so ``p`` is 0 or 1 there unless extra
    time follows), at 120 extra time. A match a golden goal ended stays as it ended from that
    minute on. A shoot-out is left out: at 120 it is still to come (each side wins it with
    ``PENALTY_WIN``). ``host``: the side of a single match at home (``leg_rates``). Of a
    replayed tie, the deciding match is its last replay: a single match under the rules
    replays are played by, its chances turned to team 1's where team 2 was named first in it.
    """
    if tie.replays:
        replay = tie.replays[-1]
        again = through_by_minute(Tie(tie.round, (replay,)), ratings, rules.replay_rules, host)
        if replay.home == tie.team1:
            return again
        return tuple((minute, 1 - p) for minute, p in again)
    Fixture.of(tie, rules)  # a second leg not in the source yet: ``MissingDataError``
    match = tie.last_match
    if match.goals is None:
        raise MissingDataError(f"{match.label}: no goal events on record")
    kickoff = before_deciding_match(tie)
    replayed = timeline(tie, rules)
    end = EXTRA_TIME_END if match.extra_time is not None else REGULAR_TIME
    events: tuple[Goal | RedCard, ...] = (*match.goals, *(match.red_cards or ()))
    over = replayed.final
    ended = over.period is Period.FINISHED and over.extra_time is not None
    ended_at = (over.minute, over.added) if ended and over.minute < EXTRA_TIME_END else None
    series = []
    for minute in range(end + 1):
        added = max((e.added for e in events if e.minute == minute), default=0)
        if ended_at is not None and (minute, added) >= ended_at:
            state = over  # a golden goal ended the match: no clock runs on
        else:
            state = replayed.at(minute, added)
        if minute in (HALF_TIME, end) and state.period.in_play:
            whistle = EventKind.HALF_TIME if minute == HALF_TIME else EventKind.FULL_TIME
            state = apply(state, MatchEvent(whistle))
        view = outlook(kickoff, ratings, rules, state, host=host)
        assert view.forecast is not None  # a moment of the deciding match is never decided
        series.append((minute, view.forecast.team1_through))
    return tuple(series)
