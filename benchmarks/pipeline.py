"""Throughput, warm re-runs, scaling and memory of claimcheck against bare spaCy. A script, not a test:

    python benchmarks/pipeline.py [CORPUS] [--sizes 1,2,5] [--memory-articles 20000] [--dask] [--timeline FILE]

CORPUS defaults to ../shared/corpora/ecbplus-dev next to the repository (read in place, never copied).
Every claimcheck run is a command (`python -m claimcheck.cli run ...` in a subprocess, default --jobs:
every core), so imports and model loading count, as they do for a user. It measures, in one run:

1. bare `nlp.pipe(texts, batch_size=64)` over every article text, on one process, the model already
   loaded and warmed up: the reference, as a user would call spaCy;
2. a cold claimcheck run (--no-cache); "vs bare" = bare seconds / claimcheck seconds;
3. a warm re-run (the cache filled by the cold run): its wall time as a share of the cold run's;
4. alignment and comparison on the first 25%, 50% and 100% of the articles (their claims read from
   the cache the cold run filled, so only these stages cost anything);
5. with --sizes: generated corpora of k copies of CORPUS (one JSONL file each, numbers and names
   altered per copy so that no copy repeats another), seconds per 1,000 words and alignment time;
6. with --memory-articles N: a generated corpus of N articles, peak memory of the run;
7. with --dask: the Dask engine on a LocalCluster of 1 and 2 workers, speed-up over 1 worker.

Peak memory is the largest sum of PSS over the run's process tree (the run and its workers), sampled
every 0.2 s with psutil (RSS would count the model's pages, shared by the forked workers, once per
process); the RSS sum is printed beside it, and for the generated corpora the peak of each stage
(extract, align, compare, report) for the tree and for the run's own process. The machine may be shared: absolute seconds are noisy, ratios taken within
one run less so; repeat the script and report both runs.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "ecbplus-dev"
TIMELINE: str | None = None     # --timeline FILE: every memory sample of every run, appended
ENV = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}

# the child: one pipeline.run as the CLI calls it, then its stage timings as JSON on stdout
CHILD = """
import json, sys, time
t0 = time.perf_counter()
from claimcheck import pipeline
from claimcheck.report import write_reports
args = json.loads(sys.argv[1])
NEXT = {"read+extract": "align", "align": "compare", "compare": "report"}

class Stages(dict):
    # the stage timings; each lap also tells the watching parent which stage runs now (a file)
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if key in NEXT and args.get("stage_file"):
            with open(args["stage_file"], "w") as f:
                f.write(NEXT[key])

t = Stages()
rep = pipeline.run(args["corpus"], rules_dir=args["rules"], cache=args["cache"],
                   cache_dir=args.get("cache_dir") or args["out"] + "/.cache",
                   jobs=args.get("jobs"), engine=args.get("engine", "local"), timings=t)
