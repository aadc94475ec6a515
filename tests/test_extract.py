"""What the extractor reads from single sentences: a table of constructions and the claims they give
(kind, claim text, predicate, subject or unit), and constructions that must give no claim."""
from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract import claims_from_text
from claimcheck.rules import load_rules

RULES = load_rules(None)
REF = date(2025, 2, 12)


def read(text, nlp):
    return claims_from_text(text, RULES, nlp=nlp, published=REF)


@pytest.mark.parametrize("sentence, kind, text, predicate, who", [
    ("More than 30 countries signed the statement on Tuesday.", "count", "More than 30 countries", "sign", ""),
    ("The blast killed 12 and injured 30, police said.", "count", "12", "kill", ""),
    ("The death toll from the fire rose to 15.", "count", "15", "kill", ""),
    ("The number of people killed in the fire has risen to 19, officials said.", "count", "19", "kill", ""),
    ("North Carolina forward Tyler Hansbrough scored 25 points in the win.", "count", "25 points", "score", "Tyler Hansbrough"),
    ("PORT AVERNE (Reuters) -- Fifty-eight countries signed the declaration.", "count", "Fifty-eight countries", "sign", ""),
    ("Police made 32 arrests during the march.", "count", "32 arrests", "arrest", ""),
    ("Ilse Marren attended the inauguration, as did Prime Minister Adrian Kowal.", "attendance",
     "as did Prime Minister Adrian Kowal", "attend", "Adrian Kowal"),
    ("The U.S. refused to sign the statement.", "signing", "U.S. refused to sign", "sign", "United States"),
    ("The summit was held on February 10 and 11.", "date", "February 10 and 11", "hold", ""),
    ("The fire broke out on Monday night at the depot.", "date", "Monday night", "begin", ""),
])
def test_constructions_give_claims(sentence, kind, text, predicate, who, nlp):
    claims = read(sentence, nlp)
    hit = [c for c in claims if c.kind == kind and c.text == text]
    assert hit, [(c.kind, c.text, c.predicate) for c in claims]
    c = hit[0]
    assert c.predicate == predicate
    assert (c.subject == who) if who else True
    assert c.rule and c.why and c.trigger


@pytest.mark.parametrize("sentence, not_a_count", [
    ("He has never hit fewer than 26 homers in a season.", "26"),
    ("Echenique scored five of Creighton's first eight points.", "eight points"),
    ("The man discovered the bodies and called 911.", "911"),
    ("The 58-year-old governor took office in 2019.", "58"),
    ("Five buildings away, residents heard the blast.", "Five buildings"),
    ("Relations will develop over the next 60 years.", "60 years"),
])
def test_constructions_that_count_nothing(sentence, not_a_count, nlp):
    counts = [c.text for c in read(sentence, nlp) if c.kind == "count"]
    assert not any(not_a_count in t for t in counts), counts


def test_rate_is_not_a_total(nlp):
    [c] = [c for c in read("The deal pays him $23 million per season.", nlp) if c.kind == "count"]
    assert c.unit.endswith("rate")


def test_planned_dates_are_marked(nlp):
    [c] = [c for c in read("The trial is scheduled to begin on Jan. 24.", nlp) if c.kind == "date"]
    assert c.predicate.endswith("(planned)")


# ---------------------------------------------------------------- which sentences are parsed


def test_a_pattern_rule_sends_sentences_with_its_rarest_required_word_to_the_parser():
    """The example rule's "7.6 and 7.5 magnitude" patterns require "and"/"or" first and "magnitude"
    later: a sentence is parsed for them when it holds "magnitude", not every sentence with "and"."""
    from pathlib import Path
    from claimcheck.extract.sentences import _has_trigger, name_sentence
    from claimcheck.extract.vocab import vocab_for
    vocab = vocab_for(load_rules(Path(__file__).resolve().parent.parent / "rules"))
    assert "magnitude" in vocab.triggers and "and" not in vocab.triggers and "or" not in vocab.triggers
    assert not _has_trigger("Police and firefighters arrived at the scene.", vocab)
    assert _has_trigger("It was the largest since the 7.6 and 7.5 magnitude quakes.", vocab)
    # such a sentence is still read for its full names (the parse chose it before)
    assert name_sentence("Police and firefighters arrived at the scene.", vocab)
    assert not name_sentence("Police arrived at the scene.", vocab)


def test_a_surname_resolves_to_a_full_name_of_a_sentence_read_for_its_names_only():
    """The first sentence is not parsed (no digit, no trigger word), but it holds "and", which sent
    it to the parser before: its full names are read (NER only), so "Reid" is "Tara Reid" as before."""
    from pathlib import Path
    rules = load_rules(Path(__file__).resolve().parent.parent / "rules")
    later = "\nReid checked into a clinic in Malibu on Friday."
    got = [c.subject for c in claims_from_text("The actress Tara Reid and her friends left the hotel." + later, rules)
           if c.kind == "date"]
    assert got == ["Tara Reid"]
    got = [c.subject for c in claims_from_text("The actress Tara Reid left the hotel." + later, rules) if c.kind == "date"]
    assert got == ["Reid"]      # a sentence neither parsed nor read for names gives no full name (as before)


def test_known_names_keep_their_order_and_read_only_sentences_holding_the_word():
    from claimcheck.extract.sentences import KnownNames

    class Doc:        # a parsed sentence's entities
        def __init__(self, *names):
            self.ents = [type("Ent", (), {"text": n, "label_": "PERSON", "__len__": lambda s: 2})() for n in names]

    read = []

    def entity_docs(parser, texts):
        read.extend(texts)
        return [Doc(*[w for w in ("Ann Lee", "Bo Lee", "Cy Park") if w in t]) for t in texts]

    import claimcheck.extract.sentences as sentences
    real, sentences.entity_docs = sentences.entity_docs, entity_docs
    try:
        known = KnownNames(RULES, parser=object())
        known.add_text("Ann Lee came.")
        known.add_doc(Doc("Cy Park"))
        known.add_text("Then Bo Lee left.")
        known.add_text("Nobody else.")
        assert known.with_word("Park") == ["Cy Park"] and read == []
        assert known.with_word("Lee") == ["Ann Lee", "Cy Park", "Bo Lee"]
        assert read == ["Ann Lee came.", "Then Bo Lee left."]
        assert list(known) == ["Ann Lee", "Cy Park", "Bo Lee"] and read[-1] == "Nobody else."
    finally:
        sentences.entity_docs = real
