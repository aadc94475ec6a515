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


# ---------------------------------------------------------------- newsroom scale: stories, events, updates

from claimcheck.models import Event, Story  # noqa: E402

RLO_TITLE = "\u202eQuake toll rises\u202c in the province"   # a right-to-left override in a title
LONG_WORD = "x" * 3000                                      # one 3,000-character word


def _quake_articles() -> list[Article]:
    days = [date(2025, 7, 2), date(2025, 7, 3), date(2025, 7, 4)]
    tolls = ["12", "15", "19"]
    outlets = ["Morning Post", "Evening Star", "Daily Wire"]
    arts = []
    for i, (d, toll, outlet) in enumerate(zip(days, tolls, outlets)):
        rescue = ("Rescue teams searched the \u202erubble through the night\u202c. " if i == 1
                  else "Rescue teams searched the rubble through the night. ")   # an RLO in article text
        body = (f"PROVINCE, {d:%B} {d.day} -- A powerful quake struck the province on Wednesday. "
                f"At least {toll} people were killed in the quake, officials said. "
                f"The magnitude {'6.1' if i == 0 else '6.4'} quake was felt across the region. "
                + rescue
                + "The 2004 tsunami killed 170 people in the same province. "
                + ("It was a " + LONG_WORD + " day. " if i == 2 else "")
                + "Schools stayed closed on Thursday.")
        arts.append(Article(id=f"quake/{i + 1:02d}", path=f"corpus/quake/{i + 1:02d}.txt",
                            title=RLO_TITLE if i == 1 else (f"Quake {LONG_WORD}" if i == 2 else "Quake strikes province"),
                            outlet=outlets[i], url="" if i == 1 else f"https://example.org/quake/{i + 1}",
                            published=d, published_from="text", text=body))
    return arts


def make_newsroom(generated_at: str = "2025-07-05T09:00:00+00:00") -> Report:
    """The summit story of make_report plus a quake story: three days of papers, a rising toll (updates),
    a magnitude contradiction, a background tsunami event, an RTL override and a 3,000-character word."""
    rep = make_consistent_fact(make_report(hostile=True, generated_at=generated_at))
    summit_ids = sorted(a.id for a in rep.articles)
    quake = _quake_articles()
    rep.articles.extend(quake)
    q1, q2, q3 = quake
    toll = [_claim_in(a, f"c-toll{i + 1}", f"At least {n} people were killed in the quake, officials said.",
                      f"At least {n} people", "count", subject="person", predicate="kill", object="quake",
                      unit="person", rule="builtin.count", trigger="killed", event="E-quake",
                      why="hedge 'at least' + number + unit noun + verb class kill",
                      quantity=count_q(float(n), None, hi=False, el=float(n), eh=float(n) * 1.2, hedge="at least",
                                       value=float(n), text=f"At least {n}"))
            for i, (a, n) in enumerate(zip(quake, (12, 15, 19)))]
    mag = [_claim_in(a, f"c-mag{i + 1}", f"The magnitude {m} quake was felt across the region.", m, "magnitude",
                     subject="quake", predicate="measure", unit="magnitude", rule="quake.magnitude",
                     event="E-quake", why="rule quake.magnitude", quantity=count_q(float(m), float(m), text=m))
           for i, (a, m) in enumerate(zip(quake, ("6.1", "6.4", "6.4")))]
    tsunami = [_claim_in(a, f"c-ts{i + 1}", "The 2004 tsunami killed 170 people in the same province.",
                         "170 people", "count", subject="person", predicate="kill", object="tsunami",
                         unit="person", rule="builtin.count", event="E-tsunami", why="number + unit noun",
                         quantity=count_q(170.0, 170.0, text="170"))
               for i, a in enumerate((q1, q3))]
    rep.claims.extend(toll + mag + tsunami)
    rep.facts.extend([
        Fact(id="f-toll", label="people killed in the quake", kind="count", claims=[c.id for c in toll],
             status="discrepancy", story="S-quake", event="E-quake",
             why="same event (the quake on 2 July), predicate class kill, unit class person"),
        Fact(id="f-mag", label="magnitude of the main quake", kind="magnitude", claims=[c.id for c in mag],
             status="discrepancy", story="S-quake", event="E-quake", why="same event, same measure"),
        Fact(id="f-tsunami", label="people killed in the 2004 tsunami", kind="count",
             claims=[c.id for c in tsunami], status="consistent", story="S-quake", event="E-tsunami",
             why="same background event (the 2004 tsunami)"),
    ])
    for f in rep.facts:
        if f.id in ("f-count", "f-signing", "f-date", "f-agree"):
            f.story, f.event = "S-summit", "E-summit"
    rep.discrepancies.extend([
        Discrepancy(id="d-toll-1", fact="f-toll", code="update", severity="info", claims=["c-toll1", "c-toll2"],
                    message="The toll rose from at least 12 (2 Jul) to at least 15 (3 Jul)",
                    explanation="a later day's paper gives a higher cumulative toll"),
        Discrepancy(id="d-toll-2", fact="f-toll", code="update", severity="info", claims=["c-toll2", "c-toll3"],
                    message="The toll rose from at least 15 (3 Jul) to at least 19 (4 Jul)",
                    explanation="a later day's paper gives a higher cumulative toll"),
        Discrepancy(id="d-mag", fact="f-mag", code="contradiction", severity="error", claims=["c-mag1", "c-mag2"],
                    message="magnitude of the main quake: 6.1 vs 6.4", explanation="[6.1, 6.1] and [6.4, 6.4] are disjoint"),
    ])
    rep.stories = [
        Story(id="S-summit", label="Paris AI summit", articles=summit_ids, folder=""),
        Story(id="S-quake", label="Quake in the province", articles=[a.id for a in quake], folder="quake"),
    ]
    rep.events = [
        Event(id="E-summit", story="S-summit", label="the AI Action Summit in Paris", kind="summit",
              articles=summit_ids, why="every article names the summit"),
        Event(id="E-quake", story="S-quake", label="the quake on 2 July", kind="quake",
              when=DateSpan(date(2025, 7, 2), date(2025, 7, 2), "day"), where="the province",
              articles=[a.id for a in quake], why="quake, 2 July, the province in every article"),
        Event(id="E-tsunami", story="S-quake", label="the 2004 tsunami", kind="tsunami",
              when=DateSpan(date(2004, 1, 1), date(2004, 12, 31), "year"), articles=[q1.id, q3.id],
              background=True, why="an earlier event the articles mention"),
    ]
    return rep


