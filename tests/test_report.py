"""Reports: the JSON contract, determinism, atomic writes, HTML escaping and self-containment, terminal."""
from __future__ import annotations

import io
import json
import math
import re
from datetime import date

import pytest
from rich.console import Console

from claimcheck import report
from claimcheck.models import Claim, DateSpan, Quantity, Report
from claimcheck.report import html as html_mod
from claimcheck.report import json as json_mod
from claimcheck.report import terminal, view
from claimcheck.report.atomic import atomic_open
from report_fixtures import HOSTILE_OUTLET, HOSTILE_SENTENCE, HOSTILE_TITLE, make_consistent_fact, make_report


@pytest.fixture
def rep() -> Report:
    return make_consistent_fact(make_report(hostile=True))


# ---------------------------------------------------------------- JSON contract


def test_json_top_level_contract(rep):
    d = json_mod.to_dict(rep)
    assert d["schema_version"] == 1
    assert d["tool"] == {"name": "claimcheck", "version": d["tool"]["version"]}
    for key in ("generated_at", "corpus", "model", "rules", "summary", "articles", "skipped", "warnings",
                "claims", "facts", "discrepancies"):
        assert key in d
    assert d["summary"] == {"articles": 5, "claims": 11, "facts": 4, "discrepancies": 4, "errors": 2,
                            "warnings": 1, "updates": 0, "suppressed": 1, "facts_with_findings": 3,
                            "accepted": 0, "skipped": 1}
    assert d["skipped"] == [{"path": "corpus/notes.docx", "reason": "unsupported file type .docx"}]
    assert d["rules"] == ["builtin:default_rules.yml", "rules/local.yml"]


def test_json_articles_claims_facts_discrepancies(rep):
    d = json_mod.to_dict(rep)
    arts = {a["id"]: a for a in d["articles"]}
    assert [a["id"] for a in d["articles"]] == sorted(arts)
    assert set(arts["001_xinhua"]) >= {"id", "path", "title", "outlet", "url", "published", "published_from",
                                       "claims"}
    assert arts["001_xinhua"]["published"] == "2025-02-12"
    assert arts["001_xinhua"]["claims"] == 3
    assert arts["003_wire"]["published"] is None and arts["003_wire"]["published_from"] == "none"

    claims = {c["id"]: c for c in d["claims"]}
    c = claims["c-a1"]
    assert set(c) >= {"id", "article", "kind", "text", "quote", "start", "end", "subject", "predicate", "object",
                      "unit", "value", "rule", "why"}
    art = next(a for a in rep.articles if a.id == c["article"])
    assert art.text[c["start"]:c["end"]] == c["text"]
    assert c["text"] in c["quote"]

    facts = {f["id"]: f for f in d["facts"]}
    assert set(facts["f-count"]) >= {"id", "label", "kind", "claims", "status", "why", "canonical"}
    assert set(facts["f-count"]["claims"]) == {"c-a1", "c-b1", "c-c1", "c-d1", "c-h1"}
    assert [f["status"] for f in d["facts"]][-1] == "consistent"  # discrepancies first

    discs = d["discrepancies"]
    assert set(discs[0]) >= {"id", "fact", "code", "severity", "claims", "message", "explanation", "suppressed",
                             "suppressed_reason"}
    assert [x["severity"] for x in discs if not x["suppressed"]] == ["error", "error", "warning"]
    assert discs[-1]["suppressed"] and discs[-1]["suppressed_reason"].startswith("rules/local.yml")
    all_claims = set(claims)
    for x in discs:
        assert set(x["claims"]) <= all_claims and x["fact"] in facts


def test_json_value_dicts(rep):
    claims = {c["id"]: c for c in json_mod.to_dict(rep)["claims"]}
    assert claims["c-a1"]["value"] == {
        "low": 58, "high": 58, "low_inclusive": True, "high_inclusive": True, "approximate": False,
        "unit": "country", "expected_low": 58, "expected_high": 58, "expected_low_inclusive": True,
        "expected_high_inclusive": True, "hedge": None, "value": 58}
    assert isinstance(claims["c-a1"]["value"]["low"], int)  # 58.0 -> 58
    more = claims["c-c1"]["value"]
    assert more["low"] == 30 and more["high"] is None and more["low_inclusive"] is False
    assert (more["expected_low"], more["expected_high"], more["expected_high_inclusive"]) == (30, 40, True)
    assert more["hedge"] == "more than"
    assert claims["c-b1"]["value"]["low"] == 52.2 and claims["c-b1"]["value"]["approximate"] is True
    assert claims["c-a2"]["value"] == {"start": "2025-02-10", "end": "2025-02-11", "granularity": "range",
                                       "relative": False, "resolved": True}
    assert claims["c-b2"]["value"] == {"polarity": False, "entity": "United States",
                                       "object": "Statement on Inclusive and Sustainable AI"}
    assert claims["c-x1"]["value"] == {"text": "Grand Palais"}


