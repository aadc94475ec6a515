"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from claimcheck import nlp as nlp_mod
    return nlp_mod.load()


@pytest.fixture(scope="session")
def rules_only_nlp():
    from claimcheck import nlp as nlp_mod
    return nlp_mod.load(nlp_mod.RULES_ONLY)
