"""Find claims in articles: counts, dates, attendance and signing (plus the user's pattern rules).

How a sentence becomes claims:
1. Articles are split into sentences with a fast rule-based splitter; only sentences that can hold a
   claim (a digit, a number word, a month or weekday, a trigger verb) go to the statistical parser.
2. Numbers come from quantities.find_quantities, dates from dates.find_dates. A number is a count
   claim when it counts a unit noun (`units:`) and a predicate (`verb_classes:`) governs it.
3. A date is a claim when a predicate governs it ("was held on Feb. 10") or it names the year of an
   event ("the 2025 World AI Conference").
4. Attendance and signing claims are a named entity doing (or refusing) an attend/sign verb.

Every claim records its rule id and a one-line `why`. In rules-only mode (no trained model) the
dependency path is replaced by the nearest trigger word in the sentence.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from . import dates as dates_mod
from . import patterns
from . import quantities as quantities_mod
from .entities import canonical_entity, content_tokens, strip_titles
from .models import Article, Claim, DateSpan, Quantity, RuleSet
from .nlp import NLP

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
EVENT_PREDICATES = {"hold", "begin", "end", "strike"}
WORD_RE = re.compile(r"[a-z]+")


# ------------------------------------------------------------------ vocabulary, compiled once per RuleSet


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
    max_unit_words: int = 3


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
             + list(ruleset.months) + list(ruleset.weekdays) + date_words)
    for cls in ("attend", "sign"):
        spec = ruleset.verb_classes.get(cls) or {}
        words += spec.get("verbs", []) + spec.get("nouns", []) + spec.get("negative", [])
    triggers = set()
    for phrase in words:        # the most telling word of each phrase ("the day before yesterday")
        words_of = [p.rstrip(".") for p in phrase.lower().split()]
        parts = words_of if len(words_of) == 1 else [p for p in words_of if p not in STOP_WORDS and len(p) > 2]
        if parts and (len(parts[0]) > 2 or parts[0] in ruleset.number_words):
            triggers.add(max(parts, key=len))
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
                 owned_units={cls for cls, spec in ruleset.units.items() if (spec or {}).get("owner")})


def lemma(tok: Token) -> str:
    lem = tok.lemma_.lower() if tok.lemma_ else ""
    return lem or tok.lower_


def _lookup(tok: Token, table: dict[str, str]) -> Optional[str]:
    """Class of `tok` in `table`, trying its lemma, verb + particle, then cheap lemma guesses."""
    lem = lemma(tok)
    for child in (tok.children if has_parse(tok.doc) else ()):   # unparsed docs have no tree to walk
        if child.dep_ in ("prt", "dobj"):   # "put forward", "took part"
            two = f"{lem} {child.lower_}"
            if two in table:
                return table[two]
    if lem in table:
        return table[lem]
    for v in _lemma_variants(tok.lower_):
        if v in table:
            return table[v]
    return None


# ------------------------------------------------------------------ sentences worth parsing


def candidate_sentences(article: Article, nlp: NLP, vocab: Vocab) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of the article that could hold a claim."""
    out = []
    text = article.text
    pos = 0
    for para in text.split("\n"):
        start = pos
        pos += len(para) + 1
        if not para.strip():
            continue
        doc = nlp.splitter(para)
        for sent in doc.sents:
            s = sent.text
            if not s.strip():
                continue
            if any(ch.isdigit() for ch in s) or _has_trigger(s, vocab):
                out.append((start + sent.start_char, s))
    return out


def _has_trigger(sentence: str, vocab: Vocab) -> bool:
    for w in WORD_RE.findall(sentence.lower()):
        if w in vocab.triggers:
            return True
        for v in _lemma_variants(w):
            if v in vocab.triggers:
                return True
    return False


# ------------------------------------------------------------------ helpers on parsed sentences


def has_parse(doc: Doc) -> bool:
    """Does the doc carry a dependency parse? (computed once per doc: it scans every token)"""
    parsed = doc.user_data.get("claimcheck.parsed")
    if parsed is None:
        parsed = doc.user_data["claimcheck.parsed"] = doc.has_annotation("DEP")
    return parsed


