"""``matchday check``: a written report checked against the data, claim by claim.

Reading the article and the data, forecasting, and writing the verdicts (text, the article
marked up in Markdown or HTML, JSON) happen here; the verdicts themselves are
``matchday.check`` (pure).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field

from matchday.check import Claim, Forecast, Night, Verdict, check, detect_language, summary
from matchday.check.reasons import Reason, Value
from matchday.cli.common import KeepGoingOption, RulesOption, load_competition, parse_date
from matchday.cli.report import club_spellings
from matchday.errors import ConfigError, SourceError
from matchday.forecast.outlook import before_deciding_match, outlook, through_by_minute
from matchday.forecast.ratings import Ratings
from matchday.io.snapshot import fresh_snapshot
from matchday.model import Season, Team, Tie
from matchday.report import night_rules, roundup, through_chances
from matchday.report.forecast import national_tie_ratings, rates
from matchday.report.language import display_names, language
from matchday.report.reasons import Reasons
from matchday.report.story import ThroughChances
from matchday.rules import Rules

__all__ = [
    "CONTRADICTED_EXIT_CODE",
    "CheckOut",
    "ClaimOut",
    "check_command",
    "marked",
    "night_of",
    "plain",
    "read_article",
    "reasons_for",
]

FORMATS = ("text", "md", "html", "json")
MARKS = {Verdict.SUPPORTED: "✓", Verdict.CONTRADICTED: "✗", Verdict.NOT_CHECKABLE: "?"}
"""How each verdict is marked in the text and Markdown outputs."""
CONTRADICTED_EXIT_CODE = 4
"""Exit status of ``check --strict`` when any claim is contradicted (whatever else was left
out under ``--keep-going``), so that a desk's pipeline stops a round-up with an error in it."""
_WORST_FIRST = (Verdict.CONTRADICTED, Verdict.NOT_CHECKABLE)

