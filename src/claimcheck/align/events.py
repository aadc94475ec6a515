"""Events: which event of its story each claim is about (DESIGN.md section 4.2).

Every claim belongs to the event mention of its own clause: the event word there (`event_words:` in
the rules: quake, tsunami, shooting, fire, summit ...) with its time anchor (the clause's date, a
year, "last year's", "since the 1999 tsunami": `background_markers:`). A clause with no event word
belongs to its article's main event, the one its headline and first sentences report.

Mentions of different articles of one story are one event when their class agrees and their times
are compatible. The story's main event gathers every article's main event and every mention of the
main class with no earlier time of its own; a mention of another class (the tsunami in a quake
story, Monday's aftershock) or of an earlier time (the 2004 quake, last year's) is an event of its
own, and a background event when its time or its words put it before the news.

Nothing here compares claims with each other: a claim's event is read from its own sentence and
article, and events merge by a key, so the cost is linear in the claims.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..entities import content_tokens
from ..models import Article, Claim, DateSpan, Event, RuleSet

# (a year ends a sentence or a phrase: "in 2004.", "In December 2004, a quake"; "2004.5" and "2004,000" are no year)
YEAR = re.compile(r"(?<![\d,.$£€])\b(1[89]\d\d|20\d\d)\b(?![\d%]|[,.]\d|\s*(?:people|persons|homes|houses|%))")
# Where a clause ends: a new clause that may be about another event ("... died when the quake hit",
# "the strongest since the 1999 quake"). The boundary word belongs to the clause it opens.
CLAUSE_BOUNDARY = re.compile(r";|\s[\u2014\u2013]\s|\s--\s|[()]|,\s+(?=(?:which|who|while|as|where|and|but)\b)"
                             r"|\s(?=(?:and|but)\s+(?:a|an|the)\s)"
                             r"|\b(?=(?:when|while|since|after|before|where|compared with|unlike)\b)")
NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|his|her|their|its|deadly|fatal|mass|school|latest|recent)|'s|[A-Z]\w+)\s+$")
LEAD_SHARE = 0.25                  # a class named in the leads of this share of a story's articles is its main event too
LEAD_SENTENCES = 2                 # the headline and this many first sentences report the main event
# A time before the news a clause gives with no event word ("The catastrophe four years ago killed
# more than 230,000 people"): grammar, as "since" and "compared with" are.
AGO = re.compile(r"\b(?:years?|decades?|centur(?:y|ies)) ago\b|\blast year\b", re.I)
# "four years ago", "2 years ago": a count of years before the article's own time. Grammar.
YEARS_AGO = re.compile(r"\b(\d{1,2}|[a-z]+) years? ago\b", re.I)
MARKER_WINDOW = 4                  # words before an event word that can mark it earlier ("last year's quake")
# How much earlier than the news a clause's date must be for its event to be another, earlier one:
# against the main event's own date when an article gives it, else against the publication date
# (coverage of one event runs for weeks). Measured on the scenarios and ECB+: follow-up articles
# date the main event up to 5 days back.
EARLIER_THAN_EVENT_DAYS = 7
EARLIER_THAN_PUBLISHED_DAYS = 45
# A date or clock time whose verb no class lists is its story's main event's own time when its
# clause names that event (MAIN_TIME_CLAUSE), or when a sentence of its article's lead names it and
# gives no other date (MAIN_TIME_LEAD): main_event_times.
MAIN_TIME_CLAUSE = True
MAIN_TIME_LEAD = True
# Prepositions between a verb and the event word its date follows: a time one ("after a shooting
# on Friday") or none (the verb's object: "repulsed an attack on Saturday") tells the event's time;
# another tells a charge or a topic ("on suspicion of murder yesterday", "over the murders").
MAIN_TIME_PREPOSITIONS = frozenset("of over about for with on in at to into from by against after following during "
                                   "amid before".split())
MAIN_TIME_TEMPORAL = frozenset("after following during amid at in".split())
# (a form of "be" reads as no verb of the event: "A MAN was last night being quizzed". Grammar.)
BE_FORMS = frozenset("be is are was were been being".split())
MAIN_TIME_TOPIC = frozenset("of over about for with in".split())


@dataclass
class Mention:
    """What one claim's clause says about its event."""
    cls: str = ""                  # event class ("" when the clause names no event)
    word: str = ""                 # the event word as written
    year: Optional[int] = None     # a year the clause gives the event ("the 2004 tsunami")
    marker: str = ""               # a word that puts it before the news ("last year's", "since")
    when: Optional[DateSpan] = None
    name: frozenset = frozenset()  # the words of a proper name ("World AI Conference" -> {world, ai})
    name_text: str = ""            # that name as written
    ago: Optional[int] = None      # "four years ago": how many years before its article the clause puts its event


