"""``matchday plot``: P(through) minute by minute over a played deciding match, as a PNG."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import numpy as np
import typer

from matchday import competitions
from matchday.cli.common import (
    InternationalOption,
    RulesOption,
    SourceArgument,
    TieRoundOption,
    console,
    load_season,
    positive_sims,
)
from matchday.cli.forecast import ModelOption, note_ratings_age, pick_model, ratings_age_note
from matchday.cli.tournament import TitleRace, international_folder, national_tie, title_race
from matchday.errors import ConfigError, SourceError
from matchday.forecast.outlook import through_by_minute
from matchday.model import Goal, Match, Season, Tie
from matchday.rules import Rules
from matchday.select import find_tie

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["goal_label", "plot", "race_footer", "tie_series", "tie_title"]


def plot(
    source: SourceArgument,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Image to write: .png (added to a name without extension), .svg, .pdf, ...",
        ),
    ],
    tie_team: Annotated[
        str | None,
        typer.Option(
            "--tie",
            help="The team whose tie to plot (of a World Cup or Euro: one match, --round).",
        ),
    ] = None,
    round_name: TieRoundOption = None,
    model: ModelOption = None,
    rules_name: RulesOption = None,
    sims: Annotated[
        int, typer.Option("--sims", help="Simulations per day of a tournament's title race.")
    ] = 20_000,
    top: Annotated[
        int,
        typer.Option("--top", help="Teams to draw in a title race: best chance at any point."),
    ] = 6,
    international: InternationalOption = None,
) -> None:
    """Plot each side's P(through) over the minutes of a played deciding leg, from its goals;
    of a World Cup or Euro (no --tie), the title chances day by day of the --top teams whose
    chance was highest at some point."""
    output = image_path(output)
    season, rules = load_season(source, rules_name)
    if tie_team is None:
        if not competitions.of(season.competition).national_teams:
            raise ConfigError("--tie names the team whose tie to plot")
        positive_sims(sims)
        if top < 1:
            raise ConfigError(f"--top needs a positive number of teams, not {top}")
        _refuse_undated(season)
        race = title_race(season, sims, 0, international_folder(international))
        _draw_race(race, top, output)
        name, days = race.tournament.name, len(race.days)
        console.print(f"{output}: the title chances of {name}, {days} days")
        return
    played = find_tie(season, tie_team, round_name)
    last = played.last_match
    if not played.second_leg_to_come and (not last.played or last.goals is None):
        raise ConfigError(f"{played.label}: the deciding match has no goal events on record")
    series, as_of = tie_series(season, played, rules, model, international)
    minutes = [minute for minute, _ in series]
    _draw(played, last, minutes, [p for _, p in series], output, as_of)
    console.print(
        f"{output}: P(through) of {played.team1} and {played.team2}, minutes 0-{minutes[-1]}"
    )
    note_ratings_age(as_of, last.date)


def _refuse_undated(season: Season) -> None:
    """A title race is drawn day by day: a file whose matches have no day (``dated=False``,
    as ``worldcup/min/`` gives them) is refused rather than drawn over days it never gave."""
    undated = sum(not m.dated for m in season.matches)
    if not undated:
        return
    total = len(season.matches)
    which = "has no dates" if undated == total else f"gives {undated} of its {total} matches no day"
    raise ConfigError(
        f"{season.source or season.competition}: the file {which}, and a title race is charted "
        "over time, morning by morning: it needs every match dated"
    )


def image_path(output: Path) -> Path:
    """The file to write: ``.png`` added to a name without extension; an extension matplotlib
    cannot write, or a folder that does not exist, is refused before any work is done."""
    from matplotlib.backend_bases import FigureCanvasBase

    if not output.suffix:
        output = output.with_name(output.name + ".png")
    formats = FigureCanvasBase.get_supported_filetypes()
    if output.suffix[1:].lower() not in formats:
        known = ", ".join(f".{ext}" for ext in sorted(formats))
        raise ConfigError(f"{output}: cannot write a {output.suffix} image (one of {known})")
    if not output.parent.is_dir():
        raise SourceError(f"{output}: no such folder: {output.parent}")
    return output


LABEL_PT = 10.0
"""Room a goal's label (7-point text, turned upright) needs across the plot, in points."""


def spread(positions: list[int], gap: float, end: float) -> list[float]:
    """Label places near ``positions`` (sorted) at least ``gap`` apart and within 0..``end``:
    labels of goals a minute apart stand side by side instead of on top of each other."""
    placed: list[float] = []
    for x in positions:
        placed.append(max(float(x), placed[-1] + gap) if placed else float(x))
    limit = end - gap / 2
    for i in range(len(placed) - 1, -1, -1):
        limit = min(placed[i], limit)
        placed[i] = limit
        limit -= gap
    return [max(x, gap / 2) for x in placed]


