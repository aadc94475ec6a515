"""The JSON report: the machine-readable truth (DESIGN.md section 6).

`to_dict(rep)` builds the contract; `write(rep, out_dir)` writes reports/claimcheck.json atomically.
Order is stable: articles by id, claims by article then offset, facts and discrepancies by a fixed key,
so two runs on the same corpus give byte-identical JSON apart from `generated_at`.
"""
from __future__ import annotations

import json as _json
import math
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

from .. import __version__
from ..models import Article, Claim, Discrepancy, Fact, Report
from . import FILENAMES
from .atomic import atomic_open

SCHEMA_VERSION = 1
FILENAME = FILENAMES["json"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}   # info: an update (a toll that rose)
STATUS_ORDER = {"discrepancy": 0, "consistent": 1, "single": 2}


# ---------------------------------------------------------------- small helpers


def num(x: Optional[float]) -> Any:
    """A JSON-safe number: None/inf/nan -> None, whole floats -> int."""
    if x is None or isinstance(x, bool):
        return x
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            return None
        if x.is_integer():
            return int(x)
    return x


def iso(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d is not None else None


def clean(obj: Any) -> Any:
    """Make any value JSON-safe (canonical facts and the like are free-form)."""
    if isinstance(obj, dict):
        return {str(k): clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return sorted((clean(v) for v in obj), key=str)
    if isinstance(obj, float):
        return num(obj)
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if obj is None or isinstance(obj, (str, int, bool)):
        return obj
    return str(obj)


# ---------------------------------------------------------------- stable order


def ordered(rep: Report) -> tuple[list[Article], list[Claim], list[Fact], list[Discrepancy]]:
    """Articles, claims, facts and discrepancies in the report's stable order."""
    articles = sorted(rep.articles, key=lambda a: (a.id, a.path))
    art_rank = {a.id: i for i, a in enumerate(articles)}
    claims = sorted(rep.claims, key=lambda c: (art_rank.get(c.article, len(art_rank)), c.article,
                                               c.start, c.end, c.kind, c.id))
    facts = sorted(rep.facts, key=lambda f: (STATUS_ORDER.get(f.status, 3), f.kind, f.label, f.id))
    fact_rank = {f.id: i for i, f in enumerate(facts)}
    discs = sorted(rep.discrepancies, key=lambda d: (d.suppressed, SEVERITY_ORDER.get(d.severity, 2),
                                                     fact_rank.get(d.fact, len(fact_rank)), d.code, d.id))
    return articles, claims, facts, discs


def _claim_ids_in_order(ids: list[str], rank: dict[str, int]) -> list[str]:
    return sorted(dict.fromkeys(ids), key=lambda i: (rank.get(i, len(rank)), i))


# ---------------------------------------------------------------- values


def claim_value(c: Claim) -> dict[str, Any]:
    """The normalized value of a claim, by what the claim carries; a measure, an age or a clock time
    adds its kind-specific fields (base unit and interval, zone, minutes since midnight)."""
    value = _value(c)
    if c.measure:
        value.update(clean(c.measure))
    return value


def _value(c: Claim) -> dict[str, Any]:
    if c.quantity is not None:
        q = c.quantity
        return {
            "low": num(q.low), "high": num(q.high),
            "low_inclusive": q.low_inclusive, "high_inclusive": q.high_inclusive,
            "approximate": q.approximate,
            "unit": c.unit or q.unit,
            "expected_low": num(q.expected_low), "expected_high": num(q.expected_high),
            "expected_low_inclusive": q.expected_low_inclusive,
            "expected_high_inclusive": q.expected_high_inclusive,
            "hedge": q.hedge, "value": num(q.value),
        }
    if c.date is not None:
        d = c.date
        return {"start": iso(d.start), "end": iso(d.end), "granularity": d.granularity,
                "relative": d.relative, "resolved": d.resolved}
    if c.polarity is not None:
        return {"polarity": bool(c.polarity), "entity": c.subject, "object": c.object}
    if c.custom_value is not None:
        return {"text": c.custom_value}
    return {}


# ---------------------------------------------------------------- the contract


def summary(rep: Report) -> dict[str, int]:
    active = [d for d in rep.discrepancies if not d.suppressed]
    return {
        "articles": len(rep.articles),
        "claims": len(rep.claims),
        "facts": len(rep.facts),
        "discrepancies": len(rep.discrepancies),
        "errors": sum(d.severity == "error" for d in active),
        "warnings": sum(d.severity == "warning" for d in active),
        "updates": sum(d.severity == "info" for d in active),
        "suppressed": sum(d.suppressed for d in rep.discrepancies),
        "facts_with_findings": len({d.fact for d in rep.discrepancies}),
        "accepted": rep.accepted,
        "skipped": len(rep.skipped),
    }


def generated_at(rep: Report) -> str:
    return rep.generated_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def to_dict(rep: Report, lazy: bool = False) -> dict[str, Any]:
    """The report as a dict; lazy=True: its lists of records as iterators (for chunks: each record
    built as it is written)."""
    seq = iter if lazy else list
    articles, claims, facts, discs = ordered(rep)
    claim_rank = {c.id: i for i, c in enumerate(claims)}
    per_article: dict[str, int] = {}
    for c in claims:
        per_article[c.article] = per_article.get(c.article, 0) + 1
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "generated_at": generated_at(rep),
        "corpus": rep.corpus,
        "model": rep.model,
        "rules": list(rep.rules),
        "baseline": rep.baseline,
        "summary": summary(rep),
        "articles": seq({
            "id": a.id, "path": a.path, "title": a.title, "outlet": a.outlet, "url": a.url,
            "published": iso(a.published), "published_from": a.published_from,
            "claims": per_article.get(a.id, 0),
        } for a in articles),
        "skipped": seq({"path": s.path, "reason": s.reason}
                    for s in sorted(rep.skipped, key=lambda s: (s.path, s.reason))),
        "warnings": list(rep.warnings),
        "claims": seq({
            "id": c.id, "article": c.article, "kind": c.kind, "text": c.text, "quote": c.quote,
            "start": c.start, "end": c.end, "subject": c.subject, "predicate": c.predicate,
            "object": c.object, "unit": c.unit, "value": claim_value(c), "rule": c.rule, "trigger": c.trigger, "why": c.why,
            "event": c.event,
        } for c in claims),
        "stories": seq({
            "id": s.id, "label": s.label, "articles": sorted(s.articles), "folder": s.folder,
            "first": iso(s.first), "last": iso(s.last),
        } for s in sorted(rep.stories, key=lambda s: s.id)),
        "events": seq({
            "id": e.id, "story": e.story, "label": e.label, "kind": e.kind,
            "when": ({"start": iso(e.when.start), "end": iso(e.when.end), "granularity": e.when.granularity}
                     if e.when is not None else {}),
            "where": e.where, "articles": sorted(e.articles), "background": e.background, "why": e.why,
        } for e in sorted(rep.events, key=lambda e: (e.story, e.id))),
        "facts": seq({
            "id": f.id, "label": f.label, "kind": f.kind,
            "claims": _claim_ids_in_order(f.claims, claim_rank),
            "status": f.status, "why": f.why, "canonical": clean(f.canonical),
            "story": f.story, "event": f.event,
        } for f in facts),
        "discrepancies": seq({
            "id": d.id, "fact": d.fact, "code": d.code, "severity": d.severity,
            "claims": _claim_ids_in_order(d.claims, claim_rank),
            "message": d.message, "explanation": d.explanation,
            "suppressed": d.suppressed, "suppressed_reason": d.suppressed_reason,
        } for d in discs),
    }


def _one(value: Any) -> str:
    return _json.dumps(value, ensure_ascii=False, allow_nan=False)


def _lines(data: dict[str, Any]) -> Iterator[str]:
    """The report as JSON text, in chunks: each top-level key on its own line, and each element of a
    top-level list (an article, a claim, a fact...) on its own line, so the file reads and diffs line
    by line. Each line goes through json's C encoder (an indented dump goes through the pure-Python
    one). The values of `data` may be iterators (to_dict's lists are, when streaming)."""
    yield "{"
    first_key = True
    for key, value in data.items():
        yield ("\n" if first_key else ",\n") + f"  {_one(key)}: "
        first_key = False
        if isinstance(value, (list, Iterator)):
            empty = True
            for item in value:
                yield ("[\n    " if empty else ",\n    ") + _one(item)
                empty = False
            yield "[]" if empty else "\n  ]"
        else:
            yield _one(value)
    yield "\n}\n"


def dumps(data: dict[str, Any]) -> str:
    return "".join(_lines(data))


def chunks(rep: Report) -> Iterator[str]:
    """The JSON report as text chunks, each claim encoded as it is written (to_dict builds every
    record first: on 20,000 articles that is gigabytes)."""
    return _lines(to_dict(rep, lazy=True))


def render(rep: Report) -> str:
    return "".join(chunks(rep))


def write(rep: Report, out_dir: Path, **_: Any) -> Path:
    path = Path(out_dir) / FILENAME
    with atomic_open(path) as fh:     # a temporary file, renamed into place when complete
        for chunk in chunks(rep):
            fh.write(chunk)
    return path