write_reports(rep, __import__("pathlib").Path(args["out"]), ["json"], quiet=True)
t["claims"], t["facts"], t["discrepancies"] = len(rep.claims), len(rep.facts), len(rep.discrepancies)
print(json.dumps(t))
"""


def command(args: dict, cli: bool = False) -> tuple[float, float, dict]:
    """(wall seconds, peak MB (PSS) of the process tree, stage timings) of one run in a fresh process;
    the timings also hold "cpu": CPU seconds of the run and every process it started and waited for,
    "rss": the peak RSS sum, and "memory": stage -> (peak PSS of the tree, of the run's own process)
    in MB, for the stages extract, align, compare and report.
    cli=True runs the real command line (claimcheck run ...), whose stages are not reported."""
    if cli:
        cmd = [sys.executable, "-m", "claimcheck.cli", "run", args["corpus"], "--rules", str(REPO / "rules"),
               "--out", args["out"], "--quiet", "--fail-on", "never", "--format", "json,html"]
        cmd += [] if args["cache"] else ["--no-cache"]
    else:
        stage_file = tempfile.NamedTemporaryFile(prefix="claimcheck-stage-", delete=False).name
        args = {**args, "stage_file": stage_file}
        cmd = [sys.executable, "-c", CHILD, json.dumps({"rules": str(REPO / "rules"), **args})]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    by_stage: dict = {}
    try:
        peak, peak_rss = _watch(proc, None if cli else stage_file, by_stage, TIMELINE)
    finally:
        if not cli:
            os.unlink(stage_file)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}): {' '.join(cmd[:4])}\n{err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stages = json.loads(out.strip().splitlines()[-1]) if not cli else {}
    stages["cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    stages["rss"] = peak_rss
    stages["memory"] = by_stage
    return wall, peak, stages


def _watch(proc: subprocess.Popen, stage_file: str | None = None, by_stage: dict | None = None,
           timeline: str | None = None) -> tuple[float, float]:
    """(peak PSS, peak RSS) in MB of the process tree, each summed over the run and its workers.
    PSS counts a page shared by n processes as 1/n in each: the pool's workers are forked from a
    parent that has loaded the model, so their RSS counts the model's pages once per process while
    the machine holds them once. PSS is the figure reported; RSS is kept for comparison.
    With a stage file (the child writes the stage it is in), `by_stage` receives stage -> (peak PSS
    of the tree, peak PSS of the run's own process); with `timeline`, every sample is appended to
    that file (seconds, stage, PSS of the run's process, of the tree, RSS of the tree), so a run
    stopped half-way still tells where its memory went."""
    try:
        import psutil
    except ImportError:                       # then only the run's own peak, when it ends
        proc.wait()
        mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return mb, mb
    peak_pss = peak_rss = 0.0
    root = psutil.Process(proc.pid)
    t0 = time.perf_counter()
    log = open(timeline, "a") if timeline else None
    while proc.poll() is None:
        try:
            tree = [root] + root.children(recursive=True)
            pss = rss = own = 0
            for p in tree:
                info = p.memory_full_info()
                pss += getattr(info, "pss", info.rss)
                rss += info.rss
                if p is root:
                    own = getattr(info, "pss", info.rss)
            peak_pss, peak_rss = max(peak_pss, pss / 2**20), max(peak_rss, rss / 2**20)
            stage = _stage(stage_file)
            if by_stage is not None and stage_file:
                tree_mb, own_mb = by_stage.get(stage, (0.0, 0.0))
                by_stage[stage] = (max(tree_mb, pss / 2**20), max(own_mb, own / 2**20))
            if log:
                log.write(f"{time.perf_counter() - t0:.1f}\t{stage}\t{own / 2**20:.0f}\t{pss / 2**20:.0f}\t{rss / 2**20:.0f}\n")
                log.flush()
        except psutil.Error:
            pass
        time.sleep(0.2)
    if log:
        log.close()
    return peak_pss, peak_rss


def _stage(stage_file: str | None) -> str:
    """The stage the child wrote last (extraction until it writes one)."""
    if not stage_file:
        return ""
    try:
        with open(stage_file) as f:
            return f.read().strip() or "extract"
    except OSError:
        return "extract"


def _by_stage(memory: dict) -> str:
    """Peak PSS by stage, of the tree and of the run's own process (the workers are the difference)."""
    return "peak PSS MB by stage (tree / run's own process): " + ", ".join(
        f"{stage} {tree:.0f} / {own:.0f}" for stage, (tree, own) in memory.items())


def bare_parse(texts: list[str], model: str | None) -> tuple[float, float, int]:
    from claimcheck import nlp as nlp_mod
    nlp = nlp_mod.load(model)
    for _ in nlp.parser.pipe(texts[:16]):     # warm up: no timed run pays for first use
        pass
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(doc) for doc in nlp.parser.pipe(texts, batch_size=64))
    return time.perf_counter() - t0, time.process_time() - c0, n


NUMBER = re.compile(r"\d+")
NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{3,})\b")


def altered(text: str, k: int) -> str:
    """Copy k of a text: every number raised by k, every capitalised word inside a sentence given a
    suffix, so copies state other values about other names (nothing is a duplicate of the original)."""
    if k == 0:
        return text
    suffix = "".join(chr(ord("a") + int(d)) for d in str(k))
    text = NUMBER.sub(lambda m: str(int(m.group(0)) + k) if len(m.group(0)) < 9 else m.group(0), text)
    return NAME.sub(lambda m: m.group(1) + suffix, text)


def generate(articles, copies: int | None, n_articles: int | None, folder: Path) -> tuple[Path, int, int]:
    """A JSONL corpus of `copies` altered copies of the articles (or the first `n_articles` of
    endless copies). Returns (path, articles, words)."""
    path = folder / "corpus.jsonl"
    n = words = 0
    with path.open("w", encoding="utf-8") as f:
        k = 0
        while (copies is not None and k < copies) or (n_articles is not None and n < n_articles):
            for a in articles:
                if n_articles is not None and n >= n_articles:
                    break
                text = altered(a.text, k)
                rec = {"title": altered(a.title, k), "text": text, "outlet": a.outlet,
                       "date": a.published.isoformat() if a.published else None}
                f.write(json.dumps(rec) + "\n")
                n += 1
                words += len(text.split())
            k += 1
    folder.joinpath("out").mkdir(exist_ok=True)
    return path, n, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--model", default=None, help="spaCy model package for the bare baseline (default: claimcheck's)")
    ap.add_argument("--sizes", default="", help="comma-separated copies of CORPUS to time, e.g. 1,2,5,25")
    ap.add_argument("--memory-articles", type=int, default=0, help="articles of a generated corpus for peak memory")
    ap.add_argument("--dask", action="store_true", help="also time --engine dask with 1 and 2 workers")
    ap.add_argument("--no-stages", action="store_true", help="skip the 25/50/100%% stage timings")
    ap.add_argument("--only-generated", action="store_true",
                    help="skip the baseline, cold/warm and stage runs: only --sizes, --memory-articles, --dask")
    ap.add_argument("--timeline", default=None,
                    help="append every memory sample (seconds, stage, PSS of the run, of the tree, RSS) to this file")
    args = ap.parse_args()
    global TIMELINE
    TIMELINE = args.timeline
    sys.path.insert(0, str(REPO / "src"))
    from claimcheck import corpus as corpus_mod
    from claimcheck.engine import default_jobs

    articles, skipped = corpus_mod.load_corpus(args.corpus)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus  {args.corpus}: {len(articles)} articles, {words} words, {len(skipped)} skipped; "
          f"default --jobs {default_jobs()}")

    keep = tempfile.TemporaryDirectory(prefix="claimcheck-bench-")
    bare = None
    if not args.only_generated:
        bare, bare_cpu, tokens = bare_parse(texts, args.model)
        tmp = keep.name
        cold, cold_mb, cold_t = command({"corpus": args.corpus, "out": tmp + "/cli", "cache": True}, cli=True)
        warm, warm_mb, warm_t = command({"corpus": args.corpus, "out": tmp + "/cli", "cache": True}, cli=True)
        claim_cache = Path(tmp) / "cli" / ".cache"
        print(f"bare nlp.pipe saw {tokens} tokens\n")
        print(f"{'run (a command, default --jobs)':<34}{'seconds':>9}{'words/s':>10}{'vs bare':>9}{'CPU s':>8}"
              f"{'CPU vs bare':>12}{'PSS MB':>9}{'RSS MB':>9}")
        print(f"{'bare nlp.pipe (1 process)':<34}{bare:>9.2f}{words / bare:>10.0f}{1:>9.2f}{bare_cpu:>8.1f}{1:>12.2f}")
        for label, secs, t, mb in (("claimcheck run, cold", cold, cold_t, cold_mb),
                                   ("claimcheck run, warm (re-run)", warm, warm_t, warm_mb)):
            print(f"{label:<34}{secs:>9.2f}{words / secs:>10.0f}{bare / secs:>9.2f}{t['cpu']:>8.1f}"
                  f"{bare_cpu / t['cpu']:>12.2f}{mb:>9.0f}{t['rss']:>9.0f}")
        print(f"warm re-run: {100 * warm / cold:.1f}% of the cold run's wall time")

        if not args.no_stages:
            print("\nalignment on the first 25%, 50%, 100% of the articles (claims from the cold run's cache)")
            print(f"{'share':<7}{'articles':>9}{'words':>9}{'claims':>8}{'facts':>7}{'read+cache':>11}{'align':>8}"
                  f"{'compare':>9}{'wall':>8}{'align ms/1k words':>18}")
            for share in (0.25, 0.5, 1.0):
                k = max(1, round(len(articles) * share))
                with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
                    sub = Path(tmp) / "part"
                    for a in articles[:k]:                   # the same files, in a folder of their own
                        src = Path(a.path)
                        dst = sub / src.relative_to(args.corpus)
                        dst.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(src, dst)
                    (claim_cache / "facts.json").unlink(missing_ok=True)      # align for real
                    wall, _, t = command({"corpus": str(sub), "out": tmp + "/out", "cache": True,
                                          "cache_dir": str(claim_cache)})
                n_words = sum(len(a.text.split()) for a in articles[:k])
                print(f"{share:<7.0%}{k:>9}{n_words:>9}{t['claims']:>8}{t['facts']:>7}{t['read+extract']:>11.2f}"
                      f"{t['align']:>8.2f}{t['compare']:>9.2f}{wall:>8.2f}{1e6 * t['align'] / n_words:>18.2f}")

    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if sizes:
        print(f"\nscaling: k altered copies of the corpus in one JSONL file (cold, default --jobs)")
        print(f"{'copies':<7}{'articles':>9}{'words':>9}{'claims':>8}{'facts':>8}{'read+extract':>13}{'align':>8}"
              f"{'wall':>9}{'s/1k words':>11}{'CPU s/1k':>9}{'PSS MB':>9}{'RSS MB':>9}")
        for k in sizes:
            with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
                path, n, n_words = generate(articles, k, None, Path(tmp))
                wall, mb, t = command({"corpus": str(path), "out": tmp + "/out", "cache": False})
            print(f"{k:<7}{n:>9}{n_words:>9}{t['claims']:>8}{t['facts']:>8}{t['read+extract']:>13.2f}"
                  f"{t['align']:>8.2f}{wall:>9.2f}{1000 * wall / n_words:>11.3f}{1000 * t['cpu'] / n_words:>9.3f}{mb:>9.0f}{t['rss']:>9.0f}")
            print("       " + _by_stage(t["memory"]))

    if args.memory_articles:
        with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
            path, n, n_words = generate(articles, None, args.memory_articles, Path(tmp))
            wall, mb, t = command({"corpus": str(path), "out": tmp + "/out", "cache": False})
        print(f"\nmemory: {n} articles ({n_words} words, one JSONL file): peak {mb:.0f} MB PSS "
              f"({t['rss']:.0f} MB RSS) over the process tree, "
              f"{wall:.0f} s ({1000 * wall / n_words:.3f} s/1k words; align {t['align']:.1f} s), "
              f"{t['claims']} claims, {t['facts']} facts\n  " + _by_stage(t["memory"]))

    if args.dask:
        print("\n--engine dask on a LocalCluster (cold, --no-cache)")
        times = {}
        for workers in (1, 2):
            with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
                wall, mb, t = command({"corpus": args.corpus, "out": tmp + "/out", "cache": False,
                                       "engine": "dask", "jobs": workers})
            times[workers] = wall
            print(f"{workers} worker(s): {wall:.2f} s (align {t['align']:.2f} s), CPU {t['cpu']:.1f} s, "
                  f"peak {mb:.0f} MB PSS ({t['rss']:.0f} MB RSS)" + (f", vs bare {bare / wall:.2f}" if bare else ""))
        print(f"speed-up with 2 workers over 1: {times[1] / times[2]:.2f}x")
    keep.cleanup()


if __name__ == "__main__":
    main()
