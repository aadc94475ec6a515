"""Compare the claims of one fact and say where they disagree (DESIGN.md section 5).

contradiction (error): the literal readings cannot both be true (disjoint intervals or date spans,
                       "attended" vs "did not attend").
mismatch (warning):    literally compatible, but what a reader takes away differs ("58" vs "more than 30").
update (info):         a running figure (a toll) that a later day's article gives higher.
Claims with the same value are compared once, as a group, so "3 say 58, 1 says more than 30" is one
finding per disagreeing pair of values, listing only the claims that disagree.
"""
from __future__ import annotations

import hashlib
import math
from typing import Callable, Optional

from .models import Claim, DateSpan, Discrepancy, Fact, Quantity, RuleSet
from .rules import render_message

INF = math.inf
EXACT_KINDS = ("age",)   # "60" years old is never a rounding of 61 (issue 8)
NEAR = 0.1   # hedged figures this close are a mismatch, not a contradiction ("nearly 100" vs "over 100")


# ------------------------------------------------------------------ readings


def _bounds(low, high, low_inc, high_inc) -> tuple[float, float, bool, bool]:
    return (-INF if low is None else low, INF if high is None else high,
            low_inc if low is not None else False, high_inc if high is not None else False)


def literal(q: Quantity) -> tuple:
    return _bounds(q.low, q.high, q.low_inclusive, q.high_inclusive)


def expected(q: Quantity) -> tuple:
    if q.expected_low is None and q.expected_high is None:
        return literal(q)
    return _bounds(q.expected_low, q.expected_high, q.expected_low_inclusive, q.expected_high_inclusive)


def widen(iv: tuple, tolerance: float) -> tuple:
    lo, hi, li, hi_inc = iv
    if tolerance <= 0:
        return iv
    return (lo - abs(lo) * tolerance if lo != -INF else lo, hi + abs(hi) * tolerance if hi != INF else hi, True, True)


def disjoint(a: tuple, b: tuple) -> bool:
    """Do two intervals (low, high, low_inclusive, high_inclusive) share no point?"""
    (alo, ahi, ali, ahi_i), (blo, bhi, bli, bhi_i) = a, b
    if ahi < blo or bhi < alo:
        return True
    if ahi == blo and not (ahi_i and bli):
        return True
    if bhi == alo and not (bhi_i and ali):
        return True
    return False


def touching(a: tuple, b: tuple) -> bool:
    """Do two readings of hedged figures share only an edge ("more than 220,000" reads as (220,000,
    230,000], "at least 230,000" as [230,000, 240,000])? Two ranges a reader takes away, not one."""
    (alo, ahi, _, _), (blo, bhi, _, _) = a, b
    if alo == ahi or blo == bhi or INF in (abs(alo), abs(ahi), abs(blo), abs(bhi)):
        return False
    return ahi == blo or bhi == alo


def is_round(q: Quantity) -> bool:
    """A figure written round ("$13 billion", "60", "1,000") may be a rounding of a precise one."""
    if q.value is None or q.low != q.high:
        return False
    v = abs(q.value)
    if v >= 1000:
        mantissa = v / 10 ** (len(str(int(v))) - 2)      # two significant digits
        return float(mantissa).is_integer()
    return v >= 10 and v % 10 == 0


def fmt_number(x: float) -> str:
    if x in (INF, -INF):
        return "∞" if x > 0 else "-∞"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_interval(iv: tuple) -> str:
    lo, hi, li, hi_i = iv
    if lo == hi:
        return fmt_number(lo)
    return ("[" if li else "(") + fmt_number(lo) + ", " + fmt_number(hi) + ("]" if hi_i else ")")


def value_text(c: Claim) -> str:
    """How a claim's value reads in a message: the words as written ("more than 30"), or the date."""
    if c.measure and ("base_unit" in c.measure or "start_minute" in c.measure):
        return c.text.strip()        # a measure with its unit ("about 135 km"), a clock time as written
    if c.quantity is not None:
        return c.quantity.text.strip() or fmt_interval(literal(c.quantity))
    if c.date is not None:
        if c.date.relative and c.date.resolved and c.date.start:
            return f"{c.date.text.strip()} ({_fmt_span(c.date)})"
        return c.date.text.strip()
    if c.polarity is not None:
        return ("" if c.polarity else "not ") + (c.predicate or "")
    if c.kind == "place":
        return c.text.strip()        # the place as written ("Indonesia's West Papua province", "west of Aden")
    return c.custom_value or c.text


