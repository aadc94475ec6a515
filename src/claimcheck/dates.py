"""Date normalizer: read date expressions in news text as DateSpans (DESIGN.md section 3).

    parse_date("May last year", reference=date(2025, 2, 11))   # 2024-05-01 .. 2024-05-31, "month"
    find_dates("The summit was held on Feb. 10 and 11 in Paris.")  # every expression with offsets

The grammar is a set of regular expressions built from the vocabulary in default_rules.yml
(`months:`, `weekdays:`, `date_words:` with its `holidays:` rules), so rules/*.yml can add names and
words. An expression is composed from parts:

    anchor     a date ("Feb. 10", "3/17", "25-Dec-2024"), a weekday, a month, a year, a quarter, a
               holiday ("Easter", "Diwali 2023"), now ("right now", "today")
    offset     before or after it: "three days after Easter", "the second Monday after Christmas",
               "two weeks before Thanksgiving 2024", "in 36 hours", "2 years from today"
    grain      day, week, month, quarter, half, season, year, decade, century
    modifier   early/mid/late, the start/end of, the n-th (last) weekday/day/week of: "the first Monday
               of March", "the 3rd last day of June", "the second last week of 2024"
    range      between any two ("from X to Y", "between X and Y", "X - Y"), relative windows ("the past
               three days", "the coming fortnight", "within 10 days", "by the end of next month"), a
               duration from an anchor ("for 10 days from Dec. 18")

Every pattern proposes candidate spans (a pattern runs only when its trigger words are in the text,
and only at the tokens it can start on; which patterns a set of trigger words allows is worked out
once per set and kept, _Plan);
the longest non-overlapping candidates win; then passes attach a modifier written before a period
("early", "the end of"), an operator written before any anchor (_with_operators: the n-th weekday of,
N units after; they compose: "two weeks after the first Monday of March"), and join two spans written
as a range. Numbers inside may be words ("three days after", "Easter Sunday two thousand ten", "June
nineteen eighty-four"). dateparser is not used: the grammar decides alone, which
keeps it fast (about 20,000 phrases a second on one core) and predictable.

Granularity names (DateSpan.granularity):
    day, week (Monday-Sunday), weekend (Saturday-Sunday), month, quarter, half, season, year,
    decade, century, part-of-week / part-of-month / part-of-year / part-of-decade (early, mid,
    late, the end of, earlier/later this ...), range (any multi-day list or range written as two
    ends: "Feb. 10 to 11", "February 10 and 11", "between 2007 and 2009", "from Saturday to Monday").

Decisions:
  * end is the last day included. early/mid/late split a period in thirds: days 1-10 / 11-20 /
    21-end of a month; Jan-Apr / May-Aug / Sep-Dec of a year; years 0-3 / 4-6 / 7-9 of a decade;
    Mon-Tue / Wed-Thu / Fri-Sun of a week. "earlier this week" = Monday .. the day before the
    reference; "later this year" = the day after the reference .. Dec 31.
  * seasons are meteorological: spring Mar-May, summer Jun-Aug, autumn/fall Sep-Nov, winter Dec of
    the year written .. Feb of the next. Centuries are 1901-2000 for "the 20th century".
  * weekdays. A bare weekday ("on Monday") is the nearest such day in the `prefer` direction: looking
    back the reference day itself included (news usage: "said on Monday" in an article dated Monday
    means that day), looking ahead excluded ("will meet on Tuesday" written on a Tuesday is next
    week's). "last/previous Monday" is the last Monday before the reference day; "next Friday" is the
    Friday of next week (Duckling's reading: said on a Tuesday, not three days later but ten; the
    words are date_words: next_week), "coming/upcoming/this coming Friday" the first one after it; "this Monday" is the Monday of the reference's week (Monday-Sunday), but
    looking ahead a day of that week already gone is next week's. "Friday after next" is the second
    Friday after the reference; "3 Mondays ago" the third one before it. A weekday with a day of the
    month ("Tuesday the 19th") is the nearest date in the `prefer` direction that is both.
  * a bare month, season or quarter ("in May") is the nearest one in the `prefer` direction, the one
    containing the reference included; "last May" is the most recent May before the reference's
    month, "next May" the first after it.
  * a yearless date ("Feb. 10") takes the year that puts it nearest the reference in the `prefer`
    direction; without a reference it takes `year_hint` (and is then not relative); without either
    it is unresolved (relative=True, resolved=False, start=end=None).
  * "last week/month/year" are the previous calendar week/month/year. Windows with a count are spans
    of whole units next to the current one: "the past three days" = the three days before the
    reference, "the last two weeks" = the two calendar weeks before the current one, "the next 3
    months" = the three months after the current one; "the coming fortnight" = the 14 days after the
    reference; "within 2 weeks" = the reference day to the day before two weeks later; "by the end of
    the month" / "by EOM" = the reference day to the month's last day. Hours, minutes and seconds land
    on the reference day (24 hours or more move the day). "the last year", "over the past decade",
    "in recent days", "for two days", "two-day" have no count: durations, not read.
  * "the beginning/start of" and "the end of" a year are January-March and September-December, of a
    week Monday-Wednesday and Friday-Sunday (of a month like early / late); BOM/EOM/BOY/EOY likewise.
  * "the n-th week of" a year, and "the second/third last week of" a month, count whole Monday-Sunday
    weeks inside it; "the first week of March" is still March 1-7 and "the last week of" the last 7 days.
  * "for N days from X" / "X for N days" run from X to the day N days later.
  * "N units from now / from today / hence" are that day; "N years/months ago" keep their grain.
  * holidays (date_holidays.py): the occurrence nearest the reference in the `prefer` direction;
    "next/last Thanksgiving" the first after / last before it; "Christmas of last year" in that year;
    "Thanksgiving in 9 months" the one in the year of the day 9 months ahead.
  * anaphoric expressions are anchored at the reference date, the only anchor a phrase has: "the next
    day", "the following week", "the previous year", "the day before", "a day earlier", "two years
    later" (date_words: anaphora, ago, from_now). "the day before the election" is not read.
  * a bare "the first quarter", "fourth-quarter", "H2" is the nearest such quarter/half in the `prefer`
    direction (like a bare month); "the second half" alone is not read (sports halves). "last
    quarter" (no year after it) is the quarter before the reference's, "next quarter" the one after.
  * numeric dates: any of - / . as separator, year first (2025-03-15, 2025/3/15) or last (M/D/Y, and
    D/M/Y when the first number is over 12; dots read D.M.Y); single spaces between two-digit parts
    (2025 03 15, 15 03 2025: read only when one order is a real day); eight digits (20260315); a
    month name with the year first (2025 March 15, 2025-Mar-15); two-digit years after an apostrophe
    ("Oct. 3, '24", "summer '23"); "15.3.25" only when the first number can only be a day ("3.10.12"
    is a version number).
  * "from 3 March to the 5th": a bare day of the month ends a range in the first end's month (or the
    next one when the day has passed). "the week ending Jan. 10" is the seven days up to that day; "the
    week of Christmas" the Monday-Sunday week that holds it. "the following Monday" is the first Monday
    after the reference; "Friday before last" the second Friday before it. Counts in words compose
    ("the past twenty-four hours", "in twenty-one days").
  * "on the 5th" is the 5th of the reference's month if that is in the `prefer` direction, else of the
    month before (after). A bare month or season name that is the whole phrase ("February", "summer")
    is read; inside a sentence it still needs a context word ("in February").
  * "this time last year" is the reference's day a year back; "year-end" / "by year-end" is the late
    third of the reference year (like "the end of the year"); "mid-century" the mid third of the
    century; "the turn of the century/millennium" the year before the most recent round year to the
    year after (1999-2001); "a fortnight ago" 14 days back; "a century ago" the year 100 years back.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter
from datetime import date, datetime, timedelta
from typing import Callable, Optional

from .date_holidays import holiday_span, nearest
from .models import DateSpan, RuleSet
from .vocabulary import builtin_vocabulary

__all__ = ["parse_date", "find_dates"]


# ---------------------------------------------------------------- calendar helpers

# the calendar helpers below are pure functions of a few small values (a month, a year, a reference
# day), memoized: an article's dates resolve against one reference day
@lru_cache(maxsize=4096)
def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


@lru_cache(maxsize=4096)
def _yl_span(yl: tuple, year: int, anchor: str = "start") -> Optional[tuple[date, date]]:
    """Span of a yearless (m1, d1, m2, d2) in `year`; d None = whole month. The year belongs to the
    start (anchor="start") or to the end (anchor="end", "Dec. 30 to Jan. 2, 2025"). None if invalid."""
    m1, d1, m2, d2 = yl
    wraps = (m2, d2 or 31) < (m1, d1 or 1)
    y1, y2 = (year, year + 1) if anchor == "start" else (year - 1, year)
    if not wraps:
        y1 = y2 = year
    try:
        start = date(y1, m1, d1 or 1)
        end = date(y2, m2, d2) if d2 else _month_end(y2, m2)
    except ValueError:
        return None
    return start, end


# ---------------------------------------------------------------- holidays and years in words

def _holiday_key(name: str) -> str:
    """A holiday name with apostrophes and word-final "s" dropped: "Valentine's Day" == "valentine day"."""
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'").replace(".", ""))
    return re.sub(r"'s\b|'|s\b", "", name)


def _holiday_pattern(name: str) -> str:
    """Regex for a holiday name: apostrophes, a final possessive or plural "s" and dots optional."""
    words = []
    for w in name.replace("’", "'").split():
        base = re.sub(r"'s$|s'$|s$", "", w)
        rx = re.escape(base).replace("'", "['’]?").replace(r"\.", r"\.?").replace(r"\-", r"[-\s]?")
        words.append(rx + r"(?:['’]?s|s['’])?")     # "presidents' day", "valentines day"
    return r"\s+".join(words)


_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}


def _small_words(words: list[str]) -> Optional[int]:
    """0..99 from words ("ninety five", "ten"); None if they are not such a number."""
    if not words:
        return 0
    if len(words) == 1:
        w = words[0]
        return _UNITS_WORDS.get(w, _TENS_WORDS.get(w))
    if len(words) == 2 and words[0] in _TENS_WORDS and words[1] in _UNITS_WORDS and _UNITS_WORDS[words[1]] < 10:
        return _TENS_WORDS[words[0]] + _UNITS_WORDS[words[1]]
    return None


def _year_in_words(s: str) -> Optional[int]:
    """A year written in words: "two thousand ten" = 2010, "nineteen ninety-five" = 1995."""
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = _small_words(words[2:])
        return None if rest is None else 2000 + rest
    century = _small_words(words[:1])
    rest = _small_words(words[1:])
    if century in (19, 20) and rest is not None and (rest >= 10 or len(words) > 1):
        return century * 100 + rest
    return None


_SPACES = re.compile(r"\s+")


def _norm(s: str) -> str:
    """Runs of whitespace as one space ("last  year" == "last year"), the key the word tables use."""
    return s if s.isalnum() else _SPACES.sub(" ", s)


def _group(m: re.Match, name: str) -> Optional[str]:
    """Group `name` of a match, None when the pattern has no such group or it took no part
    (m.groupdict().get(name) without building the dict)."""
    return m.group(name) if name in m.re.groupindex else None


def _gran_of(span) -> str:
    return "day" if span[0] == span[1] else "range"


# what the handlers read around a match
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")                # the word after a number ("1500 people")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)")
_HYPHEN_WORD = re.compile(r"-[A-Za-z]")                   # "a 2000-strong crowd"
_CAPS_BEFORE = re.compile(r"(?<![\w])[A-Z]{2,}\s+$")       # "ABC 2000": a name and a number
# a word or sign before a year that makes it one: "in 2000", "late 2000", "(2000"
_YEAR_CONTEXT = re.compile(r"(?i)(?:\b(?:in|since|of|by|until|till|from|the|during|before|after|early|"
                           r"late|mid|year|circa|c\.|and|to|between|through|around|for|at|on|summer|"
                           r"winter|spring|autumn|fall)|[-–(,])\s*$")
_NTH_BEFORE = re.compile(r"(?:\d(?:st|nd|rd|th)|second|third|fourth|fifth)\s+$", re.I)   # "the 2nd last week of"
_PAREN_GAP = re.compile(r"\s*,?\s*\(\s*")                   # "Tuesday (Feb. 11)"


# ---------------------------------------------------------------- internal values

@dataclass(slots=True)
class _Val:
    """A date expression before resolution: absolute, yearless, or a function of the reference."""
    gran: str
    start: Optional[date] = None           # absolute spans
    end: Optional[date] = None
    yearless: Optional[tuple] = None       # (m1, d1, m2, d2) waiting for a year
    rel: Optional[Callable] = None         # (reference, prefer) -> (start, end)
    weekday: Optional[int] = None          # a bare weekday: a range may end on the next such day
    dom: Optional[int] = None              # a bare day of the month ("the 5th"): a range may end on it
    holiday: bool = False                  # a holiday named without a year: "the week of Christmas" reads its week
    part: Optional[str] = None             # early | mid | late | earlier | later | first-half | second-half
    this: bool = False                     # "this week/month/year": earlier/later cut at the reference
    wd_check: Optional[int] = None         # a weekday written with a yearless date picks its year


def _resolve(v: _Val, ref: Optional[date], prefer: str, year_hint: Optional[int]):
    """(start, end, relative, resolved) for a value; None when it names no real day."""
    if v.rel is not None:
        if ref is None:
            return None, None, True, False
        s, e = v.rel(ref, prefer)
        return s, e, True, True
    if v.yearless is not None:
        if ref is not None and v.wd_check is not None and year_hint is None:
            spans = [sp for sp in (_yl_span(v.yearless, y) for y in range(ref.year - 1, ref.year + 2))
                     if sp and sp[0].weekday() == v.wd_check]
            if spans:
                s, e = min(spans, key=lambda sp: abs((sp[0] - ref).days))
                return s, e, True, True
        if ref is not None:
            sp = _nearest_year(v.yearless, ref, prefer)
            return (sp[0], sp[1], True, True) if sp else None
        if year_hint is not None:
            sp = _yl_span(v.yearless, year_hint)
            return (sp[0], sp[1], False, True) if sp else None
        return None, None, True, False
    return v.start, v.end, False, True


@lru_cache(maxsize=4096)
def _nearest_year(yl: tuple, ref: date, prefer: str) -> Optional[tuple[date, date]]:
    """A yearless span in the year nearest the reference in the `prefer` direction, among the years
    ref.year - 4 .. ref.year + 4 where it is a real day (Feb. 29): looking ahead the first whose end is
    not before the reference (else the latest), looking back the last whose start is not after it
    (else the earliest). A span of year y starts in y and ends in y or y + 1, so the search starts
    next to the reference's year."""
    years = range(ref.year - 4, ref.year + 5)
    if prefer == "future":
        for y in range(ref.year - 1, ref.year + 5):          # years before ref.year - 1 end before ref
            sp = _yl_span(yl, y)
            if sp and sp[1] >= ref:
                return sp
        return next((sp for sp in map(lambda y: _yl_span(yl, y), reversed(years)) if sp), None)
    for y in range(ref.year, ref.year - 5, -1):              # years after ref.year start after ref
        sp = _yl_span(yl, y)
        if sp and sp[0] <= ref:
            return sp
    return next((sp for sp in map(lambda y: _yl_span(yl, y), years) if sp), None)


