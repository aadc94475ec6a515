"""The CSV export: one row per finding, for spreadsheets (`--format csv`, reports/claimcheck.csv).

Several claims in one cell are joined with " | " in the same order in every column. A cell that a
spreadsheet would read as a formula (it starts with = + - @ or a tab) is prefixed with an apostrophe:
article text is untrusted, and a quote such as "=HYPERLINK(...)" must stay text.
"""
from __future__ import annotations

import csv as _csv
import io
from pathlib import Path
from typing import Any

from ..models import Report
from . import view
from . import FILENAMES
from .atomic import atomic_open
from .findings import findings

FILENAME = FILENAMES["csv"]
COLUMNS = ["finding", "baseline_key", "severity", "code", "suppressed", "fact", "fact_id", "story", "event",
           "values", "articles", "titles", "outlets", "published", "quotes", "message", "explanation"]
JOIN = " | "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: Any) -> str:
    s = view.neutral(str(text if text is not None else ""))
    return "'" + s if s.startswith(FORMULA_START) else s


def rows(rep: Report) -> list[dict[str, str]]:
    out = []
    for f in findings(rep):
        j = lambda xs: JOIN.join(view.one_line(x) for x in xs)  # noqa: E731
        out.append({k: cell(v) for k, v in {
            "finding": f.d.id, "baseline_key": f.key, "severity": f.d.severity, "code": f.d.code,
            "suppressed": "yes" if f.d.suppressed else "no", "fact": f.label,
            "fact_id": f.d.fact, "story": f.story, "event": f.event,
            "values": j(s.value for s in f.sides),
            "articles": j(s.path for s in f.sides),
            "titles": j((s.article.title if s.article else "") for s in f.sides),
            "outlets": j((s.article.outlet if s.article else "") for s in f.sides),
            "published": j((s.article.published.isoformat() if s.article and s.article.published else "")
                           for s in f.sides),
            "quotes": j(s.claim.quote for s in f.sides),
            "message": view.one_line(f.d.message), "explanation": view.one_line(f.d.explanation),
        }.items()})
    return out


def render(rep: Report) -> str:
    buf = io.StringIO(newline="")
    w = _csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows(rep))
    return buf.getvalue()


def write(rep: Report, out_dir: Path, **_: Any) -> Path:
    path = Path(out_dir) / FILENAME
    text = render(rep)
    with atomic_open(path) as fh:  # newline="\n": the CSV's \r\n pass through as written
        fh.write(text)
    return path