def test_json_unit_falls_back_to_quantity_unit_and_infinite_bounds_are_null():
    q = Quantity(low=math.inf * -1, high=math.inf, unit="%", expected_low=None, expected_high=float("nan"))
    c = Claim(id="c", article="a", kind="count", text="x", quote="x", start=0, end=1, quantity=q)
    v = json_mod.claim_value(c)
    assert v["unit"] == "%" and v["low"] is None and v["high"] is None and v["expected_high"] is None
    json.dumps(v, allow_nan=False)
    unresolved = Claim(id="d", article="a", kind="date", text="Monday", quote="on Monday", start=3, end=9,
                       date=DateSpan(None, None, "day", relative=True, resolved=False))
    assert json_mod.claim_value(unresolved) == {"start": None, "end": None, "granularity": "day",
                                                "relative": True, "resolved": False}


def test_json_is_identical_on_two_runs_apart_from_generated_at(tmp_path, rep):
    a, b = tmp_path / "a", tmp_path / "b"
    report.write_reports(rep, a, ["json", "html"], quiet=True)
    other = make_consistent_fact(make_report(hostile=True, generated_at="2030-01-01T00:00:00+00:00"))
    other.claims.reverse()
    other.facts.reverse()
    other.discrepancies.reverse()
    other.articles.reverse()
    report.write_reports(other, b, ["json", "html"], quiet=True)
    ja, jb = (json.loads((p / "claimcheck.json").read_text(encoding="utf-8")) for p in (a, b))
    assert ja.pop("generated_at") != jb.pop("generated_at")
    assert ja == jb
    strip = lambda s: re.sub(r"2025-02-14T09:00:00\+00:00|2030-01-01T00:00:00\+00:00|14 Feb 2025, 09:00 UTC|"
                             r"1 Jan 2030, 00:00 UTC", "", s)
    assert strip((a / "claimcheck.html").read_text()) == strip((b / "claimcheck.html").read_text())
    raw = (a / "claimcheck.json").read_text(encoding="utf-8")
    assert raw.startswith('{\n  "schema_version": 1') and "\u2013" in raw  # indent=2, ensure_ascii=False


def test_generated_at_filled_when_missing():
    r = make_report(generated_at="")
    assert re.match(r"\d{4}-\d\d-\d\dT", json_mod.to_dict(r)["generated_at"])


# ---------------------------------------------------------------- atomic writes


def test_write_reports_creates_dir_and_leaves_no_temp_files(tmp_path, rep):
    out = tmp_path / "deep" / "reports"
    paths = report.write_reports(rep, out, ["html", "json", "table"], quiet=True)
    assert paths == [out / "claimcheck.json", out / "claimcheck.html"]
    assert sorted(p.name for p in out.iterdir()) == ["claimcheck.html", "claimcheck.json"]
    assert (out / "claimcheck.json").stat().st_mode & 0o777 == 0o644


def test_failing_writer_leaves_old_report_intact(tmp_path, rep, monkeypatch):
    report.write_reports(rep, tmp_path, ["html", "json"], quiet=True)
    old_json = (tmp_path / "claimcheck.json").read_text()
    old_html = (tmp_path / "claimcheck.html").read_text()

    with pytest.raises(RuntimeError):
        with atomic_open(tmp_path / "claimcheck.json") as fh:
            fh.write('{"partial": ')
            raise RuntimeError("disk full")
    assert (tmp_path / "claimcheck.json").read_text() == old_json

    def boom(*a, **k):
        raise RuntimeError("template exploded")
    monkeypatch.setattr(html_mod, "render", boom)
    with pytest.raises(RuntimeError):
        report.write_reports(make_report(hostile=False), tmp_path, ["json", "html"], quiet=True)
    assert (tmp_path / "claimcheck.html").read_text() == old_html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claimcheck.html", "claimcheck.json"]


