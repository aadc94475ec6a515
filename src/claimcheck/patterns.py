"""User claim rules written as spaCy Matcher token patterns.

A pattern is a list of token dicts exactly as spaCy's Matcher takes them, plus one key of our own:
`CAPTURE: value | subject | object` on the token(s) that hold the claim's value, subject or object.
CAPTURE is removed before the pattern reaches spaCy; the match's token alignments tell which doc
tokens the captured pattern tokens matched.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from .models import Claim, Quantity, RuleSet

if TYPE_CHECKING:   # spaCy is imported where a pattern is compiled: a warm re-run never pays for it
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span

CAPTURE = "CAPTURE"
_SPACY_LOC = re.compile(r"\[pattern -> (\d+)(?: -> (\w+))?")


def split_pattern(pattern: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Optional[str]]]:
    """The pattern as spaCy takes it, and the CAPTURE role of each pattern token (or None)."""
    spacy_pattern, roles = [], []
    for tok in pattern:
        roles.append(tok.get(CAPTURE))
        spacy_pattern.append({k: v for k, v in tok.items() if k != CAPTURE})
    return spacy_pattern, roles


@lru_cache(maxsize=1)
def _blank_vocab():
    import spacy
    return spacy.blank("en").vocab


def pattern_error(pattern: list[dict[str, Any]]) -> Optional[tuple[str, Optional[int], Optional[str]]]:
    """None when spaCy accepts the pattern; else (spaCy's message, token index, key) for the line."""
    from spacy.matcher import Matcher
    spacy_pattern, _ = split_pattern(pattern)
    matcher = Matcher(_blank_vocab(), validate=True)
    try:
        matcher.add("pattern", [spacy_pattern])
    except Exception as e:  # spaCy raises MatchPatternError, ValueError or KeyError: report its words
        text = str(e)
        details = [ln[2:].strip() for ln in text.splitlines() if ln.startswith("- ")]
        message = "; ".join(details) if details else " ".join(text.split())
        m = _SPACY_LOC.search(text)
        token = int(m.group(1)) if m else None
        key = m.group(2) if m else None
        if token is not None and key is not None and key not in pattern[token]:
            # spaCy names keys upper-case; find the key as the user wrote it
            key = next((k for k in pattern[token] if str(k).upper() == key.upper()), None)
        return message, token, key
    return None


# ---------------------------------------------------------------- matching


def _pattern_rules(ruleset: RuleSet) -> list[dict]:
    return [r for r in ruleset.claims if r.get("engine", "pattern") == "pattern" and r.get("patterns")]


_matchers: dict[tuple, tuple[Matcher, dict[str, tuple[dict, list]]]] = {}


def _compiled(vocab, rules: list[dict]) -> tuple[Matcher, dict[str, tuple[dict, list]]]:
    """One Matcher for all pattern rules (cached per vocab and rule content).
    Each pattern gets its own key 'rule-id#n' so its CAPTURE roles are known after a match."""
    key = (id(vocab), json.dumps(rules, sort_keys=True, default=str))
    if key not in _matchers:
        from spacy.matcher import Matcher
        matcher = Matcher(vocab)
        table: dict[str, tuple[dict, list]] = {}
        for rule in rules:
            for n, pattern in enumerate(rule["patterns"]):
                spacy_pattern, roles = split_pattern(pattern)
                name = f"{rule['id']}#{n}"
                matcher.add(name, [spacy_pattern], greedy="LONGEST")
                table[name] = (rule, roles)
        if len(_matchers) > 16:
            _matchers.clear()
        _matchers[key] = (matcher, table)
    return _matchers[key]


_for_ruleset: dict[tuple, tuple] = {}


def _compiled_for(vocab, ruleset: RuleSet, only: Optional[str]):
    """_compiled for a ruleset's pattern rules (None when it has none), remembered per ruleset and
    vocab: _compiled's key (the rules as JSON) costs more than matching a sentence."""
    key = (id(vocab), id(ruleset), id(ruleset.claims), len(ruleset.claims), only)
    hit = _for_ruleset.get(key)
    if hit is None or hit[0] is not ruleset or hit[1] is not vocab:
        rules = _pattern_rules(ruleset)
        if only is not None:
            rules = [r for r in rules if r["id"] == only]
        if len(_for_ruleset) > 16:
            _for_ruleset.clear()
        hit = _for_ruleset[key] = (ruleset, vocab, _compiled(vocab, rules) if rules else None)
    return hit[2]


def _sentence(span: Span) -> Span:
    try:
        return span.sent
    except ValueError:   # no sentence boundaries set: the doc is the sentence
        return span.doc[:]


def _number(text: str, ruleset: RuleSet) -> Optional[float]:
    t = text.strip().replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    words = {k.lower(): v for k, v in (ruleset.number_words or {}).items()}
    return float(words[t.lower()]) if t.lower() in words else None


def parse_value(text: str, start: int, ruleset: RuleSet) -> Optional[Quantity]:
    """A Quantity for the captured value text, or None when it is not a number.
    Uses quantities.find_quantities when that module exists (hedges, number words); else a float parse."""
    try:
        from .quantities import find_quantities
    except ImportError:
        find_quantities = None
    if find_quantities is not None:
        found = [q for q in find_quantities(text) if not q.vague]   # "a few" is no value
        if found:
            q = found[0]
            q.start += start
            q.end += start
            return q
    v = _number(text, ruleset)
    if v is None:
        return None
    return Quantity(low=v, high=v, expected_low=v, expected_high=v, start=start, end=start + len(text),
                    text=text, value=v)


def _alias(text: str, ruleset: RuleSet) -> str:
    try:
        from .entities import resolve_alias
    except ImportError:
        return text
    return resolve_alias(re.sub(r"^(the|a|an)\s+", "", text, flags=re.I), ruleset)


def _context(sent: Span, skip: set[int]) -> frozenset[str]:
    words = set()
    for t in sent:
        if t.i in skip or t.is_punct or t.is_stop or t.like_num or not t.is_alpha:
            continue
        words.add((t.lemma_ or t.text).lower())
    return frozenset(words)


def _claim_id(article_id: str, kind: str, start: int, end: int, rule: str) -> str:
    try:
        from .extract import claim_id
    except ImportError:
        return f"{article_id}:{rule}:{start}-{end}"
    return claim_id(article_id, kind, start, end, rule)


def match_pattern_claims(doc: Doc, article_id: str, text: str, ruleset: RuleSet, offset: int = 0,
                         only: Optional[str] = None) -> list[Claim]:
    """Claims of every pattern rule in `doc`. `offset` is where doc's text starts in `text` (the
    article's text), so claim offsets point into the article. `only` limits to one rule id."""
    compiled = _compiled_for(doc.vocab, ruleset, only)
    if compiled is None:
        return []
    matcher, table = compiled
    matches = []
    for match_id, start, end, alignments in matcher(doc, with_alignments=True):
        rule, roles = table[doc.vocab.strings[match_id]]
        matches.append((rule, roles, start, end, alignments))
    # per rule, keep the longest of overlapping matches (a rule's patterns may overlap)
    matches.sort(key=lambda m: (m[0]["id"], -(m[3] - m[2]), m[2]))
    taken: dict[str, set[int]] = {}
    claims = []
    for rule, roles, start, end, alignments in matches:
        used = taken.setdefault(rule["id"], set())
        if used & set(range(start, end)):
            continue
        used.update(range(start, end))
        claims.append(_claim(doc, rule, roles, start, end, alignments, article_id, text, ruleset, offset))
    return sorted(claims, key=lambda c: (c.start, c.end, c.rule))


def _claim(doc: Doc, rule: dict, roles: list, start: int, end: int, alignments: list[int],
           article_id: str, text: str, ruleset: RuleSet, offset: int) -> Claim:
    captured: dict[str, list[int]] = {}
    for i, pattern_token in enumerate(alignments):
        role = roles[pattern_token]
        if role:
            captured.setdefault(role, []).append(start + i)

    def span_of(role: str) -> Optional[Span]:
        idx = captured.get(role)
        return doc[min(idx):max(idx) + 1] if idx else None

    span = doc[start:end]
    sent = _sentence(span)
    value = span_of("value")
    value_text = value.text if value is not None else ""
    quantity = parse_value(value_text, offset + value.start_char, ruleset) if value is not None else None
    if quantity is not None and rule.get("unit"):
        quantity.unit = quantity.unit or rule["unit"]
    subject, obj = span_of("subject"), span_of("object")
    c_start, c_end = offset + span.start_char, offset + span.end_char
    return Claim(
        id=_claim_id(article_id, rule["kind"], c_start, c_end, rule["id"]),
        article=article_id, kind=rule["kind"],
        text=text[c_start:c_end] if text else span.text,
        quote=sent.text, start=c_start, end=c_end,
        subject=_alias(subject.text, ruleset) if subject is not None else rule.get("subject", ""),
        predicate=rule.get("predicate", "") or rule["kind"],
        object=_alias(obj.text, ruleset) if obj is not None else rule.get("object", ""),
        rule=rule["id"], quantity=quantity, unit=rule.get("unit", ""),
        custom_value=value_text, sentence_start=offset + sent.start_char,
        why=f"rule {rule['id']} matched {span.text!r}; value {value_text!r}",
        context=_context(sent, set(range(start, end))),
    )


# ---------------------------------------------------------------- rule examples


@lru_cache(maxsize=1)
def _example_nlp():
    from . import nlp as nlp_mod
    return nlp_mod.load().parser


def example_claims(rule: dict, text: str, ruleset: RuleSet, nlp=None) -> Optional[list[Claim]]:
    """The claims `rule` makes from an example sentence; None when its engine is not available.
    `nlp` (an nlp.NLP) is the pipeline to use; by default the default model's."""
    if rule.get("engine") == "builtin":
        try:
            from .extract import claims_from_text
        except ImportError:
            return None
        return [c for c in claims_from_text(text, ruleset, nlp=nlp) if c.rule == rule["id"]]
    doc = (nlp.parser if nlp is not None else _example_nlp())(text)
    return match_pattern_claims(doc, "example", text, ruleset, only=rule["id"])


def _same(expected: str, got: Optional[str]) -> bool:
    if got is None:
        return False
    try:
        return float(expected.replace(",", "")) == float(got.replace(",", ""))
    except ValueError:
        return expected.strip().lower() == got.strip().lower()


def _value_texts(c: Claim) -> list[str]:
    out = [c.text]
    if c.custom_value:
        out.append(c.custom_value)
    if c.quantity is not None:
        out += [str(x) for x in (c.quantity.value, c.quantity.low) if x is not None]
        out.append(c.quantity.text)
    if c.date is not None and c.date.start:
        out.append(c.date.start.isoformat() if c.date.start == c.date.end
                   else f"{c.date.start.isoformat()}..{c.date.end.isoformat()}")
    return out


def example_mismatch(example: dict, claims: list[Claim]) -> str:
    """'' when some claim reads the example's expected value/subject/object; else what went wrong."""
    for c in claims:
        if example.get("value") is not None and not any(_same(example["value"], v) for v in _value_texts(c)):
            continue
        if example.get("subject") is not None and not _same(example["subject"], c.subject):
            continue
        if example.get("object") is not None and not _same(example["object"], c.object):
            continue
        return ""
    got = "; ".join(f"value {c.custom_value or c.text!r}, subject {c.subject!r}, object {c.object!r}"
                    for c in claims)
    want = ", ".join(f"{k} {example[k]!r}" for k in ("value", "subject", "object") if example.get(k) is not None)
    return f"should read {want} but read {got}"
