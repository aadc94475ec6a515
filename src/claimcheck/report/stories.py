"""Stories and events as the report shows them, with fallbacks while alignment does not fill them in.

DESIGN.md section 4: a story is the articles that cover the same events, an event one happening inside
it. When Report.stories is empty, each first-level subfolder of the corpus is a story (the user's own
grouping) and a flat corpus is one story, "all articles". When Report.events is empty, findings are
grouped by fact only.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..models import Article, Claim, Event, Fact, Report, Story
from .view import relative_path

ALL_ARTICLES = "all articles"


def _folder(a: Article, corpus: str) -> str:
    rel = relative_path(a.path, corpus)
    return rel.split("/", 1)[0] if "/" in rel else ""


def _dated(story: Story, arts: dict[str, Article]) -> Story:
    days = [arts[i].published for i in story.articles if i in arts and arts[i].published]
    if days and story.first is None:
        story.first = min(days)
    if days and story.last is None:
        story.last = max(days)
    return story


def fallback_stories(articles: list[Article], corpus: str) -> list[Story]:
    """One story per first-level subfolder; articles at the top level (or a flat corpus) form one."""
    arts = {a.id: a for a in articles}
    by_folder: dict[str, list[str]] = {}
    for a in sorted(articles, key=lambda a: a.id):
        by_folder.setdefault(_folder(a, corpus), []).append(a.id)
    if len(by_folder) <= 1:
        ids = next(iter(by_folder.values()), [])
        return [_dated(Story(id="S-all", label=ALL_ARTICLES, articles=ids), arts)]
    out = []
    for folder in sorted(by_folder):
        label = folder or "articles at the top of the corpus"
        out.append(_dated(Story(id=f"S-{folder or '.'}", label=label, articles=by_folder[folder],
                                folder=folder), arts))
    return out


@dataclass
class Layout:
    stories: list[Story]
    events: dict[str, Event]
    story_of_article: dict[str, str]
    story_of_fact: dict[str, str] = field(default_factory=dict)
    event_of_fact: dict[str, str] = field(default_factory=dict)


def layout(rep: Report, facts: Optional[list[Fact]] = None, claims: Optional[list[Claim]] = None) -> Layout:
    """Every article, fact and event placed in a story (fallbacks when alignment did not say)."""
    articles = rep.articles
    arts = {a.id: a for a in articles}
    stories = [_dated(Story(id=s.id, label=s.label, articles=list(s.articles), folder=s.folder,
                            first=s.first, last=s.last), arts) for s in rep.stories]
    if not stories:
        stories = fallback_stories(articles, rep.corpus)
    of_article: dict[str, str] = {}
    for s in stories:
        for a in s.articles:
            of_article.setdefault(a, s.id)
    loose = [a.id for a in sorted(articles, key=lambda a: a.id) if a.id not in of_article]
    if loose:
        other = _dated(Story(id="S-other", label="other articles", articles=loose), arts)
        stories.append(other)
        for a in loose:
            of_article[a] = other.id
    events = {e.id: e for e in rep.events}
    known = {s.id for s in stories}
    by_claim = {c.id: c for c in (claims if claims is not None else rep.claims)}
    out = Layout(stories=stories, events=events, story_of_article=of_article)
    for f in (facts if facts is not None else rep.facts):
        sid = f.story if f.story in known else ""
        ev = events.get(f.event)
        if not sid and ev is not None and ev.story in known:
            sid = ev.story
        if not sid:
            votes = Counter(of_article.get(by_claim[c].article, "") for c in f.claims if c in by_claim)
            votes.pop("", None)
            sid = votes.most_common(1)[0][0] if votes else stories[0].id if stories else ""
        out.story_of_fact[f.id] = sid
        out.event_of_fact[f.id] = f.event if f.event in events else ""
    return out
