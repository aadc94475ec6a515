"""Atomic writes: every report of a run is written to a temporary file in the out folder, and the
temporary files are renamed over the reports only once all of them are complete.

    write_all(out_dir, [(file name, content), ...]) -> paths     (any number of outputs, any format)

A reader never sees a half-written report; a failure (or a kill) while writing leaves the previous
reports intact. Temporary files are named `.claimcheck-tmp-<pid>-<random>-<name>`; the next run
removes those whose process is gone (clean_stale), so a killed run leaves nothing behind for long.
"""
from __future__ import annotations

import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator

TMP_PREFIX = ".claimcheck-tmp-"
_TMP_NAME = re.compile(re.escape(TMP_PREFIX) + r"(?P<pid>\d+)-")


def _tmp_file(folder: Path, name: str) -> tuple[int, str]:
    return tempfile.mkstemp(dir=folder, prefix=f"{TMP_PREFIX}{os.getpid()}-", suffix=f"-{name}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True            # someone else's live process
    return True


def clean_stale(folder: Path | str) -> list[Path]:
    """Remove the temporary files that runs which are no longer alive left in `folder`."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TMP_NAME.match(entry.name)
        if m and entry.is_file(follow_symlinks=False) and not _alive(int(m.group("pid"))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def probe(folder: Path | str) -> None:
    """Raise OSError unless a file can be created (and removed) in `folder`; clean stale temporaries."""
    folder = Path(folder)
    clean_stale(folder)
    fd, tmp = _tmp_file(folder, "probe")
    os.close(fd)
    os.unlink(tmp)


def _write_tmp(folder: Path, name: str, content: str | Iterable[str]) -> str:
    """Write content (a text, or its chunks as a renderer yields them) to a temporary file in folder."""
    fd, tmp = _tmp_file(folder, name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            if isinstance(content, str):
                fh.write(content)
            else:
                for chunk in content:
                    fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; a report is meant to be shared
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_all(out_dir: Path | str, outputs: Iterable[tuple[str, str | Iterable[str]]]) -> list[Path]:
    """Write every (file name, content) to out_dir, all or nothing: each to a temporary file first,
    then all renamed into place. A content is a text or an iterable of text chunks (a renderer that
    streams: it runs as its file is written, and an error it raises is an error of the write). On any error no report is replaced and no temporary file is left."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    clean_stale(folder)
    written: list[tuple[str, Path]] = []
    try:
        for name, content in outputs:
            if "/" in name or os.sep in name or name.startswith("."):
                raise ValueError(f"a report file name, not a path: {name!r}")
            written.append((_write_tmp(folder, name, content), folder / name))
        for tmp, path in written:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in written:
            _unlink(tmp)
        raise
    return [path for _, path in written]


@contextmanager
def atomic_open(path: Path | str, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a temporary file next to `path` for writing; on success it replaces `path`.

    On any exception the temporary file is removed and the exception propagates; `path` is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _tmp_file(path.parent, path.name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def atomic_write_text(path: Path | str, text: str) -> Path:
    return write_all(Path(path).parent, [(Path(path).name, text)])[0]
