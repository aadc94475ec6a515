"""Rules in YAML: the schema, loading with file:line errors, `rules check` and `rules list`.

The built-in knowledge ships as default_rules.yml; the user's rules/*.yml use the same schema and
are read on top of it (a user claim rule with a built-in's id replaces it; user vocabulary keys
override built-in ones). Every file is validated with the pydantic models below; a problem raises
RuleError pointing at `path:line`. Lines come from a YAML loader that records where every mapping
key and sequence item starts.
"""
from __future__ import annotations

import copy
import difflib
import re
import string
import typing
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import untrusted
from .errors import RuleError
from .models import RuleSet

BUILTIN = "default_rules.yml"
BUILTIN_SOURCE = f"built-in:{BUILTIN}"
BUILTIN_KINDS = ("count", "date", "attendance", "signing", "measure", "age", "time", "percent", "magnitude", "name", "place", "title")
# rule ids read by code in extract/; only these may use `engine: builtin`
BUILTIN_RULE_IDS = ("count.unit-noun", "date.event", "date.year-modifier", "attendance.verb",
                    "attendance.noun", "signing.verb", "signing.refusal",
                    "measure.unit", "measure.label", "age.person", "time.clock", "percent.share",
                    "count.noun", "date.event-verb", "date.event-noun", "name.person",
                    "place.event", "place.offshore", "place.direction", "place.home",
                    "name.organisation", "title.rank", "title.post")
DISCREPANCY_CODES = ("contradiction", "mismatch", "canonical-contradiction", "canonical-mismatch")
CAPTURE = "CAPTURE"                         # the one key claimcheck adds to spaCy token patterns
CAPTURE_ROLES = ("value", "subject", "object")
MESSAGE_FIELDS = ("rule", "kind", "predicate", "subject", "object", "unit", "label", "values", "n")

Severity = Literal["error", "warning"]
ID_RE = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
KIND_RE = r"^[a-z][a-z0-9_-]*$"
DATE_VALUE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$")
# A rule file is refused above this size (the built-in default_rules.yml, every vocabulary of the
# project, is about 60 KB); depth and alias expansion are bounded by untrusted.BoundedLoader.
MAX_RULE_FILE_BYTES = 1 * 2**20


# ================================================================ YAML with line numbers


class _Map(dict):
    """A YAML mapping that remembers its own line and the line of each key."""
    line: int = 1
    key_lines: dict


class _Seq(list):
    """A YAML sequence that remembers its own line and the line of each item."""
    line: int = 1
    item_lines: list