def _apply_part(part: str, gran: str, s: date, e: date, ref: Optional[date], this: bool):
    """Cut a resolved period to its early/mid/late third, half, or the part before/after the reference."""
    if part in ("earlier", "later") and ref is not None and s <= ref <= e:
        if part == "earlier":
            return s, max(s, ref - timedelta(days=1)), "part-of-" + gran
        return min(e, ref + timedelta(days=1)), e, "part-of-" + gran
    if part == "last-week":
        return e - timedelta(days=6), e, gran
    if part == "week-of":
        return _week_start(s), _week_start(s) + timedelta(days=6), "week"
    if part == "week-ending":                      # "the week ending Jan. 10": the seven days up to that day
        return s - timedelta(days=6), s, "range"
    if part in ("start", "end"):
        # "the beginning of" / "the end of": a year's first quarter or last four months, a week's first
        # or last three days, a month's first or last third (Duckling's reading; early/mid/late are thirds)
        if gran == "year":
            return (date(s.year, 1, 1), date(s.year, 3, 31)) + ("part-of-year",) if part == "start" else \
                (date(s.year, 9, 1), date(s.year, 12, 31), "part-of-year")
        if gran == "week":
            return (s, s + timedelta(days=2), "part-of-week") if part == "start" else \
                (s + timedelta(days=4), s + timedelta(days=6), "part-of-week")
        part = "early" if part == "start" else "late"
    part = {"earlier": "early", "later": "late"}.get(part, part)
    if gran == "year":
        if part in ("first-half", "second-half"):
            m = 1 if part == "first-half" else 7
            return date(s.year, m, 1), _month_end(s.year, m + 5), "half"
        m1, m2 = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return date(s.year, m1, 1), _month_end(s.year, m2), "part-of-year"
    if gran == "century":
        a, b = {"early": (0, 32), "mid": (33, 65), "late": (66, 99), "first-half": (0, 49), "second-half": (50, 99)}[part]
        return date(s.year + a, 1, 1), date(s.year + b, 12, 31), "part-of-century"
    if gran == "decade":
        a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "first-half": (0, 4), "second-half": (5, 9)}[part]
        return date(s.year + a, 1, 1), date(s.year + b, 12, 31), "part-of-decade"
    if gran == "week" and part in ("early", "mid", "late"):
        a, b = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}[part]
        return s + timedelta(days=a), s + timedelta(days=b), "part-of-week"
    if gran == "month":
        last = e.day
        a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, last),
                "first-half": (1, 15), "second-half": (16, last)}[part]
        return s.replace(day=a), s.replace(day=b), "part-of-month"
    # week, weekend, quarter, half, season, century: thirds (or halves) of the days
    n = (e - s).days + 1
    if part in ("first-half", "second-half"):
        a, b = (0, n // 2 - 1) if part == "first-half" else (n // 2, n - 1)
    else:
        a, b = {"early": (0, n // 3 - 1), "mid": (n // 3, n - n // 3 - 1), "late": (n - n // 3, n - 1)}[part]
        if b < a:
            b = a
    return s + timedelta(days=a), s + timedelta(days=b), "part-of-" + gran


# ---------------------------------------------------------------- vocabulary and grammar

def _alt(words, the_optional: bool = False) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace (and "the " optional
    inside every word with the_optional: "the end of" reads "end of")."""
    ws = sorted({w.lower().rstrip(".") for w in words if str(w).strip()}, key=lambda w: (-len(w), w))
    alts = [re.escape(w).replace(r"\ ", r"\s+") for w in ws]
    if the_optional:
        alts = [a.replace(r"the\s+", r"(?:the\s+)?") for a in alts]
    return _branches(alts)


# an alternation of more alternatives than this is grouped by first character (_branches)
_GROUPED_BRANCHES = 8


def _branches(alternatives: list[str]) -> str:
    """Regex alternatives joined with "|", those of a long list grouped by their first character behind
    a one-character lookahead: "(?=c)(?:christmas|...)|(?=e)(?:easter|...)". The engine tries
    alternatives one by one (a list of 279 holiday names costs 279 attempts where a match is tried);
    grouped, it tries one lookahead per first character and then that group's own. The same strings
    match and the same one wins: two alternatives with different first characters cannot both match at
    one position, and a group keeps the list's order (longest first). Grouped only when every
    alternative opens on a plain ASCII letter or digit that no quantifier follows."""
    if len(alternatives) <= _GROUPED_BRANCHES or not all(
            a[:1].isascii() and a[:1].isalnum() and a[1:2] not in ("?", "*", "+", "{") for a in alternatives):
        return "|".join(alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0].lower(), []).append(a)
    return "|".join(f"(?={c})(?:{'|'.join(g)})" if len(g) > 1 else g[0] for c, g in groups.items())


def _firsts(words) -> frozenset:
    """The first tokens of words or phrases, lowercase ("last year" -> "last", "1st" -> "#d", digits);
    "*" when one opens with anything else (a pattern with such a word may start anywhere)."""
    out = set()
    for w in words:
        w = str(w).lower()
        m = _WORD.match(w)
        out.add(m.group(0) if m else "#d" if w[:1].isdigit() else "*")
    return frozenset(out)


def _words(dw: dict, key: str) -> dict:
    v = dw.get(key) or {}
    return {str(k).lower(): x for k, x in v.items()} if isinstance(v, dict) else {str(k).lower(): k for k in v}


def _date_words(ruleset: RuleSet) -> dict:
    """The built-in date_words with the ruleset's sub-sections merged on top."""
    base = dict(builtin_vocabulary().extra.get("date_words") or {})
    mine = ruleset.extra.get("date_words") or {}
    for k, v in mine.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            base[k] = {**base[k], **v}
        elif isinstance(v, list) and isinstance(base.get(k), list):
            base[k] = list(base[k]) + [x for x in v if x not in base[k]]
        else:
            base[k] = v
    return base


_D = r"(?<!\d)(?P<{n}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w])(?![:.,]\d)"
_Y = r"(?<![\w$€£¥#])(?P<{n}>[12]\d{{3}})(?![\w])(?![.,:]\d)"


class _Grammar:
    """Compiled patterns for one vocabulary. Build with _grammar(ruleset)."""

    def __init__(self, rs: RuleSet):
        dflt = builtin_vocabulary()
        self.months = {str(k).lower().rstrip("."): int(v) for k, v in (rs.months or dflt.months).items()}
        self.weekdays = {str(k).lower().rstrip("."): int(v) for k, v in (rs.weekdays or dflt.weekdays).items()}
        dw = _date_words(rs)
        self.days = {re.sub(r"\s+", " ", k): int(v) for k, v in _words(dw, "days").items()}
        self.shift = {re.sub(r"\s+", " ", k): int(v) for k, v in _words(dw, "shift").items()}
        self.units = {k: str(v) for k, v in _words(dw, "units").items()}
        self.numbers = {re.sub(r"\s+", " ", k): int(v) for k, v in _words(dw, "numbers").items()}
        for k, v in (rs.number_words or {}).items():
            if float(v).is_integer() and 0 < v <= 100:
                self.numbers.setdefault(str(k).lower(), int(v))
        # compound number words: "twenty-four hours", "in thirty one days" (tens, then a unit digit); the
        # regex reads them as tens + ones (self.tens, self.ones), the table gives their values
        tens = [(k, v) for k, v in self.numbers.items() if v in (20, 30, 40, 50, 60, 70, 80, 90) and " " not in k]
        ones = [(k, v) for k, v in self.numbers.items() if 1 <= v <= 9 and k not in ("a", "an") and " " not in k]
        self.tens, self.ones = [k for k, _ in tens], [k for k, _ in ones]
        self.compounds = {}
        for t, tv in tens:
            for o, ov in ones:
                self.compounds[f"{t}-{o}"] = self.compounds[f"{t} {o}"] = tv + ov
        for k, v in self.compounds.items():
            self.numbers.setdefault(k, v)
        self.ago = {k.lower() for k in (dw.get("ago") or ["ago"])}
        self.next_week = {re.sub(r"\s+", " ", str(w).lower()) for w in dw.get("next_week") or []}
        self.now_words = [str(w).lower() for w in dw.get("now") or []]
        self.window_dir = {re.sub(r"\s+", " ", str(k).lower()): int(v) for k, v in (dw.get("window") or {}).items()}
        self.from_now = {re.sub(r"\s+", " ", k.lower()) for k in (dw.get("from_now") or [])}
        self.parts = {re.sub(r"\s+", " ", k): str(v) for k, v in _words(dw, "parts").items()}
        self.seasons = {k: tuple(v) for k, v in _words(dw, "seasons").items()}
        self.quarters = {k: int(v) for k, v in _words(dw, "quarters").items()}
        self.halves = {k: int(v) for k, v in _words(dw, "halves").items()}
        self.decades = {k: int(v) for k, v in _words(dw, "decades").items()}
        self.ordinals = {re.sub(r"\s+", " ", k): int(v) for k, v in _words(dw, "ordinals").items()}
        self.anaphora = {k: int(v) for k, v in _words(dw, "anaphora").items()}
        self.holidays = {}          # every name and alias (lowercase) -> its rule (date_holidays.py)
        for k, rule in _words(dw, "holidays").items():
            for name in [k] + list((rule.get("aliases") or []) if isinstance(rule, dict) else []):
                self.holidays[re.sub(r"\s+", " ", str(name).lower()).replace("’", "'")] = rule
        self.holiday_keys = {_holiday_key(k): r for k, r in self.holidays.items()}
        self.month_ctx = [str(w).lower() for w in dw.get("month_context") or []]
        self.may_ctx = [str(w).lower() for w in dw.get("may_context") or []]
        nouns = {str(w).lower() for w in dw.get("count_nouns") or []}
        for cls in (rs.units or {}).values():
            for n in (cls or {}).get("nouns", []) if isinstance(cls, dict) else []:
                n = str(n).lower()
                nouns.update({n + "s", n + "es", n[:-1] + "ies" if n.endswith("y") else n + "s"})
        self.count_nouns = nouns
        self._compile()

    # ------------------------------------------------------------ regex construction
    def _compile(self) -> None:
        mon = _alt(self.months)
        wd_any = _alt(self.weekdays)
        wd_full = _alt(w for w in self.weekdays if len(w) >= 4)
        shift = _alt(self.shift)
        compound = rf"(?:{_alt(self.tens)})(?:-|\s+)(?:{_alt(self.ones)})(?![\w-])" if self.tens and self.ones else "(?!)"
        num = compound + "|" + _alt(k for k in self.numbers if k not in self.compounds) + r"|\d{1,3}"
        unit = _alt(self.units)
        M = lambda n: rf"(?<![\w])(?P<{n}>{mon})(?![a-z])\.?"
        ord_words = _alt(k for k, v in self.ordinals.items() if 1 <= int(v) <= 31)
        # a day of the month: 10, 10th, or an ordinal word ("March third", "the first of March")
        D = lambda n: rf"(?:{_D.format(n=n)}|(?<![\w])(?P<{n}w>{ord_words})(?![\w-]))"
        Y = lambda n: _Y.format(n=n)
        RY = lambda n: rf"(?P<{n}>{shift})\s+year(?![\w'])"
        # a year in words after a date, strictly numbers: "two thousand (and) nineteen", "nineteen
        # ninety-five", "twenty twenty-four", "twenty nineteen" (a century word, then tens or a teen)
        ones = _alt(w for w, v in _UNITS_WORDS.items() if v < 10)
        teens = _alt(w for w, v in _UNITS_WORDS.items() if v >= 10)
        tens_ones = rf"(?:{_alt(_TENS_WORDS)})(?:[\s-]+(?:{ones}))?"
        year_in_words = (rf"(?:two\s+thousand(?:(?:\s+and)?[\s-]+(?:{tens_ones}|{teens}|{ones}))?"
                         rf"|(?:nineteen|twenty)[\s-]+(?:{tens_ones}|{teens}))(?![\w-])")
        # a year after a date: 2024, last year, two digits after an apostrophe ("Oct. 3, '24"), words
        YP = lambda n: rf"(?:of\s+)?(?:{Y(n)}|{RY(n + 'r')}|['’‘](?P<{n}a>\d{{2}})(?![\w'’])|(?P<{n}wd>{year_in_words}))"
        WDP = rf"(?:(?<![\w])(?:{wd_any})(?![a-z])\.?,?\s+(?:the\s+)?)?"
        WDN = rf"(?:(?<![\w])(?P<wdn>{wd_any})(?![a-z])\.?,?\s+(?:the\s+)?)?"
        SEP = r"(?P<sep>\s*[-–—]\s*|,?\s+(?:to|through|thru|until|till|and|&)\s+)"
        PRE = r"(?:(?<![\w])(?P<pre>from|between)\s+)?"
        DL = r"(?:\s*,\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w]))*"
        hol = _branches([_holiday_pattern(h) for h in sorted(self.holidays, key=lambda h: (-len(h), h))])
        # a year in words: "two thousand ten", "two thousand and nineteen", "nineteen ninety-five"
        year_words = r"(?:two\s+thousand(?:\s+and)?(?:[\s-]+[a-z]+){0,2}|(?:nineteen|twenty)[\s-]+[a-z]+(?:[\s-][a-z]+)?)(?![\w])"
        fnum = num + r"|\d+(?:\.\d+)?|\d+/\d+|half\s+an?|an?\s+half|a\s+quarter\s+of\s+an?|three[-\s]quarters\s+of\s+an?|an?\s+(?:few|couple(?:\s+of)?|pair\s+of)|few|\d+\s+and\s+an?\s+half"
        clock = r"hours?|h|hrs?|minutes?|mins?|seconds?|secs?|sec|['’\"]"
        wd_short = _alt(w for w in self.weekdays if len(w) <= 3)
        quarter_w = _alt(self.quarters)
        half_w = _alt(self.halves)
        season = _alt(self.seasons)
        # the token each match can start on (see _scan): a lowercase word, or "#d" for a run of digits;
        # a row that names them is tried only there, a row without them is scanned over the whole text
        firsts = _firsts
        WD, MON, SHIFT = firsts(self.weekdays), firsts(self.months), firsts(self.shift)
        DIG, THE, FROM = frozenset({"#d"}), frozenset({"the"}), frozenset({"from", "between"})
        ORD = firsts(k for k, v in self.ordinals.items() if 1 <= int(v) <= 31)
        NUM = firsts(self.numbers) | DIG
        rows = [

            # numeric: 2025-02-10, 2025/02/10 ; 2/10/2025 (M/D/Y unless the first is > 12), 10.02.2025
            (r"(?<![\w./-])(?P<y>[12]\d{3})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=s)(?P<d>[0-3]?\d)(?![\d])(?!\.\d)", self._h_ymd, DIG),
            (r"(?<![\w./-])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})(?![\w/])(?![.-]\d)", self._h_numeric, DIG),
            # 31-Oct-74 ; 31/Oct/1974 ; 14april 2015 ; Feb13
            (rf"(?<![\w])(?P<d>[12]\d|3[01]|0?[1-9])(?P<s>[-/])(?P<m>{mon})(?P=s)(?P<y>\d{{4}}|\d{{2}})(?![\w])", self._h_dmy_dashed, DIG),
            (rf"(?<![\w])(?P<d>[12]\d|3[01]|0?[1-9])(?P<m>{mon})(?:,?\s+(?P<y>[12]\d{{3}}))?(?![\w])", self._h_dmy_glued, DIG),
            (rf"(?<![\w])(?P<m>{mon})(?P<d>[12]\d|3[01]|0?[1-9])(?![\w])", self._h_dmy_glued, MON),
            (rf"(?<![\w])(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+(?P<m>{mon})\.?,?\s+['’]?(?P<y>\d{{2}})(?![\w:])", self._h_dmy_th, DIG),
            # yearless month/day when the day is over 12 (2/15, 4/25; "3/4" and "24/7" are not dates)
            (r"(?<![\w./-])(?P<a>1[0-2]|0?[1-9])\s*/\s*(?P<b>1[3-9]|2\d|3[01])(?![\w/])(?![.,]\d)", self._h_md_slash, DIG),
            # months in digits: 2014-10 ; 2014/10 ; 2/2013
            (r"(?<![\w./-])(?P<y>[12]\d{3})[-/](?P<m>0[1-9]|1[0-2])(?![\w/-])(?![.]\d)", self._h_ym, DIG),
            (r"(?<![\w./-])(?P<m>1[0-2]|0?[1-9])/(?P<y>[12]\d{3})(?![\w/-])(?![.]\d)", self._h_ym, DIG),
            # quarters glued to a year: 2018Q4 ; 18q4
            (r"(?<![\w])(?P<yq>[12]\d{3}|\d{2})\s?[qQ](?P<q>[1-4])(?![\w])", self._h_quarter, DIG),
            # ranges written with one month: Feb. 10 to 11 ; February 10, 11 and 12, 2025 ; 10-11 February
            (rf"{PRE}{WDP}{M('m')}\s+(?:the\s+)?{D('d1')}{DL}{SEP}{WDP}(?:the\s+)?{D('d2')}(?:,?\s+{YP('y')})?", self._h_md_d, FROM | WD | MON),
            (rf"{PRE}{WDP}(?:the\s+)?{D('d1')}{DL}{SEP}{WDP}(?:the\s+)?{D('d2')}(?:\s+of)?\s+{M('m')}(?:,?\s+{YP('y')})?", self._h_d_dm, FROM | WD | THE | DIG | ORD),
            # ranges with two months: Feb. 28 to March 2, 2025 ; 28 February - 2 March
            (rf"{PRE}{WDP}{M('m1')}\s+(?:the\s+)?{D('d1')}(?:,?\s+{Y('y1')})?{SEP}{WDP}{M('m2')}\s+(?:the\s+)?{D('d2')}(?:,?\s+{YP('y')})?", self._h_md_md, FROM | WD | MON),
            (rf"{PRE}{WDP}(?:the\s+)?{D('d1')}(?:\s+of)?\s+{M('m1')}(?:,?\s+{Y('y1')})?{SEP}{WDP}(?:the\s+)?{D('d2')}(?:\s+of)?\s+{M('m2')}(?:,?\s+{YP('y')})?", self._h_md_md, FROM | WD | THE | DIG | ORD),
            # full and yearless days: Feb. 10, 2025 ; 10 February 2025 ; Monday, Feb. 10 ; the 10th of May last year
            (rf"{WDN}{M('m')}\s+(?:the\s+)?{D('d')}(?:,?\s+{YP('y')}|,\s+(?P<wda>{wd_any})(?![a-z])\.?)?", self._h_day, WD | MON),
            # a weekday and a day of the month: Tuesday the 19th ; Thu 15th
            (rf"(?<![\w])(?P<wd>{wd_any})\.?,?\s+(?:the\s+)?(?:(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?P<dw>{ord_words}))(?![\w-])(?!\s+(?:of\s+)?(?:{mon}))", self._h_weekday_day, WD),
            (rf"{WDN}(?:the\s+)?{D('d')}(?:\s+of)?\s+{M('m')}(?:,?\s+{YP('y')})?", self._h_day, WD | THE | DIG | ORD),
            # the first week of March 2025 ; the last week of January
            (rf"(?<![\w])(?:the\s+)?(?P<wn>first|second|third|fourth|last|final)\s+week\s+of\s+{M('m')}(?:,?\s+{YP('y')})?", self._h_week_of_month, THE | {"first", "second", "third", "fourth", "last", "final"}),
            # holidays: Christmas 2024 ; next Thanksgiving ; Easter Sunday two thousand ten ; Diwali in 2019 ;
            # MLK day of last year ; thanksgiving in 9 months ; Lakshmi Puja six years hence
            (rf"(?<![\w])(?:(?P<sh>{shift})\s+)?(?P<hol>{hol})(?![\w])"
             rf"(?:,?\s+(?:in\s+)?{YP('y')}|\s+(?P<yw>{year_words})"
             rf"|\s+in\s+(?P<n>{num})\s+(?P<u>{unit})(?![\w])"
             rf"|\s+(?P<n2>{num})\s+(?P<u2>{unit})\s+(?P<dir>{_alt(self.ago | self.from_now)})(?![\w]))?", self._h_holiday),
            # the closest Christmas to today ; the 3rd closest xmas to today
            (rf"(?<![\w])the\s+(?:(?P<ord>{_alt(self.ordinals)}|\d(?:st|nd|rd|th))\s+)?closest\s+(?P<hol>{hol})\s+to\s+(?:today|now)(?![\w])", self._h_closest_holiday, THE),
            # months: October 2023 ; May last year ; March to May 2024 ; last May ; in March
            (rf"{M('m')},?\s+{YP('y')}", self._h_month_year, MON),
            (rf"{PRE}{M('m1')}(?:,?\s+{Y('y1')})?{SEP}{M('m2')}(?:,?\s+{YP('y')})?", self._h_month_range, FROM | MON),
            (rf"(?<![\w])(?P<sh>{shift})\s+{M('m')}(?!\s*\d)", self._h_shift_month, SHIFT),
            (rf"{M('m')}", self._h_bare_month, MON),
            # years: 2023 ; 2023-24 ; between 2007 and 2009 ; fiscal 2024 ; FY24
            (rf"{PRE}{Y('y1')}(?P<sep>\s*[-–—/]\s*|\s+(?:to|through|thru|until|till|and)\s+)(?P<y2>[12]\d{{3}}|\d{{2}})(?![\w])(?![.,:]\d)", self._h_year_range, FROM | DIG),
            (r"(?<![\w$€£¥#.,/])(?P<y>1[89]\d\d|20\d\d)(?![\w])(?![.,:]\d)(?!\s*%)", self._h_year, DIG),
            (r"(?<![\w])(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<y>[12]\d{3}|\d{2})(?![\w])", self._h_fiscal, {"fy", "fiscal"}),
            # decades and centuries: the 1970s, the '90s, the seventies, the 20th century
            (r"(?<![\w$€£¥#.,])(?:the\s+)?(?P<dec>1\d\d0|20\d0)'?s(?![\w])", self._h_decade, THE | DIG),
            (r"(?<![\w])(?:(?:the\s+)?['‘’]|the\s+(?:(?:early|mid|late)[-\s]+)?(?=\d0s))(?P<dd>\d0)s(?![\w])", self._h_decade),
            (rf"(?<![\w])the\s+(?P<dw>{_alt(self.decades)})(?![\w])", self._h_decade, THE),
            (r"(?<![\w])(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)[-\s]+century(?![\w])", self._h_century, THE | DIG),
            (rf"(?<![\w])(?:the\s+)?(?P<cw>{_alt(self.ordinals)})[-\s]+century(?![\w])", self._h_century, THE | firsts(self.ordinals)),
            (r"(?<![\w])(?:the\s+)?turn\s+of\s+the\s+(?P<u>century|millennium)(?![\w])", self._h_turn, THE | {"turn"}),
            # quarters and halves: Q1 2016 ; the first quarter of last year ; H1 2024 ; last quarter
            (rf"(?<![\w])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s*(?:of\s+)?{YP('y')}|\s*['‘’]?(?P<yy>\d{{2}})(?![\w]))?(?![\w])", self._h_quarter, {"q"} | DIG),
            (rf"(?<![\w])(?:the\s+)?(?P<qw>{quarter_w})[-\s]+(?:quarter|qtr)(?:\s+{YP('y')}|\s+of\s+(?P<ty>the|this)\s+year)", self._h_quarter, THE | firsts(self.quarters)),
            (rf"(?<![\w])(?:(?:the\s+)?(?P<qw>{quarter_w})[-\s]+|(?P<qh>{quarter_w})-)(?:quarter|qtr)(?![\w-])", self._h_quarter, THE | firsts(self.quarters)),
            (r"(?<![\w])H(?P<h>[12])(?![\w])", self._h_half, {"h"}),
            (rf"(?<![\w])H(?P<h>[12])\s*(?:{YP('y')}|['‘’]?(?P<yy>\d{{2}})(?![\w]))", self._h_half, {"h"}),
            (rf"(?<![\w])(?:the\s+)?(?P<hw>{half_w})\s+half\s+of\s+(?:{YP('y')}|(?P<ty>the|this)\s+year)", self._h_half, THE | firsts(self.halves)),
            # seasons: summer 2024 ; last winter ; in the spring
            (rf"(?<![\w])(?:(?P<sh>{shift})\s+)?(?P<s>{season})(?:\s+(?:of\s+)?{YP('y')}(?:\s*[-–/]\s*\d{{2}}(?:\d{{2}})?(?![\w]))?)?(?![\w])", self._h_season, SHIFT | firsts(self.seasons)),
            # relative: today ; two days ago ; last week ; the weekend ; next Friday ; Monday last week
            (rf"(?<![\w])(?:{_alt(self.days)})(?![\w])", self._h_dayword, firsts(self.days)),
            (rf"(?<![\w])(?:{_alt(self.now_words) or '(?!)'})(?![\w])", self._h_now, firsts(self.now_words)),
            (rf"(?<![\w])(?P<n>{num})\s+(?P<u>{unit})\s+(?P<dir>{_alt(self.ago | self.from_now)})(?![\w])", self._h_ago, NUM),
            (rf"(?<![\w])in\s+(?P<n>{num})\s+(?P<u>{unit})['’]?\s+(?P<dir>time)(?![\w])", self._h_ago, {"in"}),
            # offsets within a day: in 15 minutes ; in half an hour ; 2 hours from now ; in 24 hours
            (rf"(?<![\w])(?:in\s+(?:about\s+|around\s+)?(?P<n>{fnum})\s*(?:more\s+)?(?P<u>{clock})"
             rf"|(?P<n2>{fnum})\s+(?P<u2>{clock})\s+(?P<dir>{_alt(self.ago | self.from_now)}|from\s+right\s+now))(?![\w])", self._h_clock_offset),
            # in a week ; in 3 days ; in one year: the day that far ahead
            (rf"(?<![\w])in\s+(?:about\s+)?(?P<n>{num})\s+(?P<u>{unit})(?![\w'’])", self._h_in_units, {"in"}),
            # windows: the past three days ; the next 3 weeks ; last 2 years ; the coming fortnight ; within 2 weeks
            (rf"(?<![\w])(?:(?P<the>the)\s+)?(?P<dir>{_alt(self.window_dir)})\s+(?P<n>{num}|few|couple\s+of)\s+(?P<u>{unit}|{clock})(?![\w])(?!\s+(?:of|in)\s)", self._h_window, THE | firsts(self.window_dir)),
            (rf"(?<![\w])(?:the\s+)?(?P<dir>{_alt(self.window_dir)})\s+(?P<u>fortnight)(?![\w])", self._h_window_fortnight, THE | firsts(self.window_dir)),
            (rf"(?<![\w])within\s+(?:the\s+next\s+)?(?P<n>{num})\s+(?P<u>{unit})(?![\w])", self._h_within, {"within"}),
            # up to the end of a period: by the end of the month ; by EOY ; by the end of next month
            (rf"(?<![\w])by\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:(?P<sh>{shift})\s+)?(?P<u>day|week|month|year|quarter)|(?P<ab>(?-i:EOD|EOW|EOM|EOQ|EOY)))(?![\w])", self._h_by_end, {"by"}),
            (r"(?<![\w])(?:at\s+)?(?:the\s+)?(?P<ab>(?-i:BOM|EOM|BOY|EOY|BOW|EOW|EOD))(?![\w])", self._h_period_abbrev, THE | {"at", "bom", "eom", "boy", "eoy", "bow", "eow", "eod"}),
            # Friday after next ; 2 Sundays from now ; 3 Thursdays ago
            (rf"(?<![\w])(?P<wd>{wd_full})\s+(?:after\s+next|(?P<bl>before\s+last))(?![\w])", self._h_weekday_after_next, WD),
            (rf"(?<![\w])(?P<n>{num})\s+(?P<wd>{wd_full})s\s+(?P<dir>{_alt(self.ago | self.from_now)}|back)(?![\w])", self._h_weekdays_away, NUM),
            # last week's Sunday ; Sunday from last week
            (rf"(?<![\w])(?P<wk>{shift})\s+week['’]s\s+(?P<wd>{wd_full})(?![\w])", self._h_weekday_of_week, SHIFT),
            (rf"(?<![\w])(?P<wd>{wd_full})\s+(?:from|of)\s+(?P<wk>{shift})\s+week(?![\w])", self._h_weekday_of_week, WD),
            # a short weekday name alone or with a dot: "fri", "Sat."
            (rf"(?<![\w])(?P<wd>{wd_short})(?:\.|(?=\s*\Z)|(?=,|\s+at\s+\d))", self._h_short_weekday, WD),
            (rf"(?<![\w])(?P<sh>{shift})\s+(?P<u>week|month|year|quarter|decade|century|yr|qtr)(?![\w])", self._h_shift_unit, SHIFT),
            (rf"(?<![\w])(?:(?P<sh>{shift})|(?P<the>the))\s+weekend(?![\w])(?!\s+(?:before\s+last|after\s+next))", self._h_weekend, SHIFT | THE),
            # the week before last ; the month after next ; two weekends ago
            (r"(?<![\w])(?:the\s+)?(?P<u>weekend|week|month|year|quarter)\s+(?P<ba>before\s+last|after\s+next)(?![\w])", self._h_two_away, THE | {"weekend", "week", "month", "year", "quarter"}),
            (rf"(?<![\w])(?P<n>{num})\s+weekends\s+(?P<dir>{_alt(self.ago | self.from_now)})(?![\w])", self._h_weekends_away, NUM),
            # undelimited digits where only one reading is a date: 20240930 ; 09302024 ; 30092024
            (r"(?<![\w.,/-])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![\w.,/-])", self._h_ymd_digits, DIG),
            (r"(?<![\w.,/-])(?P<a>0[1-9]|[12]\d|3[01])(?P<b>0[1-9]|[12]\d|3[01])(?P<y>(?:19|20)\d\d)(?![\w.,/-])", self._h_undelimited, DIG),
            # digits separated by single spaces, two digits each: 2025 03 15 ; 15 03 2025 (either order when unambiguous)
            (r"(?<![\w.,/-])(?<!\d\s)(?P<y>[12]\d{3})\s(?P<m>0[1-9]|1[0-2])\s(?P<d>0[1-9]|[12]\d|3[01])(?![\w.,/-]|\s\d)", self._h_ymd_spaced, DIG),
            (r"(?<![\w.,/-])(?<!\d\s)(?P<a>0[1-9]|[12]\d|3[01])\s(?P<b>0[1-9]|[12]\d|3[01])\s(?P<y>[12]\d{3})(?![\w.,/-]|\s\d)", self._h_spaced, DIG),
            # year first with a month name: 2025 March 15 ; 2025-Mar-15 ; 2025/Mar/15
            (rf"(?<![\w])(?P<y>[12]\d{{3}})(?:(?P<s>[-/])|,?\s+)(?P<m>{mon})\.?(?(s)(?P=s)|\s+)(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w])(?![:.,]\d)", self._h_ymd_named, DIG),
            # a year in words: "in twenty twenty-four", "nineteen ninety-nine"
            (rf"(?<![\w])(?:(?P<ctx>in|since|of|by|until|till|during|from|before|after)\s+)?(?P<yw>{year_words})", self._h_year_words, {"in", "since", "of", "by", "until", "till", "during", "from", "before", "after", "two", "nineteen", "twenty"}),
            (rf"(?<![\w])(?:(?P<sh>{shift})\s+)?(?P<wd>{wd_full})(?![a-z])(?:\s+(?:morning|afternoon|evening|night))?(?:\s+(?:of\s+)?(?P<wk>{shift})\s+week(?![\w]))?", self._h_weekday, SHIFT | WD),
            (r"(?<![\w])(?:the\s+|(?<=-))?(?P<u>week|month|year|decade|century)(?![\w])(?!\s*\d)", self._h_the_unit, THE | {"week", "month", "year", "decade", "century"}),
            # "of the month", "in the current month", "of the next month": the period an operator before it names
            (r"(?<=of |in )(?:the\s+)?(?:(?P<sh>current|present|this|next|following|previous|last)\s+)?(?P<u>month|week|year)(?![\w])", self._h_of_unit, THE | {"current", "present", "this", "next", "following", "previous", "last", "month", "week", "year"}),
            # anaphoric: the next day ; the previous year ; the day before ; year-end ; this time last year
            (rf"(?<![\w])the\s+(?P<an>{_alt(self.anaphora)})\s+(?P<u>day|week|month|year)(?![\w])", self._h_anaphora, THE),
            (r"(?<![\w])the\s+(?P<u>day|week|month|year)\s+(?P<ba>before|after)(?![\w])(?!\s+[\w$€£])", self._h_anaphora, THE),
            (rf"(?<![\w])(?P<u>year|month)[-\s]end(?![\w])(?:\s+{Y('y')})?", self._h_unit_end, {"year", "month"}),
            (rf"(?<![\w])this\s+time\s+(?P<sh>{shift})\s+(?P<u>year|month|week)(?![\w])", self._h_this_time, {"this"}),
            # yearless day of the month: on the 5th
            (r"(?<![\w])the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=\s*(?:[,.;:)]|\Z))", self._h_day_of_month, THE),
            (rf"(?<![\w])(?:on\s+the|^the)\s+(?P<dw>{ord_words})(?=\s*(?:[,.;:)]|\Z))", self._h_day_of_month_words, {"on", "the"}),
            # a deadline within the day: by 2:00pm, by noon
            (r"(?<![\w])by\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?![\w])", self._h_by_time, {"by"}),
        ]
        self.patterns: list[tuple[re.Pattern, Callable]] = [(re.compile(r[0], re.I), r[1]) for r in rows]
        self.starts = {i: frozenset(r[2]) for i, r in enumerate(rows) if len(r) > 2}
        ords = _alt(self.ordinals) + r"|\d{1,2}(?:st|nd|rd|th)"
        # operators written before an anchor (see _with_operators):
        # "the first Monday of", "the 5th last day of", "the third last week of", "last Friday in"
        self.nth_re = re.compile(
            rf"(?<![\w])(?:the\s+)?(?P<ord>{ords}|last|final)\s+(?:(?P<last>last)\s+)?"
            rf"(?P<what>{wd_any}|day|week(?:[-\s]?end)?|wkend)\s+(?:of|in)\s+(?:the\s+)?$", re.I)
        # "three days after", "the day before", "third Tuesday after", "2 weeks from"
        self.offset_re = re.compile(
            rf"(?<![\w])(?:(?P<n>{num}|{ords})\s+|the\s+(?:(?P<n2>{num}|{ords})\s+)?)(?P<u>{unit}|{wd_any})(?:s)?\s+(?P<dir>after|before|from)\s+$", re.I)
        # a duration starting at the anchor: "for 10 days from" before it, "for 10 days" after it
        self.for_before_re = re.compile(rf"(?<![\w])for\s+(?P<n>{num})\s+(?P<u>{unit})\s+(?:from|starting(?:\s+on)?|beginning)\s+$", re.I)
        self.for_after_re = re.compile(rf"\s+for\s+(?:the\s+next\s+)?(?P<n>{num})\s+(?P<u>{unit})(?![\w])", re.I)
        # "the last two weeks of", "the first 10 days of": a stretch at one end of the period that follows
        self.stretch_re = re.compile(rf"(?<![\w])(?:the\s+)?(?P<fl>first|last|final)\s+(?P<n>{num})\s+(?P<u>days|weeks|months)\s+of\s+(?:the\s+)?$", re.I)
        # "the weekend of March 8"; "Easter weekend", "Thanksgiving weekend"
        self.weekend_of_re = re.compile(r"(?<![\w])(?:the\s+)?week[-\s]?end\s+of\s+$", re.I)
        self.weekend_after_re = re.compile(r"\s+week[-\s]?end(?![\w])", re.I)
        # "the closest Monday to", "the second closest Mon to": the weekday nearest the anchor's day
        self.closest_re = re.compile(rf"(?<![\w])the\s+(?:(?P<ord>{ords})\s+)?closest\s+(?P<wd>{wd_any})\.?\s+to\s+$", re.I)
        # after a month without a year: "March in a year", "March in 2 years", "March after next"
        self.month_after_re = re.compile(rf"\s+(?:in\s+(?P<n>{num})\s+years?|(?P<an>after\s+next))(?![\w])", re.I)
        # "the 20th of", "20th day of", "20 of": a day of the month that follows
        self.day_of_re = re.compile(rf"(?<![\w])(?:the\s+)?(?P<d>{ords}|[12]\d|3[01]|0?[1-9])(?:\s+day)?\s+of\s+(?:the\s+)?$", re.I)
        self.triggers = self._triggers()
        self.part_words = frozenset(w for k in self.parts for w in _WORD.findall(k)) - {"the", "of", "in"}
        self.nth_words = frozenset(w for k in self.ordinals for w in _WORD.findall(k)) | {"last", "final", "#digit"}
        # every word a trigger, a start or a pass's gate reads: what a text needs is decided by the
        # ones it holds (plan), so a plan is made once per such set of words
        self.gate_words = frozenset(w for t in self.triggers for ws in t for w in ws) \
            | frozenset(w for st in self.starts.values() for w in st) | self.part_words | self.nth_words | _GATES
        self._plans: dict[frozenset, _Plan] = {}
        # word -> the patterns whose first trigger set holds it (patterns without triggers: always run)
        self.by_word: dict[str, list[int]] = {}
        self.always = [i for i, t in enumerate(self.triggers) if not t]
        self.others = [t[1:] for t in self.triggers]
        for i, t in enumerate(self.triggers):
            for w in (t[0] if t else ()):
                self.by_word.setdefault(w, []).append(i)
        parts = _alt(self.parts, the_optional=True)
        self.part_re = re.compile(rf"(?<![\w])(?P<part>{parts})(?:\s*-\s*|\s+)(?:(?:in|of)\s+)?$", re.I)
        self.week_of_re = re.compile(r"(?<![\w])(?:the\s+)?week\s+(?:of|beginning|starting|from)\s+$", re.I)
        self.week_ending_re = re.compile(r"(?<![\w])(?:the\s+)?(?:week|seven\s+days)\s+(?:ending|ended|to)\s+$", re.I)
        ctx = _alt(self.month_ctx)
        self.month_ctx_re = re.compile(rf"(?<![\w])(?:{ctx})(?:\s*-\s*|\s+)(?:the\s+)?(?:month\s+of\s+)?$", re.I)
        self.may_ctx_re = re.compile(rf"(?<![\w])(?:{_alt(self.may_ctx)})(?:\s*-\s*|\s+)$", re.I)
        self.season_ctx_re = re.compile(r"(?<![\w])(?:in|during|over|through|throughout|since|until|by|early|late|mid)(?:\s*-\s*|\s+)(?:the\s+)?$", re.I)
        # what joins two dates into a range; a comma may close the first ("Dec. 20, 2024, to Jan. 5")
        self.gap_re = re.compile(r"\s*(?:[-–—]|,?\s*(?:to|through|thru|until|till)|and|&)\s*", re.I)
        # "now" ending a range after a date written with digits: "from 2019 until now" ("which until now was" is no date)
        self.until_re = re.compile(r"\d(?:st|nd|rd|th|s)?['’]?\s*,?\s+(?:to|until|till|through|thru)\s+$", re.I)
        self.pre_re = re.compile(r"(?<![\w])(?P<pre>from|between)\s+$", re.I)
        self.the_re = re.compile(r"(?<![\w])the\s+$", re.I)
        self.duration_re = re.compile(r"(?<![\w])(?:over|in|within|for|during|throughout|across|through|"
                                      r"of|until|till)\s+$", re.I)

    def _triggers(self) -> list[tuple[frozenset, ...]]:
        """For each pattern, the words it cannot match without (one of each set): a pattern whose
        trigger words are all absent from a text is not run on it (the grammar's speed comes from here)."""
        words = lambda *tables: frozenset(w for t in tables for k in t for w in _WORD.findall(str(k).lower()))  # noqa: E731
        dig, mon, wd = frozenset({"#digit"}), words(self.months), words(self.weekdays)
        units = words(self.units, ["time"])
        ago = words(self.ago, self.from_now, ["time", "back"])
        joins = words(["to", "through", "thru", "until", "till", "and"]) | {"#dash"}   # range connectors
        shift = words(self.shift)
        last = lambda table: frozenset(_WORD.findall(str(k).lower())[-1] for k in table if _WORD.findall(str(k).lower()))  # noqa: E731
        d4, dsep, th = frozenset({"#d4"}), frozenset({"#dsep"}), frozenset({"st", "nd", "rd", "th"})
        grains = frozenset({"day", "week", "month", "year", "quarter", "decade", "century", "yr", "qtr"})
        parts = words(self.parts) - {"the", "of"}
        # a holiday is tried only when the first word of one of its names is there ("the ..." names
        # have an alias without "the")
        hol_first = frozenset(_WORD.findall(h)[0] for h in self.holidays if _WORD.findall(h) and not h.startswith("the "))
        hol_first |= {w + "s" for w in hol_first} | {w[:-1] for w in hol_first if w.endswith("s")}   # "valentines day"
        clock = words(["hour", "hours", "h", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds",
                       "sec", "secs"]) | {"#quote"}
        need = {
            "_h_weekday_day": (wd, th | words(self.ordinals)), "_h_weekday_of_week": (wd, frozenset({"week"})),
            "_h_day_of_month_words": (frozenset({"on", "the"}), words(self.ordinals)),
            "_h_window_fortnight": (frozenset({"fortnight"}),), "_h_two_away": (frozenset({"last", "next"}), frozenset({"before", "after"})),
            "_h_weekends_away": (frozenset({"weekends"}),), "_h_undelimited": (frozenset({"#d8"}),), "_h_ymd_digits": (frozenset({"#d8"}),),
            "_h_ymd_spaced": (d4,), "_h_spaced": (d4,), "_h_ymd_named": (d4, mon),
            "_h_year_words": (frozenset({"thousand", "nineteen", "twenty"}),), "_h_by_time": (frozenset({"by"}),), "_h_now": (last(self.now_words),), "_h_ymd": (d4, dsep), "_h_numeric": (dsep,), "_h_dmy_dashed": (mon, frozenset({"#dash"})),
            "_h_dmy_glued": (mon, frozenset({"#glued"})), "_h_dmy_th": (mon, th), "_h_md_slash": (dsep,),
            "_h_ym": (d4, frozenset({"#dash"})), "_h_md_d": (mon, dig, joins), "_h_d_dm": (mon, dig, joins),
            "_h_md_md": (mon, dig, joins), "_h_day": (mon, dig | words(self.ordinals)), "_h_week_of_month": (frozenset({"week"}), mon),
            "_h_holiday": (hol_first,), "_h_closest_holiday": (frozenset({"closest"}),),
            "_h_month_year": (mon, dig | shift | {"two", "nineteen", "twenty"}), "_h_month_range": (mon, joins), "_h_shift_month": (mon, shift), "_h_bare_month": (mon,),
            "_h_year_range": (d4, joins), "_h_year": (d4,), "_h_fiscal": (frozenset({"fy", "fiscal"}), dig),
            "_h_decade": (frozenset({"s"}) | words(self.decades),), "_h_century": (frozenset({"century"}),),
            "_h_turn": (frozenset({"turn"}),), "_h_quarter": (frozenset({"q", "quarter", "qtr"}),),
            "_h_half": (frozenset({"h", "half"}),), "_h_season": (words(self.seasons),),
            "_h_dayword": (last(self.days),), "_h_ago": (units, ago), "_h_clock_offset": (clock, ago | {"in"}), "_h_in_units": (frozenset({"in"}), units),
            "_h_window": (last(self.window_dir), units | clock | {"fortnight"}), "_h_within": (frozenset({"within"}),),
            "_h_by_end": (frozenset({"by"}),), "_h_period_abbrev": (frozenset({"bom", "eom", "boy", "eoy", "bow", "eow", "eod"}),),
            "_h_weekday_after_next": (wd, frozenset({"after", "before"})), "_h_weekdays_away": (
                frozenset(w + "s" for w in wd), ago), "_h_short_weekday": (frozenset(w for w in self.weekdays if len(w) <= 3),),
            "_h_shift_unit": (grains, shift), "_h_weekend": (frozenset({"weekend"}),), "_h_weekday": (wd,),
            "_h_the_unit": (grains, parts), "_h_of_unit": (frozenset({"month", "week", "year"}), frozenset({"of", "in"})),
            "_h_anaphora": (frozenset({"day", "week", "month", "year"}), words(self.anaphora, ["before", "after"])), "_h_unit_end": (frozenset({"year", "month"}), frozenset({"end"})),
            "_h_this_time": (frozenset({"time"}),), "_h_day_of_month": (th, dig),
        }
        # patterns that can only start at one of these words are tried there alone (rx.match), not
        # scanned over the whole text: the holiday names are one long alternation
        # (the holiday names are one long alternation: tried at each such word, overlapping matches kept)
        self.overlapping = {i for i, (_, h) in enumerate(self.patterns) if h.__name__ == "_h_holiday"}
        self.starts.update({i: hol_first | shift for i in self.overlapping})
        self.starts = {i: st for i, st in self.starts.items() if "*" not in st}
        # the smallest set first: the index (by_word) is built on it, the others are checked after
        return [tuple(sorted(need.get(h.__name__, ()), key=len)) for _, h in self.patterns]

    def features(self, text: str) -> tuple[frozenset, Optional["_Offsets"]]:
        """The lowercase words of a text and flags for the triggers ("#digit" when it has a digit,
        "#d4"/"#d8" a run of 4/8 digits, "#dash", "#dsep", "#glued", "#quote"); with the offsets of its
        tokens (_Offsets), or None when it holds a letter re.I folds into an ASCII one (_tokens)."""
        if text.isascii():
            low = text.lower()
            if len(low) <= _EAGER_OFFSETS:
                at = _Offsets(None)             # every token's offsets in one pass
                for m in _TOKEN_LOW.finditer(low):
                    w = "#d" if m.lastindex else m.group()
                    if w in at:
                        at[w].append(m.start())
                    else:
                        at[w] = [m.start()]
                f = set(at)
                f.discard("#d")
            else:
                at = _Offsets(low)              # a token's offsets when a row asks for them
                f = set(_WORD.findall(low))
            # without a regex: ASCII has no en/em dash or curly quote
            if "-" in text or "&" in text or "/" in text:
                f.add("#dash")
            if "'" in text or '"' in text:
                f.add("#quote")
        else:
            f = set(_WORD.findall(text.lower()))
            if _DASH.search(text):
                f.add("#dash")
            if _QUOTE.search(text):
                f.add("#quote")
            tokens = _tokens(text)
            at = _Offsets(None)
            for p, w in tokens:
                at.setdefault(w, []).append(p)
            if not tokens:
                at = None
        if _DIGIT.search(text):              # the digit patterns below need a digit
            f.add("#digit")
            if _D4.search(text):
                f.add("#d4")
                if _D8.search(text):
                    f.add("#d8")
            if _DSEP.search(text):
                f.add("#dsep")
            if _GLUED.search(text):
                f.add("#glued")
        return frozenset(f), at

    def rows_for(self, words: frozenset) -> list[int]:
        """The rows whose trigger words are all among `words` (one of each trigger set), in order."""
        todo = set(self.always)
        for w in words:
            todo.update(self.by_word.get(w, ()))
        others_of = self.others
        return [order for order in sorted(todo) if not (others := others_of[order]) or not (
            words.isdisjoint(others[0]) or (len(others) > 1 and words.isdisjoint(others[1])))]

    def plan(self, feats: frozenset) -> "_Plan":
        """The rows a text with these features can match and the passes it can need, made once per set
        of trigger, start and gate words (distinct phrases share them: "Feb. 10" and "March 3"), at most
        _PLANS of them kept."""
        key = feats & self.gate_words
        p = self._plans.get(key)
        if p is None:
            if len(self._plans) >= _PLANS:
                self._plans.clear()
            p = self._plans[key] = _Plan(self, key)
        return p

    # ------------------------------------------------------------ small readers
    def day_num(self, m: re.Match, n: str) -> int:
        """The day of the month in group n, written in digits or as an ordinal word."""
        if m.group(n):
            return int(m.group(n))
        return int(self.ordinals[_norm(m.group(n + "w").lower())])

    def month(self, s: str) -> int:
        return self.months[s.lower().rstrip(".")]

    def year_of(self, m: re.Match, n: str):
        """(explicit year, relative-year shift) from YP group n; (None, None) when absent."""
        if _group(m, n):
            return int(m.group(n)), None
        if _group(m, n + "a"):                 # '24 -> 2024, '98 -> 1998
            yy = int(m.group(n + "a"))
            return (2000 + yy if yy < 50 else 1900 + yy), None
        if _group(m, n + "r"):
            return None, self.shift[_norm(m.group(n + "r").lower())]
        if _group(m, n + "wd"):                # "the fifteenth of April two thousand nineteen"
            return _year_in_words(m.group(n + "wd")), None
        return None, None

    def dated(self, gran: str, yl: tuple, m: re.Match, n: str = "y", anchor: str = "start") -> Optional[_Val]:
        """A yearless (m1, d1, m2, d2) with the year written in group n: absolute, relative or yearless."""
        y, sh = self.year_of(m, n)
        if y is not None:
            sp = _yl_span(yl, y, anchor)
            return _Val(gran, *sp) if sp else None
        if sh is not None:
            if _yl_span(yl, 2000, anchor) is None and _yl_span(yl, 2004, anchor) is None:
                return None

            def rel(ref, prefer, yl=yl, sh=sh):
                sp = _yl_span(yl, ref.year + sh, anchor)
                return sp if sp else (None, None)
            return _Val(gran, rel=rel)
        if _yl_span(yl, 2004) is None:
            return None
        return _Val(gran, yearless=yl)

    # ------------------------------------------------------------ handlers: absolute and yearless
    def _h_ymd(self, m, text):
        try:
            d = date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return _Val("day", d, d)

    def _h_dmy_named(self, m, text):
        """A day and a month name glued or joined by dashes or slashes: 31-Oct-74, 14april 2015, Feb13."""
        mo, d = self.month(m["m"]), int(m["d"])
        if _group(m, "y"):
            y = int(m["y"])
            y = y if y >= 100 else (2000 + y if y < 50 else 1900 + y)
            try:
                x = date(y, mo, d)
            except ValueError:
                return None
            return _Val("day", x, x)
        if _yl_span((mo, d, mo, d), 2004) is None:
            return None
        return _Val("day", yearless=(mo, d, mo, d))

    def _h_dmy_dashed(self, m, text):        # 31-Oct-74, 31/Oct/1974
        return self._h_dmy_named(m, text)

    def _h_dmy_glued(self, m, text):         # 14april 2015, Feb13
        return self._h_dmy_named(m, text)

    def _h_dmy_th(self, m, text):            # 14th April 15
        return self._h_dmy_named(m, text)

    def _h_md_slash(self, m, text):
        mo, d = int(m["a"]), int(m["b"])
        if _yl_span((mo, d, mo, d), 2004) is None:
            return None
        return _Val("day", yearless=(mo, d, mo, d))

    def _h_ym(self, m, text):
        y, mo = int(m["y"]), int(m["m"])
        if "-" in m.group(0) and not m["m"].startswith("0") and mo >= y % 100:
            return None                            # "2014-15" is a range of years
        return _Val("month", date(y, mo, 1), _month_end(y, mo))

    def _h_numeric(self, m, text):
        a, b, y = int(m["a"]), int(m["b"]), m["y"]
        if len(y) == 2:
            # 10-31-74: only the M-D-Y reading is valid; 15.3.25: only D.M.Y ("3.10.12" is a version)
            if m["s"] != "/" and not (m["s"] == "-" and a <= 12 < b) and not (m["s"] == "." and a > 12 >= b):
                return None
            y = 2000 + int(y) if int(y) < 50 else 1900 + int(y)
        y = int(y)
        mo, d = (b, a) if (m["s"] == "." or a > 12) else (a, b)
        if mo > 12 and d <= 12:                       # 10.31.1974: only the M.D.Y reading is valid
            mo, d = d, mo
        try:
            x = date(y, mo, d)
        except ValueError:
            return None
        return _Val("day", x, x)

    def _h_md_d(self, m, text):
        mo = self.month(m["m"])
        d1, d2 = self.day_num(m, "d1"), self.day_num(m, "d2")
        if d2 <= d1:
            return None
        return self.dated("range", (mo, d1, mo, d2), m)

    def _h_d_dm(self, m, text):
        return self._h_md_d(m, text)

    def _h_md_md(self, m, text):
        m1, m2 = self.month(m["m1"]), self.month(m["m2"])
        d1, d2 = self.day_num(m, "d1"), self.day_num(m, "d2")
        if m["y1"]:
            y2, sh = self.year_of(m, "y")
            if y2 is None:
                return None
            try:
                s, e = date(int(m["y1"]), m1, d1), date(y2, m2, d2)
            except ValueError:
                return None
            return _Val("range", s, e) if s < e else None
        return self.dated("range", (m1, d1, m2, d2), m, anchor="end")

    def _h_day(self, m, text):
        mo, d = self.month(m["m"]), self.day_num(m, "d")
        if m["m"].lower() == "may" and not m["m"][0].isupper() and not m.group("y"):
            return None
        v = self.dated("day", (mo, d, mo, d), m)
        wd = m["wdn"] or _group(m, "wda")
        if v is not None and wd:
            v.wd_check = self.weekdays[wd.lower().rstrip(".")]
        return v

    def _h_weekday_day(self, m, text):
        """"Tuesday the 19th": the nearest day in the prefer direction that is both that weekday and that day."""
        wd = self.weekdays[m["wd"].lower().rstrip(".")]
        d = int(m["d"]) if m["d"] else int(self.ordinals[re.sub(r"[\s-]+", " ", m["dw"].lower())]
                                           if re.sub(r"[\s-]+", " ", m["dw"].lower()) in self.ordinals
                                           else self.ordinals[m["dw"].lower()])

        def rel(ref, prefer):
            step = 1 if prefer == "future" else -1
            y, mo = ref.year, ref.month
            for _ in range(60):                   # the weekday of a day of the month repeats within 14 months
                if d <= calendar.monthrange(y, mo)[1]:
                    x = date(y, mo, d)
                    if x.weekday() == wd and (x >= ref if step > 0 else x <= ref):
                        return x, x
                y, mo = _add_months(y, mo, step)
            return None, None
        return _Val("day", rel=rel)

    def _h_week_of_month(self, m, text):
        if _NTH_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            return None                           # "the 2nd last week of": an operator on the month (see _with_operators)
        mo = self.month(m["m"])
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["wn"].lower())
        if n is None:   # the last week: the month's last seven days
            v = self.dated("week", (mo, None, mo, None), m)
            if v is None:
                return None
            v.part = "last-week"
            return v
        return self.dated("week", (mo, 7 * n - 6, mo, 7 * n), m)

    def holiday_rule(self, name: str):
        return self.holiday_keys.get(_holiday_key(name))

    def _h_holiday(self, m, text):
        """A holiday, with its year written, shifted ("next"), or offset ("in 9 months"); else the nearest."""
        rule = self.holiday_rule(m["hol"])
        if rule is None or (isinstance(rule, dict) and rule.get("capitalized") and not m["hol"][0].isupper()
                            and not (m["y"] or m["yw"])):
            return None                           # "lent him money"; but "lent 2018" is the season
        y, ysh = self.year_of(m, "y")
        if m["yw"]:
            y = _year_in_words(m["yw"])
            if y is None:
                return None
        if y is not None:
            sp = holiday_span(rule, y)
            return _Val(_gran_of(sp), *sp) if sp else None
        sh = self.shift[_norm(m["sh"].lower())] if m["sh"] else None
        if m["n"] or m["n2"]:                       # the occurrence in the year N units away
            n, u = (m["n"], m["u"]) if m["n"] else (m["n2"], m["u2"])
            n = int(n) if n.isdigit() else self.numbers[_norm(n.lower())]
            unit = self.units[u.lower()]
            if m["dir"] and m["dir"].lower() in self.ago:
                n = -n

            def rel(ref, prefer):
                target = _shifted(unit, ref, n)[0] if unit not in ("week", "fortnight") else \
                    ref + timedelta(days=n * (7 if unit == "week" else 14))
                return holiday_span(rule, target.year) or (None, None)
            return _Val("day", rel=rel, holiday=True)

        def rel(ref, prefer):
            if ysh is not None:
                sp = holiday_span(rule, ref.year + ysh)
            elif sh is None or sh == 0:
                sp = nearest(rule, ref, 1 if prefer == "future" else -1)
            else:
                sp = nearest(rule, ref, sh, include_ref=False)
            return sp or (None, None)
        return _Val("day", rel=rel, holiday=True)

    def _h_closest_holiday(self, m, text):
        """The n-th occurrence of a holiday nearest the reference day."""
        rule = self.holiday_rule(m["hol"])
        k = 1
        if m["ord"]:
            o = m["ord"].lower()
            k = int(o[0]) if o[0].isdigit() else self.ordinals.get(o, 1)
        if rule is None:
            return None

        def rel(ref, prefer):
            spans = [sp for sp in (holiday_span(rule, y) for y in range(ref.year - k - 1, ref.year + k + 2)) if sp]
            spans.sort(key=lambda sp: abs((sp[0] - ref).days))
            return spans[k - 1] if len(spans) >= k else (None, None)
        return _Val("day", rel=rel)

    def _h_month_year(self, m, text):
        mo = self.month(m["m"])
        return self.dated("month", (mo, None, mo, None), m)

    def _h_month_range(self, m, text):
        m1, m2 = self.month(m["m1"]), self.month(m["m2"])
        if m1 == m2:
            return None
        if not (m["y1"] or m["y"] or m["yr"]):
            if not (m["m1"][0].isupper() and m["m2"][0].isupper()):
                return None
            if "and" in m["sep"].lower() and not m["pre"] and not self.month_ctx_re.search(text, max(0, m.start() - 30), m.start()):
                return None
        if m["y1"]:
            y2, sh = self.year_of(m, "y")
            if y2 is None:
                return None
            s, e = date(int(m["y1"]), m1, 1), _month_end(y2, m2)
            return _Val("range", s, e) if s < e else None
        return self.dated("range", (m1, None, m2, None), m, anchor="end")

    def _h_shift_month(self, m, text):
        mo, sh = self.month(m["m"]), self.shift[_norm(m["sh"].lower())]
        if len(m["m"].rstrip(".")) < 3 or not m["m"][0].isupper():
            return None

        def rel(ref, prefer, mo=mo, sh=sh):
            if sh == 0:
                y = ref.year
            elif sh < 0:
                y = ref.year if mo < ref.month else ref.year - 1
            else:
                y = ref.year if mo > ref.month else ref.year + 1
            return date(y, mo, 1), _month_end(y, mo)
        return _Val("month", rel=rel)

    def _h_bare_month(self, m, text):
        word = m["m"]
        before = text[max(0, m.start() - 40):m.start()]
        if len(word.rstrip(".")) < 3:
            return None
        if self.nth_re.search(before) or self.day_of_re.search(before) or self.stretch_re.search(before) \
                or self.month_after_re.match(text, m.end()):
            mo = self.month(word)                 # "March in a year"                 # "the first Tuesday of october", "the 5th last day of May"
            return _Val("month", yearless=(mo, None, mo, None))
        if not word[0].isupper():
            # lowercase: only a full name that is no other word ("october", not "may", "march", "august")
            if word.lower() in ("may", "march", "august") or len(word) < 6:
                return None
        if word.lower() == "may":
            if not self.may_ctx_re.search(before) and not self._alone(m, text):
                return None
        elif not self.month_ctx_re.search(before) and not self._alone(m, text):
            return None
        mo = self.month(word)
        return _Val("month", yearless=(mo, None, mo, None))

    def _h_year_range(self, m, text):
        y1, y2s = int(m["y1"]), m["y2"]
        sep = m["sep"].strip().lower()
        if sep == "and" and not m["pre"]:
            return None
        if len(y2s) == 2:
            if sep not in ("-", "–", "—", "/"):
                return None
            y2 = y1 // 100 * 100 + int(y2s)
        else:
            y2 = int(y2s)
        if not y1 < y2 <= y1 + 100 or self._counted(text, m.end()):
            return None
        return _Val("range", date(y1, 1, 1), date(y2, 12, 31))

    @staticmethod
    def _alone(m, text: str) -> bool:
        """True when the match is the whole phrase ("February", "summer"): a bare name is then a date."""
        return not text[:m.start()].strip(" \t\n\"'(") and not text[m.end():].strip(" \t\n.,;:!?\"')")

    def _counted(self, text: str, end: int) -> bool:
        """True when the number ending at `end` counts something ("1500 people", "2000 km")."""
        nxt = _NEXT_WORD.match(text, end, end + 30)
        if not nxt:
            return False
        w = nxt.group(1)
        if w.lower() in self.count_nouns:
            return True
        return False

    def _h_year(self, m, text):
        s = m.start()
        if s > 0 and text[s - 1] == "-" and not (s > 1 and text[s - 2].isalpha()):
            return None
        if self._counted(text, m.end()) or _HYPHEN_WORD.match(text, m.end()):
            return None   # "1500 people", "a 2000-strong crowd"
        before = text[max(0, s - 20):s]
        if _CAPS_BEFORE.search(before):
            return None   # a name and a number, not a year: "ABC 2000", "Windows NT 4000" (but "in 2000")
        if not _YEAR_CONTEXT.search(before) or s == 0:
            nxt = _NEXT_LOWER_WORD.match(text, m.end(), m.end() + 30)
            if nxt and len(nxt.group(1)) > 3 and nxt.group(1).endswith("s") \
                    and not nxt.group(1).endswith(("ss", "us", "is")):
                return None
        y = int(m["y"])
        return _Val("year", date(y, 1, 1), date(y, 12, 31))

    def _h_fiscal(self, m, text):
        y = int(m["y"])
        if y < 100:
            y += 2000
        return _Val("year", date(y, 1, 1), date(y, 12, 31))

    def _h_decade(self, m, text):
        if _group(m, "dec"):
            y = int(m["dec"])
            if y % 100 == 0 and y < 2000:   # "the 1800s": the hundred years
                return _Val("century", date(y, 1, 1), date(y + 99, 12, 31))
        elif _group(m, "dd"):
            y = int(m["dd"])
            y += 2000 if y < 20 else 1900
        else:
            y = self.decades[m["dw"].lower()]
        return _Val("decade", date(y, 1, 1), date(y + 9, 12, 31))

    def _h_century(self, m, text):
        c = int(m["c"]) if _group(m, "c") else self.ordinals[_norm(m["cw"].lower())]
        if not 1 <= c <= 30:
            return None
        return _Val("century", date((c - 1) * 100 + 1, 1, 1), date(c * 100, 12, 31))

    def _h_quarter(self, m, text):
        gd = m.groupdict()
        q = int(gd.get("q") or gd.get("q2") or 0) or self.quarters[_norm((gd.get("qw") or gd["qh"]).lower())]
        yl = (3 * q - 2, None, 3 * q, None)
        if gd.get("yq"):                               # 2018Q4, 18q4
            y = int(gd["yq"])
            y = y if y >= 100 else 2000 + y
            return _Val("quarter", date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
        if gd.get("yy"):
            y = 2000 + int(gd["yy"])
            return _Val("quarter", date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
        if gd.get("ty"):
            return _Val("quarter", rel=lambda ref, prefer: (date(ref.year, 3 * q - 2, 1), _month_end(ref.year, 3 * q)))
        word = (gd.get("qw") or gd.get("qh") or "").lower()
        if word in self.shift and not gd.get("y") and not gd.get("yr"):
            return None                                # "last quarter" alone: the one before this one
        return self.dated("quarter", yl, m)

    def _h_half(self, m, text):
        gd = m.groupdict()
        h = int(gd.get("h") or 0) or self.halves[gd["hw"].lower()]
        yl = (1, None, 6, None) if h == 1 else (7, None, 12, None)
        if gd.get("yy"):
            y = 2000 + int(gd["yy"])
            return _Val("half", *_yl_span(yl, y))
        if gd.get("ty"):
            return _Val("half", rel=lambda ref, prefer: _yl_span(yl, ref.year))
        return self.dated("half", yl, m)

    def _h_season(self, m, text):
        m1, m2 = self.seasons[m["s"].lower()]
        yl = (m1, None, m2, None)
        if m["sh"]:
            if m["y"] or m["yr"]:
                return None
            sh = self.shift[_norm(m["sh"].lower())]

            def rel(ref, prefer, yl=yl, sh=sh):
                spans = [_yl_span(yl, y) for y in range(ref.year - 2, ref.year + 2)]
                cur = [i for i, sp in enumerate(spans) if sp[0] <= ref]
                i = cur[-1] if cur else 0
                if sh == 0:   # this summer: the one containing the reference, else the next
                    i = i if spans[i][1] >= ref else i + 1
                elif sh < 0:  # last summer: the most recent one that has ended
                    i = i if spans[i][1] < ref else i - 1
                else:
                    i = i + 1
                return spans[i]
            return _Val("season", rel=rel)
        if not (m["y"] or m["yr"]):
            if not self.season_ctx_re.search(text, max(0, m.start() - 30), m.start()) \
                    and not self._alone(m, text):
                return None
        return self.dated("season", yl, m)

    # ------------------------------------------------------------ handlers: relative to the reference
    def _h_now(self, m, text):
        """"now", "right now", "at the moment": the reference day, when that is the whole phrase or ends
        a range ("from 2019 until now", "to the present")."""
        if not self._alone(m, text) and not self.until_re.search(text, max(0, m.start() - 16), m.start()):
            return None
        return _Val("day", rel=lambda ref, prefer: (ref, ref))

    def _h_dayword(self, m, text):
        k = self.days[_norm(m.group(0).lower())]
        return _Val("day", rel=lambda ref, prefer: (ref + timedelta(days=k),) * 2)

    def _h_ago(self, m, text):
        n = m["n"].lower()
        n = int(n) if n.isdigit() else self.numbers[_norm(n)]
        unit = self.units[m["u"].lower()]
        sign = -1 if m["dir"].lower() in self.ago else 1
        if _norm(m["dir"].lower()) in ("from now", "from today", "hence"):
            # counted from a day: "3 years from today", "three months hence" are that day
            return _Val("day", rel=lambda ref, prefer: (_moved(ref, unit, sign * n),) * 2)
        if unit in ("week", "fortnight"):   # "a week ago" is the day seven days back
            unit, n = "day", (7 if unit == "week" else 14) * n
        elif unit == "century":             # "a century ago" is the year a hundred years back
            unit, n = "year", 100 * n
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, sign * n))

    def _count(self, n: str) -> Optional[float]:
        """A count written in digits, words, a fraction or "half an": 3, "three", "1/2", "half an" -> 0.5."""
        n = _norm(n.lower())
        if re.fullmatch(r"\d+(?:\.\d+)?", n):
            return float(n)
        if re.fullmatch(r"\d+/\d+", n):
            a, b = n.split("/")
            return int(a) / int(b) if int(b) else None
        if n.endswith("half") or n.startswith("half"):
            lead = re.match(r"(\d+) and", n)
            return (int(lead.group(1)) if lead else 0) + 0.5
        if n.startswith("a quarter"):
            return 0.25
        if n.startswith("three"):
            return 0.75 if "quarter" in n else 3
        if n in ("few", "a few"):
            return 3
        if "couple" in n or "pair" in n:
            return 2
        return self.numbers.get(n)

    def _h_clock_offset(self, m, text):
        """An offset in hours, minutes or seconds: the day it lands on (24 hours or more move the day)."""
        n, u = (m["n"], m["u"]) if m["n"] else (m["n2"], m["u2"])
        k = self._count(n)
        if k is None:
            return None
        d = _norm((m["dir"] or "").lower())
        if u.lower() == "second" and re.match(r"\s+[A-Za-z]", text[m.end():m.end() + 2]):
            return None          # "in a second attempt": an ordinal
        if d in ("later", "earlier"):
            return None          # "three hours later": after the event told, not after the article
        sign = -1 if d in self.ago else 1
        hours = k if u.lower().startswith("h") else 0
        days = int(hours // 24) * sign
        return _Val("day", rel=lambda ref, prefer: (ref + timedelta(days=days),) * 2)

    def _h_in_units(self, m, text):
        """"in a week", "in 3 days": the day that far from the reference."""
        n = m["n"].lower()
        k = int(n) if n.isdigit() else self.numbers.get(_norm(n))
        unit = self.units[m["u"].lower()]
        if k is None or self.duration_re.search(text, max(0, m.start() - 20), m.start()):
            return None
        return _Val("day", rel=lambda ref, prefer: (_moved(ref, unit, k),) * 2)

    def _h_window(self, m, text):
        """The past/next N units as a span: whole days, weeks, months, years before or after the current one."""
        direction = self.window_dir[_norm(m["dir"].lower())]
        u = m["u"].lower()
        if u == "fortnight":
            k, unit = 14, "day"
        else:
            k = self._count(_group(m, "n") or "1")
            unit = self.units.get(u, "clock")
            if k is None or k != int(k) or k < 1:
                return None
            k = int(k)
            if unit == "fortnight":
                k, unit = 14 * k, "day"
        if unit == "clock":                          # the next three hours: today
            return _Val("day", rel=lambda ref, prefer: (ref, ref))

        def rel(ref, prefer):
            if direction < 0:
                return _shifted(unit, ref, -k)[0], _shifted(unit, ref, -1)[1]
            return _shifted(unit, ref, 1)[0], _shifted(unit, ref, k)[1]
        return _Val("range", rel=rel)

    def _h_within(self, m, text):
        """"within 2 weeks": from the reference day to the day before that far ahead."""
        n = m["n"].lower()
        k = int(n) if n.isdigit() else self.numbers.get(_norm(n))
        if k is None:
            return None
        unit = self.units[m["u"].lower()]
        return _Val("range", rel=lambda ref, prefer: (ref, _moved(ref, unit, k) - timedelta(days=1)))

    def _h_by_end(self, m, text):
        """"by the end of the month": from the reference day to the period's last day."""
        ab = (m["ab"] or "").upper()
        unit = {"EOD": "day", "EOW": "week", "EOM": "month", "EOQ": "quarter", "EOY": "year"}.get(ab) or m["u"].lower()
        sh = self.shift[_norm(m["sh"].lower())] if m["sh"] else 0
        return _Val("range", rel=lambda ref, prefer: (ref, _shifted(unit, ref, sh)[1]))

    def _h_period_abbrev(self, m, text):
        """BOM / EOM / BOY / EOY: the start or end part of the current month, year or week."""
        ab = m["ab"].upper()
        if ab == "EOD":
            return _Val("day", rel=lambda ref, prefer: (ref, ref))
        unit = {"M": "month", "Y": "year", "W": "week"}[ab[-1]]
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, 0), part="start" if ab[0] == "B" else "end",
                    this=True)

    def _h_two_away(self, m, text):
        """"the week before last": two weeks back; "the month after next": two months on."""
        unit, k = m["u"].lower(), (-2 if m["ba"].lower().startswith("before") else 2)
        if unit == "weekend":
            def rel(ref, prefer):
                sat = _week_start(ref) + timedelta(days=5 + 7 * k)
                return sat, sat + timedelta(days=1)
            return _Val("weekend", rel=rel)
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, k))

    def _h_weekends_away(self, m, text):
        n = m["n"].lower()
        k = int(n) if n.isdigit() else self.numbers.get(_norm(n))
        if not k:
            return None
        k = -k if m["dir"].lower() in self.ago else k

        def rel(ref, prefer):
            sat = _week_start(ref) + timedelta(days=5 + 7 * k)
            return sat, sat + timedelta(days=1)
        return _Val("weekend", rel=rel)

    def _h_ymd_spaced(self, m, text):          # 2025 03 15
        return self._h_ymd(m, text)

    def _h_spaced(self, m, text):              # 15 03 2025: the one reading that is a real day
        return self._h_undelimited(m, text)

    def _h_ymd_named(self, m, text):           # 2025 March 15 ; 2025-Mar-15
        if m["m"].lower() == "may" and not m["m"][0].isupper():
            return None
        try:
            d = date(int(m["y"]), self.month(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return _Val("day", d, d)

    def _h_ymd_digits(self, m, text):
        """Eight digits as year-month-day (ISO 8601 basic): 20240930."""
        return self._h_ymd(m, text)

    def _h_undelimited(self, m, text):
        """Eight digits as month-day-year or day-month-year, read only when one of the two is a real day."""
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        ok = []
        for mo, d in ((a, b), (b, a)):
            try:
                ok.append(date(y, mo, d))
            except ValueError:
                pass
        if len(set(ok)) != 1:
            return None
        return _Val("day", ok[0], ok[0])

    def _h_year_words(self, m, text):
        """A year in words after a date preposition, or as the whole phrase."""
        y = _year_in_words(m["yw"])
        if y is None or not (m["ctx"] or self._alone(m, text)):
            return None
        return _Val("year", date(y, 1, 1), date(y, 12, 31))

    def _h_weekday_of_week(self, m, text):       # last week's Sunday ; Sunday from last week
        return self._h_weekday(m, text)

    def _h_day_of_month_words(self, m, text):    # on the first ; "the twenty-fifth" as the whole phrase
        if not m.group(0).lower().startswith("on") and not self._alone(m, text):
            return None
        return self._h_day_of_month(m, text)

    def _h_window_fortnight(self, m, text):      # the coming fortnight
        return self._h_window(m, text)

    def _h_by_time(self, m, text):
        return _Val("day", rel=lambda ref, prefer: (ref, ref))

    def _h_weekday_after_next(self, m, text):
        """"Friday after next": the second such weekday after the reference day; "Friday before last" the
        second before it."""
        wd = self.weekdays[m["wd"].lower()]
        if m["bl"]:
            return _Val("day", rel=lambda ref, prefer: (ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 8),) * 2)
        return _Val("day", rel=lambda ref, prefer: (ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 8),) * 2)

    def _h_weekdays_away(self, m, text):
        """"2 Sundays from now", "3 Thursdays ago": the n-th such weekday after (before) the reference."""
        wd = self.weekdays[m["wd"].lower()]
        n = m["n"].lower()
        k = int(n) if n.isdigit() else self.numbers.get(_norm(n))
        if not k:
            return None
        back = m["dir"].lower() in self.ago or m["dir"].lower() == "back"

        def rel(ref, prefer):
            if back:
                d = ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1 + 7 * (k - 1))
            else:
                d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1 + 7 * (k - 1))
            return d, d
        return _Val("day", rel=rel)

    def _h_short_weekday(self, m, text):
        """A three-letter weekday ("Fri.", "sat") only with a dot or as the whole phrase ("sat" is a verb)."""
        alone = text[:m.start()].strip() == ""
        if not ((m.group(0).endswith(".") and m.group(0)[0].isupper()) or alone
                or re.match(r",|\s+at\s+\d", text[m.end():m.end() + 6])):
            return None          # "sat", "sun." are words; "Fri.", "Thu at 8" are days
        wd = self.weekdays[m["wd"].lower()]

        def rel(ref, prefer):
            d = ref + timedelta(days=(wd - ref.weekday()) % 7) if prefer == "future" else \
                ref - timedelta(days=(ref.weekday() - wd) % 7)
            return d, d
        return _Val("day", rel=rel, weekday=wd)

    def _h_shift_unit(self, m, text):
        if self.the_re.search(text, max(0, m.start() - 12), m.start()):
            return None   # "the last year", "over the next month": durations
        sh = self.shift[_norm(m["sh"].lower())]
        unit = self.units.get(m["u"].lower(), m["u"].lower())
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, sh), this=(sh == 0))

    def _h_turn(self, m, text):
        """"the turn of the century": the year before the most recent round year to the year after."""
        step = 100 if m["u"].lower() == "century" else 1000

        def rel(ref, prefer):
            y = ref.year // step * step
            return date(y - 1, 1, 1), date(y + 1, 12, 31)
        return _Val("range", rel=rel)

    def _h_anaphora(self, m, text):
        """"the next day", "the previous year", "the day before": anchored at the reference date."""
        if _group(m, "an"):
            k = self.anaphora[m["an"].lower()]
        else:
            k = -1 if m["ba"].lower() == "before" else 1
        if self.duration_re.search(text, max(0, m.start() - 20), m.start()) and \
                not self.part_re.search(text, max(0, m.start() - 30), m.start()):
            return None   # "over the next year", "for the following week": durations ("the end of the following week" is not)
        unit = m["u"].lower()
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, k))

    def _h_unit_end(self, m, text):
        unit = m["u"].lower()
        if _group(m, "y"):
            y = int(m["y"])
            return _Val("year", date(y, 1, 1), date(y, 12, 31), part="late")
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, 0), part="late", this=True)

    def _h_this_time(self, m, text):
        sh = self.shift[_norm(m["sh"].lower())]
        unit = m["u"].lower()

        def rel(ref, prefer):
            if unit == "week":
                d = ref + timedelta(days=7 * sh)
            else:
                y, mo = _add_months(ref.year, ref.month, sh * (12 if unit == "year" else 1))
                d = date(y, mo, min(ref.day, calendar.monthrange(y, mo)[1]))
            return d, d
        return _Val("day", rel=rel)

    def _h_day_of_month(self, m, text):
        """"on the 5th": that day of the reference's month, or the nearest month in the prefer direction."""
        d = int(m["d"]) if _group(m, "d") else int(self.ordinals[_norm(m["dw"].lower())])

        def rel(ref, prefer):
            step = 1 if prefer == "future" else -1
            for k in range(0, 13):
                if (k == 0 and (d > ref.day if step < 0 else d < ref.day)):
                    continue
                y, mo = _add_months(ref.year, ref.month, step * k)
                if d <= calendar.monthrange(y, mo)[1]:
                    return date(y, mo, d), date(y, mo, d)
            return None, None
        return _Val("day", rel=rel, dom=d)

    def _h_of_unit(self, m, text):
        if not (self.nth_re.search(text, max(0, m.start() - 40), m.start())
                or self.day_of_re.search(text, max(0, m.start() - 40), m.start())
                or self.stretch_re.search(text, max(0, m.start() - 40), m.start())):
            return None
        sh = {"next": 1, "following": 1, "previous": -1, "last": -1}.get((m["sh"] or "").lower(), 0)
        unit = m["u"].lower()
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, sh), this=(sh == 0))

    def ordinal(self, s: str) -> Optional[int]:
        s = _norm(s.lower())
        if s[:1].isdigit():
            return int(re.match(r"\d+", s).group(0))
        return self.ordinals.get(s)

    def _h_the_unit(self, m, text):
        if not self.part_re.search(text, max(0, m.start() - 30), m.start()):
            return None
        unit = m["u"].lower()
        return _Val(unit, rel=lambda ref, prefer: _shifted(unit, ref, 0), this=True)

    def _h_weekend(self, m, text):
        if m["sh"]:
            sh = self.shift[_norm(m["sh"].lower())]

            def rel(ref, prefer):
                s = _week_start(ref) + timedelta(days=7 * sh + 5)
                return s, s + timedelta(days=1)
        else:
            def rel(ref, prefer):
                s = _week_start(ref) + timedelta(days=5)
                if prefer != "future" and ref.weekday() < 5:
                    s -= timedelta(days=7)
                return s, s + timedelta(days=1)
        return _Val("weekend", rel=rel)

    def _h_weekday(self, m, text):
        gd = m.groupdict()
        wd = self.weekdays[m["wd"].lower().rstrip(".")]
        sh = self.shift[_norm(gd["sh"].lower())] if gd.get("sh") else None
        wk = self.shift[_norm(gd["wk"].lower())] if gd.get("wk") else None
        if sh is not None and wk is not None:
            return None
        next_week = bool(gd.get("sh")) and _norm(gd["sh"].lower()) in self.next_week

        def rel(ref, prefer):
            r = ref.weekday()
            if wk is not None:
                d = _week_start(ref) + timedelta(days=7 * wk + wd)
            elif sh is None:
                if prefer == "future":            # "will meet on Tuesday", said on a Tuesday: next week's
                    d = ref + timedelta(days=(wd - r - 1) % 7 + 1)
                else:                             # "said on Tuesday", written on a Tuesday: that day
                    d = ref - timedelta(days=(r - wd) % 7)
            elif sh < 0:
                d = ref - timedelta(days=(r - wd - 1) % 7 + 1)
            elif sh > 0 and next_week:           # "next Friday": the Friday of next week
                d = _week_start(ref) + timedelta(days=7 + wd)
            elif sh > 0:                          # "coming Friday": the first Friday after the reference
                d = ref + timedelta(days=(wd - r - 1) % 7 + 1)
            else:                                 # "this Monday": in the reference's week; looking
                d = _week_start(ref) + timedelta(days=wd)   # ahead, a day already gone is next week's
                if prefer == "future" and d < ref:
                    d += timedelta(days=7)
            return d, d
        return _Val("day", rel=rel, weekday=wd if (sh is None and wk is None) else None)


