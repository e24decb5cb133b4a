"""The languages a report is written in: vocabulary as data, one ``Language`` value each.

Round names, number words, ordinals and the names readers know clubs by ("Lyon", not
"Olympique Lyonnais"; "Spartak Moskou" in Dutch). Dates, numbers, percentages and lists are
formatted by Babel for the language's locale; this table holds only what Babel does not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from babel import Locale

import matchday.competitions as competitions
from matchday.errors import ConfigError
from matchday.model import Team
from matchday.ordinals import ordinal

__all__ = ["EN", "LANGUAGES", "NL", "Language", "display_names", "language"]


@dataclass(frozen=True, slots=True)
class Language:
    """What a report needs to know about a language beyond its templates and Babel's locale."""

    code: str
    locale: str
    rounds: Mapping[str, str]
    qualifying_round: str
    numbered_round: str
    next_round: str
    play_off: str
    """The play-off of a competition, with its article ("de play-off van {}", the competition
    with its own), what a play-off final wins."""
    numbers: tuple[str, ...]
    ordinal: Callable[[int], str]
    names: Mapping[str, str]
    words: Mapping[str, str]
    decided: Mapping[str, str]
    """How a tie settled off the usual path is said after the verb ("na een golden goal", "na
    loting"), by ``DecidedBy`` value."""
    competitions: Mapping[str, str]
    """Competitions as readers say them ("wereldbeker" for the World Cup, "EK" for the Euro),
    by the registry's key of the competition, or by its name in the data."""
    countries: Mapping[str, str]
    """National teams as readers say them ("Argentinië"), by the English name in the data."""
    article: str = ""
    """The definite article some countries take in running text ("the", "de")."""
    articled: frozenset[str] = frozenset()
    """The names, as readers say them, that take ``article`` ("the Netherlands", "de
    Sovjet-Unie"); a score line and a data line write them bare."""
    added_time: Mapping[int, str] = field(default_factory=dict)
    """How a minute of added time is said, by the minute it is added to (45, 90, 105, 120):
    ``{n}`` is the added minute as an ordinal ("the 11th minute of stoppage time"); a language
    without it writes the clock's minute as an ordinal ("90+11e")."""
    added_ordinals: tuple[str, ...] = ()
    """The added minutes first to ninth in words, as sports desks spell them ("third"); from
    the tenth on in figures ("11th")."""
    competition_articles: Mapping[str, str] = field(default_factory=dict)
    """The article a competition's name takes in running text where it is not ``article``, by
    the name as readers say it: "het EK" (neuter), not "de EK"."""
    plural_names: frozenset[str] = frozenset()
    """The names, as readers say them, that take a plural verb ("de Verenigde Staten zijn
    uitgeschakeld"); ``plural_verbs`` maps a singular form the templates write to its plural."""
    plural_verbs: Mapping[str, str] = field(default_factory=dict)

    def competition_name(self, name: str) -> str:
        """The competition as readers say it: "Europa League" for "UEFA Europa League",
        "A-League" for football.json's "Australia | A-League"; "UEFA" is dropped only where
        the rest still names the same competition in the registry ("UEFA Cup" stays)."""
        plain = name.rpartition(" | ")[2].strip()
        short = plain.removeprefix("UEFA ").strip()
        known = competitions.recognise(plain)
        if competitions.recognise(short) is not known:
            short = plain
        if name in self.competitions:
            return self.competitions[name]
        return self.competitions.get(known.key, short) if known is not None else short

    def the_competition(self, name: str) -> str:
        """The competition as running text names it, with its article: "de Champions League",
        "het EK", "the World Cup"."""
        said = self.competition_name(name)
        article = self.competition_articles.get(said, self.article)
        return f"{article} {said}" if article else said

    def round_name(self, canonical: str | None, qualifying: bool = False) -> str:
        """The round as readers say it ("achtste finales"); "Round 2" the second round, or the
        second qualifying round where numbered rounds are ``qualifying``; "Group A" a group
        ("groep A"), "Group 1 play-off" its play-off ("play-off van groep 1")."""
        if canonical is None:
            return self.next_round
        if canonical in self.rounds:
            return self.rounds[canonical]
        play_off = re.fullmatch(r"Group (\w+) play-off", canonical)
        if play_off and "Group play-off" in self.rounds:
            return self.rounds["Group play-off"].format(play_off.group(1))
        group = re.fullmatch(r"Group (\w+)", canonical)
        if group and "Group" in self.rounds:
            return f"{self.rounds['Group']} {group.group(1)}"
        numbered = re.fullmatch(r"Round (\d+)", canonical)
        if numbered:
            wording = self.qualifying_round if qualifying else self.numbered_round
            return wording.format(self.ordinal_word(int(numbered.group(1))))
        stage, comma, round_ = canonical.rpartition(", ")
        if comma:  # a stage's round in a file of several: "Europe (UEFA), Final"
            return f"{stage}, {self.round_name(round_, qualifying)}"
        return canonical

    def ordinal_word(self, number: int) -> str:
        """Ordinal words for qualifying rounds: "tweede", "second"."""
        return self.words.get(f"ordinal{number}", self.ordinal(number))

    def number_word(self, number: int) -> str:
        """The number in words up to twelve ("één", "twee"), in figures beyond."""
        return self.numbers[number] if 0 <= number < len(self.numbers) else str(number)


