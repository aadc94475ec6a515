"""Why gold pairs whose claims are both read are not aligned (or not flagged), on the 12 ECB+ gold folders.

    python benchmarks/align_misses.py            # the reasons table
    python benchmarks/align_misses.py --facts    # and every discrepancy fact not found, with its reason

Runs claimcheck in this process over the folders benchmarks/gold.py builds, finds each gold claim
with the shared scorer's own matching, and for every gold pair whose two claims are read but share
no fact (or, for a disagreement, are in one fact that no finding flags) says at which stage of
alignment they parted: another story, another event, another property (kind, predicate class, unit
class, person), another scope, a check of two claims (Matcher.compatible's reason), or the grouping
itself. A discrepancy fact none of whose disagreeing pairs has both claims read is an extraction miss.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold import GOLD, build_corpus, load_scorer  # noqa: E402

from claimcheck import align, pipeline, rules  # noqa: E402
from claimcheck.align import facts as facts_mod  # noqa: E402
from claimcheck.report.json import claim_value  # noqa: E402

STAGES = ["kind", "story", "event", "property", "scope", "incompatible", "grouping"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", action="store_true", help="list the discrepancy facts not found")
    a = ap.parse_args()
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = Path(tempfile.mkdtemp(prefix="claimcheck-misses-")) / "corpus"
    corpus.mkdir(parents=True)
    build_corpus(corpus, gold, flat=False)
    rep = pipeline.run(corpus, rules_dir=Path(__file__).resolve().parent.parent / "rules", cache=False)
    ruleset = rules.load_rules(Path(__file__).resolve().parent.parent / "rules", check_patterns=False)
    sc = load_scorer()
    arts = {x.id: x for x in rep.articles}
    by_file = defaultdict(list)
    for c in rep.claims:
        by_file[arts[c.article].path].append(c)
    values = {c.id: claim_value(c) for c in rep.claims}

    def find(gc):
        return [c for p, cs in by_file.items() if sc.same_file(p, gc["file"]) for c in cs
                if sc.quote_overlap(gc["quote"], c.quote) and sc.value_overlap(gc, c.text, values[c.id])]

    fact_of = defaultdict(set)
    for f in rep.facts:
        for cid in f.claims:
            fact_of[cid].add(f.id)
    flags = [set(d.claims) for d in rep.discrepancies]
    prep = align.prepare(rep.claims, rep.articles, ruleset)
    events = {e.id: e for e in prep.events}
    blocks = defaultdict(list)
    for c in rep.claims:
        blocks[align.block_key(prep, c)].append(c)

    def reason(x, y):
        if x.kind != y.kind:
            return "kind", f"{x.kind} / {y.kind}"
        kx, ky = align.block_key(prep, x), align.block_key(prep, y)
        if kx[0] != ky[0]:
            return "story", ""
        if kx[1] != ky[1]:
            return "event", " / ".join(events[e].label if e in events else e for e in (x.event, y.event))
        if kx != ky:
            return "property", "; ".join(f"{p} / {q}" for p, q in zip(kx[2:], ky[2:]) if p != q)
        block = blocks[kx]
        scope = facts_mod.scopes(block, ruleset)
        if scope[x.id] != scope[y.id]:
            return "scope", f"{scope[x.id]!r} / {scope[y.id]!r}"
        m = facts_mod.Matcher(block, ruleset, key=lambda c: align._property(prep, c), scope=scope,
                              persons=prep.persons, before_news=prep.before_news, published=prep.published,
                              lead_day=prep.lead_day)
        ok, why = m.compatible(x, y)
        return ("grouping", "") if ok else ("incompatible", why)

    pairs_missed: Counter = Counter()
    missed_facts = []
    for g in gold:
        found = [find(c) for c in g["claims"]]
        pairs, _ = sc.gold_pairs(g)
        hit, both, why = False, False, Counter()
        for i, j, verdict in pairs:
            fa, fb = found[i], found[j]
            if not (fa and fb):
                continue
            aligned = any(fact_of[x.id] & fact_of[y.id] for x in fa for y in fb)
            flagged = any(x.id in s and y.id in s and x.id != y.id for s in flags for x in fa for y in fb)
            if verdict == "discrepancy":
                both = True
                hit |= flagged
                if flagged:
                    continue
                if aligned:
                    why["aligned, not flagged", ""] += 1
                    continue
            elif aligned:
                continue
            best = max((reason(x, y) for x in fa for y in fb if x.id != y.id),
                       key=lambda r: STAGES.index(r[0]), default=None)
            if best is None:
                continue
            if verdict == "consistent":
                pairs_missed[best[0] + (": " + best[1] if best[0] == "incompatible" else "")] += 1
            else:
                why[best] += 1
        if g["verdict"] == "discrepancy" and not hit:
            missed_facts.append((g, "claims not read (extraction)" if not both else
                                 why.most_common(1)[0][0][0] if why else "?", why))
    print(f"consistent gold pairs, both claims read, not in one fact: {sum(pairs_missed.values())}")
    for k, n in pairs_missed.most_common():
        print(f"  {n:5}  {k}")
    tally = Counter(r for _, r, _ in missed_facts)
    print(f"discrepancy facts not found: {len(missed_facts)}")
    for k, n in tally.most_common():
        print(f"  {n:5}  {k}")
    if a.facts:
        for g, r, why in missed_facts:
            detail = "; ".join(f"{s}: {d}" for (s, d), _ in why.most_common(2) if d)
            print(f"  {g['cluster'][:28]:28} {g['fact'][:60]:60} {r}  {detail[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
