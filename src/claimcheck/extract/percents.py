"""Percent claims: a share of something (rule percent.share).

"65%", "8.2 per cent", "Sixty-five per cent", "up to 80 percent", "two thirds of the homes" (a
fraction before "of" is a share: 66.7%), "half of the roof", "half the roof". The value is the interval in percent
(quantities.py reads the number and its hedge). What it is a share of (its subject) is the noun
after "of" ("65% of traffic"), else the noun it modifies ("a 5% rise"), else its verb's subject
("services in Egypt were down by 80 percent"). Its predicate is its verb's class, else "share".
"""
from __future__ import annotations

import re

from ..models import Claim, Quantity, RuleSet
from .anchors import next_noun, noun_phrase, of_object, overlaps, subject_noun
from .sentences import Sentence, _char_span, _make
from .syntax import find_predicate, sentence_context
from .vocab import Vocab, has_parse

FRACTION_WORDS = ("half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth",
                  "fifths", "sixth", "sixths", "eighth", "eighths", "tenth", "tenths")


BARE_FRACTION = re.compile(r"\b(?:(?P<half>half)|(?P<num>a|one|two|three|four)\s+(?P<part>third|quarter|fifth|tenth)s?)"
                           r"(?=\s+(?:of\s+)?(?:the|its|their|his|her|all)\b)", re.I)


def bare_fractions(text: str, quantities: list[Quantity], ruleset: RuleSet) -> list[Quantity]:
    """"Half the roof", "a third of its staff": fractions quantities.py leaves to context."""
    out = []
    words = {k.lower(): v for k, v in ruleset.number_words.items()} | {"a": 1}
    for m in BARE_FRACTION.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in quantities):
            continue
        v = 0.5 if m.group("half") else words.get(m.group("num").lower(), 1) * float(ruleset.scales.get(m.group("part").lower(), 0))
        if v:
            out.append(Quantity(low=v, high=v, expected_low=v, expected_high=v, start=m.start(), end=m.end(),
                                text=m.group(0), value=v))
    return out


def percent_claims(s: Sentence, quantities: list[Quantity], ruleset: RuleSet, vocab: Vocab,
                   taken: list[tuple[int, int]]) -> list[Claim]:
    doc = s.doc
    out = []
    for q in quantities + bare_fractions(s.text, quantities, ruleset):
        if overlaps(q.start, q.end, taken):
            continue
        span = _char_span(doc, q.start, q.end)
        if span is None:
            continue
        fraction = q.unit is None and any(w in q.text.lower().split() or q.text.lower().endswith(w)
                                          for w in FRACTION_WORDS) and q.value is not None and q.value < 1
        if q.unit != "%" and not fraction:
            continue
        about = of_object(doc, span.end)
        if about is None and has_parse(doc) and span.root.head.lower_ == "of" and span.root.head.head.pos_ == "NOUN":
            about = span.root.head.head       # "a blood alcohol level of 0.41 percent"
        if fraction and about is None:
            about = next_noun(doc, span.end, 4)     # "half the roof"
        if fraction and (about is None or about.like_num):
            continue             # "two thirds" of nothing said is no share
        if fraction:
            q = _as_percent(q)
        if about is None:
            nxt = next_noun(doc, span.end, 2)
            if nxt is not None and (not has_parse(doc) or any(t.head.i == nxt.i for t in span)):
                about = nxt      # "a 5% rise"
        pred, verb, _ = find_predicate(doc, span.root, vocab, skip={t.i for t in span}, look_through=vocab.reporting)
        if about is None and has_parse(doc):
            v = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
            about = subject_noun(doc, v)
        if about is not None and (span.start <= about.i < span.end or about.lower_ in ("percent", "%", "cent")):
            about = None
        subject = noun_phrase(about, span.end if about.i > span.start else 0) if about is not None else ""
        where = (_qualifier(about) if about is not None else "") or _qualifier(span.root)   # "52 percent in Egypt"
        if where:
            subject = f"{subject} {where}".strip()      # "traffic to India", "voice traffic in Saudi Arabia"
        words = [t.lower_ for t in doc[span.end:span.end + 2]]
        if words and (words[0] in vocab.rates or " ".join(words) in vocab.rates):
            pred = f"{pred or 'share'} rate"     # "grow 33 percent a year" is a rate, not a share
        taken.append((q.start, q.end))
        why = f"{q.text!r} is a share in percent" + (f" of {subject!r}" if subject else "") \
            + (f"; predicate '{pred}' from {verb.text!r}" if pred and verb is not None else "")
        out.append(_make(s, "percent", q.start, q.end, "percent.share", subject=subject, predicate=pred or "share",
                         unit="%", quantity=q, trigger=verb.text if verb is not None else "",
                         why=why, context=sentence_context(doc, {t.i for t in span})))
    return out


def _qualifier(tok) -> str:
    """A place or name narrowing a share's noun: "traffic [to India]", "services [in Egypt]"."""
    if not has_parse(tok.doc):
        return ""
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("to", "in", "from", "of", "between", "for", "on"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                return f"{c.lower_} {' '.join(t.text for t in pobj.subtree if t.pos_ == 'PROPN')}"
    return ""


def _as_percent(q: Quantity) -> Quantity:
    f = lambda x: None if x is None else round(x * 100, 6)
    return Quantity(low=f(q.low), high=f(q.high), low_inclusive=q.low_inclusive, high_inclusive=q.high_inclusive,
                    approximate=q.approximate, expected_low=f(q.expected_low), expected_high=f(q.expected_high),
                    expected_low_inclusive=q.expected_low_inclusive, expected_high_inclusive=q.expected_high_inclusive,
                    unit="%", start=q.start, end=q.end, text=q.text, hedge=q.hedge, value=f(q.value))
