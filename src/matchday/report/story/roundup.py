"""A round-up: every tie of one night or one round, told as stories, the lead story first."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from matchday.competitions import RoundKind, SeasonRules, of_season
from matchday.competitions.hosts import hosts
from matchday.errors import ConfigError
from matchday.model import (
    Match,
    MatchStatus,
    Round,
    RoundFormat,
    Season,
    Team,
    Tie,
    is_third_place,
    round_after,
)
from matchday.model.national_names import HOST_CODES, results_name
from matchday.report.story.chances import ThroughChances, close_call
from matchday.report.story.news import News, assess, rank
from matchday.report.story.tie import LegKind, TieStory
from matchday.report.story.turns import replay
from matchday.rules import Outcome, Rules, decide

__all__ = ["RoundUp", "Walkover", "night", "round_up", "tell"]


@dataclass(frozen=True, slots=True)
class Walkover:
    """A tie decided off the pitch (a walkover, a withdrawal): ``winner`` went on to
    ``next_round`` without a match against ``loser``, as the data shows."""

    tie: Tie
    winner: Team
    loser: Team
    next_round: str | None


@dataclass(frozen=True, slots=True)
class RoundUp:
    """The stories of a night or a round, most newsworthy first.

    ``competition`` is the season's competition ("UEFA Europa League"), ``rounds`` the canonical
    names of the rounds covered, ``dates`` the first and last date of the matches told;
    ``dated`` is false when none of them has a day in the data (``dates`` is then 1 January of
    the file's year, a placeholder never to be printed);
    ``european`` is true for a European club competition by the registry (a club out of it ends
    its European campaign; not so in the Copa Libertadores, nor in a competition the registry
    does not know). ``walkovers`` are the ties of the night or the round that were never
    played, whose winner the data shows going on.
    """

    competition: str
    season: str
    rounds: tuple[str, ...]
    dates: tuple[dt.date, dt.date]
    stories: tuple[TieStory, ...]
    european: bool = False
    dated: bool = True
    walkovers: tuple[Walkover, ...] = ()

    @property
    def lead(self) -> TieStory:
        """The story the headline and the lead paragraph are about."""
        return self.stories[0]

    @property
    def news(self) -> tuple[News, ...]:
        """The newsworthiness of each story, in the same order."""
        return tuple(assess(story) for story in self.stories)

    def angle(self, story: TieStory) -> str:
        """The strongest angle of ``story`` (``""`` for none): what its headline is about."""
        top = assess(story).top
        return "" if top is None else top.value

    @property
    def legs(self) -> frozenset[LegKind]:
        """The kinds of match the round-up covers (first legs, second legs, single matches)."""
        return frozenset(story.leg for story in self.stories)


def _next_round(ruled: SeasonRules, tie: Tie) -> str | None:
    """The knockout round after ``tie``'s in its stage (a file of several stages names them
    "Europe (UEFA), Final"): the winners go on past a match for third place (the losers'
    match), past replays and past the play-offs of other groups, never into another stage's
    rounds. A group play-off's winner goes where the registry's zones send the group's place
    (the 1954 play-offs led to the quarter-finals), else to the first knockout round after it
    that is no group play-off."""
    season = ruled.season
    play_offs = {r.name for r in season.rounds if ruled.kind(r) is RoundKind.GROUP_PLAY_OFF}
    if tie.round in play_offs:
        teams = frozenset(tie.teams)
        onward = ruled.onward()
        zoned = [o.round for o in onward if o.play_off and frozenset(o.play_off.tie.teams) == teams]
        if zoned:
            return zoned[0]
    names = [r.name for r in season.rounds if r.knockout]
    if tie.round not in names or is_third_place(tie.round):
        return None
    at = names.index(tie.round)
    stage = tie.round.rpartition(", ")[0]
    later = [
        n
        for n in names[at + 1 :]
        if not _ASIDE.search(n) and n not in play_offs and n.rpartition(", ")[0] == stage
    ]
    if later:
        return later[0]
    # The file does not hold the next round yet (the night of a quarter-final): the halving
    # sequence names it, except where the registry's format may follow knockouts with a group.
    format_ = ruled.format
    if season.qualifying or format_.second_group is not None or format_.final_group is not None:
        return None
    return round_after(tie.round)


_PLAY_OFF_ROUND = "Playoffs"
"""The last qualifying round of a file of qualifying rounds (UEFA's play-off round)."""

_ASIDE = re.compile(r"third|3rd|replays?$", re.IGNORECASE)


def _hosts(ruled: SeasonRules, tie: Tie) -> tuple[Team, ...]:
    """The tie's teams that are host nations of the tournament (by the registry's hosts of the
    edition, under whatever name the file gives them); none outside national teams' tournaments
    or where the competition is only assumed."""
    if not ruled.competition.national_teams or ruled.assumed:
        return ()
    codes = hosts(ruled.competition.key, ruled.season.name) or ()
    names = {HOST_CODES[code] for code in codes if code in HOST_CODES}
    on = tie.last_match.date
    return tuple(team for team in tie.teams if results_name(team.name, on) in names)


def _leg_kind(tie: Tie, match: Match) -> LegKind:
    if tie.single_match or match in tie.replays:
        return LegKind.SINGLE_MATCH
    return LegKind.FIRST_LEG if match == tie.first_leg else LegKind.SECOND_LEG


def tell(
    season: Season,
    tie: Tie,
    match: Match,
    rules: Rules,
    chances: tuple[ThroughChances, ...] | None = None,
) -> TieStory:
    """The story of ``tie`` as of ``match``, one of its played legs or replays.

    After a first leg the story knows nothing of the second leg's result, even when the data
    holds it, nor after a drawn match of its replay: a night's report tells what was known
    that night.
    """
    kind = _leg_kind(tie, match)
    ruled = of_season(season, rules=rules)
    outcome: Outcome | None
    known = tuple(replay for replay in tie.replays if replay.date <= match.date)
    if known != tie.replays:  # a drawn match, its replay still to come that night
        tie = replace(tie, replays=known)
        outcome = decide(tie, rules, strict=False)
    else:
        # decided as ``matchday ties`` decides it (who went on, league positions); a tie the
        # data cannot settle is the error that says why
        outcome = None if kind is LegKind.FIRST_LEG else ruled.tie_decided(tie)
    winner = None if outcome is None else outcome.winner
    line = None if kind is LegKind.FIRST_LEG else replay(tie, rules)
    call = None if winner is None else close_call(tie, winner, chances)
    onto = _next_round(ruled, tie)
    if onto is None and season.qualifying and tie.round == _PLAY_OFF_ROUND and not ruled.assumed:
        onto = ruled.format.opening_stage  # the qualifying play-offs lead to the competition
    third = is_third_place(tie.round)
    after_league = any(r.format is RoundFormat.LEAGUE for r in season.rounds)
    cup_final = tie.round == "Final" and not after_league
    last = onto is None and not third and not season.qualifying
    # After a league, only a competition matchday knows is taken to crown its champion in a
    # final (UEFA's league phase, Liga MX); elsewhere the final settles a play-off (promotion,
    # a European place), and winning it is said so: true of the A-League's too, if plainer.
    known_final = not after_league or not ruled.assumed
    named_final = tie.round == "Final" or tie.round.endswith(", Final")
    # The last round a file holds is a final only when it is named so: a file may end before
    # the final (a round of 16 read alone), or name a round of its stage apart from the rest.
    title = last and named_final and (tie.single_match or cup_final) and known_final
    play_off = last and not title and after_league and named_final
    return TieStory(
        tie,
        match,
        kind,
        outcome,
        line,
        onto,
        call,
        third,
        title or play_off,
        play_off,
        _hosts(ruled, tie),
    )


def _walkovers(season: Season, ties: list[Tie], rules: Rules) -> tuple[Walkover, ...]:
    """The ``ties`` never played (every match cancelled) whose winner the data shows."""
    ruled = of_season(season, rules=rules)
    found = []
    for tie in ties:
        if not all(m.status is MatchStatus.CANCELLED for m in tie.matches):
            continue
        outcome = ruled.tie_outcome(tie)
        if outcome.winner is not None and outcome.loser is not None:
            found.append(Walkover(tie, outcome.winner, outcome.loser, _next_round(ruled, tie)))
    return tuple(found)


def _assemble(
    season: Season,
    pairs: list[tuple[Tie, Match]],
    rules: Rules,
    chances: tuple[ThroughChances, ...] | None,
    walkovers: tuple[Walkover, ...] = (),
) -> RoundUp:
    stories = tuple(tell(season, tie, match, rules, chances) for tie, match in pairs)
    dated = [match.date for _, match in pairs if match.dated]
    dates = sorted(dated or [match.date for _, match in pairs])
    rounds = tuple(dict.fromkeys(tie.round for tie, _ in pairs))
    ruled = of_season(season, rules=rules)
    european = ruled.competition.european_clubs and not ruled.assumed
    span = (dates[0], dates[-1])
    return RoundUp(
        season.competition,
        season.name,
        rounds,
        span,
        rank(stories),
        european,
        bool(dated),
        walkovers,
    )


def night(
    season: Season,
    date: dt.date,
    rules: Rules,
    chances: tuple[ThroughChances, ...] | None = None,
) -> RoundUp:
    """The round-up of every knockout match played on ``date``; a match without a day in the
    data is on no night (its placeholder date is never taken for one)."""
    pairs = [
        (tie, match)
        for round_ in season.rounds
        for tie in season.round_ties(round_)  # a tie with its replays
        for match in tie.matches
        if match.date == date and match.dated and match.played
    ]
    if not pairs:
        played = [m for r in season.rounds for t in r.ties() for m in t.legs if m.played]
        where = season.source or f"{season.competition} {season.name}"
        if played and not any(m.dated for m in played):
            raise ConfigError(
                f"{where}: its knockout matches have no dates, so no night can be chosen; "
                "choose a round with --round"
            )
        days = sorted({m.date for m in played if m.dated})
        hint = f" (knockout matches from {days[0]} to {days[-1]})" if days else ""
        grouped = [
            m
            for r in season.rounds
            if not r.knockout
            for m in r.matches
            if m.date == date and m.dated and m.played
        ]
        if grouped:  # a report writes up knockout matches only; say why that night has none
            hint += f"; {len(grouped)} group {'match' if len(grouped) == 1 else 'matches'} that day"
            hint += ", not written up (matchday table shows the groups)"
        raise ConfigError(f"no knockout match played on {date.isoformat()} in {where}{hint}")
    off = [
        tie
        for round_ in season.rounds
        for tie in season.round_ties(round_)
        if tie.matches[-1].date == date and tie.matches[-1].dated  # its deciding night
    ]
    return _assemble(season, pairs, rules, chances, _walkovers(season, off, rules))


def round_up(
    season: Season,
    round_: Round,
    rules: Rules,
    chances: tuple[ThroughChances, ...] | None = None,
) -> RoundUp:
    """The round-up of a knockout round: each tie told from its last played match (a replay,
    where the tie was replayed)."""
    pairs = []
    for tie in season.round_ties(round_):  # a tie with its replays
        played = [match for match in tie.matches if match.played]
        if played:
            pairs.append((tie, played[-1]))
    if not pairs:
        raise ConfigError(f"no played knockout ties in round {round_.name!r}")
    ties = list(season.round_ties(round_))
    return _assemble(season, pairs, rules, chances, _walkovers(season, ties, rules))