def value_key(c: Claim) -> tuple:
    if c.kind == "place" and c.measure:
        # "near The Geysers" and "in the Geysers area" are one place told two ways: compared apart
        return ("pl", (c.custom_value or c.text).lower(), c.measure.get("preposition") in NEAR_WORDS)
    if c.kind == "name":
        return ("n", c.custom_value or c.text)   # spelling is the value: "LuAnn" is not "Luann"
    if c.measure and "start_minute" in c.measure:
        return ("tm", c.measure["start_minute"], c.measure["end_minute"], c.measure.get("zone", ""))
    if c.measure and "base_unit" in c.measure and c.quantity is not None:
        return ("m", c.measure.get("unit")) + literal(c.quantity) + expected(c.quantity)
    if c.quantity is not None:
        return ("q",) + literal(c.quantity) + expected(c.quantity)
    if c.date is not None:
        return ("d", c.date.start, c.date.end)
    if c.polarity is not None:
        return ("p", c.polarity)
    return ("t", (c.custom_value or c.text).lower())


def comparable(c: Claim) -> bool:
    if c.measure and "start_minute" in c.measure:
        return True
    if c.date is not None:
        return bool(c.date.resolved and c.date.start and c.date.end)
    return c.quantity is not None or c.polarity is not None or c.custom_value is not None


# ------------------------------------------------------------------ one pair of values


def compare_values(a: Claim, b: Claim, tolerance: float = 0.0) -> Optional[tuple[str, str]]:
    """(code, explanation) when the two claims disagree, else None."""
    if a.measure and b.measure:
        kinds = compare_measures(a, b)
        if kinds != SAME_UNIT:
            return kinds
    if a.quantity is not None and b.quantity is not None:
        la, lb = widen(literal(a.quantity), tolerance), widen(literal(b.quantity), tolerance)
        va, vb = value_text(a), value_text(b)
        near = not disjoint(widen(la, NEAR), widen(lb, NEAR))
        loose = a.quantity.hedge or b.quantity.hedge or a.quantity.approximate or b.quantity.approximate \
            or ((is_round(a.quantity) or is_round(b.quantity)) and a.kind not in EXACT_KINDS)
        if disjoint(la, lb) and near and loose:
            return "mismatch", (f"{va!r} means {fmt_interval(la)} and {vb!r} means {fmt_interval(lb)}: strictly they "
                                "exclude each other, but they are within 10% and one is hedged or a round figure.")
        if disjoint(la, lb):
            return "contradiction", (f"{va!r} means {fmt_interval(la)} and {vb!r} means {fmt_interval(lb)}: "
                                     "no number satisfies both, so at least one is wrong.")
        ea, eb = widen(expected(a.quantity), tolerance), widen(expected(b.quantity), tolerance)
        if disjoint(ea, eb):
            return "mismatch", (f"Both can be literally true, but {va!r} reads as {fmt_interval(ea)} and {vb!r} "
                                f"reads as {fmt_interval(eb)}: a reader takes away different numbers.")
        if touching(ea, eb):
            return "mismatch", (f"Both can be literally true, but {va!r} reads as {fmt_interval(ea)} and {vb!r} "
                                f"reads as {fmt_interval(eb)}: they share only their edge, so a reader takes away "
                                "different numbers.")
        return None
    if a.date is not None and b.date is not None:
        da, db = a.date, b.date
        if da.end < db.start or db.end < da.start:
            return "contradiction", (f"{a.date.text!r} is {_fmt_span(da)} and {b.date.text!r} is {_fmt_span(db)}: "
                                     "the spans do not overlap.")
        a_in_b = db.start <= da.start and da.end <= db.end
        b_in_a = da.start <= db.start and db.end <= da.end
        if not (a_in_b or b_in_a):
            return "mismatch", (f"{a.date.text!r} ({_fmt_span(da)}) and {b.date.text!r} ({_fmt_span(db)}) overlap "
                                "but neither contains the other.")
        return None
    if a.polarity is not None and b.polarity is not None:
        if a.polarity != b.polarity:
            yes, no = (a, b) if a.polarity else (b, a)
            return "contradiction", (f"One article says {yes.subject} {yes.predicate}ed ({yes.text!r}); "
                                     f"another says they did not ({no.text!r}).")
        return None
    if a.custom_value is not None and b.custom_value is not None:
        if a.custom_value.strip().lower() != b.custom_value.strip().lower():
            return "contradiction", f"{a.custom_value!r} differs from {b.custom_value!r}."
    return None


# ------------------------------------------------------------------ names (kind `name`)

