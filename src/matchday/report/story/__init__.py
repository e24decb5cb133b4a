"""What a report says: the pure logic of a round-up, from the data to a plan of facts.

Everything here is a frozen value or a pure function over the model and the rules engine; the
wording (templates, languages) lives beside it in ``matchday.report``.
"""

from matchday.report.story.chances import CloseCall, ThroughChances, close_call
from matchday.report.story.news import WEIGHTS, Angle, Because, Discount, News, assess, rank
from matchday.report.story.roundup import RoundUp, Walkover, night, round_up, tell
from matchday.report.story.tie import PROSE, Fact, LegKind, Miss, NearMiss, TieStory
from matchday.report.story.turns import Spell, replay, spells

__all__ = [
    "PROSE",
    "WEIGHTS",
    "Angle",
    "Because",
    "CloseCall",
    "Discount",
    "Fact",
    "LegKind",
    "Miss",
    "NearMiss",
    "News",
    "RoundUp",
    "Spell",
    "ThroughChances",
    "TieStory",
    "Walkover",
    "assess",
    "close_call",
    "night",
    "rank",
    "replay",
    "round_up",
    "spells",
    "tell",
]
