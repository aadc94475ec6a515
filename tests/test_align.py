"""Alignment: stories, events and facts (DESIGN.md section 4), on constructions an editor meets.

Claims are built by hand here (no parser), so each test states exactly what alignment is given.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimcheck import rules
from claimcheck.align import align_all
from claimcheck.align.events import EventWords, mention_of
from claimcheck.align.facts import MAX_CANDIDATES, MAX_MEMBERS
from claimcheck.compare import compare
from claimcheck.models import Article, Claim, DateSpan, Quantity


@pytest.fixture(scope="module")
def ruleset():
    return rules.load_rules(None)


def count(cid, article, text, quote, value, predicate="kill", unit="person", subject=""):
    start = quote.index(text)
    return Claim(id=cid, article=article, kind="count", text=text, quote=quote, start=start, end=start + len(text),
                 predicate=predicate, unit=unit, subject=subject, sentence_start=0,
                 quantity=Quantity(low=value, high=value, value=value, text=text))


def article(aid, text, published=None, title=""):
    return Article(id=aid, path=aid + ".txt", text=text, title=title, published=published,
                   published_from="text" if published else "none")


# ------------------------------------------------------------------ events of a clause

CLAUSES = [
    # (sentence, claim text, event class, background?)
    ("The quake killed 12 people in the town.", "12 people", "quake", False),
    ("Some 168,000 people were killed by the 2004 Asian tsunami.", "168,000 people", "tsunami", True),
    ("It was the strongest since the 1999 quake, which killed 2,400 people.", "2,400 people", "quake", True),
    ("Last year's earthquake killed 40 people in the same province.", "40 people", "quake", True),
    ("A Monday aftershock injured 11 people.", "11 people", "aftershock", False),
    ("Fifteen people died when the quake hit the town.", "Fifteen people", "", False),   # its clause names none
    ("Police said 23 pirates were arrested.", "23 pirates", "", False),
    # a year that ends the sentence, or its phrase, still dates the event
    ("The tremors recall the Asian tsunami that killed 168,000 people in Aceh in 2004.", "168,000 people", "tsunami", True),
    ("In December 2004, a giant tsunami left at least 230,000 people dead.", "230,000 people", "tsunami", True),
]


@pytest.mark.parametrize("sentence,text,cls,background", CLAUSES)
def test_a_claim_takes_the_event_of_its_own_clause(ruleset, sentence, text, cls, background):
    from claimcheck.align.events import MainEvent, _earlier
    c = count("c", "a", text, sentence, 1.0)
    m = mention_of(c, EventWords(ruleset))
    assert m.cls == cls
    assert _earlier(m, MainEvent(cls="quake"), date(2009, 1, 5), None) is background


def test_background_toll_is_its_own_fact_compared_only_with_itself(ruleset):
    """Every article gives the 2004 tsunami's toll and this week's quake toll: the two tolls are
    two facts, never compared with each other; the tsunami tolls are compared among themselves."""
    arts, claims = [], []
    tolls = [("12 people", 12, "168,000 people", 168000), ("12 people", 12, "230,000 people", 230000),
             ("14 people", 14, "168,000 people", 168000)]
    for i, (t, v, bt, bv) in enumerate(tolls):
        q1 = f"The quake in Manokwari killed {t} on Sunday."
        q2 = f"The 2004 tsunami killed {bt} in Aceh."
        text = q1 + " " + q2
        arts.append(article(f"a{i}", text, date(2009, 1, 5), title="Quake hits Manokwari"))
        c1 = count(f"c{i}", f"a{i}", t, q1, v)
        c2 = count(f"b{i}", f"a{i}", bt, q2, bv)
        c2.sentence_start = len(q1) + 1
        c2.start += c2.sentence_start
        c2.end += c2.sentence_start
        claims += [c1, c2]
    res = align_all(claims, arts, ruleset)
    events = {e.id: e for e in res.events}
    by_claim = {c.id: c for c in claims}
    background = [e for e in res.events if e.background]
    assert [e.kind for e in background] == ["tsunami"]
    assert len({by_claim[f"b{i}"].event for i in range(3)}) == 1          # one tsunami across articles
    facts = [f for f in res.facts if len(f.claims) > 1]
    for f in facts:
        assert len({events[by_claim[c].event].background for c in f.claims}) == 1, f.why
    assert "2004" in events[by_claim["b0"].event].label
    found = compare(res.facts, by_claim, ruleset, {a.id: a.published for a in arts})
    pairs = [{by_claim[i].text for i in d.claims} for d in found]
    assert {"12 people", "14 people"} in pairs
    assert {"168,000 people", "230,000 people"} in pairs
    assert not any(p & {"12 people", "14 people"} and p & {"168,000 people", "230,000 people"} for p in pairs)


def test_side_by_side_values_of_one_article_are_never_one_fact(ruleset):
    q = "AMD will pay $334 million for SeaMicro, including $281 million in cash."
    arts = [article("a", q, date(2012, 3, 1), "AMD buys SeaMicro"),
            article("b", "AMD is paying $334 million for SeaMicro.", date(2012, 3, 1), "AMD buys SeaMicro")]
    claims = [count("a1", "a", "$334 million", q, 334e6, "buy", "USD"),
              count("a2", "a", "$281 million", q, 281e6, "buy", "USD"),
              count("b1", "b", "$334 million", arts[1].text, 334e6, "buy", "USD")]
    res = align_all(claims, arts, ruleset)
    for f in res.facts:
        assert not {"a1", "a2"} <= set(f.claims)
    assert any({"a1", "b1"} <= set(f.claims) for f in res.facts)


def test_a_subfolder_is_a_story_and_stories_never_cross_folders(ruleset):
    text = "A fire in Dunmore killed three people on Tuesday."
    arts = [article("fire/a", text), article("fire/b", text), article("other/c", text)]
    res = align_all([], arts, ruleset)
    stories = sorted(sorted(s.articles) for s in res.stories)
    assert stories == [["fire/a", "fire/b"], ["other/c"]]


# ------------------------------------------------------------------ cost


def test_a_block_of_thousands_of_claims_costs_a_bounded_number_of_comparisons(ruleset):
    """3,000 counts of one kind, predicate and unit in one story and event (300 articles giving 10
    values each, side by side): each claim is checked against a bounded number of groups and
    members, so the comparisons grow linearly (all pairs would be 4.5 million)."""
    n_articles, per_article = 300, 10
    arts, claims = [], []
    for i in range(n_articles):
        quote = "The quake in Valdoria killed " + ", ".join(f"{10 + k} people" for k in range(per_article)) + "."
        arts.append(article(f"s/a{i}", quote, date(2024, 3, 11), "Quake in Valdoria"))
        for k in range(per_article):
            claims.append(count(f"c{i}-{k}", f"s/a{i}", f"{10 + k} people", quote, float(10 + k + (i % 3))))
    res = align_all(claims, arts, ruleset)
    n = len(claims)
    assert res.comparisons <= MAX_CANDIDATES * MAX_MEMBERS * n
    assert res.comparisons < n * (n - 1) / 2 / 50
    placed = [c for f in res.facts for c in f.claims]
    assert sorted(placed) == sorted(c.id for c in claims)           # every claim in exactly one fact
    for f in res.facts:                                            # no fact holds two values of one article
        arts_in = [cid.split("-")[0] for cid in f.claims]
        values = {}
        by_id = {c.id: c for c in claims}
        for cid, a in zip(f.claims, arts_in):
            values.setdefault(a, set()).add(by_id[cid].quantity.low)
        assert all(len(v) == 1 for v in values.values())


# ------------------------------------------------------------------ updates and --fail-on info


def test_a_rising_toll_is_an_update_and_fails_only_under_fail_on_info(tmp_path):
    from typer.testing import CliRunner
    from claimcheck.cli import app
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Title: Quake kills 12 in Valdoria\nDate: 2024-03-11\n\n"
                                  "A powerful earthquake struck Valdoria on Sunday, killing at least 12 people.\n")
    (corpus / "b.txt").write_text("Title: Valdoria quake toll climbs to 15\nDate: 2024-03-12\n\n"
                                  "Fifteen people were killed in Sunday's earthquake in Valdoria, officials said.\n")
    runner = CliRunner()
    codes = {}
    for level in ("warning", "info"):
        out = tmp_path / f"out-{level}"
        res = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--fail-on", level, "--quiet", "--no-cache"])
        codes[level] = res.exit_code
    import json
    data = json.loads((tmp_path / "out-info" / "claimcheck.json").read_text())
    updates = [d for d in data["discrepancies"] if d["code"] == "update"]
    assert [d["severity"] for d in data["discrepancies"]] == ["info"] and len(updates) == 1
    assert "2024-03-11" in updates[0]["message"] and "2024-03-12" in updates[0]["message"]
    assert codes == {"warning": 0, "info": 1}
    assert data["events"] and all(c["event"] for c in data["claims"])
    assert data["stories"] and data["stories"][0]["articles"] == ["a", "b"]


# ------------------------------------------------------------------ persons by role, partitives

def _age(cid, art, text, quote, value, subject):
    c = count(cid, art, text, quote, value, predicate="age", unit="year", subject=subject)
    c.kind = "age"
    return c


ROLE_LINKS = [
    # (sentence that names the person, role an age claim of another article uses, linked?)
    ("Police allege the recently-fired man, Eric Allen Kirkpatrick, opened fire.", "man", True),
    ("A 61-year-old Vancouver man-Eric Allen Kirkpatrick-was charged Saturday.", "man", True),
    ("The suspect, Eric Allen Kirkpatrick, surrendered.", "suspect", True),
    ("Eric Allen Kirkpatrick, 61, the suspect, surrendered.", "suspect", True),
    ("Eric Allen Kirkpatrick surrendered after the suspect's lawyer arrived.", "suspect", False),
]


@pytest.mark.parametrize("sentence,role,linked", ROLE_LINKS)
def test_an_age_told_by_a_role_is_the_age_of_the_name_put_beside_the_role(sentence, role, linked):
    from claimcheck.align.facts import person_subjects
    named = Claim(id="n", article="a", kind="name", text="Eric Allen Kirkpatrick", quote=sentence,
                  start=sentence.index("Eric"), end=sentence.index("Eric") + 22, predicate="name", unit="",
                  subject="krkptrck", sentence_start=0)
    q = f"The {role}, a 62-year-old, was arrested."
    aged = _age("r", "b", "62-year-old", q, 62.0, role)
    out = person_subjects([named, aged], {"a": "S", "b": "S"})
    assert (out.get("r") == "Eric Allen Kirkpatrick") is linked


def test_a_role_beside_two_people_stays_a_role():
    from claimcheck.align.facts import person_subjects
    s1, s2 = "The suspect, Eric Kirkpatrick, surrendered.", "The suspect, John Smith, fled."
    names = [Claim(id=f"n{i}", article=f"a{i}", kind="name", text=n, quote=s, start=s.index(n), end=s.index(n) + len(n),
                   predicate="name", unit="", subject=n.lower(), sentence_start=0)
             for i, (n, s) in enumerate([("Eric Kirkpatrick", s1), ("John Smith", s2)])]
    aged = _age("r", "b", "62-year-old", "The suspect, a 62-year-old, was arrested.", 62.0, "suspect")
    assert person_subjects(names + [aged], {"a0": "S", "a1": "S", "b": "S"}) == {}


def test_a_partitive_of_an_unlisted_noun_takes_the_leading_unit_class(ruleset):
    from claimcheck.align.facts import fold_predicates, fold_units
    cs = [count("a", "a", "23 pirates", "The navy captured 23 pirates.", 23.0, "arrest", "detainee"),
          count("b", "b", "23 pirates", "The navy arrested 23 pirates.", 23.0, "arrest", "detainee"),
          count("c", "c", "23 of the raiders", "The navy captured 23 of the raiders.", 23.0, "arrest", "raider"),
          count("d", "d", "23 raiders", "The navy captured 23 raiders.", 23.0, "arrest", "raider"),
          count("e", "e", "20 others", "Five pirates were killed and 20 others captured.", 20.0, "arrest", "other")]
    units = fold_units(cs, ruleset, fold_predicates(cs, ruleset))
    # the partitive and "others" count the group named before; a bare unlisted noun stays its own
    assert units == {"c": "detainee", "e": "detainee"}


def test_a_name_written_apart_or_together_is_one_name_whatever_the_hash_seed():
    """"YesBank" / "Yes Bank": the answer once depended on the order a word set iterates in,
    which is Python's hash seed: two runs of one corpus grouped facts differently."""
    import subprocess
    import sys
    code = ("from claimcheck.align.facts import _squashed_same as s\n"
            "print(s(frozenset({'yesbank'}), frozenset({'yes', 'bank'})),"
            " s(frozenset({'sea', 'micro'}), frozenset({'seamicro', 'inc'})),"
            " s(frozenset({'halvern'}), frozenset({'quill', 'mark'})))\n")
    for seed in range(8):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                             env={"PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src"), "PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"})
        assert out.stdout.split() == ["True", "True", "False"], (seed, out.stdout, out.stderr)


