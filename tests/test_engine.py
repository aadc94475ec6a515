"""Where extraction runs (--jobs, --engine dask) never changes what a run finds; a re-run of an
unchanged corpus loads no model; the corpus streams; alignment decomposes by block."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import align as align_mod, corpus as corpus_mod, engine, engine_dask, rules
from claimcheck.cli import app
from claimcheck.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
SCENARIOS = ROOT / "tests" / "scenarios"
runner = CliRunner()


def corpus_of_scenarios(tmp_path: Path) -> Path:
    """A dozen short articles from several scenarios (their expected-findings files left out)."""
    d = tmp_path / "corpus"
    for folder in ("quake-toll", "plant-fire", "leader-attendance"):
        for f in sorted((SCENARIOS / folder).iterdir()):
            if f.suffix in (".txt", ".md", ".html", ".json") and not f.name.startswith(("expected", "README")):
                (d / folder).mkdir(parents=True, exist_ok=True)
                (d / folder / f.name).write_bytes(f.read_bytes())
    return d


def report_json(out: Path) -> dict:
    data = json.loads((out / "claimcheck.json").read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def cli_run(corpus: Path, out: Path, *extra: str):
    r = runner.invoke(app, ["run", str(corpus), "--rules", str(ROOT / "rules"), "--out", str(out), "--format",
                            "json", "--quiet", "--fail-on", "never", "--no-cache", *extra])
    assert r.exit_code == 0, (r.stdout, r.stderr, r.exception)
    return report_json(out)


def test_two_processes_find_exactly_what_one_finds(tmp_path, monkeypatch):
    corpus = corpus_of_scenarios(tmp_path)
    monkeypatch.setattr(engine, "BATCH_ARTICLES", 2)     # several batches from a small corpus
    one = cli_run(corpus, tmp_path / "one", "--jobs", "1")

    def not_here(*a, **k):
        raise AssertionError("--jobs 2 parsed in the main process")
    monkeypatch.setattr(engine, "extract_here", not_here)
    two = cli_run(corpus, tmp_path / "two", "--jobs", "2")
    assert one["claims"] and one["facts"]
    assert two == one


def test_pool_processes_replaced_during_a_run_find_exactly_what_one_process_finds(tmp_path, monkeypatch):
    """A long run replaces its parse processes every RECYCLE_ARTICLES articles (their vocabulary
    grows with every new word); the fresh ones find the same claims, in the same order."""
    import multiprocessing
    import os
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the pids of spawned workers are not logged by a patched task")
    corpus = corpus_of_scenarios(tmp_path)
    monkeypatch.setattr(engine, "BATCH_ARTICLES", 2)
    one = cli_run(corpus, tmp_path / "one", "--jobs", "1")
    monkeypatch.setattr(engine, "RECYCLE_ARTICLES", 2)     # a new pool every 2 batches of 2 articles
    log = tmp_path / "pids"
    real = engine.extract_batch

    def logged(*args):            # forked workers inherit the patched module
        with log.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args)
    monkeypatch.setattr(engine, "extract_batch", logged)
    two = cli_run(corpus, tmp_path / "two", "--jobs", "2")
    pids = log.read_text().split()
    assert len(pids) >= 6 and len(set(pids)) > 2, pids      # several pools of 2 processes did the work
    assert str(os.getpid()) not in pids
    assert two == one


def test_a_pool_loads_the_model_once_and_its_forked_workers_inherit_it(tmp_path, monkeypatch):
    import multiprocessing
    import os
    from claimcheck import nlp as nlp_mod
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("processes are spawned here: each worker loads its own model")
    corpus = corpus_of_scenarios(tmp_path)
    monkeypatch.setattr(engine, "BATCH_ARTICLES", 2)
    log = tmp_path / "loads"
    real = nlp_mod.load

    def logged(*a, **k):          # a file, so that a load in a worker process is seen too
        with log.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real(*a, **k)
    monkeypatch.setattr(nlp_mod, "load", logged)
    two = cli_run(corpus, tmp_path / "two", "--jobs", "2")
    assert two["claims"]
    assert log.read_text().split() == [str(os.getpid())]


def test_dask_engine_report_is_the_local_engines(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = corpus_of_scenarios(tmp_path)
    local = cli_run(corpus, tmp_path / "local", "--jobs", "1")
    on_dask = cli_run(corpus, tmp_path / "dask", "--engine", "dask", "--jobs", "2")
    assert local["discrepancies"], "the corpus should hold findings for the comparison to mean something"
    assert on_dask == local


def test_alignment_by_block_parts_is_alignment_of_the_whole(tmp_path, nlp):
    """What the Dask engine does: stories and events once, claims partitioned by block, each part
    aligned apart, facts merged: the stories, events and facts of align_all, exactly."""
    ruleset = rules.load_rules(None)
    rep = run(corpus_of_scenarios(tmp_path), rules_dir=None, nlp=nlp, cache=False)
    whole = align_mod.align_all(rep.claims, rep.articles, ruleset)
    events_of = {c.id: c.event for c in rep.claims}
    for c in rep.claims:
        c.event = ""                     # prepare fills them in again
    prep = align_mod.prepare(rep.claims, rep.articles, ruleset)
    assert {c.id: c.event for c in rep.claims} == events_of and any(events_of.values())
    parts: dict[int, list] = {}
    for c in rep.claims:
        parts.setdefault(engine_dask.part_of(prep, c, 3), []).append(c)
    assert len(parts) > 1
    got = [engine_dask._align_part(prep, p) for p in parts.values()]
    by_parts = align_mod.sort_facts([f for facts, _ in got for f in facts])
    assert by_parts == whole.facts
    assert sum(n for _, n in got) == whole.comparisons
    assert prep.stories == whole.stories and prep.events == whole.events
    assert any(len(f.claims) > 1 for f in whole.facts) and any(f.event for f in whole.facts)


def test_warm_rerun_writes_the_cold_runs_report(tmp_path):
    """Claims and alignment (stories, events, each claim's event, facts) from the cache: the same JSON."""
    corpus = corpus_of_scenarios(tmp_path)
    out = tmp_path / "out"

    def once() -> dict:
        r = runner.invoke(app, ["run", str(corpus), "--rules", str(ROOT / "rules"), "--out", str(out), "--format",
                                "json", "--quiet", "--fail-on", "never", "--jobs", "1"])
        assert r.exit_code == 0, (r.stdout, r.stderr, r.exception)
        return report_json(out)
    cold = once()
    assert (out / ".cache" / "facts.json").exists()
    warm = once()
    assert cold["stories"] and cold["events"] and any(c.get("event") for c in cold["claims"])
    assert warm == cold


def test_rerun_of_unchanged_corpus_imports_no_spacy_and_finds_the_same(tmp_path, nlp):
    cache = tmp_path / "cache"
    cold = run(SEEDS, rules_dir=ROOT / "rules", nlp=nlp, cache=True, cache_dir=cache)
    script = (
        "import json, sys\n"
        "from claimcheck.pipeline import run\n"
        f"rep = run({str(SEEDS)!r}, rules_dir={str(ROOT / 'rules')!r}, cache=True, cache_dir={str(cache)!r})\n"
        "print(json.dumps({'spacy': 'spacy' in sys.modules, 'pint': 'pint' in sys.modules, 'claims': [c.id for c in rep.claims],\n"
        "                  'facts': [(f.id, f.status) for f in rep.facts],\n"
        "                  'discrepancies': [d.id for d in rep.discrepancies]}))\n")
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    warm = json.loads(out.stdout)
    assert warm["spacy"] is False and warm["pint"] is False     # both cost about a second to import
    assert warm["claims"] == [c.id for c in cold.claims]
    assert warm["facts"] == [[f.id, f.status] for f in cold.facts]
    assert warm["discrepancies"] == [d.id for d in cold.discrepancies] and warm["discrepancies"]


def test_changed_article_is_parsed_again(tmp_path, nlp):
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_text("Title: A\nDate: 2024-03-04\n\nTwelve people were killed in the fire on Monday.\n")
    (d / "b.txt").write_text("Title: B\nDate: 2024-03-04\n\nTwelve people were killed in the fire on Monday.\n")
    cache = tmp_path / "cache"
    first = run(d, rules_dir=None, nlp=nlp, cache_dir=cache)
    assert not first.discrepancies
    (d / "b.txt").write_text("Title: B\nDate: 2024-03-04\n\nThirty people were killed in the fire on Monday.\n")
    second = run(d, rules_dir=None, nlp=nlp, cache_dir=cache)
    assert {c.text for c in second.claims if c.kind == "count"} == {"Twelve people", "Thirty people"}
    assert any(x.code == "contradiction" for x in second.discrepancies)


def test_corpus_streams_one_file_at_a_time(monkeypatch):
    calls = []
    real = corpus_mod.load_file
    monkeypatch.setattr(corpus_mod, "load_file", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    items = corpus_mod.iter_corpus(SEEDS)
    first = next(items)
    assert len(calls) == 1 and first.path.endswith(calls[0].name)
    rest = list(items)
    articles, skipped = corpus_mod.load_corpus(SEEDS)
    assert [a.id for a in [first] + rest] == [a.id for a in articles] and not skipped


@pytest.mark.parametrize("args, needle", [(("--jobs", "0"), "--jobs"), (("--engine", "spark"), "--engine")])
def test_bad_engine_options_exit_2(tmp_path, args, needle):
    r = runner.invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "o"), "--quiet", *args])
    assert r.exit_code == 2 and needle in r.stderr and "Traceback" not in r.stderr


def test_dask_engine_without_dask_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)     # import fails as when not installed
    r = runner.invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "o"), "--quiet", "--engine", "dask",
                            "--no-cache"])
    assert r.exit_code == 2 and "claimcheck[dask]" in r.stderr and "Traceback" not in r.stderr


def test_default_jobs_is_every_core():
    assert engine.default_jobs() >= 1
    assert list(engine.batched(iter(range(5)), 2)) == [[0, 1], [2, 3], [4]]


def test_dask_rerun_with_everything_cached_starts_no_cluster(tmp_path, nlp, monkeypatch):
    cache = tmp_path / "cache"
    cold = run(SEEDS, rules_dir=None, nlp=nlp, cache_dir=cache)

    def no_cluster(*a, **k):
        raise AssertionError("a cluster was started for a re-run with nothing to parse")
    monkeypatch.setattr(engine_dask, "connect", no_cluster)
    warm = run(SEEDS, rules_dir=None, cache_dir=cache, engine="dask")
    assert [f.id for f in warm.facts] == [f.id for f in cold.facts]