def head_path(tok: Token, limit: int = 8) -> list[Token]:
    out, t = [], tok
    while len(out) < limit:
        out.append(t)
        if t.head.i == t.i:
            break
        t = t.head
    return out


def find_predicate(doc: Doc, anchor: Token, vocab: Vocab, skip: Iterable[int] = (),
                   look_through: set[str] = frozenset(), own_clause: bool = False) -> tuple[Optional[str], Optional[Token], bool]:
    """The predicate class governing `anchor`: (class, trigger token, negated). Classes in
    `look_through` (verbs of saying) are passed over. With `own_clause` (dates), the search stops
    at the first verb or at a noun that is no trigger: "the June 20, 2005 attempted murder" dates
    the murder, "quarters ended July 31" dates no acquisition."""
    skip = set(skip)

    def looked_through(t: Token) -> bool:
        return bool(look_through) and (_lookup(t, vocab.verbs) or _lookup(t, vocab.nouns)) in look_through
    if has_parse(doc):
        for t in head_path(anchor)[1:] if anchor.i in skip else head_path(anchor):
            if t.i in skip or looked_through(t):
                continue
            if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
                cls = _lookup(t, vocab.verbs)
                if cls:
                    return cls, t, is_negated(t, vocab)
                neg = _lookup(t, vocab.negative)
                if neg:
                    return neg, t, True
                for c in t.children:   # "received support from 140 nations": the noun carries the predicate
                    if c.dep_ == "dobj" and c.i not in skip and _lookup(c, vocab.nouns):
                        return _lookup(c, vocab.nouns), c, is_negated(t, vocab)
                if own_clause:
                    return None, None, False
            elif t.pos_ in ("NOUN", "PROPN", "ADJ"):
                cls = _lookup(t, vocab.nouns)
                if cls:
                    return cls, t, is_negated(t, vocab)
                if own_clause and t.i != anchor.i and t.pos_ != "ADJ" and not any(x.i == t.i for x in anchor.subtree):
                    return None, None, False
        return None, None, False
    # rules-only: the nearest trigger word in the sentence, after the anchor first
    best = None
    for t in doc:
        if t.i in skip or t.is_punct or looked_through(t):
            continue
        cls = _lookup(t, vocab.verbs) or _lookup(t, vocab.nouns)
        neg = None if cls else _lookup(t, vocab.negative)
        if cls or neg:
            dist = (t.i - anchor.i) if t.i >= anchor.i else (anchor.i - t.i) * 1.5
            if best is None or dist < best[0]:
                best = (dist, cls or neg, t, bool(neg) or _near_negation(doc, t, vocab))
    if best and best[0] <= 12:
        return best[1], best[2], best[3]
    return None, None, False


def is_negated(t: Token, vocab: Vocab) -> bool:
    """"did not sign", "never attended", "refused to sign", "refrained from signing"."""
    if any(c.dep_ == "neg" for c in t.children):
        return True
    h, steps = t, 0
    while h.head.i != h.i and steps < 3 and h.dep_ in ("xcomp", "pcomp", "pobj", "prep", "ccomp", "advcl"):
        h = h.head
        steps += 1
        if h.pos_ == "ADP":
            continue
        if lemma(h) in vocab.negators or any(v in vocab.negators for v in _lemma_variants(h.lower_)):
            return True
        if any(c.dep_ == "neg" for c in h.children):
            return True
    return False


def _near_negation(doc: Doc, t: Token, vocab: Vocab) -> bool:
    for k in range(max(0, t.i - 3), t.i):
        w = doc[k].lower_
        if w in ("not", "n't", "never", "no") or any(v in vocab.negators for v in _lemma_variants(w)):
            return True
    return False


def subject_of(verb: Token) -> Optional[Token]:
    """nsubj of a verb, climbing conjunctions and relative clauses ("which was held")."""
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                    return v.head
                return c
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head
        if v.dep_ == "xcomp":   # "invites countries to participate": the object of the governing verb
            obj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def entity_span(tok: Token) -> Span:
    """The proper-name span around a token: its compound/flat PROPN neighbours, or its NER entity."""
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent
    left = tok.i
    while left - 1 >= 0 and doc[left - 1].dep_ in ("compound", "flat", "punct") and doc[left - 1].head.i in range(left - 1, tok.i + 1) \
            and (doc[left - 1].pos_ == "PROPN" or doc[left - 1].text == "-"):
        left -= 1
    return doc[left:tok.i + 1]


