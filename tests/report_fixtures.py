"""Hand-built Report objects for the report tests (no NLP needed)."""
from __future__ import annotations

from datetime import date

from claimcheck.models import Article, Claim, DateSpan, Discrepancy, Fact, Quantity, Report, Skipped

HOSTILE_TITLE = "<script>window.__pwned = 'title'; alert('title')</script>Evil & Co"
HOSTILE_OUTLET = '<img src=x onerror="window.__pwned=\'outlet\'; alert(1)">'
HOSTILE_URL = "javascript:alert('url')"
HOSTILE_SENTENCE = ('The <a href="javascript:alert(2)">agency</a> said 12 countries signed '
                    '<svg onload="alert(3)"></svg></blockquote><script>window.__pwned = "quote"</script> today.')


def _claim_in(article: Article, cid: str, sentence: str, text: str, kind: str, **kw) -> Claim:
    """A claim whose offsets point into article.text (which must contain the sentence)."""
    s0 = article.text.index(sentence)
    start = s0 + sentence.index(text)
    return Claim(id=cid, article=article.id, kind=kind, text=text, quote=sentence, start=start,
                 end=start + len(text), sentence_start=s0, **kw)


def count_q(low, high, *, li=True, hi=True, el=None, eh=None, eli=True, ehi=True, hedge=None, value=None,
            text="", approximate=False) -> Quantity:
    return Quantity(low=low, high=high, low_inclusive=li, high_inclusive=hi, approximate=approximate,
                    expected_low=low if el is None else el, expected_high=high if eh is None else eh,
                    expected_low_inclusive=eli, expected_high_inclusive=ehi, hedge=hedge,
                    value=value, text=text)


