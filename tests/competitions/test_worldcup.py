"""Every World Cup 1930-2022 as openfootball holds it, read against the registry: every group
table sends on exactly the teams the files show in the next stage (play-offs 1954-1958, best
thirds 1986-1994, second group stages 1974-1982), the 1950 final group gives Uruguay the title,
and every knockout winner is right and so is how it was decided."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import matchday
from matchday import competitions
from matchday.competitions import RoundKind, SeasonRules
from matchday.io.load import load_with_problems
from matchday.model import RoundFormat
from matchday.rules import DecidedBy, Outcome
from matchday.standings import Criterion
from tests.competitions.helpers import check_onward
from tests.conftest import OPENFOOTBALL

WORLD_CUPS = OPENFOOTBALL / "worldcup"

REPLAYS = {
    ("1934", frozenset({"Italy", "Spain"})),
    ("1938", frozenset({"Switzerland", "Germany"})),
    ("1938", frozenset({"Cuba", "Romania"})),
    ("1938", frozenset({"Brazil", "Czechoslovakia"})),
}
GOLDEN_GOALS = {
    ("1998", "France"),
    ("2002", "Senegal"),
    ("2002", "South Korea"),
    ("2002", "Turkey"),
}
SHOOT_OUTS = 35
"""Penalty shoot-outs at World Cups 1982-2022 (FIFA)."""


def _folders() -> list[Path]:
    if not WORLD_CUPS.is_dir():
        pytest.skip(f"real data not found at {WORLD_CUPS}")
    return sorted(p for p in WORLD_CUPS.iterdir() if p.is_dir() and p.name[:4].isdigit())


@pytest.fixture(scope="module")
def tournaments() -> list[SeasonRules]:
    return [competitions.of_season(matchday.load(str(folder))) for folder in _folders()]


def _final_group_read(known: SeasonRules) -> bool:
    return any(kind is RoundKind.FINAL_GROUP for kind, _ in known.tables())


def test_every_table_sends_on_exactly_the_teams_of_the_next_stage(
    tournaments: list[SeasonRules],
) -> None:
    tables = places = 0
    for known in tournaments:
        assert known.competition.key == "world-cup"
        if known.format.final_group is not None:
            assert _final_group_read(known), known.season.name
        counted = check_onward(known)
        tables += counted[0]
        places += counted[1]
    print(f"\n{tables} World Cup tables checked, {places} places sent on")
    assert tables >= 100


def test_the_1950_final_group_gives_uruguay_the_title(tournaments: list[SeasonRules]) -> None:
    final_group = next(k for k in tournaments if k.season.name == "1950")
    assert _final_group_read(final_group)
    champion = final_group.champion()
    assert champion is not None
    assert champion.name == "Uruguay"


def test_every_group_play_off_places_its_winner_above_its_loser(
    tournaments: list[SeasonRules],
) -> None:
    """Where the format has play-offs between teams level on points (1954, 1958), the table
    follows each play-off the files hold: its winner placed just above its loser, both placed
    by it, whatever the tie-breakers after points would say (1958: goal average had
    Czechoslovakia above Northern Ireland, who won the play-off)."""
    seen: list[tuple[str, str]] = []
    for known in tournaments:
        rounds = [r for r in known.season.rounds if known.kind(r) is RoundKind.GROUP_PLAY_OFF]
        if not rounds:
            continue
        assert known.format.group_play_offs, known.season.name
        tables = [t for kind, t in known.tables() if kind is RoundKind.GROUP]
        for outcome in known.decide(rounds):
            winner, loser = outcome.winner, outcome.loser
            assert winner is not None, outcome.explanation
            assert loser is not None
            (table,) = [t for t in tables if winner in t.teams]
            rows = {s.team: s for s in table.standings}
            assert loser in rows, (known.season.name, table.name)
            assert rows[loser].position == rows[winner].position + 1
            for team in (winner, loser):
                assert rows[team].decided_by is Criterion.PLAY_OFF
                assert rows[team].compared_with == (outcome.tie.opponent(team),)
            assert "won the play-off" in rows[winner].explanation
            assert "lost the play-off" in rows[loser].explanation
            seen.append((known.season.name, winner.name))
    assert sorted(seen) == [
        ("1954", "Switzerland"), ("1954", "West Germany"), ("1958", "Northern Ireland"),
        ("1958", "Soviet Union"), ("1958", "Wales"),
    ]  # fmt: skip


def _expected_how(outcome: Outcome, year: str) -> DecidedBy:
    last = outcome.tie.last_match
    if last.cancelled:
        return DecidedBy.OFF_THE_PITCH  # Sweden v Austria 1938: Austria withdrew
    if outcome.tie.replays:
        return DecidedBy.REPLAY
    if last.penalties is not None:
        return DecidedBy.SINGLE_MATCH_PENALTIES
    if last.extra_time is not None and not last.extra_time.level:
        return (
            DecidedBy.GOLDEN_GOAL
            if year in ("1998", "2002")
            else (DecidedBy.SINGLE_MATCH_EXTRA_TIME)
        )
    return DecidedBy.SINGLE_MATCH


def test_every_knockout_winner_and_how(tournaments: list[SeasonRules]) -> None:
    checked = Counter[DecidedBy]()
    replays, golden = set(), set()
    for known in tournaments:
        year = known.season.name
        for round_ in known.season.rounds:
            if not round_.knockout:
                continue
            for outcome in known.decide([round_]):
                assert outcome.winner is not None, outcome.explanation
                onward = competitions.went_on(known.season, outcome.tie, round_)
                if onward is not None:
                    assert outcome.winner == onward, outcome.tie.label
                assert outcome.decided_by is _expected_how(outcome, year), outcome.tie.label
                checked[outcome.decided_by] += 1
                teams = frozenset(t.name for t in outcome.tie.teams)
                if outcome.decided_by is DecidedBy.REPLAY:
                    replays.add((year, teams))
                if outcome.decided_by is DecidedBy.GOLDEN_GOAL:
                    golden.add((year, outcome.winner.name))
    print(f"\n{sum(checked.values())} World Cup ties checked: {dict(checked)}")
    assert replays == REPLAYS
    assert golden == GOLDEN_GOALS
    assert checked[DecidedBy.SINGLE_MATCH_PENALTIES] == SHOOT_OUTS
    assert checked[DecidedBy.OFF_THE_PITCH] == 1


def test_the_2022_final_went_to_penalties(tournaments: list[SeasonRules]) -> None:
    known = next(k for k in tournaments if k.season.name == "2022")
    final = next(r for r in known.season.rounds if r.name == "Final")
    (outcome,) = known.decide([final])
    assert outcome.winner is not None
    assert outcome.winner.name == "Argentina"
    assert outcome.decided_by is DecidedBy.SINGLE_MATCH_PENALTIES


def _style_files() -> list[Path]:
    """Every World Cup final tournament in the folder's other styles: ``min/``, ``more/``
    (with ``_full``), ``rsssf/`` and ``planetworldcup/`` (qualifying and squad lists aside)."""
    if not WORLD_CUPS.is_dir():
        pytest.skip(f"real data not found at {WORLD_CUPS}")
    files = sorted(WORLD_CUPS.glob("min/*.txt"))
    files += sorted(p for p in WORLD_CUPS.glob("more/*.txt") if "squads" not in p.name)
    files += sorted(p for p in WORLD_CUPS.glob("rsssf/*.txt") if p.stem not in ("2022q",))
    files += sorted(p for p in WORLD_CUPS.glob("planetworldcup/wc*.txt") if "qual" not in p.name)
    return files


def test_every_style_decides_every_knockout_tie_replays_included() -> None:
    """The styles write 1934's and 1938's replays three ways: a "Replay" round (``min/``, with
    no dates at all), the replay in the same round as the drawn match (``more/``, ``rsssf/``),
    or its own folder's layout; each makes one tie of the two matches, decided by the replay,
    and every knockout winner is the team the file shows going on."""
    replays: Counter[str] = Counter()
    checked = 0
    for path in _style_files():
        loaded = load_with_problems(path)
        assert loaded.problems == (), path
        known = competitions.of_season(loaded.season)
        for round_ in known.season.rounds:
            for outcome in known.decide([round_]) if round_.knockout else ():
                assert outcome.winner is not None, (path.name, outcome.explanation)
                onward = competitions.went_on(known.season, outcome.tie, round_)
                assert onward in (None, outcome.winner), (path.name, outcome.tie.label)
                checked += 1
                if outcome.decided_by is DecidedBy.REPLAY:
                    replays[f"{path.parent.name}/{path.name}"] += 1
    print(f"\n{checked} knockout ties decided in {len(_style_files())} files of other styles")
    assert replays == {
        "min/1934.txt": 1, "min/1938.txt": 3, "more/1934.txt": 1, "more/1934_full.txt": 1,
        "more/1938.txt": 3, "more/1938_full.txt": 3, "rsssf/34f.txt": 1, "rsssf/38f.txt": 3,
    }  # fmt: skip


@pytest.mark.parametrize("source", ["1970--mexico", "min/1970.txt", "more/1970.txt"])
def test_1970_group_1_waits_for_lots_and_the_quarter_finals_show_the_places(source: str) -> None:
    """In 1970 goal difference, then lots, ranked teams level on points: goals scored did not
    count yet. The Soviet Union (6-1) and Mexico (5-0) were level, and lots put the Soviet
    Union first: the table says both wait for lots, and the quarter-finals show the places
    (the winner of group 1 met the runner-up of group 2, Uruguay; Mexico met Italy)."""
    path = WORLD_CUPS / source
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(matchday.load(str(path)))
    tables = {t.name: t for kind, t in known.tables() if kind is RoundKind.GROUP}
    rows = {s.team.name: s for s in tables["Group 1"].standings}
    for team in ("Soviet Union", "Mexico"):
        assert rows[team].position == 1
        assert not rows[team].decided
        assert rows[team].awaiting == (Criterion.LOTS,)
    shown = {p.team.name: (p.position, p.opponent.name) for p in known.shown_places()}
    assert shown == {"Soviet Union": (1, "Uruguay"), "Mexico": (2, "Italy")}
    # group 4's Bulgaria (5-9) and Morocco (2-6) were level too, for third place, which no
    # later round shows (both went out): they stay level; groups 2 and 3 are decided
    level = {name: [[t.name for t in s] for s in t.undecided] for name, t in tables.items()}
    assert level == {
        "Group 1": [["Mexico", "Soviet Union"]],
        "Group 2": [],
        "Group 3": [],
        "Group 4": [["Bulgaria", "Morocco"]],
    }


def test_a_replay_headed_with_its_round_joins_its_tie_after_other_rounds_replays() -> None:
    """``min/1938.txt`` heads "1st Round, Replays" and later "Quarter-final, Replay": each
    round's replays stay that round's, so Brazil v Czechoslovakia (1-1 after extra time) is
    one tie with its 2-1 replay, not a tie "the replay is not in the data" plus a lone match
    (the two headers were once read as one round "Replay", placed before the quarter-finals)."""
    path = WORLD_CUPS / "min" / "1938.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(matchday.load(str(path)))
    names = [r.name for r in known.season.rounds]
    assert names[:3] == ["Round 1", "Round 1, Replays", "Quarterfinals"]
    assert "Quarterfinals, Replays" in names
    outcomes = {frozenset(t.name for t in o.tie.teams): o for o in known.decide()}
    tie = outcomes[frozenset({"Brazil", "Czechoslovakia"})]
    assert tie.tie.round == "Quarterfinals"
    assert [m.final_score for m in tie.tie.replays] == [matchday.Score(2, 1)]
    assert tie.decided_by is DecidedBy.REPLAY
    assert tie.unsettled is None
    assert len(known.decide()) == sum(1 for _ in known.season.ties())


def _qualifying(name: str) -> dict[frozenset[str], Outcome]:
    path = WORLD_CUPS / name
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    loaded = load_with_problems(path)
    # what is left out: legs whose teams the file spells two ways ("Congo-Kinsh.")
    assert {type(p).__name__ for p in loaded.problems} <= {"LegCountError"}
    known = competitions.of_season(loaded.season)
    assert known.competition.key == "world-cup-qualification"
    outcomes = known.decide()
    return {frozenset(t.name for t in o.tie.teams): o for o in outcomes if o.tie.legs_planned == 2}


def _tie(outcomes: dict[frozenset[str], Outcome], *teams: str) -> Outcome:
    return outcomes[frozenset(teams)]


def test_world_cup_qualifying_ties_go_by_the_qualifying_rules() -> None:
    """A qualifying file is settled under the World Cup qualification's rules, not the final
    tournament's: away goals (also in extra time) up to the 2022 campaign. Before, Ghana v
    Nigeria was "level at the end" and Cameroon v Algeria undecided."""
    q2022 = _qualifying("rsssf/2022q.txt")
    how = {
        ("Ghana", "Nigeria"): ("Ghana", DecidedBy.AWAY_GOALS),
        ("Cameroon", "Algeria"): ("Cameroon", DecidedBy.AWAY_GOALS_EXTRA_TIME),
        ("Egypt", "Senegal"): ("Senegal", DecidedBy.PENALTIES),
    }
    for teams, (winner, decided_by) in how.items():
        outcome = _tie(q2022, *teams)
        assert outcome.winner is not None
        assert (outcome.winner.name, outcome.decided_by) == (winner, decided_by)
    q1994 = _qualifying("planetworldcup/wc94qualification.txt")
    bermuda, canada = _tie(q1994, "Bermuda", "Haiti"), _tie(q1994, "Canada", "Australia")
    assert bermuda.winner is not None
    assert canada.winner is not None
    assert (bermuda.winner.name, bermuda.decided_by) == ("Bermuda", DecidedBy.AWAY_GOALS)
    assert (canada.winner.name, canada.decided_by) == ("Australia", DecidedBy.PENALTIES)


def test_a_numbered_round_where_every_team_meets_several_is_a_league() -> None:
    """CONCACAF's third round of the 2022 qualifying (the "octagonal") is written "Third
    Round": eight teams, each meeting the seven others twice, a league; a cup's round stays a
    knockout round, its team written two ways ("São Tomé/Pr.", "São Tomé & Príncipe") one
    team, and the file has no problem left."""
    path = WORLD_CUPS / "rsssf/2022q.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    loaded = load_with_problems(path)
    by_name = {r.name: r for r in loaded.season.rounds}
    octagonal = by_name["North and Central America (CONCACAF), Round 3"]
    assert (octagonal.format, len(octagonal.matches)) == (RoundFormat.GROUP, 56)
    assert by_name["Africa (CAF), Round 1"].format is RoundFormat.KNOCKOUT
    # names cut short ("Congo-Kinsh.", "São Tomé/Pr.") are the one team they stand for
    assert loaded.problems == ()


def test_every_team_is_sent_on_once_when_best_thirds_settle_a_level_pair() -> None:
    """1990: Ireland and the Netherlands finished level in group F (lots gave second place);
    both went on, one as a best third. The group sends both on; the best thirds name the three
    others, so the round of 16 is filled once over (it listed 18 teams)."""
    folder = WORLD_CUPS / "1990--italy"
    if not folder.exists():
        pytest.skip(f"real data not found at {folder}")
    onward = competitions.of_season(matchday.load(folder)).onward()
    sent = [t.name for o in onward if o.round == "Round of 16" for t in o.teams]
    assert len(sent) == len(set(sent)) == 16
    best = next(o for o in onward if o.table == "best placed")
    assert {t.name for t in best.teams} == {"Argentina", "Colombia", "Uruguay"}
