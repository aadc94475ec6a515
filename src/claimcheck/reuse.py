"""Reuse the last run's reports when nothing they depend on has changed.

A re-run of an unchanged corpus would parse nothing (every article is in the claim cache) and align
nothing (the alignment is cached too), but it would still read every article, decode every claim
and render every report again: that is most of a warm run. Its reports would be the last run's byte
for byte, apart from the time they say they were generated. So the CLI first asks `load` for the
last run's reports under `inputs_key`, a fingerprint of everything a run's reports depend on:

- the corpus: every entry under it (or the one file), by its path, its type and, for a file, the
  SHA-1 of its bytes (a symbolic link by its target and the target's size and time);
- the rule files of --rules (names and bytes), the model asked for, the model it resolves to and
  the installed version of that package;
- claimcheck itself: every file of the package (code, built-in rules, templates) by size and time,
  so an upgrade or an edit runs again;
- the formats asked for, the --baseline file (path and bytes), the corpus path as given and the
  working folder (paths are shown relative to it).

On a hit the stored files are written again (atomically, as a run writes them) with the new
generation time spliced in where the old one stood, the terminal prints the stored summary, and
the exit status follows the stored severities. Nothing else is imported: no spaCy, no rules, no
renderer. On a miss the run goes on as usual and `store` keeps its reports afterwards.

Stored in the claim cache's folder as plain files (never pickle): `last-run/index.json` (the key,
the generation time and the byte offsets where it appears in each file, each file's SHA-1, the
summary and the severities) and each report the run wrote, hard-linked where the file system allows
(the next run replaces the report's name, never its content), checked against its SHA-1 as it is
copied back (a file that changed is not reused: the run runs).
"""
from __future__ import annotations

import codecs
import hashlib
import importlib.metadata
import json
import os
import shutil
import stat
from pathlib import Path
from typing import Any, Iterator, Optional

from . import __version__

FOLDER = "last-run"          # inside the claim cache's folder
INDEX = "index.json"
INDEX_VERSION = 1
PACKAGE = Path(__file__).resolve().parent


class Reused:
    """The last run's reports, ready to be written again."""

    def __init__(self, files: list[tuple[str, str]], terminal: dict[str, Any], severities: dict[str, int],
                 warnings: list[str]):
        self.files = files              # (file name, text chunks) with this run's generation time
        self.terminal = terminal        # report.terminal.summary_view of the last run
        self.severities = severities    # active findings by severity
        self.warnings = warnings


def _hash_file(h: "hashlib._Hash", path: str) -> None:
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)


def _entry(h: "hashlib._Hash", path: str, shown: str) -> None:
    """Fold one corpus entry into h: its path, type and content (or why it cannot be read)."""
    try:
        st = os.lstat(path)
    except OSError as e:
        h.update(f"\0{shown}|unreadable|{e.errno}".encode("utf-8", "surrogateescape"))
        return
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.stat(path)
            h.update(f"\0{shown}|link|{os.readlink(path)}|{target.st_mode}|{target.st_size}|"
                     f"{target.st_mtime_ns}".encode("utf-8", "surrogateescape"))
        except OSError as e:
            h.update(f"\0{shown}|link|broken|{e.errno}".encode("utf-8", "surrogateescape"))
        return
    if stat.S_ISREG(st.st_mode):
        h.update(f"\0{shown}|file|{st.st_size}|".encode("utf-8", "surrogateescape"))
        try:
            _hash_file(h, path)
        except OSError as e:
            h.update(f"|unreadable|{e.errno}".encode())
        return
    h.update(f"\0{shown}|{stat.S_IFMT(st.st_mode)}|{st.st_mode}".encode("utf-8", "surrogateescape"))


def _tree(h: "hashlib._Hash", root: str, contents: bool = True) -> None:
    """Fold every entry under root into h, in sorted order, without following links to folders.
    contents=False: files by size and modification time only (claimcheck's own package)."""
    if not os.path.isdir(root):
        _entry(h, root, os.path.basename(root))
        return
    for folder, dirs, files in os.walk(root, onerror=lambda e: h.update(f"\0walk|{e.errno}".encode())):
        dirs.sort()
        if not contents:
            dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = os.path.relpath(folder, root)
        for name in sorted(files) + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            shown = os.path.join(rel, name)
            if contents:
                _entry(h, path, shown)
            else:
                try:
                    st = os.stat(path)
                    h.update(f"\0{shown}|{st.st_size}|{st.st_mtime_ns}".encode("utf-8", "surrogateescape"))
                except OSError:
                    h.update(f"\0{shown}|gone".encode("utf-8", "surrogateescape"))


def _model_version(name: str) -> str:
    for dist in (name, name.replace("_", "-")):
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
        except Exception:       # a broken installation: no version, the run decides
            return "?"
    return ""


def inputs_key(corpus: Path, rules_dir: Optional[Path], model: Optional[str], formats: list[str],
               baseline: Optional[Path]) -> Optional[str]:
    """A fingerprint of everything the reports of `claimcheck run` depend on (module docstring);
    None when it cannot be taken (then the run does not reuse and does not store)."""
    from . import nlp as nlp_mod           # finds the model without importing spaCy
    try:
        h = hashlib.sha1(f"claimcheck {__version__}|reuse {INDEX_VERSION}|{os.getcwd()}|{os.fspath(corpus)}|"
                         f"{','.join(sorted(set(formats)))}".encode("utf-8", "surrogateescape"))
        resolved = nlp_mod.model_name(model)
        h.update(f"\0model|{model}|{resolved}|{_model_version(resolved)}".encode())
        h.update(b"\0package")
        _tree(h, str(PACKAGE), contents=False)
        h.update(b"\0rules")
        if rules_dir is not None and os.path.isdir(rules_dir):
            _tree(h, os.fspath(rules_dir))
        h.update(b"\0baseline")
        if baseline is not None:
            h.update(os.fspath(baseline).encode("utf-8", "surrogateescape"))
            _entry(h, os.fspath(baseline), "baseline")
        h.update(b"\0corpus")
        if not os.path.lexists(corpus):
            return None                       # the run says what is wrong
        _tree(h, os.fspath(corpus))
        return h.hexdigest()
    except (OSError, ValueError):
        return None


