"""Names of organisations and a person's rank, read WITHOUT the parser (like names.py).

`name.organisation` (kind `name`, measure["org"] true): how an organisation's name is spelled
("TallGrass Distribution Ltd." in eleven articles, "Tallgrass Distributors Ltd." in four). A run of
capitalised words is an organisation's name when it ends in a company word (`org_suffixes:`: Ltd.,
Limited, Inc., Corp.), when a cue before it says so ("owner of", "staff at", "a business called":
`org_cues: before`) or an apposition after it names a business ("Fiji Islands Auto Repair, a
business on the same street": `org_cues: after`). Its subject is "org:" and the consonant skeleton
of its first word (names.person_key: "TallGrass" = "Tallgrass"), so one organisation's spellings
share a block; compare.compare_names decides whether two spellings are one name told shorter (a
missing suffix or last word, case, "Ltd." / "Limited") or misspelled ("Distribution" /
"Distributors", "Islands" / "Island").

`title.post` (kind `title`, predicate `post`): the unit a person's post is of, in apposition after
the name ("Lisa Su, senior vice president and general manager of AMD's Global Business Units" /
"... for AMD's products division"): a title word (`titles:`) and a unit noun (`post_units:`) end
it. Two units of one person's post that share no word disagree (a mismatch).

`title.rank` (kind `title`): the rank a person's name carries ("Commander Nirad Sinha" /
"Commodore Nirad Sinha"), from the role names.py read before the name; a rank is a word of
`ranks:` (or one of its abbreviations, "Cmdr."). Subject: the person's key.
"""
from __future__ import annotations

import re

from ..models import Article, Claim, RuleSet
from ..stopwords import STOP_WORDS
from .names import RUN, person_key
from .sentences import claim_id
from .vocab import alternation

# an organisation's name is at most this many words ("Devon and Somerset Fire and Rescue Service" is
# longer, but its "and" ends a run anyway)
MAX_ORG_WORDS = 6

_TABLES: dict[int, tuple] = {}


def _tables(ruleset: RuleSet) -> dict:
    hit = _TABLES.get(id(ruleset))
    if hit is not None and hit[0] is ruleset:
        return hit[1]
    extra = ruleset.extra
    suffix = {}
    for canon, ws in (extra.get("org_suffixes") or {}).items():
        for w in [canon] + list(ws or []):
            suffix[w.lower().rstrip(".")] = canon.lower()
    cues = extra.get("org_cues") or {}

    alt = alternation
    ranks = {}
    for canon, ws in (extra.get("ranks") or {}).items():
        for w in [canon] + list(ws or []):
            ranks[w.lower().rstrip(".")] = canon.lower()
    t = {"suffix": suffix,
         "before": re.compile(r"\b(?:%s)\s+(?:the\s+)?$" % alt(cues.get("before")), re.I),
         "after": re.compile(r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:%s)\b" % alt(cues.get("after")), re.I),
         "ranks": ranks, "not_ranks": [w.lower() for w in extra.get("not_ranks") or []],
         "stops": {k.lower().rstrip(".") for k in list(ruleset.months) + list(ruleset.weekdays)}}
    _TABLES[id(ruleset)] = (ruleset, t)
    return t


def organisation_claims(article: Article, sentences: list[tuple[int, str]], ruleset: RuleSet) -> list[Claim]:
    """One claim per organisation and spelling in an article (its first mention)."""
    t = _tables(ruleset)
    out, seen = [], set()
    for offset, sent in sentences:
        for m in RUN.finditer(sent):
            words = m.group(0).split()
            start = m.start()
            while words and words[0].lower() in STOP_WORDS:
                start += len(words[0]) + 1
                words = words[1:]
            if not words or len(words) > MAX_ORG_WORDS or any(w.lower().rstrip(".") in t["stops"] for w in words):
                continue
            suffixed = len(words) >= 2 and words[-1].lower().rstrip(".") in t["suffix"]
            cued = bool(t["before"].search(sent[:start])) or bool(t["after"].match(sent[m.end():]))
            if not (suffixed or cued) or len(words) < 2 and not suffixed:
                continue
            if words[-1].endswith(".") and not sent[m.end():].strip() and words[-1].lower().rstrip(".") not in t["suffix"]:
                words = words[:-1] + [words[-1][:-1]]     # the sentence's full stop, not "Ltd."
            name = " ".join(words)
            key = "org:" + person_key(words[0])
            if (key, name) in seen:
                continue
            seen.add((key, name))
            s, e = offset + start, offset + m.end()
            how = "a company word ends it" if suffixed else "its sentence calls it a business"
            lead = len(sent) - len(sent.lstrip())
            out.append(Claim(id=claim_id(article.id, "name", s, e, "name.organisation"), article=article.id,
                             kind="name", text=article.text[s:e], quote=sent.strip(), start=s, end=e, subject=key,
                             predicate="name", rule="name.organisation", custom_value=name,
                             measure={"name": name, "org": True, "words": words},
                             why=f"{name!r} names an organisation ({how}); key {key!r}",
                             sentence_start=offset + lead))
    return out


