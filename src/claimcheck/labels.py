"""Fact labels an editor can read: a phrase built from the fact's property, subject and event.

"people killed in the quake", "age of the suspect", "magnitude of the main quake", "price of SeaMicro
(USD)", "when the summit was held", "whether the United States signed the Statement on ...". Never a
template with a hole in it: a part that is missing is left out with its preposition.

Only models are imported: the vocabulary (verb classes' past forms, object noun classes) comes from the
RuleSet the caller passes.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .models import Claim, RuleSet

# participles that read after a counted noun ("people killed", "homes destroyed"), by predicate class;
# a class not listed here gets no participle ("yards by Reggie Bush")
COUNT_PARTICIPLE = {
    "kill": "killed", "injure": "injured", "arrest": "arrested", "charge": "charged", "rescue": "rescued",
    "displace": "displaced", "miss": "missing", "destroy": "destroyed", "employ": "employed",
    "dismiss": "dismissed", "infect": "infected", "deploy": "deployed", "sign": "signed", "attend": "attending",
    "vote": "voting", "strike": "affected", "die": "dead",
}
# dates of what happens to a person: "when Vincent Gigante was charged" (whatever else the sentence names)
PERSON_PASSIVE = {"charge": "charged", "sentence": "sentenced", "arrest": "arrested", "inaugurate": "sworn in",
                  "kill": "killed", "injure": "injured"}
# ... and when the claim names nothing else ("when Smith was appointed", not "when Obama appointed the panel")
PERSON_PASSIVE_ALONE = {"appoint": "appointed", "dismiss": "dismissed", "rescue": "rescued"}
# what a person does, nothing done to anything: "when Bettie Page died"
INTRANSITIVE = {"die": "died", "miss": "went missing"}
# dates of what is done to a thing: "when the summit was held"
THING_PASSIVE = {"hold": "held", "adopt": "adopted", "release": "released",
                 "propose": "proposed", "sign": "signed", "destroy": "destroyed", "deploy": "deployed",
                 "buy": "bought", "appoint": "appointed"}
# dates of what an event does itself: "when the quake struck", "when the fire began"
EVENT_ACTIVE = {"begin": "began", "end": "ended", "strike": "struck", "meet": "met", "kill": "struck",
                "destroy": "struck"}
HAPPENINGS = {"disaster", "attack"}     # object classes that happen rather than are held
# money: what the amount is of
MONEY_NOUN = {"buy": "price", "cost": "cost", "give": "amount given under", "begin": "starting price",
              "end": "closing price", "score": "amount", "employ": "pay"}
# counted units that read better as a property than as a noun ("prison term of Vincent Gigante")
UNIT_PROPERTY = {"prison-year": "prison term", "charge": "charges against"}
PLURAL = {"person": "people", "country": "countries", "party": "parties", "police": "police officers",
          "injured": "people", "victim": "victims", "company": "companies", "prison-year": "years in prison"}
# nouns a count can end in that are not the counted thing ("hundreds", "dozens")
NOT_A_UNIT = {"hundreds", "thousands", "dozens", "millions", "billions", "scores", "tens", "many", "few",
              "several", "more", "most", "all", "some", "others", "total", "least", "dozen", "hundred",
              "thousand", "million", "billion"}
PERSON_PROPERTIES = {"age"}     # kinds that are a property of a person, not of an event
# units that are people: "arrested" people, "seized" weapons
PERSON_UNITS = {"person", "official", "participant", "worker", "student", "victim", "injured", "soldier", "police",
                "rescuer", "passenger", "detainee", "patient", "voter", "lawmaker", "pirate", "crew", "crewman"}
PROPERTY = {"percent": "percentage", "measure": "measure", "time": "time"}   # kind -> what a label calls it
PREPOSITION = {"gathering": "at", "disaster": "in", "attack": "in", "election": "in", "contest": "in",
               "trial": "in", "product": "of", "company": "by"}
# words an object phrase loses besides the rules' month, weekday and scale words ("the 4.2-magnitude
# quake on Monday" -> "quake"): relative time words and currency marks
RELATIVE_AND_CURRENCY = frozenset({"today", "yesterday", "last", "next", "early", "late", "us", "$", "€", "£"})
# predicates whose participle takes the named subject as its agent: "people arrested by Sukanya"
AGENT_PARTICIPLE = {"arrest", "kill", "rescue", "deploy", "employ", "dismiss", "destroy", "injure", "charge",
                    "infect", "displace"}
DOCUMENTS = {"declaration", "resolution", "treaty", "initiative", "plan", "law"}
_ARTICLE = re.compile(r"^(a|an|the)\s+", re.I)
_NUMERIC = re.compile(r"\d")


def _named(text: str) -> bool:
    """A proper name: some word of it is capitalized ("Mark Teixeira", "Statement on ... AI")."""
    return any(w[:1].isupper() for w in text.split())


def _object_class(obj: str, ruleset: RuleSet) -> str:
    """The object noun class of a phrase's last known word ("Statement on ... AI" -> declaration)."""
    for w in reversed(obj.lower().split()):
        for cls, nouns in ruleset.object_nouns.items():
            if w in nouns:
                return cls
    return ""