def is_entity(tok: Token) -> bool:
    if tok.lower_ in RELATIVE_PRONOUNS or tok.pos_ == "PRON":
        return False
    if tok.ent_type_ in ENTITY_TYPES:
        return True
    return tok.pos_ == "PROPN" or (not has_parse(tok.doc) and tok.text[:1].isupper() and tok.i > 0)


def object_phrase(doc: Doc, head: Token, exclude: set[int] = frozenset()) -> Span:
    """A document or event name around its head noun: "a Statement on Inclusive and Sustainable AI".
    Tokens in `exclude` (the claim's own date or number) end the phrase."""
    span = _object_phrase(doc, head)
    start, end = span.start, span.end
    for i in range(head.i + 1, end):
        if i in exclude:
            end = i
            break
    for i in range(head.i - 1, start - 1, -1):
        if i in exclude:
            start = i + 1
            break
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1
    return doc[start:end]


def _object_phrase(doc: Doc, head: Token) -> Span:
    if has_parse(doc):
        left = head.i
        for c in head.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod", "poss") or c.pos_ == "PROPN":
                left = min(left, c.left_edge.i)
        right = head.i
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in ("on", "for", "of", "in", "to") and c.right_edge.i - head.i <= 14:
                right = max(right, c.right_edge.i)
                break
            if c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" and c.right_edge.i - head.i <= 6:
                right = max(right, c.right_edge.i)
        while right > head.i and doc[right].is_punct:
            right -= 1
        return doc[left:right + 1]
    left = head.i
    while left - 1 >= 0 and (doc[left - 1].text[:1].isupper() or doc[left - 1].is_digit) and not doc[left - 1].is_sent_start:
        left -= 1
    right = head.i
    if right + 1 < len(doc) and doc[right + 1].lower_ in ("on", "for", "of"):
        k = right + 2
        while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].lower_ in ("and", "the", "of", "for", "on", "in")):
            k += 1
        if k > right + 2:
            right = k - 1
            while doc[right].lower_ in ("and", "the", "of", "for", "on", "in"):
                right -= 1
    return doc[left:right + 1]


