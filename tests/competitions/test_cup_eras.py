"""Cup rules by era as real results show them: the Copa Libertadores finals with extra time
from 2008 (and its older finals refused by name), the FA Cup's replays with extra time and
penalties, and a round of replays that shows no one going on."""

from __future__ import annotations

import pytest

from matchday import competitions
from matchday.competitions import RoundKind
from matchday.errors import ConfigError
from matchday.io.footballtxt import parse
from matchday.rules import DecidedBy

LIBERTADORES_FINALS = {
    2008: """= Copa Libertadores 2008

▪ Final - 1st Leg
Jun 25 2008
  LDU Quito  4-2  Fluminense

▪ Final - 2nd Leg
Jul 2 2008
  Fluminense  3-1 a.e.t., 1-3 pen. (3-1)  LDU Quito
""",
    2013: """= Copa Libertadores 2013

▪ Final - 1st Leg
Jul 17 2013
  Olimpia  2-0  Atlético Mineiro

▪ Final - 2nd Leg
Jul 24 2013
  Atlético Mineiro  2-0 a.e.t., 4-3 pen. (2-0)  Olimpia
""",
    2018: """= Copa Libertadores 2018

▪ Semifinals - 1st Leg
Oct 23 2018
  River Plate  0-1  Grêmio

▪ Semifinals - 2nd Leg
Oct 30 2018
  Grêmio  1-2  River Plate

▪ Final - 1st Leg
Nov 11 2018
  Boca Juniors  2-2  River Plate

▪ Final - 2nd Leg
Dec 9 2018
  River Plate  3-1 a.e.t. (1-1)  Boca Juniors   @ Madrid
""",
}


@pytest.mark.parametrize(
    ("year", "winner", "how", "aggregate"),
    [
        (2008, "LDU Quito", DecidedBy.PENALTIES, "5-5"),
        (2013, "Atlético Mineiro", DecidedBy.PENALTIES, "2-2"),
        (2018, "River Plate", DecidedBy.EXTRA_TIME, "3-5"),
    ],
)
def test_libertadores_finals_from_2008_went_to_extra_time(
    year: int, winner: str, how: DecidedBy, aggregate: str
) -> None:
    """The finals of 2008, 2013 and 2018 were refused ("no-extra-time has no extra time"):
    from 2008 the two-legged final went to extra time, without away goals (Fluminense's two
    away goals in 2008 did not count), then penalties."""
    known = competitions.of_season(parse(LIBERTADORES_FINALS[year], f"lib{year}.txt"))
    final = next(o for o in known.decide() if o.tie.round == "Final")
    assert final.rules.name == "extra-time-penalties"
    assert final.winner is not None
    assert final.winner.name == winner
    assert final.decided_by is how
    assert str(final.aggregate) == aggregate


def test_libertadores_2018_semi_final_still_on_away_goals() -> None:
    known = competitions.of_season(parse(LIBERTADORES_FINALS[2018], "lib2018.txt"))
    semi = next(o for o in known.decide() if o.tie.round == "Semifinals")
    assert semi.rules.name == "away-goals-no-extra-time"
    assert semi.decided_by is DecidedBy.AWAY_GOALS


@pytest.mark.parametrize(
    ("year", "kind", "rules"),
    [
        (2005, RoundKind.FINAL, "no-extra-time"),
        (2007, RoundKind.FINAL, "no-extra-time"),
        (2008, RoundKind.FINAL, "extra-time-penalties"),
        (2013, RoundKind.FINAL, "extra-time-penalties"),
        (2018, RoundKind.FINAL, "extra-time-penalties"),
        (2008, RoundKind.TWO_LEGS, "away-goals-no-extra-time"),
        (2018, RoundKind.TWO_LEGS, "away-goals-no-extra-time"),
        (2019, RoundKind.FINAL, "extra-time-penalties"),
    ],
)
def test_libertadores_rules_by_era(year: int, kind: RoundKind, rules: str) -> None:
    assert competitions.get("Copa Libertadores").rules(year, kind).name == rules


