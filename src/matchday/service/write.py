"""The write API: upload a season or round, post, correct and delete match events.

Every endpoint needs the bearer token the service was started with (401 without it).
"""

from __future__ import annotations

import secrets
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from matchday.errors import SourceError
from matchday.io.schemas import EventIn, SeasonOut, WrittenOut
from matchday.service.core import Service
from matchday.service.errors import INVALID, documented
from matchday.service.guard import StrictJSONRoute
from matchday.service.params import Id
from matchday.service.views import event_json
from matchday.store.events import Correction, Deletion, Post, Written

__all__ = ["router"]

_bearer = HTTPBearer(auto_error=False, description="the token given to `matchday serve`")

MAX_UPLOAD = 5_000_000
"""Bytes; the largest openfootball season file is about 100 kB. A larger file is refused 413,
as a body larger than ``Settings.max_body`` is."""


def service(request: Request) -> Service:
    """The app's service."""
    found: Service = request.app.state.service
    return found


async def authorised(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Require ``Authorization: Bearer <token>`` (``async``: FastAPI runs a plain function
    dependency in a worker thread, a hop per write for a comparison of two strings)."""
    token = service(request).settings.token
    given = credentials.credentials if credentials is not None else ""
    if not token or not secrets.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


RULES = "breaks the rules of the game or of the match (a goal after full time), or " + INVALID
"""What a 422 means at an endpoint that writes."""

_ERRORS = documented(
    {
        401: "no valid bearer token",
        413: "a request body larger than the service reads",
        422: RULES,
    }
)
"""The error answers of every write."""

_EVENT_ERRORS = documented(
    {
        400: "a value the model cannot hold",
        404: "no such match or event",
        409: "conflicts with what is stored (an idempotency key reused for another event, a "
        "result already on record, an event deleted)",
    }
)
"""The error answers of every event write, beside ``_ERRORS``."""


def _takes(media_type: str) -> dict[int | str, dict[str, Any]]:
    """The answer a route with a body gives one of another media type."""
    return documented({415: f"a body that is not {media_type}"})


router = APIRouter(
    prefix="/api",
    dependencies=[Depends(authorised)],
    responses=_ERRORS,
    route_class=StrictJSONRoute,
)

Key = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        description="chosen by the client, unique per event; a retry with the same key and "
        "body returns the event already stored (200) instead of storing it again",
    ),
]


def _written(written: Written, created_status: int = 200) -> JSONResponse:
    status = created_status if written.change is not None else 200
    body = {
        "event": event_json(written.event),
        "change_id": None if written.change is None else written.change.id,
    }
    return JSONResponse(body, status_code=status)


UPLOAD_FIELDS = frozenset({"file", "round", "rules", "competition"})
"""The upload form's fields: any other (``rule`` for ``rules``) is refused, never ignored."""


def closed_upload_form(spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI document ``spec`` (changed in place) with the upload form declared closed,
    ``additionalProperties: false``, as ``upload_season`` enforces (a field not in
    ``UPLOAD_FIELDS`` is refused, 422): FastAPI declares a form read as parameters open."""
    body = spec["paths"]["/api/seasons"]["post"]["requestBody"]["content"]
    ref: str = body["multipart/form-data"]["schema"]["$ref"]
    form = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    assert set(form["properties"]) == UPLOAD_FIELDS, form["properties"]
    form["additionalProperties"] = False
    return spec


def _file_name(given: str | None) -> str:
    """The upload's file name as errors and the store name it: ``upload.txt`` when none is
    given, and the name cut short when it is long or not text."""
    name = (given or "upload.txt").encode("utf-8", "replace").decode()
    return name if len(name) <= 200 else name[:199] + "…"


@router.post(
    "/seasons",
    status_code=201,
    response_model=SeasonOut,
    tags=["write"],
    responses={
        **documented(
            {
                400: "an upload that does not parse (with `file`, `line`, `pointer`), is not "
                "UTF-8, or names an unknown rules preset, round or competition",
                409: "a round already stored, or being stored by another upload",
                413: "a request body larger than the service reads, or a file over "
                f"{MAX_UPLOAD} bytes",
                422: "breaks the rules of the game (with `file`, `line`, `pointer`), or " + INVALID,
            }
        ),
        **_takes("multipart/form-data"),
    },
)
async def upload_season(
    request: Request,
    file: Annotated[
        UploadFile,
        File(
            description="a Football.TXT file, or a football.json file (named `.json`); UTF-8, "
            f"at most {MAX_UPLOAD} bytes"
        ),
    ],
    round: Annotated[str | None, Form(description='only this round ("Round of 32")')] = None,
    rules: Annotated[str | None, Form(description="rules preset; default: the season's")] = None,
    competition: Annotated[
        str | None,
        Form(description='the competition ("World Cup"); default: the one the title names'),
    ] = None,
) -> SeasonOut:
    """Load a season, or one round of it, from a Football.TXT or football.json upload; each
    round is settled by its competition's rules (the registry's), unless ``rules`` names one
    preset for all."""
    form = await request.form()  # the form FastAPI read for the parameters (kept: not re-read)
    unknown = sorted(set(form.keys()) - UPLOAD_FIELDS)
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("body", key),
                    "type": "extra_forbidden",
                    "msg": "Extra inputs are not permitted",
                }
                for key in unknown
            ]
        )
    repeated = sorted(key for key in set(form.keys()) if len(form.getlist(key)) > 1)
    if repeated:
        raise SourceError(
            f"one {repeated[0]!r} per upload: a competition of several files uploads as their "
            "texts one after the other, in one file"
        )
    data = await file.read(MAX_UPLOAD + 1)
    name = _file_name(file.filename)
    if len(data) > MAX_UPLOAD:  # too large, as a body over the limit is (the same 413)
        raise HTTPException(413, f"{name}: larger than {MAX_UPLOAD} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(f"{name}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    stored = await run_in_threadpool(service(request).upload, text, name, round, rules, competition)
    return SeasonOut.model_validate(asdict(stored))


@router.post(
    "/matches/{match_id}/events",
    status_code=201,
    response_model=WrittenOut,
    tags=["write"],
    responses={
        200: {"model": WrittenOut, "description": "a retry: the event already stored"},
        **_EVENT_ERRORS,
        **_takes("application/json"),
    },
)
async def post_event(request: Request, match_id: Id, body: EventIn, key: Key) -> JSONResponse:
    """Post a match event: kick-off, goal, red card, half-time, full time, extra time or the
    shoot-out's result. It is checked against the state of the match and the rules of the tie
    before it is stored; 201 when stored, 200 for a retry of an event already stored."""
    written = await service(request).write_async(Post(match_id, key, body.to_event()))
    return _written(written, 201)


@router.put(
    "/events/{event_id}",
    response_model=WrittenOut,
    tags=["write"],
    responses={**_EVENT_ERRORS, **_takes("application/json")},
)
async def correct_event(request: Request, event_id: Id, body: EventIn) -> JSONResponse:
    """Correct an event (its kind stays); the whole tie is checked again."""
    return _written(await service(request).write_async(Correction(event_id, body.to_event())))


@router.delete(
    "/events/{event_id}", response_model=WrittenOut, tags=["write"], responses=_EVENT_ERRORS
)
async def delete_event(request: Request, event_id: Id) -> JSONResponse:
    """Delete an event; refused (422) when the rest of the match no longer fits the rules
    without it. Deleting it again changes nothing."""
    return _written(await service(request).write_async(Deletion(event_id)))
