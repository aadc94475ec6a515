"""Every dataclass that crosses a stage boundary. Read this file to know the whole data model.

load -> Article;  extract -> Claim (with a Quantity, a DateSpan or a polarity);
align -> Fact;  compare -> Discrepancy;  pipeline -> Report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

# ---------------------------------------------------------------- corpus


@dataclass(slots=True)
class Article:
    id: str                      # stable: derived from the path inside the corpus
    path: str                    # the corpus path as given on the command line joined with the file's path in it
    text: str                    # extracted main text; claim offsets point into this
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: Optional[date] = None
    published_from: str = "none"  # text | html-meta | dateline | json | none
    year_hint: Optional[int] = None  # a year the text itself suggests when no publication date is known
    warnings: list[str] = field(default_factory=list)  # read, but not as written (bad bytes replaced, ...)


@dataclass(slots=True)
class Skipped:
    path: str
    reason: str


# ---------------------------------------------------------------- normalized values


@dataclass(slots=True)
class Quantity:
    """A number as written, read as an interval. None as a bound means unbounded."""
    low: Optional[float]
    high: Optional[float]
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    expected_low: Optional[float] = None     # what a reader takes away (DESIGN.md section 3)
    expected_high: Optional[float] = None
    expected_low_inclusive: bool = True
    expected_high_inclusive: bool = True
    unit: Optional[str] = None               # "%", "USD", ... for percentages and money; unit nouns come from extract
    start: int = 0                           # character offsets of the expression in the text parsed
    end: int = 0
    text: str = ""
    hedge: Optional[str] = None              # the hedge word(s) read, e.g. "more than"
    value: Optional[float] = None            # the number the hedge applies to (58 in "around 58")
    # a vague word read alone ("a few", "few"): low == high is its conventional value (3), expected_low/high
    # what a reader takes away ([2, 5]); a hedge kept as data, never a claim (extract/ skips it)
    vague: bool = False


@dataclass(slots=True)
class DateSpan:
    """A date at the granularity that was written; end is the last day included."""
    start: Optional[date]
    end: Optional[date]
    granularity: str = "day"      # day | week | month | quarter | season | year | decade | range | ...
    start_offset: int = 0          # character offsets of the expression in the text parsed
    end_offset: int = 0
    text: str = ""
    relative: bool = False         # needed a reference date ("on Monday", "last year")
    resolved: bool = True          # False when relative and no reference was known

    # the API names offsets start/end on Quantity; DateSpan keeps start/end for days
    @property
    def span(self) -> tuple[int, int]:
        return self.start_offset, self.end_offset


# ---------------------------------------------------------------- claims, facts, findings


@dataclass(slots=True)
class Claim:
    id: str
    article: str                 # Article.id
    kind: str                    # count | date | attendance | signing | <custom>
    text: str                    # the exact span, article.text[start:end]
    quote: str                   # the whole sentence, verbatim
    start: int
    end: int
    subject: str = ""            # who/what, canonical after alias resolution ("country", "United States")
    predicate: str = ""          # predicate class ("sign", "attend", "hold", ...)
    object: str = ""             # the document or event the claim is about, canonical
    rule: str = ""               # id of the rule that produced it
    trigger: str = ""            # the word that gave the predicate ("endorsed", "attending")
    quantity: Optional[Quantity] = None
    date: Optional[DateSpan] = None
    polarity: Optional[bool] = None   # attendance / signing: True = did, False = did not
    unit: str = ""                    # unit class for counts ("country", "person", ...)
    custom_value: Optional[str] = None  # custom kinds: the raw value text when not a number
    sentence_start: int = 0
    why: str = ""                # how the rule read it, one line
    context: frozenset = field(default_factory=frozenset)  # content words of the sentence, for alignment
    when: Optional[DateSpan] = None   # a date the same sentence gives (counts): two claims whose
                                      # sentences give disjoint dates are about different events
    event: str = ""                   # Event.id of the event this claim is about (align fills it in)
    measure: Optional[dict[str, Any]] = None  # kind-specific value beyond quantity/date: a measure's
                                      # dimension and base unit, a clock time's minutes and zone, a name ...


@dataclass(slots=True)
class Story:
    """Articles that cover the same events (DESIGN.md section 4.1)."""
    id: str
    label: str
    articles: list[str]          # Article ids
    folder: str = ""             # the corpus subfolder that grouped it, when one did
    first: Optional[date] = None  # earliest and latest publication dates of its articles
    last: Optional[date] = None


@dataclass(slots=True)
class Event:
    """One event of a story, merged across the articles that mention it (DESIGN.md section 4.2)."""
    id: str
    story: str                   # Story.id
    label: str                   # "the quake on 2 July"
    kind: str = ""               # event class: quake, shooting, summit, ... ("" when unnamed)
    when: Optional[DateSpan] = None
    where: str = ""
    articles: list[str] = field(default_factory=list)
    background: bool = False     # an earlier or other event the articles mention, not the one they report
    why: str = ""                # why its mentions were merged
    classes: list[str] = field(default_factory=list)  # every event class its mentions are (the main event's other words)


@dataclass(slots=True)
class Fact:
    id: str
    label: str
    kind: str
    claims: list[str]            # Claim ids
    status: str = "single"       # consistent | discrepancy | single
    why: str = ""
    canonical: Optional[dict[str, Any]] = None   # a user-declared canonical value, when one applies
    story: str = ""              # Story.id
    event: str = ""              # Event.id


@dataclass(slots=True)
class Discrepancy:
    id: str
    fact: str
    code: str                    # contradiction | mismatch | canonical-contradiction | canonical-mismatch ...
    severity: str                # error | warning | info (update)
    claims: list[str]
    message: str
    explanation: str
    suppressed: bool = False
    suppressed_reason: str = ""


@dataclass
class Report:
    articles: list[Article]
    claims: list[Claim]
    facts: list[Fact]
    discrepancies: list[Discrepancy]
    skipped: list[Skipped] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)       # rule sources in effect (built-in + files)
    model: str = ""                                       # spaCy model name, or "rules-only"
    corpus: str = ""
    generated_at: str = ""                                # ISO timestamp; excluded from determinism checks
    baseline: str = ""                                    # the --baseline file applied, when one was
    accepted: int = 0                                     # findings it held, left out of this report


# ---------------------------------------------------------------- rules


@dataclass
class RuleSet:
    """Built-in rules (default_rules.yml) merged with the user's rules/*.yml. Plain data."""
    hedges: list[dict] = field(default_factory=list)          # [{words, type, strict, position, tolerance}]
    scales: dict[str, float] = field(default_factory=dict)     # "million": 1e6, "bn": 1e9 ...
    number_words: dict[str, float] = field(default_factory=dict)  # "fifty": 50, "dozen": 12 ...
    vague_numbers: dict[str, list] = field(default_factory=dict)  # "dozens": [24, 99] ...
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    units: dict[str, dict] = field(default_factory=dict)        # class -> {nouns, within}
    verb_classes: dict[str, dict] = field(default_factory=dict)  # class -> {verbs, nouns, negative}
    object_nouns: dict[str, list[str]] = field(default_factory=dict)  # class -> head nouns
    aliases: dict[str, list[str]] = field(default_factory=dict)  # canonical -> variants
    claims: list[dict] = field(default_factory=list)           # claim rules (built-in and pattern rules)
    canonical: list[dict] = field(default_factory=list)        # user-declared canonical facts
    suppressions: list[dict] = field(default_factory=list)
    tolerances: dict[str, float] = field(default_factory=dict)  # per kind, e.g. {"count": 0.1}
    severities: dict[str, str] = field(default_factory=dict)    # code -> severity override
    extra: dict[str, Any] = field(default_factory=dict)         # any other section, raw
    sources: list[str] = field(default_factory=list)            # files read, built-in first
    origin: dict[str, str] = field(default_factory=dict)        # rule id -> "file:line"
