"""Group claims that state the same fact (DESIGN.md section 4): stories, then events, then facts.

    stories.py  which articles cover the same events (a corpus subfolder is the user's grouping)
    events.py   which event of its story each claim is about (its clause's event word and time)
    facts.py    inside one event, the claims of one kind, property and scope

Each stage blocks the next: no two claims of different stories, events or properties are ever
compared, and inside a block a claim is checked against a bounded number of groups, so the cost
grows close to linearly with the corpus.

Alignment decomposes by block, for the engines (engine_dask.py): `prepare` computes what is
corpus-wide once (stories, events, each claim's event, the predicate classes light verbs take);
then every block (story, event, kind, property: `block_key`) is grouped on its own by
`align_block`, anywhere, and the facts sorted as `align_all` sorts them give its facts exactly
(tests/test_engine.py compares the two).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ..models import Article, Claim, Event, Fact, RuleSet, Story
from .events import assign_events, dated_before_news, lead_days, main_event_times
from .facts import Matcher, fact_label, property_key
from .stories import find_stories

__all__ = ["Alignment", "Prepared", "align", "align_all", "align_block", "block_key", "blocks_of",
           "fact_label", "find_stories", "Matcher", "prepare", "property_key", "sort_facts"]


@dataclass
class Alignment:
    stories: list[Story] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    comparisons: int = 0          # claim pairs compared (a measure of cost, for tests and benchmarks)


def align_all(claims: list[Claim], articles: list[Article], ruleset: RuleSet,
              stories: Optional[tuple[list[Story], dict[str, str]]] = None) -> Alignment:
    """Stories, events (each claim's `event` filled in) and facts of a corpus: what is corpus-wide
    once (`prepare`), then every block on its own (`align_block`), the one way facts are made, here
    and on the engines. `stories`: find_stories(articles, ruleset), when it was called already."""
    prep = prepare(claims, articles, ruleset, stories)
    facts: list[Fact] = []
    comparisons = 0
    for block in blocks_of(claims, prep):
        got, n = align_block(prep, block)
        facts += got
        comparisons += n
    return Alignment(prep.stories, prep.events, sort_facts(facts), comparisons)


def align(claims: list[Claim], articles: list[Article], ruleset: RuleSet) -> list[Fact]:
    """All claims grouped into facts (a fact of one claim is 'single')."""
    return align_all(claims, articles, ruleset).facts


# ------------------------------------------------------------------ by block (engines)


@dataclass
class Prepared:
    """What every block reads, computed once over the whole corpus (small: it travels to workers)."""
    ruleset: RuleSet
    stories: list[Story]
    events: list[Event]
    story_of: dict[str, str]       # article id -> Story.id
    predicate: dict[str, str]      # claim id -> the predicate class its block is keyed by
    event_by_id: dict[str, Event] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)     # claim id -> folded unit class (facts.fold_units)
    persons: dict[str, str] = field(default_factory=dict)   # claim id -> the name a role stands for
    before_news: set = field(default_factory=set)          # date claims long before their article's news
    published: dict = field(default_factory=dict)           # article id -> publication date (ages over time)
    lead_day: dict = field(default_factory=dict)            # claim id -> the day its article's lead gives the main event


def prepare(claims: list[Claim], articles: list[Article], ruleset: RuleSet,
            stories: Optional[tuple[list[Story], dict[str, str]]] = None) -> Prepared:
    """Stories and events of the corpus (each claim's `event` filled in), and the folded predicates.
    Stories read the articles alone, never their claims: pipeline.run finds them (`stories`, the
    result of find_stories) while the engine parses its last batches."""
    from .facts import duration_keys, fold_predicates, fold_units, person_subjects
    stories, story_of = stories or find_stories(articles, ruleset)
    events = assign_events(claims, articles, story_of, ruleset)
    folded = fold_predicates(claims, ruleset, events)
    folded.update(duration_keys(claims, folded))
    before_news = dated_before_news(claims, articles, ruleset)
    for cid in main_event_times(claims, articles, ruleset, events, folded, before_news):
        rest = folded[cid].partition(" (")[2]
        folded[cid] = "when" + (" (" + rest if rest else "")     # the main event's own time (property_key)
    return Prepared(ruleset, stories, events, story_of, folded, {e.id: e for e in events},
                    fold_units(claims, ruleset, folded), person_subjects(claims, story_of),
                    before_news,
                    {a.id: a.published for a in articles if a.published},
                    _lead_day(claims, articles, ruleset, events))


def _lead_day(claims: list[Claim], articles: list[Article], ruleset: RuleSet, events: list[Event]) -> dict:
    """claim id -> its article's lead day, for the undated measures and clock times of a story's
    main event (facts.LEAD_DAY_KINDS): one quake's properties, not the series'; and for the counts
    one owner scores in one game (facts.owned_count: "Hansbrough had 24 points" in the story of the
    Charleston game, "scored 20 points" in the story of Thursday's)."""
    from .facts import LEAD_DAY_KINDS, owned_count, person_level
    main = {e.id for e in events if not e.background and e.why.startswith("the headline")}
    days = lead_days(claims, articles, ruleset)
    # (a claim its own sentence dates keeps its article's lead day too: a magnitude dated "in September"
    # in a report of Sunday's quake is of another quake, facts.Matcher._off_lead)
    return {c.id: days[c.article] for c in claims
            if (c.kind in LEAD_DAY_KINDS and not person_level(c) or owned_count(c, ruleset)) and c.event in main
            and c.article in days}


def block_key(prep: Prepared, c: Claim) -> tuple:
    """(story, event, kind, property...): the claims one fact may hold; the claims of one block are grouped together."""
    from .facts import person_level
    # a person's name, age, rank and home town are facts of the story (the person), not of one event; an
    # age its sentence tells of a background event ("Felt, 92, told CNN in 2006") is the age at that time
    event = "" if person_level(c) and not _background_age(prep, c) else c.event
    return (prep.story_of.get(c.article, ""), event) + _property(prep, c)


def _background_age(prep: Prepared, c: Claim) -> bool:
    """Is `c` an age its own clause tells of an earlier event than the news (a background event)?"""
    e = prep.event_by_id.get(c.event)
    return c.kind == "age" and e is not None and e.background


def _property(prep: Prepared, c: Claim) -> tuple:
    return property_key(c, prep.ruleset, prep.predicate[c.id], prep.units.get(c.id))


def blocks_of(claims: list[Claim], prep: Prepared) -> list[list[Claim]]:
    """The claims by block, blocks in a fixed order, each block's claims in the order given."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        blocks[block_key(prep, c)].append(c)
    return [blocks[k] for k in sorted(blocks, key=str)]


def align_block(prep: Prepared, block: list[Claim]) -> tuple[list[Fact], int]:
    """(the facts of one block, claim pairs compared). A block reads only its own claims: the values
    an article states (Matcher) and the scopes are per block."""
    from .facts import group_block, make_fact, scopes
    if not block:
        return [], 0
    ruleset = prep.ruleset
    key = block_key(prep, block[0])
    scope = scopes(block, ruleset)
    story = next((s for s in prep.stories if s.id == key[0]), None)
    days = (story.last - story.first).days if story is not None and story.first and story.last else 0
    matcher = Matcher(block, ruleset, key=lambda c: _property(prep, c), scope=scope, persons=prep.persons,
                      before_news=prep.before_news, published=prep.published, lead_day=prep.lead_day,
                      story_days=days)
    by_scope: dict[str, list[Claim]] = defaultdict(list)
    for c in block:
        by_scope[scope[c.id]].append(c)
    facts = [make_fact(g, prep.event_by_id.get(key[1] or g[0].event), sc, ruleset)
             for sc in sorted(by_scope) for g in group_block(by_scope[sc], matcher)]
    return facts, matcher.comparisons


def sort_facts(facts: list[Fact]) -> list[Fact]:
    """The order align_all gives its facts."""
    facts.sort(key=lambda f: (f.kind, f.label, f.id))
    return facts
