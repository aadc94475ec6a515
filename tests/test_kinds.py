"""The built-in kinds of issue 8: measure, age, time, percent and labelled numbers.

Tables of real constructions (sentences from ../shared/corpora/ecbplus-dev, shortened only where
the rest of the sentence holds nothing of the construction) with the kind, value and subject or
property a reader would take away, then non-claims, then how the values compare.
"""
from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from claimcheck import units
from claimcheck.cache import _decode, _encode
from claimcheck.compare import compare_values
from claimcheck.extract import claims_from_text
from claimcheck.models import Claim
from claimcheck.report.json import claim_value
from claimcheck.report.view import value_label, value_reading
from claimcheck.rules import default_ruleset

RS = default_ruleset()


def claims(text: str, kind: str | None = None) -> list[Claim]:
    out = claims_from_text(text, RS, published=date(2009, 1, 7))
    return [c for c in out if kind is None or c.kind == kind]


def one(text: str, kind: str, containing: str | None = None) -> Claim:
    found = [c for c in claims(text, kind) if containing is None or containing in c.text]
    assert found, f"no {kind} claim in {text!r}: {[(c.kind, c.text) for c in claims(text)]}"
    return found[0]


# ---------------------------------------------------------------- measures

MEASURES = [
    # sentence, text of the claim, property, dimension, value in base units (SI), object
    ("The quake occurred at 2:09 a.m. about 14 miles north-northeast of Healdsburg and had a depth of 1.2 miles.",
     "1.2 miles", "depth", "length", 1931.2, "quake"),
    ("The quake occurred at 2:09 a.m. about 14 miles north-northeast of Healdsburg and had a depth of 1.2 miles.",
     "about 14 miles", "distance from Healdsburg", "length", 22530.8, "quake"),
    ("The first earthquake measuring 7.6 magnitude struck on Sunday about 135 kilometers from the main city of Manokwari.",
     "about 135 kilometers", "distance from Manokwari", "length", 135000, None),
    ("The injured had received treatment after being injured by the quake, which struck seven km (4 miles) east of Dargahan.",
     "seven km", "distance from Dargahan", "length", 7000, None),
    ("The injured had received treatment after being injured by the quake, which struck seven km (4 miles) east of Dargahan.",
     "4 miles", "distance from Dargahan", "length", 6437.4, None),
    ("LaSalle gunned the engine and drove over Johnson, hitting her and dragging her 10 feet as he sped away.",
     "10 feet", "drag", "length", 3.048, None),
    ("The larger boat, a 10-metre dhow, is named the Salahaddin.", "10-metre", "length of dhow", "length", 10, "dhow"),
    ("The warship caught up to the boats, the larger of which was described as a 24- to 30-foot dhow.",
     "24- to 30-foot", "length of dhow", "length", 8.2296, "dhow"),
    ("They also confiscated seven AK-47s, a 5.56mm and a 7.62mm rifles, a grenade launcher.",
     "7.62mm", "calibre", "length", 0.00762, "rifle"),
    ("The boat, with 20 kilometres (12.5 miles) of spare cable on board, left port.",
     "20 kilometres", "length of cable", "length", 20000, "cable"),
    ("Lasalle told police he had drank a half-liter of vodka before driving to the store.",
     "a half-liter", "volume of vodka", "volume", 0.0005, "vodka"),
    ("The pumps moved 3,000 litres a minute out of the mine.", "3,000 litres a minute", "move", "rate", 0.05, None),
    ("Temperatures fell to minus 4 degrees overnight.", "minus 4 degrees", "temperature", "temperature", -4, None),
    ("The tower is 300m high.", "300m", "height", "length", 300, None),
    ("The computer is just 0.98-inches thin and weighs 6.6 pounds.", "0.98-inches", "thickness", "length", 0.0249, None),
    ("A wall of 12ft collapsed onto the road.", "12ft", "length", "length", 3.6576, None),
    ("The cable is 1.2 million km long.", "1.2 million km", "length", "length", 1.2e9, None),
    ("The boy fell 60 metres into the gorge.", "60 metres", "fall", "length", 60, None),
    ("Police recovered a .45-caliber handgun near the bank.", ".45-caliber", "calibre", "length", 0.01143, None),
    ("Police said the standoff lasted two hours.", "two hours", "last", "duration", 7200, None),
    ("Gigante led the Genovese family for two decades.", "two decades", "lead", "duration", 631152000, None),
    ("The Orioles offered Teixeira a seven-year deal.", "seven-year", "duration of deal", "duration", 220903200, "deal"),
    ("The incident comes less than a year after a similar outage.", "less than a year", "come", "duration",
     15778800, None),
    ("He is 5-feet-8 inches tall, weighing 130 pounds, has a shaved head.", "5-feet-8 inches", "height", "length",
     1.7272, None),
    ("The 6-foot-10 center scored 20 points.", "6-foot-10", "height", "length", 2.0828, "center"),
]


