"""A service with the forecaster: P(through), P(extra time) and P(penalties) in the read API,
P(through) over the match so far, and round-ups that say how close each tie came."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from matchday.forecast.live import live_chances
from matchday.forecast.ratings import Ratings
from matchday.io.footballtxt import parse
from matchday.io.schemas import TieOut
from matchday.io.snapshot import choose_snapshot
from matchday.live import kickoff, state_at
from matchday.model import Match, Score, Tie
from matchday.rules import UEFA_CLASSIC
from matchday.select import find_tie
from matchday.service import Settings, create_app
from matchday.service.chances import Forecaster
from matchday.service.core import Service
from matchday.service.stream import _snapshot
from tests.service.conftest import AUTH, NIGHT_FILE, TOKEN
from tests.service.server import running, upload_night
from tests.service.test_api import dortmund, in_bergamo, night, post

RATINGS = choose_snapshot(dt.date(2018, 2, 22)).ratings


@pytest.fixture
def forecasting(database_url: str) -> Iterator[TestClient]:
    """The service with the forecaster and the two ties of the night uploaded."""
    app = create_app(Settings(database_url=database_url, token=TOKEN), chances=Forecaster())
    with TestClient(app) as client:
        files = {"file": ("night.txt", NIGHT_FILE.encode())}
        assert client.post("/api/seasons", files=files, headers=AUTH).status_code == 201
        yield client


def _goal(client: TestClient, match_id: int, key: str, minute: int, side: str, player: str) -> None:
    response = post(client, match_id, key, kind="goal", minute=minute, side=side, player=player)
    assert response.status_code == 201, response.text


BERGAMO = find_tie(parse(NIGHT_FILE, "night.txt"), "Dortmund")
"""Dortmund 3-2 Atalanta in the first leg; the second leg in Bergamo still to play."""


def test_before_kick_off_the_chances_are_those_of_the_tie_between_the_legs(
    forecasting: TestClient,
) -> None:
    tie = dortmund(forecasting)
    expected = live_chances(kickoff(BERGAMO, UEFA_CLASSIC), RATINGS)
    assert tie["p_through"] == pytest.approx([expected.team1, expected.team2])
    assert tie["p_extra_time"] == pytest.approx(expected.extra_time)
    assert tie["p_penalties"] == pytest.approx(expected.penalties)
    assert 0.5 < tie["p_through"][0] < 1  # Dortmund won the first leg 3-2
    assert tie["timeline"] is None  # nothing played yet
    assert set(tie) == set(TieOut.model_fields)


def test_a_goal_moves_the_chances_and_the_chart_has_a_point_either_side_of_it(
    forecasting: TestClient,
) -> None:
    match_id = in_bergamo(forecasting)
    assert post(forecasting, match_id, "ko", kind="kick_off").status_code == 201
    at_kick_off = dortmund(forecasting)["p_through"][0]
    _goal(forecasting, match_id, "g1", 11, "home", "Toloi")
    tie = dortmund(forecasting)
    assert tie["p_through"][0] < at_kick_off - 0.2  # Atalanta through on away goals
    points = tie["timeline"]["p_through"]
    assert [(p["minute"], p["added"]) for p in points[:3]] == [(0, 0), (10, 0), (11, 0)]
    before, after = points[1], points[2]
    assert after["team1"] < before["team1"] < at_kick_off + 1e-9
    expected = live_chances(state_at(BERGAMO, UEFA_CLASSIC, Score(1, 0), 11), RATINGS)
    assert after["team1"] == pytest.approx(expected.team1)
    for point in points:
        assert point["team1"] + point["team2"] == pytest.approx(1)


def test_a_red_card_counts_in_the_chances(forecasting: TestClient) -> None:
    match_id = in_bergamo(forecasting)
    post(forecasting, match_id, "ko", kind="kick_off")
    _goal(forecasting, match_id, "g1", 11, "home", "Toloi")
    plain = dortmund(forecasting)["timeline"]["p_through"][-1]["team1"]
    red = post(forecasting, match_id, "r1", kind="red_card", minute=12, side="away", player="X")
    assert red.status_code == 201
    points = dortmund(forecasting)["timeline"]["p_through"]
    assert points[-1]["team1"] < plain  # Dortmund down to ten
    assert [p["minute"] for p in points[3:5]] == [11, 12]  # before and after the card


def _play_the_night_out(client: TestClient) -> None:
    """Atalanta 1-1 Dortmund posted event by event: Toloi 11', Schmelzer 83', full time."""
    match_id = in_bergamo(client)
    for key, kind in (("ko", "kick_off"), ("ht", "half_time")):
        post(client, match_id, key, kind=kind)
    _goal(client, match_id, "g1", 11, "home", "Toloi")
    _goal(client, match_id, "g2", 83, "away", "Schmelzer")
    post(client, match_id, "ft", kind="full_time")


def test_at_full_time_the_winner_is_certain_and_the_round_up_says_how_close_it_came(
    forecasting: TestClient,
) -> None:
    _play_the_night_out(forecasting)
    tie = dortmund(forecasting)
    assert (tie["winner"], tie["p_through"]) == ("Borussia Dortmund", [1.0, 0.0])
    assert (tie["p_extra_time"], tie["p_penalties"]) == (0.0, 0.0)
    lowest = min(p["team1"] for p in tie["timeline"]["p_through"])
    english = forecasting.get("/api/nights/2018-02-22/report", params={"lang": "en"}).json()
    (written,) = english["reports"]
    assert f"had fallen to {round(100 * lowest)}% in the 82nd minute" in written["markdown"]
    assert "volgens de voorspelling" in forecasting.get("/report/2018-02-22?lang=nl").text.lower()


def test_the_page_shows_the_bar_the_odds_and_the_chart(forecasting: TestClient) -> None:
    match_id = in_bergamo(forecasting)
    post(forecasting, match_id, "ko", kind="kick_off")
    _goal(forecasting, match_id, "g1", 11, "home", "Toloi")
    tie = dortmund(forecasting)
    card = forecasting.get(f"/cards/{tie['id']}").text
    assert f'data-team1="{round(100 * tie["p_through"][0])}"' in card
    assert f"extra time {round(100 * tie['p_extra_time'])}%" in card
    assert '<svg class="chart" viewBox="0 0 90 100"' in card
    assert '<line x1="11" y1="88" x2="11" y2="100" class="goal"/>' in card
    arsenal = next(t for t in night(forecasting) if t["team2"] == "Arsenal FC")
    assert arsenal["p_through"][1] > 0.995  # 3-0 up after the first leg, in Sweden
    bar = forecasting.get(f"/cards/{arsenal['id']}").text
    assert "Arsenal FC &gt;99%" in bar
    assert "100%<" not in bar  # a label, not the width of its side


def test_without_a_forecaster_there_are_no_numbers(client: TestClient) -> None:
    tie = dortmund(client)
    assert (tie["p_through"], tie["p_extra_time"], tie["p_penalties"]) == (None, None, None)
    assert 'class="bar"' not in client.get(f"/cards/{tie['id']}").text


def test_the_forecaster_reads_ratings_once_per_date_and_none_when_there_are_none() -> None:
    asked: list[dt.date] = []

    def ratings_for(on: dt.date) -> Ratings | None:
        asked.append(on)
        return RATINGS if on.year == 2018 else None

    forecaster = Forecaster(ratings_for)
    state = kickoff(BERGAMO, UEFA_CLASSIC)
    assert forecaster(state, (0, 0)) == live_chances(state, RATINGS)
    assert forecaster(state_at(state.tie, UEFA_CLASSIC, Score(1, 0), 20), (0, 0)) is not None
    assert asked == [dt.date(2018, 2, 22)]
    old = Tie("Round of 32", tuple(_dated(m, 2010) for m in state.tie.legs))
    assert forecaster(kickoff(old, UEFA_CLASSIC), (0, 0)) is None


def _dated(match: Match, year: int) -> Match:
    return Match(match.date.replace(year=year), match.home, match.away, match.score)


def test_matchday_serve_forecasts_unless_told_not_to(database_url: str) -> None:
    for extra, forecasting in (((), True), (("--no-forecast",), False)):
        with running(database_url, *extra) as server, server.client() as client:
            upload_night(client)
            ties = client.get("/api/nights/2018-02-22").json()["ties"]
            assert [t["p_through"] is not None for t in ties] == [forecasting, forecasting]


def test_known_notes_the_moments_not_forecast_and_forecast_noted_forecasts_them_once() -> None:
    forecaster = Forecaster(lambda _: RATINGS)
    at_kick_off = kickoff(BERGAMO, UEFA_CLASSIC)
    after_goal = state_at(BERGAMO, UEFA_CLASSIC, Score(1, 0), 11)
    assert forecaster.known(at_kick_off, (0, 0)) is None  # not forecast yet: noted
    assert forecaster.known(after_goal, (0, 0)) is None
    assert forecaster.forecast_noted() == 2
    assert forecaster.known(at_kick_off, (0, 0)) == live_chances(at_kick_off, RATINGS)
    assert forecaster.known(after_goal, (0, 0)) == live_chances(after_goal, RATINGS)
    assert forecaster.forecast_noted() == 0  # nothing new was asked for


def test_a_read_forecasts_the_moments_it_lacks_together_through_the_forecaster(
    forecasting: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a minute moves on, a read does not forecast the new moment itself, one tie at a
    time, in the service's interpreter: it notes the moments and ``forecast_noted`` forecasts
    them together (in the worker process under ``matchday serve``)."""
    service: Service = forecasting.app.state.service  # type: ignore[attr-defined]
    forecaster = service.chances
    assert isinstance(forecaster, Forecaster)
    match_id = in_bergamo(forecasting)
    post(forecasting, match_id, "ko", kind="kick_off")
    _goal(forecasting, match_id, "g1", 11, "home", "Toloi")
    tie_id = dortmund(forecasting)["id"]
    start = service.clock().now
    service._now = lambda: start + dt.timedelta(minutes=7)  # the minute moves on
    mine = threading.get_ident()
    batches: list[int] = []
    noted = forecaster.forecast_noted

    def recorded() -> int:
        found = noted()
        if threading.get_ident() == mine:
            batches.append(found)
        return found

    monkeypatch.setattr(forecaster, "forecast_noted", recorded)
    shown = service.shown([tie_id])[tie_id]
    assert batches
    assert batches[0] >= 1  # the moment now, forecast in one batch
    now = shown.data["live"]
    assert now["minute"] >= 7
    assert shown.data["p_through"] is not None