def find_object(doc: Doc, pred_tok: Optional[Token], vocab: Vocab, exclude: set[int]) -> Optional[Token]:
    """The head noun of the document or event the claim is about: first inside the predicate's
    subtree (its object), else the nearest such noun in the sentence."""
    if pred_tok is not None and has_parse(doc):
        # the predicate's own object: "buy Electronic Data Systems", "pay $12.6 billion for EDS"
        for c in pred_tok.children:
            targets = [c] if c.dep_ in ("dobj", "nsubjpass") else \
                [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("for", "of", "on", "to") else []
            for g in targets:
                if g.ent_type_ in ("DATE", "TIME") or g.lower_ in vocab.time_words:
                    continue
                if g.i not in exclude and not any(x.i in exclude for x in g.subtree) and \
                        (g.pos_ == "PROPN" or _lookup(g, vocab.objects)):
                    return g
    cands = [t for t in doc if t.i not in exclude and t.pos_ != "VERB" and _lookup(t, vocab.objects)
             and not _reporting_context(t, pred_tok, vocab)]
    if not cands:
        return None
    if pred_tok is None:
        return cands[0]
    if has_parse(doc):
        sub = {t.i for t in pred_tok.subtree}
        inside = [t for t in cands if t.i in sub]
        if inside:
            return min(inside, key=lambda t: (len(list(_path_between(t, pred_tok))), abs(t.i - pred_tok.i)))
    return min(cands, key=lambda t: abs(t.i - pred_tok.i))


def _reporting_context(t: Token, pred_tok: Optional[Token], vocab: Vocab) -> bool:
    """Is `t` where something was said ("said in a statement", "told a news conference")
    rather than what the claim is about?"""
    if not has_parse(t.doc):
        return False
    for h in head_path(t)[1:]:
        if pred_tok is not None and h.i == pred_tok.i:
            return False
        if h.pos_ in ("VERB", "AUX"):      # the nearest verb above it decides
            return _lookup(h, vocab.verbs) in vocab.reporting
    return False


def _path_between(t: Token, top: Token) -> Iterator[Token]:
    while t.i != top.i and t.head.i != t.i:
        yield t
        t = t.head


def sentence_context(doc: Doc, skip: set[int]) -> frozenset[str]:
    out = set()
    for t in doc:
        if t.i in skip or t.is_punct or t.is_stop or t.like_num or t.is_digit:
            continue
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or (not has_parse(doc) and t.text[:1].isupper()) or not t.pos_:
            w = lemma(t).lower()
            if len(w) > 1 and w not in STOP_WORDS:
                out.add(w)
    return frozenset(out)


def claim_id(article_id: str, kind: str, start: int, end: int, rule: str) -> str:
    return hashlib.sha1(f"{article_id}|{kind}|{start}|{end}|{rule}".encode()).hexdigest()[:12]


# ------------------------------------------------------------------ the four built-in kinds


@dataclass
class Sentence:
    article: Article
    offset: int
    doc: Doc
    known_names: list[str] = field(default_factory=list)   # full names seen so far in the article


def _char_span(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def _unit_after(doc: Doc, span: Span, vocab: Vocab) -> tuple[Optional[str], Optional[Span]]:
    """The unit noun counted by a number: "58 nations", "143 member states", "30 African countries"."""
    i = span.end
    skipped = 0
    while i < len(doc) and skipped <= 3:
        for n in range(vocab.max_unit_words, 0, -1):
            if i + n > len(doc):
                continue
            words = doc[i:i + n]
            key = " ".join(lemma(t) if k == n - 1 else t.lower_ for k, t in enumerate(words))
            raw = " ".join(t.lower_ for t in words)
            for cand in (key, raw) + tuple(" ".join(raw.split()[:-1] + [v]) for v in _lemma_variants(words[-1].lower_)):
                if cand in vocab.units:
                    return vocab.units[cand], words
        t = doc[i]
        if t.pos_ in ("ADJ", "PROPN") or t.lower_ in ("more", "other", "additional", "of", "the") or \
                (not has_parse(doc) and t.text[:1].isupper()):
            i += 1
            skipped += 1
            continue
        break
    return None, None


def _tense(doc: Doc, vocab: Vocab) -> str:
    for t in doc:
        if t.lower_ in vocab.future:
            return "future"
    return "past"


def extract_sentence(s: Sentence, ruleset: RuleSet, vocab: Vocab) -> list[Claim]:
    doc, art = s.doc, s.article
    text = doc.text
    claims: list[Claim] = []
    reference = art.published
    prefer = _tense(doc, vocab)
    try:
        spans = dates_mod.find_dates(text, reference=reference, prefer=prefer, year_hint=art.year_hint, ruleset=ruleset)
    except TypeError:  # older signature
        spans = dates_mod.find_dates(text, reference=reference, prefer=prefer)
    quantities = [q for q in quantities_mod.find_quantities(text, ruleset)
                  if not any(d.start_offset < q.end and q.start < d.end_offset for d in spans)]
    used: set[int] = set()
    when = next((d for d in spans if d.resolved and d.start), None) or next(iter(spans), None)
    for q in quantities:
        c = _count_claim(s, q, ruleset, vocab, used)
        if c:
            c.when = when
            claims.append(c)
    for c in patterns.match_pattern_claims(doc, art.id, art.text, ruleset, offset=s.offset):
        c.when = when
        claims.append(c)
    for d in spans:
        c = _date_claim(s, d, ruleset, vocab, prefer)
        if c:
            claims.append(c)
    claims += _entity_claims(s, ruleset, vocab, used)
    return claims


def _make(s: Sentence, kind: str, rel_start: int, rel_end: int, rule: str, **kw) -> Claim:
    start, end = s.offset + rel_start, s.offset + rel_end
    art = s.article
    return Claim(id=claim_id(art.id, kind, start, end, rule), article=art.id, kind=kind,
                 text=art.text[start:end], quote=s.doc.text.strip(), start=start, end=end, rule=rule,
                 sentence_start=s.offset + (len(s.doc.text) - len(s.doc.text.lstrip())), **kw)


def _count_claim(s: Sentence, q: Quantity, ruleset: RuleSet, vocab: Vocab, used: set[int]) -> Optional[Claim]:
    doc = s.doc
    if q.unit == "%":
        return None
    span = _char_span(doc, q.start, q.end)
    if span is None or any(t.tag_ in ("JJ",) and t.lower_.endswith(("th", "st", "nd", "rd")) and t.like_num for t in span):
        return None
    before = doc[max(0, span.start - 2):span.start]
    if any(t.lower_ in ("never", "not", "no") for t in before):
        return None                  # "never hit fewer than 26 homers" states no count
    unit, unit_span = _unit_after(doc, span, vocab)
    if unit_span is not None and has_parse(doc) and unit_span[-1].dep_ in ("compound", "amod") \
            and unit_span[-1].head.i > unit_span[-1].i:
        # "42 government office buildings": the counted thing is the head noun, not its modifier
        head_noun = unit_span[-1].head
        unit = _lookup(head_noun, vocab.units)
        modifiers = [t for t in doc[unit_span.start:head_noun.i] if t.is_alpha and not t.is_stop]
        unit_span = doc[unit_span.start:head_noun.i + 1] if unit else None
    else:
        modifiers = []
    if unit is None:
        if not q.unit:        # money: "$13.9 billion" is a count of a currency
            return None
        unit, unit_span = q.unit, span
    if q.low is not None and q.high is not None and q.low == q.high and 1800 <= q.low <= 2100 and not q.hedge \
            and float(q.low).is_integer() and "," not in q.text and not q.unit:
        # a year standing before a noun ("the 2025 summit") is not a count
        if unit_span is None or unit_span.start != span.end:
            return None
    head = unit_span[-1]
    if has_parse(doc) and head.head.lower_ == "of" and (head.head.head.like_num or head.head.head.pos_ == "NUM"):
        return None                  # "five of Creighton's eight points": the eight is not the claim
    # words between the number and its noun narrow what is counted: "42 government office
    # buildings" and "11 Yemeni suspects" count subsets, not all buildings or all suspects
    narrowing = sorted({t.lower_ for t in doc[span.end:unit_span.start]
                        if t.is_alpha and not t.is_stop and t.lower_ not in ("more", "other", "additional")}
                       | {t.lower_ for t in modifiers})
    if narrowing:
        unit = f"{unit} ({' '.join(narrowing)})"
    after = doc[unit_span.end:unit_span.end + 2]
    words = [t.lower_ for t in after]
    if words and words[0] in vocab.distances:
        return None                  # "five buildings away" is a distance
    if words and (words[0] in vocab.rates or " ".join(words) in vocab.rates):
        unit = f"{unit} rate"        # "$23 million per season" is not the deal's total
    skip = {t.i for t in span} | {t.i for t in unit_span}
    pred, pred_tok, negated = find_predicate(doc, head, vocab, skip=skip - {head.i}, look_through=vocab.reporting)
    if pred is None:
        return None
    opposing = vocab.opposing.get(pred, ())
    if pred_tok is not None and opposing and (
            any(c.dep_ == "prep" and c.lower_ in opposing for c in pred_tok.children) if has_parse(doc)
            else pred_tok.i + 1 < len(doc) and doc[pred_tok.i + 1].lower_ in opposing):
        pred = f"{pred} against"     # "30 senators voted against" is another fact than "voted for"
    obj_tok = find_object(doc, pred_tok, vocab, exclude=skip)
    obj = object_phrase(doc, obj_tok).text if obj_tok is not None else ""
    used |= {t.i for t in span} | {t.i for t in unit_span}
    if pred_tok is not None:
        used.add(pred_tok.i)
    start, end = span.start_char, unit_span.end_char
    why = f"{q.text!r} counts {unit_span.text!r} (unit class {unit}); predicate '{pred}' from {pred_tok.text!r}" \
        + (f"; about {obj!r}" if obj else "")
    agent = ""
    owner = next((c for c in head.children if c.dep_ == "poss" and is_entity(c)), None) if has_parse(doc) else None
    if owner is not None:            # "Creighton's 80 points"
        agent = canonical_entity(entity_span(owner).text, ruleset, s.known_names)
    elif has_parse(doc) and pred_tok is not None and pred_tok.pos_ in ("VERB", "AUX"):
        # who did it, when that is not the counted thing: "Hansbrough scored 25 points"
        who = subject_of(pred_tok)
        if who is not None and who.i not in skip and is_entity(who) and who.i != head.i:
            agent = canonical_entity(entity_span(who).text, ruleset, s.known_names)
    return _make(s, "count", start, end, "count.unit-noun", subject=agent, predicate=pred, object=obj,
                 quantity=q, unit=unit, polarity=None if not negated else None, why=why,
                 context=sentence_context(doc, skip) | content_tokens(obj, ruleset))


def _year_event(doc: Doc, span: Span, d: DateSpan, vocab: Vocab) -> Optional[Token]:
    """The event a bare year names: "the 2025 World AI Conference" -> Conference."""
    if d.granularity != "year":
        return None
    nxt = span.end
    if has_parse(doc):
        head = span.root.head
        if span.root.dep_ in ("compound", "nummod", "amod", "nmod") and head.i >= nxt \
                and _lookup(head, vocab.objects) in vocab.event_classes:
            return head
        return None
    k, found = nxt, None
    while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].lower_ in ("of", "on", "for", "and")):
        if _lookup(doc[k], vocab.objects) in vocab.event_classes:
            found = doc[k]
        k += 1
    return found if nxt < len(doc) and doc[nxt].text[:1].isupper() else None


