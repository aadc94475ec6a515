"""What claimcheck flags on a corpus of event folders, for reading false alarms by eye.

    python benchmarks/review.py [CORPUS] [--show N]

CORPUS defaults to ../shared/corpora/ecbplus-dev (real articles, one folder per event; never copy it
into this repository). Prints the summary, how many findings pair articles from two different
folders (different events: each one is a false alarm), findings per kind and code, and the first
finding of N facts with both quotes, so a reviewer can judge them. Not a test: the numbers move as
the rules improve, and a person decides what is a true disagreement.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from claimcheck.pipeline import run  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "ecbplus-dev"))
    ap.add_argument("--show", type=int, default=40, help="facts to print (default 40)")
    ap.add_argument("--model", default=None)
    a = ap.parse_args()

    rep = run(a.corpus, rules_dir=ROOT / "rules", model=a.model, cache=False)
    claims = {c.id: c for c in rep.claims}
    facts = {f.id: f for f in rep.facts}
    folder = lambda cid: claims[cid].article.split("/")[0]
    cross = [d for d in rep.discrepancies if len({folder(c) for c in d.claims}) > 1]
    by_kind = collections.Counter((facts[d.fact].kind, d.code) for d in rep.discrepancies)

    print(f"{len(rep.articles)} articles, {len(rep.claims)} claims, {len(rep.facts)} facts, "
          f"{len(rep.discrepancies)} findings on {len({d.fact for d in rep.discrepancies})} facts")
    print(f"findings pairing two different folders (false alarms by construction): {len(cross)}")
    for (kind, code), n in sorted(by_kind.items()):
        print(f"  {kind:12} {code:24} {n}")
    seen: set[str] = set()
    for d in rep.discrepancies:
        if d.fact in seen or len(seen) >= a.show:
            continue
        seen.add(d.fact)
        x, y = (claims[c] for c in d.claims)
        print(f"\n[{d.severity}] {facts[d.fact].label}")
        for c in (x, y):
            print(f"   {c.article}: {c.text!r}\n      {c.quote[:160]}")
        print(f"   grouped because: {facts[d.fact].why[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
