"""``matchday serve --replay``: the night of 22 February 2018 replayed through the write path
ends exactly as it was played."""

from __future__ import annotations

import time

from matchday.io.export import tie_json
from matchday.io.load import load
from matchday.rules import decide, rules_for_season
from tests.service.server import running
from tests.service_support import NIGHT


def test_the_replayed_night_ends_as_it_was_played(database_url: str) -> None:
    season = load("europa-league-2017-18")
    rules = rules_for_season(season.start_year)
    played = {
        t.team1.name: tie_json(decide(t, rules))
        for t in season.ties()
        if t.last_match.date == NIGHT
    }
    replay = ["--replay", "europa-league-2017-18", "--date", NIGHT.isoformat(), "--speed", "4000"]
    with running(database_url, *replay) as server, server.client() as client:
        deadline = time.monotonic() + 60
        while True:
            response = client.get(f"/api/nights/{NIGHT}")
            assert response.status_code in (200, 404), response.text  # 404: not stored yet
            ties = response.json()["ties"] if response.status_code == 200 else []
            deciders = [t for t in ties if t["team1"] in played]
            if deciders and all(t["legs"][1]["period"] == "finished" for t in deciders):
                break
            assert time.monotonic() < deadline, "the replay did not finish"
            time.sleep(0.3)
        page = client.get("/").text
    assert len(deciders) == len(played) == 15
    for tie in deciders:
        expected = played[tie["team1"]]
        assert {key: tie[key] for key in expected if key != "legs"} == {
            key: value for key, value in expected.items() if key != "legs"
        }
        leg, recorded = tie["legs"][1], expected["legs"][1]
        assert leg["score"] == recorded["score"]
        # The data leaves out a 0-0 half-time score; the replay posts half-time, so it has one.
        assert leg["half_time"] == (recorded["half_time"] or [0, 0])
    assert "Östersunds FK" in page
