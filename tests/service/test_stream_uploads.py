"""An upload is on the stream: each tie it adds, and each stored tie it changes (a replay added
to it), is sent once with its change's id, and a client reconnecting with ``Last-Event-ID``
gets them too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

from matchday.service.upload import store_text
from matchday.store.database import Database
from matchday.store.events import Action, changes_after
from matchday.store.ties import load_ties
from tests.service.conftest import AUTH, SECOND_COMPETITION_FILE
from tests.service.server import bergamo_match_id, post, running, sse_events, upload_night

FINAL = """= World Cup 1966

▪ Final
30 July   England   1-1 a.e.t. (1-1)   West Germany
"""
"""A drawn final, stored before its replay is."""

WITH_REPLAY = (
    FINAL
    + """
▪ Final, Replay
2 August   England   v   West Germany
"""
)
"""The same final with its replay to come: uploading its replay round changes the final's tie."""


def _upload(client: httpx.Client, name: str, text: str, **form: str) -> None:
    files = {"file": (name, text.encode())}
    response = client.post("/api/seasons", files=files, data=form, headers=AUTH)
    assert response.status_code == 201, response.text


Message = tuple[int | None, dict[str, Any]]


def until_quiet(events: Iterator[tuple[int | None, str, dict[str, Any]]]) -> list[Message]:
    """The messages of a stream until it has been quiet for its read timeout."""
    received = []
    try:
        for event_id, _, tie in events:
            received.append((event_id, tie))
    except httpx.ReadTimeout:
        pass
    return received


def _names(messages: list[Message]) -> list[tuple[str, int]]:
    """Each message's tie as (first team, how many replays it shows)."""
    return [(tie["team1"], len(tie["replays"])) for _, tie in messages]


def test_an_upload_sends_its_new_and_changed_ties_once(database_url: str) -> None:
    with running(database_url, "--no-forecast") as server, server.client() as client:
        upload_night(client)
        _upload(client, "final.txt", FINAL)
        post(client, bergamo_match_id(client), "ko", kind="kick_off")
        with (
            httpx.Client(base_url=server.url, timeout=3) as reader,
            reader.stream("GET", "/api/stream") as response,
        ):
            events = sse_events(response)
            current = [next(events)[::2] for _ in range(3)]  # the night's two ties, the final
            seen_id = current[-1][0]
            assert seen_id is not None
            _upload(client, "ucl.txt", SECOND_COMPETITION_FILE)
            _upload(client, "final.txt", WITH_REPLAY, round="Final, Replay")
            pushed = until_quiet(events)
        with (
            httpx.Client(base_url=server.url, timeout=3) as reader,
            reader.stream("GET", "/api/stream", headers={"Last-Event-ID": str(seen_id)}) as again,
        ):
            resumed = until_quiet(sse_events(again))
    assert sorted(_names(current)) == [
        ("Borussia Dortmund", 0),
        ("England", 0),
        ("Östersunds FK", 0),
    ]
    # each once, in the order uploaded; the replay is shown in its tie, not as a tie of its own
    assert _names(pushed) == [("Juventus", 0), ("England", 1)]
    ids = [event_id for event_id, _ in pushed]
    assert all(event_id is not None for event_id in ids)
    assert ids == sorted(set(ids))
    assert ids[0] > seen_id  # type: ignore[operator]
    assert sorted(_names(resumed)) == [("England", 1), ("Juventus", 0)]
    assert resumed[-1][0] >= ids[-1]  # type: ignore[operator]


WALKOVER = """= World Cup 1938

▪ Round 1
5 June   Sweden   n/p   Austria   [cancelled; Austria withdrew]
5 June   Hungary   6-0 (4-0)   Dutch East Indies
"""
"""A tie its result cannot decide (a walkover) beside one its result decides."""

NEXT_ROUND = """= World Cup 1938

▪ Quarterfinals
12 June   Sweden   8-0 (4-0)   Cuba
"""
"""The next round: it shows who went on from the walkover."""


def test_an_upload_journals_its_new_ties_and_the_stored_ties_it_changes_only(
    database_url: str,
) -> None:
    database = Database(database_url)
    database.upgrade()
    try:
        store_text(database, WALKOVER, "cup.txt", None, None)
        with database.read() as session:
            first = changes_after(session, 0)
            ties = {t.tie.team1.name: t for t in load_ties(session, [c.tie_id for c in first])}
        assert sorted(ties) == ["Hungary", "Sweden"]
        assert ties["Sweden"].went_on is None  # no next round yet
        store_text(database, NEXT_ROUND, "cup.txt", "Quarterfinals", None)
        with database.read() as session:
            second = changes_after(session, first[-1].id)
            changed = {t.round: t for t in load_ties(session, [c.tie_id for c in second])}
    finally:
        database.dispose()
    assert {(c.action, c.match_id, c.event_id) for c in [*first, *second]} == {
        (Action.UPLOADED, None, None)
    }
    # the new quarter-final, and the walkover that now shows Sweden going on; not Hungary's
    assert len(second) == 2
    assert sorted(changed) == ["Quarterfinals", "Round 1"]
    walkover = changed["Round 1"]
    assert walkover.tie.team2.name == "Austria"
    assert walkover.went_on is not None
    assert walkover.went_on.name == "Sweden"
