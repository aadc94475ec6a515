"""Find claims in articles: counts, dates, attendance and signing (plus the user's pattern rules).

How a sentence becomes claims:
1. Articles are split into sentences with a fast rule-based splitter; only sentences that can hold a
   claim (a digit, a number word, a month or weekday, a trigger verb) go to the statistical parser.
2. Numbers come from quantities.find_quantities, dates from dates.find_dates. A number is a count
   claim when it counts a unit noun (`units:`) and a predicate (`verb_classes:`) governs it.
3. A date is a claim when a predicate governs it ("was held on Feb. 10") or it names the year of an
   event ("the 2025 World AI Conference").
4. Attendance and signing claims are a named entity doing (or refusing) an attend/sign verb.
5. Name claims (how a person's name is spelled) come from a cheap scan of every sentence, parsed or
   not (extract/names.py).

Every claim records its rule id and a one-line `why`. In rules-only mode (no trained model) the
dependency path is replaced by the nearest trigger word in the sentence.

The package, in reading order: vocab (the RuleSet compiled into lookup tables), sentences (which
sentences are parsed; the Sentence a claim comes from), syntax (helpers on the dependency tree),
then one module per built-in kind: counts, when (dates), actors (attendance and signing).
This module runs them over articles.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile
from typing import TYPE_CHECKING, Iterable, Iterator

from .. import dates as dates_mod
from .. import patterns
from .. import quantities as quantities_mod
from ..models import Article, Claim, RuleSet
from ..nlp import NLP
from .actors import _entity_claims
from .ages import age_claims
from .counts import _count_claim
from .measures import measure_claims
from .names import name_claims
from .percents import percent_claims
from .places import place_claims
from .things import organisation_claims, post_claims
from .times import time_claims
from .sentences import (KnownNames, Sentence, _char_span, candidate_sentences, claim_id, name_sentence,
                        split_sentences)
from .syntax import head_path
from .vocab import Vocab, _lookup, has_parse, vocab_for
from .when import _date_claim

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc

__all__ = ["extract_articles", "claims_from_text", "default_nlp", "extract_sentence", "claim_id", "vocab_for"]


def extract_articles(articles: Iterable[Article], nlp: NLP, ruleset: RuleSet,
                     batch_size: int = 64) -> Iterator[tuple[Article, list[Claim]]]:
    """Yield (article, claims) for each article, in order. Candidate sentences of all articles
    stream through one nlp.pipe, so batches span articles and memory stays bounded by the batch."""
    vocab = vocab_for(ruleset)

    names: dict[str, list[Claim]] = {}
    every_of: dict[str, list[tuple[int, str]]] = {}    # the sentences of an article, for its place claims
    enabled = _builtin_ids(ruleset)

    def sentences():
        for art in articles:
            every = split_sentences(art, nlp)
            # names: a cheap scan of every sentence, no parse (a user rule `name.person` switches it off)
            names[art.id] = [c for c in name_claims(art, every, ruleset) if c.rule in enabled] \
                if "name.person" in enabled else []
            every_of[art.id] = every
            cands = candidate_sentences(art, nlp, vocab, every) or [(-1, "")]   # (-1, "") marks an empty article
            parsed = {offset for offset, _ in cands}
            before = iter(every)
            for k, (offset, text) in enumerate(cands):
                # the sentences before this one read for their full names only (name_sentence)
                names_only = [t for o, t in takewhile(lambda ot: ot[0] != offset, before)
                              if o not in parsed and name_sentence(t, vocab)] if offset >= 0 else []
                yield text, (art, offset, text, k == len(cands) - 1, names_only)

    claims: list[Claim] = []
    parser = None if nlp.rules_only else nlp.parser
    known = KnownNames(ruleset, parser)
    for doc, (art, offset, text, last, names_only) in nlp.parser.pipe(sentences(), as_tuples=True,
                                                                       batch_size=batch_size):
        if offset >= 0:
            for t in names_only:
                known.add_text(t)
            known.add_doc(doc)
            s = Sentence(art, offset, doc, known, text)
            claims.extend(extract_sentence(s, ruleset, vocab))
        if last:
            named = names.pop(art.id, [])
            every = every_of.pop(art.id, [])
            yield art, _dedupe(claims + named + _places(art, every, ruleset, named, claims, enabled))
            claims, known = [], KnownNames(ruleset, parser)


def _places(art: Article, every: list[tuple[int, str]], ruleset: RuleSet, named: list[Claim],
            claims: list[Claim], enabled: set[str]) -> list[Claim]:
    """The article's place claims (extract/places.py) and organisations' names (extract/things.py),
    those of the built-in rules in effect."""
    out = organisation_claims(art, every, ruleset) if "name.organisation" in enabled else []
    if "title.post" in enabled:
        out += post_claims(art, every, named, ruleset)
    if any(r.startswith("place.") for r in enabled):
        out += place_claims(art, every, ruleset, named, claims)
    return [c for c in out if c.rule in enabled]


def claims_from_text(text: str, ruleset: RuleSet, nlp: NLP | None = None, published=None) -> list[Claim]:
    """Claims of one piece of text (used by rule examples and tests)."""
    nlp = nlp or default_nlp()
    art = Article(id="example", path="example", text=text, published=published,
                  published_from="text" if published else "none")
    return next(extract_articles([art], nlp, ruleset))[1]


def warm_up() -> None:
    """Build extraction's lazy tables now (pint's unit registry, the list of given names): a process
    that forks workers after this shares them, instead of each worker building its own (together
    about 1.4 s of CPU per process)."""
    from .counts import _units
    from .names import _given_names
    _units()
    _given_names()


@lru_cache(maxsize=1)
def default_nlp() -> NLP:
    from .. import nlp as nlp_mod
    return nlp_mod.load()


def extract_sentence(s: Sentence, ruleset: RuleSet, vocab: Vocab) -> list[Claim]:
    doc, art = s.doc, s.article
    text = s.text
    claims: list[Claim] = []
    reference = art.published
    prefer = _tense(doc, vocab, text)
    try:
        spans = dates_mod.find_dates(text, reference=reference, prefer=prefer, year_hint=art.year_hint, ruleset=ruleset)
    except TypeError:  # older signature
        spans = dates_mod.find_dates(text, reference=reference, prefer=prefer)
    # the date the sentence gives its events: not the day something was said ("said on Wednesday")
    event_dates = [d for d in spans if not _dates_saying(doc, d, vocab)]
    when = next((d for d in event_dates if d.resolved and d.start), None) or next(iter(event_dates), None)
    # User pattern rules first: a number they read is not read again by a built-in kind.
    pattern_claims = patterns.match_pattern_claims(doc, art.id, art.text, ruleset, offset=s.offset)
    taken = [(c.start - s.offset, c.end - s.offset) for c in pattern_claims]
    for c in pattern_claims:
        c.when = when
        claims.append(c)
    # Clock times, ages, measures and labelled numbers take their numbers before counts and
    # dates see them ("1430 GMT" is no count, "60-year-old" no count, "300m" no 300 million).
    enabled = _builtin_ids(ruleset)
    kinds: list[Claim] = []
    if "time.clock" in enabled:
        kinds += time_claims(s, ruleset, vocab, taken, when)
    # a clock time is no date ("1430 GMT"); a part of the day keeps its date ("Thursday afternoon")
    times = [(c.start - s.offset, c.end - s.offset) for c in kinds if ":" in c.measure.get("clock", "")]
    if "age.person" in enabled:
        kinds += age_claims(s, ruleset, vocab, taken)
    kinds += measure_claims(s, ruleset, vocab, taken, enabled)
    for c in kinds:
        if c.kind != "time":
            c.when = when
    spans = [d for d in spans if not _overlaps(d.start_offset, d.end_offset, times)]
    # a vague word alone ("a few", "several") is a hedge, never a claim (Quantity.vague)
    quantities = [q for q in quantities_mod.find_quantities(text, ruleset)
                  if not q.vague and not any(d.start_offset < q.end and q.start < d.end_offset for d in spans)]
    if "percent.share" in enabled:
        kinds += percent_claims(s, quantities, ruleset, vocab, taken)
    own = taken[len(pattern_claims):]       # counts still see what a pattern rule read, as before
    quantities = [q for q in quantities if not _overlaps(q.start, q.end, own)]
    claims += kinds
    used: set[int] = set()
    for q in quantities:
        c = _count_claim(s, q, ruleset, vocab, used)
        if c:
            # the date of the count's own verb ("killed ... on Monday"); without a parse, the sentence's
            c.when = _clause_date(doc, event_dates, c, s.offset) if has_parse(doc) else when
            claims.append(c)
    for d in spans:
        c = _date_claim(s, d, ruleset, vocab, prefer)
        if c:
            claims.append(c)
    claims += _entity_claims(s, ruleset, vocab, used)
    return [c for c in claims if not _conditional(text, c.start - s.offset, vocab)]


def _conditional(text: str, start: int, vocab: Vocab) -> bool:
    """Is the figure at `start` inside a condition ("If we assume revenues will be around $50
    million, ..."; "if it's true they're offering $200 million")? A hypothetical is no claim of
    what happened: a conditional word (`conditional_markers:`) before it, with no clause break
    (, ; :) between them."""
    if not vocab.conditional:
        return False
    head = text[:start]
    hit = None
    for m in vocab.conditional.finditer(head):
        hit = m
    return hit is not None and not re.search(r"[,;:\u2014]|\s--\s", head[hit.end():])


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _builtin_ids(ruleset: RuleSet) -> set[str]:
    """Built-in rules in effect: a user rule with a built-in's id replaces (switches off) its code."""
    return {r.get("id") for r in ruleset.claims if r.get("engine") == "builtin"}


def _tense(doc: Doc, vocab: Vocab, text: str = "") -> str:
    """'future' when a word of `future_markers:` is a token of the sentence. A token's lower case is
    a piece of the sentence's, so a sentence whose lower case holds no marker has none (tested first)."""
    low = (text or doc.text).lower()
    if not any(w in low for w in vocab.future):
        return "past"
    for t in doc:
        if t.lower_ in vocab.future:
            return "future"
    return "past"


def _verb_above(tok):
    for t in head_path(tok):
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _clause_date(doc, spans, claim, offset):
    """The date in the sentence that dates the same verb as the claim ("the fire killed 12 on
    Monday"), not a date of another clause ("the shares closed on Friday")."""
    span = doc.char_span(claim.start - offset, claim.end - offset, alignment_mode="expand")
    if span is None:
        return None
    same = [t for t in doc if claim.trigger and t.text == claim.trigger]
    trigger = min(same, key=lambda t: abs(t.i - span.root.i)) if same else None
    verb = _verb_above(trigger) if trigger is not None else _verb_above(span.root)
    if verb is None:
        return None
    above_verb = {t.i for t in head_path(verb)[1:4]}
    for d in spans:
        ds = doc.char_span(d.start_offset, d.end_offset, alignment_mode="expand")
        if ds is None:
            continue
        if _verb_above(ds.root) is not None and _verb_above(ds.root).i == verb.i:
            return d
        if ds.root.i in above_verb:      # "since 2009, when an explosion killed 37": the clause hangs on the date
            return d
    return None


def _dates_saying(doc, d, vocab) -> bool:
    """Does this date in the sentence date a verb of saying ("the ministry said on Wednesday")?"""
    if not has_parse(doc):
        return False
    span = _char_span(doc, d.start_offset, d.end_offset)
    if span is None:
        return False
    for t in head_path(span.root)[1:]:
        if t.pos_ in ("VERB", "AUX"):
            return _lookup(t, vocab.verbs) in vocab.reporting
    return False


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.kind, c.rule)):
        if c.id in seen:
            continue
        seen.add(c.id)
        out.append(c)
    return out
