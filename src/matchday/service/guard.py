"""The service's outer edge: the token and the size of a request, checked before its body is read.

``Guard`` is plain ASGI middleware in front of FastAPI. A write (any method but GET, HEAD and
OPTIONS under ``/api/``) without the bearer token is answered 401 before a byte of its body is
read; a body larger than ``Settings.max_body`` is answered 413 from its ``Content-Length`` alone,
or, when it is streamed without one, as soon as the bytes received pass the limit. Requests
refused here never reach the parsers, so a 50 MB body costs no more memory than a small one.

``StrictJSONRoute`` reads JSON bodies without Python's extensions: ``NaN``, ``Infinity``, a
number that overflows to infinity (``1e400``), an integer of more than a few dozen digits and a
string no UTF-8 text can hold (a lone surrogate) are invalid JSON (422), never values a handler
or the database has to cope with.
"""

from __future__ import annotations

import json
import math
import secrets
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response, params
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matchday.service.errors import http_answer

__all__ = ["DEFAULT_MAX_BODY", "MAX_INTEGER_DIGITS", "Guard", "StrictJSONRoute", "strict_json"]

DEFAULT_MAX_BODY = 6_000_000
"""Bytes: room for the largest upload (5,000,000 bytes of Football.TXT) and its form fields."""

MAX_INTEGER_DIGITS = 20
"""Longer integers are no ids, minutes or scores; refused while parsing."""

_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


class BodyTooLarge(HTTPException):
    """A body that passed the limit while it was being received."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


class Guard:
    """ASGI middleware: the token of writes and the size of bodies, before the app reads any."""

    def __init__(self, app: ASGIApp, token: str, max_body: int) -> None:
        self.app = app
        self._token = token.encode()
        self._max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name.lower(): value for name, value in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        limit = self._max_body
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as err:  # raised outside a route (no handler turned it into a 413)
            if started:
                raise
            await http_answer(413, str(err.detail))(scope, receive, send)

    def _refusal(self, scope: Scope, headers: dict[bytes, bytes]) -> Response | None:
        path: str = scope["path"]
        if scope["method"] not in _SAFE and path.startswith("/api/"):
            token = self._token
            given = headers.get(b"authorization", b"")
            scheme, _, credentials = given.partition(b" ")
            if (
                not token
                or scheme.lower() != b"bearer"
                or not secrets.compare_digest(credentials.strip(), token)
            ):
                return http_answer(
                    401, "a valid bearer token is required", {"WWW-Authenticate": "Bearer"}
                )
        length = headers.get(b"content-length")
        limit = self._max_body
        if length is not None and (not length.isdigit() or int(length[:20]) > limit):
            return http_answer(413, f"the request body is larger than {limit} bytes")
        return None


class _Refused(json.JSONDecodeError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem, "", 0)


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number")


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _Refused(f"an integer of {len(text)} digits is out of range")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"{text[:40]} is out of range")
    return value


def _encodable(value: Any) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as err:
            raise _Refused("a string with a lone surrogate is not text") from err
    elif isinstance(value, dict):
        for key, item in value.items():
            _encodable(key)
            _encodable(item)
    elif isinstance(value, list):
        for item in value:
            _encodable(item)


def strict_json(body: bytes) -> Any:
    """``body`` as JSON; ``json.JSONDecodeError`` for what standard JSON and UTF-8 cannot hold."""
    value = json.loads(body, parse_constant=_constant, parse_int=_integer, parse_float=_float)
    _encodable(value)
    return value


class _StrictRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = strict_json(await self.body())
        return self._json


def _media_type(content_type: str) -> str:
    """``multipart/form-data`` of ``multipart/form-data; boundary=...``, in lower case."""
    return content_type.partition(";")[0].strip().lower()


def _takes(media_type: str, content_type: str | None) -> bool:
    """Whether a body sent as ``content_type`` is one a route taking ``media_type`` reads: JSON
    also as ``application/*+json`` or with no type given (as FastAPI reads it)."""
    if media_type != "application/json":
        return content_type is not None and _media_type(content_type) == media_type
    if content_type is None:
        return True
    given = _media_type(content_type)
    return given == media_type or (given.startswith("application/") and given.endswith("+json"))


class StrictJSONRoute(APIRoute):
    """An API route whose JSON body is read by ``strict_json``, and whose body, when it takes
    one, is refused 415 before a byte of it is read when it comes as another media type than
    the route's (``media_type``): a text/plain event is no ``body: Input should be a valid
    dictionary``, a raw upload no ``body.file: Field required``."""

    @property
    def media_type(self) -> str | None:
        """The media type of the body this route takes: ``multipart/form-data`` for a form (an
        upload), ``application/json`` for any other body, ``None`` without a body."""
        if self.body_field is None:
            return None
        form = isinstance(self.body_field.field_info, params.Form)
        return "multipart/form-data" if form else "application/json"

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        media_type = self.media_type

        async def strict(request: Request) -> Response:
            given = request.headers.get("content-type")
            if media_type is not None and not _takes(media_type, given):
                said = "no Content-Type" if given is None else f"Content-Type {given[:60]!r}"
                raise HTTPException(415, f"{said}: this endpoint takes {media_type}")
            return await handler(_StrictRequest(request.scope, request.receive))

        return strict