# rapidfuzz ratio (0-100, on lower case) from which two different given names of one surname are one
# name misspelled rather than two names. Set between what the ECB+ gold and the examples call
# misspellings ("Jon" / "John" 86, "Gregg" / "Greg" 89, "Salahaddin" / "Salahuddin" 90, "Anthony" /
# "Antony" 92) and what they call different names: of one person, left to `nicknames:` and short forms
# ("Katie" / "Kathryn" 50, "Bill" / "William" 55, "Ben" / "Benjamin" 55), or of two people of one
# surname ("Tom" / "Tim" 67, "Mark" / "Marty" 67). Case-only differences ("LuAnn" / "Luann", "LaSalle"
# / "Lasalle": the gold's two name discrepancies) are flagged whatever the threshold.
NAME_SPELLING_THRESHOLD = 80
# surnames shorter than this that differ between two articles ("Mo" / "Moe", "Li" / "Lee") are a
# finding only when an article itself tied the short one to the person ("Lisa Su" ... "Lu said":
# `variant_of`); on ECB+ the one such pair without that tie was a nickname ("Mo" for Doug Moe)
SHORT_SURNAME = 4


def compare_names(a: Claim, b: Claim, ruleset: RuleSet) -> Optional[tuple[str, str]]:
    """Two spellings of one person's name (claims of kind `name` with the same person key): a
    contradiction when a word of the name is spelled differently ("LuAnn" / "Luann", "LaSalle" /
    "Lasalle", "Su" / "Lu"); consistent when one is a short form of the other (a nickname from
    `nicknames:`, a given name that begins the other, an initial, a missing middle name)."""
    na, nb = a.measure or {}, b.measure or {}
    if na.get("org") or nb.get("org"):
        return compare_organisations(a, b, ruleset) if na.get("org") and nb.get("org") else None
    ga, gb = (na.get("given") or "").split(), (nb.get("given") or "").split()
    sa, sb = na.get("surname") or a.text, nb.get("surname") or b.text
    firsts = (ga[0], gb[0]) if ga and gb else None
    if firsts and not _one_given_name(*firsts, ruleset) and _ratio(*firsts) < NAME_SPELLING_THRESHOLD:
        return None          # "Tom Russell" / "Mark Russell": two people of one surname, nothing to compare
    if not _same_spelling(sa, sb) and min(len(sa), len(sb)) < SHORT_SURNAME \
            and not (na.get("variant_of") or nb.get("variant_of")):
        return None          # "Mo" / "Doug Moe" in two articles: too short to tell a misspelling from another name
    if not _same_spelling(sa, sb):
        return "contradiction", (f"{a.text!r} and {b.text!r} name one person (the same "
                                 f"{'role and ' if na.get('role') and nb.get('role') else ''}given name or the "
                                 f"same surname but for one letter) but spell the surname {sa!r} / {sb!r}.")
    for x, y in zip(ga, gb):
        if _same_spelling(x, y) or _short_form(x, y, ruleset) or _short_form(y, x, ruleset):
            continue
        if x.lower() == y.lower() or _ratio(x, y) >= NAME_SPELLING_THRESHOLD:
            return "contradiction", (f"{a.text!r} and {b.text!r} name one person (surname {sa!r}) but spell "
                                     f"a given name {x!r} / {y!r}.")
    return None


def compare_organisations(a: Claim, b: Claim, ruleset: RuleSet) -> Optional[tuple[str, str]]:
    """Two spellings of one organisation's name (kind `name`, measure["org"], one key): the same name
    when they differ only in case, spacing ("TallGrass" / "Tall Grass"), a company word ("Ltd." /
    "Limited", or none) or a missing last word ("Fiji Island Auto" / "Fiji Island Auto Repair"); a
    contradiction when a word is misspelled (rapidfuzz ratio NAME_SPELLING_THRESHOLD or more:
    "Distribution" / "Distributors", "Islands" / "Island"); two organisations (nothing to compare)
    when a word is another word."""
    suffixes = {w.lower().rstrip("."): canon for canon, ws in (ruleset.extra.get("org_suffixes") or {}).items()
                for w in [canon] + list(ws or [])}

    def words(c: Claim) -> list[str]:
        ws = [w.lower().rstrip(".,") for w in ((c.measure or {}).get("words") or (c.custom_value or c.text).split())]
        return [w for w in ws if w not in suffixes]
    wa, wb = words(a), words(b)
    if "".join(wa) == "".join(wb):
        return None
    if wa[:len(wb)] == wb or wb[:len(wa)] == wa:
        return None          # one told shorter: "Fiji Island Auto" / "Fiji Island Auto Repair"
    for x, y in zip(wa, wb):
        if x == y:
            continue
        if _ratio(x, y) >= NAME_SPELLING_THRESHOLD:
            return "contradiction", (f"{a.text!r} and {b.text!r} name one organisation but spell a word of it "
                                     f"{x!r} / {y!r}.")
        return None          # another word: another organisation of a like name
    return None


def _same_spelling(x: str, y: str) -> bool:
    """Equal as written; a word in capitals ("LASALLE", a headline) says nothing about its case."""
    return x == y or ((x.isupper() or y.isupper()) and x.lower() == y.lower())


def _ratio(x: str, y: str) -> float:
    from rapidfuzz import fuzz
    return fuzz.ratio(x.lower(), y.lower())


