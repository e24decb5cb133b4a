"""What a shipped rating says of the results it rests on."""

from __future__ import annotations

import dataclasses

from matchday.io.snapshot import bundled_national
from matchday.model import Team


def test_a_team_that_stopped_playing_long_ago_is_said_to_have_faded() -> None:
    """German DR's 298 results are from before 1991: with time's decay they weigh as a few
    hundredths of a match, and its rating says so; Brazil, playing on, does not fade."""
    ratings = bundled_national()[-1].ratings
    east = ratings.rating(Team("German DR"))
    assert east.matches > 100
    assert east.faded
    assert "not played for a long time" in east.explanation
    assert not ratings.rating(Team("Brazil")).faded


def test_a_side_of_many_old_results_fades_though_they_still_weigh_more_than_one_match() -> None:
    """Czechoslovakia as rated on 1 June 2010 (last played in 1993): its 520 results still
    weighed as 1.93 recent matches, more than one, but under a hundredth of their number: it
    has faded, as German DR has. England's results weigh far more than a hundredth of theirs."""
    latest = bundled_national()[-1].ratings
    i = latest.position(Team("Czechoslovakia"))
    assert i is not None
    weight = latest.weight.copy()
    weight[i] = 1.93  # matchday's national fit of 1 June 2010
    ratings = dataclasses.replace(latest, weight=weight)
    gone, playing = ratings.rating(Team("Czechoslovakia")), ratings.rating(Team("England"))
    assert gone.matches == 520
    assert gone.faded
    assert "weigh as 1.93 recent matches" in gone.explanation
    assert not playing.faded
