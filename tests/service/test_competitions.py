"""An upload is settled round by round by its competition's rules, as ``matchday ties`` settles
it: a World Cup final on penalties, a 1998 tie by the golden goal, not UEFA's club rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from matchday.cli.common import load_competition
from matchday.io.export import tie_json
from matchday.report import report
from tests.conftest import OPENFOOTBALL
from tests.service.conftest import AUTH


def _finals(year: str) -> Path:
    folder = next((OPENFOOTBALL / "worldcup").glob(f"{year}--*"), None)
    if folder is None:
        pytest.skip(f"the World Cup {year} files are not in {OPENFOOTBALL / 'worldcup'}")
    return folder / "cup_finals.txt"


def _upload(client: TestClient, path: Path, **form: str) -> Any:
    files = {"file": (path.name, path.read_bytes())}
    stored = client.post("/api/seasons", files=files, data=form, headers=AUTH)
    assert stored.status_code == 201, stored.text
    return stored.json()


def _tie(client: TestClient, season: Any, round_name: str, team: str) -> Any:
    round_id = next(r["id"] for r in season["rounds"] if r["name"] == round_name)
    ties = client.get(f"/api/rounds/{round_id}").json()["ties"]
    return next(t for t in ties if team in (t["team1"], t["team2"]))


def test_the_2022_final_is_argentinas_on_penalties(client: TestClient) -> None:
    season = _upload(client, _finals("2022"))
    final = _tie(client, season, "Final", "Argentina")
    assert (final["winner"], final["decided_by"]) == ("Argentina", "single_match_penalties")
    assert final["rules"] == "extra-time-penalties"
    assert "on penalties" in final["explanation"]


def test_an_uploaded_final_has_the_timeline_of_its_recorded_goals(client: TestClient) -> None:
    season = _upload(client, _finals("2022"))
    final = _tie(client, season, "Final", "Argentina")
    goals = final["timeline"]["goals"]
    assert [(g["clock"], g["team"]) for g in goals] == [
        ("23'", "Argentina"),
        ("36'", "Argentina"),
        ("80'", "France"),
        ("81'", "France"),
        ("108'", "Argentina"),
        ("118'", "France"),
    ]
    assert [g["state"]["score"] for g in goals][-1] == [3, 3]
    turns = [g["clock"] for g in goals if g["turning_point"]]
    assert turns == ["23'", "81'", "108'", "118'"]  # ahead, level, ahead, level
    assert (final["live"], final["p_through"]) == (None, None)  # a result, not a match on
    assert final["legs"][0]["events"] == []  # no event was posted to it


def test_france_paraguay_1998_is_a_golden_goal(client: TestClient) -> None:
    season = _upload(client, _finals("1998"))
    tie = _tie(client, season, "Round of 16", "Paraguay")
    assert (tie["winner"], tie["decided_by"]) == ("France", "golden_goal")
    assert tie["rules"] == "golden-goal"


GOLDEN_GOAL_TIE = """= {title} 1998

