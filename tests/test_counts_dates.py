"""Counts and dates as real coverage writes them (sentences from ../shared/corpora/ecbplus-dev):
vocabulary classifies a count, it never decides whether a number is one; a date dates the event
word of its own clause. And the constructions that are no count or no date claim."""
from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract import claims_from_text
from claimcheck.rules import load_rules

RULES = load_rules(None)
REF = date(2008, 12, 14)


def read(text, nlp):
    return claims_from_text(text, RULES, nlp=nlp, published=REF)


# (sentence, claim text, unit class, predicate); a unit or predicate no list names is the lemma
@pytest.mark.parametrize("sentence, text, unit, predicate", [
    # listed unit, listed verb
    ("The Indian navy captured 23 pirates who threatened a merchant vessel.", "23 pirates", "detainee", "arrest"),
    # unlisted nouns in a list with no verb of their own: the noun's lemma is the unit class
    ("Seven AK-47s, three other automatic rifles, 13 loaded magazines, a rocket-propelled grenade-launcher, "
     "rockets, cartridges and grenades were found in the boats.", "13 loaded magazines", "magazine (loaded)", "find"),
    ("Seven AK-47s, three other automatic rifles, 13 loaded magazines, a rocket-propelled grenade-launcher, "
     "rockets, cartridges and grenades were found in the boats.", "three other automatic rifles", "rifle (automatic other)", "find"),
    ("A search of the dhow led to the discovery of the large arms cache and three outboard motors,\" he said.",
     "three outboard motors", "motor (outboard)", "lead"),
    # a listed unit under an unlisted verb: the verb's lemma is the predicate
    ("Last month, Navy warship INS Tabar, a missile-frigate, had sunk a mother ship of the pirates and had also "
     "rescued two merchant vessels under attack.", "two merchant vessels", "vehicle (merchant)", "rescue"),
    # the number before a compound numeral ("seven AK-47 rifles")
    ("The cache of arms on the pirate ship included seven AK-47 rifles.", "seven AK-47 rifles", "rifle (ak-47)", "include"),
    # coordinated counts narrow their noun each by its own modifier
    ("In addition to the 12 Somali and 11 Yemeni suspects, the Indian navy seized two small boats.",
     "11 Yemeni suspects", "detainee (yemeni)", "arrest"),
    ("In addition to the 12 Somali and 11 Yemeni suspects, the Indian navy seized two small boats.",
     "two small boats", "vehicle (small)", "arrest"),
    # a partitive counts the noun of its "of"
    ("Marine commandos boarded two of the pirate vessels.", "two of the pirate vessels", "vehicle (pirate)", "board"),
    # the nouns a reader reads as one class: pirates are raiders and brigands, boats are speedboats,
    # fire engines are appliances
    ("The navy nabbed 23 Somali and Yemeni sea brigands.", "23 Somali and Yemeni sea brigands", "detainee (sea somali yemeni)", "arrest"),
    # (what a raid recovers or confiscates it seizes: the `arrest` class that lists "seize")
    ("The navy recovered RPG launchers, three speedboats and grenades.", "three speedboats", "vehicle", "arrest"),
    ("When they arrived they called in an additional six engines.", "six engines", "fire engine", "deploy"),   # called in: sent
    # a participle right after the noun is its own verb, not the clause's
    ("At least five people were killed, 250 others injured and more than 800 homes destroyed by those temblors.",
     "more than 800 homes", "home", "destroy"),
    # a man killed is a person killed; the killings of two women are what killed them
    ("A gunman opened fire at an office Christmas party Friday, killing one man, police said.", "one man", "person", "kill"),
    ("She was charged in the 1967 slayings of two women at an ice cream shop in Staunton.", "two women", "person", "kill"),
    ("Police arrested her in the 1967 killings of two young women at a local ice cream stand.",
     "two young women", "person (young)", "kill"),
])
def test_any_counted_noun_is_a_count(sentence, text, unit, predicate, nlp):
    counts = [c for c in read(sentence, nlp) if c.kind == "count"]
    hit = [c for c in counts if c.text == text]
    assert hit, [(c.text, c.unit, c.predicate) for c in counts]
    assert (hit[0].unit, hit[0].predicate) == (unit, predicate)
    assert hit[0].why and hit[0].rule.startswith("count.")


