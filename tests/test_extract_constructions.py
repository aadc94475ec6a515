"""Constructions of real coverage the extractor reads into the predicate a reader gives them (issue 9,
the claims of discrepancy facts the ECB+ gold folders missed): the state a count ends in ("leaving
220,000 people dead"), who lives in a named place ("Manokwari, a city of 160,000 people"), what an
amount is ("$60 million in funding"), a particle the parser calls an adverb ("passed away"). Each row
is a construction and the claim it must give; the rows below them must not change meaning."""
from __future__ import annotations

from datetime import date

import pytest

from claimcheck.align.facts import scope_of
from claimcheck.extract import claims_from_text
from claimcheck.models import Claim
from claimcheck.rules import load_rules

RULES = load_rules(None)
REF = date(2009, 1, 5)


def read(text, nlp):
    return claims_from_text(text, RULES, nlp=nlp, published=REF)


@pytest.mark.parametrize("sentence, kind, text, predicate, who", [
    # the state a count ends in: an adjective after the noun (amod) or the verb's complement (oprd)
    ("The quake triggered a tsunami, leaving more than 220,000 people dead in Indonesia.",
     "count", "more than 220,000 people", "kill", ""),
    ("A giant tsunami left at least 230,000 people dead and missing in a dozen countries.",
     "count", "at least 230,000 people", "kill", ""),
    ("The blast left 30 people injured, police said.", "count", "30 people", "injure", ""),
    ("The floods left 2,000 people homeless.", "count", "2,000 people", "displace", ""),  # "leave homeless"
    # who lives in a named place
    ("Two hotels in Manokwari, a city of 160,000 people, collapsed.", "count", "160,000 people", "inhabit", "Manokwari"),
    ("Manokwari, a town of 160,000 residents, was hit hard.", "count", "160,000 residents", "inhabit", "Manokwari"),
    ("Manokwari is home to 167,000 people.", "count", "167,000 people", "inhabit", "Manokwari"),
    # a part of the count before it, counted in that count's noun
    ("The tsunami killed more than 230,000 people, over 170,000 of them in Aceh.",
     "count", "over 170,000 of them", "kill", ""),
    ("The blast killed 12 people, four of whom were children.", "count", "four of whom", "kill", ""),
    # what an amount is: the noun after "in", when a class lists it
    ("SeaMicro is backed with $60 million in funding by Khosla Ventures.", "count", "$60 million", "give", "SeaMicro"),
    ("The storm caused $2 billion in damage across the state.", "count", "$2 billion", "destroy", ""),
    # a conjoined verb whose object the count is says what it is, not the verb it is conjoined with
    ("Fire crews attended the scene and then called a further four appliances to help.",
     "count", "four appliances", "deploy", ""),     # called (in): sent, the deploy class
    ("Police arrested and charged five men.", "count", "five men", "charge", ""),
    # a particle parsed as an adverb still makes the verb + particle entry ("pass away": die, not pass)
    ("He passed away on Monday at his home.", "date", "Monday", "die", ""),
    # to catch fire is to begin burning, not to catch (arrest) anything
    ("The warehouse caught fire on Sunday morning.", "date", "Sunday morning", "begin", ""),
])
def test_constructions_give_their_predicate(sentence, kind, text, predicate, who, nlp):
    claims = read(sentence, nlp)
    hit = [c for c in claims if c.kind == kind and c.text == text]
    assert hit, [(c.kind, c.text, c.predicate) for c in claims]
    c = hit[0]
    assert c.predicate == predicate, (c.predicate, c.why)
    if text.endswith(("of them", "of whom")):
        assert c.unit == "person", c.unit      # counted in the noun of the count it is a part of
    assert c.subject == who, c.subject
    assert c.why and c.trigger


@pytest.mark.parametrize("sentence, text, not_predicate", [
    # islands are not who lives in a country; an unnamed city's size checks nothing
    ("Indonesia, a country of 17,000 islands, was hit by the quake.", "17,000 islands", "inhabit"),
    ("For a city of 140,000 people it was a remarkable week.", "140,000 people", "inhabit"),
    # "in cash" is a part of the price (align's scope), not another kind of money
    ("AMD will pay $281 million in cash.", "$281 million", "give"),
    # a negated state is not the class ("left 30 people not injured" is no injury count)
    ("Nobody was hurt; the blast left 30 people unharmed.", "30 people", "injure"),
])
def test_constructions_that_keep_their_reading(sentence, text, not_predicate, nlp):
    got = [c for c in read(sentence, nlp) if c.kind == "count" and c.text == text]
    assert all(c.predicate != not_predicate for c in got), [(c.text, c.predicate) for c in got]


@pytest.mark.parametrize("quote, text, part", [
    ("The tsunami killed 168,000 people in Indonesia's Aceh province and Nias island.", "168,000 people", "place:aceh"),
    ("The quake killed 12 people in Osk district alone.", "12 people", "place:osk"),
    ("The quake killed 12 people in the district of Osk.", "12 people", "place:osk"),
    ("The tsunami killed 230,000 people in a dozen countries.", "230,000 people", ""),
    # a part of a count before it: that place's share, or a part
    ("The tsunami killed more than 230,000 people, over 170,000 of them in Aceh.", "over 170,000 of them", "place:aceh"),
    ("The blast killed 12 people, four of whom were children.", "four of whom", "part"),
])
def test_a_part_place_keeps_its_figure_from_the_whole(quote, text, part):
    start = quote.index(text)
    c = Claim(id="c", article="a", kind="count", text=text, quote=quote, start=start, end=start + len(text),
              predicate="kill", unit="person")
    assert scope_of(c, RULES)[1] == part


def test_a_word_of_a_name_is_no_object(nlp):
    """"Devon and Somerset Fire and Rescue" names a fire service, not the fire the count is about."""
    [c] = [c for c in read("Crews from Devon and Somerset Fire and Rescue attended the scene and then called "
                           "a further four appliances to help.", nlp) if c.kind == "count"]
    assert "Somerset" not in c.object, c.object


@pytest.mark.parametrize("sentence, name, key", [
    ("The larger boat, a 10-metre dhow, is named the Salahaddin.", "Salahaddin", "slhdn"),
    ("The larger boat, a dhow was identified as Salahuddin, with a smaller boat in tow.", "Salahuddin", "slhdn"),
    ("The dhow, identified as bearing the name Salahaddin, was towing a smaller skiff.", "Salahaddin", "slhdn"),
    ("The family's border collie, named Fenn, was found dead in the backyard.", "Fenn", "fn"),
])
def test_a_word_its_sentence_calls_a_name_is_a_name(sentence, name, key, nlp):
    """A naming verb ("named", "called", "identified as") before one capitalised word makes it a
    name claim, a person's or a thing's: the spellings of one vessel's name across articles line up
    by the same key as a person's surname, and compare calls 'Salahaddin' / 'Salahuddin' a misspelling."""
    got = [c for c in read(sentence, nlp) if c.kind == "name"]
    assert [(c.custom_value, c.subject) for c in got] == [(name, key)], [(c.custom_value, c.subject) for c in got]
    assert "sentence gives" in got[0].why


@pytest.mark.parametrize("sentence", [
    "The so-called Islamic State claimed the attack.",
    "Residents of the town were evacuated on Monday.",
])
def test_no_naming_verb_no_name(sentence, nlp):
    assert not [c for c in read(sentence, nlp) if c.kind == "name" and "sentence gives" in c.why]
