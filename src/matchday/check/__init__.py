"""Checking a written match report against the data: every claim the data can confirm or
refute, with its verdict (supported, contradicted with what the data says, or not checkable
with why), in Dutch and English.

    from matchday.check import Night, check

    claims = check(article_text, night, lang="en")
    for claim in claims:
        claim.kind, claim.verdict, claim.words, claim.reason  # a Reason: key and values

The phrases reporters use are tables per language (``matchday.check.vocabulary``); the facts
are the report's tie stories (``matchday.report.story``), the rules engine, the live state at
a score (``matchday.live``) and the forecast of that moment. Everything here is pure: reading
files and rendering the marked-up article happen at the edges (``matchday.cli.check``).
"""

from matchday.check.claims import Claim, Kind, Verdict
from matchday.check.night import Forecast, Night, Player
from matchday.check.read import check, detect_language, sentences, summary
from matchday.check.reasons import Reason, Why
from matchday.check.vocabulary import (
    BRINK,
    EN,
    FAVOURITE,
    FORMALITY,
    NICKNAMES,
    NL,
    VOCABULARIES,
    Band,
    Vocabulary,
    number_words,
)

__all__ = [
    "BRINK",
    "EN",
    "FAVOURITE",
    "FORMALITY",
    "NICKNAMES",
    "NL",
    "VOCABULARIES",
    "Band",
    "Claim",
    "Forecast",
    "Kind",
    "Night",
    "Player",
    "Reason",
    "Verdict",
    "Vocabulary",
    "Why",
    "check",
    "detect_language",
    "number_words",
    "sentences",
    "summary",
]