def claim_tense(tok: Token, vocab: Vocab) -> str:
    """'future' when the verb governing `tok` is future ("will conclude on Tuesday", "expects to
    close in March"), else 'past'."""
    for t in head_path(tok):
        if t.lower_ in vocab.future or lemma(t) in vocab.future or any(c.lower_ in vocab.future for c in t.children):
            return "future"
        if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBN") and t.dep_ not in ("xcomp", "acl"):
            return "past"
    return "past"


def _date_claim(s: Sentence, d: DateSpan, ruleset: RuleSet, vocab: Vocab, prefer: str) -> Optional[Claim]:
    doc = s.doc
    span = _char_span(doc, d.start_offset, d.end_offset)
    if span is None:
        return None
    skip = {t.i for t in span}
    if d.relative and s.article.published and has_parse(doc) and claim_tense(span.root, vocab) != prefer:
        again = dates_mod.parse_date(d.text, reference=s.article.published, prefer=claim_tense(span.root, vocab),
                                     year_hint=s.article.year_hint, ruleset=ruleset)
        if again is not None:
            again.start_offset, again.end_offset, again.text = d.start_offset, d.end_offset, d.text
            d = again
    subject, obj = "", ""
    event = _year_event(doc, span, d, vocab)
    if event is not None:
        pred, rule, negated = "hold", "date.year-modifier", False
        obj = object_phrase(doc, event, skip).text
    else:
        rule = "date.event"
        pred, pred_tok, negated = find_predicate(doc, span.root, vocab, skip=skip, look_through=vocab.reporting,
                                                 own_clause=True)
        if pred is None or negated:
            return None
        obj_tok = None
        if has_parse(doc) and pred_tok is not None:
            subj_tok = subject_of(pred_tok)
            if subj_tok is not None and _lookup(subj_tok, vocab.objects) and pred in EVENT_PREDICATES | {"propose", "adopt", "release", "sign"}:
                obj_tok = subj_tok
            elif subj_tok is not None and is_entity(subj_tok):
                subject = canonical_entity(entity_span(subj_tok).text, ruleset, s.known_names)
        if obj_tok is None:
            obj_tok = find_object(doc, pred_tok, vocab, exclude=skip)
        obj = object_phrase(doc, obj_tok, skip).text if obj_tok is not None else ""
        if not obj and not subject:
            return None
    if d.relative and has_parse(doc) and claim_tense(span.root, vocab) == "future" or \
            (has_parse(doc) and any(lemma(t) in vocab.future for t in head_path(span.root)[1:4])):
        pred = f"{pred} (planned)"   # "scheduled to begin Jan. 24" is a plan, compared only with plans
    why = f"{d.text!r} dates '{pred}'" + (f" of {obj!r}" if obj else "") + (f" by {subject}" if subject else "") \
        + ("" if d.resolved else " (relative date; the article has no publication date, so it stays unresolved)")
    return _make(s, "date", d.start_offset, d.end_offset, rule, subject=subject, predicate=pred, object=obj,
                 date=d, why=why, context=sentence_context(doc, skip) | content_tokens(obj, ruleset))


