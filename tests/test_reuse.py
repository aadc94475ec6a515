"""A re-run of an unchanged corpus writes the last run's reports again (claimcheck.reuse): the same
reports with a new generation time, the same summary and exit status, nothing parsed, aligned or
rendered; any change to what the reports depend on runs again."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report.view import fmt_timestamp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
NOTE = "nothing changed since the last run"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _one_model_load(shared_nlp):
    pass


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for f in sorted(SEEDS.iterdir()):
        if f.is_file():
            (d / f.name).write_bytes(f.read_bytes())
    return d


def cli(corpus: Path, out: Path, *extra: str, rules: Path = ROOT / "rules"):
    r = runner.invoke(app, ["run", str(corpus), "--rules", str(rules), "--out", str(out), "--jobs", "1",
                            "--format", "json,html,table", *extra])
    assert r.exit_code in (0, 1), (r.stdout, r.stderr, r.exception)
    return r


def without_time(out: Path) -> tuple[dict, str]:
    data = json.loads((out / "claimcheck.json").read_text(encoding="utf-8"))
    html = (out / "claimcheck.html").read_text(encoding="utf-8")
    stamp = data.pop("generated_at")
    return data, html.replace(stamp, "TIME").replace(fmt_timestamp(stamp), "TIME AS TEXT")


def test_rerun_writes_the_same_reports_with_a_new_time_and_the_same_exit(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = cli(corpus, out, "--fail-on", "warning")
    assert NOTE not in first.stderr
    data1, html1 = without_time(out)
    stamp1 = json.loads((out / "claimcheck.json").read_text())["generated_at"]
    assert data1["discrepancies"] and first.exit_code == 1      # the seeds disagree: a warning fails the run

    # the second run must not parse: loading a model now fails the test
    from claimcheck import nlp as nlp_mod
    monkeypatch.setattr(nlp_mod, "load", lambda *a, **k: pytest.fail("the model was loaded"))
    import claimcheck.cli as cli_mod
    real_stamps = cli_mod._stamps
    monkeypatch.setattr(cli_mod, "_stamps", lambda g=None: real_stamps(g or "2031-05-06T07:08:00+00:00"))
    second = cli(corpus, out, "--fail-on", "warning")
    assert NOTE in second.stderr
    assert second.exit_code == 1
    data2, html2 = without_time(out)
    assert data2 == data1 and html2 == html1
    assert json.loads((out / "claimcheck.json").read_text())["generated_at"] == "2031-05-06T07:08:00+00:00"
    html = (out / "claimcheck.html").read_text()
    assert "2031-05-06T07:08:00+00:00" in html and "07:08 UTC" in html and stamp1 not in html
    # the terminal says the same, apart from the note
    assert second.stdout == first.stdout
    assert cli(corpus, out, "--fail-on", "never").exit_code == 0   # the exit status follows --fail-on


@pytest.mark.parametrize("change", ["edit an article", "add an article", "remove an article", "edit a rule",
                                    "add a rule file", "other formats", "no cache"])
def test_any_change_runs_again(change, corpus, tmp_path):
    out = tmp_path / "out"
    rules = tmp_path / "rules"
    rules.mkdir()
    for f in (ROOT / "rules").glob("*.yml"):
        (rules / f.name).write_bytes(f.read_bytes())
    cli(corpus, out, rules=rules)
    extra: list[str] = []
    first = sorted(corpus.iterdir())[0]
    if change == "edit an article":
        first.write_text(first.read_text(encoding="utf-8") + "\nSeventy people were injured.\n", encoding="utf-8")
    elif change == "add an article":
        (corpus / "new.txt").write_text("Title: New\n\nNine people attended.\n", encoding="utf-8")
    elif change == "remove an article":
        first.unlink()
    elif change == "edit a rule":
        f = sorted(rules.glob("*.yml"))[0]
        f.write_text(f.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    elif change == "add a rule file":
        (rules / "zz.yml").write_text("hedges:\n  - {words: [roughly about], type: approx}\n", encoding="utf-8")
    elif change == "other formats":
        extra = ["--format", "json"]
    else:
        extra = ["--no-cache"]
    r = runner.invoke(app, ["run", str(corpus), "--rules", str(rules), "--out", str(out), "--jobs", "1",
                            "--fail-on", "never", *(extra or ["--format", "json,html,table"])])
    assert r.exit_code == 0, (r.stdout, r.stderr, r.exception)
    assert NOTE not in r.stderr
    if change == "edit an article":
        data = json.loads((out / "claimcheck.json").read_text())
        assert any("Seventy" in c["quote"] for c in data["claims"])


def test_a_damaged_stored_report_is_not_reused(corpus, tmp_path):
    out = tmp_path / "out"
    cli(corpus, out, "--fail-on", "never")
    data1, _ = without_time(out)
    stored = out / ".cache" / "last-run" / "report-claimcheck.json"
    stored.write_text(stored.read_text(encoding="utf-8").replace('"claims"', '"claimz"', 1), encoding="utf-8")
    r = cli(corpus, out, "--fail-on", "never")
    assert NOTE not in r.stderr
    data2, _ = without_time(out)
    assert data2 == data1


def test_a_reused_run_imports_no_model_rules_or_renderer(corpus, tmp_path):
    out = tmp_path / "out"
    cli(corpus, out, "--fail-on", "never")
    script = (
        "import sys\n"
        "from claimcheck.cli import app\n"
        "code = None\ntry:\n"
        f"    app(['run', {str(corpus)!r}, '--rules', {str(ROOT / 'rules')!r}, '--out', {str(out)!r},"
        " '--format', 'json,html,table', '--fail-on', 'never'])\n"
        "except SystemExit as e:\n"
        "    code = e.code\n"
        "heavy = [m for m in ('spacy', 'pint', 'jinja2', 'yaml', 'claimcheck.rules',"
        " 'claimcheck.extract', 'claimcheck.align', 'claimcheck.report.html') if m in sys.modules]\n"
        "print('HEAVY', heavy, code, file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
                          cwd=os.getcwd())
    assert NOTE in done.stderr, done.stderr
    assert re.search(r"HEAVY \[\] 0", done.stderr), done.stderr


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.one_of(st.text(alphabet="aé€😀\n{}\"", max_size=12), st.sampled_from(["<ISO>", "<TEXT>"])),
                      max_size=12),
       block=st.integers(min_value=1, max_value=9))
def test_the_time_is_spliced_wherever_it_falls_in_a_block(parts, block, tmp_path_factory):
    """A stored report is scanned and copied back a block at a time: a stamp that straddles two
    blocks, or a character of several bytes split by a block, comes back right."""
    from claimcheck import reuse
    saved, reuse.BLOCK = reuse.BLOCK, block
    try:
        _splice_round_trip(parts, tmp_path_factory)
    finally:
        reuse.BLOCK = saved


def _splice_round_trip(parts, tmp_path_factory):
    from claimcheck import reuse
    old = {"iso": "2026-12-02T02:19:00+00:00", "text": "2 Dec 2026, 02:19 UTC"}
    new = {"iso": "2031-05-06T07:08:00+00:00", "text": "6 May 2031, 07:08 UTC"}
    text = "".join(old["iso"] if p == "<ISO>" else old["text"] if p == "<TEXT>" else p for p in parts)
    path = tmp_path_factory.mktemp("splice") / "report.json"
    path.write_bytes(text.encode("utf-8"))
    sha1, marks = reuse._scan(path, {k: v.encode() for k, v in old.items()})
    back = "".join(reuse._spliced(path, sha1, marks, {k: v.encode() for k, v in old.items()}, new))
    assert back == text.replace(old["iso"], new["iso"]).replace(old["text"], new["text"])
    path.write_bytes(text.encode("utf-8") + b"x")          # changed after it was stored
    with pytest.raises(reuse.Damaged):
        "".join(reuse._spliced(path, sha1, marks, {k: v.encode() for k, v in old.items()}, new))
