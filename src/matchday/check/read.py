"""Reading an article: sentences, the teams, players, scores and minutes they name, and the
claims they make, each judged against the night's facts.

The phrases come from the language's ``Vocabulary``; the facts from ``Night`` (the report's
tie stories, the rules engine's outcomes, the live timeline, the forecasts). Pure: text in,
claims out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from matchday import competitions
from matchday.check.claims import Claim, Kind, Verdict
from matchday.check.judge import Judge, Mention, Moment
from matchday.check.night import Night, close, fold
from matchday.check.reasons import Reason, Why
from matchday.check.vocabulary import (
    NATIONAL_TEAMS,
    VOCABULARIES,
    Role,
    Vocabulary,
    number_words,
)
from matchday.competitions.hosts import hosts
from matchday.errors import ConfigError
from matchday.model import Team
from matchday.report.language import LANGUAGES
from matchday.report.story import TieStory

__all__ = ["check", "detect_language", "sentences"]

_ABBREVIATIONS = frozenset({"st", "n.v", "nr", "mr", "vs", "v", "ca", "o.a", "jr", "sr"})
_SCORE = re.compile(r"(?<![\d+.])(\d{1,2})-(\d{1,2})(?![\d+'])")
_PERCENT = re.compile(
    r"(?:\b(?P<q>less than|minder dan|nog geen|more than|meer dan) )?(?P<p>\d{1,3})\s?%"
)
_HARD = re.compile(
    r"[;:]|\s[—–]\s|, (?:but|yet|maar|and|en|while|terwijl|who|die|dat)\b|\s(?:but|yet|maar)\s"
)


def sentences(text: str, names: re.Pattern[str] | None = None) -> Iterator[tuple[int, str]]:
    """The sentences of ``text`` with their offsets: lines apart, and within a line split after
    ``.``, ``!`` or ``?`` (not after an initial, an abbreviation such as "St.", or within a
    name that ``names`` finds: "1. FC Köln"; the full stop that ends such a name ends the
    sentence too when a capital follows: "... ten koste van Galatasaray S.K. Galatasaray ...")."""
    for line in re.finditer(r"[^\n]+", text):
        body = line.group(0)
        start = 0
        inside = [] if names is None else [(m.start(), m.end()) for m in names.finditer(body)]
        for end in re.finditer(r"[.!?](?=\s+\S)", body):
            if any(a <= end.start() < b for a, b in inside):
                last = any(end.start() == b - 1 for a, b in inside)
                if not (last and re.match(r"\s+[A-ZÀ-Þ]", body[end.end() :])):
                    continue
            else:
                word = re.search(r"([\w.]+)$", body[start : end.start()])
                before = word.group(1).lower() if word else ""
                initial = re.fullmatch(r"[A-ZÀ-Þ]", word.group(1) if word else "")
                if before in _ABBREVIATIONS or initial:
                    continue
            piece = body[start : end.end()]
            if piece.strip():
                yield line.start() + start + (len(piece) - len(piece.lstrip())), piece.strip()
            start = end.end()
        piece = body[start:]
        if piece.strip():
            yield line.start() + start + (len(piece) - len(piece.lstrip())), piece.strip()


def detect_language(text: str) -> str | None:
    """The language whose common words the text uses most, if any are used."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    counts = {code: sum(w in v.stopwords for w in words) for code, v in VOCABULARIES.items()}
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] > 0 else None


@dataclass
class _Sentence:
    """One sentence being read: where it is, what it names, what has been used up."""

    start: int
    text: str
    teams: list[Mention]
    used: list[tuple[int, int]] = field(default_factory=list)
    unplaced: list[tuple[int, int]] = field(default_factory=list)
    """Where the sentence names "the hosts" of a tournament no host of which plays there."""

    def free(self, a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in self.used)

    def use(self, a: int, b: int) -> None:
        self.used.append((a, b))

    def clause(self, at: int) -> tuple[int, int]:
        """The clause around offset ``at`` (within the sentence)."""
        left, right = 0, len(self.text)
        for found in _HARD.finditer(self.text):
            if found.end() <= at:
                left = found.end()
            elif found.start() >= at:
                right = found.start()
                break
        return left, right


