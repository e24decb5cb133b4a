"""What a shipped rating says of the results it rests on."""

from __future__ import annotations

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
