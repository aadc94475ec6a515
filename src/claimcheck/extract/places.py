"""Place claims: a place as the value of a property of an event or a person, read WITHOUT the
parser (like names: most of these sentences hold no number and are never parsed).

Only constructions that make the place the value of one property are read; a place merely named
("the quake was felt in Sorong") is no claim. The constructions, and the predicate each gives:

- `place.event` (predicate `where`): an event word or "epicentre" with a locating verb or noun and a
  preposition ("the quake was centred in Geyserville", "the epicentre was near The Geysers", "the
  temblor struck ... in the Geysers area", "cables were cut off the coast of Sicily"); (predicate
  `hit`) the place an event verb takes as its object ("a quake rattled Indonesia's West Papua
  province", "Manokwari was hit by a quake"): a quake hits many places, so `hit` is compared only
  between places of one stated type (two provinces). The verbs and nouns are `place_verbs:`.
- `place.offshore` (predicate `offshore or on land`): "struck off the coast", "struck off Manokwari",
  "an undersea quake" against "the epicentre was within the mainland", "on land" (`offshore_words:`).
- `place.direction` (predicate `direction from X`): the compass word of a distance from a place
  ("150 nautical miles east of Aden" / "west of Aden"): value a bearing (`directions:`).
- `place.home` (predicate `home`, subject the person's key): where a named person is from
  ("Anthony LaSalle, 36, of Minneapolis", "Kathryn Jenkin, 20 and from Aberdare", "LaSalle, of
  Bloomington,"): a person's, not an event's (align blocks it by person, story-wide).

A place's value is {"place": its name as written, "key": the name folded (case, "the", hyphens),
"type": the type word its phrase gives ("province" in "West Papua province", "the province of
Papua"), "within": the places its own sentence puts it in ("Indonesia's West Papua province",
"Manokwari, the capital of West Papua", "Merthyr Tydfil, South Wales", "the cable station in
Egypt")}. Whether two places disagree (a part and its whole do not) is decided in compare.py.
"""
from __future__ import annotations

import re
from typing import Optional

from ..entities import resolve_alias
from ..models import Article, Claim, RuleSet
from ..stopwords import STOP_WORDS
from .names import person_key
from .sentences import claim_id
from .vocab import alternation

# one capitalised word of a place's name: "Manokwari", "Merthyr", "Champs-Elysees", "O'Hare", "St."
_CAP = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:-[A-Z]?[a-z]+)*\.?|(?:[A-Z]\.){2,}|[A-Z]{2,}(?![a-z]))"
# a name: capitalised words, "of" or "de" inside ("Horn of Africa"); "the" before it is no part of it
RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:of|de|du|la|del|el)[ \t]+)?{_CAP})*")
# a place's name is at most this many words ("Democratic Republic of the Congo" is five)
MAX_PLACE_WORDS = 5
# words that may stand between a preposition and a place ("in Indonesia's remote eastern province of
# Papua", "near the provincial capital Manokwari", "in a seismically active area near"): lower-case
# words of this many at most
MAX_MODIFIERS = 4
# words that end the modifiers before a place: another preposition or a figure opens another phrase
PREPOSITIONS = r"(?:in|near|at|off|on|of|from|to|by|about|some|around|with|after|before|as|into|for|just|and|or|\d)"
# an article's "X, Y" / "X in Y" / "Y's X" relations kept on its place claims, at most (ECB+ articles
# give under 15; a long list or table would give hundreds, of no use to compare one place)
MAX_KNOWN = 40
AGE = r"(?:,\s*(?:aged\s+)?\d{1,3}(?:\s*,|\s+(?=and\b)))"


def place_claims(article: Article, sentences: list[tuple[int, str]], ruleset: RuleSet,
                 names: list[Claim], measures: list[Claim]) -> list[Claim]:
    """Place claims of one article: from every sentence ((offset, text) pairs), the article's name
    claims (who a home town belongs to) and its measures (a distance's compass word)."""
    t = _tables(ruleset)
    out: list[Claim] = []
    for offset, sent in sentences:
        out += _event_places(article, offset, sent, t)
        out += _offshore(article, offset, sent, t)
    out += _directions(article, measures, t)
    out += _homes(article, sentences, names, t)
    out = _one_each(out)
    for c in out:
        if c.measure and c.measure.get("place") and c.rule != "place.offshore":
            # one place under its other names (`aliases:`: "U.S." = "United States", "Britain" = "United Kingdom")
            c.measure["key"] = place_key(resolve_alias(c.measure["place"], ruleset))
        if c.measure and c.measure.get("key") in t["levels"]:
            # a country, a state or county, a region of several countries (`countries:`, `regions:`,
            # `macro_regions:`): it may hold a town
            c.measure["region"] = t["levels"][c.measure["key"]]
    if out:
        _add_known(out, sentences, t)
        _add_when(out, measures)
    return out


