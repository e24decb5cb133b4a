"""How reporters write claims, per language: tables of phrases, not branches of code.

Each ``Vocabulary`` holds regular expressions (matched case-insensitively) for the phrases a
claim rests on, number words, time phrases with the minutes they mean, what the country's
people are called (a club of the country, or its national team: ``NATIONAL_TEAMS``), and
the forecast's bands. A new language is a new table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from matchday.report.story.chances import FORMALITY

__all__ = [
    "BRINK",
    "EN",
    "FAVOURITE",
    "FORMALITY",
    "NATIONAL_TEAMS",
    "NICKNAMES",
    "NL",
    "VOCABULARIES",
    "Band",
    "Role",
    "TimePhrase",
    "Vocabulary",
    "number_words",
]

BRINK = 0.15
"""A side whose chance of going through fell to this or lower was "on the brink of
elimination"."""
FAVOURITE = 0.5
"""A side with a chance above this at kick-off was the favourite, below it the underdog."""


class Role(StrEnum):
    """What a phrase says about the team it is said of (the subject before it, or the object
    after it)."""

    WON = "won"
    LOST = "lost"
    DREW = "drew"
    THROUGH = "through"
    OUT = "out"
    DESPITE = "despite"
    CAME_BACK = "came_back"
    CHAMPION = "champion"


class Band(StrEnum):
    """What a forecast phrase says of a side's chance."""

    FORMALITY = "formality"
    BRINK = "brink"
    FAVOURITE = "favourite"
    UNDERDOG = "underdog"


@dataclass(frozen=True, slots=True)
class TimePhrase:
    """A phrase for a moment of the match, and the minutes it may mean.

    With a number (group ``n``, figures or words) the range is ``n+low`` to ``n+high``, or
    counted back from the ``end`` (the 90th minute, or the 120th) when ``from_end``;
    ``after_previous`` counts from the minute of the event told just before ("geen drie minuten
    later"). Without a number,
    ``low`` to ``high`` are the minutes themselves.
    """

    pattern: str
    low: int
    high: int
    from_end: bool = False
    after_previous: bool = False
    end: int = 90
    """The minute counted back from when ``from_end``: 120 for the end of extra time."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Everything the claim finder knows of one language."""

    code: str
    units: tuple[str, ...]
    tens: Mapping[int, str]
    compound: str
    ordinals: Mapping[str, int]
    minute: str
    added_minutes: tuple[tuple[str, tuple[int, ...]], ...]
    """A minute of added time in words, its group ``n`` the added minute (an ordinal in figures
    or words, or a count: "11 minutes into stoppage time"), with the minutes it may be added
    to: "the 11th minute of stoppage time" is 90+11, "de tweede minuut van de blessuretijd van
    de eerste helft" 45+2, "the first minute of stoppage time of extra time" 105+1 or 120+1
    (either half of it)."""
    times: tuple[TimePhrase, ...]
    phrases: tuple[tuple[str, Role, str], ...]
    methods: Mapping[str, str]
    """The ways a tie is decided, by name: ``away_goals``, ``extra_time``, ``penalties``, and
    ``normal_time`` ("won in normal time", "binnen de reguliere speeltijd": decided without
    extra time, a claim only where a side wins or goes through in its clause) and ``lots``
    ("decided by the drawing of lots", "na loting")."""
    straight: str
    """A shoot-out straight after 90 minutes, no extra time before it ("went straight to
    penalties", "meteen naar strafschoppen"): a claim that no extra time was played."""
    taken_to: str
    """Words just before a phase that say the match was taken to it ("went to extra time",
    "ging naar verlengingen"), not that a side won in it."""
    aggregate: str
    first_leg: str
    second_leg: str
    """The second leg named ("the return leg", "de terugmatch"): a win said of it, after the
    verb, is the night's, however the sentence opened ("Na de nederlaag in de heenmatch won
    Palmeiras de terugmatch")."""
    title_won: str
    """A side winning or losing what the tie decides ("win the play-off", "lost the final",
    "wint de finale"): a claim on the tie, not on the night's match (a second leg drawn 1-1
    still wins a play-off)."""
    half_time: str
    after_90: str
    shootout: str
    """The shoot-out named ("on penalties", "strafschoppenreeks", the Flemish "de reeks")."""
    running: str
    leading: str
    """Words that say the side the clause is about led at the score told ("Poland led 2-0",
    "stond op voorsprong"): its goals are the score's higher figure, whichever comes first."""
    trailing: str
    """Words that say that side trailed ("trailed 1-0", "kwam op achterstand", "stond 0-1
    achter"): its goals are the lower figure."""
    goal_verbs: str
    goal_nouns: str
    goal_count: str
    """How many goals a scorer got, its group ``n`` a number word or figure ("two goals",
    "drie keer"); ``goal_tallies``: counts with a name of their own ("twice", "a hat-trick")."""
    goal_tallies: Mapping[str, int]
    tally_completed: str
    """A named tally completed by the goal told ("completed his hat-trick in the 118th
    minute", "maakte zijn hattrick vol"): that goal was his third (the tally's number)."""
    goal_span: str
    """How few minutes a count of goals took, just after the count, its group ``n`` the
    minutes ("twice in two minutes", "twee keer binnen twee minuten"): a stretch of that
    length, not the first minutes of the match."""
    goal_roles: Mapping[str, str]
    """What a goal was, said of its scorer: ``opener`` (the match's first goal), ``equaliser``
    (it levelled the match, or the tie), ``winner`` (it won the match, or put the side through
    for good), ``lead`` (it put its side ahead from level: "put France ahead", "op
    voorsprong"; a lead of two is said with its score)."""
    own_goal: str
    penalty_goal: str
    penalty_count: str
    """How many of a scorer's goals were penalties: ``all`` (all of them, "all three goals from
    the spot", "alle drie de doelpunten uit een strafschop") and the number, ``n``, or as a count
    of times (``times``), a named tally (``tally``: "twice") or of kicks (``kicks``: "twee
    strafschoppen benut", "benutte twee strafschoppen": with the verb before them, ``verb``)."""
    penalty_missed: str
    """A penalty missed, said of a player or a side ("Kane missed a penalty", "benutte een
    strafschop niet", "zag zijn strafschop gestopt"): the data records no missed penalty."""
    no_penalty_scored: str
    """A side scoring no penalty at all ("did not score a single penalty", "benutte geen enkele
    strafschop", "missed all their penalties"): in a shoot-out and in play."""
    shootout_kick: str
    """One kick a player took, said with the shoot-out named ("the decisive penalty as
    Argentina won the shoot-out"): no goal, and the data does not say who took the kicks."""
    substitute: str
    red_card: str
    second_yellow: str
    spell_through: str
    spell_level: str
    what_if_force: str
    what_if_out: str
    at_score: str
    chances: tuple[tuple[str, Band], ...]
    percent_kickoff: str
    percent_floor: str
    demonyms: Mapping[str, tuple[str, ...]]
    """What the country's people are called, by country code ("GER": "Germans"): the words
    that name a club of that country, or its national team (``NATIONAL_TEAMS``)."""
    object_before: str
    """Words just before a team that make it the object, not the subject, of what follows
    ("at Napoli", "beat Celtic", "tegen Celtic", "versloeg de Kroaten"): matched at the end of
    the text before the name."""
    against: str
    """Words just before a team that make it the opponent of what the clause says, wherever
    in the clause ("against Poland, England won 3-0", "won their match against Poland"),
    matched at the end of the text before the name."""
    modal: str
    """Words that make what follows a wish or a hypothesis, not a claim of fact ("would",
    "zou")."""
    counterfactual: str
    """Words in a scorer's clause that make his goal one that would or could have been, or
    nearly was ("would have scored", "zou ... hebben", "had ... kunnen", "scoorde bijna"):
    no claim of a goal, not checkable (not "kon scoren", Flemish for managed to score)."""
    expected: str
    """Words that make a result or a way through that follows them an expectation, a need or
    an aim, not a claim of fact ("favourites to go through", "need a draw to go through",
    "favoriet om door te gaan"): matched at the end of the clause's text before the words."""
    negation: str
    """Words that deny a claim: just before its words ("did not win", "failed to win", "ging
    niet door", "zonder verlengingen"), or just after them for the kinds ``denied_after``
    names ("Messi did not score", "won de finale niet")."""
    negation_after: str
    """Words that deny a claim just after its words ("did not", "niet"; not "zonder")."""
    denied_after: frozenset[str]
    """The kinds of claim (``Kind`` values) a negation after their words denies."""
    denied_score: str
    """Words between a denied result and the score just after it ("did not win 4-1", "did not
    win by 4-1", "won niet met 4-1"): the denial may be of the score alone, so the result is
    not checked, the score is (as denied)."""
    no_negation: str
    """Words with a negation that deny nothing ("not only", "niet alleen", "niet meer dan")."""
    home: str
    """The home side ("the hosts", "de thuisploeg"); at a World Cup's or a Euro's match, the
    host nation where it plays in it (``matchday.competitions.hosts``)."""
    away: str
    host_nation: str
    """Words that name the tournament's host nation only ("the host nation", "het gastland")."""
    pronouns: str
    side_nouns: str
    """Nouns for a side ("team", "ploeg"): a capitalised word just before one is an adjective
    ("de Braziliaanse ploeg", "the Brazilian side"), never a player."""
    stopwords: frozenset[str]
    extras: Mapping[str, str] = field(default_factory=dict)


