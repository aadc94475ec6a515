"""The built-in vocabulary the normalizers read when no RuleSet is passed to them.

quantities.py and dates.py take the vocabulary as an argument (DESIGN.md section 1: normalizers import
nothing above them, rules.py included). Called without one (a library user's `parse_date("May 2024")`,
the benchmarks, the phrase suites), they read the sections they need straight from the package's data
file default_rules.yml, loaded safely (untrusted.load_yaml) and cached. rules.py validates the same file
for every run, so this reader does not validate it again; it only takes the vocabulary sections.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from . import untrusted
from .models import RuleSet

DATA_FILE = "default_rules.yml"
# sections read by the normalizers: the RuleSet fields, then what lives in RuleSet.extra
FIELDS = ("hedges", "scales", "number_words", "vague_numbers", "months", "weekdays", "units")
EXTRA = ("date_words", "score_words")


@lru_cache(maxsize=1)
def builtin_vocabulary() -> RuleSet:
    """The vocabulary of default_rules.yml as a RuleSet holding only the normalizers' sections."""
    text = resources.files("claimcheck").joinpath(DATA_FILE).read_text(encoding="utf-8")
    data = untrusted.load_yaml(text) or {}
    rs = RuleSet()
    for name in FIELDS:
        if data.get(name) is not None:
            setattr(rs, name, data[name])
    rs.extra = {name: data[name] for name in EXTRA if data.get(name) is not None}
    rs.sources = [f"built-in:{DATA_FILE}"]
    return rs
