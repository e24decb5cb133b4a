"""The core (model, rules) stays pure: it never imports the edges."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import matchday

SRC = Path(matchday.__file__).resolve().parent
CORE = (
    "model",
    "rules",
    "competitions",
    "live",
    "feed",
    "report/story",
    "standings",
    "draw",
    "forecast",
)
EDGES = ("matchday.io", "matchday.cli", "matchday.store", "matchday.service", "matchday.select")
IMPURE = ("builtins.print", "open", "pathlib", "os", "sys", "subprocess", "sqlalchemy", "typer")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


CORE_FILES = sorted(p for package in CORE for p in (SRC / package).rglob("*.py"))


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_core_does_not_import_the_edges(path: Path) -> None:
    imported = _imports(path)
    bad = {name for name in imported if name.startswith(EDGES) or name.split(".")[0] in IMPURE}
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_core_does_not_print_or_open_files(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not calls & {"print", "open", "input"}


def test_public_api_is_declared_and_importable() -> None:
    assert matchday.__all__ == sorted(matchday.__all__, key=lambda n: (not n.isupper(), n))
    for name in matchday.__all__:
        assert getattr(matchday, name) is not None, name
