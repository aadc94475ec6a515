"""Open the HTML report in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright's Python
package; no browser download) and check it as an editor would use it.

Skips with its reason when no browser is available locally; with CI=true a missing browser is a failure.
Saves a screenshot to tests/artifacts/report.png.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from claimcheck import report
from report_fixtures import make_consistent_fact, make_report

CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install playwright)"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def skip_or_fail(reason: str | None) -> None:
    """Locally a missing browser skips (with its reason); in CI (CI=true) it is a failure."""
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser test must run in CI: {reason}")
        pytest.skip(reason)


def test_missing_browser_skips_locally_and_fails_in_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        skip_or_fail("no Chromium at /nowhere")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run in CI"):
        skip_or_fail("no Chromium at /nowhere")


@pytest.fixture(scope="module")
def browser():
    skip_or_fail(_missing())
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    rep = make_consistent_fact(make_report(hostile=True))
    report.write_reports(rep, out, ["html", "json"], quiet=True)
    data = json.loads((out / "claimcheck.json").read_text(encoding="utf-8"))
    return out / "claimcheck.html", data


class Watched:
    """A page plus everything it did that it should not have: dialogs, console errors, requests."""

    def __init__(self, browser, html: Path, width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=True)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(html.as_uri())
        self.page.wait_for_load_state("load")

    def visible_facts(self) -> list[str]:
        return self.page.eval_on_selector_all(".card", "cs => cs.filter(c => !c.hidden && c.offsetParent !== null)"
                                              ".map(c => c.dataset.fact)")

    def close(self):
        self.context.close()


@pytest.fixture
def page(browser, written):
    w = Watched(browser, written[0])
    yield w
    w.close()


def test_cards_match_json(page, written):
    _, data = written
    discs = data["discrepancies"]
    expected = {d["fact"] for d in discs}
    cards = page.page.eval_on_selector_all(".card", """cs => cs.map(c => ({
        fact: c.dataset.fact, severity: c.dataset.severity, suppressed: c.dataset.suppressed,
        claims: Array.from(c.querySelectorAll('.claim')).map(x => x.dataset.claim),
        discs: Array.from(c.querySelectorAll('[data-discrepancy]')).map(x => x.dataset.discrepancy),
        title: c.querySelector('h3').textContent}))""")
    assert {c["fact"] for c in cards} == expected
    assert len(cards) == len(expected)
    facts = {f["id"]: f for f in data["facts"]}
    for card in cards:
        mine = [d for d in discs if d["fact"] == card["fact"]]
        assert sorted(card["discs"]) == sorted(d["id"] for d in mine)
        active = [d for d in mine if not d["suppressed"]]
        worst = "error" if any(d["severity"] == "error" for d in (active or mine)) else "warning"
        assert card["severity"] == worst
        assert card["suppressed"] == ("false" if active else "true")
        wanted = set(facts[card["fact"]]["claims"]) | {c for d in mine for c in d["claims"]}
        assert set(card["claims"]) == wanted
        assert card["title"] == facts[card["fact"]]["label"]
    # the numbers at the top are the JSON summary
    for key in ("articles", "claims", "facts", "errors", "warnings", "suppressed", "skipped"):
        assert page.page.text_content(f"#n-{key}").strip() == str(data["summary"][key])
    # agreeing articles sit together: one value column says 58 for two articles
    count_card = page.page.locator('.card[data-fact="f-count"]')
    assert "2 articles say 58" in count_card.locator(".headline").text_content()
    assert page.page.locator("table tbody tr").count() == len(data["articles"])
    assert page.page.locator("details.agreed").count() == 1
    assert not page.dialogs and not page.errors


def test_filters_hide_and_show_cards(page, written):
    p = page.page
    all_facts = page.visible_facts()
    assert len(all_facts) == 3
    assert p.text_content("#f-count") == "3 of 3 shown"

    p.uncheck('input[name=severity][value=error]')
    assert set(page.visible_facts()) == {"f-date"}  # f-count and f-signing have errors; f-date is suppressed
    p.uncheck('input[name=severity][value=suppressed]')
    assert page.visible_facts() == []
    assert p.is_visible("#no-match")
    p.check('input[name=severity][value=error]')
    p.check('input[name=severity][value=suppressed]')
    assert sorted(page.visible_facts()) == sorted(all_facts)

    p.select_option("#f-kind", "signing")
    assert page.visible_facts() == ["f-signing"]
    p.select_option("#f-kind", "")

    # article filter: the Wire article (003) has claims in the count and date facts only
    key = p.eval_on_selector('#f-article option:text-is("Summit ends (Wire)")', "o => o.value")
    p.select_option("#f-article", key)
    assert sorted(page.visible_facts()) == ["f-count", "f-date"]
    p.select_option("#f-article", "")

    p.fill("#f-search", "grand palais")
    assert page.visible_facts() == ["f-date"]
    p.fill("#f-search", "no such words anywhere")
    assert page.visible_facts() == []
    p.click("#f-reset")
    assert sorted(page.visible_facts()) == sorted(all_facts)

    # keyboard: "/" focuses the search, cards take focus with Tab order
    p.keyboard.press("Escape")
    p.locator("body").focus()
    p.keyboard.press("/")
    assert p.evaluate("document.activeElement.id") == "f-search"
    p.focus(".card >> nth=0")
    assert p.evaluate("document.activeElement.classList.contains('card')")
    assert not page.dialogs and not page.errors


def test_hostile_article_runs_nothing(page, written):
    p = page.page
    p.wait_for_timeout(200)
    assert page.dialogs == []
    assert page.errors == []
    assert p.evaluate("typeof window.__pwned") == "undefined"
    # no injected element: our one script, no img/svg/iframe, no on* attributes, no javascript: links
    assert p.evaluate("document.scripts.length") == 1
    assert p.evaluate("document.querySelectorAll('img, svg, iframe, object, embed, link').length") == 0
    assert p.evaluate("""Array.from(document.querySelectorAll('*')).filter(e =>
        Array.from(e.attributes).some(a => a.name.startsWith('on'))).length""") == 0
    assert p.evaluate("""Array.from(document.querySelectorAll('a[href]'))
        .filter(a => !/^https?:/.test(a.getAttribute('href'))).length""") == 0
    # the hostile text is shown, as text
    card = p.locator('.card[data-fact="f-count"]')
    assert "<script>window.__pwned = 'title'" in card.text_content()
    assert card.locator("mark", has_text="12 countries").count() == 1
    # hovering and clicking the hostile quote does nothing either
    q = card.locator('.claim[data-claim="c-h1"] blockquote')
    q.hover()
    q.click()
    assert page.dialogs == [] and page.errors == []
    # nothing was fetched but the file itself
    assert all(u.startswith("file://") for u in page.requests), page.requests


def test_screenshots(browser, written):
    ARTIFACTS.mkdir(exist_ok=True)
    w = Watched(browser, written[0])
    try:
        w.page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        assert not w.dialogs and not w.errors
    finally:
        w.close()
    phone = Watched(browser, written[0], width=390)
    try:
        # readable at phone width: nothing scrolls sideways
        assert phone.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        phone.page.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=True)
    finally:
        phone.close()
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
