"""The service's policies for Python's cycle collector: full passes over what is new, not all
(``Collector``), and none while the upload worker holds a season (``no_full_collections``).

Under load the service's heap holds half a million long-lived objects (tie states, events,
connections), and Python's full collection walks them all whenever a quarter as many again
have reached its oldest generation: in ``bench/service_load.py`` that was a pause of 0.3-0.46 s
every two seconds, with every thread stopped (the event loop, the writer, the hub), and it
was the whole tail of acknowledgement and push latency. So, while the service runs, the
survivors of each full collection are frozen (``gc.freeze``: left out of later passes, still
freed by reference counting when dropped), and a full pass walks only what is newer. Frozen
objects that later become garbage *in a cycle* would never be collected; so every
``refresh_seconds`` the freeze is lifted and the next full pass walks everything once.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["Collector", "no_full_collections"]

OLDEST = len(gc.get_threshold()) - 1
"""The generation a full collection walks."""

REFRESH_SECONDS = 600.0
"""How often the freeze is lifted so that one full pass walks the whole heap (one pause as long
as before, every ten minutes instead of every two seconds)."""


class Collector:
    """Freezes the survivors of each full collection while started; undone by ``stop``."""

    def __init__(self, refresh_seconds: float = REFRESH_SECONDS) -> None:
        self.refresh_seconds = refresh_seconds
        self.full_passes = 0
        self._refreshed = time.monotonic()

    def start(self) -> None:
        """Freeze what the service holds now and after every full collection from here on."""
        self._refreshed = time.monotonic()
        gc.freeze()
        gc.callbacks.append(self._after)

    def stop(self) -> None:
        """Back to Python's own policy: nothing frozen, no callback."""
        if self._after in gc.callbacks:
            gc.callbacks.remove(self._after)
        gc.unfreeze()

    def _after(self, phase: str, info: dict[str, Any]) -> None:
        if phase != "stop" or info["generation"] != OLDEST:
            return
        self.full_passes += 1
        now = time.monotonic()
        if now - self._refreshed >= self.refresh_seconds:
            self._refreshed = now
            gc.unfreeze()
        else:
            gc.freeze()


@contextmanager
def no_full_collections() -> Iterator[None]:
    """No full pass of the cycle collector inside the block (young ones go on): the upload
    worker's policy while it reads and stores an upload. The season and its staged ties (a few
    objects per character) live until the upload is stored, and a full pass walks them all:
    0.15-0.27 s for a 5 MB upload, and one inside a block's transaction held every goal posted
    meanwhile. They go by reference counting after."""
    young, middle, oldest = gc.get_threshold()
    gc.set_threshold(young, middle, 2**31 - 1)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, oldest)
