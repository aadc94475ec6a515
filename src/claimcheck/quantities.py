"""Quantity normalizer: numbers as written in news text, read as intervals (DESIGN.md section 3).

    >>> q = parse_quantity("more than thirty")
    >>> q.low, q.high, q.low_inclusive, q.high_inclusive
    (30.0, None, False, False)
    >>> q.expected_low, q.expected_high
    (30.0, 40.0)

API
    parse_quantity(text, ruleset=None) -> Quantity | None   the first expression in `text`
    find_quantities(text, ruleset=None) -> list[Quantity]   every expression, with character offsets
    looks_like_year(q) -> bool                              helper for callers that must skip years

`start`/`end` cover hedge + number + scale word + currency symbol/code/word + percent sign or word
(and a trailing hedge such as "or more"), never the counted noun: in "more than 30 countries",
text[q.start:q.end] == "more than 30".

Vocabulary is data (default_rules.yml, read through RuleSet): `hedges` (words, type, strict, position,
tolerance), `scales` (multipliers: hundred, million, bn, k, dozen, fractions such as thirds),
`number_words` (one .. ninety) and `vague_numbers` (dozens = [24, 99] ...). The grammar is code:
digits with thousands separators and decimals, attached abbreviations ("$2bn", "40k"), compound
number words ("two hundred and two thousand"), fractions ("half a million", "two thirds", "2 1/4",
"a quarter of a million"), negatives, percentages, currencies, vague numbers with multipliers
("tens of thousands", "several hundred"), and ranges ("between X and Y", "from X to Y", "X to Y",
"X-Y", "X or Y"), where a scale, currency or percent written once applies to both ends
("$10-15 million", "10 to 15%").

Two readings (Quantity.low/high = literal, expected_low/high = what a reader takes away):

* exact "58", "a dozen": [N, N] both.  Ranges and vague numbers: the interval both.
* approx ("around", "about", "some" ...; tolerance t, 10% by default): [N(1-t), N(1+t)] both;
  approx_below ("nearly", "almost"): [N(1-t), N]; "just under" is the same with N excluded;
  approx_above ("just over"): (N, N(1+t)].  These set approximate=True, as do vague numbers.
* Bounds use the *grid of the written precision*: the numbers that have as many significant digits as
  N ("30" has one: ..., 20, 30, 40, ...; "140" has two: 130, 140, 150; "1,000": 900, 1000, 2000;
  "1.2 million": 1.1m, 1.2m, 1.3m; "a dozen" counts in dozens: 0, 12, 24). The expected reading of a
  bound runs from N to its grid neighbour on the side the hedge points to:
    - above, strict ("more than 30")  literal (30, inf)   expected (30, 40]
    - above ("at least 12", "12 or more") literal [12, inf) expected [12, 13]
    - below, strict ("less than 30")  literal [0, 30)     expected [20, 30)
    - below ("up to 5,000", "as many as") literal [0, 5000] expected [4000, 5000]
  Going down from a power of ten the grid gets finer (below 1,000 the neighbour is 900, not 0).
  So a bound on a round number reads as "the next round step", and a bound on a non-round number
  ("more than 37") as "just past it" ((37, 38]): the writer who knows a number to the unit and still
  writes "more than" is bounding it tightly.  Lower literal bounds of "less than"/"up to" are 0 for
  non-negative numbers (counts, amounts, percentages) and unbounded for negative ones.
  Hedges above/below are not applied to ranges; approx hedges widen both ends.

Decisions for news phrasing:
* A proportion "one in five", "nine out of ten", "3 in every 10" is a percentage: [20, 20] with unit "%"
  (its grid step is one more in the numerator: "more than one in five" expects (20, 40]).  Not when the
  second number is a year ("5 in 2023") or a duration ("3 in 10 days").
* "30-odd", "20-something" (hedge type above_step): past N, short of its next grid step: (30, 40).
* Singular fractions need "of" ("a third of the votes"), a hedge before them ("about a third",
  "less than a quarter") or to end the phrase ("a third", "one fifth"); bare "half" needs "of"
  ("more than half of") or a hedge and the end of the phrase ("less than half"), so in "less than half
  the price" it is not read. Mixed numbers take any fraction: "two and a half", "four and three quarters".
* Thousands may be grouped by spaces or thin spaces ("12 000"), or by two dots or more ("1.000.000"); one
  dot is a decimal point ("1.000" is one), English decimals only ("1,2" is not 1.2).
* Decimals in words: "two point five", "1 point 1", "point 77" (opening a phrase), ".77"; negatives in
  words ("minus three million", "negative five hundred and four") and "- 1,200" at the start; plural
  scales ("three billions", "200 dozens"), "three thousand millions"; Indian scales and abbreviations
  (lakh, lac, lkh, crore, cr, koti; "kr" after number words only: after digits it is kronor); "G" after
  a decimal only (".0012G"; "5G" is a network); spoken hundreds ("one twenty two" = 122).
* "a couple (of)", "a pair (of)", "a single" are 2, 2, 1 (approximate). "a few", "few" and "several"
  alone (vague_numbers tagged `vague`) are read but marked Quantity.vague: "a few" = 3 by convention
  (Duckling's; expected [2, 5]), "several" = [3, 9]. They are hedges kept as data: extract/ never makes a
  claim of one (as exactly 3 it would contradict "four"). Not inside a hedge: "as few as 10" is 10.
* Two bounds written one after the other are one interval, in either order: "more than 40 but fewer than
  60" = (40, 60), "at least 12 and no more than 20" = [12, 20] (hedge "at least + no more than"), "fewer
  than 60 but more than 40" = (40, 60); not when they would run backwards ("under 5, over 10").
  "from 40 up to 60" is a range. Symbols are hedges too (data): "~300", "≈ 40", "<50", ">100", "≥ 10".
* Phone numbers ("650-650-6500", "(212) 555-0142") and score lines (two small numbers with a dash after or
  before a `score_words:` word: "won 3-1", "a 2-1 victory") are not quantities.
* "a million and a half" = 1.5 million; "12pc" is a percentage; R$ (BRL), NT$, MX$, SFr are currencies.
* Multipliers ("double", "twice") and determiners ("a handful of") alone are not numbers.

Not read as quantities: ordinals ("78th", "first"), clock times ("08:07", "10 a.m."), numbers glued
to letters ("COVID-19", "G20", "5G", "3D", "5km"), day numbers next to a month name ("Feb. 10",
"10 February"), "No. 1", "#1", "no one", "one of", and bare "a"/"an".  Years are returned (a bare
"2023" is a number); looks_like_year(q) tells the caller, and a year is never merged with an
adjacent number ("in 2023 30 countries" gives 2023 and 30).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .models import Quantity, RuleSet
from .vocabulary import builtin_vocabulary

# ---------------------------------------------------------------- fixed grammar tables

# Currency symbols and words -> ISO code. Symbols/codes come before the number, words after it.
CURRENCY_PREFIX = {
    "us$": "USD", "us $": "USD", "u.s.$": "USD", "u.s. $": "USD", "$": "USD", "hk$": "HKD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "s$": "SGD", "nz$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "₺": "TRY", "r$": "BRL", "nt$": "TWD", "mx$": "MXN", "sfr": "CHF", "rs.": "INR", "rs": "INR", "inr": "INR", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "cny": "CNY", "rmb": "CNY", "jpy": "JPY", "chf": "CHF", "aud": "AUD", "cad": "CAD",
}
CURRENCY_SUFFIX = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR",
    "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "yen": "JPY", "rupees": "INR", "rupee": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "cny": "CNY", "rmb": "CNY", "jpy": "JPY", "inr": "INR", "chf": "CHF",
}
# scale abbreviations that after digits name a currency ("500 kr" is kronor); they scale number words only
CURRENCY_ABBREVIATIONS = {"kr"}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125}
FRACTION_DENOMINATORS = (2, 3, 4, 5, 6, 8, 10, 16, 100)   # "1/4" is a fraction, "9/11" and "24/7" are not
MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()
DEFAULT_TOLERANCE = 0.1
_SIG = 12   # significant digits kept in computed bounds (60 * 1.1 == 66, not 66.00000000000001)


def _alt(words) -> str:
    """A regex alternation of words/phrases, longest first; spaces match any whitespace."""
    words = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_MEMO_MAX = 4096    # entries kept by each memo of a pure number helper below (cleared when full)
_R_MEMO: dict[float, float] = {}


def _r(x: Optional[float]) -> Optional[float]:
    """x rounded to _SIG significant digits (memoized: news repeats the same few hundred numbers)."""
    if x is None:
        return None
    got = _R_MEMO.get(x)
    if got is None:
        got = float(f"{x:.{_SIG}g}")
        if x == 0:                      # -0.0 and 0.0 are one key: do not keep either
            return got
        if len(_R_MEMO) >= _MEMO_MAX:
            _R_MEMO.clear()
        _R_MEMO[x] = got
    return got


# ---------------------------------------------------------------- compiled vocabulary


class _Grammar:
    """The RuleSet's vocabulary compiled into regexes (built once per RuleSet)."""

    def __init__(self, rs: RuleSet):
        self.number_words = {k.lower(): float(v) for k, v in (rs.number_words or {}).items()}
        scales = {k.lower(): float(v) for k, v in (rs.scales or {}).items()}
        self.fractions = {k: v for k, v in scales.items() if v < 1}
        self.mults = {k: v for k, v in scales.items() if v >= 1 and len(k) > 3}     # words
        self.abbrevs = {k: v for k, v in scales.items() if v >= 1 and len(k) <= 3 and k not in CURRENCY_ABBREVIATIONS}
        word_abbrevs = {k: v for k, v in scales.items() if v >= 1 and len(k) <= 3}  # after number words
        self.vague, self.vague_mult, self.vague_alone = {}, {}, set()
        self.vague_word = {}                          # "a few" alone -> (low, high) it is read as, marked vague
        for k, v in (rs.vague_numbers or {}).items():
            lo, hi = float(v[0]), float(v[1])
            tags = [str(x) for x in v[2:] if not isinstance(x, dict)]
            (self.vague_mult if "multiplier" in tags else self.vague)[k.lower()] = (lo, hi)
            if "alone" in tags:                       # "a couple of weeks": a number without a scale too
                self.vague_alone.add(k.lower())
            if "vague" in tags:                       # "several" alone: its interval, a hedge not a claim
                self.vague_word[k.lower()] = (lo, hi)
            for x in v[2:]:                           # {vague: 3}: "a few" alone is 3 by convention
                if isinstance(x, dict) and x.get("vague") is not None:
                    self.vague_word[k.lower()] = (float(x["vague"]), float(x["vague"]))
        # plural scale words usable after "of": "hundreds of thousands"
        self.plural_scales = {k + "s": v for k, v in self.mults.items() if k + "s" not in self.mults}
        # abbreviations of two letters or more may follow number words too ("three hundred cr")
        self.mults.update({k: v for k, v in word_abbrevs.items() if len(k) >= 2})
        self.hedges_before, self.hedges_after = {}, {}
        for h in rs.hedges or []:
            info = (h.get("type", "exact"), bool(h.get("strict") or False),
                    float(h["tolerance"]) if h.get("tolerance") is not None else DEFAULT_TOLERANCE)
            target = self.hedges_after if h.get("position") == "after" else self.hedges_before
            for w in h.get("words", []):
                target[" ".join(w.lower().split())] = info
        months = [k.lower().rstrip(".") for k in (rs.months or {})] or MONTHS
        self.months = set(months) | set(MONTHS)

        word_alt = _alt(list(self.number_words) + list(self.mults) + list(self.fractions))
        # a number never starts with an abbreviation ("bn", "cr"): words that may open one
        start_alt = _alt(list(self.number_words) + [k for k in self.mults if len(k) > 3] + list(self.fractions))
        vague_alt = _alt(self.vague) if self.vague else "(?!)"
        vmult_alt = _alt(self.vague_mult) if self.vague_mult else "(?!)"
        cur_sym = _alt(k for k in CURRENCY_PREFIX if not k[0].isalpha())     # $ € £ ...
        cur_code = _alt(k for k in CURRENCY_PREFIX if k[0].isalpha())        # USD, Rs., US$ ...
        ufrac = "".join(UNICODE_FRACTIONS)
        a_next = _alt(list(self.mults) + list(self.fractions))
        # where a quantity may start
        self.start_re = re.compile(
            rf"(?P<cur>(?:{cur_sym})(?=\s?[-−]?\d)|(?<![\w$])(?:{cur_code})(?=\s?\d))"
            # a minus sign or word: "-5", "-.5", "minus three", and "- 1,200" at the very start
            rf"|(?P<neg>(?<![\w.,:/\-−–])(?:[-−](?=\.?\d)|(?:minus|negative)\s+(?=\d|(?:{word_alt})\b))"
            rf"|^[-−]\s(?=\d))"
            rf"|(?P<dig>(?<![\w.,:/#])(?<!\w[-–])(?<!\d\.)\d|(?<![\w.,])\.(?=\d)|[{ufrac}])"
            rf"|(?P<pt>^point\s+(?=\d))"   # "point 77" opening a phrase; "at one point 40 people" is not 0.4
            rf"|(?P<word>\b(?:{start_alt})\b|\ban?\s+(?:half\s+)?(?={a_next}\b))"
            rf"|(?P<vague>\b(?:{vague_alt})\b)"
            rf"|(?P<vmult>\b(?:{vmult_alt})\s+(?=(?:{_alt(list(self.mults) + list(self.plural_scales))})\b|of\b))"
            rf"|(?P<valone>\b(?:{_alt(self.vague_alone) or '(?!)'})\b)"
            # a vague word alone ("a few", "few"), not inside a hedge ("as few as 10")
            rf"|(?P<vword>(?<!as\s)\b(?:{_alt(self.vague_word) or '(?!)'})\b(?!\s+(?:as|than)\b))",
            re.I)
        # where start_re can match: a currency symbol, a sign or a dot, a fraction, the first digit of a
        # run, the first letter of a word that opens a number (or a currency code); _iter tries only these
        openers = [k.lower() for k in list(self.number_words) + list(self.mults) + list(self.fractions)
                   + list(self.vague) + list(self.vague_mult) + list(self.vague_alone) + list(self.vague_word)
                   + [k for k in CURRENCY_PREFIX if k[0].isalpha()]]
        first_words = {m.group(0) for m in map(_WORD.match, openers) if m}
        self.start_words = frozenset(first_words | {"a", "an", "minus", "negative", "point"}) \
            if all(k[:1].isascii() and k[:1].isalnum() for k in openers) else None   # else: try every offset
        symbols = "".join(k for k in CURRENCY_PREFIX if not k[0].isalpha()) + "-−." + ufrac
        self.start_cands_re = re.compile(rf"[A-Za-z]+|\d+|[{re.escape(symbols)}]")
        self.cur_prefix_re = re.compile(rf"(?:{cur_sym}|(?:{cur_code})(?![a-z]))\s?", re.I)
        self.sign_re = re.compile(r"[-−]\s?|(?:minus|negative)\s+", re.I)
        # digits: grouped by commas (Indian 1,00,000 too), spaces or thin spaces, or by two dots or more
        # ("1.000.000"; one dot is a decimal point), then an optional decimal part; or a unicode fraction
        self.digits_re = re.compile(
            r"\d{1,3}(?:\.\d{3}){2,}(?![\d.,]\d)"
            r"|(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.])|\d+)(?!\d)"
            r"(?:\.\d+)?(?![\d,]\d)|\.\d+(?![\d,]\d)"
            rf"|[{ufrac}]")
        self.ufrac_re = re.compile(rf"[{ufrac}]")
        self.mixed_frac_re = re.compile(r"\s+(\d{1,2})/(\d{1,2})(?![\d/])|\s?([" + ufrac + "])")
        self.slash_frac_re = re.compile(r"/(\d{1,3})(?![\d/])")
        self.abbrev_re = re.compile(
            rf"(?:\s?(?P<ab>{_alt(k for k in self.abbrevs if len(k) > 1) or '(?!)'})"
            rf"|(?P<ab1>{_alt(k for k in self.abbrevs if len(k) == 1) or '(?!)'}))(?![\w])", re.I)
        # the next word of a compound number: separator, "and", "a", the word, a plural "s" ("three billions")
        self.tok_re = re.compile(
            rf"(?P<sep>\s*-\s*|\s+)(?P<and>and\s+)?(?P<a>an?\s+)?(?P<w>{word_alt})(?P<pl>s)?\b", re.I)
        # a decimal part in words or digits: "two point two", "1 point 1", "point 77"
        digit_words = _alt(k for k, v in self.number_words.items() if 0 <= v <= 9 and float(v).is_integer())
        self.point_re = re.compile(rf"\s*\bpoint\s+(?P<d>\d+|(?:{digit_words})\b(?:\s+(?:{digit_words})\b)*)", re.I)
        self.digit_word_re = re.compile(rf"{digit_words}", re.I)
        self.first_word_re = re.compile(
            rf"(?P<a>an?\s+)?(?P<half>half(?:\s+an?\s+|[\s-]+(?=(?:{_alt(self.mults)})\b)))?(?P<w>{word_alt})(?P<pl>(?!))?\b", re.I)
        self.and_half_re = re.compile(r"\s+and\s+(?:a|one)\s+half\b", re.I)
        # the fraction of a mixed number: "two and a quarter", "four and three quarters", "1 and one third"
        singular = _alt(k for k in self.fractions if not k.endswith("s") and k != "half") or "(?!)"
        plural = _alt(k for k in self.fractions if k.endswith("s")) or "(?!)"
        self.and_frac_re = re.compile(
            rf"\s+and\s+(?:(?:an?|one)\s+(?P<f1>{singular})|(?P<n>{digit_words})[\s-]+(?P<f2>{plural}))\b", re.I)
        # nothing left but punctuation: "a third", "more than half" read as the whole phrase
        self.at_end_re = re.compile(r"[\s.,;:!?)\]\"'’]*\Z")
        self.of_a_re = re.compile(rf"\s+of\s+an?\s+(?P<w>{_alt(self.mults)})\b", re.I)
        self.of_re = re.compile(r"\s+of\b", re.I)
        self.vague_re = re.compile(rf"(?:{vague_alt})\b", re.I)
        self.vmult_re = re.compile(rf"(?:{vmult_alt})\b", re.I)
        self.of_plural_re = re.compile(rf"\s+of\s+(?P<w>{_alt(self.plural_scales)})\b", re.I)
        self.mult_plural_re = re.compile(
            rf"\s+(?:of\s+)?(?P<w>{_alt(list(self.mults) + list(self.plural_scales))})\b", re.I)
        self.of_currency_re = re.compile(rf"\s+of\s+(?P<c>{_alt(CURRENCY_SUFFIX)})\b", re.I)
        self.percent_re = re.compile(
            r"\s?%|\s*(?:per\s?cent(?:age\s+points?)?|percent(?:age\s+points?)?|pct|pc|percentage\s+points?)\b",
            re.I)
        self.cur_suffix_re = re.compile(
            rf"\s?(?P<s>[€£₹¥])|\s+(?P<c>{_alt(CURRENCY_SUFFIX)})(?![\w])", re.I)
        self.bad_follow_re = re.compile(r"[^\W\d_]|:\d|\.\d|\s*(?:[ap]\.m\.|[ap]m\b|o'clock)|/\d", re.I)
        self.hedge_before_re = re.compile(
            rf"(?<![\w])(?P<h>{_alt(self.hedges_before) or '(?!)'})\s*\Z", re.I) if self.hedges_before else None
        self.hedge_after_re = re.compile(
            rf"(?:\s+|\s*-\s*)(?P<h>{_alt(self.hedges_after) or '(?!)'})(?![\w])(?!\s*\d)|(?P<plus>\+)(?![\d\w])", re.I)
        # "one in five", "nine out of ten", "3 in every 10": a proportion, read as a percentage
        self.proportion_re = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.I)
        self.duration_re = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b", re.I)
        self.range_open_re = re.compile(r"(?<![\w])(?P<o>between|from)\s+\Z", re.I)
        self.range_and_re = re.compile(r"\s+and\s+|\s*[-–—]\s*", re.I)
        self.range_to_re = re.compile(r"\s+(?:up\s+)?(?:to|through|until)\s+|\s*[-–—]\s*", re.I)
        self.range_bare_re = re.compile(r"\s+(?:to|or)\s+|\s*[-–—]\s*|\s+to\s+", re.I)
        month_alt = "|".join(sorted({m.capitalize() for m in self.months} | {m.upper() for m in self.months},
                                    key=lambda m: -len(m)))
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        self.day_before_re = re.compile(
            rf"\b(?:{month_alt})\.?,?\s+(?:{day}(?:\s*(?:,|and|to|&|-|–)\s*{day})*\s*(?:,\s*|\s+and\s+|\s+to\s+|"
            rf"\s*[-–]\s*|\s+&\s+|\s+or\s+))?\Z")
        self.month_after_re = re.compile(rf"\s+(?:of\s+)?(?:{month_alt})\b")
        self.time_re = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.m\.|[ap]m\b)", re.I)
        self.half_of_re = re.compile(r"half\s+(?=of\b)", re.I)
        self.prev_word_re = re.compile(r"([A-Za-z]+)\.?\s*\Z")
        self.next_word_re = re.compile(r"\s*([A-Za-z]+)")
        self.no_re = re.compile(r"(?:\bno\.|#)\s*\Z", re.I)
        # a phone number: optional +country code, area code (bracketed or not), 3 digits, 4 digits
        # ("(212) 555-0142", "650-650-6500"); "1-800-555-0199"; a + country code and two groups or more
        # ("+44 20 7946 0958"); a national number opened by a trunk 0 ("020 7946 0958")
        self.phone_re = re.compile(
            r"(?<![\w.])(?:(?:\+\d{1,3}[\s.-]?|1-)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
            # + country code, a first group (after "(0)" in UK style), then groups of two digits or more
            r"|\+\d{1,3}(?:\s?\(0\)\s?\d{1,4}|[\s.-]\(?\d{1,4}\)?|\s?\(\d{1,4}\))(?:[\s.-]\(?\d{2,4}\)?){1,4}"
            r"|0\d{2,4}[\s.-]\d{3,4}[\s.-]\d{3,4})(?![\w%])")
        sw = rs.extra.get("score_words") or {}
        score = _alt(str(w) for w in sw.get("before") or []) or "(?!)"
        score_after = _alt(str(w) for w in sw.get("after") or []) or "(?!)"
        # a score line: small numbers joined by a dash, after a score word (up to two words between:
        # "won the final 3-1") or right before one ("a 2-1 victory")
        self.score_re = re.compile(
            rf"\b(?:{score})(?:\s+[a-z]+){{0,2}}\s+(?P<s>\d{{1,3}}\s?[-–]\s?\d{{1,3}})(?![\d%.,]\d|[\w%])"
            rf"|(?<![\w.,])(?P<s2>\d{{1,3}}\s?[-–]\s?\d{{1,3}})(?![\w%])(?=\s+(?:{score_after})\b)", re.I)


