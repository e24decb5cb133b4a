"""Schemathesis against the OpenAPI document: generated requests never get a 5xx.

Every operation but the (endless) stream is called with generated paths, queries and bodies,
valid and invalid (schemathesis' positive and negative modes), with the write token, on a
database holding the test night with a match in progress; the responses must also match their
documented status codes, content types and schemas. Each JSON body is sent a second time with
its numbers made non-finite or huge (NaN, Infinity, 1e400, 10^20) and its strings made lone
surrogates: never a 5xx, always a short error. Bounded: a few hundred requests in all.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from matchday.service import Settings, create_app
from tests.conftest import POSTGRES_URL_VARIABLE
from tests.service.conftest import AUTH, NIGHT_FILE, TOKEN
from tests.service_support import empty_postgres

# Schemathesis needs the app when the module is collected (its fixture-based loader does not
# work with this pytest), so the database is chosen here and filled by the fixture below.
FOLDER = Path(tempfile.mkdtemp(prefix="matchday-schemathesis-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)
"""Removed when the process ends: every test worker imports this module, also those that run
none of its tests (and so never reach a fixture's teardown)."""
URL = os.environ.get(POSTGRES_URL_VARIABLE) or f"sqlite:///{FOLDER / 'matchday.db'}"
app = create_app(Settings(database_url=URL, token=TOKEN))
schema = schemathesis.openapi.from_asgi("/openapi.json", app).exclude(path="/api/stream")
schema.config.generation.update(
    modes=[schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE],
    max_examples=15,
)

BAD_NUMBERS = (float("nan"), float("inf"), float("-inf"), 10**400, 10**20)
"""Sent as JSON literals: ``NaN``, ``Infinity``, ``-Infinity``, a 401-digit integer (which
``1e400`` overflows to as a float) and 10^20."""


@pytest.fixture(scope="module", autouse=True)
def night_in_progress() -> None:
    if os.environ.get(POSTGRES_URL_VARIABLE):
        empty_postgres(URL)
    with TestClient(app) as client:
        files = {"file": ("night.txt", NIGHT_FILE.encode())}
        assert client.post("/api/seasons", files=files, headers=AUTH).status_code == 201
        tie = client.get("/api/nights/2018-02-22").json()["ties"][0]
        match = tie["legs"][1]["match_id"]
        kick_off = {"Idempotency-Key": "ko", **AUTH}
        client.post(f"/api/matches/{match}/events", json={"kind": "kick_off"}, headers=kick_off)


def _spoiled(value: Any, bad: float | int) -> Any:
    """``value`` with every number replaced by ``bad`` and every string by a lone surrogate."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bad
    if isinstance(value, str):
        return "\ud800"
    if isinstance(value, list):
        return [_spoiled(item, bad) for item in value]
    if isinstance(value, dict):
        return {key: _spoiled(item, bad) for key, item in value.items()}
    return value


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(case: schemathesis.Case) -> None:
    case.call_and_validate(
        headers=AUTH,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
    if isinstance(case.body, dict | list) and case.media_type == "application/json":
        for bad in BAD_NUMBERS:
            text = json.dumps(_spoiled(case.body, bad))
            response = case.call(
                headers={**AUTH, "Content-Type": "application/json"}, data=text, json=None
            )
            assert response.status_code < 500, response.text
            assert len(response.content) < 2000


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method, op) for path, ops in spec["paths"].items() for method, op in ops.items()]


def test_every_error_the_document_declares_is_the_service_s_own_error_body() -> None:
    """FastAPI declares a 422 as its ``{"detail": [...]}`` by default; the service answers every
    error, a 422 too, with ``ErrorOut``, and the document says so (it also holds no schema of
    FastAPI's that no endpoint answers with)."""
    spec = app.openapi()
    assert not {"HTTPValidationError", "ValidationError"} & set(spec["components"]["schemas"])
    for path, method, operation in _operations(spec):
        for status, answer in operation["responses"].items():
            if status.startswith("4"):
                schema = answer["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (path, method, status)
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in operation["responses"], (path, method)
    with TestClient(app) as client:
        invalid = client.get("/api/ties/0")
    assert invalid.status_code == 422
    assert set(invalid.json()) <= set(spec["components"]["schemas"]["ErrorOut"]["properties"])


def test_the_document_declares_what_each_endpoint_answers_and_no_more() -> None:
    paths = app.openapi()["paths"]
    assert set(paths["/api/stream"]["get"]["responses"]) == {"200", "404", "422"}
    assert set(paths["/api/seasons"]["get"]["responses"]) == {"200"}
    assert "404" not in paths["/api/seasons"]["post"]["responses"]
    assert "404" not in paths["/api/nights/{date}"]["get"]["responses"]
    with TestClient(app) as client:
        assert client.get("/api/stream", params={"tie_id": 999}).status_code == 404
        assert client.get("/api/nights/2030-01-01").status_code == 200
    body = app.openapi()["components"]["schemas"]["Body_upload_season_api_seasons_post"]
    assert "football.json" in body["properties"]["file"]["description"]


def test_the_upload_form_is_declared_closed_as_it_is_enforced() -> None:
    """Every request model forbids keys it does not know (``extra="forbid"``) and its schema
    says so; the upload form refused unknown fields too, but its schema left them open."""
    schemas = app.openapi()["components"]["schemas"]
    assert schemas["EventIn"]["additionalProperties"] is False
    body = schemas["Body_upload_season_api_seasons_post"]
    assert body["additionalProperties"] is False
    with TestClient(app) as client:
        files = {"file": ("night.txt", NIGHT_FILE.encode())}
        refused = client.post("/api/seasons", files=files, data={"rule": "x"}, headers=AUTH)
    assert refused.status_code == 422
    assert "rule" in refused.text
