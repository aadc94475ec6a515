"""Real articles: three ECB+ event folders from ../shared/corpora/ecbplus-dev (not copied into the repo).

The corpus root is a temporary folder holding one real subfolder per event, each filled with copies
of the ECB+ files (claimcheck follows no symlink that leaves the corpus). Article
ids are then "<event folder>/<file stem>", so the first path component of an id names its event.
"""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from claimcheck.pipeline import run
from claimcheck.report import json as json_report

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"
EVENTS = ["t20-ecb-qeshm-island-earthquake", "t37-ecb-west-papua-earthquake", "t2-ecb-jackman-hosts-oscars"]

pytestmark = pytest.mark.skipif(not all((ECB / e).is_dir() for e in EVENTS),
                                reason=f"ECB+ dev corpus not found at {ECB} (with {', '.join(EVENTS)})")


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ecbplus")
    for event in EVENTS:
        (root / event).mkdir()
        for f in sorted((ECB / event).iterdir()):
            if f.is_file():
                shutil.copyfile(f, root / event / f.name)
    return root


@pytest.fixture(scope="module")
def report(nlp, corpus_root):
    return run(corpus_root, rules_dir=ROOT / "rules", nlp=nlp, cache=False)


def event_of(article_id: str) -> str:
    return article_id.split("/", 1)[0]


def test_completes_and_reads_every_file(report, corpus_root):
    files = sum(1 for e in EVENTS for f in (corpus_root / e).iterdir())
    assert len(report.articles) + len(report.skipped) == files
    assert len(report.articles) >= files - 1, report.skipped
    assert {event_of(a.id) for a in report.articles} == set(EVENTS)
    assert report.claims, "no claims on 20+ real news articles"


def test_claim_offsets_are_exact(report):
    arts = {a.id: a for a in report.articles}
    bad = [(c.article, c.start, c.end, c.text, arts[c.article].text[c.start:c.end])
           for c in report.claims if arts[c.article].text[c.start:c.end] != c.text]
    assert not bad, bad[:5]
    ids = Counter(c.id for c in report.claims)
    assert not [i for i, n in ids.items() if n > 1], "duplicate claim ids"


def test_discrepancies_refer_to_claims_of_one_fact(report):
    claims = {c.id for c in report.claims}
    facts = {f.id: f for f in report.facts}
    for f in report.facts:
        assert set(f.claims) <= claims, f
    for d in report.discrepancies:
        assert d.fact in facts, d
        assert len(d.claims) >= 1 and set(d.claims) <= claims, d
        assert set(d.claims) <= set(facts[d.fact].claims), (d.message, d.claims, facts[d.fact].claims)


def test_no_fact_mixes_events(report):
    """Claims from two different ECB+ topics (Qeshm quake, West Papua quake, Oscars) are never one fact."""
    by_id = {c.id: c for c in report.claims}
    mixed = []
    for f in report.facts:
        events = {event_of(by_id[i].article) for i in f.claims}
        if len(events) > 1:
            mixed.append((f.label, sorted(events), [(by_id[i].article, by_id[i].text) for i in f.claims]))
    assert not mixed, json.dumps(mixed, indent=1)


def test_json_round_trips(report, tmp_path):
    path = json_report.write(report, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == json_report.to_dict(report)
    assert json_report.dumps(data) == path.read_text(encoding="utf-8")
    arts = {a["id"]: a for a in data["articles"]}
    claim_ids = {c["id"] for c in data["claims"]}
    assert len(arts) == len(report.articles) and len(claim_ids) == len(report.claims)
    for c in data["claims"]:
        assert c["article"] in arts
    for d in data["discrepancies"]:
        assert set(d["claims"]) <= claim_ids
    assert data["summary"]["articles"] == len(report.articles)
