"""The exceptions matchday raises, all below one root.

    MatchdayError
    ├── ParseError           input text that is not valid Football.TXT (file, line, text)
    ├── SourceError          a source that cannot be found or read
    ├── ConfigError          an unknown rules preset, round, team or option value
    ├── NotFoundError        a stored season, round, tie, match or event that does not exist
    ├── ConflictError        a write that clashes with what is stored (a reused idempotency key)
    ├── MissingDataError     a question the source cannot answer (no goal events, leg unplayed)
    ├── InvalidValueError    a value the model cannot hold (a negative score, an empty name);
    │                        also a ValueError
    └── RuleError            results that break the rules of the game
        ├── SelfMatchError       a team meeting itself
        ├── ScoreOrderError      a later score lower than an earlier one (e.g. a.e.t. < 90')
        ├── GoalCountError       goal events that do not add up to the score
        ├── LegCountError        a tie with a leg missing or too many legs
        ├── LegsMismatchError    two legs that are not the same pair with home and away swapped
        ├── ExtraTimeNotDueError extra time recorded though the tie was already decided
        ├── ShootOutNotDueError  a shoot-out recorded though the tie was not level
        ├── UnsettledTieError    a finished tie whose recorded result does not settle it
        ├── AggregateMismatchError an aggregate written in the file that the legs do not make
        └── MatchEventError      a posted match event the state of the match does not allow

Rule errors name the tie or match and, when the value was parsed, the file and line. Every
error has the same small interface for where it is: ``where`` (a ``SourceRef``, ``None`` when the
error is about no place in an input), and ``file`` and ``line`` read from it.
"""

from __future__ import annotations

from matchday.source import SourceRef

__all__ = [
    "AggregateMismatchError",
    "ConfigError",
    "ConflictError",
    "ExtraTimeNotDueError",
    "GoalCountError",
    "InvalidValueError",
    "LegCountError",
    "LegsMismatchError",
    "MatchEventError",
    "MatchdayError",
    "MissingDataError",
    "NotFoundError",
    "ParseError",
    "RuleError",
    "ScoreOrderError",
    "SelfMatchError",
    "ShootOutNotDueError",
    "SourceError",
    "UnsettledTieError",
]


class MatchdayError(Exception):
    """Root of every error matchday raises on purpose. ``where``: the place in an input the
    error is about, if any; ``file`` and ``line`` are read from it (``None`` without one)."""

    where: SourceRef | None = None

    @property
    def file(self) -> str | None:
        """The input file the error is about, if it is about one."""
        return self.where.file if self.where is not None else None

    @property
    def line(self) -> int | None:
        """The 1-based line of ``file`` (in a JSON file with a ``pointer``: the number of the
        match the value is in, from 1, as ``SourceRef`` has it), if known."""
        return self.where.line if self.where is not None else None


class ParseError(MatchdayError):
    """A line of input that the parser cannot read; in a JSON file, the value at ``pointer``
    (``/matches/3/score/ft``)."""

    where: SourceRef

    def __init__(
        self, file: str, line: int, text: str, problem: str, *, pointer: str | None = None
    ) -> None:
        self.where = SourceRef(file, line, pointer)
        self.text = text
        self.problem = problem
        self.pointer = pointer
        super().__init__(f"{self.where}: {problem}: {text.strip()[:200]!r}")

    @property
    def file(self) -> str:
        """The file the unreadable line is in."""
        return self.where.file

    @property
    def line(self) -> int:
        """The unreadable line (in a JSON file with a ``pointer``: the number of the match the
        value is in, from 1; 0 for a value in no match)."""
        return self.where.line


class SourceError(MatchdayError):
    """A source (file path or bundled name) that cannot be found or read."""


class ConfigError(MatchdayError):
    """An option value matchday does not know: a preset, a round, a team."""


class NotFoundError(MatchdayError):
    """A stored season, round, tie, match or event that does not exist."""


class ConflictError(MatchdayError):
    """A write that clashes with what is stored: an idempotency key reused for another event,
    a round loaded twice, events posted to a match whose result came with the upload."""


class MissingDataError(MatchdayError):
    """The source lacks what a question needs: goal events, or a leg's result."""


class InvalidValueError(MatchdayError, ValueError):
    """A value the model cannot hold (a negative score, an empty team name, minute 0) or
    arguments a function cannot take: under the one root, and a ``ValueError`` as well."""


class RuleError(MatchdayError):
    """Results that are inconsistent with the rules of the game."""

    def __init__(self, subject: str, problem: str, where: SourceRef | None = None) -> None:
        self.subject = subject
        self.problem = problem
        self.where = where
        prefix = f"{where}: " if where is not None else ""
        super().__init__(f"{prefix}{subject}: {problem}")


class SelfMatchError(RuleError):
    """A match in which a team would play itself."""


class ScoreOrderError(RuleError):
    """A score lower than an earlier one in the same match (half time > full time, a.e.t. < 90')."""


class GoalCountError(RuleError):
    """Goal events that do not add up to the recorded score."""


class LegCountError(RuleError):
    """A two-legged tie with one leg missing, or a tie with more than two matches."""


class LegsMismatchError(RuleError):
    """Two legs that are not the same pair of teams with home and away swapped."""


class ExtraTimeNotDueError(RuleError):
    """Extra time recorded although the tie was decided after 90 minutes."""


class ShootOutNotDueError(RuleError):
    """A penalty shoot-out recorded although the tie was not level when it would start."""


class UnsettledTieError(RuleError):
    """A tie whose recorded result leaves it level where the rules demand a decision."""


class MatchEventError(RuleError):
    """A posted match event that the state of the match does not allow: a goal before kick-off
    or after full time, half-time twice, a goal in the 60th minute before half-time."""


class AggregateMismatchError(RuleError):
    """An aggregate written beside a leg (``(agg 3-0)``) that the legs on record do not make."""