# ------------------------------------------------------------------ what a date dates


def _dated(cid, article, text, quote, predicate, event="E1", day=None):
    start = quote.index(text)
    return Claim(id=cid, article=article, kind="date", text=text, quote=quote, start=start, end=start + len(text),
                 predicate=predicate, unit="", sentence_start=0, event=event,
                 date=DateSpan(day, day, "day", text=text, relative=day is None, resolved=day is not None))


DATED_NOUNS = [
    # (sentence, date text, the noun it modifies, what the date is blocked by)
    ("Police identified the victim of the Friday night shooting.", "Friday night", "shooting", "when"),
    ("No bail was asked at yesterday's hearing.", "yesterday", "hearing", "trial"),     # a trial in a murder story
    ("It followed the November 18 sinking of a Thai trawler.", "November 18", "sinking", "sink"),
    ("The June 8 stabbings shocked the town.", "June 8", "stabbings", "when"),
    ("The June 8 meeting was cancelled.", "June 8", "meeting", "meet"),               # a class's verb ("met on June 8")
    ("The 1921 mill burned down.", "1921", "mill", "mill"),                           # no event word: as it stands
]


@pytest.mark.parametrize("sentence,text,noun,key", DATED_NOUNS)
def test_a_date_of_an_event_word_dates_that_event(ruleset, sentence, text, noun, key):
    """"the Friday night shooting" dates the shooting: in a story whose main event is the attack it
    is the event's own time, the fact "On Friday, a gunman opened fire" states; a hearing of that
    story is another happening; "the November 18 sinking" is what "sank on November 18" dates."""
    from claimcheck.align.facts import fold_predicates, property_key
    from claimcheck.models import Event
    main = Event(id="E1", story="S", label="the murder", kind="attack", classes=["attack"])
    claims = [_dated("d", "a", text, sentence, noun),
              _dated("o", "b", "November 19", "Tabar sank a trawler on November 19.", "sink")]
    folded = fold_predicates(claims, ruleset, [main])
    assert property_key(claims[0], ruleset, folded["d"]) == ("date", key)


