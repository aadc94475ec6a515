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
from .models import Article, Claim, DateSpan, Fact, Quantity, RuleSet


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
        self.model = model
        self.salt = f"{__version__}|{model}|{_fingerprint(ruleset)}"

    def key(self, art: Article) -> str:
        """What the article's claims depend on: its text and dates, the model, the rules, the version."""
        key = f"{self.salt}|{art.id}|{art.published}|{art.year_hint}|{art.text}"
        return hashlib.sha1(key.encode()).hexdigest()

    def _path(self, art: Article) -> Path:
        return self.folder / (self.key(art) + ".json")

    def get(self, art: Article) -> Optional[list[Claim]]:
        p = self._path(art)
        try:
            return [_decode(x) for x in json.loads(p.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, art: Article, claims: list[Claim]) -> None:
        self._write(self._path(art), [_encode(c) for c in claims])

    def _write(self, path: Path, data) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time

    # The facts of the last run, for a re-run in which every article came from the cache: then the
    # claims are the same, and alignment (story vectors over every article's words, then every
    # block) would only compute the same facts again. Keyed by every article's key and title, in order.

    def corpus_key(self, articles: list[Article]) -> str:
        h = hashlib.sha1(self.salt.encode())
        for a in articles:
            h.update(f"\0{self.key(a)}|{a.title}".encode())
        return h.hexdigest()

    def get_facts(self, corpus_key: str) -> Optional[list[Fact]]:
        try:
            data = json.loads((self.folder / FACTS_FILE).read_text(encoding="utf-8"))
            if data.get("key") != corpus_key:
                return None
            return [Fact(**f) for f in data["facts"]]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put_facts(self, corpus_key: str, facts: list[Fact]) -> None:
        self._write(self.folder / FACTS_FILE, {"key": corpus_key, "facts": [dataclasses.asdict(f) for f in facts]})


FACTS_FILE = "facts.json"     # one file: the last run's facts (claim files are named by their key's hash)