def _moved(ref: date, unit: str, k: int) -> date:
    """The day k units after ref (months and years keep the day of the month, clipped to the month)."""
    if unit in ("day", "week", "fortnight"):
        return ref + timedelta(days=k * {"day": 1, "week": 7, "fortnight": 14}[unit])
    months = k * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    y, mo = _add_months(ref.year, ref.month, months)
    return date(y, mo, min(ref.day, calendar.monthrange(y, mo)[1]))


@lru_cache(maxsize=4096)
def _shifted(unit: str, ref: date, k: int) -> tuple[date, date]:
    """The calendar day/week/month/quarter/year/decade/century k units from the reference's."""
    if unit == "day":
        d = ref + timedelta(days=k)
        return d, d
    if unit == "week":
        s = _week_start(ref) + timedelta(days=7 * k)
        return s, s + timedelta(days=6)
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, k)
        return date(y, mo, 1), _month_end(y, mo)
    if unit == "quarter":
        y, mo = _add_months(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * k)
        return date(y, mo, 1), _month_end(y, mo + 2)
    if unit == "year":
        return date(ref.year + k, 1, 1), date(ref.year + k, 12, 31)
    if unit == "decade":
        y = ref.year // 10 * 10 + 10 * k
        return date(y, 1, 1), date(y + 9, 12, 31)
    c = (ref.year - 1) // 100 + k   # century
    return date(c * 100 + 1, 1, 1), date(c * 100 + 100, 12, 31)


