"""Clock-time claims: when in the day an event happened (rule time.clock).

"at 2:09 a.m.", "11am IST", "8.40am", "1430 GMT", "1100 hours", "06:00 BST", "around 10:30 p.m.",
"shortly after 4 p.m.", "just before midnight", "noon", "between 07:28 and 08:06 UTC".
The value is an interval of minutes since midnight: hedges widen it (`time_hedges:`: "shortly after
4 p.m." = [16:00, 16:15]), and the zone is kept when one is written (`time_zones:`), so "1430 GMT" is
a time, never the number 1,430. The predicate is the event the time dates: the verb it hangs on
("struck" -> strike), else an event noun ("the 2:09 a.m. jolt").
"""
from __future__ import annotations

import re
from typing import Optional

from ..models import Claim, RuleSet
from .anchors import compiled, event_word, overlaps
from .sentences import Sentence, _char_span, _make
from .syntax import sentence_context
from .vocab import Vocab, has_parse

AMPM = r"(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"


def _tables(ruleset: RuleSet):
    extra = ruleset.extra
    zones = {k.lower(): v for k, v in (extra.get("time_zones") or {}).items()}
    words = {k.lower(): v for k, v in (extra.get("clock_words") or {}).items()}
    hedges = tuple((tuple(h.get("words") or ()), h.get("before", 0), h.get("after", 0))
                   for h in extra.get("time_hedges") or [])
    rx, hedge_list = _grammar(tuple(zones.items()), tuple(words.items()), hedges)
    parts = {k.lower(): v for k, v in (extra.get("day_parts") or {}).items()}
    days = "|".join(re.escape(k.rstrip(".")) for k in sorted(ruleset.weekdays, key=len, reverse=True) if len(k) > 3)
    part_rx = re.compile(rf"\b(?:(?P<mod>early|late)\s+)?(?:(?:{days}|this|yesterday|tomorrow|last|that|in\s+the|on\s+the)\s+)"
                         rf"(?:(?P<mod2>early|late)\s+)?(?P<part>{'|'.join(map(re.escape, parts))})\b", re.I) if parts else None
    quick = re.compile(r"\d|" + "|".join(re.escape(w) for w in list(words) + list(parts)), re.I) if words or parts else re.compile(r"\d")
    return zones, words, rx, hedge_list, parts, part_rx, quick


def _grammar(zones: tuple, words: tuple, hedges: tuple) -> tuple[re.Pattern, list[tuple[str, int, int]]]:
    zone = "|".join(re.escape(z).replace(r"\ ", r"\s+") for z in sorted((z for z, _ in zones), key=len, reverse=True))
    zone_rx = rf"(?:\s*\(?(?P<zone>{zone})\b\)?)?" if zone else r"(?P<zone>(?!))?"
    clock = "|".join(re.escape(w) for w, _ in words) or "(?!)"
    forms = [
        rf"(?<![\w:.,$])(?P<h1>1[0-2]|0?[1-9])(?:[:.](?P<m1>[0-5]\d))?\s*{AMPM}",              # 2:09 a.m., 11am, 8.40am
        rf"(?<![\w:.,$-])(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?![\d:])(?=\s*(?:(?:{zone})\b|[,.;)]|$|\s+(?:on|in|at|local|this|last|yesterday|today|when|and|to|as|after|before)\b))",   # 06:00 BST, at 7:48.
        rf"(?<![\w:.,$-])(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)\s*(?=(?:hours|hrs|h\b|(?:{zone})\b))(?:hours|hrs\.?|h\b)?",  # 1430 GMT, 1100 hrs
        rf"(?<![\w:.,$-])(?P<h4>[01]?\d|2[0-3])\.(?P<m4>[0-5]\d)(?=\s*(?:{zone})\b)",             # 09.30 BST
        rf"\b(?P<word>{clock})\b",
    ]
    rx = re.compile("(?:" + "|".join(forms) + ")" + zone_rx, re.I)
    hedge_list = sorted(((w.lower(), int(b), int(a)) for ws, b, a in hedges for w in ws), key=lambda h: -len(h[0]))
    return rx, hedge_list


# "as of 4:00 p.m.", "as of 4:00 p.m. local time (1100 GMT)": the time a figure was counted at. Grammar.
AS_OF = re.compile(r"\bas of\s+(?:[^()]{0,30}\(\s*)?$", re.I)


