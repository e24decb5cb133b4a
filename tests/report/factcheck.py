"""A fact checker for written reports: every score, minute, team and method in the text is
extracted and compared with the data and with the rules engine's decisions.

It reads the text as a reader would (regular expressions over the words), not the story
objects the report was written from; the data it compares with comes from the season and
``matchday.decide``, and for what a report says a forecast gave (a chance in percent, at a
minute or at kick-off) from the forecast series of each tie (``forecast_series``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from matchday.forecast.outlook import through_by_minute
from matchday.io.snapshot import fresh_snapshot
from matchday.live import timeline
from matchday.model import Goal, Match, RedCard, Score, Season, Team, Tie
from matchday.report import Report, Statement, ThroughChances, display_names, language
from matchday.rules import DecidedBy, Phase, Rules, decide

SCORE = re.compile(r"(?<![\d+])(\d{1,2})-(\d{1,2})(?![\d+])")
CLOCK = re.compile(r"(?<![\d-])(\d{1,3})(?:\+(\d{1,2}))?'")
ORDINAL_MINUTE = re.compile(r"(?<![\d-])(\d{1,3})(?:\+(\d{1,2}))?(?:e|st|nd|rd|th)\b")
_ADDED_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
)
ADDED_MINUTE = re.compile(
    rf"\b(\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(_ADDED_WORDS)}) minute of (first-half )?stoppage "
    r"time( at the end of the first half of extra time| at the end of extra time)?"
)
"""A minute of added time as the English report says it ("the 11th minute of stoppage time")."""


def added_minute(found: re.Match[str]) -> tuple[int, int]:
    """The clock's minute and added minute an ``ADDED_MINUTE`` phrase names: (90, 11)."""
    said = found.group(1)
    added = _ADDED_WORDS.index(said) + 1 if said in _ADDED_WORDS else int(said[:-2])
    period = found.group(3) or ""
    base = 45 if found.group(2) else 105 if "first half" in period else 120 if period else 90
    return base, added


PERCENT = re.compile(r"(?:\b(less than|minder dan|nog geen|more than|meer dan) )?(\d{1,3})\s?%")
KICK_OFF = re.compile(r"\bkick-off\b|\baftrap\b|\binto the match\b|\baan de wedstrijd\b")
"""Words by which a close call gives the chance at kick-off, not the lowest."""
BELOW, ABOVE = ("less than", "minder dan", "nog geen"), ("more than", "meer dan")

AWAY, EXTRA, PENALTIES = "away goals", "extra time", "penalties"
METHOD_WORDS = {
    "nl": {
        AWAY: re.compile(r"uitdoelpunt"),
        EXTRA: re.compile(r"verlenging|\bn\.v\."),
        PENALTIES: re.compile(r"strafschoppen"),
    },
    "en": {
        AWAY: re.compile(r"\baway goals?\b"),
        EXTRA: re.compile(r"\bextra time\b|\baet\b|\bafter 120\b"),
        PENALTIES: re.compile(r"\bpenalties\b|\bshoot-out\b"),
    },
}
"""Words by which a sentence names a way of deciding a tie."""
CLAIMS_OF = {
    DecidedBy.AGGREGATE: set(),
    DecidedBy.AWAY_GOALS: {AWAY},
    DecidedBy.EXTRA_TIME: {EXTRA},
    DecidedBy.AWAY_GOALS_EXTRA_TIME: {AWAY, EXTRA},
    DecidedBy.PENALTIES: {EXTRA, PENALTIES},
    DecidedBy.SINGLE_MATCH: set(),
    DecidedBy.SINGLE_MATCH_EXTRA_TIME: {EXTRA},
    DecidedBy.SINGLE_MATCH_PENALTIES: {EXTRA, PENALTIES},
}
"""The methods a sentence about a tie may name, by what the rules engine says decided it
(a tie settled on penalties was level after extra time, so extra time may be named)."""


def _both(score: Score | None) -> set[tuple[int, int]]:
    return set() if score is None else {(score.home, score.away), (score.away, score.home)}


