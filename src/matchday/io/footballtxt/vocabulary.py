"""The words of Football.TXT as the openfootball files write them, in tables.

Round headers come in the languages openfootball uses (English, German, Spanish, French, Dutch,
Italian, Portuguese) and in several shapes ("Gruppe G", "Quarter-finals - 1st Leg", "Finals,
Round of 16", "1/8 Finals", "1. Vorrunde"); each maps to one canonical round name and format.
The same table reads a user's ``--round`` option, so "round of 16", "Achtelfinale", "achtste
finales" and "last 16" all find the round of 16. Months, weekdays, score words and match status
words live here too, so that the parser holds no vocabulary of its own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from matchday.model.competition import RoundFormat

__all__ = [
    "AET_WORDS",
    "GROUP_WORD",
    "MONTHS",
    "NAME_AND",
    "PENALTY_WORDS",
    "PROPERTY_KEYS",
    "SHOOTOUT_KEYS",
    "STATUS_WORDS",
    "WEEKDAYS",
    "WEEKDAY_NAMES",
    "RoundName",
    "canonical_round",
    "names_a_leg",
    "round_spellings",
]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_MONTH_NAMES = (
    ("jan", "january", "januar", "janvier", "enero", "januari", "jänner", "gennaio", "janeiro",
     "ene", "gen"),
    ("feb", "february", "februar", "fevrier", "febrero", "februari", "febbraio", "fevereiro",
     "fev"),
    ("mar", "march", "marz", "mars", "marzo", "maart", "marco", "mrz"),
    ("apr", "april", "avril", "abril", "aprile", "abr"),
    ("may", "mai", "mayo", "mei", "maggio", "maio", "mag"),
    ("jun", "june", "juni", "juin", "junio", "giugno", "junho", "giu"),
    ("jul", "july", "juli", "juillet", "julio", "luglio", "julho", "lug"),
    ("aug", "august", "aout", "agosto", "augustus", "ago"),
    ("sep", "sept", "september", "septembre", "septiembre", "settembre", "setembro", "set"),
    ("oct", "october", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "ott",
     "out"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "dezember", "decembre", "diciembre", "dicembre", "dezembro", "dez",
     "dic"),
)  # fmt: skip
MONTHS: Mapping[str, int] = MappingProxyType(
    {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
)
"""Month names and abbreviations, folded (lower case, no accents) -> month number."""

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""Weekday abbreviations, Monday first (as ``date.weekday()`` counts)."""

_WEEKDAY_NAMES = (
    ("mon", "mo", "monday", "montag", "lunes", "lundi", "maandag", "ma", "lun", "lunedi",
     "seg", "segunda", "segunda-feira"),
    ("tue", "tu", "tues", "tuesday", "di", "dienstag", "martes", "mardi", "dinsdag", "mar",
     "martedi", "ter", "terca", "terca-feira"),
    ("wed", "we", "wednesday", "mi", "mittwoch", "miercoles", "mercredi", "woensdag", "wo",
     "mie", "mer", "mercoledi", "qua", "quarta", "quarta-feira"),
    ("thu", "th", "thur", "thurs", "thursday", "do", "donnerstag", "jueves", "jeudi", "jue",
     "gio", "giovedi", "qui", "quinta", "quinta-feira"),
    ("fri", "fr", "friday", "freitag", "viernes", "vendredi", "vrijdag", "vr", "vie", "ven",
     "venerdi", "sex", "sexta", "sexta-feira"),
    ("sat", "sa", "saturday", "samstag", "sabado", "samedi", "zaterdag", "za", "sab"),
    ("sun", "su", "sunday", "so", "sonntag", "domingo", "dimanche", "zondag", "zo", "dom",
     "domenica"),
)  # fmt: skip
"""Weekday names and abbreviations in English, German, Spanish, French, Dutch, Italian and
Portuguese, folded. A weekday comes first on a date line, so "mar" (Spanish "martes", also
"marzo") reads as Tuesday there and as March where a month stands (``Mar 3 Mar 2020``)."""
WEEKDAY_NAMES: Mapping[str, int] = MappingProxyType(
    {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names}
)
"""Weekday names and abbreviations, folded -> ``date.weekday()`` number."""

