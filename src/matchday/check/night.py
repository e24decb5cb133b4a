"""The facts an article is checked against: the night's (or round's) tie stories, the teams,
the players on record and the forecasts of that moment."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from matchday import competitions
from matchday.check.vocabulary import NATIONAL_TEAMS, NICKNAMES
from matchday.model import Team, Tie
from matchday.report.language import LANGUAGES, display_names
from matchday.report.story import RoundUp, ThroughChances, TieStory
from matchday.rules import Rules

__all__ = ["Forecast", "Night", "Player", "close", "fold"]


_WORD = 5
"""The fewest letters of one word of a club's name that may stand for the club."""
_GENERIC = frozenset(
    ("Real", "Club", "Olympique", "Sporting", "Dynamo", "Dinamo", "United", "Athletic", "City",
     "Borussia", "Union", "Racing", "Sport", "Lisboa", "Moskva", "Moscow", "Moskou", "Milano",
     "Madrid", "Roma", "Athens", "Athene", "Belgrade", "Belgrado", "Beograd", "Kiev", "Kyiv",
     "Lisbon", "Lissabon", "Saint", "Munich", "München")
)  # fmt: skip
"""Words of club names that stand for no club on their own (many clubs, or a city)."""


def fold(text: str) -> str:
    """A name as compared: accents, case and punctuation ignored ("Kolašinac" = "kolasinac")."""
    return " ".join(re.sub(r"[^\w\s]", " ", unidecode(text)).lower().split())


@dataclass(frozen=True, slots=True)
class Forecast:
    """A tie's forecast: team 1's chance of going through at kick-off of the deciding match,
    and minute by minute over it where its goals are on record."""

    kickoff: float
    series: ThroughChances | None = None

    def chance(self, tie: Tie, team: Team, minute: int | None = None) -> float | None:
        """``team``'s chance at kick-off (``minute`` None or 0) or at ``minute``."""
        if minute is None or minute == 0:
            one = self.kickoff
        elif self.series is None:
            return None
        else:
            points = dict(self.series.by_minute)
            if minute not in points:
                return None
            one = points[minute]
        return one if team == tie.team1 else 1.0 - one

    def lowest(self, tie: Tie, team: Team) -> float | None:
        """``team``'s lowest chance over the deciding match (``None`` without the series)."""
        if self.series is None:
            return None
        return min(chance for _, chance in self.series.of(team))


def close(written: str, forms: Iterable[str]) -> int | None:
    """How many letters ``written`` is off the nearest of ``forms`` (folded names), within
    what a misspelling may be: none under five letters, one under eight, two from eight
    (``None`` when further off, or when the first letter differs)."""
    want = fold(written)
    best: int | None = None
    for form in forms:
        allowed = 0 if len(form) < 5 else 1 if len(form) < 8 else 2
        if not want or not form or want[0] != form[0]:
            continue
        distance = Levenshtein.distance(want, form, score_cutoff=allowed)
        if distance <= allowed and (best is None or distance < best):
            best = distance
    return best


