"""Story matching at scale (align/stories.py): the pairs of related articles it weighs."""
from __future__ import annotations

from datetime import date

import pytest

from claimcheck import rules
from claimcheck.models import Article


@pytest.fixture(scope="module")
def ruleset():
    return rules.load_rules(None)


def article(aid, text, published=None, title=""):
    return Article(id=aid, path=aid + ".txt", text=text, title=title, published=published,
                   published_from="text" if published else "none")


# ------------------------------------------------------------------ story matching's neighbours


def _closest_by_every_pair(ids, vectors, published, by_names, by_words, keep):
    """The pairs story clustering weighs, computed the plain way: every related pair scored, each
    article's `keep` closest by (score, earlier partner first), a pair kept when either keeps it."""
    from claimcheck.align.stories import PUBLISHED_GAP_DAYS, _postings, similarity
    index = _postings(ids, vectors)
    related = {(min(a, b), max(a, b)) for m in index.values() for a in m for b in m if a != b}
    scores = {}
    for a, b in related:
        da, db = published.get(ids[a]), published.get(ids[b])
        if da and db and abs((da - db).days) > PUBLISHED_GAP_DAYS:
            continue
        s, names = similarity(vectors[ids[a]], vectors[ids[b]])
        if s > 0.0:
            scores[(a, b)] = (s, names)
    mine = {k: [] for k in range(len(ids))}
    for (a, b), (s, names) in scores.items():
        score = s / (by_names if names else by_words)[1]
        mine[a].append((score, -b))
        mine[b].append((score, -a))
    kept = set()
    for x, items in mine.items():
        for _, y in sorted(items, reverse=True)[:keep]:
            kept.add((min(x, -y), max(x, -y)))
    return {p: scores[p] for p in kept}


@pytest.mark.parametrize("seed", range(4))
def test_story_neighbours_are_each_articles_closest_of_every_related_pair(ruleset, seed, monkeypatch):
    """A large flat corpus: an article weighs only its MAX_NEIGHBOURS closest related articles
    (kept as packed ints, re-scored at the end, for memory). The pairs, cosines and 'by names'
    flags are exactly those of scoring every pair and keeping each article's closest."""
    import random
    from claimcheck.align import stories
    monkeypatch.setattr(stories, "MAX_NEIGHBOURS", 4)
    rnd = random.Random(seed)
    places = ["Dunmore", "Valdoria", "Kestrel", "Osk", "Marlow", "Tiber", "Quell", "Ardent"]
    words = ["fire", "flood", "quake", "storm", "police", "hospital", "village", "bridge", "river", "school"]
    arts = []
    for i in range(40):
        names = " ".join(f"The town of {rnd.choice(places)} said." for _ in range(rnd.randint(0, 3)))
        text = " ".join(rnd.choice(words) for _ in range(12)) + ". " + names
        arts.append(article(f"a{i:02d}", text, date(2024, 3, 1 + rnd.randint(0, 27)) if rnd.random() < 0.8 else None))
    vectors = stories.article_vectors(arts, ruleset)
    ids = [a.id for a in arts]
    published = {a.id: a.published for a in arts}
    expected = _closest_by_every_pair(ids, vectors, published, stories.LINK_BY_NAMES, stories.LINK_BY_WORDS, 4)
    pa, pb, sims, by = stories._neighbours(ids, vectors, published, stories.LINK_BY_NAMES, stories.LINK_BY_WORDS)
    got = {(a, b): (s, bool(n)) for a, b, s, n in zip(pa, pb, sims, by)}
    every = _closest_by_every_pair(ids, vectors, published, stories.LINK_BY_NAMES, stories.LINK_BY_WORDS, len(ids))
    assert len(expected) < len(every) / 2      # the bound is reached: most related pairs are not kept
    assert any(names for _, names in expected.values()) and not all(names for _, names in expected.values())
    assert got == expected