AET_WORDS = frozenset(
    {
        "aet", "a.e.t.", "a.e.t", "aet.", "n.v.", "nv", "n.v", "nv.", "a.p.", "ap", "pr",
        "aet/gg", "a.e.t./g.g.", "a.e.t/g.g", "agget", "asdet", "aet/sg", "a.e.t./s.g.",
        "asget", "extra time", "after extra time", "a.p", "ap.", "d.t.s.", "d.t.s", "dts",
        "na verlenging", "na verlengingen", "après prolongation", "apres prolongation",
    }
)  # fmt: skip
"""Words (folded) that mark a score as the score after extra time: English, German and Dutch
("n.V.", "n.v."), French ("a.p."), Spanish ("pr."), Italian ("d.t.s."); a phrase of words
("after extra time", "na verlenging") counts as one."""

PENALTY_WORDS = frozenset(
    {
        "pen", "pen.", "pens", "pens.", "p", "i.e.", "ie", "i.e", "n.e.", "pso", "penalties",
        "on pens", "on penalties", "t.a.b.", "t.a.b", "tab", "tab.", "tirs au but",
        "strafschoppen", "na strafschoppen", "n.s.", "n.s", "d.c.r.", "d.c.r", "dcr",
    }
)  # fmt: skip
"""Words (folded) that mark a score as a penalty shoot-out: English, German ("i.E.",
"n.E."), French ("t.a.b.", "tirs au but"), Dutch ("strafschoppen", "n.s."), Italian
("d.c.r."); a phrase of words counts as one."""

STATUS_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "cancelled": "cancelled", "canceled": "cancelled", "annulled": "annulled",
        "voided": "cancelled", "postponed": "postponed", "abandoned": "abandoned",
        "awarded": "awarded", "walkover": "walkover", "w/o": "walkover", "wo": "walkover",
        "withdrew": "walkover",
    }
)  # fmt: skip
"""Match status words (folded) -> the status they mean."""

SHOOTOUT_KEYS = frozenset(
    {"penalties", "penalty shootout", "penalty shoot-out", "shootout", "penalty kicks", "pens"}
)
"""Keys (folded) of the property line that writes a shoot-out kick by kick
(``Penalties: 1-0 Gavranović, 1-1 Pogba, ...``, the running tally home side first)."""

PROPERTY_KEYS = SHOOTOUT_KEYS | frozenset(
    {
        "referee", "referees", "ref", "refs", "att", "attn", "attendance", "yellow cards",
        "yellow card", "red cards", "red card", "sent off", "sent-off", "goals", "coach",
        "coaches", "trainer", "manager", "assistant referees", "linesmen", "venue", "stadium",
        "note", "notes", "scorers", "booked", "bookings", "cautions",
    }
)  # fmt: skip
"""Keys (folded) of level-2 property lines (``Referee: ...``) that are not team line-ups."""

NAME_AND = re.compile(r"\s(?:&|and|und|en|et|e|y)\s+(?:the\s+)?")
"""The "and" that joins the two parts of a country's name ("São Tomé & Príncipe", "Saint
Vincent and the Grenadines", "Trinidad y Tobago"), folded, with the article after it."""

GROUP_WORD = re.compile(r"(?:group|gruppe|grupo|groupe|groep|girone|sub-group)\s+(\w{1,3})\Z")
"""A group's name in a group line-up (``Group A | ...``), folded."""


@dataclass(frozen=True, slots=True)
class RoundName:
    """A round header read into its canonical name and format.

    ``format`` is ``None`` when the name alone does not say how the round was played (a "First
    round" or "Final round" was a knockout round in some tournaments and groups in others): the
    parser then decides from the matches.
    """

    name: str
    format: RoundFormat | None
    replay: bool = False


