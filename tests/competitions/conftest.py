"""What the competitions' tests share: ``matchday`` run in this process."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from matchday.cli import main


@dataclass(frozen=True)
class Done:
    """A finished command: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Done]:
    """``matchday ARGS`` in this process (the code under test, not an installed copy)."""

    def go(*args: str) -> Done:
        monkeypatch.setattr(sys, "argv", ["matchday", *args])
        monkeypatch.setenv("COLUMNS", "160")
        code = 0
        try:
            main()
        except SystemExit as done:
            code = int(done.code or 0)
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return go