class Damaged(ValueError):
    """A stored report that is not what was stored (changed, cut short, unreadable)."""


BLOCK = 1 << 20              # bytes read at a time when a stored report is scanned or copied


def _scan(path: Path, stamps: dict[str, bytes]) -> tuple[str, list[tuple[int, str]]]:
    """The SHA-1 of a file and the byte offsets where each stamp occurs in it (read a block at a
    time: a report of a large corpus is hundreds of megabytes)."""
    h = hashlib.sha1()
    found: list[tuple[int, str]] = []
    longest = max((len(b) for b in stamps.values()), default=1)
    keep, base = b"", 0           # the tail of the last block (a stamp may straddle two) and its offset
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(BLOCK), b""):
            h.update(block)
            buf = keep + block
            for which, stamp in stamps.items():
                i = buf.find(stamp)
                while i >= 0:
                    if i + len(stamp) > len(keep):
                        found.append((base + i, which))    # not found already in the last block
                    i = buf.find(stamp, i + 1)
            cut = max(0, len(buf) - (longest - 1))
            keep, base = buf[cut:], base + cut
    found.sort()
    marks: list[tuple[int, str]] = []
    for at, which in found:                     # one stamp inside another is spliced once
        if not marks or at >= marks[-1][0] + len(stamps[marks[-1][1]]):
            marks.append((at, which))
    return h.hexdigest(), marks


def _spliced(path: Path, sha1: str, marks: list[tuple[int, str]], old: dict[str, bytes],
             new: dict[str, str]) -> Iterator[str]:
    """The stored report as text chunks, with `new` written where the old stamps stood; raises
    Damaged (at the end, so nothing is renamed into place) if the file is not the one stored."""
    h = hashlib.sha1()
    text = codecs.getincrementaldecoder("utf-8")()
    pos = 0
    try:
        with open(path, "rb") as f:
            for at, which in list(marks) + [(None, "")]:
                while at is None or pos < at:
                    block = f.read(BLOCK if at is None else min(BLOCK, at - pos))
                    if not block:
                        break
                    h.update(block)
                    pos += len(block)
                    yield text.decode(block)
                if at is None:
                    break
                stamp = f.read(len(old[which]))
                if pos != at or stamp != old[which]:
                    raise Damaged(f"{path.name}: the stored report changed")
                h.update(stamp)
                pos += len(stamp)
                yield new[which]
            yield text.decode(b"", final=True)
    except (OSError, UnicodeDecodeError, KeyError) as e:
        raise Damaged(f"{path.name}: {e}") from None
    if h.hexdigest() != sha1:
        raise Damaged(f"{path.name}: the stored report changed")


def store(cache_dir: Path, key: str, written: list[Path], stamps: dict[str, str],
          terminal: dict[str, Any], severities: dict[str, int], warnings: list[str]) -> None:
    """Keep a finished run's reports (the files it wrote) for the next run with the same
    inputs_key: each is linked (or copied) into the cache, with its SHA-1 and the places of the
    generation time `stamps` ({"iso": ..., "text": ...}, as the formats write it), so that a reuse
    writes the new time there. A failure to store is not an error (the next run just runs)."""
    folder = Path(cache_dir) / FOLDER
    encoded = {which: v.encode("utf-8") for which, v in stamps.items() if v}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / INDEX).unlink(missing_ok=True)      # a run killed from here on leaves no index
        for old in folder.glob("report-*"):
            old.unlink()
        files = []
        for path in written:
            kept = folder / f"report-{path.name}"
            try:
                os.link(path, kept)                   # the next run replaces `path`, not this inode
            except OSError:
                shutil.copyfile(path, kept)
            sha1, marks = _scan(kept, encoded)
            files.append({"name": path.name, "sha1": sha1, "marks": marks})
        index = {"version": INDEX_VERSION, "key": key, "stamps": stamps, "files": files,
                 "terminal": terminal, "severities": severities, "warnings": warnings}
        from .report.atomic import write_all
        write_all(folder, [(INDEX, json.dumps(index, ensure_ascii=False))])
    except (OSError, ValueError, TypeError, UnicodeError):
        return


def load(cache_dir: Path, key: str, stamps: dict[str, str]) -> Optional[Reused]:
    """The last run's reports if its inputs_key was `key`, as (file name, text chunks) with the new
    generation time `stamps` spliced in; else None. The chunks raise Damaged if a stored file is not
    what was stored (write_all then replaces nothing, and the caller runs)."""
    folder = Path(cache_dir) / FOLDER
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        if not isinstance(index, dict) or index.get("version") != INDEX_VERSION or index.get("key") != key:
            return None
        old = {which: str(v).encode("utf-8") for which, v in index["stamps"].items() if v}
        files = []
        for entry in index["files"]:
            path = folder / f"report-{entry['name']}"
            if not path.is_file():
                return None
            marks = [(int(at), str(which)) for at, which in entry["marks"]]
            files.append((str(entry["name"]), _spliced(path, str(entry["sha1"]), marks, old, stamps)))
        return Reused(files, index["terminal"], dict(index["severities"]), list(index["warnings"]))
    except (OSError, ValueError, TypeError, KeyError, UnicodeError):
        return None
