"""Count claims: a number that counts a noun, e.g. "58 nations signed", "Hansbrough scored 25 points",
"seven AK-47 assault rifles, three machine guns".

Vocabulary classifies, it never gates: a noun listed in `units:` gives its unit class ("nations" ->
country); any other noun the number modifies is counted under its own lemma ("13 loaded magazines"
-> magazine (loaded)). A predicate listed in `verb_classes:` gives its class ("nabbed" -> arrest);
any other governing verb gives its lemma ("included"), and a count in no clause (a list of seized
arms) takes the counted noun as its predicate. What is not a count is ruled out by its construction:
a year, a date or time the parser marks as such, a unit of measure or of time ("12 feet", "two
hours", "the 60-year-old": measures, durations and ages are other kinds), an ordinal, an address or
other proper name ("1200 Main Street"), a score line or a phone number ("won 98-76", "555-0199").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Span, Token

from ..entities import canonical_entity, content_tokens
from ..models import Claim, Quantity, RuleSet
from .sentences import Sentence, _char_span, _make
from .syntax import (compound_owner, entity_span, figure_owners, find_object, find_predicate, head_path, is_dateline,
                     is_entity, irrealis, object_phrase, owners_name, sentence_context, subject_of)
from .vocab import Vocab, _lemma_variants, _lookup, has_parse, lemma

# a number glued to another by a dash or a slash is a score line, a phone number or a code
# ("won 98-76", "555-0199", "24/7"), never a count; ranges ("20-30 people") are read whole upstream
JOINED_NUMBER = re.compile(r"^\s?[-\u2013/]\s?\d")
JOINED_BEFORE = re.compile(r"\d\s?[-\u2013/]\s?$")
# a number right after a short code in capitals names a model or a route ("AK 47", "F-16", "G 20")
MODEL_BEFORE = re.compile(r"\b[A-Z]{1,4}[-\u2013 ]$")
# named things a number modifies that are not counts: places, people, organisations, works
# how far a number may stand before the noun it counts ("23 heavily armed Somalian and Yemeni pirates")
MAX_NUMBER_TO_NOUN = 8
NAME_ENTITIES = {"PERSON", "ORG", "GPE", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"}


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
    text = s.text
    rel_start, rel_end = span.start_char, span.end_char
    if JOINED_NUMBER.match(text[rel_end:rel_end + 3]) or JOINED_BEFORE.search(text[max(0, rel_start - 3):rel_start]) \
            or MODEL_BEFORE.search(text[max(0, rel_start - 6):rel_start]):
        return None                  # a score line, a phone number, a code, a model ("AK 47 rifles", "F-16")
    if _age_or_duration(doc, span):
        return None                  # "the 60-year-old", "66 years old": an age, another kind
    unit, unit_span = _unit_after(doc, span, vocab)
    widened = False
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
    part_of = None
    if unit is None:
        if q.unit:            # money: "$13.9 billion" is a count of a currency
            unit, unit_span = q.unit, span
        elif has_parse(doc) and _counted_noun(doc, span, q) is not None:
            # a noun no `units:` list names is counted under its own lemma ("13 loaded magazines")
            noun = _counted_noun(doc, span, q)
            unit, unit_span = _lookup(noun, vocab.units) or lemma(noun), doc[noun.i:noun.i + 1]
            widened = unit == lemma(noun)
        elif has_parse(doc) and _partitive(doc, span) is not None:
            # "killed 230,000 people, over 170,000 of them in Aceh": a part of the count before it,
            # counted in that count's noun (align/facts.py makes "of them" a part, another fact)
            pron, antecedent = _partitive(doc, span)
            unit, unit_span = _lookup(antecedent, vocab.units) or lemma(antecedent), doc[span.end:pron.i + 1]
            part_of = antecedent
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
    if has_parse(doc) and head.head.lower_ == "of" and (head.head.head.like_num or head.head.head.pos_ == "NUM") \
            and head.head.head.i not in {t.i for t in span}:
        return None                  # "five of Creighton's eight points": the eight is not the claim
    # words between the number and its noun narrow what is counted: "42 government office
    # buildings" and "11 Yemeni suspects" count subsets, not all buildings or all suspects
    between = list(doc[span.end:unit_span.start])
    other = next((k for k, t in enumerate(between) if t.like_num), None)
    if other is not None:
        # "12 Somali and 11 Yemeni pirates": the 12 counts the Somali ones only
        between = [t for t in between[:other] if t.lower_ not in ("and", "or")]
    narrowing = sorted({t.lower_ for t in between
                        # "three other rifles" are not the seven rifles: "other" narrows too
                        if (t.is_alpha or _coded(t)) and (not t.is_stop or t.lower_ == "other")
                        and t.lower_ not in ("more", "additional")}
                       | {t.lower_ for t in modifiers})
    if narrowing:
        unit = f"{unit} ({' '.join(narrowing)})"
    after = doc[unit_span.end:unit_span.end + 2]
    words = [t.lower_ for t in after]
    if words and words[0] in vocab.distances:
        return None                  # "five buildings away" is a distance
    if words and words[0] in ("later", "earlier") and has_parse(doc) and head.dep_ == "npadvmod" \
            and head.head.lower_ == words[0]:
        return None                  # "fifteen games later, the Colts stand at 10-5": a span, not a count
    if words and words[0] in ("'s", "\u2019s", "'", "\u2019") and has_parse(doc) and any(
            c.dep_ == "case" for c in head.children):
        return None                  # "put on one officer's uniform": the count names whose, it counts nothing
    if words and (words[0] in vocab.rates or " ".join(words) in vocab.rates):
        unit = f"{unit} rate"        # "$23 million per season" is not the deal's total
    skip = {t.i for t in span} | {t.i for t in unit_span}
    own = _own_participle(head, vocab) if has_parse(doc) else None
    money_cls = money_tok = None
    result = _result_word(head, vocab) if has_parse(doc) and own is None else None
    # only a count of people (the class's `implied_unit:`) says who lives there: "a country of 17,000 islands" does not
    place = _settlement_of(head, span, vocab) if has_parse(doc) and own is None and result is None \
        and unit.split(" (")[0] in ("", vocab.implied_units.get(vocab.population)) else None
    if own is not None:
        # "250 others injured and more than 800 homes destroyed": the participle after the noun is its own verb
        pred, pred_tok, negated = _lookup(own, vocab.verbs), own, False
    elif result is not None:
        # "leaving 220,000 people dead", "left 30 people injured": the state the count ends in says what it counts
        pred, pred_tok, negated = _lookup(result, vocab.nouns), result, False
    elif place is not None:
        # "Manokwari, a city of 160,000 people", "home to 167,000 people": the people who live there
        pred, pred_tok, negated = vocab.population, place[0], False
    else:
        pred, pred_tok, negated = find_predicate(doc, head, vocab, skip=skip - {head.i}, look_through=vocab.reporting)
    if q.unit and own is None and has_parse(doc):
        # "$60 million in funding", "$2 billion in damage": the noun after "in" says what the money is,
        # more closely than the verb does ("backed with $60 million in funding" is no endorsement)
        money_cls, money_tok = _money_noun(doc, unit_span, vocab)
        if money_cls:
            pred, negated = money_cls, False   # the verb stays the trigger: it names who and about what
            pred_tok = money_tok if pred_tok is None else pred_tok
    if pred is None and implied:
        return None
    if pred is None and has_parse(doc) and head.dep_ == "pobj" and head.head.lower_ == "of" \
            and head.head.head.pos_ in ("NOUN", "PROPN") and head.head.head.i < span.start:
        return None                  # "a city of 140,000 people", "a family of five": describes the noun
    if pred is None:
        # no listed predicate: the verb the counted noun hangs on, else the noun itself
        pred_tok = _governing_verb(head) if has_parse(doc) else None
        pred = lemma(pred_tok) if pred_tok is not None else lemma(head)
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
    counted = f"{unit} (implied by '{pred}')" if implied else f"{unit_span.text!r} (unit class {unit}" \
        + (", its own lemma: no `units:` class lists it)" if widened else ")")
    if part_of is not None:
        counted = f"{unit_span.text!r}, a part of the {part_of.text!r} before it (unit class {unit})"
    source = f"from {pred_tok.text!r}" if pred_tok is not None else "(the counted noun: no verb governs it)"
    if q.unit and own is None and has_parse(doc) and money_cls:
        source = f"from {money_tok.text!r} after the amount"
    why = f"{q.text!r} counts {counted}; predicate '{pred}' {source}" \
        + (f"; about {obj!r}" if obj else "")
    agent = ""
    owner = next((c for c in head.children if c.dep_ == "poss" and is_entity(c)), None) if has_parse(doc) else None
    owned = unit.split(" (")[0] in vocab.owned_units
    whole = _partitive_whole_owner(text[:rel_start]) if owned else ""
    if owned and has_parse(doc):
        verb = pred_tok if pred_tok is not None and pred_tok.pos_ in ("VERB", "AUX") else _governing_verb(head)
        pred = pred + (_mood(verb, vocab) if verb is not None else "")
        if verb is not None and not pred.endswith(")") and _running_total(doc, head, verb, ruleset):
            pred += " (to date)"
    if owner is not None:            # "Creighton's 80 points"
        agent = canonical_entity(entity_span(owner).text, ruleset, s.known_names)
    elif whole:                      # "10 of the team's first 17 points": the 17 are the team's
        agent = whole
    elif owned and has_parse(doc) and _own_clause_owner(head, pred_tok) is not None:
        # "Quinn threw a pick six to Butler, who returned the interception 32 yards": Butler's yards
        agent = canonical_entity(entity_span(_own_clause_owner(head, pred_tok)).text, ruleset, s.known_names)
    elif place is not None:          # "Manokwari, a city of 160,000 people"
        agent = canonical_entity(entity_span(place[1]).text, ruleset, s.known_names)
    elif has_parse(doc) and pred_tok is not None and pred_tok.pos_ in ("VERB", "AUX"):
        # who did it, when that is not the counted thing: "Hansbrough scored 25 points"
        who = subject_of(pred_tok)
        if who is not None and who.i not in skip and is_entity(who) and who.i != head.i \
                and not is_dateline(entity_span(who)):
            agent = canonical_entity(entity_span(who).text, ruleset, s.known_names)
        elif who is not None and q.unit and compound_owner(who) is not None:
            # "EDS shares soared $5.27", "HP shares sagged $2.56": the price is the named company's
            agent = canonical_entity(entity_span(compound_owner(who)).text, ruleset, s.known_names)
    if not agent and has_parse(doc):
        # whose figure it is, from its construction ("the Yankees' $140-million bid", "offers by the
        # Angels and the Nationals", "the Orioles (seven years, $140-150 million)"): two owners'
        # figures of one noun are two facts
        owners = [o for o in figure_owners(_number_token(span)) if o.i not in skip
                  and not is_dateline(entity_span(o))]     # "NEW HAVERLY (AW) — Halvern agreed": no owner
        agent = owners_name(owners, ruleset, s.known_names)
    return _make(s, "count", start, end, "count.noun" if widened else "count.unit-noun", subject=agent, predicate=pred, object=obj,
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


def _coded(t) -> bool:
    """A model name among a count's modifiers ("AK-47" in "seven AK-47 rifles")."""
    return any(ch.isalpha() for ch in t.text) and any(ch.isdigit() for ch in t.text)