def test_unknown_format_is_rejected(tmp_path, rep):
    assert set(report.FORMATS) == {"html", "json", "table", "csv", "sarif"}
    assert set(report.RENDERERS) == {"html", "json", "csv", "sarif"}
    for name, (filename, render) in report.RENDERERS.items():
        assert filename == f"claimcheck.{name}" and isinstance("".join(render(rep)), str)
    with pytest.raises(ValueError):
        report.write_reports(rep, tmp_path, ["pdf"], quiet=True)


# ---------------------------------------------------------------- HTML


def _html(rep) -> str:
    return html_mod.render(rep)


def test_html_escapes_hostile_article(rep):
    page = _html(rep)
    # two <script> elements: the article texts as a JSON data block (never run), and ours, at the end
    assert page.count("<script") == 2 and page.count('<script type="application/json" id="cc-texts">') == 1
    ours = page[page.index("<script>"):]
    assert "__pwned" not in ours
    data = page[page.index('id="cc-texts">') + len('id="cc-texts">'):page.index("</script>")]
    assert "<" not in data and ">" not in data and "&" not in data   # cannot close its element
    texts = json.loads(data)
    assert any("<svg onload" in t for t in texts.values())           # the text itself, escaped
    # no tag from article text survives: no img/svg/iframe, no on*= attribute inside any tag, no javascript: href
    assert not re.search(r"<(img|svg|iframe|object|embed|a\s+href=\"javascript)", page, re.I)
    assert not re.search(r"<[a-z][^<>]*\son[a-z]+\s*=", page, re.I)
    assert "javascript:" not in re.sub(r"&[^;]+;", "", "".join(re.findall(r'href="([^"]*)"', page)))
    # the text is there, escaped
    assert "&lt;script&gt;window.__pwned = &#39;title&#39;" in page
    assert "&lt;img src=x onerror=" in page
    assert HOSTILE_TITLE not in page and HOSTILE_OUTLET not in page and HOSTILE_SENTENCE not in page