@pytest.mark.parametrize("sentence,text,prop,dimension,base,obj", MEASURES)
def test_measures_are_read_in_base_units(sentence, text, prop, dimension, base, obj):
    c = one(sentence, "measure", containing=text.split()[-1])
    c = next(x for x in claims(sentence, "measure") if x.text == text)
    assert c.predicate == prop
    assert c.unit == dimension and c.measure["dimension"] == dimension
    mid = (c.measure["base_low"] + c.measure["base_high"]) / 2
    assert mid == pytest.approx(base, rel=0.11)
    if obj is not None:
        assert c.object == obj


def test_conversions_in_brackets_agree_and_other_units_disagree():
    a = next(c for c in claims("The epicenter was about 85 miles (135 kilometers) from Manokwari.", "measure")
             if "85" in c.text)
    b = one("The quake struck 135 kilometers from Manokwari.", "measure")
    assert compare_values(a, b) is None                                  # 85 miles = 136.8 km
    c = one("The quake struck 64 km from the city.", "measure")
    d = one("The quake struck 40 miles from the city.", "measure")
    assert compare_values(c, d) is None                                  # 40 miles = 64.4 km
    e = one("The quake struck 75 kilometers from the city.", "measure")
    f = one("The quake struck 50 miles from the city.", "measure")
    assert compare_values(e, f) is None                                  # 50 miles rounds 46.6
    g = one("The quake struck 35 kilometers from the city.", "measure")
    assert compare_values(d, g)[0] == "contradiction"                    # 40 miles is not 35 km
    h = one("The quake struck 65 km from the city.", "measure")
    assert compare_values(c, h)[0] == "contradiction"                    # one unit: plain numbers
    i = one("The quake had a depth of 1.2 miles.", "measure")
    j = one("The quake had a depth of one mile.", "measure")
    assert compare_values(i, j) is None                                  # "one mile" may round 1.2
    k = one("The quake had a depth of 2.7 miles.", "measure")
    assert compare_values(j, k)[0] == "contradiction"


def test_a_hedged_figure_is_not_rounded_twice():
    """"about 20 miles" already says it is rounded (18 to 22): it is not padded again by its
    last digit, so it and "about 26 miles" are two distances; "one mile" (no hedge) may still round
    "1.2 miles", and "about 14 miles" / "14 miles" agree."""
    a = one("The temblor was centered about 20 miles north of Santa Rosa.", "measure")
    b = one("The temblor struck about 26 miles north of Santa Rosa.", "measure")
    assert compare_values(a, b) is not None
    c = one("The quake was about 14 miles northeast of Healdsburg.", "measure")
    d = one("The quake was 14 miles northeast of Healdsburg.", "measure")
    assert compare_values(c, d) is None
    e = one("The quake had a depth of about 1.2 miles.", "measure")
    f = one("The quake had a depth of one mile.", "measure")
    assert compare_values(e, f) is None


def test_measure_value_in_json_and_views():
    c = one("The quake had a depth of 1.2 miles.", "measure")
    v = claim_value(c)
    assert v["low"] == 1.2 and v["unit"] == "mile" and v["base_unit"] == "meter"
    assert v["base_low"] == pytest.approx(1931.2128) and v["property"] == "depth"
    json.dumps(v, allow_nan=False)
    assert value_label(c) == "1.2 miles"
    assert "meter" in value_reading(c) and "depth" in value_reading(c)


