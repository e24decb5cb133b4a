"""The HTTP API: every endpoint, the token, invalid events, idempotent retries, JSON shapes."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from matchday.io.export import tie_json
from matchday.io.footballtxt import parse
from matchday.io.schemas import LegOut, TieOut
from matchday.rules import decide, rules_for_season
from matchday.service.guard import DEFAULT_MAX_BODY
from matchday.service.upload import OWN_PROCESS_CHARS
from matchday.service.write import MAX_UPLOAD
from tests.service.conftest import AUTH, NIGHT_FILE


def night(client: TestClient) -> list[dict[str, Any]]:
    response = client.get("/api/nights/2018-02-22")
    assert response.status_code == 200
    ties: list[dict[str, Any]] = response.json()["ties"]
    return ties


def dortmund(client: TestClient) -> dict[str, Any]:
    return next(t for t in night(client) if t["team1"] == "Borussia Dortmund")


def post(
    client: TestClient, match_id: int, key: str, auth: dict[str, str] | None = AUTH, **event: Any
) -> Any:
    headers = {"Idempotency-Key": key, **(auth or {})}
    return client.post(f"/api/matches/{match_id}/events", json=event, headers=headers)


def in_bergamo(client: TestClient) -> int:
    """The match id of Atalanta v Dortmund, the second leg."""
    match_id: int = dortmund(client)["legs"][1]["match_id"]
    return match_id


def test_writes_need_the_token(client: TestClient) -> None:
    match_id = in_bergamo(client)
    upload = {"file": ("night.txt", NIGHT_FILE.encode())}
    wrong = {"Authorization": "Bearer not-the-token"}
    for auth in (None, wrong):
        assert client.post("/api/seasons", files=upload, headers=auth).status_code == 401
        assert post(client, match_id, "k", auth=auth, kind="kick_off").status_code == 401
        assert client.put("/api/events/1", json={"kind": "goal"}, headers=auth).status_code == 401
        assert client.delete("/api/events/1", headers=auth).status_code == 401
    response = post(client, match_id, "k", auth=None, kind="kick_off")
    assert response.headers["www-authenticate"] == "Bearer"
    assert dortmund(client)["legs"][1]["events"] == []


def test_a_tie_is_the_cli_json_with_keys_added(client: TestClient) -> None:
    season = parse(NIGHT_FILE, "night.txt")
    rules = rules_for_season(season.start_year)
    expected = {t.team1.name: tie_json(decide(t, rules)) for t in season.ties()}
    for tie in night(client):
        cli = expected[tie["team1"]]
        assert {key: tie[key] for key in cli if key != "legs"} == {
            key: value for key, value in cli.items() if key != "legs"
        }
        for leg, cli_leg in zip(tie["legs"], cli["legs"], strict=True):
            assert {key: leg[key] for key in cli_leg} == cli_leg
        assert set(tie) == set(TieOut.model_fields)
        assert set(tie["legs"][0]) == set(LegOut.model_fields)
        assert (tie["live"], tie["legs"][1]["period"]) == (None, "not_started")


def test_following_the_night_in_bergamo(client: TestClient) -> None:
    match_id = in_bergamo(client)
    assert post(client, match_id, "ko", kind="kick_off").status_code == 201
    toloi = post(client, match_id, "g1", kind="goal", minute=11, side="home", player="Toloi")
    assert toloi.status_code == 201
    live = dortmund(client)["live"]
    assert (live["through"], live["decided_by"], live["aggregate"]) == (
        "Atalanta",
        "away_goals",
        [3, 3],
    )
    needs = {n["team"]: n["to_go_through"] for n in live["needs"]}
    assert needs == {"Atalanta": 0, "Borussia Dortmund": 1}
    for key, kind in (("ht", "half_time"), ("ko2", "kick_off")):
        assert post(client, match_id, key, kind=kind).status_code == 201
    post(client, match_id, "g2", kind="goal", minute=83, side="away", player="Schmelzer")
    tie = dortmund(client)
    assert tie["live"]["through"] == "Borussia Dortmund"
    assert tie["legs"][1]["live_score"] == [1, 1]
    turning = [g["turning_point"] for g in tie["timeline"]["goals"]]
    assert turning == [True, True]
    assert post(client, match_id, "ft", kind="full_time").status_code == 201
    final = client.get(f"/api/ties/{tie['id']}").json()
    assert (final["winner"], final["decided_by"], final["live"]) == (
        "Borussia Dortmund",
        "aggregate",
        None,
    )
    assert final["legs"][1]["score"] == [1, 1]
    assert final["legs"][1]["half_time"] == [1, 0]
    events = client.get(f"/api/matches/{match_id}/events").json()
    assert [e["kind"] for e in events] == [
        "kick_off", "goal", "half_time", "kick_off", "goal", "full_time",
    ]  # fmt: skip


def test_a_retried_goal_is_stored_once(client: TestClient) -> None:
    match_id = in_bergamo(client)
    post(client, match_id, "ko", kind="kick_off")
    goal = {"kind": "goal", "minute": 11, "side": "home", "player": "Toloi"}
    first = post(client, match_id, "toloi-11", **goal)
    retry = post(client, match_id, "toloi-11", **goal)
    assert (first.status_code, retry.status_code) == (201, 200)
    assert first.json()["event"]["id"] == retry.json()["event"]["id"]
    assert retry.json()["change_id"] is None
    assert dortmund(client)["legs"][1]["live_score"] == [1, 0]
    other = post(client, match_id, "toloi-11", **(goal | {"minute": 12}))
    assert other.status_code == 409
    assert other.json()["error"] == "conflict_error"
    assert dortmund(client)["legs"][1]["live_score"] == [1, 0]


def test_invalid_events_get_a_clear_4xx(client: TestClient) -> None:
    match_id = in_bergamo(client)
    early = post(client, match_id, "early", kind="goal", minute=5, side="home")
    assert early.status_code == 422
    assert early.json() == {
        "error": "match_event_error",
        "message": "Atalanta v Borussia Dortmund, 2018-02-22: no goal before kick-off",
    }
    for key, kind in (("ko", "kick_off"), ("ht", "half_time"), ("ft", "full_time")):
        assert post(client, match_id, key, kind=kind).status_code == 201
    late = post(client, match_id, "late", kind="goal", minute=90, added=3, side="away")
    assert late.status_code == 422
    assert "no goal after full time" in late.json()["message"]
    pens = post(client, match_id, "pens", kind="shoot_out", shootout=[4, 3])
    assert pens.status_code == 422
    assert pens.json()["error"] == "shoot_out_not_due_error"
    extra = post(client, match_id, "et", kind="extra_time")
    assert extra.json()["error"] == "extra_time_not_due_error"
    assert post(client, match_id, "bad", kind="goal", minute=200, side="home").status_code == 422
    assert post(client, match_id, "bad", kind="penalty_kick").status_code == 422
    no_key = client.post(f"/api/matches/{match_id}/events", json={"kind": "goal"}, headers=AUTH)
    assert no_key.status_code == 422
    assert post(client, 9999, "x", kind="kick_off").status_code == 404
    assert len(client.get(f"/api/matches/{match_id}/events").json()) == 3


def test_correcting_and_deleting_an_event(client: TestClient) -> None:
    match_id = in_bergamo(client)
    post(client, match_id, "ko", kind="kick_off")
    goal_id = post(client, match_id, "g", kind="goal", minute=11, side="away").json()["event"]["id"]
    fixed = client.put(
        f"/api/events/{goal_id}",
        json={"kind": "goal", "minute": 11, "side": "home", "player": "Toloi"},
        headers=AUTH,
    )
    assert fixed.status_code == 200
    assert (fixed.json()["event"]["side"], fixed.json()["event"]["revision"]) == ("home", 1)
    assert dortmund(client)["live"]["through"] == "Atalanta"
    wrong_kind = client.put(f"/api/events/{goal_id}", json={"kind": "red_card"}, headers=AUTH)
    assert wrong_kind.status_code == 422
    deleted = client.delete(f"/api/events/{goal_id}", headers=AUTH)
    assert (deleted.status_code, deleted.json()["event"]["deleted"]) == (200, True)
    assert dortmund(client)["legs"][1]["live_score"] == [0, 0]
    again = client.delete(f"/api/events/{goal_id}", headers=AUTH)
    assert (again.status_code, again.json()["change_id"]) == (200, None)
    gone = client.put(f"/api/events/{goal_id}", json={"kind": "goal"}, headers=AUTH)
    assert gone.status_code == 409
    assert client.delete("/api/events/9999", headers=AUTH).status_code == 404
    listed = client.get(f"/api/matches/{match_id}/events").json()
    assert [e["deleted"] for e in listed] == [False, True]


def test_a_whistle_minute_is_checked_alike_when_posted_and_when_corrected(
    client: TestClient,
) -> None:
    match_id = in_bergamo(client)
    for key, kind in (("ko", "kick_off"), ("ht", "half_time"), ("ko2", "kick_off")):
        assert post(client, match_id, key, kind=kind).status_code == 201
    post(client, match_id, "g83", kind="goal", minute=83, side="away")
    post(client, match_id, "g95", kind="goal", minute=90, added=5, side="home")
    early = post(client, match_id, "ft80", kind="full_time", minute=80)
    assert early.status_code == 422
    assert "full time at 80': it comes at 90'" in early.json()["message"]
    ft = post(client, match_id, "ft", kind="full_time", minute=90, added=6)
    assert ft.status_code == 201
    moved = client.put(
        f"/api/events/{ft.json()['event']['id']}",
        json={"kind": "full_time", "minute": 30},
        headers=AUTH,
    )
    assert moved.status_code == 422
    assert "full time at 30'" in moved.json()["message"]
    events = client.get(f"/api/matches/{match_id}/events").json()
    assert [(e["kind"], e["minute"]) for e in events][-1] == ("full_time", 90)


def test_upload_errors_name_the_problem(client: TestClient) -> None:
    def upload(text: bytes, **form: str) -> Any:
        files = {"file": ("night.txt", text)}
        return client.post("/api/seasons", files=files, data=form, headers=AUTH)

    twice = upload(NIGHT_FILE.encode())
    assert (twice.status_code, twice.json()["error"]) == (409, "conflict_error")
    broken = upload(NIGHT_FILE.replace("3-2 (1-0)", "3-2 (1-0")[:-1].encode() + b"\n  nonsense\n")
    assert broken.status_code == 400
    assert (broken.json()["file"], broken.json()["error"]) == ("night.txt", "parse_error")
    assert upload(b"\xff\xfe").status_code == 400
    assert upload(NIGHT_FILE.encode(), rules="no-such-rules").status_code == 400
    unknown_round = upload(NIGHT_FILE.encode(), round="Round of 3")
    assert unknown_round.status_code == 400
    assert "Round of 32" in unknown_round.json()["message"]


def test_an_upload_of_several_files_is_refused_not_cut_to_the_last(client: TestClient) -> None:
    later = NIGHT_FILE.replace("2017/18", "2018/19").replace("2018", "2019")
    files = [("file", ("a.txt", later.encode())), ("file", ("b.txt", NIGHT_FILE.encode()))]
    both = client.post("/api/seasons", files=files, headers=AUTH)
    assert both.status_code == 400
    assert "one 'file' per upload" in both.json()["message"]
    assert [s["name"] for s in client.get("/api/seasons").json()] == ["2017/18"]


def test_seasons_rounds_and_ties_can_be_listed(client: TestClient) -> None:
    (season,) = client.get("/api/seasons").json()
    assert (season["competition"], season["name"], season["rules"]) == (
        "UEFA Europa League",
        "2017/18",
        "uefa-classic",
    )
    (round_,) = season["rounds"]
    assert (round_["name"], round_["ties"], round_["matches"]) == ("Round of 32", 2, 4)
    listed = client.get(f"/api/rounds/{round_['id']}").json()
    assert [t["team1"] for t in listed["ties"]] == ["Borussia Dortmund", "Östersunds FK"]
    assert client.get("/api/rounds/999").status_code == 404
    assert client.get("/api/ties/999").status_code == 404
    assert client.get("/api/matches/999/events").status_code == 404
    assert client.get("/api/nights/2018-02-23").json()["ties"] == []


def test_the_openapi_document_describes_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/seasons",
        "/api/matches/{match_id}/events",
        "/api/events/{event_id}",
        "/api/nights/{date}",
        "/api/rounds/{round_id}",
        "/api/ties/{tie_id}",
        "/api/stream",
        "/api/nights/{date}/report",
    }
    post_event = spec["paths"]["/api/matches/{match_id}/events"]["post"]
    assert {"401", "409", "422"} <= set(post_event["responses"])
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_the_page_shows_the_night(client: TestClient) -> None:
    match_id = in_bergamo(client)
    post(client, match_id, "ko", kind="kick_off")
    post(client, match_id, "g1", kind="goal", minute=11, side="home", player="Toloi")
    page = client.get("/")
    assert page.status_code == 200
    assert 'data-stream="/api/stream?date=2018-02-22"' in page.text
    assert page.text.count('class="tie') == 2
    tie_id = dortmund(client)["id"]
    card = client.get(f"/cards/{tie_id}").text
    assert '<div class="team through" data-team="2">Atalanta</div>' in card
    assert "Toloi" in card
    assert client.get("/cards/999").status_code == 404
    assert "No ties stored for this night" in client.get("/?date=2019-01-01").text


def test_the_round_up_of_the_night_in_both_languages(client: TestClient) -> None:
    match_id = in_bergamo(client)
    events = [
        ("ko", {"kind": "kick_off"}),
        ("g1", {"kind": "goal", "minute": 11, "side": "home", "player": "Toloi"}),
        ("ht", {"kind": "half_time"}),
        ("g2", {"kind": "goal", "minute": 83, "side": "away", "player": "Schmelzer"}),
        ("ft", {"kind": "full_time"}),
    ]
    for key, event in events:
        assert post(client, match_id, key, **event).status_code == 201
    english = client.get("/api/nights/2018-02-22/report", params={"lang": "en"})
    assert english.status_code == 200
    (written,) = english.json()["reports"]
    assert "Schmelzer" in written["markdown"]
    assert "83" in written["markdown"]
    dutch = client.get("/api/nights/2018-02-22/report", params={"lang": "nl"}).json()
    assert dutch["reports"][0]["markdown"] != written["markdown"]
    assert client.get("/api/nights/2018-02-22/report", params={"lang": "fr"}).status_code == 422
    assert client.get("/api/nights/2019-02-22/report").status_code == 404
    page = client.get("/")
    assert 'href="/report/2018-02-22?lang=nl"' in page.text
    assert "Schmelzer" in client.get("/report/2018-02-22?lang=nl").text
    page = client.get("/report/2018-02-22").text  # Dutch by default, as matchday report
    assert '<html lang="nl">' in page
    assert page.lower().count("<html") == page.lower().count("<body") == 1
    assert client.get("/report/2018-02-22?lang=fr").status_code == 422


def _big_season(ties: int) -> str:
    """A season file of ``ties`` played two-legged ties (about 100 bytes a tie)."""
    lines = ["= Big Upload Cup 2016/17", "", "» Round 1", "  Thu Feb/16 2017"]
    lines += [f"    Home {i:06d} (AAA) v Away {i:06d} (BBB) 1-0" for i in range(ties)]
    lines += ["  Thu Feb/23 2017"]
    lines += [f"    Away {i:06d} (BBB) v Home {i:06d} (AAA) 2-0" for i in range(ties)]
    return "\n".join(lines) + "\n"


def test_a_large_upload_is_stored_by_a_worker_process(client: TestClient) -> None:
    text = _big_season(11_000)
    assert len(text) > OWN_PROCESS_CHARS
    broken = text + "  nonsense\n"
    files = {"file": ("big.txt", broken.encode())}
    refused = client.post("/api/seasons", files=files, headers=AUTH)
    assert refused.status_code == 400
    assert refused.json()["error"] == "parse_error"
    assert (refused.json()["file"], refused.json()["line"]) == ("big.txt", 22_006)
    files = {"file": ("big.txt", text.encode())}
    stored = client.post("/api/seasons", files=files, headers=AUTH)
    assert stored.status_code == 201, stored.text
    (added,) = stored.json()["rounds"]
    assert (added["name"], added["ties"], added["matches"]) == ("Round 1", 11_000, 22_000)
    listed = {s["competition"]: s for s in client.get("/api/seasons").json()}
    assert listed["Big Upload Cup"]["rounds"] == [added]


def test_the_round_up_page_before_a_match_is_played_is_a_page(client: TestClient) -> None:
    """The page's round-up links led to the API's JSON 404 until a match was played: the page
    now says nothing has been played yet, in its language."""
    in_bergamo(client)
    page = client.get("/report/2018-02-22?lang=en")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "No knockout match played yet on 2018-02-22" in page.text
    assert "Nog geen knock-outwedstrijd" in client.get("/report/2018-02-22?lang=nl").text


def test_a_card_lists_goals_in_added_time_in_their_order(client: TestClient) -> None:
    """90+1' comes before 90+3', however they were posted (the card sorted by minute alone)."""
    match_id = in_bergamo(client)
    post(client, match_id, "ko", kind="kick_off")
    post(client, match_id, "ht", kind="half_time")
    post(client, match_id, "ko2", kind="kick_off")
    post(client, match_id, "g3", kind="goal", minute=90, added=3, side="away", player="Gomez")
    post(client, match_id, "g1", kind="goal", minute=90, added=1, side="away", player="Reus")
    card = client.get(f"/cards/{dortmund(client)['id']}").text
    assert card.index("Reus") < card.index("Gomez")


def test_a_rule_error_in_an_upload_names_its_file_and_line_as_a_parse_error_does(
    client: TestClient,
) -> None:
    flawed = NIGHT_FILE.replace(
        "Östersunds FK (SWE)        v Arsenal FC (ENG)            0-3 (0-2)",
        "Östersunds FK (SWE)        v Arsenal FC (ENG)            0-3 (0-2)\n       [Foo 3']",
    )
    files = {"file": ("flawed.txt", flawed.encode())}
    refused = client.post("/api/seasons", files=files, headers=AUTH)
    body = refused.json()
    assert (refused.status_code, body["error"]) == (422, "goal_count_error"), body
    assert (body["file"], body["line"], body["pointer"]) == ("flawed.txt", 7, None)
    assert body["message"].startswith("flawed.txt:7: ")


def test_a_key_no_request_knows_is_refused_by_name_never_dropped(client: TestClient) -> None:
    match_id = in_bergamo(client)
    extra = post(client, match_id, "ko", kind="kick_off", foo=1)
    assert (extra.status_code, extra.json()["error"]) == (422, "validation_error")
    assert extra.json()["message"] == "body.foo: Extra inputs are not permitted"
    assert post(client, match_id, "ko", kind="kick_off").status_code == 201
    misspelt = post(client, match_id, "g", kind="goal", minute=3, side="away", own_gaol=True)
    assert (misspelt.status_code, misspelt.json()["detail"][0]["loc"]) == (
        422,
        ["body", "own_gaol"],
    )
    (event,) = client.get(f"/api/matches/{match_id}/events").json()
    correction = client.put(
        f"/api/events/{event['id']}", json={"kind": "kick_off", "mintue": 1}, headers=AUTH
    )
    assert (correction.status_code, "mintue" in correction.json()["message"]) == (422, True)
    files = {"file": ("night.txt", NIGHT_FILE.encode())}
    form = client.post("/api/seasons", files=files, data={"rule": "uefa-classic"}, headers=AUTH)
    assert (form.status_code, form.json()["message"]) == (
        422,
        "body.rule: Extra inputs are not permitted",
    )


def test_a_file_over_the_upload_limit_is_too_large_as_a_body_over_the_limit_is(
    client: TestClient,
) -> None:
    padding = "# " + "x" * 78 + "\n"
    text = NIGHT_FILE + padding * (MAX_UPLOAD // len(padding) + 1)
    assert MAX_UPLOAD < len(text) < DEFAULT_MAX_BODY - 10_000
    files = {"file": ("big.txt", text.encode())}
    refused = client.post("/api/seasons", files=files, headers=AUTH)
    assert refused.status_code == 413
    body = client.post("/api/seasons", content=b"x" * (DEFAULT_MAX_BODY + 1), headers=AUTH)
    assert body.status_code == 413
    assert refused.json()["error"] == body.json()["error"] == "too_large"
    assert refused.json()["message"] == f"big.txt: larger than {MAX_UPLOAD} bytes"


def test_every_error_body_has_one_code_per_meaning_and_one_serialiser(client: TestClient) -> None:
    no_route = client.get("/api/no-such-thing")
    no_tie = client.get("/api/ties/999")
    assert (no_route.status_code, no_tie.status_code) == (404, 404)
    assert no_route.json()["error"] == no_tie.json()["error"] == "not_found_error"
    no_token = client.post("/api/matches/1/events", json={"kind": "kick_off"})
    too_large = client.post("/api/seasons", content=b"x" * (DEFAULT_MAX_BODY + 1), headers=AUTH)
    invalid = post(client, in_bergamo(client), "k", kind="no-such-kind")
    for answer, status in ((no_token, 401), (too_large, 413), (no_tie, 404), (invalid, 422)):
        assert answer.status_code == status
        assert answer.headers["content-type"] == "application/json"
        compact = json.dumps(answer.json(), separators=(",", ":"), ensure_ascii=False)
        assert answer.text == compact


def test_a_body_of_another_media_type_is_refused_naming_the_one_taken(
    client: TestClient,
) -> None:
    match_id = in_bergamo(client)
    headers = {"Idempotency-Key": "ko", **AUTH}
    as_text = client.post(
        f"/api/matches/{match_id}/events",
        content=b'{"kind": "kick_off"}',
        headers={**headers, "Content-Type": "text/plain"},
    )
    assert (as_text.status_code, as_text.json()["error"]) == (415, "unsupported_media_type")
    assert (
        as_text.json()["message"]
        == "Content-Type 'text/plain': this endpoint takes application/json"
    )
    assert client.get(f"/api/matches/{match_id}/events").json() == []
    put = client.put(
        "/api/events/1", content=b"{}", headers={**AUTH, "Content-Type": "application/xml"}
    )
    assert put.status_code == 415
    raw = client.post(
        "/api/seasons",
        content=NIGHT_FILE.encode(),
        headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert (raw.status_code, raw.json()["message"]) == (
        415,
        "Content-Type 'application/x-www-form-urlencoded': this endpoint takes multipart/form-data",
    )
    bare = client.post("/api/seasons", content=NIGHT_FILE.encode(), headers=AUTH)
    assert bare.json()["message"] == "no Content-Type: this endpoint takes multipart/form-data"
    json_with_charset = {**headers, "Content-Type": "application/json; charset=utf-8"}
    stored = client.post(
        f"/api/matches/{match_id}/events",
        content=b'{"kind": "kick_off"}',
        headers=json_with_charset,
    )
    assert stored.status_code == 201
    spec = client.get("/openapi.json").json()["paths"]
    assert "415" in spec["/api/seasons"]["post"]["responses"]
    assert "415" in spec["/api/matches/{match_id}/events"]["post"]["responses"]
    assert "415" in spec["/api/events/{event_id}"]["put"]["responses"]
    assert "415" not in spec["/api/events/{event_id}"]["delete"]["responses"]


def test_a_player_s_name_is_stored_without_the_spaces_around_it(client: TestClient) -> None:
    """Every name matchday reads from a file comes without spaces at either end; a posted
    scorer's did not (" Toloi " was another scorer than "Toloi"): it is stripped, and a name of
    spaces alone is no name."""
    match_id = in_bergamo(client)
    post(client, match_id, "ko", kind="kick_off")
    goal = post(client, match_id, "g", kind="goal", minute=11, side="home", player="  Toloi \t")
    assert (goal.status_code, goal.json()["event"]["player"]) == (201, "Toloi")
    retry = post(client, match_id, "g", kind="goal", minute=11, side="home", player="Toloi")
    assert retry.status_code == 200  # the same event
    blank = {"kind": "goal", "minute": 11, "side": "home", "player": "   "}
    fixed = client.put(f"/api/events/{goal.json()['event']['id']}", json=blank, headers=AUTH)
    assert (fixed.status_code, fixed.json()["event"]["player"]) == (200, None)


def test_upload_fields_are_read_as_the_command_line_reads_its_options(client: TestClient) -> None:
    """As `matchday ties --round " Round of 32 " --competition " Europa League "` finds them and
    `--rules " uefa-classic "` is an unknown preset, so does an upload."""
    files = {"file": ("night.txt", NIGHT_FILE.encode())}
    for field, value, status in (
        ("round", " Round of 32 ", 409),  # found: the round is stored already
        ("competition", " Europa League ", 409),
        ("rules", " uefa-classic ", 400),
    ):
        answer = client.post("/api/seasons", files=files, data={field: value}, headers=AUTH)
        assert answer.status_code == status, (field, answer.text)