_CACHE: dict[int, tuple[RuleSet, _Grammar]] = {}


def _grammar(ruleset: Optional[RuleSet]) -> _Grammar:
    if ruleset is None:
        ruleset = builtin_vocabulary()                # default_rules.yml as data, not through rules.py
    hit = _CACHE.get(id(ruleset))
    if hit is None or hit[0] is not ruleset:
        if len(_CACHE) > 32:
            _CACHE.clear()
        hit = _CACHE[id(ruleset)] = (ruleset, _Grammar(ruleset))
    return hit[1]


# ---------------------------------------------------------------- reading one number


@dataclass
class _Num:
    """A number as read: [low, high] (equal unless vague), its grid step, unit and span."""
    low: float
    high: float
    step: float          # one unit of the last significant digit written (grid step), >= 0
    unit: Optional[str]
    start: int
    end: int
    vague: bool = False
    scaled: bool = False  # a scale word or abbreviation was read (1.2 million, 3m)
    mult: float = 1.0     # the last multiplier (1e6 in "1.2 million")
    plain: bool = False   # bare digits, no separators, decimals, scale or unit (a year looks like this)
    spread: Optional[tuple[float, float]] = None  # a vague word alone ("a few"): what a reader takes away


_STEP_MEMO: dict[float, float] = {}