def test_a_since_clause_dated_this_week_is_the_news_not_background(ruleset):
    """"since the 1999 quake" is an earlier event; "since 7.6 and 7.5 magnitude quakes that struck
    on Sunday" is this week's quake (a weekday names a day of the news), even with no publication date."""
    from claimcheck.align.events import MainEvent, _earlier
    q = "The tremor was the latest since 7.6 and 7.5 magnitude quakes that struck off Manokwari on Sunday."
    c = count("c", "a", "7.5", q, 7.5)
    words = EventWords(ruleset)
    c.when = DateSpan(None, None, "day", text="on Sunday", relative=True, resolved=False)
    assert _earlier(mention_of(c, words), MainEvent(cls="quake"), None, None, ruleset.weekdays) is False
    c.when = None
    assert _earlier(mention_of(c, words), MainEvent(cls="quake"), None, None, ruleset.weekdays) is True
    old = count("o", "a", "2,400 people", "It was the strongest since the 1999 quake, which killed 2,400 people.", 2400.0)
    old.when = DateSpan(date(1999, 6, 1), date(1999, 6, 1), "day", text="June 1, 1999")
    assert _earlier(mention_of(old, words), MainEvent(cls="quake"), date(2009, 1, 5), None, ruleset.weekdays) is True


def test_a_role_and_a_name_of_one_age_in_one_article_are_one_person():
    """"a 66-year-old woman" and "LuAnn Marie Johnson, 66" in one article: one person told twice,
    and the role stands for her in the whole story (an article of the story that names nobody);
    a role of another age in that article stays a role, and so does the role in another story."""
    from claimcheck.align.facts import person_subjects
    q1, q2 = "Police said a 66-year-old woman was struck.", "LuAnn Marie Johnson, 66, of Burnsville, died."
    claims = [_age("r", "a", "66-year-old", q1, 66.0, "woman"),
              _age("n", "a", "LuAnn Marie Johnson, 66", q2, 66.0, "LuAnn Marie Johnson"),
              _age("d", "a", "36-year-old", "The driver, a 36-year-old man, fled.", 36.0, "man"),
              _age("o", "b", "66-year-old", q1, 66.0, "woman"),          # the story's other article: nobody named there
              _age("x", "c", "66-year-old", q1, 66.0, "woman")]          # another story
    assert person_subjects(claims, {"a": "S", "b": "S", "c": "T"}) == {"r": "LuAnn Marie Johnson",
                                                                         "o": "LuAnn Marie Johnson"}


