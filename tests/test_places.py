"""Place, organisation and rank claims (extract/places.py, extract/things.py; compare.compare_places,
compare_organisations, compare_titles): tables of real-looking constructions (sentences written for
these tests, in the forms news coverage uses) with the claims they must give, constructions that
must give none, and which pairs of values are a finding."""
from __future__ import annotations

import pytest

from claimcheck.compare import compare_names, compare_places, compare_titles, place_containers
from claimcheck.extract import claims_from_text
from claimcheck.models import Claim
from claimcheck.rules import load_rules

RULES = load_rules(None)


def kinds(text: str, nlp, kind: str = "place") -> list[Claim]:
    return [c for c in claims_from_text(text, RULES, nlp=nlp) if c.kind == kind]


# (sentence, rule, predicate, the place (or value) read, its type, the places its sentence puts it in)
@pytest.mark.parametrize("sentence, rule, predicate, value, ptype, within", [
    ("The earthquake was centred in Varnholm, about 30 miles north of Leeth, the survey said.",
     "place.event", "where", "Varnholm", "", []),
    ("The tremor struck 12 kilometres south of Ostby in the Kallen Hills area.",
     "place.event", "where", "Kallen Hills", "", []),
    ("Officials said the epicentre was near the village of Brisk.", "place.event", "where", "Brisk", "village", []),
    ("A powerful quake rattled Norland's remote northern province of Vesk on Tuesday.",
     "place.event", "hit", "Vesk", "province", ["Norland"]),
    ("Norland's Vesk province was hit by a magnitude 6.0 earthquake on Tuesday.",
     "place.event", "hit", "Vesk", "province", ["Norland"]),
    ("The quake rocked Tamsin, the capital of Vesk, shortly after dawn.", "place.event", "hit", "Tamsin", "", ["Vesk"]),
    ("Two undersea cables were cut off the coast of Maldra on Friday.", "place.event", "where", "Maldra", "", []),
    ("A 5.6 quake shook the southern Norlandic island of Vesk on Sunday.", "place.event", "hit", "Vesk", "island", []),
    ("The quake struck off the coast at 6:10 a.m. local time.", "place.offshore", "offshore or on land", "offshore", None, None),
    ("Engineers said the epicentre of the main quake had been well inland.",
     "place.offshore", "offshore or on land", "on land", None, None),
    ("Police said Dana Whitcombe, 41, of Larkfield, was arrested at the scene.", "place.home", "home", "Larkfield", "", []),
    ("Marta Oyelaran, 19 and from Cressing, Upper Vale, was named as the victim.",
     "place.home", "home", "Cressing", "", ["Upper Vale"]),
])
def test_a_place_is_read_from_its_construction(sentence, rule, predicate, value, ptype, within, nlp):
    got = [c for c in kinds(sentence, nlp) if c.rule == rule]
    assert got, [(c.rule, c.text) for c in kinds(sentence, nlp)]
    c = got[0]
    assert c.predicate == predicate and c.custom_value == value and c.why and c.quote == sentence
    if ptype is not None:
        assert c.measure["type"] == ptype and c.measure["within"] == within


def test_a_distance_from_a_place_gives_its_direction(nlp):
    (c,) = [c for c in kinds("The tanker was boarded 80 nautical miles south-east of Port Hallam on Monday.", nlp)
            if c.rule == "place.direction"]
    assert c.predicate == "direction from Port Hallam" and c.measure["bearing"] == 135
    assert c.text == "south-east of Port Hallam"


@pytest.mark.parametrize("sentence", [
    "The quake was felt as far away as Brisk and Tamsin.",          # felt in: not where it was
    "The relief agency's office is located in Tamsin.",             # a locating verb with no event
    "Rescuers cut off the power to Tamsin on Monday.",              # "cut off": a particle, not a place
    "Buildings were damaged in the town of Brisk by the quake.",    # damage somewhere: not the event's place
    "The ship sailed off the coast of Maldra.",                     # no event word
    "Dana Whitcombe of the Larkfield Police Department said.",      # an organisation, no comma or age
])
def test_a_place_merely_named_is_no_place_claim(sentence, nlp):
    assert [c for c in kinds(sentence, nlp) if c.rule in ("place.event", "place.home", "place.offshore")] == []


def _place(text: str, predicate: str = "where", ptype: str = "", within=(), prep: str = "in", **extra) -> Claim:
    from claimcheck.extract.places import place_key
    m = {"place": text, "key": place_key(text), "type": ptype, "within": list(within), "preposition": prep, **extra}
    return Claim(id=text, article=text, kind="place", text=text, quote=text, start=0, end=len(text),
                 predicate=predicate, custom_value=text, measure=m)


def _direction(word: str, bearing: float) -> Claim:
    return Claim(id=word, article=word, kind="place", text=f"{word} of Port Hallam", quote="", start=0, end=1,
                 predicate="direction from Port Hallam", custom_value=word,
                 measure={"direction": word, "bearing": bearing, "from": "Port Hallam"})