class FactCheck:
    """Checks one report against the season it was written from."""

    def __init__(
        self,
        report: Report,
        season: Season,
        rules: Rules,
        forecasts: Mapping[Tie, ThroughChances] | None = None,
    ) -> None:
        self.report = report
        self.season = season
        self.rules = rules
        self.forecasts = dict(forecasts or {})
        self.lang = report.language
        teams = {team for tie in season.ties() for team in tie.teams}
        self.names = display_names(teams, language(self.lang))
        self.problems: list[str] = []

    # -- what the data allows ------------------------------------------------------------
    def match_of(self, tie: Tie) -> Match:
        """The night's match of ``tie``: the one whose date is in the report's dates."""
        first, last = self.report.roundup.dates
        played = [leg for leg in tie.legs if leg.played and first <= leg.date <= last]
        return played[-1]

    def deciding(self, tie: Tie) -> bool:
        return self.match_of(tie) == tie.last_match and decide(tie, self.rules).decided

    def scores(self, tie: Tie) -> set[tuple[int, int]]:
        match = self.match_of(tie)
        allowed = set()
        legs = tie.legs if self.deciding(tie) else (match,)
        for leg in legs:
            for score in (leg.score, leg.extra_time, leg.penalties, leg.half_time):
                allowed |= _both(score)
        allowed |= {(s.home, s.away) for s in _running(match)}
        if self.deciding(tie):
            agg = decide(tie, self.rules).aggregate
            assert agg is not None
            allowed |= {(agg.team1, agg.team2), (agg.team2, agg.team1)}
        return allowed

    def minutes(self, tie: Tie) -> set[tuple[int, int]]:
        match = self.match_of(tie)
        events: list[Goal | RedCard] = [*(match.goals or ()), *(match.red_cards or ())]
        return {(event.minute, event.added) for event in events}

    def methods(self, tie: Tie, fact: str) -> set[str]:
        if not self.deciding(tie):
            return set()
        outcome = decide(tie, self.rules)
        assert outcome.decided_by is not None
        allowed = set(CLAIMS_OF[outcome.decided_by])
        if fact == "turns":
            allowed |= self.interim_methods(tie)
        if fact == "near_miss":
            # What one more goal would have forced; the live engine's answer is checked by
            # matchday.check (tests/check/test_roundups.py), claim by claim.
            allowed |= {EXTRA}
        return allowed

    def interim_methods(self, tie: Tie) -> set[str]:
        """Methods by which a side was through, or phases a level tie was heading for, at
        some moment of the deciding match, by the live timeline."""
        found: set[str] = set()
        line = timeline(tie, self.rules)
        for state in (line.kickoff, *(m.state for m in line.moments)):
            if state.decided_by is not None:
                found |= CLAIMS_OF[state.decided_by]
            if state.awaiting is Phase.EXTRA_TIME:
                found.add(EXTRA)
            if state.awaiting is Phase.PENALTIES:
                found |= {EXTRA, PENALTIES}
        return found

    # -- what the text says --------------------------------------------------------------
    def _names(self, text: str) -> tuple[set[Team], str]:
        """The season's teams named in ``text`` (longest names first), and the text with
        each name masked, so that digits in names ("Differdange 03") are not read as minutes."""
        found: set[Team] = set()
        for team, name in sorted(self.names.items(), key=lambda item: -len(item[1])):
            pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
            if pattern.search(text):
                found.add(team)
                text = pattern.sub("#", text)
        return found, text

    def teams_in(self, text: str) -> set[Team]:
        """Every team of the season named in ``text``."""
        return self._names(text)[0]

    def claims_in(self, text: str) -> set[str]:
        lowered = text.lower()
        return {
            method for method, words in METHOD_WORDS[self.lang].items() if words.search(lowered)
        }

    def fail(self, statement: Statement, problem: str) -> None:
        self.problems.append(f"[{statement.fact}] {problem}: {statement.text!r}")

    def check_statement(self, statement: Statement) -> None:
        named, text = self._names(statement.text)
        tie = statement.tie
        if tie is None:
            if SCORE.search(text) or CLOCK.search(text) or ORDINAL_MINUTE.search(text):
                self.fail(statement, "a score or a minute in a statement about no tie")
            if self.claims_in(text):
                self.fail(statement, "a method claimed in a statement about no tie")
            night_teams = {t for s in self.report.roundup.stories for t in s.tie.teams}
            if not named <= night_teams:
                self.fail(statement, "a team that did not play that night")
            return
        if statement.fact == "walkover":  # a tie never played: its teams, nothing more
            if SCORE.search(text) or CLOCK.search(text) or ORDINAL_MINUTE.search(text):
                self.fail(statement, "a score or a minute of a tie not played")
            if any(leg.played for leg in tie.matches):
                self.fail(statement, f"{tie.label} was played, no walkover")
            if named != set(tie.teams):
                self.fail(statement, f"does not name the two teams of {tie.label}")
            return
        for found in SCORE.finditer(text):
            pair = (int(found.group(1)), int(found.group(2)))
            if pair not in self.scores(tie):
                self.fail(statement, f"score {found.group(0)} is not in the data of {tie.label}")
        if statement.fact == "close_call":
            self.check_forecast(statement, text)
        elif PERCENT.search(text):
            self.fail(statement, "a percentage that is not a forecast's")
        for found in ADDED_MINUTE.finditer(text):
            if added_minute(found) not in self.minutes(tie) and statement.fact != "close_call":
                self.fail(statement, f"minute {found.group(0)!r} has no event in {tie.label}")
        text = ADDED_MINUTE.sub("#", text)
        for found in (*CLOCK.finditer(text), *ORDINAL_MINUTE.finditer(text)):
            minute = (int(found.group(1)), int(found.group(2) or 0))
            # A close call's minute is the forecast's, checked by check_forecast.
            if minute not in self.minutes(tie) and statement.fact != "close_call":
                self.fail(statement, f"minute {found.group(0)} has no event in {tie.label}")
        if not named <= set(tie.teams):
            others = ", ".join(sorted(t.name for t in named - set(tie.teams)))
            self.fail(statement, f"names {others}, who are not in {tie.label}")
        claimed = self.claims_in(text) - self.methods(tie, statement.fact)
        if claimed:
            self.fail(statement, f"claims {sorted(claimed)}, not what decided {tie.label}")

    def check_forecast(self, statement: Statement, text: str) -> None:
        """A close call states the winner's chance by the tie's forecast series: at kick-off
        when it says so, else its lowest, at the minute it names (if any)."""
        tie = statement.tie
        assert tie is not None
        series = self.forecasts.get(tie)
        winner = decide(tie, self.rules).winner
        if series is None or winner is None:
            self.fail(statement, f"a forecast claim, but {tie.label} has no forecast")
            return
        if winner not in self.teams_in(statement.text):
            self.fail(statement, f"does not name {winner}, whose chance it is")
        chances = dict(series.of(winner))
        stated = list(PERCENT.finditer(text))
        if len(stated) != 1:
            self.fail(statement, f"{len(stated)} percentages")
            return
        said = stated[0]
        if KICK_OFF.search(text.lower()):
            at: dict[str, float] = {"kick-off": chances[0]}
        else:
            at = {"lowest": min(chances.values())}
            for found in ORDINAL_MINUTE.finditer(text):
                minute = int(found.group(1))
                if minute not in chances:
                    self.fail(statement, f"minute {found.group(0)} is not in the forecast")
                    return
                at[f"minute {minute}"] = chances[minute]
        for where, chance in at.items():
            if not _prints_as(chance, said.group(1), int(said.group(2))):
                self.fail(statement, f"{said.group(0)}, but the forecast's {where} is {chance:.2%}")

    def check_verdicts(self) -> None:
        """Each verdict names the winner, the winner-first aggregate and the rules' method."""
        for section in self.report.sections:
            tie = section.tie
            verdicts = [s for s in section.prose if s.fact == "verdict"]
            if not self.deciding(tie):
                if verdicts:
                    self.fail(verdicts[0], "a verdict after a match that decided nothing")
                continue
            outcome = decide(tie, self.rules)
            assert outcome.winner is not None
            assert outcome.decided_by is not None
            assert outcome.aggregate is not None
            if len(verdicts) != 1:
                self.problems.append(f"{tie.label}: {len(verdicts)} verdicts")
                continue
            verdict = verdicts[0]
            if outcome.winner not in self.teams_in(verdict.text):
                self.fail(verdict, f"the winner {outcome.winner} is not named")
            agg = outcome.aggregate
            won = (agg.team1, agg.team2) if outcome.winner == tie.team1 else (agg.team2, agg.team1)
            if not tie.single_match and f"{won[0]}-{won[1]}" not in verdict.text:
                self.fail(verdict, f"the aggregate {won[0]}-{won[1]} is not given")
            required = CLAIMS_OF[outcome.decided_by]
            if PENALTIES in required:
                required = {PENALTIES}  # extra time before it goes without saying
            missing = required - self.claims_in(verdict.text)
            if missing:
                self.fail(verdict, f"does not say {sorted(missing)}")

    def run(self) -> list[str]:
        """Every problem found; empty when the report states only facts of the data."""
        for statement in self.report.statements:
            self.check_statement(statement)
        self.check_verdicts()
        return self.problems


