"""Group claims that state the same fact (DESIGN.md section 4): stories, then events, then facts.

    stories.py  which articles cover the same events (a corpus subfolder is the user's grouping)
    events.py   which event of its story each claim is about (its clause's event word and time)
    facts.py    inside one event, the claims of one kind, property and scope

Each stage blocks the next: no two claims of different stories, events or properties are ever
compared, and inside a block a claim is checked against a bounded number of groups, so the cost
grows close to linearly with the corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Article, Claim, Event, Fact, RuleSet, Story
from .events import assign_events
from .facts import Matcher, fact_label, property_key
from .stories import find_stories

__all__ = ["Alignment", "align", "align_all", "fact_label", "Matcher", "property_key"]


@dataclass
class Alignment:
    stories: list[Story] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    comparisons: int = 0          # claim pairs compared (a measure of cost, for tests and benchmarks)


def align_all(claims: list[Claim], articles: list[Article], ruleset: RuleSet) -> Alignment:
    """Stories, events (each claim's `event` filled in) and facts of a corpus."""
    from .facts import facts_of
    stories, story_of = find_stories(articles, ruleset)
    events = assign_events(claims, articles, story_of, ruleset)
    facts, comparisons = facts_of(claims, events, story_of, ruleset)
    return Alignment(stories, events, facts, comparisons)


def align(claims: list[Claim], articles: list[Article], ruleset: RuleSet) -> list[Fact]:
    """All claims grouped into facts (a fact of one claim is 'single')."""
    return align_all(claims, articles, ruleset).facts
