"""Age claims: the age of a person (rule age.person).

Constructions (grammar, not vocabulary):
  "the 60-year-old suspect", "Sixty-year-old Sharron Smith", "a 42-year-old man"   N-year-old + noun or name
  "Maria Lopez, 42,", "Lopez (42)"                                                 a name, then the number
  "aged 19", "age 61" (`age_words:`)                                               the noun or name before
  "Tom Tennant and William Hakim, both 51"                                         each person named before
  "61 years old"                                                                   its verb's subject
  "in her 60s", "in his early 20s"                                                 a decade: [60, 69]
The subject is the person's name when one is written (canonical, titles dropped), else the role noun
("suspect", "man"); in "the suspect, a 61-year-old man" the role before the apposition wins. The "N"
of "N-year-old" is never a count: the number is taken here, before counts are read.
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Token

from ..entities import canonical_entity
from ..models import Claim, Quantity, RuleSet
from ..quantities import parse_quantity
from .anchors import compiled, overlaps, person_of, subject_noun
from .sentences import Sentence, _char_span, _make, known_with
from .syntax import sentence_context
from .vocab import Vocab, has_parse

NAME = r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)"
AFTER_AGE = r"(?=\s*(?:[,.;:)]|$|\s(?:of|from|and|who|was|is|were|had|has|have|faces|died|appeared)\b))"
GENERIC = {"man", "woman", "boy", "girl", "person", "resident", "driver", "victim", "suspect"}
ROLE_STOP = {"a", "an", "the"}


def _regexes(ruleset: RuleSet) -> dict[str, re.Pattern]:
    """The constructions, compiled once per RuleSet."""
    return compiled(ruleset, "ages", _compile)


def _compile(ruleset: RuleSet) -> dict[str, re.Pattern]:
    numword = "|".join(sorted((re.escape(w) for w in ruleset.number_words), key=len, reverse=True))
    age_words = "|".join(re.escape(w) for w in (ruleset.extra.get("age_words") or ["aged"]))
    n = rf"(?:\d{{1,3}}|(?:{numword})(?:-(?:{numword}))?)"
    return {
        "year-old": re.compile(rf"(?<![\w.])(?P<num>{n})[-\s]+years?[-\s]+old\b", re.I),
        "name-comma": re.compile(rf"{NAME},\s+(?P<num>\d{{1,3}}){AFTER_AGE}"),
        "name-paren": re.compile(rf"{NAME}\s+\((?P<num>\d{{1,3}})\)"),
        "aged": re.compile(rf"\b(?:{age_words})\s+(?P<num>\d{{1,3}}(?:\s*(?:to|-|–|and)\s*\d{{1,3}})?)(?![\d.,]\d)", re.I),
        "both": re.compile(r",\s+(?:both|each|all)\s+(?:aged\s+)?(?P<num>\d{1,3})\b(?![.,]\d)"),
        "decade": re.compile(r"\bin\s+(?:his|her|their)\s+(?P<part>early\s+|mid-?\s*|late\s+)?(?P<num>[1-9]0)'?s\b", re.I),
    }


def age_claims(s: Sentence, ruleset: RuleSet, vocab: Vocab, taken: list[tuple[int, int]]) -> list[Claim]:
    doc, text = s.doc, s.text
    if not re.search(r"\d|year|aged?\b|\bin (?:his|her|their)", text, re.I):
        return []
    lo_ok, hi_ok = (ruleset.extra.get("age_range") or [0, 120])[:2]
    months = compiled(ruleset, "time_names", lambda rs: {k.rstrip(".").lower() for k in list(rs.months) + list(rs.weekdays)})
    out = []
    for how, rx in _regexes(ruleset).items():
        for m in rx.finditer(text):
            a, b = m.span("num")
            if overlaps(a, b, taken):
                continue
            q = _age_value(m, how, ruleset)
            if q is None or q.low is None or not (lo_ok <= q.low and (q.high or q.low) <= hi_ok):
                continue
            if how == "aged" and (re.search(r"\band\b", m.group("num")) or re.match(r"\w+s\b", m.group(0))):
                continue      # "two sons, ages 16 and 6": the ages of several people, not one person's
            if how == "aged" and re.search(r"\b(?:under|over|above|below|past|beyond)\s+$", text[:m.start()], re.I):
                continue      # "the first person under age 40 to sit on the board": a bound, not an age
            if how == "aged" and re.match(r"\s*(?:and|or)\s+(?:under|over|older|younger|above|below)\b", text[m.end():], re.I):
                continue      # "50 Future Leaders Age 40 and Under", "aged 65 or older": a bound too
            if how in ("name-comma", "name-paren"):
                last = m.group("name").split()[-1]
                if last.rstrip(".").lower() in months or not (
                        _is_person(doc, m.start("name"), m.end("name"))
                        or any(k.split()[-1] == last for k in known_with(s.known_names, last))):   # "LaSalle, 36," after "Anthony LaSalle"
                    continue
            if how == "both":      # "Tom Tennant and William Hakim, both 51": each of them
                out += _each(s, m, q, ruleset, taken)
                continue
            who = _whose(s, m, how, ruleset)
            if not who and (who is None or has_parse(doc)):
                continue      # "the 81-year-old is at home": an age of nobody named is not checkable
            q.start, q.end, q.unit = s.offset + a, s.offset + b, "year"
            start, end = (m.start("name"), m.end()) if how in ("name-comma", "name-paren") else m.span()
            taken.append((a, b))
            span = _char_span(doc, start, end)
            why = f"{m.group(0)!r} gives the age of {who!r} ({how})"
            out.append(_make(s, "age", start, end, "age.person", subject=who, predicate="age", unit="year",
                             quantity=q, why=why, measure={"unit": "year", "person": who},
                             context=sentence_context(doc, {t.i for t in span} if span is not None else set())))
    return out


def _each(s: Sentence, m: re.Match, q: Quantity, ruleset: RuleSet, taken: list[tuple[int, int]]) -> list[Claim]:
    doc = s.doc
    span = _char_span(doc, m.start(), m.end())
    if span is None:
        return []
    people = [e for e in doc.ents if e.label_ == "PERSON" and span.start - 14 <= e.start and e.end <= span.start] \
        if has_parse(doc) else []
    a, b = m.span("num")
    out = []
    for e in people:
        who = person_of(doc, e[-1], ruleset, s.known_names)
        q2 = dataclasses.replace(q)
        q2.start, q2.end, q2.unit = s.offset + a, s.offset + b, "year"
        out.append(_make(s, "age", e.start_char, m.end(), "age.person", subject=who, predicate="age", unit="year",
                         quantity=q2, why=f"{m.group(0).strip(', ')!r} gives the age of each of them, {who!r} too",
                         measure={"unit": "year", "person": who}, context=sentence_context(doc, {t.i for t in span})))
    if out:
        taken.append((a, b))
    return out


def _age_value(m: re.Match, how: str, ruleset: RuleSet) -> Optional[Quantity]:
    raw = m.group("num")
    if how == "decade":
        n = float(raw)
        part = (m.group("part") or "").strip().lower().rstrip("-")
        lo, hi = {"early": (n, n + 3), "mid": (n + 3, n + 6), "late": (n + 6, n + 9)}.get(part, (n, n + 9))
        return Quantity(low=lo, high=hi, expected_low=lo, expected_high=hi, approximate=True, text=m.group(0))
    q = parse_quantity(raw.replace("-", " to ") if how == "aged" else raw.replace("-", " "), ruleset)
    if q is not None:
        q.text = raw
    return q


def _is_person(doc, start: int, end: int) -> bool:
    """Is the capitalised run a person's name? With a parse: the NER says PERSON, or proper nouns
    the NER does not call a place, body or date. Without one: two capitalised words, not "In March"."""
    span = _char_span(doc, start, end)
    if span is None:
        return False
    if not has_parse(doc):
        return len(span) >= 2 and not span[0].is_stop
    last = span[-1]
    if last.ent_type_ == "PERSON":
        return True
    # a lone surname is often tagged ORG by the small model ("LaSalle, 36, had"); places never are ages
    return last.pos_ == "PROPN" and last.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "NORP", "FAC", "CARDINAL", "EVENT")


def _whose(s: Sentence, m: re.Match, how: str, ruleset: RuleSet) -> Optional[str]:
    doc = s.doc
    known = s.known_names
    if how in ("name-comma", "name-paren"):
        return canonical_entity(m.group("name"), ruleset, known)      # a person, as the construction says
    if how == "year-old":
        span = _char_span(doc, m.start(), m.end())
        if span is None:
            return None
        role = _apposed_role(doc, span.start)      # "the suspect, a 61-year-old man"
        nxt = _noun_after(doc, span.end)
        if nxt is not None and has_parse(doc) and nxt.pos_ == "PROPN" and nxt.i + 1 < len(doc) \
                and doc[nxt.i + 1].pos_ == "NOUN" and doc[nxt.i + 1].is_lower and nxt.head.i == nxt.i + 1:
            nxt = nxt.head     # "a 61-year-old Vancouver man": a place or body names the man, not a person
        if nxt is not None and (nxt.pos_ == "PROPN" or not has_parse(doc) and nxt.text[:1].isupper()):
            return person_of(doc, nxt, ruleset, known)
        if role:
            return role
        if nxt is not None:
            return person_of(doc, nxt, ruleset, known)
        verb = span.root.head if has_parse(doc) else None
        who = subject_noun(doc, verb) if verb is not None else None      # "he is 61 years old"
        return person_of(doc, who, ruleset, known) if who is not None else ""
    span = _char_span(doc, m.start(), m.end())
    if span is None:
        return None
    if has_parse(doc):
        for t in [span[0].head, span[0].head.head]:
            if t.pos_ in ("NOUN", "PROPN") and t.i < span.start:
                return person_of(doc, t, ruleset, known)
        verb = next((t for t in [span.root] + list(span.root.ancestors) if t.pos_ in ("VERB", "AUX")), None)
        who = subject_noun(doc, verb)
        if who is not None:
            return person_of(doc, who, ruleset, known)
    prev = _name_before(doc, span.start)
    return person_of(doc, prev, ruleset, known) if prev is not None else ""


def _noun_after(doc, i: int) -> Optional[Token]:
    for t in doc[i:i + 5]:
        if t.text in (",", "-") or t.pos_ in ("ADJ", "ADV", "CCONJ") or (not has_parse(doc) and t.is_lower and t.lower_ in ("and",)):
            continue
        if t.pos_ in ("NOUN", "PROPN") or (not has_parse(doc) and t.is_alpha and not t.is_stop):
            return t
        return None
    return None


def _apposed_role(doc, i: int) -> str:
    """"The suspect, a 61-year-old man": the noun before ", a"."""
    k = i - 1
    while k >= 0 and doc[k].lower_ in ROLE_STOP:
        k -= 1
    if k >= 1 and doc[k].text == "," and doc[k - 1].pos_ in ("NOUN", "PROPN"):
        t = doc[k - 1]
        return t.text if t.pos_ == "PROPN" else t.lemma_.lower()
    return ""


def _name_before(doc, i: int) -> Optional[Token]:
    for t in reversed(doc[max(0, i - 4):i]):
        if t.pos_ == "PROPN" or (t.text[:1].isupper() and not t.is_sent_start):
            return t
    return None