def _short_form(short: str, full: str, ruleset: RuleSet) -> bool:
    """"J." / "John", "Ben" / "Benjamin", "Bill" / "William" (`nicknames:`)."""
    s, f = short.lower().rstrip("."), full.lower().rstrip(".")
    if len(s) == 1 and f.startswith(s):
        return True
    if len(s) >= 3 and f.startswith(s) and len(f) - len(s) >= 2:
        return True          # "Ben" / "Benjamin"; but "Greg" / "Gregg" is one letter: a misspelling
    nick = {k.lower(): {v.lower() for v in vs} for k, vs in (ruleset.extra.get("nicknames") or {}).items()}
    return s in nick.get(f, ())


def _one_given_name(x: str, y: str, ruleset: RuleSet) -> bool:
    return _same_spelling(x, y) or x.lower() == y.lower() or _short_form(x, y, ruleset) or _short_form(y, x, ruleset)
# ------------------------------------------------------------------ places and ranks (extract/places.py, things.py)

# Two directions from one place this many degrees apart or more cannot both be right ("east of
# Aden" / "west of Aden": 180; "north" / "east": 90); closer ones are one direction told at two
# precisions ("north" / "north-east": 45). Between the two (67.5: "north-northeast" / "east"): a mismatch.
DIRECTION_APART = 90.0
DIRECTION_NEAR = 45.0
# A place name one edit from another of at least this many letters is the same place misspelled
# ("Alexandra" / "Alexandria"), not another place (a place's spelling is not what this kind compares)
PLACE_SPELLING_LETTERS = 6


def place_containers(claims: list[Claim]) -> dict[str, set[str]]:
    """place key -> the places the claims' own sentences put it in ("Manokwari, the capital of West
    Papua", "Indonesia's West Papua province", "Merthyr Tydfil, South Wales"), transitively."""
    up: dict[str, set[str]] = {}
    for c in claims:
        m = c.measure or {}
        chain = [m.get("key", "")] + [_place_key(w) for w in reversed(m.get("within") or [])]
        for i, k in enumerate(chain[:-1]):
            if k:
                up.setdefault(k, set()).update(x for x in chain[i + 1:] if x)
        for k, holders in (m.get("known") or {}).items():     # what its article says elsewhere
            up.setdefault(k, set()).update(holders)
    for _ in range(3):          # a chain of three "in"s at most (a street, a town, a county, a state)
        for k in list(up):
            for x in list(up[k]):
                up[k] |= up.get(x, set())
    return up


def _place_key(name: str) -> str:
    import re
    s = re.sub(r"[.'\u2019]", "", name.lower())
    return re.sub(r"^the\s+", "", re.sub(r"[-\s]+", " ", s).strip())


def compare_places(a: Claim, b: Claim, containers: dict[str, set[str]]) -> Optional[tuple[str, str]]:
    """Two places one property of one event (or of one person) is given: a contradiction when they
    cannot both hold (two directions 90 degrees apart or more, offshore / on land, two places of one
    stated type, two towns of one region); none for a part and its whole ("near The Geysers" / "in
    the Geysers area", "Manokwari" / "West Papua" when an article puts the one in the other, "West
    Papua" / "Papua" without a type); a mismatch when the places differ and no article says one
    holds the other."""
    ma, mb = a.measure or {}, b.measure or {}
    if "bearing" in ma and "bearing" in mb:
        gap = abs(float(ma["bearing"]) - float(mb["bearing"])) % 360
        gap = min(gap, 360 - gap)
        if gap >= DIRECTION_APART:
            return "contradiction", (f"{a.text!r} and {b.text!r} put it {gap:g} degrees apart from one place: "
                                     "both cannot be right.")
        if gap > DIRECTION_NEAR:
            return "mismatch", f"{a.text!r} and {b.text!r} are {gap:g} degrees apart: more than one rounding."
        return None
    if "offshore" in ma and "offshore" in mb:
        if ma["offshore"] != mb["offshore"]:
            return "contradiction", f"{a.text!r} puts it {ma['key']}, {b.text!r} {mb['key']}."
        return None
    ka, kb = _settled(ma, containers), _settled(mb, containers)
    if not ka or not kb or ka == kb or _near_spelling(ka, kb):
        return None
    if ma.get("preposition") in NEAR_WORDS or mb.get("preposition") in NEAR_WORDS:
        return None             # "near Clearlake" / "in the Geysers area": "near" is too loose to disagree
    if kb in containers.get(ka, ()) or ka in containers.get(kb, ()):
        return None             # a part and its whole, as an article says
    ta, tb = ma.get("type", ""), mb.get("type", "")
    wa, wb = set(ka.split()), set(kb.split())
    if ta and ta == tb:
        return "contradiction", (f"{a.text!r} and {b.text!r} name two {ta}s for one {a.predicate or 'place'}: "
                                 "a place of one type is not in another of that type.")
    if wa <= wb or wb <= wa:
        return None             # "Papua" / "West Papua", "Wales" / "South Wales": maybe a part and its whole
    if a.predicate == "hit":
        return None             # an event hits many places: only two of one stated type disagree
    if ma.get("region") != mb.get("region"):
        # a town and a region (`countries:`, `regions:`, `macro_regions:`) neither article relates, or
        # regions of two levels (a county and a country): maybe a part and its whole
        return None
    pa, pb = containers.get(ka, set()), containers.get(kb, set())
    if pa & pb:
        return "contradiction", (f"{a.text!r} and {b.text!r} are two places in {sorted(pa & pb)[0].title()}: "
                                 "neither is in the other.")
    return "mismatch", (f"{a.text!r} and {b.text!r} are different places, and no article says one is in the "
                        "other.")


