"""Where a value was read from: a file name and a line, for error messages."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SourceRef"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A position in an input file: a 1-based line, or in a JSON file the JSON pointer of the
    value (``/matches/3``; ``line`` then counts the values from 1)."""

    file: str
    line: int
    pointer: str | None = None

    def __str__(self) -> str:
        if self.pointer is not None:
            return f"{self.file}#{self.pointer}"
        return f"{self.file}:{self.line}"
