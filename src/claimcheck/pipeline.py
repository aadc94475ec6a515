"""The library entry point: corpus folder in, Report out. cli.py is a thin wrapper over run().

load -> extract -> (normalize inside extract) -> align -> compare -> Report

Articles stream from the corpus one file at a time. Each is looked up in the claim cache first;
the ones not found go, in batches, to an engine (engine.py: this process, a pool of `jobs`
processes, or Dask) that loads the spaCy model only when a batch needs parsing. So a re-run of an
unchanged corpus never imports spaCy, and memory holds the articles' metadata and text (alignment
reads the text for its story vectors) and the claims, never a parsed Doc beyond one batch.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import sys
import time
from pathlib import Path
from contextlib import nullcontext
from typing import Callable, ContextManager, Iterator, Optional

from . import align as align_mod, compare as compare_mod, corpus, engine as engine_mod, nlp as nlp_mod, rules
from .cache import ClaimCache
from .compare import apply_canonical
from .errors import UsageError
from .models import Article, Claim, Report, Skipped

Progress = Callable[..., None]
ENGINES = ("local", "dask")


def _no_status(message: str) -> ContextManager:
    return nullcontext()


def run(corpus_path: str | Path, rules_dir: str | Path | None = "rules", model: Optional[str] = None,
        progress: Optional[Progress] = None, cache: bool = True, cache_dir: str | Path | None = None,
        nlp: Optional[nlp_mod.NLP] = None, status: Optional[Callable[[str], ContextManager]] = None,
        jobs: Optional[int] = None, engine: str = "local", scheduler: Optional[str] = None,
        timings: Optional[dict[str, float]] = None) -> Report:
    """Read a corpus, find and compare its claims. Raises ClaimcheckError for user mistakes.

    jobs: processes that parse (default: every core); with engine="dask", the workers of the local
    cluster started when no `scheduler` address is given. `nlp`: a pipeline already loaded (tests,
    benchmarks), used in this process. `status(message)`: a context around the model's load (a
    spinner in the terminal), entered only when a model is loaded. `timings`, when given, receives
    the seconds of each stage (read + extract, align, compare) for benchmarks/pipeline.py."""
    lap = _lap(timings)
    if engine not in ENGINES:
        raise UsageError(f"--engine takes {' or '.join(ENGINES)} (got {engine!r})")
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs takes a number of processes, 1 or more (got {jobs})")
    ruleset = rules.load_rules(rules_dir, check_patterns=False)   # patterns: checked below, if anything is parsed
    name = nlp.name if nlp else nlp_mod.model_name(model)          # no model is loaded for this
    used = engine_mod.Model(name, nlp.warning if nlp else nlp_mod.model_warning(name, model))
    store = ClaimCache(cache_dir, name, ruleset) if cache and cache_dir else None
    status = status or _no_status

    def check_examples(loaded: Optional[nlp_mod.NLP]) -> None:
        """A user rule whose examples fail stops the run, as in `rules check` (with the model that
        parses, when it is loaded in this process)."""
        if loaded is not None and loaded.rules_only:
            return
        problems = rules.example_errors(rules_dir, ruleset, loaded)
        if problems:
            raise problems[0]

    articles: list[Article] = []
    skipped: list[Skipped] = []
    claims: list[Claim] = []
    done = 0
    parsing = False              # becomes True when some article is not in the cache

    def misses() -> Iterator[Article]:
        """The articles of the corpus not in the cache, as they are read; the rest is recorded here."""
        nonlocal done, parsing
        for item in corpus.iter_corpus(corpus_path, ruleset):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            articles.append(item)
            hit = store.get(item) if store else None
            if hit is None:
                if not parsing:
                    rules.load_rules(rules_dir)   # spaCy checks the token patterns (raises RuleError)
                    if nlp is not None:
                        check_examples(nlp)
                    parsing = True
                yield item
            else:
                claims.extend(compact(hit))
                done += 1
                if progress:
                    progress(done, 0, "cached")

    def batches() -> Iterator[list[Article]]:
        """The batches of articles to parse. The stories are not found here while the engine parses
        its last batches, though they read only the articles: on 25x ECB+ (20,450 articles) that put
        story matching's memory (about 400 MB in this process) on top of the parse workers': the
        process tree went from 890 MB to 1,270 MB PSS within a minute; it saved under a second on
        ecbplus-dev."""
        yield from engine_mod.batched(misses())
    with contextlib.ExitStack() as stack:
        if engine == "dask":
            from . import engine_dask     # dask is imported only when asked for
            cluster = stack.enter_context(engine_dask.session(scheduler, jobs))   # connects on first use
            found = engine_dask.extract_on_dask(cluster, batches(), ruleset, used, model, status=status,
                                                loaded=check_examples)
        elif nlp is not None:
            found = engine_mod.extract_here(batches(), ruleset, used, model, nlp)
        else:
            found = engine_mod.extract_in_pool(batches(), ruleset, used, model, jobs or engine_mod.default_jobs(),
                                               status=status, loaded=check_examples)
        for art, got in found:
            claims.extend(compact(got))
            if store:
                if store.model != used.name:   # a broken model package made load fall back to another
                    store = ClaimCache(cache_dir, used.name, ruleset)
                store.put(art, got)
            done += 1
            if progress:
                progress(done, 0, art.path)
        if progress:
            progress(done, done, "")
        lap("read+extract")

        order = {a.id: i for i, a in enumerate(articles)}
        claims.sort(key=lambda c: (order.get(c.article, 0), c.start, c.end, c.kind, c.rule))
        # every article from the cache: the claims are last run's, and so is their alignment
        corpus_key = store.corpus_key(articles) if store else ""
        cached = store.get_alignment(corpus_key) if store and not parsing else None
        if cached is not None:
            stories, events, facts, claim_events = cached
            for c in claims:
                c.event = claim_events.get(c.id, "")
        else:
            if engine == "dask":
                alignment = engine_dask.align_on_dask(cluster, claims, articles, ruleset)
            else:
                alignment = align_mod.align_all(claims, articles, ruleset)
            stories, events, facts = alignment.stories, alignment.events, alignment.facts
            if store:
                store.put_alignment(corpus_key, stories, events, facts, claims)   # before compare sets statuses
        lap("align")
    by_id = {c.id: c for c in claims}
    discrepancies = compare_mod.compare(facts, by_id, ruleset, {a.id: a.published for a in articles})
    if ruleset.canonical:
        matcher = align_mod.Matcher(list(by_id.values()), ruleset)
        discrepancies += apply_canonical(facts, by_id, ruleset, matcher.compatible)
    compare_mod.apply_suppressions(discrepancies, facts, by_id, ruleset)
    discrepancies.sort(key=lambda d: ({"error": 0, "warning": 1}.get(d.severity, 2), d.fact, d.id))
    lap("compare")
    warnings = [used.warning] if used.warning else []
    warnings += [f"{a.path}: {w}" for a in articles for w in a.warnings]   # read, but not as written
    return Report(articles=articles, claims=claims, facts=facts, discrepancies=discrepancies, skipped=skipped,
                  stories=stories, events=events,
                  warnings=warnings, rules=list(ruleset.sources), model=used.name, corpus=str(corpus_path),
                  generated_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat())


# the short strings every claim repeats (ids, kinds, rules, predicates, units, names): one copy each
_SHARED_FIELDS = ("article", "kind", "rule", "predicate", "unit", "subject", "object", "trigger", "event")


def compact(claims: list[Claim]) -> list[Claim]:
    """The claims of one article, sharing what they repeat instead of each holding a copy (claims
    come from JSON in the cache or unpickled from a worker, every field its own object): the short
    strings are interned, and claims of one sentence share its quote and its word set, whose words
    are interned too. The run keeps every claim until the report is written, so this is most of
    its memory: on ECB+ (10,796 claims) 2.7 KB a claim before, 1.9 KB after (deep size)."""
    quotes: dict[str, str] = {}
    contexts: dict[frozenset, frozenset] = {}
    for c in claims:
        for name in _SHARED_FIELDS:
            value = getattr(c, name)
            if type(value) is str and value:
                setattr(c, name, sys.intern(value))
        c.quote = quotes.setdefault(c.quote, c.quote)
        ctx = contexts.get(c.context)
        if ctx is None:
            ctx = contexts[c.context] = frozenset(sys.intern(w) if type(w) is str else w for w in c.context)
        c.context = ctx
    return claims


def _lap(timings: Optional[dict[str, float]]) -> Callable[[str], None]:
    last = [time.perf_counter()]

    def lap(stage: str) -> None:
        now = time.perf_counter()
        if timings is not None:
            timings[stage] = now - last[0]
        last[0] = now
    return lap
