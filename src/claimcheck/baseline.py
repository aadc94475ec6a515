"""Baselines, as linters have them: accept today's findings, report only the new ones later.

`claimcheck baseline CORPUS` writes every current finding's content key to a file; `claimcheck run
--baseline FILE` leaves out the findings whose key is in it and says how many it accepted.

A key is built from what the disagreeing claims say, not where they sit: each claim's kind, normalized
value, subject, predicate and unit, and its sentence (white space folded), plus the finding's code. An
edit elsewhere in an article moves every offset and changes every claim id; the key stays the same.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

from .errors import UsageError
from .models import Claim, Discrepancy, Report
from .report.json import claim_value, generated_at

BASELINE_VERSION = 1
DEFAULT_FILE = "claimcheck-baseline.json"
MAX_BYTES = 64 * 1024 * 1024      # a baseline larger than this is not one claimcheck wrote


def claim_key(c: Claim) -> str:
    value = claim_value(c)
    quote = " ".join((c.quote or c.text or "").split()).casefold()
    return json.dumps([c.kind, value, c.subject.casefold(), c.predicate, c.unit, quote],
                      sort_keys=True, ensure_ascii=False, default=str)


def finding_key(d: Discrepancy, claims: dict[str, Claim]) -> str:
    """The content key of a finding (stable under offset changes and claim id changes)."""
    parts = sorted(claim_key(claims[i]) for i in dict.fromkeys(d.claims) if i in claims)
    raw = json.dumps([d.code, parts], ensure_ascii=False)
    return "B" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def to_dict(rep: Report) -> dict[str, Any]:
    claims = {c.id: c for c in rep.claims}
    rows = {}
    for d in rep.discrepancies:
        k = finding_key(d, claims)
        rows[k] = {"key": k, "id": d.id, "severity": d.severity, "code": d.code, "message": d.message}
    return {"claimcheck_baseline": BASELINE_VERSION, "generated_at": generated_at(rep), "corpus": rep.corpus,
            "findings": [rows[k] for k in sorted(rows)]}


def dumps(rep: Report) -> str:
    return json.dumps(to_dict(rep), indent=2, ensure_ascii=False) + "\n"


def load(path: str | Path) -> set[str]:
    """The keys of a baseline file. A missing or malformed file is a usage error (exit 2)."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise UsageError(f"not a claimcheck baseline (larger than {MAX_BYTES // 2**20} MB)", path=str(p))
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("baseline file not found (write one with `claimcheck baseline CORPUS`)", path=str(p))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as e:
        raise UsageError(f"cannot read baseline: {type(e).__name__}: {str(e)[:200]}", path=str(p))
    if not isinstance(data, dict) or data.get("claimcheck_baseline") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise UsageError(f"not a claimcheck baseline (expected \"claimcheck_baseline\": {BASELINE_VERSION} "
                         "and a list of findings)", path=str(p))
    return {f["key"] for f in data["findings"] if isinstance(f, dict) and isinstance(f.get("key"), str)}


def apply(rep: Report, keys: Iterable[str], source: str = "") -> int:
    """Leave out the findings the baseline accepted; record how many and from which file."""
    keys = set(keys)
    claims = {c.id: c for c in rep.claims}
    kept = [d for d in rep.discrepancies if finding_key(d, claims) not in keys]
    rep.accepted = len(rep.discrepancies) - len(kept)
    rep.discrepancies = kept
    rep.baseline = source
    return rep.accepted