def _prints_as(chance: float, qualifier: str | None, percent: int) -> bool:
    """Whether ``chance`` is what "``qualifier`` ``percent``%" says, in whole percents: "less
    than 1%" is a chance that prints as 0% but is not nil, "more than 99%" likewise; otherwise
    ("never less than 75%") the words around the number are the sentence's, not the number's."""
    if qualifier in BELOW and percent == 1:
        return 0 < chance < 0.005
    if qualifier in ABOVE and percent == 99:
        return 0.995 <= chance < 1
    return round(100 * chance) == percent


@functools.lru_cache(maxsize=16)
def forecast_series(season: Season, rules: Rules) -> dict[Tie, ThroughChances]:
    """Team 1's chance minute by minute over the deciding match of every tie of ``season``
    with goal events, from the shipped ratings fitted before it (those a report may use).
    Remembered: the tests check many reports of one season."""
    found = {}
    for tie in season.ties():
        match = tie.last_match
        snapshot = fresh_snapshot(match.date)
        if match.played and match.goals is not None and snapshot is not None:
            series = through_by_minute(tie, snapshot.ratings, rules)
            found[tie] = ThroughChances(tie.team1, series)
    return found


def _running(match: Match) -> list[Score]:
    scores, home, away = [], 0, 0
    for goal in sorted(match.goals or (), key=lambda g: (g.minute, g.added)):
        home += goal.team == match.home
        away += goal.team == match.away
        scores.append(Score(home, away))
    return scores


def ties_played_on(season: Season, day: object) -> set[Tie]:
    """The knockout ties with a match played on ``day``, straight from the season."""
    return {tie for tie in season.ties() if any(leg.date == day and leg.played for leg in tie.legs)}