def _dutch_ordinal(number: int) -> str:
    return ordinal(number, "nl")


def _english_ordinal(number: int) -> str:
    return ordinal(number, "en")


_CLUB_FORMS = frozenset(
    (
        "FC", "CF", "AFC", "SSC", "SS", "AS", "OGC", "FK", "SK", "PFC", "GNK", "HNK", "NK",
        "RSC", "SL", "RB", "KRC", "KAA", "KV", "BC", "OSC", "IF", "BK", "TC", "KF", "JK",
        "MFK", "PFK", "GFK", "FCI", "BSC", "ACF", "FSV", "CD", "CS", "SV", "Bor.",
    )
)  # fmt: skip
"""Abbreviations of a club's legal form (and "Bor." for Borussia) that readers drop:
"Arsenal FC" -> "Arsenal", "Club Brugge KV" -> "Club Brugge"."""

_FOUNDED = re.compile(r"\d+\.?")
"""A founding year or number that readers drop with the legal form: "Bayer 04 Leverkusen"
-> "Bayer Leverkusen", "1. FC Union Berlin" -> "Union Berlin" (not "B36", "F91")."""

_CITY_ADJECTIVES = {
    "Hamburger": "Hamburg", "Karlsruher": "Karlsruhe", "Münchner": "München",
    "Münchener": "München", "Offenbacher": "Offenbach", "Würzburger": "Würzburg",
    "Berliner": "Berlin", "Bremer": "Bremen", "Hallescher": "Halle", "Wuppertaler": "Wuppertal",
    "Stuttgarter": "Stuttgart", "Kieler": "Kiel", "Chemnitzer": "Chemnitz", "Bonner": "Bonn",
    "Lübecker": "Lübeck", "Freiburger": "Freiburg", "Rostocker": "Rostock",
    "Frankfurter": "Frankfurt", "Düsseldorfer": "Düsseldorf", "Wiener": "Wien",
}  # fmt: skip
"""German city adjectives a club's name may be left with once its legal form is dropped
("Hamburger SV" -> "Hamburger"), by the city readers call the club by: "Hamburg", as the
English and Dutch press write it. An adjective not in the table keeps the legal form."""

_ADJECTIVE = re.compile(r"\w+er")
"""A single word a dropped legal form may leave as an adjective: German city adjectives end
in "-er" ("Karlsruher SC", "Hallescher FC")."""

_ADJECTIVE_FORMS = _CLUB_FORMS | {"SC"}
"""The legal forms after a city adjective: "SC" too, which readers keep elsewhere ("SC
Freiburg") but not after the adjective ("Karlsruher SC" is "Karlsruhe")."""

_COMMON_NAMES = {
    "Borussia Dortmund": "Dortmund",
    "Olympique Lyonnais": "Lyon",
    "Olympique Marseille": "Marseille",
    "Lazio Roma": "Lazio",
    "Zenit St. Petersburg": "Zenit",
    "Red Bull Salzburg": "Salzburg",
    "FC Red Bull Salzburg": "Salzburg",
    "Sporting Braga": "Braga",
    "Östersunds FK": "Östersund",
    "Ludogorets Razgrad": "Ludogorets",
    "PFC Ludogorets Razgrad": "Ludogorets",
    "Club Atlético de Madrid": "Atlético Madrid",
    "Real Sociedad de Fútbol": "Real Sociedad",
    "FC Internazionale Milano": "Inter",
    "Paris Saint-Germain FC": "Paris Saint-Germain",
    "Manchester City FC": "Manchester City",
    "Manchester United FC": "Manchester United",
    "PSV Eindhoven": "PSV",
    "FC Porto": "Porto",
    "FC Basel 1893": "Basel",
    "FC Basel": "Basel",
    "Sport Lisboa e Benfica": "Benfica",
    "Feyenoord Rotterdam": "Feyenoord",
    "Stade Brestois 29": "Brest",
    "TSV 1860 München": "1860 München",
}
"""Names readers know clubs by, shared by both languages."""