def number_words(vocab: Vocabulary) -> dict[str, int]:
    """Every number from 0 to 99 in words, from the language's units and tens."""
    found = {word: n for n, word in enumerate(vocab.units)}
    for ten, word in vocab.tens.items():
        found[word] = ten
        for unit in range(1, 10):
            found[vocab.compound.format(unit=vocab.units[unit], ten=word)] = ten + unit
    return found


_EN_NTH = (
    r"(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth)"
)
"""An added minute as an ordinal, in figures or words."""
_EN_ADDED = r"(?:stoppage|added|injury)[- ]time"
"""The time added at the end of a half."""

_EN_COMMON = (
    "the and of to in was were is are a an on "
    "at with after their they but from for by it had have "
    "minute minutes goal "
)
"""Common words by which a text is told to be in this language."""

EN = Vocabulary(
    code="en",
    units=(
        "nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ),
    tens={20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
          80: "eighty", 90: "ninety"},
    compound="{ten}-{unit}",
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
              "thirteenth": 13, "fourteenth": 14, "fifteenth": 15},
    minute=r"(?<![\d-])(?P<m>\d{1,3})(?:\+(?P<a>\d{1,2}))?(?:'|(?:st|nd|rd|th)\b(?:\s(?:minute|min))?)",
    added_minutes=(
        (rf"{_EN_NTH} minute of {_EN_ADDED} (?:at the end of|in|of) the first half of "
         r"extra[- ]time", (105,)),
        (rf"{_EN_NTH} minute of {_EN_ADDED} (?:(?:at the end of|in|of) the second half of|"
         r"at the end of) extra[- ]time", (120,)),
        (rf"{_EN_NTH} minute of {_EN_ADDED} (?:in|of) extra[- ]time", (105, 120)),
        (rf"{_EN_NTH} minute of first-half {_EN_ADDED}", (45,)),
        (rf"{_EN_NTH} minute of {_EN_ADDED} (?:at the end of|in|before) (?:the first half|"
         r"half-time|the break)", (45,)),
        (rf"{_EN_NTH} minute of {_EN_ADDED}", (90,)),
        (rf"(?P<n>\w+) minutes? into {_EN_ADDED}", (90,)),
    ),
    times=(
        TimePhrase(r"after (?:just |only )?(?P<n>\w+(?:-\w+)?) minutes", -1, 1),
        TimePhrase(r"(?P<n>\w+(?:-\w+)?) minutes in\b", -1, 1),
        TimePhrase(r"inside (?:the first )?(?P<n>\w+(?:-\w+)?) minutes", -30, 0),
        TimePhrase(r"(?:barely|less than|not even) (?P<n>\w+(?:-\w+)?) minutes", -30, 0),
        TimePhrase(r"(?P<n>\w+(?:-\w+)?) minutes (?:from|before) the end of extra[- ]time", -2, 2,
                   from_end=True, end=120),
        TimePhrase(r"with (?P<n>\w+(?:-\w+)?) minutes (?:left|to go|remaining) (?:in|of) "
                   r"extra[- ]time", -2, 2, from_end=True, end=120),
        TimePhrase(r"(?P<n>\w+(?:-\w+)?) minutes from (?:time|the end)", -2, 2, from_end=True),
        TimePhrase(r"with (?P<n>\w+(?:-\w+)?) minutes (?:left|to go|remaining)", -2, 2,
                   from_end=True),
        TimePhrase(r"(?P<n>\w+(?:-\w+)?) minutes later", 0, 1, after_previous=True),
        TimePhrase(r"(?:a )?minute later", 0, 2, after_previous=True),
        TimePhrase(r"just after (?:half-time|the break|the interval|the restart)", 46, 50),
        TimePhrase(r"(?:just before|on the stroke of) (?:half-time|the break)", 40, 45),
        TimePhrase(r"in (?:the )?(?:closing stages|dying minutes|final minutes|last ten "
                   r"minutes)|late on\b", 80, 90),
        TimePhrase(r"early on\b|in the opening minutes", 1, 15),
        TimePhrase(r"in first-half (?:stoppage|added|injury) time", 45, 45),
        TimePhrase(r"(?:in|deep (?:into|in)) (?:stoppage|added|injury) time", 90, 90),
        TimePhrase(r"on the hour\b", 58, 62),
        # a period: a count said of it counts its goals only ("twice in the first half")
        TimePhrase(r"in the first half of extra[- ]time", 91, 105),
        TimePhrase(r"in the second half of extra[- ]time", 106, 120),
        TimePhrase(r"(?:in|during) extra[- ]time", 91, 120),
        TimePhrase(
            r"early in the second half|after the break|after half-time|in the second half", 46, 90
        ),
        TimePhrase(r"in the first half|before (?:half-time|the break|the interval)", 1, 45),
    ),
    phrases=(
        (r"(?:won|win|wins|winning) the tie|(?:won|win|wins) the (?:[\w ]+ )?(?:League|Cup)\b",
         Role.THROUGH, "subject"),
        (r"are the [\w ]+ champions|(?:lift|lifts|lifted) the (?:trophy|cup)|"
         r"(?:is|are|was|were|became|become|becomes) (?:the )?(?:new )?(?:world|European) "
         r"champions?\b", Role.CHAMPION, "subject"),
        (r"won the match but not the tie|won on the night but (?:went|are|were) out", Role.OUT,
         "subject"),
        (r"lost on the night but still (?:went|go) through", Role.DESPITE, "subject"),
        (r"(?:qualified|go through|goes through|went through|are through)"
         r"(?: to the [\w -]+?)? despite (?:a|the|their) (?:defeat|loss)", Role.DESPITE,
         "subject"),
        (r"despite (?:a|the|their) (?:\d{1,2}-\d{1,2} )?(?:home )?(?:defeat|loss)", Role.DESPITE,
         "subject"),
        (r"at the expense of", Role.OUT, "object"),
        (r"(?:knocked out|eliminated|beaten|dumped out|edged out) by", Role.THROUGH, "object"),
        (r"(?:knock|knocked|knocks|knocking) out(?! by)|eliminated?(?! by)|eliminating|"
         r"(?:send|sent|sends) home|(?:dump|dumped|dumps) out", Role.OUT, "object"),
        (r"(?:are|were|is|was|went|go|crashed) out\b|(?:were|are|was|is) (?:knocked out|"
         r"eliminated)|campaign is over|(?:bow|bowed|bows) out|exit(?:ed)?\b", Role.OUT,
         "subject"),
        (r"(?:sends|sent|send|takes|took|take|carried|carries) (?=\W*(?:(?-i:[A-Z])|\w+ \w+ into))",
         Role.THROUGH, "object"),
        (r"(?:go|goes|went|are|were|is|was|going|got) through|(?:qualify|qualified|qualifies|"
         r"progress|progressed|advance|advanced)|(?:reach|reached|reaches|reaching|make|made|"
         r"makes|making) (?:it )?(?:in)?to the (?:round|quarter|semi|final|last|next)|"
         r"(?:reach|reached|reaches|reaching) the (?:round|quarter|semi|final|last|next)|"
         r"into the (?:round|quarter|semi|final|last|next)|a place in the|(?:book|booked|"
         r"books|booking) (?:a|their) place|(?:are|were) in the (?:round|quarter|semi|last|"
         r"draw)|survived?\b|(?:hold|held) on to (?:a|their) place", Role.THROUGH, "subject"),
        (r"\b(?:beat|beats|beating|defeated|defeats|overcame|edged|thrashed|won|win|wins|"
         r"winning|victory|triumph(?:ed)?)\b", Role.WON, "subject"),
        (r"\b(?:lost|lose|loses|losing|defeat|fell)\b(?! on)", Role.LOST, "subject"),
        (r"(?:beat|beats|beating|defeated|defeats|overcame|edged|thrashed)\b", Role.LOST,
         "object"),
        (r"(?:drew|(?<!the )draw(?! for)|draws|drawn)\b|all square|level at|nothing separated",
         Role.DREW,
         "subject"),
        (r"(?:came|come|comes|coming) (?:from behind|back)\b|(?:fought|fight|fights|battled) "
         r"back|\bcome-?back\b|(?:turned|turns) (?:it|the match|the game|the tie) (?:a)?round",
         Role.CAME_BACK, "subject"),
    ),
    methods={
        "away_goals": r"away[- ]goals?(?: rule)?",
        "extra_time": r"extra[- ]time|\baet\b|after 120 minutes",
        "penalties": r"penalties|shoot-?out|spot-kicks",
        "normal_time": r"\bin (?:normal|regular|regulation) time|\b(?:with)?in (?:the )?"
        r"(?:90|ninety) minutes",
        "lots": r"\b(?:the )?drawing (?:of )?lots\b|\bdrew lots\b|\b(?:a |the )?(?:toss of a "
        r"coin|coin toss)\b",
    },
    taken_to=r"\b(?:to|into|forced?|forcing)\s+$",
    aggregate=(
        r"on aggregate|over (?:the )?two legs|aggregate|\bthrough(?= \d{1,2}-\d{1,2}\b)|"
        r"\b(?:win|won|wins) the tie(?= \d{1,2}-\d{1,2}\b)"
    ),
    first_leg=r"first leg|first-leg|first match|(?:at|in) the first meeting",
    second_leg=r"second leg|second-leg|return leg|return match|second match",
    title_won=r"\b(?:win|wins|won|winning|lose|loses|lost|losing) the "
    r"(?!match\b|game\b|first\b|second\b|return\b|home\b|away\b|leg\b|night\b)|"
    r"\b(?:have|has) (?:won|lost) the\b|\bto third place\b|\bthe third-place play-off\b",
    half_time=r"half-time|at the break|at the interval|by the break",
    after_90=r"after (?:90|ninety) minutes|(?:end|close) of normal time|after normal time|"
    r"\bin (?:normal|regular|regulation) time",
    shootout=r"on penalties|shoot-?out|spot-kicks",
    straight=r"\b(?:straight|directly|right) (?:in)?to (?:penalties|an? (?:penalty )?shoot-?out|"
    r"spot-kicks)",
    running=(
        r"\bmade it\b|to make it\b|making it\b|"
        r"\b(?:down|up|ahead|behind|trailing|led|leading)\b"
    ),
    leading=r"\b(?:led|leading|ahead|in front|up)\b",
    trailing=r"\b(?:trailed|trailing|behind|down)\b",
    goal_verbs=(
        r"opened the scoring|broke the deadlock|scored|scores|scoring|equalised|equalises|"
        r"complet(?:ed|es|e|ing) (?:his|her) (?:hat-?trick|hat trick|brace)|"
        r"equalized|netted|nets|struck|strikes|"
        r"headed|heads|fired|fires|converted|converts|tapped|turned in|settled it|made it|"
        r"to make it|making it|volleyed|curled|poked|slotted|added|doubled|pulled one back|"
        r"pulled a goal back|grabbed|gave (?:\w+ ){1,2}the lead|put (?:\w+ ){1,2}ahead|levelled|"
        r"put (?:\w+ ){1,2}\d{1,2}-\d{1,2} (?:up|ahead|in front)|"
        r"found the net|hit the net|on the scoresheet|on target"
    ),
    goal_nouns=r"goal|goals|strike|header|winner|equaliser|opener|penalty|brace|hat-trick",
    goal_count=r"(?<!\bby )\b(?P<n>\w+) (?:goals|times)\b(?! (?:down|up|ahead|behind|clear))",
    goal_tallies={"twice": 2, "thrice": 3, "brace": 2, "hat-trick": 3, "hat trick": 3},
    tally_completed=r"\bcomplet(?:ed|es|e|ing) (?:his|her|a) (?:hat-?trick|hat trick|brace)\b",
    goal_span=r"\s+(?:in|within|inside) (?:the space of )?(?:just |only )?(?:a |an )?"
    r"(?P<n>\w+(?:-\w+)?) minutes?\b",
    goal_roles={
        "opener": r"opened the scoring|broke the deadlock|\b(?:the|an|his|her) opener\b|"
                  r"opening goal",
        "equaliser": r"equali[sz]\w*|levell\w*|drew (?:\w+ )?level|pulled (?:\w+ )?level",
        "winner": r"\b(?:the|a|his|her|late|dramatic) winner\b|winning goal|decisive goal",
        "lead": r"gave (?:[^\W\d]+ ){1,2}the lead|put (?:[^\W\d]+ ){1,2}ahead|"
                r"(?:took|regained|restored) (?:(?:the|their|its) )?lead\b|\bwent ahead\b",
    },
    own_goal=r"own goal|own-goal|\(og\)",
    penalty_goal=r"penalty|from the spot|\(pen\)",
    penalty_count=(
        r"\b(?:(?P<all>all) (?:of )?)?(?P<n>\w+) (?:of (?:his|their|the) )?(?:[A-Z]\w+ )?goals "
        r"(?:from the (?:penalty )?spot|from penalties|(?:were |came )?(?:from )?penalties)\b|"
        r"\b(?:(?P<times>\w+) times|(?P<tally>twice|thrice)) from the (?:penalty )?spot\b|"
        r"\b(?:scored|converted|netted) (?P<kicks>\w+) penalties\b"
    ),
    penalty_missed=(
        r"\b(?:missed|misses|miss|skied|fluffed) (?:a|his|the|one|another|a second|the second) "
        r"(?:penalty|spot-?kick)\b|\bhad (?:a|his|the|one|another) (?:penalty|spot-?kick) saved\b|"
        r"\bfailed to (?:score|convert) (?:a|his|the|one|another|a second) (?:penalty|spot-?kick)\b"
    ),
    no_penalty_scored=(
        r"\b(?:did not|didn't|failed to|could not|couldn't) (?:score|convert) (?:a single|any) "
        r"(?:penalty|penalties|spot-?kicks?)\b|\bmissed (?:all|each|every one) of (?:their|its) "
        r"(?:penalties|spot-?kicks|kicks)\b|"
        r"\bmissed all (?:their|its) (?:penalties|spot-?kicks|kicks)\b|"
        r"\bscored none of (?:their|its) (?:penalties|spot-?kicks|kicks)\b"
    ),
    shootout_kick=r"penalty|spot-?kick|\bkick\b|from the spot",
    substitute=r"substitute|replacement|came off the bench|off the bench",
    red_card=r"sent off|red card|dismissed|sent-off|marching orders|second yellow card",
    second_yellow=r"second yellow|two yellow",
    spell_through=r"(?:were|was|are|is) through|(?:would have been|would be) through|"
                  r"held on to (?:their|its|the) first-leg lead|(?:were|was) out",
    spell_level=r"heading for (?:extra time|penalties|the drawing of lots)",
    what_if_force=(
        r"one (?:more )?(?:\S+ ){0,3}?goal(?: more)? (?:would have|would|and it (?:goes|would go)|"
        r"from)(?: been enough to)? ?(?:forced?|forcing|take it to|taken it to|sent it to|"
        r"sending it to|go(?:es)? to)?"
    ),
    what_if_out=(
        r"one (?:more )?(?:\S+ ){0,3}?goal (?:away )?from "
        r"(?:going out|elimination|being knocked out)"
    ),
    at_score=r"(?<!level )\bat (?P<h>\d{1,2})-(?P<a>\d{1,2})\b(?! on aggregate| over)",
    chances=(
        (r"one and a half legs|a foot and a half|(?:little more than |a mere )?(?:a )?"
         r"formality", Band.FORMALITY),
        (r"on the brink of (?:elimination|going out)|staring at elimination|one foot out",
         Band.BRINK),
        (r"(?:the )?favourites?\b", Band.FAVOURITE),
        (r"underdogs?\b|outsiders?\b", Band.UNDERDOG),
    ),
    percent_kickoff=r"kick-off|into the match|before the match",
    percent_floor=r"never fell below|never put .* below|did not drop below|never below",
    demonyms={
        "ALB": ("Albanians",), "ALG": ("Algerians",), "ANG": ("Angolans",),
        "ARG": ("Argentines", "Argentinians"), "AUS": ("Australians",),
        "AUT": ("Austrians",), "BEL": ("Belgians",), "BIH": ("Bosnians",),
        "BOL": ("Bolivians",), "BRA": ("Brazilians",), "BUL": ("Bulgarians",),
        "CAN": ("Canadians",), "CHI": ("Chileans",), "CHN": ("Chinese",),
        "CIV": ("Ivorians",), "CMR": ("Cameroonians",), "COD": ("Congolese",),
        "COL": ("Colombians",), "CRC": ("Costa Ricans",), "CRO": ("Croatians", "Croats"),
        "CUB": ("Cubans",), "CZE": ("Czechs",), "DEN": ("Danes",), "ECU": ("Ecuadorians",),
        "EGY": ("Egyptians",), "ENG": ("English",), "ESP": ("Spaniards",), "FIN": ("Finns",),
        "FRA": ("French",), "GDR": ("East Germans",), "GEO": ("Georgians",),
        "GER": ("Germans", "West Germans"), "GHA": ("Ghanaians",), "GRE": ("Greeks",),
        "HAI": ("Haitians",), "HON": ("Hondurans",), "HUN": ("Hungarians",),
        "IRL": ("Irish",), "IRN": ("Iranians",), "IRQ": ("Iraqis",), "ISL": ("Icelanders",),
        "ISR": ("Israelis",), "ITA": ("Italians",), "JAM": ("Jamaicans",),
        "JPN": ("Japanese",), "KAZ": ("Kazakhs",), "KOR": ("South Koreans", "Koreans"),
        "KSA": ("Saudis",), "KUW": ("Kuwaitis",), "LVA": ("Latvians",), "MAR": ("Moroccans",),
        "MEX": ("Mexicans",), "MKD": ("North Macedonians", "Macedonians"), "NED": ("Dutch",),
        "NGA": ("Nigerians",), "NIR": ("Northern Irish",), "NOR": ("Norwegians",),
        "NZL": ("New Zealanders",), "PAN": ("Panamanians",), "PAR": ("Paraguayans",),
        "PER": ("Peruvians",), "POL": ("Poles",), "POR": ("Portuguese",),
        "PRK": ("North Koreans",), "QAT": ("Qataris",), "ROU": ("Romanians",),
        "RSA": ("South Africans",), "RUS": ("Russians",), "SCO": ("Scots",),
        "SEN": ("Senegalese",), "SLV": ("Salvadorans",), "SRB": ("Serbs", "Serbians"),
        "SUI": ("Swiss",), "SVK": ("Slovaks",), "SVN": ("Slovenians", "Slovenes"),
        "SWE": ("Swedes",), "TCH": ("Czechoslovaks",), "TOG": ("Togolese",),
        "TRI": ("Trinidadians",), "TUN": ("Tunisians",), "TUR": ("Turks",),
        "UAE": ("Emiratis",), "UKR": ("Ukrainians",), "URS": ("Soviets",),
        "URU": ("Uruguayans",), "USA": ("Americans",), "WAL": ("Welsh",),
        "YUG": ("Yugoslavs",), "ZAI": ("Zaireans",), "IDN": ("Indonesians",),
        "SCG": ("Serbs", "Serbians"),
    },
    object_before=(
        r"(?:\b(?:at|to|against|over|from|with|than|of|in)|beat|beats|knocked out|eliminated|"
        r"thrashed|edged|overcame|defeated|stun|stunned|survive|survived)\s+(?:the\s+)?$"
    ),
    against=r"\bagainst\s+(?:the\s+)?$",
    modal=r"\b(?:would|could|might|hoped to|hope to|wanted to|want to)\b",
    counterfactual=(
        r"\b(?:would|could|might|should)(?:n't| not)? have\b|\b(?:almost|nearly) (?:scored|"
        r"netted|added|got|made)\b"
    ),
    expected=(
        r"\b(?:favou?rites?|expected|tipped|likely|unlikely|set|need|needs|needed|bid|chance|"
        r"chances|enough|order|hoping|trying|tries|try)\b[^,.;:]{0,30}\bto\s+$"
        r"|\b(?:need|needs|needed|require|requires|required)\s+(?:\w+\s+){0,2}$"
    ),
    negation=r"\b(?:not|never|no longer|fail(?:ed|s)?\s+to|without|cannot)\b|n't\b",
    negation_after=r"\b(?:not|never)\b|n't\b",
    denied_after=frozenset({"goal", "red_card"}),
    denied_score=r"\s+(?:by\s+)?(?:a\s+)?",
    no_negation=r"\bnot (?:only|just|least)\b|\bnever (?:really )?in (?:real )?danger\b",
    home=r"\bthe (?:hosts|home side|home team)\b",
    away=r"\bthe (?:visitors|away side|visiting side|guests)\b",
    host_nation=r"\bthe (?:host nation|host country|co-hosts)\b",
    pronouns=r"\b(?:they|them|their)\b",
    side_nouns=r"side|sides|team|teams|squad|eleven|players|national team|champions",
    stopwords=frozenset(_EN_COMMON.split()),
)  # fmt: skip