class _DuplicateKey(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


class _LineLoader(untrusted.BoundedLoader):
    """A safe loader (bounded depth and alias expansion) that records lines."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    m = _Map()
    m.line = node.start_mark.line + 1
    m.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise _DuplicateKey(f"a key must be a plain word, not {type(key).__name__}", line)
        if key in m:
            raise _DuplicateKey(f"duplicate key {key!r} (first at line {m.key_lines[key]})", line)
        m[key] = loader.construct_object(value_node, deep=True)
        m.key_lines[key] = line
    return m


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    s = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    s.line = node.start_mark.line + 1
    s.item_lines = [child.start_mark.line + 1 for child in node.value]
    return s


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def _read_yaml(text: str, path: str) -> _Map:
    """Parse YAML keeping line numbers. Syntax errors become RuleError at their line."""
    try:
        data = untrusted.load_yaml(text, _LineLoader)
    except _DuplicateKey as e:
        raise RuleError(str(e), path=path, line=e.line) from None
    except untrusted.YamlRefused as e:
        raise RuleError(f"refused: {e}", path=path, line=e.line) from None
    except yaml.MarkedYAMLError as e:
        raise RuleError(f"YAML syntax error: {_syntax_reason(e)}", path=path,
                        line=(e.problem_mark or e.context_mark).line + 1
                        if (e.problem_mark or e.context_mark) else None) from None
    except yaml.reader.ReaderError as e:      # a character YAML does not allow (a control character)
        raise RuleError(f"YAML syntax error: unacceptable character #x{e.character:04x}"
                        if isinstance(e.character, int) else f"YAML syntax error: {e.reason}",
                        path=path, line=text[:e.position].count("\n") + 1) from None
    except yaml.YAMLError as e:
        raise RuleError(f"YAML syntax error: {' '.join(str(e).split())}", path=path, line=None) from None
    except RecursionError:
        raise RuleError("refused: nested too deeply", path=path, line=1) from None
    if data is None:
        data = _Map()
        data.key_lines = {}
    if not isinstance(data, _Map):
        raise RuleError("a rule file must be a mapping of sections (hedges:, claims:, aliases: ...)",
                        path=path, line=1)
    return data


def _syntax_reason(e: yaml.MarkedYAMLError) -> str:
    """What PyYAML noticed, and where the construct it was reading began when that is another line:
    "expected ',' or ']', but got '<stream end>' (noticed at line 9; the flow sequence begins at line 3)"."""
    problem = e.problem or "broken YAML"
    noticed = e.problem_mark.line + 1 if e.problem_mark else None
    began = e.context_mark.line + 1 if e.context_mark else None
    what = (e.context or "").removeprefix("while ").removeprefix("parsing ").removeprefix("scanning ")
    if began and noticed and began != noticed:
        return f"{problem} (noticed at line {noticed}; the {what or 'construct'} begins at line {began})"
    if noticed:
        return f"{problem} (at line {noticed}{'; in the ' + what if what else ''})"
    return problem


def line_at(data: Any, loc: tuple) -> int:
    """The line of the deepest node on `loc` (a pydantic error location) that the YAML recorded."""
    line = getattr(data, "line", 1)
    node = data
    for step in loc:
        if isinstance(node, _Map) and not isinstance(step, int) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, _Seq) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        # other steps are pydantic's own (union branches): skip them
    return line


# ================================================================ schema


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _drop_empty(cls, data: Any) -> Any:
        # `aliases:` with nothing under it means "none", not a type error
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v is not None}
        return data


class Hedge(_Strict):
    """Hedge words and what they do to the number they qualify."""
    words: list[str] = Field(min_length=1)
    type: str                                    # above | below | approx | approx_below | approx_above | exact | range
    strict: bool = False                         # the bound itself is excluded ("more than")
    position: Literal["before", "after"] = "before"
    tolerance: Optional[float] = Field(default=None, ge=0)


class UnitClass(_Strict):
    nouns: list[str] = Field(min_length=1)
    within: Optional[str] = None                 # a wider class this one may be compared with
    owner: bool = False                          # only comparable when the same named owner counts them
    same_as: Optional[str] = None                # the class a reader merges it into (victims are people)


class VerbClass(_Strict):
    past: Optional[str] = None                   # the class in fact labels ("signed")
    verbs: list[str] = []
    nouns: list[str] = []
    negative: list[str] = []                     # verbs saying the opposite (refuse to sign)
    opposing: list[str] = []                     # prepositions that make another fact ("voted against")
    reporting: bool = False                      # a verb of saying: never the predicate of a count
    implied_unit: Optional[str] = None           # what a bare number counts ("killed 12": person)
    actor_dates: bool = False                    # its dates are facts about a person ("died on Thursday")
    cumulative: bool = False                     # its counts only grow: a later, higher figure is an update
    dates_event: bool = False                    # its dates and times are the event's own (align: "when")
    times_event: bool = False                    # its clock times too: it says the event happened ("occurred at 2:09")


class Example(_Strict):
    text: str = Field(min_length=1)
    value: Optional[str] = None                  # the value the rule must read from `text`
    subject: Optional[str] = None
    object: Optional[str] = None

    @field_validator("value", mode="before")
    @classmethod
    def _number_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


class Examples(_Strict):
    match: list[Example] = Field(min_length=1)   # sentences the rule must match
    no_match: list[str] = Field(min_length=1)    # sentences the rule must not match

    @field_validator("match", mode="before")
    @classmethod
    def _sentences(cls, v: Any) -> Any:
        if isinstance(v, list):
            return [{"text": x} if isinstance(x, str) else x for x in v]
        return v


class ClaimRule(_Strict):
    """One claim rule. `engine: pattern` rules are spaCy Matcher token patterns; `engine: builtin`
    rules name code in extract/ (their patterns live there; the rule documents and tests them)."""
    id: str = Field(pattern=ID_RE)
    kind: str = Field(pattern=KIND_RE)
    description: str = ""
    engine: Literal["pattern", "builtin"] = "pattern"
    patterns: list[list[dict[str, Any]]] = []
    predicate: str = ""
    unit: str = ""
    subject: str = ""                            # fixed subject when no token is captured as subject
    object: str = ""                             # fixed object when no token is captured as object
    tolerance: Optional[float] = Field(default=None, ge=0)
    severity: Optional[Severity] = None
    message: str = ""
    examples: Examples

    @field_validator("patterns")
    @classmethod
    def _captures(cls, patterns: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        for i, pattern in enumerate(patterns):
            if not pattern:
                raise ValueError(f"pattern {i} is empty")
            roles = [tok.get(CAPTURE) for tok in pattern]
            bad = [r for r in roles if r is not None and r not in CAPTURE_ROLES]
            if bad:
                raise ValueError(f"pattern {i}: {CAPTURE} must be one of {', '.join(CAPTURE_ROLES)} "
                                 f"(got {bad[0]!r})")
            if "value" not in roles:
                raise ValueError(f"pattern {i} marks no value: add `{CAPTURE}: value` to the token(s) "
                                 f"holding the value")
        return patterns

    @field_validator("message")
    @classmethod
    def _template(cls, message: str) -> str:
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
        except ValueError as e:
            raise ValueError(f"bad message template: {e}") from None
        unknown = [n for n in names if n not in MESSAGE_FIELDS]
        if unknown:
            raise ValueError(f"unknown placeholder {{{unknown[0]}}} in message; "
                             f"use {', '.join('{' + f + '}' for f in MESSAGE_FIELDS)}")
        return message

    @model_validator(mode="after")
    def _engine(self) -> "ClaimRule":
        if self.engine == "pattern" and not self.patterns:
            raise ValueError("no patterns: a pattern rule needs at least one")
        if self.engine == "builtin":
            if self.patterns:
                raise ValueError("a builtin rule takes no patterns")
            if self.id not in BUILTIN_RULE_IDS:
                raise ValueError(f"no built-in code has this id; "
                                 f"builtin ids are {', '.join(BUILTIN_RULE_IDS)}")
        return self


class Canonical(_Strict):
    """A known value for a fact; every claim of that fact is checked against it."""
    id: str = Field(pattern=ID_RE)
    kind: str = Field(pattern=KIND_RE)
    predicate: str = ""
    unit: str = ""
    subject: str = ""
    object: str = ""
    value: str = ""                              # "58", "more than 30", "2025-02-10..2025-02-11", "6.4"
    polarity: Optional[bool] = None              # attendance / signing: true = did, false = did not
    source: str = Field(min_length=1)            # where the known value comes from
    severity: Optional[Severity] = None
    note: str = ""

    @field_validator("value", mode="before")
    @classmethod
    def _number_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v

    @model_validator(mode="after")
    def _date_value(self) -> "Canonical":
        if self.kind in ("attendance", "signing"):
            if self.polarity is None:
                raise ValueError(f"a{'n' if self.kind == 'attendance' else ''} {self.kind} fact needs `polarity: true` "
                                 f"(did) or `polarity: false` (did not)")
            return self
        if not self.value:
            raise ValueError("missing required key 'value'")
        if self.kind == "date" and not DATE_VALUE_RE.match(self.value):
            raise ValueError(f"a date value is YYYY-MM-DD or "
                             f"YYYY-MM-DD..YYYY-MM-DD (got {self.value!r})")
        return self


class Suppression(_Strict):
    """A known, accepted discrepancy: by its id, or by fact and article. It stays in the report,
    shown as suppressed, with the reason."""
    discrepancy: str = ""
    fact: str = ""                               # a fact id or a substring of its label
    article: str = ""                            # an article id
    reason: str = Field(min_length=1)

    @model_validator(mode="after")
    def _one_target(self) -> "Suppression":
        if self.discrepancy and (self.fact or self.article):
            raise ValueError("a suppression names either `discrepancy`, or `fact` and `article`, not both")
        if not self.discrepancy and not (self.fact and self.article):
            raise ValueError("a suppression needs `discrepancy: <id>`, or both `fact:` and `article:`")
        return self


class RuleFile(_Strict):
    """One rules file: default_rules.yml or rules/*.yml. Every section is optional."""
    # vocabularies (quantities.py, dates.py, extract/, align.py, entities.py)
    hedges: list[Hedge] = []
    scales: dict[str, float] = {}
    number_words: dict[str, float] = {}
    vague_numbers: dict[str, list[Any]] = {}
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    date_words: dict[str, Any] = {}
    negators: list[str] = []
    titles: list[str] = []
    nicknames: dict[str, list[str]] = {}        # full given name -> its short forms (compare.py, names)
    not_surnames: list[str] = []                # words that end a place's or an organisation's name (names)
    generic_words: list[str] = []
    event_classes: list[str] = []               # object classes that name events (align, year-modifier dates)
    future_markers: list[str] = []              # words that put a claim in the future
    conditional_markers: list[str] = []         # words that open a condition: a figure in it is no claim
    rate_markers: list[str] = []                # words that make a number a rate ("per season")
    aggregate_nouns: list[str] = []             # "the number of people killed has risen to 19"
    distance_markers: list[str] = []            # words that make a count a distance ("five houses away")
    running_total_markers: list[str] = []       # "now has 2,129 points": a player's running total (extract/counts.py)
    event_words: dict[str, list[str]] = {}      # event class -> words naming it (align/events.py)
    background_markers: list[str] = []          # words that put an event before the news ("last year's")
    scope_words: list[str] = []                 # qualifiers that make a part of a figure ("in cash")
    part_markers: list[str] = []                # words before a figure that make it a part ("including")
    light_verbs: list[str] = []                 # verbs that say little: a count takes its event's class
    part_places: list[str] = []                 # "in the district of Osk": a part of the whole's place
    settlement_nouns: list[str] = []            # "a city of 160,000 people": a count of who lives there
    # places, ranks and organisations (extract/places.py, extract/things.py)
    place_verbs: dict[str, list[str]] = {}      # where / centre_nouns / hit -> words that locate an event
    place_types: list[str] = []                 # "province" in "West Papua province": the level of a place
    countries: list[str] = []                   # countries: places that may hold a town
    regions: list[str] = []                     # states, provinces, counties: places that may hold a town
    macro_regions: list[str] = []               # continents, "the Horn of Africa": places that may hold a country
    offshore_words: dict[str, list[str]] = {}   # offshore / land -> words after a locating verb
    directions: dict[str, float] = {}           # compass word -> bearing in degrees
    ranks: dict[str, list[str]] = {}            # rank -> its abbreviations ("commander": [cmdr., cdr.])
    org_suffixes: dict[str, list[str]] = {}     # "ltd": [ltd., limited]: the end of a company's name
    not_ranks: list[str] = []                   # "attorney general": a rank word in a title that is no rank
    post_units: list[str] = []                  # "division", "unit": the noun that ends the unit of a post
    org_cues: dict[str, list[str]] = {}         # before: "staff at", "owner of"; after: ", a business"
    place_name_words: list[str] = []            # "Gulf of Aden", "Main Street": end a person's name, not a place's (places)
    separate_events: list[str] = []             # event classes never merged into another main event
    boilerplate: list[str] = []                  # regexes of page-furniture lines (corpus.py)
    # measures, ages, clock times (units.py, extract/measures.py, ages.py, times.py)
    measure_units: dict[str, Any] = {}           # "km" -> "kilometer", or {unit, ambiguous, dimension}
    measure_properties: dict[str, list[str]] = {}  # depth -> [depth, deep]
    labels: dict[str, dict[str, Any]] = {}       # magnitude -> {words, of, kind, unit}
    age_words: list[str] = []                    # "aged 19"
    age_range: list[float] = []                  # [low, high] of a plausible age
    clock_words: dict[str, float] = {}           # noon -> 720 (minutes since midnight)
    day_parts: dict[str, list[float]] = {}       # afternoon -> [720, 1079]
    time_zones: dict[str, Optional[float]] = {}  # gmt -> 0 (minutes from UTC); local -> null
    time_hedges: list[dict[str, Any]] = []       # {words, before, after}: minutes a hedge allows
    score_words: dict[str, list[str]] = {}      # before/after words that make "3-1" a score line (quantities.py)
    units: dict[str, UnitClass] = {}
    verb_classes: dict[str, VerbClass] = {}
    object_nouns: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    # claims, facts, findings
    claims: list[ClaimRule] = []
    canonical: list[Canonical] = []
    suppressions: list[Suppression] = []
    tolerances: dict[str, float] = {}
    severities: dict[str, Severity] = {}

    @field_validator("boilerplate")
    @classmethod
    def _regexes(cls, v: list[str]) -> list[str]:
        for pattern in v:
            try:
                re.compile(pattern)
            except re.error as e:
                raise ValueError(f"bad regular expression {pattern!r}: {e}") from None
        return v

    @field_validator("tolerances")
    @classmethod
    def _tolerances(cls, v: dict[str, float]) -> dict[str, float]:
        for kind, tol in v.items():
            if not re.match(KIND_RE, kind):
                raise ValueError(f"tolerances are keyed by claim kind (count, magnitude ...), got {kind!r}")
            if tol < 0:
                raise ValueError(f"tolerance for {kind!r} must be >= 0 (got {tol})")
        return v

    @field_validator("severities")
    @classmethod
    def _severities(cls, v: dict[str, str]) -> dict[str, str]:
        for key in v:
            code = key.split(".", 1)[-1]
            if code not in DISCREPANCY_CODES:
                raise ValueError(f"unknown discrepancy code in {key!r}: keys are a code "
                                 f"({', '.join(DISCREPANCY_CODES)}), optionally prefixed by a kind "
                                 f"(magnitude.contradiction)")
        return v


# ================================================================ errors in words


def _unwrap(t: Any) -> Any:
    """The model or container type inside Optional[...] / Union[...]."""
    if typing.get_origin(t) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        return models[0] if models else (args[0] if args else t)
    return t


def _model_at(loc: tuple) -> Optional[type[BaseModel]]:
    """The schema model found at a location, to list its allowed keys."""
    t: Any = RuleFile
    for step in loc:
        t = _unwrap(t)
        if isinstance(t, type) and issubclass(t, BaseModel):
            field = t.model_fields.get(step) if isinstance(step, str) else None
            if field is None:
                continue
            t = field.annotation
        elif typing.get_origin(t) is list and isinstance(step, int):
            t = typing.get_args(t)[0]
        elif typing.get_origin(t) is dict:
            t = typing.get_args(t)[1]
    t = _unwrap(t)
    return t if isinstance(t, type) and issubclass(t, BaseModel) else None


def _loc_text(loc: tuple) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + str(step)
    return out


def _rule_label(data: Any, loc: tuple) -> str:
    """'rule quake.magnitude: ' when the location is inside a claim rule (or canonical fact) with an id."""
    if len(loc) >= 2 and loc[0] in ("claims", "canonical") and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, dict) else None
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            rid = items[loc[1]].get("id")
            if rid:
                return f"{'rule' if loc[0] == 'claims' else 'canonical'} {rid}: "
    return ""


def _describe(err: dict, data: Any) -> str:
    loc = tuple(err["loc"])
    typ = err["type"]
    where = _loc_text(loc)
    if typ == "extra_forbidden":
        key = str(loc[-1])
        where = _loc_text(loc[:-1])
        model = _model_at(loc[:-1])
        allowed = list(model.model_fields) if model else []
        guess = difflib.get_close_matches(key, allowed, n=1)
        reason = f"unknown key {key!r}"
        if guess:
            reason += f" (did you mean {guess[0]!r}?)"
        if allowed:
            reason += f"; allowed keys: {', '.join(allowed)}"
    elif typ == "missing":
        key = str(loc[-1])
        where = _loc_text(loc[:-1])
        reason = f"missing required key {key!r}"
    else:
        reason = err["msg"].removeprefix("Value error, ")
        if typ not in ("value_error", "assertion_error") and not isinstance(err.get("input"), (dict, list)):
            reason += f" (got {err.get('input')!r})"
    return f"{_rule_label(data, loc)}{where + ': ' if where else ''}{reason}"


def _validation_errors(e: ValidationError, data: Any, path: str) -> list[RuleError]:
    out = []
    for err in e.errors(include_url=False):
        loc = tuple(err["loc"])
        line = line_at(data, loc[:-1] if err["type"] == "missing" else loc)
        out.append(RuleError(_describe(err, data), path=path, line=line))
    return out


# ================================================================ reading one file


class ParsedFile:
    """A validated rules file with the raw YAML (for line numbers)."""

    def __init__(self, path: str, label: str, model: RuleFile, raw: _Map):
        self.path = path          # the path errors name
        self.label = label        # the source shown in `rules list` and RuleSet.sources
        self.model = model
        self.raw = raw

    def claim_line(self, i: int) -> int:
        return line_at(self.raw, ("claims", i))


def _pattern_errors(model: RuleFile, raw: _Map, path: str) -> list[RuleError]:
    """Compile every token pattern with spaCy's own validation; report at the pattern's line."""
    rules = [(i, r) for i, r in enumerate(model.claims) if r.patterns]
    if not rules:
        return []
    from . import patterns as patterns_mod

    out = []
    for i, rule in rules:
        for j, pattern in enumerate(rule.patterns):
            problem = patterns_mod.pattern_error(pattern)
            if problem is None:
                continue
            message, token, key = problem
            loc: tuple = ("claims", i, "patterns", j)
            if token is not None:
                loc += (token,) + ((key,) if key else ())
            out.append(RuleError(f"rule {rule.id}: bad token pattern {j}: {message}", path=path,
                                 line=line_at(raw, loc)))
    return out


def _duplicate_errors(model: RuleFile, raw: _Map, path: str) -> list[RuleError]:
    out = []
    for section in ("claims", "canonical"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(model, section)):
            line = line_at(raw, (section, i))
            if item.id in seen:
                what = "rule" if section == "claims" else "canonical"
                out.append(RuleError(f"{what} {item.id}: duplicate id (first defined at line {seen[item.id]})",
                                     path=path, line=line))
            else:
                seen[item.id] = line
    return out


def validate_text(text: str, path: str, label: str | None = None, check_patterns: bool = True
                  ) -> tuple[Optional[ParsedFile], list[RuleError]]:
    """Validate one file's text. Returns the parsed file (or None) and every problem found.
    check_patterns=False leaves out compiling token patterns with spaCy (see load_rules)."""
    try:
        raw = _read_yaml(text, path)
    except RuleError as e:
        return None, [e]
    try:
        model = RuleFile.model_validate(raw)
    except ValidationError as e:
        errors = _validation_errors(e, raw, path)
        return None, sorted(errors, key=lambda x: x.line or 0)
    errors = _duplicate_errors(model, raw, path) + (_pattern_errors(model, raw, path) if check_patterns else [])
    if errors:
        return None, sorted(errors, key=lambda x: x.line or 0)
    return ParsedFile(path, label or path, model, raw), []


def parse_file(text: str, path: str, label: str | None = None, check_patterns: bool = True) -> ParsedFile:
    """Validate one file's text; raise RuleError at the first problem."""
    parsed, errors = validate_text(text, path, label, check_patterns)
    if errors:
        raise errors[0]
    assert parsed is not None
    return parsed


# ================================================================ merging into a RuleSet


VOCAB_DICTS = ("scales", "number_words", "vague_numbers", "months", "weekdays", "units",
               "verb_classes", "object_nouns", "aliases", "tolerances", "severities")
EXTRA_SECTIONS = ("date_words", "negators", "titles", "nicknames", "not_surnames", "generic_words", "event_classes",
                  "future_markers", "conditional_markers", "rate_markers", "distance_markers", "aggregate_nouns", "boilerplate",
                  "measure_units", "measure_properties", "labels", "age_words", "age_range", "clock_words",
                  "day_parts", "time_zones", "time_hedges",
                  "event_words", "background_markers", "scope_words", "part_markers", "light_verbs", "part_places",
                  "separate_events", "score_words", "settlement_nouns",
                  "place_verbs", "place_types", "countries", "regions", "macro_regions", "offshore_words", "directions", "ranks", "not_ranks", "post_units", "org_suffixes",
                  "org_cues", "running_total_markers", "place_name_words")  # kept in RuleSet.extra


def _deep_update(old: dict, new: dict) -> None:
    for k, v in new.items():
        if isinstance(old.get(k), dict) and isinstance(v, dict):
            _deep_update(old[k], v)
        else:
            old[k] = v


def _merge(rs: RuleSet, pf: ParsedFile) -> None:
    """Put one validated file on top of the RuleSet."""
    given = pf.model.model_dump(exclude_unset=True)
    # hedges: a word defined again moves to the new entry
    for hedge in given.get("hedges", []):
        words = {w.lower() for w in hedge["words"]}
        for old in rs.hedges:
            old["words"] = [w for w in old["words"] if w.lower() not in words]
        rs.hedges[:] = [h for h in rs.hedges if h["words"]]
        rs.hedges.append(hedge)
    for section in VOCAB_DICTS:
        getattr(rs, section).update(given.get(section, {}))
    for section in EXTRA_SECTIONS:
        if section not in given:
            continue
        value, old = copy.deepcopy(given[section]), rs.extra.get(section)
        if isinstance(old, dict) and isinstance(value, dict):
            _deep_update(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            old.extend(x for x in value if x not in old)
        else:
            rs.extra[section] = value
    for i, rule in enumerate(pf.model.claims):
        where = f"{pf.label}:{pf.claim_line(i)}"
        data = rule.model_dump()
        existing = [k for k, c in enumerate(rs.claims) if c["id"] == rule.id]
        if existing:
            before = rs.origin.get(rule.id, "")
            if not before.startswith(BUILTIN_SOURCE):
                raise RuleError(f"rule {rule.id}: id already defined at {before}; "
                                f"only a built-in rule can be replaced", path=pf.path, line=pf.claim_line(i))
            rs.claims[existing[0]] = data
            rs.origin[f"replaced:{rule.id}"] = before
        else:
            rs.claims.append(data)
        rs.origin[rule.id] = where
    for i, fact in enumerate(pf.model.canonical):
        line = line_at(pf.raw, ("canonical", i))
        key = f"canonical:{fact.id}"
        if key in rs.origin:
            raise RuleError(f"canonical {fact.id}: id already defined at {rs.origin[key]}",
                            path=pf.path, line=line)
        rs.canonical.append(fact.model_dump())
        rs.origin[key] = f"{pf.label}:{line}"
    for i, sup in enumerate(pf.model.suppressions):
        data = sup.model_dump()
        data["origin"] = f"{pf.label}:{line_at(pf.raw, ('suppressions', i))}"
        rs.suppressions.append(data)
    rs.sources.append(pf.label)


# ================================================================ the public API


def builtin_path() -> str:
    return str(resources.files("claimcheck").joinpath(BUILTIN))


def builtin_text() -> str:
    return resources.files("claimcheck").joinpath(BUILTIN).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _builtin_file() -> ParsedFile:
    return parse_file(builtin_text(), builtin_path(), BUILTIN_SOURCE)


def _new_ruleset() -> RuleSet:
    rs = RuleSet()
    _merge(rs, _builtin_file())
    return rs


@lru_cache(maxsize=1)
def default_ruleset() -> RuleSet:
    """The built-in rules alone (cached). Normalizers use this when no RuleSet is passed."""
    return _new_ruleset()


def rule_files(rules_path: str | Path | None) -> list[Path]:
    """The user's rule files: every *.yml / *.yaml in a folder (sorted), or one file. Missing = none."""
    if rules_path is None:
        return []
    p = Path(rules_path)
    if p.is_file():
        return [p]
    if p.is_dir():
        return sorted(list(p.glob("*.yml")) + list(p.glob("*.yaml")))
    return []


def _read(f: Path) -> str:
    """A rule file's text: a regular file of at most MAX_RULE_FILE_BYTES, in UTF-8."""
    try:
        data = untrusted.read_regular(f, MAX_RULE_FILE_BYTES)
    except untrusted.Unreadable as e:
        raise RuleError(f"cannot read rule file: {e}", path=str(f), line=1) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise RuleError(f"cannot read rule file: not UTF-8 (byte {e.start})", path=str(f), line=line) from None


def load_rules(rules_dir: str | Path | None, check_patterns: bool = True) -> RuleSet:
    """Built-in rules, then every rules_dir/*.yml (sorted) on top. Validates; raises RuleError.
    check_patterns=False skips compiling the user's token patterns with spaCy (importing spaCy costs a
    second): the pipeline checks them only when some article is not in the claim cache, since cached
    claims were made with exactly these rules, checked then."""
    rs = _new_ruleset()
    for f in rule_files(rules_dir):
        _merge(rs, parse_file(_read(f), str(f), check_patterns=check_patterns))
    return rs


def claim_rule(ruleset: RuleSet, rule_id: str) -> Optional[dict]:
    """The claim rule in effect with this id, or None."""
    return next((r for r in ruleset.claims if r["id"] == rule_id), None)


def render_message(template: str, **fields: Any) -> str:
    """Fill a rule's message template ({kind}, {values}, ...); unknown fields stay empty."""
    values = {name: "" for name in MESSAGE_FIELDS}
    values.update({k: v for k, v in fields.items() if v is not None})
    return template.format(**values)


# ---------------------------------------------------------------- rules check


def check_rules(rules_dir: str | Path | None) -> list[str]:
    """Validate the built-ins and every user file, then run every rule's examples.
    Returns the problems, one `path:line: message` line each (empty = all good)."""
    problems: list[RuleError] = []
    parsed: list[ParsedFile] = []
    builtin, errors = validate_text(builtin_text(), builtin_path(), BUILTIN_SOURCE)
    problems += errors
    if builtin:
        parsed.append(builtin)
    for f in rule_files(rules_dir):
        try:
            pf, errors = validate_text(_read(f), str(f))
        except RuleError as e:
            pf, errors = None, [e]
        problems += errors
        if pf:
            parsed.append(pf)
    if problems:
        return [str(p) for p in problems]
    rs = RuleSet()
    files: dict[str, ParsedFile] = {}
    for pf in parsed:
        try:
            _merge(rs, pf)
        except RuleError as e:
            problems.append(e)
        files[pf.label] = pf
    if problems:
        return [str(p) for p in problems]
    return [str(p) for p in run_examples(rs, files)]


def example_errors(rules_dir: str | Path | None, rs: RuleSet, nlp: Any = None) -> list[RuleError]:
    """Run the examples of the user's rules in effect (`run` stops on the first that fails, as
    `rules check` does). `nlp` is the pipeline the run uses."""
    files = {}
    for f in rule_files(rules_dir):
        pf = parse_file(_read(f), str(f))
        files[pf.label] = pf
    return run_examples(rs, files, nlp=nlp, only_user=True)


def run_examples(rs: RuleSet, files: dict[str, ParsedFile], nlp: Any = None,
                 only_user: bool = False) -> list[RuleError]:
    """Run the examples of every rule in effect (or of the user's only); a problem per example that fails."""
    from . import patterns as patterns_mod

    problems = []
    for rule in rs.claims:
        label, _, line = rs.origin[rule["id"]].rpartition(":")
        if only_user and (label == BUILTIN_SOURCE or label not in files):
            continue
        pf = files[label]
        index = next(i for i, c in enumerate(pf.model.claims) if c.id == rule["id"])
        for field, items in (("match", rule["examples"]["match"]), ("no_match", rule["examples"]["no_match"])):
            for k, example in enumerate(items):
                text = example["text"] if isinstance(example, dict) else example
                claims = patterns_mod.example_claims(rule, text, rs, nlp=nlp)
                if claims is None:      # builtin engine not available yet
                    continue
                where = dict(path=pf.path, line=line_at(pf.raw, ("claims", index, "examples", field, k)))
                head = f"rule {rule['id']}: example"
                if field == "no_match" and claims:
                    problems.append(RuleError(f"{head} should not match but did ({claims[0].text!r}): {text!r}",
                                              **where))
                elif field == "match" and not claims:
                    problems.append(RuleError(f"{head} should match but did not: {text!r}", **where))
                elif field == "match":
                    wrong = patterns_mod.example_mismatch(example, claims)
                    if wrong:
                        problems.append(RuleError(f"{head} {wrong}: {text!r}", **where))
    return problems


# ---------------------------------------------------------------- rules list


def list_rules(rules_dir: str | Path | None) -> list[str]:
    """The rules in effect, built-in and user, and where each comes from: one line each."""
    rs = load_rules(rules_dir)
    rows = ["claim rules:"]
    width = max([len(r["id"]) for r in rs.claims] + [10])
    for r in rs.claims:
        before = rs.origin.get(f"replaced:{r['id']}")
        note = f"  (replaces {before})" if before else ""
        rows.append(f"  {r['id']:<{width}}  {r['kind']:<11} {r['engine']:<8} {rs.origin[r['id']]}{note}")
    if rs.canonical:
        rows.append("canonical facts:")
        for c in rs.canonical:
            rows.append(f"  {c['id']:<{width}}  {c['kind']:<11} {c['value']!r} ({c['source']})  "
                        f"{rs.origin['canonical:' + c['id']]}")
    if rs.suppressions:
        rows.append("suppressions:")
        for s in rs.suppressions:
            target = (f"discrepancy {s['discrepancy']}" if s["discrepancy"]
                      else f"fact {s['fact']!r} in article {s['article']}")
            rows.append(f"  {target}: {s['reason']}  {s['origin']}")
    rows.append("vocabularies:")
    counts = {"hedges": len(rs.hedges)}
    counts.update({s: len(getattr(rs, s)) for s in VOCAB_DICTS})
    rows.append("  " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    rows.append("files:")
    rows += [f"  {s}" for s in rs.sources]
    return rows
