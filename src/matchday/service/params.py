"""The API's path parameters (its bodies are the shapes of ``matchday.io.schemas``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from matchday.io.schemas import MAX_ID

__all__ = ["MAX_ID", "Id"]

Id = Annotated[int, Path(ge=1, le=MAX_ID, description="an id as the API gave it")]
"""A stored id: the path parameter of seasons, rounds, ties, matches and events."""
