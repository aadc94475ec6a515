"""What a measure, age, time or percent attaches to: the verb it dates or measures, the noun it
modifies, the person it belongs to. Shared by measures.py, ages.py, times.py and percents.py.

With a parse these walk the dependency tree; in rules-only mode they fall back to word order
(the nearest trigger word, the next noun-like word), and return "" when nothing fits.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Span, Token

from ..entities import canonical_entity, resolve_alias
from ..models import RuleSet
from .syntax import entity_span, find_predicate, head_path, is_entity
from .vocab import Vocab, _lookup, has_parse, lemma

SKIP_VERBS = {"be", "have", "say", "tell", "report", "add", "accord"}   # verbs that name no event

_COMPILED: dict[tuple[int, str], tuple[RuleSet, Any]] = {}


def compiled(ruleset: RuleSet, name: str, build: Callable[[RuleSet], Any]) -> Any:
    """Tables and regexes built from a RuleSet once (cached by identity, like vocab_for)."""
    hit = _COMPILED.get((id(ruleset), name))
    if hit is None or hit[0] is not ruleset:
        hit = _COMPILED[(id(ruleset), name)] = (ruleset, build(ruleset))
    return hit[1]


def overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def event_word(doc: Doc, span: Span, vocab: Vocab) -> tuple[str, Optional[Token]]:
    """The predicate a time or measure attaches to: its own verb's class ("struck" -> strike), else
    that verb's lemma ("dragging her 10 feet" -> drag), else an event noun above it ("the 2:09 a.m.
    jolt"). Verbs of saying and "be"/"have" are passed over. Without a parse: the nearest trigger."""
    if not has_parse(doc):
        cls, tok, _ = find_predicate(doc, span.root, vocab, skip={t.i for t in span}, look_through=vocab.reporting)
        return (cls or "", tok)
    for t in head_path(span.root)[1:]:
        if t.pos_ in ("VERB", "AUX"):
            cls = _lookup(t, vocab.verbs)
            if cls in vocab.reporting:
                continue                 # "police said the gunman entered at 4 p.m.": look through saying
            if not cls and lemma(t) in SKIP_VERBS:
                return "", t             # "has been with the force for two decades": no event verb
            return (cls or lemma(t)), t
        if t.pos_ == "NOUN" and t.i > span.end - 1 and span.root.dep_ in ("compound", "nummod", "amod") \
                and (_lookup(t, vocab.nouns) or _lookup(t, vocab.objects)):
            return (_lookup(t, vocab.nouns) or lemma(t)), t       # "the 2:09 a.m. quake"
    return "", None


def noun_phrase(tok: Token, after: int = 0) -> str:
    """A head noun with its compounds: "blood alcohol level", "traffic" (none before `after`: the
    claim's own number and unit are no part of what it is about)."""
    if not has_parse(tok.doc):
        return tok.lower_
    left = tok.i
    for c in sorted(tok.lefts, key=lambda c: -c.i):
        if c.dep_ == "compound" and c.i == left - 1 and c.i >= after and c.is_alpha:
            left = c.i
            while left - 1 >= max(after, c.left_edge.i) and (tok.doc[left - 1].is_alpha or tok.doc[left - 1].text == "-"):
                left -= 1          # "blood alcohol level", "blood-alcohol level"
    words = [t.lower_ if t.pos_ != "PROPN" else t.text for t in tok.doc[left:tok.i] if t.is_alpha] \
        + [lemma(tok) if tok.pos_ == "NOUN" else tok.text]
    return " ".join(words)


def next_noun(doc: Doc, i: int, limit: int = 4) -> Optional[Token]:
    """The first noun at or after token i, within `limit` tokens ("a 10-metre [long] dhow")."""
    for t in doc[i:min(len(doc), i + limit)]:
        if t.is_punct and t.text not in ("-",):
            return None
        if has_parse(doc):
            if t.pos_ in ("NOUN", "PROPN"):
                return t
        elif t.is_alpha and not t.is_stop:
            return t
    return None


def of_object(doc: Doc, end: int) -> Optional[Token]:
    """The noun of an "of" right after a span: "65% of [traffic]", "20 km of spare [cable]"."""
    k = end
    while k < len(doc) and doc[k].lower_ in ("worth",):
        k += 1
    if k < len(doc) and doc[k].lower_ == "of":
        if has_parse(doc):
            pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        return next_noun(doc, k + 1)
    return None


def person_of(doc: Doc, tok: Token, ruleset: RuleSet, known: list[str]) -> str:
    """A person's name for a token that is one (canonical, titles dropped), else the noun's lemma."""
    if is_entity(tok) and tok.ent_type_ in ("PERSON", "") and tok.pos_ == "PROPN":
        return canonical_entity(entity_span(tok).text, ruleset, known)
    return lemma(tok) if has_parse(doc) else tok.lower_


def thing(tok: Optional[Token], ruleset: RuleSet, after: int = 0) -> str:
    """The thing a claim is about, canonical ("the quake" -> "earthquake" when aliases say so)."""
    if tok is None:
        return ""
    return resolve_alias(noun_phrase(tok, after), ruleset)


def subject_noun(doc: Doc, verb: Optional[Token]) -> Optional[Token]:
    """The verb's subject when it is a noun or a name (not a pronoun)."""
    if verb is None or not has_parse(doc):
        return None
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):   # "occurred ... and had a depth of"
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c if c.pos_ in ("NOUN", "PROPN") else None
    return None