def proper_name(text: str, start: int, word: str, ruleset: Optional[RuleSet] = None) -> frozenset:
    """The proper name an event word ends ("the 2025 World AI Conference", "AI Action Summit"):
    only a capitalised event word is part of a name."""
    if not word[:1].isupper() or start == 0 and len(text.split()) < 2:
        return frozenset()
    out = []
    for w in reversed(re.findall(r"[\w'&.-]+", text[:start])[-6:]):
        if w[:1].isupper() or w.isdigit() or w.isupper():
            out.append(w)
        else:
            break
    words = [w for w in out if not YEAR.fullmatch(w) and w.lower() not in ("the", "a", "an")]
    if ruleset is not None:      # aliases expanded: "World AI Conference" = "World Artificial Intelligence Conference"
        return content_tokens(" ".join(words), ruleset)
    return frozenset(w.lower().strip(".'") for w in words)


def _written(text: str, start: int, word: str) -> str:
    words = re.findall(r"[\w'&.-]+", text[:start])[-6:]
    keep = []
    for w in reversed(words):
        if w[:1].isupper() or w.isdigit():
            keep.insert(0, w)
        else:
            break
    return " ".join(keep + [word])


class EventWords:
    """The `event_words:` and `background_markers:` rules compiled into one regex each."""

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        table = ruleset.extra.get("event_words") or {}
        self.cls: dict[str, str] = {}
        for cls, words in table.items():
            for w in words or []:
                self.cls.setdefault(w.lower(), cls)
        alts = sorted(self.cls, key=len, reverse=True)
        self.word_re = re.compile(r"\b(" + "|".join(re.escape(w) for w in alts) + r")(?:e?s)?\b", re.I) \
            if alts else None
        markers = [m.lower() for m in ruleset.extra.get("background_markers") or []]
        self.marker_re = re.compile(r"\b(" + "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
                                    + r")(?![\w'])", re.I) if markers else None

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, word, class) of every event word in the text. A word in -ing names an event
        only as a noun ("the killing", "Friday's shooting"), not as a verb ("killing two people")."""
        if not self.word_re:
            return []
        out = []
        for m in self.word_re.finditer(text):
            w = m.group(0)
            if w.lower().endswith("ing") and not NOUN_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
                continue
            out.append((m.start(), m.end(), w, self.cls[m.group(1).lower()]))
        return out

    def marker(self, text: str) -> str:
        if not self.marker_re:
            return ""
        m = self.marker_re.search(text)
        return m.group(1).lower() if m else ""


_EVENT_WORDS: dict[int, tuple[RuleSet, EventWords]] = {}


def event_words(ruleset: RuleSet) -> EventWords:
    """The compiled `event_words:` of a rule set, built once per rule set."""
    hit = _EVENT_WORDS.get(id(ruleset))
    if hit is None or hit[0] is not ruleset:
        hit = _EVENT_WORDS[id(ruleset)] = (ruleset, EventWords(ruleset))
    return hit[1]


def _clause(quote: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence that holds [start, end)."""
    lo, hi = 0, len(quote)
    for m in CLAUSE_BOUNDARY.finditer(quote):
        if m.end() <= start and m.start() >= lo:
            lo = m.start()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def claim_span(c: Claim) -> tuple[int, int]:
    """Where the claim's text sits in its quote."""
    pos = c.start - c.sentence_start
    if not (0 <= pos and c.quote[pos:pos + len(c.text)] == c.text):
        found = c.quote.find(c.text)
        pos = found if found >= 0 else 0
    return pos, pos + len(c.text)


