"""The one exception base for user mistakes. Findings are data, never exceptions.

The CLI catches ClaimcheckError, prints `error[<code>]: <message>` on one line and exits 2; any other
exception is a bug (exit 3).
"""
from __future__ import annotations


class ClaimcheckError(Exception):
    code = "error"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        message = " ".join(message.splitlines())      # one readable line, whatever a parser said
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.where() + message)

    def where(self) -> str:
        if self.path and self.line:
            return f"{self.path}:{self.line}: "
        if self.path:
            return f"{self.path}: "
        return ""


class CorpusError(ClaimcheckError):
    code = "corpus"


class RuleError(ClaimcheckError):
    code = "rules"


class ModelError(ClaimcheckError):
    code = "model"


class UsageError(ClaimcheckError):
    code = "usage"


class OutputError(ClaimcheckError):
    """The reports cannot be written (--out is a file, unwritable, or not a possible path)."""
    code = "output"
