"""One flat row per finding (a Discrepancy with its claims, articles and fact), for CSV and SARIF."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..models import Article, Claim, Discrepancy, Fact, Report
from . import view
from .json import ordered
from .stories import layout


@dataclass
class Side:
    claim: Claim
    article: Optional[Article]
    value: str
    path: str                 # relative to the corpus


@dataclass
class Finding:
    d: Discrepancy
    fact: Optional[Fact]
    key: str                  # the baseline key (content, not offsets)
    story: str
    event: str
    sides: list[Side]

    @property
    def label(self) -> str:
        return view.neutral(self.fact.label if self.fact and self.fact.label else self.d.message)


def findings(rep: Report) -> list[Finding]:
    from ..baseline import finding_key  # baseline imports report.json; import here, not at module load
    articles, claims, facts, discs = ordered(rep)
    arts = {a.id: a for a in articles}
    by_claim = {c.id: c for c in claims}
    facts_by_id = {f.id: f for f in facts}
    lay = layout(rep, facts, claims)
    story_label = {s.id: s.label for s in lay.stories}
    rank = {c.id: i for i, c in enumerate(claims)}
    out = []
    for d in discs:
        f = facts_by_id.get(d.fact)
        sides = []
        for cid in sorted(dict.fromkeys(d.claims), key=lambda i: rank.get(i, 1 << 30)):
            c = by_claim.get(cid)
            if c is None:
                continue
            a = arts.get(c.article)
            sides.append(Side(c, a, view.value_label(c), view.relative_path(a.path, rep.corpus) if a else c.article))
        ev = lay.events.get(lay.event_of_fact.get(d.fact, "")) if f else None
        out.append(Finding(d=d, fact=f, key=finding_key(d, by_claim),
                           story=story_label.get(lay.story_of_fact.get(d.fact, ""), ""),
                           event=ev.label if ev else "", sides=sides))
    return out
