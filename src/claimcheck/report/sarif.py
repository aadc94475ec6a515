"""The SARIF 2.1.0 export, for code-review tools (`--format sarif`, reports/claimcheck.sarif).

One result per finding: ruleId is the finding's code (contradiction, mismatch, ...), level error /
warning / note (an update), the location is the first claim's article and sentence, relatedLocations
the claims it disagrees with. Line and column numbers count in the article's extracted text (the text
claimcheck read: exact for plain-text articles without a header, approximate for HTML and JSON);
`properties.offsets` gives the character offsets in that text. partialFingerprints carries the
baseline key, so a review tool tracks a finding across edits as `--baseline` does.
"""
from __future__ import annotations

import json as _json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..models import Report
from . import view
from . import FILENAMES
from .atomic import atomic_open
from .findings import Finding, Side, findings

FILENAME = FILENAMES["sarif"]
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
RULES = {
    "contradiction": "Articles give values of one fact that cannot both be true",
    "mismatch": "Articles give values of one fact that read differently",
    "update": "A later article gives a new value (a toll that rose)",
    "canonical-contradiction": "An article contradicts a canonical value declared in the rules",
    "canonical-mismatch": "An article reads differently from a canonical value declared in the rules",
}


def _line_col(text: str, i: int) -> tuple[int, int]:
    i = max(0, min(i, len(text)))
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col


def _location(s: Side, msg: str = "") -> dict[str, Any]:
    c, a = s.claim, s.article
    region: dict[str, Any] = {"snippet": {"text": view.neutral(c.text)}}
    if a is not None and 0 <= c.start <= c.end <= len(a.text):
        (l1, c1), (l2, c2) = _line_col(a.text, c.start), _line_col(a.text, c.end)
        region.update({"startLine": l1, "startColumn": c1, "endLine": l2, "endColumn": max(c2, 1)})
    else:
        region["startLine"] = 1
    loc: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": quote(s.path), "uriBaseId": "CORPUS"},
        "region": region,
        "contextRegion": {"snippet": {"text": view.neutral(c.quote or c.text)}, "startLine": region["startLine"]},
    }, "properties": {"article": c.article, "claim": c.id, "offsets": [c.start, c.end]}}
    if msg:
        loc["message"] = {"text": view.neutral(msg)}
    return loc


def _result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    d = f.d
    text = f"{f.label}: {view.neutral(d.message)}"
    if d.explanation:
        text += f" ({view.neutral(d.explanation)})"
    r: dict[str, Any] = {
        "ruleId": d.code, "ruleIndex": rule_index[d.code], "level": LEVEL.get(d.severity, "warning"),
        "message": {"text": text},
        "locations": [_location(f.sides[0])] if f.sides else [],
        "relatedLocations": [dict(_location(s, f"{s.article.outlet or s.article.title if s.article else s.path}"
                                               f" says {s.value}"), id=i + 1)
                             for i, s in enumerate(f.sides[1:])],
        "partialFingerprints": {"claimcheckContent/v1": f.key},
        "properties": {"finding": d.id, "fact": d.fact, "severity": d.severity, "story": f.story,
                       "values": [s.value for s in f.sides]},
    }
    if d.suppressed:
        r["suppressions"] = [{"kind": "external", "status": "accepted",
                              "justification": view.neutral(d.suppressed_reason or "accepted by a rule")}]
    return r


def to_dict(rep: Report) -> dict[str, Any]:
    fs = findings(rep)
    codes = sorted({f.d.code for f in fs} | set(RULES))
    rule_index = {c: i for i, c in enumerate(codes)}
    arts = sorted({(s.path, s.article.id if s.article else "") for f in fs for s in f.sides})
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck", "version": __version__, "semanticVersion": __version__,
                "rules": [{"id": c, "name": c.title().replace("-", ""),
                           "shortDescription": {"text": RULES.get(c, f"claimcheck finding: {c}")}}
                          for c in codes],
            }},
            "artifacts": [{"location": {"uri": quote(p), "uriBaseId": "CORPUS"}, "properties": {"article": i}}
                          for p, i in arts],
            "results": [_result(f, rule_index) for f in fs],
            "properties": {"corpus": rep.corpus, "accepted_by_baseline": rep.accepted},
        }],
    }


def render(rep: Report) -> str:
    return _json.dumps(to_dict(rep), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write(rep: Report, out_dir: Path, **_: Any) -> Path:
    path = Path(out_dir) / FILENAME
    text = render(rep)
    with atomic_open(path) as fh:
        fh.write(text)
    return path
