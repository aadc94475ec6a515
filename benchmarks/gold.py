"""Score claimcheck on real coverage: the 12 ECB+ event folders of ../shared/gold/ecbplus-dev.jsonl.

    python benchmarks/gold.py            # the 12 folders as folders (the user's own story grouping)
    python benchmarks/gold.py --flat     # the same articles copied flat into one folder
    python benchmarks/gold.py --keep DIR # keep the corpus and the report in DIR (for review.py or by eye)

Builds the corpus in a temporary folder from ../shared (never copied into the project), runs
`claimcheck run` on it, prints the shared scorer's line (../shared/tools/score_report.py), then
claim recall by gold kind and the unjudged findings (findings that match no gold pair: on this
corpus most of them are false alarms, so read them).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "ecbplus-dev.jsonl"
CORPUS = SHARED / "corpora" / "ecbplus-dev"
SCORER = SHARED / "tools" / "score_report.py"
FLAT_SEP = "__"      # flat mode names a file <event folder>__<file> and maps it back before scoring


def build_corpus(dest: Path, gold: list[dict], flat: bool) -> None:
    for cluster in sorted({g["cluster"] for g in gold}):
        src = CORPUS / cluster
        if flat:
            for f in sorted(src.iterdir()):
                if f.is_file():
                    shutil.copy(f, dest / f"{cluster}{FLAT_SEP}{f.name}")
        else:
            shutil.copytree(src, dest / cluster)


def unflatten(report: dict) -> None:
    """Give flat articles back the <event folder>/<file> paths the gold names."""
    for a in report["articles"]:
        head, _, name = a["path"].rpartition("/")
        if FLAT_SEP in name:
            cluster, _, rest = name.partition(FLAT_SEP)
            a["path"] = f"{head}/{cluster}/{rest}"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_report", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def recall_by_kind(report: dict, gold: list[dict], sc) -> dict[str, tuple[int, int]]:
    """Gold claims found, by the gold fact's kind, with the scorer's own matching functions."""
    arts = {a["id"]: a for a in report["articles"]}
    by_file: dict[str, list[dict]] = {}
    for c in report["claims"]:
        art = arts.get(c["article"])
        if art:
            by_file.setdefault(art["path"], []).append(c)
    out: dict[str, list[int]] = {}
    for g in gold:
        tally = out.setdefault(g["kind"], [0, 0])
        for gc in g["claims"]:
            tally[1] += 1
            tally[0] += any(sc.quote_overlap(gc["quote"], c.get("quote", ""))
                            and sc.value_overlap(gc, c.get("text", ""), c.get("value"))
                            for path, cs in by_file.items() if sc.same_file(path, gc["file"]) for c in cs)
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flat", action="store_true", help="copy the articles flat into one folder")
    ap.add_argument("--keep", type=Path, help="build the corpus and report here instead of a temporary folder")
    ap.add_argument("--unjudged", type=int, default=40, help="how many unjudged findings to print")
    ap.add_argument("run_args", nargs="*", help="more arguments for claimcheck run (after --)")
    a = ap.parse_args()
    if not GOLD.exists():
        print(f"{GOLD} is not on this machine", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    work = a.keep or Path(tempfile.mkdtemp(prefix="claimcheck-gold-"))
    corpus, out = work / "corpus", work / "report"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    build_corpus(corpus, gold, a.flat)

    t0 = time.perf_counter()
    cmd = [sys.executable, "-c", "from claimcheck.cli import app; app()", "run", str(corpus), "--out", str(out),
           "--fail-on", "never", "--quiet", "--no-cache", *a.run_args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    took = time.perf_counter() - t0
    if p.returncode != 0:
        print(p.stdout, p.stderr, sep="\n", file=sys.stderr)
        return p.returncode
    report_path = out / "claimcheck.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if a.flat:
        unflatten(report)
        report_path = work / "claimcheck-unflat.json"
        report_path.write_text(json.dumps(report), encoding="utf-8")

    s = subprocess.run([sys.executable, str(SCORER), str(report_path), str(GOLD), "--json", str(work / "score.json")],
                       capture_output=True, text=True)
    lines = s.stdout.strip().splitlines()
    unjudged = [ln for ln in lines if ln.startswith("    D")]
    print(f"{'flat' if a.flat else 'folders'}: {len(report['articles'])} articles, {len(report['claims'])} claims, "
          f"{len(report['discrepancies'])} findings in {took:.1f} s")
    sc = load_scorer()
    kinds = recall_by_kind(report, gold, sc)
    print("claim recall by gold kind: " + ", ".join(f"{k} {f}/{n} ({f / n:.2f})" for k, (f, n) in kinds.items()))
    print("report claims by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(c['kind'] for c in report['claims']).items())))
    if unjudged:
        print(f"unjudged findings (first {a.unjudged} of {len(unjudged)}):")
        print("\n".join(unjudged[: a.unjudged]))
    print(lines[-1] if lines else s.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