def test_a_role_the_story_ties_to_two_people_stays_a_role():
    """Two articles tie "woman" to two different women (each by her age): an article that names
    nobody cannot tell which one its "62-year-old woman" is."""
    from claimcheck.align.facts import person_subjects
    claims = [_age("r1", "a", "66-year-old", "A 66-year-old woman was struck.", 66.0, "woman"),
              _age("n1", "a", "LuAnn Johnson, 66", "LuAnn Johnson, 66, died.", 66.0, "LuAnn Johnson"),
              _age("r2", "b", "58-year-old", "A 58-year-old woman was hurt.", 58.0, "woman"),
              _age("n2", "b", "Alice McMeekin, 58", "Alice McMeekin, 58, was hurt.", 58.0, "Alice McMeekin"),
              _age("o", "c", "62-year-old", "A 62-year-old woman was struck.", 62.0, "woman")]
    got = person_subjects(claims, {"a": "S", "b": "S", "c": "S"})
    assert "o" not in got and got["r1"] == "LuAnn Johnson" and got["r2"] == "Alice McMeekin"


def test_two_roles_in_apposition_are_one_person():
    """"The suspect, a 61-year-old man": the age is the man's, and the story ties "man" to one name
    ("A 61-year-old Vancouver man-Eric Allen Kirkpatrick-was charged"), so the suspect is him."""
    from claimcheck.align.facts import person_subjects
    claims = [_age("m", "a", "61-year-old", "A 61-year-old Vancouver man-Eric Allen Kirkpatrick-was charged.", 61.0, "man"),
              _age("n", "a", "Eric Allen Kirkpatrick, 61", "Eric Allen Kirkpatrick, 61, surrendered.", 61.0,
                   "Eric Allen Kirkpatrick"),
              _age("s", "b", "61-year-old", "The suspect, a 61-year-old man, entered the business.", 61.0, "suspect"),
              _age("t", "c", "61-year-old", "The suspect, a 61-year-old teacher, fled.", 61.0, "suspect")]
    got = person_subjects(claims, {"a": "S", "b": "S", "c": "S"})
    assert got.get("s") == "Eric Allen Kirkpatrick"
    assert "t" not in got          # "teacher" is tied to nobody


def test_a_name_with_and_without_its_middle_name_is_one_person(ruleset):
    """Ages of "Luann Johnson" and "LuAnn Marie Johnson" are one fact (a different age is flagged);
    "Luann Smith" is someone else."""
    a = _age("a", "a", "LuAnn Marie Johnson, 66", "LuAnn Marie Johnson, 66, died.", 66.0, "LuAnn Marie Johnson")
    b = _age("b", "b", "66-year-old", "66-year-old Luann Johnson was hit.", 66.0, "Luann Johnson")
    c = _age("c", "c", "Luann Smith, 64", "Luann Smith, 64, saw it.", 64.0, "Luann Smith")
    title = "Hit-and-run driver kills Burnsville woman outside Bloomington Sam's Club"
    arts = [article(x.article, x.quote, date(2008, 12, 12), title=title) for x in (a, b, c)]
    al = align_all([a, b, c], arts, ruleset)
    assert len(al.stories) == 1
    facts = al.facts
    assert sorted(sorted(f.claims) for f in facts) == [["a", "b"], ["c"]]


def test_bare_dates_of_one_listed_class_are_one_fact(ruleset):
    """"back in January" (bought) and "last month it purchased" (bought) name nothing they date:
    one purchase of the story, so the two months disagree; an unlisted verb ("settled 12 weeks
    ago") still needs what it dates named."""
    from claimcheck.align.facts import Matcher
    a = _dated("a", "a", "January", "Intel bought the InfiniBand business back in January.", "buy",
               day=date(2012, 1, 15))
    b = _dated("b", "b", "Last month", "Last month it purchased InfiniBand assets.", "buy", day=date(2012, 2, 15))
    # ("return" became a class of its own, rules: an unlisted verb stands here)
    r1 = _dated("r1", "a", "12 weeks ago", "She settled home 12 weeks ago.", "settle", day=date(2013, 3, 17))
    r2 = _dated("r2", "b", "12 weeks ago", "They settled in the town 12 weeks ago.", "settle", day=date(2013, 3, 18))
    m = Matcher([a, b, r1, r2], ruleset)
    assert m.compatible(a, b)[0]
    assert not m.compatible(r1, r2)[0]


