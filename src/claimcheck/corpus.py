"""load: read a folder of articles (txt, md, html, json, jsonl) into Articles.

    load_corpus(path) -> (articles, skipped)

One plain function per format. Every file that is not an article (images, PDFs, binary or undecodable
files, empty or hidden files, the corpus README) becomes a `Skipped(path, reason)` and loading goes on;
a missing path or a corpus with no readable article raises CorpusError.

Article.text is the body a claim can be read from: header blocks, metadata lines (Source:, Updated:,
"date 2025-02-12 ..."), the title line and boilerplate lines (cookie banners, share widgets, footers:
the `boilerplate:` section of default_rules.yml) are removed from it. The publication date comes from
the article itself, never from the file's modification time; `published_from` says where:
text | html-meta | dateline | json | none.
"""
from __future__ import annotations

import json
import logging
import os
import re
import stat
from datetime import date, datetime
from html.parser import HTMLParser
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Optional
from urllib.parse import urlparse

import yaml

from . import untrusted
from .errors import CorpusError
from .models import Article, RuleSet, Skipped

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog)(\.[a-z]+)?$", re.I)  # at the corpus root

TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
DATE_FIELDS = ("date", "published", "published_at", "publishedAt", "datePublished", "pubDate",
               "date_publish", "publication_date")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site_name", "source_domain")

# Limits on what is read (README, "Limits"). A file above MAX_FILE_BYTES is skipped, not read: 100 MB
# is twice the 50 MB article the slow tests read (about 20 s on the 2-core build machine).
MAX_FILE_BYTES = 100 * 2**20

# ================================================================ entry point