def make_many(n_findings: int = 1000, per_story: int = 25) -> Report:
    """A corpus-sized report: n_findings findings on n_findings facts, articles of ~2,000 characters."""
    articles, claims, facts, discs, stories = [], [], [], [], []
    filler = ("Officials gave more details at a briefing in the capital on Tuesday afternoon. "
              "Witnesses described the scene to reporters. ") * 10
    n_stories = max(1, n_findings // per_story)
    for s in range(n_stories):
        ids = []
        for k in range(4):
            aid = f"s{s:03d}/a{k}"
            body = filler + " ".join(f"In item {j}, {10 + j + (k % 2)} people were injured in blast {s}-{j}."
                                     for j in range(per_story)) + " " + filler
            articles.append(Article(id=aid, path=f"corpus/s{s:03d}/a{k}.txt", title=f"Story {s} report {k}",
                                    outlet=f"Outlet {k}", url=f"https://example.org/{s}/{k}",
                                    published=date(2025, 1, 1 + (s % 28)), published_from="text", text=body))
            ids.append(aid)
        stories.append(Story(id=f"S{s}", label=f"Blasts in town {s}", articles=ids, folder=f"s{s:03d}"))
        for j in range(per_story):
            if len(discs) >= n_findings:
                break
            cs = []
            for k in (0, 1):
                a = articles[-4 + k]
                sent = f"In item {j}, {10 + j + (k % 2)} people were injured in blast {s}-{j}."
                cs.append(_claim_in(a, f"c{s}-{j}-{k}", sent, f"{10 + j + (k % 2)} people", "count",
                                    subject="person", predicate="injure", unit="person", rule="builtin.count",
                                    quantity=count_q(float(10 + j + k % 2), float(10 + j + k % 2),
                                                     text=str(10 + j + k % 2))))
            claims.extend(cs)
            fid = f"F{s}-{j}"
            facts.append(Fact(id=fid, label=f"people injured in blast {s}-{j}", kind="count",
                              claims=[c.id for c in cs], status="discrepancy", story=f"S{s}"))
            discs.append(Discrepancy(id=f"D{s}-{j}", fact=fid, code="contradiction",
                                     severity="error" if j % 3 else "warning", claims=[c.id for c in cs],
                                     message=f"{10 + j} vs {11 + j}", explanation="disjoint"))
    return Report(articles=articles, claims=claims, facts=facts, discrepancies=discs, stories=stories,
                  model="en_core_web_sm", corpus="corpus", generated_at="2025-02-01T00:00:00+00:00")
