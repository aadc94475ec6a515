"""The library entry point: corpus folder in, Report out. cli.py is a thin wrapper over run().

load -> extract -> (normalize inside extract) -> align -> compare -> Report
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from contextlib import nullcontext
from typing import Callable, ContextManager, Optional

from . import align as align_mod, compare as compare_mod, corpus, extract, nlp as nlp_mod, rules
from .cache import ClaimCache
from .compare import apply_canonical
from .models import Claim, Report

Progress = Callable[..., None]


def _no_status(message: str) -> ContextManager:
    return nullcontext()


def run(corpus_path: str | Path, rules_dir: str | Path | None = "rules", model: Optional[str] = None,
        progress: Optional[Progress] = None, cache: bool = True, cache_dir: str | Path | None = None,
        nlp: Optional[nlp_mod.NLP] = None, status: Optional[Callable[[str], ContextManager]] = None) -> Report:
    """Read a corpus, find and compare its claims. Raises ClaimcheckError for user mistakes."""
    ruleset = rules.load_rules(rules_dir)
    articles, skipped = corpus.load_corpus(corpus_path, ruleset)
    if nlp is None:
        with (status or _no_status)("Loading the language model"):   # a spinner in the terminal
            nlp = nlp_mod.load(model)
    if not nlp.rules_only:      # a user rule whose examples fail stops the run, as in `rules check`
        problems = rules.example_errors(rules_dir, ruleset, nlp)
        if problems:
            raise problems[0]
    warnings = [nlp.warning] if nlp.warning else []
    warnings += [f"{a.path}: {w}" for a in articles for w in a.warnings]   # read, but not as written
    store = ClaimCache(cache_dir, nlp.name, ruleset) if cache and cache_dir else None

    claims: list[Claim] = []
    todo = []
    for art in articles:
        hit = store.get(art) if store else None
        if hit is None:
            todo.append(art)
        else:
            claims.extend(hit)
    done = len(articles) - len(todo)
    if progress:
        progress(done, len(articles), "cached")
    for art, found in extract.extract_articles(todo, nlp, ruleset):
        claims.extend(found)
        if store:
            store.put(art, found)
        done += 1
        if progress:
            progress(done, len(articles), art.path)

    order = {a.id: i for i, a in enumerate(articles)}
    claims.sort(key=lambda c: (order.get(c.article, 0), c.start, c.end, c.kind, c.rule))
    alignment = align_mod.align_all(claims, articles, ruleset)
    facts = alignment.facts
    by_id = {c.id: c for c in claims}
    discrepancies = compare_mod.compare(facts, by_id, ruleset, {a.id: a.published for a in articles})
    discrepancies += apply_canonical(facts, by_id, ruleset)
    compare_mod.apply_suppressions(discrepancies, facts, by_id, ruleset)
    discrepancies.sort(key=lambda d: ({"error": 0, "warning": 1}.get(d.severity, 2), d.fact, d.id))
    return Report(articles=articles, claims=claims, facts=facts, discrepancies=discrepancies, skipped=skipped,
                  stories=alignment.stories, events=alignment.events,
                  warnings=warnings, rules=list(ruleset.sources), model=nlp.name, corpus=str(corpus_path),
                  generated_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat())