def _countries(locale: str, extra: Mapping[str, str]) -> dict[str, str]:
    """Countries' English names (as the data writes national teams) in ``locale``, from Babel's
    territory names, with the sides Babel does not name (England, West Germany, ...)."""
    english, local = Locale("en").territories, Locale.parse(locale).territories
    found = {
        name: local[code] for code, name in english.items() if len(code) == 2 and code in local
    }
    return found | dict(extra)


NL = Language(
    code="nl",
    locale="nl_BE",
    rounds={
        "Round of 32": "zestiende finales",
        "Round of 16": "achtste finales",
        "Quarterfinals": "kwartfinales",
        "Semifinals": "halve finales",
        "Final": "finale",
        "Playoffs": "play-offs",
        "Group stage": "groepsfase",
        "Group": "groep",
        "Group play-off": "play-off van groep {}",
        "League phase": "competitiefase",
        "Third place": "troostfinale",
        "Replay": "replay",
        "Preliminary round": "voorronde",
        "Final round": "finaleronde",
        "Second round": "tweede ronde",
    },
    qualifying_round="{} voorronde",
    numbered_round="{} ronde",
    next_round="volgende ronde",
    play_off="de play-off van {}",
    numbers=(
        "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
        "elf", "twaalf",
    ),
    ordinal=_dutch_ordinal,
    names={
        **_COMMON_NAMES,
        "Crvena Zvezda": "Rode Ster Belgrado",
        "Athletic Club": "Athletic Bilbao",
        "AEK Athens": "AEK Athene",
        "Dynamo Kyiv": "Dynamo Kiev",
        "Sporting CP": "Sporting Lissabon",
        "FC København": "FC Kopenhagen",
        "Moskva": "Moskou",
        "Beograd": "Belgrado",
    },
    words={
        "no": "geen", "below": "minder dan {}", "above": "meer dan {}", "only": "nog maar {}",
        "only_below": "nog geen {}", "ordinal1": "eerste", "ordinal2": "tweede",
        "ordinal3": "derde", "ordinal4": "vierde", "minute": "minuut", "date_to": "tot",
    },
    decided={
        "golden_goal": "na een golden goal", "silver_goal": "na een silver goal",
        "replay": "na een replay", "lots": "na loting",
        "off_the_pitch": "na een beslissing achter de groene tafel",
        "better_placed": "als beter geklasseerde ploeg in de competitie",
    },
    competitions={
        "world-cup": "wereldbeker", "club-world-cup": "wereldbeker voor clubs", "euro": "EK",
    },
    countries=_countries("nl_BE", {
        "USA": "Verenigde Staten", "England": "Engeland", "Scotland": "Schotland",
        "Wales": "Wales", "Northern Ireland": "Noord-Ierland", "Ireland": "Ierland",
        "Republic of Ireland": "Ierland", "West Germany": "West-Duitsland",
        "East Germany": "Oost-Duitsland", "Soviet Union": "Sovjet-Unie",
        "Czechoslovakia": "Tsjecho-Slowakije", "Yugoslavia": "Joegoslavië",
        "Ivory Coast": "Ivoorkust", "Zaire": "Zaïre", "Dutch East Indies": "Nederlands-Indië",
        "Serbia and Montenegro": "Servië en Montenegro", "Czech Republic": "Tsjechië",
        "Bosnia-Herzegovina": "Bosnië en Herzegovina", "Turkey": "Turkije",
        "South Korea": "Zuid-Korea", "North Korea": "Noord-Korea",
        "Netherlands Antilles": "Nederlandse Antillen",
    }),
    article="de",
    articled=frozenset({
        "Sovjet-Unie", "Verenigde Staten", "Verenigde Arabische Emiraten", "Tsjechische Republiek",
        "Dominicaanse Republiek", "Centraal-Afrikaanse Republiek", "Filipijnen", "Maldiven",
        "Bahama\u2019s", "Comoren", "Seychellen", "Faeröer", "Kaaimaneilanden", "Salomonseilanden",
        "Britse Maagdeneilanden", "Amerikaanse Maagdeneilanden", "Turks- en Caicoseilanden",
        "Cookeilanden", "Marshalleilanden", "Noordelijke Marianen", "Verenigd Koninkrijk",
        "Nederlandse Antillen",
    }),
    competition_articles={"EK": "het"},
    added_time={
        105: "{n} minuut van de blessuretijd van de eerste verlenging",
        120: "{n} minuut van de blessuretijd van de tweede verlenging",
    },
    added_ordinals=(
        "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
    ),
    plural_names=frozenset({
        "Verenigde Staten", "Verenigde Arabische Emiraten", "Filipijnen", "Maldiven",
        "Bahama\u2019s", "Comoren", "Seychellen", "Faeröer", "Kaaimaneilanden",
        "Salomonseilanden", "Britse Maagdeneilanden", "Amerikaanse Maagdeneilanden",
        "Turks- en Caicoseilanden", "Cookeilanden", "Marshalleilanden", "Noordelijke Marianen",
        "Nederlandse Antillen",
    }),
    plural_verbs={
        "is": "zijn", "heeft": "hebben", "wint": "winnen", "plaatst": "plaatsen",
        "plaatste": "plaatsten", "won": "wonnen", "gaat": "gaan", "verloor": "verloren",
        "schakelt": "schakelen", "ging": "gingen", "zit": "zitten", "was": "waren",
        "eindigt": "eindigen", "versloeg": "versloegen", "verliest": "verliezen",
        "trok": "trokken", "stoot": "stoten", "scoorde": "scoorden", "mag": "mogen",
        "liep": "liepen", "leek": "leken", "laat": "laten", "kwam": "kwamen",
        "herpakt": "herpakken", "draait": "draaien", "begon": "begonnen", "klopt": "kloppen",
        "werd": "werden", "speelde": "speelden", "zet": "zetten", "stond": "stonden",
        "moest": "moesten", "knokte": "knokten", "kon": "konden", "blijft": "blijven",
    },
)  # fmt: skip

