"""The night's page as the server renders it: its title, headings and live regions."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.service.conftest import AUTH, SECOND_COMPETITION_FILE


def _upload(client: TestClient, text: str) -> None:
    files = {"file": ("more.txt", text.encode())}
    response = client.post("/api/seasons", files=files, headers=AUTH)
    assert response.status_code == 201, response.text


def test_a_night_of_two_competitions_is_titled_by_both(client: TestClient) -> None:
    _upload(client, SECOND_COMPETITION_FILE)
    page = client.get("/?date=2018-02-22").text
    competitions = {t["competition"] for t in client.get("/api/nights/2018-02-22").json()["ties"]}
    assert len(competitions) == 2
    (title,) = re.findall(r"<title>(.*?)</title>", page)
    (heading,) = re.findall(r'<h1 id="title"[^>]*>(.*?)</h1>', page)
    for competition in competitions:
        assert competition in title
        assert competition in heading
    assert title.endswith("22 February 2018")


def test_each_competition_and_tie_has_a_heading(client: TestClient) -> None:
    _upload(client, SECOND_COMPETITION_FILE)
    page = client.get("/?date=2018-02-22").text
    ties = client.get("/api/nights/2018-02-22").json()["ties"]
    sections = re.findall(r"<h2>(.*?)</h2>", page)
    assert sorted(sections) == sorted({t["competition"] for t in ties})
    assert page.count("<h3 ") == len(ties) == 3
    for tie in ties:  # each card named by its heading: both teams and the round
        assert f'aria-labelledby="tie-{tie["id"]}-heading"' in page
        heading = re.search(rf'<h3 class="round" id="tie-{tie["id"]}-heading">(.*?)</h3>', page)
        assert heading is not None
        assert f"{tie['team1']} v {tie['team2']}" in heading.group(1)
        assert tie["round"] in heading.group(1)
    # each tie under its own competition's heading
    juventus = next(t for t in ties if t["team1"] == "Juventus")
    card = page.index(f'id="tie-{juventus["id"]}"')
    assert page.rindex("<h2>", 0, card) == page.index(f"<h2>{juventus['competition']}</h2>")


def test_the_score_and_the_chances_are_polite_live_regions(client: TestClient) -> None:
    tie = client.get("/api/nights/2018-02-22").json()["ties"][0]
    card = client.get(f"/cards/{tie['id']}").text
    for part in ("teams", "legs", "explanation", "chances"):
        region = re.search(rf'<[a-z]+ class="[a-z]+" data-part="{part}"([^>]*)>', card)
        assert region is not None, part
        assert 'aria-live="polite"' in region.group(1), part
    assert "assertive" not in card


def test_a_night_without_ties_keeps_a_neutral_title(client: TestClient) -> None:
    page = client.get("/?date=2019-01-01").text
    assert "<title>matchday · 1 January 2019</title>" in page
    assert 'id="round-up" hidden' in page