@pytest.mark.parametrize("sentence, number", [
    # years, alone or before a noun
    ("It was in November that the government authorized the navy to act off Somalia, which descended into "
     "anarchy in 1991.", "1991"),
    ("Staunton police on Friday arrested a 60-year-old, terminally ill woman in the 1967 killings of two young "
     "women at a local ice cream stand.", "1967"),
    # ages and durations: other kinds
    ("Staunton police on Friday arrested a 60-year-old, terminally ill woman.", "60"),
    ("The arrest ended an agonizing 41-year odyssey for the victims' families.", "41"),
    ("The suspect surrendered after two hours.", "two"),
    ("LuAnn Marie Johnson, 66, of Burnsville, was killed.", "66"),
    # measures (pint knows the unit)
    ("The quake struck 35 miles west of the city.", "35"),
    # addresses and other names a number belongs to
    ("The fire started at the store at 1200 Main Street.", "1200"),
    # score lines and phone numbers
    ("The Lakers won 98-76 on Sunday.", "98"),
    ("Anyone with information should call 555-0199.", "555"),
    # ordinals
    ("It was the fourth successful offensive by the Navy.", "fourth"),
    # a fraction counts no unlisted noun ("a 6.1 earthquake" is a magnitude)
    ("A 6.1 earthquake struck the region.", "6.1"),
    # a city of N people describes the city
    ("For a city of 140,000 people it was a remarkable week.", "140,000"),
])
def test_constructions_that_are_no_count(sentence, number, nlp):
    counts = [c.text for c in read(sentence, nlp) if c.kind == "count"]
    assert not any(t.startswith(number) for t in counts), counts


# (sentence, date text, predicate, rule): the event word of the date's own clause
@pytest.mark.parametrize("sentence, text, predicate, rule", [
    ("It was in November that the government authorized the navy to act off Somalia, which descended into "
     "anarchy in 1991.", "1991", "descend", "date.event-verb"),
    ("Police said Kirkpatrick was let go on Dec. 11.", "Dec. 11", "go", "date.event-verb"),
    ("The victim, Benjamin David Banky, 40, of Vancouver was gunned down Friday when a man showed up at the "
     "Christmas party with a gun.", "Friday", "kill", "date.event-verb"),        # gunned down: killed
    # giving oneself up is surrendering
    ("He gave himself up to police on Saturday after a standoff.", "Saturday", "surrender", "date.event-verb"),
    ("The June 8 stabbing shocked the town.", "June 8", "stabbing", "date.event-noun"),
    ("The mill was built in 1921.", "1921", "build", "date.event-verb"),
    ("The church dates to 1921.", "1921", "date", "date.event-verb"),
    ("He died on Friday.", "Friday", "kill", "date.event-verb"),
    ("Anthony Phillip LaSalle of Bloomington was charged on Friday with third degree murder.", "Friday", "charge",
     "date.event"),
    ("Staunton police on Friday arrested a 60-year-old woman in the 1967 killings of two young women.", "1967",
     "hold", "date.year-modifier"),
])
def test_a_date_dates_its_clause(sentence, text, predicate, rule, nlp):
    dates = [c for c in read(sentence, nlp) if c.kind == "date"]
    hit = [c for c in dates if c.text == text]
    assert hit, [(c.text, c.predicate, c.rule) for c in dates]
    assert (hit[0].predicate, hit[0].rule) == (predicate, rule)
    assert hit[0].date is not None and hit[0].date.start is not None


@pytest.mark.parametrize("sentence", [
    "The strike lasted for 12 days.",
    "The standoff lasted two hours.",
    "The ministry said on Wednesday that it had no figures.",
    "The city did not vote on Friday.",
])
def test_no_date_claim(sentence, nlp):
    assert not [c.text for c in read(sentence, nlp) if c.kind == "date"]


def test_a_model_number_is_no_count(nlp):
    counts = {c.text: c for c in read("Six AK 47 rifles, 12 magazines and 300 rounds of ammunition were seized "
                                      "from the boats.", nlp) if c.kind == "count"}
    assert "Six AK 47 rifles" in counts and not any(t.startswith("47") for t in counts), list(counts)
