"""Sentences worth parsing, the Sentence a claim comes from, and the Claim made from it.

Articles are split with the fast rule-based splitter; only sentences that can hold a claim (a digit,
or a trigger word of the rules: number and date words, attend/sign verbs) go to the statistical parser.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from ..models import Article, Claim
from ..nlp import NLP
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


def _has_trigger(sentence: str, vocab: Vocab) -> bool:
    for w in set(WORD_RE.findall(sentence.lower())):
        if w in vocab.triggers:
            return True
        for v in _lemma_variants(w):
            if v in vocab.triggers:
                return True
    return False


# ------------------------------------------------------------------ a parsed sentence and its claims


@dataclass
class Sentence:
    article: Article
    offset: int
    doc: Doc
    known_names: list[str] = field(default_factory=list)   # full names seen so far in the article
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