def _add_when(claims: list[Claim], parsed: list[Claim]) -> None:
    """A place claim's sentence date ("struck off Manokwari on Sunday"): the date the parsed
    claims of the same sentence give their events (extract_sentence's `when`), else a date claim
    there. Align reads it to tell this week's quake from an earlier one ("since ... on Sunday")."""
    when: dict[int, object] = {}
    for c in parsed:
        w = c.when if c.when is not None else (c.date if c.kind == "date" else None)
        if w is not None and c.sentence_start not in when:
            when[c.sentence_start] = w
    for c in claims:
        if c.when is None and c.sentence_start in when:
            c.when = when[c.sentence_start]


def _add_known(claims: list[Claim], sentences: list[tuple[int, str]], t: dict) -> None:
    """What the article says holds each claim's place, from any of its sentences ("Newton Street,
    Millom, Cumbria", "Alexandria in northern Egypt", "Indonesia's Papua province"): measure["known"]
    = {place key: [keys of the places that hold it]}, for the places of its claims only."""
    up: dict[str, set[str]] = {}
    for _, sent in sentences:
        if "," not in sent and " in " not in sent and "'s " not in sent and "\u2019s " not in sent:
            continue
        for m in RUN.finditer(sent):
            p = place_phrase(sent, m.start(), t)
            if p is not None and p["within"]:
                chain = [p["key"]] + [place_key(w) for w in reversed(p["within"])]
                for i, k in enumerate(chain[:-1]):
                    up.setdefault(k, set()).update(chain[i + 1:])
    if not up:
        return
    # (all of them: which matter depends on the place another article names, "Millom" / "Cumbria")
    known = {k: sorted(v) for k, v in sorted(up.items())[:MAX_KNOWN]}
    for c in claims:
        if c.measure is not None and "key" in c.measure:
            c.measure["known"] = known


# ------------------------------------------------------------------ vocabulary


_TABLES: dict[int, tuple] = {}


def _tables(ruleset: RuleSet) -> dict:
    hit = _TABLES.get(id(ruleset))
    if hit is not None and hit[0] is ruleset:
        return hit[1]
    extra = ruleset.extra
    verbs = extra.get("place_verbs") or {}
    events = [w.lower() for ws in (extra.get("event_words") or {}).values() for w in (ws or [])]
    types = sorted({w.lower() for w in extra.get("place_types") or []}, key=len, reverse=True)
    dirs = {k.lower(): float(v) for k, v in (extra.get("directions") or {}).items()}
    off = extra.get("offshore_words") or {}
    # words that end a person's name but belong inside a place's ("Gulf of Aden", "Main Street")
    place_words = {w.lower() for w in extra.get("place_name_words") or []}
    not_places = {w.lower() for w in extra.get("not_surnames") or []} - set(types) - place_words

    alt = alternation
    t = {
        "event": re.compile(r"\b(?:" + alt(events) + r")(?:e?s)?\b", re.I), "event_alt": alt(events),
        "where": alt(verbs.get("where")), "hit": alt(verbs.get("hit")), "centre": alt(verbs.get("centre_nouns")),
        "types": types, "type_re": alt(types), "dirs": dirs,
        "dir_re": re.compile(r"\b(" + alt(dirs) + r")\s+of\s*$", re.I),
        "offshore": alt(off.get("offshore")), "land": alt(off.get("land")),
        "not_places": not_places,
        "levels": {place_key(w): level for level, key in (("macro", "macro_regions"), ("region", "regions"),
                                                           ("country", "countries"))
                   for w in extra.get(key) or []},
        "stops": {k.lower().rstrip(".") for k in list(ruleset.months) + list(ruleset.weekdays)},
    }
    _TABLES[id(ruleset)] = (ruleset, t)
    return t


# ------------------------------------------------------------------ a place phrase


