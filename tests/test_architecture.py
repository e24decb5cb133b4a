"""The core stays pure: it never imports the edges, nor any library that does I/O or drawing.

Every package of ``matchday`` is either core or edge (a new one must be placed), and every
module of ``report`` outside ``report/story`` is rendering, an edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import matchday

SRC = Path(matchday.__file__).resolve().parent
CORE = (
    "model", "rules", "competitions", "live", "feed", "report/story", "standings", "draw",
    "forecast",
)  # fmt: skip
EDGE_PACKAGES = ("io", "cli", "store", "service", "evaluate", "report", "check", "data")
EDGE_MODULES = ("select", "source", "errors", "ordinals", "__init__", "__main__")
"""Modules at the top of the package: ``select``, ``__main__`` and ``__init__`` (which loads
files) are edges; ``errors`` and ``source`` are plain values every layer may use."""
ALLOWED = ("matchday.errors", "matchday.source", "matchday.report.story")
EDGES = tuple(f"matchday.{name}" for name in (*EDGE_PACKAGES, "select", "ordinals", "__main__"))
IMPURE = (
    "builtins.print",
    "open",
    "io",
    "pathlib",
    "os",
    "sys",
    "subprocess",
    "socket",
    "shutil",
    "tempfile",
    "importlib",
    "sqlalchemy",
    "alembic",
    "typer",
    "rich",
    "jinja2",
    "babel",
    "fastapi",
    "starlette",
    "uvicorn",
    "httpx",
    "matplotlib",
)


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
    bad = {
        name
        for name in imported
        if (_is_edge(name) and not name.startswith(ALLOWED)) or name.split(".")[0] in IMPURE
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


def _is_edge(name: str) -> bool:
    return name == "matchday" or any(name == e or name.startswith(e + ".") for e in EDGES)


def test_every_package_is_core_or_edge() -> None:
    core = {package.split("/")[0] for package in CORE}
    packages = {p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in SRC.glob("*.py")}
    assert packages <= core | set(EDGE_PACKAGES), sorted(packages - core - set(EDGE_PACKAGES))
    assert modules <= set(EDGE_MODULES), sorted(modules - set(EDGE_MODULES))


def test_the_impure_libraries_are_caught() -> None:
    """The check itself: an import of each edge and library named in the issue is refused."""
    for name in ("rich.table", "jinja2", "fastapi", "sqlalchemy.orm", "matplotlib.pyplot"):
        assert name.split(".")[0] in IMPURE
    assert "babel" in IMPURE
    for name in ("matchday.report.render", "matchday.evaluate.models", "matchday.cli.live"):
        assert _is_edge(name)
        assert not name.startswith(ALLOWED)
    assert not _is_edge("matchday.live.state")


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
