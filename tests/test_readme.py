"""The README's examples, run: every ``$ matchday ...`` line of a shell example prints what the
README shows under it, and every Python block runs as written, so that none can drift.
(Blocks fenced as ``py`` are excerpts of the package's own source and tests, shown, not run;
``$ echo $?`` after a command shows its exit status; ``> /dev/null`` shows only standard error.)

A line ``...`` (alone, or as the only content of a table row) in an expected output stands for
any number of lines; the rest must appear in order, line for line, from the first line on.
Trailing spaces are ignored. Examples that read ``../shared/data`` skip when it is absent.
"""

from __future__ import annotations

import dataclasses
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.runner import run
from tests.conftest import REPO, SHARED_DATA

README = REPO / "README.md"
WIDTH = 100
"""The terminal width the README's outputs were copied at, unless an example's lines are wider
(then its widest line's)."""
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BOX = re.compile(r"[│┃|]")


@dataclass(frozen=True)
class Example:
    """A ``$ matchday ...`` line, the lines shown under it and, where a ``$ echo $?`` follows
    it, the exit status shown there."""

    line: int
    command: str
    expected: tuple[str, ...]
    status: int | None = None

    @property
    def expected_status(self) -> int:
        """The status shown, else 1 for an example that shows an error line, else 0."""
        if self.status is not None:
            return self.status
        return 1 if any(x.startswith("matchday: error:") for x in self.expected) else 0

    @property
    def name(self) -> str:
        return f"README.md:{self.line}: {self.command[:60]}"


def _blocks(language: str | None = None) -> list[tuple[int, str, str]]:
    text = README.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        if language is None or match.group(1) == language:
            line = text.count("\n", 0, match.start()) + 2
            found.append((line, match.group(1), match.group(2)))
    return found


def shell_examples() -> list[Example]:
    """Each ``$ matchday ...`` line of the README with the output shown under it."""
    examples = []
    for line, _, body in _blocks():
        lines = body.splitlines()
        if not lines or not lines[0].startswith("$ matchday "):
            continue
        starts = [i for i, text in enumerate(lines) if text.startswith("$ ")]
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(lines)
            output = [text.rstrip() for text in lines[start + 1 : end]]
            while output and not output[-1]:
                output.pop()
            command = lines[start][2:]
            if command == "echo $?" and examples:
                examples[-1] = dataclasses.replace(examples[-1], status=int(output[0]))
                continue
            examples.append(Example(line + start, command, tuple(output)))
    return examples


def python_blocks() -> list[tuple[int, str]]:
    return [(line, body) for line, language, body in _blocks("python")]


def _elided(line: str) -> bool:
    return BOX.sub("", line).strip() == "..."


def assert_shows(expected: tuple[str, ...], actual: list[str]) -> None:
    """``expected`` with its ``...`` lines as gaps: each run of lines between gaps appears in
    ``actual`` in order, the first at the very start unless a gap comes first."""
    runs: list[list[str]] = [[]]
    for line in expected:
        if _elided(line):
            runs.append([])
        else:
            runs[-1].append(line)
    at = 0
    for number, part in enumerate(runs):
        if not part:
            continue
        size = len(part)
        if number == 0:
            assert actual[:size] == part, "\n".join(actual)
            at = size
            continue
        starts = [i for i in range(at, len(actual) - size + 1) if actual[i : i + size] == part]
        assert starts, "\n".join(["not found:", *part, "in:", *actual])
        at = starts[0] + size


@pytest.mark.parametrize("example", shell_examples(), ids=lambda e: e.name)
def test_the_shell_example_prints_what_the_readme_shows(example: Example) -> None:
    args = shlex.split(example.command)[1:]
    shared = [a for a in args if "../shared/data" in a]
    if shared and not (REPO / shared[0]).exists():
        pytest.skip(f"real data not found at {SHARED_DATA}")
    width = max([WIDTH, *(len(line) for line in example.expected)])
    quiet = args[-2:] == [">", "/dev/null"]  # the example shows only what goes to stderr
    done = run(*(args[:-2] if quiet else args), columns=str(width))
    assert done.returncode == example.expected_status, done.stderr
    shown = done.stderr if quiet or example.expected_status else done.stdout
    assert_shows(example.expected, [line.rstrip() for line in shown.splitlines()])


def test_the_readme_has_shell_examples_of_every_main_command() -> None:
    commands = {shlex.split(e.command)[1] for e in shell_examples()}
    assert {"ties", "live", "report", "table", "draw", "forecast"} <= commands


@pytest.mark.parametrize(("line", "code"), python_blocks(), ids=lambda v: str(v)[:12])
def test_the_python_block_runs_as_written(line: int, code: str) -> None:
    exec(compile(code, f"README.md:{line}", "exec"), {"__name__": "readme"})