def test_a_number_told_exactly_and_approximately_is_one_value(ruleset):
    """A press release says "for approximately $334 million" and later "$334 million": one price
    told two ways, not two facts, so every article's $334 million is one fact with it; a bound
    ("more than $300 million") in the same article still is a value of its own."""
    def usd(cid, art, text, quote, approx=False):
        c = count(cid, art, text, quote, 334e6, predicate="buy", unit="USD")
        if approx:
            c.quantity.approximate, c.quantity.low, c.quantity.high = True, 300.6e6, 367.4e6
        return c
    q1, q2 = "AMD will buy SeaMicro for approximately $334 million.", "The $334 million deal closes soon."
    a1 = usd("a1", "a", "approximately $334 million", q1, approx=True)
    a2 = usd("a2", "a", "$334 million", q2)
    a2.sentence_start = 100
    b = usd("b", "b", "$334 million", "AMD is paying $334 million for SeaMicro.")
    title = "AMD buys SeaMicro"
    arts = [article(x, q1 + " " + q2, date(2012, 2, 29), title=title) for x in "ab"]
    facts = align_all([a1, a2, b], arts, ruleset).facts
    assert [sorted(f.claims) for f in facts if len(f.claims) > 1] == [["a1", "a2", "b"]]


def test_a_date_of_a_persons_act_is_told_by_who_not_by_what(ruleset):
    """"LaSalle was charged on Friday with third-degree murder" and "The county attorney filed
    charges Friday": one charging (charge is `actor_dates:`), whatever each names as its object;
    another person's charging is another fact."""
    from claimcheck.align.facts import Matcher
    a = _dated("a", "a", "Friday", "Anthony LaSalle was charged on Friday with third-degree murder.", "charge",
               day=date(2008, 12, 12))
    a.subject, a.object = "Anthony LaSalle", "third-degree murder"
    b = _dated("b", "b", "Friday", "The county attorney filed criminal charges Friday.", "charge", day=date(2008, 12, 12))
    c = _dated("c", "c", "Monday", "John Smith was charged on Monday with theft.", "charge", day=date(2008, 12, 15))
    c.subject, c.object = "John Smith", "theft"
    m = Matcher([a, b, c], ruleset)
    assert m.compatible(a, b)[0]
    assert not m.compatible(a, c)[0]


# ------------------------------------------------------------------ verbs no class lists, the event's own time


def _ctx(quote):
    import re
    return frozenset(w for w in re.findall(r"[a-z]+", quote.lower()) if len(w) > 3)


def _story_of(claims, title, ruleset):
    arts = [article(c.article, c.quote, date(2008, 12, 13), title=title) for c in claims]
    for c in claims:
        c.context = _ctx(c.quote)
    return align_all(claims, arts, ruleset).facts


def test_counts_whose_verbs_no_class_lists_are_one_figure_of_their_unit(ruleset):
    """"swung into action against the pirates in two boats" / "the pirates, in three boats, were
    attempting to hijack": verbs no class lists say nothing of which figure it is, so one unit's
    counts in one event are one fact (and disagree); a listed class stays its own ("seized two
    boats"), and so does a sentence that shares little with them ("connects 12 boats")."""
    q1 = "INS Mysore swung into action against the pirates in two boats near the merchant vessel."
    q2 = "The pirates, in three boats, were attempting to hijack the merchant vessel near Aden."
    q3 = "The navy seized two boats and a cache of arms."
    q4 = "The ferry line connects 12 boats with Singapore harbour daily."
    title = "Indian navy foils pirate hijacking in the Gulf of Aden"
    claims = [count("a", "a", "two boats", q1, 2.0, predicate="swing", unit="vehicle"),
              count("b", "b", "three boats", q2, 3.0, predicate="attempt", unit="vehicle"),
              count("c", "c", "two boats", q3, 2.0, predicate="arrest", unit="vehicle"),
              count("d", "d", "12 boats", q4, 12.0, predicate="connect", unit="vehicle")]
    facts = _story_of(claims, title, ruleset)
    assert sorted(sorted(f.claims) for f in facts) == [["a", "b"], ["c"], ["d"]]
    fact = next(f for f in facts if f.claims == ["a", "b"] or sorted(f.claims) == ["a", "b"])
    by_id = {c.id: c for c in claims}
    assert [d.code for d in compare([fact], by_id, ruleset)] == ["contradiction"]


TIMES_OF_THE_EVENT = [
    # (verb class of the first sentence, of the second, one fact?)
    ("hold", "strike", True),     # "The quake occurred at 2:09 a.m." / "The temblor struck at 2:09 a.m."
    ("begin", "strike", True),    # "began today shortly after 2:09 am" / "struck at 2:09"
    ("kill", "strike", True),     # "was killed Wednesday night" / "was struck around 7 p.m."
    ("destroy", "strike", False),  # the roof that "collapsed shortly after 06:00" is one happening of the fire
]


@pytest.mark.parametrize("first,second,one", TIMES_OF_THE_EVENT)
def test_clock_times_of_verbs_that_say_the_event_happened_are_the_events_time(ruleset, first, second, one):
    from claimcheck.align.facts import property_key
    a = Claim(id="a", article="a", kind="time", text="2:09 a.m.", quote="The quake occurred at 2:09 a.m.",
              start=22, end=31, predicate=first)
    b = Claim(id="b", article="b", kind="time", text="2:09 a.m.", quote="The temblor struck at 2:09 a.m.",
              start=22, end=31, predicate=second)
    assert (property_key(a, ruleset) == property_key(b, ruleset)) is one


