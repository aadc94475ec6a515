"""Date claims: a date a predicate governs ("was held on Feb. 10"), or the year that names an
event ("the 2025 World AI Conference"). (Finding and parsing dates is claimcheck.dates.)"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .. import dates as dates_mod
from ..entities import canonical_entity, content_tokens
from ..models import Claim, DateSpan, RuleSet
from .sentences import Sentence, _char_span, _make
from .syntax import (claim_tense, entity_span, find_object, find_predicate, head_path, is_entity,
                     object_phrase, sentence_context, subject_of)
from .vocab import Vocab, _lookup, has_parse, lemma

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Span, Token

EVENT_PREDICATES = {"hold", "begin", "end", "strike"}


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
    trigger = pred_tok.text if event is None and pred_tok is not None else ""
    return _make(s, "date", d.start_offset, d.end_offset, rule, subject=subject, predicate=pred, object=obj, trigger=trigger,
                 date=d, why=why, context=sentence_context(doc, skip) | content_tokens(obj, ruleset))


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