DANGLING = {"of", "in", "on", "at", "for", "and", "the", "a", "an", "to", "from", "with", "by"}
_TAIL = re.compile(r"\s(?:in|on|of|at|for|with|near|off|from|after|before)\s")


_MEMO: dict[tuple[str, int], tuple] = {}   # (what, id(ruleset)) -> (ruleset, value): one ruleset a run


def per_ruleset(what: str, ruleset: Optional[RuleSet], make):
    """make(ruleset), built once per ruleset and kept while that ruleset is the one asked for
    (tables and patterns compiled from the rules' vocabulary)."""
    hit = _MEMO.get((what, id(ruleset)))
    if hit is None or hit[0] is not ruleset:
        hit = _MEMO[(what, id(ruleset))] = (ruleset, make(ruleset))
    return hit[1]


def _known_nouns(ruleset: Optional[RuleSet]) -> set[str]:
    return per_ruleset("known", ruleset, lambda rs: frozenset(
        n.lower() for nouns in (rs.object_nouns.values() if rs else []) for n in nouns))


def skip_words(ruleset: Optional[RuleSet]) -> frozenset:
    return per_ruleset("skip", ruleset, _skip_words)


def _skip_words(ruleset: Optional[RuleSet]) -> frozenset:
    """Words an object phrase loses: the rules' month and weekday names (the full name of each, the
    longest word for it: "May", not "Sat" or "Dec" that may be words of a name), their scale words of
    100 and more ("million", "bn"), and RELATIVE_AND_CURRENCY."""
    if ruleset is None:
        return RELATIVE_AND_CURRENCY
    names: dict[tuple, str] = {}
    for table, which in ((ruleset.months, "m"), (ruleset.weekdays, "w")):
        for word, n in table.items():
            w = word.lower().rstrip(".")
            if len(w) > len(names.get((which, n), "")):
                names[(which, n)] = w
    scales = {w.lower() for w, x in ruleset.scales.items() if x >= 100 and len(w) > 1}
    return RELATIVE_AND_CURRENCY | set(names.values()) | scales


def clean_object(obj: str, drop: tuple[str, ...] = (), known: Optional[set[str]] = None,
                 skip: frozenset = RELATIVE_AND_CURRENCY) -> str:
    """The document or event a claim is about, as a label names it.

    Articles, numbers and measure words go ("the 4.2-magnitude earthquake" -> "earthquake"); a name is
    kept whole ("Statement on Inclusive and Sustainable AI"); a described common noun keeps its head,
    singular when the vocabulary knows the singular ("powerful quakes in Papua" -> "quake").
    """
    words = [w for w in re.split(r"\s+", _ARTICLE.sub("", (obj or "").strip())) if w]
    words = [w for w in words if not _NUMERIC.search(w) and w.lower().strip("-,") not in drop
             and w.lower().strip("-,") not in skip and re.sub(r"(?:'s|’s)$", "", w.lower().strip("-,")) not in skip]
    while words and words[0].lower() in {"a", "an", "the", "-"}:
        words = words[1:]
    if not words:
        return ""
    text = " ".join(words)
    if words[0][:1].isupper():                 # a name: kept whole, up to a comma
        name = text.split(",")[0].strip().split()
        while name and name[-1].lower() in DANGLING:   # "Act of 2009" lost its year: no "Act of"
            name.pop()
        return " ".join(name)
    text = _TAIL.split(text, maxsplit=1)[0].replace(",", " ").strip()
    words = text.split()
    if not words:
        return ""
    caps = [i for i, w in enumerate(words) if w[:1].isupper()]
    if caps:                                   # "microserver vendor SeaMicro" -> "SeaMicro"
        return " ".join(words[caps[0]:])
    head = words[-1].lower()
    known = known or set()
    if head not in known and head.endswith("s") and not head.endswith("ss") and head[:-1] in known:
        head = head[:-1]
    return head


def _the(phrase: str, known: Optional[set[str]] = None) -> str:
    """'the quake', 'the Statement on ... AI'; a name that is no document or event keeps no article
    ('SeaMicro', 'Electronic Data Systems')."""
    if not phrase:
        return ""
    if _ARTICLE.match(phrase):
        return phrase
    words = phrase.lower().split()
    if _named(phrase) and not ({words[0], words[-1]} & (known or set())):
        return phrase
    return f"the {phrase}"


