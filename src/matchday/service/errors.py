"""The one place where matchday's errors become HTTP answers: a 4xx status and a JSON body."""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

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


async def _invalid_request(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in error.errors()
    )
    body = {
        "error": "validation_error",
        "message": problems,
        "detail": jsonable_encoder(error.errors()),
    }
    return JSONResponse(body, status_code=422)


async def _http_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    body = {"error": _HTTP_KINDS.get(error.status_code, "http_error"), "message": error.detail}
    return JSONResponse(body, status_code=error.status_code, headers=error.headers)


_HTTP_KINDS = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed"}


def install(app: FastAPI) -> None:
    """Answer every ``MatchdayError`` raised in a request with its status and JSON body, and
    give FastAPI's own errors (invalid requests, 401, 404) the same body."""
    app.add_exception_handler(MatchdayError, _matchday_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
