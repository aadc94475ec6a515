"""Sentences worth parsing, the Sentence a claim comes from, and the Claim made from it.

Articles are split with the fast rule-based splitter; only sentences that can hold a claim (a digit,
or a trigger word of the rules: number and date words, attend/sign verbs) go to the statistical parser.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from ..entities import strip_titles
from ..models import Article, Claim, RuleSet
from ..nlp import NLP, entity_docs
from .vocab import Vocab, _lemma_variants

if TYPE_CHECKING:   # hints only: importing spaCy costs a second a warm re-run does not pay
    from spacy.tokens import Doc, Span

WORD_RE = re.compile(r"[a-z]+")
DIGIT = re.compile(r"\d")
# An article of any length is read in pieces: a paragraph longer than PIECE_CHARS is cut (at a sentence
# end when there is one, else at a space) before the splitter sees it (spaCy refuses texts over
# nlp.max_length, 1,000,000 characters), and a "sentence" longer than SENTENCE_CHARS (a list or a table
# with no full stop; real sentences stay under 1,000) is cut at spaces before the parser sees it, so
# the parser's memory per text stays bounded (spaCy: about 1 GB per 100,000 characters).
PIECE_CHARS = 100_000
SENTENCE_CHARS = 5_000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


def pieces(text: str, limit: int, sentence_ends: bool = True) -> list[tuple[int, str]]:
    """(offset, piece) of `text`, each at most `limit` characters, cut at the last sentence end (or
    space) before the limit; a run of `limit` characters without a space is cut where it reaches it."""
    if len(text) <= limit:
        return [(0, text)]
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        if sentence_ends:
            ends = [m.end() for m in _SENTENCE_END.finditer(window, limit // 2)]
            cut = ends[-1] if ends else -1
        if cut <= 0:
            cut = window.rfind(" ", limit // 2) + 1
        if cut <= 0:
            cut = limit
        out.append((start, text[start:start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def candidate_sentences(article: Article, nlp: NLP, vocab: Vocab,
                        sentences: Optional[list[tuple[int, str]]] = None) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of the article that could hold a claim. Without `sentences` (the
    article's split_sentences), a paragraph piece that holds no digit and no trigger word is not even
    split: on a 50 MB article that is most of the cost."""
    every = vocab.parse_every_sentence
    if sentences is None:
        keep = None if every else (lambda piece: bool(DIGIT.search(piece)) or _has_trigger(piece, vocab))
        sentences = split_sentences(article, nlp, keep)
    return [(offset, s) for offset, s in sentences if every or DIGIT.search(s) or _has_trigger(s, vocab)]


def split_sentences(article: Article, nlp: NLP, keep=None) -> list[tuple[int, str]]:
    """Every (offset, sentence) of the article, split paragraph by paragraph with the fast splitter,
    in pieces (see PIECE_CHARS); `keep(piece)` false skips a piece unsplit."""
    out = []
    pos = 0
    for para in article.text.split("\n"):
        start = pos
        pos += len(para) + 1
        if not para.strip():
            continue
        for at, piece in pieces(para, PIECE_CHARS):
            if keep is not None and not keep(piece):
                continue
            for sent in nlp.splitter(piece).sents:
                for cut, text in pieces(sent.text, SENTENCE_CHARS, sentence_ends=False):
                    if text.strip():
                        out.append((start + at + sent.start_char + cut, text))
    return out


def name_sentence(sentence: str, vocab: Vocab) -> bool:
    """Is a sentence that is not parsed read for its full names (a word of `vocab.name_triggers`)?"""
    return bool(vocab.name_triggers) and _has_trigger(sentence, vocab, vocab.name_triggers)


def _has_trigger(sentence: str, vocab: Vocab, triggers: Optional[set[str]] = None) -> bool:
    triggers = vocab.triggers if triggers is None else triggers
    for w in set(WORD_RE.findall(sentence.lower())):
        if w in triggers:
            return True
        for v in _lemma_variants(w):
            if v in triggers:
                return True
    return False


# ------------------------------------------------------------------ a parsed sentence and its claims


class KnownNames:
    """The full names (multi-word PERSON entities, titles dropped) of an article's sentences so far,
    for a surname alone to resolve to ("Zhang" after "Zhang Guoqing"), in the order they came: those
    of parsed sentences, and those of the sentences read for their names only (name_sentence). The
    entities of those are found (nlp.entity_docs, in one batch) only when a name is looked up with
    a word the sentence holds: a sentence without the word cannot give a name made of it."""

    def __init__(self, ruleset: RuleSet, parser=None):
        self.ruleset = ruleset
        self.parser = parser
        self.items: list = []       # in order: a list of names (found), or a sentence's text (owed)

    def add_doc(self, doc: Doc) -> None:
        self.items.append(person_names(doc, self.ruleset))

    def add_text(self, text: str) -> None:
        self.items.append(text)

    def with_word(self, word: Optional[str] = None) -> list[str]:
        """The names, in order, that may hold `word` among their words (every name when None): the
        owed sentences holding it are read now, the others can hold no such name."""
        owed = [k for k, item in enumerate(self.items) if type(item) is str and (word is None or word in item)]
        if owed:
            docs = entity_docs(self.parser, [self.items[k] for k in owed]) if self.parser is not None else []
            found = [person_names(d, self.ruleset) for d in docs] or [[] for _ in owed]
            for k, names in zip(owed, found):
                self.items[k] = names
        return [n for item in self.items if type(item) is list for n in item]

    def __iter__(self) -> Iterator[str]:
        return iter(self.with_word())

    def __len__(self) -> int:
        return len(self.with_word())


def known_with(known: Iterable[str], word: str) -> Iterable[str]:
    """The known names that may hold `word` (all of them when `known` is a plain list)."""
    return known.with_word(word) if isinstance(known, KnownNames) else known


def person_names(doc: Doc, ruleset: RuleSet) -> list[str]:
    return [strip_titles(e.text, ruleset) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]


@dataclass
class Sentence:
    article: Article
    offset: int
    doc: Doc
    known_names: Iterable[str] = ()   # full names seen so far in the article (a KnownNames when parsed)
    text: str = ""         # the sentence as parsed (= doc.text, which spaCy rebuilds from the tokens at every call)

    def __post_init__(self):
        if not self.text:
            self.text = self.doc.text


def _char_span(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def _make(s: Sentence, kind: str, rel_start: int, rel_end: int, rule: str, **kw) -> Claim:
    start, end = s.offset + rel_start, s.offset + rel_end
    art = s.article
    return Claim(id=claim_id(art.id, kind, start, end, rule), article=art.id, kind=kind,
                 text=art.text[start:end], quote=s.text.strip(), start=start, end=end, rule=rule,
                 sentence_start=s.offset + (len(s.text) - len(s.text.lstrip())), **kw)


def claim_id(article_id: str, kind: str, start: int, end: int, rule: str) -> str:
    return hashlib.sha1(f"{article_id}|{kind}|{start}|{end}|{rule}".encode()).hexdigest()[:12]