_GRAMMARS: dict[int, tuple[RuleSet, _Grammar]] = {}


def _grammar(ruleset: Optional[RuleSet]) -> _Grammar:
    """The compiled grammar for a ruleset (cached per RuleSet object)."""
    rs = ruleset if ruleset is not None else builtin_vocabulary()
    hit = _GRAMMARS.get(id(rs))
    if hit is not None and hit[0] is rs:
        return hit[1]
    if len(_GRAMMARS) > 16:
        _GRAMMARS.clear()
    g = _Grammar(rs)
    _GRAMMARS[id(rs)] = (rs, g)
    return g


# ---------------------------------------------------------------- scanning

# words the passes after the scan look for (_with_parts, _with_operators); with the trigger and start
# words of the rows they make the key of a plan
_GATES = frozenset({"of", "in", "week", "seven", "closest", "after", "before", "from", "weekend", "for"})
# plans kept per grammar (about 1.5 KB each), then the cache starts over: a phrase's set of trigger
# words recurs (benchmarks/normalize.py's 5,000 distinct phrases make 633), a
# sentence's rarely (11,000 ECB+ sentences make 8,900; a plan made per sentence costs what choosing
# the rows cost before plans were kept)
_PLANS = 2048
_DIGIT_TOKEN = frozenset({"#d"})


