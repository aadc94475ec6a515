"""Date claims: a date dates the event word of its own clause, a verb or a noun: a listed predicate
("was held on Feb. 10"), any other verb ("the mill was built in 1921", "died on Friday", "dates to
1921"), the noun it modifies ("the June 8 stabbing", "the 1967 killings"), or the event a year
names ("the 2025 World AI Conference"). Not a date claim: a duration ("for 12 days", "two hours"),
the day something was said ("the ministry said on Wednesday"). (Finding and parsing dates is
claimcheck.dates.)"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Span, Token

from .. import dates as dates_mod
from ..entities import canonical_entity, content_tokens
from ..models import Claim, DateSpan, RuleSet
from .sentences import Sentence, _char_span, _make
from .syntax import (claim_tense, entity_span, find_object, find_predicate, head_path, is_entity,
                     object_phrase, sentence_context, subject_of)
from .vocab import Vocab, _lookup, has_parse, lemma

EVENT_PREDICATES = {"hold", "begin", "end", "strike"}


def _date_claim(s: Sentence, d: DateSpan, ruleset: RuleSet, vocab: Vocab, prefer: str) -> Optional[Claim]:
    doc = s.doc
    span = _char_span(doc, d.start_offset, d.end_offset)
    if span is None:
        return None
    skip = {t.i for t in span}
    if _year_of_a_name(doc, span, ruleset):
        return None     # "Windows Server 2012", "Euro 2012": a year that names a product or an edition
    if d.relative and s.article.published and has_parse(doc) and claim_tense(span.root, vocab) != prefer:
        again = dates_mod.parse_date(d.text, reference=s.article.published, prefer=claim_tense(span.root, vocab),
                                     year_hint=s.article.year_hint, ruleset=ruleset)
        if again is not None:
            again.start_offset, again.end_offset, again.text = d.start_offset, d.end_offset, d.text
            d = again
    if IN_SPAN.match(d.text.strip()) and not (has_parse(doc) and claim_tense(span.root, vocab) == "future"):
        return None     # "the second running back in two days": a span of time, not a date ahead
    subject, obj = "", ""
    event = _year_event(doc, span, d, vocab)
    if event is not None:
        pred, rule, negated = "hold", "date.year-modifier", False
        obj = object_phrase(doc, event, skip).text
    else:
        rule = "date.event"
        pred, pred_tok, negated = find_predicate(doc, span.root, vocab, skip=skip, look_through=vocab.reporting,
                                                 own_clause=True)
        if pred is None and has_parse(doc) and not negated:
            # no listed predicate: the event word of the date's own clause still has its date
            pred, pred_tok, rule = _event_word(doc, span, vocab)
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
        if obj_tok is None and rule == "date.event-noun":
            obj_tok = pred_tok       # "the June 8 stabbing": the event is the noun the date modifies
        obj = object_phrase(doc, obj_tok, skip).text if obj_tok is not None else ""
        if not obj and not subject and rule == "date.event":
            # a listed predicate with nothing it is about ("began on Monday"): kept as a date of its
            # verb only when the verb is the clause's own event word
            rule = "date.event-verb"
    if d.relative and has_parse(doc) and claim_tense(span.root, vocab) == "future" or \
            (has_parse(doc) and any(lemma(t) in vocab.future for t in head_path(span.root)[1:4])):
        pred = f"{pred} (planned)"   # "scheduled to begin Jan. 24" is a plan, compared only with plans
    why = f"{d.text!r} dates '{pred}'" + (f" of {obj!r}" if obj else "") + (f" by {subject}" if subject else "") \
        + ("" if d.resolved else " (relative date; the article has no publication date, so it stays unresolved)")
    trigger = pred_tok.text if event is None and pred_tok is not None else ""
    return _make(s, "date", d.start_offset, d.end_offset, rule, subject=subject, predicate=pred, object=obj, trigger=trigger,
                 date=d, why=why, context=sentence_context(doc, skip) | content_tokens(obj, ruleset))


# "in two days" dates a day ahead only in a clause about the future ("will open in two days"); in
# any other clause it is the span something happened within ("the second in two days").
IN_SPAN = re.compile(r"^(?:with)?in\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
                     r"(?:days|weeks|months|years)$", re.I)
DURATION = re.compile(r"^(?:for\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
                      r"(?:second|minute|hour|day|week|month|year|decade)s?$", re.I)


def _year_of_a_name(doc: Doc, span: Span, ruleset: RuleSet) -> bool:
    """A bare year right after a capitalised word inside the sentence ("on Windows Server 2012", "Euro
    2012"): the year is part of a name, not a date. A month, weekday, season or holiday before a
    year is read into the date itself, so the word before a bare year is one only when it is a name.
    Grammar: capitalisation and word order."""
    if len(span) != 1 or not span[0].is_digit or len(span[0].text) != 4 or span.start < 2:
        return False         # (a sentence's first word is capitalised whatever it is)
    prev = doc[span.start - 1]
    low = prev.lower_.rstrip(".")
    return prev.text[:1].isupper() and prev.is_alpha and low not in ruleset.months \
        and low not in ruleset.weekdays and (prev.pos_ == "PROPN" or not has_parse(doc))


def _event_word(doc: Doc, span: Span, vocab: Vocab) -> tuple[Optional[str], Optional[Token], str]:
    """(predicate, its token, rule) for a date no listed predicate governs: the noun it modifies
    ("the June 8 stabbing", "the 1967 killings"), else the verb of its own clause ("descended into
    anarchy in 1991", "dates to 1921"). None for the date of a verb of saying ("said on Friday")."""
    if DURATION.match(span.text.strip()):
        return None, None, ""        # "12 days", "two hours": a duration, not a date
    root = span.root
    if root.dep_ in ("compound", "nummod", "amod", "nmod", "poss") and root.head.i >= span.end \
            and root.head.pos_ == "NOUN":
        noun = root.head
        return _lookup(noun, vocab.nouns) or lemma(noun), noun, "date.event-noun"
    for t in head_path(root)[1:]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux":
            if (_lookup(t, vocab.verbs) or "") in vocab.reporting:
                return None, None, ""   # the day something was said
            return _lookup(t, vocab.verbs) or lemma(t), t, "date.event-verb"
    return None, None, ""


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
