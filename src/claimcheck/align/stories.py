"""Stories: which articles cover the same events (DESIGN.md section 4.1).

A corpus subfolder is the user's own grouping of one story: its articles stay together unless one of
them shares almost nothing with the others (a flood report dropped among fire reports). Articles of
different subfolders are never one story. Inside a folder, or in a flat corpus, articles are
clustered by what they name (proper names, weighted by tf-idf; content words when an article names
nothing) and by when they were published, with average linkage: an article joins a story when it
is close to one of its articles and, on average, to all of them (so a chain of loosely related
articles never makes one story).

Only article pairs that share a name or word are ever scored (an inverted index), so the cost grows
with the pairs of related articles, not with all pairs.
"""
from __future__ import annotations

import hashlib
import heapq
import math
import re
import struct
import sys
from array import array
from collections import Counter, defaultdict
from typing import Optional

from ..stopwords import STOP_WORDS

from ..models import Article, RuleSet, Story

CAPWORD = re.compile(r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)+)")
WORDS = re.compile(r"[A-Za-z][a-z]{2,}")

# Cosine two articles need to be one story: (an edge to one article, the average over the story).
# Measured on the 12 ECB+ gold folders copied flat: articles of one folder have a median names
# cosine of 0.43, folders of one topic (two rehab stays, two quakes) 0.15, unrelated folders under
# 0.06 (99% of pairs). Content words (articles that share no name): the crowd-size scenario's three
# reports of one march 0.08-0.22, its fire and flood reports (two-stories) 0.03-0.06.
LINK_BY_NAMES = (0.2, 0.12)
LINK_BY_WORDS = (0.08, 0.075)
# Inside one subfolder the user already grouped the articles: only an article that shares almost
# nothing with the rest is put apart (the two-stories scenario: a flood among fire reports).
FOLDER_LINK_BY_NAMES = (0.06, 0.03)
FOLDER_LINK_BY_WORDS = (0.05, 0.03)
MAX_POSTINGS = 60             # a name or word in more articles than this pairs none (cost bound)
# Each article weighs its MAX_NEIGHBOURS closest related articles (a pair is kept while either
# keeps the other): a memory bound for large flat corpora. Measured on ECB+ in one JSONL file: an
# article is related to 286 others on average (117k pairs), and 5x ECB+ held 912k pairs; with 100
# the stories of 1x and 2x ECB+ flat are exactly those found with every pair (with 50, one story of
# 2x splits in two); find_stories' peak on 5x ECB+ fell from 281 MB (vectors included) to 89 MB.
MAX_NEIGHBOURS = 100
PUBLISHED_GAP_DAYS = 45        # coverage of one event clusters in time: articles published further
                                # apart than this are never one story


def folder_of(article: Article) -> str:
    """The corpus subfolder an article sits in ("" at the top of the corpus)."""
    head, sep, _ = article.id.rpartition("/")
    return head if sep else ""


def _words(article: Article, skip: set[str]) -> tuple[Counter, Counter]:
    """An article's proper names and its content words, for story matching."""
    names, words = Counter(), Counter()
    text = article.title + "\n" + article.text
    for m in WORDS.finditer(text):
        w = m.group(0).lower()
        if w not in STOP_WORDS and w not in skip:
            words[w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w] += 1
    for m in CAPWORD.finditer(text):
        before = text[max(0, m.start() - 20):m.start()].rstrip() if m.start() else ""
        if not before or before[-1] in '.!?:"\u201c\u2018\'(-\u2014\n':
            continue      # a capital that only starts a sentence names nothing
        w = m.group(0).lower().replace(".", "")
        if w not in STOP_WORDS and w not in skip and len(w) > 1:
            names[w] += 1
    return names, words