# ---------------------------------------------------------------- labelled numbers

MAGNITUDES = [
    ("An earthquake with a preliminary magnitude of 4.6 was recorded in the North Bay.", [4.6]),
    ("Indonesia's West Papua province was hit by a magnitude 6.1 earthquake today.", [6.1]),
    ("The 6.1-magnitude quake was the latest in a series of dozens of powerful tremors.", [6.1]),
    ("A magnitude-4.6 quake rattled Sonoma and Lake counties.", [4.6]),
    ("The USGS later put the magnitude at 4.4.", [4.4]),
    ("An earthquake measuring 4.6 rattled Sonoma and Lake counties early Thursday.", [4.6]),
    ("It was the latest tremor since 7.6 and 7.5 magnitude quakes that struck off Manokwari on Sunday.", [7.6, 7.5]),
    ("Residents fled after two quakes, measuring 7.6 and 7.4, struck west of Manokwari.", [7.6, 7.4]),
    ("A quake measuring 5.6 on the Richter scale jolted the island.", [5.6]),
    ("The first quake, magnitude 7.6, struck at 4:43 a.m. local time.", [7.6]),
    ("A 4.4 quake is on the large size for The Geysers.", [4.4]),
    ("Two aftershocks, magnitude 2.9 and 2.2, occurred immediately following.", [2.9, 2.2]),
]


@pytest.mark.parametrize("sentence,values", MAGNITUDES)
def test_magnitudes_are_built_in(sentence, values):
    got = [c for c in claims(sentence, "magnitude")]
    assert sorted(c.quantity.value for c in got) == sorted(values)
    assert {c.rule for c in got} == {"measure.label"}
    assert all(c.predicate == "measure" and c.unit == "magnitude" for c in got)   # as rules/earthquake.yml writes them


def test_magnitudes_are_exact():
    a = one("A magnitude 7.6 earthquake struck.", "magnitude")
    b = one("A magnitude 7.5 earthquake struck.", "magnitude")
    assert compare_values(a, b)[0] == "contradiction"


# ---------------------------------------------------------------- ages

AGES = [
    ("Police allege Eric Allen Kirkpatrick, 61, opened fire at a Vancouver office Friday.", 61, 61, "Eric Allen Kirkpatrick"),
    ("A 61-year-old man was charged with first-degree murder Saturday.", 61, 61, "man"),
    # a place before the role noun says where the man is from, not who he is
    ("A 61-year-old Vancouver man was charged yesterday with first-degree murder.", 61, 61, "man"),
    ("Police arrested a 36-year-old Bloomington man after the crash.", 36, 36, "man"),
    ('"The suspect, a 61-year-old man, entered the business," Const. Tim Fanning said.', 61, 61, "suspect"),
    ("Robert Pitman, aged 24 and from Wellington, is accused of arson.", 24, 24, "Robert Pitman"),
    ("Sixty-year-old Sharron Diane Crawford Smith is now accused of murdering two women.", 60, 60,
     "Sharron Diane Crawford Smith"),
    ("Staunton police on Friday arrested a 60-year-old, terminally ill woman.", 60, 60, "woman"),
    ("The victim, who was in her 60s, was taken to Hennepin County Medical Center.", 60, 69, "victim"),
    ("His sister Katie Jenkin, 20, and mother Alice McMeekin, 58, were found dead.", 20, 20, "Katie Jenkin"),
    ("His sister Katie Jenkin, 20, and mother Alice McMeekin, 58, were found dead.", 58, 58, "Alice McMeekin"),
    ("Atururi said a 10-year-old girl was killed at home when a wall collapsed.", 10, 10, "girl"),
    ("The gunman, Lopez (42), was arrested at the scene.", 42, 42, "Lopez"),
    ("Police Capt. Tom Tennant and Senior Trooper William Hakim, both 51, were killed.", 51, 51, "Tom Tennant"),
    ("Police Capt. Tom Tennant and Senior Trooper William Hakim, both 51, were killed.", 51, 51, "William Hakim"),
    # a lone surname the model takes for a place, once the article has named the person in full
    ("Police stopped Anthony Phillip LaSalle, 36, of Bloomington. LaSalle, 36, had a blood alcohol level of 0.41 percent.",
     36, 36, "Anthony Phillip LaSalle"),
]