LIBERTADORES_1985 = """= Copa Libertadores 1985

▪ Final - 1st Leg
Oct 17 1985
  Argentinos Juniors  1-0  América de Cali

▪ Final - 2nd Leg
Oct 22 1985
  América de Cali  1-0  Argentinos Juniors

▪ Final - Playoff
Oct 24 1985
  Argentinos Juniors  1-1 a.e.t., 5-4 pen.  América de Cali   @ Asunción
"""


def test_a_libertadores_season_before_1988_is_refused_naming_its_era() -> None:
    """Until 1987 a final went on points and a play-off; the rules of 1988 were applied to
    1985 in silence (and refused its play-off's extra time)."""
    known = competitions.of_season
    with pytest.raises(ConfigError, match=r"Libertadores de América 1985: until 1987 .* points"):
        known(parse(LIBERTADORES_1985, "lib1985.txt")).decide()
    with pytest.raises(ConfigError, match="from 1988 on"):
        competitions.get("Copa Libertadores").rules(1985, RoundKind.FINAL)


FA_CUP_REPLAYS = """= FA Cup 2019/20

▪ Round 3
4 January 2020
  Tranmere Rovers  2-2  Watford
  Rochdale  1-1  Newcastle United

▪ Round 3, Replays
14 January 2020
  Newcastle United  4-1  Rochdale
23 January 2020
  Watford  {replay}  Tranmere Rovers  {after}
"""


@pytest.mark.parametrize(
    ("replay", "after", "explanation"),
    [
        ("1-2", "(aet)", "Tranmere Rovers win the replay 2-1 after extra time"),
        (
            "1-1",
            "(aet, 3-4 pen.)",
            "Tranmere Rovers win the replay 4-3 on penalties after a 1-1 draw after extra time",
        ),
    ],
)
def test_an_fa_cup_replay_goes_to_extra_time_and_penalties(
    replay: str, after: str, explanation: str
) -> None:
    """The README's preset table: ``replay-then-penalties``, "a replay (with extra time and
    penalties)"; both were refused ("replay-then-penalties has no extra time")."""
    text = FA_CUP_REPLAYS.format(replay=replay, after=after)
    known = competitions.of_season(parse(text, "facup.txt"))
    tranmere = next(o for o in known.decide() if o.tie.team1.name == "Tranmere Rovers")
    assert tranmere.tie.round == "Round 3"
    assert tranmere.rules.name == "replay-then-penalties"
    assert tranmere.winner is not None
    assert tranmere.winner.name == "Tranmere Rovers"
    assert tranmere.decided_by is DecidedBy.REPLAY
    assert tranmere.explanation.startswith(explanation)


REPLAY_LOST = """= FA Cup 2019/20

▪ Round 3
4 January 2020
  Tranmere Rovers  2-2  Watford

▪ Round 3, Replays
23 January 2020
  Watford  1-2  Tranmere

▪ Round 4
26 January 2020
  Tranmere  0-6  Manchester United
"""


def test_a_round_of_replays_is_not_the_next_round() -> None:
    """The replay names Tranmere short, so it is no replay of the tie: Watford, who lost it,
    were shown through because they played in the round of replays. Only a later proper
    round shows who went on, and Round 4 shows neither name: the tie stays undecided."""
    known = competitions.of_season(parse(REPLAY_LOST, "facup5.txt"))
    (round_3, replays, _) = known.season.rounds
    (tie,) = known.season.round_ties(round_3)
    assert competitions.went_on(known.season, tie, round_3) is None
    outcome = known.outcome(tie, round_3)
    assert outcome.winner is None
    assert "does not show who went on" in outcome.explanation
    assert replays.name == "Round 3, Replays"


@pytest.mark.parametrize(
    ("lang", "headline"),
    [
        ("en", "# Tranmere Rovers into the next round on penalties"),
        ("nl", "# Tranmere Rovers na strafschoppen naar de volgende ronde"),
    ],
)
def test_a_replay_won_on_penalties_is_told_as_won_on_penalties(lang: str, headline: str) -> None:
    """Not "after extra time": the replay's shoot-out decided the tie."""
    from matchday.report import report

    text = FA_CUP_REPLAYS.format(replay="1-1", after="(aet, 3-4 pen.)")
    season = competitions.of_season(parse(text, "facup.txt")).season
    written = report(season, round_name="Round 3", date=None, lang=lang)
    assert written.text.splitlines()[0] == headline