def load_corpus(path: str | os.PathLike, rules: Optional[RuleSet] = None
                ) -> tuple[list[Article], list[Skipped]]:
    """Read every article under `path` (a folder, read recursively in sorted order, or one file)."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_corpus(path, rules):
        (skipped if isinstance(item, Skipped) else articles).append(item)
    return articles, skipped


def iter_corpus(path: str | os.PathLike, rules: Optional[RuleSet] = None) -> Iterator[Article | Skipped]:
    """The articles under `path` and what was skipped, one file at a time, in load_corpus's order
    (the folder's skips first), so a large corpus streams through the pipeline instead of being
    read whole. Raises CorpusError up front for a missing path, and at the end when nothing was read."""
    given = os.fspath(path)
    root = Path(given)
    if not os.path.lexists(given):
        raise CorpusError("corpus not found (no such file or folder)", path=printable(given))
    boiler = _boilerplate(rules)
    skipped: list[Skipped] = []
    if not root.is_dir():
        files = [(root, root.name, _strip_suffix(printable(root.name)))]
        shown = lambda rel: printable(given)  # noqa: E731 - a single file keeps the path as given
    else:
        files = []
        _walk(root, "", files, skipped, given, os.path.realpath(given))
        shown = lambda rel: _join(printable(given), printable(rel))  # noqa: E731
    yield from skipped
    found = False
    seen: set[str] = set()
    for file, rel, art_id in files:
        if art_id in seen:                   # a.txt and a.md: keep ids unique and stable
            art_id = printable(rel)
        while art_id in seen:                # two names that differ only in undecodable bytes
            art_id += "~"
        seen.add(art_id)
        got, skips = _load_one(file, art_id, shown(rel), boiler)
        found = found or bool(got)
        skipped.extend(skips)
        yield from got
        yield from skips
    if not found:
        raise CorpusError(_nothing_read(skipped), path=printable(given))


def _load_one(file: Path, art_id: str, shown: str, boiler: list[re.Pattern]
              ) -> tuple[list[Article], list[Skipped]]:
    """load_file, with the failures a hostile file can provoke in a parser turned into a skip."""
    try:
        return load_file(file, art_id, shown, boiler)
    except RecursionError:
        return [], [Skipped(shown, "nested too deeply to read")]
    except MemoryError:
        return [], [Skipped(shown, "too large to read in memory")]
    except (ValueError, UnicodeError, OverflowError) as e:
        return [], [Skipped(shown, f"could not be read: {type(e).__name__}: {printable(str(e))[:160]}")]


def printable(name: str) -> str:
    """A path or name as text that can be written anywhere: bytes that are not UTF-8 (kept by Python
    as lone surrogates) become U+FFFD."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="replace") if os.name != "nt" else \
            name.encode("utf-8", errors="replace").decode("utf-8")


def load_file(file: Path, art_id: str, shown: str, boiler: Optional[list[re.Pattern]] = None
              ) -> tuple[list[Article], list[Skipped]]:
    """One file -> its articles (a JSON list gives several) and what was skipped in it."""
    boiler = _boilerplate(None) if boiler is None else boiler
    suffix = printable(file.suffix.lower())
    if suffix not in SUPPORTED:
        return [], [Skipped(shown, f"unsupported file type {suffix or '(no extension)'}")]
    text, problem, warning = read_file_text(file)
    if problem:
        return [], [Skipped(shown, problem)]
    if suffix in TEXT_SUFFIXES:
        arts = [load_plain(text, art_id, shown, boiler, markdown=suffix != ".txt")]
        skips: list[Skipped] = []
    elif suffix in HTML_SUFFIXES:
        arts, skips = [load_html(text, art_id, shown, boiler)], []
    elif suffix in JSON_SUFFIXES:
        arts, skips = load_json(text, art_id, shown, boiler)
    else:
        arts, skips = load_jsonl(text, art_id, shown, boiler)
    kept = []
    for a in arts:
        if warning:
            a.warnings.insert(0, warning)
        if a.text.strip():
            kept.append(a)
        else:
            where = f"{a.path}#{a.id.rsplit('#', 1)[1]}" if "#" in a.id else a.path
            skips.append(Skipped(where, "no article text (only boilerplate or metadata)"))
    return kept, skips


# ================================================================ files and bytes


def _strip_suffix(rel: str) -> str:
    return str(PurePosixPath(rel).with_suffix(""))


def _join(given: str, rel: str) -> str:
    return os.path.join(given, rel).replace(os.sep, "/") if os.sep != "/" else os.path.join(given, rel)


def _walk(folder: Path, prefix: str, out: list, skipped: list[Skipped], given: str, root_real: str) -> None:
    """Collect the regular files under `folder`. Pipes, sockets and devices are skipped without being
    opened; a symlink is followed only to a file inside the corpus (never to a folder)."""
    def skip(rel: str, why: str) -> None:
        skipped.append(Skipped(_join(printable(given), printable(rel)), why))

    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        skipped.append(Skipped(_join(printable(given), printable(prefix.rstrip("/"))) if prefix else printable(given),
                               f"unreadable folder: {e.strerror or e}"))
        return
    for entry in entries:
        rel = prefix + entry.name
        try:
            mode = os.lstat(entry.path).st_mode
        except OSError as e:
            skip(rel, f"unreadable: {e.strerror or e}")
            continue
        if entry.name.startswith("."):
            skip(rel, "hidden " + ("folder" if stat.S_ISDIR(mode) else "file"))
            continue
        if stat.S_ISLNK(mode):
            target = os.path.realpath(entry.path)
            if os.path.commonpath([root_real, target]) != root_real:
                skip(rel, "symbolic link to a path outside the corpus (not followed)")
                continue
            try:
                mode = os.stat(entry.path).st_mode
            except OSError:
                skip(rel, "broken symbolic link")
                continue
            if stat.S_ISDIR(mode):
                skip(rel, "symlinked folder (not followed)")
                continue
        if stat.S_ISDIR(mode):
            _walk(Path(entry.path), rel + "/", out, skipped, given, root_real)
        elif not stat.S_ISREG(mode):
            skip(rel, f"not a regular file ({untrusted.file_kind(mode)})")
        elif not prefix and NOT_ARTICLES.match(entry.name):
            skip(rel, "corpus documentation, not an article")
        else:
            out.append((Path(entry.path), rel, _strip_suffix(printable(rel))))


def read_text(file: Path) -> tuple[str, str]:
    """(text, "") or ("", reason); see read_file_text."""
    text, problem, _ = read_file_text(file)
    return text, problem


# A file that fails strict UTF-8 is still read as UTF-8 (bad bytes replaced, a warning recorded) when it
# holds at least as many well-formed non-ASCII characters as bad byte sequences; otherwise it is 8-bit
# text (cp1252, else Latin-1). A Latin-1 file has no well-formed multi-byte sequences, so it never
# passes for UTF-8; a UTF-8 file with a few corrupted bytes does.
def read_file_text(file: Path) -> tuple[str, str, str]:
    """(text, "", warning) or ("", reason, ""). UTF-8 (BOM or not), UTF-16 with a BOM, mostly-UTF-8
    with bad bytes replaced, else cp1252 when the bytes look like 8-bit text. NULs and control
    characters are removed; line ends become \\n. Only regular files of at most MAX_FILE_BYTES."""
    try:
        data = untrusted.read_regular(file, MAX_FILE_BYTES)
    except untrusted.Unreadable as e:
        return "", str(e), ""
    if not data.strip():
        return "", "empty file", ""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return clean_chars(data.decode("utf-16")), "", ""
        except UnicodeDecodeError:
            return "", "undecodable bytes (broken UTF-16)", ""
    sample = data[:8192]
    if sample.count(b"\x00") > max(1, len(sample) // 100):   # a stray NUL is stripped, many mean binary
        return "", "binary file (NUL bytes)", ""
    try:
        return clean_chars(data.decode("utf-8-sig")), "", ""
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii - bad >= bad:
        return clean_chars(text), "", (f"{bad} byte sequence(s) that are not UTF-8 replaced with "
                                       "U+FFFD (the rest of the file is UTF-8)")
    high = sum(b >= 0x80 for b in sample)
    controls = sum(b < 0x20 and b not in (9, 10, 12, 13) for b in sample)
    if controls > len(sample) // 100 or high > len(sample) * 0.3:
        return "", "undecodable bytes (neither UTF-8 nor 8-bit text)", ""
    return clean_chars(data.decode("cp1252", errors="strict") if _cp1252_ok(data)
                       else data.decode("latin-1")), "", ""


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\u200b]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")       # lone surrogates (JSON "\\ud800") cannot be written out


def clean_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def _nothing_read(skipped: list[Skipped]) -> str:
    if not skipped:
        return "no articles found (the folder is empty; expected .txt, .md, .html, .json or .jsonl files)"
    counts: dict[str, int] = {}
    for s in skipped:
        counts[s.reason] = counts.get(s.reason, 0) + 1
    why = ", ".join(f"{n} {r}" for r, n in sorted(counts.items(), key=lambda kv: -kv[1])[:4])
    return (f"no readable articles: {len(skipped)} file(s) skipped ({why}); "
            "expected .txt, .md, .html, .json or .jsonl articles")


@lru_cache(maxsize=8)
def _compile(patterns: tuple[str, ...]) -> list[re.Pattern]:
    """The patterns as one alternation (one search a line instead of one per pattern), unless one of
    them refers to a group by number or name, which joining would renumber."""
    if patterns and not any(re.search(r"\\\d|\(\?P=|\(\?[aiLmsux]+\)", p) for p in patterns):
        try:
            return [re.compile("|".join(f"(?:{p})" for p in patterns), re.I)]
        except re.error:
            pass
    return [re.compile(p, re.I) for p in patterns]


def _boilerplate(rules: Optional[RuleSet]) -> list[re.Pattern]:
    if rules is None:
        from .rules import default_ruleset
        rules = default_ruleset()
    pats = rules.extra.get("boilerplate") or []
    return _compile(tuple(str(p) for p in pats))


# ================================================================ dates

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])")
MDY_DATE = re.compile(_MON + r"\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b")
DMY_DATE = re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MON + r"\.?,?\s+(?P<y>(?:19|20)\d\d)\b")
FULL_DATES = (ISO_DATE, MDY_DATE, DMY_DATE)


