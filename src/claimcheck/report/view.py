"""Readable forms of normalized values, shared by the HTML and terminal views.

Everything here returns plain strings; escaping is the renderer's job (Jinja2 autoescape for HTML,
rich markup escaping for the terminal).
"""
from __future__ import annotations

import json as _json
from datetime import date
from typing import Any, Optional

from ..models import Claim
from .json import claim_value, num

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def fmt_num(x: Optional[float]) -> str:
    x = num(x)
    if x is None:
        return "∞"
    if isinstance(x, int):
        return f"{x:,}"
    return f"{x:,.6g}" if abs(x) < 1e15 else f"{x:g}"


def fmt_interval(low, high, low_inc: bool = True, high_inc: bool = True) -> str:
    """(30, ∞), [54, 66], = 58 for a point."""
    lo, hi = num(low), num(high)
    if lo is not None and hi is not None and lo == hi and low_inc and high_inc:
        return f"= {fmt_num(lo)}"
    left = "[" if (lo is not None and low_inc) else "("
    right = "]" if (hi is not None and high_inc) else ")"
    lo_s = fmt_num(lo) if lo is not None else "−∞"
    return f"{left}{lo_s}, {fmt_num(hi)}{right}"


def fmt_day(d: Optional[date]) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else "unknown date"


def fmt_span(start: Optional[date], end: Optional[date], granularity: str = "day") -> str:
    """10–11 Feb 2025, Oct 2023, 2023, 28 Feb – 2 Mar 2025."""
    if start is None and end is None:
        return "unknown"
    if start is None or end is None:
        return fmt_day(start or end)
    if granularity == "year" and start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31 \
            and start.year == end.year:
        return str(start.year)
    if granularity == "month" and start.day == 1 and (start.year, start.month) == (end.year, end.month):
        return f"{MONTHS[start.month - 1]} {start.year}"
    if start == end:
        return fmt_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{fmt_day(start)} – {fmt_day(end)}"


def value_label(c: Claim) -> str:
    """The value as an editor would say it: "58", "more than 30", "10–11 Feb 2025", "did not sign"."""
    if c.measure and ("base_unit" in c.measure or "start_minute" in c.measure):
        return " ".join(c.text.split())      # "about 135 km", "shortly after 6 p.m."
    if c.quantity is not None:
        q = c.quantity
        if q.text:
            t = q.text.strip()
            # "More than 30" at a sentence start reads as "more than 30" in a list of values
            if q.hedge and len(t) > 1 and t[0].isupper() and not t[1].isupper():
                t = t[0].lower() + t[1:]
            return t
        if q.hedge and q.value is not None:
            return f"{q.hedge} {fmt_num(q.value)}"
        return fmt_interval(q.low, q.high, q.low_inclusive, q.high_inclusive).removeprefix("= ")
    if c.date is not None:
        d = c.date
        if not d.resolved:
            return d.text or c.text
        return fmt_span(d.start, d.end, d.granularity)
    if c.polarity is not None:
        verb = c.predicate or "do"
        return f"did {verb}" if c.polarity else f"did not {verb}"
    if c.custom_value is not None:
        return c.custom_value
    return c.text


def value_reading(c: Claim) -> str:
    """How the value was read: "(30, ∞), reads as (30, 40]"; "2025-02-10 … 2025-02-11 (day)"."""
    m = c.measure or {}
    if "start_minute" in m:      # a clock time: "18:00–18:15 BST"
        clock = lambda x: f"{(int(x) - 1440 if int(x) > 1440 else int(x)) // 60:02d}:{int(x) % 60:02d}"
        span = clock(m["start_minute"]) + ("" if m["start_minute"] == m["end_minute"] else "–" + clock(m["end_minute"]))
        return span + (f" {m['zone'].upper()}" if m.get("zone") else " (no zone given)")
    if "base_unit" in m and m.get("base_low") is not None:     # a measure: "[121,500, 148,500] meter (length)"
        return (f"{fmt_interval(m.get('base_low'), m.get('base_high'))} {m['base_unit']}"
                f" ({m.get('dimension', c.unit)}; {m.get('property', c.predicate)})").removeprefix("= ")
    if c.quantity is not None:
        q = c.quantity
        lit = fmt_interval(q.low, q.high, q.low_inclusive, q.high_inclusive)
        out = lit
        if q.expected_low is not None or q.expected_high is not None:
            exp = fmt_interval(q.expected_low, q.expected_high, q.expected_low_inclusive,
                               q.expected_high_inclusive)
            if exp != lit:
                out += f", reads as {exp}"
        unit = c.unit or q.unit
        if q.approximate and "approx" not in out:
            out += " (approximate)"
        return f"{out} · {unit}" if unit else out
    if c.date is not None:
        d = c.date
        if not d.resolved:
            return "relative date, unresolved (the article has no publication date)"
        span = fmt_span(d.start, d.end, d.granularity)
        rel = ", resolved against the publication date" if d.relative else ""
        return f"{span} ({d.granularity}{rel})"
    if c.polarity is not None:
        who = c.subject or "?"
        what = f" {c.object}" if c.object else ""
        verb = c.predicate or "do"
        return f"{who} did {verb}{what}" if c.polarity else f"{who} did not {verb}{what}"
    if c.custom_value is not None:
        return c.custom_value
    return ""


