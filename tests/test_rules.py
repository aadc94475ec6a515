"""Rules in YAML: every shipped rule's examples, malformed files and their messages, merging, the CLI."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import patterns, rules
from claimcheck.cli import app
from claimcheck.errors import RuleError

REPO = Path(__file__).resolve().parents[1]
RULES_DIR = REPO / "rules"


def builtin_engine_missing() -> str:
    """Why builtin-engine examples cannot run yet ('' when they can)."""
    try:
        from claimcheck.extract import claims_from_text  # noqa: F401
    except ImportError as e:
        return f"claimcheck.extract.claims_from_text is not available yet ({e})"
    return ""


def write(folder: Path, name: str, content: str) -> Path:
    p = folder / name
    p.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return p


# ---------------------------------------------------------------- every shipped rule's examples


def _examples():
    rs = rules.load_rules(RULES_DIR)
    for rule in rs.claims:
        for ex in rule["examples"]["match"]:
            yield pytest.param(rule["id"], ex, True, id=f"{rule['id']}:match:{ex['text'][:30]}")
        for text in rule["examples"]["no_match"]:
            yield pytest.param(rule["id"], {"text": text}, False, id=f"{rule['id']}:no_match:{text[:30]}")


@pytest.mark.parametrize("rule_id,example,should_match", list(_examples()))
def test_shipped_rule_examples(rule_id, example, should_match):
    rs = rules.load_rules(RULES_DIR)
    rule = rules.claim_rule(rs, rule_id)
    if rule["engine"] == "builtin" and builtin_engine_missing():
        pytest.skip(builtin_engine_missing())
    claims = patterns.example_claims(rule, example["text"], rs)
    assert claims is not None
    if should_match:
        assert claims, f"{rule_id} should match {example['text']!r}"
        assert patterns.example_mismatch(example, claims) == ""
    else:
        assert not claims, f"{rule_id} should not match {example['text']!r}: {[c.text for c in claims]}"


def test_every_builtin_claim_rule_is_declared():
    ids = {r["id"] for r in rules.default_ruleset().claims}
    assert set(rules.BUILTIN_RULE_IDS) <= ids


def test_shipped_rules_check_clean():
    if builtin_engine_missing():
        # the pattern rules are still fully checked
        rs = rules.load_rules(RULES_DIR)
        pf = rules.parse_file((RULES_DIR / "earthquake.yml").read_text(), str(RULES_DIR / "earthquake.yml"))
        files = {rules.BUILTIN_SOURCE: rules._builtin_file(), pf.label: pf}
        assert [str(p) for p in rules.run_examples(rs, files)] == []
    else:
        assert rules.check_rules(RULES_DIR) == []


def test_builtin_file_validates_and_keeps_vocabularies():
    rs = rules.default_ruleset()
    assert rs.hedges and rs.units and rs.verb_classes and rs.aliases
    assert "country" in rs.units
    assert rs.sources == [rules.BUILTIN_SOURCE]
    assert "titles" in rs.extra and "boilerplate" in rs.extra


# ---------------------------------------------------------------- the magnitude rule itself


def test_magnitude_claims_have_exact_spans_and_values():
    nlp = patterns._example_nlp()
    rs = rules.load_rules(RULES_DIR)
    text = "Officials said so. A magnitude 6.1 earthquake hit the region. Later, the 6.4-magnitude quake was revised."
    claims = patterns.match_pattern_claims(nlp(text), "a1", text, rs)
    assert [(c.text, c.custom_value, c.quantity.value) for c in claims] == [
        ("magnitude 6.1 earthquake", "6.1", 6.1), ("6.4-magnitude quake", "6.4", 6.4)]
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert c.kind == "magnitude" and c.rule == "quake.magnitude" and c.unit == "magnitude"
        assert c.object == "earthquake"          # "quake" resolved through the file's aliases
        assert c.quote in text and c.text in c.quote
    assert claims[0].quote == "A magnitude 6.1 earthquake hit the region."
    q = claims[1].quantity
    assert text[q.start:q.end] == "6.4"


def test_match_offsets_are_relative_to_the_article_when_doc_is_one_sentence():
    nlp = patterns._example_nlp()
    rs = rules.load_rules(RULES_DIR)
    article = "Headline here.\n\nA magnitude 6.1 earthquake hit the region."
    offset = article.index("A magnitude")
    claims = patterns.match_pattern_claims(nlp(article[offset:]), "a1", article, rs, offset=offset)
    assert len(claims) == 1
    assert article[claims[0].start:claims[0].end] == "magnitude 6.1 earthquake"
    assert claims[0].sentence_start == offset


# ---------------------------------------------------------------- malformed files


RULE_HEAD = """
claims:
  - id: t.rule
    kind: magnitude
