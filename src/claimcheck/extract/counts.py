"""Count claims: a number that counts a unit noun (`units:`) under a governing predicate
(`verb_classes:`), e.g. "58 nations signed", "Hansbrough scored 25 points"."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..entities import canonical_entity, content_tokens
from ..models import Claim, Quantity, RuleSet
from .sentences import Sentence, _char_span, _make
from .syntax import (entity_span, find_object, find_predicate, is_dateline, is_entity, object_phrase,
                     sentence_context, subject_of)
from .vocab import Vocab, _lemma_variants, _lookup, has_parse, lemma

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Span


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
    implied = False
    if unit is None:
        if q.unit:            # money: "$13.9 billion" is a count of a currency
            unit, unit_span = q.unit, span
        elif has_parse(doc) and span.root.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
            unit, unit_span, implied = "", span, True   # "killed 12", "the toll rose to 15": see below
        else:
            return None
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
    if implied:
        # a bare number counts what its predicate implies: "the blast killed 12" counts people; the
        # number must hang on the predicate itself, or on "to" after the trigger's verb ("the toll rose to 15")
        root = span.root
        verb = root.head.head if root.dep_ == "pobj" else None
        direct = pred_tok is not None and (root.head.i == pred_tok.i or (verb is not None and (
            pred_tok.head.i == verb.i or any(pred_tok.i in {x.i for x in c.subtree}
                                             for c in verb.children if c.dep_ == "nsubj"))))
        unit = vocab.implied_units.get(pred) if direct else None
        if not unit or (q.value is not None and 1800 <= q.value <= 2100 and not q.hedge):
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
    counted = f"{unit} (implied by '{pred}')" if implied else f"{unit_span.text!r} (unit class {unit})"
    why = f"{q.text!r} counts {counted}; predicate '{pred}' from {pred_tok.text!r}" \
        + (f"; about {obj!r}" if obj else "")
    agent = ""
    owner = next((c for c in head.children if c.dep_ == "poss" and is_entity(c)), None) if has_parse(doc) else None
    if owner is not None:            # "Creighton's 80 points"
        agent = canonical_entity(entity_span(owner).text, ruleset, s.known_names)
    elif has_parse(doc) and pred_tok is not None and pred_tok.pos_ in ("VERB", "AUX"):
        # who did it, when that is not the counted thing: "Hansbrough scored 25 points"
        who = subject_of(pred_tok)
        if who is not None and who.i not in skip and is_entity(who) and who.i != head.i \
                and not is_dateline(entity_span(who)):
            agent = canonical_entity(entity_span(who).text, ruleset, s.known_names)
    return _make(s, "count", start, end, "count.unit-noun", subject=agent, predicate=pred, object=obj,
                 trigger=pred_tok.text if pred_tok is not None else "",
                 quantity=q, unit=unit, why=why,
                 context=sentence_context(doc, skip) | content_tokens(obj, ruleset))


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
            last = words[-1].lower_
            variants = () if last.endswith("ing") else _lemma_variants(last)   # "nine voting" counts no votes
            for cand in (key, raw) + tuple(" ".join(raw.split()[:-1] + [v]) for v in variants):
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