def make_report(hostile: bool = True, generated_at: str = "2025-02-14T09:00:00+00:00") -> Report:
    s_a1 = "A total of 58 nations endorsed the Statement on Inclusive and Sustainable AI on Tuesday."
    s_a2 = "The summit was held on February 10 and 11 at the Grand Palais."
    a1 = Article(id="001_xinhua", path="corpus/001_xinhua.txt", title="Paris AI summit closes with statement",
                 outlet="Xinhua", url="https://example.org/xinhua/1", published=date(2025, 2, 12),
                 published_from="dateline", text=f"PARIS, Feb. 12 (Xinhua) -- {s_a1} {s_a2}")
    s_b1 = "Some 58 countries signed the Statement on Inclusive and Sustainable AI."
    s_b2 = "The United States refused to sign the statement."
    b = Article(id="002_guardian", path="corpus/002_guardian.html", title="US and UK decline to sign AI declaration",
                outlet="The Guardian", url="https://example.org/guardian/2", published=date(2025, 2, 11),
                published_from="html-meta", text=f"{s_b1} {s_b2}")
    s_c1 = "More than 30 countries signed the Statement on Inclusive and Sustainable AI, officials said."
    s_c2 = "The summit, held on Feb. 10, drew leaders from around the world."
    c = Article(id="003_wire", path="corpus/003_wire.md", title="Summit ends", outlet="Wire",
                published=None, published_from="none", text=f"{s_c1} {s_c2}")
    s_d1 = "In all, 58 states backed the Statement on Inclusive and Sustainable AI."
    s_d2 = "The United States signed the statement, a spokesman claimed."
    d = Article(id="004_blog", path="corpus/004_blog.txt", title="Notes from Paris", outlet="Tech Blog",
                published=date(2025, 2, 13), published_from="text", text=f"{s_d1} {s_d2}")
    articles = [d, c, b, a1]  # deliberately not in id order
    claims = [
        _claim_in(a1, "c-a1", s_a1, "58 nations", "count", subject="country", predicate="sign",
                  object="Statement on Inclusive and Sustainable AI", unit="country", rule="builtin.count",
                  why="number + unit noun + verb class sign",
                  quantity=count_q(58.0, 58.0, text="58", value=58.0)),
        _claim_in(b, "c-b1", s_b1, "Some 58 countries", "count", subject="country", predicate="sign",
                  object="Statement on Inclusive and Sustainable AI", unit="country", rule="builtin.count",
                  why="hedge 'some' + number", quantity=count_q(52.2, 63.8, approximate=True, hedge="some",
                                                              value=58, text="Some 58")),
        _claim_in(c, "c-c1", s_c1, "More than 30 countries", "count", subject="country", predicate="sign",
                  object="Statement on Inclusive and Sustainable AI", unit="country", rule="builtin.count",
                  why="hedge 'more than' (strict lower bound)",
                  quantity=count_q(30.0, None, li=False, hi=False, el=30.0, eh=40.0, eli=False, ehi=True,
                                   hedge="more than", value=30.0, text="More than 30")),
        _claim_in(d, "c-d1", s_d1, "58 states", "count", subject="country", predicate="sign",
                  object="Statement on Inclusive and Sustainable AI", unit="country", rule="builtin.count",
                  why="number + unit noun", quantity=count_q(58, 58, text="58", value=58)),
        _claim_in(a1, "c-a2", s_a2, "February 10 and 11", "date", subject="summit", predicate="hold",
                  rule="builtin.date", why="two days of one month",
                  date=DateSpan(date(2025, 2, 10), date(2025, 2, 11), "range", text="February 10 and 11")),
        _claim_in(c, "c-c2", s_c2, "Feb. 10", "date", subject="summit", predicate="hold", rule="builtin.date",
                  why="month + day", date=DateSpan(date(2025, 2, 10), date(2025, 2, 10), "day", text="Feb. 10")),
        _claim_in(b, "c-b2", s_b2, "The United States refused to sign", "signing", subject="United States",
                  predicate="sign", object="Statement on Inclusive and Sustainable AI", polarity=False,
                  rule="builtin.signing", why="negative verb 'refused to'"),
        _claim_in(d, "c-d2", s_d2, "The United States signed", "signing", subject="United States",
                  predicate="sign", object="Statement on Inclusive and Sustainable AI", polarity=True,
                  rule="builtin.signing", why="verb class sign"),
    ]
    facts = [
        Fact(id="f-count", label="How many countries signed the Statement on Inclusive and Sustainable AI",
             kind="count", claims=["c-d1", "c-c1", "c-b1", "c-a1"], status="discrepancy",
             why="same kind (count), predicate class sign, unit class country, same document"),
        Fact(id="f-signing", label="Did the United States sign the Statement on Inclusive and Sustainable AI",
             kind="signing", claims=["c-b2", "c-d2"], status="discrepancy",
             why="same entity (United States), same document"),
        Fact(id="f-date", label="When the summit was held", kind="date", claims=["c-a2", "c-c2"],
             status="discrepancy", why="same event (summit), predicate hold"),
    ]
    discs = [
        Discrepancy(id="d-count-mismatch", fact="f-count", code="mismatch", severity="warning",
                    claims=["c-c1", "c-a1", "c-b1", "c-d1"],
                    message="4 articles disagree on how many countries signed: 58 / some 58 / more than 30",
                    explanation="'more than 30' reads as (30, 40], which excludes 58"),
        Discrepancy(id="d-signing", fact="f-signing", code="contradiction", severity="error",
                    claims=["c-b2", "c-d2"], message="Did the United States sign? one says yes, one says no",
                    explanation="'signed' and 'refused to sign' cannot both be true"),
        Discrepancy(id="d-date", fact="f-date", code="mismatch", severity="warning", claims=["c-a2", "c-c2"],
                    message="When the summit was held: 10–11 Feb 2025 / 10 Feb 2025",
                    explanation="one day against two days", suppressed=True,
                    suppressed_reason="rules/local.yml: summit dates known to vary"),
    ]
    if hostile:
        h = Article(id="005_hostile", path="corpus/005_hostile.html", title=HOSTILE_TITLE, outlet=HOSTILE_OUTLET,
                    url=HOSTILE_URL, published=date(2025, 2, 12), published_from="html-meta",
                    text="Intro. " + HOSTILE_SENTENCE)
        articles.append(h)
        claims.append(_claim_in(h, "c-h1", HOSTILE_SENTENCE, "12 countries", "count", subject="country",
                                predicate="sign", object="Statement on Inclusive and Sustainable AI",
                                unit="country", rule="builtin.count",
                                why='<img src=x onerror="alert(4)">',
                                quantity=count_q(12, 12, text="12", value=12)))
        facts[0].claims.append("c-h1")
        discs.append(Discrepancy(id="d-count-contra", fact="f-count", code="contradiction", severity="error",
                                 claims=["c-h1", "c-a1"], message="12 vs 58 <b onmouseover=alert(5)>x</b>",
                                 explanation="[12, 12] and [58, 58] are disjoint"))
    return Report(articles=articles, claims=claims, facts=facts, discrepancies=discs,
                  skipped=[Skipped("corpus/notes.docx", "unsupported file type .docx")],
                  warnings=["003_wire: no publication date; relative dates stay unresolved"],
                  rules=["builtin:default_rules.yml", "rules/local.yml"], model="en_core_web_sm",
                  corpus="corpus", generated_at=generated_at)


def make_consistent_fact(rep: Report) -> Report:
    """Add a fact that two articles agree on (for the collapsed section)."""
    a = next(x for x in rep.articles if x.id == "001_xinhua")
    rep.facts.append(Fact(id="f-agree", label="Where the summit was held", kind="venue",
                          claims=["c-x1", "c-x2"], status="consistent", why="same event, same predicate"))
    b = next(x for x in rep.articles if x.id == "004_blog")
    b.text += " It took place at the Grand Palais."
    rep.claims.append(_claim_in(a, "c-x1", "The summit was held on February 10 and 11 at the Grand Palais.",
                                "Grand Palais", "venue", subject="summit", predicate="hold",
                                custom_value="Grand Palais", rule="rules/local.yml#venue"))
    rep.claims.append(_claim_in(b, "c-x2", "It took place at the Grand Palais.", "Grand Palais", "venue",
                                subject="summit", predicate="hold", custom_value="Grand Palais",
                                rule="rules/local.yml#venue"))
    return rep
