"""Reports: JSON (the machine-readable truth), HTML (for editors) and a terminal table.

FORMATS maps a --format name to its writer; write_reports runs the chosen ones.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

from rich.console import Console

from ..models import Report
from . import csv, html, json, sarif, terminal
from .atomic import atomic_open, atomic_write_text

FORMATS: dict[str, Callable] = {"json": json.write, "html": html.write, "csv": csv.write, "sarif": sarif.write,
                                "table": terminal.write}
FILE_FORMATS = ("json", "html", "csv", "sarif")
# each file format as (file name, render(rep) -> text): for a writer that writes all of a run's files together
RENDERERS: dict[str, tuple[str, Callable[[Report], str]]] = {
    "json": (json.FILENAME, json.render), "html": (html.FILENAME, html.render),
    "csv": (csv.FILENAME, csv.render), "sarif": (sarif.FILENAME, sarif.render),
}

__all__ = ["FORMATS", "FILE_FORMATS", "RENDERERS", "write_reports", "atomic_open", "atomic_write_text",
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
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for name in FILE_FORMATS:
        if name in formats:
            paths.append(FORMATS[name](rep, out_dir))
    if "table" in formats and not quiet:
        FORMATS["table"](rep, out_dir, console=console, paths=paths)
    return paths
