"""Holiday dates: the days a named holiday covers in a given year (used by dates.py).

A holiday is a rule read from the vocabulary (default_rules.yml, `date_words: holidays:`), one of:

    [12, 25]                                   a fixed day (month, day)
    {date: [10, 16], shift: {sat: -1, sun: 1}} a fixed day moved off a weekend (Boss's Day)
    {nth: [11, thu, 4]}                        the 4th Thursday of November (-1: the last one)
    {easter: -47}                              days from Western Easter (Mardi Gras)
    {orthodox: 0}                              days from Orthodox Easter
    {calendar: islamic, key: EID_AL_FITR}      a lunar calendar's table (python `holidays` package:
                                               islamic, hindu, hebrew, chinese), imported on first use
    + offset: N (days from that day), days: N (how many days it lasts, 1 by default),
      aliases: [other names]

Decisions: a Hebrew-calendar holiday begins at sundown on its eve, so its rules start it on the eve
(offset -1: "Yom Kippur 2018" is 2018-09-18, the evening it begins); Ramadan runs from its first day to
the day before Eid al-Fitr. Lunar tables cover roughly 1925-2075 (Islamic), 2001-2035 (Hindu): outside
them the holiday is not resolved (None).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

WEEKDAY_KEYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_CALENDARS = {
    "islamic": ("holidays.calendars.islamic", "_IslamicLunar"),
    "hindu": ("holidays.calendars.hindu", "_HinduLunisolar"),
    "hebrew": ("holidays.calendars.hebrew", "_HebrewLunisolar"),
    "chinese": ("holidays.calendars.chinese", "_ChineseLunisolar"),
}


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: Meeus' Julian computus, moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2          # 13 days in 1900-2099
    return date(year, month, day + 1) + timedelta(days=julian_gap)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> Optional[date]:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 is the last one. None if there is none."""
    if n > 0:
        first = date(year, month, 1)
        d = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        return d if d.month == month else None
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


@lru_cache(maxsize=8)
def _calendar(name: str):
    """The lunar calendar object of the `holidays` package; None when it is not installed."""
    try:
        import importlib
        mod, cls = _CALENDARS[name]
        return getattr(importlib.import_module(mod), cls)()
    except Exception:    # not installed, or its internals moved: the holiday stays unresolved
        return None


def _lunar_day(calendar: str, key: str, year: int) -> Optional[date]:
    """The day a lunar calendar's table gives for `key` in the Gregorian `year`."""
    cal = _calendar(calendar)
    if cal is None:
        return None
    try:
        got = cal._get_holiday(key, year)
    except Exception:
        return None
    if isinstance(got, tuple) and got and isinstance(got[0], (date, type(None))):
        got = [got]
    elif isinstance(got, date):
        return got
    for x in got or []:
        d = x[0] if isinstance(x, tuple) else x
        if isinstance(d, date) and d.year == year:
            return d
    return None


def _weekday(x) -> int:
    return x if isinstance(x, int) else WEEKDAY_KEYS[str(x).lower()[:3]]


@lru_cache(maxsize=4096)
def _span_cached(rule_items: tuple, year: int) -> Optional[tuple[date, date]]:
    rule = dict(rule_items)
    try:
        if "date" in rule:
            mo, d = rule["date"]
            day = date(year, int(mo), int(d))
            shift = dict(rule.get("shift") or ())
            day += timedelta(days=int(shift.get(day.weekday(), 0)))
        elif "nth" in rule:
            mo, wd, n = rule["nth"]
            day = nth_weekday(year, int(mo), _weekday(wd), int(n))
        elif "easter" in rule:
            day = easter(year) + timedelta(days=int(rule["easter"]))
        elif "orthodox" in rule:
            day = orthodox_easter(year) + timedelta(days=int(rule["orthodox"]))
        elif "calendar" in rule:
            day = _lunar_day(str(rule["calendar"]), str(rule["key"]), year)
            if day is not None and rule.get("until"):      # Ramadan: up to the day before Eid al-Fitr
                last = _lunar_day(str(rule["calendar"]), str(rule["until"]), day.year if day.month < 12 else year + 1)
                if last is None or last <= day:
                    return None
                day = day + timedelta(days=int(rule.get("offset", 0)))
                return day, last - timedelta(days=1)
        else:
            return None
    except (ValueError, KeyError, TypeError):
        return None
    if day is None:
        return None
    day += timedelta(days=int(rule.get("offset", 0)))
    return day, day + timedelta(days=int(rule.get("days", 1)) - 1)


def _frozen(rule) -> tuple:
    """A hashable copy of a rule (for the cache)."""
    if isinstance(rule, (list, tuple)):
        return (("date", tuple(rule)),)
    items = []
    for k, v in rule.items():
        if k in ("aliases", "capitalized"):
            continue
        if k == "shift":
            v = tuple((_weekday(a), int(b)) for a, b in v.items())
        elif isinstance(v, list):
            v = tuple(v)
        items.append((k, v))
    return tuple(sorted(items))


def holiday_span(rule, year: int) -> Optional[tuple[date, date]]:
    """(first day, last day) of a holiday rule in `year`, or None when it cannot be told."""
    if not 1 <= year <= 9998:
        return None
    return _span_cached(_frozen(rule), year)


def nearest(rule, ref: date, step: int, include_ref: bool = True) -> Optional[tuple[date, date]]:
    """The holiday's occurrence nearest `ref` going forward (step 1) or back (step -1): the one that
    contains or follows (precedes) the reference; include_ref=False skips one that contains it."""
    for y in (range(ref.year - 1, ref.year + 3) if step > 0 else range(ref.year + 1, ref.year - 3, -1)):
        sp = holiday_span(rule, y)
        if sp is None:
            continue
        if step > 0 and (sp[1] >= ref if include_ref else sp[0] > ref):
            return sp
        if step < 0 and (sp[0] <= ref if include_ref else sp[1] < ref):
            return sp
    return None
