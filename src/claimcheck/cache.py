"""Per-article claim cache, so an unchanged corpus re-runs fast.

Keyed by the article's text and metadata, the model name, the rules in effect and the claimcheck
version; stored as JSON (never pickle: the cache folder is just files on disk).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Optional

from . import __version__
from .models import Article, Claim, DateSpan, Quantity, RuleSet


def _fingerprint(ruleset: RuleSet) -> str:
    data = json.dumps(dataclasses.asdict(ruleset), sort_keys=True, default=str)
    return hashlib.sha1(data.encode()).hexdigest()


def _encode(c: Claim) -> dict:
    d = dataclasses.asdict(c)
    d["context"] = sorted(c.context)
    for key in ("date", "when"):
        span = getattr(c, key)
        if span is not None:
            d[key]["start"] = span.start.isoformat() if span.start else None
            d[key]["end"] = span.end.isoformat() if span.end else None
    return d


def _decode(d: dict) -> Claim:
    d = dict(d)
    d["context"] = frozenset(d.get("context") or [])
    if d.get("quantity"):
        d["quantity"] = Quantity(**d["quantity"])
    for key in ("date", "when"):
        if d.get(key):
            x = dict(d[key])
            x["start"] = date.fromisoformat(x["start"]) if x.get("start") else None
            x["end"] = date.fromisoformat(x["end"]) if x.get("end") else None
            d[key] = DateSpan(**x)
    return Claim(**d)


class ClaimCache:
    def __init__(self, folder: str | Path, model: str, ruleset: RuleSet):
        self.folder = Path(folder)
        self.salt = f"{__version__}|{model}|{_fingerprint(ruleset)}"

    def _path(self, art: Article) -> Path:
        key = f"{self.salt}|{art.id}|{art.published}|{art.year_hint}|{art.text}"
        return self.folder / (hashlib.sha1(key.encode()).hexdigest() + ".json")

    def get(self, art: Article) -> Optional[list[Claim]]:
        p = self._path(art)
        try:
            return [_decode(x) for x in json.loads(p.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, art: Article, claims: list[Claim]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".claimcheck-tmp-{os.getpid()}-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump([_encode(c) for c in claims], f)
            os.replace(tmp, self._path(art))
        except OSError:
            pass  # a cache that cannot be written only costs time