def _step_of(mantissa: float) -> float:
    """Place value of the last significant digit of `mantissa` (30 -> 10, 1.2 -> 0.1, 37 -> 1); memoized."""
    got = _STEP_MEMO.get(mantissa)
    if got is not None:
        return got
    if mantissa == 0 or not math.isfinite(mantissa):
        return 1.0
    s = f"{abs(mantissa):.{_SIG - 1}e}"
    digits, exp = s.split("e")
    digits = digits.replace(".", "").rstrip("0")
    got = 10.0 ** (int(exp) - len(digits) + 1)
    if len(_STEP_MEMO) >= _MEMO_MAX:
        _STEP_MEMO.clear()
    _STEP_MEMO[mantissa] = got
    return got


def _grid(value: float, step: float, mult: float) -> tuple[float, float]:
    """(down, up): distances from value to its grid neighbours below and above."""
    up = down = step
    m = abs(value) / mult
    if m > 0 and _step_of(m) == m and _step_of(mult) == mult:
        down = step / 10          # below a power of ten the grid is finer: 1000 -> 900, 1 million -> 900,000
    if value < 0:
        up, down = down, up
    return down, up


def _decimal_of(g: _Grammar, digits: str) -> float:
    """The fraction written after "point": "77" -> 0.77, "two five" -> 0.25."""
    if digits[0].isdigit():
        return float("0." + digits)
    ds = "".join(str(int(g.number_words[w.lower()])) for w in g.digit_word_re.findall(digits))
    return float("0." + ds) if ds else 0.0


