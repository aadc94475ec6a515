"""Time the normalizers: parse_quantity over a few thousand quantity phrases (and parse_date over
date phrases when claimcheck.dates exists: the phrases of DATES in turn, and as many distinct phrases
built from TEMPLATES, none read twice). A script, not a test:

    .venv/bin/python benchmarks/normalize.py [--n 5000]
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date

from claimcheck.quantities import find_quantities, parse_quantity
from claimcheck.rules import default_ruleset

HEDGES = ["", "more than ", "over ", "at least ", "up to ", "around ", "about ", "nearly ", "some ",
          "an estimated ", "fewer than ", "as many as ", "between "]
NUMBERS = ["58", "1,200", "12,000", "1.2 million", "$2bn", "40k", "fifty-eight", "a dozen", "two hundred",
           "30%", "4.5 per cent", "€1.2bn", "half a million", "two thirds", "three thousand five hundred",
           "dozens", "tens of thousands", "several hundred", "2 1/4", "-5", "two point five", "3 lakh",
           "minus twelve", "12 000", "two and a half", "40 but fewer than 60", "four and three quarters",
           "1.000.000", "60 but more than 40", "a few", "~300", "about a third", "1.2 lakh crore", "three dozen"]
NOUNS = ["", " countries", " people", " delegates", ""]
DATES = ["October 2023", "Feb. 10", "10 February 2025", "on Monday", "last year", "2023", "Feb. 10 to 11",
         "May last year", "the first week of March", "2025-02-11", "Tuesday", "in the spring of 2024",
         "the past three days", "Christmas 2024", "the first Monday of March", "three days after Easter",
         "by the end of the month", "the next 3 weeks", "early 2017", "Q3 2024", "2 weeks ago",
         "Tuesday the 14th", "from 3 March to the 5th", "2025 03 15", "the twenty-first of May",
         "between 2019 and mid-2020", "the coming fortnight", "next Friday", "the last day of February",
         "the week ending Jan. 10", "the past twenty-four hours", "20260315", "the Friday before last"]
# templates for distinct date phrases (date_phrases): the same constructions with other months, days,
# years, counts and weekdays, so that no phrase repeats
MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October",
          "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNTS = ["two", "three", "four", "five", "six", "ten", "twelve", "twenty", "thirty-one", "2", "3", "5", "7",
          "10", "14", "21", "30"]
HOLIDAYS = ["Christmas", "Easter", "Thanksgiving", "Halloween", "New Year's Day", "Labor Day"]
UNITS = ["day", "week", "month", "year"]
TEMPLATES = ["{M} {d}", "{d} {M} {y}", "{M} {y}", "{W} the {d}th", "the past {n} days", "{n} {u}s ago",
             "the next {n} {u}s", "from {d} {M} to the {d2}th", "between {y} and mid-{y2}", "{y}-{mm}-{dd}",
             "{y}{mm}{dd}", "Q{q} {y}", "early {y}", "{H} {y}", "the first {W} of {M}", "{n} days after {H}",
             "by the end of the {u}", "the week ending {M} {d}", "the {d}th of {M}", "on {W}", "last {u}",
             "{M} last year", "{M} {d} to {d2}", "{M} {d}, {y}", "{W}, {M} {d}", "late {M} {y}",
             "the last week of {M} {y}", "{n} weeks before {H} {y}", "in the summer of {y}", "next {W}"]


SENTENCE = ("More than 30 countries signed the statement on Tuesday, while an estimated 1,200 delegates "
            "and about 60 heads of state attended the two-day summit, which cost $2bn.")


def phrases(n: int, seed: int = 0) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        h = rnd.choice(HEDGES)
        num = rnd.choice(NUMBERS)
        if h == "between ":
            num = f"{rnd.randint(1, 50)} and {rnd.randint(51, 500)}"
        out.append(h + num + rnd.choice(NOUNS))
    return out


def date_phrases(n: int, seed: int = 0) -> list[str]:
    """n distinct date phrases from TEMPLATES (none repeats: what a cache keyed on the phrase cannot help)."""
    rnd = random.Random(seed)
    out: dict[str, None] = {}
    for _ in range(100 * n):               # the templates hold millions of phrases; stop anyway
        if len(out) >= n:
            break
        d = rnd.randint(1, 27)
        y = rnd.randint(1990, 2030)
        parts = dict(M=rnd.choice(MONTHS), d=d, d2=d + rnd.randint(1, 3), y=y, y2=y + rnd.randint(1, 3),
                     W=rnd.choice(WEEKDAYS), n=rnd.choice(COUNTS), u=rnd.choice(UNITS), q=rnd.randint(1, 4),
                     H=rnd.choice(HOLIDAYS), mm=f"{rnd.randint(1, 12):02d}", dd=f"{d:02d}")
        out[rnd.choice(TEMPLATES).format(**parts)] = None
    return list(out)


def rate(fn, items, repeat: int = 3) -> float:
    """Best of `repeat` runs, items per second of this process's CPU time (time.process_time): on a
    shared, loaded machine wall time counts the other processes too; CPU time is what one core spends."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t)
    return len(items) / max(best, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    args = ap.parse_args()
    rs = default_ruleset()
    items = phrases(args.n)
    parse_quantity(items[0], rs)  # compile the vocabulary outside the timing
    misses = sum(parse_quantity(p, rs) is None for p in items)
    print(f"parse_quantity: {rate(lambda p: parse_quantity(p, rs), items):,.0f} phrases/s "
          f"over {len(items)} phrases ({misses} unparsed)")
    sents = [SENTENCE] * max(1, args.n // 10)
    print(f"find_quantities: {rate(lambda s: find_quantities(s, rs), sents):,.0f} sentences/s "
          f"({len(find_quantities(SENTENCE, rs))} quantities per {len(SENTENCE)}-char sentence)")
    try:
        from claimcheck.dates import parse_date
    except ImportError:
        print("parse_date: claimcheck.dates not available, skipped")
        return
    dates = [DATES[i % len(DATES)] for i in range(args.n)]
    ref = date(2025, 2, 11)   # relative expressions resolve against a publication day
    try:
        parse_date(dates[0], reference=ref)
        print(f"parse_date: {rate(lambda p: parse_date(p, reference=ref), dates):,.0f} phrases/s over {len(dates)} phrases"
              f" (the {len(DATES)} of DATES in turn)")
        distinct = date_phrases(args.n)
        print(f"parse_date: {rate(lambda p: parse_date(p, reference=ref), distinct):,.0f} phrases/s over "
              f"{len(distinct)} distinct phrases ({sum(parse_date(p, reference=ref) is None for p in distinct)} unread)")
    except Exception as e:  # another module's work in progress must not break this script
        print(f"parse_date: failed ({type(e).__name__}: {e})")


if __name__ == "__main__":
    main()
