"""Name claims: how a person's name is spelled ("LuAnn Marie Johnson" in ten articles, "Luann
Johnson" in one), read WITHOUT the parser: names sit mostly in sentences that hold no number, which
are never parsed, so this is a cheap scan of capitalised words over every sentence.

How a mention is found, in each sentence:
1. A run of capitalised words ("Oregon State Police Lt. Gregg Hastings", "LuAnn Marie Johnson").
   Leading stop words ("The", "But"), trailing month and weekday names ("Lasalle Friday") and name
   suffixes ("Jr.") are cut off.
2. The last title or role word in or just before the run (`titles:` in the rules: "Lt.", "Senior
   Trooper", "hospital director") splits it: what comes after is the name, the rest is the role.
3. A run is a person's name when it has evidence: a title or role before it; a known given name
   first and a surname after it (the given-name list of the gender-guesser package, used only as a
   list of names); or an age beside it ("Robert Pitman, 24,", "66-year-old LuAnn Marie Johnson").
4. One word alone ("Hastings", "Lu said") is a mention of a person the article has already named
   in full: the same surname, or a spelling one letter away from exactly one such surname.

The claim's subject is the person's key: the surname folded to a consonant skeleton (first letter,
then consonants, doubled letters once: "Salahaddin" and "Salahuddin" are both "slhdn", "LaSalle" and
"Lasalle" both "lsl"), so that "Chief Russell", "Police Chief Mark Russell" and "Russell" line up in
one story. Its value is the name as spelled: {"name", "given", "surname", "role"}; whether two
spellings are one name (a nickname, an initial, a missing middle name) or a misspelling is decided
in compare.compare_names.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from rapidfuzz.distance import OSA
from ..stopwords import STOP_WORDS

from ..models import Article, Claim, RuleSet
from .sentences import claim_id

# one capitalised word of a name: "LuAnn", "LaSalle", "McMeekin", "O'Brien", "Crawford-Smith", an
# initial "J.", an abbreviated title "Lt."
_WORD = r"(?:[A-Z]['\u2019][A-Z][a-z]+|[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:-[A-Z][a-z]+)*\.?|[A-Z]\.)"
RUN = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})*")
AGE_AFTER = re.compile(r"^(?:,\s*(?:aged?\s+)?\d{1,3}\b(?!\s*(?:%|percent|per cent))|\s*\(\d{1,3}\))")
AGE_BEFORE = re.compile(r"\b[\w-]+-year-old\s+$", re.I)
# a word the sentence says is a name: "a dhow named Salaluddin", "is named the Salahaddin", "identified
# as `Salahaddin'", "bearing the name Salahaddin" (grammar: a naming verb, not a list of names)
NAMED_BEFORE = re.compile(r"(?<![\w-])(?:named|called|dubbed|christened|identified as|known as|the name)\s+"
                          r"(?:the\s+)?[`'\"\u2018\u201c]?$")
ROLE_AFTER = re.compile(r"^,\s+(?:(?:a|an|the|its|his|her)\s+)?((?:[a-z][\w.'\u2019-]*\s*){1,4})(?=[,;.]|\s+(?:of|at|for|with|from)\b)")
PRONOUNS = {"he", "she", "he's", "she's", "he\u2019s", "she\u2019s", "who", "which", "they", "it", "we", "i",
            "that", "this", "you"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
LOWER_BEFORE = re.compile(r"(?<![\w'\u2019])((?:[a-z][\w.-]*\s+){1,3})$")   # lower-case words just before a run
# a run longer than this is a headline in title case or an organisation, not a person's name
MAX_NAME_WORDS = 4
# a lone word this short ("Mo" beside "Doug Moe") is too short to be called a misspelling of a surname
# without a verb of saying beside it (on ECB+ the only such word was a nickname, not a misspelling)
MIN_VARIANT_LETTERS = 4
SAYING = {"said", "says", "told", "tells", "added", "explained", "insisted", "noted", "stated", "wrote",
          "according", "stressed", "confirmed", "declined", "warned", "described", "admitted"}


def name_claims(article: Article, sentences: list[tuple[int, str]], ruleset: RuleSet) -> list[Claim]:
    """Name claims of one article from its sentences ((offset, text) pairs, every sentence)."""
    titles, stops, not_surnames = _words_of(ruleset)
    full: list[tuple] = []      # mentions with evidence, two words or more, or titled
    single: list[tuple] = []    # one word without a title: resolved against the full ones below
    for offset, sent in _rejoin(sentences, titles):
        for m in RUN.finditer(sent):
            mention = _mention(sent, m, titles, stops, not_surnames)
            if mention is None:
                continue
            words, start, end, role, evidence = mention
            item = (offset, sent, words, start, end, role)
            if evidence:
                full.append(item)
            elif len(words) == 1:
                single.append(item)
    people: dict[str, list[str]] = {}     # key -> surnames as spelled, in order
    for item in full:
        words = item[2]
        if len(words) >= 2:
            people.setdefault(person_key(words[-1]), []).append(words[-1])
    claims = []
    for offset, sent, words, start, end, role in full:
        key = person_key(words[-1])
        if len(words) == 1 and key in people and words[0] not in people[key] and not (
                len(words[0]) >= MIN_VARIANT_LETTERS
                and any(OSA.distance(words[0].lower(), x.lower()) <= 1 for x in people[key])):
            key = f"{key}:{words[0].lower()}"   # "coach Mo" beside "Doug Moe": too unlike to be one person
        elif len(words) == 1 and key not in people:
            near = _near(words[0], people)
            if near is None:
                people.setdefault(key, []).append(words[0])     # "Chief Russell", named with a title only
            else:
                key = near
        how = "titled" if role else "named"
        if not role and len(words) == 1 and NAMED_BEFORE.search(sent[:start]):
            how = "a name its sentence gives ('named', 'called', 'identified as'): a person's or a thing's"
        claims.append(_claim(article, offset, sent, words, start, end, role, key, how))
    for offset, sent, words, start, end, role in single:
        word = words[0]
        key = person_key(word)
        if word in people.get(key, ()):
            continue         # "LaSalle" again after "Anthony LaSalle": nothing new to compare
        if key in people and len(word) >= MIN_VARIANT_LETTERS \
                and any(OSA.distance(word.lower(), s.lower()) <= 1 for s in people[key]):
            # "Lasalle" after "LaSalle", "Kiltschko" after "Klitschko": the same surname, misspelled
            how = "the surname of a person the article named, spelled differently"
        else:
            key = _near(word, people)
            if key is None or not _cued(sent, start, end):
                continue
            how = f"one letter from the surname {people[key][0]!r} the article gave in full"
        c = _claim(article, offset, sent, words, start, end, role, key, how)
        c.measure["variant_of"] = people[key][0]     # the article's own evidence that it is that person
        claims.append(c)
    out = _first_of_each(claims) if ONE_CLAIM_PER_SPELLING else claims
    from .things import rank_claims      # (things.py reads names.py's runs and keys)
    return out + rank_claims(article, claims, ruleset)     # a rank from any mention, not only the first


# One claim per person and spelling in an article (its first mention), not one per mention: the same
# misspelling is then flagged once per article pair, not once per mention pair. Measured on the ECB+
# gold: person recall 91/99 with 22 unjudged findings, against 94/99 and 29 for every mention.
ONE_CLAIM_PER_SPELLING = True


def _first_of_each(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: c.start):
        if (c.subject, c.custom_value) not in seen:
            seen.add((c.subject, c.custom_value))
            out.append(c)
    return out


def _rejoin(sentences: list[tuple[int, str]], titles: set[str]) -> list[tuple[int, str]]:
    """Sentences again joined where the splitter cut after an abbreviated title ("Police Lt." |
    "Hastings said ...")."""
    out: list[tuple[int, str]] = []
    for offset, sent in sentences:
        if out:
            prev_offset, prev = out[-1]
            last = prev.rstrip().rsplit(None, 1)[-1].lower() if prev.strip() else ""
            if last.endswith(".") and last in titles and prev_offset + len(prev) <= offset \
                    and offset - (prev_offset + len(prev)) <= 1:
                out[-1] = (prev_offset, prev + " " * (offset - prev_offset - len(prev)) + sent)
                continue
        out.append((offset, sent))
    return out


def _mention(sent: str, m: re.Match, titles: set[str], stops: set[str], not_surnames: set[str]):
    """(name words, start, end, role, has evidence) of one capitalised run, or None."""
    toks = [(t.group(0), m.start() + t.start()) for t in re.finditer(r"\S+", m.group(0))]
    while toks and toks[0][0].lower().rstrip(".") in STOP_WORDS:
        toks = toks[1:]                       # "The", "But", "When"
    cut = next((k for k, (w, _) in enumerate(toks) if w.lower().rstrip(".") in stops), None)
    if cut is not None:
        toks = toks[:cut]                     # "Lasalle Friday", "Jenkin Monday"
    # the last title or role word splits role from name: "Oregon State Police Lt." | "Gregg Hastings"
    last_title = None
    for k, (w, _) in enumerate(toks):
        low = w.lower()
        two = f"{toks[k - 1][0].lower()} {low}" if k else ""
        if low in titles or low.rstrip(".") in titles or two in titles:
            last_title = k
    role_words = [w for w, _ in toks[:last_title + 1]] if last_title is not None else []
    toks = toks[last_title + 1:] if last_title is not None else toks
    while toks and toks[-1][0].lower() in SUFFIXES:
        toks = toks[:-1]
    toks = [(w if len(w) == 2 and w.endswith(".") else w.rstrip("."), s) for w, s in toks]
    if not toks or len(toks) > MAX_NAME_WORDS or any(len(w) < 2 for w, _ in toks):
        return None
    if toks[-1][0].endswith(".") or toks[-1][0].lower() in titles or toks[-1][0].lower() in not_surnames:
        return None                           # an initial, a title, "Betty Ford Center": no surname
    start, end = toks[0][1], toks[-1][1] + len(toks[-1][0])
    before = sent[:start if not role_words else m.start()]
    if not role_words:
        low = LOWER_BEFORE.search(before)
        if low:
            words = low.group(1).split()
            if words[-1].rstrip(",") in titles:
                k = len(words) - 1    # the title and the words that qualify it ("local hospital director")
                while k > 0 and words[k - 1] not in STOP_WORDS and words[k - 1] not in SAYING:
                    k -= 1
                role_words = words[k:]
    words = [w for w, _ in toks]
    if len(words) == 1 and not role_words and start == 0:
        return None                           # a capital that only starts the sentence
    if not role_words:
        # the role in apposition after the name: "Hengky Tewu, a hospital director, said"
        after = ROLE_AFTER.match(sent[end:])
        if after and after.group(1).split()[0].lower() not in PRONOUNS:   # not ", he's a great coach"
            words_after = after.group(1).split()
            k = next((i for i in range(len(words_after) - 1, -1, -1) if words_after[i] in titles), None)
            if k is not None:
                role_words = words_after[:k + 1]
    role = " ".join(role_words).rstrip(",")
    aged = bool(AGE_AFTER.match(sent[end:]) or AGE_BEFORE.search(sent[:start]))
    given = len(words) >= 2 and not words[0].endswith(".") and is_given_name(words[0])
    # one word the sentence calls a name is that one's name, a person's or a thing's (a vessel's)
    called = len(words) == 1 and bool(NAMED_BEFORE.search(sent[:start]))
    evidence = bool(role) or given or (aged and len(words) >= 2) or called
    return words, start, end, role, evidence


def _cued(sent: str, start: int, end: int) -> bool:
    """Is a lone word used as a person in its sentence ("Lu said", "said Lu", "Lu insisted")?"""
    after = re.match(r"\s+(\w+)", sent[end:])
    before = re.search(r"(\w+)\s+$", sent[:start])
    return bool(after and after.group(1).lower() in SAYING or before and before.group(1).lower() in SAYING)


def _near(word: str, people: dict[str, list[str]]) -> Optional[str]:
    """The one person whose surname is a single letter away from `word` ("Lu" / "Su"), if just one."""
    hits = {key for key, spellings in people.items()
            if any(len(s) == len(word) and OSA.distance(s.lower(), word.lower()) == 1 for s in spellings)}
    return hits.pop() if len(hits) == 1 else None


def _claim(article: Article, offset: int, sent: str, words: list[str], start: int, end: int, role: str,
           key: str, how: str) -> Claim:
    s, e = offset + start, offset + end
    name = " ".join(words)
    given = " ".join(words[:-1])
    value = {"name": name, "given": given, "surname": words[-1], "role": role,
             "person": f"{role} {words[-1]}".strip()}
    why = (f"{name!r} names a person ({how}" + (f"; role {role!r}" if role else "") + f"); person key {key!r}")
    lead = len(sent) - len(sent.lstrip())
    return Claim(id=claim_id(article.id, "name", s, e, "name.person"), article=article.id, kind="name",
                 text=article.text[s:e], quote=sent.strip(), start=s, end=e, subject=key, predicate="name",
                 rule="name.person", trigger=role, custom_value=name, measure=value, why=why,
                 sentence_start=offset + lead)


def person_key(surname: str) -> str:
    """A surname folded to its consonant skeleton: first letter, then the consonants, each run of one
    letter once ("Salahaddin" / "Salahuddin" -> "slhdn", "LaSalle" / "Lasalle" -> "lsl")."""
    w = re.sub(r"[^a-z]", "", surname.lower())
    if not w:
        return surname.lower()
    out = w[0]
    for ch in w[1:]:
        if ch in "aeiouy":
            continue
        if ch != out[-1]:
            out += ch
    return out


_WORDS: dict[int, tuple] = {}


def _words_of(ruleset: RuleSet) -> tuple[set[str], set[str], set[str]]:
    """(title and role words, month and weekday names, words that end a place's or an organisation's
    name: `not_surnames:`) of a RuleSet, compiled once per RuleSet."""
    hit = _WORDS.get(id(ruleset))
    if hit is None or hit[0] is not ruleset:
        titles = set()
        for t in ruleset.extra.get("titles", []):
            t = t.lower()
            titles |= {t, t.replace("-", " "), t.rstrip(".")}
        stops = {k.lower().rstrip(".") for k in list(ruleset.months) + list(ruleset.weekdays)}
        not_surnames = {w.lower() for w in ruleset.extra.get("not_surnames", [])}
        hit = _WORDS[id(ruleset)] = (ruleset, titles, stops, not_surnames)
    return hit[1], hit[2], hit[3]


def is_given_name(word: str) -> bool:
    """Is `word` a known given name? (the first-name list of the gender-guesser package)"""
    return word.lower() in _given_names()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    try:
        import gender_guesser.detector as gd
    except ImportError:          # without the list, only titles and ages give evidence
        return frozenset()
    return frozenset(n.lower() for n in gd.Detector(case_sensitive=False).names)