class _Plan:
    """What a text holding the words `key` can need: the rows whose trigger words are all there, each
    with the tokens it can start on that are there (rows), the same rows for a text without token
    offsets (fold_rows), and the gates of the passes after the scan."""
    __slots__ = ("key", "rows", "_fold_rows", "parts", "weekly", "nth", "closest", "month_after", "weekend",
                 "of", "for_", "offset", "operators")

    def __init__(self, g: "_Grammar", key: frozenset):
        self.key, self._fold_rows = key, None
        tokens = key | _DIGIT_TOKEN if "#digit" in key else key      # "#d": a run of digits (_tokens)
        rows = []
        for order in g.rows_for(key):
            rx, handler = g.patterns[order]
            starts = g.starts.get(order)
            if starts is None:
                rows.append((order, rx, handler, None, False))
            else:
                present = starts & tokens           # one token, or a tuple of several (_Offsets)
                if present:
                    keys = next(iter(present)) if len(present) == 1 else tuple(sorted(present))
                    rows.append((order, rx, handler, keys, order in g.overlapping))
        self.rows = tuple(rows)
        self.parts = not key.isdisjoint(g.part_words)
        self.weekly = "week" in key or "seven" in key        # the week-of patterns need one of them
        self.nth = not key.isdisjoint(g.nth_words) and not key.isdisjoint({"of", "in"})
        self.closest, self.of, self.for_ = "closest" in key, "of" in key, "for" in key
        self.month_after = not key.isdisjoint({"in", "after"})
        self.weekend = not key.isdisjoint({"weekend", "week"})
        self.offset = not key.isdisjoint({"after", "before", "from"})
        self.operators = self.nth or self.of or self.for_ or self.offset or self.closest \
            or self.month_after or self.weekend

    def fold_rows(self, g: "_Grammar") -> tuple:
        """The rows for a text without token offsets: each with the words it can start on, or None."""
        if self._fold_rows is None:
            self._fold_rows = tuple((order, *g.patterns[order], g.starts.get(order), order in g.overlapping)
                                    for order in g.rows_for(self.key))
        return self._fold_rows


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    val: _Val