def _number_token(span: Span):
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return nums[-1] if nums else span.root


def _age_or_duration(doc: Doc, span: Span) -> bool:
    """"the 60-year-old suspect", "66 years old", "a 12-day strike": an age or a duration."""
    after = doc[span.end:span.end + 4]
    words = [t.lower_ for t in after if t.text not in ("-", "\u2013")]
    return len(words) >= 2 and words[1] in ("old", "olds") or bool(words) and words[0].startswith(("year-old", "years-old"))


def _counted_noun(doc: Doc, span: Span, q: Quantity):
    """The noun a number counts when no `units:` class lists it: the noun it modifies ("13 loaded
    magazines", "seven AK-47s") or the noun of its partitive ("23 of the raiders"). None when the
    construction is no count: a year, a number the parser reads as a date or time, a unit of measure
    or time, a proper name the number belongs to ("1200 Main Street")."""
    num = _number_token(span)
    if num.ent_type_ in ("DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
        return None
    if q.value is not None and float(q.value).is_integer() and 1800 <= q.value <= 2100 and not q.hedge \
            and "," not in q.text:
        return None                  # a year before a noun: "the 2008 election"
    if (q.low is not None and not float(q.low).is_integer()) or re.search(r"\d\.\d", q.text):
        # "a 6.1 earthquake", "4.2 million lusen": a number written as a fraction counts no noun that
        # `units:` does not list (it is a label, a measure, an amount of an unknown currency)
        return None
    noun = None
    while num.dep_ in ("compound", "nummod") and num.head.pos_ == "NUM" and num.head.i > num.i:
        num = num.head               # "seven AK-47 rifles": seven -> AK-47 -> rifles
    if num.dep_ == "nummod" and num.head.i > num.i and num.head.i - num.i <= MAX_NUMBER_TO_NOUN:
        noun = num.head
    else:
        of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and pobj.pos_ == "NOUN":
            noun = pobj              # "23 of the raiders"
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or not any(ch.isalpha() for ch in noun.text):
        return None
    if noun.pos_ == "PROPN" and (noun.ent_type_ in NAME_ENTITIES or noun.text[:1].isupper() and noun.text.isalpha()
                                 and noun.ent_type_ != "NORP"):
        return None                  # "1200 Main Street", "Apollo 11": a name, not a count
    if measure_unit(lemma(noun)) or measure_unit(noun.lower_):
        return None                  # "12 feet", "two hours": a measure or a duration (other kinds)
    return noun


def _own_participle(head: Token, vocab: Vocab) -> Optional[Token]:
    """A past participle of a listed class right after the counted noun and hanging on it ("800
    homes destroyed", "23 pirates captured on Saturday"), or None."""
    for c in head.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and 0 < c.i - head.i <= 2 and _lookup(c, vocab.verbs) \
                and not any(x.dep_ == "neg" for x in c.children):
            return c
    return None


PARTITIVE_PRONOUNS = ("them", "whom", "those", "these")   # "over 170,000 of them", "four of whom": grammar


def _partitive(doc: Doc, span: Span) -> Optional[tuple[Token, Token]]:
    """(the pronoun, the counted noun it stands for) when a number is a part of a count its sentence
    gave before it: "more than 230,000 people, over 170,000 of them in Aceh". None else, and when no
    earlier number counts a noun ("killing 12, four of whom were children" names no noun)."""
    num = _number_token(span)
    of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pron = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pron is None or pron.lower_ not in PARTITIVE_PRONOUNS:
        return None
    for t in reversed(doc[:span.start]):
        if t.pos_ == "NOUN" and any(c.dep_ == "nummod" and c.i < t.i for c in t.children):
            return pron, t
    return None


def _result_word(head: Token, vocab: Vocab) -> Optional[Token]:
    """The state a count ends in, when a listed class names it: an adjective after the counted noun
    ("leaving 220,000 people dead": amod) or the verb's predicative complement ("left at least 230,000
    people dead and missing": oprd). "dead" is a `kill` noun, "injured" an `injure` one. None else."""
    cands = [c for c in head.children if c.dep_ == "amod" and 0 < c.i - head.i <= 2]
    if head.dep_ == "dobj":
        cands += [c for c in head.head.children if c.dep_ in ("oprd", "acomp", "ccomp") and 0 < c.i - head.i <= 2]
    for c in cands:
        if c.pos_ in ("ADJ", "VERB") and _lookup(c, vocab.nouns) and not any(x.dep_ == "neg" for x in c.children):
            return c
    return None


def _settlement_of(head: Token, span: Span, vocab: Vocab) -> Optional[tuple[Token, Token]]:
    """(the place noun, the place it names) when a count says how many live in a named place:
    "Manokwari, a city of 160,000 people" (a `settlement_nouns:` noun + of, in apposition to the place
    or compounding with it), "Manokwari is home to 167,000 people". None when the construction is
    another, or names no place ("for a city of 140,000 people" describes a city, checks nothing)."""
    if not vocab.population or head.dep_ != "pobj" or head.head.head.i >= span.start:
        return None
    prep, noun = head.head, head.head.head
    place = None
    if prep.lower_ == "of" and noun.pos_ == "NOUN" and lemma(noun) in vocab.settlements:
        if noun.dep_ == "appos" and is_entity(noun.head):
            place = noun.head
        else:
            place = next((c for c in noun.children if c.dep_ == "compound" and is_entity(c)), None)
    elif prep.lower_ == "to" and lemma(noun) == "home":
        if noun.dep_ == "appos" and is_entity(noun.head):
            place = noun.head
        elif noun.dep_ == "attr" or noun.head.pos_ == "AUX":
            who = subject_of(noun.head)
            place = who if who is not None and is_entity(who) else None
    return (noun, place) if place is not None else None


def _money_noun(doc: Doc, unit_span: Span, vocab: Vocab) -> tuple[Optional[str], Optional[Token]]:
    """The class of the noun after "in" right after an amount ("$60 million in funding" -> give,
    "$2 billion in damage" -> destroy), or (None, None)."""
    i = unit_span.end
    if i + 1 >= len(doc) or doc[i].lower_ != "in":
        return None, None
    for t in doc[i + 1:i + 4]:
        if t.pos_ in ("NOUN", "PROPN"):
            cls = _lookup(t, vocab.nouns)
            return (cls, t) if cls else (None, None)
        if t.pos_ not in ("ADJ", "DET"):
            break
    return None, None


# The whole of a partitive whose owner a possessive names ("10 of the team's first 17 points", "five
# of Creighton's eight points"): the number after it counts that owner's figure, not the subject's.
PARTITIVE_WHOLE = re.compile(r"\d[\d,.]*\s+of\s+(?:the\s+|a\s+|an\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)['\u2019]s?"
                             r"\s+(?:(?:first|last|final|opening|closing|combined|total)\s+)?$", re.I)


def _partitive_whole_owner(before: str) -> str:
    """Who owns the whole of a partitive the figure closes ("10 of the team's first 17 points" ->
    "team"); "" when the text before the figure is no such partitive. Grammar, not vocabulary."""
    m = PARTITIVE_WHOLE.search(before)
    return m.group(1).strip() if m else ""


def _running_total(doc, head, verb, ruleset: RuleSet) -> bool:
    """Is a per-owner count a running total at the time of writing ("McDermott now has 2,129 points",
    "He has 53 catches", "the school's all-time scoring leader with 2,117 points"), not one game's
    figure? A present-tense "have", or a word of `running_total_markers:` ("now", "all-time",
    "career") on its verb or before the count in its clause."""
    markers = {w.lower() for w in ruleset.extra.get("running_total_markers") or []}
    if lemma(verb) == "have" and verb.tag_ in ("VBZ", "VBP"):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in markers for c in verb.children):
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "with":
        # "leader with 2,117 points": the words of the noun the "with" hangs on
        before = doc[max(head.head.i - 6, 0):head.head.i].text.lower()
        return any(re.search(r"(?<![\w-])" + re.escape(m) + r"(?![\w-])", before) for m in markers)
    return False


