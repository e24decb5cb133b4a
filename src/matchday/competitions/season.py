"""A season read against its competition: the kind of each round, the rules that settle each
tie, who the data shows going on, and every tie decided with the reason."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from matchday.competitions.format import Format, RoundKind
from matchday.competitions.registry import Competition
from matchday.competitions.stages import (
    Onward,
    best_placed,
    champion,
    sent_on,
    settle_with_best,
)
from matchday.model.competition import (
    Round,
    RoundFormat,
    Season,
    is_replay_round,
    is_third_place,
)
from matchday.model.team import Team
from matchday.model.tie import Tie
from matchday.rules.decide import Outcome, decide
from matchday.rules.presets import Rules
from matchday.standings.groups import round_tables
from matchday.standings.rules import TableRules
from matchday.standings.table import Table

__all__ = ["SeasonRules", "round_kind", "went_on"]

_PLAY_OFF = re.compile(r"play-?off", re.IGNORECASE)
_FINAL_GROUP = re.compile(r"^final (round|group|stage)", re.IGNORECASE)
_SECOND_GROUP = re.compile(r"second (round|stage|group)|2nd (round|stage)|group [a-d]$", re.I)


def round_kind(round_: Round, format_: Format, ties: Sequence[Tie] = ()) -> RoundKind:
    """The kind of ``round_`` under ``format_``, from the round's name and shape."""
    name = round_.name.strip()
    if round_.format is RoundFormat.LEAGUE:
        return RoundKind.LEAGUE_PHASE
    if round_.format is RoundFormat.GROUP:
        if format_.final_group is not None and _FINAL_GROUP.search(name):
            return RoundKind.FINAL_GROUP
        if format_.second_group is not None and _SECOND_GROUP.search(name):
            return RoundKind.SECOND_GROUP
        return RoundKind.GROUP
    if is_replay_round(name):
        return RoundKind.REPLAY
    if is_third_place(name):
        return RoundKind.THIRD_PLACE
    if name.casefold() == "final":
        return RoundKind.FINAL
    if _FINAL_GROUP.search(name) and format_.final_group is not None:
        return RoundKind.FINAL_GROUP
    if name.casefold().startswith("group") and _PLAY_OFF.search(name):
        return RoundKind.GROUP_PLAY_OFF
    # a pair of teams that meets twice makes the round two-legged (as ``build_ties`` reads it);
    # counted from the matches so that a round with a broken tie still has a kind
    pairs = Counter(frozenset((m.home, m.away)) for m in round_.matches)
    if any(not tie.single_match for tie in ties) or any(n > 1 for n in pairs.values()):
        return RoundKind.TWO_LEGS
    return RoundKind.SINGLE_MATCH


def went_on(season: Season, tie: Tie, round_: Round) -> Team | None:
    """The one team of ``tie`` that the data shows in a later round of ``season`` (a match for
    third place, where losers play on, does not count), if exactly one of them appears there
    (never a guess: ``None`` otherwise)."""
    rounds = season.rounds
    index = next((i for i, r in enumerate(rounds) if r is round_), len(rounds))
    onward = [r for r in rounds[index + 1 :] if not is_third_place(r.name)]
    later = {t for r in onward for m in r.matches for t in (m.home, m.away)}
    later -= {t for m in tie.replays for t in (m.home, m.away)}
    seen = [team for team in tie.teams if team in later]
    return seen[0] if len(seen) == 1 else None


@dataclass(frozen=True, slots=True)
class SeasonRules:
    """A season with the competition it belongs to (and rules a user chose, if any)."""

    season: Season
    competition: Competition
    override: Rules | None = None

    @property
    def format(self) -> Format:
        """The competition's format in this season."""
        return self.competition.format(self.season.start_year)

    def rules(self, round_: Round) -> Rules:
        """The rules that settle the ties of ``round_``."""
        if self.override is not None:
            return self.override
        return self.format.rules(round_kind(round_, self.format))

    def decide(self, rounds: Iterable[Round] | None = None) -> tuple[Outcome, ...]:
        """Every tie of ``rounds`` (all knockout rounds by default) decided under its round's
        rules; a replay is part of its tie; a tie the results cannot decide names who the data
        shows going on, or says that it does not."""
        chosen = self.season.rounds if rounds is None else tuple(rounds)
        outcomes: list[Outcome] = []
        for round_ in chosen:
            rules = self.rules(round_)
            for tie in self.season.round_ties(round_):
                onward = went_on(self.season, tie, round_)
                outcomes.append(decide(tie, rules, went_on=onward, strict=False))
        return tuple(outcomes)

    def kind(self, round_: Round) -> RoundKind:
        """The kind of ``round_`` in this season's format."""
        return round_kind(round_, self.format)

    def tables(self, rules: TableRules | None = None) -> tuple[tuple[RoundKind, Table], ...]:
        """Every table of the season's group rounds, with the kind of its round, under the
        competition's tie-breakers of the era (or ``rules``)."""
        found: list[tuple[RoundKind, Table]] = []
        for round_ in self.season.rounds:
            kind = self.kind(round_)
            if not kind.table:
                continue
            rules_here = rules or self.format.table(kind)
            if rules_here is None:
                continue
            found.extend((kind, table) for table in round_tables(round_, rules_here))
        return tuple(found)

    def onward(self) -> tuple[Onward, ...]:
        """Who every table sends on, zone by zone, and the best placed across the first group
        stage where the format takes them; play-offs at a zone's edge decided from the data."""
        play_offs = self.decide(
            r for r in self.season.rounds if self.kind(r) is RoundKind.GROUP_PLAY_OFF
        )
        tables = self.tables()
        found = [o for kind, table in tables for o in sent_on(table, self.format, kind, play_offs)]
        best = self.format.best_placed
        if best is None:
            return tuple(found)
        thirds = best_placed([table for kind, table in tables if kind is RoundKind.GROUP], best)
        return (*settle_with_best(found, thirds), thirds)

    def champion(self) -> Team | None:
        """Who won the title: the winner of the final, or of a final group that decides it."""
        final_group = [t for kind, t in self.tables() if kind is RoundKind.FINAL_GROUP]
        if final_group:
            return champion(final_group[-1])
        finals = [r for r in self.season.rounds if self.kind(r) is RoundKind.FINAL]
        if not finals:
            return None
        outcomes = self.decide(finals[-1:])
        return outcomes[-1].winner if outcomes else None
