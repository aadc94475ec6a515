"""Group claims that state the same fact.

Two claims are one fact when they are the same kind of statement (kind, predicate class, unit class)
about the same thing (the document or event after aliases, the entity for attendance and signing),
in articles that cover the same story. Claims are first blocked by (kind, predicate, unit),
so no two claims outside one block are ever compared and cost stays near-linear in the corpus.
Inside a block a claim joins the group it is compatible with on every member (complete linkage:
a bridge claim cannot chain two different facts together).
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from typing import Optional

from .stopwords import STOP_WORDS

from .compare import value_key
from .entities import content_tokens, same_entity
from .extract.vocab import _lemma_variants, vocab_for
from .models import Article, Claim, Fact, RuleSet

NAMEWORD = re.compile(r"\b(?:[A-Z][\w'.-]*|\d[\d.,]*)")
CAPWORD = re.compile(r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)+)")
WORDS = re.compile(r"[A-Za-z][a-z]{2,}")
# Cosine two articles need to cover one story, by how much the claims share (named object or
# person / much alike sentences / nothing named). Measured on ECB+: articles on one event have a
# median names cosine of 0.43, two events of one kind 0.15, unrelated events under 0.06 (99%).
STORY_BY_NAMES = (0.08, 0.2, 0.35)
STORY_BY_WORDS = (0.03, 0.06, 0.08)
STORY_REASON = "articles about different stories"
PUBLISHED_GAP_DAYS = 45        # coverage of one event clusters in time; beyond this, only a named
                                # document or event links two articles' claims
DATE_CONTEXT_THRESHOLD = 0.2   # dates of an event no name settles need sentences this much alike
CONTEXT_THRESHOLD = 0.12        # weighted overlap of sentence words when no object settles it
PLURALS = {"person": "people", "country": "countries", "party": "parties", "police": "police officers"}


# ------------------------------------------------------------------ stories: which articles cover the same events


def _words(article: Article, skip: set[str]) -> tuple[Counter, Counter]:
    """An article's proper names and its content words, for story matching."""
    names, words = Counter(), Counter()
    text = article.title + "\n" + article.text
    for m in WORDS.finditer(text):
        w = m.group(0).lower()
        if w not in STOP_WORDS and w not in skip:
            words[w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w] += 1
    for m in CAPWORD.finditer(text):
        before = text[max(0, m.start() - 20):m.start()].rstrip() if m.start() else ""
        if not before or before[-1] in '.!?:"\u201c\u2018\'(-\u2014\n':
            continue      # a capital that only starts a sentence names nothing
        w = m.group(0).lower().replace(".", "")
        if w not in STOP_WORDS and w not in skip and len(w) > 1:
            names[w] += 1
    return names, words