def tie_series(
    season: Season, tie: Tie, rules: Rules, model: Path | None, international: Path | None
) -> tuple[tuple[tuple[int, float], ...], dt.date]:
    """P(team 1 through) minute by minute over the tie's played deciding match
    (``through_by_minute``) and the day before which the ratings were fitted: national
    ratings for national teams (fitted on ``international``, else shipped; a host nation at
    home), as ``matchday forecast --tie`` takes them, club ratings for clubs."""
    on = tie.last_match.date
    if competitions.of(season.competition).national_teams:
        found = national_tie(season, tie, on, model, international)
        ratings = found.rated.ratings
        return through_by_minute(tie, ratings, rules, found.host), ratings.as_of
    ratings = pick_model(model, on).ratings
    return through_by_minute(tie, ratings, rules), ratings.as_of


def tie_title(tie: Tie) -> str:
    """The plot's title: the deciding match's final score (after extra time, and the
    shoot-out, where played) and date, and the first leg's score of a two-legged tie."""
    last = tie.last_match
    score = f"{last.home} {last.final_score} {last.away}"
    if last.extra_time is not None:
        score += " a.e.t."
    if last.penalties is not None:
        score += f", {last.penalties} on penalties"
    title = f"{score}, {last.date:%d %B %Y}" if last.dated else score  # no day: none shown
    if tie.single_match:
        return title
    first = tie.first_leg
    return f"{title} (first leg {first.home} {first.score} {first.away})"


def goal_label(goal: Goal) -> str:
    """A goal's label: its minute, scorer and the side it counts for, a penalty marked
    ("23' Lionel Messi (pen., Argentina)"), an own goal told as one, for the side it counts
    for, not the scorer's ("90+3' Coates (o.g. for Viktoria Plzeň)")."""
    scorer = f" {goal.scorer}" if goal.scorer else ""
    if goal.own_goal:
        side = f"o.g. for {goal.team}"
    elif goal.penalty:
        side = f"pen., {goal.team}"
    else:
        side = str(goal.team)
    return f"{goal.clock}{scorer} ({side})"


def _draw(
    tie: Tie, last: Match, minutes: list[int], chances: list[float], output: Path, as_of: dt.date
) -> None:
    import matplotlib  # imported here: only this command needs it, and it is slow to load

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=110)
    ax.step(minutes, [100 * p for p in chances], where="post", label=str(tie.team1), lw=2.2)
    ax.step(minutes, [100 - 100 * p for p in chances], where="post", label=str(tie.team2), lw=2.2)
    ax.set_title(tie_title(tie), fontsize=10)
    ax.set_xlabel("minute of the match" if tie.single_match else "minute of the second leg")
    ax.set_ylabel("P(through), %")
    ax.set_ylim(-2, 102)
    ax.set_xlim(0, minutes[-1])
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
    age = (last.date - as_of).days
    old = f", {age} days before the match" if ratings_age_note(as_of, last.date) else ""
    fig.text(
        0.99,
        0.01,
        f"matchday: exact tie probabilities, ratings fitted on results before {as_of}{old}",
        fontsize=6,
        ha="right",
        va="bottom",
        color="grey",
    )
    fig.tight_layout(rect=(0, 0.03, 1, 1))  # the footer below the axes, never over the lines
    goals = sorted(last.goals or (), key=lambda g: (g.minute, g.added))
    width_pt = ax.get_position().width * fig.get_figwidth() * 72  # laid out by now
    places = spread([g.minute for g in goals], LABEL_PT * minutes[-1] / width_pt, minutes[-1])
    for goal, x in zip(goals, places, strict=True):
        ax.axvline(goal.minute, color="grey", ls=":", lw=1)
        ax.annotate(
            goal_label(goal),
            xy=(goal.minute, 28),
            xytext=(x, 50),
            rotation=90,
            fontsize=7,
            va="center",
            ha="center",
            color="dimgrey",
            bbox={"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            arrowprops={"arrowstyle": "-", "color": "grey", "lw": 0.6, "shrinkA": 0},
        )
    _save(fig, output)


def race_footer(race: TitleRace) -> str:
    """The title race's footer: how it was made and from which ratings ("shipped national
    ratings", "ratings fitted each morning on PATH")."""
    ratings = race.source if "ratings" in race.source else f"ratings {race.source}"
    return f"matchday: simulated tournaments, {ratings}"


def _draw_race(race: TitleRace, top: int, output: Path) -> None:
    """The chance of the title on the morning of each day, as steps, of the teams whose
    chance was highest at some point (``TitleRace.favourites``)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=110)
    for t in race.favourites(top):
        ax.step(
            np.array(race.days, dtype="datetime64[D]"),
            [100 * p for p in race.chances[:, t]],
            where="post",
            label=race.tournament.teams[t].name,
            lw=2,
        )
    ax.set_title(f"{race.tournament.name}: chance of the title, morning by morning", fontsize=10)
    ax.set_ylabel("P(title), %")
    ax.set_ylim(-2, 102)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
    fig.autofmt_xdate()
    fig.text(
        0.99,
        0.01,
        race_footer(race),
        fontsize=6,
        ha="right",
        va="bottom",
        color="grey",
    )
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    _save(fig, output)


def _save(fig: Figure, output: Path) -> None:
    """Write ``fig`` to ``output`` and close it; a file that cannot be written is one line."""
    import matplotlib.pyplot as plt

    try:
        fig.savefig(output)
    except OSError as err:
        raise SourceError(f"{output}: cannot write: {err}") from err
    finally:
        plt.close(fig)