def _overlaps(a: str, b: str) -> bool:
    wa = {w.lower().strip(".,") for w in a.split() if len(w) > 2}
    wb = {w.lower().strip(".,") for w in b.split() if len(w) > 2}
    return bool(wa & wb)


def _counted_noun(claims: list[Claim]) -> str:
    """The counted noun as the articles wrote it ("nations", "homers"), else the unit class in plural."""
    words = Counter()
    for c in claims:
        last = (c.text or "").split()[-1:] or [""]
        w = last[0].lower().strip(".,;:")
        if w.isalpha() and w not in NOT_A_UNIT and "implied by" not in (c.why or ""):
            words["people" if w in ("persons", "person") else w] += 1
    if words:
        return words.most_common(1)[0][0]
    unit = (claims[0].unit or "").split()[0] if claims[0].unit else ""
    return PLURAL.get(unit, unit + "s" if unit and not unit.endswith("s") else unit) or "number"


def _subject(claims: list[Claim]) -> str:
    subs = Counter(re.sub(r"(?:'s|’s|'|’)$", "", c.subject.strip()) for c in claims if c.subject)
    return subs.most_common(1)[0][0] if subs else ""


def _object(claims: list[Claim], drop: tuple[str, ...] = (), known: Optional[set[str]] = None,
            skip: frozenset = RELATIVE_AND_CURRENCY) -> str:
    """The object most claims name (the first on ties)."""
    objs = [clean_object(c.object, drop, known, skip) for c in claims if c.object]
    objs = [o for o in objs if len(o) > 1]          # a lone letter ("O") names nothing
    return Counter(objs).most_common(1)[0][0] if objs else ""


GENERIC_EVENTS = {"the main event", "main event"}   # what alignment calls an article's unnamed main event


def _past(verb: str) -> str:
    """A verb class without a `past:` in the rules: the regular past ("experience" -> "experienced")."""
    v = (verb or "").strip()
    if not v or " " in v or not v.isalpha():
        return v
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    return v + "ed"


def _trim(words: list[str]) -> list[str]:
    while words and words[0].lower() in DANGLING:
        words = words[1:]
    while words and words[-1].lower() in DANGLING:
        words = words[:-1]
    return words


def _event_phrase(event: str) -> str:
    e = (event or "").strip()
    if not e or e.lower() in GENERIC_EVENTS:
        return ""
    return e if _ARTICLE.match(e) else f"the {e}"


def _place_label(claims: list[Claim], pred: str, ev: str) -> str:
    """"where the quake happened", "place the quake hit", "direction of the piracy from Aden", "home
    town of Anthony LaSalle", "rank of Nirad Sinha" (extract/places.py, things.py)."""
    first = claims[0]
    person = next((str(c.measure.get("person")) for c in claims if isinstance(c.measure, dict) and c.measure.get("person")),
                  first.subject)
    if first.kind == "title":
        return f"unit of the post of {person}" if pred == "post" else f"rank of {person}"
    if pred == "home":
        return f"home town of {person}"
    if pred == "hit":
        return f"place {ev} hit"
    if pred.startswith("direction from "):
        return f"direction of {ev} {pred[len('direction '):]}"
    if pred == "offshore or on land":
        return f"whether {ev} was offshore or on land"
    return f"where {ev} happened"


def fact_label(claims: list[Claim], ruleset: RuleSet, event: Optional[str] = None) -> str:
    """The label of the fact these claims state. `event` is the event's label ("the quake on 2 July")
    when alignment knows it; otherwise the claims' object names what the fact is about."""
    if not claims:
        return "fact"
    label = _label(claims, ruleset, event)
    qualifier = re.search(r"\s*\(([^)]*)\)\s*$", claims[0].predicate or "")
    return f"{label} ({qualifier.group(1)})" if qualifier else label