def _entity_claims(s: Sentence, ruleset: RuleSet, vocab: Vocab, used: set[int]) -> list[Claim]:
    """Attendance and signing: a named entity attends / signs, or refuses to."""
    doc = s.doc
    out = []
    if not has_parse(doc):
        return _entity_claims_rules_only(s, ruleset, vocab, used)
    for t in doc:
        if t.i in used:
            continue
        cls = neg_cls = None
        verbal = t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.lower_.endswith("ing") and t.dep_ == "pobj")
        if verbal:   # "refrained from signing": a gerund the tagger calls a noun is still the verb
            cls = _lookup(t, vocab.verbs)
            if cls not in ("attend", "sign"):
                cls = None
                neg_cls = _lookup(t, vocab.negative)
                if neg_cls not in ("attend", "sign"):
                    neg_cls = None
        elif t.pos_ == "NOUN":
            cls = _lookup(t, vocab.nouns)
            if cls not in ("attend",):
                cls = None
        kind_cls = cls or neg_cls
        if not kind_cls:
            continue
        negated = bool(neg_cls) or is_negated(t, vocab)
        who, event = None, None
        if not verbal:          # "the participation of Zhang Guoqing in the summit"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    who = next((g for g in c.children if g.dep_ == "pobj"), None)
                if c.dep_ == "poss":
                    who = c
            for c in t.subtree:
                if c.dep_ == "prep" and c.lower_ in ("in", "at") and c.head.i in (t.i,) + tuple(x.i for x in t.subtree):
                    event = next((g for g in c.children if g.dep_ == "pobj"), event)
        else:
            who = subject_of(t)
            if who is None and t.dep_ in ("acl", "advcl") and t.head.pos_ == "PROPN":
                who = t.head
            h = t
            while who is None and h.dep_ in ("xcomp", "pcomp", "pobj", "prep", "conj") and h.head.i != h.i:
                h = h.head
                who = subject_of(h) if h.pos_ in ("VERB", "AUX") else None
            for c in t.children:
                if c.dep_ in ("dobj", "attr"):
                    event = c
                elif c.dep_ == "prep" and c.lower_ in ("in", "at", "to"):
                    event = next((g for g in c.children if g.dep_ == "pobj"), event)
        if who is None or not is_entity(who):
            continue
        names = [who] + [c for c in who.conjuncts if is_entity(c)]
        if event is not None and not _lookup(event, vocab.objects) and event.pos_ != "PROPN":
            ev_tok = find_object(doc, t, vocab, exclude=set())
            event = ev_tok if ev_tok is not None else event
        obj = object_phrase(doc, event).text if event is not None else ""
        kind = "attendance" if kind_cls == "attend" else "signing"
        if kind == "attendance" and (event is None or not (_lookup(event, vocab.objects) or event.pos_ == "PROPN")):
            continue   # attending needs an event: "participated in global cooperation" is not attendance
        rule = f"{kind}.{'noun' if not verbal else ('refusal' if negated and kind == 'signing' else 'verb')}"
        for w in names:
            ent = entity_span(w)
            name = canonical_entity(ent.text, ruleset, s.known_names)
            if not name:
                continue
            start = min(ent.start_char, t.idx)
            end = max(ent.end_char, t.idx + len(t.text))
            if end - start > 160:       # far apart: the span is the name alone
                start, end = ent.start_char, ent.end_char
            verb = "did not " + kind_cls if negated else vocab.past.get(kind_cls, kind_cls)
            why = f"{name} {verb}" + (f" {obj!r}" if obj else "") + f" — from {t.text!r}" + (" (negated)" if negated else "")
            out.append(_make(s, kind, start, end, rule, subject=name, predicate=kind_cls, object=obj,
                             polarity=not negated, why=why,
                             context=sentence_context(doc, {t.i}) | content_tokens(obj, ruleset)))
    return out