def place_phrase(sent: str, pos: int, t: dict) -> Optional[dict]:
    """The place a phrase starting at `pos` names, or None: {"start", "end", "place", "key", "type",
    "within"}. Reads "the province of Papua", "Indonesia's West Papua province", "the Geysers area",
    "the provincial capital Manokwari", "Manokwari, the capital of West Papua", "Merthyr Tydfil,
    South Wales", "the Alexandria cable station in Egypt"."""
    types = t["type_re"]
    rest = sent[pos:]
    lead = re.match(r"\s*(?:(?:the|a|an)\s+)?", rest)
    at = lead.end()
    ptype, run, near = "", None, False
    for _ in range(MAX_MODIFIERS + 1):
        # "the province of Papua", "the capital of West Papua"; "a seismically active area near The Geysers"
        tm = re.match(r"(%s)\s+of\s+" % types, rest[at:], re.I)
        area = re.match(r"(?:area|region|zone)\s+(?:near|of|around)\s+(?:the\s+)?", rest[at:])
        if tm:
            ptype = tm.group(1).lower()
            at += tm.end()
        elif area:
            at += area.end()
            near = "near" in area.group(0) or "around" in area.group(0)
        run = RUN.match(rest, at)
        if run or tm:
            break
        word = re.match(r"(?!%s\b)[a-z][\w-]*\s+" % PREPOSITIONS, rest[at:])
        if not word:
            break
        at += word.end()
    if not run:
        return None
    within: list[str] = []
    start, end = pos + run.start(), pos + run.end()
    name = run.group(0)
    if name.endswith(".") and not sent[end:].strip():
        name, end = name[:-1], end - 1      # the sentence's full stop, not an abbreviation's
    # "Indonesia's West Papua province": a possessive place holds the next one
    poss = re.match(r"['\u2019]s\s+((?:[a-z][\w-]*\s+){0,%d}?)" % MAX_MODIFIERS, sent[end:])
    if poss and not ptype:
        nxt = place_phrase(sent, end + poss.end(), t)
        if nxt is not None and _is_place(name, t):
            nxt["within"] = [name] + nxt["within"]
            nxt["start"] = start
            return nxt
        return None
    words = name.split()
    if words and words[0] == "The" and len(words) > 1:
        words = words[1:]           # "The Geysers": "the" is no part of the name
        name = " ".join(words)
    if words and words[0].lower() in STOP_WORDS:
        return None
    # a type word ends the name: "West Papua Province", "Sonoma County"
    if not ptype and len(words) > 1 and words[-1].lower().rstrip(".") in t["types"]:
        ptype = words[-1].lower().rstrip(".")
        name = " ".join(words[:-1])
    tail = re.match(r"\s+(%s)\b" % types, sent[end:], re.I)
    if not ptype and tail:
        ptype = tail.group(1).lower()
        end += tail.end()
        named = re.match(r"\s+of\s+(?:the\s+)?", sent[end:])
        run2 = RUN.match(sent, end + named.end()) if named else None
        if run2:        # "the southern Iranian island of Qeshm": the name follows, the run before it qualifies it
            name, end = run2.group(0), run2.end()
            if name.endswith(".") and not sent[end:].strip():
                name, end = name[:-1], end - 1
    if not _is_place(name, t):
        return None
    after = sent[end:]
    # "Manokwari, the capital of West Papua,"; "Merthyr Tydfil, South Wales,"; "the cable station in Egypt"
    cap = re.match(r",\s+(?:the|a)\s+(?:[a-z]+\s+){0,2}?(?:capital|city|town|village|part|region)\s+of\s+", after)
    inn = re.match(r",?\s+in\s+(?:(?:the|northern|southern|eastern|western|central)\s+)?", after)
    comma = re.match(r",\s+", after)
    if cap or inn:
        at = end + (cap or inn).end()
        r = RUN.match(sent, at)
        if r and _is_place(r.group(0), t) and not re.match(r"\s*(?:,\s*{0}\s*)?(?:and|or)\b".format(_CAP), sent[r.end():]):
            within.append(r.group(0))
    elif comma:
        r = RUN.match(sent, end + comma.end())
        if r and _is_place(r.group(0), t) and len(r.group(0).split()) <= 3 \
                and re.match(r"\s*(?:[,.;:)]|$|(?!and\b|or\b)[a-z])", sent[r.end():]) \
                and not re.match(r"\s*,\s*%s" % _CAP, sent[r.end():]) \
                and not re.search(r",\s*(?:%s)\s*,?\s*$" % _CAP, sent[:start]):
            within.append(r.group(0))      # (not a list: "Sorong, Biak, Manokwari and Jayapura")
    return {"start": start, "end": end, "place": name, "key": place_key(name), "type": ptype, "within": within,
            "near": near}


