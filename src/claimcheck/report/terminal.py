"""Terminal output: a progress bar while articles are processed, a table of discrepancies, a summary line.

Colour only on a terminal; `--quiet` prints nothing. Article text goes through rich's markup escaping
(Text objects, never markup strings), so "[bold]" in an article is printed as written.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..models import Report
from . import view
from .json import ordered, summary

ProgressCallback = Callable[..., None]
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow"}


def make_console(file=None, stderr: bool = False) -> Console:
    """A rich Console that drops colour and terminal effects when the stream is not a TTY."""
    stream = file if file is not None else (sys.stderr if stderr else sys.stdout)
    tty = bool(getattr(stream, "isatty", lambda: False)())
    return Console(file=stream, no_color=not tty, highlight=False, emoji=False, markup=False,
                   force_terminal=None if tty else False, width=None if tty else 120,
                   soft_wrap=False)


@contextmanager
def progress(quiet: bool = False, console: Optional[Console] = None) -> Iterator[ProgressCallback]:
    """Yield cb(done, total, label="") for the pipeline; shows a rich progress bar on stderr when on a TTY."""
    if quiet:
        yield _noop
        return
    con = console or make_console(stderr=True)
    if not con.is_terminal:
        yield _noop
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # the spinner turns while nothing is counted yet (a worker loading the language model)
    bar = Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.fields[label]}"),
                   console=con, transient=True)
    task: dict[str, Any] = {}

    def cb(done: int, total: int, label: str = "") -> None:
        if "id" not in task:
            task["id"] = bar.add_task("articles", total=total or None, label="")
        bar.update(task["id"], completed=done, total=total or None,
                   label=_short(str(label or "").translate(_CONTROL)))

    with bar:
        yield cb


@contextmanager
def _no_status(message: str = "") -> Iterator[None]:
    yield


def status(quiet: bool = False, console: Optional[Console] = None) -> Callable[[str], Any]:
    """A factory of spinners for slow steps with no progress to count (loading the language model):
    `with status("Loading the language model"): ...`. Shows on stderr only on a terminal."""
    if quiet:
        return _no_status
    con = console or make_console(stderr=True)
    if not con.is_terminal:
        return _no_status

    @contextmanager
    def spin(message: str = "") -> Iterator[None]:
        with con.status(message or "Working", spinner="dots"):
            yield
    return spin


_CONTROL = {c: None for c in range(32) if c not in (9, 10)} | {127: None} | {c: None for c in range(0x80, 0xA0)}


def safe(text: str) -> Text:
    """Article text for the terminal: control characters (ANSI escapes, bells, carriage returns) removed."""
    return Text(str(text or "").translate(_CONTROL))


def _noop(done: int = 0, total: int = 0, label: str = "") -> None:
    return None


def _short(label: str, width: int = 40) -> str:
    label = str(label or "")
    return label if len(label) <= width else "…" + label[-(width - 1):]


# ---------------------------------------------------------------- table and summary


def summary_view(rep: Report) -> dict[str, Any]:
    """What the terminal shows of a report, as plain data (JSON-safe, so a re-run that reuses its
    reports prints the same without the report): one row per fact with findings, the counts."""
    articles, claims, facts, discs = ordered(rep)
    by_claim = {c.id: c for c in claims}
    facts_by_id = {f.id: f for f in facts}
    titles = {a.id: (a.outlet or a.title or view.relative_path(a.path, rep.corpus)) for a in articles}
    per_fact: dict[str, list] = {}
    for d in discs:  # one row per fact, in the order of its first (worst) discrepancy
        per_fact.setdefault(d.fact, []).append(d)
    rows = []
    for fact_id, ds in per_fact.items():
        f = facts_by_id.get(fact_id)
        ids = [i for d in ds for i in d.claims] or (f.claims if f else [])
        cs = [by_claim[i] for i in dict.fromkeys(ids) if i in by_claim]
        groups: dict[str, list] = {}
        for c in cs:
            groups.setdefault(view.value_key(c), []).append(c)
        active = [d for d in ds if not d.suppressed]
        rows.append({
            "fact": f.label if f else ds[0].message,
            "values": " / ".join(f"{_wording(g)} ({len({c.article for c in g})})" for g in groups.values()),
            "articles": ", ".join(dict.fromkeys(titles.get(c.article, c.article) for c in cs)),
            "severities": {name: sum(d.severity == name for d in active) for name in ("error", "warning", "info")},
            "suppressed": len(ds) - len(active)})
    return {"rows": rows, "findings": len(discs), "summary": summary(rep), "baseline": bool(rep.baseline)}


def table(view_data: dict[str, Any]) -> Optional[Table]:
    """The table of facts with findings of a summary_view (None when there are none)."""
    rows = view_data["rows"]
    if not rows:
        return None
    t = Table(title=f"Facts with findings ({view.plural(len(rows), 'fact')}, "
                    f"{view.plural(view_data['findings'], 'finding')})",
              title_justify="left", show_lines=False, expand=False, header_style="bold")
    t.add_column("Fact", overflow="fold", ratio=3)
    t.add_column("Values", overflow="fold", ratio=3)
    t.add_column("Articles", overflow="fold", ratio=3)
    t.add_column("Findings", no_wrap=True)
    for row in rows:
        sev = Text()
        for name in ("error", "warning", "info"):
            n = row["severities"].get(name, 0)
            if n:
                word = {"error": "error", "warning": "warning", "info": "update"}[name]
                sev.append(("" if not sev.plain else ", ") + view.plural(n, word), style=SEVERITY_STYLE.get(name, ""))
        if row["suppressed"]:
            sev.append(("" if not sev.plain else ", ") + f"{row['suppressed']} suppressed", style="dim")
        t.add_row(safe(row["fact"]), safe(row["values"]), safe(row["articles"]), sev)
    return t


def _wording(claims: list) -> str:
    labels = [view.value_label(c) for c in claims]
    return max(dict.fromkeys(labels), key=labels.count)


def shown_path(p: Path | str) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    import os
    p = str(p)
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return p
    return p if rel.startswith("..") else rel


def summary_line(rep: Report | dict[str, Any], paths: Optional[list[Path]] = None) -> str:
    """One unit per count: findings (by severity), and the facts that have them. Takes a report or
    its summary_view."""
    data = rep if isinstance(rep, dict) else summary_view(rep)
    s = data["summary"]
    parts = [view.plural(s["articles"], "article"), view.plural(s["claims"], "claim"),
             view.plural(s["facts"], "fact")]
    kinds = [view.plural(s["errors"], "error"), view.plural(s["warnings"], "warning")]
    if s["updates"]:
        kinds.append(view.plural(s["updates"], "update"))
    if s["suppressed"]:
        kinds.append(f"{s['suppressed']} suppressed")
    parts.append(f"{view.plural(s['discrepancies'], 'finding')} ({', '.join(kinds)}) on "
                 f"{view.plural(s['facts_with_findings'], 'fact')} with findings")
    if data["baseline"]:
        parts.append(f"{s['accepted']} accepted by the baseline")
    if s["skipped"]:
        parts.append(f"{s['skipped']} skipped")
    line = "claimcheck: " + " · ".join(parts)
    if paths:
        line += " → " + ", ".join(shown_path(p) for p in paths)
    return line


def write(rep: Report | dict[str, Any], out_dir: Path | None = None, console: Optional[Console] = None,
          paths: Optional[list[Path]] = None, **_: Any) -> None:
    """Print the table and the summary line of a report (or of its summary_view)."""
    con = console or make_console()
    data = rep if isinstance(rep, dict) else summary_view(rep)
    t = table(data)
    if t is not None:
        con.print(t)
    line = Text(summary_line(data, paths))
    s = data["summary"]
    if con.no_color is False and con.is_terminal:
        line.stylize("bold red" if s["errors"] else ("yellow" if s["warnings"] else "green"))
    con.print(line, soft_wrap=True)
    return None
