"""Canonical names for entities and objects.

"U.S." = "US" = "United States" comes from the `aliases:` rules; "Vice-Premier Zhang Guoqing" =
"Zhang Guoqing" by dropping `titles:`; "Zhang" = "Zhang Guoqing" once the article introduced him;
and across articles, names that rapidfuzz finds near-identical are one name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from .stopwords import STOP_WORDS

from .models import RuleSet

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.\-]*")


def _is_short_caps(variant: str) -> bool:
    """Short acronyms ("US", "UN", "AU") match case-sensitively so "us" the pronoun is not the United States."""
    letters = variant.replace(".", "")
    return len(letters) <= 4 and letters.isupper()


@lru_cache(maxsize=8)
def _alias_tables(rules_key: int, aliases: tuple) -> tuple[dict, dict]:
    exact, folded = {}, {}
    for canonical, variants in aliases:
        folded[canonical.lower()] = canonical
        for v in variants:
            if _is_short_caps(v):
                exact[v] = canonical
            else:
                folded[v.lower()] = canonical
    return exact, folded


def alias_tables(ruleset: RuleSet) -> tuple[dict, dict]:
    items = tuple((k, tuple(v or [])) for k, v in sorted(ruleset.aliases.items()))
    return _alias_tables(hash(items), items)


def resolve_alias(name: str, ruleset: RuleSet) -> str:
    """The canonical name for `name` if an alias rule names it, else `name` unchanged."""
    exact, folded = alias_tables(ruleset)
    n = name.strip()
    if n in exact:
        return exact[n]
    return folded.get(n.lower(), n)


def strip_titles(name: str, ruleset: RuleSet) -> str:
    """Drop a leading article, possessive owner and titles: "Chinese President Xi Jinping's" -> "Xi Jinping"."""
    titles = {t.lower() for t in ruleset.extra.get("titles", [])}
    n = re.sub(r"['\u2019]s$", "", name.strip()).strip()
    n = re.sub(r"^(the|a|an)\s+", "", n, flags=re.I)
    words = n.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for k in (3, 2, 1):
            head = " ".join(words[:k]).lower().replace("-", " ")
            if k < len(words) and (head in titles or head.replace(" ", "-") in titles):
                words = words[k:]
                changed = True
                break
        # a nationality or organisation before a title: "Chinese President", "U.S. Vice President"
        if not changed and len(words) > 2 and words[1].lower().replace("-", " ") in titles:
            words = words[1:]
            changed = True
    return " ".join(words)


def canonical_entity(name: str, ruleset: RuleSet, known: list[str] | None = None) -> str:
    """Canonical form of an entity name; `known` are longer names already seen in the same article."""
    bare = strip_titles(name, ruleset)
    aliased = resolve_alias(bare, ruleset)
    if aliased != bare:
        return aliased
    if known is not None and len(bare.split()) == 1:
        # extract's KnownNames reads only the sentences that hold the word (it runs the NER on them)
        with_word = getattr(known, "with_word", None)
        for k in with_word(bare) if with_word else known:  # "Zhang" after "Zhang Guoqing"
            parts = k.split()
            if k != bare and bare in (parts[0], parts[-1]):
                return k
    return bare


def same_entity(a: str, b: str) -> bool:
    """Two canonical names for one entity (after aliases): equal, or near-identical spellings."""
    if a == b:
        return True
    if not a or not b:
        return False
    if re.sub(r"[\W_]+", "", a.lower()) == re.sub(r"[\W_]+", "", b.lower()):
        return True          # "H-P" = "HP", "A.M.D." = "AMD": one name, its punctuation aside
    ta, tb = a.lower().split(), b.lower().split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if long_[-len(short):] == short and short[-1][:1].isalpha():
        return True          # "Duvara" = "Neighbouring Duvara", "Smith" = "John Smith"
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True          # "AMD" = "Advanced Micro Devices"
    return fuzz.token_sort_ratio(a.lower(), b.lower()) >= 92


def _acronym_of(short: str, full: str) -> bool:
    letters = re.sub(r"[.\-&]", "", short)      # "H-P" for "Hewlett-Packard"
    words = [w for w in re.findall(r"[A-Za-z]+", full) if w.lower() not in ("of", "the", "and", "for")]
    return 2 <= len(letters) <= 6 and letters.isupper() and len(words) == len(letters) \
        and "".join(w[0] for w in words).upper() == letters


def content_tokens(phrase: str, ruleset: RuleSet) -> frozenset[str]:
    """The words of a name that carry meaning, aliases expanded: "Global Initiative for AI Governance"
    -> {global, initiative, artificial, intelligence, governance}."""
    generic = set(ruleset.extra.get("generic_words", []))
    out = set()
    for w in WORD.findall(phrase):
        canon = resolve_alias(w, ruleset)
        for part in WORD.findall(canon):
            p = part.lower().strip(".'-")
            if not p or p in STOP_WORDS or p in generic:
                continue
            if len(p) > 3 and p.endswith("s") and not p.endswith("ss"):
                p = p[:-1]
            out.add(p)
    return frozenset(out)