def rank_claims(article: Article, names: list[Claim], ruleset: RuleSet) -> list[Claim]:
    """A person's rank from the role before (or after) each mention of the name (every mention,
    before names.py keeps one per spelling): one claim per person, rank and article."""
    t = _tables(ruleset)
    out, seen = [], set()
    for c in names:
        role = (c.measure or {}).get("role") or ""
        words = [w.lower().rstrip(".,") for w in role.split()]
        low = " ".join(words)
        if any(x in low for x in t["not_ranks"]):
            continue             # "Attorney General", "general manager": no rank
        rank = [t["ranks"][w] for w in words if w in t["ranks"]]
        if not rank or (c.subject, rank[-1]) in seen:
            continue
        seen.add((c.subject, rank[-1]))
        # the rank's words as written, just before the name or in the apposition after it
        pos = c.start - c.sentence_start
        lead = c.quote[:pos]
        written = [w for w in role.split() if w.lower().rstrip(".,") in t["ranks"]]
        # (only a rank just before the name: "Commander Nirad Sinha", not ", general manager of")
        if not written or not re.search(re.escape(written[-1]) + r"\s+$", lead):
            continue
        end = lead.rstrip().rfind(written[-1]) + len(written[-1])
        at = lead.rfind(written[0], 0, end)
        s, e = c.sentence_start + at, c.sentence_start + end
        value = " ".join(rank)
        person = (c.measure or {}).get("name") or c.text
        out.append(Claim(id=claim_id(article.id, "title", s, e, "title.rank"), article=article.id, kind="title",
                         text=article.text[s:e], quote=c.quote, start=s, end=e, subject=c.subject, predicate="rank",
                         rule="title.rank", trigger=written[-1] if written else "", custom_value=value,
                         measure={"rank": value, "person": person, "given": (c.measure or {}).get("given", "")},
                         why=f"{article.text[s:e]!r} is the rank of {person!r} (`ranks:`); person key {c.subject!r}",
                         sentence_start=c.sentence_start))
    return out


def post_claims(article: Article, sentences: list[tuple[int, str]], names: list[Claim], ruleset: RuleSet) -> list[Claim]:
    """The unit of a named person's post, from the apposition after the name: "<name>, [<org>'s]
    <title> of|for|, [the] [new] [<org>'s] <unit ending in a `post_units:` noun>"."""
    titles = {w.lower() for w in ruleset.extra.get("titles") or []}
    units = sorted({w.lower() for w in ruleset.extra.get("post_units") or []}, key=len, reverse=True)
    people = {}
    for c in names:
        if c.kind == "name" and not (c.measure or {}).get("org") and len(c.text.split()) >= 2:
            people.setdefault(c.text, c.subject)
    if not people or not units or not titles:
        return []
    # the cheapest test first: a post needs a unit noun and a person's name in its sentence; only
    # then is the article's pattern (an alternation of its people's names) worth compiling
    lowered = [n.lower() for n in people]
    sentences = [(o, t) for o, t in sentences
                 if any(u in t.lower() for u in units) and any(n in t.lower() for n in lowered)]
    if not sentences:
        return []
    who = "|".join(re.escape(n) for n in sorted(people, key=len, reverse=True))
    org = r"(?:(?:[A-Z][\w&.-]*|the company)['\u2019]s\s+|(?:its|their|his|her)\s+)?"
    pat = re.compile(r"\b(%s)(?:,|\s*[\u2014\u2013]|\s+--)\s+(?:who\s+(?:\w+\s+){0,3}?(?:as|heads|leads)\s+)?%s((?:[\w-]+\s+(?:and\s+)?){0,7}?[\w-]+)(?:\s+(?:of|for)|,)\s+"
                     r"(?:the\s+)?(?:new\s+)?%s((?:(?!(?:in|at|who|which|with|to|and|said)\b)[\w-]+\s+){0,4}(?:%s))\b" % (who, org, org, "|".join(map(re.escape, units))),
                     re.I)
    out, seen = [], set()
    for offset, sent in sentences:
        for m in pat.finditer(sent):
            title = m.group(2).lower()
            if not any(w in titles for w in re.split(r"\s+(?:and\s+)?", title)) and title not in titles \
                    and not any(t in title for t in ("manager", "president", "director", "chief", "head")):
                continue
            unit = m.group(3)
            key = (people[m.group(1)], unit.lower())
            if key in seen:
                continue
            seen.add(key)
            s, e = offset + m.start(3), offset + m.end(3)
            lead = len(sent) - len(sent.lstrip())
            out.append(Claim(id=claim_id(article.id, "title", s, e, "title.post"), article=article.id, kind="title",
                             text=article.text[s:e], quote=sent.strip(), start=s, end=e, subject=people[m.group(1)],
                             predicate="post", rule="title.post", trigger=m.group(2), custom_value=unit,
                             measure={"post": m.group(2), "unit": unit, "person": m.group(1)},
                             why=f"{unit!r} is the unit of {m.group(1)!r}'s post ({m.group(2)!r}); person key "
                                 f"{people[m.group(1)]!r}", sentence_start=offset + lead))
    return out