def _entity_claims_rules_only(s: Sentence, ruleset: RuleSet, vocab: Vocab, used: set[int]) -> list[Claim]:
    """Without a parser: a capitalised name right before an attend/sign verb (or refusal) in the sentence."""
    doc = s.doc
    out = []
    for t in doc:
        if t.i in used or t.i == 0:
            continue
        cls = _lookup(t, vocab.verbs)
        neg = None
        if cls not in ("attend", "sign"):
            cls = None
            neg = _lookup(t, vocab.negative)
            if neg not in ("attend", "sign"):
                continue
        kind_cls = cls or neg
        negated = bool(neg) or _near_negation(doc, t, vocab)
        # the nearest capitalised run before the verb, within 8 tokens
        k = t.i - 1
        while k >= 0 and t.i - k <= 8 and not (doc[k].text[:1].isupper() and doc[k].is_alpha or doc[k].text in ("U.S.", "U.K.")):
            k -= 1
        if k < 0 or t.i - k > 8:
            continue
        end_k = k
        while k - 1 >= 0 and doc[k - 1].text[:1].isupper():
            k -= 1
        ent = doc[k:end_k + 1]
        if ent.start == 0 and len(ent) == 1 and ent.text.lower() in STOP_WORDS:
            continue
        name = canonical_entity(ent.text, ruleset, s.known_names)
        ev = find_object(doc, t, vocab, exclude=set())
        obj = object_phrase(doc, ev).text if ev is not None else ""
        kind = "attendance" if kind_cls == "attend" else "signing"
        rule = f"{kind}.{'refusal' if negated and kind == 'signing' else 'verb'}"
        why = f"{name} {'did not ' + kind_cls if negated else vocab.past.get(kind_cls, kind_cls)} — from {t.text!r} (rules-only)"
        out.append(_make(s, kind, ent.start_char, t.idx + len(t.text), rule, subject=name, predicate=kind_cls,
                         object=obj, polarity=not negated, why=why,
                         context=sentence_context(doc, {t.i}) | content_tokens(obj, ruleset)))
    return out