_K, _G, _L = RoundFormat.KNOCKOUT, RoundFormat.GROUP, RoundFormat.LEAGUE

_PHRASES: Mapping[str, tuple[str, RoundFormat | None]] = MappingProxyType(
    {
        # round of 32
        "sechzehntelfinale": ("Round of 32", _K), "1/16 finals": ("Round of 32", _K),
        "1/16 final": ("Round of 32", _K), "dieciseisavos de final": ("Round of 32", _K),
        "seiziemes de finale": ("Round of 32", _K), "zestiende finales": ("Round of 32", _K),
        "sedicesimi di finale": ("Round of 32", _K), "r32": ("Round of 32", _K),
        "r 32": ("Round of 32", _K),
        "zestiende finale": ("Round of 32", _K), "zestiendefinales": ("Round of 32", _K),
        "zestiendefinale": ("Round of 32", _K), "1/16 finales": ("Round of 32", _K),
        "1/16 finale": ("Round of 32", _K), "1/16e finales": ("Round of 32", _K),
        "1/16e finale": ("Round of 32", _K), "sechzehntelfinal": ("Round of 32", _K),
        "knockout round play-offs": ("Playoffs", _K),
        # round of 16
        "achtelfinale": ("Round of 16", _K), "1/8 finals": ("Round of 16", _K),
        "1/8 final": ("Round of 16", _K), "eighth-finals": ("Round of 16", _K),
        "octavos de final": ("Round of 16", _K), "octavos": ("Round of 16", _K),
        "huitiemes de finale": ("Round of 16", _K), "achtste finales": ("Round of 16", _K),
        "achtste finale": ("Round of 16", _K), "ottavi di finale": ("Round of 16", _K),
        "oitavas de final": ("Round of 16", _K), "r16": ("Round of 16", _K),
        "r 16": ("Round of 16", _K),
        "achtstefinales": ("Round of 16", _K), "achtstefinale": ("Round of 16", _K),
        "1/8 finales": ("Round of 16", _K), "1/8 finale": ("Round of 16", _K),
        "1/8e finales": ("Round of 16", _K), "1/8e finale": ("Round of 16", _K),
        "1/8ste finales": ("Round of 16", _K), "1/8ste finale": ("Round of 16", _K),
        "achtelfinal": ("Round of 16", _K), "oitavos de final": ("Round of 16", _K),
        "oitavos-de-final": ("Round of 16", _K),
        # quarter-finals
        "quarterfinals": ("Quarterfinals", _K), "quarterfinal": ("Quarterfinals", _K),
        "quarter-finals": ("Quarterfinals", _K), "quarter-final": ("Quarterfinals", _K),
        "quarter finals": ("Quarterfinals", _K), "quarter final": ("Quarterfinals", _K),
        "1/4 finals": ("Quarterfinals", _K), "1/4 final": ("Quarterfinals", _K),
        "viertelfinale": ("Quarterfinals", _K), "cuartos de final": ("Quarterfinals", _K),
        "quarts de finale": ("Quarterfinals", _K), "kwartfinales": ("Quarterfinals", _K),
        "kwartfinale": ("Quarterfinals", _K), "quarti di finale": ("Quarterfinals", _K),
        "quartas de final": ("Quarterfinals", _K), "qf": ("Quarterfinals", _K),
        "kwart finales": ("Quarterfinals", _K), "kwart finale": ("Quarterfinals", _K),
        "1/4 finales": ("Quarterfinals", _K), "1/4 finale": ("Quarterfinals", _K),
        "1/4e finales": ("Quarterfinals", _K), "1/4e finale": ("Quarterfinals", _K),
        "cuartos": ("Quarterfinals", _K), "viertelfinal": ("Quarterfinals", _K),
        "quartos de final": ("Quarterfinals", _K), "quartos-de-final": ("Quarterfinals", _K),
        "quarters": ("Quarterfinals", _K),
        # semi-finals
        "semifinals": ("Semifinals", _K), "semifinal": ("Semifinals", _K),
        "semi-finals": ("Semifinals", _K), "semi-final": ("Semifinals", _K),
        "semi finals": ("Semifinals", _K), "semi final": ("Semifinals", _K),
        "1/2 finals": ("Semifinals", _K), "halbfinale": ("Semifinals", _K),
        "semifinales": ("Semifinals", _K), "demi-finales": ("Semifinals", _K),
        "demi-finale": ("Semifinals", _K), "halve finales": ("Semifinals", _K),
        "halve finale": ("Semifinals", _K), "semifinali": ("Semifinals", _K),
        "semifinais": ("Semifinals", _K), "sf": ("Semifinals", _K),
        "halve finals": ("Semifinals", _K), "halvefinales": ("Semifinals", _K),
        "halvefinale": ("Semifinals", _K),
        "1/2 finales": ("Semifinals", _K), "1/2 finale": ("Semifinals", _K),
        "1/2 final": ("Semifinals", _K), "halbfinal": ("Semifinals", _K),
        "meias-finais": ("Semifinals", _K), "meias finais": ("Semifinals", _K),
        "meia-final": ("Semifinals", _K), "meia final": ("Semifinals", _K),
        "semis": ("Semifinals", _K),
        # final
        "final": ("Final", _K), "finals": ("Final", _K), "finale": ("Final", _K),
        "endspiel": ("Final", _K), "world cup final": ("Final", _K), "grand final": ("Final", _K),
        "elimination final": ("Elimination final", _K),
        "qualifying final": ("Qualifying final", _K),
        "preliminary final": ("Preliminary final", _K),
        # third place
        "match for third place": ("Third place", _K), "third place match": ("Third place", _K),
        "third-place match": ("Third place", _K), "third place play-off": ("Third place", _K),
        "third-place play-off": ("Third place", _K),
        "play-off for third place": ("Third place", _K),
        "third place playoff": ("Third place", _K), "3rd place": ("Third place", _K),
        "3rd/4th place play-off": ("Third place", _K), "third place": ("Third place", _K),
        "spiel um platz 3": ("Third place", _K), "spiel um platz drei": ("Third place", _K),
        "tercer puesto": ("Third place", _K), "partido por el tercer puesto": ("Third place", _K),
        "tercer lugar": ("Third place", _K), "petite finale": ("Third place", _K),
        "match pour la troisieme place": ("Third place", _K), "troostfinale": ("Third place", _K),
        "kleine finale": ("Third place", _K), "wedstrijd om de derde plaats": ("Third place", _K),
        "finale per il terzo posto": ("Third place", _K),
        "kleines finale": ("Third place", _K), "spiel um den dritten platz": ("Third place", _K),
        "partido por el tercer lugar": ("Third place", _K),
        "partido por el tercer y cuarto puesto": ("Third place", _K),
        "match pour la 3e place": ("Third place", _K), "finalina": ("Third place", _K),
        "finale per il 3o posto": ("Third place", _K), "finale terzo posto": ("Third place", _K),
        "troostfinales": ("Third place", _K), "wedstrijd om plaats 3": ("Third place", _K),
        "kleine finales": ("Third place", _K), "wedstrijd om de 3e plaats": ("Third place", _K),
        "disputa do terceiro lugar": ("Third place", _K),
        "disputa de terceiro lugar": ("Third place", _K), "terceiro lugar": ("Third place", _K),
        "disputa do 3o lugar": ("Third place", _K), "jogo do terceiro lugar": ("Third place", _K),
        "3rd place play-off": ("Third place", _K),
        "3rd place match": ("Third place", _K), "third place final": ("Third place", _K),
        # play-offs
        "playoffs": ("Playoffs", _K), "playoff": ("Playoffs", _K), "play-offs": ("Playoffs", _K),
        "play-off": ("Playoffs", _K), "play offs": ("Playoffs", _K),
        "knockout round playoffs": ("Playoffs", _K), "knockout playoffs": ("Playoffs", _K),
        "playoff-runde": ("Playoffs", _K), "play-off-runde": ("Playoffs", _K),
        "playoff stage": ("Playoffs", _K), "repechage": ("Playoffs", _K),
        "play-off round": ("Playoffs", _K), "playoff round": ("Playoffs", _K),
        "play-offronde": ("Playoffs", _K),
        "play-ins": ("Play-in", _K), "play-in": ("Play-in", _K), "play-in round": ("Play-in", _K),
        "reclassification": ("Reclassification", _K), "reclasificacion": ("Reclassification", _K),
        "inter-confederation play-offs": ("Playoffs", _K),
        # preliminary
        "preliminary round": ("Preliminary round", _K),
        "qualifying round": ("Preliminary round", _K),
        "preliminary qualifier": ("Preliminary round", _K), "vorrunde": ("Preliminary round", _K),
        "qualifikation": ("Preliminary round", _K), "voorronde": ("Preliminary round", _K),
        "ronda preliminar": ("Preliminary round", _K), "fase previa": ("Preliminary round", _K),
        "tour preliminaire": ("Preliminary round", _K), "voorrondes": ("Preliminary round", _K),
        # replays
        "replay": ("Replay", _K), "replays": ("Replay", _K), "wiederholungsspiel": ("Replay", _K),
        "repeticion": ("Replay", _K), "desempate": ("Replay", _K),
        # group and league stages
        "group stage": ("Group stage", _G), "group": ("Group stage", _G),
        "groups": ("Group stage", _G), "group matches": ("Group stage", _G),
        "gruppenphase": ("Group stage", _G), "fase de grupos": ("Group stage", _G),
        "phase de groupes": ("Group stage", _G), "groepsfase": ("Group stage", _G),
        "fase a gironi": ("Group stage", _G), "round robin": ("Group stage", _G),
        "first stage": ("Group stage", _G), "first phase": ("Group stage", _G),
        "league": ("League phase", _L), "league phase": ("League phase", _L),
        "league stage": ("League phase", _L), "ligaphase": ("League phase", _L),
        "competitiefase": ("League phase", _L), "fase de liga": ("League phase", _L),
        "regular season": ("League phase", _L),
        # rounds whose format the matches tell
        "final round": ("Final round", None), "finalrunde": ("Final round", None),
        "second stage": ("Second stage", None), "second phase": ("Second stage", None),
    }
)  # fmt: skip
"""Round names (folded) that need no number, -> canonical name and format."""

