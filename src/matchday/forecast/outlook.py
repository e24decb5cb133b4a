"""A tie's outlook: its state (decided, before, between or during the legs) and its forecast."""

from __future__ import annotations

from dataclasses import dataclass

from matchday.forecast.fit import behind_closed_doors
from matchday.forecast.ratings import MatchRates, Ratings
from matchday.forecast.tie import InPlay, LegRates, TieForecast, forecast_tie
from matchday.model import Goal, Match, RedCard, Score, Tie
from matchday.rules import Outcome, Rules, decide

__all__ = ["TieOutlook", "leg_rates", "moment_in", "outlook"]


@dataclass(frozen=True, slots=True)
class TieOutlook:
    """Where a tie stands and how it can still end. ``forecast`` is ``None`` once it is
    decided (then ``outcome`` says who went through and why)."""

    tie: Tie
    rules: Rules
    outcome: Outcome
    forecast: TieForecast | None
    legs: tuple[MatchRates, ...]
    moment: InPlay | None

    @property
    def stage(self) -> str:
        """Before the first leg, between the legs, in play, or decided."""
        if self.forecast is None:
            return "decided"
        if self.moment is not None:
            return f"in play (leg {self.moment.leg})" if not self.tie.single_match else "in play"
        if self.tie.first_leg.score is None:
            return "before the first leg" if not self.tie.single_match else "before the match"
        return "between the legs"


def leg_rates(tie: Tie, ratings: Ratings) -> tuple[MatchRates, ...]:
    """Expected goals in each leg of ``tie`` (a single match at a neutral venue), with the home
    advantage of its date (spectators or none)."""
    return tuple(
        ratings.expected(
            leg.home,
            leg.away,
            neutral=tie.single_match,
            closed_doors=behind_closed_doors(leg.date),
        )
        for leg in tie.legs
    )


def outlook(tie: Tie, ratings: Ratings, rules: Rules, moment: InPlay | None = None) -> TieOutlook:
    """The tie's outlook under ``rules`` with goal rates from ``ratings``; ``moment`` is a leg
    in progress (its leg must be the first one without a result)."""
    outcome = decide(tie, rules)
    neutral = tie.single_match
    legs = leg_rates(tie, ratings)
    first = legs[0]
    if outcome.winner is not None and moment is None:
        return TieOutlook(tie, rules, outcome, None, legs, None)
    if moment is not None:
        pending = next((i + 1 for i, leg in enumerate(tie.legs) if not leg.played), None)
        if pending != moment.leg:
            raise ValueError(f"leg {moment.leg} is not the leg being played (leg {pending})")
    rates = tuple(LegRates(m.home_goals, m.away_goals) for m in legs)
    forecast = forecast_tie(
        rates[0],
        rates[1] if len(rates) > 1 else None,
        rules,
        rho=first.rho,
        first_leg=None if neutral else tie.first_leg.score,
        moment=moment,
    )
    return TieOutlook(tie, rules, outcome, forecast, legs, moment)


def _count(
    events: tuple[Goal, ...] | tuple[RedCard, ...], match: Match, minute: int, added: int
) -> Score:
    """Events of ``match`` up to ``minute`` (+``added``), by side."""

    def upto(e: Goal | RedCard) -> bool:
        return (e.minute, e.added) <= (minute, added)

    return Score(
        sum(1 for e in events if e.team == match.home and upto(e)),
        sum(1 for e in events if e.team == match.away and upto(e)),
    )


def moment_in(match: Match, leg: int, minute: int, added: int = 0) -> InPlay:
    """The state of a played ``match`` (with goal events) at ``minute``: score and red cards
    from its events, as a live feed would have had them."""
    if match.goals is None:
        raise ValueError(f"{match.label}: no goal events on record")
    score = _count(match.goals, match, minute, added)
    cards = _count(match.red_cards or (), match, minute, added)
    after_90 = match.score if minute > 90 else None
    return InPlay(leg, score, minute, added, (cards.home, cards.away), after_90)
