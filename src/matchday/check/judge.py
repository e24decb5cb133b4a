"""The verdicts: each kind of claim compared with the night's facts, the rules engine's
outcomes, the live state at a score and the forecast of that moment. Pure functions of the
claim's parts and a ``Night``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from matchday.check.claims import Claim, Kind, Verdict
from matchday.check.night import Night
from matchday.check.reasons import Reason, Why, state_reason
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
from matchday.live import MatchState, needs, state_at
from matchday.model import Goal, Match, Score, Team
from matchday.report.story import LegKind, TieStory
from matchday.rules import DecidedBy, Phase

__all__ = ["METHODS_OF", "Judge", "Mention", "Moment", "stretches"]

METHODS_OF: dict[DecidedBy, frozenset[str]] = {
    DecidedBy.AGGREGATE: frozenset({"normal_time"}),
    DecidedBy.AWAY_GOALS: frozenset({"away_goals", "normal_time"}),
    DecidedBy.EXTRA_TIME: frozenset({"extra_time"}),
    DecidedBy.AWAY_GOALS_EXTRA_TIME: frozenset({"away_goals", "extra_time"}),
    DecidedBy.PENALTIES: frozenset({"extra_time", "penalties"}),
    DecidedBy.SINGLE_MATCH: frozenset({"normal_time"}),
    DecidedBy.SINGLE_MATCH_EXTRA_TIME: frozenset({"extra_time"}),
    DecidedBy.SINGLE_MATCH_PENALTIES: frozenset({"extra_time", "penalties"}),
    DecidedBy.GOLDEN_GOAL: frozenset({"extra_time"}),
    DecidedBy.SILVER_GOAL: frozenset({"extra_time"}),
    DecidedBy.REPLAY: frozenset(),
    DecidedBy.LOTS: frozenset({"extra_time", "lots"}),
    DecidedBy.OFF_THE_PITCH: frozenset(),
}
"""The ways of deciding a tie a sentence may name, by what the rules engine says decided it
(a tie settled on penalties was level after extra time, so extra time may be named; so may it
be wherever one of the tie's matches went to extra time, as a replayed tie's first match;
``normal_time`` where the deciding match was settled without extra time)."""

_BEYOND_EXTRA_TIME = frozenset(
    {DecidedBy.PENALTIES, DecidedBy.SINGLE_MATCH_PENALTIES, DecidedBy.LOTS}
)
"""Ties that extra time left level: a side that "won after extra time" of them did not win in
it (the shoot-out, or the lots, decided)."""


_ROLE_KINDS = {
    Role.WON: Kind.RESULT,
    Role.LOST: Kind.RESULT,
    Role.DREW: Kind.RESULT,
    Role.DESPITE: Kind.DESPITE,
    Role.CAME_BACK: Kind.COMEBACK,
}
"""The kind of claim a phrase's role makes where it is not a side going through or out."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A team named in a sentence (offsets within it); ``pronoun`` for "they", "ze";
    ``misspelt`` for a name one or two letters off every name of the team in the article's
    language ("Frankryk")."""

    start: int
    end: int
    team: Team
    pronoun: bool = False
    misspelt: bool = False


@dataclass(frozen=True, slots=True)
class Moment:
    """A minute named in a sentence: exactly (``low == high``) or as a range of minutes."""

    start: int
    end: int
    low: int
    high: int
    added: int = 0
    also: int | None = None
    """Another minute the added time may be added to ("stoppage time of extra time": 105 or
    120)."""

    def holds(self, minute: int, added: int = 0) -> bool:
        """Whether an event at ``minute``+``added`` fits the words."""
        if self.low == self.high and self.added:
            return added == self.added and minute in (self.low, self.also)
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


def _came_back(margins: list[int]) -> bool | None:
    """Whether a side with these goal margins in turn was behind and later level or ahead
    again (``None``: never behind)."""
    behind = next((i for i, m in enumerate(margins) if m < 0), None)
    return None if behind is None else any(m >= 0 for m in margins[behind:])


def _no_extra_time(story: TieStory) -> Reason | None:
    """What the data says of a tie that extra time never reached though extra time could not
    decide it (a shoot-out straight after 90 minutes, as under ``no-extra-time``): ``None``
    where extra time was played or the tie was not decided that way that night."""
    if not story.deciding or story.decided_by not in _BEYOND_EXTRA_TIME:
        return None
    if _extra_time_played(story):
        return None
    match, shot = story.match, story.match.penalties
    return Reason.of(
        Why.NO_EXTRA_TIME,
        home=match.home,
        score=match.score,
        away=match.away,
        winner=story.winner if shot is not None else None,
        shootout=None if shot is None else (max(shot.home, shot.away), min(shot.home, shot.away)),
    )


def _replay_won(story: TieStory) -> Reason | None:
    """How the replay that decided the tie that night was won (in normal time, or after
    extra time); ``None`` on any other night."""
    if not story.deciding or story.decided_by is not DecidedBy.REPLAY or story.winner is None:
        return None
    match = story.match
    return Reason.of(
        Why.REPLAY_WON,
        home=match.home,
        score=match.extra_time or match.score,
        away=match.away,
        winner=story.winner,
        after_extra_time=match.extra_time is not None,
    )


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
        reason: Reason,
        story: TieStory | None,
        note: Reason | None = None,
    ) -> Claim:
        """A claim with its verdict (``ok``: supported, contradicted, ``None``: not
        checkable) and its reason, whatever the verdict: what the data says of it, or why it
        cannot be checked."""
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
            reason,
            None if story is None else story.tie.label,
            note,
        )

    # -- teams ----------------------------------------------------------------------------
    def teams_elsewhere(self, text: str, offset: int, mentions: Iterable[Mention]) -> list[Claim]:
        """Teams named that did not play that night: their claims cannot be checked here."""
        found = []
        for m in mentions:
            if not m.pronoun and m.team not in self.night.playing:
                reason = Reason.of(Why.ELSEWHERE, team=m.team)
                found.append(
                    self._claim(Kind.TEAM, None, text, offset, (m.start, m.end), reason, None)
                )
        return found

    def player_unknown(
        self,
        text: str,
        offset: int,
        span: tuple[int, int],
        role: Role,
        name: str,
        sides: frozenset[Team],
    ) -> Claim:
        """What is said of the side of a player named alone, whom the night's goals and cards
        do not place on one side: in no match (``sides`` empty), or on more than one."""
        reason = (
            Reason.of(Why.PLAYER_NOWHERE, player=name)
            if not sides
            else Reason.of(Why.PLAYER_UNPLACED, player=name, teams=tuple(sorted(sides, key=str)))
        )
        kind = _ROLE_KINDS.get(role, Kind.THROUGH)
        return self._claim(kind, None, text, offset, span, reason, None)

    def side_unnamed(
        self, text: str, offset: int, span: tuple[int, int], role: Role, words: str
    ) -> Claim:
        """What is said of a side named by an adjective ("de Braziliaanse ploeg"), which the
        checker does not tell as a team: not checked, and said plainly."""
        reason = Reason.of(Why.SIDE_UNNAMED, written=words)
        return self._claim(
            _ROLE_KINDS.get(role, Kind.THROUGH), None, text, offset, span, reason, None
        )

    def absent(
        self, kind: Kind, text: str, offset: int, span: tuple[int, int], team: Team
    ) -> Claim:
        """A claim said of ``team``, which did not play that night (or in that round): not
        checkable, and the reason says it did not play; never judged against the tie of a
        side named beside it ("Germany were favourites against Brazil")."""
        reason = Reason.of(Why.DID_NOT_PLAY, team=team)
        return self._claim(kind, None, text, offset, span, reason, None)

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
        edition = {
            "competition": self.night.roundup.competition,
            "season": self.night.roundup.season,
        }
        if hosts is None:
            reason = Reason.of(Why.NO_HOSTS_ON_RECORD, **edition)
        elif not hosts:
            reason = Reason.of(Why.NO_HOSTS, **edition)
        else:
            reason = Reason.of(
                Why.HOSTS_ELSEWHERE,
                **edition,
                hosts=tuple(NATIONAL_TEAMS[code][0] for code in hosts),
                teams=() if story is None else story.tie.teams,
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
        if story is None:
            reason = Reason.of(Why.DID_NOT_PLAY, team=team)
            return self._claim(Kind.THROUGH, None, text, offset, span, reason, None)
        if role is Role.CAME_BACK:
            return self._came_back(text, offset, span, story, team, which)
        if role is Role.CHAMPION:
            if not story.final:
                reason = Reason.of(Why.NO_FINAL, round=story.tie.round)
                return self._claim(Kind.THROUGH, None, text, offset, span, reason, story)
            role = Role.THROUGH  # the final's winner is the champion
        if role in (Role.WON, Role.LOST, Role.DREW) and which != "tie":
            match = story.tie.first_leg if which == "first_leg" else story.match
            final = match.final_score
            if final is None:
                reason = Reason.of(Why.NOT_PLAYED)
                return self._claim(Kind.RESULT, None, text, offset, span, reason, story)
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
            reason = Reason.of(
                Why.RESULT,
                home=match.home,
                score=final,
                away=match.away,
                winner=winner,
                # a draw won on penalties; not a second leg won 2-1 that a shoot-out on a
                # level aggregate followed
                shootout=shot is not None and final.level,
            )
            return self._claim(Kind.RESULT, ok, text, offset, span, reason, story)
        first_leg_night = story.tie.second_leg_to_come or story.leg is LegKind.FIRST_LEG
        if not story.deciding and first_leg_night and role is not Role.DREW:
            # after a first leg, the second to come that night (whether or not the file has it
            # played since), nobody is through or out yet
            first = story.tie.first_leg
            reason = Reason.of(
                Why.SECOND_LEG_TO_COME, home=first.home, score=first.final_score, away=first.away
            )
            return self._claim(Kind.THROUGH, False, text, offset, span, reason, story)
        if not story.deciding:
            reason = Reason.of(Why.NOT_DECIDED)
            return self._claim(Kind.THROUGH, None, text, offset, span, reason, story)
        assert story.winner is not None
        assert story.loser is not None
        verdict = Reason.of(Why.TIE_WON, winner=story.winner, loser=story.loser, final=story.final)
        if role is Role.DREW:
            agg = story.outcome.aggregate if story.outcome is not None else None
            ok = agg is not None and agg.team1 == agg.team2
            reason = Reason.of(Why.AGGREGATE_NOT_LEVEL)
            if ok and agg is not None:
                reason = Reason.of(Why.AGGREGATE, team=team, goals=(agg.team1, agg.team2))
            return self._claim(Kind.AGGREGATE, ok, text, offset, span, reason, story)
        if role is Role.DESPITE:
            ok = story.winner == team and story.through_despite_defeat
            reason = verdict if story.winner != team else Reason.of(Why.DID_NOT_LOSE, team=team)
            final = story.match.final_score
            if ok and final is not None:  # through, and the defeat that did not stop it
                lost = Reason.of(
                    Why.RESULT,
                    home=story.match.home,
                    score=final,
                    away=story.match.away,
                    winner=story.tie.opponent(team),
                    shootout=False,
                )
                reason = Reason.each([verdict, lost])
            return self._claim(Kind.DESPITE, ok, text, offset, span, reason, story)
        # through or won the tie; out or lost it
        ok = story.winner == team if role in (Role.THROUGH, Role.WON) else story.loser == team
        return self._claim(Kind.THROUGH, ok, text, offset, span, verdict, story)

    def not_met(self, text: str, offset: int, m: re.Match[str], team: Team, other: Team) -> Claim:
        """A win, a defeat or an exit of ``team`` said to be against ``other``, which played
        that night but not against it ("België werd uitgeschakeld door Marokko"): the two
        did not meet, never another side's result swapped in."""
        story = self.night.story_of(team)
        opponent = None if story is None else story.tie.opponent(team)
        reason = Reason.of(Why.DID_NOT_MEET, home=team, away=other, opponent=opponent)
        return self._claim(Kind.THROUGH, False, text, offset, m.span(), reason, story)

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
            reason = Reason.of(Why.GOALS_NOT_ON_RECORD)
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
        told = {"aggregate": tie} if which == "tie" else {"match": match}
        if which != "tie" and tie:
            told["aggregate"] = tie
        found = {where: _came_back(margins) for where, margins in told.items()}
        ok = any(found.values())
        if ok:  # how the score went: behind, then level or ahead again
            line = story.scoreline
            went = Reason.of(
                Why.SCORE_WENT, scores=tuple(s for _, s in line), goals=tuple(g for g, _ in line)
            )
            return self._claim(Kind.COMEBACK, ok, text, offset, span, went, story)
        reason = Reason.each(
            [
                Reason.of(
                    Why.NEVER_BEHIND if came is None else Why.NEVER_LEVEL_AGAIN,
                    team=team,
                    where=where,
                )
                for where, came in found.items()
            ]
        )
        return self._claim(Kind.COMEBACK, ok, text, offset, span, reason, story)

    def method(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        method: str,
        story: TieStory | None,
        *,
        won_in: bool = False,
        of_win: bool = False,
    ) -> Claim:
        """A way of deciding the tie named: it must be what the rules engine returned.

        ``won_in``: the words say a side won in it ("beat Spain after extra time", no
        shoot-out named), which a tie extra time left level refutes, though it was played.
        ``of_win``: the words (maybe denied: "won without extra time") tell how the night's
        match was won; on a replay's night, the replay's own extra time, not the first match's.
        """
        span = (m.start(), m.end())
        if story is None:
            reason = Reason.of(Why.NO_TIE)
            return self._claim(Kind.METHOD, None, text, offset, span, reason, None)
        replayed = _replay_won(story)
        if replayed is not None and (
            method == "normal_time" or (method == "extra_time" and of_win)
        ):
            after = story.match.extra_time is not None
            ok = after if method == "extra_time" else not after
            return self._claim(Kind.METHOD, ok, text, offset, span, replayed, story)
        straight = _no_extra_time(story) if method == "extra_time" else None
        if straight is not None:  # "after extra time" of a tie that went straight to penalties
            return self._claim(Kind.METHOD, False, text, offset, span, straight, story)
        if (
            method == "extra_time"
            and won_in
            and story.deciding
            and story.decided_by in _BEYOND_EXTRA_TIME
        ):
            shot = story.match.penalties
            told = shot is not None and story.winner is not None
            reason = Reason.of(
                Why.DECIDED,
                by=story.decided_by,
                winner=story.winner if told else None,
                shootout=(max(shot.home, shot.away), min(shot.home, shot.away))
                if shot is not None and told
                else None,
            )
            return self._claim(Kind.METHOD, False, text, offset, span, reason, story)
        went_on = _extra_time_played(story)
        if method == "extra_time" and went_on:
            # extra time was played (in a match a replay then decided, too)
            played = Reason.of(Why.AFTER_EXTRA_TIME, scores=tuple(m.extra_time for m in went_on))
            return self._claim(Kind.METHOD, True, text, offset, span, played, story)
        if not story.deciding or story.decided_by is None:
            reason = Reason.of(Why.NOT_DECIDED)
            return self._claim(Kind.METHOD, None, text, offset, span, reason, story)
        ok = method in METHODS_OF[story.decided_by]
        reason = Reason.of(Why.DECIDED, by=story.decided_by, winner=None, shootout=None)
        return self._claim(Kind.METHOD, ok, text, offset, span, reason, story)

    def straight(self, text: str, offset: int, m: re.Match[str], story: TieStory | None) -> Claim:
        """A shoot-out straight after 90 minutes ("went straight to penalties"): the tie must
        have been decided on penalties with no extra time played before them."""
        span = (m.start(), m.end())
        if story is None:
            reason = Reason.of(Why.NO_TIE)
            return self._claim(Kind.METHOD, None, text, offset, span, reason, None)
        went_on = _extra_time_played(story)
        if went_on:
            played = Reason.of(Why.AFTER_EXTRA_TIME, scores=tuple(m.extra_time for m in went_on))
            return self._claim(Kind.METHOD, False, text, offset, span, played, story)
        if not story.deciding or story.decided_by is None:
            reason = Reason.of(Why.NOT_DECIDED)
            return self._claim(Kind.METHOD, None, text, offset, span, reason, story)
        straight = _no_extra_time(story)
        if straight is not None and story.match.penalties is not None:
            return self._claim(Kind.METHOD, True, text, offset, span, straight, story)
        reason = Reason.of(Why.DECIDED, by=story.decided_by, winner=None, shootout=None)
        return self._claim(Kind.METHOD, False, text, offset, span, reason, story)

    def score(
        self,
        text: str,
        offset: int,
        m: re.Match[str],
        qualifier: Kind | str | None,
        story: TieStory | None,
        fixture: tuple[Team, Team] | None,
        result: bool,
        *,
        first: Team | None = None,
        led: tuple[Team | None, bool] | None = None,
    ) -> Claim:
        """A score, read by the words next to it: aggregate, first leg, half-time, after 90
        minutes, after extra time, a shoot-out, a running score, or the night's result. A
        shoot-out's score said of a side (``first``, its kicks first) must be that side's:
        "France won the shoot-out 4-2" credits France with Argentina's four. A score said to
        be led (``led``: the side, ``True``) or trailed (``False``) by a side must have been
        that side's, the higher (lower) figure its goals: "Poland led 2-0" is not France's 2-0;
        led by a side not told, it is not checkable."""
        pair = (int(m.group(1)), int(m.group(2)))
        span = (m.start(), m.end())
        ok: bool | None
        if fixture is not None:
            story = self.night.story_of(fixture[0])
        if story is None:
            return self._claim(Kind.SCORE, None, text, offset, span, Reason.of(Why.NO_TIE), None)
        match, tie = story.match, story.tie
        if led is not None and pair[0] != pair[1] and qualifier in ("half_time", "running", None):
            return self._led(text, offset, span, pair, led, story, qualifier == "half_time")
        if fixture is not None and qualifier is None:
            home, away = fixture
            if {home, away} != set(tie.teams):
                reason = Reason.of(
                    Why.DID_NOT_MEET,
                    home=home,
                    away=away,
                    opponent=tie.opponent(home) if home in tie.teams else None,
                )
                return self._claim(Kind.RESULT, False, text, offset, span, reason, story)
            final = match.final_score
            if final is None:
                reason = Reason.of(Why.NOT_PLAYED)
                return self._claim(Kind.RESULT, None, text, offset, span, reason, story)
            own = (final.home, final.away) if home == match.home else (final.away, final.home)
            reason = Reason.of(Why.SCORE_LINE, home=home, score=Score(*own), away=away)
            return self._claim(Kind.RESULT, own == pair, text, offset, span, reason, story)
        if qualifier is Kind.AGGREGATE:
            agg = None if story.outcome is None else story.outcome.aggregate
            if agg is None or not story.deciding:
                reason = Reason.of(Why.NO_AGGREGATE)
                return self._claim(Kind.AGGREGATE, None, text, offset, span, reason, story)
            ok = sorted(pair) == sorted((agg.team1, agg.team2))
            side = story.winner or tie.team1
            own = (agg.team1, agg.team2) if side == tie.team1 else (agg.team2, agg.team1)
            reason = Reason.of(Why.AGGREGATE, team=side, goals=own)
            if len(tie.matches) == 1:  # a single match's "aggregate" is its score
                reason = Reason.of(
                    Why.SCORE_LINE, home=match.home, score=match.final_score, away=match.away
                )
            return self._claim(Kind.AGGREGATE, ok, text, offset, span, reason, story)
        if qualifier is Kind.FIRST_LEG:
            leg = tie.first_leg.score if not tie.single_match or tie.replays else None
            reason = Reason.of(Why.FIRST_LEG, score=leg)
            return self._claim(Kind.FIRST_LEG, _same(leg, pair), text, offset, span, reason, story)
        if qualifier is Kind.SHOOTOUT:
            shot = match.penalties
            ok = None if shot is None and not story.deciding else _same(shot, pair)
            reason = Reason.of(Why.SHOOTOUT, score=shot)
            if ok and shot is not None and first in (match.home, match.away):
                kicks = (shot.home, shot.away) if first == match.home else (shot.away, shot.home)
                if kicks != pair and story.decided_by is not None:
                    ok = False
                    reason = Reason.of(
                        Why.DECIDED,
                        by=story.decided_by,
                        winner=match.home if shot.home > shot.away else match.away,
                        shootout=(max(kicks), min(kicks)),
                    )
            return self._claim(Kind.SHOOTOUT, ok, text, offset, span, reason, story)
        if qualifier == "half_time":
            reason = Reason.of(Why.HALF_TIME, score=match.half_time)
            ok = None if match.half_time is None else _same(match.half_time, pair)
            return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)
        if qualifier == "after_90":
            reason = Reason.of(Why.AFTER_90, score=match.score)
            return self._claim(
                Kind.SCORE, _same(match.score, pair), text, offset, span, reason, story
            )
        went_on = _extra_time_played(story)
        straight = _no_extra_time(story) if qualifier == "extra_time" else None
        if straight is not None:  # "0-0 after extra time" of a tie with no extra time
            return self._claim(Kind.SCORE, False, text, offset, span, straight, story)
        if qualifier == "extra_time" and went_on:  # the night's match, or a replayed one's
            reason = Reason.of(Why.AFTER_EXTRA_TIME, scores=tuple(m.extra_time for m in went_on))
            ok = any(_same(m.extra_time, pair) or _same(m.score, pair) for m in went_on)
            return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)
        running = [score for _, score in story.scoreline]
        match_scores = (match.score, match.half_time, match.extra_time)
        if qualifier == "running":
            if match.goals is None:
                ok = True if any(_same(s, pair) for s in match_scores) else None
                reason = Reason.of(Why.GOALS_NOT_ON_RECORD)
                if ok:
                    reason = Reason.of(
                        Why.SCORE_LINE, home=match.home, score=match.final_score, away=match.away
                    )
                return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)
            ok = any(_same(s, pair) for s in (*running, match.score, match.extra_time))
            reason = Reason.of(Why.SCORE_WENT, scores=tuple(running), goals=())
            return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)
        finals = (match.score, match.extra_time)
        if result:
            ok = any(_same(s, pair) for s in finals)
            reason = Reason.of(
                Why.SCORE_LINE, home=match.home, score=match.final_score, away=match.away
            )
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
            reason = Reason.of(Why.NO_MOMENT)
            return self._claim(Kind.SCORE, None, text, offset, span, reason, story)
        reason = Reason.of(
            Why.SCORE_LINE, home=match.home, score=match.final_score, away=match.away
        )
        return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)

    def _led(
        self,
        text: str,
        offset: int,
        span: tuple[int, int],
        pair: tuple[int, int],
        led: tuple[Team | None, bool],
        story: TieStory,
        half_time: bool,
    ) -> Claim:
        """A score a side is said to have led (or trailed) by, at half-time or at any moment
        of the match: checked with that side's goals as the higher (lower) figure."""
        match = story.match
        side, leading = led
        if half_time:
            moments: tuple[Score | None, ...] = (match.half_time,)
            reason = Reason.of(Why.HALF_TIME, score=match.half_time)
        else:
            running = tuple(score for _, score in story.scoreline)
            moments = (*running, match.half_time, match.score, match.extra_time)
            reason = Reason.of(Why.SCORE_WENT, scores=running, goals=())
        if side is None or side not in (match.home, match.away):
            untold = Reason.of(Why.LEADER_UNTOLD)
            return self._claim(Kind.SCORE, None, text, offset, span, untold, story)
        if match.goals is None and not half_time:
            moments = (match.half_time, match.score, match.extra_time)
        want = (max(pair), min(pair)) if leading else (min(pair), max(pair))
        own = [
            (s.home, s.away) if side == match.home else (s.away, s.home)
            for s in moments
            if s is not None
        ]
        if not own:
            return self._claim(Kind.SCORE, None, text, offset, span, reason, story)
        return self._claim(Kind.SCORE, want in own, text, offset, span, reason, story)

    def hypothetical(self, text: str, offset: int, m: re.Match[str]) -> Claim:
        """A score in a clause that wishes or supposes ("would have been 3-3"): no fact."""
        reason = Reason.of(Why.HYPOTHETICAL)
        return self._claim(Kind.SCORE, None, text, offset, (m.start(), m.end()), reason, None)

    def hypothetical_goal(self, text: str, offset: int, span: tuple[int, int]) -> Claim:
        """A goal that would or could have been ("Immobile would have scored a fourth"): no
        claim of a goal, not checkable."""
        reason = Reason.of(Why.HYPOTHETICAL_GOAL)
        return self._claim(Kind.GOAL, None, text, offset, span, reason, None)

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
        *,
        spread: int | None = None,
        penalties: tuple[int, bool, int, int] | None = None,
        completed: bool = False,
    ) -> Claim:
        """A goal by a named player: scorer, minute, own goal or penalty, the score it made,
        how many he scored (``count``: number, start, end; own goals not counted; in the
        minutes named, ``within``, if any; or that many within ``spread`` minutes of each
        other: "twice in two minutes") and what his goal was (``role``: opener, equaliser or
        winner, start, end); ``completed``: the count is a tally the goal told completed
        ("completed his hat-trick in the 118th minute": that goal was his third)."""
        a, b, name = named
        span = (a, b) if minute is None else (min(a, minute.start), max(b, minute.end))
        for later in within:  # a run of minutes is one claim: "in the 70th and 81st minute"
            if later is not None and minute is not None:
                span = (min(span[0], later.start), max(span[1], later.end))
        for said in (count, role):
            if said is not None:
                span = (min(span[0], said[1]), max(span[1], said[2]))
        if penalties is not None:
            span = (min(span[0], penalties[2]), max(span[1], penalties[3]))
        if score is not None and score.start() > span[0]:  # "... in de 108e minuut op 3-2"
            span = (span[0], max(span[1], score.end()))
        stories = [story] if story is not None else list(self.night.stories)
        player, misspelt = self.night.player(name, story)
        if player is None and story is not None:
            player, misspelt = self.night.player(name, None)
        if player is not None:
            story = self.night.story_of(player.tie.team1) or story
        # "Montiel benutte de beslissende strafschop": no goal in play of his, no minute, and
        # a shoot-out that night: a kick of it maybe, whose takers the data does not record
        # (a penalty said of a scorer in play is said of his goal: "Molina scored a penalty")
        kick = (
            penalty
            and minute is None
            and count is None
            and penalties is None
            and any(s.match.penalties is not None for s in stories)
        )
        if story is None or all(s.match.goals is None for s in stories if s is not None):
            if kick:
                return self._maybe_kick(text, offset, span, name, story)
            if story is None and any(s.match.goals is not None for s in self.night.stories):
                # named in no match of the night, whose goals are on record: he did not score
                reason = Reason.of(Why.SCORED_NOWHERE, player=name)
                return self._claim(Kind.GOAL, False, text, offset, span, reason, None)
            reason = Reason.of(Why.GOALS_NOT_ON_RECORD)
            return self._claim(Kind.GOAL, None, text, offset, span, reason, story)
        goals = tuple(sorted(story.match.goals or (), key=lambda g: (g.minute, g.added)))
        kick = kick and story.match.penalties is not None
        if player is None:
            if kick:
                return self._maybe_kick(text, offset, span, name, story)
            reason = Reason.of(Why.DID_NOT_SCORE, player=name, goals=goals)
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story)
        note = Reason.of(Why.MISSPELT, name=player.name) if misspelt else None
        scored = [g for g in goals if g.scorer == player.name]
        if not scored:
            if kick:
                return self._maybe_kick(text, offset, span, name, story)
            reason = Reason.of(Why.DID_NOT_SCORE, player=player.name, goals=goals)
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        windows = [] if completed else [m for m in within if m is not None]
        if (
            count is not None
            and windows
            and len(windows) < count[0]
            and all(m.low == m.high for m in windows)
            and "," in text[count[2] : windows[0].start]
        ):
            windows = []  # "scored twice, first in the 39th minute": one of them, not the count's
        tally = [
            g
            for g in scored
            if not g.own_goal and (not windows or any(m.holds(g.minute, g.added) for m in windows))
        ]
        from_the_spot: Reason | None = None  # how many of his goals were penalties, as said
        if penalties is not None:  # "all three goals from the spot", "twice from the spot"
            n, every, _, _ = penalties
            kicks = tuple(g for g in tally if g.penalty)
            from_the_spot = Reason.of(
                Why.PENALTIES_SCORED,
                player=player.name,
                penalties=len(kicks),
                count=len(tally),
                goals=kicks,
            )
            if len(kicks) != n or (every and len(tally) != n):
                return self._claim(Kind.GOAL, False, text, offset, span, from_the_spot, story, note)
        if count is not None and completed:
            nth = tally[count[0] - 1] if len(tally) >= count[0] else None
            if nth is None or (minute is not None and not minute.holds(nth.minute, nth.added)):
                reason = Reason.of(
                    Why.SCORED, player=player.name, count=len(tally), within=False,
                    goals=tuple(tally),
                )  # fmt: skip
                return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        elif count is not None and spread is not None:
            at = [g.minute + g.added for g in tally]
            n = count[0]
            if not any(at[i + n - 1] - at[i] <= spread for i in range(len(at) - n + 1)):
                reason = Reason.of(
                    Why.SCORED,
                    player=player.name,
                    count=len(tally),
                    within=False,
                    goals=tuple(tally),
                )
                return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        elif count is not None and len(tally) != count[0] and windows and not tally:
            # none of his goals in the minutes named: when he did score, not "0 (own goals)"
            mine = tuple(g for g in goals if g.scorer == player.name)
            reason = Reason.of(Why.SCORED_AT, player=player.name, goals=mine)
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        elif count is not None and len(tally) != count[0]:
            reason = Reason.of(
                Why.SCORED,
                player=player.name,
                count=len(tally),
                within=bool(windows),
                goals=tuple(tally),
            )
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if minute is not None:
            # every minute of a run named ("in the 70th and 81st minute") must hold his goal
            minutes = [m for m in within if m is not None] or [minute]
            held = [m for m in minutes if any(m.holds(g.minute, g.added) for g in scored)]
            scored = [g for g in scored if any(m.holds(g.minute, g.added) for m in minutes)]
            if not scored or len(held) < len(minutes):
                own_goals = tuple(g for g in goals if g.scorer == player.name)
                reason = Reason.of(Why.SCORED_AT, player=player.name, goals=own_goals)
                return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if own and not any(g.own_goal for g in scored):
            reason = Reason.of(Why.NO_OWN_GOAL, player=player.name)
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if penalty and not any(g.penalty for g in scored):
            reason = Reason.of(Why.NO_PENALTY, player=player.name)
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if score is not None:
            made = dict(story.scoreline)
            pair = (int(score.group(1)), int(score.group(2)))
            if not any(_same(made[g], pair) for g in scored):
                reason = Reason.of(Why.GOAL_MADE, player=player.name, score=made[scored[0]])
                return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if role is not None and not any(self._was(story, g, role[0]) for g in scored):
            reason = self._role_reason(story, role[0])
            return self._claim(Kind.GOAL, False, text, offset, span, reason, story, note)
        if substitute:
            unrecorded = Reason.of(Why.NO_SUBSTITUTIONS)
            note = unrecorded if note is None else Reason.each([note, unrecorded])
        if from_the_spot is not None:
            return self._claim(Kind.GOAL, True, text, offset, span, from_the_spot, story, note)
        reason = Reason.of(Why.SCORED_AT, player=player.name, goals=tuple(scored))
        return self._claim(Kind.GOAL, True, text, offset, span, reason, story, note)

    def team_penalties(
        self, text: str, offset: int, span: tuple[int, int], team: Team, story: TieStory | None
    ) -> Claim:
        """A side that scored no penalty ("Spain did not score a single penalty"): none in the
        shoot-out, if there was one, and none from the spot in play."""
        if team not in self.night.playing:
            return self.absent(Kind.GOAL, text, offset, span, team)
        story = self.night.story_of(team) or story
        if story is None:
            return self._claim(Kind.GOAL, None, text, offset, span, Reason.of(Why.NO_TIE), None)
        match, shot = story.match, story.match.penalties
        kicks = None if shot is None else (shot.home if team == match.home else shot.away)
        if match.goals is None and not kicks:  # the penalties in play are not known
            reason = Reason.of(Why.GOALS_NOT_ON_RECORD)
            return self._claim(Kind.GOAL, None, text, offset, span, reason, story)
        spot = tuple(
            g for g in match.goals or () if g.penalty and g.team == team and not g.own_goal
        )
        reason = Reason.of(Why.TEAM_PENALTIES, team=team, kicks=kicks, goals=spot)
        ok = not kicks and not spot
        return self._claim(Kind.GOAL, ok, text, offset, span, reason, story)

    def penalty_missed(
        self, text: str, offset: int, span: tuple[int, int], story: TieStory | None
    ) -> Claim:
        """A penalty missed ("Kane missed a penalty"): the data records the penalties scored
        and a shoot-out's score, never a miss or its taker, so it is neither borne out nor
        refuted (never a goal denied)."""
        reason = Reason.of(Why.MISSES_NOT_ON_RECORD)
        return self._claim(Kind.GOAL, None, text, offset, span, reason, story)

    def _maybe_kick(
        self, text: str, offset: int, span: tuple[int, int], name: str, story: TieStory | None
    ) -> Claim:
        """A penalty said of a player with no penalty in play on record, on a night with a
        shoot-out ("Montiel benutte de beslissende strafschop"): a kick of the shoot-out maybe,
        whose takers the data does not record, so neither confirmed nor refuted."""
        reason = Reason.of(Why.NO_PENALTY_IN_PLAY, player=name)
        return self._claim(Kind.GOAL, None, text, offset, span, reason, story)

    def shootout_kick(
        self, text: str, offset: int, named: tuple[int, int, str], story: TieStory | None
    ) -> Claim:
        """A kick of a shoot-out said of a player ("Montiel scored the decisive penalty"): a
        shoot-out kick is no goal, and the data records the shoot-out's score, not its takers,
        so the goal list neither confirms nor refutes it."""
        a, b, _ = named
        reason = Reason.of(Why.SHOOTOUT_KICK)
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

    def _role_reason(self, story: TieStory, role: str) -> Reason:
        """What the data says of the goal the words name."""
        line = story.scoreline
        if role == "opener":
            return Reason.of(Why.FIRST_GOAL, goal=line[0][0] if line else None)
        if role == "equaliser":
            return Reason.of(Why.NOT_EQUALISER)
        if role == "lead":
            return Reason.of(Why.NOT_LEAD)
        return Reason.of(Why.WINNING_GOAL, goal=self._winning_goal(story) or story.decisive_goal)

    def team_goal(
        self, text: str, offset: int, minute: Moment, team: Team, story: TieStory | None
    ) -> Claim:
        """A goal by a team at a minute, no scorer named."""
        span = (minute.start, minute.end)
        if team not in self.night.playing:
            return self.absent(Kind.GOAL, text, offset, span, team)
        story = self.night.story_of(team) or story
        if story is None or story.match.goals is None:
            reason = Reason.of(Why.GOALS_NOT_ON_RECORD)
            return self._claim(Kind.GOAL, None, text, offset, span, reason, story)
        goals = story.match.goals
        ok = any(minute.holds(g.minute, g.added) for g in goals)
        reason = Reason.of(Why.THE_GOALS, goals=tuple(goals))
        return self._claim(Kind.GOAL, ok, text, offset, span, reason, story)

    def running_by(
        self,
        text: str,
        offset: int,
        score: re.Match[str],
        left: int,
        minute: Moment,
        story: TieStory | None,
        led: tuple[Team | None, bool] | None = None,
    ) -> Claim:
        """A score at a moment: "0-2 achter na nog geen 25 minuten"; said to be led (or
        trailed) by a side (``led``), with that side's goals the higher (lower) figure, not
        checkable when the side is not told."""
        span = (min(left + score.start(), minute.start), max(left + score.end(), minute.end))
        pair = (int(score.group(1)), int(score.group(2)))
        if story is None or story.match.goals is None:
            reason = Reason.of(Why.GOALS_NOT_ON_RECORD)
            return self._claim(Kind.SCORE, None, text, offset, span, reason, story)
        line = story.scoreline
        reason = Reason.of(
            Why.SCORE_WENT, scores=tuple(s for _, s in line), goals=tuple(g for g, _ in line)
        )
        standing = [s for g, s in line if minute.holds(g.minute, g.added)]
        now = Score(0, 0)
        exact = (minute.low, minute.added or 99) if minute.low == minute.high else None
        for g, s in line:  # the score as the moment began, or at the very minute named
            if (g.minute, g.added) <= exact if exact is not None else g.minute < minute.low:
                now = s
        standing.append(now)
        if led is not None and pair[0] != pair[1]:
            side, leading = led
            match = story.match
            if side is None or side not in (match.home, match.away):
                untold = Reason.of(Why.LEADER_UNTOLD)
                return self._claim(Kind.SCORE, None, text, offset, span, untold, story)
            want = (max(pair), min(pair)) if leading else (min(pair), max(pair))
            own = [(s.home, s.away) if side == match.home else (s.away, s.home) for s in standing]
            return self._claim(Kind.SCORE, want in own, text, offset, span, reason, story)
        ok = any(_same(s, pair) for s in standing)
        return self._claim(Kind.SCORE, ok, text, offset, span, reason, story)

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
            reason = Reason.of(Why.CARDS_NOT_ON_RECORD)
            return self._claim(Kind.RED_CARD, None, text, offset, span, reason, story)
        cards = story.match.red_cards
        player, misspelt = self.night.player(name, story)
        found = [c for c in cards if player is not None and c.player == player.name]
        if minute is not None:
            found = [c for c in found if minute.holds(c.minute, c.added)]
        if second:
            found = [c for c in found if c.second_yellow]
        note = None if player is None or not misspelt else Reason.of(Why.MISSPELT, name=player.name)
        reason = Reason.of(Why.SENT_OFF, cards=tuple(cards))
        return self._claim(Kind.RED_CARD, bool(found), text, offset, span, reason, story, note)

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
        if team is not None and story is None:
            return self.absent(Kind.SPELL, text, offset, words, team)
        if story is None and teams is None:
            story = current
        if story is None or story.timeline is None:
            reason = Reason.of(Why.DECIDING_GOALS_NOT_ON_RECORD)
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
        told = Reason.of(
            Why.STRETCHES,
            stretches=tuple((s.start, s.end, state_reason(s.state)) for s in stretches(story)),
        )
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
        if team is not None and story is None:
            return self.absent(Kind.WHAT_IF, text, offset, words, team)
        if team is None or story is None or story.timeline is None:
            reason = Reason.of(Why.DECIDING_GOALS_NOT_ON_RECORD)
            return self._claim(Kind.WHAT_IF, None, text, offset, words, reason, story)
        wanted = Phase.EXTRA_TIME if phase == "extra_time" else Phase.PENALTIES

        def holds(state: MatchState) -> bool:
            if nth is not None and _goals_of(state, team) != nth - 1:
                return False
            need = needs(state, team)
            return need.forces is wanted and need.to_force == 1

        return self._what_if(text, offset, story, holds, span, team, phase)

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
        if team is not None and story is None:
            return self.absent(Kind.WHAT_IF, text, offset, words, team)
        if team is None or story is None or story.timeline is None:
            reason = Reason.of(Why.DECIDING_GOALS_NOT_ON_RECORD)
            return self._claim(Kind.WHAT_IF, None, text, offset, words, reason, story)
        other = story.tie.opponent(team)

        def holds(state: MatchState) -> bool:
            return state.through == team and needs(state, other).to_go_through == 1

        return self._what_if(text, offset, story, holds, span, team, "out")

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
        reason = Reason.of(Why.ONE_GOAL_ENOUGH, team=team, what=what, bounds=tuple(bounded))
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
        if story is None:
            return self.absent(Kind.WHAT_IF, text, offset, words, team)
        if not story.deciding and story.leg.value == "first_leg":
            reason = Reason.of(Why.NO_DECIDING_MATCH)
            return self._claim(Kind.WHAT_IF, None, text, offset, words, reason, story)
        h, a = int(m.group("h")), int(m.group("a"))
        told: list[Reason] = []
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
            said = Reason.of(Why.AT_SCORE, score=score, state=state_reason(state))
            if ok:
                return self._claim(Kind.WHAT_IF, True, text, offset, words, said, story)
            told.append(said)
        reason = Reason.each(told) if told else Reason.of(Why.NO_MOMENT)
        return self._claim(Kind.WHAT_IF, False, text, offset, words, reason, story)

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
        if team is not None and story is None:
            return self.absent(Kind.CHANCE, text, offset, span, team)
        forecast = None if story is None else self.night.forecasts.get(story.tie)
        if team is None or story is None or forecast is None:
            reason = Reason.of(Why.NO_FORECAST)
            return self._claim(Kind.CHANCE, None, text, offset, span, reason, story)
        if kickoff:
            chance, when = forecast.chance(story.tie, team), "kickoff"
        elif floor or minute is None:
            chance, when = forecast.lowest(story.tie, team), "lowest"
        else:
            chance, when = forecast.chance(story.tie, team, minute), "minute"
        if chance is None:
            reason = Reason.of(Why.NO_SERIES)
            return self._claim(Kind.CHANCE, None, text, offset, span, reason, story)
        ok = _prints_as(chance, m.group("q"), int(m.group("p")))
        reason = Reason.of(Why.FORECAST_GAVE, team=team, chance=chance, when=when, minute=minute)
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
        if team is not None and story is None:
            return self.absent(Kind.CHANCE, text, offset, span, team)
        forecast = None if story is None else self.night.forecasts.get(story.tie)
        if team is None or story is None or forecast is None:
            reason = Reason.of(Why.NO_FORECAST)
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
            reason = Reason.of(Why.BRINK, team=team, chance=low, brink=BRINK)
        elif band is Band.FORMALITY:
            ok = start >= FORMALITY
            reason = Reason.of(Why.FORMALITY, team=team, chance=start, formality=FORMALITY)
        else:
            ok = start > FAVOURITE if band is Band.FAVOURITE else start < FAVOURITE
            reason = Reason.of(Why.KICKOFF_CHANCE, team=team, chance=start)
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


def _prints_as(chance: float, qualifier: str | None, percent: int) -> bool:
    """Whether ``chance`` is what "``qualifier`` ``percent``%" says, in whole percents."""
    if qualifier in ("less than", "minder dan", "nog geen") and percent == 1:
        return 0 < chance < 0.005
    if qualifier in ("more than", "meer dan") and percent == 99:
        return 0.995 <= chance < 1
    return round(100 * chance) == percent