# Prepositions that say only that it was near a place: two such places can both be right
NEAR_WORDS = ("near", "close to", "around", "outside")
# Words that end an address, not a settlement ("Newton Street"): compared by the town that holds it
ADDRESS_WORDS = ("street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "boulevard", "blvd", "way",
                 "close", "crescent", "terrace", "place", "square", "highway")


def _settled(m: dict, containers: dict[str, set[str]]) -> str:
    """A place's key, or for an address ("Newton Street, Millom") the key of the town that holds
    it, or "" (nothing to compare: a street of an unknown town)."""
    key = m.get("key", "")
    if key.split() and key.split()[-1] in ADDRESS_WORDS:
        within = [_place_key(w) for w in m.get("within") or []]
        return within[-1] if within else ""
    return key


def _near_spelling(x: str, y: str) -> bool:
    from rapidfuzz.distance import OSA
    return min(len(x), len(y)) >= PLACE_SPELLING_LETTERS and OSA.distance(x, y) <= 1


def compare_titles(a: Claim, b: Claim) -> Optional[tuple[str, str]]:
    """Two ranks of one person: a contradiction unless one is the other shortened ("Lieutenant
    Colonel" / "Colonel": the same last word)."""
    if a.predicate == "post":
        return _compare_posts(a, b)
    ra, rb = (a.custom_value or "").lower().split(), (b.custom_value or "").lower().split()
    if not ra or not rb or ra[-1] == rb[-1]:
        return None
    ga, gb = ((x.measure or {}).get("given", "").lower() for x in (a, b))
    if ga and gb and ga[0] != gb[0]:
        return None          # "Capt. John Smith" / "Lt. Mary Smith": two people of one surname
    return "contradiction", (f"{a.text!r} and {b.text!r} give one person (person key {a.subject!r}) two ranks: "
                             f"{a.custom_value} / {b.custom_value}.")


def _compare_posts(a: Claim, b: Claim) -> Optional[tuple[str, str]]:
    """Two units of one person's post ("Global Business Units" / "products division"): a mismatch
    when they share no word (a unit word aside), else one unit told two ways."""
    import re
    generic = {"unit", "units", "division", "divisions", "group", "business", "businesses", "department", "the"}
    def words(c: Claim) -> set[str]:
        return {w.rstrip("s") for w in re.findall(r"[a-z]+", (c.custom_value or "").lower())} - {g.rstrip("s") for g in generic}
    wa, wb = words(a), words(b)
    if not wa or not wb or wa & wb:
        return None
    return "mismatch", (f"{a.text!r} and {b.text!r} are the units of one person's post "
                        f"({(a.measure or {}).get('person', a.subject)}) and share no word.")


# ------------------------------------------------------------------ measures and clock times (issue 8)

SAME_UNIT = ("same-unit",)   # measures written in one unit compare as plain numbers (the branch above)
CLOCK_ROUNDING = 2           # minutes: "8.40am" and "8.39am" are one time written round (ECB+ gold)
CLOCK_NEAR = 10              # minutes: times this close disagree only as a mismatch