def mention_of(c: Claim, words: EventWords) -> Mention:
    """The event mention of a claim's own clause."""
    start, end = claim_span(c)
    lo, hi = _clause(c.quote, start, end)
    if re.match(r",?\s*(?:which|that|who|when|where)\b", c.quote[lo:hi]) and not words.find(c.quote[lo:hi]) and lo > 0:
        # a relative clause is about the event it hangs on ("since the 1999 quake, which killed 2,400";
        # "the tsunami of 2004, when waves killed more than 2,000")
        lo = _clause(c.quote, lo - 1, lo - 1)[0]
    clause = c.quote[lo:hi]
    found = words.find(clause)
    # the event the parse hung the claim on wins ("killed 168,000 in the 2004 Asian tsunami")
    on_object = words.find(c.object) if c.object else []
    when = c.date if c.kind == "date" else c.when
    m = Mention(when=None if c.kind == "date" else when)
    # (only when that word stands in the claim's own clause: a parse may hang "23 pirates" on
    # "another attack" of the next clause)
    if on_object and not any(w.lower() == on_object[0][2].lower() for _, _, w, _ in found):
        on_object = []
    if on_object:
        m.cls, m.word = on_object[0][3], on_object[0][2]
        m.name = proper_name(c.object, on_object[0][0], m.word, words.ruleset)
        m.name_text = _written(c.object, on_object[0][0], m.word) if m.name else ""
        at = next((s for s, _, w, _ in found if w.lower() == m.word.lower()), None)
    elif found:
        rel = start - lo
        s, e, w, cls = min(found, key=lambda f: abs(f[0] - rel))
        m.cls, m.word, at = cls, w, s
        m.name = proper_name(clause, s, w, words.ruleset)
        m.name_text = _written(clause, s, w) if m.name else ""
    else:
        at = None
    own = (start - lo, end - lo)
    years = [int(y.group(1)) for y in YEAR.finditer(clause)
             if not (own[0] <= y.start() < own[1]) and c.kind != "date"]
    if years:
        m.year = min(years)
    if at is not None:
        before = " ".join(clause[:at].split()[-MARKER_WINDOW:])
        m.marker = words.marker(before + " " + m.word)
    if not m.marker and clause.lstrip().lower().startswith(("since", "compared with", "unlike")):
        m.marker = clause.split()[0].lower()
    if not m.marker and at is None and AGO.search(clause):
        m.marker = "ago"
    n = YEARS_AGO.search(clause)
    if n and m.year is None:
        word = n.group(1).lower()
        m.ago = int(word) if word.isdigit() else int((words.ruleset.number_words or {}).get(word) or 0) or None
    return m


# ------------------------------------------------------------------ the main event of an article


def lead_end(a: Article) -> int:
    """Where an article's lead (its first sentences) ends."""
    pos = 0
    for _ in range(LEAD_SENTENCES):
        m = re.search(r"[.!?](?:[\"'\u201d\u2019])?\s", a.text[pos:])
        if not m:
            return len(a.text)
        pos += m.end()
    return pos


@dataclass
class MainEvent:
    cls: str = ""
    word: str = ""
    when: Optional[DateSpan] = None
    years: frozenset = frozenset()
    name: frozenset = frozenset()
    name_text: str = ""
    classes: frozenset = frozenset()    # every event class the lead names


def main_event(a: Article, claims: list[Claim], words: EventWords) -> MainEvent:
    end = lead_end(a)
    lead = a.title + "\n" + a.text[:end]
    found = words.find(lead)
    out = MainEvent(years=frozenset(int(y.group(1)) for y in YEAR.finditer(lead)),
                    classes=frozenset(cls for _, _, _, cls in found))
    if found:
        counts = Counter(cls for _, _, _, cls in found)
        # the headline's event, else the lead's most named one
        title_found = words.find(a.title)
        out.cls = title_found[0][3] if title_found else counts.most_common(1)[0][0]
        out.word = next(w for _, _, w, cls in found if cls == out.cls).lower()
        for s, _, w, cls in found:
            n = proper_name(lead, s, w, words.ruleset) if cls == out.cls else frozenset()
            if n:
                out.name, out.name_text = n, _written(lead, s, w)
                break
    for c in claims:
        if c.sentence_start <= end:
            w = c.date if c.kind == "date" and c.predicate.split(" (")[0] in ("strike", "hold", "begin") else c.when
            if w is not None and w.resolved and w.start:
                out.when = w
                break
    return out


def _document(obj: str, ruleset: RuleSet) -> bool:
    """Is the object a document, product or body (`object_nouns:` of a class that names no event)?"""
    from .facts import object_class
    cls = object_class(obj, ruleset)
    return bool(cls) and cls not in set(ruleset.extra.get("event_classes") or [])


def _same_name(a: frozenset, b: frozenset) -> bool:
    """One name in other words: most of their words shared ("AI Action Summit" / "Paris AI Action
    Summit"), not one word ("World AI Conference" / "AI Action Summit")."""
    return len(a & b) > 0.5 * len(a | b)


def _earlier(m: Mention, main: MainEvent, published: Optional[date], year_hint: Optional[int],
             weekdays: Optional[dict] = None) -> bool:
    """Does the mention's time put its event before the article's news? A marker does ("last
    year's", "since the 1999 quake"), unless the clause dates its event within the news ("tremors
    since 7.6 and 7.5 magnitude quakes that struck on Sunday": Sunday's quake is the news)."""
    if m.marker:
        return not _recent(m.when, main, published, weekdays or {})
    if m.year is not None:
        ref = published.year if published else (main.when.start.year if main.when and main.when.start else year_hint)
        if ref is not None:
            return m.year < ref or _year_only_in_body(m, main, published)
        return m.year not in main.years
    w = m.when
    if w is not None and w.resolved and w.end:
        if main.when is not None and main.when.start:
            return (main.when.start - w.end).days > EARLIER_THAN_EVENT_DAYS
        if published:
            return (published - w.end).days > EARLIER_THAN_PUBLISHED_DAYS
        if year_hint:
            return w.end.year < year_hint - 1
    return False


