"""The verdicts: each kind of claim compared with the night's facts, the rules engine's
outcomes, the live state at a score and the forecast of that moment. Pure functions of the
claim's parts and a ``Night``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from matchday.check.claims import Claim, Kind, Verdict
from matchday.check.night import Night
from matchday.check.vocabulary import (
    BRINK,
    FAVOURITE,
    FORMALITY,
    NATIONAL_TEAMS,
    Band,
    Role,
    Vocabulary,
)
from matchday.errors import MatchdayError
from matchday.io.live_text import explain_state
from matchday.live import MatchState, needs, state_at
from matchday.model import Goal, Match, Score, Team
from matchday.report.story import TieStory
from matchday.rules import DecidedBy, Phase

__all__ = ["METHODS_OF", "Judge", "Mention", "Moment", "stretches"]

METHODS_OF: dict[DecidedBy, frozenset[str]] = {
    DecidedBy.AGGREGATE: frozenset(),
    DecidedBy.AWAY_GOALS: frozenset({"away_goals"}),
    DecidedBy.EXTRA_TIME: frozenset({"extra_time"}),
    DecidedBy.AWAY_GOALS_EXTRA_TIME: frozenset({"away_goals", "extra_time"}),
    DecidedBy.PENALTIES: frozenset({"extra_time", "penalties"}),
    DecidedBy.SINGLE_MATCH: frozenset(),
    DecidedBy.SINGLE_MATCH_EXTRA_TIME: frozenset({"extra_time"}),
    DecidedBy.SINGLE_MATCH_PENALTIES: frozenset({"extra_time", "penalties"}),
    DecidedBy.GOLDEN_GOAL: frozenset({"extra_time"}),
    DecidedBy.SILVER_GOAL: frozenset({"extra_time"}),
    DecidedBy.REPLAY: frozenset(),
    DecidedBy.LOTS: frozenset({"extra_time"}),
    DecidedBy.OFF_THE_PITCH: frozenset(),
}
"""The ways of deciding a tie a sentence may name, by what the rules engine says decided it
(a tie settled on penalties was level after extra time, so extra time may be named; so may it
be wherever one of the tie's matches went to extra time, as a replayed tie's first match)."""

_METHOD_WORDS = {"away_goals": "away goals", "extra_time": "extra time", "penalties": "penalties"}

_BEYOND_EXTRA_TIME = frozenset(
    {DecidedBy.PENALTIES, DecidedBy.SINGLE_MATCH_PENALTIES, DecidedBy.LOTS}
)
"""Ties that extra time left level: a side that "won after extra time" of them did not win in
it (the shoot-out, or the lots, decided)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A team named in a sentence (offsets within it); ``pronoun`` for "they", "ze"."""

    start: int
    end: int
    team: Team
    pronoun: bool = False


@dataclass(frozen=True, slots=True)
class Moment:
    """A minute named in a sentence: exactly (``low == high``) or as a range of minutes."""

    start: int
    end: int
    low: int
    high: int
    added: int = 0

    def holds(self, minute: int, added: int = 0) -> bool:
        """Whether an event at ``minute``+``added`` fits the words."""
        if self.low == self.high and self.added:
            return (minute, added) == (self.low, self.added)
        return self.low <= minute <= self.high


@dataclass(frozen=True, slots=True)
class Stretch:
    """A stretch of the deciding match between two goals, and the live state during it."""

    start: int | None
    end: int | None
    state: MatchState


def stretches(story: TieStory) -> tuple[Stretch, ...]:
    """The deciding match cut at each goal: who was through, what each side needed."""
    line = story.timeline
    if line is None:
        return ()
    states = [(None, line.kickoff)] + [(m.goal, m.state) for m in line.moments]
    found = []
    for i, (goal, state) in enumerate(states):
        nxt = states[i + 1][0] if i + 1 < len(states) else None
        found.append(
            Stretch(
                None if goal is None else goal.minute, None if nxt is None else nxt.minute, state
            )
        )
    return tuple(found)


def _same(score: Score | None, pair: tuple[int, int]) -> bool:
    if score is None:
        return False
    return sorted((score.home, score.away)) == sorted(pair)


def _text(score: Score | None) -> str:
    return "none" if score is None else f"{score.home}-{score.away}"


def _minute(goal: Goal) -> str:
    return f"{goal.minute}+{goal.added}'" if goal.added else f"{goal.minute}'"


def _came_back(margins: list[int]) -> bool | None:
    """Whether a side with these goal margins in turn was behind and later level or ahead
    again (``None``: never behind)."""
    behind = next((i for i, m in enumerate(margins) if m < 0), None)
    return None if behind is None else any(m >= 0 for m in margins[behind:])


def _scorer(goal: Goal) -> str:
    return f"{goal.scorer or goal.team.name} {_minute(goal)}"


def _extra_time_played(story: TieStory) -> list[Match]:
    """The tie's matches up to the night's that went to extra time (the night's own, or a
    match a replay then followed)."""
    night = story.match.date
    return [m for m in story.tie.matches if m.extra_time is not None and m.date <= night]


class Judge:
    """Gives each claim its verdict against one night."""

    def __init__(self, night: Night, vocab: Vocabulary) -> None:
        self.night = night
        self.v = vocab

    def _claim(
        self,
        kind: Kind,
        ok: bool | None,
        sentence: str,
        offset: int,
        span: tuple[int, int],
        reason: str,
        story: TieStory | None,
        note: str | None = None,
    ) -> Claim:
        verdict = (
            Verdict.NOT_CHECKABLE
            if ok is None
            else Verdict.SUPPORTED
            if ok
            else Verdict.CONTRADICTED
        )
        a, b = span
        said = sentence[a:b]
        if said.strip():  # the words without the spaces a pattern took around them
            a, b = a + len(said) - len(said.lstrip()), b - len(said) + len(said.rstrip())
        return Claim(
            kind,
            verdict,
            sentence,
            sentence[a:b],
            offset + a,
            offset + b,
            "" if verdict is Verdict.SUPPORTED else reason,
            None if story is None else story.tie.label,
            note,
        )

    # -- teams ----------------------------------------------------------------------------
    def teams_elsewhere(self, text: str, offset: int, mentions: Iterable[Mention]) -> list[Claim]:
        """Teams named that did not play that night: their claims cannot be checked here."""
        found = []
        for m in mentions:
            if not m.pronoun and m.team not in self.night.playing:
                reason = f"{m.team.name} did not play that night; nothing said of them is checked"
                found.append(
                    self._claim(Kind.TEAM, None, text, offset, (m.start, m.end), reason, None)
                )
        return found

    def hosts_unplaced(
        self,
        text: str,
        offset: int,
        span: tuple[int, int],
        story: TieStory | None,
        hosts: tuple[str, ...] | None,
    ) -> Claim:
        """ "The hosts" of a tournament whose host nation does not play in the match told (or
        that had none, or none on record): nothing said of them is checked, no team guessed."""
        edition = f"{self.night.roundup.competition} {self.night.roundup.season}"
        if hosts is None:
            reason = f"no host nation of {edition} on record; nothing said of the hosts is checked"
        elif not hosts:
            reason = f"{edition} had no host nation; nothing said of the hosts is checked"
        else:
            where = "that match" if story is None else story.tie.label
            names = ", ".join(NATIONAL_TEAMS[code][0] for code in hosts)
            reason = (
                f"the hosts of {edition} ({names}) did not play in {where}; "
                "nothing said of them is checked"
            )
        return self._claim(Kind.TEAM, None, text, offset, span, reason, story)

    # -- results and scores -----------------------------------------------------------------
    def role(
        self, text: str, offset: int, m: re.Match[str], role: Role, team: Team, which: str
    ) -> Claim:
        """Who won or lost (the night's match, the first leg, the tie), who went through or
        out, and through despite a defeat."""
        story = self.night.story_of(team)
        span = (m.start(), m.end())
        name = team.name
        if story is None:
            return self._claim(
                Kind.THROUGH, None, text, offset, span, f"{name} did not play that night", None
            )
        if role is Role.CAME_BACK:
            return self._came_back(text, offset, span, story, team, which)
        if role is Role.CHAMPION:
            if not story.final:
                reason = f"{story.tie.round} is no final: no title decided that night"
                return self._claim(Kind.THROUGH, None, text, offset, span, reason, story)
            role = Role.THROUGH  # the final's winner is the champion
        if role in (Role.WON, Role.LOST, Role.DREW) and which != "tie":
            match = story.tie.first_leg if which == "first_leg" else story.match
            final = match.final_score
            if final is None:
                return self._claim(Kind.RESULT, None, text, offset, span, "not played", story)
            winner = (
                None if final.level else (match.home if final.home > final.away else match.away)
            )
            shot = match.penalties
            if role is not Role.DREW and winner is None and shot is not None:
                # a match a shoot-out settled is won by its winner ("went on to win")
                winner = match.home if shot.home > shot.away else match.away
            ok = (
                winner is None
                if role is Role.DREW
                else winner == team
                if role is Role.WON
                else winner is not None and winner != team
            )
            told = "a draw" if winner is None else f"won by {winner.name}"
            if shot is not None:
                told = f"a draw, won on penalties by {winner.name}" if winner else "a draw"
            reason = f"{match.home.name} {_text(final)} {match.away.name}: {told}"
            return self._claim(Kind.RESULT, ok, text, offset, span, reason, story)
        if not story.deciding:
            reason = "the tie was not decided that night"
            return self._claim(Kind.THROUGH, None, text, offset, span, reason, story)
        assert story.winner is not None
        assert story.loser is not None
        verdict = (
            f"{story.winner.name} won the final, {story.loser.name} lost it"
            if story.final
            else f"{story.winner.name} went through, {story.loser.name} went out"
        )
        if role is Role.DREW:
            agg = story.outcome.aggregate if story.outcome is not None else None
            ok = agg is not None and agg.team1 == agg.team2
            reason = "the aggregate was not level" if not ok else ""
            return self._claim(Kind.AGGREGATE, ok, text, offset, span, reason, story)
        if role is Role.DESPITE:
            ok = story.winner == team and story.through_despite_defeat
            reason = verdict if story.winner != team else f"{team.name} did not lose the match"
            return self._claim(Kind.DESPITE, ok, text, offset, span, reason, story)
        # through or won the tie; out or lost it
        ok = story.winner == team if role in (Role.THROUGH, Role.WON) else story.loser == team
        return self._claim(Kind.THROUGH, ok, text, offset, span, verdict, story)

    def _came_back(
        self,
        text: str,
        offset: int,
        span: tuple[int, int],
        story: TieStory,
        team: Team,
        which: str,
    ) -> Claim:
        """A side came back: behind at some moment, then level or ahead again later, in the
        night's match or on aggregate (only on aggregate when the words say so)."""
        if story.match.goals is None:
            reason = "the goals of that match are not on record"
            return self._claim(Kind.COMEBACK, None, text, offset, span, reason, story)
        home = story.match.home == team
        match = [0] + [(s.home - s.away) * (1 if home else -1) for _, s in story.scoreline]
        tie: list[int] = []
        if story.timeline is not None and not story.tie.single_match:
            first = story.tie.team1 == team
            states = [story.timeline.kickoff, *(m.state for m in story.timeline.moments)]
            tie = [
                (v.aggregate.team1 - v.aggregate.team2) * (1 if first else -1)
                for state in states
                if (v := state.verdict) is not None
            ]
        told = {"on aggregate": tie} if which == "tie" else {"in the match": match}
        if which != "tie" and tie:
            told["on aggregate"] = tie
        found = {where: _came_back(margins) for where, margins in told.items()}
        ok = any(found.values())
        reason = "; ".join(
            f"{team.name} were never behind {where}"
            if came is None
            else f"{team.name} were behind {where} and never drew level again"
            for where, came in found.items()
        )
        return self._claim(Kind.COMEBACK, ok, text, offset, span, "" if ok else reason, story)

    def method(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        method: str,
        story: TieStory | None,
        *,
        won_in: bool = False,
    ) -> Claim:
        """A way of deciding the tie named: it must be what the rules engine returned.

        ``won_in``: the words say a side won in it ("beat Spain after extra time", no
        shoot-out named), which a tie extra time left level refutes, though it was played.
        """
        span = (m.start(), m.end())
        if story is None:
            return self._claim(Kind.METHOD, None, text, offset, span, "no tie to check it on", None)
        if (
            method == "extra_time"
            and won_in
            and story.deciding
            and story.decided_by in _BEYOND_EXTRA_TIME
        ):
            shot = story.match.penalties
            reason = self.v.decided[story.decided_by.value]
            if shot is not None and story.winner is not None:
                score = f"{max(shot.home, shot.away)}-{min(shot.home, shot.away)}"
                reason += ": " + self.v.shootout_won.format(team=story.winner.name, score=score)
            return self._claim(Kind.METHOD, False, text, offset, span, reason, story)
        if method == "extra_time" and _extra_time_played(story):
            # extra time was played (in a match a replay then decided, too)
            return self._claim(Kind.METHOD, True, text, offset, span, "", story)
        if not story.deciding or story.decided_by is None:
            reason = "the tie was not decided that night"
            return self._claim(Kind.METHOD, None, text, offset, span, reason, story)
        ok = method in METHODS_OF[story.decided_by]
        reason = self.v.decided[story.decided_by.value]
        return self._claim(Kind.METHOD, ok, text, offset, span, reason, story)

    def score(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        qualifier: Kind | str | None,
        story: TieStory | None,
        fixture: tuple[Team, Team] | None,
        result: bool,
    ) -> Claim:
        """A score, read by the words next to it: aggregate, first leg, half-time, after 90
        minutes, after extra time, a shoot-out, a running score, or the night's result."""
        pair = (int(m.group(1)), int(m.group(2)))
        span = (m.start(), m.end())
        ok: bool | None
        if fixture is not None:
            story = self.night.story_of(fixture[0])
        if story is None:
            return self._claim(Kind.SCORE, None, text, offset, span, "no tie to check it on", None)
        match, tie = story.match, story.tie
        if fixture is not None and qualifier is None:
            home, away = fixture
            if {home, away} != set(tie.teams):
                reason = f"{home.name} and {away.name} did not meet that night"
                return self._claim(Kind.RESULT, False, text, offset, span, reason, story)
            final = match.final_score
            if final is None:
                return self._claim(Kind.RESULT, None, text, offset, span, "not played", story)
            own = (final.home, final.away) if home == match.home else (final.away, final.home)
            reason = f"{home.name} {own[0]}-{own[1]} {away.name}"
            return self._claim(Kind.RESULT, own == pair, text, offset, span, reason, story)
        if qualifier is Kind.AGGREGATE:
            agg = None if story.outcome is None else story.outcome.aggregate
            if agg is None or not story.deciding:
                reason = "no aggregate after that night's match"
                return self._claim(Kind.AGGREGATE, None, text, offset, span, reason, story)
            ok = sorted(pair) == sorted((agg.team1, agg.team2))
            side = story.winner or tie.team1
            own = (agg.team1, agg.team2) if side == tie.team1 else (agg.team2, agg.team1)
            reason = f"{side.name} {own[0]}-{own[1]} on aggregate"
            return self._claim(Kind.AGGREGATE, ok, text, offset, span, reason, story)
        if qualifier is Kind.FIRST_LEG:
            first = tie.first_leg.score if not tie.single_match or tie.replays else None
            reason = f"the first leg ended {_text(first)}"
            return self._claim(
                Kind.FIRST_LEG, _same(first, pair), text, offset, span, reason, story
            )
        if qualifier is Kind.SHOOTOUT:
            shot = match.penalties
            ok = None if shot is None and not story.deciding else _same(shot, pair)
            reason = f"the shoot-out: {_text(shot)}"
            return self._claim(Kind.SHOOTOUT, ok, text, offset, span, reason, story)
        if qualifier == "half_time":
            reason = f"the half-time score was {_text(match.half_time)}"
            ok = None if match.half_time is None else _same(match.half_time, pair)
            return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)
        if qualifier == "after_90":
            reason = f"the score after 90 minutes was {_text(match.score)}"
            return self._claim(
                Kind.SCORE, _same(match.score, pair), text, offset, span, reason, story
            )
        went_on = _extra_time_played(story)
        if qualifier == "extra_time" and went_on:  # the night's match, or a replayed one's
            after = ", ".join(_text(m.extra_time) for m in went_on)
            reason = f"the score after extra time was {after}"
            ok = any(_same(m.extra_time, pair) or _same(m.score, pair) for m in went_on)
            return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)
        running = [score for _, score in story.scoreline]
        match_scores = (match.score, match.half_time, match.extra_time)
        if qualifier == "running":
            if match.goals is None:
                ok = True if any(_same(s, pair) for s in match_scores) else None
                reason = "the goals of that match are not on record"
                return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)
            ok = any(_same(s, pair) for s in (*running, match.score, match.extra_time))
            line = ", ".join(_text(s) for s in running) or "no goals"
            return self._claim(Kind.SCORE, ok, text, offset, span, f"the score went {line}", story)
        finals = (match.score, match.extra_time)
        if result:
            ok = any(_same(s, pair) for s in finals)
            reason = f"{match.home.name} {_text(match.final_score)} {match.away.name}"
            if not ok and story.leg.value == "second_leg" and _same(tie.first_leg.score, pair):
                ok = True  # the first leg's result, told beside the night's
            return self._claim(Kind.RESULT, ok, text, offset, span, reason, story)
        agg = None if story.outcome is None or not story.deciding else story.outcome.aggregate
        everything = [
            *finals,
            match.half_time,
            *running,
            *(leg.score for leg in tie.legs if leg.date <= match.date),
            None if agg is None else Score(agg.team1, agg.team2),
            match.penalties,
        ]
        ok = any(_same(s, pair) for s in everything)
        if not ok and match.goals is None and story.leg.value != "first_leg":
            return self._claim(
                Kind.SCORE, None, text, offset, span, "a score the data has no moment for", story
            )
        reason = f"{match.home.name} {_text(match.final_score)} {match.away.name}"
        return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)

    def hypothetical(self, text: str, offset: int, m: re.Match[str]) -> Claim:
        """A score in a clause that wishes or supposes ("would have been 3-3"): no fact."""
        reason = "a hypothetical score (would, could): the what-if itself is checked, not it"
        return self._claim(Kind.SCORE, None, text, offset, (m.start(), m.end()), reason, None)

    # -- goals and cards ------------------------------------------------------------------
    def goal(
        self,
        text: str,
        offset: int,
        named: tuple[int, int, str],
        minute: Moment | None,
        story: TieStory | None,
        own: bool,
        penalty: bool,
        substitute: bool,
        score: re.Match[str] | None,
        count: tuple[int, int, int] | None = None,
        role: tuple[str, int, int] | None = None,
        within: tuple[Moment | None, ...] = (),
    ) -> Claim:
        """A goal by a named player: scorer, minute, own goal or penalty, the score it made,
        how many he scored (``count``: number, start, end; own goals not counted; in the
        minutes named, ``within``, if any) and what his goal was (``role``: opener,
        equaliser or winner, start, end)."""
        a, b, name = named
        span = (a, b) if minute is None else (min(a, minute.start), max(b, minute.end))
        for said in (count, role):
            if said is not None:
                span = (min(span[0], said[1]), max(span[1], said[2]))
        stories = [story] if story is not None else list(self.night.stories)
        player, misspelt = self.night.player(name, story)
        if player is None and story is not None:
            player, misspelt = self.night.player(name, None)
        if player is not None:
            story = self.night.story_of(player.tie.team1) or story
        if story is None or all(s.match.goals is None for s in stories if s is not None):
            reason = "the goal events of that match are not on record"
            return self._claim(Kind.GOAL, None, text, offset, span, reason, story)
        goals = sorted(story.match.goals or (), key=lambda g: (g.minute, g.added))
        listing = ", ".join(_scorer(g) for g in goals) or "none"
        if player is None:
            reason = f"{name} did not score; the goals: {listing}"
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story)
        note = f"the data spells it {player.name}" if misspelt else None
        scored = [g for g in goals if g.scorer == player.name]
        if not scored:
            reason = f"{player.name} did not score; the goals: {listing}"
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        windows = [m for m in within if m is not None]
        tally = [
            g
            for g in scored
            if not g.own_goal and (not windows or any(m.holds(g.minute, g.added) for m in windows))
        ]
        if count is not None and len(tally) != count[0]:
            at = ", ".join(_minute(g) for g in tally) or "own goals only"
            when = " in the minutes named" if windows else ""
            reason = f"{player.name} scored {len(tally)}{when} ({at})"
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if minute is not None:
            scored = [g for g in scored if minute.holds(g.minute, g.added)]
            if not scored:
                own_goals = ", ".join(_minute(g) for g in goals if g.scorer == player.name)
                reason = f"{player.name} scored at {own_goals}"
                return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if own and not any(g.own_goal for g in scored):
            reason = f"{player.name}'s goal was no own goal"
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if penalty and not any(g.penalty for g in scored):
            reason = f"{player.name}'s goal was no penalty"
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if score is not None:
            made = dict(story.scoreline)
            pair = (int(score.group(1)), int(score.group(2)))
            if not any(_same(made[g], pair) for g in scored):
                reason = f"{player.name}'s goal made it {_text(made[scored[0]])}"
                return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if role is not None and not any(self._was(story, g, role[0]) for g in scored):
            reason = self._role_reason(story, role[0])
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if substitute:
            note = ((note + "; ") if note else "") + "the data does not record substitutions"
        return self._claim(Kind.GOAL, True, text, offset, span, "", story, note)

    def shootout_kick(
        self, text: str, offset: int, named: tuple[int, int, str], story: TieStory | None
    ) -> Claim:
        """A kick of a shoot-out said of a player ("Montiel scored the decisive penalty"): a
        shoot-out kick is no goal, and the data records the shoot-out's score, not its takers,
        so the goal list neither confirms nor refutes it."""
        a, b, _ = named
        reason = "a shoot-out kick, no goal: the data does not record who took the kicks"
        return self._claim(Kind.SHOOTOUT, None, text, offset, (a, b), reason, story)

    @staticmethod
    def _winning_goal(story: TieStory) -> Goal | None:
        """The goal that won the match: the winner's goal one past the loser's tally (none
        for a match drawn after 90 minutes or extra time)."""
        final = story.match.final_score
        if final is None or final.home == final.away:
            return None
        winner = story.match.home if final.home > final.away else story.match.away
        beaten = min(final.home, final.away)
        own = [g for g, _ in story.scoreline if g.team == winner]
        return own[beaten] if len(own) > beaten else None

    def _was(self, story: TieStory, goal: Goal, role: str) -> bool:
        """Whether ``goal`` was the match's first (``opener``), put its side ahead from level
        (``lead``), levelled the match or the tie (``equaliser``), or won the match or put its
        side through for good (``winner``)."""
        line = story.scoreline
        if role == "opener":
            return bool(line) and line[0][0] == goal
        if role == "lead":
            made = next((score for g, score in line if g == goal), None)
            if made is None:
                return False
            own, other = (made.home, made.away)
            if goal.team != story.match.home:
                own, other = other, own
            return own == other + 1
        if role == "equaliser":
            made = next((score for g, score in line if g == goal), None)
            moment = next(
                (m for m in (story.timeline.moments if story.timeline else ()) if m.goal == goal),
                None,
            )
            verdict = None if moment is None else moment.state.verdict
            level_tie = verdict is not None and verdict.aggregate.team1 == verdict.aggregate.team2
            return (made is not None and made.home == made.away) or level_tie
        return goal in (self._winning_goal(story), story.decisive_goal)

    def _role_reason(self, story: TieStory, role: str) -> str:
        """What the data says of the goal the words name."""
        line = story.scoreline
        if role == "opener":
            first = line[0][0] if line else None
            return "no goal" if first is None else f"the first goal: {_scorer(first)}"
        if role == "equaliser":
            return "his goal levelled neither the match nor the tie"
        if role == "lead":
            return "his goal did not put his side ahead from level"
        won = self._winning_goal(story) or story.decisive_goal
        return "no goal won it" if won is None else f"the winning goal: {_scorer(won)}"

    def team_goal(
        self, text: str, offset: int, minute: Moment, team: Team, story: TieStory | None
    ) -> Claim:
        """A goal by a team at a minute, no scorer named."""
        span = (minute.start, minute.end)
        story = self.night.story_of(team) or story
        if story is None or story.match.goals is None:
            reason = "the goal events of that match are not on record"
            return self._claim(Kind.GOAL, None, text, offset, span, reason, story)
        goals = story.match.goals
        ok = any(minute.holds(g.minute, g.added) for g in goals)
        listing = ", ".join(_scorer(g) for g in goals) or "none"
        return self._claim(Kind.GOAL, ok, text, offset, span, f"the goals: {listing}", story)

    def running_by(
        self,
        text: str,
        offset: int,
        score: re.Match[str],
        left: int,
        minute: Moment,
        story: TieStory | None,
    ) -> Claim:
        """A score at a moment: "0-2 achter na nog geen 25 minuten"."""
        span = (min(left + score.start(), minute.start), max(left + score.end(), minute.end))
        pair = (int(score.group(1)), int(score.group(2)))
        if story is None or story.match.goals is None:
            reason = "the goal events of that match are not on record"
            return self._claim(Kind.SCORE, None, text, offset, span, reason, story)
        line = story.scoreline
        ok = any(minute.holds(g.minute, g.added) and _same(s, pair) for g, s in line)
        if not ok and minute.low == minute.high:
            now = Score(0, 0)
            for g, s in line:
                if (g.minute, g.added) <= (minute.low, minute.added or 99):
                    now = s
            ok = _same(now, pair)
        told = ", ".join(f"{_text(s)} ({_minute(g)})" for g, s in line) or "no goals"
        return self._claim(Kind.SCORE, ok, text, offset, span, f"the score went {told}", story)

    def red_card(
        self,
        text: str,
        offset: int,
        named: tuple[int, int, str],
        minute: Moment | None,
        team: Team | None,
        second: bool,
        story: TieStory | None,
    ) -> Claim:
        """A sending-off: the player, the minute, a second yellow card."""
        a, b, name = named
        span = (a, b) if minute is None else (min(a, minute.start), max(b, minute.end))
        if team is not None:
            story = self.night.story_of(team) or story
        anywhere, _ = self.night.player(name, None)
        if anywhere is not None and (story is None or self.night.player(name, story)[0] is None):
            story = self.night.story_of(anywhere.tie.team1) or story
        if story is None or story.match.red_cards is None:
            reason = "the red cards of that match are not on record"
            return self._claim(Kind.RED_CARD, None, text, offset, span, reason, story)
        cards = story.match.red_cards
        player, misspelt = self.night.player(name, story)
        listing = ", ".join(f"{c.player} {c.minute}'" for c in cards) or "nobody was sent off"
        found = [c for c in cards if player is not None and c.player == player.name]
        if minute is not None:
            found = [c for c in found if minute.holds(c.minute, c.added)]
        if second:
            found = [c for c in found if c.second_yellow]
        note = None if player is None or not misspelt else f"the data spells it {player.name}"
        return self._claim(
            Kind.RED_CARD, bool(found), text, offset, span, f"sent off: {listing}", story, note
        )

    # -- the live state: spells and what-ifs ----------------------------------------------
    def spell(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        teams: list[Team] | None,
        phase: str | None,
        span: tuple[int | None, int | None],
        method: str | None,
        *,
        out: bool = False,
        current: TieStory | None = None,
    ) -> Claim:
        """Who was through (or out) during a stretch of the match, or where a level tie was
        heading, by the live timeline: "Atalanta were through on away goals from the 11th
        minute until the 83rd"."""
        words = (0, len(text))
        team = teams[0] if teams else None
        story = self.night.story_of(team) if team is not None else None
        if story is None and teams is None:
            story = current
        if story is None or story.timeline is None:
            reason = "the goal events of the deciding match are not on record"
            return self._claim(Kind.SPELL, None, text, offset, words, reason, story)

        def holds(state: MatchState) -> bool:
            if phase is not None:
                return state.through is None and state.awaiting is Phase(phase.replace("_", " "))
            if team is None:
                return False
            through = state.through == team if not out else state.through not in (None, team)
            if through and method == "away_goals":
                return state.decided_by in (DecidedBy.AWAY_GOALS, DecidedBy.AWAY_GOALS_EXTRA_TIME)
            return through

        exact = span in _bounds(story, holds)
        told = "; ".join(f"{_from_to(s)}: {explain_state(s.state)}" for s in stretches(story))
        return self._claim(Kind.SPELL, exact, text, offset, words, told, story)

    def one_goal_to_force(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        teams: list[Team],
        phase: str,
        span: tuple[int | None, int | None],
        nth: int | None,
    ) -> Claim:
        """ "One more Östersund goal would have forced extra time (from the 23rd minute to
        the 47th)": one goal was all ``team`` needed to force it, by the live engine."""
        words = (0, len(text))
        team = teams[0] if teams else None
        story = self.night.story_of(team) if team is not None else None
        if team is None or story is None or story.timeline is None:
            reason = "the goal events of the deciding match are not on record"
            return self._claim(Kind.WHAT_IF, None, text, offset, words, reason, story)
        wanted = Phase.EXTRA_TIME if phase == "extra_time" else Phase.PENALTIES

        def holds(state: MatchState) -> bool:
            if nth is not None and _goals_of(state, team) != nth - 1:
                return False
            need = needs(state, team)
            return need.forces is wanted and need.to_force == 1

        return self._what_if(text, offset, story, holds, span, team, "force " + phase)

    def one_goal_from_out(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        teams: list[Team],
        span: tuple[int | None, int | None],
    ) -> Claim:
        """ "Dortmund were one goal from going out": ``team`` was through and one goal by the
        other side would have put it out."""
        words = (0, len(text))
        team = teams[0] if teams else None
        story = self.night.story_of(team) if team is not None else None
        if team is None or story is None or story.timeline is None:
            reason = "the goal events of the deciding match are not on record"
            return self._claim(Kind.WHAT_IF, None, text, offset, words, reason, story)
        other = story.tie.opponent(team)

        def holds(state: MatchState) -> bool:
            return state.through == team and needs(state, other).to_go_through == 1

        return self._what_if(text, offset, story, holds, span, team, "go out")

    def _what_if(
        self,
        text: str,
        offset: int,
        story: TieStory,
        holds: object,
        span: tuple[int | None, int | None],
        team: Team,
        what: str,
    ) -> Claim:
        assert callable(holds)
        words = (0, len(text))
        bounded = _bounds(story, holds)
        start, end = span
        if start is None and end is None:
            ok = bool(bounded)
        else:
            ok = any(_fits(b, start, end) for b in bounded)
        when = ", ".join(_from_to_bounds(b) for b in bounded) or "at no moment"
        reason = f"one {team.name} goal was enough to {what.replace('_', ' ')}: {when}"
        return self._claim(Kind.WHAT_IF, ok, text, offset, words, reason, story)

    def at_score(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        teams: list[Team],
        role: Role | None,
        method: str | None,
    ) -> Claim | None:
        """ "At 1-0 Dortmund were out on away goals": the live state at that score."""
        if role is None or not teams:
            return None
        team = teams[0]
        story = self.night.story_of(team)
        words = (0, len(text))
        if story is None or (not story.deciding and story.leg.value == "first_leg"):
            reason = "no deciding match that night"
            return self._claim(Kind.WHAT_IF, None, text, offset, words, reason, story)
        h, a = int(m.group("h")), int(m.group("a"))
        told = []
        both = [Score(h, a), Score(a, h)]
        seen = [s for s in both if s in {score for _, score in story.scoreline}]
        for score in seen if len(seen) == 1 else both:
            try:
                state = state_at(story.tie, self.night.rules, score)
            except MatchdayError:
                continue
            through = state.through
            ok = through == team if role is Role.THROUGH else through not in (None, team)
            if ok and method == "away_goals":
                ok = state.decided_by is DecidedBy.AWAY_GOALS
            if ok:
                return self._claim(Kind.WHAT_IF, True, text, offset, words, "", story)
            told.append(f"at {_text(score)}: {explain_state(state)}")
        return self._claim(Kind.WHAT_IF, False, text, offset, words, "; ".join(told), story)

    # -- the forecast ---------------------------------------------------------------------
    def percent(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        team: Team | None,
        minute: int | None,
        *,
        kickoff: bool,
        floor: bool,
    ) -> Claim:
        """A chance in figures: at kick-off, its lowest ("never fell below"), or at a minute."""
        span = (m.start(), m.end())
        story = self.night.story_of(team) if team is not None else None
        forecast = None if story is None else self.night.forecasts.get(story.tie)
        if team is None or story is None or forecast is None:
            reason = "no forecast of that tie to check it with"
            return self._claim(Kind.CHANCE, None, text, offset, span, reason, story)
        if kickoff:
            chance, when = forecast.chance(story.tie, team), "at kick-off"
        elif floor or minute is None:
            chance, when = forecast.lowest(story.tie, team), "at its lowest"
        else:
            chance, when = forecast.chance(story.tie, team, minute), f"in minute {minute}"
        if chance is None:
            reason = "the forecast has no series minute by minute for that match"
            return self._claim(Kind.CHANCE, None, text, offset, span, reason, story)
        ok = _prints_as(chance, m.group("q"), int(m.group("p")))
        reason = f"the forecast gave {team.name} {chance:.1%} {when}"
        return self._claim(Kind.CHANCE, ok, text, offset, span, reason, story)

    def band(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        band: Band,
        teams: list[Team],
        when: Moment | None,
    ) -> Claim:
        """A chance in words, against the documented bands (``FORMALITY``, ``BRINK``,
        ``FAVOURITE``)."""
        span = (m.start(), m.end())
        team = teams[0] if teams else None
        story = self.night.story_of(team) if team is not None else None
        forecast = None if story is None else self.night.forecasts.get(story.tie)
        if team is None or story is None or forecast is None:
            reason = "no forecast of that tie to check it with"
            return self._claim(Kind.CHANCE, None, text, offset, span, reason, story)
        start = forecast.chance(story.tie, team)
        assert start is not None
        if band is Band.BRINK:
            if when is None:
                low = forecast.lowest(story.tie, team)
            else:  # the lowest chance over the minutes the words may mean
                found = [
                    forecast.chance(story.tie, team, minute)
                    for minute in range(when.low, when.high + 1)
                ]
                low = min((c for c in found if c is not None), default=None)
            if low is None:
                low = start
            ok = low <= BRINK
            reason = f"{team.name}'s chance fell no lower than {low:.0%} (the brink: {BRINK:.0%})"
        elif band is Band.FORMALITY:
            ok = start >= FORMALITY
            reason = (
                f"{team.name}'s chance at kick-off of the deciding match was {start:.0%} "
                f"(a formality from {FORMALITY:.0%})"
            )
        else:
            ok = start > FAVOURITE if band is Band.FAVOURITE else start < FAVOURITE
            reason = f"{team.name}'s chance at kick-off of the deciding match was {start:.0%}"
        return self._claim(Kind.CHANCE, ok, text, offset, span, reason, story)