def compare_measures(a: Claim, b: Claim):
    """Measures in base units, rounding allowed for a conversion (64 km ~ 40 miles); clock times as
    intervals of minutes, in UTC when both zones are known. SAME_UNIT when the plain numbers decide."""
    ma, mb = a.measure, b.measure
    if "start_minute" in ma and "start_minute" in mb:
        return _compare_clock(a, b)
    if "base_unit" not in ma or "base_unit" not in mb:
        return SAME_UNIT
    if ma["base_unit"] != mb["base_unit"]:
        return None                       # not the same dimension: nothing to compare
    ra, rb = float(ma.get("rounding") or 0.0), float(mb.get("rounding") or 0.0)
    if ma.get("unit") == mb.get("unit") and a.quantity is not None and b.quantity is not None:
        if ra == rb:
            return SAME_UNIT     # one unit, one precision: "6 km" and "7 km" compare as numbers
        # one unit, two precisions: the coarser may round the finer ("one mile" ~ "1.2 miles"),
        # unless a hedge already says how rounded it is ("about 20 miles" is 18 to 22, not 16 to
        # 24: padding a hedged figure again would make "about 20" and "about 26" one distance)
        coarse = a if ra > rb else b
        ra, rb = (ra, 0.0) if ra > rb else (0.0, rb)
        if coarse.quantity.approximate:
            ra = rb = 0.0
    la = _bounds(ma.get("base_low"), ma.get("base_high"), True, True)
    lb = _bounds(mb.get("base_low"), mb.get("base_high"), True, True)
    wa, wb = _pad(la, ra), _pad(lb, rb)
    va, vb = value_text(a), value_text(b)
    unit = ma["base_unit"]
    if disjoint(wa, wb):
        return "contradiction", (f"{va!r} is {fmt_interval(la)} {unit} and {vb!r} is {fmt_interval(lb)} {unit}: "
                                 "even allowing for rounding, they do not overlap.")
    ea = _pad(_bounds(ma.get("base_expected_low"), ma.get("base_expected_high"), True, True), ra)
    eb = _pad(_bounds(mb.get("base_expected_low"), mb.get("base_expected_high"), True, True), rb)
    if disjoint(ea, eb):
        return "mismatch", (f"Both can be literally true, but {va!r} reads as {fmt_interval(ea)} {unit} and {vb!r} "
                            f"as {fmt_interval(eb)} {unit}.")
    return None


def _pad(iv: tuple, step: float) -> tuple:
    lo, hi, li, hi_i = iv
    return (lo - step, hi + step, True, True) if step else iv


def _compare_clock(a: Claim, b: Claim):
    ma, mb = a.measure, b.measure
    za, zb = ma.get("zone") or "", mb.get("zone") or ""
    sa, ea, sb, eb = ma["start_minute"], ma["end_minute"], mb["start_minute"], mb["end_minute"]
    if za != zb:
        oa, ob = ma.get("utc_offset"), mb.get("utc_offset")
        if oa is not None and ob is not None:
            sa, ea, sb, eb = sa - oa, ea - oa, sb - ob, eb - ob     # both to UTC
        elif (za and oa == 0) or (zb and ob == 0):
            return None      # "7:48 a.m." against "2248 GMT": one is local, one is UTC
    gap = _clock_gap(sa, ea, sb, eb)
    va, vb = value_text(a), value_text(b)
    if gap == 0:
        return None
    round_a = ma["start_minute"] % 5 == 0 or ma["end_minute"] % 5 == 0
    round_b = mb["start_minute"] % 5 == 0 or mb["end_minute"] % 5 == 0
    if gap <= CLOCK_ROUNDING and (round_a or round_b):
        return None
    if gap <= CLOCK_NEAR or ":" not in ma.get("clock", ":") or ":" not in mb.get("clock", ":"):
        # a part of the day ("Wednesday night") is vague: against a clock time it is only a mismatch
        return "mismatch", f"{va!r} and {vb!r} are {gap} minutes apart: close, or one is vague, but not the same time."
    return "contradiction", f"{va!r} and {vb!r} are {gap} minutes apart: they cannot be one moment."


def _clock_gap(sa: float, ea: float, sb: float, eb: float) -> int:
    """Minutes between two clock intervals, around the clock (23:50 and 00:05 are 15 apart)."""
    best = None
    for shift in (-1440, 0, 1440):
        lo, hi = sb + shift, eb + shift
        gap = 0 if not (hi < sa or ea < lo) else min(abs(sa - hi), abs(lo - ea))
        best = gap if best is None else min(best, gap)
    return int(round(best))


def _fmt_span(d: DateSpan) -> str:
    if d.start == d.end:
        return d.start.isoformat()
    return f"{d.start.isoformat()}..{d.end.isoformat()}"


# ------------------------------------------------------------------ one fact


def discrepancy_id(fact: Fact, code: str, claims: list[Claim]) -> str:
    """Stable across reruns: the fact's kind and predicate plus the disagreeing claims' own ids."""
    key = "|".join([fact.kind, code] + sorted(c.id for c in claims))
    return "D" + hashlib.sha1(key.encode()).hexdigest()[:10]


