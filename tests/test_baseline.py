"""The baseline workflow: `claimcheck baseline CORPUS` accepts today's findings; `run --baseline FILE`
reports only the new ones, keyed by what the claims say (not where), and says how many it accepted."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import baseline
from claimcheck.cli import app
from report_fixtures import make_newsroom

runner = CliRunner()


@pytest.fixture(autouse=True)
def _shared_nlp(shared_nlp):
    """Every test here loads the model once (conftest.cached_load)."""


def cc(*args):
    return runner.invoke(app, [str(a) for a in args])


def article(path: Path, title: str, day: str, source: str, body: str) -> Path:
    path.write_text(f"Title: {title}\nDate: {day}\nSource: {source}\n\n{body}\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- keys


def _shifted(rep, article_id: str, by: str):
    """The same report after an edit at the top of one article: every offset moves, every claim id changes."""
    rep = copy.deepcopy(rep)
    ids = {}
    for c in rep.claims:
        if c.article == article_id:
            c.start += len(by)
            c.end += len(by)
            c.sentence_start += len(by)
            ids[c.id] = c.id + "-moved"
            c.id = ids[c.id]
    for f in rep.facts:
        f.claims = [ids.get(i, i) for i in f.claims]
    for d in rep.discrepancies:
        d.claims = [ids.get(i, i) for i in d.claims]
        d.id = d.id + ("-new" if any(i in ids.values() for i in d.claims) else "")
    for a in rep.articles:
        if a.id == article_id:
            a.text = by + a.text
    return rep


def test_keys_survive_edits_elsewhere_in_an_article():
    rep = make_newsroom()
    keys = {d.id: k for d, k in zip(rep.discrepancies, _keys(rep))}
    moved = _shifted(rep, "quake/02", "Correction appended at the top. ")
    assert set(_keys(moved)) == set(keys.values())
    assert baseline.apply(moved, keys.values(), "b.json") == len(rep.discrepancies)
    assert moved.discrepancies == [] and moved.accepted == len(rep.discrepancies)


def test_keys_change_when_what_a_claim_says_changes():
    rep = make_newsroom()
    before = set(_keys(rep))
    edited = copy.deepcopy(rep)
    c = next(c for c in edited.claims if c.id == "c-mag2")
    c.quantity.low = c.quantity.high = 6.5                   # the article now says 6.5
    assert set(_keys(edited)) != before
    n = baseline.apply(edited, before, "b.json")
    assert n == len(rep.discrepancies) - 1
    assert [d.id for d in edited.discrepancies] == ["d-mag"]  # only the changed finding is new


def _keys(rep):
    claims = {c.id: c for c in rep.claims}
    return [baseline.finding_key(d, claims) for d in rep.discrepancies]


def test_baseline_file_round_trips_and_bad_files_are_usage_errors(tmp_path):
    rep = make_newsroom()
    p = tmp_path / "b.json"
    p.write_text(baseline.dumps(rep), encoding="utf-8")
    data = json.loads(p.read_text())
    assert data["claimcheck_baseline"] == 1 and len(data["findings"]) == len(rep.discrepancies)
    assert baseline.load(p) == set(_keys(rep))
    from claimcheck.errors import UsageError
    for text in ("", "{", "[]", '{"claimcheck_baseline": 2, "findings": []}', '{"findings": 3}'):
        p.write_text(text, encoding="utf-8")
        with pytest.raises(UsageError):
            baseline.load(p)
    with pytest.raises(UsageError, match="not found"):
        baseline.load(tmp_path / "missing.json")


# ---------------------------------------------------------------- the command line


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "fire"
    d.mkdir()
    article(d / "a.txt", "Fire in the old town", "2024-03-04", "Daily A",
            "Twelve people were killed in the fire. Firefighters fought the blaze for hours.")
    article(d / "b.txt", "Deadly blaze", "2024-03-04", "Daily B",
            "Thirty people were killed in the fire. The cause of the blaze is not yet known.")
    return d


def test_baseline_then_run_reports_only_new_findings(corpus, tmp_path):
    rules = tmp_path / "norules"
    rules.mkdir()
    base = tmp_path / "baseline.json"
    r = cc("baseline", corpus, "--out", base, "--rules", rules, "--cache-dir", tmp_path / "cache")
    assert r.exit_code == 0, r.output
    assert "baseline of 1 finding written to" in r.stdout
    first = baseline.load(base)
    assert len(first) == 1

    out = tmp_path / "out"
    r = cc("run", corpus, "--rules", rules, "--out", out, "--baseline", base, "--format", "html,json,table")
    assert r.exit_code == 0, r.output                       # the one error was accepted: nothing fails
    data = json.loads((out / "claimcheck.json").read_text())
    assert data["discrepancies"] == [] and data["summary"]["accepted"] == 1
    assert data["baseline"].endswith("baseline.json")
    assert "1 accepted by the baseline" in r.stdout
    assert "1 finding accepted earlier" in (out / "claimcheck.html").read_text()

    # an edit elsewhere in the article keeps the finding accepted; a new disagreement is reported
    a = corpus / "a.txt"
    a.write_text(a.read_text().replace("\n\nTwelve", "\n\nAn update was added here today. Twelve"))
    article(corpus / "c.txt", "Blaze toll", "2024-03-04", "Daily C",
            "Forty people were killed in the fire. Crews stayed on the scene.")
    r = cc("run", corpus, "--rules", rules, "--out", out, "--baseline", base, "--quiet")
    data = json.loads((out / "claimcheck.json").read_text())
    texts = {c["id"]: c["text"] for c in data["claims"]}
    assert data["summary"]["accepted"] == 1, data["discrepancies"]
    assert data["discrepancies"] and all(any("Forty" in texts[i] for i in d["claims"])
                                         for d in data["discrepancies"])
    assert r.exit_code == 1


def test_bad_baseline_file_exits_2_at_once(corpus, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    r = cc("run", corpus, "--out", tmp_path / "out", "--baseline", bad)
    assert r.exit_code == 2 and "baseline" in r.stderr and "Traceback" not in r.output
    assert not (tmp_path / "out" / "claimcheck.json").exists()
    r = cc("run", corpus, "--out", tmp_path / "out", "--baseline", tmp_path / "nope.json")
    assert r.exit_code == 2 and "not found" in r.stderr