def _scan(g: _Grammar, text: str, plan: _Plan, at: Optional[_Offsets]) -> list[_Hit]:
    """Every candidate, then the longest non-overlapping ones, in text order."""
    cands: list[tuple[int, int, int, int, re.Match]] = []     # (-length, start, order, end, match)
    for order, rx, handler, keys, keep_all in (plan.rows if at is not None else plan.fold_rows(g)):
        if keys is None:
            found = rx.finditer(text)
        elif at is None:
            found = _found_without_offsets(rx, text, keys, keep_all)
        else:
            # tried only where it can start: what finditer finds, without trying every character
            found, pos = [], 0
            for p in at[keys]:
                if p >= pos:
                    m = rx.match(text, p)
                    if m:
                        found.append(m)
                        if not keep_all:
                            pos = m.end()
        for m in found:
            s, e = m.span()
            while e > s and text[e - 1] in " ,\t\n":
                e -= 1
            if e > s:
                cands.append((s - e, s, order, e, m))
    if not cands:
        return []
    if "://" in text or "www." in text:             # nothing inside a web address is a date
        urls = [u.span() for u in _URL.finditer(text)]
        cands = [c for c in cands if not any(a <= c[1] < b for a, b in urls)]
    # longest first; a handler runs only for a candidate that no longer one has covered
    cands.sort(key=_first3)
    taken: list[_Hit] = []
    patterns = g.patterns
    for _, s, order, e, m in cands:
        for h in taken:
            if s < h.end and e > h.start:
                break
        else:
            v = patterns[order][1](m, text)
            if v is not None:
                taken.append(_Hit(s, e, v))
    if len(taken) > 1:
        taken.sort(key=_start_of)
    return taken


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")   # İ ı ſ K: letters re.I reads as i, s, k