@pytest.mark.parametrize("sentence,low,high,subject", AGES)
def test_ages_belong_to_their_person(sentence, low, high, subject):
    got = [c for c in claims(sentence, "age") if c.subject == subject]
    assert got, [(c.text, c.subject) for c in claims(sentence, "age")]
    c = got[0]
    assert (c.quantity.low, c.quantity.high) == (low, high)
    assert c.predicate == "age" and c.unit == "year"


def test_n_year_old_is_never_a_count():
    for s in ["A 61-year-old man was charged with first-degree murder Saturday.",
              "Atururi said a 10-year-old girl was killed at home when a wall collapsed."]:
        assert not [c for c in claims(s, "count") if "61" in c.text or "10" in c.text]


def test_different_ages_contradict():
    a = one("Staunton police on Friday arrested a 60-year-old woman.", "age")
    b = one("Police announced 61-year-old Sharron Diane Crawford Smith was arrested.", "age")
    assert compare_values(a, b)[0] == "contradiction"


# ---------------------------------------------------------------- clock times

TIMES = [
    # sentence, claim text, [start, end] minutes, zone, predicate
    ("The quake occurred at 2:09 a.m. about 14 miles north-northeast of Healdsburg.", "2:09 a.m.", 129, 129, "", "hold"),
    ("MV Gibe put out a message at 1100 hours that it was under attack.", "1100 hours", 660, 660, "", None),
    ("The fire service was called at 06:00 BST to the Waitrose store.", "06:00 BST", 360, 360, "bst", "deploy"),
    ("Wednesday's shallow quake hit at 7:48 am (2248 GMT Tuesday).", "2248 GMT", 1368, 1368, "gmt", "strike"),
    ("A 61-year-old man surrendered to police shortly after 6 p.m.", "shortly after 6 p.m.", 1080, 1095, "", "surrender"),
    ("Police Const. Tim Fanning said the gunman entered the party around 4 p.m.", "around 4 p.m.", 950, 970, "", "enter"),
    ("Pirates attacked this merchant ship about 1100 hrs IST, 150 nautical miles west of Aden.",
     "about 1100 hrs IST", 650, 670, "ist", "attack"),
    ("By 8.30am crews were using thermal imaging cameras to identify hotspots.", "By 8.30am", 390, 510, "", None),
    ("The bomb exploded just before 5:30 p.m. on the Newberg 214 Highway.", "just before 5:30 p.m.", 1035, 1050, "", None),
    ("The cut occurred on lines between 07:28 and 08:06 UTC.", "between 07:28 and 08:06 UTC", 448, 486, "utc", "hold"),
    ("The vote was delayed until just before midnight.", "just before midnight", 1425, 1440, "", None),
    ("The ceremony began at noon.", "noon", 720, 720, "", "begin"),
    ("The boutique was stormed by as many as four robbers on Thursday afternoon.", "Thursday afternoon", 720, 1079, "", "storm"),
    ("Robbers struck near the Champs-Elysees late Thursday afternoon and stole watches.", "late Thursday afternoon",
     899, 1079, "", "strike"),
]


@pytest.mark.parametrize("sentence,text,start,end,zone,pred", TIMES)
def test_clock_times(sentence, text, start, end, zone, pred):
    got = [c for c in claims(sentence, "time") if c.text == text]
    assert got, [(c.text, c.measure) for c in claims(sentence, "time")]
    c = got[0]
    assert (c.measure["start_minute"], c.measure["end_minute"]) == (start, end)
    assert c.measure["zone"] == zone
    if pred:
        assert c.predicate == pred
    assert not [q for q in claims(sentence, "count") if q.start < c.end and c.start < q.end]   # 1430 GMT is no count


