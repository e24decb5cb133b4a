"""Teams: a club or national side as named in the data."""

from __future__ import annotations

from dataclasses import dataclass

from matchday.errors import InvalidValueError

__all__ = ["Team"]


@dataclass(frozen=True, slots=True)
class Team:
    """A team, identified by its name and, where the data gives one, its country code.

    The country code is the three-letter code the source uses (``ENG``, ``GER``, ...). Two teams
    are the same team exactly when name and code are equal: matchday never merges names by guess.
    """

    name: str
    country: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise InvalidValueError(f"a team's name is text, not {self.name!r}")
        if not self.name.strip():
            raise InvalidValueError("a team needs a name")
        if self.country is not None and not isinstance(self.country, str):
            raise InvalidValueError(f"a team's country code is text, not {self.country!r}")

    def __str__(self) -> str:
        return self.name
