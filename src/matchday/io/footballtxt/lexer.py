"""The small pieces of a Football.TXT line: dates, kick-off times, scores and goal events.

Every pattern here is anchored or made of character classes without nested repetition, so a
line is read in time linear in its length whatever it holds. The words each piece may use
live in ``vocabulary``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from matchday.errors import InvalidValueError
from matchday.io.footballtxt.vocabulary import (
    AET_WORDS,
    MONTHS,
    PENALTY_WORDS,
    WEEKDAY_NAMES,
)
from matchday.model import Score

__all__ = [
    "BARE_DATE",
    "DATE",
    "GOAL_TOKEN",
    "KICKOFF",
    "SCORE",
    "SCORE_TOKEN",
    "DateParts",
    "ScoreParts",
    "date_parts",
    "fold_word",
    "opens_result",
    "read_score",
    "score_parts",
]

_MAX_DIGITS = 3
"""No side scores more than 999 goals: a longer number is not a score."""
_SCORE_SPLIT = re.compile(r"\s?[-–:]\s?")

_DATE_BODY = r"""
    (?:
        (?P<mon>[^\W\d_]{3,10})\.?[ /]\s*(?P<day>\d{1,2})(?![\d:.-])\.?
            (?:,?\s+(?P<year>\d{4})(?!\d))?
      | (?P<day2>\d{1,2})\.?\s+(?P<mon2>[^\W\d_]{3,10})\.?(?:,?\s+(?P<year2>\d{4}|\d{2})(?![\d:.]))?
      | (?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?!\d)
      | (?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})?(?![\d.])
      | (?P<sd>\d{1,2})/(?P<sm>\d{1,2})(?:/(?P<sy>\d{4}|\d{2}))?(?![\d/])
      | (?P<yo>\d{4})(?=\s+@)
    )
    (?=\s|$|,)"""
DATE = re.compile(r"(?P<wd>[^\W\d_]{2,10})\.?,?\s+" + _DATE_BODY, re.VERBOSE)
"""A date with its weekday at the start of a line, in any form the specification lists."""
BARE_DATE = re.compile(r"(?P<wd>)" + _DATE_BODY, re.VERBOSE)
"""A date without a weekday at the start of a line."""

KICKOFF = re.compile(
    r"(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})(?:\s*h)?(?![\d.:])"
    r"(?:\s+(?:UTC|GMT)\s?(?P<offset>[+\N{MINUS SIGN}-]\d{1,2}(?::?\d{2})?))?(?=\s|$)"
)
"""A kick-off time (``20:45``, ``18.45``, ``17:00 UTC+3``)."""

SCORE = re.compile(r"(?<![\w'/-])(\d+)\s?[-–:]\s?(\d+)(?![\d'])")
"""A score (``2-1``, ``2–1``, ``2:1``) standing on its own, not part of a name or a time."""

SCORE_TOKEN = re.compile(
    r"(?P<scored>(?P<score>\d+[-–:]\d+)(?P<suffix>[a-zA-Z./]+)?)|(?P<open>\()|(?P<close>\))|(?P<comma>,)"
    r"|(?P<bracket>\[[^\]]*\])|(?P<word>[^\s(),\[]+)"
)
"""The tokens of the part of a match line that holds its result."""

GOAL_TOKEN = re.compile(
    r"""(?P<score>\d{1,3}[-–:]\d{1,3})(?![\d'])
    | (?P<event>(?P<minute>\d{1,3})\s?'?\s?(?:\+\s?(?P<added>\d{1,2})\s?'?)?
        (?P<mark>\s?\(?(?:pen\.?|p|o\.?g\.?|og|o|h|f|2nd\ yellow)\)?(?![\w.]))?)
    | (?P<sep>[,;\n])
    | (?P<word>[^\s,;\d][^\s,;]*)
    | (?P<other>\S)""",
    re.VERBOSE,
)
"""The tokens of a goal line: minutes with their marks, scores (``1-0 Bonilla 42'``), names."""


def fold_word(word: str) -> str:
    """A word as the vocabulary tables hold it: lower case, accents kept out of the way."""
    return word.casefold().replace("é", "e").replace("á", "a").replace("ì", "i").replace("ç", "c")


@dataclass(frozen=True, slots=True)
class DateParts:
    """A date as written: the day and month, and the weekday and year when given."""

    day: int | None
    month: int | None
    year: int | None
    two_digit_year: bool
    weekday: int | None
    end: int


_LEADING_WORD = re.compile(r"[^\W\d_]+")


def date_parts(text: str) -> DateParts | None:
    """The date at the start of ``text``, or ``None`` when ``text`` does not start with one."""
    if not text[:1].isdigit():
        # A date opens with a digit, a weekday or a month: most match lines are ruled out by
        # one look-up of their first word instead of two regular expressions.
        lead = _LEADING_WORD.match(text)
        word = fold_word(lead.group(0)) if lead is not None else ""
        if word not in WEEKDAY_NAMES and word not in MONTHS:
            return None
    found = DATE.match(text)
    parts = _date_parts(found) if found is not None else None
    if parts is None and (bare := BARE_DATE.match(text)) is not None:
        parts = _date_parts(bare)
    return parts


def _date_parts(found: re.Match[str]) -> DateParts | None:
    weekday = None
    if found["wd"]:
        weekday = WEEKDAY_NAMES.get(fold_word(found["wd"]))
        if weekday is None:
            return None
    month_name = found["mon"] or found["mon2"]
    year_text = found["year"] or found["year2"] or found["ny"] or found["sy"] or found["iy"]
    if found["yo"]:
        return DateParts(None, None, int(found["yo"]), False, weekday, found.end())
    if month_name is not None:
        month = MONTHS.get(fold_word(month_name))
        if month is None:
            return None
        day = int(found["day"] or found["day2"])
    elif found["iy"]:
        month, day = int(found["im"]), int(found["id"])
    elif found["nd"]:
        month, day = int(found["nm"]), int(found["nd"])
    else:
        month, day = int(found["sm"]), int(found["sd"])
    year = int(year_text) if year_text else None
    two_digit = year_text is not None and len(year_text) == 2
    return DateParts(day, month, year, two_digit, weekday, found.end())


@functools.lru_cache(maxsize=4096)
def read_score(text: str) -> Score:
    """``2-1`` as a ``Score``; ``ValueError`` for a number no score can have."""
    home, away = _SCORE_SPLIT.split(text.strip(), maxsplit=1)
    if len(home) > _MAX_DIGITS or len(away) > _MAX_DIGITS:
        raise InvalidValueError(f"not a score: {text[:20]}")
    return Score(int(home), int(away))


@dataclass
class ScoreParts:
    """What the result part of a match line says, before it is made into a ``Match``."""

    main: list[tuple[Score, str]] = field(default_factory=list)
    inner: list[Score] = field(default_factory=list)
    half_time: Score | None = None
    full_time: Score | None = None
    extra_time_named: Score | None = None
    penalties: Score | None = None
    aggregate: Score | None = None
    aet: bool = False
    statuses: list[str] = field(default_factory=list)


def score_parts(tokens: list[re.Match[str]], start: int, parts: ScoreParts) -> int:
    """Read result tokens from ``start`` into ``parts``; the index of the first other token."""
    index = start
    while index < len(tokens):
        token = tokens[index]
        kind = token.lastgroup
        if kind == "scored":
            score = read_score(token["score"])
            suffix = fold_word(token["suffix"] or "")
            follower = _word(tokens, index + 1)
            if suffix and suffix in AET_WORDS:
                parts.main.append((score, "aet"))
            elif suffix and suffix in PENALTY_WORDS:
                parts.main.append((score, "pen"))
            elif suffix:
                raise InvalidValueError(f"unknown words after a score: {token.group(0)}")
            elif taken := _phrase(tokens, index + 1, follower, AET_WORDS):
                parts.main.append((score, "aet"))
                index += taken
            elif taken := _phrase(tokens, index + 1, follower, PENALTY_WORDS):
                parts.main.append((score, "pen"))
                index += taken
            elif follower in _AWARDED:
                parts.main.append((score, ""))
                parts.statuses.append("awarded")
                index += 1
            else:
                parts.main.append((score, ""))
        elif kind == "comma":
            pass
        elif kind == "open" and opens_result(tokens, index):
            index = _group(tokens, index + 1, parts)
        elif kind == "word" and fold_word(token.group(0)) in AET_WORDS and parts.main:
            parts.aet = True
        else:
            return index
        index += 1
    return index


def _phrase(
    tokens: list[re.Match[str]], index: int, first: str | None, words: frozenset[str]
) -> int:
    """How many word tokens from ``index`` (the first of them ``first``, folded) make one of
    ``words`` ("pen.", "tirs au but", "na strafschoppen"): up to three, else 0."""
    if first is None:
        return 0
    if first in words:
        return 1
    if first not in _PHRASE_STARTS:
        return 0
    said = [first]
    for offset in (1, 2):
        word = _word(tokens, index + offset)
        if word is None:
            return 0
        said.append(word)
        if " ".join(said) in words:
            return offset + 1
    return 0


_PHRASE_STARTS = frozenset(
    phrase.split()[0] for phrase in AET_WORDS | PENALTY_WORDS if " " in phrase
)
"""The first words of the result phrases of several words ("tirs", "na", "on")."""


def _word(tokens: list[re.Match[str]], index: int) -> str | None:
    if index < len(tokens) and tokens[index].lastgroup == "word":
        return fold_word(tokens[index].group(0))
    return None


_AWARDED = frozenset({"awd", "awd.", "awarded"})
"""Words after a score that say it was awarded (``0-3 awd.``, as rsssf writes it)."""

_GROUP_WORDS = frozenset(
    {"ht", "ft", "agg", "agg.", "aggregate", "win", "on", "away", "goals", "pen", "pens",
     "pen.", "penalties", "a.g.", "agg:", "ht:", "ft:"}
)  # fmt: skip


def opens_result(tokens: list[re.Match[str]], index: int) -> bool:
    """True when the parenthesis at ``index`` holds scores or result words, not a name."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is None:
        return False
    if following.lastgroup in ("scored", "close", "comma"):
        return True
    word = fold_word(following.group(0))
    return word in AET_WORDS or word in PENALTY_WORDS or word in _GROUP_WORDS


def _group(tokens: list[re.Match[str]], index: int, parts: ScoreParts) -> int:
    """Read ``(1-1, 0-0)``, ``(aet)``, ``(HT 0-0, FT 1-1, AET, PEN 3-4)``, ``(agg 3-0)``,
    ``(aet, win 3-4 on pens)`` ...; the index of the closing parenthesis."""
    element: list[str] = []
    scores: list[Score] = []
    while index < len(tokens):
        token = tokens[index]
        kind = token.lastgroup
        if kind in ("comma", "close"):
            _element(element, scores, parts)
            element, scores = [], []
            if kind == "close":
                return index
        elif kind == "scored":
            if token["suffix"]:
                element.append(fold_word(token["suffix"]))
            scores.append(read_score(token["score"]))
        elif kind == "word":
            element.append(fold_word(token.group(0)))
        else:
            raise InvalidValueError(f"unexpected {token.group(0)!r} in a result in parentheses")
        index += 1
    raise InvalidValueError("a parenthesis is not closed")


def _element(words: list[str], scores: list[Score], parts: ScoreParts) -> None:
    text = " ".join(words)
    if len(scores) > 1:
        raise InvalidValueError("two scores in one part of a result")
    score = scores[0] if scores else None
    if score is None:
        if text in AET_WORDS or text in ("aet", "et"):
            parts.aet = True
        elif text:
            raise InvalidValueError(f"unknown words in a result: {text!r}")
        return
    if not text:
        parts.inner.append(score)
    elif text in ("ht", "ht:"):
        parts.half_time = score
    elif text in ("ft", "ft:"):
        parts.full_time = score
    elif text in ("agg", "agg.", "agg:", "on agg", "on aggregate", "win on aggregate"):
        parts.aggregate = score
    elif text in PENALTY_WORDS or text in ("win on pens", "win on penalties", "pen", "pso"):
        parts.penalties = score
    elif text in AET_WORDS:
        parts.aet = True
        parts.extra_time_named = score
    elif text in ("away", "win on away goals", "a.g."):
        pass  # away goals are counted from the legs, never read
    else:
        raise InvalidValueError(f"unknown words in a result: {text!r}")