def _label(claims: list[Claim], ruleset: RuleSet, event: Optional[str]) -> str:
    first = claims[0]
    kind = first.kind
    pred = re.sub(r"\s*\([^)]*\)\s*$", "", first.predicate or "")   # "end (planned)" -> "end"
    vc = ruleset.verb_classes.get(pred) or {}
    past = str(vc.get("past") or _past(pred) or {"attendance": "attended", "signing": "signed"}.get(kind, ""))
    subject = _subject(claims)
    ev = _event_phrase(event or "")
    known = _known_nouns(ruleset)
    skip = skip_words(ruleset)
    the = lambda p: _the(p, known)  # noqa: E731

    if kind == "name":                       # "spelling of the name of the suspect John Smyth"
        spelled = Counter(c.custom_value for c in claims if c.custom_value)
        role = next((str(c.measure.get("role")) for c in claims if isinstance(c.measure, dict) and c.measure.get("role")), "")
        role = " ".join(_trim(role.split()))           # "with free agent" -> "free agent"
        name = spelled.most_common(1)[0][0] if spelled else (subject or first.text)
        return f"spelling of the name of {_the(role) + ' ' if role else ''}{name}".strip()

    if kind in ("place", "title"):
        return _place_label(claims, pred, ev or "the event")

    if kind in ("attendance", "signing"):
        obj = _object(claims, known=known, skip=skip)
        who = subject or "the party"
        return f"whether {who} {past}" + (f" {the(obj)}" if obj else f" {ev}" if ev else "")

    money = bool(first.unit) and (re.fullmatch(r"[A-Z]{3}|%", first.unit) is not None or (
        first.quantity is not None and first.quantity.unit == first.unit))
    if kind == "count" and money:
        noun = MONEY_NOUN.get(pred, "amount")
        of = "" if noun.endswith(" under") else " of"     # "amount given under the Act"
        obj = _object(claims, known=known, skip=skip)
        if obj and not _overlaps(obj, subject):
            label = f"{noun}{of} {the(obj)}"
        elif ev:
            label = f"{noun}{of} {ev}"
        elif subject:
            label = f"{noun} paid by {subject}" if pred == "buy" else f"{noun.removesuffix(' under')} for {subject}"
        else:
            label = noun.removesuffix(" under")
        return f"{label} ({first.unit})"

    if kind == "count":
        unit = (first.unit or "").split()[0] if first.unit else ""
        obj = _object(claims, known=known, skip=skip)
        cls = _object_class(obj, ruleset) if obj else ""
        if unit in UNIT_PROPERTY and subject:
            return f"{UNIT_PROPERTY[unit]} {subject}" if UNIT_PROPERTY[unit].endswith(" against") \
                else f"{UNIT_PROPERTY[unit]} of {subject}"
        noun = _counted_noun(claims)
        if cls in DOCUMENTS and pred in ("sign", "attend", "adopt", "vote"):
            return f"{noun} that {past} {the(obj)}"
        named_subject = subject and _named(subject) and subject.lower() != unit
        participle = COUNT_PARTICIPLE.get(pred, "")
        if pred == "arrest" and unit and unit not in PERSON_UNITS:
            participle = "seized"                        # rifles and boats are seized, not arrested
        if named_subject:
            head = f"{noun} {participle} by {subject}" if pred in AGENT_PARTICIPLE else f"{noun} by {subject}"
        else:
            head = f"{noun} {participle}" if participle else noun
        if ev:
            return f"{head} in {ev}"
        if obj and not _overlaps(obj, subject):
            return f"{head} {PREPOSITION.get(cls, 'in')} {the(obj)}"
        return head

    if kind == "date":
        obj = _object(claims, known=known, skip=skip)
        if obj and subject and _overlaps(obj, subject):
            obj = ""
        if subject and _named(subject):
            if pred in PERSON_PASSIVE or (pred in PERSON_PASSIVE_ALONE and not obj):
                return f"when {subject} was {PERSON_PASSIVE.get(pred) or PERSON_PASSIVE_ALONE[pred]}"
            if pred in INTRANSITIVE:
                return f"when {subject} {INTRANSITIVE[pred]}"
        cls = _object_class(obj, ruleset) if obj else ""
        if obj and not subject and (pred in EVENT_ACTIVE and (cls in HAPPENINGS or pred in ("begin", "end"))):
            return f"when {the(obj)} {EVENT_ACTIVE[pred]}"
        if obj and pred == "hold" and cls in HAPPENINGS:
            return f"when {the(obj)} happened"
        if obj and (not subject or pred == "hold") and pred in THING_PASSIVE:
            return f"when {the(obj)} was {THING_PASSIVE[pred]}"
        if subject and obj and past:
            return f"when {subject} {past} {the(obj)}"
        if subject and vc.get("nouns"):        # "date of the destruction by Hurricane George"
            return f"date of the {vc['nouns'][-1]} by {subject}"
        if subject and past:
            return f"when {subject} {past}"
        if obj:
            return f"date of {the(obj)}"
        return f"date of {ev}" if ev else "date"

    # measures and custom kinds: "magnitude of the earthquake", "age of the suspect"
    dim = (first.measure or {}).get("dimension") if isinstance(first.measure, dict) else None
    prop = str(dim or PROPERTY.get(kind, kind)).replace("_", " ").replace("-", " ")
    obj = _object(claims, drop=(kind.lower(), prop.lower()), known=known, skip=skip)
    if subject and kind in PERSON_PROPERTIES:       # a person's age is the person's, whatever the event
        return f"{prop} of {subject if _named(subject) else the(subject)}"
    if ev:
        return f"{prop} of {ev}"
    if subject and not obj:
        return f"{prop} of {subject if _named(subject) else the(subject)}"
    if obj:
        return f"{prop} of {the(obj)}"
    return prop