▪ Round of 16
28 June   France    1-0 a.e.t. (0-0)    Paraguay
"""
"""France v Paraguay, 1998, under a title the registry does not know."""


def test_a_competition_named_at_upload_wins_over_the_title(client: TestClient) -> None:
    files = {"file": ("one.txt", GOLDEN_GOAL_TIE.format(title="Friendly Cup").encode())}
    plain = client.post("/api/seasons", files=files, headers=AUTH).json()
    tie = _tie(client, plain, "Round of 16", "Paraguay")
    assert tie["decided_by"] == "single_match_extra_time"  # UEFA's club rules: no golden goal
    files = {"file": ("one.txt", GOLDEN_GOAL_TIE.format(title="Other Cup").encode())}
    named = client.post("/api/seasons", files=files, data={"competition": "WM"}, headers=AUTH)
    tie = _tie(client, named.json(), "Round of 16", "Paraguay")
    assert tie["decided_by"] == "golden_goal"


def test_an_unknown_competition_is_refused_with_one_line(client: TestClient) -> None:
    files = {"file": ("x.txt", GOLDEN_GOAL_TIE.format(title="World Cup").encode())}
    refused = client.post(
        "/api/seasons", files=files, data={"competition": "Nowhere Cup"}, headers=AUTH
    )
    assert refused.status_code == 400
    assert "Nowhere Cup" in refused.json()["message"]


def test_a_tie_the_results_cannot_decide_is_served_with_its_reason(client: TestClient) -> None:
    sample = OPENFOOTBALL / "spec" / "samples-l2" / "2000_copa_libertadores.txt"
    if not sample.exists():
        pytest.skip(f"real data not found at {sample}")
    season = _upload(client, sample)
    final = _tie(client, season, "Final", "Palmeiras")
    assert final["rules"] == "no-extra-time"
    assert (final["winner"], final["decided_by"]) == (None, None)
    assert final["unsettled"] == "the shoot-out is not in the data"
    assert final["replays"] == []


def _cli_ties(path: Path) -> list[dict[str, Any]]:
    """What ``matchday ties PATH --json`` prints, made in this process the way the command
    makes it (its competition from the title, each round under the registry's rules)."""
    return [tie_json(outcome) for outcome in load_competition(str(path), None).decide()]


def _served_ties(client: TestClient, season: Any) -> list[dict[str, Any]]:
    """Every tie of an uploaded season as the service serves it, round by round."""
    return [
        tie
        for stored in season["rounds"]
        for tie in client.get(f"/api/rounds/{stored['id']}").json()["ties"]
    ]


def _as_cli(tie: dict[str, Any], cli: dict[str, Any]) -> dict[str, Any]:
    """The served tie with the keys of the CLI's (its legs and replays' too) only."""
    leg_keys = set().union(*(leg.keys() for leg in (*cli["legs"], *cli["replays"])))
    shown = {key: tie[key] for key in cli}
    for key in ("legs", "replays"):
        shown[key] = [{k: v for k, v in leg.items() if k in leg_keys} for leg in tie[key]]
    return shown


@pytest.mark.parametrize(
    ("year", "file", "replayed"),
    [("1934", "cup.txt", 1), ("1938", "cup.txt", 3), ("2022", "cup_finals.txt", 0)],
)
def test_every_uploaded_world_cup_tie_is_the_ties_commands(
    client: TestClient, year: str, file: str, replayed: int
) -> None:
    path = _finals(year).with_name(file)
    cli = _cli_ties(path)
    served = _served_ties(client, _upload(client, path))
    assert [_as_cli(tie, want) for tie, want in zip(served, cli, strict=False)] == cli
    assert len(served) == len(cli)
    assert sum(1 for tie in served if tie["replays"]) == replayed


def test_a_replay_is_part_of_its_tie_on_the_night_it_was_played(client: TestClient) -> None:
    season = _upload(client, _finals("1938").with_name("cup.txt"))
    tie = _tie(client, season, "Quarterfinals", "Czechoslovakia")
    (replay,) = tie["replays"]
    night = client.get(f"/api/nights/{replay['date']}").json()["ties"]
    assert [t["id"] for t in night if "Brazil" in (t["team1"], t["team2"])] == [tie["id"]]
    assert (tie["winner"], tie["decided_by"]) == ("Brazil", "replay")
    assert replay["match_id"] not in [leg["match_id"] for leg in tie["legs"]]
    replay_rounds = [r for r in season["rounds"] if "Replay" in r["name"]]
    assert replay_rounds
    for stored in replay_rounds:  # each replay shows in its tie's round, as the CLI shows it
        assert client.get(f"/api/rounds/{stored['id']}").json()["ties"] == []


def test_a_replay_listed_in_its_ties_round_is_part_of_the_tie(client: TestClient) -> None:
    """1934 in the RSSSF file: Spain 1-1 Italy a.e.t. and the replay, 0-1, both under the
    quarter-finals (the replay is stored as a match of no tie)."""
    path = OPENFOOTBALL / "worldcup" / "rsssf" / "34f.txt"
    if not path.exists():
        pytest.skip(f"{path} is not there")
    cli = _cli_ties(path)
    served = _served_ties(client, _upload(client, path))
    assert [_as_cli(tie, want) for tie, want in zip(served, cli, strict=True)] == cli
    tie = next(t for t in served if {t["team1"], t["team2"]} == {"Spain", "Italy"})
    (replay,) = tie["replays"]
    assert (replay["date"], replay["score"], tie["decided_by"]) == ("1934-06-01", [0, 1], "replay")
    night = client.get("/api/nights/1934-06-01").json()["ties"]
    assert [t["id"] for t in night] == [tie["id"]]


def test_a_walkover_names_the_team_the_next_round_shows(client: TestClient) -> None:
    season = _upload(client, _finals("1938").with_name("cup.txt"))
    tie = _tie(client, season, "Round 1", "Austria")
    assert (tie["winner"], tie["decided_by"]) == ("Sweden", "off_the_pitch")
    assert "the data shows Sweden in the next round" in tie["explanation"]


def test_a_walkover_without_a_next_round_names_no_one(client: TestClient, tmp_path: Path) -> None:
    text = _finals("1938").with_name("cup.txt").read_text(encoding="utf-8")
    path = tmp_path / "first.txt"  # the first round only: no one shown going on
    path.write_text(text.split("▪ First round, Replays")[0], encoding="utf-8")
    stored = _upload(client, path)
    tie = _tie(client, stored, "Round 1", "Austria")
    assert tie["winner"] is None
    assert "Sweden" not in tie["explanation"]
    cli = next(t for t in _cli_ties(path) if t["team2"] == "Austria")
    assert _as_cli(tie, cli) == cli


REPLAYED_FINAL = """= World Cup 1966

▪ Final
30 July   England   1-1 a.e.t. (1-1)   West Germany

▪ Final, Replay
2 August   England   3-1 (1-0)   West Germany
"""
"""A final level after extra time and replayed: the 1966 World Cup replayed a drawn final (the
rules of that round) where it drew lots in every other round (the season's rules)."""


def test_a_night_report_uses_its_rounds_rules_as_matchday_report_does(
    client: TestClient, tmp_path: Path
) -> None:
    path = tmp_path / "final.txt"
    path.write_text(REPLAYED_FINAL, encoding="utf-8")
    season = _upload(client, path)
    assert season["rules"] == "extra-time-lots"
    served = client.get("/api/nights/1966-07-30/report", params={"lang": "en"})
    assert served.status_code == 200, served.text
    (written,) = served.json()["reports"]
    known = load_competition(str(path), None)
    final = known.season.rounds[0]
    assert known.rules(final).name == "extra-time-replay"
    night = dt.date(1966, 7, 30)
    cli = report(known.season, date=night, lang="en", rules=known.rules(final), forecast=False)
    assert written["markdown"] == cli.text
    assert "the tie goes to a replay" in written["markdown"]


def test_a_replay_nights_report_is_the_one_matchday_report_writes(client: TestClient) -> None:
    path = _finals("1938").with_name("cup.txt")
    _upload(client, path)
    served = client.get("/api/nights/1938-06-14/report", params={"lang": "en"})
    assert served.status_code == 200, served.text
    (written,) = served.json()["reports"]
    known = load_competition(str(path), None)
    night = dt.date(1938, 6, 14)
    replays = next(r for r in known.season.rounds if any(m.date == night for m in r.matches))
    cli = report(known.season, date=night, lang="en", rules=known.rules(replays), forecast=False)
    assert written["markdown"] == cli.text
    assert "Brazil reach the semi-finals after a replay" in written["markdown"]


def test_a_walkover_read_before_the_next_round_names_the_winner_once_it_is_uploaded(
    client: TestClient, tmp_path: Path
) -> None:
    path = _finals("1938").with_name("cup.txt")
    text = path.read_text(encoding="utf-8")
    first = tmp_path / "first.txt"
    first.write_text(text.split("▪ First round, Replays")[0], encoding="utf-8")
    season = _upload(client, first)
    assert _tie(client, season, "Round 1", "Austria")["winner"] is None  # kept in memory now
    _upload(client, path, round="Quarterfinals")
    tie = _tie(client, season, "Round 1", "Austria")
    assert (tie["winner"], tie["decided_by"]) == ("Sweden", "off_the_pitch")


REPLAY_TO_COME = """= World Cup 1966

▪ Final
30 July   England   1-1 a.e.t. (1-1)   West Germany

▪ Final, Replay
2 August   England   v   West Germany
"""
"""A drawn final whose replay is still to be played: the desk follows it live."""


def test_a_replay_followed_live_shows_in_its_tie(client: TestClient, tmp_path: Path) -> None:
    path = tmp_path / "final.txt"
    path.write_text(REPLAY_TO_COME, encoding="utf-8")
    season = _upload(client, path)
    tie = _tie(client, season, "Final", "England")  # read, and so kept in memory
    (replay,) = tie["replays"]
    assert (replay["period"], tie["winner"]) == ("not_started", None)
    for key, event in [
        ("ko", {"kind": "kick_off"}),
        ("goal", {"kind": "goal", "minute": 10, "side": "home", "player": "Hurst"}),
    ]:
        posted = client.post(
            f"/api/matches/{replay['match_id']}/events",
            json=event,
            headers={**AUTH, "Idempotency-Key": f"replay-{key}"},
        )
        assert posted.status_code == 201, posted.text
    (replay,) = _tie(client, season, "Final", "England")["replays"]
    assert [e["kind"] for e in replay["events"]] == ["kick_off", "goal"]
    assert replay["period"] == "first_half"


def test_a_world_cup_of_two_files_uploads_as_one(client: TestClient, tmp_path: Path) -> None:
    """A World Cup folder holds cup.txt (groups) and cup_finals.txt (knockout); uploaded as
    one text, the two files one after the other (each with its title line), they are one
    season, settled by the World Cup's rules."""
    finals = _finals("2018")
    both = tmp_path / "worldcup-2018.txt"
    both.write_bytes((finals.parent / "cup.txt").read_bytes() + b"\n" + finals.read_bytes())
    season = _upload(client, both)
    names = [r["name"] for r in season["rounds"]]
    assert names[0] == "Group A"
    assert names[-1] == "Final"
    final = _tie(client, season, "Final", "France")
    assert (final["winner"], final["rules"]) == ("France", "extra-time-penalties")


def test_a_season_settled_by_league_position_is_served(client: TestClient) -> None:
    """Liga MX 2024-25 (football.json): its quarter-finals go to the better-placed side, rules
    the registry names but that are no preset; the stored season named them and every read of
    the round failed ("unknown rules preset 'better-placed'")."""
    path = OPENFOOTBALL / "football.json" / "2024-25" / "mx.1.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = _upload(client, path)
    tie = _tie(client, season, "Clausura Playoffs, Quarterfinals", "Deportivo Toluca")
    assert (tie["aggregate"], tie["winner"]) == ([4, 4], "Deportivo Toluca")
    assert tie["decided_by"] == "off_the_pitch"
    assert "the data shows Deportivo Toluca in the next round" in tie["explanation"]


def test_an_upload_with_a_tie_that_breaks_its_rules_is_refused_with_its_line(
    client: TestClient,
) -> None:
    """The erratum of the 2025-26 Conference League qualifying file was stored, and every read
    of its round and every report of its nights then failed."""
    path = OPENFOOTBALL / "champions-league" / "2025-26" / "confq.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    refused = client.post(
        "/api/seasons", files={"file": (path.name, path.read_bytes())}, headers=AUTH
    )
    assert refused.status_code == 422
    assert refused.json()["message"].startswith("confq.txt:162: ")
    seasons = client.get("/api/seasons").json()
    assert all("Conference" not in s.get("competition", "") for s in seasons)
