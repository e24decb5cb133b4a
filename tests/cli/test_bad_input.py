"""Every command fed bad input answers with one line on standard error, a non-zero exit, no
traceback and no file left behind (issue 15): the CLI's one error boundary, ``main``."""

from __future__ import annotations

import contextlib
import io
import itertools
import socket
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from matchday.cli import main
from tests.cli.runner import run

EL = "europa-league-2017-18"


@dataclass
class Answer:
    code: int
    out: str
    err: str


def inline(*args: str) -> Answer:
    """``matchday ARGS`` in this process through ``main``, as the console script runs it."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["matchday", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
    finally:
        sys.argv = argv
    return Answer(code, out.getvalue(), err.getvalue())


def _replays() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("matchday-replay-*")}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty working folder; the test fails if a command leaves anything in it or a
    temporary replay database behind."""
    monkeypatch.chdir(tmp_path)
    before = _replays()
    yield tmp_path
    assert _replays() <= before


def assert_one_line(answer: Answer, *words: str) -> None:
    lines = answer.err.splitlines()
    assert answer.code == 1, answer
    assert len(lines) == 1, answer.err
    assert lines[0].startswith("matchday: error: "), lines[0]
    assert "Traceback" not in answer.err + answer.out
    for word in words:
        assert word in lines[0], (word, lines[0])


def _commands(source: str) -> list[tuple[str, ...]]:
    return [
        ("ties", source),
        ("live", source, "--tie", "Dortmund"),
        ("report", source, "--date", "2018-02-22"),
        ("table", source),
        ("draw", source, "--round", "Round of 32"),
        ("forecast", source),
        ("forecast", source, "--tie", "Dortmund"),
        ("plot", source, "--tie", "Atalanta", "-o", "atalanta.png"),
        ("serve", "--replay", source, "--date", "2018-02-22", "--port", "0"),
    ]


BAD_SOURCES = {
    "folder": lambda d: (d / "season").mkdir(),
    "empty": lambda d: (d / "season").write_bytes(b""),
    "binary": lambda d: (d / "season").write_bytes(bytes(range(256)) * 8),
}


@pytest.mark.parametrize("kind", list(BAD_SOURCES))
@pytest.mark.parametrize("command", _commands("season"), ids=lambda c: " ".join(c[:2]))
def test_a_bad_source_is_one_line_naming_it(
    workdir: Path, kind: str, command: tuple[str, ...]
) -> None:
    BAD_SOURCES[kind](workdir)
    before = sorted(workdir.iterdir())
    assert_one_line(inline(*command), "season")
    assert sorted(workdir.iterdir()) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("plot", EL, "--tie", "Atalanta", "-o", "x.txt"), ("x.txt", ".txt", ".png")),
        (("plot", EL, "--tie", "Atalanta", "-o", "nowhere/x.png"), ("nowhere",)),
        (("forecast", EL, "--tie", "Atalanta", "--score", "1-0", "--minute", "60", "--red", "20-0"),
         ("20-0",)),
        (("forecast", EL, "--tie", "Atalanta", "--score", "1-0", "--minute", "60", "--red", "x"),
         ("'x'",)),
        (("forecast", EL, "--tie", "Atalanta", "--red", "1-0"), ("--red", "--score")),
        (("forecast", EL, "--sims", "0"), ("--sims needs a positive number of simulations",)),
        (("draw", EL, "--round", "Round of 32", "--sims", "0"),
         ("--sims needs a positive number of simulations",)),
        (("serve", "--replay", EL, "--date", "2018-03-01", "--port", "0"), ("2018-03-01",)),
        (("serve", "--replay", EL, "--date", "2018-13-45", "--port", "0"), ("2018-13-45",)),
        (("serve", "--replay", "missing.txt", "--date", "2018-02-22", "--port", "0"),
         ("missing.txt",)),
        (("serve", "--replay", EL, "--port", "0"), ("--date",)),
        (("serve", "--host", "999.1.1.1", "--port", "0"), ("999.1.1.1",)),
        (("ties", "missing.txt"), ("missing.txt",)),
        (("forecast", EL, "--tie", "Nobody"), ("no team matching 'Nobody'",)),
    ],
)  # fmt: skip
def test_bad_options_are_one_line(workdir: Path, args: tuple[str, ...], words: tuple[str]) -> None:
    assert_one_line(inline(*args), *words)
    assert list(workdir.iterdir()) == []


def test_a_port_in_use_is_refused_before_serving(workdir: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        answer = inline("serve", "--port", port, "--db", f"sqlite:///{workdir / 'x.db'}")
    assert_one_line(answer, port, "in use")
    assert "serving" not in answer.err
    assert list(workdir.iterdir()) == []


def test_a_team_without_a_knockout_tie_is_found_and_said_so(
    workdir: Path, openfootball_cl: Path
) -> None:
    answer = inline("forecast", str(openfootball_cl / "2017-18" / "cl.txt"), "--tie", "Celtic")
    assert_one_line(answer, "Celtic FC play no knockout tie", "Group B")


def test_plot_adds_the_extension_it_writes(workdir: Path) -> None:
    answer = inline("plot", EL, "--tie", "Atalanta", "-o", "atalanta")
    assert answer.code == 0, answer.err
    assert answer.out.startswith("atalanta.png: ")
    assert [p.name for p in workdir.iterdir()] == ["atalanta.png"]


def test_an_unexpected_error_is_one_line_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("matchday.cli.common.load", broken)
    monkeypatch.delenv("MATCHDAY_DEBUG", raising=False)
    assert_one_line(inline("ties", EL), "unexpected ZeroDivisionError", "MATCHDAY_DEBUG=1")


def test_the_installed_command_gives_one_line_too(tmp_path: Path) -> None:
    done = run("plot", EL, "--tie", "Atalanta", "-o", "x.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_goal_labels_a_minute_apart_stand_side_by_side() -> None:
    from matchday.cli.plot import spread

    placed = spread([22, 23, 47, 89, 90], 1.5, 90)
    assert all(b - a >= 1.5 - 1e-9 for a, b in itertools.pairwise(placed))
    assert placed[2] == 47  # a label with room stays on its goal
    assert placed[0] > 0
    assert placed[-1] < 90