_SPELLINGS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        name: tuple(phrase for phrase, (found, _) in _PHRASES.items() if found == name)
        for name in {found for found, _ in _PHRASES.values()}
    }
)
"""Canonical round name -> the phrases of ``_PHRASES`` that name it (folded)."""


def round_spellings(name: str) -> tuple[str, ...]:
    """The spellings the table knows for the canonical round ``name`` ("Quarterfinals":
    "kwartfinales", "quarter-finals", "cuartos de final", ...), folded; none for a round with
    no phrase of its own ("Group A", "Round 2")."""
    return _SPELLINGS.get(name, ())


_ORDINALS: Mapping[str, int] = MappingProxyType(
    {
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6,
        "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "primera": 1, "segunda": 2,
        "tercera": 3, "premier": 1, "deuxieme": 2, "eerste": 1, "tweede": 2, "derde": 3,
        "vierde": 4, "vijfde": 5, "zesde": 6, "1e": 1, "2e": 2, "3e": 3, "4e": 4, "5e": 5,
        "6e": 6,
    }
)  # fmt: skip
"""Ordinal words (folded) of numbered rounds ("Second round", "2nd Round", "Zweite Runde")."""

_ROUND_WORDS = ("round", "runde", "ronda", "tour", "ronde", "turno", "rodada", "hauptrunde", "r")
"""The words of a numbered round ("Round 2", "2. Runde", "1. Hauptrunde", "R1")."""
_PRELIMINARY_WORDS = ("preliminary round", "vorrunde", "voorronde", "qualifying round")
_KO_NUMBERS = {"32": "Round of 32", "16": "Round of 16", "8": "Quarterfinals", "4": "Semifinals"}
_KO_NUMBERS["2"] = "Final"