def compare_fact(fact: Fact, claims: list[Claim], ruleset: RuleSet, rule_severity: dict[str, str] | None = None,
                 published: dict | None = None) -> list[Discrepancy]:
    """Discrepancies between the value groups of one fact. A claim rule's own `tolerance`,
    `severity` and `message` win over the per-kind settings."""
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        if comparable(c):
            groups.setdefault(value_key(c), []).append(c)
    keys = list(groups)
    if len(keys) < 2:
        return []
    rules_of = {r.get("id"): r for r in ruleset.claims if isinstance(r, dict)}
    own = [rules_of[c.rule] for c in claims if c.rule in rules_of]
    tolerance = float(ruleset.tolerances.get(fact.kind, 0.0) or 0.0) if fact.kind not in ("count", "date") else 0.0
    tolerances = [float(r["tolerance"]) for r in own if r.get("tolerance") is not None]
    if tolerances:
        tolerance = max(tolerances)
    template = next((r["message"] for r in own if r.get("message")), None)
    values = " / ".join(_summarise(groups[k]) for k in keys)
    containers = place_containers(claims) if fact.kind == "place" else {}
    n_articles = len({c.article for c in claims})
    out = []
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            ga, gb = groups[keys[i]], groups[keys[j]]
            if fact.kind == "name":
                res = compare_names(ga[0], gb[0], ruleset)
            elif fact.kind == "place":
                res = compare_places(ga[0], gb[0], containers)
            elif fact.kind == "title":
                res = compare_titles(ga[0], gb[0])
            else:
                res = compare_values(ga[0], gb[0], tolerance)
            severity = ""
            if res is not None:
                code, why = res
                severity = "error" if code == "contradiction" else "warning"
                severity = ruleset.severities.get(f"{fact.kind}.{code}", ruleset.severities.get(code, severity))
                for c in ga + gb:
                    if rule_severity and c.rule in rule_severity:
                        severity = rule_severity[c.rule]
            # one finding per disagreeing pair of claims: a finding never lists two claims that agree
            for a in ga:
                for b in gb:
                    if a.article == b.article:
                        continue    # an article is not compared with itself
                    rise = update_of(a, b, ruleset, published or {})
                    if rise is not None:
                        out.append(_update(fact, rise, published or {}, ruleset))
                        continue    # a toll that rose by a later day's paper is news, not a discrepancy
                    if res is None:
                        continue
                    arts = len({a.article, b.article})
                    msg = ((f"{n_articles} articles disagree on {fact.label}: " if arts > 1
                            else f"One article contradicts itself on {fact.label}: ")
                           + f"{value_text(a)} vs {value_text(b)}"
                           + (f" (all values: {values})" if len(keys) > 2 or len(ga) + len(gb) > 2 else ""))
                    if template:
                        msg = render_message(template, n=n_articles, values=values, label=fact.label,
                                             kind=fact.kind, predicate=a.predicate, subject=a.subject,
                                             object=a.object, unit=a.unit, rule=a.rule)
                    out.append(Discrepancy(id=discrepancy_id(fact, code, [a, b]), fact=fact.id, code=code,
                                           severity=severity, claims=[a.id, b.id], message=msg,
                                           explanation=why))
    return out


def update_of(a: Claim, b: Claim, ruleset: RuleSet, published: dict) -> Optional[tuple[Claim, Claim]]:
    """(earlier, later) when the later article's figure is a rise on the earlier one's, for a count
    that only grows (a death toll: `cumulative: true`); else None. Articles of the same day, or a
    later figure that is lower, are compared as usual."""
    if a.quantity is None or b.quantity is None:
        return None
    if not (ruleset.verb_classes.get(a.predicate.split()[0]) or {}).get("cumulative"):
        return None
    da, db = published.get(a.article), published.get(b.article)
    if not da or not db or da == db:
        return None
    early, late = (a, b) if da < db else (b, a)
    lo_early = early.quantity.low if early.quantity.low is not None else -INF
    lo_late = late.quantity.low if late.quantity.low is not None else -INF
    return (early, late) if lo_late > lo_early else None


def is_update(a: Claim, b: Claim, ruleset: RuleSet, published: dict) -> bool:
    return update_of(a, b, ruleset, published) is not None


def _update(fact: Fact, rise: tuple[Claim, Claim], published: dict, ruleset: RuleSet) -> Discrepancy:
    early, late = rise
    de, dl = published[early.article].isoformat(), published[late.article].isoformat()
    severity = ruleset.severities.get(f"{fact.kind}.update", ruleset.severities.get("update", "info"))
    return Discrepancy(
        id=discrepancy_id(fact, "update", [early, late]), fact=fact.id, code="update", severity=severity,
        claims=[early.id, late.id],
        message=f"Update on {fact.label}: {value_text(early)} ({de}) rose to {value_text(late)} ({dl})",
        explanation=(f"A running figure ({early.predicate} counts only grow): the article of {dl} gives "
                     f"{value_text(late)!r}, higher than {value_text(early)!r} in the article of {de}. "
                     "Listed as an update, not a disagreement; a later lower figure would be one."))


