"""Resolve a source (a file path or a bundled name) and parse it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from matchday.errors import SourceError
from matchday.io.footballtxt import parse
from matchday.model import Season

__all__ = ["bundled_names", "load", "read_source"]

_BUNDLE = "matchday.data"


def bundled_names() -> tuple[str, ...]:
    """Names of the data sets shipped with matchday, e.g. ``europa-league-2017-18``."""
    files = resources.files(_BUNDLE).iterdir()
    return tuple(sorted(f.name.removesuffix(".txt") for f in files if f.name.endswith(".txt")))


def read_source(source: str | Path) -> tuple[str, str]:
    """The text of ``source`` and the name to cite in errors.

    ``source`` is a path to a Football.TXT file or the name of a bundled data set.
    """
    path = Path(source)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as err:
            raise SourceError(f"{path}: cannot read: {err}") from err
    name = str(source)
    if name in bundled_names():
        data = resources.files(_BUNDLE).joinpath(f"{name}.txt")
        return data.read_text(encoding="utf-8"), f"{name}.txt"
    known = ", ".join(bundled_names())
    raise SourceError(f"{source}: no such file and no bundled data set of that name ({known})")


def load(source: str | Path) -> Season:
    """Load and parse a Football.TXT file or a bundled data set."""
    text, name = read_source(source)
    return parse(text, name)