_LEG_SUFFIX = re.compile(
    r"\s*(?:[-,]\s*)?(?:(?:1st|2nd|first|second|1|2)\s+legs?|legs?\s+\d(?:\s+of\s+\d)?"
    r"|hinspiel|ruckspiel|ida|vuelta|heenwedstrijd|terugwedstrijd|aller|retour"
    r"|(?:match|game)\s+\d)\Z"
)
_MATCHDAY_SUFFIX = re.compile(
    r"\s*,?\s*(?:matchday|spieltag|jornada|journee|speeldag|giornata|leg)\s*\d{1,2}"
    r"(?:\s*(?:of|/)\s*\d{1,2})?\Z"
)
_REPLAY_SUFFIX = re.compile(r"\s*[-,]?\s*(?:replays?|wiederholungsspiele?|repeticion)\Z")
_GROUP = re.compile(r"(?:group|gruppe|grupo|groupe|groep|girone|sub-group|poule)\s+(\w{1,3})\Z")
_NUMBERED = re.compile(
    r"(?:(?P<n1>\d{1,2})\.\s*(?P<w1>\w+)|(?P<w2>\w+)\s+(?P<n2>\d{1,2})"
    r"|(?P<ord>\w+)\s+(?P<w3>\w+(?:\s+\w+)?))\Z"
)
_REGION = re.compile(r"(?:path \w{1,3}|[\w&/ -]{1,40} (?:zone|region|conference)(?: \w)?)")
_NAMED_PLAYOFF = re.compile(r"[\w&/ ,.-]{1,60} (?:play-?offs?|place|platz)")
_PLAY_IN = re.compile(r"play-?ins?(?: round)? (\d{1,2})")
_NUMBERED_ROUND = re.compile(r"Round \d{1,2}")
_SEPARATE_STAGE = re.compile(
    r"(?:relegation|abstieg|play-?outs?|apertura|clausura|europa|conference league)\b",
    re.IGNORECASE,
)
"""A stage of its own within a season's file, kept in the round's name: a play-out against
going down ("Relegation, Final", "Playout, Final"), never one round with the promotion final;
the play-offs of each of two tournaments in one file ("Apertura Playoffs, Final"); a league's
play-off for a European place ("Europa League Finals, Final"), no final of its title."""
_SPACED_NUMBER = re.compile(r"([a-z])(\d)")
_GROUP_PLAYOFF = re.compile(
    r"(?:group|gruppe|groep)\s+(\w{1,3}),?\s+play-?offs?|play-?offs?\s+(?:van|of)\s+"
    r"(?:de\s+|the\s+)?(?:group|groep)\s+(\w{1,3})"
)
_LAST = re.compile(r"(?:round of|last|best)\s+(\d{1,2})\Z")
_MATCHDAY = re.compile(
    r"(?:matchday|spieltag|jornada|journee|speeldag|giornata)\s*(\d{1,2})"
    r"(?:\s*(?:of|/)\s*\d{1,2})?\Z"
)
"""A matchday of a league phase: "Matchday 3", or "Matchday 3 of 8" as the specification's
word list writes it."""