def _words_value(g: _Grammar, text: str, pos: int, init: Optional[float] = None):
    """Read compound number words from pos: "fifty-eight", "two hundred and two thousand",
    "one and a half million", "half a dozen", "two thirds", "a quarter of a million".

    With `init` (a number already read as digits), read only what may follow digits: scale words,
    plural fractions, "and a half" ("1.2 million", "5 hundred thousand", "2 and a half million").
    Returns (value, mantissa, last_multiplier, end) or None when nothing was read.
    """
    if init is not None and not text[pos:pos + 1].isspace() and text[pos:pos + 1] != "-":
        return None       # after digits every reading below opens with a space or a hyphen
    total, current, small = 0.0, 0.0, 0.0
    last_big = float("inf")
    prev = None           # kind of the last token: num | tens | hundred | mult | big | frac | andhalf
    last_mult = 1.0
    end = pos
    snapshot = None       # state before an "and <number>" clause, to give it back to a range
    if init is not None:
        current, small, prev = init, init, "num"
        m = g.tok_re.match(text, pos)
    else:
        m = g.first_word_re.match(text, pos)
    first = True
    while True:
        hm = g.and_half_re.match(text, end) if prev in ("num", "tens") and end > pos or (
            prev == "num" and init is not None) or prev in ("big", "mult") else None
        if hm and prev in ("big", "mult"):                # "a million and a half", "a dozen and a half"
            if prev == "big":
                total += 0.5 * last_mult
            else:
                current += 0.5 * last_mult
            prev, end = "andhalf", hm.end()
            m = g.tok_re.match(text, end)
            first = False
            continue
        if hm:                                            # "one and a half", "2 and a half"
            current += 0.5
            small += 0.5
            prev, end, last_mult = "andhalf", hm.end(), 1.0
            m = g.tok_re.match(text, end)
            first = False
            continue
        fm = g.and_frac_re.match(text, end) if prev in ("num", "tens") and (end > pos or init is not None) else None
        if fm:                                            # "two and a quarter", "four and three quarters"
            f = g.fractions[fm.group("f1").lower()] if fm.group("f1") else \
                g.number_words[fm.group("n").lower()] * g.fractions[fm.group("f2").lower()]
            if 0 < f < 1:
                current += f
                small += f
                prev, end, last_mult = "andhalf", fm.end(), 1.0
                m = g.tok_re.match(text, end)
                first = False
                continue
        if not m:
            break
        w = " ".join(m.group("w").lower().split())
        has_a = bool(m.group("a"))
        half_a = first and init is None and bool(m.group("half"))
        has_and = not first and bool(m.group("and"))
        hyphen = not first and "-" in m.group("sep")
        if init is not None and (has_and or has_a or hyphen):
            break
        if (has_a or half_a) and not first:
            break
        if has_a and w not in g.mults and w not in g.fractions:
            break
        if m.group("pl") and w not in g.mults:
            break                                         # only scale words take a plural "s"
        if w in g.number_words:
            v = g.number_words[w]
            if half_a:
                break
            if has_and and prev not in ("hundred", "big"):
                break
            if prev == "num" and 0 < current < 10 and current == small and v >= 20 and v % 10 == 0 \
                    and not hyphen and not has_and:
                # spoken hundreds: "one twenty two" = 122 (a digit word, then the tens)
                current, small = current * 100 + v, v
                prev, last_mult, end = "tens", 1.0, m.end()
                first = False
                m = g.tok_re.match(text, end)
                continue
            if prev == "tens":
                if not (0 < v < 10 and small % 10 == 0):
                    break
            elif prev not in (None, "hundred", "big"):
                break
            if has_and:
                snapshot = (total, current, small, prev, last_big, last_mult, m.start())
            current += v
            small += v
            prev = "tens" if v >= 20 and v % 10 == 0 else "num"
            last_mult = 1.0
        elif w in g.mults:
            v = g.mults[w]
            if has_and or (init is not None and w in CURRENCY_ABBREVIATIONS):
                break                                     # "500 kr" is kronor
            if prev is None:
                base = 0.5 if half_a else (1.0 if has_a else 0.0)
                if base == 0:
                    break
            elif prev in ("num", "tens", "andhalf", "hundred") and (v >= 1000 or v < 100 or prev != "hundred"):
                base = current                            # "two thousand", "two hundred dozen"
            elif prev == "big" and v > last_big and current == 0 and total > 0:
                total, last_big, last_mult = total * v, v, v * last_mult   # "three thousand millions"
                end, first = m.end(), False
                m = g.tok_re.match(text, end)
                continue
            else:
                base = None
            if base is None or (v == 100 and (current >= 100 or prev == "andhalf")) or (
                    v < 100 and prev == "mult") or (
                    v >= 1000 and v >= last_big):
                if snapshot is not None:                  # "a hundred and two hundred"
                    total, current, small, prev, last_big, last_mult, end = snapshot
                break
            snapshot = None
            if v < 1000:                                  # hundred, dozen
                current, small = base * v, 0.0
                prev = "hundred" if v == 100 else "mult"
            else:                                         # thousand, million, lakh ...
                total += base * v
                current, small, last_big = 0.0, 0.0, v
                prev = "big"
            last_mult = v
        elif w in g.fractions:
            v = g.fractions[w]
            if has_and or half_a or prev not in (None, "num", "tens"):
                break
            base = current if prev else (1.0 if has_a else 0.0)
            alone = g.at_end_re.match(text, m.end()) is not None and (
                has_a or bool(g.hedge_before_re and g.hedge_before_re.search(text, max(0, pos - 40), pos)))
            if first and init is None and not has_a and w == "half" and alone:
                base = 1.0                                # "more than half" as the whole phrase
            elif first and init is None and not has_a and g.half_of_re.match(text, pos):
                pw = g.prev_word_re.search(text, max(0, pos - 12), pos)
                if not (pw and pw.group(1).lower() in ("first", "second", "latter", "former", "other", "the",
                                                       "top", "bottom", "back", "front", "each")):
                    base = 1.0                            # "half of the states", "more than half of"
            if base == 0 or (init is not None and not w.endswith("s")):
                break
            singular = not w.endswith("s")
            if singular and not hyphen and not alone and not g.of_re.match(text, m.end()) and not (
                    prev == "num" and current == 1 and g.at_end_re.match(text, m.end())) and not (
                    g.hedge_before_re is not None and g.hedge_before_re.search(text, max(0, pos - 40), pos)):
                break                                     # "a third term" is not a fraction; "about a third" is
            current = base * v
            prev, last_mult, end = "frac", v, m.end()
            om = g.of_a_re.match(text, end)
            if om:                                        # "a quarter of a million"
                big = g.mults[" ".join(om.group("w").lower().split())]
                current *= big
                last_mult, end = big, om.end()
            break
        else:
            break
        end = m.end()
        first = False
        m = g.tok_re.match(text, end)
    if end == pos or prev is None:
        return None
    value = total + current
    mantissa = value / last_mult if last_mult != 1.0 else value
    return value, mantissa, last_mult, end