def _is_place(name: str, t: dict) -> bool:
    """A capitalised run that can be a place: no month or weekday, no word that ends an
    organisation's name ("Police", "University": `not_surnames:`), not too long."""
    words = name.split()
    if not words or len(words) > MAX_PLACE_WORDS:
        return False
    low = [w.lower().rstrip(".") for w in words]
    if any(w in t["stops"] for w in low) or low[-1] in t["not_places"]:
        return False
    if low[0] in STOP_WORDS and low[0] != "the":
        return False
    return True


def place_key(name: str) -> str:
    """A place's name folded for comparing: case, "the", hyphens and full stops ("The Geysers" =
    "the Geysers", "Champs-Elysees" = "Champs Elysees")."""
    s = re.sub(r"[.'\u2019]", "", name.lower())
    s = re.sub(r"[-\s]+", " ", s).strip()
    return re.sub(r"^the\s+", "", s)


# ------------------------------------------------------------------ the constructions


def _clause_event(sent: str, at: int, t: dict) -> bool:
    """Does an event word stand in the clause before `at` ("the quake was centred", "the 4.4
    temblor struck")? A clause ends at ; : and the words that open another. A bare plural opening
    the clause ("Quakes centred well within the mainland do not pose ...") speaks of such events in
    general, not of this one."""
    head = re.split(r";|:(?!\d)|\b(?:said|says|and said|while|but)\b", sent[:at])[-1]
    for m in t["event"].finditer(head):
        generic = m.group(0).lower().endswith("s") and not head[:m.start()].strip()
        if not generic:
            return True
    return False


def _event_places(article: Article, offset: int, sent: str, t: dict) -> list[Claim]:
    out = []
    # "centred in X", "struck near X", "struck 26 miles north of Santa Rosa in the Geysers area",
    # "epicentre was in X", "epicentre near X"
    pat = re.compile(r"\b(?:(%s)|(%s)(?:\s+(?:was|is|lay|lies|had been|has been))?(?:\s+located)?)\s+"
                     r"((?:about\s+|some\s+|roughly\s+|around\s+)?[\w.,]+\s+(?:miles?|kilometres?|kilometers?|km)\s+"
                     r"(?:[\w-]+\s+){1,2}of\s+%s(?:[ \t]+%s)*\s*,?\s*)?"
                     r"(?:(just\s+off(?:\s+the\s+coast\s+of)?|off\s+the\s+coast\s+of|in|near|at|close\s+to|off)\b)"
                     % (t["where"], t["centre"], _CAP, _CAP), re.I)
    for m in pat.finditer(sent):
        verb = m.group(1) or m.group(2)
        prep = re.sub(r"\s+", " ", m.group(4).lower())
        if m.group(1) and not _clause_event(sent, m.start(), t) and not prep.startswith(("just off", "off the coast")):
            continue               # "the cable station located in Egypt": a verb of no event here
        if prep == "off" and not (m.group(2) or re.match(r"(?:struck|hit|centred|centered)", verb, re.I)):
            continue               # "cut off", "set off": a particle, not a place
        p = place_phrase(sent, m.end(), t)
        if p is None:
            continue
        out.append(_claim(article, offset, sent, p, "place.event", "where", verb, prep))
    # "a quake rattled Indonesia's West Papua province", "rocked Manokwari, the capital of West Papua"
    for m in re.finditer(r"\b(%s)\s+" % t["hit"], sent, re.I):
        if not _clause_event(sent, m.start(), t):
            continue
        p = place_phrase(sent, m.end(), t)
        if p is not None and not re.match(r"\s*['\u2019]s\b", sent[p["end"]:]):
            out.append(_claim(article, offset, sent, p, "place.event", "hit", m.group(1), ""))
    # "Indonesia's West Papua province was hit by a magnitude 6.1 earthquake"
    for m in re.finditer(r"\b(?:was|were|has been|have been|had been)\s+(%s)\s+by\b" % t["hit"], sent, re.I):
        if not t["event"].search(sent[m.end():m.end() + 60]):
            continue
        p = _place_before(sent, m.start(), t)
        if p is not None:
            out.append(_claim(article, offset, sent, p, "place.event", "hit", m.group(1), ""))
    return out


