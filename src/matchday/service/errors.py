"""The one place where matchday's errors become HTTP answers: a 4xx status and a JSON body."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from matchday.errors import ConflictError, MatchdayError, NotFoundError, RuleError
from matchday.io.schemas import ErrorOut

__all__ = ["INVALID", "STATUS", "documented", "http_answer", "install"]

STATUS: tuple[tuple[type[MatchdayError], int], ...] = (
    (NotFoundError, 404),
    (ConflictError, 409),
    (RuleError, 422),
    (MatchdayError, 400),
)
"""The status of each error, most specific first: a rule broken is 422, a bad upload or an
unknown option 400."""


INVALID = "an invalid request (a parameter or body out of shape): `validation_error`, with `detail`"
"""What a 422 means at an endpoint whose requests break no rule of the game."""


def documented(meanings: Mapping[int, str]) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI entries of an endpoint's error answers: each status an ``ErrorOut`` with what
    it means there. Declaring 422 also keeps FastAPI from declaring its own
    ``HTTPValidationError`` (``{"detail": [...]}``), a body the service never sends."""
    return {status: {"model": ErrorOut, "description": text} for status, text in meanings.items()}


def _kind(error: MatchdayError) -> str:
    name = type(error).__name__.removesuffix("Error") or "Matchday"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() + "_error"


async def _matchday_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, MatchdayError)
    status = next(code for kind, code in STATUS if isinstance(error, kind))
    body: dict[str, object] = {"error": _kind(error), "message": _short(error)}
    body.update(_place(error))
    return JSONResponse(body, status_code=status)


def _place(error: MatchdayError) -> dict[str, object]:
    """Where in an input the error is, whatever its kind: ``file``, ``line`` (``None`` where
    there is none, as in a football.json error known by its pointer alone) and the JSON
    ``pointer`` of a football.json value; nothing for an error about no place."""
    where = error.where
    if where is None:
        return {}
    pointer = None if where.pointer is None else _short(where.pointer)
    return {"file": _short(where.file), "line": where.line or None, "pointer": pointer}


MAX_TEXT = 300
"""Characters of a message taken from a request at most: an error never echoes its input."""

MAX_PROBLEMS = 10
"""Problems listed in an invalid request's ``detail`` at most."""


def _short(text: object) -> str:
    said = str(text)
    return said if len(said) <= MAX_TEXT else said[: MAX_TEXT - 1] + "…"


def _problem(problem: dict[str, Any]) -> dict[str, Any]:
    """One problem of an invalid request without the input it was about: its place (each part
    cut short), kind and message (with the JSON parser's reason for a body that is not JSON)."""
    message = problem["msg"]
    reason = (problem.get("ctx") or {}).get("error")
    if problem["type"] == "json_invalid" and reason:
        message = f"{message}: {reason}"
    return {
        "loc": [part if isinstance(part, int) else _short(part)[:60] for part in problem["loc"]],
        "type": _short(problem["type"]),
        "msg": _short(message),
    }


async def _invalid_request(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [_problem(problem) for problem in error.errors()[:MAX_PROBLEMS]]
    message = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
        for problem in problems
    )
    body = {"error": "validation_error", "message": _short(message), "detail": problems}
    return JSONResponse(body, status_code=422)


async def _http_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    return http_answer(error.status_code, str(error.detail), error.headers)


def http_answer(
    status: int, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """The answer to a refusal that is no ``MatchdayError`` (an unknown path, no token, a body
    too large), in the same JSON as theirs, by the same serialiser: also the ``Guard``'s,
    which answers before the app is reached."""
    body = {"error": _HTTP_KINDS.get(status, "http_error"), "message": _short(message)}
    return JSONResponse(body, status_code=status, headers=headers)


_HTTP_KINDS = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found_error",  # one code for "no such thing": an unknown path, as a NotFoundError
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


def install(app: FastAPI) -> None:
    """Answer every ``MatchdayError`` raised in a request with its status and JSON body, and
    give FastAPI's own errors (invalid requests, 401, 404) the same body."""
    app.add_exception_handler(MatchdayError, _matchday_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
