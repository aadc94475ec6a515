"""End to end: a custom kind, an alias, a canonical fact and a suppression each change the report
as the README's "Writing rules" section documents."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

pipeline = pytest.importorskip("claimcheck.pipeline", reason="claimcheck.pipeline is not written yet")

REPO = Path(__file__).resolve().parents[1]

ARTICLE_A = """\
Strong quake shakes the coast

March 3, 2025

A magnitude 6.1 earthquake struck off the coast of Sumatra on Monday, the geological agency said.
Washington refused to sign the regional statement on disaster relief.
"""

ARTICLE_B = """\
Quake hits Sumatra

March 3, 2025

The 6.4-magnitude quake struck off the coast of Sumatra on Monday, seismologists said.
The United States signed the regional statement on disaster relief.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return d


def rules_dir(tmp_path: Path, name: str, *files: tuple[str, str], quake: bool = False) -> Path:
    d = tmp_path / name
    d.mkdir()
    if quake:
        shutil.copy(REPO / "rules" / "earthquake.yml", d / "earthquake.yml")
    for fname, content in files:
        (d / fname).write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return d


def run(corpus: Path, rules: Path):
    return pipeline.run(corpus, rules_dir=rules, cache=False)


def magnitude_findings(rep):
    facts = {f.id for f in rep.facts if f.kind == "magnitude"}
    return [d for d in rep.discrepancies if d.fact in facts]


def signing_findings(rep):
    facts = {f.id for f in rep.facts if f.kind == "signing"}
    return [d for d in rep.discrepancies if d.fact in facts]


def test_custom_kind_flags_6_1_against_6_4(corpus, tmp_path):
    # magnitudes are built in (rule measure.label); a user rule of kind `magnitude` takes them over
    without = run(corpus, rules_dir(tmp_path, "none"))
    builtin = [c for c in without.claims if c.kind == "magnitude"]
    assert sorted(c.custom_value for c in builtin) == ["6.1", "6.4"]
    assert {c.rule for c in builtin} == {"measure.label"}
    assert len(magnitude_findings(without)) == 1

    rep = run(corpus, rules_dir(tmp_path, "quake", quake=True))
    claims = [c for c in rep.claims if c.kind == "magnitude"]
    assert sorted(c.custom_value for c in claims) == ["6.1", "6.4"]
    assert {c.rule for c in claims} == {"quake.magnitude"}
    found = magnitude_findings(rep)
    assert len(found) == 1
    d = found[0]
    assert d.code == "contradiction" and d.severity == "error" and not d.suppressed
    assert "6.1" in d.message and "6.4" in d.message
    assert sorted(d.claims) == sorted(c.id for c in claims)


def test_alias_joins_two_names_into_one_fact(corpus, tmp_path):
    without = run(corpus, rules_dir(tmp_path, "none"))
    assert not signing_findings(without)          # "Washington" and "United States" are different subjects

    rep = run(corpus, rules_dir(tmp_path, "alias", ("aliases.yml", """
        aliases:
          United States: [U.S., US, USA, America, Washington]
        """)))
    found = signing_findings(rep)
    assert len(found) == 1 and found[0].code == "contradiction"
    assert {c.subject for c in rep.claims if c.kind == "signing"} == {"United States"}


def test_canonical_fact_is_checked_against_every_claim(corpus, tmp_path):
    rep = run(corpus, rules_dir(tmp_path, "canonical", ("facts.yml", """
        canonical:
          - id: sumatra.magnitude
            kind: magnitude
            predicate: measure
            unit: magnitude
            object: earthquake
            value: 6.4
            source: USGS event page
        """), quake=True))
    canon = [d for d in magnitude_findings(rep) if d.code.startswith("canonical-")]
    assert len(canon) == 1                         # only the 6.1 claim disagrees with 6.4
    d = canon[0]
    claim = next(c for c in rep.claims if c.id == d.claims[0])
    assert claim.custom_value == "6.1"
    assert "USGS event page" in d.message
    fact = next(f for f in rep.facts if f.id == d.fact)
    assert fact.canonical and fact.canonical["value"] == "6.4"


def test_suppression_marks_but_keeps_the_discrepancy(corpus, tmp_path):
    rep = run(corpus, rules_dir(tmp_path, "quake", quake=True))
    d_id = magnitude_findings(rep)[0].id

    by_id = run(corpus, rules_dir(tmp_path, "by-id", ("accepted.yml", f"""
        suppressions:
          - discrepancy: {d_id}
            reason: the agency revised 6.1 to 6.4 later that day
        """), quake=True))
    found = magnitude_findings(by_id)
    assert len(found) == 1, "a suppressed discrepancy is never dropped"
    assert found[0].suppressed and found[0].suppressed_reason == "the agency revised 6.1 to 6.4 later that day"

    by_fact = run(corpus, rules_dir(tmp_path, "by-fact", ("accepted.yml", """
        suppressions:
          - fact: magnitude
            article: a
            reason: article a used the preliminary reading
        """), quake=True))
    found = magnitude_findings(by_fact)
    assert len(found) == 1 and found[0].suppressed
    assert found[0].suppressed_reason == "article a used the preliminary reading"


def test_rule_severity_changes_the_finding(corpus, tmp_path):
    rep = run(corpus, rules_dir(tmp_path, "soft", ("soft.yml", """
        claims:
          - id: quake.magnitude
            kind: magnitude
            predicate: measure
            unit: magnitude
            severity: warning
            patterns:
              - [{LOWER: magnitude}, {LIKE_NUM: true, CAPTURE: value}, {LOWER: {IN: [earthquake, quake]}, CAPTURE: object}]
              - [{LIKE_NUM: true, CAPTURE: value}, {ORTH: "-", OP: "?"}, {LOWER: magnitude}, {LOWER: {IN: [earthquake, quake]}, CAPTURE: object}]
            examples:
              match: ["A magnitude 6.1 earthquake struck."]
              no_match: ["The earthquake struck."]
        aliases:
          earthquake: [quake]
        """)))
    found = magnitude_findings(rep)
    assert len(found) == 1 and found[0].severity == "warning"
