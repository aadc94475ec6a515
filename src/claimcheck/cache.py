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
from .models import Article, Claim, DateSpan, Event, Fact, Quantity, RuleSet, Story


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
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".claimcheck-tmp-{os.getpid()}-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time

    # The alignment of the last run, for a re-run in which every article came from the cache: then
    # the claims are the same, and alignment (stories over every article's words, events, then every
    # block) would only compute the same again. Keyed by every article's key and title, in order.
    # Holds the stories, the events, the facts and each claim's event (cached claims are stored as
    # extracted, before alignment fills their event in).

    def corpus_key(self, articles: list[Article]) -> str:
        h = hashlib.sha1(self.salt.encode())
        for a in articles:
            h.update(f"\0{self.key(a)}|{a.title}".encode())
        return h.hexdigest()

    def get_alignment(self, corpus_key: str) -> Optional[tuple[list[Story], list[Event], list[Fact], dict[str, str]]]:
        """(stories, events, facts, claim id -> event id) of the last run, if it ran on this corpus."""
        try:
            data = json.loads((self.folder / FACTS_FILE).read_text(encoding="utf-8"))
            if data.get("key") != corpus_key:
                return None
            stories = [_decode_story(x) for x in data["stories"]]
            events = [_decode_event(x) for x in data["events"]]
            return stories, events, [Fact(**f) for f in data["facts"]], dict(data["claim_events"])
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def put_alignment(self, corpus_key: str, stories: list[Story], events: list[Event], facts: list[Fact],
                      claims: list[Claim]) -> None:
        self._write(self.folder / FACTS_FILE, {
            "key": corpus_key,
            "stories": [_encode_story(x) for x in stories],
            "events": [_encode_event(x) for x in events],
            "facts": [dataclasses.asdict(f) for f in facts],
            "claim_events": {c.id: c.event for c in claims if c.event}})


FACTS_FILE = "facts.json"     # one file: the last run's alignment (claim files are named by their key's hash)


def _iso(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d else None


def _day(s: Optional[str]) -> Optional[date]:
    return date.fromisoformat(s) if s else None


def _encode_story(x: Story) -> dict:
    d = dataclasses.asdict(x)
    d["first"], d["last"] = _iso(x.first), _iso(x.last)
    return d


def _decode_story(d: dict) -> Story:
    d = dict(d)
    d["first"], d["last"] = _day(d.get("first")), _day(d.get("last"))
    return Story(**d)


def _encode_event(x: Event) -> dict:
    d = dataclasses.asdict(x)
    if x.when is not None:
        d["when"]["start"], d["when"]["end"] = _iso(x.when.start), _iso(x.when.end)
    return d


def _decode_event(d: dict) -> Event:
    d = dict(d)
    if d.get("when"):
        w = dict(d["when"])
        w["start"], w["end"] = _day(w.get("start")), _day(w.get("end"))
        d["when"] = DateSpan(**w)
    return Event(**d)
