"""Load the built-in rules and the user's rules/*.yml into one RuleSet.

Minimal loader; validation with pydantic and file:line errors live here too (see issue 5).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import RuleError
from .models import RuleSet

BUILTIN = "default_rules.yml"
LIST_SECTIONS = ("hedges", "claims", "canonical", "suppressions")
DICT_SECTIONS = ("scales", "number_words", "vague_numbers", "months", "weekdays", "units",
                 "verb_classes", "object_nouns", "aliases", "tolerances", "severities")


def _read_yaml(text: str, path: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise RuleError(f"YAML syntax error: {getattr(e, 'problem', e)}", path=path,
                        line=(mark.line + 1) if mark else None) from None
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a mapping of sections", path=path, line=1)
    return data


def _merge(rs: RuleSet, data: dict[str, Any], source: str) -> None:
    for key, value in data.items():
        if key in LIST_SECTIONS:
            getattr(rs, key).extend(value or [])
        elif key in DICT_SECTIONS:
            getattr(rs, key).update(value or {})
        else:
            rs.extra[key] = value
    rs.sources.append(source)


def builtin_text() -> str:
    return resources.files("claimcheck").joinpath(BUILTIN).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def default_ruleset() -> RuleSet:
    """The built-in rules alone (cached). Normalizers use this when no RuleSet is passed."""
    rs = RuleSet()
    _merge(rs, _read_yaml(builtin_text(), BUILTIN), f"built-in:{BUILTIN}")
    return rs


def load_rules(rules_dir: str | Path | None) -> RuleSet:
    """Built-in rules, then every rules_dir/*.yml (sorted) on top. Missing dir = built-ins only."""
    rs = RuleSet()
    _merge(rs, _read_yaml(builtin_text(), BUILTIN), f"built-in:{BUILTIN}")
    if rules_dir is not None:
        d = Path(rules_dir)
        if d.is_dir():
            for f in sorted(list(d.glob("*.yml")) + list(d.glob("*.yaml"))):
                _merge(rs, _read_yaml(f.read_text(encoding="utf-8"), str(f)), str(f))
    return rs