def _place_before(sent: str, at: int, t: dict) -> Optional[dict]:
    """The place that ends just before `at` (the subject of "was hit by"), read from its start."""
    head = sent[:at].rstrip()
    for m in RUN.finditer(head):
        if m.end() < len(head) - 40:
            continue
        p = place_phrase(sent, m.start(), t)
        if p is not None and p["end"] >= len(head) - 1:
            return p
        cand = re.search(r"(?:^|[\s(])((?:%s)(?:['\u2019]s)?\s+(?:[a-z]+\s+){0,2}%s)" % (_CAP, _CAP), head[max(0, m.start() - 1):])
        if cand:
            p = place_phrase(sent, max(0, m.start() - 1) + cand.start(1), t)
            if p is not None and p["end"] >= len(head) - 1:
                return p
    return None


def _offshore(article: Article, offset: int, sent: str, t: dict) -> list[Claim]:
    """Offshore or on land: "struck off the coast", "struck off the provincial capital Manokwari",
    "an undersea quake" / "the epicentre had been within the mainland", "centred on land"."""
    out = []
    verbs = f"{t['where']}|{t['hit']}|{t['centre']}"
    pat = re.compile(r"\b(%s)\b(?:\s+of\s+(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?:%s))?"
                     r"(?:\s+(?:was|is|had been|has been|lay|lies))?\s+(?:(?:well|far|just|slightly)\s+)?(?:(%s)|(%s)|(just\s+off|off)\s+(?=(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z]))"
                     % (verbs, t["event_alt"], t["offshore"], t["land"]), re.I)
    for m in pat.finditer(sent):
        verb = m.group(1)
        if not (re.fullmatch(t["centre"], verb, re.I) or _clause_event(sent, m.start(), t)):
            continue
        value = "on land" if m.group(3) else "offshore"
        s, e = (m.start(2), m.end(2)) if m.group(2) else (m.start(3), m.end(3)) if m.group(3) else (m.start(4), m.end(4))
        if m.group(4):
            p = place_phrase(sent, m.end(), t)
            if p is None:
                continue
            e = p["end"]
        out.append(_value_claim(article, offset, sent, s, e, "place.offshore", "offshore or on land", value, verb,
                                {"offshore": value == "offshore"}))
    return out


def _directions(article: Article, measures: list[Claim], t: dict) -> list[Claim]:
    """The compass word of a distance from a place ("150 nautical miles west of Aden"): the measure's
    own object and event, the direction its value."""
    out = []
    for c in measures:
        if c.kind != "measure" or not c.predicate.startswith("distance from "):
            continue
        ref = c.predicate[len("distance from "):]
        pos = c.start - c.sentence_start
        if c.quote[pos:pos + len(c.text)] != c.text:
            continue
        after = c.quote[pos + len(c.text):pos + len(c.text) + 40 + len(ref)]
        m = re.match(r"\s*(?:\([^)]*\)\s*)?([A-Za-z-]+)\s+of\s+(?:the\s+)?" + re.escape(ref), after, re.I)
        if not m or m.group(1).lower() not in t["dirs"]:
            continue
        s = c.sentence_start + pos + len(c.text) + m.start(1)
        e = c.sentence_start + pos + len(c.text) + m.end()
        word = m.group(1).lower()
        why = f"{word!r} of {ref!r}: the direction of the distance {c.text!r} from {ref!r}"
        d = Claim(id=claim_id(article.id, "place", s, e, "place.direction"), article=article.id, kind="place",
                  text=article.text[s:e], quote=c.quote, start=s, end=e, subject=c.subject,
                  predicate=f"direction from {ref}", object=c.object, rule="place.direction", trigger=word,
                  custom_value=word, sentence_start=c.sentence_start, why=why, context=c.context, when=c.when,
                  measure={"direction": word, "bearing": t["dirs"][word], "from": ref})
        out.append(d)
    return out