class _Offsets(dict):
    """{token: [offsets]} of a text's tokens (runs of ASCII letters, lowercase, or "#d" for a run of
    digits), and of a tuple of tokens (their offsets merged in order). Built with the lowercase of an
    ASCII text, a token's offsets are read the first time a row asks for them (rows ask only for the
    tokens they can start on); built without, it holds what was put in and [] for any other token."""
    __slots__ = ("low",)

    def __init__(self, low: Optional[str]):
        super().__init__()
        self.low = low

    def __missing__(self, token) -> list[int]:
        low, out = self.low, []
        if isinstance(token, tuple):              # the offsets of several tokens, in order
            out = self[token] = sorted(p for t in token for p in self[t])
            return out
        if low is None:
            return out
        if token == "#d":
            out = [m.start() for m in _DIGITS.finditer(low)]
        else:                                   # where the word stands between two non-letters
            n, i = len(token), low.find(token)
            while i >= 0:
                if (i == 0 or not low[i - 1].isalpha()) and not low[i + n:i + n + 1].isalpha():
                    out.append(i)
                i = low.find(token, i + n)
        self[token] = out
        return out


def _tokens(text: str) -> list[tuple[int, str]]:
    """(offset, lowercase word or "#d" for digits) of each run of ASCII letters or digits; [] when the
    text holds a letter that re.I folds into an ASCII one (every pattern then scans the whole text)."""
    if not text.isascii() and _FOLDS.search(text):
        return []
    return [(m.start(), "#d" if m.group(0)[0].isdigit() else m.group(0).lower()) for m in _TOKEN.finditer(text)]


def _found_without_offsets(rx: re.Pattern, text: str, starts: frozenset, keep_all: bool):
    """The matches of a row in a text without token offsets (one holding a letter re.I folds): the
    overlapping rows (holidays) at each word they can start on, the others anywhere."""
    if not keep_all:
        return rx.finditer(text)
    return [m for m in (rx.match(text, w.start()) for w in _WORDI.finditer(text) if w.group(0).lower() in starts) if m]


_first3 = itemgetter(0, 1, 2)        # a candidate's sort key: longest first, then leftmost, then row order
_start_of = attrgetter("start")


def _with_parts(g: _Grammar, text: str, hits: list[_Hit], plan: _Plan) -> list[_Hit]:
    """Extend a period to the "early/mid/late/the end of/earlier" written just before it; read
    "the week of Feb. 10" as that week; and "Tuesday (Feb. 11)" as one day, the weekday picking the year."""
    out: list[_Hit] = []
    for i, h in enumerate(hits):
        lo = out[-1].end if out else 0
        if h.val.gran in ("week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century"):
            m = g.part_re.search(text, max(lo, h.start - 30), h.start) if plan.parts else None
            if m:
                key = _norm(m["part"].lower())
                h.val.part = g.parts.get(key) or g.parts.get("the " + key)
                h.start = m.start()
        elif h.val.gran == "day" and (h.val.rel is None or h.val.holiday):
            weekly = plan.weekly
            m = g.week_of_re.search(text, max(lo, h.start - 30), h.start) if weekly else None
            m2 = None if m or not weekly else g.week_ending_re.search(text, max(lo, h.start - 30), h.start)
            if m:
                h.val.part, h.val.gran, h.start = "week-of", "week", m.start()
            elif m2:
                h.val.part, h.start = "week-ending", m2.start()
            elif out and out[-1].val.weekday is not None and h.val.yearless is not None \
                    and _PAREN_GAP.fullmatch(text, out[-1].end, h.start):
                h.val.wd_check = out[-1].val.weekday
                h.start = out.pop().start
                if text[h.end:h.end + 1] == ")":
                    h.end += 1
        out.append(h)
    return out


_PERIODS = ("week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century", "range")


