"""Measure claims and labelled numbers.

measure.unit:  a number with a unit ("a depth of 1.2 miles", "135 km (85 miles) west of the city",
               "fell 60 metres", "a 9mm pistol"), read by units.find_measures and converted to base
               units. What it measures (its predicate) is the property word beside it
               (`measure_properties:`: "a depth of", "10 km deep", "west of" = distance, "pistol" =
               calibre), else its verb ("fell" -> fall), else its dimension. What it is about (its
               object) is the noun it modifies, the noun of "of" after it, or its verb's subject.
measure.label: a number named by a label noun without a unit (`labels:`): "magnitude 4.6",
               "a 4.6-magnitude quake", "magnitude-4.6", "a magnitude of 4.6", "put the magnitude at
               4.4", "a quake measuring 4.6", "a 4.4 quake", "5.6 on the Richter scale". Its kind is the
               label's (`magnitude`), as rules/earthquake.yml writes it: a number a user pattern rule
               reads is not read again here, so the two never claim one number twice.
"""
from __future__ import annotations

import re
from typing import Optional

from ..models import Claim, Quantity, RuleSet
from ..units import convert, find_measures
from .anchors import compiled, event_word, next_noun, noun_phrase, of_object, overlaps, subject_noun, thing
from .sentences import Sentence, _char_span, _make
from ..entities import canonical_entity
from .syntax import entity_span, figure_owners, owners_name, sentence_context
from .vocab import Vocab, has_parse, lemma

DEFAULT_PROPERTY = {"length": "length", "area": "area", "volume": "volume", "speed": "speed", "mass": "weight",
                    "temperature": "temperature", "duration": "duration", "rate": "rate"}
NUM = r"(?<![\w.,])(\d+(?:\.\d+)?|\.\d+)(?!\d|,\d|\.\d)"


def measure_claims(s: Sentence, ruleset: RuleSet, vocab: Vocab, taken: list[tuple[int, int]],
                   enabled: set[str]) -> list[Claim]:
    """Measures and labelled numbers of one sentence. A duration inside a date ("12 weeks ago") is
    still a measure of how long ago: the gold of ECB+ reads it as one."""
    out: list[Claim] = []
    text = s.text
    if "measure.unit" in enabled:
        for m in find_measures(text, ruleset):
            if overlaps(m.start, m.end, taken):
                continue
            m = _span_not_hedge(text, m, ruleset)
            c = _measure_claim(s, m, ruleset, vocab)
            if c is not None:
                taken.append((m.start, m.end))
                out.append(c)
    if "measure.label" in enabled:
        out += _label_claims(s, ruleset, vocab, taken)
    return out


def _span_not_hedge(text: str, m, ruleset: RuleSet):
    """"$160 million over eight years", "the $161 million (over seven years)": right after a figure,
    "over" says what span the figure covers, not that the span is longer than written. The measure
    is then read without it (exactly seven years). Grammar: any number or scale word before it."""
    q = m.quantity
    if not (q.hedge or "").lower() == "over" or not text[m.start:m.start + 4].lower() == "over":
        return m
    scales = "|".join(re.escape(w) for w in sorted(ruleset.scales, key=len, reverse=True)) or "(?!)"
    if not re.search(r"(?:\d|\b(?:" + scales + r"))\s*[(,]?\s*$", text[max(0, m.start - 40):m.start], re.I):
        return m
    again = find_measures(text[:m.start] + ";   " + text[m.start + 4:], ruleset)
    return next((x for x in again if m.start < x.start <= m.start + 5 and x.end == m.end), m)


def _properties(ruleset: RuleSet) -> dict[str, str]:
    return compiled(ruleset, "measure_properties", lambda rs: {
        w.lower(): p for p, ws in (rs.extra.get("measure_properties") or {}).items() for w in ws})


def _measure_claim(s: Sentence, m, ruleset: RuleSet, vocab: Vocab) -> Optional[Claim]:
    doc = s.doc
    span = _char_span(doc, m.start, m.end)
    if span is None:
        return None
    prop, how, about, verb = _what_it_measures(doc, span, m, _properties(ruleset), vocab)
    if about is None:
        about = of_object(doc, span.end) or subject_noun(doc, verb)
        if about is not None and span.start <= about.i < span.end:
            about = None           # "3,000 litres a minute poured out": the unit is no subject
    obj = thing(about, ruleset, after=span.end)
    owner = _owner(doc, about, verb, ruleset, s, span)      # "Russell, a 20-year veteran": whose measure
    if how == "its dimension" and has_parse(doc):
        return None     # no property word, verb or modified noun says what is measured: not checkable
                        # (on all of ECB+ these were most false findings: "nine seconds" vs "100 days")
    value = m.as_dict()
    value.update({"property": prop, "base_low": m.base_low, "base_high": m.base_high})
    unit_text = m.text[m.unit_start - m.start:].strip()
    why = (f"{m.text!r} is a {m.dimension} in {m.unit} ({_fmt(m.base_low, m.base_high)} {m.base_unit}); "
           f"it measures {prop} (from {how})" + (f"; about {obj!r}" if obj else ""))
    skip = {t.i for t in span}
    return _make(s, "measure", m.start, m.end, "measure.unit", subject=owner, predicate=prop, object=obj, unit=m.dimension,
                 trigger=verb.text if verb is not None else unit_text, quantity=m.quantity, measure=value,
                 why=why, context=sentence_context(doc, skip))


