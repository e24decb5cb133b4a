"""The project's promises about itself: two commands, CI runs the README's test command."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", text)


def test_the_readme_opens_with_the_two_commands() -> None:
    install_and_run, install_and_test = _readme_commands()[:2]
    assert "matchday ties europa-league-2017-18" in install_and_run
    assert "pytest" in install_and_test


def test_ci_runs_exactly_the_readme_test_command_and_fails_with_it() -> None:
    test_command = _readme_commands()[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    assert f"{test_command} || exit $?" in ci.splitlines()
    for check in ("ruff check", "ruff format --check", "mypy --strict src"):
        assert check in ci


def test_the_public_tables_are_read_only() -> None:
    """The presets, tie-breakers, languages and news weights are shared by every caller in a
    process: a caller cannot change what "uefa-classic" means for the others."""
    import matchday
    from matchday.report.language import LANGUAGES
    from matchday.report.story.news import WEIGHTS
    from matchday.rules.presets import NAMED_RULES
    from matchday.standings import TIEBREAKERS

    for table in (matchday.PRESETS, NAMED_RULES, TIEBREAKERS, LANGUAGES, WEIGHTS):
        with pytest.raises(TypeError):
            table["new"] = next(iter(table.values()))  # type: ignore[index]


def test_a_value_the_model_cannot_hold_is_an_error_under_the_one_root() -> None:
    """A negative score or a nameless team raised a bare ValueError; it is a MatchdayError
    (and still a ValueError, for callers that caught that)."""
    import matchday
    from matchday.model import Score, Team

    for make in (lambda: Score(-1, 0), lambda: Team("", "GER")):
        with pytest.raises(matchday.InvalidValueError) as caught:
            make()
        assert isinstance(caught.value, matchday.MatchdayError)
        assert isinstance(caught.value, ValueError)