def _with_operators(g: _Grammar, text: str, hits: list[_Hit], plan: _Plan) -> list[_Hit]:
    """Compose an operator written just before an anchor: "the first Monday of <period>", "the 5th last
    day of <period>", "the third last week of <period>", "the 20th of <month>", "three days after <anchor>",
    "the third Tuesday after <anchor>". The anchor is any expression the grammar read."""
    if not plan.operators:
        return hits
    nth_ok, closest_ok, month_ok, weekend_ok = plan.nth, plan.closest, plan.month_after, plan.weekend
    of_ok, for_ok, off_ok = plan.of, plan.for_, plan.offset
    out: list[_Hit] = []
    todo = hits[::-1]              # a hit an operator made is looked at again: operators compose
    while todo:
        h = todo.pop()
        window = max(0, h.start - 40)
        inner = h.val
        swallow = lambda m: [out.pop() for _ in range(sum(1 for x in out if x.start >= m.start()))]  # noqa: E731
        m = g.nth_re.search(text, window, h.start) if nth_ok and inner.gran in _PERIODS else None
        if m:
            k = g.ordinal(m["ord"]) if m["ord"].lower() not in ("last", "final") else 1
            from_end = m["ord"].lower() in ("last", "final") or bool(m["last"])
            what = m["what"].lower()
            what = "weekend" if what != "week" and what.startswith(("week", "wkend")) else what
            what = g.weekdays.get(what.rstrip("."), what)
            if k and not any(x.start < m.start() < x.end for x in out):
                swallow(m)
                gran = what if what in ("week", "weekend") else "day"
                todo.append(_Hit(m.start(), h.end, _Val(gran, rel=_nth_in(inner, what, k, from_end))))
                continue
        m = g.day_of_re.search(text, window, h.start) if of_ok and inner.gran == "month" else None
        if m:
            d = g.ordinal(m["d"])
            if d and not any(x.start < m.start() < x.end for x in out):
                swallow(m)
                todo.append(_Hit(m.start(), h.end, _Val("day", rel=_nth_in(inner, "day", d, False))))
                continue
        m = g.stretch_re.search(text, window, h.start) if of_ok and inner.gran in _PERIODS else None
        if m and not any(x.start < m.start() < x.end for x in out):
            n = m["n"].lower()
            k = int(n) if n.isdigit() else g.numbers.get(_norm(n))
            if k:
                swallow(m)
                todo.append(_Hit(m.start(), h.end, _Val("range", rel=_stretch(inner, g.units[m["u"].lower()], k,
                                                                             m["fl"].lower() != "first"))))
                continue
        if weekend_ok and inner.gran == "day":
            m = g.weekend_of_re.search(text, window, h.start)
            fm = None if m else g.weekend_after_re.match(text, h.end)
            if (m and not any(x.start < m.start() < x.end for x in out)) or fm:
                if m:
                    swallow(m)
                todo.append(_Hit(m.start() if m else h.start, fm.end() if fm else h.end,
                                _Val("weekend", rel=_weekend_around(inner, holiday=bool(fm)))))
                continue
        m = g.closest_re.search(text, window, h.start) if closest_ok and inner.gran == "day" else None
        if m and not any(x.start < m.start() < x.end for x in out):
            k = g.ordinal(m["ord"]) if m["ord"] else 1
            swallow(m)
            todo.append(_Hit(m.start(), h.end, _Val("day", rel=_closest(inner, g.weekdays[m["wd"].lower()], k or 1))))
            continue
        fm = g.month_after_re.match(text, h.end) if month_ok and inner.gran == "month" and inner.yearless else None
        if fm:
            n = fm["n"].lower() if fm["n"] else None
            k = (int(n) if n.isdigit() else g.numbers.get(_norm(n))) if n else None
            if k or fm["an"]:
                todo.append(_Hit(h.start, fm.end(), _Val("month", rel=_month_later(inner.yearless[0], k, bool(fm["an"])))))
                continue
        m = g.for_before_re.search(text, window, h.start) if for_ok and inner.gran == "day" else None
        fm = g.for_after_re.match(text, h.end) if for_ok and inner.gran == "day" and not m else None
        if m or fm:                                 # "for 10 days from Dec. 18", "Dec. 18 for 10 days"
            x = m or fm
            n = x["n"].lower()
            k = int(n) if n.isdigit() else g.numbers.get(_norm(n))
            unit = g.units.get(x["u"].lower())
            if k and unit and not (m and any(o.start < m.start() < o.end for o in out)):
                if m:
                    swallow(m)
                todo.append(_Hit(m.start() if m else h.start, fm.end() if fm else h.end,
                                _Val("range", rel=_lasting(inner, unit, k))))
                continue
        m = g.offset_re.search(text, window, h.start) if off_ok else None
        if m:
            n = (m["n"] or m["n2"] or "1").lower()     # "the day before Thanksgiving": one day
            k = int(n) if n.isdigit() else (g.numbers.get(_norm(n)) or g.ordinal(n))
            u = m["u"].lower().rstrip(".")
            what = g.weekdays.get(u, g.units.get(u))
            if k and what is not None and not any(x.start < m.start() < x.end for x in out):
                swallow(m)
                sign = -1 if m["dir"].lower() == "before" else 1
                todo.append(_Hit(m.start(), h.end, _Val("day", rel=_offset_from(inner, what, sign * k))))
                continue
        out.append(h)
    return out


def _inner_span(v: _Val, ref, prefer):
    r = _span(v, ref, prefer, None)
    return (r[0], r[1]) if r and r[0] is not None else (None, None)


def _nth_in(inner: _Val, what, k: int, from_end: bool):
    """rel(): the k-th day, weekday (an int) or whole Monday-Sunday week inside the anchor's span."""
    def rel(ref, prefer):
        s, e = _inner_span(inner, ref, prefer)
        if s is None:
            return None, None
        if what == "day":
            d = e - timedelta(days=k - 1) if from_end else s + timedelta(days=k - 1)
        elif what == "week":
            first = s + timedelta(days=(7 - s.weekday()) % 7)        # the first Monday inside
            last = e - timedelta(days=(e.weekday() + 1) % 7)         # the last Sunday inside
            ws = last - timedelta(days=6 + 7 * (k - 1)) if from_end else first + timedelta(days=7 * (k - 1))
            if ws < s or ws + timedelta(days=6) > e:
                return None, None
            return ws, ws + timedelta(days=6)
        elif what == "weekend":                                      # a Saturday and the Sunday after it
            sat = e - timedelta(days=(e.weekday() - 5) % 7 + 7 * (k - 1)) if from_end else \
                s + timedelta(days=(5 - s.weekday()) % 7 + 7 * (k - 1))
            if from_end and sat + timedelta(days=1) > e:
                sat -= timedelta(days=7)
            return (sat, sat + timedelta(days=1)) if s <= sat and sat + timedelta(days=1) <= e else (None, None)
        elif from_end:
            d = e - timedelta(days=(e.weekday() - what) % 7 + 7 * (k - 1))
        else:
            d = s + timedelta(days=(what - s.weekday()) % 7 + 7 * (k - 1))
        return (d, d) if s <= d <= e else (None, None)
    return rel


def _stretch(inner: _Val, unit: str, k: int, at_end: bool):
    """rel(): the first / last k days, weeks or months of the anchor's span."""
    def rel(ref, prefer):
        s, e = _inner_span(inner, ref, prefer)
        if s is None:
            return None, None
        if at_end:
            a = _moved(e + timedelta(days=1), unit, -k)
            return max(a, s), e
        b = _moved(s, unit, k) - timedelta(days=1)
        return s, min(b, e)
    return rel


def _weekend_around(inner: _Val, holiday: bool):
    """rel(): "the weekend of March 8" = the Saturday-Sunday holding that day, else the next one;
    "Thanksgiving weekend" = the holiday and the weekend next to it (Thursday-Sunday; Saturday-Monday)."""
    def rel(ref, prefer):
        d, _ = _inner_span(inner, ref, prefer)
        if d is None:
            return None, None
        wd = d.weekday()
        if wd == 6:
            return d - timedelta(days=1), d
        if wd == 5:
            return d, d + timedelta(days=1)
        if holiday and wd == 0:
            return d - timedelta(days=2), d
        if holiday and wd in (3, 4):
            return d, d + timedelta(days=6 - wd)
        sat = d + timedelta(days=5 - wd)
        return (d if holiday else sat), sat + timedelta(days=1)
    return rel


def _closest(inner: _Val, wd: int, k: int):
    """rel(): the k-th nearest day of weekday wd to the anchor's day (a later one first on a tie)."""
    def rel(ref, prefer):
        s, _ = _inner_span(inner, ref, prefer)
        if s is None:
            return None, None
        days = sorted((s + timedelta(days=i) for i in range(-7 * k - 7, 7 * k + 8)
                       if (s + timedelta(days=i)).weekday() == wd), key=lambda d: (abs((d - s).days), d < s))
        return days[k - 1], days[k - 1]
    return rel


def _month_later(month: int, years: Optional[int], after_next: bool):
    """rel(): "March in 2 years" = March of the year two years from the reference; "March after next" =
    the second March after the reference's month."""
    def rel(ref, prefer):
        if after_next:
            y = ref.year + (1 if month <= ref.month else 0) + 1
        else:
            y = ref.year + years
        return date(y, month, 1), _month_end(y, month)
    return rel


def _lasting(inner: _Val, unit: str, k: int):
    """rel(): from the anchor's day to the day k units later ("for 10 days from Dec. 18": Dec. 18-28)."""
    def rel(ref, prefer):
        s, e = _inner_span(inner, ref, prefer)
        return (s, _moved(s, unit, k)) if s is not None else (None, None)
    return rel


def _offset_from(inner: _Val, what, k: int):
    """rel(): k units (or the k-th such weekday) after the anchor's end, before its start."""
    def rel(ref, prefer):
        s, e = _inner_span(inner, ref, prefer)
        if s is None:
            return None, None
        if isinstance(what, int):                               # the third Tuesday after Christmas
            if k > 0:
                d = e + timedelta(days=(what - e.weekday() - 1) % 7 + 1 + 7 * (k - 1))
            else:
                d = s - timedelta(days=(s.weekday() - what - 1) % 7 + 1 + 7 * (-k - 1))
        else:
            d = _moved(e if k > 0 else s, what, k)
        return d, d
    return rel


def _span(v: _Val, ref, prefer, year_hint):
    """(start, end, gran, relative, resolved) for a value, with its part applied; None if invalid."""
    r = _resolve(v, ref, prefer, year_hint)
    if r is None:
        return None
    s, e, relative, resolved = r
    gran = v.gran
    if resolved and (s is None or e is None):
        return None
    if resolved and v.part:
        s, e, gran = _apply_part(v.part, gran, s, e, ref, v.this)
    elif v.part:
        gran = ("half" if v.part.endswith("half") and gran == "year" else "part-of-" + gran)
    return s, e, gran, relative, resolved


def _join(g: _Grammar, text: str, hits: list[_Hit], ref, prefer, year_hint) -> list[tuple]:
    """Resolve hits; join "X to Y" / "between X and Y" pairs into ranges. Returns rows for DateSpan."""
    rows = []
    i = 0
    while i < len(hits):
        a = hits[i]
        ra = _span(a.val, ref, prefer, year_hint)
        if ra is None:
            i += 1
            continue
        joined = None
        if i + 1 < len(hits):
            b = hits[i + 1]
            gap = text[a.end:b.start]
            if g.gap_re.fullmatch(gap):
                pre = g.pre_re.search(text, max(0, a.start - 10), a.start)
                is_and = gap.strip().lower() in ("and", "&")
                daylike = a.val.gran in ("day", "range") and b.val.gran in ("day", "range")
                if not is_and or (pre and pre["pre"].lower() == "between") or daylike:
                    joined = _join_pair(a.val, ra, b.val, ref, prefer, year_hint)
                    if joined is not None:
                        start = pre.start() if pre else a.start
                        rows.append((start, b.end) + joined)
                        i += 2
                        continue
        rows.append((a.start, a.end) + ra)
        i += 1
    return rows


def _join_pair(va: _Val, ra, vb: _Val, ref, prefer, year_hint):
    """The range from a's start to b's end, b's year or weekday read after a; None if it runs backwards."""
    sa, ea, _, rel_a, ok_a = ra
    if vb.weekday is not None and ok_a and va.gran in ("day",):
        d = sa + timedelta(days=(vb.weekday - sa.weekday()) % 7)
        return sa, d, "range", rel_a, True
    if vb.dom is not None and ok_a and va.gran == "day" and sa is not None:
        y, mo = sa.year, sa.month               # "from 3 March to the 5th": the 5th after the start
        for _ in range(3):
            if vb.dom <= calendar.monthrange(y, mo)[1] and date(y, mo, vb.dom) > sa:
                return sa, date(y, mo, vb.dom), "range", rel_a, True
            y, mo = _add_months(y, mo, 1)
        return None
    if vb.yearless is not None and not vb.part and ok_a and sa is not None:
        sp = _yl_span(vb.yearless, sa.year)
        if sp and sp[1] < ea:
            sp = _yl_span(vb.yearless, sa.year + 1)
        if not sp:
            return None
        return sa, sp[1], "range", rel_a, True
    rb = _span(vb, ref, prefer, year_hint)
    if rb is None:
        return None
    sb, eb, _, rel_b, ok_b = rb
    if va.yearless is not None and ok_b and vb.yearless is None and not rel_b:
        for y in (eb.year, eb.year - 1):
            sp = _yl_span(va.yearless, y)
            if sp and sp[0] <= sb:
                return sp[0], eb, "range", False, True
        return None
    if not (ok_a and ok_b):
        return (None, None, "range", True, False) if (rel_a or rel_b) else None
    if eb <= ea or sb < sa:
        return None
    return sa, eb, "range", rel_a or rel_b, True


# ---------------------------------------------------------------- API

_WORD = re.compile(r"[a-z]+")
_WORDI = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_TOKEN_LOW = re.compile(r"[a-z]+|(\d+)")     # a word of lowercase ASCII text, or a run of digits (group 1)
# texts up to this length have all their token offsets read in one pass, longer ones a token's when a
# row asks for it (a pass costs per token, a lookup per row: phrases are short, sentences long)
_EAGER_OFFSETS = 40
_DASH = re.compile(r"[-–—&/]")
_DSEP = re.compile(r"\d\s*[-/.]")
_D4 = re.compile(r"\d{4}")
_D8 = re.compile(r"\d{8}")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_GLUED = re.compile(r"\d[A-Za-z]|[A-Za-z]\d")
_QUOTE = re.compile(r"['’\"]")


def find_dates(text: str, reference: Optional[date] = None, prefer: str = "past",
               year_hint: Optional[int] = None, ruleset: Optional[RuleSet] = None) -> list[DateSpan]:
    """Every date expression in `text`, in order, as DateSpans with character offsets.

    reference: the article's publication date, for relative expressions ("on Monday", "last year")
    and yearless dates; prefer: "past" or "future", which way a bare weekday/month/yearless date
    goes; year_hint: a year for yearless dates when there is no reference.
    """
    if not text:
        return []
    if isinstance(reference, datetime):
        reference = reference.date()
    elif reference is not None and not isinstance(reference, date) and callable(getattr(reference, "date", None)):
        reference = reference.date()                # a datetime-like value (pandas Timestamp)
    prefer = "future" if prefer == "future" else "past"
    g = _grammar(ruleset)
    feats, at = g.features(text)
    plan = g.plan(feats)
    hits = _scan(g, text, plan, at)
    if not hits:
        return []
    hits = _with_parts(g, text, hits, plan)
    hits = _with_operators(g, text, hits, plan)
    out = []
    for s, e, start, end, gran, relative, resolved in _join(g, text, hits, reference, prefer, year_hint):
        out.append(DateSpan(start=start if resolved else None, end=end if resolved else None,
                            granularity=gran, start_offset=s, end_offset=e, text=text[s:e],
                            relative=relative, resolved=resolved))
    return out


def parse_date(text: str, reference: Optional[date] = None, prefer: str = "past",
               year_hint: Optional[int] = None, ruleset: Optional[RuleSet] = None) -> Optional[DateSpan]:
    """The first date expression in `text` (a bare phrase or a whole sentence), or None."""
    found = find_dates(text, reference, prefer, year_hint, ruleset)
    return found[0] if found else None