def _to_date(m: re.Match) -> Optional[date]:
    g = m.groupdict()
    month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower()[:3]]
    try:
        return date(int(g["y"]), month, int(g["d"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every full date (ISO, "February 12, 2025", "12 February 2025") as (start, end, date)."""
    found = []
    for rx in FULL_DATES:
        for m in rx.finditer(text):
            d = _to_date(m)
            if d:
                found.append((m.start(), m.end(), d))
    return sorted(found)


def parse_date(value: Any, fuzzy: bool = True) -> Optional[date]:
    """A publication date from a header/meta/JSON value; dateparser only as a fallback, and only
    when the value holds a year (so "yesterday" never becomes a date)."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None  # epoch numbers are ambiguous (s or ms); not guessed
    s = str(value).strip()
    if len(s) > 200:
        return None  # no date is written in 200 characters; dateparser is not run on pages of text
    compact = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)(?:T.*)?", s)
    if compact:
        try:
            return date(*map(int, compact.groups()))
        except ValueError:
            return None
    found = find_dates(s)
    if found:
        return found[0][2]
    if fuzzy and re.search(r"\b(?:19|20)\d\d\b", s):
        try:
            import dateparser
            dt = dateparser.parse(s, languages=["en"],
                                  settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                            "PREFER_DAY_OF_MONTH": "first"})
        except Exception:  # dateparser raises assorted errors on odd input
            dt = None
        return dt.date() if dt else None
    return None


# ================================================================ plain text (.txt, .md)

HEADER_LINE = re.compile(r"^(?P<key>Title|Headline|Date|Published|Source|URL|Link|Outlet|Publisher|Author|Byline)"
                         r"\s*:\s*(?P<value>.*)$", re.I)
SOURCE_LINE = re.compile(r"^(?:Original\s+)?Sources?(?:\(s\))?\s*:\s*(?P<v>.{1,80})$", re.I)
DATE_LINE = re.compile(r"^(?:Date|Published(?: on)?|Posted(?: on)?|Last updated|Updated)\s*:\s*(?P<v>.{4,60})$", re.I)
INLINE_DATE = re.compile(r"^\s*date\s+(?P<v>\d{4}-\d\d-\d\d)\b[\s:|-]*(?P<rest>.*)$", re.I)
UPDATED = re.compile(r"^(?:(?P<outlet>[^|]{2,60}?)\s*\|\s*)?(?:Last\s+)?(?:Updated|Published|Posted)\s*:?\s*"
                     r"(?P<v>[^|]{4,40}?)\s*(?:\|.*)?$", re.I)
TIME = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?|GMT|UTC|BJT|EST|EDT|ET|CET)?\b", re.I)
WEEKDAYS = re.compile(r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b\.?", re.I)
# a dateline: "PARIS, Feb. 11 (Xinhua) --", "SÃO PAULO, March 3 --"; the city is in capitals of any
# script (checked by _dateline, since a regex class cannot say "upper case")
DATELINE = re.compile(r"^\s*(?P<city>[^\W\d_](?:[^\W\d_]|[.'\- ]){1,40}(?:,\s*[^\W\d_](?:[^\W\d_]|[.\- ]){1,20})?),\s*" + _MON +
                      r"\.?\s+(?P<d>[0-3]?\d)(?:,\s*(?P<y>(?:19|20)\d\d))?\s*(?:\((?P<agency>[^()]{2,40})\))?"
                      r"\s*(?:--|—|–|-|:)\s")
CAPTION_END = re.compile(r"(\((?:Xinhua|Photo|AP|AFP|Reuters|Getty)[^)]*\)|/\s*VCG\)?|\[Photo[^\]]*\]|"
                         r"\((?:Photo|Image|Credit)s?:[^)]*\))\s*$", re.I)
MD_HEADING = re.compile(r"^#{1,6}\s+")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

TOP_LINES = 30          # metadata lines (dates, "X | Updated:") are looked for this far down only


def load_plain(text: str, art_id: str, shown: str, boiler: list[re.Pattern], markdown: bool = False,
               meta: Optional[dict] = None) -> Article:
    """A .txt/.md article: optional header block, then the body with metadata and boilerplate removed."""
    lines = text.split("\n")
    info = dict(meta or {})
    if markdown:
        lines = _front_matter(lines, info)
        lines = [MD_LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1),
                             MD_HEADING.sub("", ln)) for ln in lines]
    lines = _header_block(lines, info)
    body, info = _scan_lines(lines, info, boiler)
    return _article(art_id, shown, body, info)