def _tfidf(vecs: list[Counter], keep: int = 60, min_df: int = 1) -> list[dict[str, float]]:
    df = Counter()
    for v in vecs:
        df.update(v.keys())
    n = len(vecs)
    out = []
    for v in vecs:
        w = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in v.items() if df[t] >= min_df}
        top = dict(sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
        norm = math.sqrt(sum(x * x for x in top.values())) or 1.0
        out.append({t: x / norm for t, x in top.items()})
    return out


def article_vectors(articles: list[Article], ruleset: RuleSet) -> dict[str, tuple[dict, dict]]:
    """article id -> (tf-idf vector of its proper names, of its content words), unit length.
    Names tell events apart (two earthquakes share every word but their places); articles without
    names fall back on their words."""
    skip = {k.lower() for k in list(ruleset.months) + list(ruleset.weekdays)}
    pairs = [_words(a, skip) for a in articles]
    # a name in one article only (a byline, a quoted bystander) can say nothing about a shared story
    names = _tfidf([p[0] for p in pairs], min_df=2)
    words = _tfidf([p[1] for p in pairs])
    return {a.id: (nv, wv) for a, nv, wv in zip(articles, names, words)}


def cosine(va: dict[str, float], vb: dict[str, float]) -> float:
    if len(vb) < len(va):
        va, vb = vb, va
    return sum(x * vb.get(t, 0.0) for t, x in va.items())


# ------------------------------------------------------------------ claim compatibility


def object_class(obj: str, ruleset: RuleSet) -> Optional[str]:
    objects = vocab_for(ruleset).objects
    for w in re.findall(r"[A-Za-z]+", obj):
        for v in _lemma_variants(w):
            if v in objects:
                return objects[v]
    return None


class Aligner:
    def __init__(self, claims: list[Claim], ruleset: RuleSet, vectors: Optional[dict[str, dict[str, float]]] = None,
                 published: Optional[dict] = None, year_hint: Optional[dict] = None):
        self.ruleset = ruleset
        self.order: dict[str, int] = {}                     # article id -> its place in the corpus
        self.published = published or {}
        self.year_hint = year_hint or {}
        self.stated: dict[tuple, set] = defaultdict(set)   # (article, block) -> values it states
        for c in claims:
            self.stated[stated_key(c)].add(value_key(c))
        self.vectors = vectors or {}
        self._story: dict[tuple[str, str], float] = {}
        df = Counter()
        for c in claims:
            df.update(c.context)
        self.idf = {t: math.log(1 + len(claims) / k) for t, k in df.items()}
        self.head_words = {w for ws in ruleset.object_nouns.values() for w in (ws or [])} \
            | {k.lower().rstrip(".") for k in list(ruleset.months) + list(ruleset.weekdays)}
        self._obj: dict[str, tuple[Optional[str], frozenset]] = {}
        odf = Counter()
        for c in claims:
            odf.update(self.obj(c)[1])
        # words in many objects ("AI" in an AI corpus) say little about which document is meant
        self.obj_idf = {t: math.log(1 + len(claims) / k) for t, k in odf.items()}

    def obj(self, c: Claim) -> tuple[Optional[str], frozenset]:
        """(class of the object's head noun, the words of its proper name). Only capitalised words
        and numbers name a document or event ("Statement on Inclusive and Sustainable AI", "5.6");
        lower-case descriptions ("the quake on the outskirts of town") say nothing about which one."""
        if c.id not in self._obj:
            named = " ".join(NAMEWORD.findall(c.object)) if c.object else ""
            toks = content_tokens(named, self.ruleset) if named else frozenset()
            self._obj[c.id] = (object_class(c.object, self.ruleset) if c.object else None,
                               frozenset(t for t in toks if t not in self.head_words))
        return self._obj[c.id]

    def same_words(self, a: Claim, b: Claim) -> bool:
        """Do two unnamed objects say the same in other words ("the fire" / "the blaze", by aliases)?"""
        wa = content_tokens(a.object, self.ruleset) | {self._class_word(a)}
        wb = content_tokens(b.object, self.ruleset) | {self._class_word(b)}
        return bool(wa) and wa == wb

    def _class_word(self, c: Claim) -> str:
        return object_class(c.object, self.ruleset) or ""

    def context_similarity(self, a: Claim, b: Claim) -> float:
        inter = sum(self.idf.get(t, 0) for t in a.context & b.context)
        union = sum(self.idf.get(t, 0) for t in a.context | b.context) or 1.0
        return inter / union

    def actor_dated(self, c: Claim) -> bool:
        """Are dates of this predicate facts about a person ("died on Thursday", `actor_dates:`)?"""
        spec = self.ruleset.verb_classes.get(c.predicate.split(" (")[0]) or {}
        return bool(spec.get("actor_dates"))

    def background(self, c: Claim) -> Optional[bool]:
        """Is the claim about an earlier event than its article's news ("a quake in September killed
        seven", in an article of November)? Its sentence dates it well before publication.
        None when the article has no date (then nobody can tell)."""
        pub = self.published.get(c.article)
        w = c.date if c.kind == "date" else c.when
        if not pub:
            # an undated article still tells its year ("in 1984" in a story of 2008)
            year = self.year_hint.get(c.article)
            if not year:
                return None
            return bool(w is not None and w.resolved and w.end and w.end.year < year - 1)
        return bool(w is not None and w.resolved and w.end and (pub - w.end).days > PUBLISHED_GAP_DAYS)

    def far_apart(self, a: str, b: str) -> bool:
        """Were the two articles published so far apart that they report different events?"""
        da, db = self.published.get(a), self.published.get(b)
        return bool(da and db and abs((da - db).days) > PUBLISHED_GAP_DAYS)

    def story_similarity(self, a: str, b: str) -> tuple[float, bool]:
        """(cosine, by names?) of two articles: their proper names when both have some, else their words."""
        key = (a, b) if a < b else (b, a)
        if key not in self._story:
            (na, wa), (nb, wb) = self.vectors[a], self.vectors[b]
            self._story[key] = (cosine(na, nb), True) if na and nb else (cosine(wa, wb), False)
        return self._story[key]

    def same_story(self, a: str, b: str, level: int = 2) -> bool:
        """Do two articles cover the same story? Checked pair by pair (never by chains of loosely
        related articles). `level` 0..2: how much the claims themselves already share (0 = a named
        document, event or person; 2 = nothing named), so how much the articles must."""
        if a == b or a not in self.vectors or b not in self.vectors:
            return True
        sim, by_names = self.story_similarity(a, b)
        return sim >= (STORY_BY_NAMES if by_names else STORY_BY_WORDS)[level]

    def compatible(self, a: Claim, b: Claim) -> tuple[bool, float, str]:
        """(same fact?, strength, reason)."""
        ok, score, reason = self._compatible(a, b)
        if not ok:
            return ok, score, reason
        named_object = score >= 1.0
        named_entity = a.kind in ("attendance", "signing") and bool(a.subject) and bool(b.subject)
        # the more the claims themselves share, the less the articles need to: the same named
        # document, event or person, or sentences much alike, let two loosely similar articles meet
        if named_object or named_entity:
            level = 0
        elif self.context_similarity(a, b) >= 0.3:
            level = 1
        else:
            level = 2
        # a date claim carries its own time; anything else is news of its day
        if a.kind != "date" and not named_object and self.far_apart(a.article, b.article):
            return False, 0.0, "articles published far apart"
        if not self.same_story(a.article, b.article, level):
            return False, 0.0, STORY_REASON
        return ok, score, reason

    def _compatible(self, a: Claim, b: Claim) -> tuple[bool, float, str]:
        if (a.article == b.article or a.quote == b.quote) and value_key(a) != value_key(b):
            # an article is taken to agree with itself, and a sentence (or a wire sentence copied
            # into two articles) with two values states two facts
            return False, 0.0, "one article gives both values"
        va, vb = value_key(a), value_key(b)
        if va != vb and (va in self.stated.get(stated_key(b), ()) or vb in self.stated.get(stated_key(a), ())):
            # another article states both values as two facts ("the 6.1 quake ... since the 7.6 quake")
            return False, 0.0, "an article gives both values as two facts"
        if different_times(a.when, b.when):
            return False, 0.0, "their sentences date different events"
        ba, bb = self.background(a), self.background(b)
        if None not in (ba, bb) and ba != bb and (a.kind != "date" or not self.far_apart(a.article, b.article)):
            # news of the week against an event months before it, in articles of the same weeks
            return False, 0.0, "one is about an earlier event"
        if a.kind == "count" and a.unit.split()[0] in vocab_for(self.ruleset).owned_units and not (a.subject and b.subject):
            return False, 0.0, "counted per owner, and a sentence names none"
        actor_dated = a.kind == "date" and self.actor_dated(a) and a.subject and b.subject
        if a.kind == "date" and not (a.object and b.object) and not actor_dated:
            return False, 0.0, "a date of no named document or event"
        if a.subject and b.subject and not same_entity(a.subject, b.subject):
            return False, 0.0, "different entities"
        if actor_dated and not (a.object and b.object):
            return True, 1.0, f"the same person ({a.subject})"
        (ca, ta), (cb, tb) = self.obj(a), self.obj(b)
        ctx = self.context_similarity(a, b)
        if a.object and b.object:
            if ca and cb and ca != cb:
                return False, 0.0, f"different kinds of object ({ca} / {cb})"
            na, nb = {t for t in ta if t[0].isdigit()}, {t for t in tb if t[0].isdigit()}
            if na and nb and not na & nb:          # "the 5.6 quake" is not "the 5.2 quake"
                return False, 0.0, "different numbers in the names"
            ta, tb = ta - na, tb - nb
            if a.kind == "date" and not (ta and tb):
                # a date needs the same event: compare all the words of two unnamed events
                wa, wb = (content_tokens(x.object, self.ruleset) - self.head_words for x in (a, b))
                if wa and wb and len(wa & wb) < 0.5 * min(len(wa), len(wb)):
                    return False, 0.0, "different events"
            if ta and tb:
                w = lambda ts: sum(self.obj_idf.get(t, 1.0) for t in ts)
                overlap = w(ta & tb) / (min(w(ta), w(tb)) or 1.0)
                if overlap < 0.5:
                    return False, 0.0, "different names"
                return True, 1.0 + overlap + ctx, f"the same {ca or 'object'}"
            if a.kind == "date" and ctx < DATE_CONTEXT_THRESHOLD and not self.same_words(a, b):
                return False, 0.0, "an unnamed event in unlike sentences"
            return True, 0.6 + ctx, f"the same kind of {ca or 'object'}"
        if ctx >= CONTEXT_THRESHOLD or (a.subject and b.subject and a.kind in ("attendance", "signing")):
            return True, 0.3 + ctx, "similar sentences"
        return False, ctx, "too little in common"


def different_times(a, b) -> bool:
    """Do two sentences' dates say they are about different events? Resolved spans that do not
    overlap; or, where a date could not be resolved, dates of different granularity
    ("on Sunday" vs "in September")."""
    if a is None or b is None:
        return False
    if a.start and b.start:
        return a.end < b.start or b.end < a.start
    return a.granularity != b.granularity


def stated_key(c: Claim) -> tuple:
    """What an article states a value of: its block, and for attendance and signing, the entity."""
    key = (c.article,) + block_key(c)
    return key + (c.subject.lower(),) if c.kind in ("attendance", "signing") else key


def block_key(c: Claim) -> tuple:
    if c.kind in ("attendance", "signing"):
        return c.kind, c.predicate       # entities are matched inside the block (aliases, "Neighbouring Duvara")
    return c.kind, c.predicate, c.unit


def fact_label(claims: list[Claim], ruleset: RuleSet) -> str:
    first = claims[0]
    past = (ruleset.verb_classes.get(first.predicate) or {}).get("past", first.predicate)
    objs = [c.object for c in claims if c.object]
    named = [o for o in objs if len(NAMEWORD.findall(o)) >= 2]
    obj = max(named, key=len) if named else min(objs, key=len, default="")
    obj = re.sub(r"^(a|an|the)\s+", "", obj, flags=re.I)
    if first.kind == "count" and first.quantity is not None and first.quantity.unit and first.unit == first.quantity.unit:
        return f"how much ({first.unit}) was {past}" + (f" for {obj}" if obj else "") if first.predicate == "buy" \
            else f"the amount ({first.unit}) {past}" + (f": {obj}" if obj else "")
    if first.kind == "count":
        # the counted noun as written ("nations"); a bare number ("killed 12") shows its unit class
        unit_words = Counter(c.text.split()[-1].lower() for c in claims if c.text.split()[-1].isalpha()
                             and "implied by" not in c.why)
        unit = unit_words.most_common(1)[0][0] if unit_words else PLURALS.get(first.unit.split()[0], first.unit.split()[0] + "s")
        return f"how many {unit} {past}" + (f": {obj}" if obj else "")
    if first.kind == "date":
        who = next((c.subject for c in claims if c.subject), "")
        if obj and (not who or first.predicate in ("hold", "begin", "end")):
            return f"when the {obj} was {past}" if first.predicate in ("hold", "adopt", "release") else f"when the {obj} {past}"
        return f"when {who or 'it'} {past}" + (f" the {obj}" if obj else "")
    if first.kind in ("attendance", "signing"):
        return f"whether {first.subject} {past}" + (f" the {obj}" if obj else "")
    return f"{first.kind} of the {obj}" if obj else f"{first.kind} ({first.predicate})"


def fact_id(claims: list[Claim]) -> str:
    key = "|".join([claims[0].kind, claims[0].predicate, claims[0].unit] + sorted(c.id for c in claims))
    return "F" + hashlib.sha1(key.encode()).hexdigest()[:10]


def align(claims: list[Claim], articles: list[Article], ruleset: RuleSet) -> list[Fact]:
    """All claims grouped into facts (a fact of one claim is 'single')."""
    aligner = prepare(claims, articles, ruleset)
    facts = [f for block in blocks_of(claims, aligner) for f in align_block(aligner, block)]
    facts.sort(key=lambda f: (f.kind, f.label, f.id))
    return facts


# Alignment decomposes by block: `prepare` computes what every block reads (story vectors, word
# weights over all claims), then each block is grouped on its own. An engine may partition the claims
# by block_key, run blocks_of + align_block on each part anywhere, and sort the facts as align does.


def prepare(claims: list[Claim], articles: list[Article], ruleset: RuleSet) -> Aligner:
    """The corpus-wide statistics every block reads (the claims and articles of the whole run)."""
    aligner = Aligner(claims, ruleset, article_vectors(articles, ruleset), {a.id: a.published for a in articles},
                      {a.id: a.year_hint for a in articles})
    aligner.order = {a.id: i for i, a in enumerate(articles)}
    return aligner


def blocks_of(claims: list[Claim], aligner: Aligner) -> list[list[Claim]]:
    """The claims by block (block_key), blocks in a fixed order, each block's claims in article order."""
    order = aligner.order
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (order.get(c.article, 0), c.start)):
        blocks[block_key(c)].append(c)
    return [blocks[key] for key in sorted(blocks, key=str)]