def names_a_leg(text: str) -> bool:
    """Whether a round header names a leg ("Final - 1st Leg", "Halbfinale, Rückspiel"): its
    ties are played over two legs even when the file holds one of them."""
    return _LEG_SUFFIX.search(_fold(" ".join(text.split())).strip(" .:")) is not None


@functools.lru_cache(maxsize=4096)
def canonical_round(text: str) -> RoundName | None:
    """The canonical round for a header or a user's round name, or ``None`` if unknown."""
    cleaned = _fold(" ".join(text.split())).strip(" .:")
    if len(cleaned) > 80:
        return None
    replay = False
    for _ in range(3):
        before = cleaned
        cleaned = _LEG_SUFFIX.sub("", cleaned)
        cleaned = _MATCHDAY_SUFFIX.sub("", cleaned) if not _MATCHDAY.fullmatch(cleaned) else cleaned
        if (stripped := _REPLAY_SUFFIX.sub("", cleaned)) != cleaned and stripped:
            cleaned, replay = stripped, True
        if cleaned.startswith("finals, "):
            cleaned = cleaned.removeprefix("finals, ")
        if cleaned == before:
            break
    found = _lookup_spaced(cleaned)
    written = " ".join(text.split())
    for separator in (", ", " - "):
        if found is None and separator in written:
            head, tail = written.rsplit(separator, 1)
            found = canonical_round(tail)
            numbered = found is not None and _NUMBERED_ROUND.fullmatch(found.name) is not None
            separate = _SEPARATE_STAGE.match(head) is not None
            prefixed = found is not None and (found.format is _L or numbered or separate)
            if found is not None and prefixed and not found.name.startswith("League"):
                found = RoundName(f"{head}, {found.name}", found.format)
    if found is None and (_REGION.fullmatch(cleaned) or _NAMED_PLAYOFF.fullmatch(cleaned)):
        found = RoundName(" ".join(text.split()), None)
    if found is None:
        return None
    if replay and found.name != "Replay":
        # the replays of one round stay that round's ("Quarterfinals, Replays"): a file's
        # replays of two rounds are no one round, which would lose which tie each replays
        return RoundName(f"{found.name}, Replays", RoundFormat.KNOCKOUT, replay=True)
    if replay:
        return RoundName("Replay", RoundFormat.KNOCKOUT, replay=True)
    return found