DECIDED_FILE = NIGHT_FILE.replace(
    "    Atalanta (ITA)             v Borussia Dortmund (GER)\n",
    "    Atalanta (ITA)             v Borussia Dortmund (GER)     1-1 (1-0)\n",
).replace(
    "    Arsenal FC (ENG)           v Östersunds FK (SWE)\n",
    "    Arsenal FC (ENG)           v Östersunds FK (SWE)         2-4 pen. 0-3 a.e.t. (0-3, 0-2)\n",
)
"""The night with its second legs on record: Dortmund through 4-3 on aggregate, Östersund
through on penalties after extra time."""


def _decided(client: TestClient) -> dict[str, dict[str, object]]:
    files = {"file": ("night.txt", DECIDED_FILE.encode())}
    assert client.post("/api/seasons", files=files, headers=AUTH).status_code == 201
    ties = client.get("/api/nights/2018-02-22").json()["ties"]
    for tie in ties:  # every read of a tie shows the same chances, the stream's too
        assert client.get(f"/api/ties/{tie['id']}").json() == tie
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    _, streamed = _snapshot(service, None, None, None, None)
    assert [json.loads(text) for text in streamed] == sorted(ties, key=lambda t: t["id"])
    return {str(tie["winner"]): tie for tie in ties}


def _certain(tie: dict[str, object]) -> tuple[object, ...]:
    return (tie["p_through"], tie["p_extra_time"], tie["p_penalties"])


