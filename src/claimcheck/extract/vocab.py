"""The rule vocabulary compiled for extraction, and looking tokens up in it.

A RuleSet's units, verb classes and object nouns become lookup tables (a `Vocab`, compiled once per
RuleSet). A token is looked up by its lemma, its verb + particle ("put forward"), then by cheap
lemma guesses, which is all rules-only mode (no trained model) has. `has_parse` lives here
because a lookup walks the tree only when the doc has one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from ..stopwords import STOP_WORDS

from ..models import RuleSet

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Token


@dataclass
class Vocab:
    units: dict[str, str]            # noun lemma or "member state" -> unit class
    verbs: dict[str, str]            # verb lemma or "put forward" -> predicate class
    nouns: dict[str, str]            # trigger noun lemma -> predicate class
    negative: dict[str, str]         # verb that says the opposite of a class on its own -> class
    negators: set[str]
    objects: dict[str, str]          # head noun -> object class
    past: dict[str, str]             # predicate class -> past form for labels
    triggers: set[str]               # words that make a sentence worth parsing
    opposing: dict[str, set[str]]    # class -> prepositions that make another fact ("voted against")
    time_words: set[str]             # month and weekday names: never the object of a claim
    reporting: set[str]              # classes of saying verbs, looked through for counts
    event_classes: set[str] = field(default_factory=set)   # object classes that name events
    future: set[str] = field(default_factory=set)          # words that put a claim in the future
    rates: set[str] = field(default_factory=set)           # words after a number that make it a rate
    distances: set[str] = field(default_factory=set)       # words after a count that make it a distance
    owned_units: set[str] = field(default_factory=set)     # unit classes counted per owner (a player's points)
    implied_units: dict[str, str] = field(default_factory=dict)  # predicate class -> what a bare number counts
    aggregates: set[str] = field(default_factory=set)      # "the number of people killed has risen to 19"
    settlements: set[str] = field(default_factory=set)     # "a city of 160,000 people" (`settlement_nouns:`)
    population: str = ""             # the class whose nouns hold "population": what such a count states
    conditional: Optional[re.Pattern] = None   # `conditional_markers:` ("if", "unless"): a figure in a condition is no claim
    max_unit_words: int = 3
    parse_every_sentence: bool = False  # a pattern rule names no word a sentence must hold (see _pattern_words)
    name_triggers: set[str] = field(default_factory=set)   # words of a sentence read for its full names only (_pattern_words)


def _lemma_variants(word: str) -> list[str]:
    """Cheap lemma guesses for rules-only mode: signed -> sign, countries -> country, signing -> sign."""
    w = word.lower()
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and len(w) > 2:
        out.append(w[:-1])
    if w.endswith("ied") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("ed") and len(w) > 3:
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])
    if w.endswith("ing") and len(w) > 4:
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    return out


_VOCABS: dict[int, tuple[RuleSet, Vocab]] = {}



def alternation(words) -> str:
    """A regex alternation of the words, lowercased, longest first (so "West Papua" wins over "West");
    a pattern that never matches when there are none."""
    ws = sorted({w.lower() for w in words or []}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws) or "(?!)"


def vocab_for(ruleset: RuleSet) -> Vocab:
    """The compiled vocabulary of a RuleSet (compiled once, cached by identity)."""
    hit = _VOCABS.get(id(ruleset))
    if hit is None or hit[0] is not ruleset:
        hit = (ruleset, _compile(ruleset))
        _VOCABS[id(ruleset)] = hit
    return hit[1]


def _compile(ruleset: RuleSet) -> Vocab:
    units = {n.lower(): cls for cls, spec in ruleset.units.items() for n in (spec or {}).get("nouns", [])}
    verbs, nouns, negative, past = {}, {}, {}, {}
    for cls, spec in ruleset.verb_classes.items():
        spec = spec or {}
        past[cls] = spec.get("past", cls)
        for v in spec.get("verbs", []):
            verbs.setdefault(v.lower(), cls)
        for n in spec.get("nouns", []):
            nouns.setdefault(n.lower(), cls)
        for v in spec.get("negative", []):
            negative.setdefault(v.lower(), cls)
    objects = {n.lower(): cls for cls, ns in ruleset.object_nouns.items() for n in (ns or [])}
    negators = {n.lower() for n in ruleset.extra.get("negators", [])}
    # A sentence is worth parsing when it can hold a claim: a number (digits are checked apart),
    # a date word, or a verb of attending or signing. Nothing else is sent to the parser.
    dw = ruleset.extra.get("date_words") or {}
    date_words = [w for key in ("days", "units", "ago", "seasons", "decades", "holidays")
                  for w in (dw.get(key) or []) if isinstance(w, str)]
    words = (list(ruleset.number_words) + list(ruleset.vague_numbers) + list(ruleset.scales)
             + list(ruleset.months) + list(ruleset.weekdays) + date_words
             + list(ruleset.extra.get("clock_words") or {}))      # "just before midnight" (extract/times.py)
    for cls in ("attend", "sign"):
        spec = ruleset.verb_classes.get(cls) or {}
        words += spec.get("verbs", []) + spec.get("nouns", []) + spec.get("negative", [])
    triggers = set()
    for phrase in words:        # the most telling word of each phrase ("the day before yesterday")
        words_of = [p.rstrip(".") for p in phrase.lower().split()]
        parts = words_of if len(words_of) == 1 else [p for p in words_of if p not in STOP_WORDS and len(p) > 2]
        if parts and (len(parts[0]) > 2 or parts[0] in ruleset.number_words):
            triggers.add(max(parts, key=len))
    pattern_words, first_words, every = _pattern_words(ruleset)
    triggers |= pattern_words
    max_words = max([len(u.split()) for u in units] + [1])
    opposing = {cls: {p.lower() for p in (spec or {}).get("opposing", [])} for cls, spec in ruleset.verb_classes.items()}
    time_words = {k.lower().rstrip(".") for k in list(ruleset.months) + list(ruleset.weekdays)}
    reporting = {cls for cls, spec in ruleset.verb_classes.items() if (spec or {}).get("reporting")}
    extra = ruleset.extra
    return Vocab(units, verbs, nouns, negative, negators, objects, past, triggers, opposing, time_words,
                 reporting, max_unit_words=max_words,
                 event_classes=set(extra.get("event_classes", [])),
                 future={w.lower() for w in extra.get("future_markers", [])},
                 rates={w.lower() for w in extra.get("rate_markers", [])},
                 distances={w.lower() for w in extra.get("distance_markers", [])},
                 owned_units={cls for cls, spec in ruleset.units.items() if (spec or {}).get("owner")},
                 aggregates={w.lower() for w in extra.get("aggregate_nouns", [])},
                 implied_units={cls: spec["implied_unit"] for cls, spec in ruleset.verb_classes.items()
                                if (spec or {}).get("implied_unit")},
                 conditional=_words_re(extra.get("conditional_markers") or []),
                 settlements={w.lower() for w in extra.get("settlement_nouns") or []},
                 population=nouns.get("population", ""),
                 parse_every_sentence=every, name_triggers=first_words - triggers)


def _words_re(words: list[str]) -> Optional[re.Pattern]:
    """One regex for a list of words or phrases (whole words, case-insensitive), or None."""
    alts = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alts) + r")\b", re.I) if alts else None


WORD = re.compile(r"[a-z]+")            # the words sentences.py looks for
_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT", "LEMMA", "NORM")
_OPTIONAL_OPS = ("?", "*", "!")


def _pattern_words(ruleset: RuleSet) -> tuple[set[str], set[str], bool]:
    """Words that let a pattern rule match, so a sentence holding one is parsed: for each token pattern,
    the words of one token it requires (LOWER/ORTH/TEXT/LEMMA/NORM, a word or an IN list) -- of all
    the tokens it requires, the one whose words are rarest (the fewest stop words, then the fewest
    words: "magnitude" rather than "and"/"or" in "7.6 and 7.5 magnitude"; any required token would be
    a sound test, the rarest one sends the fewest sentences to the parser). A pattern that requires no
    such word (only POS, LIKE_NUM, shapes...), or whose words are not plain [a-z] words, makes every
    sentence worth parsing (True): a user's rule is tried on every sentence it could match, not only
    on those with a digit or a built-in trigger word.

    Also returned: the words of each pattern's first required token, which chose the sentences to
    parse before the rarest did. A sentence holding one of them but no trigger is not parsed, but
    the full names it holds are still read (only the NER runs, only when a later sentence resolves a
    surname: sentences.KnownNames), so that a surname resolves to the same full name as before."""
    words: set[str] = set()
    first: set[str] = set()
    for rule in ruleset.claims:
        if rule.get("engine", "pattern") != "pattern":
            continue
        for pattern in rule.get("patterns") or []:
            required = []
            for tok in pattern:
                if not isinstance(tok, dict) or tok.get("OP") in _OPTIONAL_OPS:
                    continue
                for key in _LITERAL_KEYS:
                    value = tok.get(key)
                    if isinstance(value, dict):
                        value = value.get("IN")
                    found = [value] if isinstance(value, str) else value if isinstance(value, list) else None
                    if found and all(isinstance(w, str) and WORD.fullmatch(w.lower()) for w in found):
                        required.append([w.lower() for w in found])
                        break
            if not required:
                return words, first, True
            words.update(min(required, key=lambda ws: (sum(w in STOP_WORDS for w in ws), len(ws))))
            first.update(required[0])
    return words, first, False


# ------------------------------------------------------------------ looking a token up


def lemma(tok: Token) -> str:
    lem = tok.lemma_.lower() if tok.lemma_ else ""
    return lem or tok.lower_


def has_parse(doc: Doc) -> bool:
    """Does the doc carry a dependency parse? (computed once per doc: it scans every token)"""
    parsed = doc.user_data.get("claimcheck.parsed")
    if parsed is None:
        parsed = doc.user_data["claimcheck.parsed"] = doc.has_annotation("DEP")
    return parsed


def _lookup(tok: Token, table: dict[str, str]) -> Optional[str]:
    """Class of `tok` in `table`, trying its lemma, verb + particle, then cheap lemma guesses."""
    lem = lemma(tok)
    for child in (tok.children if has_parse(tok.doc) else ()):   # unparsed docs have no tree to walk
        if child.dep_ in ("prt", "dobj") or (child.pos_ == "ADJ" and child.dep_ in ("acomp", "oprd", "ccomp")) \
                or (child.dep_ == "advmod" and child.i == tok.i + 1):
            # "put forward", "took part", "found (him) guilty", "moved back" (a particle parsed as an adverb)
            two = f"{lem} {child.lower_}"
            if two in table:
                return table[two]
    if lem in table:
        return table[lem]
    for v in _lemma_variants(tok.lower_):
        if v in table:
            return table[v]
    return None
