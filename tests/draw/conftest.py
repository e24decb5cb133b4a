"""The Europa League 2017-18 round-of-32 draw, solved exactly once for the whole test run."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest

from matchday.draw import PairingProbabilities, exact_probabilities
from matchday.io.draws import draw_for
from matchday.io.load import load


@pytest.fixture(scope="session")
def el_round_of_32(
    tmp_path_factory: pytest.TempPathFactory, worker_id: str
) -> PairingProbabilities:
    """Exact probabilities of the bundled round-of-32 draw (about 7 s of CPU). With several
    workers (pytest-xdist) the first to need them solves the draw and the others wait for its
    answer, kept in this run's temporary folder: one solve per run, not one per worker."""
    procedure = draw_for(load("europa-league-2017-18"), "Round of 32")
    base = tmp_path_factory.getbasetemp()
    shared: Path = base if worker_id == "master" else base.parent
    solved = shared / "el-round-of-32.json"
    with (shared / "el-round-of-32.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if solved.exists():
            kept = json.loads(solved.read_text())
            matrix = tuple(tuple(float(p) for p in row) for row in kept["matrix"])
            return PairingProbabilities(procedure, matrix, states=kept["states"])
        result = exact_probabilities(procedure)
        solved.write_text(json.dumps({"matrix": result.matrix, "states": result.states}))
        return result
