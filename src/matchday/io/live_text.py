"""Match states in words: who is through and why, and what the next goal changes.

The core carries the reasons as data (``Verdict.decided_by``, ``Phase``, the next goal's
state); ``matchday.check.reasons`` makes them one value each (``state_reason``,
``next_goal_reason``), the value the checker tells too, and the report's reason templates
(``templates/<language>/reasons.j2``) make the sentences that ``matchday live`` and its JSON
show, in English (the default, teams by the data's names: the JSON is a contract) or Dutch.
"""

from __future__ import annotations

from collections.abc import Iterable

from matchday.check.reasons import next_goal_reason, state_reason
from matchday.live import MatchState, NextGoal
from matchday.model import Team
from matchday.report.language import display_names, language
from matchday.report.reasons import Reasons

__all__ = ["explain_next_goal", "explain_state", "live_names", "teller"]

ENGLISH = "en"
"""The language of ``matchday live`` unless told (``--lang``), and of the service's JSON."""


def live_names(teams: Iterable[Team], lang: str = ENGLISH) -> dict[Team, str]:
    """The names ``matchday live`` gives ``teams``: the data's own in English, as the JSON has
    always had them; in another language the names its readers know ("Frankrijk")."""
    if lang == ENGLISH:
        return {team: team.name for team in teams}
    return display_names(teams, language(lang))


def teller(state: MatchState, lang: str = ENGLISH) -> Reasons:
    """The reasons' words in ``lang`` for ``state``'s tie, teams named as ``live_names``."""
    return Reasons(language(lang), live_names(state.fixture.teams, lang), headline=True)


def explain_state(state: MatchState, lang: str = ENGLISH) -> str:
    """Who would go through if the match ended now and why, or where a level tie is heading.

    "Atalanta through on away goals: 3-3 on aggregate, 2 away goals to 0";
    "Level at 3-3 on aggregate, 2 away goals each: extra time"; ``lang="nl"``: "Gelijk op 3-3
    over twee wedstrijden, 2 uitdoelpunten elk: verlengingen".
    """
    return teller(state, lang).line(state_reason(state))


def explain_next_goal(next_goal: NextGoal, lang: str = ENGLISH) -> str:
    """What one more goal by a team changes: "One more Östersunds FK goal forces extra time"
    (``lang="nl"``: "Nog één doelpunt van Östersunds FK dwingt verlengingen af")."""
    return teller(next_goal.before, lang).line(next_goal_reason(next_goal))