def _read_number(g: _Grammar, text: str, pos: int) -> Optional[_Num]:
    """Read one number (with currency, sign, scale, percent) starting exactly at pos."""
    start = pos
    unit = None
    m = g.cur_prefix_re.match(text, pos)
    if m and (m.end() < len(text)) and (text[m.end()].isdigit() or text[m.end()] in "-−"):
        unit = CURRENCY_PREFIX[m.group(0).strip().lower()]
        pos = m.end()
    sign = 1.0
    m = g.sign_re.match(text, pos)
    if m and m.end() < len(text) and (text[m.end()].isdigit() or text[m.end():m.end() + 2][:1] == "."
                                      or (m.group(0)[0].isalpha() and g.first_word_re.match(text, m.end()))):
        sign, pos = -1.0, m.end()
    pm = g.point_re.match(text, pos) if text[pos:pos + 5].lower() == "point" else None
    if pm and pm.group("d")[0].isdigit():                 # "point 77" = 0.77
        text_value = "0." + pm.group("d")
        value = float(text_value)
        rest = _words_value(g, text, pm.end(), init=value)
        value, mantissa, mult, end = rest if rest else (value, value, 1.0, pm.end())
        value = _r(sign * value)
        return _Num(value, value, _r(_step_of(mantissa) * mult), unit, start, end, scaled=mult != 1.0, mult=mult)
    plain = False
    scaled = False
    mult = 1.0
    vague = False
    low = high = None
    m = g.digits_re.match(text, pos)
    if m:
        s = m.group(0)
        if s in UNICODE_FRACTIONS:
            value = UNICODE_FRACTIONS[s]
            mantissa, mult, end = value, 1.0, m.end()
        else:
            value = float(s if s.isdigit() else _GROUPING.sub("", s) if s.count(".") < 2 else s.replace(".", ""))
            mantissa, end = value, m.end()
            plain = s.isdigit()
            fm = g.slash_frac_re.match(text, end) if s.isdigit() else None
            if fm:                                   # "1/4", not "9/11" or "24/7"
                den = int(fm.group(1))
                if not (value < den and den in FRACTION_DENOMINATORS):
                    return None
                value = mantissa = value / den
                end, plain = fm.end(), False
            elif s.isdigit() and value < 1000:
                fm = g.mixed_frac_re.match(text, end)
                if fm and fm.group(1):               # "2 1/4"
                    num, den = int(fm.group(1)), int(fm.group(2))
                    if num < den and den in FRACTION_DENOMINATORS:
                        value = mantissa = value + num / den
                        end, plain = fm.end(), False
                elif fm and fm.group(3):             # "1½"
                    value = mantissa = value + UNICODE_FRACTIONS[fm.group(3)]
                    end, plain = fm.end(), False
        pm = g.point_re.match(text, end) if s.isdigit() else None
        if pm:                                            # "1 point 1"
            value = mantissa = value + _decimal_of(g, pm.group("d"))
            end, plain = pm.end(), False
        am = g.abbrev_re.match(text, end)
        if am and (am.group("ab1") or "").lower() == "g" and "." not in s:
            am = None                                     # "5G" is a network; ".0012G" is giga
        if am:
            ab = (am.group("ab") or am.group("ab1")).lower()
            mult = g.abbrevs[ab]
            mantissa, value = value, value * mult
            end, scaled, plain = am.end(), True, False
        else:
            # digits followed by scale words: "1.2 million", "5 hundred thousand", "2 and a half million"
            got = _words_value(g, text, end, init=value)
            if got:
                value, mantissa, mult, end = got
                scaled, plain = mult != 1.0, False
    else:
        vm = g.vague_re.match(text, pos)
        multiplier = False
        if vm:
            w = " ".join(vm.group(0).lower().split())
            if w == "scores" and not g.of_re.match(text, vm.end()):
                return None
            low, high = g.vague[w]
            end = vm.end()
            vague = True
        else:
            mm = g.vmult_re.match(text, pos)
            if mm and not g.first_word_re.match(text, pos):
                key = " ".join(mm.group(0).lower().split())
                low, high = g.vague_mult[key]
                end = mm.end()
                vague = multiplier = True
                alone = key in g.vague_alone       # "a couple of weeks": a number even without a scale
            else:
                got = _words_value(g, text, pos)
                if not got:
                    return None
                value, mantissa, mult, end = got
                pm = g.point_re.match(text, end) if mult == 1.0 else None
                if pm and not pm.group("d")[0].isdigit():  # "two point two million"
                    value = mantissa = value + _decimal_of(g, pm.group("d"))
                    end = pm.end()
                    more = _words_value(g, text, end, init=value)
                    if more:
                        value, mantissa, mult, end = more
                scaled = mult != 1.0
        if vague:
            # "hundreds of thousands", "tens of millions", "several hundred thousand", "a few dozen":
            # plural scales follow "of"; singular ones follow a multiplier (several) or each other
            bare_ok = multiplier
            while True:
                sm = g.mult_plural_re.match(text, end)
                if not sm:
                    break
                w = " ".join(sm.group("w").lower().split())
                has_of = sm.group(0).lstrip()[:2].lower() == "of"
                if (w in g.mults and (has_of or not bare_ok)) or (w not in g.mults and not has_of and not multiplier):
                    break
                f = g.mults.get(w) or g.plural_scales[w]
                low, high = low * f, (high + 1) * f - 1
                end, bare_ok, multiplier = sm.end(), w in g.mults, False
            if multiplier and not (vague and low == high and alone):
                if key in g.vague_word:                   # "a few" alone: its convention, marked vague
                    point = g.vague_word[key]
                    return _Num(point[0], point[1], 0.0, None, start, end, vague=True, scaled=True,
                                spread=(low, high))
                return None                               # "a handful" alone is not a number
            cm = g.of_currency_re.match(text, end)
            if cm and unit is None:
                unit = CURRENCY_SUFFIX[" ".join(cm.group("c").lower().split())]
                end = cm.end()
    # what follows must not make it something else (78th, 5km, 08:07, 10 a.m.)
    if not vague:
        bm = g.bad_follow_re.match(text, end)
        if bm and not g.percent_re.match(text, end):      # "12pc" is a percentage, "12th" is not a number
            return None
    pm = g.percent_re.match(text, end)
    if pm:
        unit, end = "%", pm.end()
    elif unit is None:
        cm = g.cur_suffix_re.match(text, end)
        if cm:
            key = cm.group("s") or " ".join(cm.group("c").lower().split())
            unit, end = CURRENCY_PREFIX.get(key) or CURRENCY_SUFFIX[key], cm.end()
    if unit is not None:
        plain = False
    if vague:
        return _Num(low, high, 0.0, unit, start, end, vague=True, scaled=True)
    if not math.isfinite(value):
        return None                                       # "1e309", 400 digits: beyond any count
    value = _r(sign * value)
    step = _step_of(mantissa) * mult
    return _Num(value, value, _r(step), unit, start, end, scaled=scaled, mult=mult, plain=plain and sign > 0)


