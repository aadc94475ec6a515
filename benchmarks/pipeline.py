"""Throughput of the claimcheck pipeline against bare spaCy parsing. A script, not a test:

    .venv/bin/python benchmarks/pipeline.py [CORPUS] [--model NAME] [--repeat N]

CORPUS defaults to ../shared/corpora/ecbplus-dev next to the repository (read in place, never copied).
The corpus and the spaCy model are loaded once; then it times

1. bare `nlp.parser.pipe(texts, batch_size=64)` over every article text (the reference),
2. `pipeline.run(corpus, rules_dir=None, nlp=nlp, cache=False)` end to end (load included),
3. a warm re-run with the claim cache (the second of two cached runs),
4. the stages (load, extract, align, compare) timed one by one on the first 25%, 50% and 100% of
   the articles, to show cost per article stays flat as the corpus grows,

and prints peak RSS after each phase (ru_maxrss only grows, so a jump shows which phase allocated;
bare parsing of whole articles runs last because its peak is the largest).
"ratio vs bare" = bare nlp.pipe seconds / claimcheck seconds: above 1 is faster than parsing every
sentence, which claimcheck can be because it parses only sentences that may hold a claim.
"""
from __future__ import annotations

import argparse
import gc
import resource
import tempfile
import time
from pathlib import Path

from claimcheck import align as align_mod, compare as compare_mod, corpus as corpus_mod, extract, nlp as nlp_mod, \
    pipeline, rules

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "ecbplus-dev"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # kilobytes on Linux


def best_of(repeat: int, fn) -> tuple[float, object]:
    """(fastest wall time of `repeat` calls, result of the last call)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def bare_parse(nlp: nlp_mod.NLP, texts: list[str]) -> int:
    n = 0
    for doc in nlp.parser.pipe(texts, batch_size=64):
        n += len(doc)
    return n


def run_stages(subset, nlp: nlp_mod.NLP, ruleset) -> tuple[dict[str, float], int, int]:
    """The stages of pipeline.run (no cache, no report) on the files of `subset`, each stage timed."""
    t: dict[str, float] = {}
    last = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        t[stage], last = now - last, now

    articles = []
    for path, art_id in dict.fromkeys((a.path, a.id.split("#")[0]) for a in subset):   # re-read their files
        articles += corpus_mod.load_file(Path(path), art_id, path)[0]
    lap("load")
    claims = [c for _, found in extract.extract_articles(articles, nlp, ruleset) for c in found]
    order = {a.id: i for i, a in enumerate(articles)}
    claims.sort(key=lambda c: (order.get(c.article, 0), c.start, c.end, c.kind, c.rule))
    lap("extract")
    facts = align_mod.align(claims, articles, ruleset)
    lap("align")
    by_id = {c.id: c for c in claims}
    found = compare_mod.compare(facts, by_id, ruleset) + compare_mod.apply_canonical(facts, by_id, ruleset)
    compare_mod.apply_suppressions(found, facts, by_id, ruleset)
    lap("compare")
    return t, len(claims), len(facts)


def row(label: str, n_art: int, words: int, secs: float, bare: float) -> str:
    return (f"{label:<28}{n_art:>8}{words:>10}{secs:>9.2f}{n_art / secs:>11.1f}{words / secs:>10.0f}"
            f"{bare / secs:>9.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--model", default=None, help="spaCy model package (default: as claimcheck chooses)")
    ap.add_argument("--repeat", type=int, default=1, help="best of N for the timed runs (default 1)")
    args = ap.parse_args()
    rss: list[tuple[str, float]] = [("start", peak_rss_mb())]

    t_load, (articles, skipped) = best_of(1, lambda: corpus_mod.load_corpus(args.corpus))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    nlp = nlp_mod.load(args.model)
    t_model = time.perf_counter() - t0
    ruleset = rules.load_rules(None)
    for _ in nlp.parser.pipe(texts[:16]):   # warm up the model so no timed run pays for first use
        pass
    rss.append(("corpus + model loaded", peak_rss_mb()))
    print(f"corpus  {args.corpus}: {len(articles)} articles, {words} words, {len(skipped)} skipped "
          f"(load {t_load:.2f}s)")
    print(f"model   {nlp.name} (load {t_model:.2f}s; parser pipes: {', '.join(nlp.parser.pipe_names)})")

    cold, report = best_of(args.repeat, lambda: pipeline.run(args.corpus, rules_dir=None, nlp=nlp, cache=False))
    rss.append(("pipeline.run (no cache)", peak_rss_mb()))
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        pipeline.run(args.corpus, rules_dir=None, nlp=nlp, cache=True, cache_dir=tmp)
        warm, _ = best_of(args.repeat, lambda: pipeline.run(args.corpus, rules_dir=None, nlp=nlp,
                                                             cache=True, cache_dir=tmp))
    rss.append(("pipeline.run (warm cache)", peak_rss_mb()))
    bare, tokens = best_of(args.repeat, lambda: bare_parse(nlp, texts))   # last: its peak hides the others'
    rss.append(("bare nlp.pipe", peak_rss_mb()))

    print(f"\nclaims {len(report.claims)}, facts {len(report.facts)}, discrepancies {len(report.discrepancies)}; "
          f"bare parse saw {tokens} tokens\n")
    print(f"{'run':<28}{'articles':>8}{'words':>10}{'seconds':>9}{'articles/s':>11}{'words/s':>10}{'vs bare':>9}")
    n = len(articles)
    print(row("bare nlp.parser.pipe", n, words, bare, bare))
    print(row("claimcheck (no cache)", n, words, cold, bare))
    print(row("claimcheck (warm cache)", n, words, warm, bare))

    print("\nscaling (pipeline stages on the first k articles' files, each stage timed)")
    print(f"{'share':<7}{'articles':>9}{'words':>8}{'claims':>8}{'facts':>7}{'load':>7}{'extract':>9}{'align':>8}"
          f"{'compare':>9}{'total':>8}{'ms/article':>11}{'ms/1k words':>12}")
    for share in (0.25, 0.5, 1.0):
        k = max(1, round(n * share))
        subset = articles[:k]
        n_words = sum(len(a.text.split()) for a in subset)
        gc.collect()
        times, n_claims, n_facts = run_stages(subset, nlp, ruleset)
        total = sum(times.values())
        print(f"{share:<7.0%}{k:>9}{n_words:>8}{n_claims:>8}{n_facts:>7}{times['load']:>7.2f}"
              f"{times['extract']:>9.2f}{times['align']:>8.2f}{times['compare']:>9.2f}{total:>8.2f}"
              f"{1000 * total / k:>11.1f}{1e6 * total / n_words:>12.1f}")
    rss.append(("scaling runs", peak_rss_mb()))

    print("\npeak RSS (MB) after each phase: " + ", ".join(f"{name} {mb:.0f}" for name, mb in rss))


if __name__ == "__main__":
    main()
