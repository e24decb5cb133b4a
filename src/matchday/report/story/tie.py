"""The story of one tie on one night: what happened and what of it is worth saying.

A ``TieStory`` holds facts only (scores, the rules engine's ``Outcome``, the timeline, a
forecast's close call). ``facts`` is the plan of the section: which facts to state, in order.
How they are worded is the templates' business.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchday.errors import InvalidValueError
from matchday.live import MatchState, Moment, Timeline, needs
from matchday.model import Goal, Match, RedCard, Score, Tally, Team, Tie
from matchday.report.story.chances import FORMALITY, CloseCall
from matchday.report.story.turns import Spell, spells
from matchday.rules import DecidedBy, Outcome, Phase, Unsettled

__all__ = ["Burst", "Fact", "Fightback", "Haul", "LegKind", "Miss", "NearMiss", "TieStory"]

LATE_MINUTE = 80
"""A goal from this minute on (or in extra time) counts as late."""

HAT_TRICK = 3
"""Goals by one player in one match that make a story of their own (a hat-trick, or more)."""

BURST_GOALS = 3
"""Goals by one side that, within ``BURST_MINUTES``, are a burst ("four goals in six
minutes")."""

BURST_MINUTES = 10
"""The longest span, from the first goal's minute to the last's, of a burst."""

DECIDED_AT_HALF_TIME = 3
"""A half-time lead of this many goals, kept to the end, decided the match at the break."""

THROWN_LEAD = 2
"""A lead of this many goals that the side ahead did not keep is a lead thrown away: the
other side's fightback is told (a fightback from one goal down is told only when a side made
it more than once)."""


@dataclass(frozen=True, slots=True)
class Haul:
    """A player's goals in the night's match, ``HAT_TRICK`` or more (own goals not counted),
    in order of time."""

    scorer: str
    team: Team
    goals: tuple[Goal, ...]


@dataclass(frozen=True, slots=True)
class Fightback:
    """A side that drew level after trailing: ``team`` came back from ``behind`` (its own goals
    first, at its furthest behind since the score was last level) with the goal ``level``,
    which made it ``score``; ``trailing`` is the score at its furthest behind (both home side
    first)."""

    team: Team
    behind: tuple[int, int]
    level: Goal
    score: Score
    trailing: Score

    @property
    def led(self) -> tuple[int, int]:
        """``behind`` from the side that led: its goals first ("2-0")."""
        return self.behind[1], self.behind[0]

    @property
    def deficit(self) -> int:
        """The goals the side had been behind."""
        return self.behind[1] - self.behind[0]


@dataclass(frozen=True, slots=True)
class Burst:
    """``BURST_GOALS`` or more goals by ``team`` within ``BURST_MINUTES`` (the most goals, then
    the shortest span)."""

    team: Team
    goals: tuple[Goal, ...]

    @property
    def minutes(self) -> int:
        """Minutes from the first goal of the burst to its last (by the clock's minute)."""
        return self.goals[-1].minute - self.goals[0].minute


class Miss(StrEnum):
    """What one more goal would have done."""

    FORCE_EXTRA_TIME = "force_extra_time"
    """The side out would have forced extra time."""
    PUT_OUT = "put_out"
    """The other side would have put the side through out."""


@dataclass(frozen=True, slots=True)
class NearMiss:
    """A stretch of the deciding match in which one goal would have changed the tie:
    ``team`` was one goal from forcing extra time, or one goal (by the other side) from going
    out, from the goal ``start`` until the goal ``end`` (``None``: to the final whistle)."""

    team: Team
    miss: Miss
    start: Goal
    end: Goal | None

    @property
    def length(self) -> int:
        """Minutes the stretch lasted (to the 90th when it ran to the end)."""
        end = self.end.minute if self.end is not None else 90
        return end - self.start.minute


class LegKind(StrEnum):
    """Which match of its tie the night's match is."""

    FIRST_LEG = "first_leg"
    SECOND_LEG = "second_leg"
    SINGLE_MATCH = "single_match"


class Fact(StrEnum):
    """The facts a tie section can state; each has a macro of the same name in the templates."""

    RESULT = "result"
    HALF_TIME = "half_time"
    VERDICT = "verdict"
    DESPITE = "despite"
    TURNS = "turns"
    NEAR_MISS = "near_miss"
    FORMALITY = "formality"
    CLOSE_CALL = "close_call"
    NEXT_LEG = "next_leg"
    REPLAY_DUE = "replay_due"
    HOST_OUT = "host_out"
    FIGHTBACK = "fightback"
    HAT_TRICK = "hat_trick"
    BURST = "burst"
    GOALS = "goals"
    RED_CARDS = "red_cards"


PROSE = (
    Fact.RESULT,
    Fact.HALF_TIME,
    Fact.VERDICT,
    Fact.DESPITE,
    Fact.TURNS,
    Fact.HOST_OUT,
    Fact.FIGHTBACK,
    Fact.HAT_TRICK,
    Fact.BURST,
    Fact.NEAR_MISS,
    Fact.FORMALITY,
    Fact.CLOSE_CALL,
    Fact.NEXT_LEG,
    Fact.REPLAY_DUE,
)
"""Facts told in the paragraph; the others are the data lines below it."""


@dataclass(frozen=True, slots=True)
class TieStory:
    """One tie as the night's report tells it.

    ``match`` is the match played that night; ``outcome`` the rules engine's decision when that
    match decided the tie (``None`` after a first leg); ``timeline`` the live replay of its
    goals (``None`` after a first leg or when the goals are not on record);
    ``next_round`` the canonical name of the round the winner goes on to (``None`` after a final,
    a match for third place, or when the data has no later round); ``third_place`` is true for
    a match for third place, which sends nobody on: its winner finishes third; ``final_round``
    is true for the round that decides the competition: no round after it, named "Final", not
    in a file of qualifying rounds, and a single match or a cup's final over two legs (the
    Copa Libertadores up to 2018; after a league only in a competition the registry knows),
    or a play-off final after a league
    (``play_off_final``: Serie B's promotion, the Austrian Bundesliga's European place), whose
    winner wins the play-off, not the competition. ``hosts`` are the tie's teams that are the
    tournament's host nations (a World Cup's, a Euro's; none elsewhere).
    """

    tie: Tie
    match: Match
    leg: LegKind
    outcome: Outcome | None
    timeline: Timeline | None
    next_round: str | None
    close_call: CloseCall | None = None
    third_place: bool = False
    final_round: bool = False
    play_off_final: bool = False
    hosts: tuple[Team, ...] = ()

    @property
    def deciding(self) -> bool:
        """True when the night's match decided the tie."""
        return self.outcome is not None and self.outcome.decided

    @property
    def replay_due(self) -> bool:
        """True when the night's match left the tie level and the rules replay it (the
        replay, part of the tie, still to come that night)."""
        outcome = self.outcome
        awaited = outcome is not None and outcome.unsettled is Unsettled.REPLAY_NOT_IN_DATA
        return awaited and not self.deciding

    @property
    def winner(self) -> Team | None:
        """The team through (or the cup winner), once decided."""
        return None if self.outcome is None else self.outcome.winner

    @property
    def loser(self) -> Team | None:
        """The team out, once decided."""
        return None if self.outcome is None else self.outcome.loser

    @property
    def decided_by(self) -> DecidedBy | None:
        """How the rules engine says the tie was settled; the report never re-derives this."""
        return None if self.outcome is None else self.outcome.decided_by

    @property
    def settled_by(self) -> str | None:
        """``decided_by`` as a report words it: ``better_placed`` for a tie settled off the
        pitch by league position (a play-off level on aggregate), else its value."""
        if self.outcome is None or self.outcome.decided_by is None:
            return None
        placed = self.outcome.unsettled is Unsettled.BETTER_PLACED
        if placed and self.outcome.decided_by is DecidedBy.OFF_THE_PITCH:
            return "better_placed"
        return self.outcome.decided_by.value

    @property
    def extra_time_played(self) -> bool:
        """True when the night's match went to extra time; a tie the rules send from a level
        aggregate straight to penalties (CONMEBOL's ties without extra time) had none."""
        return self.match.extra_time is not None

    @property
    def final(self) -> bool:
        """True for the match that decides the competition: its final, or the final's second
        leg."""
        return self.final_round and self.leg is not LegKind.FIRST_LEG

    @property
    def neutral(self) -> bool:
        """True when the night's match is a single-match tie, played at a neutral venue (a
        final, the 2019-20 Lisbon rounds): no home side to win or lose at."""
        return self.leg is LegKind.SINGLE_MATCH

    @property
    def match_winner(self) -> Team | None:
        """The winner of the night's match itself (after extra time, before penalties)."""
        final = self.match.final_score
        if final is None or final.level:
            return None
        return self.match.home if final.home > final.away else self.match.away

    @property
    def through_despite_defeat(self) -> bool:
        """The team through lost the deciding match (so the team out won it)."""
        return self.deciding and self.match_winner == self.loser and self.loser is not None

    @property
    def defeat_levelled(self) -> bool:
        """The team through lost the deciding match, and that defeat levelled the tie: it went
        to extra time (and a shoot-out, or away goals, put the loser of the match through).
        The defeat mattered; only what came after it did not."""
        went_on = self.match.extra_time is not None or self.match.penalties is not None
        return self.through_despite_defeat and went_on

    @property
    def first_leg_deficit(self) -> int:
        """Goals by which the eventual winner trailed after the first leg (0 if level or ahead)."""
        first = self.tie.first_leg.score
        if self.leg is not LegKind.SECOND_LEG or self.winner is None or first is None:
            return 0
        own, other = (
            (first.home, first.away) if self.winner == self.tie.team1 else (first.away, first.home)
        )
        return max(other - own, 0)

    @property
    def margin_before(self) -> int:
        """On a second leg's night: the margin the first leg left, the goals the side behind
        needed just to draw level on aggregate (0 on any other night, or level)."""
        first = self.tie.first_leg.score
        if self.leg is not LegKind.SECOND_LEG or first is None:
            return 0
        return abs(first.home - first.away)

    def _seen_by(self, counts: Tally | None, first: Team, team: Team) -> tuple[int, int]:
        """A pair of counts (``first``'s count first) from ``team``'s side."""
        if counts is None:
            raise InvalidValueError(f"{self.tie.label}: nothing to count")
        return (counts.team1, counts.team2) if team == first else (counts.team2, counts.team1)

    def aggregate_for(self, team: Team) -> tuple[int, int]:
        """The aggregate from ``team``'s side: its goals first."""
        counts = None if self.outcome is None else self.outcome.aggregate
        return self._seen_by(counts, self.tie.team1, team)

    def away_goals_for(self, team: Team) -> tuple[int, int]:
        """Away goals over the tie from ``team``'s side (where the rules count them)."""
        counts = None if self.outcome is None else self.outcome.away_goals
        return self._seen_by(counts, self.tie.team1, team)

    def penalties_for(self, team: Team) -> tuple[int, int]:
        """The night's shoot-out from ``team``'s side."""
        shootout = self.match.penalties
        counts = None if shootout is None else Tally(shootout.home, shootout.away)
        return self._seen_by(counts, self.match.home, team)

    def score_for(self, team: Team) -> tuple[int, int]:
        """The night's final score (after extra time, if any) from ``team``'s side."""
        final = self.match.final_score
        counts = None if final is None else Tally(final.home, final.away)
        return self._seen_by(counts, self.match.home, team)

    @property
    def spells(self) -> tuple[Spell, ...]:
        """The stretches of the match with the same side through."""
        return spells(self.timeline)

    @property
    def turns(self) -> tuple[Spell, ...]:
        """The spells in which a side other than the eventual winner was through, or it was level.

        Only for a deciding match whose outcome agrees with the last spell of the replay.
        """
        found = self.spells
        if not self.deciding or len(found) < 2:
            return ()
        # a single match level from kick-off is no turn (a two-legged tie level on aggregate
        # from the start of the second leg is: the first leg left it so)
        opening = self.leg is LegKind.SINGLE_MATCH
        return tuple(
            s
            for s in found
            if s.through != self.winner and not (opening and s.through is None and s.start is None)
        )

    @property
    def decisive_goal(self) -> Goal | None:
        """The goal that put the eventual winner through for good, when the lead changed hands."""
        found = self.spells
        if not self.turns or found[-1].through != self.winner:
            return None
        return found[-1].start

    @property
    def decisive_moment(self) -> Moment | None:
        """The state right after the decisive goal (its score, its aggregate)."""
        goal = self.decisive_goal
        if goal is None or self.timeline is None:
            return None
        return next((m for m in self.timeline.moments if m.goal is goal), None)

    def _misses(self, miss: Miss, team: Team) -> list[NearMiss]:
        line = self.timeline
        if line is None:
            return []
        other = self.tie.opponent(team)

        def holds(state: MatchState) -> bool:
            if state.phase is not Phase.REGULAR_TIME:
                return False
            if miss is Miss.FORCE_EXTRA_TIME:
                need = needs(state, team)
                return need.forces is Phase.EXTRA_TIME and need.to_force == 1
            return state.through == team and needs(state, other).to_go_through == 1

        found: list[NearMiss] = []
        start: Goal | None = None
        for moment in line.moments:
            if holds(moment.state) and start is None:
                start = moment.goal
            elif not holds(moment.state) and start is not None:
                found.append(NearMiss(team, miss, start, moment.goal))
                start = None
        if start is not None:
            found.append(NearMiss(team, miss, start, None))
        return found

    @property
    def near_miss(self) -> NearMiss | None:
        """The longest stretch, begun by a goal, in which the side out was one goal from
        forcing extra time, or the side through one goal from going out (ties decided in
        regular time, with their goals on record)."""
        if not self.deciding or self.winner is None or self.loser is None:
            return None
        if self.match.extra_time is not None or self.leg is not LegKind.SECOND_LEG:
            return None
        found = [
            *self._misses(Miss.FORCE_EXTRA_TIME, self.loser),
            *self._misses(Miss.PUT_OUT, self.winner),
        ]
        return max(found, key=lambda m: m.length, default=None)

    @property
    def formality(self) -> bool:
        """The side through began the second leg with one and a half legs in the next round:
        its chance at kick-off, by the forecast, was at least ``FORMALITY``."""
        call = self.close_call
        return self.leg is LegKind.SECOND_LEG and call is not None and call.opening >= FORMALITY

    @property
    def late_decider(self) -> bool:
        """The decisive goal came late: from the 80th minute on, or in extra time."""
        goal = self.decisive_goal
        return goal is not None and goal.minute >= LATE_MINUTE

    @property
    def goals(self) -> tuple[Goal, ...] | None:
        """The night's goals in order of time, or ``None`` when the data does not record them."""
        if self.match.goals is None:
            return None
        return tuple(sorted(self.match.goals, key=lambda g: (g.minute, g.added)))

    @property
    def scoreline(self) -> tuple[tuple[Goal, Score], ...]:
        """Each of the night's goals with the match score it made (home side first)."""
        running = Score(0, 0)
        line = []
        for goal in self.goals or ():
            home = goal.team == self.match.home
            running = Score(running.home + home, running.away + (not home))
            line.append((goal, running))
        return tuple(line)

    @property
    def first_leg_winner(self) -> Team | None:
        """On a two-legged tie's deciding night: the winner of its first leg (``None`` if it
        was drawn, or on any other night), which a tie level on aggregate turns on."""
        first = self.tie.first_leg.score
        if self.leg is not LegKind.SECOND_LEG or first is None or first.level:
            return None
        return self.tie.first_leg.home if first.home > first.away else self.tie.first_leg.away

    def first_leg_for(self, team: Team) -> tuple[int, int]:
        """The first leg's score from ``team``'s side: its goals first."""
        first = self.tie.first_leg
        counts = None if first.score is None else Tally(first.score.home, first.score.away)
        return self._seen_by(counts, first.home, team)

    @property
    def first_leg_lead(self) -> int:
        """After a first leg: the margin the winner of it takes into the second leg."""
        final = self.match.final_score
        return 0 if final is None else abs(final.home - final.away)

    @property
    def red_cards(self) -> tuple[RedCard, ...]:
        """Players sent off that night, in order of time (empty when none or not recorded)."""
        return tuple(sorted(self.match.red_cards or (), key=lambda c: (c.minute, c.added)))

    @property
    def total_goals(self) -> int:
        """Goals scored in the night's match, extra time included."""
        final = self.match.final_score
        return 0 if final is None else final.home + final.away

    @property
    def close_call_told(self) -> bool:
        """Whether the section says how close the tie came by the forecast: when it was ever
        in doubt, and for a winner never in real danger only when it did not win the match
        (the question a reader then asks)."""
        call = self.close_call
        if call is None or not call.worth_telling:
            return False
        return not call.was_safe or self.match_winner != self.winner

    @property
    def hauls(self) -> tuple[Haul, ...]:
        """The players who scored ``HAT_TRICK`` goals or more that night, most goals first."""
        by: dict[tuple[str, Team], list[Goal]] = {}
        for goal in self.goals or ():
            if goal.scorer and not goal.own_goal:
                by.setdefault((goal.scorer, goal.team), []).append(goal)
        found = [
            Haul(name, team, tuple(g)) for (name, team), g in by.items() if len(g) >= HAT_TRICK
        ]
        return tuple(sorted(found, key=lambda h: -len(h.goals)))

    @property
    def fightbacks(self) -> tuple[Fightback, ...]:
        """Each time a side that trailed drew level again that night, in order of time."""
        found: list[Fightback] = []
        worst: tuple[int, int] | None = None  # the trailing side's furthest behind (home, away)
        for goal, score in self.scoreline:
            if score.level and worst is not None:
                home_behind = worst[0] < worst[1]
                team = self.match.home if home_behind else self.match.away
                behind = worst if home_behind else (worst[1], worst[0])
                found.append(Fightback(team, behind, goal, score, Score(*worst)))
                worst = None
            elif not score.level:
                margin = abs(score.home - score.away)
                if worst is None or margin > abs(worst[0] - worst[1]):
                    worst = (score.home, score.away)
        return tuple(found)

    @property
    def fightbacks_told(self) -> tuple[Fightback, ...]:
        """The fightbacks worth telling: from ``THROWN_LEAD`` goals down, or by a side that
        came back more than once; a plain equaliser from one goal down is no comeback."""
        found = self.fightbacks
        return tuple(
            f for f in found if f.deficit >= THROWN_LEAD or sum(f.team == b.team for b in found) > 1
        )

    @property
    def fightback_told(self) -> bool:
        """A lead of ``THROWN_LEAD`` or more was thrown away, or a side came back more than once."""
        return bool(self.fightbacks_told)

    @property
    def decided_at_half_time(self) -> bool:
        """In a single match, the winner led by ``DECIDED_AT_HALF_TIME`` goals or more at
        half-time (the data's half-time score, as ``matchday check`` reads it; never guessed
        from minutes). Not said of a leg: the first leg's score may have left the tie open."""
        half, winner = self.match.half_time, self.match_winner
        if half is None or winner is None or self.leg is not LegKind.SINGLE_MATCH:
            return False
        lead = half.home - half.away if winner == self.match.home else half.away - half.home
        return lead >= DECIDED_AT_HALF_TIME

    @property
    def burst(self) -> Burst | None:
        """The most goals one side scored within ``BURST_MINUTES`` (``BURST_GOALS`` or more;
        ties broken by the shortest span, then the earliest)."""
        goals = self.goals or ()
        best: Burst | None = None
        for team in self.match.home, self.match.away:
            own = [g for g in goals if g.team == team]
            for i, first in enumerate(own):
                window = tuple(g for g in own[i:] if g.minute - first.minute <= BURST_MINUTES)
                if len(window) < BURST_GOALS:
                    continue
                found = Burst(team, window)
                if best is None or (len(window), -found.minutes) > (
                    len(best.goals),
                    -best.minutes,
                ):
                    best = found
        return best

    @property
    def host_out(self) -> Team | None:
        """The host nation the night's match put out of its tournament (not in a final or a
        match for third place, which end it for both sides)."""
        if not self.deciding or self.final or self.third_place:
            return None
        return self.loser if self.loser in self.hosts else None

    @property
    def told_turns(self) -> bool:
        """Whether the section tells the turns: not when the fightback tells every one of them
        (no goal put the winner through for good: level at the end, settled after)."""
        return bool(self.turns) and not (self.fightback_told and self.decisive_goal is None)

    @property
    def elements(self) -> tuple[Fact, ...]:
        """The match's own story, beyond its result: the host out, a lead thrown away, a
        hat-trick, a burst of goals (the half-time score is told with the result)."""
        found = []
        if self.host_out is not None:
            found.append(Fact.HOST_OUT)
        if self.fightback_told:
            found.append(Fact.FIGHTBACK)
        if self.hauls:
            found.append(Fact.HAT_TRICK)
        if self.burst is not None:
            found.append(Fact.BURST)
        return tuple(found)

    @property
    def lead_facts(self) -> tuple[Fact, ...]:
        """The facts of this story the lead retells: how it turned where one turn made it,
        else how it ended (several turns are the section's: retold in the lead they read near
        word for word twice); and how close it came when the winner fell behind by the
        forecast, or the chance it was given when it knocked out the favourite (an upset)."""
        told: tuple[Fact, ...]
        if self.told_turns and len(self.turns) == 1:
            told = (Fact.TURNS,)
        elif self.through_despite_defeat:
            told = (Fact.RESULT, Fact.DESPITE)
        else:
            told = (Fact.RESULT,)
        if self.decided_at_half_time and self.goals is not None:
            told = (*told, Fact.HALF_TIME)
        told = (*told, *self.elements)
        call = self.close_call
        told_chance = call is not None and (call.fell_behind or call.upset)
        return (*told, Fact.CLOSE_CALL) if told_chance else told

    @property
    def facts(self) -> tuple[Fact, ...]:
        """The plan of the section: the facts worth stating about this tie, in order."""
        plan = [Fact.RESULT]
        if self.goals is None and self.match.half_time is not None:
            # Told in the order of play: before a result that runs into extra time.
            plan.insert(0 if self.match.extra_time is not None else 1, Fact.HALF_TIME)
        elif self.decided_at_half_time:
            plan.append(Fact.HALF_TIME)  # the goals are on record, and the break decided it
        if self.deciding:
            plan.append(Fact.VERDICT)
            if self.through_despite_defeat:
                plan.append(Fact.DESPITE)
            if self.told_turns:
                plan.append(Fact.TURNS)
            plan.extend(self.elements)
            if self.near_miss is not None:
                plan.append(Fact.NEAR_MISS)
            if self.formality:
                plan.append(Fact.FORMALITY)
            if self.close_call_told:
                plan.append(Fact.CLOSE_CALL)
        elif self.leg is LegKind.FIRST_LEG and (
            self.tie.second_leg is not None or self.tie.second_leg_to_come
        ):
            plan.append(Fact.NEXT_LEG)
        elif self.replay_due:
            plan.append(Fact.REPLAY_DUE)
        if self.goals:
            plan.append(Fact.GOALS)
        if self.red_cards:
            plan.append(Fact.RED_CARDS)
        return tuple(plan)