def _capitals(word: str) -> bool:
    """A word of two letters or more written all in capitals ("AHN", "DORADO")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True, slots=True)
class Player:
    """A player on record that night: the name as the data writes it, and the tie."""

    name: str
    tie: Tie

    @property
    def surname(self) -> str:
        """The family name: the word the data writes in capitals among words that are not
        ("AHN" of "AHN Jung Hwan", openfootball's convention for names whose family name may
        come first), else the last word ("Berisha" for "V. Berisha")."""
        words = self.name.replace(".", ". ").split()
        capitals = [w for w in words if _capitals(w)]
        if capitals and len(capitals) < len(words):
            return capitals[0]
        return words[-1]


@dataclass(frozen=True, slots=True)
class Night:
    """What the data says of a night or a round: its tie stories (from ``matchday.report``'s
    story logic), every team of the season with the names it goes by, the players on
    record and the forecasts."""

    roundup: RoundUp
    rules: Rules
    teams: frozenset[Team]
    forecasts: Mapping[Tie, Forecast] = field(default_factory=dict)
    aliases: Mapping[Team, tuple[str, ...]] = field(default_factory=dict)
    by_round: bool = False
    """The facts are a round's (``--round``), not one night's."""

    @property
    def stories(self) -> tuple[TieStory, ...]:
        """Every tie of the night."""
        return self.roundup.stories

    def story_of(self, team: Team) -> TieStory | None:
        """The story of the tie ``team`` played that night, if it played."""
        return next((s for s in self.stories if team in s.tie.teams), None)

    @property
    def playing(self) -> frozenset[Team]:
        """The teams that played that night."""
        return frozenset(t for s in self.stories for t in s.tie.teams)

    def _nations(self) -> dict[Team, tuple[str, ...]]:
        """At a tournament of national teams, every national team known (``NATIONAL_TEAMS``)
        with its other names: the season's own sides under the name the data gives them, the
        others (Germany at a World Cup it left in the group stage) by their first name, so
        that a sentence about a side that did not play is known to be about one, never read as
        about the side named next to it. Nothing at a club competition."""
        if not competitions.of(self.roundup.competition).national_teams:
            return {}
        by_name = {team.name: team for team in self.teams if team.country is None}
        found: dict[Team, tuple[str, ...]] = {}
        for names in NATIONAL_TEAMS.values():
            team = next((by_name[n] for n in names if n in by_name), Team(names[0]))
            found[team] = found.get(team, ()) + tuple(n for n in names if n != team.name)
        return found

    def names(self) -> Mapping[str, Team]:
        """Every name a team goes by: the data's, the report's short names in every language,
        nicknames and the extra aliases (club lists), without accents too; at a tournament of
        national teams, every national team's too, played or not. A name two teams share goes
        to the one whose own name it is (the data's "Víkingur" of the Faroes, which the club
        lists also give Víkingur Reykjavík), else is left out, unless only one of them played
        that night."""
        found: dict[str, set[Team]] = {}

        def add(name: str, team: Team) -> None:
            for form in {name, unidecode(name)}:
                if len(form) > 1:
                    found.setdefault(form, set()).add(team)

        nations = self._nations()
        known = self.teams | frozenset(nations)
        for lang in LANGUAGES.values():
            for team, name in display_names(known, lang, self.aliases).items():
                add(name, team)
        for team in known:
            add(team.name, team)
            for nickname in NICKNAMES.get(team.name, ()):
                add(nickname, team)
            for alias in (*self.aliases.get(team, ()), *nations.get(team, ())):
                add(alias, team)
        playing = self.playing
        own: dict[str, set[Team]] = {}
        for team in known:
            for form in {team.name, unidecode(team.name)}:
                own.setdefault(form, set()).add(team)
        names: dict[str, Team] = {}
        for name, teams in found.items():
            if len(teams) > 1 and len(own.get(name, ())) == 1:
                teams = own[name]  # a team's own name beats another's alias ("Víkingur")
            if len(teams) > 1:
                teams = teams & playing
            if len(teams) == 1:
                names[name] = next(iter(teams))
        # One word of a club's name ("Plzeň", "Spartak", "Atlético") where no other club of
        # the season has it, and no full name above claims it.
        # Only the season's own teams: "Dutch" of "Dutch East Indies" names no one at a World
        # Cup the Dutch East Indies did not play.
        words: dict[str, set[Team]] = {}
        for name, teams in found.items():
            for word in name.split():
                if len(word) >= _WORD and word[:1].isupper() and word not in _GENERIC:
                    words.setdefault(word, set()).update(teams & self.teams)
        for word, teams in words.items():
            if len(teams) == 1 and word not in names:
                names[word] = next(iter(teams))
        return MappingProxyType(names)

    def spellings(self, code: str) -> Mapping[Team, frozenset[str]]:
        """Every name (folded) each team goes by in language ``code``: the round-up's name in
        that language, the data's, nicknames and the extra aliases; what a misspelt team name
        is measured against (``close``)."""
        nations = self._nations()
        known = self.teams | frozenset(nations)
        shown = display_names(known, LANGUAGES[code], self.aliases)
        return MappingProxyType(
            {
                team: frozenset(
                    fold(name)
                    for name in (
                        shown.get(team, team.name),
                        team.name,
                        *NICKNAMES.get(team.name, ()),
                        *self.aliases.get(team, ()),
                    )
                )
                for team in known
            }
        )

    def players(self, story: TieStory | None) -> tuple[Player, ...]:
        """The players on record in ``story``'s match (or the whole night's): scorers and
        players sent off."""
        stories = (story,) if story is not None else self.stories
        found: dict[tuple[str, Tie], Player] = {}
        for s in stories:
            match = s.match
            names: Iterable[str | None] = (
                *(g.scorer for g in match.goals or ()),
                *(c.player for c in match.red_cards or ()),
            )
            for name in names:
                if name:
                    found[(name, s.tie)] = Player(name, s.tie)
        return tuple(found.values())

    def sides_of(self, written: str) -> frozenset[Team]:
        """The sides the player ``written`` names is on record for in the night's matches, by
        the goal data (a goal counts for his side, an own goal for the other) and the red
        cards: one where he is placed in exactly one match, none where no match of the night
        has him, more where he cannot be placed (a name players of two sides share)."""
        found: set[Team] = set()
        for story in self.stories:
            player, _ = self.player(written, story)
            if player is None:
                continue
            match = story.match
            for goal in match.goals or ():
                if goal.scorer == player.name:
                    found.add(goal.team if not goal.own_goal else story.tie.opponent(goal.team))
            for card in match.red_cards or ():
                if card.player == player.name:
                    found.add(card.team)
        return frozenset(found)

    def player(self, written: str, story: TieStory | None) -> tuple[Player | None, bool]:
        """The player ``written`` names among those on record, and whether the spelling differs
        (within one or two letters: a note, not a contradiction). ``(None, False)`` for none."""
        want = fold(written)
        if not want:
            return None, False
        players = self.players(story)
        # Any one word of a full name, written whole, names the player where no other player
        # of the match has it: "Paik" for "Paik Seung-ho", a family name written first.
        holders = [p for p in players if want in fold(p.name).split()]
        if " " not in want and len({p.name for p in holders}) == 1:
            return holders[0], False
        # A full name whose family name is all the data writes: "Jan Vertonghen" for
        # "Vertonghen", where no other player of the match has that one name.
        alone = [p for p in players if fold(p.name) == want.split()[-1]]
        if " " in want and len({p.name for p in alone}) == 1:
            return alone[0], False
        best: tuple[int, Player] | None = None
        for player in players:
            words = fold(player.name).split()
            # the whole name and every run of its last words ("Di María", "María")
            forms = [" ".join(words[k:]) for k in range(len(words))] + [fold(player.surname)]
            initial = re.fullmatch(r"([A-Z])\.\s*(.+)", player.name)
            if initial and want.startswith(initial.group(1).lower()) and " " in want:
                # "Bertrand Traoré" for "B. Traoré": the initial agrees, compare surnames.
                forms.append(fold(initial.group(1)) + " " + fold(initial.group(2)))
                want_surname = want.split()[-1]
                if want_surname == fold(initial.group(2)):
                    return player, True
            for form in forms:
                distance = Levenshtein.distance(want, form)
                allowed = 0 if len(form) < 4 else 1 if len(form) < 7 else 2
                if distance <= allowed and (best is None or distance < best[0]):
                    best = (distance, player)
        if best is None:
            return None, False
        return best[1], best[0] > 0