def _what_it_measures(doc, span, m, props: dict[str, str], vocab: Vocab):
    """(property, how it was found, the token it is about, its verb), first rule that applies:
    a property word after it, "of <substance>" after it, the noun it modifies, a property noun before
    it, "<noun> of" before it, a property noun as its verb's subject, its verb, its dimension."""
    prop, about, how = "", None, ""
    # after the unit: "10 km deep", "135 km west of", "13 nautical miles away", "a 9mm pistol", "10-metre dhow";
    # a conversion in brackets is passed over: "85 miles (135 km) from Manokwari"
    k = span.end
    if k < len(doc) and doc[k].text == "(":
        close = next((j for j in range(k, min(len(doc), k + 10)) if doc[j].text == ")"), None)
        k = close + 1 if close is not None else k
    while k < len(doc) and doc[k].text == ")":
        k += 1
    for t in doc[k:k + 6]:
        word = t.lower_ if t.lower_ in props else lemma(t)
        if t.text == "-" or (t.i > k and t.pos_ == "ADJ" and word not in props):
            continue
        if t.i < k + 5 and (t.pos_ in ("CCONJ", "DET", "NUM") or t.like_num or any(ch.isdigit() for ch in t.text)
                            or t.lower_ in ("mm", "and", "or", "a")):
            continue               # "a 5.56mm and a 7.62mm rifles": the noun after the coordination
        if word in props:
            prop, how = props[word], f"{t.text!r} after it"
            if prop == "calibre":
                about = t          # the weapon
            elif prop == "distance":
                place = _reference(doc, t)
                if place:          # "135 km west of Manokwari", "13 nautical miles from the Mysore"
                    prop, how = f"distance from {place}", f"{t.text!r} {place!r} after it"
        break
    substance = of_object(doc, k) if not prop else None
    if substance is not None:          # "20 kilometres (12.5 miles) of spare cable": how much cable
        prop = f"{DEFAULT_PROPERTY.get(m.dimension, m.dimension)} of {noun_phrase(substance)}"
        how, about = f"'of {substance.text}' after it", substance
    modified = next_noun(doc, span.end, 3) if not prop else None
    if modified is not None and (not has_parse(doc) or any(x.head.i == modified.i and x.dep_ in ("compound", "amod", "nummod", "npadvmod")
                                                           for x in span)):
        # "a 10-metre dhow": the length of the dhow; "a 9mm pistol": its calibre
        prop = props.get(modified.lower_) or props.get(lemma(modified)) or \
            ("height" if m.form == "feet-inches" else f"{DEFAULT_PROPERTY.get(m.dimension, m.dimension)} of {lemma(modified)}")
        how = f"it modifies {modified.text!r}"
        about = modified
    # before the number: "a depth of 1.2 miles", "at a depth of about 10 km"
    if not prop:
        k = span.start - 1
        while k >= 0 and (doc[k].lower_ in ("about", "around", "some", "nearly", "almost", "approximately")
                          or doc[k].like_num):
            k -= 1
        if k >= 1 and doc[k].lower_ in ("of", "at", "to") and lemma(doc[k - 1]) in props:
            prop, how = props[lemma(doc[k - 1])], f"{doc[k - 1].text!r} before it"
        elif k >= 0 and lemma(doc[k]) in props and doc[k].pos_ in ("NOUN", ""):
            prop, how = props[lemma(doc[k])], f"{doc[k].text!r} before it"
    if not prop and has_parse(doc) and span.root.head.lower_ == "of" and span.root.head.head.pos_ == "NOUN" \
            and span.root.head.head.i < span.start:
        about = span.root.head.head     # "a wall of 12ft": the wall's size
        prop, how = props.get(lemma(about)) or DEFAULT_PROPERTY.get(m.dimension, m.dimension), f"'{about.text} of' before it"
    verb_cls, verb = event_word(doc, span, vocab)
    named = subject_noun(doc, verb)
    if not prop and named is not None and (named.lower_ in props or lemma(named) in props):
        prop = props.get(named.lower_) or props[lemma(named)]     # "temperatures fell to minus 4 degrees"
        how = f"its subject {named.text!r}"
    if not prop and m.form == "feet-inches":
        prop, how = "height", "its form (feet and inches)"
    if not prop and verb_cls:
        prop, how = verb_cls, f"its verb {verb.text!r}"
    if not prop:
        prop, how = DEFAULT_PROPERTY.get(m.dimension, m.dimension), "its dimension"
    return prop, how, about, verb