def test_clock_times_compare():
    a = one("The gunman entered about 4 p.m.", "time")
    b = one("The gunman entered just past 4 p.m.", "time")
    assert compare_values(a, b) is None                                  # compatible bounds
    c = one("Police were called at 8.40am on Saturday.", "time")
    d = one("Police were called at 8.39am on Saturday.", "time")
    assert compare_values(c, d) is None                                  # a round time and its minute
    e = one("The quake struck at 2:09 a.m.", "time")
    f = one("The quake struck at 3:09 a.m.", "time")
    assert compare_values(e, f)[0] == "contradiction"
    g = one("The ship called at 11am IST.", "time")
    h = one("The ship called at 0530 GMT.", "time")
    assert compare_values(g, h) is None                                  # 11:00 IST is 05:30 GMT
    i = one("The quake hit at 7:48 am.", "time")
    j = one("The quake hit at 2248 GMT.", "time")
    assert compare_values(i, j) is None                                  # local against UTC: not compared
    assert value_label(e) == "2:09 a.m." and value_reading(b).startswith("16:00–16:15")
    k = one("Johnson was killed Wednesday night in the crosswalk.", "time")
    m = one("Johnson was killed around 7 p.m. in the crosswalk.", "time")
    assert compare_values(k, m) is None                                  # 7 p.m. is at night
    n = one("Johnson was killed at 9 a.m. in the crosswalk.", "time")
    assert compare_values(k, n)[0] == "mismatch"                         # a part of the day is vague
    p = one("The cut occurred between 07:28 and 08:06 Coordinated Universal Time (UTC).", "time")
    q = one("The cut occurred at 10:00 am off Sicily.", "time")
    assert p.measure["zone"] == "coordinated universal time" and compare_values(p, q) is None


# ---------------------------------------------------------------- percents

PERCENTS = [
    ("Sixty-five per cent of traffic to India was down.", 65, 65, "traffic to India"),
    ("It is thought that 65% of traffic to India was down.", 65, 65, "traffic to India"),
    ("LaSalle, 36, had a blood alcohol level of 0.41 percent.", 0.41, 0.41, "blood alcohol level"),
    ("His blood-alcohol level was 0.41, more than five times the legal limit.", 0.41, 0.41, "blood alcohol level"),
    ("Tests showed his blood alcohol content of .41 at the time.", 0.41, 0.41, "blood alcohol level"),
    ("Up to 80 percent of Internet services and call centers in Egypt have been cut.", 0, 80, "internet service"),
    ("Half of the entrance roof at the shop collapsed during the blaze.", 50, 50, "entrance roof"),
    ("Two thirds of the homes in the village were destroyed.", 66.6667, 66.6667, "home"),
    ("These three circuits account for 90% of the traffic.", 90, 90, "traffic"),
    ("Half the roof at the entrance of the building has collapsed.", 50, 50, "roof"),
]


@pytest.mark.parametrize("sentence,low,high,subject", PERCENTS)
def test_percents_are_shares_of_something(sentence, low, high, subject):
    c = one(sentence, "percent")
    assert (c.quantity.low, c.quantity.high) == (pytest.approx(low, abs=1e-3), pytest.approx(high, abs=1e-3))
    assert c.subject.lower().startswith(subject.lower()) and c.unit == "%"


# ---------------------------------------------------------------- not claims of these kinds

NON_CLAIMS = [
    "The 2004 tsunami killed thousands along the coast.",
    "Manchester United won 5-0 on Saturday.",
    "Call the tip line at 503-555-1234 with information.",
    "He lives at 221 Baker Street in London.",
    "The company raised $300m from investors.",
    "About 3m people live in the region.",
    "The processor is set for release in the second half of 2007.",
    "The magnitude of the disaster is not yet known.",
    "Officials said 8.40 million dollars was spent.",
    "Good morning, America. The morning paper said so.",
    "Two quakes struck the region.",
    "A day later, a mile from the bank, police found the car.",
    # unanchored: no verb, noun or person says what is measured or whose age it is
    "What followed was a tense two hours while police negotiated.",
    "The 81-year-old is at home and will be back at the office.",
    # game clocks, time stamps, ordinals, model names
    "With 7:42 left in the first half, Hansbrough muscled inside.",
    "Dec. 18-11:14 pm et",
    "In a May 20 call to announce HP's 2008 second-quarter earnings, Hurd spoke.",
    "It has GeForce GT 650M-based graphics.",
    "Microsoft issued a patch for a zero-day flaw.",
]