def _year_only_in_body(m: Mention, main: MainEvent, published: Optional[date]) -> bool:
    """A clause that dates its event by a year the undated article's lead does not give ("The latest
    quakes in Manokwari occurred on Oct. 10, 2002" in a report of "a series of powerful earthquakes
    ... on Sunday"): an earlier event, even when that year is the only one the text holds (the
    article's year hint is then that background year, and no evidence of the news's own)."""
    return published is None and not (main.when is not None and main.when.start) and bool(main.years) is False \
        and m.year is not None


def _recent(w: Optional[DateSpan], main: MainEvent, published: Optional[date], weekdays: dict) -> bool:
    """Is a clause's day within the news (not before the main event or the publication)? A weekday
    the article could not resolve ("on Sunday", `weekdays:`) is: news names a day by its weekday
    only within its week."""
    if w is None or w.granularity != "day":
        return False
    if not w.resolved or not w.end:
        return any(x.lower() in weekdays for x in re.findall(r"[A-Za-z]+", w.text or ""))
    if main.when is not None and main.when.start:
        return (main.when.start - w.end).days <= EARLIER_THAN_EVENT_DAYS
    return bool(published) and 0 <= (published - w.end).days <= EARLIER_THAN_EVENT_DAYS


def dated_before_news(claims: list[Claim], articles: list[Article], ruleset: RuleSet) -> set[str]:
    """Ids of the date claims whose date puts what they date before their article's news (the
    same test as a clause's time, `_earlier`: "died in 2002" in an obituary of 2005, "a 1972
    meeting"): such a date is not the news event's own, whatever verb dates it."""
    words = EventWords(ruleset)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "date" and c.date is not None:
            by_article[c.article].append(c)
    out = set()
    for a in articles:
        own = by_article.get(a.id)
        if not own:
            continue
        main = main_event(a, own, words)
        # an undated article with no year in its text: its latest date stands for its time
        hint = a.year_hint or (None if a.published else
                               max((c.date.end.year for c in own if c.date.resolved and c.date.end), default=None))
        for c in own:
            if _earlier(Mention(when=c.date), main, a.published, hint):
                out.add(c.id)
    return out


