"""The service's collector policy: survivors of a full collection frozen, all undone on stop."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from matchday.service.collector import Collector, no_full_collections


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_survivors_of_a_full_collection_are_frozen_until_stop(unfrozen: None) -> None:
    collector = Collector()
    collector.start()
    try:
        assert gc.get_freeze_count() > 0  # what the service holds at start
        kept = [[] for _ in range(1000)]  # containers the collector tracks
        gc.unfreeze()
        gc.collect()
        assert collector.full_passes == 1
        assert gc.get_freeze_count() >= len(kept)
    finally:
        collector.stop()
    assert gc.get_freeze_count() == 0
    assert collector._after not in gc.callbacks
    gc.collect()
    assert collector.full_passes == 1  # no longer listening


def test_the_freeze_is_lifted_for_one_full_pass_every_refresh(unfrozen: None) -> None:
    collector = Collector(refresh_seconds=0)
    collector.start()
    try:
        gc.collect()
        assert gc.get_freeze_count() == 0  # the next full pass walks everything
    finally:
        collector.stop()


def test_an_upload_in_its_worker_makes_no_full_collection_until_stored() -> None:
    """The upload worker's reading and storing: young collections go on, none of the oldest
    generation (it would walk the whole season, inside a block's transaction); after it, the
    thresholds are Python's again."""
    before = gc.get_threshold()
    passes: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    gc.callbacks.append(note)
    try:
        with no_full_collections():
            kept = []
            for _ in range(3 * before[0] * before[1] * max(before[2], 1)):
                kept.append([])  # survivors: each young pass moves them on
    finally:
        gc.callbacks.remove(note)
    assert {0, 1} <= set(passes)
    assert 2 not in passes
    assert gc.get_threshold() == before