def _summarise(group: list[Claim]) -> str:
    n = len({c.article for c in group})
    return f"{value_text(group[0])}" + (f" ({n} articles)" if n > 1 else "")


def compare(facts: list[Fact], claims_by_id: dict[str, Claim], ruleset: RuleSet,
            published: dict | None = None) -> list[Discrepancy]:
    rule_severity = {r["id"]: r["severity"] for r in ruleset.claims if isinstance(r, dict) and r.get("id") and r.get("severity")}
    out = []
    for f in facts:
        ds = compare_fact(f, [claims_by_id[i] for i in f.claims], ruleset, rule_severity, published or {})
        if ds:
            f.status = "discrepancy"
        out.extend(ds)
    return out


def apply_suppressions(discrepancies: list[Discrepancy], facts: list[Fact], claims_by_id: dict[str, Claim],
                       ruleset: RuleSet) -> None:
    """Mark (never drop) discrepancies the user accepted, by id or by fact and article."""
    facts_by_id = {f.id: f for f in facts}
    for d in discrepancies:
        for s in ruleset.suppressions:
            if not isinstance(s, dict):
                continue
            hit = False
            if s.get("discrepancy") and s["discrepancy"] == d.id:
                hit = True
            elif s.get("fact"):
                f = facts_by_id.get(d.fact)
                fact_hit = f is not None and (s["fact"] == f.id or s["fact"].lower() in f.label.lower())
                art = s.get("article")
                art_hit = not art or any(claims_by_id[c].article == art for c in d.claims)
                hit = fact_hit and art_hit
            if hit:
                d.suppressed = True
                d.suppressed_reason = s.get("reason", "")
                break


# ------------------------------------------------------------------ canonical facts from the user's rules


def apply_canonical(facts: list[Fact], claims_by_id: dict[str, Claim], ruleset: RuleSet,
                    compatible: Callable[[Claim, Claim], tuple] = lambda a, b: (True, 0.0, "")) -> list[Discrepancy]:
    """Check every claim of a fact against a user-declared canonical value (rules `canonical:`).

    `compatible(canonical, claim)` says whether a claim states the canonical fact's subject and object;
    the pipeline passes alignment's own test (compare never imports align, DESIGN.md section 1)."""
    from .dates import parse_date
    from .quantities import parse_quantity

    out: list[Discrepancy] = []
    if not ruleset.canonical:
        return out
    for entry in ruleset.canonical:
        if not isinstance(entry, dict):
            continue
        kind = entry.get("kind", "count")
        raw = str(entry.get("value", ""))
        ref = Claim(id="canonical:" + str(entry.get("id", raw)), article="(canonical)", kind=kind, text=raw,
                    quote=str(entry.get("source", "")), start=0, end=0, subject=entry.get("subject", ""),
                    predicate=entry.get("predicate", ""), object=entry.get("object", ""),
                    unit=entry.get("unit", ""), rule="canonical")
        if kind == "date":
            if ".." in raw:
                a, b = raw.split("..", 1)
                da, db = parse_date(a.strip()), parse_date(b.strip())
                ref.date = DateSpan(da.start, db.end, "range", text=raw) if da and db else None
            else:
                ref.date = parse_date(raw)
        elif kind in ("attendance", "signing"):
            ref.polarity = bool(entry.get("polarity", True))
        else:
            ref.quantity = parse_quantity(raw)
            if ref.quantity is None:
                ref.custom_value = raw
        if ref.quantity is None and ref.date is None and ref.polarity is None and ref.custom_value is None:
            continue
        for f in facts:
            members = [claims_by_id[i] for i in f.claims]
            first = members[0]
            if first.kind != kind or (ref.predicate and first.predicate != ref.predicate) \
                    or (ref.unit and first.unit != ref.unit):
                continue
            if not all(compatible(ref, m)[0] or (not ref.object and not ref.subject) for m in members):
                continue
            f.canonical = {"id": entry.get("id"), "value": raw, "source": entry.get("source", "")}
            tol = float(ruleset.tolerances.get(kind, 0.0) or 0.0) if kind not in ("count", "date") else 0.0
            for m in members:
                if not comparable(m):
                    continue
                res = compare_values(ref, m, tol)
                if res is None:
                    continue
                code, why = res
                severity = entry.get("severity") or ("error" if code == "contradiction" else "warning")
                f.status = "discrepancy"
                out.append(Discrepancy(
                    id=discrepancy_id(f, "canonical-" + code, [m]) , fact=f.id, code="canonical-" + code,
                    severity=severity, claims=[m.id],
                    message=f"{value_text(m)!r} disagrees with the canonical value {raw!r} for {f.label}"
                            + (f" (source: {entry['source']})" if entry.get("source") else ""),
                    explanation=why.replace(repr(raw), f"the canonical {raw!r}")))
    return out