FRONT_MATTER_MAX_LINES = 200       # a "---" block longer than this is not front matter but text
FRONT_MATTER_FIELDS = {"title": "title", "headline": "title", "date": "date", "published": "date",
                       "pubdate": "date", "date_published": "date", "source": "outlet", "outlet": "outlet",
                       "publisher": "outlet", "site_name": "outlet", "url": "url", "link": "url"}


def _front_matter(lines: list[str], info: dict) -> list[str]:
    """Markdown front matter (a YAML block between "---" lines at the top) is metadata, never body:
    title, date, outlet and URL are read from it (a bounded safe YAML load); the rest is dropped."""
    if not lines or lines[0].strip() != "---":
        return lines
    end = next((i for i in range(1, min(len(lines), FRONT_MATTER_MAX_LINES + 1))
                if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return lines
    try:
        data = untrusted.load_yaml("\n".join(lines[1:end]))
    except (untrusted.YamlRefused, yaml.YAMLError, RecursionError, ValueError):
        data = None
    if isinstance(data, dict):
        for key, value in data.items():
            field = FRONT_MATTER_FIELDS.get(str(key).lower())
            if field is None or value is None or isinstance(value, (dict, list)):
                continue
            if field == "date":
                d = value if isinstance(value, date) else parse_date(str(value))
                d = d.date() if isinstance(d, datetime) else d
                if d and "published" not in info:
                    info["published"], info["published_from"] = d, "text"
            elif field == "outlet" and _is_url(str(value)):
                info.setdefault("outlet", _host(str(value)))
            else:
                info.setdefault(field, clean_chars(str(value)).strip())
    return lines[end + 1:]


def _header_block(lines: list[str], info: dict) -> list[str]:
    """Remove a leading `Key: value` block ended by a blank line; record its values in info."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    start, found = i, {}
    while i < len(lines) and lines[i].strip():
        m = HEADER_LINE.match(lines[i].strip())
        if not m:
            return lines
        found[m.group("key").lower()] = m.group("value").strip()
        i += 1
    if not found or i == start:
        return lines
    title = found.get("title") or found.get("headline")
    if title is not None:     # "(untitled)" too: the header said there is no headline
        info.setdefault("title", "" if title.lower() in ("(untitled)", "untitled", "(none)") else title)
    when = found.get("date") or found.get("published")
    if when and "published" not in info:
        d = parse_date(when)
        if d:
            info["published"], info["published_from"] = d, "text"
    src = found.get("url") or found.get("link") or ""
    for key in ("source", "outlet", "publisher"):
        v = found.get(key, "")
        if v and _is_url(v):
            src = src or v
        elif v:
            info.setdefault("outlet", v)
    if src:
        info.setdefault("url", src)
        info.setdefault("outlet", _host(src))
    if found.get("author"):
        info.setdefault("author", found["author"])
    return lines[i:]


def _is_url(s: str) -> bool:
    return bool(re.match(r"^(https?://|www\.)\S+$", s.strip(), re.I))


def _host(url: str) -> str:
    try:
        host = urlparse(url if "://" in url else "http://" + url).netloc.lower()
    except ValueError:          # "http://[" and other unparseable URLs name no host
        return ""
    return host[4:] if host.startswith("www.") else host


# Page furniture is a short line (the longest built-in pattern matches about 250 characters); longer
# lines are article text and are not run through the patterns, which also bounds what a user's
# pattern can cost on a hostile line.
BOILERPLATE_MAX_LINE = 400


def is_boilerplate(line: str, boiler: list[re.Pattern]) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= BOILERPLATE_MAX_LINE and any(p.search(s) for p in boiler)


def _dateline(line: str) -> Optional[re.Match]:
    m = DATELINE.match(line)
    if m is None:
        return None
    city = m.group("city").split(",")[0]
    return m if city.isupper() else None


def is_caption(line: str) -> bool:
    return bool(CAPTION_END.search(line.strip()))


def _standalone_date(line: str) -> Optional[tuple[date, str]]:
    """A short line that is essentially a date ("08:07, February 12, 2025", "Xinhua) 08:07, February
    12, 2025"): (date, what else it said, e.g. the agency)."""
    s = line.strip()
    if len(s) > 80 or is_caption(s) or re.match(r"^[A-Za-z][A-Za-z .'-]*:\s", s):
        return None     # "End of Watch: Friday, June 24, 2005" is a labelled date, not the article's
    found = find_dates(s)
    if len(found) != 1:
        return None
    a, b, d = found[0]
    rest = TIME.sub(" ", s[:a] + " " + s[b:])
    rest = WEEKDAYS.sub(" ", rest)
    rest = re.sub(r"\b(?:updated|published|posted|last|on|at|date|time)\b", " ", rest, flags=re.I)
    rest = re.sub(r"[()|,:\-–—/]+", " ", rest).split()
    if len(rest) > 2:
        return None
    return d, " ".join(rest)


def _scan_lines(lines: list[str], info: dict, boiler: list[re.Pattern]) -> tuple[str, dict]:
    """Drop boilerplate and metadata lines, reading title, outlet and date from them."""
    kept: list[str] = []
    title_done = "title" in info
    body_started = False
    for n, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            kept.append("")
            continue
        if is_boilerplate(line, boiler):
            continue
        top = n < TOP_LINES and not body_started
        if _metadata_line(line, info, top):
            continue
        if top and not title_done and _looks_like_title(line):
            info["title"], info["title_line"] = line, True
            title_done = True
            continue
        if _is_body(line):
            body_started = True
            title_done = True      # a title comes before the body or not at all
        kept.append(raw.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    if not body.strip() and info.get("title") and info.get("title_line"):
        body = info["title"]        # a one-line article: its only line is the text, not a title
    _infer_date(body, info)
    return body, info


def _metadata_line(line: str, info: dict, top: bool) -> bool:
    """True when `line` is a metadata line (recorded in info) rather than article text."""
    m = SOURCE_LINE.match(line)
    if m:
        v = m.group("v").strip()
        if _is_url(v):
            info.setdefault("url", v)
            info.setdefault("outlet", _host(v))
        else:
            info.setdefault("outlet", v)
        return True
    if not top:
        return False
    m = INLINE_DATE.match(line)
    if m:
        _set_date(info, parse_date(m.group("v")))
        rest = m.group("rest").strip()
        if rest and "title" not in info:
            info["title"] = rest
        return True
    m = DATE_LINE.match(line)
    if m and parse_date(m.group("v")):
        _set_date(info, parse_date(m.group("v")))
        return True
    m = UPDATED.match(line)
    if m and len(line) < 120 and parse_date(m.group("v")):
        _set_date(info, parse_date(m.group("v")))
        if m.group("outlet"):
            info.setdefault("outlet_guess", m.group("outlet").strip())
        return True
    sd = _standalone_date(line)
    if sd:
        _set_date(info, sd[0])
        if sd[1] and sd[1][0].isupper():
            info.setdefault("outlet_guess", sd[1])
        return True
    return False


def _set_date(info: dict, d: Optional[date]) -> None:
    if d and "published" not in info:
        info["published"], info["published_from"] = d, "text"


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (3 <= len(words) <= 30 and len(line) <= 200 and not line.endswith((".", ",", ";", ":"))
            and not is_caption(line) and not _dateline(line) and any(c.islower() for c in line))


def _is_body(line: str) -> bool:
    words = len(line.split())
    return words > 30 or (words >= 8 and line.endswith((".", '."', ".”", "?", "!")))


def _infer_date(body: str, info: dict) -> None:
    """Without a dated line: a dateline ("PARIS, Feb. 11 (Xinhua) --", year from context), then a
    year hint from the latest full date in the text (captions included)."""
    dates = None
    if "published" not in info:
        for line in body.split("\n", 60)[:60]:
            m = _dateline(line)
            if not m:
                continue
            if m.group("agency"):
                info.setdefault("outlet_guess", m.group("agency").strip())
            mon = MONTHS[m.group("mon").lower()[:3]]
            day = int(m.group("d"))
            if m.group("y"):
                year = int(m.group("y"))
            else:
                dates = dates if dates is not None else [d for _, _, d in find_dates(body)]
                year = _year_from_context(mon, day, dates)
            if year:
                try:
                    info["published"], info["published_from"] = date(year, mon, day), "dateline"
                except ValueError:
                    pass
            break
    if "published" not in info:
        dates = dates if dates is not None else [d for _, _, d in find_dates(body)]
        if dates:
            info["year_hint"] = max(dates).year


def _year_from_context(mon: int, day: int, dates: list[date]) -> Optional[int]:
    best, best_gap = None, None
    for d in dates:
        for y in (d.year - 1, d.year, d.year + 1):
            try:
                gap = abs((date(y, mon, day) - d).days)
            except ValueError:
                continue
            if best_gap is None or gap < best_gap:
                best, best_gap = y, gap
    return best if best_gap is not None and best_gap <= 183 else None


def _article(art_id: str, shown: str, body: str, info: dict) -> Article:
    published = info.get("published")
    return Article(id=art_id, path=shown, text=body, title=info.get("title", "").strip(),
                   outlet=(info.get("outlet") or info.get("outlet_guess") or "").strip(),
                   url=info.get("url", "") or "", published=published,
                   published_from=info.get("published_from", "none") if published else "none",
                   year_hint=None if published else info.get("year_hint"))


# ================================================================ HTML

# trafilatura reads the main text and metadata of a page. On the 14 real pages of
# ../shared/corpora/html-news it keeps 36 of 41 body snippets and lets 4 of 43 furniture snippets through
# (tests/test_corpus.py::test_html_news_pages). Its cost grows faster than the page: a 1.1 MB page
# takes 0.7 s, a 3.5 MB one 3 s, an 11 MB one over 40 s; pages above TRAFILATURA_MAX_CHARS (far above
# any real article page: the largest of the 14 is 0.74 MB) are read by the linear fallback below.
TRAFILATURA_MAX_CHARS = 2_000_000
LIST_ITEM = re.compile(r"^- (?=\S)")      # trafilatura marks list items "- "
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())   # its warnings are not ours to print
    logging.getLogger(_name).propagate = False


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config
    config = use_config()
    # dates from the page's metadata only (meta tags, JSON-LD, <time>, the URL), never guessed from
    # the text: a date in the body is read by the dateline rules and says so
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    # a short page is still an article: without this, a page under 250 characters of text goes to
    # trafilatura's fallbacks, which run its paragraphs together (the 14 pages' figures are the same)
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def _trafilatura(html: str):
    """trafilatura's document (text, title, sitename, date, url), or None when it finds no article."""
    if len(html) > TRAFILATURA_MAX_CHARS:
        return None
    import trafilatura
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=True, deduplicate=False,
                                          config=_trafilatura_config())
    except (RecursionError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - a third-party parser on untrusted input: fall back, never crash
        return None
    return doc if doc is not None and (doc.text or "").strip() else None


def load_html(html: str, art_id: str, shown: str, boiler: list[re.Pattern]) -> Article:
    """An HTML page: main text, title, outlet and publication date from trafilatura; a page it finds
    no article in (or one too large for it) is read as the text of its paragraphs."""
    doc = _trafilatura(html)
    info: dict = {}
    if doc is not None:
        text = doc.text
        published = parse_date(doc.date, fuzzy=False) if doc.date else None
        if published:
            info["published"], info["published_from"] = published, "html-meta"
        title = re.sub(r"\s+", " ", doc.title or "").strip()
        site = re.sub(r"\s+", " ", doc.sitename or "").strip()
        if site and site == title:          # a page whose site name is its headline names no outlet
            site = ""
        for key, value in (("title", title), ("outlet", site or (doc.hostname or "")), ("url", doc.url or "")):
            if value:
                info[key] = clean_chars(value)
        lines = [LIST_ITEM.sub("", ln) for ln in text.split("\n")]
        if lines and title and lines[0].strip() == title:
            lines = lines[1:]               # the headline is the title, not body text
        text = "\n\n".join(ln for ln in lines if ln.strip())   # paragraphs apart, as in every format
    else:
        text, title, published = html_text(html)
        if title:
            info["title"] = title
        if published:
            info["published"], info["published_from"] = published, "html-meta"
    text, info = _scan_lines(clean_chars(text).split("\n"), info, boiler)
    return _article(art_id, shown, text, info)


META_DATES = {"article:published_time", "og:published_time", "datepublished", "date", "pubdate",
              "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date"}


class _PageText(HTMLParser):
    """The text of a page's blocks, without scripts, styles, navigation and the like. Linear in the page,
    and indifferent to nesting depth (no tree is built)."""
    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "header",
            "footer", "aside", "select", "dialog", "canvas", "object", "embed", "head", "h1"}
    BLOCKS = {"p", "div", "br", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figcaption",
              "dd", "dt", "td", "th", "tr", "section", "article", "main", "ul", "ol", "table", "body"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping: dict[str, int] = {}
        self.in_title = False
        self.date: Optional[date] = None

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in META_DATES and a.get("content") and not self.date:
                self.date = parse_date(a["content"], fuzzy=False)
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "title":
            self.in_title = False
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):  # noqa: ANN001
        if self.in_title:
            self.title.append(data)
        elif not any(self.skipping.values()):
            self.parts.append(data)


def html_text(html: str) -> tuple[str, str, Optional[date]]:
    """(text of the page's blocks, one paragraph a line; the <title>; a <meta> publication date)."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in "".join(parser.parts).split("\n"))
    return ("\n\n".join(ln for ln in lines if ln), re.sub(r"\s+", " ", "".join(parser.title)).strip(),
            parser.date)


# ================================================================ JSON and JSONL


def load_json(text: str, art_id: str, shown: str, boiler: list[re.Pattern]
              ) -> tuple[list[Article], list[Skipped]]:
    try:
        data = json.loads(text)
    except ValueError as e:
        return [], [Skipped(shown, f"invalid JSON: {e}")]
    except RecursionError:
        return [], [Skipped(shown, "JSON nested too deeply to read")]
    if isinstance(data, dict) and not _text_of(data):
        for key in ("articles", "items", "data", "records", "results"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        art, why = load_record(data, art_id, shown, boiler)
        return ([art], []) if art else ([], [Skipped(shown, why)])
    if not isinstance(data, list):
        return [], [Skipped(shown, "JSON is neither an object nor a list of objects")]
    if not data:
        return [], [Skipped(shown, "JSON list holds no records")]
    arts, skips = [], []
    for i, rec in enumerate(data):
        art, why = load_record(rec, f"{art_id}#{i}", shown, boiler)
        if art:
            arts.append(art)
        else:
            skips.append(Skipped(f"{shown}#{i}", why))
    return arts, skips


def load_jsonl(text: str, art_id: str, shown: str, boiler: list[re.Pattern]
               ) -> tuple[list[Article], list[Skipped]]:
    arts, skips = [], []
    for n, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            skips.append(Skipped(f"{shown}#{n}", f"invalid JSON on line {n + 1}: {e}"))
            continue
        except RecursionError:
            skips.append(Skipped(f"{shown}#{n}", f"JSON on line {n + 1} nested too deeply to read"))
            continue
        art, why = load_record(rec, f"{art_id}#{n}", shown, boiler)
        if art:
            arts.append(art)
        else:
            skips.append(Skipped(f"{shown}#{n}", why))
    if not arts and not skips:
        skips.append(Skipped(shown, "no JSON records"))
    return arts, skips


def _text_of(rec: dict) -> str:
    for key in TEXT_FIELDS:
        v = rec.get(key)
        if isinstance(v, list):
            v = "\n\n".join(str(x) for x in v if isinstance(x, (str, int, float)))
        if isinstance(v, str) and v.strip():
            return v
    return ""


def load_record(rec: Any, art_id: str, shown: str, boiler: list[re.Pattern]
                ) -> tuple[Optional[Article], str]:
    """One JSON object -> an Article (or None and why). JSON fields win over what the text says."""
    if not isinstance(rec, dict):
        return None, "JSON record is not an object"
    body = _text_of(rec)
    if not body:
        return None, f"JSON record has no text (expected one of: {', '.join(TEXT_FIELDS[:3])})"
    body = clean_chars(body)
    title = rec.get("title") or rec.get("headline")
    title = clean_chars(title).strip() if isinstance(title, str) else ""
    if re.search(r"</(p|div|article|br)\s*>|<br\s*/?>", body, re.I):
        art = load_html(body, art_id, shown, boiler)
    else:   # a record with a title: no line of its text is taken for one
        art = load_plain(body, art_id, shown, boiler, meta={"title": title} if title else None)
    if title:
        art.title = title
    url = rec.get("url") or rec.get("link")
    if isinstance(url, str) and url.strip():
        art.url = clean_chars(url).strip()
    for key in OUTLET_FIELDS:
        v = rec.get(key)
        if isinstance(v, dict):
            v = v.get("name") or v.get("title")
        if isinstance(v, str) and v.strip():
            v = clean_chars(v)
            art.outlet = _host(v) if _is_url(v) else v.strip()
            break
    else:
        if art.url and not art.outlet:
            art.outlet = _host(art.url)
    for key in DATE_FIELDS:
        d = parse_date(rec.get(key)) if rec.get(key) else None
        if d:
            art.published, art.published_from, art.year_hint = d, "json", None
            break
    return art, ""
