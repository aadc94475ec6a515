"""Attendance and signing claims: a named entity attends or signs something, or refuses to.

With a parse the entity is the verb's subject (or the owner of a noun like "participation");
without one (rules-only) it is the nearest capitalised name before the verb.
"""
from __future__ import annotations

from ..stopwords import STOP_WORDS

from ..entities import canonical_entity, content_tokens
from ..models import Claim, RuleSet
from .sentences import Sentence, _make
from .syntax import (_near_negation, entity_span, find_object, is_entity, is_negated, object_phrase,
                     sentence_context, subject_of)
from .vocab import Vocab, _lookup, has_parse


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
        for c in t.children:        # "X attended the summit, as did Y" (and "so did Y")
            if c.dep_ in ("advcl", "conj") and c.lemma_ == "do" and any(m.lower_ in ("as", "so") for m in c.children):
                names += [g for g in c.children if g.dep_ == "nsubj" and is_entity(g)]
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
            if w.head.lemma_ == "do" and w.head.i != t.i:     # "as did Adrian Kowal": that clause is the claim
                start, end = w.head.left_edge.idx, ent.end_char
            if end - start > 160:       # far apart: the span is the name alone
                start, end = ent.start_char, ent.end_char
            verb = "did not " + kind_cls if negated else vocab.past.get(kind_cls, kind_cls)
            why = f"{name} {verb}" + (f" {obj!r}" if obj else "") + f" — from {t.text!r}" + (" (negated)" if negated else "")
            out.append(_make(s, kind, start, end, rule, subject=name, predicate=kind_cls, object=obj,
                             polarity=not negated, why=why, trigger=t.text,
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
                         object=obj, polarity=not negated, why=why, trigger=t.text,
                         context=sentence_context(doc, {t.i}) | content_tokens(obj, ruleset)))
    return out
