"""Atomic file writes: a temporary file in the target's directory, then os.replace.

A reader never sees a half-written report, and a failure while writing leaves the previous report intact.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


@contextmanager
def atomic_open(path: Path | str, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a temporary file next to `path` for writing; on success it replaces `path`.

    On any exception the temporary file is removed and the exception propagates; `path` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; a report is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path: Path | str, text: str) -> Path:
    with atomic_open(path) as fh:
        fh.write(text)
    return Path(path)