def value_key(c: Claim) -> str:
    """Claims with the same key state the same value (used to group agreeing articles)."""
    v = claim_value(c)
    # group by what was read, not how it was worded: "58" = "a total of 58"; "Monday" = "10 Feb 2025"
    if c.quantity is not None:
        v.pop("hedge", None)
        v.pop("value", None)
    elif c.date is not None:
        v = {"start": v["start"], "end": v["end"], "resolved": v["resolved"],
             "text": "" if c.date.resolved else (c.date.text or c.text)}
    elif c.polarity is not None:
        v = {"polarity": v["polarity"]}
    elif c.custom_value is not None:
        v = {"text": " ".join(c.custom_value.split()).casefold()}
    return _json.dumps(v, sort_keys=True, default=str)


def highlight(c: Claim) -> tuple[str, str, str]:
    """Split the quote around the claim: (before, match, after). Plain strings, escaped by the renderer."""
    quote, text = c.quote or "", c.text or ""
    if not quote:
        return "", text, ""
    off = c.start - c.sentence_start
    if text and 0 <= off <= len(quote) - len(text) and quote[off:off + len(text)] == text:
        return quote[:off], text, quote[off + len(text):]
    i = quote.find(text) if text else -1
    if i >= 0:
        return quote[:i], text, quote[i + len(text):]
    return quote, "", ""


def fmt_canonical(canonical: Optional[dict[str, Any]]) -> str:
    if not canonical:
        return ""
    for key in ("label", "text", "value"):
        if key in canonical and isinstance(canonical[key], (str, int, float)):
            return str(canonical[key])
    return ", ".join(f"{k}: {v}" for k, v in canonical.items())


def fmt_timestamp(ts: str) -> str:
    """2025-02-14T09:00:00+00:00 -> 14 Feb 2025, 09:00 UTC (anything unparsable is returned as is)."""
    from datetime import datetime, timezone
    try:
        dt = datetime.fromisoformat(ts)
    except (TypeError, ValueError):
        return ts
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
        return f"{fmt_day(dt.date())}, {dt:%H:%M} UTC"
    return f"{fmt_day(dt.date())}, {dt:%H:%M}"


def plural(n: int, one: str, many: Optional[str] = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# ---------------------------------------------------------------- untrusted text in a page

import bisect as _bisect
import os as _os
import re as _re

# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). An article's U+202E could
# otherwise reverse the report's own text after it; the page also isolates every piece of article text
# (unicode-bidi: isolate, <bdi>), so this is the second of two defences.
BIDI_CONTROLS = _re.compile("[\u202a-\u202e\u2066-\u2069]")
_ASTRAL = _re.compile("[\U00010000-\U0010ffff]")


def neutral(text: str) -> str:
    """Text with bidi controls removed (everything else as written)."""
    return BIDI_CONTROLS.sub("", text) if isinstance(text, str) else text


class TextMap:
    """An article's text with bidi controls removed, and its offsets as a browser counts them.

    Claim offsets count code points in the original text; JavaScript strings count UTF-16 units.
    js(i) maps an original offset to the cleaned text's UTF-16 offset.
    """

    def __init__(self, text: str):
        self.removed = [m.start() for m in BIDI_CONTROLS.finditer(text)]
        self.text = BIDI_CONTROLS.sub("", text) if self.removed else text
        self.astral = [m.start() for m in _ASTRAL.finditer(self.text)]

    def js(self, i: int) -> int:
        i = max(0, i)
        i -= _bisect.bisect_left(self.removed, i)
        return i + _bisect.bisect_left(self.astral, i)


# a sentence ends at . ! ? (and closing quotes or brackets) before white space, or at a blank line
_SENTENCE_END = _re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")
CONTEXT_SENTENCES = 2      # sentences shown on each side of a claim's own sentence
CONTEXT_CHARS = 1200       # at most this many characters on each side (long paragraphs without stops)


def context_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the CONTEXT_SENTENCES sentences before `start` and after `end` in text."""
    lo = max(0, start - CONTEXT_CHARS)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    cs = before[-CONTEXT_SENTENCES - 1] if len(before) > CONTEXT_SENTENCES else lo
    if cs == lo and lo > 0:                       # cut mid-sentence: start at a word
        sp = text.find(" ", lo, start)
        cs = sp + 1 if sp >= 0 else lo
    hi = min(len(text), end + CONTEXT_CHARS)
    after = [m.end() for m in _SENTENCE_END.finditer(text, end, hi)]
    ce = after[CONTEXT_SENTENCES] if len(after) > CONTEXT_SENTENCES else hi
    return cs, max(ce, end)


def relative_path(path: str, corpus: str) -> str:
    """An article's path relative to the corpus folder; never an absolute path."""
    p = (path or "").replace("\\", "/")
    root = (corpus or "").replace("\\", "/").rstrip("/")
    if root and p.startswith(root + "/"):
        return p[len(root) + 1:]
    if root and p == root:                     # a corpus of one file
        return _os.path.basename(p)
    if _os.path.isabs(p):
        try:
            rel = _os.path.relpath(p, _os.path.abspath(root or "."))
        except ValueError:
            rel = ""
        return rel if rel and not rel.startswith("..") else _os.path.basename(p)
    return p


def one_line(text: str, limit: int = 0) -> str:
    """Control characters and line breaks folded to spaces (for YAML comments, option labels)."""
    s = " ".join(_re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", neutral(str(text or ""))).split())
    return s if not limit or len(s) <= limit else s[:limit - 1] + "…"