POKAL_JSON = """{"name": "DFB Pokal 2019/20", "matches": [
  {"round": "Quarterfinals", "date": "2020-03-03", "team1": "1. FC Saarbrücken",
   "team2": "Fortuna Düsseldorf", "score": {"ft": [1, 1], "et": [1, 1], "p": [7, 6]}},
  {"round": "Quarterfinals", "date": "2020-03-04", "team1": "FC Schalke 04",
   "team2": "FC Bayern München", "score": {"ft": [0, 1]}},
  {"round": "Semifinals", "date": "2020-06-09", "team1": "1. FC Saarbrücken",
   "team2": "Bayer 04 Leverkusen", "score": {"ft": [0, 3]}},
  {"round": "Semifinals", "date": "2020-06-10", "team1": "FC Bayern München",
   "team2": "Eintracht Frankfurt", "score": {"ft": [2, 1]}},
  {"round": "Final", "date": "2020-07-04", "team1": "Bayer 04 Leverkusen",
   "team2": "FC Bayern München", "score": {"ft": [2, 4]}}]}
"""
"""Part of the DFB-Pokal 2019-20 as openfootball's football.json writes it."""

LIBERTADORES_1999 = """= Copa Libertadores de América 1999

▪ Final - 1st leg
Jun 2     Deportivo Cali - Palmeiras    1-0    @ Cali

▪ Final - 2nd leg
Jun 16     Palmeiras - Deportivo Cali   2-1   @  Morumbi, São Paulo

Penalty shootout: 0-0 Zinho (held), 0-1 Dudamel;
                  1-1 Júnior Baiano, 1-2 Gaviria;
                  2-2 Roque Júnior, 2-3 Yepes;
                  3-3 Rogério, 3-3 Bedoya (post);
                  4-3 Euller, 4-3 Zapata (wide)
"""
"""The 1999 final as the specification's sample writes it: 2-2 on aggregate, straight to
penalties (no extra time, no away goals in CONMEBOL's two-legged ties then)."""


@pytest.mark.parametrize(
    ("name", "text", "rules", "winner", "decided_by"),
    [
        ("de.cup.json", POKAL_JSON, "extra-time-penalties", "FC Bayern München", "single_match"),
        ("copa99.txt", LIBERTADORES_1999, "no-extra-time", "Palmeiras", "penalties"),
    ],
)
def test_the_first_python_example_settles_any_competition_by_its_own_rules(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    rules: str,
    winner: str,
    decided_by: str,
) -> None:
    """The README's first Python block, run on a DFB-Pokal football.json file and on the 1999
    Copa Libertadores final (its source and round swapped in), settles each by its own
    competition's rules: not UEFA's, under which Cali-Palmeiras is a shoot-out after a tie
    that away goals had decided."""
    (path := tmp_path / name).write_text(text, encoding="utf-8")
    line, code = python_blocks()[0]
    swapped = code.replace('"europa-league-2017-18"', repr(str(path)), 1)
    swapped = swapped.replace('"Round of 32"', '"Final"', 1)
    assert swapped.count(repr(str(path))) == 1
    assert '"Final"' in swapped
    names: dict[str, object] = {"__name__": "readme"}
    exec(compile(swapped, f"README.md:{line}", "exec"), names)
    assert getattr(names["rules"], "name", None) == rules
    (final,) = names["outcomes"]  # type: ignore[misc]
    assert (final.winner.name, final.decided_by.value) == (winner, decided_by)
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1].startswith(f"Final {winner}")


def test_the_elision_rule() -> None:
    assert_shows(("a", "...", "c"), ["a", "b", "c", "d"])
    assert_shows(("a", "│ ... │   │", "d"), ["a", "b", "c", "d"])
    with pytest.raises(AssertionError):
        assert_shows(("a", "c"), ["a", "b", "c"])
    with pytest.raises(AssertionError):
        assert_shows(("b",), ["a", "b"])


def _curl_requests() -> list[list[str]]:
    """The ``curl`` commands of the README's shell blocks, continuation lines joined, with
    ``$TOKEN`` set as the block sets it."""
    found = []
    for _, _, body in _blocks("bash"):
        if "curl " not in body:
            continue
        text = body.replace("\\\n", " ")
        token = re.search(r"TOKEN=(\S+)", text)
        for line in text.splitlines():
            if line.strip().startswith("curl "):
                if token:
                    line = line.replace("$TOKEN", token.group(1))
                found.append(shlex.split(line))
    return found


def test_the_curl_examples_work_as_written(tmp_path: Path) -> None:
    pytest.importorskip("fastapi", reason="the service extra")
    from fastapi.testclient import TestClient

    from matchday.service import Settings, create_app

    requests = _curl_requests()
    assert any("/events" in " ".join(r) for r in requests)
    token = next(a.split()[-1] for r in requests for a in r if a.startswith("Authorization"))
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'night.db'}", token=token))
    with TestClient(app) as client:
        for args in requests:
            url = next(a for a in args if a.startswith("localhost:8000"))
            headers = dict(args[i + 1].split(": ", 1) for i, a in enumerate(args) if a == "-H")
            files, body = None, None
            if "-F" in args:
                name, _, path = args[args.index("-F") + 1].partition("=@")
                files = {name: (Path(path).name, (REPO / path).read_bytes())}
                headers.pop("Content-Type", None)
            if "-d" in args:
                body = args[args.index("-d") + 1]
            response = client.post(
                url.removeprefix("localhost:8000"), headers=headers, content=body, files=files
            )
            assert response.status_code == 201, (args, response.text)