def lead_days(claims: list[Claim], articles: list[Article], ruleset: RuleSet) -> dict[str, DateSpan]:
    """article id -> the day its lead gives its main event ("rattled the province Wednesday", "on
    Sunday"), resolved or not: a property of "the quake" (its depth, distance, magnitude, clock
    time) that its own sentence does not date is a property of the quake the article's lead reports."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    out = {}
    for a in articles:
        end = lead_end(a)
        for c in sorted(by_article.get(a.id, []), key=lambda c: c.start):
            if c.sentence_start > end:
                break
            w = c.date if c.kind == "date" else c.when
            if w is not None and w.granularity == "day":
                out[a.id] = w
                break
    return out


# ------------------------------------------------------------------ events of a story


def _label(cls: str, word: str, anchor: str, main: bool, background: bool, when: Optional[DateSpan]) -> str:
    noun = re.sub(r"^(?:open|opened|opening|opens) ", "", (word or cls or "event").lower())
    noun = re.sub(r"(?<=[a-z])s$", "", noun) if noun.endswith("s") and not noun.endswith(("ss", "us")) else noun
    if main:
        day = f" on {when.start.strftime('%-d %B %Y')}" if when is not None and when.start and when.granularity == "day" else ""
        return f"the {noun}{day}" if word or cls else "the main event"
    if anchor.isdigit():
        return f"the {anchor} {noun}"
    if anchor.startswith("d:"):
        return f"the {noun} of {anchor[2:]}"
    if anchor.startswith("n:"):
        return f"the {anchor[2:].title()} {noun}"

    return f"an earlier {noun}" if background else f"the {noun}"


def _main_class(cls: str, sid: str, main: MainEvent, story_main: dict, story_classes: dict) -> bool:
    return cls == (story_main.get(sid) or main.cls) or cls in story_classes.get(sid, ())


def ago_merges(keyed: dict, merged: dict) -> dict:
    """Events a clause dates by years before its article ("the catastrophe four years ago", key
    anchor "ago:2005") -> the one earlier event of the story dated that year or the year before
    (December 2004 is four years before January 2009), of their class or of any class when the
    clause names none."""
    out = {}
    for key in keyed:
        if len(key) != 4 or not key[2].startswith("ago:") or key in merged:
            continue
        y = int(key[2][4:])
        hits = [k for k in keyed if len(k) == 4 and k[0] == key[0] and k[3] and k[2] in (str(y), str(y - 1))
                and k[1] not in ("main", "") and (not key[1] or k[1] == key[1]) and k not in merged]
        if len(hits) == 1:
            out[key] = hits[0]
    return out


def assign_events(claims: list[Claim], articles: list[Article], story_of: dict[str, str],
                  ruleset: RuleSet) -> list[Event]:
    """Fill in each claim's `event` and return the events, story by story."""
    words = EventWords(ruleset)
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    arts = {a.id: a for a in articles}
    mains = {a.id: main_event(a, by_article.get(a.id, []), words) for a in articles}
    story_main: dict[str, str] = {}
    story_classes: dict[str, set] = {}
    separate = set(ruleset.extra.get("separate_events") or [])
    members_of: dict[str, list[str]] = defaultdict(list)
    for a in story_of:                       # in story_of's order, as the lists were built before
        members_of[story_of[a]].append(a)
    for sid in set(story_of.values()):
        members = members_of[sid]
        counts = Counter(mains[a].cls for a in members if mains[a].cls)
        story_main[sid] = counts.most_common(1)[0][0] if counts else ""
        # the classes many leads name are all the main event in other words (a hijacking and the
        # attack; a hit-and-run and the murder charge), except classes that are events of their own
        named = Counter(cls for a in members for cls in mains[a].classes)
        need = max(2, LEAD_SHARE * len(members))
        story_classes[sid] = {story_main[sid]} | {cls for cls, n in named.items() if n >= need and cls not in separate}
    # the year of a story's news, for an article that gives none ("four years ago" in an undated article)
    story_year: dict[str, int] = {}
    for sid, members in members_of.items():
        years = Counter(arts[x].published.year if arts[x].published else arts[x].year_hint
                        for x in members if x in arts and (arts[x].published or arts[x].year_hint))
        if years:
            story_year[sid] = years.most_common(1)[0][0]
    story_name: dict[str, frozenset] = {}
    for sid in set(story_of.values()):
        names = Counter(mains[a].name for a in members_of[sid] if mains[a].name)
        story_name[sid] = names.most_common(1)[0][0] if names else frozenset()

    # key of an event inside its story: ("main",) or (class, anchor)
    keyed: dict[tuple, dict] = {}
    claim_key: dict[str, tuple] = {}
    co_named: dict[tuple, list[set]] = defaultdict(list)   # (story, year) -> event classes one sentence names with it
    for c in claims:
        a = arts.get(c.article)
        sid = story_of.get(c.article, "")
        if a is None:
            continue
        main = mains[a.id]
        m = mention_of(c, words)
        if c.kind == "date" and m.cls and m.year is None and c.date is not None and c.date.start \
                and c.date.resolved and not _main_class(m.cls, sid, main, story_main, story_classes):
            # a date of another class's event ("the Asian tsunami that killed 168,000 in 2004" in a
            # quake story) is that event's time: its own year anchors it
            m.year = c.date.start.year
        elif c.kind == "date" and m.cls and m.year is None and not m.marker and c.date is not None \
                and c.date.start and c.date.resolved and _earlier(Mention(when=c.date), main, a.published, a.year_hint):
            # so is a date of the main class long before the news ("in December 2004, a massive
            # undersea quake" in a story of this week's quake): an earlier event of that class
            if a.published and c.date.start.year < a.published.year:
                m.year = c.date.start.year
            else:
                m.when = c.date
        if not m.cls and c.object and _document(c.object, ruleset):
            m.when = None      # a resolution adopted last year is still the resolution the news is about
        earlier = _earlier(m, main, a.published, a.year_hint, ruleset.weekdays)
        # the story's main class decides ("Aftershock rattles Vesna after deadly quake" reports the quake)
        same_class = not m.cls or m.cls == (story_main.get(sid) or main.cls) or m.cls in story_classes.get(sid, ())
        # a named event ("the World AI Conference") is the main one only when the lead names it so
        # (against the story's main name first: an editorial on the World AI Conference among
        # reports of the Paris summit still keeps the conference apart)
        ref_name = story_name.get(sid) or main.name
        other_name = bool(m.name) and not (ref_name and _same_name(m.name, ref_name))
        # another class with no time of its own is the main event in other words ("under attack by
        # pirates" in a hijacking story): event words have other senses, and news names its event
        # many ways; only a class that is always its own event (`separate_events:`) stays apart
        if not earlier and not other_name and (same_class or m.cls not in separate):
            key = (sid, "main")
        else:
            if m.year is not None:
                anchor = str(m.year)
            elif m.when is not None and m.when.resolved and m.when.start and earlier and m.when.granularity == "year":
                anchor = str(m.when.start.year)
            elif m.when is not None and m.when.resolved and m.when.start and earlier:
                anchor = "d:" + m.when.start.strftime("%B %Y")
            else:
                anchor = ""
            if other_name and not anchor:
                anchor = "n:" + " ".join(sorted(m.name))
            year_now = a.published.year if a.published else a.year_hint or story_year.get(sid)
            if not anchor and earlier and m.ago and year_now:
                # "the catastrophe four years ago" in January 2009: the 2004 or 2005 event (ago_merges)
                anchor = f"ago:{year_now - m.ago}"
            key = (sid, m.cls, anchor, earlier)
        claim_key[c.id] = key
        if key[1] != "main" and key[2].isdigit() and key[3]:
            classes = {cls for _, _, _, cls in words.find(c.quote)}
            if len(classes) > 1 and key[2] in c.quote:
                co_named[(sid, key[2])].append(classes)
        e = keyed.setdefault(key, {"articles": set(), "words": Counter(), "when": Counter(), "names": Counter()})
        e["articles"].add(a.id)
        if m.name_text:
            e["names"][m.name_text] += 1
        if m.word:
            e["words"][m.word.lower()] += 1
        if key[1] == "main" and main.when is not None:
            e["when"][(main.when.start, main.when.end, main.when.granularity)] += 1
    # a mention with no time of its own joins the one dated event of its class ("the Asian
    # tsunami" is the 2004 tsunami another sentence dates)
    merged: dict[tuple, tuple] = {}
    # earlier events of two classes that one sentence names together with one year are one
    # disaster told two ways ("in December 2004, a massive undersea quake triggered a giant tsunami
    # that left 230,000 dead" / "the 2004 tsunami"): the one more articles mention keeps them
    for (sid, anchor), sets in co_named.items():
        keys = sorted((k for k in keyed if len(k) == 4 and k[0] == sid and k[2] == anchor and k[3] and k[1] not in ("main", "")),
                      key=lambda k: (-len(keyed[k]["articles"]), k[1]))
        for i, k in enumerate(keys):
            if k in merged:
                continue
            for other in keys[i + 1:]:
                if other not in merged and any(k[1] in cs and other[1] in cs for cs in sets):
                    merged[other] = k
    merged.update(ago_merges(keyed, merged))
    dated = defaultdict(list)
    for key in keyed:
        if key[1] != "main" and key[2] and key not in merged:
            dated[(key[0], key[1])].append(key)
    by_anchor = defaultdict(list)
    for key in keyed:
        if key[1] not in ("main", "") and key[2] and key not in merged:
            by_anchor[(key[0], key[2])].append(key)
    for key in keyed:
        # "when waves killed 2,000" in 2004: the one event of the story dated 2004 (the tsunami)
        if key[1] == "" and key[2] and len(by_anchor.get((key[0], key[2]), [])) == 1:
            merged[key] = by_anchor[(key[0], key[2])][0]
    for key in keyed:
        if key[1] != "main" and not key[2] and len(dated.get((key[0], key[1]), [])) == 1:
            target = dated[(key[0], key[1])][0]
            if target[3] or not key[3]:
                merged[key] = target
    # one named event in other words ("AI Action Summit" / "Paris AI Action Summit")
    named = defaultdict(list)
    for key in keyed:
        if key[1] != "main" and key[2].startswith("n:") and key not in merged:
            named[(key[0], key[1], key[3])].append(key)
    for keys in named.values():
        keys.sort(key=lambda k: -len(keyed[k]["articles"]))
        for i, k in enumerate(keys):
            if k in merged:
                continue
            for other in keys[i + 1:]:
                if other not in merged and _same_name(frozenset(k[2][2:].split()), frozenset(other[2][2:].split())):
                    merged[other] = k
    for key, target in merged.items():
        keyed[target]["articles"] |= keyed[key]["articles"]
        keyed[target]["words"].update(keyed[key]["words"])
        keyed[target]["names"].update(keyed[key]["names"])
    # every article of a story reports its main event, even with no claim in it
    for aid, sid in story_of.items():
        keyed.setdefault((sid, "main"), {"articles": set(), "words": Counter(), "when": Counter(), "names": Counter()})["articles"].add(aid)

    events: dict[tuple, Event] = {}
    for key, e in keyed.items():
        if key in merged:
            continue
        sid = key[0]
        is_main = key[1] == "main"
        cls = story_main.get(sid, "") if is_main else key[1]
        word = next((w for w, _ in e["words"].most_common() if words.cls.get(w.rstrip("s")) == cls
                     or words.cls.get(w) == cls), "")
        if is_main and not word:
            word = Counter(mains[a].word for a in e["articles"] if mains[a].cls == cls).most_common(1)[0][0] \
                if cls else ""
        when = None
        if e["when"]:
            (s, en, g), _ = e["when"].most_common(1)[0]
            when = DateSpan(s, en, g)
        anchor = "" if is_main else key[2]
        background = not is_main and key[3]
        if anchor.isdigit() and when is None:
            y = int(anchor)
            when = DateSpan(date(y, 1, 1), date(y, 12, 31), "year", text=anchor)
        eid = "E" + hashlib.sha1("|".join(map(str, key)).encode()).hexdigest()[:10]
        why = ("the headline and first sentences of its articles report it" if is_main else
               f"mentions of '{word or cls}'" + (f" named {anchor[2:]}" if anchor.startswith("n:") else
                                                 f" dated {anchor.replace('d:', '').replace('ago:', 'about ')}" if anchor else "")
               + (", earlier than the news" if background else "") + " merged across articles")
        label = _label(cls, word, anchor, is_main, background, when)
        if anchor.startswith("n:") and e["names"]:
            label = "the " + e["names"].most_common(1)[0][0]
        events[key] = Event(id=eid, story=sid, label=label,
                            kind=cls, when=when, where="", articles=sorted(e["articles"]),
                            background=background, why=why,
                            classes=sorted(story_classes.get(sid, set()) | {cls}) if is_main else [cls])
    for c in claims:
        key = claim_key.get(c.id)
        if key is None:
            continue
        seen = set()
        while key in merged and key not in seen:   # a chain of merges (A into B, B into C) ends at the kept one
            seen.add(key)
            key = merged[key]
        if key in events:
            c.event = events[key].id
    return sorted(events.values(), key=lambda e: (e.story, e.background, e.label, e.id))


