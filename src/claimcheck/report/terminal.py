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


def table(rep: Report) -> Optional[Table]:
    articles, claims, facts, discs = ordered(rep)
    if not discs:
        return None
    by_claim = {c.id: c for c in claims}
    facts_by_id = {f.id: f for f in facts}
    titles = {a.id: (a.outlet or a.title or view.relative_path(a.path, rep.corpus)) for a in articles}
    n_facts = len({d.fact for d in discs})

    t = Table(title=f"Facts with findings ({view.plural(n_facts, 'fact')}, {view.plural(len(discs), 'finding')})",
              title_justify="left", show_lines=False, expand=False, header_style="bold")
    t.add_column("Fact", overflow="fold", ratio=3)
    t.add_column("Values", overflow="fold", ratio=3)
    t.add_column("Articles", overflow="fold", ratio=3)
    t.add_column("Findings", no_wrap=True)
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
        sev = Text()
        for name in ("error", "warning", "info"):
            n = sum(d.severity == name for d in active)
            if n:
                word = {"error": "error", "warning": "warning", "info": "update"}[name]
                sev.append(("" if not sev.plain else ", ") + view.plural(n, word), style=SEVERITY_STYLE.get(name, ""))
        if len(ds) > len(active):
            sev.append(("" if not sev.plain else ", ") + f"{len(ds) - len(active)} suppressed", style="dim")
        t.add_row(safe(f.label if f else ds[0].message), safe(values), safe(arts), sev)
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


def summary_line(rep: Report, paths: Optional[list[Path]] = None) -> str:
    """One unit per count: findings (by severity), and the facts that have them."""
    s = summary(rep)
    parts = [view.plural(s["articles"], "article"), view.plural(s["claims"], "claim"),
             view.plural(s["facts"], "fact")]
    kinds = [view.plural(s["errors"], "error"), view.plural(s["warnings"], "warning")]
    if s["updates"]:
        kinds.append(view.plural(s["updates"], "update"))
    if s["suppressed"]:
        kinds.append(f"{s['suppressed']} suppressed")
    parts.append(f"{view.plural(s['discrepancies'], 'finding')} ({', '.join(kinds)}) on "
                 f"{view.plural(s['facts_with_findings'], 'fact')} with findings")
    if rep.baseline:
        parts.append(f"{s['accepted']} accepted by the baseline")
    if s["skipped"]:
        parts.append(f"{s['skipped']} skipped")
    line = "claimcheck: " + " · ".join(parts)
    if paths:
        line += " → " + ", ".join(shown_path(p) for p in paths)
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
