"""Reports: the JSON contract, determinism, atomic writes, HTML escaping and self-containment, terminal."""
from __future__ import annotations

import io
import json
import math
import re
from datetime import date
from pathlib import Path

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
        assert filename == f"claimcheck.{name}" and isinstance(render(rep), str)
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
    assert "from dateline" in page and "corpus/notes.docx" in page


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
    assert "Discrepancies" in out and "Fact" in out and "Severity" in out
    assert "How many countries signed" in out and "did not sign (1)" in out
    assert "warning (suppressed)" in out
    assert "<img src=x" in out  # article text printed as text, not interpreted
    last = out.strip().splitlines()[-1]
    assert last.startswith("claimcheck: 5 articles · 11 claims · 4 facts · 2 errors, 1 warning (1 suppressed)")
    assert str(paths[0]) in last


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
