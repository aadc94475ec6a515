"""The HTML report: one self-contained file, rendered with Jinja2 (autoescape on) from a view model.

Article text is untrusted. It reaches the page through autoescaped `{{ }}` expressions (every one passes
view.neutral first, so bidi overrides cannot reverse the report's own text), and once per article inside
a JSON data block (<script type="application/json">, never executed) whose `<`, `>` and `&` are written as
\\u escapes, so it cannot close its element; the page's script reads it as text and builds DOM text nodes
from it, never HTML. The only `|safe` values are this package's own stylesheet and script and that data
block. A Content-Security-Policy meta tag forbids every network load and allows only our own inline
script (by hash), so even an escaping bug could not run an article's script.
"""
from __future__ import annotations

import base64
import hashlib
import json as _json
from collections import OrderedDict
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..models import Article, Claim, Discrepancy, Report
from . import view
from .stories import layout
from . import FILENAMES
from .atomic import atomic_open
from .json import SEVERITY_ORDER, generated_at, ordered, summary

FILENAME = FILENAMES["html"]
TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, finalize=_finalize)
    return env


def _finalize(value: Any) -> Any:
    """Every {{ }} value: bidi controls out of plain strings (our own Markup assets pass as they are)."""
    return view.neutral(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def safe_url(url: str) -> str:
    """Only http(s) links are rendered; javascript:, data: and anything else are dropped."""
    u = (url or "").strip()
    return u if u.lower().startswith(("http://", "https://")) else ""


# ---------------------------------------------------------------- view model

OPEN_CARDS = 20            # up to this many findings the cards start open; more start as a compact list
MAX_ARTICLE_CHARS = 400_000  # an article's text carried whole up to this size (claims past it: no context)
SEVERITIES = ("error", "warning", "info")


class _Texts:
    """The article texts the page needs, once per article, with offsets as the browser counts them."""

    def __init__(self, arts: dict[str, Article], keys: dict[str, str]):
        self.arts, self.keys = arts, keys
        self.maps: dict[str, view.TextMap] = {}

    def map(self, art_id: str) -> Optional[view.TextMap]:
        a = self.arts.get(art_id)
        if a is None or not a.text:
            return None
        if art_id not in self.maps:
            self.maps[art_id] = view.TextMap(a.text[:MAX_ARTICLE_CHARS])
        return self.maps[art_id]

    def ranges(self, c: Claim) -> str:
        """"cs s e ce": context start, claim start, claim end, context end (UTF-16 offsets)."""
        a, m = self.arts.get(c.article), self.map(c.article)
        if a is None or m is None or not (0 <= c.start <= c.end <= min(len(a.text), MAX_ARTICLE_CHARS)) \
                or a.text[c.start:c.end] != c.text:
            return ""
        cs, ce = view.context_bounds(a.text[:MAX_ARTICLE_CHARS], c.start, c.end)
        return " ".join(str(m.js(i)) for i in (cs, c.start, c.end, ce))

    def blob(self) -> Markup:
        """The JSON data block: {key: text}. <, >, & and line separators as \\u escapes: it cannot end early."""
        data = {self.keys[i]: m.text for i, m in sorted(self.maps.items(), key=lambda kv: self.keys[kv[0]])}
        raw = _json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                        ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
            raw = raw.replace(ch, esc)
        return Markup(raw)


TITLE_CHARS = 200          # titles and outlets longer than this are shortened on the page (with "…")


def _title(a: Optional[Article], fallback: str, corpus: str) -> str:
    if a is None:
        return view.one_line(fallback, TITLE_CHARS) or "untitled"
    return view.one_line(a.title or view.relative_path(a.path, corpus) or a.id, TITLE_CHARS) or "untitled"


def _claim_view(c: Claim, art: Optional[Article], art_key: str, texts: Optional[_Texts], corpus: str) -> dict[str, Any]:
    before, match, after = view.highlight(c)
    return {
        "id": c.id, "text": c.text, "kind": c.kind,
        "article_key": art_key,
        "article_title": _title(art, c.article, corpus),
        "outlet": view.one_line(art.outlet, TITLE_CHARS) if art else "",
        "published": view.fmt_day(art.published) if art and art.published else "",
        "published_iso": art.published.isoformat() if art and art.published else "",
        "url": safe_url(art.url) if art else "",
        "path": view.relative_path(art.path, corpus) if art else "",
        "before": before, "match": match, "after": after,
        "label": view.value_label(c), "reading": view.value_reading(c),
        "rule": c.rule, "why": c.why, "ranges": texts.ranges(c) if texts is not None else "",
    }


def _groups(claims: list[Claim], arts: dict[str, Article], keys: dict[str, str], texts: Optional[_Texts],
            corpus: str) -> list[dict[str, Any]]:
    """Claims grouped by value; with `texts`, each claim carries its article's text for context."""
    grouped: "OrderedDict[str, list[Claim]]" = OrderedDict()
    for c in claims:
        grouped.setdefault(view.value_key(c), []).append(c)
    out = []
    for i, members in enumerate(grouped.values()):
        n_articles = len({c.article for c in members})
        labels = [view.value_label(c) for c in members]
        label = max(dict.fromkeys(labels), key=labels.count)  # most common wording, first on ties
        out.append({
            "label": label, "reading": view.value_reading(members[0]),
            "n_articles": n_articles, "n_claims": len(members), "order": i,
            "claims": [_claim_view(c, arts.get(c.article), keys.get(c.article, ""), texts, corpus)
                       for c in members],
        })
    out.sort(key=lambda g: (-g["n_articles"], g["order"]))
    return out


def headline(groups: list[dict[str, Any]]) -> str:
    """3 articles say 58 · 1 says more than 30."""
    parts = []
    for i, g in enumerate(groups):
        n = g["n_articles"]
        who = view.plural(n, "article") if i == 0 else str(n)
        parts.append(f"{who} {'says' if n == 1 else 'say'} {g['label']}")
    return " · ".join(parts)


def timeline(claims: list[Claim], arts: dict[str, Article], updates: list[Discrepancy]) -> list[dict[str, Any]]:
    """The fact's values in publication order, one point per article; the later claim of an update marked.

    Empty unless the articles span at least two publication days.
    """
    first: "OrderedDict[str, Claim]" = OrderedDict()
    for c in claims:
        first.setdefault(c.article, c)
    dated = [(arts[a].published, arts[a], c) for a, c in first.items() if a in arts and arts[a].published]
    if len({d for d, _, _ in dated}) < 2:
        return []
    dated.sort(key=lambda x: (x[0], x[1].id))
    pub = {a.id: d for d, a, _ in dated}
    rose: dict[str, str] = {}
    for d in updates:
        cs = [c for c in claims if c.id in d.claims and c.article in pub]
        if len(cs) >= 2:
            cs.sort(key=lambda c: pub[c.article])
            rose[cs[-1].article] = view.value_label(cs[0])
    out, prev = [], None
    for d, a, c in dated:
        v = view.value_label(c)
        out.append({"date": view.fmt_day(d), "iso": d.isoformat(), "value": v,
                    "outlet": a.outlet or _title(a, a.id, ""), "claim": c.id,
                    "is_update": a.id in rose, "rose_from": rose.get(a.id, ""), "same_value": prev == v})
        prev = v
    return out


def suppression_yaml(finding_id: str, label: str, code: str) -> str:
    """A ready entry for a rules/*.yml file; the reason is left for the editor (an empty one is refused).

    The page's script builds the same text (report.js suppressionYaml) when the copy button is pressed;
    tests hold the two equal.
    """
    return ("# claimcheck: accept this finding (if your file has suppressions: already, paste the entry only)\n"
            "suppressions:\n"
            f"  - discrepancy: {finding_id}   # {view.one_line(label, 90)} ({code})\n"
            "    reason: \"\"   # required: why this finding is fine\n")


def _disc_view(d: Discrepancy, label: str) -> dict[str, Any]:
    return {"id": d.id, "code": d.code, "severity": d.severity, "message": d.message,
            "explanation": d.explanation, "suppressed": d.suppressed,
            "suppressed_reason": d.suppressed_reason}


def _range(first, last) -> str:
    if first is None and last is None:
        return "no dates"
    if first == last or last is None or first is None:
        return view.fmt_day(first or last)
    return f"{view.fmt_day(first)} – {view.fmt_day(last)}"


def build_view(rep: Report) -> dict[str, Any]:
    articles, claims, facts, discs = ordered(rep)
    corpus = rep.corpus
    arts = {a.id: a for a in articles}
    keys = {a.id: f"a{i}" for i, a in enumerate(articles)}
    texts = _Texts(arts, keys)
    by_id = {c.id: c for c in claims}
    claim_rank = {c.id: i for i, c in enumerate(claims)}
    per_article: dict[str, int] = {}
    for c in claims:
        per_article[c.article] = per_article.get(c.article, 0) + 1
    lay = layout(rep, facts, claims)

    discs_by_fact: dict[str, list] = {}
    for d in discs:
        discs_by_fact.setdefault(d.fact, []).append(d)

    def fact_claims(ids: list[str]) -> list[Claim]:
        return [by_id[i] for i in sorted(dict.fromkeys(ids), key=lambda i: claim_rank.get(i, 1 << 30))
                if i in by_id]

    def card(fid: str, label: str, kind: str, ds: list[Discrepancy], cs: list[Claim], why: str,
             canonical: str) -> dict[str, Any]:
        active = [d for d in ds if not d.suppressed]
        worst = min((active or ds), key=lambda d: SEVERITY_ORDER.get(d.severity, 3)).severity
        groups = _groups(cs, arts, keys, texts, corpus)
        return {
            "id": fid, "label": label, "kind": kind, "severity": worst, "suppressed": not active,
            "story": lay.story_of_fact.get(fid, lay.stories[0].id if lay.stories else ""),
            "event": lay.event_of_fact.get(fid, ""),
            "article_keys": " ".join(sorted({keys[c.article] for c in cs if c.article in keys})),
            "claim_ids": " ".join(c.id for c in cs),
            "headline": headline(groups), "groups": groups, "why": why, "canonical": canonical,
            "timeline": timeline(cs, arts, [d for d in ds if d.severity == "info"]),
            "discrepancies": [_disc_view(d, label) for d in ds],
        }

    cards, agreed = [], []
    fact_ids = {f.id for f in facts}
    for f in facts:
        ds = discs_by_fact.get(f.id, [])
        cs = fact_claims(list(f.claims) + [cid for d in ds for cid in d.claims])
        if ds:
            cards.append(card(f.id, f.label or f.id, f.kind, ds, cs, f.why, view.fmt_canonical(f.canonical)))
        elif f.status == "consistent" or (f.status != "discrepancy" and len({c.article for c in cs}) > 1):
            groups = _groups(cs, arts, keys, None, corpus)   # agreed facts: no context, no article text
            agreed.append({"id": f.id, "label": f.label or f.id, "kind": f.kind, "why": f.why,
                           "headline": headline(groups), "groups": groups,
                           "n_articles": len({c.article for c in cs})})
    # discrepancies whose fact is missing still show, as their own card
    orphans: "OrderedDict[str, list[Discrepancy]]" = OrderedDict()
    for d in discs:
        if d.fact not in fact_ids:
            orphans.setdefault(d.fact, []).append(d)
    for fid, ds in orphans.items():
        cs = fact_claims([i for d in ds for i in d.claims])
        lay.story_of_fact.setdefault(fid, lay.story_of_article.get(cs[0].article, "") if cs else "")
        cards.append(card(fid, ds[0].message or fid, cs[0].kind if cs else "", ds, cs, "", ""))
    cards.sort(key=lambda c: (c["suppressed"], SEVERITY_ORDER.get(c["severity"], 3)))
    for i, c in enumerate(cards):
        c["dom_id"] = f"finding-{i + 1}"
        c["n"] = i + 1

    # stories, then events inside them, then the cards (in severity order)
    story_rank = {s.id: i for i, s in enumerate(lay.stories)}
    story_views = []
    for s in lay.stories:
        mine = [c for c in cards if c["story"] == s.id]
        counts = {k: 0 for k in (*SEVERITIES, "suppressed")}
        for c in mine:
            for d in c["discrepancies"]:
                counts["suppressed" if d["suppressed"] else d["severity"]] = \
                    counts.get("suppressed" if d["suppressed"] else d["severity"], 0) + 1
        events: "OrderedDict[str, list]" = OrderedDict()
        for c in mine:
            events.setdefault(c["event"], []).append(c)
        ev_views = []
        for eid, evcards in events.items():
            ev = lay.events.get(eid)
            ev_views.append({"id": eid, "label": ev.label if ev else "", "background": bool(ev and ev.background),
                             "why": ev.why if ev else "", "kind": ev.kind if ev else "",
                             "when": view.fmt_span(ev.when.start, ev.when.end, ev.when.granularity)
                             if ev and ev.when and (ev.when.start or ev.when.end) else "",
                             "cards": evcards})
        ev_views.sort(key=lambda e: (e["id"] == "", e["background"]))
        members = [arts[a] for a in s.articles if a in arts]
        story_views.append({
            "id": s.id, "dom_id": f"story-{story_rank[s.id] + 1}", "label": s.label, "folder": s.folder,
            "n_articles": len(members),
            "articles": [{"key": keys[a.id], "title": _title(a, a.id, corpus),
                          "outlet": view.one_line(a.outlet, TITLE_CHARS),
                          "published": view.fmt_day(a.published) if a.published else "no date"}
                         for a in sorted(members, key=lambda a: (a.published or date.max, a.id))],
            "range": _range(s.first, s.last), "counts": counts, "n_findings": sum(counts.values()),
            "events": ev_views, "n_cards": len(mine),
        })
    story_views.sort(key=lambda s: (s["n_cards"] == 0, -s["counts"]["error"], -s["counts"]["warning"],
                                    -s["counts"]["info"], story_rank[s["id"]]))

    card_articles = {k for c in cards for k in c["article_keys"].split()}
    style, script = _asset("report.css"), _asset("report.js")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; "
           f"script-src '{_sha256(script)}'; img-src data:; base-uri 'none'; form-action 'none'")
    summ = summary(rep)
    return {
        "tool": {"name": "claimcheck", "version": __version__},
        "generated_at": generated_at(rep), "generated_at_text": view.fmt_timestamp(generated_at(rep)),
        "corpus": rep.corpus, "model": rep.model,
        "rules": list(rep.rules), "summary": summ,
        "baseline": rep.baseline, "accepted": rep.accepted,
        "consistent": sum(f.status == "consistent" for f in facts),
        "skipped": [{"path": view.relative_path(s.path, corpus), "reason": s.reason}
                    for s in sorted(rep.skipped, key=lambda s: (s.path, s.reason))],
        "warnings": list(rep.warnings),
        "kinds": sorted({c["kind"] for c in cards if c["kind"]}),
        "article_options": [{"key": keys[a.id], "title": view.one_line(_title(a, a.id, corpus), 80),
                             "outlet": view.one_line(a.outlet, 40)}
                            for a in articles if keys[a.id] in card_articles],
        "story_options": [{"id": s["id"], "label": view.one_line(s["label"], 80)}
                          for s in story_views if s["n_cards"]],
        "cards": cards, "stories": story_views, "agreed": agreed, "open_cards": len(cards) <= OPEN_CARDS,
        "articles": [{
            "id": a.id, "key": keys[a.id], "title": view.one_line(a.title, TITLE_CHARS) or "untitled",
            "outlet": view.one_line(a.outlet, TITLE_CHARS),
            "url": safe_url(a.url), "path": view.relative_path(a.path, corpus),
            "published": view.fmt_day(a.published) if a.published else "no date",
            "published_iso": a.published.isoformat() if a.published else "",
            "published_from": a.published_from, "claims": per_article.get(a.id, 0),
            "story": lay.story_of_article.get(a.id, ""),
        } for a in articles],
        "texts": texts.blob(),
        "style": Markup(style), "script": Markup(script), "csp": csp,
    }


def render(rep: Report) -> str:
    return _env().get_template("report.html.j2").render(**build_view(rep))


def write(rep: Report, out_dir: Path, **_: Any) -> Path:
    path = Path(out_dir) / FILENAME
    text = render(rep)  # render fully before touching the file
    with atomic_open(path) as fh:
        fh.write(text)
    return path