def _lookup_spaced(cleaned: str) -> RoundName | None:
    return _lookup(cleaned) or _lookup(_SPACED_NUMBER.sub(r"\1 \2", cleaned))


def _lookup(cleaned: str) -> RoundName | None:
    if (phrase := _PHRASES.get(cleaned)) is not None:
        name, fmt = phrase
        return RoundName(name, fmt, replay=name == "Replay")
    if found := _GROUP.fullmatch(cleaned):
        return RoundName(f"Group {found.group(1).upper()}", RoundFormat.GROUP)
    if found := _PLAY_IN.fullmatch(cleaned):
        return RoundName(f"Play-in {found.group(1)}", _K)
    if found := _GROUP_PLAYOFF.fullmatch(cleaned):
        group = found.group(1) or found.group(2)
        return RoundName(f"Group {group.upper()} play-off", _K)
    if found := _LAST.fullmatch(cleaned):
        number = found.group(1)
        return RoundName(_KO_NUMBERS[number], _K) if number in _KO_NUMBERS else None
    if found := _MATCHDAY.fullmatch(cleaned):
        return RoundName(f"Matchday {int(found.group(1))}", _L)
    for prefix in _PRELIMINARY_WORDS:
        rest = cleaned.removesuffix(prefix).strip()
        if rest != cleaned and (number := _ordinal(rest.rstrip("."))) is not None:
            return RoundName(f"Preliminary round {number}", _K)
    if found := _NUMBERED.fullmatch(cleaned):
        word = found["w1"] or found["w2"] or found["w3"]
        number = (
            int(found["n1"] or found["n2"])
            if found["n1"] or found["n2"]
            else _ordinal(found["ord"])
        )
        if word in _ROUND_WORDS and number is not None:
            return RoundName(f"Round {number}", _K)
        if word in ("stage", "phase") and number is not None:
            return RoundName(f"Stage {number}", None)
    return None


def _ordinal(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit() and len(word) <= 2:
        return int(word)
    return _ORDINALS.get(word)