class Reader:
    """Finds the claims of one article against one night, in one language."""

    def __init__(self, night: Night, vocab: Vocabulary) -> None:
        self.night = night
        self.v = vocab
        self.judge = Judge(night, vocab)
        self.numbers = number_words(vocab)
        names = night.names()
        self.team_names = names
        ordered = sorted(names, key=len, reverse=True)
        self.team_pattern = re.compile(
            "|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in ordered)
        )
        # Names no sentence ends inside: the teams' and the competition's ("Turkish 1. Lig").
        competition = night.roundup.competition
        known = competitions.of(competition)
        self.national_teams = known.national_teams
        self.hosts = hosts(known.key, night.roundup.season) if known.national_teams else None
        said = {competition, *(lang.competition_name(competition) for lang in LANGUAGES.values())}
        for story in night.stories:  # rounds too ("5. Platz Playoffs")
            for name in (story.tie.round, story.next_round):
                said |= {lang.round_name(name) for lang in LANGUAGES.values()} if name else set()
        self.unbroken = re.compile(
            "|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in (*ordered, *said))
        )
        self.titles = re.compile("|".join(re.escape(n) for n in sorted(said, key=len)[::-1]))
        self.flags = re.IGNORECASE
        self.object_before = re.compile(vocab.object_before, self.flags)
        self.modal = re.compile(vocab.modal, self.flags)
        self.expected = re.compile(vocab.expected, self.flags)
        self.side_noun = re.compile(rf"\s+(?:{vocab.side_nouns})\b", self.flags)
        self.negation = re.compile(vocab.negation, self.flags)
        self.negation_after = re.compile(vocab.negation_after, self.flags)
        self.any_method = re.compile("|".join(vocab.methods.values()), self.flags)
        self.denied_score = re.compile(rf"{vocab.denied_score}{_SCORE.pattern}", self.flags)
        self.no_negation = re.compile(f"{vocab.no_negation}|{vocab.percent_floor}", self.flags)
        tallies = "|".join(re.escape(t) for t in sorted(vocab.goal_tallies, key=len)[::-1])
        self.counts = re.compile(rf"{vocab.goal_count}|\b(?P<tally>{tallies})\b", self.flags)
        self.penalty_counts = re.compile(vocab.penalty_count, self.flags)
        self.roles = re.compile(
            "|".join(f"(?P<{role}>{words})" for role, words in vocab.goal_roles.items()), self.flags
        )
        peoples: dict[str, set[str]] = {}
        for country, words in vocab.demonyms.items():
            for word in words:
                peoples.setdefault(word, set()).add(country)
        self.peoples = {word: frozenset(codes) for word, codes in peoples.items()}
        # Case kept: "Polen" and "Zweden" are people, "polen" and "zweden" are not.
        self.people_pattern = re.compile(
            r"\b(?:the |de )?(?P<people>"
            + "|".join(re.escape(w) for w in sorted(peoples, key=len, reverse=True))
            + r")(?![\w-])"
        )
        self.spellings = night.spellings(vocab.code)
        self.scorers = {w for p in night.players(None) for w in fold(p.name).split()}
        # A night of one tie: what names no team is said of that tie ("After 36 minutes it
        # was already 2-0", "the decisive penalty in the shoot-out").
        self.only = night.stories[0] if len(night.stories) == 1 else None
        self.story: TieStory | None = self.only
        self.subject: list[Team] = []
        self.last_minute: int | None = None

    # -- what a sentence names ------------------------------------------------------------
    def _no_home_side(self, story: TieStory) -> bool:
        """A single match of national teams (a World Cup's) has no home side to call "the
        hosts": the first-named team is not at home, and the hosts may not be playing."""
        return story.neutral and self.national_teams

    def _host(self, anywhere: bool = False) -> Team | None:
        """The host nation of the tournament that plays in the current tie (else, with no
        current tie or ``anywhere``, in the only tie of the night a host plays in), by the
        registry's hosts of the edition."""
        codes = frozenset(self.hosts or ())
        teams = self.story.tie.teams if self.story is not None else tuple(self.night.playing)
        found = [t for t in teams if _of_countries(t, codes)]
        if not found and anywhere:
            found = [t for t in self.night.playing if _of_countries(t, codes)]
        return found[0] if len(found) == 1 else None

    def _named(self, text: str) -> list[Mention]:
        """The teams ``text`` names by a name of theirs, and by a name one or two letters off
        one of theirs in the article's language ("Frankryk", "Argentinie" in English, "Marokoo"):
        those are ``misspelt``, as is a name of another language that close to one of this
        one's."""
        found = []
        for m in self.team_pattern.finditer(text):
            team = self.team_names[m.group(0)]
            forms = self.spellings.get(team, frozenset())
            off = None if fold(m.group(0)) in forms else close(m.group(0), forms)
            found.append(Mention(m.start(), m.end(), team, misspelt=bool(off)))
        for m in re.finditer(rf"(?<![\w-])[{self._UPPER}][\w'-]{{3,}}(?![\w-])", text):
            if any(x.start < m.end() and x.end > m.start() for x in found):
                continue
            word = m.group(0)
            lower = word.lower()
            if fold(word) in self.scorers or lower in self.v.stopwords or lower in self.peoples:
                continue
            offs = {
                team: off
                for team, forms in self.spellings.items()
                if (off := close(word, forms)) is not None
            }
            if not offs or min(offs.values()) == 0:
                continue
            nearest = [team for team, off in offs.items() if off == min(offs.values())]
            if len(nearest) == 1:
                found.append(Mention(m.start(), m.end(), nearest[0], misspelt=True))
        return sorted(found, key=lambda mention: mention.start)

    def _teams(self, text: str, unplaced: list[tuple[int, int]] | None = None) -> list[Mention]:
        """The teams ``text`` names; where it names "the hosts" of a tournament whose host
        nation does not play there, the words go to ``unplaced`` (no team is guessed)."""
        titles = [(m.start(), m.end()) for m in self.titles.finditer(text)]
        found = [
            m
            for m in self._named(text)
            if not any(a <= m.start < b for a, b in titles)  # "China" of "China | Super League"
        ]
        sides = ((self.v.home, "home"), (self.v.away, "away"), (self.v.host_nation, "host"))
        for pattern, pick in sides:
            for m in re.finditer(pattern, text, self.flags):
                host = pick == "host" or (self.story is not None and self._no_home_side(self.story))
                if host and pick != "away":
                    # "het gastland" names the host nation wherever it plays that night
                    team = self._host(anywhere=pick == "host")
                    if team is not None:
                        found.append(Mention(m.start(), m.end(), team))
                    elif unplaced is not None:
                        unplaced.append((m.start(), m.end()))
                elif self.story is not None and not host:
                    team = self.story.match.home if pick == "home" else self.story.match.away
                    found.append(Mention(m.start(), m.end(), team))
        found += self._peoples(text)
        named = sorted(
            (
                x
                for x in found
                if not self.object_before.search(text[max(0, x.start - 20) : x.start])
            ),
            key=lambda mention: mention.start,
        )
        for m in re.finditer(self.v.pronouns, text, self.flags):
            earlier = [x.team for x in named if x.end <= m.start()]
            refers = earlier[-1:] or self.subject[:1]
            if refers:
                found.append(Mention(m.start(), m.end(), refers[0], pronoun=True))
        found.sort(key=lambda mention: mention.start)
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        return kept

    def _peoples(self, text: str) -> list[Mention]:
        """The teams a country's people name ("the Germans", "de Kroaten"): a club of that
        country, or its national team, in the sentence's tie, else the one of the night."""
        found = []
        for m in self.people_pattern.finditer(text):
            team = self._of_country(self.peoples[m.group("people")])
            if team is not None:
                found.append(Mention(m.start(), m.end(), team))
        return found

    def _of_country(self, countries: frozenset[str]) -> Team | None:
        """The one team of ``countries`` in the current tie, else the one that played that
        night: a club by its country code, a national team (no code) by its name."""
        if self.story is not None:
            local = [t for t in self.story.tie.teams if _of_countries(t, countries)]
            if len(local) == 1:
                return local[0]
        playing = [t for t in self.night.playing if _of_countries(t, countries)]
        return playing[0] if len(playing) == 1 else None

    def named(self, text: str) -> set[Team]:
        """Every team ``text`` names, by a name or by its country's people."""
        found = {m.team for m in self._named(text)}
        return found | {m.team for m in self._peoples(text)}

    def players_placed(self, text: str) -> bool:
        """Whether ``text`` names a player the night's goals or cards place in its matches
        (an article may name its sides only through their players)."""
        for _, body in sentences(text, self.unbroken):
            s = _Sentence(0, body, self._named(body))
            if any(self.night.sides_of(name) for _, _, name in self._people(s, 0, len(body))):
                return True
        return False

    def _minutes(self, s: _Sentence) -> list[Moment]:
        found: list[Moment] = []
        for pattern, bases in self.v.added_minutes:  # "the 11th minute of stoppage time"
            for m in re.finditer(pattern, s.text, self.flags):
                added = self._nth(m.group("n"))
                if added and not any(m.start() < x.end and m.end() > x.start for x in found):
                    base, *also = bases
                    found.append(Moment(m.start(), m.end(), base, base, added, *also))
        for m in re.finditer(self.v.minute, s.text):
            minute, added = int(m.group("m")), int(m.group("a") or 0)
            if minute <= 120 and not any(m.start() < x.end and m.end() > x.start for x in found):
                found.append(Moment(m.start(), m.end(), minute, minute, added))
        for phrase in self.v.times:
            for m in re.finditer(phrase.pattern, s.text, self.flags):
                if any(m.start() < x.end and m.end() > x.start for x in found):
                    continue
                if self._goal_span(s.text, m.start()) is not None:
                    continue  # "twee keer binnen twee minuten": how long, not when
                if re.fullmatch(self.v.after_90, m.group(0), self.flags):
                    continue  # the end of regular time, not a moment within it
                if "n" in m.groupdict():
                    n = self._number(m.group("n"))
                    if n is None:
                        continue
                    end = phrase.end
                    if phrase.from_end and end == 90 and self._extra_time_played():
                        end = 120  # "three minutes from the end" of a match with extra time
                    base = end - n if phrase.from_end else n
                    previous = self._previous(found, m.start())
                    if phrase.after_previous:
                        if previous is None:
                            continue
                        base = previous + n
                    low, high = base + phrase.low, base + phrase.high
                    if phrase.after_previous and previous is not None:
                        low = previous
                elif phrase.after_previous:
                    previous = self._previous(found, m.start())
                    if previous is None:
                        continue
                    low, high = previous, previous + phrase.high
                else:
                    low, high = phrase.low, phrase.high
                found.append(Moment(m.start(), m.end(), max(low, 0), high, 0))
        found.sort(key=lambda x: x.start)
        return found

    def _extra_time_played(self) -> bool:
        """Whether the match the sentence is about (the current tie's) went to extra time:
        its end is the 120th minute."""
        return self.story is not None and self.story.match.extra_time is not None

    def _goal_span(self, text: str, at: int) -> re.Match[str] | None:
        """The stretch a count of goals took, where it is said just after the count and
        ``at`` is within its words ("twice in two minutes")."""
        for count in self.counts.finditer(text):
            if self._count(count) is None:
                continue
            span = re.compile(self.v.goal_span, self.flags).match(text, count.end())
            if span is not None and span.start() <= at < span.end():
                return span
        return None

    def _previous(self, found: list[Moment], at: int) -> int | None:
        """The minute told last before offset ``at``: earlier in the sentence, else before it."""
        earlier = [m.high for m in found if m.end <= at and m.low == m.high]
        return earlier[-1] if earlier else self.last_minute

    def _nth(self, word: str) -> int | None:
        """An ordinal in figures ("11th", "11e") or words ("third", "derde"), or a count."""
        digits = re.match(r"\d+", word)
        if digits is not None:
            return int(digits.group(0))
        return self.v.ordinals.get(word.lower()) or self._number(word)

    def _number(self, word: str) -> int | None:
        if word.isdigit():
            return int(word)
        return self.numbers.get(word.lower())

    # -- the article ----------------------------------------------------------------------
    def read(self, text: str) -> list[Claim]:
        claims: list[Claim] = []
        for start, body in sentences(text, self.unbroken):
            if body.startswith("#"):
                self.story, self.subject = self.only, []
            s = _Sentence(start, body, [])
            # The tie first, from the names themselves, so that "the hosts" can be resolved.
            s.teams = self._named(body)
            self._story(s)
            s.teams = self._teams(body, s.unplaced)
            self._context(s)
            found = list(self._claims(s))
            claims.extend(self._spelling_notes(s, found))
        return claims

    def _spelling_notes(self, s: _Sentence, claims: list[Claim]) -> list[Claim]:
        """The claims of a sentence, a misspelt team name noted on the first claim from where
        it stands (else the sentence's last): a note, no contradiction."""
        claims = sorted(claims, key=lambda c: c.start)
        for mention in s.teams:
            if not mention.misspelt or not claims:
                continue
            at = s.start + mention.start
            i = next((k for k, c in enumerate(claims) if c.end > at), len(claims) - 1)
            written = s.text[mention.start : mention.end]
            note = Reason.of(Why.MISSPELT_TEAM, team=mention.team, written=written)
            old = claims[i].note
            claims[i] = replace(claims[i], note=note if old is None else Reason.each([old, note]))
        return claims

    def _context(self, s: _Sentence) -> None:
        """The tie and the subject a sentence is about, carried on to the next sentences."""
        self._story(s)
        subjects = [
            m.team
            for m in s.teams
            if not m.pronoun
            and not self.object_before.search(s.text[max(0, m.start - 20) : m.start])
        ]
        if subjects:
            self.subject = [subjects[0]]

    def _story(self, s: _Sentence) -> None:
        named = [m.team for m in s.teams if not m.pronoun]
        stories = {id(st): st for t in named if (st := self.night.story_of(t)) is not None}
        if len(stories) == 1:
            story = next(iter(stories.values()))
            if story is not self.story:
                self.last_minute = None
            self.story = story

    def _claims(self, s: _Sentence) -> Iterator[Claim]:
        j = self.judge
        claims: list[Claim] = []
        claims += j.teams_elsewhere(s.text, s.start, s.teams)
        claims += [
            j.hosts_unplaced(s.text, s.start, span, self.story, self.hosts) for span in s.unplaced
        ]
        moments = self._minutes(s)
        for detector in (
            self._chances,
            self._what_if,
            self._spells,
            self._penalties,
            self._goals,
            self._red_cards,
            self._scores,
            self._roles,
            self._methods,
        ):
            claims += detector(s, moments)
        minutes = [m.high for m in moments if s.free(m.start, m.end) or True]
        if minutes:
            self.last_minute = max(minutes) if self.last_minute is None else minutes[-1]
        yield from (self._as_said(s, claim) for claim in claims)

    # -- negation -------------------------------------------------------------------------
    def _denial(self, s: _Sentence, claim: Claim) -> tuple[int, int] | None:
        """Where a word denying ``claim`` stands in the sentence ("did not", "failed to",
        "niet"): just before its words, or just after them for the kinds the language denies
        so (never after a score alone: "de 2-1 tegen Arsenal was niet genoeg" denies what the
        score did, not the score), within the same clause and between the same commas;
        ``None`` if none does."""
        a, b = claim.start - s.start, claim.end - s.start
        left, right = s.clause(a)
        left = max([left] + [s.text.rfind(mark, 0, a) + 1 for mark in ",;:"])
        right = min([right] + [i for mark in ",;:" if (i := s.text.find(mark, b)) >= 0])
        text = self.no_negation.sub(lambda m: " " * len(m.group(0)), s.text)
        before = list(self.negation.finditer(text, max(left, a - 20), a))
        if before:
            return before[-1].span()
        alone = _SCORE.fullmatch(s.text, a, b) is not None
        if claim.kind.value in self.v.denied_after and b < right and not alone:
            after = self.negation_after.search(text, b, min(right, b + 30))
            if after is not None:
                return after.span()
        return None

    def _as_said(self, s: _Sentence, claim: Claim) -> Claim:
        """``claim`` as the sentence says it: denied ("Argentina did not win the final"), its
        verdict is the other way round, what the data says as its reason; a denial of a kind
        of claim whose denial is not read (a chance, a spell, a what-if) is not checked,
        never judged as if it were said outright."""
        where = self._denial(s, claim)
        if where is None or claim.kind is Kind.TEAM:
            return claim
        a = min(claim.start, s.start + where[0])
        b = max(claim.end, s.start + where[1])
        words = s.text[a - s.start : b - s.start]
        if claim.verdict is Verdict.NOT_CHECKABLE:
            verdict, reason = Verdict.NOT_CHECKABLE, claim.reason
        elif claim.kind not in _DENIABLE or (
            # "did not win after extra time": the denial may be of the way, not the win;
            # "did not win 4-1", "won niet met 4-1": of the score, not the win
            claim.kind in (Kind.RESULT, Kind.THROUGH)
            and (
                self.any_method.search(s.text, b - s.start, s.clause(a - s.start)[1])
                or (
                    not _SCORE.search(words)
                    and self.denied_score.match(s.text, b - s.start) is not None
                )
            )
        ):
            verdict, reason = Verdict.NOT_CHECKABLE, Reason.of(Why.NEGATED)
        elif claim.verdict is Verdict.CONTRADICTED:
            verdict, reason = Verdict.SUPPORTED, claim.reason  # what the data says, denied
        else:
            verdict, reason = Verdict.CONTRADICTED, claim.reason
        return replace(claim, verdict=verdict, reason=reason, words=words, start=a, end=b)

    # -- detectors ------------------------------------------------------------------------
    def _subjects(self, s: _Sentence, at: int, end: int | None = None) -> list[Team]:
        """The team(s) a phrase at ``at`` is said of: the last named before it in its clause
        that is no object ("at Napoli", "beat Celtic"), with the teams listed with it
        ("Leipzig, Marseille and Arsenal"); in Dutch, with none before it, the team right after
        the verb (``end``: "In de finale won Argentinië na strafschoppen"); else the sentence's
        subject."""
        left, right = s.clause(at)
        before = [
            m
            for m in s.teams
            if left <= m.start
            and m.end <= at
            and not self.object_before.search(s.text[max(left, m.start - 20) : m.start])
        ]
        if not before and end is not None and self.v.code == "nl":
            inverted = next(
                (
                    m
                    for m in s.teams
                    if end <= m.start < right
                    and re.fullmatch(r"\s+(?:\w+\s+)?", s.text[end : m.start])
                    and not self.object_before.search(s.text[end : m.start])
                ),
                None,
            )
            if inverted is not None:
                return [inverted.team]
        if not before:
            if any(left <= a < at for a, _ in s.unplaced):
                return []  # said of hosts who do not play here: no team to check it on
            if self._side_unnamed(s, left, at) is not None:
                return []  # "De Braziliaanse ploeg ligt eruit": a side not named, not the last
            if not self._clause_has_no_teams(s, at):
                return []
            player = self._player_subject(s, at)
            if player is not None:  # "but Messi lifted the trophy": his side, if placed
                sides = player[1]
                return [next(iter(sides))] if len(sides) == 1 else []
            return list(self.subject[:1])
        listed = [before[-1]]
        for m in reversed(before[:-1]):
            gap = s.text[m.end : listed[0].start]
            if re.fullmatch(r"\s*(?:,|and|en|&|,\s*and|,\s*en)\s*", gap):
                listed.insert(0, m)
            else:
                break
        return [m.team for m in listed]

    def _side_unnamed(self, s: _Sentence, left: int, at: int) -> re.Match[str] | None:
        """A side named by an adjective in ``left:at`` ("de Braziliaanse ploeg", "the
        Brazilian side"), no team's name."""
        adjective = rf"(?-i:[{self._UPPER}])[\w-]+{self.side_noun.pattern}"
        return re.compile(adjective, self.flags).search(s.text, left, at)

    def _player_subject(
        self, s: _Sentence, at: int
    ) -> tuple[tuple[int, int, str], frozenset[Team]] | None:
        """The player a phrase at ``at`` is said of in a clause that names no team: the name
        just before it ("but Messi lifted the trophy", "Messi finally lifted"), with the sides
        the night's goals and cards place him on (``Night.sides_of``)."""
        left, _ = s.clause(at)
        people = self._people(s, left, at)
        if not people:
            return None
        a, b, name = people[-1]
        if not re.fullmatch(r"(?:\s+[a-zà-ÿ]+){0,2}\s+", s.text[b:at]):
            return None
        return (a, b, name), self.night.sides_of(name)

    def _clause_has_no_teams(self, s: _Sentence, at: int) -> bool:
        left, right = s.clause(at)
        return not any(left <= m.start < right for m in s.teams)

    def _object(self, s: _Sentence, at: int) -> list[Team]:
        _, right = s.clause(at)
        after = [m for m in s.teams if at <= m.start < right and not m.pronoun]
        first = after[0].start if after else right
        if any(at <= a < first for a, _ in s.unplaced):
            return []  # "lost to the hosts", who do not play here
        return [after[0].team] if after else []

    def _in_clause(self, s: _Sentence, pattern: str, at: int) -> re.Match[str] | None:
        left, right = s.clause(at)
        return re.compile(pattern, self.flags).search(s.text, left, right)

    def _chances(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        j = self.judge
        found: list[Claim] = []
        percent = _PERCENT.search(s.text)
        if percent is not None:
            team = next((m.team for m in s.teams), None)
            minute = next((m.low for m in moments), None)
            kickoff = re.search(self.v.percent_kickoff, s.text, self.flags) is not None
            floor = re.search(self.v.percent_floor, s.text, self.flags) is not None
            found.append(
                j.percent(s.text, s.start, percent, team, minute, kickoff=kickoff, floor=floor)
            )
            s.use(0, len(s.text))
            return found
        for pattern, band in self.v.chances:
            for m in re.finditer(pattern, s.text, self.flags):
                if not s.free(m.start(), m.end()):
                    continue
                teams = self._subjects(s, m.start()) or self._object(s, m.end())
                when = next((x for x in moments), None)
                found.append(j.band(s.text, s.start, m, band, teams[:1], when))
                s.use(m.start(), m.end())
        return found

    def _span(self, s: _Sentence, moments: list[Moment]) -> tuple[int | None, int | None]:
        """The stretch a sentence names: "from the 23rd minute to the 47th", "tot de 83e"."""
        start = end = None
        for m in moments:
            before = s.text[max(0, m.start - 12) : m.start].lower()
            if re.search(r"\b(?:until|to|till|tot)\b(?: the| de)?\s*$", before):
                end = m.low
            elif re.search(r"\b(?:from|van|vanaf)\b(?: the| de)?\s*$", before):
                start = m.low
        return start, end

    def _what_if(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        j = self.judge
        out = re.search(self.v.what_if_out, s.text, self.flags)
        force = re.search(self.v.what_if_force, s.text, self.flags)
        at_score = re.search(self.v.at_score, s.text, self.flags)
        if out is not None:
            teams = self._subjects(s, out.start()) or [m.team for m in s.teams][:1]
            claim = j.one_goal_from_out(s.text, s.start, out, teams[:1], self._span(s, moments))
        elif force is not None and self._phase_in(s.text) is not None:
            near = [m.team for m in s.teams if force.start() <= m.start <= force.end() + 1]
            teams = near or [m.team for m in s.teams if not m.pronoun][:1] or self.subject[:1]
            nth = None
            for word, number in self.v.ordinals.items():
                if re.search(rf"\b{word}\b", force.group(0), self.flags):
                    nth = number
            claim = j.one_goal_to_force(
                s.text,
                s.start,
                force,
                teams[:1],
                self._phase_in(s.text) or "",
                self._span(s, moments),
                nth,
            )
        elif at_score is not None:
            teams = [m.team for m in s.teams][:1] or self.subject[:1]
            role = self._role_in(s.text)
            method = self._method_in(s.text)
            judged = j.at_score(s.text, s.start, at_score, teams, role, method)
            if judged is None:
                return []
            claim = judged
        else:
            return []
        s.use(0, len(s.text))
        return [claim]

    def _won_in(self, s: _Sentence, m: re.Match[str]) -> bool:
        """Whether the phase named at ``m`` is where the tie was won: a win or a side going
        through said in its clause ("Morocco beat Spain after extra time"), no shoot-out named
        in the sentence ("on penalties after extra time"), and not a match taken to it ("went
        to extra time")."""
        if re.search(f"{self.v.methods['penalties']}|{self.v.shootout}", s.text, self.flags):
            return False
        if re.search(self.v.taken_to, s.text[: m.start()], self.flags):
            return False
        return self._said_won(s, m)

    def _said_won(self, s: _Sentence, m: re.Match[str]) -> bool:
        """Whether a side wins, loses, goes through or out in the clause of ``m``."""
        left, right = s.clause(m.start())
        clause = s.text[left:right]
        return any(
            role in (Role.WON, Role.LOST, Role.THROUGH, Role.OUT)
            and re.search(pattern, clause, self.flags)
            for pattern, role, _ in self.v.phrases
        )

    def _phase_in(self, text: str) -> str | None:
        """Extra time or penalties, named in ``text``."""
        for method in ("extra_time", "penalties"):
            if re.search(self.v.methods[method], text, self.flags):
                return method
        return None

    def _method_in(self, text: str) -> str | None:
        for method, pattern in self.v.methods.items():
            if re.search(pattern, text, self.flags):
                return method
        return None

    def _role_in(self, text: str) -> Role | None:
        if re.search(self.v.spell_through, text, self.flags):
            through = re.search(r"\bout\b|\buit\b", text, self.flags) is None
            return Role.THROUGH if through else Role.OUT
        for pattern, role, _ in self.v.phrases:
            if role in (Role.THROUGH, Role.OUT) and re.search(pattern, text, self.flags):
                return role
        return None

    def _spells(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        j = self.judge
        if not s.free(0, len(s.text)):
            return []
        through = re.search(self.v.spell_through, s.text, self.flags)
        level = re.search(self.v.spell_level, s.text, self.flags)
        spanned = any(
            re.search(
                r"(?:until|from|tot|van|vanaf|all match long|de hele wedstrijd)", s.text, self.flags
            )
            for _ in (0,)
        )
        if (through is None and level is None) or not spanned:
            return []
        span = self._span(s, moments)
        if level is not None:
            phase = self._method_in(level.group(0)) or "extra_time"
            claim = j.spell(s.text, s.start, level, None, phase, span, None, current=self.story)
        else:
            assert through is not None
            teams = [m.team for m in s.teams if not m.pronoun][:1] or self.subject[:1]
            method = self._method_in(s.text)
            out = re.search(r"\b(?:were|was) out\b|\blagen? (?:virtueel )?uit\b", s.text)
            claim = j.spell(s.text, s.start, through, teams, None, span, method, out=bool(out))
        s.use(0, len(s.text))
        return [claim]

    _UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
    _WORD = (
        rf"(?:[{_UPPER}][\w'\u2019-]*[a-zà-ÿ][\w'\u2019-]*"  # Mandžukić, O'Shea, Al-Dawsari
        rf"|[{_UPPER}][{_UPPER}'\u2019-]+)"  # DORADO, LI, as older files write surnames
    )
    _PARTICLE = r"(?i:de|da|di|do|dos|das|del|della|van|von|der|den|le|la|el|al|ter|ten)"
    _NAME = re.compile(
        rf"(?<![\w.])(?:[{_UPPER}]\.\s?)?{_WORD}(?:\s(?:{_PARTICLE}\s)*{_WORD}){{0,3}}"
    )

    def _people(self, s: _Sentence, left: int, right: int) -> list[tuple[int, int, str]]:
        """Capitalised names in the clause that are no team and no common word: a run of up to
        four names with their particles ("Klaas Jan Huntelaar", "Ángel di María", "Pablo
        DORADO"), without a team or a common word that opens the sentence ("Then ...")."""
        found = []
        titles = [(t.start(), t.end()) for t in self.titles.finditer(s.text)]
        for m in self._NAME.finditer(s.text, left, right):
            run: list[re.Match[str]] = []
            for word in re.finditer(r"\S+", m.group(0)):
                a, b = m.start() + word.start(), m.start() + word.end()
                if any(x < b and y > a for x, y in titles):
                    run = []  # the competition's or a round's name ("Apertura Playoffs")
                    continue
                if any(t.start < b and t.end > a for t in s.teams):
                    run = []  # a team's name, and what came before it, is no player's
                    continue
                lower = word.group(0).lower()
                if not run and (lower in self.v.stopwords or lower in _LEADS):
                    continue
                run.append(word)
            if not run or run[0].group(0).lower() in self.numbers:
                continue
            a, b = m.start() + run[0].start(), m.start() + run[-1].end()
            if self.side_noun.match(s.text, b):
                continue  # "de Braziliaanse ploeg", "the Brazilian side": no player
            b -= 2 if s.text[b - 2 : b] in ("'s", "\u2019s") else 0  # "Immobile's hat-trick"
            found.append((a, b, s.text[a:b]))
        return found

    def _red_cards(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        red = re.search(self.v.red_card, s.text, self.flags)
        if red is None:
            return []
        found = []
        listing = re.match(r"\s*(?:Sent off|Rode kaarte?n?)\s*:", s.text) is not None
        left, right = (0, len(s.text)) if listing else s.clause(red.start())
        people = self._people(s, left, right)
        second = re.search(self.v.second_yellow, s.text, self.flags) is not None
        for a, b, name in people:
            minute = _nearest(moments, a, b, left, right, s)
            team = _nearest_team(s.teams, a)
            found.append(
                self.judge.red_card(s.text, s.start, (a, b, name), minute, team, second, self.story)
            )
            if minute is not None:
                s.use(minute.start, minute.end)
            s.use(a, b)
        s.use(red.start(), red.end())
        return found

    def _penalties(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        """Penalties missed: by a player ("Kane missed a penalty"; his name, just before the
        words, is then no scorer's), or all of a side's ("Spain did not score a single
        penalty")."""
        found: list[Claim] = []
        for m in re.finditer(self.v.no_penalty_scored, s.text, self.flags):
            left, _ = s.clause(m.start())
            teams = [t.team for t in s.teams if left <= t.start < m.start()]
            if not teams or not s.free(m.start(), m.end()):
                continue
            span = m.span()
            found.append(self.judge.team_penalties(s.text, s.start, span, teams[-1], self.story))
            s.use(*span)
        for m in re.finditer(self.v.penalty_missed, s.text, self.flags):
            if not s.free(m.start(), m.end()):
                continue
            left, _ = s.clause(m.start())
            a = m.start()
            people = [p for p in self._people(s, left, m.start()) if s.free(p[0], p[1])]
            if people and re.fullmatch(r"\s+(?:\w+\s+){0,2}", s.text[people[-1][1] : m.start()]):
                a = people[-1][0]  # "Kane missed", "Kane then missed": no goal of his
                s.use(a, people[-1][1])
            found.append(self.judge.penalty_missed(s.text, s.start, (a, m.end()), self.story))
            s.use(m.start(), m.end())
        return found

    def _goals(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        found: list[Claim] = []
        verbs = re.compile(self.v.goal_verbs, self.flags)
        nouns = re.compile(rf"\b(?:{self.v.goal_nouns})\b", self.flags)
        counterfactual = re.compile(self.v.counterfactual, self.flags)
        listing = re.match(r"\s*(?:Goals?|Doelpunten|Doelpunt)\s*:", s.text) is not None
        has_goal_words = listing or verbs.search(s.text) or nouns.search(s.text)
        people = self._people(s, 0, len(s.text)) if has_goal_words else []
        for a, b, name in people:
            if not s.free(a, b):
                continue
            left, right = s.clause(a)
            if listing:
                left, right = _segment(s.text, a)
            elif (relative := self._relative_goals(s.text, b, people, verbs)) is not None:
                right = relative  # his clause runs on through "who scored a hat-trick"
            elif not self._scorer_slot(s.text, a, b, verbs):
                continue
            lo, hi = _own_part(s.text, people, a, b, left, right)
            if not listing and (what_if := counterfactual.search(s.text, lo, hi)) is not None:
                # "Immobile would have scored a fourth": a what-if, no goal of his
                span = (min(a, what_if.start()), max(b, what_if.end()))
                found.append(self.judge.hypothetical_goal(s.text, s.start, span))
                s.use(*span)
                continue
            cut = None if listing else self._second_goal(s.text, b, hi, verbs)
            parts = [(b, left, hi if cut is None else cut, lo)]
            if cut is not None:  # "pulled one back in the 83rd and equalised in stoppage time"
                parts.append((cut, cut, hi, cut))
            for scan, *bounds in parts:
                stop = len(s.text) if bounds[1] == hi else bounds[1]
                found += self._goal(
                    s, moments, (a, b, name), scan, [*bounds, stop], people, listing
                )
            s.use(a, b)
        # A team's goal at a minute: "Atalanta went ahead after eleven minutes".
        for minute in moments:
            if not s.free(minute.start, minute.end):
                continue
            left, right = s.clause(minute.start)
            context = s.text[left:right]
            score = _SCORE.search(context)
            if not has_goal_words and (
                len(_SCORE.findall(context)) != 1 or self._said_result(s, left, right)
            ):
                # "won 3-0 after 34 minutes of pressure": the result, not then; "from 2-0 to
                # 2-2 in the 81st minute": the scores the comeback went through
                continue
            if score is not None and s.free(left + score.start(), left + score.end()):
                found.append(
                    self.judge.running_by(
                        s.text,
                        s.start,
                        score,
                        left,
                        minute,
                        self.story,
                        self._led(s, left, right, None),
                    )
                )
                s.use(left + score.start(), left + score.end())
                s.use(minute.start, minute.end)
                continue
            if not (verbs.search(context) or nouns.search(context)):
                continue
            teams = [m.team for m in s.teams if left <= m.start < right]
            if teams:
                found.append(self.judge.team_goal(s.text, s.start, minute, teams[0], self.story))
                s.use(minute.start, minute.end)
        return found

    def _goal(
        self,
        s: _Sentence,
        moments: list[Moment],
        named: tuple[int, int, str],
        scan: int,
        bounds: list[int],
        people: list[tuple[int, int, str]],
        listing: bool,
    ) -> list[Claim]:
        """The goal(s) one part of a scorer's clause tells: what is said of it from ``scan``
        (the end of the name, or where a second goal of his begins), its minutes within
        ``left:right`` (a run of them to ``stop``: "in the 10th and 20th minutes") and its
        penalty or own goal from ``lo:right`` (``bounds``); in a listing ("Goals: ..."), the
        score it made."""
        a, b, name = named
        left, right, lo, stop = bounds
        found: list[Claim] = []
        count: tuple[int, int, int] | None = None
        completed = False
        spread: int | None = None
        role: tuple[str, int, int] | None = None
        penalties: tuple[int, bool, int, int] | None = None
        if not listing:
            after = min([p[0] for p in people if p[0] > b] + [right])
            # up to the next name outside the words themselves ("alle drie de Franse doelpunten")
            found_pens = self._said_of(
                s, a, scan, left, right, self.penalty_counts,
                lambda m: self._pens(m) is not None
                and not any(b < p[0] < m.start() for p in people),
            )  # fmt: skip
            if found_pens is not None:
                n = self._pens(found_pens)
                assert n is not None
                every = found_pens.group("all") is not None
                penalties = (n, every, found_pens.start(), found_pens.end())
                s.use(found_pens.start(), found_pens.end())
            found_count = self._said_of(
                s, a, scan, left, after, self.counts, lambda m: self._count(m) is not None
            )
            if found_count is not None:
                n = self._count(found_count)
                assert n is not None
                end = found_count.end()
                took = re.compile(self.v.goal_span, self.flags).match(s.text, end)
                minutes = None if took is None else self._number(took.group("n"))
                if took is not None and minutes is not None:
                    spread, end = minutes, took.end()
                count = (n, found_count.start(), end)
                whole = re.compile(self.v.tally_completed, self.flags)
                completed = any(
                    c.start() <= found_count.start() < c.end()
                    for c in whole.finditer(s.text, left, right)
                )
            found_role = self._said_of(s, a, scan, left, after, self.roles)
            if found_role is not None and found_role.lastgroup is not None:
                role = (found_role.lastgroup, found_role.start(), found_role.end())
        context = s.text[lo:right]
        minute = _nearest(moments, a, scan, left, right, s)
        own = re.search(self.v.own_goal, context, self.flags) is not None
        pen = (
            penalties is None
            and re.search(self.v.penalty_goal, context, self.flags) is not None
            and self._method_in(context) != "penalties"
        )
        if not listing and minute is None and count is None and self._kick(context):
            return [self.judge.shootout_kick(s.text, s.start, (a, b, name), self.story)]
        sub = re.search(self.v.substitute, context, self.flags) is not None
        score = _SCORE.search(s.text, minute.end if minute else scan, right) if listing else None
        if not listing:  # the score the goal made, in its verb: "put Argentina 3-2 up"
            verb = re.compile(self.v.goal_verbs, self.flags).match(s.text, scan + 1)
            made = None if verb is None else _SCORE.search(s.text, verb.start(), verb.end())
            score = made if made is not None and s.free(made.start(), made.end()) else None
        chain: list[Moment | None] = [minute] if minute is not None else [None]
        while minute is not None:
            nxt = next((m for m in moments if minute.end < m.start < stop), None)
            gap = "" if nxt is None else s.text[minute.end : nxt.start]
            if nxt is None or not re.fullmatch(r"\s*(?:,|and|en|,\s*and)\s*(?:de\s+|the\s+)?", gap):
                break
            chain.append(nxt)
            minute = nxt
        for moment in chain[:1]:  # a run of minutes is one claim, its every minute checked
            found.append(
                self.judge.goal(
                    s.text, s.start, (a, b, name), moment, self.story, own, pen, sub,
                    score, count, role, tuple(chain), spread=spread, penalties=penalties,
                    completed=completed,
                )
            )  # fmt: skip
            for said in (count, role):
                if said is not None:
                    s.use(said[1], said[2])
            count = role = penalties = None
        for moment in chain:
            if moment is not None:
                s.use(moment.start, moment.end)
                self.last_minute = moment.high
        if score is not None:
            s.use(score.start(), score.end())
        return found

    def _kick(self, context: str) -> bool:
        """Whether ``context`` tells a kick of the shoot-out it names ("scored the decisive
        penalty as Argentina won the shoot-out"), not a goal in play."""
        named = f"{self.v.methods['penalties']}|{self.v.shootout}"
        if re.search(named, context, self.flags) is None:
            return False
        rest = re.sub(named, " ", context, flags=self.flags)
        return re.search(self.v.shootout_kick, rest, self.flags) is not None

    def _second_goal(self, text: str, b: int, end: int, verbs: re.Pattern[str]) -> int | None:
        """Where a second goal of the scorer named before ``b`` begins: "and" with a goal verb
        of its own ("... in the 83rd minute and equalised deep into stoppage time")."""
        joined = re.compile(
            rf"\s(?:and|en)\s+(?:then\s+|later\s+|dan\s+)?(?={verbs.pattern})", self.flags
        )
        found = joined.search(text, b, end)
        return None if found is None else found.start()

    def _said_of(
        self,
        s: _Sentence,
        a: int,
        b: int,
        left: int,
        right: int,
        pattern: re.Pattern[str],
        keep: Callable[[re.Match[str]], bool] = bool,
    ) -> re.Match[str] | None:
        """What ``pattern`` finds said of the scorer named at ``a:b``: after the name and
        before the next one ("Messi scored twice", "Immobile's hat-trick"), or just before it
        ("two goals from Immobile", "the winner from Giroud"); ``keep`` may refuse a find."""
        for found in pattern.finditer(s.text, b, right):
            if keep(found) and s.free(found.start(), found.end()):
                return found
        before = re.search(r"\s+(?:from|by|of|for|van|voor|door)\s+$", s.text[left:a], self.flags)
        if before is not None:
            end = left + before.start()
            for found in pattern.finditer(s.text, left, end):
                if found.end() == end and keep(found) and s.free(found.start(), found.end()):
                    return found
        return None

    def _count(self, found: re.Match[str]) -> int | None:
        """The number of goals a match of ``counts`` says: two or more in words or figures (a
        single "one goal" is too often a margin or a what-if), or a named tally."""
        if found.group("tally"):
            return self.v.goal_tallies[found.group("tally").lower()]
        word = found.group("n").lower()
        n = int(word) if word.isdigit() else self.numbers.get(word)
        return n if n is not None and 2 <= n <= 10 else None

    def _pens(self, found: re.Match[str]) -> int | None:
        """The number of penalties a match of ``penalty_counts`` says (one or more)."""
        if found.group("tally"):
            return self.v.goal_tallies[found.group("tally").lower()]
        word = found.group("n") or found.group("times") or found.group("kicks")
        n = self._number(word) if word else None
        return n if n is not None and 1 <= n <= 10 else None

    def _relative_goals(
        self,
        text: str,
        b: int,
        people: list[tuple[int, int, str]],
        verbs: re.Pattern[str],
    ) -> int | None:
        """Where a relative clause just after the player named before ``b`` ends, when it tells
        goals (a goal verb, or a count of goals) and names no other player, so tells his
        ("Kane, who scored a hat-trick, ...", "Immobile, die een hattrick scoorde, ...");
        ``None`` for any other ("Kane, who missed a penalty, ...")."""
        opened = _RELATIVE.match(text, b)
        if opened is None:
            return None
        closed = _RELATIVE_END.search(text, opened.end())
        end = len(text) if closed is None else closed.start()
        if any(opened.end() <= x < end for x, _, _ in people):
            return None
        told = text[opened.end() : end]
        counted = any(self._count(m) is not None for m in self.counts.finditer(told))
        return end if verbs.search(told) or counted else None

    def _scorer_slot(self, text: str, a: int, b: int, verbs: re.Pattern[str]) -> bool:
        """Whether the name at ``a:b`` is where a scorer is named: just before a goal verb
        ("Schmelzer equalised"), just after one ("scoorde Schmelzer"), after "by"/"from"
        ("a goal by Bastos", "came from Bastos"), or owning a goal ("Immobile's hat-trick")."""
        after = verbs.match(text, b + 1) or verbs.search(text[b : b + 30].split(",")[0])
        if after is not None:
            return True
        owned = rf"['\u2019]s?\s+(?:\w+\s+){{0,2}}?(?:{self.v.goal_nouns})\b"
        if re.match(owned, text[b:], self.flags):
            return True
        # a count of penalties said of him, its verb after it ("heeft twee strafschoppen benut")
        kicks = self.penalty_counts.search(text[b : b + 50].split(",")[0])
        if kicks is not None and self._pens(kicks) is not None:
            return True
        before = text[max(0, a - 40) : a]
        if re.search(rf"(?:{self.v.goal_verbs})\s+(?:\w+\s+){{0,2}}$", before, self.flags):
            return True
        if re.search(r"\b(?:invaller|substitute)\s+$", before, self.flags):
            return True
        by = re.search(r"\b(?:by|from|van|door)\s+$", before, self.flags)
        if by is None:
            return False
        # "a goal by Bastos", "de 2-0 van Immobile"; not "die de plaats van Ronaldo innam"
        said = before[: by.start()].split(",")[-1]
        goal = rf"\b(?:{self.v.goal_nouns})\b|{self.v.goal_verbs}|\d-\d|\b(?:came|kwam)\b"
        return re.search(goal, said, self.flags) is not None

    def _scores(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        found = []
        qualifiers = {
            Kind.AGGREGATE: self.v.aggregate,
            Kind.FIRST_LEG: self.v.first_leg,
            Kind.SHOOTOUT: self.v.shootout,
            "half_time": self.v.half_time,
            "after_90": self.v.after_90,
            "extra_time": self.v.methods["extra_time"],
            "running": self.v.running,
        }
        scores = [m for m in _SCORE.finditer(s.text) if s.free(m.start(), m.end())]
        taken: dict[int, tuple[int, str | Kind]] = {}
        for kind, pattern in qualifiers.items():
            for q in re.finditer(pattern, s.text, self.flags):
                if any(q.start() < x.end and q.end() > x.start for x in moments):
                    continue  # "vlak na de rust" is a moment, not the half-time score
                near: tuple[int, int] | None = None
                for i, m in enumerate(scores):
                    if s.clause(m.start()) != s.clause(q.start()):
                        continue
                    if kind is Kind.SHOOTOUT and m.group(1) == m.group(2):
                        continue  # a shoot-out is never won level: "on penalties after a 3-3"
                    # A word after the score describes it more often than one before.
                    d = q.start() - m.end() if q.start() >= m.end() else m.start() - q.end() + 3
                    if d <= 40 and (near is None or d < near[0]):
                        near = (d, i)
                if near is not None and (near[1] not in taken or near[0] < taken[near[1]][0]):
                    taken[near[1]] = (near[0], kind)
        for i, m in enumerate(scores):
            left, right = s.clause(m.start())
            best = taken.get(i)
            if self.modal.search(s.text[left:right]):
                found.append(self.judge.hypothetical(s.text, s.start, m))
                s.use(m.start(), m.end())
                continue
            role = self._role_near(s, left, right)
            heading = _fixture(s, m) or (None if role else self._score_against(s, m, left))
            story = self.story
            teams = [t.team for t in s.teams if left <= t.start < right and not t.pronoun]
            stories = {id(x): x for t in teams if (x := self.night.story_of(t)) is not None}
            if len(stories) == 1:
                story = next(iter(stories.values()))
            gone = [t for t in heading or teams if t not in self.night.playing]
            if gone and (heading is not None or not stories):
                # "Morocco beat Spain 3-0" on a night neither played: no other tie's score
                found.append(self.judge.absent(Kind.SCORE, s.text, s.start, m.span(), gone[0]))
                s.use(m.start(), m.end())
                continue
            qualifier = None if best is None else best[1]
            first = self._first_side(s, m) if qualifier is Kind.SHOOTOUT else None
            led = None if role else self._led(s, left, right, heading)
            found.append(
                self.judge.score(
                    s.text, s.start, m, qualifier, story, heading, role, first=first, led=led
                )
            )
            s.use(m.start(), m.end())
        return found

    def _led(
        self, s: _Sentence, left: int, right: int, heading: tuple[Team, Team] | None
    ) -> tuple[Team | None, bool] | None:
        """Who the clause ``left:right`` says led (``True``) or trailed (``False``) at its
        score: the side heading it ("Poland led 2-0 against France") or its subject; ``None``
        for the side when no side is told, ``None`` when no lead is said."""
        words = [
            (w.start(), leading)
            for leading, pattern in ((True, self.v.leading), (False, self.v.trailing))
            for w in re.finditer(pattern, s.text[left:right], self.flags)
        ]
        if not words or len({leading for _, leading in words}) > 1:
            return None
        at, leading = min(words)
        if heading is not None:
            return heading[0], leading
        subjects = self._subjects(s, left + at)
        return (subjects[0] if len(subjects) == 1 else None), leading

    def _score_against(
        self, s: _Sentence, score: re.Match[str], left: int
    ) -> tuple[Team, Team] | None:
        """``France played 3-1 against Poland``, ``3-1 tegen Polen``: a score said against a
        side, that side's goals second; the first goals are those of the other side named
        before the score in its clause, else of the side it played. Only where no word between
        them may tell a result (``_NEUTRAL``), nor one in the clause (``_role_near``): "lost
        2-1 against", "went down 2-1 against" may give the winner's goals first."""
        against = _SCORE_AGAINST.match(s.text, score.end())
        named = next((t for t in s.teams if against and t.start == against.end()), None)
        if named is None or named.pronoun:
            return None
        before = [
            t
            for t in s.teams
            if left <= t.start and t.end <= score.start() and t.team != named.team
        ]
        if not _NEUTRAL.fullmatch(s.text, before[-1].end if before else left, score.start()):
            return None  # "crashed 2-1 against Östersund": the winner's goals may come first
        if before:
            return before[-1].team, named.team
        story = self.night.story_of(named.team)
        return None if story is None else (story.tie.opponent(named.team), named.team)

    def _opponent(self, s: _Sentence, m: re.Match[str], role: Role) -> Team | None:
        """The side a win, a defeat or an exit is said to be against, named just after the
        phrase: "uitgeschakeld door Marokko", "lost 2-1 to France", "beat Spain"."""
        if role not in (Role.WON, Role.LOST, Role.THROUGH, Role.OUT):
            return None
        _, right = s.clause(m.start())
        after = [t for t in s.teams if m.end() <= t.start < right and not t.pronoun]
        if not after:
            return self._against(s, m.start(), m.end())
        between = s.text[m.end() : after[0].start]
        by = (
            r"\s+(?:(?:met|with)\s+)?(?:\d{1,2}-\d{1,2}\s+)?(?:door|by|to|tegen|against|van|"
            r"from|over|of)\s+(?:the\s+|de\s+)?"
        )
        if re.fullmatch(by, between, self.flags) or (
            role is Role.WON and re.fullmatch(r"\s+(?:the\s+|de\s+)?", between)
        ):
            return after[0].team
        return self._against(s, m.start(), m.end())

    def _against(self, s: _Sentence, at: int, end: int) -> Team | None:
        """The team the phrase at ``at:end`` is said to be "against" ("tegen"): opening its
        clause ("Against Poland, England won 3-0", "Tegen Polen won Engeland") or after the
        phrase in the same predicate ("won their match against Poland"), never one a next
        verb is said against ("won 2-0 and will defend their title against Argentina")."""
        left, right = s.clause(at)
        against = re.compile(self.v.against, self.flags)
        for t in s.teams:
            if t.pronoun or not left <= t.start < right:
                continue
            said = against.search(s.text[max(left, t.start - 20) : t.start])
            if said is None:
                continue
            begins = max(left, t.start - 20) + said.start()
            if t.start < at and not re.fullmatch(r"[\s,;:]*", s.text[left:begins]):
                continue  # "Sporting overleeft ... tegen Astana, Lyon wint": Sporting's
            between = s.text[end:begins] if t.start > at else ""
            if re.search(
                r",|\b(?:and|en|but|maar|while|terwijl|will|zal|zullen|to|om)\b",
                between,
                self.flags,
            ):
                continue
            return t.team
        return None

    def _first_side(self, s: _Sentence, score: re.Match[str]) -> Team | None:
        """The side whose goals a score gives first: the one it is "to" ("3-1 to Croatia"),
        else the side said to win, lose, go through or out before it in its clause ("France
        won the shoot-out 4-2", "Nederland verloor de reeks met 2-4"); ``None`` otherwise (a
        headline's "Argentina 2-2 England (3-4 pen.)" gives the fixture's order)."""
        to = re.match(
            r"\s+(?:to|for|voor|in favour of|in het voordeel van)\s+", s.text[score.end() :]
        )
        if to is not None:
            at = score.end() + to.end()
            named = next((t.team for t in s.teams if t.start == at and not t.pronoun), None)
            if named is not None:
                return named
        if self._clause_has_no_teams(s, score.start()):
            return None
        left, _ = s.clause(score.start())
        for pattern, role, side in self.v.phrases:
            if side != "subject" or role not in (Role.WON, Role.LOST, Role.THROUGH, Role.OUT):
                continue
            said = re.compile(pattern, self.flags).search(s.text, left, score.start())
            if said is not None:
                subjects = self._subjects(s, said.start())
                return subjects[0] if subjects else None
        return None  # "Argentina 2-2 England (3-4 pen.)": the fixture's order, no side's

    def _said_result(self, s: _Sentence, left: int, right: int) -> bool:
        """Whether a side wins, loses or draws within ``left:right`` (a result told)."""
        return any(
            role in (Role.WON, Role.LOST, Role.DREW)
            and re.search(pattern, s.text[left:right], self.flags)
            for pattern, role, _ in self.v.phrases
        )

    def _role_near(self, s: _Sentence, left: int, right: int) -> bool:
        result_words = r"finished|ended|full-time|eindigde|werd het|stond het"
        if re.search(result_words, s.text[left:right], self.flags):
            return True
        return any(
            role in (Role.WON, Role.LOST, Role.DREW)
            and re.search(pattern, s.text[left:right], self.flags)
            for pattern, role, _ in self.v.phrases
        )

    def _roles(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        found: list[Claim] = []
        said: set[tuple[Role, Team]] = set()
        for pattern, role, side in self.v.phrases:
            for m in re.finditer(pattern, s.text, self.flags):
                if not s.free(m.start(), m.start() + 1):
                    continue
                teams = (
                    self._subjects(s, m.start(), m.end())
                    if side == "subject"
                    else self._object(s, m.end())
                )
                if not teams:
                    left = s.clause(m.start())[0]
                    adjective = (
                        self._side_unnamed(s, left, m.start()) if side == "subject" else None
                    )
                    if adjective is not None:
                        span = (adjective.start(), m.end())
                        found.append(
                            self.judge.side_unnamed(
                                s.text, s.start, span, role, adjective.group(0).strip()
                            )
                        )
                        s.use(m.start(), m.end())
                        continue
                    said_of = self._player_subject(s, m.start()) if side == "subject" else None
                    if said_of is not None and len(said_of[1]) != 1:
                        (a, _, name), sides = said_of
                        span = (a, m.end())
                        found.append(
                            self.judge.player_unknown(s.text, s.start, span, role, name, sides)
                        )
                        s.use(m.start(), m.end())
                    continue
                left, right = s.clause(m.start())
                if self.modal.search(s.text[max(left, m.start() - 25) : m.start()]):
                    continue
                if self.expected.search(s.text, left, m.start()):
                    continue  # "favourites to go through": no claim of fact
                reach = right if role is Role.CAME_BACK else min(right, m.end() + 25)
                start = max(left, m.start() - 15)
                clause = s.text[start:reach]
                # the aggregate counts where it begins near the verb, however long its words
                # ("won met 4-3 over twee wedstrijden"), unless a next verb comes first ("drew
                # 1-1 and go through 3-2 on aggregate")
                aggregate = re.search(self.v.aggregate, s.text[start:right], self.flags)
                own = aggregate is not None and start + aggregate.start() < reach
                if own and aggregate is not None:
                    between = s.text[m.end() : start + aggregate.start()]
                    own = re.search(r"\b(?:and|but|en|maar)\b", between, self.flags) is None
                which = "match"
                second = re.search(self.v.second_leg, s.text[m.end() : reach], self.flags)
                if second is None and re.search(self.v.first_leg, clause, self.flags):
                    which = "first_leg"
                elif own or re.search(
                    f"{self.v.shootout}|{self.v.methods['away_goals']}|{self.v.title_won}",
                    clause,
                    self.flags,
                ):
                    which = "tie"
                against = self._opponent(s, m, role) if side == "subject" else None
                for team in teams:
                    if (role, team) in said:
                        continue
                    said.add((role, team))
                    met = self.night.story_of(team)
                    if against == team:  # "Tegen Polen won Engeland": the side, not its opponent
                        against = self._against(s, m.start(), m.end())
                    if (
                        against is not None
                        and met is not None
                        and against not in met.tie.teams
                        and against in self.night.playing
                    ):
                        found.append(self.judge.not_met(s.text, s.start, m, team, against))
                        continue
                    found.append(self.judge.role(s.text, s.start, m, role, team, which))
                s.use(m.start(), m.end())
        return found

    def _methods(self, s: _Sentence, moments: list[Moment]) -> list[Claim]:
        found = []
        for m in re.finditer(self.v.straight, s.text, self.flags):
            if not s.free(m.start(), m.end()):
                continue
            playing = [t.team for t in s.teams if not t.pronoun and t.team in self.night.playing]
            story = self.night.story_of(playing[0]) if playing else self.story
            found.append(self.judge.straight(s.text, s.start, m, story))
            s.use(m.start(), m.end())
        for method, pattern in self.v.methods.items():
            for m in re.finditer(pattern, s.text, self.flags):
                if not s.free(m.start(), m.end()):
                    continue
                teams = [t.team for t in s.teams if not t.pronoun]
                playing = [t for t in teams if t in self.night.playing]
                if teams and not playing:
                    span = m.span()
                    found.append(self.judge.absent(Kind.METHOD, s.text, s.start, span, teams[0]))
                    s.use(m.start(), m.end())
                    continue
                story = self.night.story_of(playing[0]) if playing else self.story
                left, _ = s.clause(m.start())
                if method == "normal_time" and not self._said_won(s, m):
                    continue  # "2-2 in normal time": a score's moment, no way of deciding
                # "zonder verlengingen", "not to extra time": no extra time, not a win in it
                direct = re.search(
                    rf"(?:{self.v.negation})\s+(?:\w+\s+)?$", s.text[left : m.start()], self.flags
                )
                won_in = method == "extra_time" and direct is None and self._won_in(s, m)
                # said of the night's win, not of an earlier match ("the first match drawn
                # 1-1 after extra time"): on a replay's night, the replay's own extra time
                since = max(s.text.rfind(mark, left, m.start()) for mark in ",;(")
                earlier = re.search(
                    self.v.first_leg, s.text[max(since, left) : m.start()], self.flags
                )
                of_win = earlier is None and (
                    won_in or (direct is not None and self._said_won(s, m))
                )
                found.append(
                    self.judge.method(
                        s.text, s.start, m, method, story, won_in=won_in, of_win=of_win
                    )
                )
                s.use(m.start(), m.end())
        return found


_LEAD_WORDS = (
    "then toen late laat but maar and en in after na when toen with met for voor that "
    "dat the de het goal goals doelpunt doelpunten sent rode kaart red also ook it its "
    "his zijn een a an this dit there er nobody niemand referee scheidsrechter europa "
    "league champions uefa round ronde january february march april may june july august "
    "september october november december januari februari maart mei juni juli augustus "
    "oktober monday tuesday wednesday thursday friday saturday sunday maandag dinsdag "
    "woensdag donderdag vrijdag zaterdag zondag own eigen even zelfs only slechts pas "
    "neither nobody niemand everything alles geen no instead however meanwhile still yet "
    "later now daarna nadien intussen toch nochtans dan vervolgens pas zo "
    "from vanop vanuit vanaf uit op bij thanks dankzij door via tegen against "
)
_LEADS = frozenset(_LEAD_WORDS.split())
"""Capitalised words that begin sentences or name things, never players."""


def _nearest(
    moments: list[Moment],
    a: int,
    b: int,
    left: int = 0,
    right: int = 10**9,
    s: _Sentence | None = None,
) -> Moment | None:
    inside = [
        m for m in moments if left <= m.start < right and (s is None or s.free(m.start, m.end))
    ]
    if not inside:
        return None
    after = [m for m in inside if m.start >= b]
    before = [m for m in inside if m.end <= a]
    candidates = after[:1] + before[-1:]
    if not candidates:
        return None
    # A figure ("the 53rd") over a vague phrase ("after the break"), the one after the name
    # over the one before it.
    return min(
        candidates,
        key=lambda m: (
            (m.start - b if m.start >= b else a - m.end + 5) + (0 if m.low == m.high else 30)
        ),
    )


_NEUTRAL = re.compile(
    r"[\s:,]*(?:(?:['\u2019]s|played|play|plays|speelde|speelden|speelt|spelen|the|a|an|their|"
    r"its|de|het|een|hun|zijn|after|na|with|met)[\s:,]+)*",
    re.I,
)
"""The words that may stand between a side and a score said against another ("France played
3-1 against Poland", "Arsenal's 1-2 against", "na de 3-1 tegen"): none tells a result."""

_SCORE_AGAINST = re.compile(r"\s+(?:against|tegen)\s+(?:the\s+|de\s+)?", re.I)
"""What follows a score said against a side ("3-1 against Poland", "3-1 tegen Polen")."""

_RELATIVE = re.compile(r",\s+(?:who|die)\s+", re.I)
"""The opening of a relative clause said of the person just before it ("Kane, who ...")."""
_RELATIVE_END = re.compile(r",|[;:]|\s[—–]\s")
"""Where a relative clause ends: its closing comma, or a harder stop."""

_JOIN = re.compile(r"\s(?:and|en|while|terwijl|as|toen|before|voordat|after|nadat)\s|,\s", re.I)
"""Words that join two scorers' stories in one clause ("... and Di María made it 2-0")."""


def _own_part(
    text: str, people: list[tuple[int, int, str]], a: int, b: int, left: int, right: int
) -> tuple[int, int]:
    """The part of the clause ``left:right`` told of the player named at ``a:b``: from the
    last joining word ("and", ", ") between the name before and it, to the last one between it
    and the next name, so that "a penalty" said of one goal is not said of the next."""
    before = [y for _, y, _ in people if left <= y <= a]
    after = [x for x, _, _ in people if b <= x < right]
    lo, hi = left, right
    if before:
        joins = list(_JOIN.finditer(text, before[-1], a))
        lo = joins[-1].start() if joins else lo
    if after:
        joins = list(_JOIN.finditer(text, b, after[0]))
        hi = joins[-1].start() if joins else hi
    return lo, hi


_DENIABLE = frozenset({Kind.RESULT, Kind.THROUGH, Kind.AGGREGATE, Kind.GOAL, Kind.METHOD})
"""The kinds of claim whose denial is the opposite claim ("did not win", "scoorde niet",
"zonder verlengingen"); a denial of another kind is not checked."""


def _of_countries(team: Team, countries: frozenset[str]) -> bool:
    """Whether ``team`` is of one of ``countries``: a club by its country code, a national team
    (no code) by its name (``NATIONAL_TEAMS``)."""
    if team.country is None:
        nations = {fold(name) for code in countries for name in NATIONAL_TEAMS.get(code, ())}
        return fold(team.name) in nations
    return team.country in countries


def _nearest_team(teams: list[Mention], at: int) -> Team | None:
    return min(teams, key=lambda m: abs(m.start - at)).team if teams else None


def _segment(text: str, at: int) -> tuple[int, int]:
    left = max(text.rfind(",", 0, at), text.rfind(":", 0, at), text.rfind(";", 0, at)) + 1
    ends = [i for i in (text.find(",", at), text.find(";", at)) if i >= 0]
    return left, min(ends) if ends else len(text)


def _fixture(s: _Sentence, score: re.Match[str]) -> tuple[Team, Team] | None:
    """``Atalanta 1-1 Dortmund`` or ``Atalanta - Dortmund 1-1``: a score between two teams,
    the first team's goals first."""
    before = [m for m in s.teams if m.end <= score.start() and not m.pronoun]
    after = [m for m in s.teams if m.start >= score.end() and not m.pronoun]
    if (
        before
        and after
        and re.fullmatch(r"\s*", s.text[before[-1].end : score.start()])
        and (re.fullmatch(r"\s*", s.text[score.end() : after[0].start]))
    ):
        return before[-1].team, after[0].team
    if (
        len(before) >= 2
        and re.fullmatch(r"\s+-\s+", s.text[before[-2].end : before[-1].start])
        and re.fullmatch(r"\s*", s.text[before[-1].end : score.start()])
    ):
        return before[-2].team, before[-1].team
    return None


def check(text: str, night: Night, lang: str | None = None) -> tuple[Claim, ...]:
    """Every claim of ``text`` the night's data can confirm or refute, with its verdict.

    ``lang`` is "nl" or "en", or ``None`` to tell from the text. ``ConfigError`` for an empty
    article, an unknown language, or an article that names no team that played that night and
    no player of their matches (by the goals and cards on record).
    """
    if not text.strip():
        raise ConfigError("the article is empty")
    code = lang or detect_language(text)
    if code is None:
        raise ConfigError("cannot tell the article's language; give it with --lang nl|en")
    if code not in VOCABULARIES:
        known = ", ".join(sorted(VOCABULARIES))
        raise ConfigError(f"unknown language {code!r}; choose one of: {known}")
    reader = Reader(night, VOCABULARIES[code])
    if not reader.named(text) & night.playing and not reader.players_placed(text):
        where = ", ".join(sorted({s.tie.label for s in night.stories})[:3])
        raise ConfigError(
            f"the article names none of the teams that played then ({where}, ...) "
            "and no player on record in their matches: is it about another night?"
        )
    claims = reader.read(text)
    return tuple(
        sorted(
            {(c.start, c.end, c.kind, c.reason): c for c in claims}.values(),
            key=lambda c: (c.start, c.end),
        )
    )


def summary(claims: tuple[Claim, ...]) -> dict[Verdict, int]:
    """How many claims got each verdict."""
    return {v: sum(c.verdict is v for c in claims) for v in Verdict}