def test_html_is_self_contained(rep):
    page = _html(rep)
    assert not re.search(r"""\ssrc\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#39;none&#39;" in csp and "img-src data:" in csp
    # the only links are the articles' own http(s) URLs, opened by the reader, never loaded
    for href in re.findall(r'href="([^"]*)"', page):
        assert href.startswith("https://example.org/") or re.fullmatch(r"#[a-z0-9-]+", href)


def test_html_script_hash_matches_csp(rep):
    import base64
    import hashlib
    page = _html(rep)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"sha256-{digest}" in page.split("</head>")[0]


def test_html_cards_match_discrepancies_and_group_agreeing_articles(rep):
    page = _html(rep)
    d = json_mod.to_dict(rep)
    cards = re.findall(r'<article class="card[^"]*"[^>]*data-fact="([^"]+)"', page)
    assert sorted(cards) == sorted({x["fact"] for x in d["discrepancies"]})
    assert "2 articles say 58 · 1 says some 58 · 1 says more than 30 · 1 says 12" in page
    assert "(30, ∞), reads as (30, 40] · country" in page
    assert "10–11 Feb 2025" in page
    assert "<mark>58 nations</mark>" in page and "<mark>February 10 and 11</mark>" in page
    assert 'data-suppressed="true"' in page and "summit dates known to vary" in page
    assert 'class="agreed"' in page and "Where the summit was held" in page
    assert "from dateline" in page and "<code><bdi>notes.docx</bdi></code>" in page   # relative to the corpus


def test_html_with_no_findings_renders(tmp_path):
    empty = Report(articles=[], claims=[], facts=[], discrepancies=[], generated_at="2025-01-01T00:00:00")
    page = _html(empty)
    assert "No findings" in page and page.count("<script") == 2


def test_highlight_falls_back_when_offsets_disagree():
    c = Claim(id="c", article="a", kind="count", text="58 nations", quote="Some 58 nations came.", start=99,
              end=109, sentence_start=0)
    assert view.highlight(c) == ("Some ", "58 nations", " came.")
    c.text = "absent"
    assert view.highlight(c) == ("Some 58 nations came.", "", "")


@pytest.mark.parametrize("start,end,gran,expected", [
    (date(2025, 2, 10), date(2025, 2, 11), "range", "10–11 Feb 2025"),
    (date(2025, 2, 10), date(2025, 2, 10), "day", "10 Feb 2025"),
    (date(2023, 10, 1), date(2023, 10, 31), "month", "Oct 2023"),
    (date(2023, 1, 1), date(2023, 12, 31), "year", "2023"),
    (date(2025, 2, 28), date(2025, 3, 2), "range", "28 Feb – 2 Mar 2025"),
    (date(2024, 12, 30), date(2025, 1, 2), "range", "30 Dec 2024 – 2 Jan 2025"),
])
def test_date_spans_read_like_a_person_writes_them(start, end, gran, expected):
    assert view.fmt_span(start, end, gran) == expected


def test_intervals_read_readably():
    assert view.fmt_interval(30, None, False, False) == "(30, ∞)"
    assert view.fmt_interval(58.0, 58.0) == "= 58"
    assert view.fmt_interval(1000, 2000, False, True) == "(1,000, 2,000]"
    assert view.fmt_interval(None, 5, True, True) == "(−∞, 5]"


# ---------------------------------------------------------------- terminal


def _console(buf: io.StringIO) -> Console:
    return terminal.make_console(file=buf)


def test_terminal_table_and_summary(tmp_path, rep):
    buf = io.StringIO()
    paths = report.write_reports(rep, tmp_path, ["json", "table"], console=_console(buf))
    out = buf.getvalue()
    assert "\x1b[" not in out  # no colour when not a terminal
    assert "Facts with findings (3 facts, 4 findings)" in out and "Fact" in out and "Findings" in out
    assert "How many countries signed" in out and "did not sign (1)" in out
    assert "1 suppressed" in out and "1 error, 1 warning" in out
    assert "<img src=x" in out  # article text printed as text, not interpreted
    last = out.strip().splitlines()[-1]
    # one unit per count: findings, and the facts that have them, each labelled
    assert last.startswith("claimcheck: 5 articles · 11 claims · 4 facts · 4 findings (2 errors, 1 warning, "
                           "1 suppressed) on 3 facts with findings · 1 skipped")
    assert str(paths[0]) in last or terminal.shown_path(paths[0]) in last


def test_terminal_paths_are_relative_and_updates_counted(tmp_path, monkeypatch):
    from report_fixtures import make_newsroom
    monkeypatch.chdir(tmp_path)
    r = make_newsroom()
    r.corpus = str(tmp_path / "corpus")
    for a in r.articles:
        a.path = str(tmp_path / a.path)
        a.outlet = ""
        a.title = ""
    buf = io.StringIO()
    report.write_reports(r, tmp_path / "reports", ["json", "table"], console=_console(buf))
    out = buf.getvalue()
    assert str(tmp_path) not in out                       # no absolute path anywhere
    assert "quake/01.txt" in out and "→ reports/claimcheck.json" in out
    assert "2 updates" in out
    assert "7 findings (3 errors, 1 warning, 2 updates, 1 suppressed) on 5 facts with findings" in out


def test_status_spinner_only_on_a_terminal():
    calls = []
    with terminal.status(quiet=True)("Loading"):
        calls.append(1)
    with terminal.status(quiet=False, console=terminal.make_console(file=io.StringIO()))("Loading"):
        calls.append(2)
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=True, width=80)
    with terminal.status(quiet=False, console=con)("Loading the language model"):
        calls.append(3)
    assert calls == [1, 2, 3]
    assert "Loading the language model" in buf.getvalue()


def test_terminal_strips_control_characters_from_article_text(tmp_path):
    r = make_report(hostile=False)
    r.facts[0].label = "How many \x1b[31mcountries\x1b[0m signed\x07\r"
    buf = io.StringIO()
    report.write_reports(r, tmp_path, ["table"], console=_console(buf))
    out = buf.getvalue()
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "[31mcountries[0m" in out


def test_terminal_prints_nothing_when_quiet(tmp_path, rep, capsys):
    report.write_reports(rep, tmp_path, ["html", "json", "table"], quiet=True)
    with terminal.progress(quiet=True) as cb:
        cb(1, 3, "corpus/001.txt")
        cb(3, 3)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_table_goes_to_stdout_without_colour(tmp_path, rep, capsys):
    report.write_reports(rep, tmp_path, ["table"])
    captured = capsys.readouterr()
    assert "claimcheck: 5 articles" in captured.out and "\x1b[" not in captured.out
    assert not (tmp_path / "claimcheck.json").exists()  # table only: no files


def test_progress_callback_exists_off_a_terminal(capsys):
    with terminal.progress(quiet=False) as cb:
        for i in range(3):
            cb(i + 1, 3, label=f"a{i}")
    assert capsys.readouterr().err == ""


def test_progress_bar_on_a_terminal():
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=True, width=80)
    with terminal.progress(quiet=False, console=con) as cb:
        cb(1, 2, "corpus/one.txt")
        cb(2, 2, "corpus/two.txt")
    assert "2/2" in buf.getvalue() or "articles" in buf.getvalue()


# ---------------------------------------------------------------- stories, bidi, relative paths


def test_stories_fall_back_to_subfolders_then_one_story(rep):
    from claimcheck.report.stories import layout
    from report_fixtures import make_newsroom
    flat = layout(rep)                                   # no stories, one folder: one story, all articles
    assert [s.label for s in flat.stories] == ["all articles"]
    assert set(flat.story_of_fact.values()) == {"S-all"}
    nr = make_newsroom()
    nr.stories, nr.events = [], []
    for f in nr.facts:
        f.story = f.event = ""
    lay = layout(nr)                                     # corpus/ and corpus/quake/: two stories
    assert sorted(s.label for s in lay.stories) == ["articles at the top of the corpus", "quake"]
    quake = next(s for s in lay.stories if s.folder == "quake")
    assert lay.story_of_fact["f-toll"] == quake.id and lay.event_of_fact["f-toll"] == ""
    assert (quake.first, quake.last) == (date(2025, 7, 2), date(2025, 7, 4))
    page = html_mod.render(nr)                           # no events: grouped by fact only
    assert 'class="event-h"' not in page and page.count('class="story"') == 2


def test_bidi_controls_never_reach_the_page_and_text_is_isolated():
    from report_fixtures import make_newsroom
    page = html_mod.render(make_newsroom())
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", page)
    assert "Quake toll rises in the province" in page
    assert '<bdi dir="auto" class="title">Quake toll rises in the province</bdi>' in page
    tm = view.TextMap("ab\u202ecd😀ef")
    assert tm.text == "abcd😀ef"
    assert [tm.js(i) for i in (0, 2, 3, 5, 6, 8)] == [0, 2, 2, 4, 6, 8]   # UTF-16 offsets, control removed


@pytest.mark.parametrize("path,corpus,expected", [
    ("corpus/a.txt", "corpus", "a.txt"),
    ("corpus/sub/b.html", "corpus/", "sub/b.html"),
    ("/abs/corpus/x/y.txt", "/abs/corpus", "x/y.txt"),
    ("/abs/corpus.txt", "/abs/corpus.txt", "corpus.txt"),
    ("/elsewhere/z.txt", "corpus", "z.txt"),
])
def test_article_paths_are_relative_to_the_corpus(path, corpus, expected):
    assert view.relative_path(path, corpus) == expected


def test_context_bounds_take_the_sentences_around():
    text = "One. Two is here. Three has 12 people. Four follows. Five. Six."
    s = text.index("12 people")
    cs, ce = view.context_bounds(text, s, s + 9)
    assert text[cs:ce].strip() == "One. Two is here. Three has 12 people. Four follows. Five."


# ---------------------------------------------------------------- CSV and SARIF


def test_csv_reads_back_one_row_per_finding():
    import csv as stdlib_csv
    from report_fixtures import make_newsroom
    from claimcheck.report import csv as csv_mod
    nr = make_newsroom()
    text = csv_mod.render(nr)
    rows = list(stdlib_csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(nr.discrepancies)
    assert list(rows[0]) == csv_mod.COLUMNS
    by_id = {r["finding"]: r for r in rows}
    mag = by_id["d-mag"]
    assert mag["severity"] == "error" and mag["fact"] == "magnitude of the main quake"
    assert mag["values"] == "6.1 | 6.4" and mag["articles"] == "quake/01.txt | quake/02.txt"
    assert mag["outlets"] == "Morning Post | Evening Star" and mag["published"] == "2025-07-02 | 2025-07-03"
    assert mag["quotes"].split(" | ")[0] == "The magnitude 6.1 quake was felt across the region."
    assert mag["story"] == "Quake in the province" and mag["event"] == "the quake on 2 July"
    assert by_id["d-toll-1"]["severity"] == "info"
    assert by_id["d-date"]["suppressed"] == "yes"
    assert "\u202e" not in text
    # a cell a spreadsheet would run as a formula stays text
    nr.articles[0].title = "=HYPERLINK(\"http://evil\")"
    nr.facts[0].label = "+1 people"
    text = csv_mod.render(nr)
    assert "'+1 people" in text
    assert csv_mod.cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and csv_mod.cell("-5") == "'-5"
    assert all(not v.startswith(("=", "+", "@")) for r in stdlib_csv.DictReader(io.StringIO(text, newline=""))
               for v in r.values())


def _sarif_minimal_checks(log: dict) -> None:
    """The parts of the SARIF 2.1.0 schema a reader relies on, checked by hand."""
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for r in driver["rules"]:
        assert r["shortDescription"]["text"]
    for res in run["results"]:
        assert set(res) >= {"ruleId", "message", "level", "locations"}
        assert res["level"] in ("none", "note", "warning", "error")
        assert res["message"]["text"]
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        for loc in res["locations"] + res["relatedLocations"]:
            phys = loc["physicalLocation"]
            assert not phys["artifactLocation"]["uri"].startswith("/")
            reg = phys["region"]
            assert reg["startLine"] >= 1 and reg.get("startColumn", 1) >= 1
            if "endLine" in reg:
                assert (reg["endLine"], reg["endColumn"]) >= (reg["startLine"], reg["startColumn"])
        for s in res.get("suppressions", []):
            assert s["kind"] in ("inSource", "external")


def test_sarif_is_valid_2_1_0_and_a_real_reader_reads_it():
    from report_fixtures import make_newsroom
    from claimcheck.report import sarif as sarif_mod
    nr = make_newsroom()
    text = sarif_mod.render(nr)
    log = json.loads(text)
    _sarif_minimal_checks(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(nr.discrepancies)
    mag = next(r for r in results if r["properties"]["finding"] == "d-mag")
    assert mag["level"] == "error" and mag["ruleId"] == "contradiction"
    loc = mag["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "quake/01.txt"
    assert loc["region"]["snippet"]["text"] == "6.1" and loc["region"]["startLine"] == 1
    art = next(a for a in nr.articles if a.id == "quake/01")
    assert art.text[:loc["region"]["startColumn"] - 1 + 3][-3:] == "6.1"
    assert next(r for r in results if r["properties"]["finding"] == "d-toll-1")["level"] == "note"
    assert next(r for r in results if r["properties"]["finding"] == "d-date")["suppressions"][0]["kind"] == "external"
    # a real reader: the sarif-pydantic object model (SARIF 2.1.0) parses the log
    sp = pytest.importorskip("sarif_pydantic")
    parsed = sp.Sarif.model_validate(log)
    assert parsed.version == "2.1.0"
    assert len(parsed.runs[0].results) == len(results)
    assert parsed.runs[0].results[0].locations[0].physical_location.region.start_line >= 1


def test_write_reports_writes_csv_and_sarif(tmp_path, rep):
    paths = report.write_reports(rep, tmp_path, ["csv", "sarif", "json"], quiet=True)
    assert [p.name for p in paths] == ["claimcheck.json", "claimcheck.csv", "claimcheck.sarif"]
    assert (tmp_path / "claimcheck.csv").read_bytes().count(b"\r\n") == len(rep.discrepancies) + 1
    json.loads((tmp_path / "claimcheck.sarif").read_text())


def test_copied_suppression_is_refused_until_its_reason_is_filled_in(tmp_path):
    from claimcheck import rules as rules_mod
    from claimcheck.errors import ClaimcheckError
    text = html_mod.suppression_yaml("D123abc", "people killed\nin the quake: 12 vs 15", "contradiction")
    assert "\n    reason: \"\"" in text and "# people killed in the quake: 12 vs 15 (contradiction)" in text
    (tmp_path / "local.yml").write_text(text, encoding="utf-8")
    try:
        problems = rules_mod.check_rules(tmp_path)
    except ClaimcheckError as e:
        problems = [str(e)]
    assert problems and "reason" in " ".join(problems)
    (tmp_path / "local.yml").write_text(text.replace('reason: ""', 'reason: "checked with the agency"'),
                                        encoding="utf-8")
    assert rules_mod.check_rules(tmp_path) == []
    assert rules_mod.load_rules(tmp_path).suppressions[0]["discrepancy"] == "D123abc"