def _reference(doc, t) -> str:
    """The place a distance is measured from: "west of [Manokwari]", "north-northeast of [Healdsburg]",
    "from [the Mysore]", "off [Aden]"."""
    k = t.i
    if t.lower_ not in ("from", "off"):
        k += 1
        while k < len(doc) and k <= t.i + 3 and doc[k].lower_ not in ("of", "from", "off"):
            if not (doc[k].text == "-" or doc[k].is_alpha and doc[k].lower_ in ("north", "south", "east", "west",
                                                                             "northeast", "northwest", "southeast",
                                                                             "southwest", "away")):
                return ""
            k += 1
        if k >= len(doc) or doc[k].lower_ not in ("of", "from", "off"):
            return ""
    pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None) if has_parse(doc) else None
    if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
        name = pobj if pobj.pos_ == "PROPN" else next((x for x in pobj.subtree if x.pos_ == "PROPN"), None)
        return entity_span(name).text if name is not None else noun_phrase(pobj)   # "the main city of Manokwari"
    for x in doc[k + 1:k + 6]:
        if x.pos_ == "PROPN" or (not has_parse(doc) and x.text[:1].isupper()):
            return entity_span(x).text if has_parse(doc) else x.text
        if x.pos_ == "NOUN":
            return lemma(x)
    return ""


def _owner(doc, about, verb, ruleset: RuleSet, s: Sentence, span=None) -> str:
    """A named person or body a measure belongs to: the name in apposition to its noun ("Russell, a
    20-year veteran"), or the name its verb's subject is ("Tennant was a 28-year veteran")."""
    if not has_parse(doc):
        return ""
    cand = None
    if about is not None and about.dep_ == "appos" and about.head.pos_ == "PROPN":
        cand = about.head
    elif about is not None and about.dep_ in ("attr",) and verb is not None:
        cand = subject_noun(doc, about.head)
    elif verb is not None:
        cand = subject_noun(doc, verb)          # "Nichols was sentenced to 485 years"
    if cand is None or cand.pos_ != "PROPN":
        # whose measure its construction says ("Genovese ... while serving a 15-year sentence",
        # "the Orioles (seven years, $140 million)")
        return owners_name(figure_owners(span.root), ruleset, s.known_names) if span is not None else ""
    return canonical_entity(entity_span(cand).text, ruleset, s.known_names)


def _fmt(lo, hi) -> str:
    f = lambda x: "∞" if x is None else f"{x:.6g}"
    return f(lo) if lo == hi else f"{f(lo)}..{f(hi)}"


# ---------------------------------------------------------------- labelled numbers


def _label_regexes(items: tuple) -> list[tuple[str, dict, list[re.Pattern]]]:
    out = []
    for name, spec in items:
        spec = dict(spec)
        words = "|".join(re.escape(w) for w in sorted(spec.get("words") or [name], key=len, reverse=True))
        of = "|".join(re.escape(w) for w in sorted(spec.get("of") or [], key=len, reverse=True))
        L = rf"(?:{words})"
        pats = [
            rf"\b{L}\s*-?\s*(?:of\s+)?{NUM}(?:\s+(?:and|or)\s+{NUM})?",   # magnitude 4.6, magnitude-4.6, magnitude of 4.6
            rf"{NUM}(?:\s+(?:and|or)\s+{NUM})?\s*-?\s*{L}\b",             # 4.6-magnitude, 7.6 and 7.5 magnitude
            rf"\b{L}\b(?:\s+\w+){{0,3}}?\s+(?:at|to|was|is|of)\s+(?:a\s+)?{NUM}",   # put the magnitude at 4.4
            rf"{NUM}\s+on\s+the\s+{L}\b",                                 # 5.6 on the Richter scale
        ]
        if of:
            pats.append(rf"(?<![\w.,])(\d+\.\d+)\s*-?\s*(?:{of})\w*\b")         # a 4.4 quake, a 2.9 aftershock
            pats.append(rf"\b(?:{of})\w*,?\s+(?:measuring|registering|measured|registered|of)\s+"
                        rf"(?:a\s+)?(?:preliminary\s+)?(?:{L}\s+)?{NUM}(?:\s*(?:and|or)\s+{NUM})?")
        out.append((name, spec, [re.compile(p, re.I) for p in pats]))
    return out