# ------------------------------------------------------------------ times of the main event


def _names_event(text: str, classes: set, words: EventWords) -> bool:
    """Does the text name the event (a word of one of its classes) other than as a topic of another
    happening ("questioned on suspicion of murder", "quizzed over the murders": MAIN_TIME_TOPIC)?"""
    return any(cls in classes and not _topic(text, s) for s, _, _, cls in words.find(text))


def _tells_event(text: str, classes: set, words: EventWords, verbs: frozenset, skip: str = "",
                 by_word: bool = True) -> bool:
    """Does the text tell the event by one of its words (`by_word`) or by a verb of a class that
    dates its event (`_event_verbs`: "struck", "exploded"), other than the claim's own verb `skip`?"""
    return by_word and _names_event(text, classes, words) or any(
        m.group(0).lower() in verbs and m.group(0) != skip and not _topic(text, m.start(), 1)
        for m in re.finditer(r"[A-Za-z]+", text))


def _topic(text: str, at: int, window: int = 3) -> bool:
    """Is the word at `at` told as a topic (MAIN_TIME_TOPIC among the `window` words before it: three
    for a noun, "over the double murders"; one for a verb, "accused of killing")?"""
    return bool(MAIN_TIME_TOPIC & set(re.findall(r"[a-z]+", text[max(0, at - 30):at].lower())[-window:]))