_NL_COMMON = (
    "de het een en van in op met was waren is zijn "
    "na maar voor bij zich werd tot door uit nog ook minuut "
    "minuten doelpunt "
)
"""Common words by which a text is told to be in this language."""

_NL_NTH = (
    r"(?P<n>\d{1,2}(?:e|ste|de)|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|"
    r"negende|tiende|elfde|twaalfde|dertiende|veertiende|vijftiende)"
)
"""An added minute as an ordinal, in figures or words."""
_NL_ADDED = r"(?:blessuretijd|extra tijd|toegevoegde tijd)"
"""The time added at the end of a half."""

_NL_FINITE = "".join(
    f"(?<!{word} )" for word in ("te", "gaan", "zullen", "willen", "moeten", "kunnen")
)
"""Before a plural present that is also the infinitive ("winnen"): not after a word that makes
it one ("om te winnen", "zullen winnen"), no claim of fact."""

NL = Vocabulary(
    code="nl",
    units=(
        "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
        "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
        "negentien",
    ),
    tens={20: "twintig", 30: "dertig", 40: "veertig", 50: "vijftig", 60: "zestig",
          70: "zeventig", 80: "tachtig", 90: "negentig"},
    compound="{unit}en{ten}",
    ordinals={"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
              "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11,
              "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15},
    minute=r"(?<![\d-])(?P<m>\d{1,3})(?:\+(?P<a>\d{1,2}))?(?:'|(?:e|ste|de)\b(?:\s(?:minuut|min))?)",
    added_minutes=(
        (rf"{_NL_NTH} minuut van de {_NL_ADDED} (?:van|in) de eerste helft(?! van de "
         r"verlenging)", (45,)),
        (rf"{_NL_NTH} minuut van de {_NL_ADDED} (?:van|in|na) (?:de eerste verlenging|de "
         r"eerste helft van de verlengingen?)", (105,)),
        (rf"{_NL_NTH} minuut van de {_NL_ADDED} (?:(?:van|in|na) (?:de tweede verlenging|de "
         r"tweede helft van de verlengingen?)|na de verlengingen?)", (120,)),
        (rf"{_NL_NTH} minuut van de {_NL_ADDED} (?:van|in) de verlengingen?", (105, 120)),
        (rf"{_NL_NTH} minuut van de {_NL_ADDED}", (90,)),
    ),
    times=(
        TimePhrase(r"na (?:amper |nauwelijks |slechts )?(?P<n>\w+) minuten", -1, 1),
        TimePhrase(r"na dik (?P<n>\w+) minuten", 0, 5),
        TimePhrase(r"na (?:nog )?geen (?P<n>\w+) minuten", -30, 0),
        TimePhrase(r"binnen (?:het )?(?:eerste )?(?P<n>\w+) minuten", -30, 0),
        TimePhrase(r"(?P<n>\w+) minuten voor het einde van de verlengingen", -2, 2,
                   from_end=True, end=120),
        TimePhrase(r"(?P<n>\w+) minuten voor (?:het einde|tijd|affluiten|het laatste fluitsignaal)",
                   -2, 2, from_end=True),
        TimePhrase(r"(?:nog )?geen (?P<n>\w+) minuten later", 0, 0, after_previous=True),
        TimePhrase(r"(?P<n>\w+) minuten later", 0, 1, after_previous=True),
        TimePhrase(r"een minuut later|amper een minuut later", 0, 2, after_previous=True),
        TimePhrase(r"vlak na (?:de rust|de pauze|de hervatting)|meteen na de rust", 46, 50),
        TimePhrase(r"(?:vlak|net|kort) voor (?:de rust|de pauze)", 40, 45),
        TimePhrase(r"in de slotfase|in de slotminuten|in het slot|op het einde|laat in de "
                   r"wedstrijd", 80, 90),
        TimePhrase(r"in de (?:beginfase|openingsfase)|al vroeg", 1, 15),
        TimePhrase(r"(?:diep )?in de (?:blessuretijd|extra tijd|toegevoegde tijd)", 90, 90),
        # a period: a count said of it counts its goals only ("twee keer in de eerste helft")
        TimePhrase(r"in de eerste helft van de verlenging(?:en)?", 91, 105),
        TimePhrase(r"in de tweede helft van de verlenging(?:en)?", 106, 120),
        TimePhrase(r"(?:in|tijdens) de verlenging(?:en)?", 91, 120),
        TimePhrase(r"na de (?:rust|pauze|hervatting)|in de tweede helft", 46, 90),
        TimePhrase(r"in de eerste helft|voor (?:de rust|de pauze)", 1, 45),
    ),
    phrases=(
        (r"(?:wint|won|wonnen|winnen) (?:de [\w ]*(?:League|beker)|het (?:EK|WK))\b|"
         r"(?:mag|mogen) zich winnaar van (?:de|het)|(?:heeft|hebben) (?:de [\w ]+|het (?:EK|"
         r"WK)) gewonnen", Role.THROUGH, "subject"),
        (r"(?:is|zijn|werd|werden|wordt|worden) (?:de )?(?:nieuwe )?(?:wereld|europees )?"
         r"kampioen\b|(?:mag|mogen) zich (?:de )?(?:nieuwe )?(?:wereld|europees )?kampioen "
         r"noemen", Role.CHAMPION, "subject"),
        (r"(?:won|wonnen) wel, maar het volstond niet|(?:won|wonnen) de wedstrijd, maar niet "
         r"het duel", Role.OUT, "subject"),
        (r"verlo(?:or|ren) de terugwedstrijd, maar (?:gaat|gaan) toch door", Role.DESPITE,
         "subject"),
        (r"(?:plaatst|plaatste|plaatsten|plaatsen) zich ondanks (?:een|de) nederlaag|"
         r"ondanks (?:een|de) nederlaag", Role.DESPITE, "subject"),
        (r"ten koste van|(?:wipten|wipte|wippen|wipt)(?= .{0,40}? uit\b)|(?:schakelden|"
         r"schakelde|schakelen|schakelt)(?= .{0,30}? uit\b)", Role.OUT, "object"),
        (r"(?:ligt|liggen|lag|lagen) uit (?:Europa|de \w+ League|het toernooi)|(?:ligt|liggen|"
         r"lag|lagen|is|zijn|was|waren|vloog|vlogen) eruit\b|(?:is|zijn|werd|"
         r"werden) uitgeschakeld|uitgeschakeld|zit het Europese avontuur erop|(?:strandden|"
         r"strandde|stranden|strandt)|(?:moet|moeten) (?:de|het) .{0,20}?verlaten", Role.OUT,
         "subject"),
        # "schoot Frankrijk naar de finale", never "schoot Frankrijk op voorsprong" (a goal)
        (r"(?:loodsten|loodste|loodst|stuurden|stuurde|stuurt|schoten|schiet|schoot|hielpen|"
         r"helpt|hielp)(?= (?-i:[A-Z]))(?!.{0,40}?\b(?:op (?:voorsprong|gelijke hoogte|"
         r"achterstand)|langszij|in de wedstrijd)\b)", Role.THROUGH, "object"),
        # at a word's start: not "gingen door" in "zonder verlengingen door"
        (r"\b(?:(?:plaatst|plaatste|plaatsten|plaatsen) zich|(?:stoot|stootte|stootten|stoten) "
         r"door|(?:gaat|gaan|ging|gingen) door\b|(?:mag|mogen) verder|(?:staat|staan) in de "
         r"(?:achtste|kwart|halve|finale|volgende)|(?:gaat|gaan) (?:met [\d-]+ (?:over twee "
         r"(?:wedstrijden|duels) )?)?naar de (?:achtste|kwart|halve|finale|volgende)|"
         r"(?:bereikten|bereikte|bereikt|bereiken) de|(?:is|zijn) door\b|geplaatst|"
         r"kwalificeerden|kwalificeerde|kwalificeert|kwalificeren|(?:overleefden|overleefde|"
         r"overleeft|overleven))", Role.THROUGH, "subject"),
        (rf"\b(?:versloegen|versloeg|verslaat|{_NL_FINITE}verslaan|klopten|klopte|klopt|"
         rf"{_NL_FINITE}kloppen|won|wint|wonnen|(?:ging|gingen) (?:met [\d-]+ )?winnen|"
         rf"{_NL_FINITE}winnen|zege|overwinning|(?:trok|trokken) .{{0,20}}?aan het langste "
         r"eind)\b", Role.WON, "subject"),
        (rf"\b(?:verloor|verliest|verloren|{_NL_FINITE}verliezen|nederlaag|(?:ging|gingen|gaat|"
         r"gaan) (?:met [\d-]+ |na (?:strafschoppen|verlengingen) )?onderuit|(?:moest|moesten) "
         r"de duimen leggen)", Role.LOST, "subject"),
        (r"(?:versloegen|versloeg|verslaat|verslaan|klopten|klopte|klopt|kloppen)\b", Role.LOST,
         "object"),
        (r"(?:speelden|speelde|spelen|speelt) .{0,12}?gelijk|gelijkspel|in evenwicht", Role.DREW,
         "subject"),
        (r"(?:kwam|kwamen|komt|komen) (?:\w+ )?terug\b|(?:knokte|knokten|knokt|knokken|vocht|"
         r"vochten|vecht|vechten) zich terug|(?:boog|bogen|buigt|buigen) .{0,30}?achterstand om|"
         r"(?:draaide|draaiden|draait|draaien) (?:de wedstrijd|het duel|de match) om",
         Role.CAME_BACK, "subject"),
    ),
    methods={
        "away_goals": r"uitdoelpunt\w*",
        "extra_time": r"verlenging\w*|\bn\.v\.",
        "penalties": r"strafschoppen\w*|penalty'?s\b|strafschoppenreeks|\bde reeks\b",
        "normal_time": r"\b(?:binnen|in) de (?:reguliere|normale) (?:speel)?tijd|\bbinnen (?:de )?"
        r"(?:90|negentig) minuten",
        "lots": r"\bloting\b|\bmuntworp\b|\bopgooien van een munt\b",
    },
    taken_to=r"\b(?:naar|tot)\s+(?:de\s+)?$",
    aggregate=(
        r"totaalscore|over twee (?:wedstrijden|duels|matchen)|in totaal|op aggregaat|"
        r"\bdoor(?= met \d{1,2}-\d{1,2}\b)"
    ),
    first_leg=r"heen(?:wedstrijd|match|duel)|eerste wedstrijd",
    second_leg=r"terug(?:wedstrijd|match|duel)|\breturn\b|tweede wedstrijd",
    title_won=r"\b(?:wint|won|winnen|wonnen|verliest|verloor|verliezen|verloren) de "
    r"(?!wedstrijd\b|heen|terug)|\bheeft .{0,60}? gewonnen\b",
    half_time=r"\brust\b|\bpauze\b",
    after_90=r"na (?:negentig|90) minuten|reguliere speeltijd|normale speeltijd",
    shootout=r"strafschoppen|strafschoppenreeks|penalty'?s|aan het langste eind|\bde reeks\b",
    straight=r"\b(?:meteen|direct|onmiddellijk|rechtstreeks) (?:naar|tot) (?:de |een )?"
    r"(?:strafschoppen(?:reeks)?|penalty'?s)",
    running=r"\bmaakte(?:n)? (?:er )?\b|zorgde(?:n)? voor de\b|\bachter\b|\bvoor\b(?= na)|"
            r"voorsprong|\bop voorsprong\b",
    leading=r"\bop voorsprong\b|\bleidde(?:n)?\b|\bstond(?:en)? (?:met )?\d{1,2}-\d{1,2} voor\b",
    trailing=r"\bop achterstand\b|\bachter\b",
    goal_verbs=(
        r"opende|bracht|trof|scoorde|scoort|scoorden|maakte|maakt|trof raak|treft raak|knikte|"
        r"kopte|schoot|benutte|benutten|\bbenut\b|verdubbelde|verdubbelden|verdubbelt|"
        r"zette .{0,40}? om|zette .{0,40}? op (?:\d{1,2}-\d{1,2}|voorsprong)|zorgde voor|"
        r"besliste|tekende voor|legde .{0,20}? binnen|"
        r"duwde binnen|werkte binnen|prikte|bracht .{0,20}? op voorsprong|"
        r"bracht de gelijkmaker|zorgde|trefzeker|vond de netten|liet de netten trillen"
    ),
    goal_nouns=r"doelpunt|doelpunten|goal|treffer|gelijkmaker|openingsgoal|winning goal|"
               r"strafschop|penalty|hattrick|hat-trick",
    goal_count=(
        r"(?<!\bmet )\b(?P<n>\w+) (?:doelpunten|goals|keer|maal)\b"
        r"(?! (?:achterstand|voorsprong|verschil))"
    ),
    goal_tallies={"tweemaal": 2, "driemaal": 3, "viermaal": 4, "hattrick": 3, "hat-trick": 3},
    tally_completed=r"\b(?:zijn|haar) hat-?trick vol\b|\b(?:vervolledigde|vervolledigt|voltooide|"
    r"voltooit) (?:zijn|haar) hat-?trick\b",
    goal_span=r"\s+(?:binnen|in) (?:amper |nauwelijks |slechts |een tijdspanne van )?"
    r"(?P<n>\w+) minuten\b",
    goal_roles={
        "opener": r"opende de score|de score opende|openingsgoal|openingsdoelpunt|"
                  r"openingstreffer",
        "equaliser": r"gelijkmaker|maakte gelijk|trok .{0,20}?gelijk|bracht .{0,20}?gelijk",
        "winner": r"winnende (?:goal|treffer|doelpunt)|beslissende (?:goal|treffer|doelpunt)|"
                  r"besliste",
        "lead": r"\bop voorsprong\b|(?:nam|namen) de leiding|(?:kwam|kwamen) (?:weer )?voor\b",
    },
    own_goal=r"eigen doelpunt|owngoal|own goal",
    penalty_goal=r"strafschop|penalty|vanop de stip|vanop de penaltystip|\(strafschop\)",
    penalty_count=(
        r"\b(?:(?P<all>alle) )?(?P<n>\w+) (?:de )?(?:[A-Z]\w+ )?doelpunten "
        r"(?:uit (?:een )?strafschop(?:pen)?|(?:vanop|vanaf) de (?:penalty)?stip)|"
        r"\b(?:(?P<times>\w+) (?:keer|maal)|(?P<tally>tweemaal|driemaal)) "
        r"(?:uit (?:een )?strafschop|(?:vanop|vanaf) de (?:penalty)?stip)|"
        # "heeft twee strafschoppen benut", and with the verb first: "benutte twee
        # strafschoppen", "scoorde drie strafschoppen", "zette twee penalty's om" (never
        # "schoot twee strafschoppen naast")
        r"\b(?:(?P<verb>benutte|benutten|benut|zette|zetten|zet|trapte|trapten|scoorde|"
        r"scoorden|scoort|maakte|maakten) )?"
        r"(?P<kicks>\w+) (?:strafschoppen|penalty'?s)(?![\w'])"
        r"(?(verb)(?: (?:om|binnen)\b)?| (?:benut|omgezet|raak|binnen)\b)"
    ),
    penalty_missed=(
        r"\b(?:miste|mist|misten) (?:een|zijn|de|een tweede|de tweede) (?:strafschop|penalty)\b|"
        r"\b(?:benutte|benut|benutten) (?:een|zijn|de|een tweede|de tweede) (?:strafschop|penalty) "
        r"niet\b|\b(?:schoot|schiet) (?:een|zijn|de) (?:strafschop|penalty) "
        r"(?:naast|over|tegen de (?:paal|lat))\b|\bzag (?:een|zijn|de) (?:strafschop|penalty) "
        r"(?:gestopt|tegengehouden|gekeerd)\b"
    ),
    no_penalty_scored=(
        r"\b(?:benutte|benutten|scoorde|scoorden|maakte|maakten|zette|zetten) geen (?:enkele )?"
        r"(?:strafschop|penalty)\b|\bmisten? (?:al|alle) (?:zijn |haar |hun )?"
        r"(?:strafschoppen|penalty's)\b|\bgeen enkele (?:strafschop|penalty) (?:benut|raak)\b"
    ),
    shootout_kick=r"strafschop|penalty|\btrap\b|vanop de stip",
    substitute=r"invaller|ingevallen|inviel|vanop de bank",
    red_card=r"rode kaart|uitgesloten|van het veld gestuurd|\brood\b|tweede gele kaart|tweede geel",
    second_yellow=r"tweede gele|twee gele",
    spell_through=r"(?:was|waren) .{0,60}?(?:virtueel|voorlopig) (?:geplaatst|door)|"
                  r"(?:virtueel|voorlopig) geplaatst|(?:hield|hielden) de voorsprong uit de "
                  r"heenwedstrijd vast|(?:lag|lagen) (?:\w+ ){0,3}?(?:virtueel )?uit\b",
    spell_level=r"(?:stevende|stevenden) (?:het duel )?af op (?:verlengingen|strafschoppen|"
    r"een loting)",
    what_if_force=(
        r"(?:nog )?één doelpunt (?:meer|extra)?(?: en)?|(?:met|bij) een (?:\w+) doelpunt|"
        r"nog een doelpunt|één goal (?:meer|verwijderd)|één doelpunt verwijderd"
    ),
    what_if_out=r"één (?:tegen)?doelpunt (?:verwijderd )?van (?:de )?uitschakeling",
    at_score=r"\bbij (?P<h>\d{1,2})-(?P<a>\d{1,2})\b(?! over twee| in totaal)",
    chances=(
        (r"anderhalf been|met anderhalve voet|een formaliteit|formaliteit", Band.FORMALITY),
        (r"op de rand van (?:de )?uitschakeling|met één been uit|op de rand van de afgrond",
         Band.BRINK),
        (r"favoriet(?:en)?\b", Band.FAVOURITE),
        (r"underdog\b|buitenstaander", Band.UNDERDOG),
    ),
    percent_kickoff=r"aftrap|aan de wedstrijd",
    percent_floor=r"nooit onder|op geen enkel moment minder dan|niet onder|altijd minstens",
    demonyms={
        "ALB": ("Albanezen",), "ALG": ("Algerijnen",), "ANG": ("Angolezen",),
        "ARG": ("Argentijnen",), "AUS": ("Australiërs",), "AUT": ("Oostenrijkers",),
        "BEL": ("Belgen",), "BIH": ("Bosniërs",), "BOL": ("Bolivianen",),
        "BRA": ("Brazilianen",), "BUL": ("Bulgaren",), "CAN": ("Canadezen",),
        "CHI": ("Chilenen",), "CHN": ("Chinezen",), "CIV": ("Ivorianen",),
        "CMR": ("Kameroeners",), "COD": ("Congolezen",), "COL": ("Colombianen",),
        "CRC": ("Costa Ricanen",), "CRO": ("Kroaten",), "CUB": ("Cubanen",),
        "CZE": ("Tsjechen",), "DEN": ("Denen",), "ECU": ("Ecuadorianen",),
        "EGY": ("Egyptenaren",), "ENG": ("Engelsen",), "ESP": ("Spanjaarden",),
        "FIN": ("Finnen",), "FRA": ("Fransen",), "GDR": ("Oost-Duitsers",),
        "GEO": ("Georgiërs",), "GER": ("Duitsers", "West-Duitsers"), "GHA": ("Ghanezen",),
        "GRE": ("Grieken",), "HAI": ("Haïtianen",), "HON": ("Hondurezen",),
        "HUN": ("Hongaren",), "IRL": ("Ieren",), "IRN": ("Iraniërs",), "IRQ": ("Irakezen",),
        "ISL": ("IJslanders",), "ISR": ("Israëliërs",), "ITA": ("Italianen",),
        "JAM": ("Jamaicanen",), "JPN": ("Japanners",), "KAZ": ("Kazachen",),
        "KOR": ("Zuid-Koreanen",), "KSA": ("Saoediërs",), "KUW": ("Koeweiters",),
        "LVA": ("Letten",), "MAR": ("Marokkanen",), "MEX": ("Mexicanen",),
        "MKD": ("Noord-Macedoniërs", "Macedoniërs"), "NED": ("Nederlanders",),
        "NGA": ("Nigerianen",), "NIR": ("Noord-Ieren",), "NOR": ("Noren",),
        "NZL": ("Nieuw-Zeelanders",), "PAN": ("Panamezen",), "PAR": ("Paraguayanen",),
        "PER": ("Peruanen",), "POL": ("Polen",), "POR": ("Portugezen",),
        "PRK": ("Noord-Koreanen",), "QAT": ("Qatarezen",), "ROU": ("Roemenen",),
        "RSA": ("Zuid-Afrikanen",), "RUS": ("Russen",), "SCO": ("Schotten",),
        "SEN": ("Senegalezen",), "SLV": ("Salvadoranen",), "SRB": ("Serviërs",),
        "SUI": ("Zwitsers",), "SVK": ("Slowaken",), "SVN": ("Slovenen",),
        "SWE": ("Zweden",), "TCH": ("Tsjechoslowaken",), "TOG": ("Togolezen",),
        "TRI": ("Trinidadianen",), "TUN": ("Tunesiërs",), "TUR": ("Turken",),
        "UAE": ("Emiratiërs",), "UKR": ("Oekraïners",), "URS": ("Sovjets",),
        "URU": ("Uruguayanen",), "USA": ("Amerikanen",), "WAL": ("Welshmen",),
        "YUG": ("Joegoslaven",), "ZAI": ("Zaïrezen",), "IDN": ("Indonesiërs",),
        "SCG": ("Serviërs",),
    },
    object_before=(
        r"(?:\b(?:tegen|bij|van|over|dan|met|in|op|uit)|versloeg|versloegen|klopt|klopte|"
        r"klopten|verslaat|verslaan|kloppen)\s+(?:de\s+)?$"
    ),
    against=r"\btegen\s+(?:de\s+)?$",
    modal=r"\b(?:zou|zouden|hoopte|hoopten|wilde|wilden|kon|konden)\b",
    counterfactual=(
        r"\b(?:zou|zouden)\b[^,;]*\bhebben\b|\b(?:had|hadden)\b[^,;]*\bkunnen\b|"
        r"\b(?:scoorde|scoorden|maakte|maakten|trof|troffen) bijna\b|\bbijna (?:gescoord|"
        r"scoorde|scoorden)\b"
    ),
    expected=(
        r"\b(?:favoriet|favorieten|verwacht|moet|moeten|hoopt|hopen|kans|genoeg)\b"
        r"[^,.;:]{0,30}\bom\s+$|\b(?:moet|moeten|hoeft|hoeven)\s+(?:\w+\s+){0,3}$"
    ),
    negation=r"\b(?:niet|nooit|zonder|geen)\b",
    negation_after=r"\b(?:niet|nooit)\b",
    denied_after=frozenset(
        {"result", "through", "aggregate", "despite", "comeback", "goal", "red_card"}
    ),
    denied_score=r"\s+(?:met\s+)?(?:een\s+)?",
    no_negation=(
        r"\bniet (?:alleen|enkel|meer dan|minder dan)\b|\bnooit (?:echt )?in gevaar\b"
        r"|\bnooit echt gevaar\b"
    ),
    home=r"\bde (?:thuisploeg|gastheren|thuisclub)\b",
    away=r"\bde (?:bezoekers|gasten|bezoekende ploeg)\b",
    host_nation=r"\bhet (?:gastland|organiserende land)\b|\bde (?:gastlanden|co-organisatoren)\b",
    pronouns=r"\b(?:ze|zij|hun)\b",
    side_nouns=r"ploeg|ploegen|elftal|selectie|spelers|team|nationale ploeg|kampioenen",
    stopwords=frozenset(_NL_COMMON.split()),
)  # fmt: skip

VOCABULARIES: Mapping[str, Vocabulary] = MappingProxyType({v.code: v for v in (NL, EN)})
"""Every language a check reads, by code."""

NICKNAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Arsenal FC": ("the Gunners", "de Gunners", "de Kanonniers"),
        "Borussia Dortmund": ("BVB", "die Schwarzgelben", "de Borussen", "the Black and Yellows"),
        "Atalanta": ("La Dea", "de Bergamasken", "the Bergamo side"),
        "AC Milan": ("the Rossoneri", "de Rossoneri"),
        "Lazio Roma": ("the Biancocelesti", "de Biancocelesti"),
        "SSC Napoli": ("the Partenopei", "de Partenopei"),
        "Celtic FC": ("the Bhoys", "the Hoops"),
        "Atlético Madrid": ("Atleti", "los Colchoneros", "de Colchoneros"),
        "Athletic Club": ("los Leones",),
        "Olympique Lyonnais": ("Les Gones", "OL", "Olympique Lyon"),
        "Olympique Marseille": ("OM", "l'OM"),
        "Zenit St. Petersburg": ("Zenit Sint-Petersburg",),
        "Spartak Moskva": ("the Red-Whites",),
        "Red Bull Salzburg": ("die Bullen", "de Bullen"),
        "RB Leipzig": ("die Roten Bullen",),
        "Östersunds FK": ("the Swedish part-timers", "ÖFK"),
        "Sporting CP": ("the Lions", "de Leeuwen", "Sporting"),
        "Netherlands": ("Oranje", "Oranjes"),
        "Belgium": ("Rode Duivels", "Red Devils", "Diables Rouges"),
        "France": ("Les Bleus",),
        "Italy": ("Azzurri", "Squadra Azzurra"),
        "Argentina": ("Albiceleste",),
        "Brazil": ("Seleção",),
        "England": ("Three Lions",),
        "Spain": ("La Roja",),
    }
)
"""Names reporters call clubs and national teams by, by the team's name in the data."""

