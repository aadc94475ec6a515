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
the generation time and where it appears in each file, each file's SHA-1, the summary and the
severities) and one file per report, checked against its SHA-1 when loaded.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import stat
from pathlib import Path
from typing import Any, Optional

from . import __version__

FOLDER = "last-run"          # inside the claim cache's folder
INDEX = "index.json"
INDEX_VERSION = 1
PACKAGE = Path(__file__).resolve().parent


class Reused:
    """The last run's reports, ready to be written again."""

    def __init__(self, files: list[tuple[str, str]], terminal: dict[str, Any], severities: dict[str, int],
                 warnings: list[str]):
        self.files = files              # (file name, text) with this run's generation time
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


def _stamps(text: str, stamp: str) -> list[int]:
    found, i = [], text.find(stamp)
    while i >= 0:
        found.append(i)
        i = text.find(stamp, i + len(stamp))
    return found


def _splice(text: str, marks: list[tuple[int, str]], new: dict[str, str], old: dict[str, str]) -> str:
    parts, last = [], 0
    for at, which in sorted(marks):
        parts.append(text[last:at])
        parts.append(new[which])
        last = at + len(old[which])
    parts.append(text[last:])
    return "".join(parts)


def store(cache_dir: Path, key: str, files: list[tuple[str, str]], stamps: dict[str, str],
          terminal: dict[str, Any], severities: dict[str, int], warnings: list[str]) -> None:
    """Keep a finished run's reports for the next run with the same inputs_key. `stamps`: the
    generation time as each format writes it ({"iso": ..., "text": ...}); their places in each file
    are recorded so that a reuse can write the new time there. A failure to store is not an error
    (the next run just runs)."""
    from .report.atomic import write_all
    folder = Path(cache_dir) / FOLDER
    try:
        marks = {}
        for name, text in files:
            marks[name] = sorted([(i, which) for which, s in stamps.items() if s for i in _stamps(text, s)])
            # a stamp inside another (the text form containing the ISO form) would be spliced twice
            marks[name] = [m for j, m in enumerate(marks[name])
                           if j == 0 or m[0] >= marks[name][j - 1][0] + len(stamps[marks[name][j - 1][1]])]
        index = {"version": INDEX_VERSION, "key": key, "stamps": stamps,
                 "files": [{"name": name, "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
                            "marks": marks[name]} for name, text in files],
                 "terminal": terminal, "severities": severities, "warnings": warnings}
        # the index goes last: a run killed half-way leaves an index that does not match its files
        write_all(folder, [(INDEX, "")])
        write_all(folder, [(f"report-{name}", text) for name, text in files])
        write_all(folder, [(INDEX, json.dumps(index, ensure_ascii=False))])
    except (OSError, ValueError, TypeError, UnicodeError):
        return


def load(cache_dir: Path, key: str, stamps: dict[str, str]) -> Optional[Reused]:
    """The last run's reports if its inputs_key was `key` (and every file is intact), with the new
    generation time `stamps` spliced in; else None."""
    folder = Path(cache_dir) / FOLDER
    try:
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        if not isinstance(index, dict) or index.get("version") != INDEX_VERSION or index.get("key") != key:
            return None
        old = index["stamps"]
        files = []
        for entry in index["files"]:
            data = (folder / f"report-{entry['name']}").read_bytes()
            if hashlib.sha1(data).hexdigest() != entry["sha1"]:
                return None
            text = data.decode("utf-8")
            files.append((entry["name"], _splice(text, [tuple(m) for m in entry["marks"]], stamps, old)))
        return Reused(files, index["terminal"], dict(index["severities"]), list(index["warnings"]))
    except (OSError, ValueError, TypeError, KeyError, UnicodeError):
        return None
