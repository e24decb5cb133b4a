"""Where a value was read from: a file name and a line, for error messages."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SourceRef"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A position in an input file (1-based line)."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"