def _dates_named_event(c: Claim, lo: int, hi: int, classes: set, words: EventWords) -> bool:
    """Does the claim's clause tell its date as the main event's: the event word right after the
    date ("the Friday night shooting", "Saturday's attack"), or between the verb and the date as
    its object or its time ("repulsed an attack on Saturday", "denied arson following a fire early
    on Sunday"), not a charge or a topic ("questioned on suspicion of murder yesterday",
    "appeared on a charge of murder Monday": `MAIN_TIME_TOPIC`)?"""
    start, end = claim_span(c)
    clause = c.quote[lo:hi]
    # (a date before an event word makes it a noun, even in -ing: "the Friday night shooting")
    after = re.match(r"(?:['\u2019]s)?(?:\s+(?:morning|afternoon|evening|night))?\s*", c.quote[end:hi])
    nxt = words.word_re.match(c.quote, end + after.end()) if words.word_re else None
    if nxt and words.cls.get(nxt.group(1).lower()) in classes:
        return True
    at = c.quote.rfind(c.trigger, lo, start) if c.trigger else -1
    for s, e, _, cls in words.find(clause):
        if cls not in classes:
            continue
        s, e = s + lo, e + lo
        if end <= s and re.fullmatch(r"(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\s*", c.quote[end:s]):
            return True
        if at >= 0 and at < s and e <= start:
            between = re.findall(r"[a-z]+", c.quote[at + len(c.trigger):s].lower())
            preps = [w for w in between if w in MAIN_TIME_PREPOSITIONS]
            if not preps or preps[-1] in MAIN_TIME_TEMPORAL:
                return True
    return False


def _event_verbs(ruleset: RuleSet) -> frozenset:
    """The one-word verbs of the classes that date their event (`dates_event:` "killed", "struck",
    "exploded"), as written in the past."""
    out = set()
    for spec in ruleset.verb_classes.values():
        if not (spec or {}).get("dates_event"):
            continue
        past = (spec.get("past") or "").lower()
        if past and " " not in past:
            out.add(past)
        for v in spec.get("verbs") or []:
            v = v.lower()
            if " " not in v:
                out.add(v + "d" if v.endswith("e") else v + "ed")    # (no "-s": "murders" is a noun more often)
    return frozenset(out)