# ---------------------------------------------------------------- intervals


def _build(g: _Grammar, text: str, hedge: Optional[str], info, lo: _Num, hi: Optional[_Num],
           start: int, end: int) -> Quantity:
    """Apply a hedge (type, strict, tolerance) to a number or range and fill a Quantity."""
    low, high = lo.low, (hi.high if hi else lo.high)
    unit = lo.unit or (hi.unit if hi else None)
    if lo.spread is not None:                         # "a few": a hedge kept as data, never a claim
        word = " ".join(text[lo.start:lo.end].lower().split())
        return Quantity(low=low, high=high, start=lo.start, end=lo.end, text=text[lo.start:lo.end], hedge=word,
                        approximate=True, vague=True, expected_low=lo.spread[0], expected_high=lo.spread[1])
    q = Quantity(low=low, high=high, start=start, end=end, text=text[start:end], unit=unit, hedge=hedge)
    q.approximate = lo.vague or bool(hi and hi.vague)
    q.value = None if (hi is not None or lo.vague) else lo.low
    kind, strict, tol = info if info else ("exact", False, DEFAULT_TOLERANCE)
    if hi is not None or lo.vague:
        if kind in ("approx", "approx_below", "approx_above"):
            q.low, q.high = _r(min(low * (1 - tol), low * (1 + tol))), _r(max(high * (1 + tol), high * (1 - tol)))
            q.approximate = True
        elif kind == "above":
            q.high, q.high_inclusive = None, False
            q.low_inclusive = not strict
            q.expected_low, q.expected_high = low, high
            q.expected_low_inclusive = not strict
            return q
        elif kind == "below":
            q.low = 0.0 if high > 0 else None
            q.low_inclusive = q.low is not None
            q.high_inclusive = not strict
            q.expected_low, q.expected_high = low, high
            q.expected_high_inclusive = not strict
            return q
        q.expected_low, q.expected_high = q.low, q.high
        return q
    n = lo.low
    down, up = _grid(n, lo.step, lo.mult)
    if kind == "above_step":                          # "30-odd": (30, 40) both readings
        q.low, q.high, q.approximate = n, _r(n + up), True
        q.low_inclusive = q.high_inclusive = q.expected_low_inclusive = q.expected_high_inclusive = False
        q.expected_low, q.expected_high = q.low, q.high
    elif kind == "above":
        q.high, q.high_inclusive, q.low_inclusive = None, False, not strict
        q.expected_low, q.expected_high = n, _r(n + up)
        q.expected_low_inclusive = not strict
    elif kind == "below":
        q.low = 0.0 if n > 0 else None
        q.low_inclusive = q.low is not None
        q.high_inclusive = not strict
        q.expected_low, q.expected_high = _r(max(n - down, 0.0) if n > 0 else n - down), n
        q.expected_high_inclusive = not strict
    elif kind in ("approx", "approx_below", "approx_above"):
        a, b = _r(n * (1 - tol)), _r(n * (1 + tol))
        a, b = min(a, b), max(a, b)
        if kind == "approx_below":
            b = n
            q.high_inclusive = q.expected_high_inclusive = not strict
        elif kind == "approx_above":
            a = n
            q.low_inclusive = q.expected_low_inclusive = not strict
        q.low, q.high, q.approximate = a, b, True
        q.expected_low, q.expected_high = a, b
    else:
        q.expected_low, q.expected_high = n, n
    return q


