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
from .json import SEVERITY_ORDER, ordered, summary

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
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
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


def table(rep: Report) -> Optional[Table]:
    articles, claims, facts, discs = ordered(rep)
    if not discs:
        return None
    by_claim = {c.id: c for c in claims}
    facts_by_id = {f.id: f for f in facts}
    titles = {a.id: (a.outlet or a.title or a.path) for a in articles}

    t = Table(title="Discrepancies", title_justify="left", show_lines=False, expand=False, header_style="bold")
    t.add_column("Fact", overflow="fold", ratio=3)
    t.add_column("Values", overflow="fold", ratio=3)
    t.add_column("Articles", overflow="fold", ratio=3)
    t.add_column("Severity", no_wrap=True)
    per_fact: dict[str, list] = {}
    for d in discs:  # one row per fact, in the order of its first (worst) discrepancy
        per_fact.setdefault(d.fact, []).append(d)
    for fact_id, ds in per_fact.items():
        f = facts_by_id.get(fact_id)
        ids = [i for d in ds for i in d.claims] or (f.claims if f else [])
        cs = [by_claim[i] for i in dict.fromkeys(ids) if i in by_claim]
        groups: dict[str, list] = {}
        for c in cs:
            groups.setdefault(view.value_key(c), []).append(c)
        values = " / ".join(f"{_wording(g)} ({len({c.article for c in g})})" for g in groups.values())
        arts = ", ".join(dict.fromkeys(titles.get(c.article, c.article) for c in cs))
        active = [d for d in ds if not d.suppressed]
        if active:
            worst = min(active, key=lambda d: SEVERITY_ORDER.get(d.severity, 2)).severity
            sev = Text(worst, style=SEVERITY_STYLE.get(worst, ""))
            if len(ds) > len(active):
                sev.append(f" (+{len(ds) - len(active)} suppressed)", style="dim")
        else:
            sev = Text(f"{ds[0].severity} (suppressed)", style="dim")
        t.add_row(safe(f.label if f else ds[0].message), safe(values), safe(arts), sev)
    return t


def _wording(claims: list) -> str:
    labels = [view.value_label(c) for c in claims]
    return max(dict.fromkeys(labels), key=labels.count)


def summary_line(rep: Report, paths: Optional[list[Path]] = None) -> str:
    s = summary(rep)
    parts = [view.plural(s["articles"], "article"), view.plural(s["claims"], "claim"),
             view.plural(s["facts"], "fact")]
    finding = f"{view.plural(s['errors'], 'error')}, {view.plural(s['warnings'], 'warning')}"
    if s["suppressed"]:
        finding += f" ({s['suppressed']} suppressed)"
    parts.append(finding)
    if s["skipped"]:
        parts.append(f"{s['skipped']} skipped")
    line = "claimcheck: " + " · ".join(parts)
    if paths:
        line += " → " + ", ".join(str(p) for p in paths)
    return line


def write(rep: Report, out_dir: Path | None = None, console: Optional[Console] = None,
          paths: Optional[list[Path]] = None, **_: Any) -> None:
    con = console or make_console()
    t = table(rep)
    if t is not None:
        con.print(t)
    line = Text(summary_line(rep, paths))
    s = summary(rep)
    if con.no_color is False and con.is_terminal:
        line.stylize("bold red" if s["errors"] else ("yellow" if s["warnings"] else "green"))
    con.print(line, soft_wrap=True)
    return None
