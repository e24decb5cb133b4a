"""Reports what the real-data checks of tables covered, at the end of the run."""

from __future__ import annotations

import pytest

REPORT: list[str] = []
"""Lines that tests of this folder add; printed in pytest's summary."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in REPORT:
        terminalreporter.write_line(line)