# ---------------------------------------------------------------- scanning


def _skip_single(g: _Grammar, text: str, num: _Num) -> bool:
    """Numbers that are not counts: "no one", "one of", days next to a month, "No. 1"."""
    before = text[max(0, num.start - 12):num.start]
    if num.vague and num.low == num.high == 1 and not num.unit:
        pm = g.prev_word_re.search(before)               # "a single vote" is one; "the single market" is not
        if pm is None:                                   # opening the text: only as the whole phrase
            return text[num.end:].strip() != ""
        return pm.group(1).lower() not in ("a", "not", "one")
    if num.vague or num.unit or num.scaled:
        return False
    if g.no_re.search(before):
        return True
    word = text[num.start:num.end].lower()
    if word == "one":
        pm = g.prev_word_re.search(before)
        if pm and pm.group(1).lower() in ("no", "any", "every", "each", "the", "this", "that", "which",
                                          "someone", "anyone", "what"):
            return True
        nm = g.next_word_re.match(text, num.end)
        if nm and nm.group(1).lower() in ("of", "another", "day", "by", "way", "side", "thing", "hand", "more", "point"):
            return True
    return _is_day(g, text, num, num)


def _is_day(g: _Grammar, text: str, lo: _Num, hi: _Num) -> bool:
    """Day numbers: "Feb. 10", "February 10 and 11", "10-11 February", "the 3rd of May"."""
    if not (lo.plain and hi.plain and 1 <= lo.low <= 31 and 1 <= hi.low <= 31):
        return False
    return bool(g.day_before_re.search(text, max(0, lo.start - 40), lo.start)
                or g.month_after_re.match(text, hi.end))


_GROUPED = re.compile(r"\+\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+")   # "+12 000 000": thousands after a plus sign


def _not_numbers(g: _Grammar, text: str) -> list[tuple[int, int]]:
    """Spans of digits that are no quantity: phone numbers and score lines."""
    # "+12 000 000" is a signed number grouped by spaces, not a phone number
    spans = [m.span() for m in g.phone_re.finditer(text) if not _GROUPED.fullmatch(m.group(0))] \
        if len(text) >= 10 else []
    if "-" in text or "–" in text:
        for m in g.score_re.finditer(text):
            spans.append(m.span("s") if m.group("s") else m.span("s2"))
    return spans


_WORD = re.compile(r"[a-z]+")
_GROUPING = re.compile(r"[,\s]")                      # thousands separators inside digits
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")   # İ ı ſ K: letters re.I reads as i, s, k


def _starts(g: _Grammar, text: str) -> Optional[list[int]]:
    """The offsets where a number may start (see _Grammar.start_words), in order; None when the text
    holds a letter re.I folds into an ASCII one (then every offset is tried)."""
    words = g.start_words
    if words is None or (not text.isascii() and _FOLDS.search(text)):
        return None
    return [m.start() for m in g.start_cands_re.finditer(text)
            if not m.group(0)[0].isalpha() or m.group(0).lower() in words]


def _search(g: _Grammar, text: str, pos: int, starts: Optional[list[int]], k: int):
    """(start_re's first match at or after pos, index in `starts` to go on from): start_re.search, tried
    only at the offsets where a match can begin."""
    if starts is None:
        return g.start_re.search(text, pos), k
    rx = g.start_re
    while k < len(starts):
        p = starts[k]
        if p >= pos:
            m = rx.match(text, p)
            if m:
                return m, k
        k += 1
    return None, k


def _iter(text: str, g: _Grammar) -> Iterator[Quantity]:
    pos = 0
    n = len(text)
    blocked = None                                        # phone numbers, score lines: found on the first digit
    starts, k = _starts(g, text), 0
    while pos < n:
        m, k = _search(g, text, pos, starts, k)
        if not m:
            return
        s = m.start()
        if blocked is None and (m.group("dig") or m.group("neg") or m.group("cur")):
            blocked = _not_numbers(g, text)
        if blocked:
            inside = next((e for b, e in blocked if b <= s < e), None)
            if inside is not None:                        # a phone number or a score line
                pos = inside
                continue
        num = _read_number(g, text, s)
        if num is None:
            pos = m.end() if m.end() > s else s + 1
            # skip the rest of a rejected digit run ("78th", "08:07")
            while pos < n and (text[pos].isalnum() or (text[pos] in ".,:/" and pos + 1 < n and text[pos + 1].isdigit())):
                pos += 1
            continue
        q = _quantity_at(g, text, num, pos)
        if q is None:
            pos = num.end
            continue
        yield q
        pos = q.end


