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


def candidate_sentences(article: Article, nlp: NLP, vocab: Vocab) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of the article that could hold a claim."""
    out = []
    text = article.text
    pos = 0
    for para in text.split("\n"):
        start = pos
        pos += len(para) + 1
        if not para.strip():
            continue
        doc = nlp.splitter(para)
        for sent in doc.sents:
            s = sent.text
            if not s.strip():
                continue
            if any(ch.isdigit() for ch in s) or _has_trigger(s, vocab):
                out.append((start + sent.start_char, s))
    return out


def _has_trigger(sentence: str, vocab: Vocab) -> bool:
    for w in WORD_RE.findall(sentence.lower()):
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


def _char_span(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def _make(s: Sentence, kind: str, rel_start: int, rel_end: int, rule: str, **kw) -> Claim:
    start, end = s.offset + rel_start, s.offset + rel_end
    art = s.article
    return Claim(id=claim_id(art.id, kind, start, end, rule), article=art.id, kind=kind,
                 text=art.text[start:end], quote=s.doc.text.strip(), start=start, end=end, rule=rule,
                 sentence_start=s.offset + (len(s.doc.text) - len(s.doc.text.lstrip())), **kw)


def claim_id(article_id: str, kind: str, start: int, end: int, rule: str) -> str:
    return hashlib.sha1(f"{article_id}|{kind}|{start}|{end}|{rule}".encode()).hexdigest()[:12]
