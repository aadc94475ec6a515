"""Reports: JSON (the machine-readable truth), HTML (for editors) and a terminal table.

FORMATS maps a --format name to its writer; write_reports runs the chosen ones. A file format also
has an entry in RENDERERS, (file name, render(rep) -> str): write_reports renders every chosen file
format first and then writes them all at once (atomic.write_all), so a run replaces all its reports
or none.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

from .atomic import atomic_open, atomic_write_text, write_all

if TYPE_CHECKING:
    from rich.console import Console

    from ..models import Report

# The format modules are imported when first used (a re-run that reuses its reports needs none of
# them, and jinja2 and rich cost a third of a second to import): `report.html` and the like, and the
# writers below, load them on demand.
MODULES = ("csv", "html", "json", "sarif", "terminal", "view")
# each file format's file name (the format module's FILENAME is this)
FILENAMES = {"json": "claimcheck.json", "html": "claimcheck.html", "csv": "claimcheck.csv",
             "sarif": "claimcheck.sarif"}


def __getattr__(name: str) -> Any:
    if name in MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _writer(name: str) -> Callable:
    return lambda *args, **kwargs: __getattr__(name).write(*args, **kwargs)


def _renderer(name: str) -> Callable:
    """render(rep) of a format module, or its chunks(rep) when it streams (the JSON report of a large
    corpus is hundreds of megabytes: written as it is encoded, it is never whole in memory)."""
    def render(rep):
        mod = __getattr__(name)
        return mod.chunks(rep) if hasattr(mod, "chunks") else mod.render(rep)
    return render


FORMATS: dict[str, Callable] = {name: _writer(name) for name in ("json", "html", "csv", "sarif")}
FORMATS["table"] = _writer("terminal")
# each file format as (file name, render(rep) -> text or text chunks): write_all writes all of a run's
# files together.
# The render functions are looked up when called (late-bound), so a format module can be patched in tests.
RENDERERS: dict[str, tuple[str, Callable]] = {name: (FILENAMES[name], _renderer(name)) for name in FILENAMES}
FILE_FORMATS = tuple(RENDERERS)

__all__ = ["FORMATS", "FILE_FORMATS", "FILENAMES", "RENDERERS", "render_files", "write_reports", "write_all",
           "atomic_open", "atomic_write_text", "csv", "html", "json", "sarif", "terminal"]


def render_files(rep: "Report", formats: list[str]) -> list[tuple[str, Any]]:
    """(file name, text or text chunks) of every chosen file format, JSON first, for write_all (a
    streaming format renders as it is written)."""
    return [(RENDERERS[name][0], RENDERERS[name][1](rep)) for name in FILE_FORMATS if name in formats]


def write_reports(rep: "Report", out_dir: Path, formats: list[str], quiet: bool = False,
                  console: Optional["Console"] = None, rendered: Optional[list[tuple[str, str]]] = None
                  ) -> list[Path]:
    """Write the chosen file formats to out_dir atomically, then print the table unless quiet.

    `rendered`: the files as render_files gives them (default: render them here).
    Returns the paths written, JSON first. Unknown format names raise ValueError (the CLI checks first).
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format(s): {', '.join(unknown)}")
    out_dir = Path(out_dir)
    outputs = rendered if rendered is not None else render_files(rep, formats)
    paths = write_all(out_dir, outputs) if outputs else []
    if "table" in formats and not quiet:
        FORMATS["table"](rep, out_dir, console=console, paths=paths)
    return paths
