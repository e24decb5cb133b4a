"""End to end in a real headless Chromium: the page follows a goal posted through the API.

The card's probability bar and P(through) chart follow the goals too.
Needs Debian's ``chromium`` (``apt-get install chromium``) and Playwright for Python; Playwright
never downloads a browser here. Set MATCHDAY_UPDATE_SCREENSHOTS=1 to refresh the screenshots
in docs/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.service.conftest import AUTH, SECOND_COMPETITION_FILE
from tests.service.server import bergamo_match_id, post, running, upload_night

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 5_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no browser at {CHROMIUM} (apt-get install chromium)"
)


def test_the_page_follows_a_goal_posted_through_the_api(database_url: str, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python")
    with running(database_url) as server, server.client() as client:
        upload_night(client)
        match_id = bergamo_match_id(client)
        post(client, match_id, "ko", kind="kick_off")
        tie_id = client.get("/api/nights/2018-02-22").json()["ties"][0]["id"]
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            page = browser.new_page(viewport={"width": 1100, "height": 700})
            page.goto(f"{server.url}/?date=2018-02-22")
            card = f"#tie-{tie_id}"
            through = page.locator(f"{card} .team.through")
            sync_api.expect(through).to_have_text("Borussia Dortmund")
            bar = page.locator(f"{card} .bar")
            at_kick_off = bar.get_attribute("data-team1")
            assert at_kick_off is not None
            assert int(at_kick_off) > 50  # Dortmund won the first leg 3-2
            sync_api.expect(page.locator(f"{card} .chart")).to_be_visible()
            page.wait_for_selector("#ties[data-connected=yes]", timeout=WAIT_MS)
            post(client, match_id, "g1", kind="goal", minute=11, side="home", player="Toloi")
            sync_api.expect(through).to_have_text("Atalanta", timeout=WAIT_MS)
            sync_api.expect(page.locator(f"{card} .aggregate")).to_have_text("3\u20133")
            sync_api.expect(page.locator(f"{card} .explanation")).to_contain_text("away goals")
            # Atalanta through on away goals: Dortmund's share of the bar falls by a lot.
            fallen = f"document.querySelector('{card} .bar').dataset.team1 < {at_kick_off} - 20"
            page.wait_for_function(fallen, timeout=WAIT_MS)
            after_goal = bar.get_attribute("data-team1")
            sync_api.expect(bar.locator(".one")).to_have_text(f"{after_goal}%")
            sync_api.expect(page.locator(f"{card} .chart line.goal")).to_have_count(1)
            post(client, match_id, "ht", kind="half_time")
            post(client, match_id, "g2", kind="goal", minute=83, side="away", player="Schmelzer")
            sync_api.expect(through).to_have_text("Borussia Dortmund", timeout=WAIT_MS)
            sync_api.expect(page.locator(f"{card} .goals")).to_contain_text("Schmelzer")
            equalised = bar.get_attribute("data-team1")
            assert equalised is not None
            assert int(equalised) > 50
            wide = tmp_path / "service-night.png"
            page.screenshot(path=str(wide), full_page=True)
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            phone.goto(f"{server.url}/?date=2018-02-22")
            sync_api.expect(phone.locator(f"{card} .team.through")).to_have_text(
                "Borussia Dortmund"
            )
            narrow = tmp_path / "service-night-phone.png"
            phone.screenshot(path=str(narrow))
            browser.close()
    assert wide.stat().st_size > 10_000
    if os.environ.get("MATCHDAY_UPDATE_SCREENSHOTS"):
        for shot in (wide, narrow):
            shutil.copy(shot, REPO / "docs" / shot.name)


def test_a_tie_uploaded_after_the_page_opened_appears_under_its_competition(
    database_url: str,
) -> None:
    """No reload: the stream brings the new tie (with its first event: an upload itself is
    not announced on the stream), the page adds its card under a new heading for its
    competition and titles itself by both competitions. A goal then updates the live regions
    in place (the same nodes, so a screen reader announces the new score)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python")
    with running(database_url, "--no-forecast") as server, server.client() as client:
        upload_night(client)
        match_id = bergamo_match_id(client)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            page = browser.new_page(viewport={"width": 1100, "height": 700})
            page.goto(f"{server.url}/?date=2018-02-22")
            page.wait_for_selector("#ties[data-connected=yes]", timeout=WAIT_MS)
            sync_api.expect(page.locator("section.competition h2")).to_have_count(1)
            sync_api.expect(page.locator("article.tie h3")).to_have_count(2)
            files = {"file": ("more.txt", SECOND_COMPETITION_FILE.encode())}
            assert client.post("/api/seasons", files=files, headers=AUTH).status_code == 201
            ties = client.get("/api/nights/2018-02-22").json()["ties"]
            juventus = next(t for t in ties if t["team1"] == "Juventus")
            post(client, juventus["legs"][1]["match_id"], "juve-ko", kind="kick_off")
            sync_api.expect(page.locator("section.competition h2")).to_have_count(
                2, timeout=WAIT_MS
            )
            section = page.locator(
                f"section.competition[data-competition='{juventus['competition']}']"
            )
            sync_api.expect(section.locator("h2")).to_have_text(juventus["competition"])
            sync_api.expect(section.locator(f"#tie-{juventus['id']} h3")).to_contain_text(
                "Juventus v Tottenham Hotspur"
            )
            for competition in {t["competition"] for t in ties}:
                sync_api.expect(page.locator("h1")).to_contain_text(competition)
                assert competition in page.title()
            dortmund = next(t for t in ties if t["team1"] == "Borussia Dortmund")
            card = f"#tie-{dortmund['id']}"
            regions = f"Array.from(document.querySelectorAll('{card} [aria-live]'))"
            page.evaluate(f"window.regionsBefore = {regions}")
            post(client, match_id, "ko", kind="kick_off")
            post(client, match_id, "g1", kind="goal", minute=11, side="home", player="Toloi")
            sync_api.expect(page.locator(f"{card} .aggregate")).to_contain_text(
                "3\u20133", timeout=WAIT_MS
            )
            region = page.locator(f"{card} .teams")
            sync_api.expect(region).to_have_attribute("aria-live", "polite")
            same = f"{regions}.every((node, i) => node === window.regionsBefore[i])"
            assert page.evaluate(f"window.regionsBefore.length === 4 && {same}")  # kept nodes
            sync_api.expect(page.locator(f"{card} .goals")).to_contain_text("Toloi")
            browser.close()


def test_the_api_documentation_works_offline(database_url: str, tmp_path: Path) -> None:
    """/docs in Chromium with every request off this machine refused: Swagger UI comes from
    the package, and lists the API's operations."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python")
    refused: list[str] = []

    def offline(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if request.url.startswith(server.url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            refused.append(request.url)
            route.abort()  # type: ignore[attr-defined]

    with running(database_url, "--no-forecast") as server, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.route("**/*", offline)
        page.goto(f"{server.url}/docs")
        sync_api.expect(page.locator(".swagger-ui .info .title")).to_contain_text(
            "matchday", timeout=WAIT_MS
        )
        sync_api.expect(page.locator(".opblock-summary-path").first).to_be_visible()
        assert page.locator(".opblock").count() > 10
        shot = tmp_path / "service-docs-offline.png"
        page.screenshot(path=str(shot))
        browser.close()
    assert refused == []
    if os.environ.get("MATCHDAY_UPDATE_SCREENSHOTS"):
        shutil.copy(shot, REPO / "docs" / shot.name)
