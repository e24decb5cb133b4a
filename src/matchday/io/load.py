"""Resolve a source (files, a folder, or a bundled name) and read it into a ``Season``.

A source is a Football.TXT file, a football.json file, a folder of Football.TXT files (read in
name order as one competition: a World Cup's ``cup.txt`` then ``cup_finals.txt``), several of
these, or the name of a data set shipped with matchday. A folder of football.json files (a
season of openfootball's ``football.json``: ``en.1.json``, ``de.cup.json``, ``uefa.cl.json``)
holds one competition per file: ``competitions_in_folder`` reads the ones asked for.
Whatever cannot be read gets one line saying why: no such file, an empty file, a binary
file, a file in another encoding, a folder with nothing to read.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from matchday import competitions
from matchday.competitions.registry import fold
from matchday.errors import MatchdayError, ParseError, RuleError, SourceError
from matchday.io.footballjson import parse_season
from matchday.io.footballtxt import LeftOut, parse_files
from matchday.model import (
    Match,
    Round,
    Season,
    Stage,
    Team,
    Tie,
    awaits_second_leg,
    is_replay_round,
    round_pairs,
)
from matchday.rules import Rules, decide

__all__ = [
    "Loaded",
    "bundled_names",
    "competitions_in_folder",
    "football_json_folder",
    "load",
    "load_with_problems",
    "read_source",
    "source_files",
]

_BUNDLE = "matchday.data"
_TEXT_SUFFIXES = (".txt",)
_SKIPPED_NAMES = ("_squads.txt",)
"""Files in openfootball folders that hold no matches (squad lists)."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """A season read with ``--keep-going``: what was read, and what was left out and why."""

    season: Season
    problems: tuple[MatchdayError, ...]
    left_out_ties: tuple[tuple[str, str], ...] = ()
    """Each tie left out with a problem, as (its round's name, the tie: "A v B (Final)"): a
    round all of whose ties went stays in ``season`` with no matches, so that the order of the
    rounds (the round after the quarter-finals) is the file's."""


def bundled_names() -> tuple[str, ...]:
    """Names of the data sets shipped with matchday, e.g. ``europa-league-2017-18``."""
    files = resources.files(_BUNDLE).iterdir()
    return tuple(sorted(f.name.removesuffix(".txt") for f in files if f.name.endswith(".txt")))


def football_json_folder(source: str | Path | Sequence[str | Path]) -> Path | None:
    """The folder, when ``source`` is one folder of football.json files (and no Football.TXT):
    a season of openfootball's ``football.json``, one competition per file."""
    listed = [source] if isinstance(source, str | Path) else list(source)
    if len(listed) != 1 or not Path(listed[0]).is_dir():
        return None
    path = Path(listed[0])
    names = [f.suffix for f in path.iterdir() if f.is_file()]
    return path if ".json" in names and ".txt" not in names else None


def competitions_in_folder(
    folder: str | Path,
    competition: str | None = None,
    *,
    knockout: bool = True,
    keep_going: bool = False,
    rules: Rules | None = None,
) -> tuple[Loaded, ...]:
    """The competitions of a folder of football.json files, each file read as its own
    ``Season``: the one named ``competition`` (its file name, ``uefa.cl``, or a competition
    name, ``Champions League``), else every one with knockout ties (``knockout``) or every one.

    Without ``keep_going`` the first problem of a competition chosen is raised (as ``load``
    does); with it each comes with its problems (as ``load_with_problems``). A file that
    cannot be read at all is an error either way, unless the one named is another file.
    """
    path = Path(folder)
    files = sorted(f for f in path.iterdir() if f.is_file() and f.suffix == ".json")
    named = _by_file_name(files, competition)
    read = [(f, load_with_problems(f, rules)) for f in ([named] if named else files)]
    if competition is not None and named is None:
        read = [(f, loaded) for f, loaded in read if _is_named(loaded.season, competition)]
        if not read:
            raise SourceError(
                f"{path}: no competition {competition!r} among its football.json files "
                f"({_listing(files)})"
            )
    elif knockout and named is None:
        read = [(f, loaded) for f, loaded in read if any(r.knockout for r in loaded.season.rounds)]
    if not keep_going:
        for _, loaded in read:
            if loaded.problems:
                raise loaded.problems[0]
    return tuple(loaded for _, loaded in read)


def _by_file_name(files: list[Path], competition: str | None) -> Path | None:
    """The file named ``competition`` by its name (``uefa.cl`` or ``uefa.cl.json``), if any."""
    if competition is None:
        return None
    wanted = competition.strip().casefold().removesuffix(".json")
    return next((f for f in files if f.stem.casefold() == wanted), None)


def _is_named(season: Season, competition: str) -> bool:
    """Whether ``season`` is of the competition a user named: the registry's competition of
    that name, or words of its title."""
    with contextlib.suppress(MatchdayError):
        return competitions.recognise(season.competition) is competitions.get(competition)
    return fold(competition) in fold(season.competition)


def _one(
    folder: Path, competition: str | None, chosen: tuple[Loaded, ...], *, knockout: bool
) -> Loaded:
    """The one competition a command reads from a folder of football.json files."""
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        raise SourceError(f"{folder}: no football.json file here has knockout ties")
    names = ", ".join(
        f"{Path(c.season.source or '').stem} ({c.season.competition})" for c in chosen
    )
    what = f" named {competition!r}" if competition else " with knockout ties" if knockout else ""
    raise SourceError(
        f"{folder}: {len(chosen)} competitions{what} here, one per football.json file; pick "
        f"one by its file name or competition (--competition), or name its file: {names}"
    )


def _listing(files: list[Path]) -> str:
    return ", ".join(f.stem for f in files)


def source_files(source: str | Path) -> list[Path]:
    """The files a path stands for: itself, or a folder's Football.TXT files in name order."""
    path = Path(source)
    if path.is_dir():
        files = sorted(
            f
            for f in path.iterdir()
            if f.is_file() and f.suffix in _TEXT_SUFFIXES and not f.name.endswith(_SKIPPED_NAMES)
        )
        if not files and football_json_folder(path) is not None:
            raise SourceError(
                f"{path}: a folder of football.json files, one competition each; read them "
                "one by one, or name one file"
            )
        if not files:
            raise SourceError(
                f"{path}: a folder without Football.TXT (.txt) files to read{_inside(path)}"
            )
        return files
    if path.is_file():
        return [path]
    if path.exists():
        raise SourceError(f"{source}: not a file or a folder (a device, a pipe?): nothing to read")
    known = ", ".join(bundled_names())
    raise SourceError(f"{source}: no such file and no bundled data set of that name ({known})")


def _inside(folder: Path) -> str:
    """A hint for a folder of competitions (openfootball's ``worldcup/``): the folders in it
    with Football.TXT files, a few of them named, newest first where they are named by year
    ("2022--qatar"); nothing when there are none."""
    try:
        found = [sub for sub in folder.iterdir() if sub.is_dir() and _has_text(sub)]
    except OSError:  # a folder that cannot be listed gets no hint, not a second error
        return ""
    if not found:
        return ""
    dated = sorted((f for f in found if f.name[:4].isdigit()), key=lambda f: f.name, reverse=True)
    shown = (dated + sorted(f for f in found if f not in dated))[:3]
    more = f" and {len(found) - len(shown)} more" if len(found) > len(shown) else ""
    return f"; pick one tournament or season: {', '.join(map(str, shown))}{more}"


def _has_text(folder: Path) -> bool:
    """Whether ``folder`` holds a Football.TXT (.txt) file of its own."""
    return any(f.suffix in _TEXT_SUFFIXES and f.is_file() for f in folder.iterdir())


def read_source(source: str | Path) -> tuple[str, str]:
    """The text of one file or bundled data set, and the name to cite in errors."""
    path = Path(source)
    if not path.exists() and str(source) in bundled_names():
        data = resources.files(_BUNDLE).joinpath(f"{source}.txt")
        return data.read_text(encoding="utf-8"), f"{source}.txt"
    if path.is_dir():
        raise SourceError(f"{path}: a folder, not a file")
    if not path.is_file():
        known = ", ".join(bundled_names())
        raise SourceError(f"{source}: no such file and no bundled data set of that name ({known})")
    return _read_text(path), str(path)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(f"{path}: cannot read: {err.strerror or err}") from err
    if not data.strip():
        raise SourceError(f"{path}: the file is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise SourceError(f"{path}: UTF-16 text, not UTF-8; save the file as UTF-8")
    if b"\x00" in data[:4096]:
        raise SourceError(f"{path}: a binary file, not Football.TXT or football.json text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(
            f"{path}: not UTF-8 text (byte {err.start + 1} is 0x{data[err.start]:02x}); "
            "save the file as UTF-8"
        ) from None


def _texts(sources: Sequence[str | Path]) -> list[tuple[str, str]]:
    """The text and name of every file the sources stand for, each file once: a file named
    twice (or a folder and a file in it) is an error, not a season read twice over."""
    texts = []
    seen: dict[Path, str] = {}
    for source in sources:
        if not str(source).strip():
            raise SourceError("an empty name is no source: name a file, a folder or a data set")
        if not Path(source).exists() and str(source) in bundled_names():
            texts.append(read_source(source))
            continue
        for file in source_files(source):
            if (first := seen.get(file.resolve())) is not None:
                where = "" if first == str(source) else f" (in {first} and in {source})"
                raise SourceError(f"{file}: named twice{where}; each file is read once")
            seen[file.resolve()] = str(source)
            texts.append((_read_text(file), str(file)))
    return texts


def _load(
    sources: str | Path | Sequence[str | Path],
    problems: list[MatchdayError] | None,
    left_out: list[LeftOut] | None = None,
) -> Season:
    listed = [sources] if isinstance(sources, str | Path) else list(sources)
    if not listed:
        raise SourceError("no source given")
    texts = _texts(listed)
    if all(name.endswith(".json") for _, name in texts):
        if len(texts) != 1:
            raise SourceError("read one football.json file at a time")
        return competitions.with_legs(parse_season(*texts[0], problems=problems, left_out=left_out))
    if any(name.endswith(".json") for _, name in texts):
        raise SourceError("football.json and Football.TXT files cannot be read as one source")
    season = competitions.with_legs(parse_files(texts, problems=problems, left_out=left_out))
    if len(listed) == 1 and Path(listed[0]).is_dir():  # a World Cup's folder, not its last file
        return dataclasses.replace(season, source=str(listed[0]))
    return season


def load(
    source: str | Path | Sequence[str | Path],
    competition: str | None = None,
    *,
    knockout: bool = True,
) -> Season:
    """Read a source (see the module) into a ``Season``; the first problem is raised. From a
    folder of football.json files, the competition named, else the one there is (with
    knockout ties, when ``knockout``)."""
    if (folder := football_json_folder(source)) is not None:
        chosen = competitions_in_folder(folder, competition, knockout=knockout, keep_going=True)
        loaded = _one(folder, competition, chosen, knockout=knockout)
        if loaded.problems:
            raise loaded.problems[0]
        return loaded.season
    return _load(source, None)


def load_with_problems(
    source: str | Path | Sequence[str | Path],
    rules: Rules | None = None,
    competition: str | None = None,
    *,
    knockout: bool = True,
) -> Loaded:
    """Read a source, leaving out each line or match that cannot be read and each tie that
    breaks ``rules`` (by default those in force that season); the season read and those
    problems (file, line and why, each once) are returned together. A folder of
    football.json files gives one of its competitions, as ``load`` does."""
    if (folder := football_json_folder(source)) is not None:
        chosen = competitions_in_folder(
            folder, competition, knockout=knockout, keep_going=True, rules=rules
        )
        return _one(folder, competition, chosen, knockout=knockout)
    problems: list[MatchdayError] = []
    left_out: list[LeftOut] = []
    season = _load(source, problems, left_out)
    found = _Problems(problems, left_out)
    kept = _without_broken_ties(season, rules, found)
    return Loaded(kept, tuple(problems), tuple(found.dropped))


@dataclass(frozen=True, slots=True)
class _Problems:
    """The problems found so far, the matches they left out, and the ties each took with it
    (``ties``: by position in ``listed``, the labels of the ties that went with it)."""

    listed: list[MatchdayError]
    left_out: list[LeftOut]
    ties: dict[int, list[str]] = field(default_factory=dict)
    dropped: list[tuple[str, str]] = field(default_factory=list)

    def of_tie(self, round_: Round, legs: list[Match], planned: int) -> LeftOut | None:
        """The left-out match this tie lost a leg to, if any: one between the same teams in
        the same round, else (for a tie short of a leg) the nearest line of its round whose
        teams could not be read."""
        names = frozenset(team.name for team in (legs[0].home, legs[0].away))
        for record in self.left_out:
            if record.teams == names and record.round in (None, round_.name):
                return record
        short = [
            r
            for r in self.left_out
            if not r.teams
            and r.round == round_.name
            and len(legs) < (2 if r.two_legged else planned)
        ]
        first = legs[0].source
        if not short or first is None:
            return None
        return min(short, key=lambda r: (r.file != first.file, abs(r.line - first.line)))

    def take_tie(self, record: LeftOut, label: str) -> None:
        """The tie ``label`` goes with the match ``record`` left out, in that one entry."""
        index = next(i for i, p in enumerate(self.listed) if p is record.problem)
        self.ties.setdefault(index, []).append(label)

    def finish(self) -> None:
        """Each entry that took ties with it says so."""
        for index, labels in self.ties.items():
            self.listed[index] = _with_ties(self.listed[index], labels)


def _with_ties(problem: MatchdayError, ties: list[str]) -> MatchdayError:
    """``problem`` saying that the ties of the match it left out are left out too."""
    also = f"left out with its tie ({'; '.join(ties)})"
    if len(ties) > 1:
        also = f"left out with the ties short of a leg nearest to it ({'; '.join(ties)})"
    if isinstance(problem, ParseError):
        return ParseError(
            problem.file, problem.line, problem.text, f"{problem.problem}; {also}",
            pointer=problem.pointer,
        )  # fmt: skip
    if isinstance(problem, RuleError):
        return type(problem)(problem.subject, f"{problem.problem}; {also}", problem.where)
    return problem


def _without_broken_ties(season: Season, rules: Rules | None, problems: _Problems) -> Season:
    """The season without the ties that break the rules (``rules``, else each round's in its
    competition: ``matchday.competitions``) or lost a match to a problem, each added to
    ``problems`` once. A round all of whose ties go stays, with no matches: the round before
    still leads to it."""
    known = competitions.of_season(season, rules=rules)
    replays = tuple(m for r in season.rounds if is_replay_round(r.name) for m in r.matches)
    gone: set[int] = set()  # the replays of ties left out, by identity: they go with their tie
    stages = []
    for stage in season.stages:
        rounds = []
        for round_ in stage.rounds:
            chosen = known.rules(round_)
            kept = (
                _kept_matches(round_, chosen, problems, replays, gone)
                if round_.knockout
                else round_.matches
            )
            rounds.append(dataclasses.replace(round_, matches=kept))
        stages.append(Stage(stage.kind, tuple(rounds)))
    problems.finish()
    return Season(season.competition, season.name, tuple(stages), season.qualifying, season.source)


def _kept_matches(
    round_: Round,
    rules: Rules,
    problems: _Problems,
    replays: tuple[Match, ...] = (),
    gone: set[int] | None = None,
) -> tuple[Match, ...]:
    """The matches of the ties of ``round_`` that are whole and keep the rules: a tie that
    lost a match to a problem goes with that problem (never decided from what is left), one
    that breaks the rules is a problem of its own. A tie left out takes its replays in a round
    of replays with it (added to ``gone``, which the matches kept here are never among)."""
    gone = set() if gone is None else gone
    planned, pairs = round_pairs(round_.matches, round_.legs)
    broken: set[frozenset[Team]] = set()
    for legs, own_replays in pairs:
        pair = frozenset((legs[0].home, legs[0].away))
        first = min(legs, key=lambda m: m.date)
        label = f"{first.home} v {first.away} ({round_.name})"
        why = ""
        last = max(leg.date for leg in (*legs, *own_replays))
        later = tuple(
            m
            for m in replays
            if frozenset((m.home, m.away)) == pair and (m.date > last or not m.dated)
        )
        try:
            to_come = awaits_second_leg(legs, round_.legs)
            tie = Tie(round_.name, legs, planned, own_replays, second_leg_to_come=to_come)
            whole = tie if is_replay_round(round_.name) else tie.with_replays(later)
            decide(whole, rules, strict=False)  # undecided for want of data is no error
            error: RuleError | None = None
        except RuleError as found:
            error, why = found, f": {found.problem}"
        record = problems.of_tie(round_, list(legs), planned)
        if record is not None:
            problems.take_tie(record, label + why)
        elif error is not None:
            taken = later and not is_replay_round(round_.name)
            also = f"; left out with its replay ({later[0].source})" if taken else ""
            problems.listed.append(type(error)(error.subject, error.problem + also, error.where))
        else:
            continue
        broken.add(pair)
        problems.dropped.append((round_.name, label))
        if not is_replay_round(round_.name):
            gone.update(id(m) for m in later)
    return tuple(
        m for m in round_.matches if frozenset((m.home, m.away)) not in broken and id(m) not in gone
    )
