"""Measure normalizer: a number with a unit of length, area, volume, speed, mass, temperature,
duration or rate, converted with pint to one base unit per dimension (DESIGN.md section 2).

    >>> m = find_measures("It struck about 135 km (85 miles) west of the city.")[0]
    >>> m.unit, m.dimension, m.base_unit, round(m.base_low), round(m.base_high)
    ('kilometer', 'length', 'meter', 121500, 148500)

API
    find_measures(text, ruleset=None) -> list[Measure]   every number + unit in `text`, with offsets
    convert(value, unit) -> (base value, base unit, dimension)   one value through pint
    rounding(q) -> float        half the step of a number's last written digit (64 km ~ 40 miles)

Vocabulary is data: `measure_units:` in default_rules.yml maps what is written ("km", "kilometres",
"ft", "mph", "degrees Celsius") to a pint unit name; `ambiguous: true` marks a surface form that is
also a scale suffix ("300m" is metres in "a 300m tower", millions in "$300m" or "3m people"). The
grammar is code: number (digits, number words, "half a", ranges "24 to 30"), glued or spaced or
hyphenated unit ("12ft", "10-metre", "135 km"), and a rate ("3,000 litres a minute", "60 mph").
The number part (with its hedge) is read by quantities.py, so "about 135 km" is [121.5, 148.5] km.

pint's UnitRegistry is slow to build (about a second): one registry is built, lazily, the first time a
measure is converted, and every unit's conversion is cached.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .models import Quantity, RuleSet
from .quantities import find_quantities

# Dimensions by pint dimensionality (exponents of length, mass, time, temperature).
DIMENSIONS = {
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[length]", 1), ("[time]", -1)): "speed",
    (("[mass]", 1),): "mass",
    (("[temperature]", 1),): "temperature",
    (("[time]", 1),): "duration",
}
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|\d+/\d+)"
# Largest share of a value that rounding on conversion may cover ("50 miles" for 75 km: 7%).
MAX_ROUNDING = 0.1   # measured on the ECB+ conversions in parentheses: all within 7.5%


@dataclass
class Measure:
    quantity: Quantity           # the number as written, in the written unit (hedges read)
    unit: str                    # pint unit name ("kilometer"), or the written unit when pint has none
    dimension: str               # length | area | volume | speed | mass | temperature | duration | rate | ...
    base_unit: str               # "meter", "meter ** 2", "meter / second", "kelvin", "second", ...
    base_low: Optional[float]    # the literal interval in the base unit (None = unbounded)
    base_high: Optional[float]
    start: int                   # offsets of number + unit (+ rate) in the text
    end: int
    text: str
    unit_start: int              # where the unit word starts (its end is `end` for a plain unit)
    rate: str = ""               # "minute" in "3,000 litres a minute"
    form: str = ""               # "feet-inches" for "5-foot-8" (a person's height, as news writes it)

    def as_dict(self) -> dict:
        q = self.quantity
        return {"unit": self.unit, "dimension": self.dimension, "base_unit": self.base_unit,
                "base_low": self.base_low, "base_high": self.base_high,
                "base_expected_low": _base(q.expected_low, self), "base_expected_high": _base(q.expected_high, self),
                "rounding": _base_step(q, self)}


# ---------------------------------------------------------------- pint, built once


@lru_cache(maxsize=1)
def registry():
    import pint   # imported here: building the registry costs about a second
    return pint.UnitRegistry()


@lru_cache(maxsize=512)
def _unit_info(unit: str) -> tuple[str, str, float, bool]:
    """(dimension, base unit, factor, offset) for a pint unit name; offset units (temperatures)
    are converted value by value."""
    ureg = registry()
    u = ureg.Unit(unit)
    base = ureg.Quantity(1.0, u).to_base_units()
    dims = tuple(sorted((str(k), int(v)) for k, v in dict(u.dimensionality).items()))
    dim = DIMENSIONS.get(dims) or ("rate" if any(k == "[time]" and v < 0 for k, v in dims) else
                                   " ".join(f"{k.strip('[]')}^{v}" for k, v in dims) or "dimensionless")
    offset = float(ureg.Quantity(0.0, u).to_base_units().magnitude) != 0.0   # degrees Celsius, Fahrenheit
    return dim, str(base.units), float(base.magnitude), offset


def convert(value: float, unit: str) -> tuple[float, str, str]:
    """One value in `unit` as (value in base unit, base unit, dimension)."""
    dim, base_unit, factor, offset = _unit_info(unit)
    if offset:
        ureg = registry()
        return float(ureg.Quantity(value, ureg.Unit(unit)).to_base_units().magnitude), base_unit, dim
    return value * factor, base_unit, dim


def _base(x: Optional[float], m: Measure) -> Optional[float]:
    if x is None:
        return None
    if m.base_unit == m.unit:      # not convertible (a bare "degrees")
        return x
    return convert(x, m.unit)[0]


def rounding(q: Quantity) -> float:
    """Half the step of the last digit written: 135 -> 0.5, 1 -> 0.5, 1.2 -> 0.05, 50 -> 5; a round
    figure's step is capped at MAX_ROUNDING of the value (10 -> 1, not 5). A value converted from
    another unit, or written less precisely than another, is allowed this much."""
    v = q.value if q.value is not None else q.low
    if v is None or v == 0:
        return 0.0
    text = f"{abs(v):.10g}"
    if "." in text:
        return 10 ** -len(text.split(".")[1]) / 2
    zeros = len(text) - len(text.rstrip("0"))
    if not zeros:
        return 0.5                      # "one mile" may be 1.2 miles rounded; "135 km" 134.6
    return min(10 ** zeros / 2, abs(v) * MAX_ROUNDING)   # "50 miles" +-5, "10 km" +-1


def _base_step(q: Quantity, m: Measure) -> float:
    step = rounding(q)
    if m.base_unit == m.unit or not step:
        return step
    dim, base_unit, factor, offset = _unit_info(m.unit)
    if offset:    # a step of temperature is a difference: 1 degree F = 5/9 K
        return abs(convert(step, m.unit)[0] - convert(0, m.unit)[0])
    return step * factor


# ---------------------------------------------------------------- the grammar


@dataclass
class _Table:
    regex: re.Pattern
    units: dict[str, dict]         # surface form -> {unit, dimension, ambiguous}
    rate_words: set[str]           # time units after per / a / an ("a minute")
    hedge_before: re.Pattern       # a hedge just before the number ("nearly a year")


_TABLES: dict[int, tuple[RuleSet, _Table]] = {}


def _table(ruleset: Optional[RuleSet]) -> _Table:
    if ruleset is None:
        from .rules import default_ruleset   # only for callers that pass no RuleSet (library use)
        ruleset = default_ruleset()
    hit = _TABLES.get(id(ruleset))
    if hit is None or hit[0] is not ruleset:
        hit = (ruleset, _compile(ruleset))
        _TABLES[id(ruleset)] = hit
    return hit[1]


def _compile(ruleset: RuleSet) -> _Table:
    raw = ruleset.extra.get("measure_units") or {}
    units: dict[str, dict] = {}
    for surface, spec in raw.items():
        spec = {"unit": spec} if isinstance(spec, str) else dict(spec or {})
        units[surface.lower()] = spec
    words = sorted(units, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    numword = "|".join(sorted((re.escape(w) for w in ruleset.number_words), key=len, reverse=True)) or "(?!)"
    num = rf"(?:{NUMBER}|(?:half\s+an?|an?\s+half|a\s+quarter|(?:{numword})(?:-(?:{numword}))?|an?)(?!\w))"
    rate = r"(?:\s*(?:/|per|an?|each)\s*(?P<rate>second|sec|minute|min|hour|hr|day|week|month|year))?"
    scale = "|".join(re.escape(w) for w in sorted(ruleset.scales, key=len, reverse=True) if len(w) > 3 and ruleset.scales[w] >= 100)
    pattern = (rf"(?<![\w.$€£¥])(?P<num>{num})(?:\s*-?\s*(?:to|-|–|or)\s*(?P<num2>{NUMBER}))?"
               rf"(?P<scale>\s+(?:{scale or '(?!)'}))?"
               rf"(?P<sep>\s*-\s*|\s*)(?P<unit>{alt})(?![\w°])(?!-old){rate}")
    rate_words = {"second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year"}
    hedges = [w for h in ruleset.hedges if h.get("position", "before") == "before" for w in h.get("words", [])]
    hedge_before = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(hedges, key=len, reverse=True)) + r")\s+$",
                              re.I) if hedges else re.compile(r"(?!)")
    return _Table(re.compile(pattern, re.I), units, rate_words, hedge_before)


AFTER_AMBIGUOUS = re.compile(r"\s*(?:[),.;:]|$|-(?:high|tall|long|deep|wide)\b|(?:high|tall|long|deep|wide|away|from|off|of|"
                             r"above|below|under|in\b|west|east|north|south|up|down|into|across|around|beneath))", re.I)
RATE_UNITS = {"second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour",
              "hr": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}


FEET_INCHES = re.compile(r"(?<![\w.])(?P<ft>[1-9])\s*-?\s*(?:foot|feet|ft)\s*-?\s*(?P<inch>\d{1,2})(?![\d.])"
                         r"(?:\s*-?\s*(?:inches|inch|in)\b)?", re.I)


def find_measures(text: str, ruleset: Optional[RuleSet] = None) -> list[Measure]:
    """Every number with a unit in `text`, left to right, not overlapping."""
    table = _table(ruleset)
    out: list[Measure] = []
    for m in FEET_INCHES.finditer(text):      # "5-foot-8", "5-feet-8 inches": one height
        inches = int(m.group("inch"))
        if inches >= 12:
            continue
        v = int(m.group("ft")) + inches / 12
        q = Quantity(low=v, high=v, expected_low=v, expected_high=v, start=m.start(), end=m.end(),
                     text=m.group(0), value=v, unit="foot")
        base = convert(v, "foot")[0]
        out.append(Measure(q, "foot", "length", "meter", base, base, m.start(), m.end(), m.group(0),
                           m.start(), form="feet-inches"))
    for m in table.regex.finditer(text):
        if any(x.start <= m.start() < x.end for x in out):
            continue
        surface = " ".join(m.group("unit").lower().split())
        spec = table.units.get(surface) or {}
        before = text[max(0, m.start() - 2):m.start()]
        if spec.get("glued") and m.group("sep").strip() != "-" and m.group("sep"):
            continue      # "a 30-second ad", but "the 2008 second quarter" is no duration
        if m.group("num").lower() == "zero":
            continue      # "a zero-day exploit"
        if spec.get("ambiguous"):
            # "300m" is metres only glued and followed by what a length takes ("300m high", "300m-long", "300m.")
            if m.group("sep") or any(ch in before for ch in "$€£¥") or not AFTER_AMBIGUOUS.match(text, m.end("unit")):
                continue
        numtext = m.group("num")
        if m.group("num2") is None and numtext.lower() in ("a", "an") and not table.hedge_before.search(text, 0, m.start()):
            continue      # "a day", "a mile": no stated figure; "less than a year", "nearly a mile" are one
        if spec.get("dimension") == "duration" and text[m.end("unit"):m.end("unit") + 4].lower() == "-old":
            continue
        q = _number(text, m, ruleset)
        if q is None:
            continue
        if spec.get("factor"):     # "two decades" = 20 years (pint's "decade" is a logarithmic unit)
            f = float(spec["factor"])
            for k in ("low", "high", "expected_low", "expected_high", "value"):
                if getattr(q, k) is not None:
                    setattr(q, k, getattr(q, k) * f)
        unit = spec.get("unit") or surface
        rate = m.group("rate")
        if rate:
            unit = f"{unit} / {RATE_UNITS[rate.lower()]}" if spec.get("unit") else unit
        try:
            if spec.get("unit"):
                lo = convert(q.low, unit)[0] if q.low is not None else None
                hi, base_unit, dim = convert(q.high if q.high is not None else 1.0, unit)
                hi = hi if q.high is not None else None
            else:       # written unit pint cannot convert (a bare "degrees"): compared as written
                lo, hi, base_unit, dim = q.low, q.high, unit, spec.get("dimension", "other")
        except Exception:    # a unit name pint does not know: a data error, skipped not fatal
            continue
        start = min(q.start, m.start())
        end = m.end()
        q.unit = unit
        out.append(Measure(q, unit, spec.get("dimension") or dim, base_unit, lo, hi, start, end,
                           text[start:end], m.start("unit"), rate or ""))
    return out


def _number(text: str, m: re.Match, ruleset: Optional[RuleSet]) -> Optional[Quantity]:
    """The number before the unit with its hedge ("about 135", "24 to 30", "half a"), read by
    quantities.py from the words up to the number's end (so "300m" never reads as 300 million)."""
    start = m.start()
    end = m.end("scale") if m.group("scale") else m.end("num2") if m.group("num2") else m.end("num")
    low = " ".join(text[start:end].lower().replace("-", " ").split())
    fixed = {"half a": 0.5, "half an": 0.5, "a half": 0.5, "an half": 0.5, "a quarter": 0.25, "a": 1.0, "an": 1.0}
    if low in fixed:
        v = fixed[low]
        h = _table(ruleset).hedge_before.search(text, 0, start)
        if h:     # "less than a year", "nearly half a mile": the hedge applies to the fixed value
            q = find_quantities(f"{h.group(0)}{v:g}", ruleset)
            if q and q[0].hedge:
                q = q[0]
                q.start, q.end, q.text = h.start(), end, text[h.start():end]
                return q
        return Quantity(low=v, high=v, expected_low=v, expected_high=v, start=start, end=end,
                        text=text[start:end], value=v)
    ws = text.rfind(" ", 0, max(0, start - 30)) + 1
    words = text[ws:end]
    if m.group("num2"):     # "24- to 30-foot": the range as quantities.py reads it
        words = text[ws:start] + m.group("num") + " to " + m.group("num2")
        end = ws + len(words)
    best = None
    for q in find_quantities(words, ruleset):
        if not q.vague and ws + q.end == end and ws + q.start <= start:
            best = q
    if best is None:
        return None
    best.start += ws
    best.end = end if m.group("num2") else best.end + ws
    return best
