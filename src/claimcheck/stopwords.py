"""spaCy's English stop words, without importing spaCy.

Importing `spacy` costs about a second (thinc, the registry, the CLI); a re-run of an unchanged corpus
needs stop words (alignment, entities) but never a model, so it must not pay for that. The list is
read from spaCy's own file, so it stays the one spaCy ships (spacy/lang/en/stop_words.py).
"""
from __future__ import annotations

import importlib.util


def _load() -> frozenset[str]:
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    for folder in spec.submodule_search_locations:
        path = f"{folder}/lang/en/stop_words.py"
        sub = importlib.util.spec_from_file_location("claimcheck._spacy_en_stop_words", path)
        if sub is None or sub.loader is None:
            continue
        module = importlib.util.module_from_spec(sub)
        try:
            sub.loader.exec_module(module)
        except OSError:
            continue
        return frozenset(module.STOP_WORDS)
    from spacy.lang.en.stop_words import STOP_WORDS as words   # an unusual layout: pay for the import
    return frozenset(words)


STOP_WORDS: frozenset[str] = _load()