def _tfidf(vecs: list, keep: int = 60, min_df: int = 1) -> list[dict[str, float]]:
    """Unit-length tf-idf vectors of the `keep` heaviest terms. `vecs`: each article's (terms,
    counts), as _counts gives them; each is let go as soon as its vector is made."""
    df = Counter()
    for terms, _ in vecs:
        df.update(terms)
    n = len(vecs)
    out = []
    for k, (terms, counts) in enumerate(vecs):
        vecs[k] = None
        w = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in zip(terms, counts) if df[t] >= min_df}
        top = dict(sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
        norm = math.sqrt(sum(x * x for x in top.values())) or 1.0
        out.append({t: x / norm for t, x in top.items()})
    return out


def _counts(counter: Counter) -> tuple[tuple, tuple]:
    """A Counter as two tuples (its terms, interned, and their counts), in its order: a third of a
    dict's size, for every article of the corpus at once."""
    return tuple(sys.intern(t) for t in counter), tuple(counter.values())


def article_vectors(articles: list[Article], ruleset: RuleSet) -> dict[str, tuple[dict, dict]]:
    """article id -> (tf-idf vector of its proper names, of its content words), unit length.
    Names tell events apart (two earthquakes share every word but their places); articles without
    names fall back on their words."""
    skip = {k.lower() for k in list(ruleset.months) + list(ruleset.weekdays)}
    names, words = [], []
    for a in articles:
        nc, wc = _words(a, skip)
        names.append(_counts(nc))
        words.append(_counts(wc))
    # a name in one article only (a byline, a quoted bystander) can say nothing about a shared story
    names = _tfidf(names, min_df=2)
    words = _tfidf(words)
    return {a.id: (nv, wv) for a, nv, wv in zip(articles, names, words)}


def cosine(va: dict[str, float], vb: dict[str, float]) -> float:
    if len(vb) < len(va):
        va, vb = vb, va
    return sum(x * vb.get(t, 0.0) for t, x in va.items())


def similarity(va: tuple[dict, dict], vb: tuple[dict, dict]) -> tuple[float, bool]:
    """(cosine, by names?) of two articles: their proper names when both have some, else their words."""
    (na, wa), (nb, wb) = va, vb
    return (cosine(na, nb), True) if na and nb else (cosine(wa, wb), False)


def _postings(ids: list[str], vectors: dict) -> dict[str, list[int]]:
    """name or word -> the articles that have it, as positions in `ids` (an inverted index: no
    all-pairs). A term in more than MAX_POSTINGS articles is left out (it tells no story apart)."""
    index: dict[str, list[int]] = defaultdict(list)
    for k, i in enumerate(ids):
        nv, wv = vectors[i]
        for t in set(nv) | {"w:" + t for t in wv}:
            index[t].append(k)
    return {t: m for t, m in index.items() if 1 < len(m) <= MAX_POSTINGS}


_DOUBLE, _BITS = struct.Struct("<d"), struct.Struct("<Q")
_RANK = 0xFFFFFFFF


def _neighbours(ids: list[str], vectors: dict, published: dict, by_names: tuple, by_words: tuple
                ) -> tuple[array, array, array, bytearray]:
    """The pairs of related articles (sharing a term of _postings, published close enough) that story
    clustering weighs: each article's MAX_NEIGHBOURS closest, in units of the average a story
    needs. Returned as four columns, one row a pair: positions a < b in `ids`, their cosine and
    whether it is by names. Every pair is scored once, article by article, and no set of all pairs
    is built: on a large corpus its size, not the corpus's, would be the cost.

    Memory (the largest part of alignment's on a large flat corpus): an article's closest are a
    heap of single ints, the score's bits above the partner's position (the order of (score,
    -position), as a tuple would compare them, at a fifth of a tuple's size); the kept pairs are
    re-scored once at the end, by the same function on the same two vectors, instead of every
    scored pair being kept in a dict while the heaps fill."""
    index = _postings(ids, vectors)
    terms: list[list[str]] = [[] for _ in ids]
    for t, members in index.items():
        for k in members:
            terms[k].append(t)
    vecs = [vectors[i] for i in ids]
    days = [published.get(i) for i in ids]
    best: list[list[int]] = [[] for _ in ids]     # article -> heap of score bits << 32 | (_RANK - partner)
    pack, unpack = _DOUBLE.pack, _BITS.unpack
    for a in range(len(ids)):
        later = {b for t in terms[a] for b in index[t] if b > a}
        terms[a] = []
        da, va = days[a], vecs[a]
        for b in sorted(later):
            db = days[b]
            if da and db and abs((da - db).days) > PUBLISHED_GAP_DAYS:
                continue
            s, names = similarity(va, vecs[b])
            if s <= 0.0:
                continue
            bits = unpack(pack(s / (by_names if names else by_words)[1]))[0] << 32
            for x, y in ((a, b), (b, a)):
                heap = best[x]
                item = bits | (_RANK - y)
                if len(heap) < MAX_NEIGHBOURS:
                    heapq.heappush(heap, item)
                elif item > heap[0]:
                    heapq.heapreplace(heap, item)
    del index, terms
    # a pair is kept while either article keeps the other among its closest
    kept = set()
    for x, heap in enumerate(best):
        for item in heap:
            y = _RANK - (item & _RANK)
            kept.add((x, y) if x < y else (y, x))
        best[x] = []
    del best
    pa, pb, sims, by = array("i"), array("i"), array("d"), bytearray()
    for a, b in sorted(kept):
        s, names = similarity(vecs[a], vecs[b])
        pa.append(a)
        pb.append(b)
        sims.append(s)
        by.append(names)
    return pa, pb, sims, by


def _folder_stories(ids: list[str], vectors: dict, published: dict) -> list[list[str]]:
    """A subfolder is one story, less the articles that share almost nothing with the rest of it
    (measured against the folder's centroid, so the cost is linear); those are clustered apart."""
    if len(ids) < 3:
        return _cluster(ids, vectors, published, in_folder=True)
    names, words = defaultdict(float), defaultdict(float)
    for i in ids:
        for t, x in vectors[i][0].items():
            names[t] += x
        for t, x in vectors[i][1].items():
            words[t] += x
    keep, out = [], []
    for i in ids:
        nv, wv = vectors[i]
        rest_n = {t: names[t] - nv.get(t, 0.0) for t in nv}
        rest_w = {t: words[t] - wv.get(t, 0.0) for t in wv}
        k = len(ids) - 1
        sim_n = sum(x * rest_n[t] for t, x in nv.items()) / k
        sim_w = sum(x * rest_w[t] for t, x in wv.items()) / k
        ok = sim_n >= FOLDER_LINK_BY_NAMES[1] if nv and sim_n > 0 else sim_w >= FOLDER_LINK_BY_WORDS[1]
        (keep if ok else out).append(i)
    stories = [keep] if keep else []
    return stories + (_cluster(out, vectors, published, in_folder=True) if out else [])


def _cluster(ids: list[str], vectors: dict, published: dict, in_folder: bool) -> list[list[str]]:
    by_names = FOLDER_LINK_BY_NAMES if in_folder else LINK_BY_NAMES
    by_words = FOLDER_LINK_BY_WORDS if in_folder else LINK_BY_WORDS
    pa, pb, sims, by = _neighbours(ids, vectors, published, by_names, by_words)
    # stories are numbered by the position of their first article (the same int objects throughout)
    pos = list(range(len(ids)))
    cluster: list[list[int]] = [[k] for k in pos]      # story number -> its articles' positions
    story = pos[:]                                      # article position -> its story's number
    # between[c][d]: the sum of sims (in units of the average a story needs) over every pair of
    # articles of stories c and d, kept up to date as stories merge (so average linkage costs the
    # stories' neighbours, not their sizes multiplied: the same sums as adding up every pair, without
    # the quadratic cost on a large corpus)
    between: list[Optional[dict[int, float]]] = [{} for _ in pos]
    edges = []
    for a, b, s, names in zip(pa, pb, sims, by):
        link, avg = by_names if names else by_words
        x = s / avg
        between[a][pos[b]] = between[b][pos[a]] = x      # each pair once: its sum so far is x
        if s >= link:
            ia, ib = ids[a], ids[b]
            edges.append((s / link, ia, ib, a, b) if ia < ib else (s / link, ib, ia, b, a))
    del pa, pb, sims, by
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    for _, _, _, a, b in edges:
        ka, kb = story[a], story[b]
        if ka == kb:
            continue
        ca, cb = cluster[ka], cluster[kb]
        # average linkage: the two stories, article by article, must be close enough on average
        total = between[ka].get(kb, 0.0)
        if total / (len(ca) * len(cb)) < 1.0:
            continue
        ca.extend(cb)
        for x in cb:
            story[x] = ka
        cluster[kb] = []
        row_b, between[kb] = between[kb], None
        for kc, x in row_b.items():       # cb's sums become ca's
            if kc == ka:
                continue
            between[ka][kc] = between[ka].get(kc, 0.0) + x
            row = between[kc]
            row[ka] = row.get(ka, 0.0) + row.pop(kb)
        between[ka].pop(kb, None)
    del between, edges
    # in the order of their first articles
    out = sorted((sorted(cluster[k]) for k in pos if story[k] == k), key=lambda m: m[0])
    return [[ids[m] for m in members] for members in out]


def find_stories(articles: list[Article], ruleset: RuleSet,
                 vectors: Optional[dict] = None) -> tuple[list[Story], dict[str, str]]:
    """The corpus's stories and, for each article id, the id of its story."""
    vectors = vectors or article_vectors(articles, ruleset)
    published = {a.id: a.published for a in articles}
    by_folder: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        by_folder[folder_of(a)].append(a.id)
    arts = {a.id: a for a in articles}
    stories: list[Story] = []
    story_of: dict[str, str] = {}
    for folder in sorted(by_folder):
        members_of = _folder_stories(by_folder[folder], vectors, published) if folder else \
            _cluster(by_folder[folder], vectors, published, in_folder=False)
        for members in members_of:
            sid = "S" + hashlib.sha1("|".join(sorted(members)).encode()).hexdigest()[:10]
            dates = sorted(d for d in (published.get(m) for m in members) if d)
            stories.append(Story(id=sid, label=_label(folder, [arts[m] for m in members], vectors),
                                 articles=members, folder=folder,
                                 first=dates[0] if dates else None, last=dates[-1] if dates else None))
            for m in members:
                story_of[m] = sid
    return stories, story_of


def _label(folder: str, members: list[Article], vectors: dict) -> str:
    """A story's name: its folder, else the names its articles share most."""
    if folder:
        return folder.rsplit("/", 1)[-1]
    weight = Counter()
    for a in members:
        for t, x in vectors[a.id][0].items():
            weight[t] += x
    top = [t for t, _ in weight.most_common(3)]
    if top:
        return ", ".join(w.title() if not w.isupper() else w for w in top)
    title = next((a.title for a in members if a.title), "")
    return title[:60] or members[0].id