def test_figures_exactly_ten_times_apart_may_be_one_figure(ruleset):
    """"a depth of 1.2 miles" / "a depth of 12 miles": 12 / 1.2 is 10.000000000000002 in floating
    point, and figures MAX_RATIO apart are within the bound; 1.2 and 12.5 are not."""
    from claimcheck.align.facts import _far_apart
    q = lambda v: Quantity(low=v, high=v, value=v)
    assert not _far_apart(q(1.2), q(12.0))
    assert _far_apart(q(1.2), q(12.5))
    from claimcheck.align.facts import _far_apart_measures
    miles = lambda v: Claim(id=str(v), article="a", kind="measure", text=f"{v} miles", quote="", start=0, end=0,
                            quantity=q(v), measure={"base_low": v * 1609.344, "base_high": v * 1609.344})
    assert not _far_apart_measures(miles(1.2), miles(12.0))
    assert _far_apart_measures(miles(1.2), miles(12.5))


CO_NAMED = [
    # (the tsunami article's sentence, one event with "the 2004 quake"?)
    ("A 9.1 temblor in 2004 caused a tsunami that left more than 220,000 people dead.", True),
    ("The 2004 tsunami left more than 220,000 people dead.", False),     # nothing ties it to the quake
]


@pytest.mark.parametrize("sentence,one", CO_NAMED)
def test_earlier_events_one_sentence_names_together_with_their_year_are_one(ruleset, sentence, one):
    """An earlier quake and the tsunami it set off, both of 2004: where a sentence names them together
    with the year they are one disaster, so their tolls are compared (230,000 / 220,000)."""
    a = count("a", "a", "at least 230,000 people", "In 2004 a quake off Aceh killed at least 230,000 people.", 230000.0)
    b = count("b", "b", "more than 220,000 people", sentence, 220000.0)
    title = "Strong quakes rattle Indonesia's Papua province"
    arts = [article(c.article, c.quote, date(2009, 1, 5), title=title) for c in (a, b)]
    al = align_all([a, b], arts, ruleset)
    assert a.event and b.event
    assert (a.event == b.event) is one
    assert any(sorted(f.claims) == ["a", "b"] for f in al.facts) is one
    assert all(e.background for e in al.events if e.id in (a.event, b.event))


def _clock(cid, art, text, quote, start_minute, end_minute, predicate="strike"):
    s = quote.index(text)
    return Claim(id=cid, article=art, kind="time", text=text, quote=quote, start=s, end=s + len(text),
                 predicate=predicate, sentence_start=0,
                 measure={"start_minute": start_minute, "end_minute": end_minute, "zone": ""})


def test_a_time_told_at_two_precisions_in_one_article_is_one_time(ruleset):
    """"struck this morning" ... "struck at 2:09 a.m." in one article is one time told twice, not two
    facts: every article's time of the quake is one fact (and "Thursday morning" agrees with 2:09);
    "4 p.m." and "6 p.m." in one article are still two values."""
    from claimcheck.align.facts import _distinct, value_key
    title = "Magnitude 4.6 earthquake strikes near Healdsburg"
    claims = [_clock("a1", "a", "this morning", "The quake struck this morning.", 0, 719),
              _clock("a2", "a", "2:09 a.m.", "It struck at 2:09 a.m. near Geyserville.", 129, 129),
              _clock("b", "b", "shortly after 2:09 am", "The quake struck shortly after 2:09 am.", 129, 149),
              _clock("c", "c", "2:09 a.m.", "The temblor struck at 2:09 a.m.", 129, 129),
              _clock("d", "d", "Thursday morning", "The quake struck Thursday morning.", 0, 719)]
    arts = [article(x, " ".join(c.quote for c in claims if c.article == x), date(2013, 3, 14), title=title)
            for x in "abcd"]
    facts = align_all(claims, arts, ruleset).facts
    assert [sorted(f.claims) for f in facts] == [["a1", "a2", "b", "c", "d"]]
    four, six = (_clock(x, "e", t, f"Police came at {t}.", m, m) for x, t, m in (("f", "4 p.m.", 960), ("s", "6 p.m.", 1080)))
    assert _distinct(value_key(four), value_key(six))


def test_groups_an_early_claim_split_are_merged_when_all_their_claims_fit(ruleset):
    """The claim that comes first ("shortly after 2:09") may open a group of its own, or join a group
    of day parts, before the clock times come: two groups of one block whose claims all fit one fact
    are one fact (the order of the articles decides nothing)."""
    from claimcheck.align.facts import Group, Matcher, _merge_compatible
    claims = [_clock("b", "b", "shortly after 2:09 am", "The quake struck shortly after 2:09 am.", 129, 149),
              _clock("c", "c", "2:09 a.m.", "The temblor struck at 2:09 a.m.", 129, 129),
              _clock("e", "e", "2:09 a.m.", "The quake struck at 2:09 a.m. Thursday.", 129, 129)]
    g1, g2 = Group(), Group()
    g1.add(claims[0])
    g2.add(claims[1]); g2.add(claims[2])
    merged = _merge_compatible([g1, g2], Matcher(claims, ruleset))
    assert [sorted(c.id for c in g.claims) for g in merged] == [["b", "c", "e"]]
    # one article giving each group a value of its own keeps them apart
    other = _clock("o", "c", "2:30 a.m.", "An aftershock struck at 2:30 a.m.", 150, 150)
    g3 = Group(); g3.add(other)
    assert len(_merge_compatible([g2, g3], Matcher(claims + [other], ruleset))) == 2


