"""The `name` kind: how a person's name is spelled. Mentions found without the parser (sentences
from ../shared/corpora/ecbplus-dev), one person key for the mentions of one person, and which pairs
of spellings are a finding (a misspelling) and which are not (nicknames, initials, short forms)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from claimcheck.compare import NAME_SPELLING_THRESHOLD, compare_names
from claimcheck.extract.names import name_claims, person_key
from claimcheck.extract.sentences import split_sentences
from claimcheck.models import Article, Claim
from claimcheck.nlp import blank
from claimcheck.pipeline import run
from claimcheck.rules import load_rules

RULES = load_rules(None)
SPLITTER = SimpleNamespace(splitter=blank())


def names(text: str) -> list[Claim]:
    art = Article(id="a", path="a.txt", text=text)
    return name_claims(art, split_sentences(art, SPLITTER), RULES)


# (sentence, the name as spelled, its role)
@pytest.mark.parametrize("sentence, name, role", [
    ("LuAnn Marie Johnson, 66, of Burnsville, was walking into the store.", "LuAnn Marie Johnson", ""),
    ("Police say 66-year-old Luann Johnson, of Burnsville, was hit while walking in the crosswalk.", "Luann Johnson", ""),
    ("The Hennepin County Attorney handed down charges to Anthony Phillip Lasalle Friday.", "Anthony Phillip Lasalle", ""),
    ("Oregon State Police bomb technician Bill Hakim were killed in the blast.", "Bill Hakim", "bomb technician"),
    ("The death of 51-year-old Senior Trooper William Hakim was mourned.", "William Hakim", "Senior Trooper"),
    ("Oregon State Police Lt. Hastings said the device was large.", "Hastings", "Oregon State Police Lt."),
    ("Officers used a Taser to subdue him, said Sgt. Marty Earley.", "Marty Earley", "Sgt."),
    ("Whose head was crushed, said local hospital director Hengky Tewu.", "Hengky Tewu", "local hospital director"),
    ("Robert Pitman, 24, is accused of setting fire to the Waitrose store.", "Robert Pitman", ""),
    ("Hengky Tewu, a hospital director, said a 10-year-old girl was killed.", "Hengky Tewu", "hospital director"),
    ("Police Const. Tim Fanning said the gunman entered the party around 4 p.m.", "Tim Fanning", "Police Const."),
])
def test_a_name_is_read_as_spelled(sentence, name, role):
    found = {c.custom_value: c for c in names(sentence)}
    assert name in found, list(found)
    c = found[name]
    assert c.kind == "name" and c.text == name and c.measure["role"] == role
    assert c.measure["surname"] == name.split()[-1]
    assert c.quote == sentence and c.why


@pytest.mark.parametrize("sentence", [
    "The Indian Navy said the pirates were handed over to police in Mumbai.",
    "The ship was attacked in the Gulf of Aden on Saturday.",
    "Police said the fire started on Sunday.",
    "Bomb Explodes At Woodburn Bank On Friday Evening.",
    "Lawmakers amended the Marine Mammal Protection Act in 1994.",      # not_surnames: a law, not a person
    "Patients were taken to the Betty Ford Center in Rancho Mirage.",
])
def test_no_person_no_name(sentence):
    assert not names(sentence)


def test_one_person_key_for_title_surname_and_full_name():
    text = ("Police Chief Mark Russell spoke to reporters on Monday.\n"
            "\"We have a suspect,\" Chief Russell said.\n"
            "Russell did not give his name.")
    keys = {c.subject for c in names(text)}
    assert keys == {person_key("Russell")}


def test_a_lone_surname_one_letter_off_is_the_same_person_misspelled():
    text = ("Lisa Su, senior vice president and general manager of AMD's Global Business Units, spoke.\n"
            "AMD will keep selling servers based on Intel processors \"for the foreseeable future,\" Lu said.")
    found = {c.custom_value: c for c in names(text)}
    assert found["Lu"].subject == found["Lisa Su"].subject


def test_person_keys_fold_case_and_vowels():
    assert person_key("LaSalle") == person_key("Lasalle")
    assert person_key("Salahaddin") == person_key("Salahuddin")
    assert person_key("Johnson") != person_key("Jenkin")


def claim(name: str, role: str = "") -> Claim:
    """A name claim; "Lu<Su" is "Lu" that its article tied to the surname "Su" it gave in full."""
    name, _, variant_of = name.partition("<")
    words = name.split()
    measure = {"name": name, "given": " ".join(words[:-1]), "surname": words[-1], "role": role}
    if variant_of:
        measure["variant_of"] = variant_of
    return Claim(id=name, article=name, kind="name", text=name, quote=name, start=0, end=len(name),
                 subject=person_key(variant_of or words[-1]), predicate="name", custom_value=name, measure=measure)


@pytest.mark.parametrize("a, b", [
    ("LuAnn Marie Johnson", "Luann Johnson"),          # case of the given name
    ("Anthony Phillip LaSalle", "Anthony Phillip Lasalle"),  # case of the surname
    ("Lisa Su", "Lu<Su"),                              # one letter of the surname, tied to "Su" by its article
    ("Nasser Salahaddin", "Nasser Salahuddin"),
    ("Gregg Hastings", "Greg Hastings"),
    ("Jon Smith", "John Smith"),
])
def test_misspellings_of_one_name_are_a_finding(a, b):
    res = compare_names(claim(a), claim(b), RULES)
    assert res is not None and res[0] == "contradiction", (a, b)
    assert res[1]


@pytest.mark.parametrize("a, b", [
    ("William Hakim", "Bill Hakim"),                   # nickname (nicknames: in the rules)
    ("Kathryn Jenkin", "Katie Jenkin"),
    ("Benjamin David Banky", "Ben Banky"),             # a short form that begins the name
    ("Eric Allen Kirkpatrick", "Eric Kirkpatrick"),    # a middle name left out
    ("J. Smith", "John Smith"),                        # an initial
    ("Hastings", "Gregg Hastings"),                    # the surname alone
    ("Anthony LASALLE", "Anthony LaSalle"),            # capitals say nothing about case
    ("Tom Russell", "Mark Russell"),                   # two people of one surname
    ("Doug Moe", "Mo"),                                # a short surname in another article: no tie to the person
])
def test_short_forms_and_other_people_are_no_finding(a, b):
    assert compare_names(claim(a), claim(b), RULES) is None, (a, b)


def test_threshold_is_between_misspellings_and_different_names():
    from rapidfuzz import fuzz
    assert fuzz.ratio("gregg", "greg") >= NAME_SPELLING_THRESHOLD > fuzz.ratio("tom", "tim")


def test_nicknames_are_rule_data(tmp_path):
    (tmp_path / "nick.yml").write_text("nicknames:\n  Robert: [Rab]\n", encoding="utf-8")
    rules = load_rules(tmp_path)
    assert compare_names(claim("Robert Pitman"), claim("Rab Pitman"), rules) is None
    assert compare_names(claim("Robert Pitman"), claim("Rab Pitman"), RULES) is None   # two names, not alike


def test_end_to_end_a_misspelled_name_is_flagged_and_a_nickname_is_not(tmp_path, nlp):
    corpus = tmp_path / "corpus" / "story"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text(
        "Title: Woman killed outside store\nDate: 2008-12-11\n\n"
        "LuAnn Marie Johnson, 66, of Burnsville, was walking into the store when she was hit.\n"
        "Senior Trooper William Hakim said the driver fled.\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        "Title: Pedestrian dies after crash at store\nDate: 2008-12-11\n\n"
        "Police say 66-year-old Luann Johnson, of Burnsville, was hit while walking into the store.\n"
        "Trooper Bill Hakim said the driver fled.\n", encoding="utf-8")
    report = run(tmp_path / "corpus", rules_dir=None, nlp=nlp, cache=False)
    by_id = {c.id: c for c in report.claims}
    found = [d for d in report.discrepancies if by_id[d.claims[0]].kind == "name"]
    spelled = [{by_id[i].custom_value for i in d.claims} for d in found]
    assert spelled == [{"LuAnn Marie Johnson", "Luann Johnson"}], [d.message for d in found]
    assert found[0].severity == "error" and "LuAnn" in found[0].explanation


def test_a_short_lone_word_is_no_misspelling_of_a_longer_surname():
    text = "Coach Doug Moe spoke on Monday.\n\"He's a great coach,\" Mo said.\nHe is a great coach Mo, they said."
    found = {c.custom_value: c.subject for c in names(text)}
    assert found.get("Mo") != found["Doug Moe"], found