@pytest.mark.parametrize("sentence", NON_CLAIMS)
def test_non_claims(sentence):
    got = [c for c in claims(sentence) if c.kind in ("measure", "age", "time", "percent", "magnitude")]
    assert not got, [(c.kind, c.text) for c in got]


def test_calibres_in_hundredths_agree():
    a = one("A 38-caliber revolver was recovered.", "measure")
    b = one("He fired one shot from his .38-caliber revolver.", "measure")
    assert compare_values(a, b) is None


def test_money_stays_a_count_in_dollars():
    c = one("Advanced Micro Devices is acquiring SeaMicro for $334 million.", "count")
    assert c.unit == "USD" and c.quantity.low == 334e6


def test_new_fields_round_trip_through_the_cache():
    for s in ["The quake had a depth of 1.2 miles.", "The gunman entered shortly after 4 p.m. BST.",
              "Robert Pitman, 24, appeared in court."]:
        for c in claims(s):
            back = _decode(json.loads(json.dumps(_encode(c))))
            assert dataclasses.asdict(back) == dataclasses.asdict(c)


def test_rules_only_mode_reads_what_it_can():
    from claimcheck import nlp as nlp_mod
    rules_only = nlp_mod.load("rules-only")
    text = ("The quake struck at 2:09 a.m. at a depth of 1.2 miles. Robert Pitman, 24, was charged. "
            "65% of traffic was down. A magnitude 4.6 earthquake struck.")
    got = {c.kind for c in claims_from_text(text, RS, nlp=rules_only)}
    assert {"time", "measure", "age", "percent", "magnitude"} <= got


def test_user_rule_with_a_builtin_id_switches_the_code_off(tmp_path):
    from claimcheck.rules import load_rules
    (tmp_path / "mine.yml").write_text(
        "claims:\n  - id: age.person\n    kind: age\n    patterns:\n"
        "      - [{LOWER: aged}, {LIKE_NUM: true, CAPTURE: value}]\n"
        "    examples:\n      match: ['He was aged 19.']\n      no_match: ['He was 19.']\n", encoding="utf-8")
    rs = load_rules(tmp_path)
    got = [c for c in claims_from_text("Robert Pitman, 24, was aged 19 then.", rs) if c.kind == "age"]
    assert [c.custom_value for c in got] == ["19"]          # only the user's pattern reads ages now


def test_pint_registry_is_built_once():
    assert units.registry() is units.registry()
    assert units.convert(40, "mile")[0] == pytest.approx(64373.76)


TOUCHING_HEDGES = [
    # (first, second, a finding?)
    ("The storm killed more than 310,000 people.", "The storm killed at least 320,000 people.", True),   # (310k, 320k] / [320k, 330k]
    ("The storm killed more than 310,000 people.", "The storm killed more than 320,000 people.", True),  # disjoint readings
    ("The storm killed more than 310,000 people.", "The storm killed about 315,000 people.", False),     # inside its reading
    ("The storm killed at least 320,000 people.", "The storm killed 320,000 people.", False),            # a point on the edge
]


@pytest.mark.parametrize("first,second,finding", TOUCHING_HEDGES)
def test_hedged_figures_whose_readings_share_only_an_edge_disagree(first, second, finding):
    """"more than 310,000" reads as (310,000, 320,000] and "at least 320,000" as [320,000, 330,000]:
    one shared edge is not one figure a reader takes away; a plain figure on the edge is."""
    a, b = one(first, "count"), one(second, "count")
    assert (compare_values(a, b) is not None) is finding