def time_claims(s: Sentence, ruleset: RuleSet, vocab: Vocab, taken: list[tuple[int, int]], when=None) -> list[Claim]:
    doc, text = s.doc, s.text
    zones, words, rx, hedge_list, parts, part_rx, quick = compiled(ruleset, "times", _tables)
    if not quick.search(text):
        return []
    found = []
    for m in rx.finditer(text):
        minutes = _minutes(m, words)
        if minutes is None or overlaps(m.start(), m.end(), taken):
            continue
        hedge, h_start, before, after = _hedge(text, m.start(), hedge_list)
        if re.match(r"\s*(?:left|remaining|to go|to play|into|of the (?:first|second|third|fourth|final)|in the (?:first|second|third|fourth))\b",
                    text[m.end():], re.I) or re.search(r"\bwith\s+$", text[:m.start()], re.I):
            continue            # a game clock ("with 7:42 left in the first half"), not a time of day
        if AS_OF.search(text[:m.start()]):
            continue            # "2.44 million cast their ballots as of 4:00 p.m. (1100 GMT)": when a running
                                # figure was counted, not when anything happened
        if m.group("word") and not hedge and not re.search(r"\b(?:at|by|until|till|from|since|to|around|about)\s+$",
                                                           text[:m.start()], re.I):
            continue            # "noon" and "midnight" date something only after a preposition
        found.append([h_start, m.end(), minutes - before, minutes + after, hedge, m])
    # "between 07:28 and 08:06 UTC", "from 10 a.m. to noon": one interval
    merged = []
    for f in found:
        if merged and re.fullmatch(r"\s*(?:and|to|-|–|until|till)\s*", text[merged[-1][1]:f[0]], re.I) \
                and re.search(r"\b(?:between|from)\s*$", text[:merged[-1][0]], re.I):
            prev = merged[-1]
            prev[1], prev[3], prev[4] = f[1], f[3], prev[4] or "between"
            if f[5].group("zone") and not prev[5].group("zone"):
                prev[5] = f[5]
            continue
        merged.append(f)
    merged += _day_parts(text, parts, part_rx, taken + [(f[0], f[1]) for f in merged])
    out = []
    for start, end, lo, hi, hedge, m in merged:
        if re.search(r"\bbetween\s*$", text[:start], re.I):
            start = text.rfind("between", 0, start)
        zone = " ".join(m.group("zone").lower().split()) if m.groupdict().get("zone") else ""
        offset = zones.get(zone) if zone else None
        span = _char_span(doc, m.start(), m.end())
        if span is None:
            continue
        pred, verb = event_word(doc, span, vocab)
        if verb is None and has_parse(doc):
            continue            # "Dec. 18-11:14 pm et": a time stamp under no verb dates no event
        taken.append((start, end))
        part = m.groupdict().get("part")
        value = {"start_minute": max(0, lo), "end_minute": hi if part else min(1440, hi), "zone": zone,
                 "utc_offset": offset, "clock": part.lower() if part else _clock(_minutes(m, words) or 0)}
        why = (f"{text[start:end]!r} is the clock time {_clock(value['start_minute'])}"
               + (f"..{_clock(value['end_minute'])}" if value["end_minute"] != value["start_minute"] else "")
               + (f" {zone.upper()}" if zone else "") + (f" of '{pred}' ({verb.text!r})" if pred else ""))
        c = _make(s, "time", start, end, "time.clock", predicate=pred or "happen", unit="clock",
                  trigger=verb.text if verb is not None else "", measure=value, why=why,
                  custom_value=text[start:end], context=sentence_context(doc, {t.i for t in span}))
        c.when = when
        out.append(c)
    return out


def _day_parts(text: str, parts: dict, rx, taken: list[tuple[int, int]]) -> list[list]:
    """"Thursday afternoon", "late Friday night", "this morning", "in the evening": [first, last minute]."""
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        a = m.start("mod") if m.group("mod") else m.start()
        if overlaps(a, m.end(), taken):
            continue
        lo, hi = (int(x) for x in parts[m.group("part").lower()][:2])
        mod = (m.group("mod") or m.group("mod2") or "").lower()
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if mod == "early" else (mid, hi) if mod == "late" else (lo, hi)
        out.append([a, m.end(), lo, hi, mod, m])
    return out


def _minutes(m: re.Match, words: dict) -> Optional[int]:
    if m.groupdict().get("part"):
        return None
    if m.group("word"):
        return int(words[m.group("word").lower()])
    for h, mm in (("h1", "m1"), ("h2", "m2"), ("h3", "m3"), ("h4", "m4")):
        if m.group(h) is not None:
            hour, minute = int(m.group(h)), int(m.group(mm) or 0)
            if h == "h1":
                pm = m.group("ampm").lower().startswith("p")
                hour = (hour % 12) + (12 if pm else 0)
            return hour * 60 + minute
    return None


def _hedge(text: str, start: int, hedges: list[tuple[str, int, int]]) -> tuple[str, int, int, int]:
    """The hedge right before a time ("shortly after", "at around"): (words, new start, before, after)."""
    head = text[:start].rstrip()
    low = head.lower()
    for words, before, after in hedges:
        if low.endswith(words) and (len(low) == len(words) or not low[-len(words) - 1].isalnum()):
            return words, len(head) - len(words), before, after
    return "", start, 0, 0


def _clock(minutes: int) -> str:
    """HH:MM; a night runs past midnight ("Thursday night" ends at 29:00 = 05:00)."""
    minutes = int(minutes)
    minutes = minutes - 1440 if minutes > 1440 else max(0, minutes)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