def _quantity_at(g: _Grammar, text: str, num: _Num, floor: int) -> Optional[Quantity]:
    """Extend a number read at num.start into a quantity: range, hedges before/after."""
    start, end = num.start, num.end
    window = text[max(floor, start - 40):start]
    hi = None
    opener = g.range_open_re.search(window)
    conn_re = g.range_bare_re
    if opener:
        conn_re = g.range_and_re if opener.group("o").lower() == "between" else g.range_to_re
    cm = conn_re.match(text, end)
    if cm and not num.vague:
        other = _read_number(g, text, cm.end())
        if other is None and g.time_re.match(text, cm.end()):
            return None                                   # "1 to 2 p.m."
        if other is not None and not other.vague and (num.unit is None or other.unit is None
                                                      or num.unit == other.unit):
            lo = num
            if not lo.scaled and other.scaled and lo.low <= other.low / other.mult:
                # "2 to 3 million", "$10-15 million": the scale written once applies to both
                v = _r(lo.low * other.mult)
                lo = _Num(v, v, _r(lo.step * other.mult), lo.unit, lo.start, lo.end, scaled=True,
                          mult=other.mult)
            if lo.low < other.low:
                lo.unit = other.unit = lo.unit or other.unit
                num, hi, end = lo, other, other.end
    if hi is None and not num.vague and num.unit is None and num.low >= 0:
        pm = g.proportion_re.match(text, end)
        other = _read_number(g, text, pm.end()) if pm else None
        if other is not None and not other.vague and other.unit is None and other.low > num.low \
                and not (other.plain and 1000 <= other.low <= 2100) and not g.duration_re.match(text, other.end):
            # "one in five" = 20%: the grid step is one more in the numerator ("two in five")
            v = _r(100 * num.low / other.low)
            num = _Num(v, v, _r(100 / other.low), "%", num.start, other.end)
            end = other.end
    hedge, info = None, None
    if hi is not None and opener:
        start = start - (len(window) - opener.start())
        window = text[max(floor, start - 40):start]
    if g.hedge_before_re is not None:
        hm = g.hedge_before_re.search(window)
        if hm:
            h = " ".join(hm.group("h").lower().split())
            info = g.hedges_before[h]
            if hi is not None and info[0] in ("above", "below"):
                info = None
            else:
                hedge = h
                start = start - (len(window) - hm.start())
    if hedge is None:
        am = g.hedge_after_re.match(text, end)
        if am and not (hi is not None and am.group("plus")):
            h = "plus" if am.group("plus") else " ".join(am.group("h").lower().split())
            info = g.hedges_after.get(h) or ("above", False, DEFAULT_TOLERANCE)
            if hi is not None and info[0] in ("above", "below", "above_step"):
                info = None
            else:
                hedge, end = h, am.end()
    if hedge is None and (_skip_single(g, text, num) if hi is None else _is_day(g, text, num, hi)):
        return None
    return _build(g, text, hedge, info, num, hi, start, end)


# ---------------------------------------------------------------- public API


# the words between the two sides of a bound: "more than 40 but fewer than 60", "at least 12, and no more than 20"
_BOTH_SIDES = re.compile(r"\s*,?\s*(?:and|but|yet|while)?\s*(?:also\s+)?", re.I)


def _is_lower(q: Quantity) -> bool:
    """A lower bound: "more than 40", "at least 12" (a hedge, nothing above)."""
    return q.high is None and q.low is not None and q.hedge is not None and q.value is not None


def _is_upper(q: Quantity) -> bool:
    """An upper bound: "fewer than 60", "no more than 20" (a hedge, nothing or zero below)."""
    return q.high is not None and q.low in (0.0, None) and q.hedge is not None and q.value is not None


def _two_sided(text: str, first: Quantity, second: Quantity) -> Optional[Quantity]:
    """One interval from two bounds written one after the other, either order: "more than 40 but fewer
    than 60", "fewer than 60 but more than 40", "at least 12 and no more than 20"; else None."""
    if _is_lower(first) and _is_upper(second):
        lo, hi = first, second
    elif _is_upper(first) and _is_lower(second):
        lo, hi = second, first
    else:
        return None
    if lo.unit != hi.unit and lo.unit and hi.unit or hi.high <= lo.low:
        return None
    if not _BOTH_SIDES.fullmatch(text[first.end:second.start]):
        return None
    unit = lo.unit or hi.unit
    q = Quantity(low=lo.low, high=hi.high, low_inclusive=lo.low_inclusive, high_inclusive=hi.high_inclusive,
                 start=first.start, end=second.end, text=text[first.start:second.end], unit=unit,
                 hedge=f"{first.hedge} + {second.hedge}")
    q.expected_low, q.expected_low_inclusive = lo.expected_low, lo.expected_low_inclusive
    q.expected_high, q.expected_high_inclusive = hi.expected_high, hi.expected_high_inclusive
    if q.expected_high is not None and q.expected_low is not None and q.expected_high < q.expected_low:
        q.expected_low, q.expected_high = q.low, q.high
    q.approximate = lo.approximate or hi.approximate
    return q


def _joined(text: str, g: _Grammar) -> Iterator[Quantity]:
    """The quantities of `text`, two bounds written one after the other joined into one interval."""
    it = _iter(text, g)
    q = next(it, None)
    while q is not None:
        if not (_is_lower(q) or _is_upper(q)):       # not a bound: nothing to join
            yield q
            q = next(it, None)
            continue
        nxt = next(it, None)
        both = _two_sided(text, q, nxt) if nxt is not None else None
        if both is not None:
            yield both
            q = next(it, None)
        else:
            yield q
            q = nxt


def find_quantities(text: str, ruleset: Optional[RuleSet] = None) -> list[Quantity]:
    """Every quantity expression in `text`, in order, with exact character offsets."""
    return list(_joined(text, _grammar(ruleset)))


def parse_quantity(text: str, ruleset: Optional[RuleSet] = None) -> Optional[Quantity]:
    """The first quantity expression in `text` (a bare phrase or a whole sentence), or None."""
    it = _iter(text, _grammar(ruleset))
    q = next(it, None)
    if q is None or not (_is_lower(q) or _is_upper(q)):
        return q
    nxt = next(it, None)                              # a bound: the other side may follow
    return (_two_sided(text, q, nxt) if nxt is not None else None) or q


def looks_like_year(q: Quantity) -> bool:
    """True when q was written like a year (or a range of years): 4 bare digits, 1000..2100, no hedge/unit."""
    if q.unit or q.approximate or q.low is None or q.high is None:
        return False
    nums = re.findall(r"[\d,.]+", q.text)
    return bool(nums) and all(re.fullmatch(r"1\d{3}|20\d{2}|2100", x) for x in nums) and (q.hedge is None)