@pytest.mark.parametrize("a, b, code", [
    (_place("Varnholm"), _place("Ostby"), "mismatch"),                        # two places, containment unknown
    (_place("Varnholm", within=["Vesk"]), _place("Vesk", ptype="province"), None),    # a part and its whole
    (_place("Vesk", ptype="province"), _place("West Vesk", ptype="province"), "contradiction"),   # two provinces
    (_place("Vesk"), _place("West Vesk"), None),                              # maybe a part of it
    (_place("Varnholm", prep="near"), _place("Ostby"), None),                 # "near" is too loose
    (_place("Varnholm", within=["Leeth"]), _place("Ostby", within=["Leeth"]), "contradiction"),  # two towns of one county
    (_place("Varnholm", predicate="hit"), _place("Ostby", predicate="hit"), None),   # a quake hits many places
    (_place("Alexandrina"), _place("Alexandrena"), None),                     # one place misspelled
    (_place("Newton Street", within=["Ostby"]), _place("Ostby"), None),       # an address in the town
    (_place("Ostby"), _place("Cumbria", region="region"), None),              # a town and a county (`regions:`)
    (_place("Cumbria", region="region"), _place("England", region="country"), None),   # two levels
    (_place("Norway", region="country"), _place("Sweden", region="country"), "mismatch"),   # two countries
    (_direction("east", 90), _direction("west", 270), "contradiction"),
    (_direction("north", 0), _direction("northeast", 45), None),
    (_direction("north-northeast", 22.5), _direction("east", 90), "mismatch"),
])
def test_which_places_disagree(a, b, code):
    got = compare_places(a, b, place_containers([a, b]))
    assert (got[0] if got else None) == code, got


def test_containment_an_article_states_elsewhere_is_used(nlp):
    # one article puts Varnholm in Vesk in another sentence: "centred in Varnholm" / "in Vesk" agree
    text = ("The quake was centred in Varnholm on Sunday. Varnholm, in Vesk, lost power for hours.")
    (a,) = [c for c in kinds(text, nlp) if c.rule == "place.event"]
    b = _place("Vesk")
    assert compare_places(a, b, place_containers([a, b])) is None


@pytest.mark.parametrize("x, y, code", [
    ("Halden Mills Ltd.", "Halden Mill Ltd.", "contradiction"),
    ("Halden Mills Ltd.", "Halden Mills Limited", None),
    ("Halden Mills Ltd.", "Halden Mills", None),
    ("HaldenMills Ltd.", "Haldenmills Ltd.", None),                 # case only: one name
    ("Halden Mills Auto Repair", "Halden Mills Auto", None),         # told shorter
    ("Halden Mills Ltd.", "Halden Foods Ltd.", None),                # another word: another company
])
def test_which_organisation_names_disagree(x, y, code, nlp):
    def org(name: str) -> Claim:
        text = (f"Police were called to {name} on Friday." if name.split()[-1].rstrip(".") in ("Ltd", "Limited")
                else f"Faud Ali, owner of {name}, said he heard shots.")
        return next(c for c in kinds(text, nlp, "name") if c.rule == "name.organisation")
    a, b = org(x), org(y)
    got = compare_names(a, b, RULES)
    assert (got[0] if got else None) == code, got


@pytest.mark.parametrize("x, y, code", [
    ("Commander Ravi Desai", "Commodore Ravi Desai", "contradiction"),
    ("Capt. Ravi Desai", "Captain Ravi Desai", None),
    ("Lt. Col. Ravi Desai", "Col. Ravi Desai", None),                # shortened to its last word
    ("Sgt. Ravi Desai", "Lt. Ravi Desai", "contradiction"),
])
def test_which_ranks_disagree(x, y, code, nlp):
    a, b = (kinds(f"The attack was repelled, said navy spokesman {n}.", nlp, "title")[0] for n in (x, y))
    assert a.subject == b.subject
    got = compare_titles(a, b)
    assert (got[0] if got else None) == code, got


@pytest.mark.parametrize("sentence, rank", [
    ("The attack was repelled, said Attorney General Mira Castell.", None),          # a title, no rank
    ("Jason Orme, general manager of the plant, said the line was safe.", None),    # "general manager"
    ("The drill went well, said Lt. Col. Mira Castell.", "lieutenant colonel"),
])
def test_a_rank_is_read_only_before_the_name(sentence, rank, nlp):
    got = [c.custom_value for c in kinds(sentence, nlp, "title") if c.rule == "title.rank"]
    assert got == ([rank] if rank else []), got


def test_the_unit_of_a_post_and_which_units_disagree(nlp):
    def post(sentence: str) -> Claim:
        (c,) = [c for c in kinds(sentence, nlp, "title") if c.rule == "title.post"]
        return c
    a = post("Mira Castell, senior vice president and general manager of Orvane's Cloud Business Units, said so.")
    b = post("Mira Castell, senior vice president and general manager for Orvane's products division, said so.")
    c = post("Mira Castell, general manager of the new cloud business unit at Orvane, said so.")
    assert a.custom_value == "Cloud Business Units" and a.subject == b.subject == c.subject
    assert compare_titles(a, b)[0] == "mismatch"
    assert compare_titles(a, c) is None              # one unit told two ways


def test_a_place_under_another_name_is_one_place(nlp):
    # `aliases:` "U.S." = "United States": one place, nothing to flag
    (a,) = [c for c in kinds("The blast was centred in the U.S., officials said.", nlp) if c.rule == "place.event"]
    (b,) = [c for c in kinds("The blast was centred in the United States, officials said.", nlp) if c.rule == "place.event"]
    assert a.measure["key"] == b.measure["key"]
    assert compare_places(a, b, place_containers([a, b])) is None