def test_a_date_of_the_main_class_long_before_the_news_is_an_earlier_event(ruleset):
    """"In December 2004, a massive undersea quake off Aceh ..." in coverage of a quake of January
    2009: the date is of an earlier quake, not of this one (its claims are compared only with that
    quake's); "struck on Sunday" is this quake's."""
    from claimcheck.align.events import assign_events
    old = _dated("o", "a", "December 2004", "In December 2004, a massive undersea quake off Aceh triggered a tsunami.",
                 "trigger", event="", day=date(2004, 12, 26))
    old.object = "massive undersea quake"
    new = _dated("n", "a", "Sunday", "The quake struck on Sunday near Manokwari.", "strike", event="",
                 day=date(2009, 1, 4))
    arts = [article("a", old.quote + " " + new.quote, date(2009, 1, 5), title="Strong quake rocks Papua")]
    events = {e.id: e for e in assign_events([old, new], arts, {"a": "S"}, ruleset)}
    assert events[old.event].background and events[old.event].kind == "quake"
    assert not events[new.event].background and old.event != new.event


def test_a_subject_with_and_without_its_middle_name_is_one_subject(ruleset):
    """"Anthony Phillip Lasalle has three prior DUI convictions" / "Anthony LaSalle has three prior
    DUI convictions": one person, however cased and with or without the middle name; "Anthony
    Smith" is someone else."""
    from claimcheck.align.facts import Matcher
    q = "{} has three prior DUI convictions."
    a = count("a", "a", "three prior DUI convictions", q.format("Anthony Phillip Lasalle"), 3.0,
              predicate="convict", unit="conviction", subject="Anthony Phillip Lasalle")
    b = count("b", "b", "three prior DUI convictions", q.format("Anthony LaSalle"), 3.0,
              predicate="convict", unit="conviction", subject="Anthony LaSalle")
    c = count("c", "c", "three prior DUI convictions", q.format("Anthony Smith"), 3.0,
              predicate="convict", unit="conviction", subject="Anthony Smith")
    m = Matcher([a, b, c], ruleset)
    assert m.compatible(a, b)[0]
    assert m.compatible(a, c) == (False, "different entities")


# ------------------------------------------------------------------ times of the main event, whatever their verb

MAIN_EVENT_TIMES = [
    # (headline, lead sentence, date, its verb as the parse gave it, the main event's own time?)
    # a lead sentence that tells the main event with a verb of it, and one date
    ("Gunman kills man at office party", "A former employee walked into a staff party on Friday and shot and killed a man.",
     "Friday", "walked", True),
    ("Cable cuts disrupt internet", "Internet traffic to Asia was hampered on Friday after three cables were damaged.",
     "Friday", "hampered", True),
    # a clause that tells its date as the event's: the event word as the verb's time or object
    ("Supermarket fire: man charged", "A man has denied arson following a fire at the store early on Sunday.",
     "Sunday", "denied", True),
    # a date before the event word dates it, in -ing too
    ("Deadly shooting at an office party", "Police identified the victim of the Friday night shooting downtown.",
     "Friday night", "identified", True),
    # a listed class whose verb stands outside the date's clause: the clause's event is dated
    ("Gunman kills man at office party", "A man was charged with murder after a shooting at the office party on Friday.",
     "Friday", "charged", True),
    ("Gunman kills man at office party", "A man was charged on Saturday after the shooting at the office party.",
     "Saturday", "charged", False),
    # the event as a topic of another happening: that happening's own date
    ("Mother and sister murdered", "A man was being questioned on suspicion of murder yesterday by detectives.",
     "yesterday", "questioned", False),
    ("Gunman kills man at office party", "A man facing charges in the office party shooting was on suicide watch Monday.",
     "Monday", "was", False),
    # no word of the event in the sentence
    ("Gunman kills man at office party", "Police identified the victim on Saturday.", "Saturday", "identified", False),
    # a listed class keeps its own dates (an arrest is another happening of the story)
    ("Gunman kills man at office party", "A man was arrested on Saturday after the shooting at the office party.",
     "Saturday", "arrested", False),
]


@pytest.mark.parametrize("title,sentence,text,trigger,main", MAIN_EVENT_TIMES)
def test_a_date_the_lead_or_its_clause_gives_the_main_event_is_its_time_whatever_its_verb(
        ruleset, title, sentence, text, trigger, main):
    """"walked into a staff party on Friday and shot and killed a man", "was hampered on Friday
    after three cables were damaged", "denied arson following a fire early on Sunday": the date is
    the main event's, told by a verb no class lists; a questioning, a suicide watch, an arrest are
    other happenings of the story with their own dates."""
    from claimcheck.align import prepare
    from claimcheck.extract.vocab import _lemma_variants
    verbs = {"arrested": "arrest", "charged": "charge"}
    pred = verbs.get(trigger) or (_lemma_variants(trigger)[2] if trigger.endswith("ed") else "be")
    d = _dated("d", "a", text, sentence, pred, event="", day=date(2008, 12, 12))
    d.trigger = trigger
    other = _dated("o", "b", "Friday", "It happened on Friday.", "hold", event="", day=date(2008, 12, 12))
    arts = [article("a", title + ".\n\n" + sentence, date(2008, 12, 13), title=title),
            article("b", other.quote, date(2008, 12, 13), title=title)]
    d.sentence_start = other.sentence_start = 0
    arts[0].text = sentence
    prep = prepare([d, other], arts, ruleset)
    assert (prep.predicate["d"].split(" (")[0] == "when") is main


