"""What a check finds: claims, each with the words it rests on and a verdict with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchday.check.reasons import Reason

__all__ = ["Claim", "Kind", "Verdict"]


class Verdict(StrEnum):
    """What the data says of a claim."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    NOT_CHECKABLE = "not_checkable"


class Kind(StrEnum):
    """What a claim is about."""

    RESULT = "result"
    """Who won, lost or drew the night's match, or its score."""
    SCORE = "score"
    """A score that is the match's at some moment (running, half-time, after 90)."""
    FIRST_LEG = "first_leg"
    AGGREGATE = "aggregate"
    SHOOTOUT = "shootout"
    GOAL = "goal"
    """A goal: its scorer, minute, own goal or penalty."""
    RED_CARD = "red_card"
    THROUGH = "through"
    """Who went through, who went out."""
    METHOD = "method"
    """How the tie was decided: away goals, extra time, penalties."""
    DESPITE = "despite"
    """Through despite losing the night's match."""
    COMEBACK = "comeback"
    """A side that trailed and drew level or went ahead again (in the match, or in the tie)."""
    SPELL = "spell"
    """Who was through (or where a level tie was heading) during a stretch of the match."""
    WHAT_IF = "what_if"
    """What one more goal, or another score, would have meant under the rules."""
    CHANCE = "chance"
    """A forecast's chance, in figures or in words ("one and a half legs")."""
    TEAM = "team"
    """A team named that did not play that night."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of an article: the sentence, the words it rests on, and the verdict.

    ``start``/``end`` are the offsets of ``words`` in the article; ``reason`` says what the
    data says (that bears the claim out, or contradicts it) or why it cannot be checked;
    ``note`` carries a remark that is no contradiction (a misspelt name). Both are data, made
    sentences in the output's language at the edge (``matchday.report.reasons``). ``tie`` is
    the label of the tie it is about.
    """

    kind: Kind
    verdict: Verdict
    sentence: str
    words: str
    start: int
    end: int
    reason: Reason
    tie: str | None = None
    note: Reason | None = None
