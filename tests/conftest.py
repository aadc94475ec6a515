"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import nlp as nlp_mod

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


_REAL_LOAD = nlp_mod.load
_LOADED: dict = {}


def cached_load(model=None):
    """nlp.load, memoized per model name for the whole session (errors are not cached, so
    --model no_such_model still fails). CLI tests patch nlp.load with it: one model load, not one a run."""
    if model not in _LOADED:
        _LOADED[model] = _REAL_LOAD(model)
    return _LOADED[model]


@pytest.fixture
def shared_nlp(monkeypatch):
    """nlp.load patched with cached_load (modules that run the CLI in-process use it autouse)."""
    monkeypatch.setattr(nlp_mod, "load", cached_load)


@pytest.fixture(scope="session")
def nlp():
    from claimcheck import nlp as nlp_mod
    return nlp_mod.load()


@pytest.fixture(scope="session")
def rules_only_nlp():
    from claimcheck import nlp as nlp_mod
    return nlp_mod.load(nlp_mod.RULES_ONLY)