"""

GOOD_PATTERN = """\
    patterns:
      - [{LOWER: magnitude}, {LIKE_NUM: true, CAPTURE: value}]
"""

GOOD_EXAMPLES = """\
    examples:
      match: ["a magnitude 6.1 earthquake"]
      no_match: ["a big earthquake"]
"""

MALFORMED = [
    # (name, file content, expected line, fragments of the message)
    ("unknown key in a rule",
     RULE_HEAD + GOOD_PATTERN + "    exampels:\n      match: [x]\n",
     6, ["rule t.rule", "unknown key 'exampels'", "did you mean 'examples'"]),
    ("unknown top-level section",
     "aliases:\n  earthquake: [quake]\nalias:\n  quake: [tremor]\n",
     3, ["unknown key 'alias'", "did you mean 'aliases'"]),
    ("unknown key in a vocabulary entry",
     "units:\n  quake:\n    noun: [quake]\n",
     3, ["units.quake", "unknown key 'noun'", "did you mean 'nouns'"]),
    ("wrong type",
     "# tolerances\ntolerances:\n  magnitude: high\n",
     3, ["tolerances.magnitude", "valid number", "'high'"]),
    ("wrong type in a rule",
     RULE_HEAD + GOOD_PATTERN + "    tolerance: [0.1]\n" + GOOD_EXAMPLES,
     6, ["rule t.rule", "tolerance", "valid number"]),
    ("YAML syntax error",
     "aliases:\n  earthquake: [quake]\n bad: [indent]\n",
     3, ["YAML syntax error"]),
    ("YAML duplicate key",
     "aliases:\n  earthquake: [quake]\n  earthquake: [tremor]\n",
     3, ["duplicate key 'earthquake'", "first at line 2"]),
    ("bad token pattern (unknown attribute)",
     RULE_HEAD + "    patterns:\n      - - {LOWR: magnitude}\n        - {LIKE_NUM: true, CAPTURE: value}\n"
     + GOOD_EXAMPLES,
     5, ["rule t.rule", "bad token pattern 0", "LOWR", "Extra inputs are not permitted"]),
    ("bad token pattern (bad operator)",
     RULE_HEAD + "    patterns:\n      - - {LOWER: magnitude, OP: '++'}\n        - {LIKE_NUM: true, CAPTURE: value}\n"
     + GOOD_EXAMPLES,
     5, ["rule t.rule", "bad token pattern 0", "OP"]),
    ("pattern with no value",
     RULE_HEAD + "    patterns:\n      - [{LOWER: magnitude}, {LIKE_NUM: true}]\n" + GOOD_EXAMPLES,
     4, ["rule t.rule", "marks no value", "CAPTURE: value"]),
    ("bad capture role",
     RULE_HEAD + "    patterns:\n      - [{LOWER: magnitude}, {LIKE_NUM: true, CAPTURE: amount}]\n" + GOOD_EXAMPLES,
     4, ["CAPTURE must be one of value, subject, object", "'amount'"]),
    ("missing examples",
     RULE_HEAD + GOOD_PATTERN,
     2, ["rule t.rule", "missing required key 'examples'"]),
    ("missing no_match",
     RULE_HEAD + GOOD_PATTERN + "    examples:\n      match: [\"a magnitude 6.1 earthquake\"]\n",
     6, ["rule t.rule", "examples", "missing required key 'no_match'"]),
    ("pattern rule without patterns",
     RULE_HEAD + GOOD_EXAMPLES,
     2, ["rule t.rule", "no patterns"]),
    ("builtin engine with an unknown id",
     RULE_HEAD + "    engine: builtin\n" + GOOD_EXAMPLES,
     2, ["no built-in code has this id"]),
    ("unknown message placeholder",
     RULE_HEAD + GOOD_PATTERN + "    message: \"{count} articles disagree\"\n" + GOOD_EXAMPLES,
     6, ["unknown placeholder {count}"]),
    ("duplicate id in one file",
     RULE_HEAD + GOOD_PATTERN + GOOD_EXAMPLES
     + "  - id: t.rule\n    kind: magnitude\n" + GOOD_PATTERN + GOOD_EXAMPLES,
     9, ["rule t.rule", "duplicate id", "first defined at line 2"]),
    ("bad severity",
     RULE_HEAD + GOOD_PATTERN + "    severity: fatal\n" + GOOD_EXAMPLES,
     6, ["severity", "'error' or 'warning'"]),
    ("unknown discrepancy code in severities",
     "severities:\n  magnitude.mismach: error\n",
     1, ["unknown discrepancy code", "magnitude.mismach"]),
    ("suppression without a reason",
     "suppressions:\n  - discrepancy: abc123\n",
     2, ["suppressions[0]", "missing required key 'reason'"]),
    ("suppression without a target",
     "suppressions:\n  - article: a1\n    reason: known\n",
     2, ["fact:", "article:"]),
    ("canonical date in the wrong format",
     "canonical:\n  - id: summit.date\n    kind: date\n    value: Feb 10\n    source: official site\n",
     2, ["canonical summit.date", "YYYY-MM-DD"]),
    ("canonical without a source",
     "canonical:\n  - id: paris.signers\n    kind: count\n    value: 58\n",
     2, ["canonical paris.signers", "missing required key 'source'"]),
    ("bad boilerplate regex",
     "boilerplate:\n  - '^(unclosed'\n",
     1, ["bad regular expression"]),
    ("not a mapping",
     "- just\n- a list\n",
     1, ["must be a mapping of sections"]),
]


@pytest.mark.parametrize("content,line,fragments", [pytest.param(c, l, f, id=n) for n, c, l, f in MALFORMED])
def test_malformed_files(tmp_path, content, line, fragments):
    path = write(tmp_path, "bad.yml", content)
    problems = rules.check_rules(tmp_path)
    assert problems, "a malformed file must be reported"
    hit = [p for p in problems if p.startswith(f"{path}:{line}: ")]
    assert hit, f"no problem at {path}:{line}: {problems}"
    assert any(all(f in p for f in fragments) for p in hit), f"{fragments} not in {hit}"
    # load_rules refuses the same file with a RuleError (the CLI turns it into exit 2)
    with pytest.raises(RuleError) as err:
        rules.load_rules(tmp_path)
    assert str(err.value).startswith(f"{path}:")


def test_example_that_fails_to_match(tmp_path):
    path = write(tmp_path, "r.yml", RULE_HEAD + GOOD_PATTERN + """
    examples:
      match: ["a magnitude 6.1 earthquake", "the 6.4-magnitude quake"]
      no_match: ["a big earthquake", "magnitude 7 is rare"]