def _label_tables(ruleset: RuleSet):
    labels = ruleset.extra.get("labels") or {}
    items = tuple((n, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in (spec or {}).items())))
                  for n, spec in labels.items())
    regexes = _label_regexes(items)
    words = {w.lower() for _, spec, _ in regexes for w in list(spec.get("words") or []) + list(spec.get("of") or [])}
    quick = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I) if words else None
    return regexes, quick


# "3.0 or above", "5 or more", "40 and under": a bound a number opens, not a value. Grammar.
OPEN_BOUND = re.compile(r"\s*(?:-?\s*magnitude\s+)?(?:or|and)\s+(?:above|more|greater|higher|larger|over|up|under|"
                        r"less|lower|below|smaller)\b", re.I)


def _label_claims(s: Sentence, ruleset: RuleSet, vocab: Vocab, taken: list[tuple[int, int]]) -> list[Claim]:
    regexes, quick = compiled(ruleset, "labels", _label_tables)
    text = s.text
    if quick is None or not quick.search(text):
        return []
    out = []
    for name, spec, rxs in regexes:
        kind = spec.get("kind") or "measure"
        of_words = [w.lower() for w in spec.get("of") or []]
        for rx in rxs:
            for m in rx.finditer(text):
                for g in range(1, (m.lastindex or 0) + 1):
                    if m.group(g) is None:
                        continue
                    a, b = m.span(g)
                    if overlaps(a, b, taken) or re.match(r"\s*(?:%|per\s*cent|percent)", text[b:], re.I):
                        continue
                    if OPEN_BOUND.match(text[m.end():]):
                        continue     # "the last earthquake measuring 3.0 or above": a threshold, no reading
                    c = _label_claim(s, name, spec, kind, m, a, b, of_words, ruleset, vocab)
                    if c is not None:
                        taken.append((a, b))
                        out.append(c)
    return out


def _label_claim(s: Sentence, name: str, spec: dict, kind: str, m: re.Match, a: int, b: int,
                 of_words: list[str], ruleset: RuleSet, vocab: Vocab) -> Optional[Claim]:
    doc, text = s.doc, s.text
    v = float(text[a:b])
    q = Quantity(low=v, high=v, expected_low=v, expected_high=v, start=s.offset + a, end=s.offset + b,
                 text=text[a:b], value=v)
    obj_word = next((w for w in re.findall(r"[a-z]+", text.lower()) if any(w.startswith(o) for o in of_words)), "")
    obj_tok = next((t for t in doc if t.lower_ == obj_word), None)
    obj = thing(obj_tok, ruleset, after=obj_tok.i) if obj_tok is not None else ""   # the word may sit inside a token
    value = None
    unit = spec.get("unit")
    if unit:        # ".45-caliber": inches; "50-caliber" is .50
        inches = v if v < 1 else v / 100
        q.low = q.high = q.expected_low = q.expected_high = q.value = inches
        base, base_unit, dim = convert(inches, unit)
        value = {"unit": unit, "dimension": dim, "base_unit": base_unit, "base_low": base, "base_high": base,
                 "base_expected_low": base, "base_expected_high": base, "rounding": 0.0, "property": name}
        q.unit = unit
    span = _char_span(doc, m.start(), m.end())
    skip = {t.i for t in span} if span is not None else set()
    two = sum(1 for g in range(1, (m.lastindex or 0) + 1) if m.group(g) is not None) > 1
    start, end = (a, b) if two else (m.start(), m.end())   # "7.6 and 7.5 magnitude": one claim per number
    why = f"{text[a:b]!r} is named by the label {name!r} in {m.group(0)!r}" + (f"; about {obj!r}" if obj else "")
    if kind == "percent":       # "his blood-alcohol level was 0.41": a share, of what the label names
        q.unit = "%"
        return _make(s, "percent", start, end, "measure.label", subject=name.replace("_", " "), predicate="share",
                     unit="%", quantity=q, custom_value=text[a:b], why=why, context=sentence_context(doc, skip))
    if kind == "measure":
        return _make(s, "measure", start, end, "measure.label", predicate=name, object=obj,
                     unit=value["dimension"] if value else name, quantity=q, measure=value, why=why,
                     custom_value=text[a:b], context=sentence_context(doc, skip))
    # a label of its own kind ("magnitude"): predicate and unit as rules/earthquake.yml writes them
    return _make(s, kind, start, end, "measure.label", predicate="measure", object=obj, unit=name,
                 quantity=q, custom_value=text[a:b], why=why, context=sentence_context(doc, skip))
