"""Helpers on parsed sentences: predicates, negation, subjects, names and objects in the tree.

Each helper walks the dependency tree when the doc has one; in rules-only mode (no parse) it falls
back to word order: the nearest trigger word, capitalised runs, a negation word just before.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from ..stopwords import STOP_WORDS

from .vocab import Vocab, _lemma_variants, _lookup, has_parse, lemma

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Span, Token

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}


def head_path(tok: Token, limit: int = 8) -> list[Token]:
    out, t = [], tok
    while len(out) < limit:
        out.append(t)
        if t.head.i == t.i:
            break
        t = t.head
    return out


def find_predicate(doc: Doc, anchor: Token, vocab: Vocab, skip: Iterable[int] = (),
                   look_through: set[str] = frozenset(), own_clause: bool = False) -> tuple[Optional[str], Optional[Token], bool]:
    """The predicate class governing `anchor`: (class, trigger token, negated). Classes in
    `look_through` (verbs of saying) are passed over. With `own_clause` (dates), the search stops
    at the first verb or at a noun that is no trigger: "the June 20, 2005 attempted murder" dates
    the murder, "quarters ended July 31" dates no acquisition."""
    skip = set(skip)

    def looked_through(t: Token) -> bool:
        return bool(look_through) and (_lookup(t, vocab.verbs) or _lookup(t, vocab.nouns)) in look_through
    if has_parse(doc):
        for t in head_path(anchor)[1:] if anchor.i in skip else head_path(anchor):
            if t.i in skip or looked_through(t):
                continue
            if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
                cls = _lookup(t, vocab.verbs)
                if cls:
                    return cls, t, is_negated(t, vocab)
                neg = _lookup(t, vocab.negative)
                if neg:
                    return neg, t, True
                for c in t.children:   # "received support from 140 nations", "the death toll rose to 15":
                    # the noun carries the predicate
                    if c.dep_ in ("dobj", "nsubj") and c.i not in skip and _lookup(c, vocab.nouns):
                        return _lookup(c, vocab.nouns), c, is_negated(t, vocab)
                    if c.dep_ == "nsubj" and c.lower_ in vocab.aggregates:
                        # "the number of people killed has risen to 19"
                        for g in c.subtree:
                            if g.i not in skip and g.i != c.i and g.pos_ == "VERB" and _lookup(g, vocab.verbs):
                                return _lookup(g, vocab.verbs), g, False
                if own_clause or (t.dep_ == "conj" and any(c.dep_ == "dobj" and anchor in c.subtree for c in t.children)):
                    # "attended the scene and then called four appliances": the verb whose object the
                    # anchor is says what it is, not the verb it is conjoined with
                    return None, None, False
            elif t.pos_ in ("NOUN", "PROPN", "ADJ"):
                cls = _lookup(t, vocab.nouns)
                if cls:
                    return cls, t, is_negated(t, vocab)
                if own_clause and t.i != anchor.i and t.pos_ != "ADJ" and not any(x.i == t.i for x in anchor.subtree):
                    return None, None, False
        return None, None, False
    # rules-only: the nearest trigger word in the sentence, after the anchor first
    best = None
    for t in doc:
        if t.i in skip or t.is_punct or looked_through(t):
            continue
        cls = _lookup(t, vocab.verbs) or _lookup(t, vocab.nouns)
        neg = None if cls else _lookup(t, vocab.negative)
        if cls or neg:
            dist = (t.i - anchor.i) if t.i >= anchor.i else (anchor.i - t.i) * 1.5
            if best is None or dist < best[0]:
                best = (dist, cls or neg, t, bool(neg) or _near_negation(doc, t, vocab))
    if best and best[0] <= 12:
        return best[1], best[2], best[3]
    return None, None, False


def is_negated(t: Token, vocab: Vocab) -> bool:
    """"did not sign", "never attended", "refused to sign", "refrained from signing"."""
    if any(c.dep_ == "neg" for c in t.children):
        return True
    h, steps = t, 0
    while h.head.i != h.i and steps < 3 and h.dep_ in ("xcomp", "pcomp", "pobj", "prep", "ccomp", "advcl"):
        h = h.head
        steps += 1
        if h.pos_ == "ADP":
            continue
        if lemma(h) in vocab.negators or any(v in vocab.negators for v in _lemma_variants(h.lower_)):
            return True
        if any(c.dep_ == "neg" for c in h.children):
            return True
    return False


def _near_negation(doc: Doc, t: Token, vocab: Vocab) -> bool:
    for k in range(max(0, t.i - 3), t.i):
        w = doc[k].lower_
        if w in ("not", "n't", "never", "no") or any(v in vocab.negators for v in _lemma_variants(w)):
            return True
    return False


def subject_of(verb: Token) -> Optional[Token]:
    """nsubj of a verb, climbing conjunctions and relative clauses ("which was held")."""
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                    return v.head
                return _past_dateline(c)
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head
        if v.dep_ == "xcomp":   # "invites countries to participate": the object of the governing verb
            obj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def _past_dateline(subj: Token) -> Token:
    """A wire dateline the parser took for the subject ("NEW HAVERLY (AW) — Halvern Systems
    agreed"): a place in capitals with no entity type, whose apposition after a dash is the
    sentence's real subject."""
    if not subj.is_upper or subj.ent_type_:
        return subj
    for a in subj.children:
        if a.dep_ == "appos" and a.i > subj.i and not a.is_upper \
                and any(t.text in ("—", "–", "-", "--") for t in subj.doc[subj.i:a.i]):
            return a
    return subj


def entity_span(tok: Token) -> Span:
    """The proper-name span around a token: its compound/flat PROPN neighbours, or its NER entity."""
    doc = tok.doc
    if tok.ent_type_ and tok.ent_iob_ != "O":
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                start = ent.start
                while start < tok.i and doc[start].pos_ in ("ADJ", "DET"):   # "Neighbouring Duvara"
                    start += 1
                return doc[start:ent.end]
    left = tok.i
    while left - 1 >= 0 and doc[left - 1].dep_ in ("compound", "flat", "punct") and doc[left - 1].head.i in range(left - 1, tok.i + 1) \
            and (doc[left - 1].pos_ == "PROPN" or doc[left - 1].text == "-"):
        left -= 1
    return doc[left:tok.i + 1]


def is_dateline(span: Span) -> bool:
    """A dateline at the head of a story ("PORT AVERNE (Reuters) --", "Haverly, May 3 --") names
    where it was filed, not who did anything."""
    doc = span.doc
    if span.start > 1:
        return False
    if len(span.text) > 2 and span.text.isupper():
        return True
    return any(t.text in ("(", "--", "\u2014", "\u2013") for t in doc[span.end:span.end + 4])


def is_entity(tok: Token) -> bool:
    if tok.lower_ in RELATIVE_PRONOUNS or tok.pos_ == "PRON":
        return False
    if tok.ent_type_ in ENTITY_TYPES:
        return True
    return tok.pos_ == "PROPN" or (not has_parse(tok.doc) and tok.text[:1].isupper() and tok.i > 0)


def object_phrase(doc: Doc, head: Token, exclude: set[int] = frozenset()) -> Span:
    """A document or event name around its head noun: "a Statement on Inclusive and Sustainable AI".
    Tokens in `exclude` (the claim's own date or number) end the phrase."""
    span = _object_phrase(doc, head)
    start, end = span.start, span.end
    for i in range(head.i + 1, end):
        if i in exclude:
            end = i
            break
    for i in range(head.i - 1, start - 1, -1):
        if i in exclude:
            start = i + 1
            break
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1
    return doc[start:end]


def _object_phrase(doc: Doc, head: Token) -> Span:
    if has_parse(doc):
        left = head.i
        for c in head.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod", "poss") or c.pos_ == "PROPN":
                left = min(left, c.left_edge.i)
        right = head.i
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in ("on", "for", "of", "in", "to") and c.right_edge.i - head.i <= 14:
                right = max(right, c.right_edge.i)
                break
            if c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" and c.right_edge.i - head.i <= 6:
                right = max(right, c.right_edge.i)
        while right > head.i and doc[right].is_punct:
            right -= 1
        return doc[left:right + 1]
    left = head.i
    while left - 1 >= 0 and (doc[left - 1].text[:1].isupper() or doc[left - 1].is_digit) and not doc[left - 1].is_sent_start:
        left -= 1
    right = head.i
    if right + 1 < len(doc) and doc[right + 1].lower_ in ("on", "for", "of"):
        k = right + 2
        while k < len(doc) and (doc[k].text[:1].isupper() or doc[k].lower_ in ("and", "the", "of", "for", "on", "in")):
            k += 1
        if k > right + 2:
            right = k - 1
            while doc[right].lower_ in ("and", "the", "of", "for", "on", "in"):
                right -= 1
    return doc[left:right + 1]


def find_object(doc: Doc, pred_tok: Optional[Token], vocab: Vocab, exclude: set[int]) -> Optional[Token]:
    """The head noun of the document or event the claim is about: first inside the predicate's
    subtree (its object), else the nearest such noun in the sentence."""
    if pred_tok is not None and has_parse(doc):
        # the predicate's own object: "buy Electronic Data Systems", "pay $12.6 billion for EDS"
        for c in pred_tok.children:
            targets = [c] if c.dep_ in ("dobj", "nsubjpass") else \
                [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in ("for", "of", "on", "to") else []
            for g in targets:
                if g.ent_type_ in ("DATE", "TIME") or g.lower_ in vocab.time_words:
                    continue
                if g.i not in exclude and not any(x.i in exclude for x in g.subtree) and \
                        (g.pos_ == "PROPN" or _lookup(g, vocab.objects)):
                    return g
    cands = [t for t in _object_nouns(doc, vocab) if t.i not in exclude and not _reporting_context(t, pred_tok, vocab)]
    if not cands:
        return None
    if pred_tok is None:
        return cands[0]
    if has_parse(doc):
        sub = {t.i for t in pred_tok.subtree}
        inside = [t for t in cands if t.i in sub]
        if inside:
            return min(inside, key=lambda t: (len(list(_path_between(t, pred_tok))), abs(t.i - pred_tok.i)))
    return min(cands, key=lambda t: abs(t.i - pred_tok.i))


def _object_nouns(doc: Doc, vocab: Vocab) -> list[Token]:
    """The sentence's words that name a document or event (`object_nouns:`), verbs and words of names
    aside: looked up
    once per sentence (find_object runs for every claim of it)."""
    key = ("claimcheck.objects", id(vocab.objects))
    found = doc.user_data.get(key)
    if found is None:
        # a word of a person's or an organisation's name is no object ("Devon and Somerset Fire and Rescue")
        found = doc.user_data[key] = [t.i for t in doc if t.pos_ != "VERB" and _lookup(t, vocab.objects)
                                      and not (t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG"))]
    return [doc[i] for i in found]


def _reporting_context(t: Token, pred_tok: Optional[Token], vocab: Vocab) -> bool:
    """Is `t` where something was said ("said in a statement", "told a news conference")
    rather than what the claim is about?"""
    if not has_parse(t.doc):
        return False
    for h in head_path(t)[1:]:
        if pred_tok is not None and h.i == pred_tok.i:
            return False
        if h.pos_ in ("VERB", "AUX"):      # the nearest verb above it decides
            return _lookup(h, vocab.verbs) in vocab.reporting
    return False


def _path_between(t: Token, top: Token) -> Iterator[Token]:
    while t.i != top.i and t.head.i != t.i:
        yield t
        t = t.head


def sentence_context(doc: Doc, skip: set[int]) -> frozenset[str]:
    out = set()
    for t in doc:
        if t.i in skip or t.is_punct or t.is_stop or t.like_num or t.is_digit:
            continue
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or (not has_parse(doc) and t.text[:1].isupper()) or not t.pos_:
            w = lemma(t).lower()
            if len(w) > 1 and w not in STOP_WORDS:
                out.add(w)
    return frozenset(out)


def claim_tense(tok: Token, vocab: Vocab) -> str:
    """'future' when the verb governing `tok` is future ("will conclude on Tuesday", "expects to
    close in March"), else 'past'."""
    for t in head_path(tok):
        if t.lower_ in vocab.future or lemma(t) in vocab.future or any(c.lower_ in vocab.future for c in t.children):
            return "future"
        if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBN") and t.dep_ not in ("xcomp", "acl"):
            return "past"
    return "past"


# modal auxiliaries and verbs of need that make a clause's figure a hypothetical ("would get 7 wins",
# "could have scored", "needed just nine points to eclipse"): grammar, not vocabulary
MODALS = {"would", "could", "might", "may", "should", "must", "need", "needs", "needed"}


def irrealis(verb: Token, vocab: Vocab) -> str:
    """"planned" when the clause of `verb` is future ("will miss the team's final two games", "is
    expected to get 10 to 12 carries"), "not done" when it is a hypothetical or a need ("thought they
    would get 7 wins", "needed just nine points"), "" when it says what happened."""
    t = verb
    for _ in range(3):
        for c in t.children:
            if c.dep_ != "aux" or not c.text[:1].islower():
                continue             # "Will Artino scored 14 points": a name the parser took for "will"
            if c.lower_ in vocab.future or lemma(c) in vocab.future:
                return "planned"
            if c.lower_ in MODALS:
                return "not done"
        if lemma(t) == "need" or t.lower_ in MODALS:
            return "not done"
        if t.lower_ in vocab.future or lemma(t) in vocab.future:
            return "planned"
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            break
        t = t.head
    return ""


def compound_owner(noun: Token) -> Optional[Token]:
    """The name a common noun is a thing of ("EDS shares", "HP's stock" -> EDS, HP): the proper noun
    compounded with it or its possessor, when the noun itself is no name. None otherwise."""
    if noun.pos_ != "NOUN":
        return None
    for c in noun.children:
        if c.dep_ in ("compound", "poss") and c.i < noun.i and is_entity(c):
            return c
    return None


# words a figure's path climbs through to the noun it describes ("$184 million" in "a deal worth
# $184 million", "an offer in excess of $160 million"): grammar, not vocabulary
_FIGURE_PATH_DEPS = {"nummod", "compound", "quantmod", "amod", "npadvmod", "nmod", "pobj", "prep", "conj", "appos"}
# prepositions on a figure's noun that name its owner or party ("offers by the Angels", "a contract
# for J.D. Drew", "a deal with the Yankees"), in the order they are preferred
_OWNER_PREPS = ("by", "for", "with")


def figure_owners(tok: Token) -> list[Token]:
    """Who a figure belongs to (`_figure_owners`), a dateline's place never ("NEW HAVERLY (AW) --
    Halvern agreed to acquire Quillmark for about $8.4 billion")."""
    return [o for o in _figure_owners(tok) if not is_dateline(entity_span(o))]


def _figure_owners(tok: Token) -> list[Token]:
    """Who a figure (money, a sentence, a count) belongs to, from its construction: the name it is
    parenthesised or in apposition after ("the Orioles (seven years, $140-150 million)"), the
    owner of the noun it describes ("Sabathia's deal", "the Yankees' $140-million bid"), that
    noun's "by"-agents ("offers by the Angels and the Nationals": two owners), the subject of the
    verb that noun is the object of ("the Nationals made Teixeira a $160 million offer",
    "Sabathia agreed to a $161-million deal", "Genovese ... while serving a 15-year sentence"), a
    relative clause's subject ("the $90 million deal that Torii Hunter got"), or its "for"/"with"
    party ("a $70 million contract for J.D. Drew"). [] when none is named (a pronoun names none)."""
    if not has_parse(tok.doc):
        return []
    noun, verb, t = None, None, tok
    for _ in range(8):
        if t.dep_ == "appos" and t.head.i != t.i and is_entity(t.head):
            return [t.head]          # "the Orioles (seven years, $140-150 million)": that name alone
        if t.dep_ not in _FIGURE_PATH_DEPS or t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            verb = t
            break
        if t.pos_ == "NOUN" and t.ent_type_ not in ("DATE", "TIME") and noun is None:
            noun = t
            break
    if noun is not None:
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            return _with_conjuncts(poss) if is_entity(poss) else []     # "his sentence": no name
        by = _prep_entities(noun, "by")
        if by:
            return by
        h = noun
        while h.dep_ in ("conj", "appos", "pobj", "prep", "ccomp", "dobj", "dative", "attr", "oprd") \
                and h.head.i != h.i and h.pos_ not in ("VERB", "AUX"):
            h = h.head
        if h.pos_ in ("VERB", "AUX") and h.i != noun.i:
            verb = h
    if verb is not None:
        who = subject_of(verb)
        if who is not None and is_entity(who) and who.i != tok.i:
            return _with_conjuncts(who)
        if who is not None and who.pos_ == "PRON":
            return []
    if noun is not None:
        for rel in (c for c in noun.children if c.dep_ == "relcl"):
            who = next((c for c in rel.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if who is not None and is_entity(who):
                return _with_conjuncts(who)
            got = _prep_entities(rel, "to") or [c for c in rel.children if c.dep_ == "dative" and is_entity(c)]
            if got:
                return got
        for p in _OWNER_PREPS[1:]:
            got = _prep_entities(noun, p)
            if got:
                return got
    return _paren_owner(tok)


def _paren_owner(tok: Token) -> list[Token]:
    """The name right before a parenthesis that holds the figure ("the Orioles (seven years, $140-150
    million)"), however the parser attached it."""
    doc = tok.doc
    for k in range(tok.i - 1, max(tok.sent.start, tok.i - 12) - 1, -1):
        if doc[k].text == ")":
            return []
        if doc[k].text == "(":
            return [doc[k - 1]] if k > tok.sent.start and is_entity(doc[k - 1]) else []
    return []


def _with_conjuncts(tok: Token) -> list[Token]:
    return [tok] + [c for c in tok.conjuncts if is_entity(c)]


def _prep_entities(head: Token, word: str) -> list[Token]:
    for c in head.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == word:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and is_entity(pobj):
                return _with_conjuncts(pobj)
    return []


def owners_name(owners: list[Token], ruleset, known: list[str]) -> str:
    """Owners as one subject: "Washington Nationals", or "Angels and Washington Nationals" (two
    owners: the figure is a fact of neither alone; align compares the set)."""
    from ..entities import canonical_entity
    names = []
    for o in owners:
        n = canonical_entity(entity_span(o).text.rstrip("'’").removesuffix("'s").strip(), ruleset, known)
        if n and n not in names:
            names.append(n)
    return " and ".join(names)