def _goals_of(state: MatchState, team: Team) -> int:
    goals: int = state.score.home if team == state.match.home else state.score.away
    return goals


def _bounds(story: TieStory, holds: object) -> list[tuple[int | None, int | None]]:
    """The stretches of the match (merged) during which ``holds(state)``."""
    assert callable(holds)
    found: list[tuple[int | None, int | None]] = []
    opened, start = False, None
    for s in stretches(story):
        ok = bool(holds(s.state))
        if ok and not opened:
            opened, start = True, s.start
        elif not ok and opened:
            found.append((start, s.start))
            opened = False
    if opened:
        found.append((start, None))
    return found


def _fits(bound: tuple[int | None, int | None], start: int | None, end: int | None) -> bool:
    """A stretch told from ``start`` to ``end`` matches a stretch of the data."""
    lo, hi = bound
    return (start is None or lo == start) and (end is None or hi == end)


def _from_to(s: Stretch) -> str:
    return _from_to_bounds((s.start, s.end))


def _from_to_bounds(bound: tuple[int | None, int | None]) -> str:
    lo, hi = bound
    a = "kick-off" if lo is None else f"{lo}'"
    b = "the end" if hi is None else f"{hi}'"
    return f"from {a} to {b}"


def _prints_as(chance: float, qualifier: str | None, percent: int) -> bool:
    """Whether ``chance`` is what "``qualifier`` ``percent``%" says, in whole percents."""
    if qualifier in ("less than", "minder dan", "nog geen") and percent == 1:
        return 0 < chance < 0.005
    if qualifier in ("more than", "meer dan") and percent == 99:
        return 0.995 <= chance < 1
    return round(100 * chance) == percent
