"""Worker processes that end with the service that started them.

The service's worker processes (the forecaster's, an upload's) wait for jobs on a pipe; when the
service is killed (SIGKILL, a crash) nobody tells them to stop, and each would live on, idle,
holding its memory, through every restart. So each watches its parent and exits once the
parent is gone (it is then adopted by another process: its parent id changes).
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["exit_with_parent"]

CHECK_SECONDS = 1.0
"""How often a worker looks at its parent."""


def exit_with_parent() -> None:
    """In a worker process (its pool's initializer): exit at once when the parent is gone."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_SECONDS)
        os._exit(0)  # no cleanup to run: the job (if any) belonged to the dead service

    threading.Thread(target=watch, name="matchday-orphan-watch", daemon=True).start()