""".lstrip("\n"))
    problems = rules.check_rules(tmp_path)
    assert any(p.startswith(f"{path}:7: ") and "rule t.rule" in p and "should match but did not" in p
               and "6.4-magnitude" in p for p in problems), problems
    assert any(p.startswith(f"{path}:8: ") and "should not match but did" in p and "magnitude 7" in p
               for p in problems), problems
    # loading does not run examples: the file is valid
    rules.load_rules(tmp_path)


def test_example_with_wrong_value(tmp_path):
    path = write(tmp_path, "r.yml", RULE_HEAD + GOOD_PATTERN + """
    examples:
      match:
        - {text: "a magnitude 6.1 earthquake", value: 6.2}
      no_match: ["a big earthquake"]
""".lstrip("\n"))
    problems = rules.check_rules(tmp_path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:8: ")
    assert "should read value '6.2'" in problems[0] and "'6.1'" in problems[0]


def test_all_problems_of_a_file_are_reported(tmp_path):
    write(tmp_path, "a.yml", "alias: {}\ntolerances: {count: x}\n")
    write(tmp_path, "b.yml", "aliases: [not, a, mapping]\n")
    problems = rules.check_rules(tmp_path)
    assert len(problems) == 3
    assert [p.split(":")[0].endswith(n) for p, n in zip(problems, ("a.yml", "a.yml", "b.yml"))] == [True] * 3


# ---------------------------------------------------------------- merging user rules on top of the built-ins


def test_user_rule_with_builtin_id_replaces_it(tmp_path):
    write(tmp_path, "override.yml", """
        claims:
          - id: count.unit-noun
            kind: count
            engine: builtin
            description: counts, with a looser tolerance
            tolerance: 0.2
            examples:
              match: ["More than 30 countries signed the statement."]
              no_match: ["He is 58 years old."]
        """)
    rs = rules.load_rules(tmp_path)
    ids = [r["id"] for r in rs.claims]
    assert ids.count("count.unit-noun") == 1 and ids[0] == "count.unit-noun"
    assert rules.claim_rule(rs, "count.unit-noun")["tolerance"] == 0.2
    assert rs.origin["count.unit-noun"].endswith("override.yml:2")
    listing = "\n".join(rules.list_rules(tmp_path))
    assert "override.yml:2" in listing and "replaces built-in:default_rules.yml" in listing


def test_same_id_in_two_user_files_is_an_error(tmp_path):
    body = RULE_HEAD + GOOD_PATTERN + GOOD_EXAMPLES
    write(tmp_path, "a.yml", body)
    b = write(tmp_path, "b.yml", body)
    with pytest.raises(RuleError) as err:
        rules.load_rules(tmp_path)
    assert str(err.value).startswith(f"{b}:2: ") and "already defined at" in str(err.value)


def test_user_vocabulary_overrides_and_extends(tmp_path):
    write(tmp_path, "vocab.yml", """
        hedges:
          - {words: [around, some], type: approx, tolerance: 0.25}
        units:
          quake: {nouns: [earthquake, quake, aftershock]}
        aliases:
          United States: [U.S., US, Washington]
        verb_classes:
          strike: {verbs: [strike, hit, jolt], nouns: [earthquake]}
        titles: [seismologist]
        date_words:
          days: {fortnight ago: -14}
        """)
    rs = rules.load_rules(tmp_path)
    around = [h for h in rs.hedges if "around" in h["words"]]
    assert len(around) == 1 and around[0]["tolerance"] == 0.25
    assert any("about" in h["words"] for h in rs.hedges)          # the built-in entry keeps its other words
    assert rs.units["quake"]["nouns"] == ["earthquake", "quake", "aftershock"]
    assert "country" in rs.units
    assert rs.aliases["United States"] == ["U.S.", "US", "Washington"]
    assert rs.verb_classes["strike"]["verbs"] == ["strike", "hit", "jolt"]
    assert "seismologist" in rs.extra["titles"] and "president" in rs.extra["titles"]
    assert rs.extra["date_words"]["days"]["fortnight ago"] == -14
    assert rs.extra["date_words"]["days"]["yesterday"] == -1       # nested dicts merge, not replace


def test_canonical_suppressions_tolerances_severities_load(tmp_path):
    write(tmp_path, "facts.yml", """
        canonical:
          - id: paris.signatories
            kind: count
            predicate: sign
            unit: country
            object: Statement on Inclusive and Sustainable AI
            value: 58
            source: Elysee press release, 2025-02-11
          - id: paris.dates
            kind: date
            predicate: hold
            object: AI Action Summit
            value: 2025-02-10..2025-02-11
            source: official programme
        suppressions:
          - discrepancy: d-1234
            reason: the wire copy was corrected the next day
          - fact: signatories
            article: 003_abc
            reason: counts only EU members
        tolerances: {count: 0.1, magnitude: 0.0}
        severities: {mismatch: warning, magnitude.contradiction: warning}
        """)
    rs = rules.load_rules(tmp_path)
    assert [c["value"] for c in rs.canonical] == ["58", "2025-02-10..2025-02-11"]
    assert rs.canonical[0]["source"].startswith("Elysee")
    assert rs.suppressions[0]["discrepancy"] == "d-1234" and rs.suppressions[1]["article"] == "003_abc"
    assert rs.suppressions[1]["origin"].endswith("facts.yml:18")
    assert rs.tolerances == {"count": 0.1, "magnitude": 0.0}
    assert rs.severities == {"mismatch": "warning", "magnitude.contradiction": "warning"}
    listing = "\n".join(rules.list_rules(tmp_path))
    assert "paris.signatories" in listing and "counts only EU members" in listing


def test_empty_and_missing_rule_dirs_mean_builtins_only(tmp_path):
    write(tmp_path, "empty.yml", "# nothing yet\n")
    write(tmp_path, "blank.yml", "aliases:\n")
    assert len(rules.load_rules(tmp_path).claims) == len(rules.default_ruleset().claims)
    assert len(rules.load_rules(tmp_path / "nope").claims) == len(rules.default_ruleset().claims)


def test_render_message():
    assert rules.render_message("{n} articles disagree on the magnitude of the {object}: {values}",
                                n=2, object="earthquake", values="6.1 / 6.4") == \
        "2 articles disagree on the magnitude of the earthquake: 6.1 / 6.4"


# ---------------------------------------------------------------- the CLI


runner = CliRunner()


def test_cli_rules_check_ok():
    if builtin_engine_missing():
        pytest.skip(builtin_engine_missing())
    result = runner.invoke(app, ["rules", "check", str(RULES_DIR)])
    assert result.exit_code == 0, result.output
    assert "rules ok" in result.output


def test_cli_rules_check_ok_pattern_rules_only(tmp_path):
    write(tmp_path, "r.yml", RULE_HEAD + GOOD_PATTERN + GOOD_EXAMPLES)
    if builtin_engine_missing():
        pytest.skip(builtin_engine_missing())
    result = runner.invoke(app, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 0, result.output


def test_cli_rules_check_bad_file_exits_2(tmp_path):
    path = write(tmp_path, "bad.yml", RULE_HEAD + GOOD_PATTERN + "    exampels: {}\n")
    result = runner.invoke(app, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{path}:6: rule t.rule" in result.output and "unknown key 'exampels'" in result.output
    assert "Traceback" not in result.output


def test_cli_rules_check_yaml_error_exits_2(tmp_path):
    path = write(tmp_path, "bad.yml", "claims: [\n")
    result = runner.invoke(app, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{path}:2:" in result.output and "YAML syntax error" in result.output
    assert "Traceback" not in result.output


def test_cli_rules_list_names_sources():
    result = runner.invoke(app, ["rules", "list", str(RULES_DIR)])
    assert result.exit_code == 0, result.output
    assert "count.unit-noun" in result.output and "built-in:default_rules.yml:" in result.output
    assert "quake.magnitude" in result.output and "earthquake.yml:" in result.output


def test_cli_rules_list_bad_file_exits_2(tmp_path):
    write(tmp_path, "bad.yml", "alias: {}\n")
    result = runner.invoke(app, ["rules", "list", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.yml:1:" in result.output and "Traceback" not in result.output