def test_an_event_dated_years_before_its_article_is_the_earlier_event_of_that_year(ruleset):
    """"The catastrophe four years ago killed more than 220,000 people" in January 2009 is the one
    earlier event the story dates December 2004 (four years before, give or take the year's turn),
    so its toll is compared with that event's; "41 years ago" names no dated event and stays apart."""
    q1 = "The quake recalled the 2004 tsunami, which killed at least 230,000 people."
    q2 = "The catastrophe four years ago devastated the coast and killed more than 220,000 people."
    q3 = "A murder 41 years ago killed 12 people in the town."
    title = "Quake rocks Papua"
    claims = [count("a", "a", "at least 230,000 people", q1, 230000.0),
              count("b", "b", "more than 220,000 people", q2, 220000.0),
              count("c", "c", "12 people", q3, 12.0)]
    arts = [article(x.article, x.quote, date(2009, 1, 5), title=title) for x in claims]
    al = align_all(claims, arts, ruleset)
    labels = {e.id: e.label for e in al.events}
    assert claims[0].event == claims[1].event and labels[claims[0].event] == "the 2004 tsunami"
    assert claims[2].event != claims[0].event


WHEN_CLAUSES = [
    # (a sentence past the lead, its date, the verb the parse gave it, the main event's own time?)
    ("Police said she was with her husband when she was struck on Wednesday night.", "Wednesday night", "was", True),
    ("They were leaving the store on Wednesday night, when the car hit her.", "Wednesday night", "leaving", True),
    ("Luann Johnson, of Burnsville, was hit while walking in the crosswalk on Wednesday night.", "Wednesday night",
     "walking", True),
    ("Police released her name on Thursday.", "Thursday", "released", False),
    ("Detectives were questioning the driver over the killings on Thursday.", "Thursday", "questioning", False),
    ("Her family gathered on Thursday to remember her.", "Thursday", "gathered", False),
]


@pytest.mark.parametrize("sentence,text,trigger,main", WHEN_CLAUSES)
def test_a_date_of_one_moment_with_the_event_is_its_time_past_the_lead(ruleset, sentence, text, trigger, main):
    """Past an article's lead, a date whose clause tells the event by its verb ("when she was struck
    on Wednesday night") or that a "when" clause ties to it ("leaving the store on Wednesday night,
    when the car hit her") is the event's own time; other happenings keep their own dates."""
    from claimcheck.align import prepare
    lead = "A woman was killed in a hit-and-run crash outside a store. The driver fled the scene. "
    d = _dated("d", "a", text, sentence, {"was": "be"}.get(trigger, trigger[:-3] if trigger.endswith("ing") else trigger[:-2]),
               event="", day=date(2008, 12, 10))
    d.trigger, d.sentence_start = trigger, len(lead)
    d.start, d.end = d.start + len(lead), d.end + len(lead)
    arts = [article("a", lead + sentence, date(2008, 12, 12), title="Woman killed in hit-and-run crash")]
    prep = prepare([d], arts, ruleset)
    assert (prep.predicate["d"].split(" (")[0] == "when") is main


def test_workers_and_people_of_one_verb_in_one_event_are_one_group(ruleset):
    """"At least a dozen employees were at the party" / "a dozen people were at the party": the
    unit classes a reader merges (`same_as: person`) are one fact; pirates stay pirates."""
    q1 = "Fanning said at least a dozen employees were at the office party."
    q2 = "At least a dozen people were at the office party at the time."
    q3 = "A dozen pirates were at the office party."
    title = "Gunman opens fire at office party"
    claims = [count("a", "a", "a dozen employees", q1, 12.0, predicate="attend", unit="worker"),
              count("b", "b", "a dozen people", q2, 12.0, predicate="attend", unit="person"),
              count("c", "c", "A dozen pirates", q3, 12.0, predicate="attend", unit="detainee")]
    facts = _story_of(claims, title, ruleset)
    assert sorted(sorted(f.claims) for f in facts) == [["a", "b"], ["c"]]


DURATIONS = [
    # (sentence, duration, the predicate the parse gave it, the property it is blocked by)
    ("Police locked down the street for almost three hours while they negotiated with him.", "almost three hours",
     "lock", "duration of negotiat"),
    ("Police spent about two hours negotiating with the suspect.", "about two hours", "cost", "duration of negotiat"),
    ("He surrendered after two hours of negotiations with police.", "two hours", "duration of negotiation",
     "duration of negotiat"),
    ("Police locked down the street for three hours.", "three hours", "lock", "lock"),   # nothing says what it lasts
]


@pytest.mark.parametrize("sentence,text,predicate,key", DURATIONS)
def test_a_duration_is_of_what_its_sentence_says_it_lasts(ruleset, sentence, text, predicate, key):
    """"for almost three hours while they negotiated", "spent about two hours negotiating" and
    "two hours of negotiations" are the negotiation's length, whatever verb the parse hung them on."""
    from claimcheck.align.facts import duration_keys
    start = sentence.index(text)
    c = Claim(id="m", article="a", kind="measure", text=text, quote=sentence, start=start, end=start + len(text),
              predicate=predicate, measure={"dimension": "duration", "unit": "hour", "base_unit": "second"})
    assert duration_keys([c], {"m": predicate}).get("m", predicate) == key
