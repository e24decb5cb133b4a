"""Where a value was read from: a file name and a line, for error messages."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SourceRef"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A position in an input file: a 1-based line; in a football.json file, the JSON pointer
    of the value (``/matches/3/score``) with ``line`` the number of the match it is in,
    counting from 1 (4; 0 for a value in no match, ``/name``). A JSON file that does not parse
    has no pointer: its ``line`` is the text line the JSON decoder stopped at."""

    file: str
    line: int
    pointer: str | None = None

    def __str__(self) -> str:
        if self.pointer is not None:
            return f"{self.file}#{self.pointer}"
        return f"{self.file}:{self.line}"