# ------------------------------------------------------------------ articles and corpora


def _names_in(doc: Doc, ruleset: RuleSet) -> list[str]:
    names = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            names.append(strip_titles(ent.text, ruleset))
    return names


def extract_articles(articles: Iterable[Article], nlp: NLP, ruleset: RuleSet,
                     batch_size: int = 64) -> Iterator[tuple[Article, list[Claim]]]:
    """Yield (article, claims) for each article, in order. Candidate sentences of all articles
    stream through one nlp.pipe, so batches span articles and memory stays bounded by the batch."""
    vocab = vocab_for(ruleset)

    def sentences():
        for art in articles:
            cands = candidate_sentences(art, nlp, vocab) or [(-1, "")]   # (-1, "") marks an empty article
            for k, (offset, text) in enumerate(cands):
                yield text, (art, offset, k == len(cands) - 1)

    claims: list[Claim] = []
    known: list[str] = []
    for doc, (art, offset, last) in nlp.parser.pipe(sentences(), as_tuples=True, batch_size=batch_size):
        if offset >= 0:
            s = Sentence(art, offset, doc, known)
            known.extend(_names_in(doc, ruleset))
            claims.extend(extract_sentence(s, ruleset, vocab))
        if last:
            yield art, _dedupe(claims)
            claims, known = [], []


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.kind, c.rule)):
        if c.id in seen:
            continue
        seen.add(c.id)
        out.append(c)
    return out


def claims_from_text(text: str, ruleset: RuleSet, nlp: NLP | None = None, published=None) -> list[Claim]:
    """Claims of one piece of text (used by rule examples and tests)."""
    from . import nlp as nlp_mod
    nlp = nlp or default_nlp()
    art = Article(id="example", path="example", text=text, published=published,
                  published_from="text" if published else "none")
    return next(extract_articles([art], nlp, ruleset))[1]


@lru_cache(maxsize=1)
def default_nlp() -> NLP:
    from . import nlp as nlp_mod
    return nlp_mod.load()
