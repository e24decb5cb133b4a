"""A stream never skips a change: when a tie's state cannot be built for the streams, each
stream that may follow it ends, and its client, reconnecting from its last id, gets it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import matchday.service.core as core
from matchday.feed import MatchState
from matchday.forecast.live import LiveChances
from matchday.service import Settings, create_app
from tests.service.conftest import TOKEN
from tests.service.server import post, serving, sse_events, upload_night


def _night(client: httpx.Client) -> dict[str, dict[str, Any]]:
    ties = client.get("/api/nights/2018-02-22").json()["ties"]
    return {tie["team1"]: tie for tie in ties}


def _follow(url: str, last_id: int | None) -> Iterator[tuple[int | None, dict[str, Any]]]:
    """What an EventSource sees of the night's stream: it reconnects with ``Last-Event-ID``
    when the stream ends, at most three times; each stream gives up after 5 idle seconds."""
    for _ in range(3):
        headers = {} if last_id is None else {"Last-Event-ID": str(last_id)}
        with httpx.stream(
            "GET", f"{url}/api/stream", params={"date": "2018-02-22"}, headers=headers, timeout=5
        ) as response:
            for event_id, _, tie in sse_events(response):
                if event_id is not None:
                    last_id = event_id
                yield event_id, tie


def _steady(_: MatchState, __: tuple[int, int]) -> LiveChances:
    """Even chances at every moment: a forecaster for tests."""
    return LiveChances(0.5, 0.5, 0.3, 0.1)


@pytest.mark.parametrize("failing", ["state", "forecast"])
def test_a_change_whose_state_failed_to_build_reaches_the_client_after_it_reconnects(
    database_url: str, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """``state``: the tie's new state is not built (no forecaster: the only build); ``forecast``:
    its quick view is sent without an id, and then its forecast fails."""
    armed: list[bool] = []

    def once(build: Callable[..., Any]) -> Callable[..., Any]:
        def fails_once(*args: Any) -> Any:
            if armed and armed.pop():
                raise OSError("the database went away for a moment")
            return build(*args)

        return fails_once

    settings = Settings(database_url=database_url, token=TOKEN)
    if failing == "state":
        service_app = create_app(settings)
        monkeypatch.setattr(core, "unforecast", once(core.unforecast))
    else:
        service_app = create_app(settings, chances=once(_steady))
    with serving(service_app) as url, httpx.Client(base_url=url, timeout=10) as client:
        upload_night(client)
        ties = _night(client)
        dortmund, ostersund = ties["Borussia Dortmund"], ties["Östersunds FK"]
        post(client, dortmund["legs"][1]["match_id"], "ko", kind="kick_off")
        seen: list[tuple[int | None, dict[str, Any]]] = []
        messages = _follow(url, None)
        while len(seen) < 2:  # the night's two ties, the id with the second
            seen.append(next(messages))
        armed.append(True)
        bergamo = dortmund["legs"][1]["match_id"]
        goal = post(client, bergamo, "g", kind="goal", minute=11, side="home")
        assert goal.status_code == 201
        post(client, ostersund["legs"][1]["match_id"], "ko", kind="kick_off")  # a later change
        try:
            for event_id, tie in messages:
                seen.append((event_id, tie))
                if tie["id"] == dortmund["id"] and _scored(tie, failing == "forecast"):
                    break
        except httpx.ReadTimeout:
            pass  # the goal never came
    assert not armed, "the building was never made to fail"
    assert _scored(seen[-1][1], failing == "forecast"), [(i, t["id"]) for i, t in seen]
    ids = [event_id for event_id, _ in seen if event_id is not None]
    assert ids == sorted(ids)  # each stream's ids only go up, the reconnected one's too


def _scored(tie: dict[str, Any], forecast: bool) -> bool:
    """Whether the tie shows the goal (with its forecast, when ``forecast``)."""
    if tie["legs"][1]["live_score"] != [1, 0]:
        return False
    return not forecast or any(p["minute"] == 11 for p in tie["timeline"]["p_through"])