EN = Language(
    code="en",
    locale="en_GB",
    rounds={
        "Round of 32": "round of 32",
        "Round of 16": "round of 16",
        "Quarterfinals": "quarter-finals",
        "Semifinals": "semi-finals",
        "Final": "final",
        "Playoffs": "play-offs",
        "Group stage": "group stage",
        "Group": "group",
        "Group play-off": "group {} play-off",
        "League phase": "league phase",
        "Third place": "third-place play-off",
        "Replay": "replay",
        "Preliminary round": "preliminary round",
        "Final round": "final round",
        "Second round": "second round",
    },
    qualifying_round="{} qualifying round",
    numbered_round="{} round",
    next_round="next round",
    play_off="the play-off of {}",
    numbers=(
        "nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ),
    ordinal=_english_ordinal,
    names={
        **_COMMON_NAMES,
        "Crvena Zvezda": "Red Star Belgrade",
        "Athletic Club": "Athletic Bilbao",
        "FC København": "Copenhagen",
        "FC Bayern München": "Bayern Munich",
        "Bayern München": "Bayern Munich",
        "TSV 1860 München": "1860 Munich",
        "AC Milan": "Milan",
        "Sporting CP": "Sporting Lisbon",
        "Moskva": "Moscow",
        "Beograd": "Belgrade",
    },
    words={
        "no": "no", "below": "less than {}", "above": "more than {}", "only": "only {}",
        "only_below": "less than {}", "ordinal1": "first", "ordinal2": "second",
        "ordinal3": "third", "ordinal4": "fourth", "minute": "minute",
    },
    added_time={
        45: "{n} minute of first-half stoppage time",
        90: "{n} minute of stoppage time",
        105: "{n} minute of stoppage time at the end of the first half of extra time",
        120: "{n} minute of stoppage time at the end of extra time",
    },
    added_ordinals=(
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ),
    decided={
        "golden_goal": "with a golden goal", "silver_goal": "with a silver goal",
        "replay": "after a replay", "lots": "on the drawing of lots",
        "off_the_pitch": "by a decision off the pitch",
        "better_placed": "as the side placed higher in the league",
    },
    competitions={"club-world-cup": "Club World Cup", "world-cup": "World Cup"},
    countries={},
    article="the",
    articled=frozenset({
        "Netherlands", "Soviet Union", "United States", "USA", "Czech Republic",
        "Republic of Ireland", "United Arab Emirates", "Ivory Coast", "Dutch East Indies",
        "Netherlands Antilles", "Dominican Republic", "Central African Republic", "DR Congo",
        "Philippines", "Maldives", "Bahamas", "Gambia", "Comoros", "Seychelles",
        "Faroe Islands", "Cayman Islands", "Solomon Islands", "British Virgin Islands",
        "US Virgin Islands", "U.S. Virgin Islands", "Turks and Caicos Islands", "Cook Islands",
        "Marshall Islands", "Northern Mariana Islands", "United Kingdom", "Kyrgyz Republic",
    }),
)  # fmt: skip

LANGUAGES: Mapping[str, Language] = MappingProxyType({lang.code: lang for lang in (NL, EN)})
"""Every language a report can be written in, by code."""


def language(code: str) -> Language:
    """The language called ``code``; ``ConfigError`` listing the languages when there is none."""
    try:
        return LANGUAGES[code]
    except KeyError:
        known = ", ".join(sorted(LANGUAGES))
        raise ConfigError(f"unknown language {code!r}; choose one of: {known}") from None


def _common_name(name: str, lang: Language, spellings: Sequence[str] = ()) -> str:
    """The name readers know: the language's table, for the name or else for another spelling
    of the same club (``spellings``: "Sporting Clube de Portugal" is "Sporting CP" in the club
    lists, so "Sporting Lissabon"), else the name without its legal form and founding number
    (one rule for every club: "Bayer 04 Leverkusen", "1. FSV Mainz 05" and "FC Internazionale
    Milano" all lose what readers never say), itself looked up in the table ("FK Crvena
    Zvezda" is "Rode Ster Belgrado")."""
    for spelling in (name, *spellings):
        if spelling in lang.names:
            return lang.names[spelling]
    if name in lang.countries:
        return lang.countries[name]
    words = [lang.names.get(word, word) for word in name.split()]
    kept = [w for w in words if w not in _CLUB_FORMS and not _FOUNDED.fullmatch(w)]
    if len(kept) == 2 and kept[0] in _CITY_ADJECTIVES and kept[1] in _ADJECTIVE_FORMS:
        kept = kept[:1]
    plain = " ".join(kept or words)
    if len(kept) == 1 and any(w in _ADJECTIVE_FORMS for w in words) and _ADJECTIVE.fullmatch(plain):
        # "Hamburger SV" is "Hamburg", never "Hamburger"; an adjective not in the table
        # keeps its form ("Chester FC" stays whole) rather than be left a different word
        if plain not in _CITY_ADJECTIVES:
            return name
        plain = _CITY_ADJECTIVES[plain]
    return lang.names.get(plain, plain)


def _within(short: str, longer: str) -> bool:
    """Whether ``short`` is the last words of ``longer`` ("Leipzig" of "Chemie Leipzig"), so
    a reader would take the one for the other."""
    return short != longer and longer.endswith(f" {short}")


def display_names(
    teams: Iterable[Team],
    lang: Language,
    spellings: Mapping[Team, Sequence[str]] | None = None,
) -> dict[Team, str]:
    """The name each team goes by in ``lang``; teams whose names would collide keep their own,
    as does a team whose name would be the end of another's ("RB Leipzig" beside "Chemie
    Leipzig").

    ``spellings`` are other names of the same club, by team (the club lists' spellings, which
    the caller reads): a club the data writes one way goes by the name the table gives another.
    """
    others = spellings or {}
    wanted = {team: _common_name(team.name, lang, others.get(team, ())) for team in teams}
    taken: dict[str, int] = {}
    for name in wanted.values():
        taken[name] = taken.get(name, 0) + 1
    # a short name that is the end of another's ("Leipzig" beside "Chemie Leipzig") keeps
    # the club's own name ("RB Leipzig")
    inside = {short for short in taken if any(_within(short, other) for other in taken)}
    return {
        team: name if taken[name] == 1 and name not in inside else team.name
        for team, name in wanted.items()
    }
