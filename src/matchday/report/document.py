"""A written report as structured sections: headline, dateline, lead, one section per tie."""

from __future__ import annotations

from dataclasses import dataclass

from matchday.model import Tie
from matchday.report.story import RoundUp

__all__ = ["Report", "Section", "Statement"]


@dataclass(frozen=True, slots=True)
class Statement:
    """The words that state one fact (one or two sentences), and the tie they are about.

    ``fact`` names what is stated (a ``Fact`` value, or ``headline``/``opening``/``summary``
    in the lead); ``tie`` is ``None`` for statements about the whole night.
    """

    fact: str
    text: str
    tie: Tie | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """One tie: its sub-heading, the paragraph that tells it, and its data lines."""

    tie: Tie
    heading: str
    prose: tuple[Statement, ...]
    lines: tuple[Statement, ...]

    @property
    def paragraph(self) -> str:
        """The prose as one paragraph."""
        return " ".join(statement.text for statement in self.prose)


@dataclass(frozen=True, slots=True)
class Report:
    """A round-up written in one language; ``text`` is its Markdown, ``html`` its HTML."""

    language: str
    headline: str
    dateline: str
    lead: tuple[Statement, ...]
    sections: tuple[Section, ...]
    roundup: RoundUp
    text: str
    html: str

    @property
    def lead_paragraph(self) -> str:
        """The lead as one paragraph."""
        return " ".join(statement.text for statement in self.lead)

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement of the report, the headline first, in reading order."""
        found = [Statement("headline", self.headline, self.roundup.lead.tie), *self.lead]
        for section in self.sections:
            found.append(Statement("heading", section.heading, section.tie))
            found.extend(section.prose)
            found.extend(section.lines)
        return tuple(found)