def _mood(pred_tok, vocab: Vocab) -> str:
    """" (planned)" for a count of a future clause ("will miss the final two games"), " (not done)"
    for a hypothetical or needed one ("would get 7 wins", "needed just nine points"), else "":
    a per-owner figure that did not happen yet is another fact than the one that did."""
    mood = irrealis(pred_tok, vocab)
    return f" ({mood})" if mood else ""


def _own_clause_owner(head, pred_tok):
    """The subject of the clause a per-owner count stands in, when that is not the clause of its
    predicate: a relative clause ("to Butler, who returned the interception 32 yards" -> Butler), or
    the conjoined clause its list continues ("Artino scored 14 points and Echenique had 11 points,
    11 rebounds": the rebounds are Echenique's). None when the count is in its predicate's clause."""
    own = next((t for t in head_path(head)[1:] if t.pos_ in ("VERB", "AUX")), None)
    if own is None:
        return None
    if pred_tok is not None and own.i != pred_tok.i and own.dep_ == "relcl":
        who = subject_of(own)
        return who if who is not None and is_entity(who) else None
    # a list after a conjoined clause, attached by the parser to the first verb
    conj = [c for c in own.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and own.i < c.i < head.i]
    if conj:
        last = max(conj, key=lambda c: c.i)
        subj = next((g for g in last.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and is_entity(subj) and any(g.dep_ == "dobj" and g.i < head.i for g in last.children):
            return subj
    return None


def _governing_verb(tok):
    for t in head_path(tok)[1:]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


@lru_cache(maxsize=4096)
def measure_unit(word: str) -> bool:
    """Is `word` a unit of measure or of time (pint knows it and it has a dimension)? Those numbers
    are measures, durations or ages, not counts. pint is loaded on first use."""
    if not word.isalpha() or len(word) < 2:
        return False
    try:
        dim = _units().parse_units(word).dimensionality
    except Exception:               # noqa: BLE001 - pint raises several kinds for a non-unit
        return False
    return bool(dim)


def _units():
    """pint's registry: the one units.py builds (building a second cost about a second per process)."""
    from ..units import registry
    return registry()
