"""The command line: exit codes, files written, messages on stderr, --format/--quiet/--model.

Most tests drive the typer app in-process with CliRunner; one runs the installed `claimcheck` console
script in a subprocess. The spaCy pipeline is loaded once per model name (see `_shared_nlp`), so the
many small runs stay fast.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import __version__, nlp as nlp_mod
from claimcheck.cli import app
from conftest import cached_load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus"
RULES = ROOT / "rules"

runner = CliRunner()




def empty_dir(p: Path) -> Path:
    """A rules folder with no rule files: built-in rules only."""
    p.mkdir(parents=True, exist_ok=True)
    return p

@pytest.fixture(autouse=True)
def _shared_nlp(shared_nlp):
    """Every test here loads the model once (conftest.cached_load)."""


def cc(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args])


def out_of(result) -> str:
    return f"exit {result.exit_code}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}\n" + (
        f"--- exception\n{result.exception!r}" if result.exception and not isinstance(result.exception, SystemExit)
        else "")


def assert_usage_error(result, *needles: str) -> str:
    """Exit 2, exactly one readable line on stderr, no traceback anywhere; returns that line."""
    assert result.exit_code == 2, out_of(result)
    assert not result.exception or isinstance(result.exception, SystemExit), out_of(result)
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, out_of(result)
    assert "Traceback" not in result.stderr + result.stdout, out_of(result)
    for n in needles:
        assert n in lines[0], out_of(result)
    return lines[0]


def load_json(out: Path) -> dict:
    return json.loads((out / "claimcheck.json").read_text(encoding="utf-8"))


def article(path: Path, title: str, day: str, source: str, body: str) -> Path:
    path.write_text(f"Title: {title}\nDate: {day}\nSource: {source}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def fire_corpus(tmp_path) -> Path:
    """Two articles whose death tolls cannot both be true: an error-severity contradiction."""
    d = tmp_path / "fire"
    d.mkdir()
    article(d / "a.txt", "Fire in the old town", "2024-03-04", "Daily A",
            "Twelve people were killed in the fire. Firefighters fought the blaze for hours.")
    article(d / "b.txt", "Deadly blaze", "2024-03-04", "Daily B",
            "Thirty people were killed in the fire. The cause of the blaze is not yet known.")
    return d


@pytest.fixture
def hedged_fire_corpus(tmp_path) -> Path:
    """'At least 12' vs 'Thirty': literally compatible, so a warning (mismatch) and never an error."""
    d = tmp_path / "hedged"
    d.mkdir()
    article(d / "a.txt", "Fire in the old town", "2024-03-04", "Daily A",
            "At least 12 people were killed in the fire. Firefighters fought the blaze for hours.")
    article(d / "b.txt", "Deadly blaze", "2024-03-04", "Daily B",
            "Thirty people were killed in the fire. The cause of the blaze is not yet known.")
    return d


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """One default run of the seed corpus, shared by the tests that only read its output."""
    out = tmp_path_factory.mktemp("seed-out")
    mp = pytest.MonkeyPatch()
    mp.setattr(nlp_mod, "load", cached_load)
    try:
        result = cc("run", SEEDS, "--rules", RULES, "--out", out)
    finally:
        mp.undo()
    return result, out


# ---------------------------------------------------------------- version


def test_version():
    r = cc("--version")
    assert r.exit_code == 0, out_of(r)
    assert r.stdout.strip() == f"claimcheck {__version__}"


def test_console_script_subprocess(tmp_path):
    """The installed entry point works outside the test process: --version, and a usage error exits 2."""
    exe = shutil.which("claimcheck", path=str(Path(sys.executable).parent)) or shutil.which("claimcheck")
    if exe is None:
        pytest.skip("the claimcheck console script is not installed (pip install -e .)")
    p = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == f"claimcheck {__version__}"
    p = subprocess.run([exe, "run", str(tmp_path / "nope")], capture_output=True, text=True, timeout=60)
    assert p.returncode == 2, p.stdout + p.stderr
    assert "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1, p.stderr


# ---------------------------------------------------------------- the seed corpus and exit codes


def test_seed_run_writes_reports_and_exit_follows_errors(seed_run):
    result, out = seed_run
    assert (out / "claimcheck.json").is_file(), out_of(result)
    assert (out / "claimcheck.html").is_file(), out_of(result)
    data = load_json(out)
    active = [d for d in data["discrepancies"] if not d.get("suppressed")]
    has_error = any(d["severity"] == "error" for d in active)
    # default --fail-on error: 1 only when an error-severity discrepancy was found
    assert result.exit_code == (1 if has_error else 0), out_of(result)
    # the seeds disagree only mildly ("more than 30" vs 58): warnings, no errors
    assert not has_error, [d["message"] for d in active if d["severity"] == "error"]
    assert any(d["severity"] == "warning" for d in active)
    assert data["summary"]["articles"] == 5
    assert len(data["articles"]) == 5
    html = (out / "claimcheck.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")


def test_seed_fail_on_warning_exits_1(tmp_path):
    r = cc("run", SEEDS, "--rules", RULES, "--out", tmp_path, "--fail-on", "warning", "--quiet")
    assert r.exit_code == 1, out_of(r)


def test_seed_fail_on_never_exits_0(tmp_path):
    r = cc("run", SEEDS, "--rules", RULES, "--out", tmp_path, "--fail-on", "never", "--quiet")
    assert r.exit_code == 0, out_of(r)


def test_error_contradiction_exits_1(fire_corpus, tmp_path):
    out = tmp_path / "out"
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet")
    data = load_json(out)
    errors = [d for d in data["discrepancies"] if d["severity"] == "error" and not d["suppressed"]]
    assert errors, json.dumps(data["claims"], indent=1)
    assert r.exit_code == 1, out_of(r)
    texts = {c["id"]: c["text"].lower() for c in data["claims"]}
    assert any({"twelve", "thirty"} <= {w for i in d["claims"] for w in texts[i].split()} for d in errors), errors
    # --fail-on never turns the same findings into exit 0
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet", "--fail-on", "never")
    assert r.exit_code == 0, out_of(r)


def test_warning_only_exits_0_by_default(hedged_fire_corpus, tmp_path):
    out = tmp_path / "out"
    r = cc("run", hedged_fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet")
    data = load_json(out)
    sev = [d["severity"] for d in data["discrepancies"]]
    assert "error" not in sev and "warning" in sev, data["discrepancies"]
    assert r.exit_code == 0, out_of(r)
    r = cc("run", hedged_fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet",
           "--fail-on", "warning")
    assert r.exit_code == 1, out_of(r)


# ---------------------------------------------------------------- usage and configuration errors


def test_missing_corpus_exits_2(tmp_path):
    missing = tmp_path / "no-such-folder"
    r = cc("run", missing, "--out", tmp_path / "out")
    assert_usage_error(r, str(missing))
    assert not (tmp_path / "out" / "claimcheck.json").exists()


def test_empty_folder_exits_2(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = cc("run", empty, "--out", tmp_path / "out")
    assert_usage_error(r, str(empty))


def test_bad_format_exits_2(tmp_path):
    r = cc("run", SEEDS, "--out", tmp_path, "--format", "json,xml")
    assert_usage_error(r, "--format", "xml")
    assert not (tmp_path / "claimcheck.json").exists()


def test_bad_fail_on_exits_2(tmp_path):
    r = cc("run", SEEDS, "--out", tmp_path, "--fail-on", "sometimes")
    assert_usage_error(r, "--fail-on", "sometimes")


def test_malformed_rules_file_names_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    bad = rules / "bad.yml"
    bad.write_text("claims:\n  - id: fire.toll\n    kind: count\n    exampels: {}\n", encoding="utf-8")
    r = cc("run", SEEDS, "--rules", rules, "--out", tmp_path / "out")
    line = assert_usage_error(r, f"{bad}:")
    # file:line, where line is a number inside the file
    after = line.split(f"{bad}:", 1)[1]
    assert after.split(":", 1)[0].strip().isdigit(), line
    assert 1 <= int(after.split(":", 1)[0]) <= 4, line


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    bad = rules / "broken.yml"
    bad.write_text("claims:\n  - id: x\n    kind: [count\n", encoding="utf-8")
    r = cc("run", SEEDS, "--rules", rules, "--out", tmp_path / "out")
    line = assert_usage_error(r, f"{bad}:")
    assert line.split(f"{bad}:", 1)[1].split(":", 1)[0].strip().isdigit(), line


def test_unknown_model_exits_2(tmp_path):
    r = cc("run", SEEDS, "--out", tmp_path, "--model", "no_such_model")
    assert_usage_error(r, "no_such_model")
    assert not (tmp_path / "claimcheck.json").exists()


# ---------------------------------------------------------------- formats, quiet, skipped files, atomicity


def test_format_json_writes_only_json(fire_corpus, tmp_path):
    out = tmp_path / "out"
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--format", "json")
    assert r.exit_code in (0, 1), out_of(r)
    assert sorted(p.name for p in out.iterdir() if p.name != ".cache") == ["claimcheck.json"]
    assert "Discrepancies" not in r.stdout  # no table either


def test_quiet_prints_nothing(fire_corpus, tmp_path):
    out = tmp_path / "out"
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet")
    assert r.exit_code == 1, out_of(r)
    assert r.stdout == "", out_of(r)
    assert (out / "claimcheck.json").is_file() and (out / "claimcheck.html").is_file()


def test_table_on_stdout_without_quiet(fire_corpus, tmp_path):
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", tmp_path / "out")
    assert r.exit_code == 1, out_of(r)
    assert "Twelve" in r.stdout and "Thirty" in r.stdout, out_of(r)
    assert "claimcheck.json" in r.stdout


def test_unreadable_files_are_skipped_and_run_goes_on(fire_corpus, tmp_path):
    (fire_corpus / "junk.txt").write_bytes(bytes(range(256)) * 20)          # binary, NULs
    (fire_corpus / "noise.md").write_bytes(b"\xff\xfe\x00\xd8broken")       # broken UTF-16
    (fire_corpus / "blank.txt").write_text("   \n", encoding="utf-8")       # empty
    out = tmp_path / "out"
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet")
    assert r.exit_code == 1, out_of(r)  # the contradiction is still found
    data = load_json(out)
    skipped = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert {"junk.txt", "noise.md", "blank.txt"} <= set(skipped), data["skipped"]
    assert all(reason for reason in skipped.values())
    assert sorted(a["id"] for a in data["articles"]) == ["a", "b"]
    assert data["summary"]["skipped"] == len(data["skipped"])


def test_reports_replaced_atomically(fire_corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "claimcheck.json").write_text("stale", encoding="utf-8")
    (out / "claimcheck.html").write_text("stale", encoding="utf-8")
    for _ in range(2):
        r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet")
        assert r.exit_code == 1, out_of(r)
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if n.endswith(".tmp") or ".tmp" in n], names
    assert load_json(out)["schema_version"] == 1
    assert "stale" not in (out / "claimcheck.html").read_text(encoding="utf-8")[:100]
    # reports are readable by others (mkstemp's 0600 must not leak through)
    assert os.stat(out / "claimcheck.json").st_mode & 0o044 == 0o044


def test_two_runs_identical_apart_from_generated_at(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        r = cc("run", SEEDS, "--rules", RULES, "--out", out, "--quiet", "--fail-on", "never", "--no-cache")
        assert r.exit_code == 0, out_of(r)
    ja, jb = load_json(a), load_json(b)
    assert ja.pop("generated_at") and jb.pop("generated_at")
    assert ja == jb
    # byte-identical, too, once generated_at is blanked
    ta = (a / "claimcheck.json").read_text(encoding="utf-8").splitlines()
    tb = (b / "claimcheck.json").read_text(encoding="utf-8").splitlines()
    strip = lambda lines: [l for l in lines if '"generated_at"' not in l]  # noqa: E731
    assert strip(ta) == strip(tb)


# ---------------------------------------------------------------- --model


def test_model_rules_only(tmp_path):
    out = tmp_path / "out"
    r = cc("run", SEEDS, "--rules", RULES, "--out", out, "--model", "rules-only", "--fail-on", "never")
    assert r.exit_code == 0, out_of(r)
    data = load_json(out)
    assert data["model"] == "rules-only"
    assert data["summary"]["claims"] > 0
    assert any(c["kind"] == "count" for c in data["claims"])


def test_model_rules_only_says_so(tmp_path):
    out = tmp_path / "out"
    r = cc("run", SEEDS, "--rules", RULES, "--out", out, "--model", "rules-only", "--fail-on", "never")
    assert r.exit_code == 0, out_of(r)
    data = load_json(out)
    assert any("rules-only" in w for w in data["warnings"]), data["warnings"]
    assert "rules-only" in r.stdout + r.stderr, out_of(r)


def test_default_model_is_not_rules_only(seed_run):
    result, out = seed_run
    data = load_json(out)
    assert data["model"] != "rules-only"
    assert data["warnings"] == [], data["warnings"]


# ---------------------------------------------------------------- the claim cache


def test_cli_writes_claim_cache_in_out_dir(fire_corpus, tmp_path):
    out = tmp_path / "out"
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out, "--quiet")
    assert r.exit_code == 1, out_of(r)
    assert (out / ".cache").is_dir()
    assert any((out / ".cache").iterdir())


def test_missing_rules_folder_named_on_the_command_line_exits_2(fire_corpus, tmp_path):
    r = cc("run", fire_corpus, "--rules", tmp_path / "no_such_rules", "--out", tmp_path / "out")
    assert r.exit_code == 2
    assert "no_such_rules" in r.stderr and "Traceback" not in r.stderr + r.stdout


# ---------------------------------------------------------------- exit codes a CI job can trust


def test_out_that_is_a_file_exits_2_before_any_work(fire_corpus, tmp_path, monkeypatch):
    from claimcheck import pipeline
    monkeypatch.setattr(pipeline, "run", lambda *a, **k: pytest.fail("work started before --out was checked"))
    target = tmp_path / "report.txt"
    target.write_text("mine", encoding="utf-8")
    assert_usage_error(cc("run", fire_corpus, "--out", target), "--out", "not a folder")
    assert target.read_text(encoding="utf-8") == "mine"
    assert_usage_error(cc("run", fire_corpus, "--out", target / "sub"), "--out", "cannot write")
    assert_usage_error(cc("run", fire_corpus, "--out", "/proc/claimcheck-out"), "--out", "cannot write")


def test_out_with_an_impossible_name_exits_2(fire_corpus, tmp_path):
    assert_usage_error(cc("run", fire_corpus, "--out", tmp_path / ("x" * 300)), "--out")


def test_click_usage_errors_are_one_line_exit_2(tmp_path):
    assert_usage_error(cc("run"), "Missing argument")
    assert_usage_error(cc("run", SEEDS, "--bogus"), "--bogus")
    assert_usage_error(cc("rules", "frobnicate"), "frobnicate")


def test_internal_error_exits_3_with_one_line_and_traceback_only_under_debug(fire_corpus, tmp_path, monkeypatch):
    from claimcheck import pipeline

    def bug(*a, **k):
        raise KeyError("a bug")
    monkeypatch.setattr(pipeline, "run", bug)
    r = cc("run", fire_corpus, "--out", tmp_path / "out")
    assert r.exit_code == 3, out_of(r)
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "internal error" in lines[0] and "--debug" in lines[0], out_of(r)
    assert "Traceback" not in r.stderr + r.stdout
    r = cc("run", fire_corpus, "--out", tmp_path / "out", "--debug")
    assert r.exit_code == 3, out_of(r)
    assert "Traceback" in r.stderr and "KeyError" in r.stderr, out_of(r)


def test_rules_check_on_a_missing_folder_exits_2(tmp_path):
    assert_usage_error(cc("rules", "check", tmp_path / "no_such_rules"), "no_such_rules")


def test_output_error_while_writing_exits_2_and_keeps_old_reports(fire_corpus, tmp_path, monkeypatch):
    from claimcheck.report import atomic
    out = tmp_path / "out"
    out.mkdir()
    (out / "claimcheck.json").write_text("OLD", encoding="utf-8")
    real = atomic._write_tmp
    calls = []

    def disk_full(folder, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(folder, name, content)
    monkeypatch.setattr(atomic, "_write_tmp", disk_full)
    r = cc("run", fire_corpus, "--rules", empty_dir(tmp_path / "norules"), "--out", out)
    assert_usage_error(r, "No space left on device", "previous reports")
    assert (out / "claimcheck.json").read_text(encoding="utf-8") == "OLD"
    assert not (out / "claimcheck.html").exists()
    assert not [p.name for p in out.iterdir() if p.name.startswith(".claimcheck-tmp-")]