def _homes(article: Article, sentences: list[tuple[int, str]], names: list[Claim], t: dict) -> list[Claim]:
    """Where a named person is from: "<name>, 36, of X", "<name>, of X,", "<name>, 20 and from X",
    "<name> from X", "<name>, who is from X". The person's key is the name claim's (names.py)."""
    surnames, full = {}, {}
    for c in names:
        if c.kind == "name" and not (c.measure or {}).get("org"):
            sur = (c.measure or {}).get("surname") or c.text.split()[-1]
            surnames[sur] = c.subject
            if len((c.measure or {}).get("name", "").split()) > len(full.get(sur, "").split()):
                full[sur] = c.measure["name"]
    if not surnames:
        return []
    # the cheapest test first: only a sentence that holds a surname can say where its person is from
    sentences = [(o, t) for o, t in sentences if any(s in t for s in surnames)]
    if not sentences:
        return []
    alts = "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
    pat = re.compile(r"\b(%s)(?:%s|,\s*(?=of\b)|(?=\s+from\b)|,\s+who\s+(?:is|was|lives|lived)\s+(?=from|in\b))\s*"
                     r"(?:and\s+)?(of|from|in)\s+" % (alts, AGE))
    out = []
    for offset, sent in sentences:
        for m in pat.finditer(sent):
            if m.group(2) == "in" and "who" not in m.group(0):
                continue
            p = place_phrase(sent, m.end(), t)
            if p is None or p["type"] and p["type"] not in ("town", "city", "village", "county", "state", "province"):
                continue
            # "of Bloomington," / "of Bloomington." / "from Aberdare": the place ends its phrase
            tail = sent[p["end"]:]
            if not re.match(r"\s*(?:[,.;:)]|$|\s(?:was|is|has|had|who|and|were|said|told|when|hit|died|will))", tail):
                continue
            if re.match(r"['\u2019]s\b", tail):
                continue
            who = surnames[m.group(1)]
            c = _claim(article, offset, sent, p, "place.home", "home", m.group(2), m.group(2), subject=who)
            c.measure["person"] = full.get(m.group(1), m.group(1))
            c.why = f"{p['place']!r} is where {m.group(1)!r} is from ('{m.group(2)} X' after the name); person key {who!r}"
            out.append(c)
    return out


# ------------------------------------------------------------------ claims


def _claim(article: Article, offset: int, sent: str, p: dict, rule: str, predicate: str, trigger: str,
           prep: str, subject: str = "") -> Claim:
    s, e = offset + p["start"], offset + p["end"]
    value = {"place": p["place"], "key": p["key"], "type": p["type"], "within": p["within"]}
    if prep:
        value["preposition"] = "near" if p.get("near") else re.sub(r"\s+", " ", prep.lower())
    how = {"where": "where the event happened", "hit": "a place the event hit", "home": "where a person is from"}
    why = (f"{p['place']!r} is {how.get(predicate, predicate)} ('{trigger}" + (f" {prep}" if prep and prep != trigger else "")
           + " X')" + (f"; a {p['type']}" if p["type"] else "") + (f"; in {', '.join(p['within'])}" if p["within"] else ""))
    lead = len(sent) - len(sent.lstrip())
    return Claim(id=claim_id(article.id, "place", s, e, rule), article=article.id, kind="place",
                 text=article.text[s:e], quote=sent.strip(), start=s, end=e, subject=subject, predicate=predicate,
                 rule=rule, trigger=trigger, custom_value=p["place"], measure=value, why=why,
                 sentence_start=offset + lead)


def _value_claim(article: Article, offset: int, sent: str, start: int, end: int, rule: str, predicate: str,
                 value: str, trigger: str, extra: dict) -> Claim:
    s, e = offset + start, offset + end
    lead = len(sent) - len(sent.lstrip())
    why = f"{sent[start:end]!r} after {trigger!r}: the event was {value}"
    return Claim(id=claim_id(article.id, "place", s, e, rule), article=article.id, kind="place",
                 text=article.text[s:e], quote=sent.strip(), start=s, end=e, predicate=predicate, rule=rule,
                 trigger=trigger, custom_value=value, measure={"place": value, "key": value, **extra}, why=why,
                 sentence_start=offset + lead)


def _one_each(claims: list[Claim]) -> list[Claim]:
    """One claim per span and rule (two constructions may read one place)."""
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.rule)):
        if (c.start, c.end, c.predicate) in seen:
            continue
        seen.add((c.start, c.end, c.predicate))
        out.append(c)
    return out


__all__ = ["place_claims", "place_phrase", "place_key", "person_key"]
