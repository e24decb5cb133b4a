"""The one place where matchday's errors become HTTP answers: a 4xx status and a JSON body."""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from matchday.errors import (
    ConflictError,
    MatchdayError,
    NotFoundError,
    ParseError,
    RuleError,
)

__all__ = ["STATUS", "install"]

STATUS: tuple[tuple[type[MatchdayError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (RuleError, 422),
    (MatchdayError, 400),
)
"""The status of each error, most specific first: a rule broken is 422, a bad upload or an
unknown option 400."""


def _kind(error: MatchdayError) -> str:
    name = type(error).__name__.removesuffix("Error") or "Matchday"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() + "_error"


async def _matchday_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, MatchdayError)
    status = next(code for kind, code in STATUS if isinstance(error, kind))
    body: dict[str, object] = {"error": _kind(error), "message": str(error)}
    if isinstance(error, ParseError):
        body.update(file=error.file, line=error.line)
    return JSONResponse(body, status_code=status)


def install(app: FastAPI) -> None:
    """Answer every ``MatchdayError`` raised in a request with its status and JSON body."""
    app.add_exception_handler(MatchdayError, _matchday_error)
