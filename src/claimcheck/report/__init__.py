"""Reports: JSON (the machine-readable truth), HTML (for editors) and a terminal table.

FORMATS maps a --format name to its writer; write_reports runs the chosen ones. A file format also
has an entry in RENDERERS, (file name, render(rep) -> str): write_reports renders every chosen file
format first and then writes them all at once (atomic.write_all), so a run replaces all its reports
or none.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from rich.console import Console

from ..models import Report
from . import csv, html, json, sarif, terminal
from .atomic import atomic_open, atomic_write_text, write_all

FORMATS: dict[str, Callable] = {"json": json.write, "html": html.write, "csv": csv.write, "sarif": sarif.write,
                                "table": terminal.write}
# each file format as (file name, render(rep) -> text): write_all writes all of a run's files together.
# The render functions are looked up when called (late-bound), so a format module can be patched in tests.
RENDERERS: dict[str, tuple[str, Callable[[Report], str]]] = {
    name: (mod.FILENAME, (lambda mod: lambda rep: mod.render(rep))(mod))
    for name, mod in (("json", json), ("html", html), ("csv", csv), ("sarif", sarif))
}
FILE_FORMATS = tuple(RENDERERS)

__all__ = ["FORMATS", "FILE_FORMATS", "RENDERERS", "write_reports", "write_all", "atomic_open", "atomic_write_text",
           "csv", "html", "json", "sarif", "terminal"]


def write_reports(rep: Report, out_dir: Path, formats: list[str], quiet: bool = False,
                  console: Optional[Console] = None) -> list[Path]:
    """Write the chosen file formats to out_dir atomically, then print the table unless quiet.

    Returns the paths written, JSON first. Unknown format names raise ValueError (the CLI checks first).
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format(s): {', '.join(unknown)}")
    out_dir = Path(out_dir)
    outputs = [(RENDERERS[name][0], RENDERERS[name][1](rep)) for name in FILE_FORMATS if name in formats]
    paths = write_all(out_dir, outputs) if outputs else []
    if "table" in formats and not quiet:
        FORMATS["table"](rep, out_dir, console=console, paths=paths)
    return paths
