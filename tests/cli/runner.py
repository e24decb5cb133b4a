"""Running the ``matchday`` command as a user would: a fresh interpreter, no terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``python -m matchday ARGS`` in ``cwd``, its output captured as UTF-8 text."""
    return subprocess.run(
        [sys.executable, "-m", "matchday", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        env={
            "COLUMNS": "160",
            "PATH": "",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONPATH": str(REPO / "src"),  # this checkout, not another installed copy
        },
    )