def test_a_decided_tie_is_certain_whether_its_result_was_uploaded_or_posted(
    tmp_path: Path, forecasting: TestClient
) -> None:
    """Before, a tie finished through posted events showed [1, 0] and one uploaded with its
    result null: the one rule is that a decided tie's chances are certain."""
    _play_the_night_out(forecasting)
    assert _certain(dortmund(forecasting)) == ([1.0, 0.0], 0.0, 0.0)
    other = Settings(database_url=f"sqlite:///{tmp_path / 'uploaded.db'}", token=TOKEN)
    with TestClient(create_app(other, chances=Forecaster())) as uploaded:
        decided = _decided(uploaded)
    assert _certain(decided["Borussia Dortmund"]) == ([1.0, 0.0], 0.0, 0.0)
    assert _certain(decided["Östersunds FK"]) == ([1.0, 0.0], 1.0, 1.0)


def test_a_decided_tie_is_certain_without_ratings_for_its_date(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url, token=TOKEN), chances=Forecaster(_none))
    with TestClient(app) as client:
        decided = _decided(client)
    assert _certain(decided["Borussia Dortmund"]) == ([1.0, 0.0], 0.0, 0.0)


def _none(_: dt.date) -> Ratings | None:
    return None


def test_a_tie_without_chances_says_why(tmp_path: Path, client: TestClient) -> None:
    """Chances left out (no ratings fitted near the match date, as for a season beyond the
    newest ratings; or no forecaster) are said to be, not silently absent."""
    assert dortmund(client)["forecast_note"] == "no_forecaster"
    far = NIGHT_FILE.replace("2017/18", "2034/35").replace("2018", "2035")
    other = Settings(database_url=f"sqlite:///{tmp_path / 'far.db'}", token=TOKEN)
    with TestClient(create_app(other, chances=Forecaster())) as forecasting:
        files = {"file": ("far.txt", far.encode())}
        assert forecasting.post("/api/seasons", files=files, headers=AUTH).status_code == 201
        ties = forecasting.get("/api/nights/2035-02-22").json()["ties"]
    assert [(t["p_through"], t["forecast_note"]) for t in ties] == [(None, "no_ratings")] * 2


def test_a_tie_with_chances_has_no_note(forecasting: TestClient) -> None:
    tie = dortmund(forecasting)
    assert (tie["p_through"] is not None, tie["forecast_note"]) == (True, None)