def align_block(aligner: Aligner, block: list[Claim]) -> list[Fact]:
    """The facts of one block: each claim joins the group every member of which it is compatible with."""
    groups: list[list[Claim]] = []
    reasons: list[set[str]] = []
    for c in block:
        best, best_score, best_reasons = None, 0.0, set()
        for gi, g in enumerate(groups):
            total, why = 0.0, set()
            for m in g:
                ok, score, reason = aligner.compatible(c, m)
                if not ok:
                    break                     # every member must agree: no chains across facts
                total += score
                why.add(reason)
            else:
                # the fact most articles state wins (total strength, not the average)
                if total > best_score:
                    best, best_score, best_reasons = gi, total, why
        if best is None:
            groups.append([c])
            reasons.append(set())
        else:
            groups[best].append(c)
            reasons[best] |= best_reasons
    return [_fact(g, why, aligner.ruleset) for g, why in zip(groups, reasons)]


def _fact(group: list[Claim], reasons: set[str], ruleset: RuleSet) -> Fact:
    first = group[0]
    parts = [f"same kind ({first.kind})", f"same predicate class ({first.predicate}: "
             + ", ".join(sorted({repr(c.trigger) for c in group if c.trigger} or {c.rule for c in group}))[:80] + ")"]
    if first.kind == "count":
        parts.append(f"same unit class ({first.unit}: " + ", ".join(sorted({c.text.split()[-1] for c in group})) + ")")
    if first.kind in ("attendance", "signing"):
        parts.append(f"same entity ({first.subject})")
    objs = sorted({c.object for c in group if c.object})
    if objs:
        parts.append("about " + " ~ ".join(repr(o) for o in objs[:4]))
    if reasons:
        parts.append("; ".join(sorted(reasons)))
    if len({c.article for c in group}) > 1:
        parts.append("the articles cover one story")
    status = "single" if len(group) == 1 else "consistent"
    return Fact(id=fact_id(group), label=fact_label(group, ruleset), kind=first.kind,
                claims=[c.id for c in group], status=status, why="; ".join(parts))