NATIONAL_TEAMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "ALB": ("Albania",), "ALG": ("Algeria",), "ANG": ("Angola",), "ARG": ("Argentina",),
        "AUS": ("Australia",), "AUT": ("Austria",), "BEL": ("Belgium",),
        "BIH": ("Bosnia-Herzegovina", "Bosnia and Herzegovina"), "BOL": ("Bolivia",),
        "BRA": ("Brazil",), "BUL": ("Bulgaria",), "CAN": ("Canada",), "CHI": ("Chile",),
        "CHN": ("China", "China PR"), "CIV": ("Côte d'Ivoire", "Ivory Coast"),
        "CMR": ("Cameroon",), "COD": ("DR Congo",), "COL": ("Colombia",),
        "CRC": ("Costa Rica",), "CRO": ("Croatia",), "CUB": ("Cuba",),
        "CZE": ("Czech Republic", "Czechia"), "DEN": ("Denmark",), "ECU": ("Ecuador",),
        "EGY": ("Egypt",), "ENG": ("England",), "ESP": ("Spain",), "FIN": ("Finland",),
        "FRA": ("France",), "GDR": ("East Germany", "German DR"), "GEO": ("Georgia",),
        "GER": ("Germany", "West Germany"), "GHA": ("Ghana",), "GRE": ("Greece",),
        "HAI": ("Haiti",), "HON": ("Honduras",), "HUN": ("Hungary",),
        "IRL": ("Ireland", "Republic of Ireland"), "IRN": ("Iran", "IR Iran"), "IRQ": ("Iraq",),
        "ISL": ("Iceland",), "ISR": ("Israel",), "ITA": ("Italy",), "JAM": ("Jamaica",),
        "JPN": ("Japan",), "KAZ": ("Kazakhstan",), "KOR": ("South Korea", "Korea Republic"),
        "KSA": ("Saudi Arabia",), "KUW": ("Kuwait",), "LVA": ("Latvia",), "MAR": ("Morocco",),
        "MEX": ("Mexico",), "MKD": ("North Macedonia",), "NED": ("Netherlands", "Holland"),
        "NGA": ("Nigeria",), "NIR": ("Northern Ireland",), "NOR": ("Norway",),
        "NZL": ("New Zealand",), "PAN": ("Panama",), "PAR": ("Paraguay",), "PER": ("Peru",),
        "POL": ("Poland",), "POR": ("Portugal",), "PRK": ("North Korea", "Korea DPR"),
        "QAT": ("Qatar",), "ROU": ("Romania",), "RSA": ("South Africa",), "RUS": ("Russia",),
        "SCO": ("Scotland",), "SEN": ("Senegal",), "SLV": ("El Salvador",),
        "SRB": ("Serbia",), "SUI": ("Switzerland",), "SVK": ("Slovakia",),
        "SVN": ("Slovenia",), "SWE": ("Sweden",), "TCH": ("Czechoslovakia",),
        "TOG": ("Togo",), "TRI": ("Trinidad and Tobago",), "TUN": ("Tunisia",),
        "TUR": ("Turkey", "Türkiye"), "UAE": ("United Arab Emirates",), "UKR": ("Ukraine",),
        "URS": ("Soviet Union",), "URU": ("Uruguay",), "USA": ("USA", "United States"),
        "WAL": ("Wales",), "YUG": ("Yugoslavia",), "ZAI": ("Zaire",),
        "IDN": ("Indonesia", "Dutch East Indies"), "SCG": ("Serbia and Montenegro",),
    }
)  # fmt: skip
"""The national teams of each country code, by their English names as the data writes them
(national teams carry no code): the sides of the World Cups and the Euros, so that the
country's people ("the Germans", "de Kroaten") name the national team as they name a club of
that country."""