def main_event_times(claims: list[Claim], articles: list[Article], ruleset: RuleSet, events: list[Event],
                     folded: dict[str, str], before_news: set) -> set[str]:
    """Ids of the dates and clock times whose verb no class lists that are the story's main event's
    own time, whatever verb tells them ("walked into a staff party Friday and shot a man", "was
    hampered Friday after three cables were cut", "identified the victim of the Friday night
    shooting"). A clause that tells its date as the main event's dates it (MAIN_TIME_CLAUSE,
    `_dates_named_event`); so does a sentence of its article's lead that names the main event and
    gives one date only (MAIN_TIME_LEAD). A listed class keeps its own dates (an arrest, a charge,
    a questioning: other happenings of the story), and so do a date that names its noun ("the
    Christmas party"), a date planned ahead, a date coarser than a day ("this year") and a date long
    before the news."""
    from .facts import NAMING_DATE_RULES
    words = event_words(ruleset)
    main = {e.id: set(e.classes) | {e.kind} for e in events
            if not e.background and e.why.startswith("the headline")}
    arts = {a.id: a for a in articles}
    ends = {a.id: lead_end(a) for a in articles}
    event_verbs = {(c.article, c.sentence_start) for c in claims
                   if (ruleset.verb_classes.get(folded.get(c.id, c.predicate).split(" (")[0]) or {}).get("dates_event")
                   and c.trigger and c.trigger in c.quote and not _topic(c.quote, c.quote.index(c.trigger))
                   and c.trigger.lower() not in BE_FORMS}
    dates_in: dict[tuple, set] = defaultdict(set)
    for c in claims:
        if c.kind == "date" and c.date is not None and c.rule not in NAMING_DATE_RULES:
            dates_in[(c.article, c.sentence_start)].add((c.date.start, c.date.end, "" if c.date.start else c.date.text))
    event_verb_words = _event_verbs(ruleset)
    # (in a "when" clause a verb as it stands too: "when the car hit her")
    lemmas = frozenset(v.lower() for spec in ruleset.verb_classes.values() if (spec or {}).get("dates_event")
                       for v in spec.get("verbs") or [] if " " not in v)
    out = set()
    for c in claims:
        if c.kind not in ("date", "time") or c.event not in main or c.id in before_news or c.article not in arts:
            continue
        pred = folded.get(c.id, c.predicate)
        base = pred.split(" (")[0]
        if base == "when" or " (" in pred or c.rule in NAMING_DATE_RULES:
            continue
        if c.kind == "date" and (c.date is None or c.date.granularity != "day"):
            continue
        classes = main[c.event]
        start, end = claim_span(c)
        lo, hi = _clause(c.quote, start, end)
        if base in ruleset.verb_classes:
            # a listed class keeps its own dates, unless its verb stands outside the date's clause
            # and that clause names the main event ("was charged with murder after a shooting at
            # an office party Friday": Friday is the shooting's)
            if c.kind == "date" and MAIN_TIME_CLAUSE and c.trigger and c.trigger not in c.quote[lo:hi] \
                    and _names_event(c.quote[lo:hi], classes, words):
                out.add(c.id)
            continue
        if MAIN_TIME_CLAUSE and c.kind == "date" and _dates_named_event(c, lo, hi, classes, words):
            out.add(c.id)
            continue
        # the clause tells the event by a verb of it ("was with her husband when she was struck
        # Wednesday night"), or a "when" clause right after it does ("were walking out of the store
        # about 7 p.m. when she was struck", "5:30 p.m., when the bomb went off"): one moment
        nxt = re.match(r"\W*when\b[^;,.]*", c.quote[hi:])
        # (and a "when" or "while" clause holding the date tells the moment of the clause before
        # it: "was hit while walking in the crosswalk around 7 p.m.")
        prev = c.quote[_clause(c.quote, lo - 1, lo - 1)[0]:lo] \
            if lo > 0 and re.match(r"\W*(?:when|while)\b", c.quote[lo:hi]) else ""
        if MAIN_TIME_CLAUSE and (_tells_event(c.quote[lo:hi], classes, words, event_verb_words, skip=c.trigger,
                                              by_word=False)
                                 or nxt and _tells_event(nxt.group(0), classes, words, event_verb_words | lemmas)
                                 or prev and _tells_event(prev, classes, words, event_verb_words | lemmas,
                                                          by_word=False)):
            out.add(c.id)
            continue
        sent = (c.article, c.sentence_start)
        if MAIN_TIME_LEAD and c.sentence_start <= ends[c.article] and len(dates_in.get(sent, ())) <= 1 \
                and (_names_event(c.quote, classes, words) or sent in event_verbs
                     or any(m.group(0).lower() in event_verb_words and not _topic(c.quote, m.start())
                            for m in re.finditer(r"[A-Za-z]+", c.quote))):
            out.add(c.id)
    return out
