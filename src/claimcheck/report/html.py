"""The HTML report: one self-contained file, rendered with Jinja2 (autoescape on) from a view model.

Article text is untrusted. It only ever reaches the page through autoescaped `{{ }}` expressions; the
only `|safe` values are this package's own stylesheet and script. A Content-Security-Policy meta tag
forbids every network load and allows only our own inline script (by hash), so even an escaping bug
could not run an article's script.
"""
from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..models import Article, Claim, Report
from . import view
from .atomic import atomic_open
from .json import SEVERITY_ORDER, generated_at, ordered, summary

FILENAME = "claimcheck.html"
TEMPLATES = Path(__file__).with_name("templates")


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    return env


def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def safe_url(url: str) -> str:
    """Only http(s) links are rendered; javascript:, data: and anything else are dropped."""
    u = (url or "").strip()
    return u if u.lower().startswith(("http://", "https://")) else ""


# ---------------------------------------------------------------- view model


def _claim_view(c: Claim, art: Optional[Article], art_key: str) -> dict[str, Any]:
    before, match, after = view.highlight(c)
    return {
        "id": c.id, "text": c.text, "kind": c.kind,
        "article_key": art_key,
        "article_title": (art.title if art else "") or (art.path if art else c.article) or "untitled",
        "outlet": art.outlet if art else "",
        "published": view.fmt_day(art.published) if art and art.published else "",
        "url": safe_url(art.url) if art else "",
        "before": before, "match": match, "after": after,
        "label": view.value_label(c), "reading": view.value_reading(c),
        "rule": c.rule, "why": c.why,
    }


def _groups(claims: list[Claim], arts: dict[str, Article], keys: dict[str, str]) -> list[dict[str, Any]]:
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
            "claims": [_claim_view(c, arts.get(c.article), keys.get(c.article, "")) for c in members],
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


def build_view(rep: Report) -> dict[str, Any]:
    articles, claims, facts, discs = ordered(rep)
    arts = {a.id: a for a in articles}
    keys = {a.id: f"a{i}" for i, a in enumerate(articles)}
    by_id = {c.id: c for c in claims}
    claim_rank = {c.id: i for i, c in enumerate(claims)}
    per_article: dict[str, int] = {}
    for c in claims:
        per_article[c.article] = per_article.get(c.article, 0) + 1

    discs_by_fact: dict[str, list] = {}
    for d in discs:
        discs_by_fact.setdefault(d.fact, []).append(d)

    def fact_claims(ids: list[str]) -> list[Claim]:
        return [by_id[i] for i in sorted(dict.fromkeys(ids), key=lambda i: claim_rank.get(i, 1 << 30))
                if i in by_id]

    cards, agreed = [], []
    fact_ids = {f.id for f in facts}
    for f in facts:
        ds = discs_by_fact.get(f.id, [])
        cs = fact_claims(list(f.claims) + [cid for d in ds for cid in d.claims])
        if ds:
            active = [d for d in ds if not d.suppressed]
            worst = min((active or ds), key=lambda d: SEVERITY_ORDER.get(d.severity, 2)).severity
            groups = _groups(cs, arts, keys)
            cards.append({
                "id": f.id, "dom_id": f"fact-{len(cards) + 1}", "label": f.label or f.id, "kind": f.kind,
                "severity": worst, "suppressed": not active,
                "article_keys": " ".join(sorted({keys[c.article] for c in cs if c.article in keys})),
                "claim_ids": " ".join(c.id for c in cs),
                "headline": headline(groups), "groups": groups, "why": f.why,
                "canonical": view.fmt_canonical(f.canonical),
                "discrepancies": [{
                    "id": d.id, "code": d.code, "severity": d.severity, "message": d.message,
                    "explanation": d.explanation, "suppressed": d.suppressed,
                    "suppressed_reason": d.suppressed_reason,
                } for d in ds],
            })
        elif f.status == "consistent" or len({c.article for c in cs}) > 1:
            groups = _groups(cs, arts, keys)
            agreed.append({"id": f.id, "label": f.label or f.id, "kind": f.kind, "why": f.why,
                           "headline": headline(groups), "groups": groups,
                           "n_articles": len({c.article for c in cs})})
    # discrepancies whose fact is missing still show, as their own card
    for d in discs:
        if d.fact not in fact_ids:
            cs = fact_claims(d.claims)
            groups = _groups(cs, arts, keys)
            cards.append({
                "id": d.fact, "dom_id": f"fact-{len(cards) + 1}", "label": d.message or d.fact,
                "kind": cs[0].kind if cs else "", "severity": d.severity, "suppressed": d.suppressed,
                "article_keys": " ".join(sorted({keys[c.article] for c in cs if c.article in keys})),
                "claim_ids": " ".join(c.id for c in cs), "headline": headline(groups), "groups": groups,
                "why": "", "canonical": "",
                "discrepancies": [{"id": d.id, "code": d.code, "severity": d.severity, "message": d.message,
                                   "explanation": d.explanation, "suppressed": d.suppressed,
                                   "suppressed_reason": d.suppressed_reason}],
            })
    cards.sort(key=lambda c: (c["suppressed"], SEVERITY_ORDER.get(c["severity"], 2)))

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
        "consistent": sum(f.status == "consistent" for f in facts),
        "skipped": sorted(rep.skipped, key=lambda s: (s.path, s.reason)),
        "warnings": list(rep.warnings),
        "kinds": sorted({c["kind"] for c in cards if c["kind"]}),
        "article_options": [{"key": keys[a.id], "title": a.title or a.path, "outlet": a.outlet}
                            for a in articles if keys[a.id] in card_articles],
        "cards": cards, "agreed": agreed,
        "articles": [{
            "id": a.id, "key": keys[a.id], "title": a.title or "untitled", "outlet": a.outlet,
            "url": safe_url(a.url), "path": a.path,
            "published": view.fmt_day(a.published) if a.published else "no date",
            "published_iso": a.published.isoformat() if a.published else "",
            "published_from": a.published_from, "claims": per_article.get(a.id, 0),
        } for a in articles],
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