_ENV = Environment(
    loader=PackageLoader("matchday.report", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
    trim_blocks=True,
    lstrip_blocks=True,
)


class ClaimOut(BaseModel):
    """One claim of the article, as ``matchday check --format json`` lists it."""

    number: int = Field(description="1, 2, ... in the order of the article")
    kind: str = Field(
        description="result, score, first_leg, aggregate, shootout, goal, "
        "red_card, through, method, despite, spell, what_if, chance or team"
    )
    verdict: Literal["supported", "contradicted", "not_checkable"]
    sentence: str = Field(description="the sentence the claim is made in")
    words: str = Field(description="the words the claim rests on")
    start: int = Field(description="offset of the words in the article (characters)")
    end: int
    reason: str = Field(
        description="what the data says (that bears the claim out, or contradicts it) or "
        "why it cannot be checked, in the output's language"
    )
    tie: str | None = Field(description="the tie the claim is about")
    note: str | None = Field(description="a remark that is no contradiction (a misspelt name)")
    reason_key: str | None = Field(default=None, description="the reason as data: its key")
    reason_values: dict[str, Any] = Field(
        default_factory=dict,
        description="the reason's values: teams by the data's name, scores as "
        "{home, away}, goals and cards as objects, nested reasons as {key, values}",
    )
    note_key: str | None = Field(default=None, description="the note as data: its key")
    note_values: dict[str, Any] = Field(default_factory=dict)


class CheckOut(BaseModel):
    """The JSON of ``matchday check``: the night checked, counts per verdict, every claim."""

    source: str
    night: str = Field(description="the date or the round checked against")
    language: Literal["nl", "en"]
    supported: int
    contradicted: int
    not_checkable: int
    claims: list[ClaimOut]


BOM = "\ufeff"
"""The byte-order mark some editors put at the start of a UTF-8 file."""


def read_article(article: str) -> str:
    """The article's text: a file, or standard input for ``-``, as read: line endings as
    ``"\\n"`` and a leading byte-order mark left out (the claims' offsets count from the text
    after it)."""
    if article == "-":
        return sys.stdin.read().removeprefix(BOM)
    path = Path(article)
    try:
        return path.read_text(encoding="utf-8").removeprefix(BOM)
    except FileNotFoundError:
        raise SourceError(f"{article}: no such file") from None
    except UnicodeDecodeError as err:
        raise SourceError(f"{article}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise SourceError(f"{article}: cannot read: {err.strerror or err}") from None


def _kickoff_chance(tie: Tie, rules: Rules, ratings: Ratings | None) -> float | None:
    """Team 1's chance of going through at kick-off of the deciding match, from ``ratings``,
    else the shipped club ratings fitted before it (``None`` without fresh ratings that rate a
    side, or without a first-leg result)."""
    if ratings is None:
        snapshot = fresh_snapshot(tie.last_match.date)
        ratings = None if snapshot is None else snapshot.ratings
    if ratings is None or not rates(ratings, tie):
        return None
    if not tie.single_match and tie.first_leg.score is None:
        return None
    # a second leg not in the file yet is the deciding match: the tie stands at its kick-off
    view = outlook(tie if tie.second_leg_to_come else before_deciding_match(tie), ratings, rules)
    return None if view.forecast is None else view.forecast.team1_through


def _series(tie: Tie, rules: Rules, national: Ratings | None) -> ThroughChances | None:
    """Team 1's chances minute by minute over the deciding match: as ``matchday report`` has
    them (the shipped club ratings), or from ``national`` ratings for national teams."""
    if national is None:
        return through_chances(tie, rules)
    match = tie.last_match
    if not match.played or match.goals is None:
        return None
    return ThroughChances(tie.team1, through_by_minute(tie, national, rules))


def night_of(
    season: Season,
    rules: Rules,
    *,
    date: dt.date | None = None,
    round_name: str | None = None,
    forecast: bool = True,
    aliases: Mapping[Team, tuple[str, ...]] | None = None,
) -> Night:
    """The facts of a night (``date``) or a round, as ``matchday report`` tells them, with the
    forecast of each tie from the shipped ratings (no look-ahead) unless ``forecast`` is off:
    the club ratings, or for a tie of two sides they do not rate the national teams' ratings;
    a tie neither rates has no forecast."""
    told = roundup(season, date=date, round_name=round_name, rules=rules)
    forecasts: dict[Tie, Forecast] = {}
    if forecast:
        for story in told.stories:
            club = fresh_snapshot(story.tie.last_match.date)
            national = (
                None
                if club is not None and rates(club.ratings, story.tie)
                else national_tie_ratings(story.tie)
            )
            # After a first leg only the chance at kick-off of the second was known that night.
            series = _series(story.tie, rules, national) if story.deciding else None
            kickoff = (
                _kickoff_chance(story.tie, rules, national)
                if series is None
                else dict(series.by_minute)[0]  # the series' own kick-off (what reports say)
            )
            if kickoff is not None:
                forecasts[story.tie] = Forecast(kickoff, series)
    by_round = round_name is not None
    return Night(told, rules, season.tie_teams, forecasts, aliases or {}, by_round)


def reasons_for(night: Night, code: str) -> Reasons:
    """The reasons told in ``code``'s language, teams named as its round-up names them."""
    lang = language(code)
    return Reasons(lang, display_names(night.teams, lang, night.aliases), by_round=night.by_round)


def plain(value: Value) -> Any:
    """A reason's value as JSON: teams by the data's name, model values as objects."""
    if isinstance(value, Reason):
        return {"key": value.key.value, "values": {k: plain(v) for k, v in value.values}}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if isinstance(value, Team):
        return value.name
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def marked(text: str, claims: Sequence[Claim], fmt: str, say: Reasons | None = None) -> str:
    """The article with each claim's words marked and numbered, then the verdicts."""
    pieces: list[str] = []
    at = 0
    spans: list[tuple[int, int, list[int]]] = []
    for number, claim in enumerate(claims, 1):
        if spans and claim.start < spans[-1][1]:
            spans[-1][2].append(number)
        else:
            spans.append((claim.start, claim.end, [number]))
    escape = html.escape if fmt == "html" else (lambda s: s)
    for start, end, numbers in spans:
        pieces.append(escape(text[at:start]))
        verdicts = {claims[n - 1].verdict for n in numbers}
        # A mark shows its worst verdict: contradicted, else not checkable, else supported.
        worst = next((v for v in _WORST_FIRST if v in verdicts), Verdict.SUPPORTED)
        label = ",".join(f"{MARKS[claims[n - 1].verdict]}{n}" for n in numbers)
        words = text[start:end]
        if fmt == "html":
            title = "; ".join(
                f"{n}: {_verdict(claims[n - 1], say)}"
                + (f" ({said})" if (said := _told(claims[n - 1], say)) else "")
                for n in numbers
            )
            pieces.append(
                f'<mark class="{worst.value}" title="{html.escape(title)}">{escape(words)}'
                f"<sup>{html.escape(label)}</sup></mark>"
            )
        else:
            style = {"supported": "**", "contradicted": "~~", "not_checkable": "_"}[worst.value]
            pieces.append(f"{style}{words}{style}<sup>{label}</sup>")
        at = end
    pieces.append(escape(text[at:]))
    return "".join(pieces)


def _reason(reason: Reason | None, say: Reasons | None) -> str:
    """A reason as a sentence (in English, naming teams by the data, without ``say``)."""
    if reason is None:
        return ""
    if say is None:
        return Reasons(language("en"), {})(reason)
    return say(reason)


def _told(claim: Claim, say: Reasons | None) -> str:
    """The reason a listing tells after a claim: what contradicts it or why it cannot be
    checked; a supported claim's reason is in the JSON only, the listing stays a checklist."""
    return "" if claim.verdict is Verdict.SUPPORTED else _reason(claim.reason, say)


def _verdict(claim: Claim, say: Reasons | None) -> str:
    if say is None:
        return claim.verdict.value.replace("_", " ")
    return say.word("verdict", claim.verdict.value)


def _line(number: int, claim: Claim, say: Reasons | None = None) -> str:
    head = f"{MARKS[claim.verdict]} {number}. {_verdict(claim, say)}"
    reason = _told(claim, say)
    said = f" — {reason}" if reason else ""
    note_text = _reason(claim.note, say)
    if note_text:
        note = say.word("note", note_text) if say is not None else f"note: {note_text}"
        note = f" ({note})"
    else:
        note = ""
    return f"{head} [{claim.kind.value}] «{claim.words}»{said}{note}"


def render(
    text: str, claims: Sequence[Claim], fmt: str, out: CheckOut, say: Reasons | None = None
) -> str:
    """The verdicts as ``fmt``: text (one line per claim with its sentence), md or html (the
    article marked up, then the list), json (``CheckOut``); the words in ``say``'s language
    (English without it)."""
    say = say or Reasons(language("en"), {})
    counts = say.word("counts", out.supported, out.contradicted, out.not_checkable)
    if fmt == "json":
        return out.model_dump_json(indent=2) + "\n"
    if fmt == "text":
        lines = [say.word("checked", len(claims), out.night, counts), ""]
        for number, claim in enumerate(claims, 1):
            lines.append(_line(number, claim, say))
            lines.append(f"    {say.word('sentence')}: {claim.sentence}")
        return "\n".join(lines) + "\n"
    if fmt == "md":
        body = marked(text, claims, "md", say).rstrip()
        listed = "\n".join(
            f"{n}. {_line(n, c, say)[2:].split('. ', 1)[1]}" for n, c in enumerate(claims, 1)
        )
        head = say.word("checked_against", out.night)
        return f"{body}\n\n---\n\n**{head}** {counts}.\n\n{listed}\n"
    listing = [(c, _line(n, c, say)[2:].split(". ", 1)[1]) for n, c in enumerate(claims, 1)]
    page = _ENV.get_template("check.html.j2").render(
        article=marked(text, claims, "html", say), claims=listing, out=out, counts=counts,
        marks=MARKS, checked_against=say.word("checked_against", out.night),
    )  # fmt: skip
    return page.strip() + "\n"


def check_command(
    article: Annotated[
        str, typer.Argument(help="The article: a plain-text file, or - for standard input.")
    ],
    source: Annotated[
        str,
        typer.Option(
            "--source", help="A Football.TXT file or a bundled data set (europa-league-2017-18)."
        ),
    ],
    date: Annotated[
        str | None,
        typer.Option("--date", help="The night: YYYY-MM-DD.", show_default=False),
    ] = None,
    round_name: Annotated[
        str | None,
        typer.Option("--round", help='The round, e.g. "Round of 16".', show_default=False),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="nl or en (default: told from the text).", show_default=False),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text, md, html or json.")] = "text",
    rules_name: RulesOption = None,
    keep_going: KeepGoingOption = False,
    forecast: Annotated[
        bool,
        typer.Option(
            "--forecast/--no-forecast",
            help="Check chances (in figures or words) against the forecast of that moment.",
        ),
    ] = True,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help=f"Exit with status {CONTRADICTED_EXIT_CODE} (instead of 0, or 3 under "
            "--keep-going) when any claim is contradicted; a spelling note alone does not.",
        ),
    ] = False,
) -> None:
    """Check a written report against SOURCE: every claim supported, contradicted or not
    checkable, with the words it rests on."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if lang is not None and lang not in ("nl", "en"):
        raise ConfigError(f"unknown language {lang!r}; choose one of: en, nl")
    if (date is None) == (round_name is None):
        raise ConfigError("choose the night with --date or the round with --round (one of the two)")
    text = read_article(article)
    if not text.strip():
        raise ConfigError(f"{article}: the article is empty")
    night_date = parse_date(date)
    known = load_competition(source, rules_name, keep_going=keep_going)
    season = known.season
    rules = night_rules(known, date=night_date, round_name=round_name)
    spellings = club_spellings(source, season.tie_teams)  # as the report names them
    night = night_of(
        season,
        rules,
        date=night_date,
        round_name=round_name,
        forecast=forecast,
        aliases=spellings,
    )
    claims = check(text, night, lang)
    counts = summary(claims)
    code: Literal["nl", "en"] = "en" if (lang or detect_language(text)) == "en" else "nl"
    say = reasons_for(night, code)
    out = CheckOut(
        source=source,
        night=date or str(round_name),
        language=code,
        supported=counts[Verdict.SUPPORTED],
        contradicted=counts[Verdict.CONTRADICTED],
        not_checkable=counts[Verdict.NOT_CHECKABLE],
        claims=[
            ClaimOut(
                number=n,
                kind=c.kind.value,
                verdict=c.verdict.value,
                sentence=c.sentence,
                words=c.words,
                start=c.start,
                end=c.end,
                reason=say(c.reason),
                tie=c.tie,
                note=say(c.note) or None,
                reason_key=c.reason.key.value,
                reason_values=plain(c.reason)["values"],
                note_key=None if c.note is None else c.note.key.value,
                note_values={} if c.note is None else plain(c.note)["values"],
            )
            for n, c in enumerate(claims, 1)
        ],
    )
    sys.stdout.write(render(text, claims, fmt, out, say))
    if strict and out.contradicted:
        # Before the left-out status: a wrong claim is what must stop the round-up going out.
        raise typer.Exit(CONTRADICTED_EXIT_CODE)
