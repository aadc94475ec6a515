"""Hostile corpora and rule files, built in a temporary folder at test time (tests/test_fuzz.py).

build_corpus(folder) writes two good articles whose death tolls contradict each other, next to one
file for every way a corpus has crashed, hung or leaked before: JSON nested past the parser's depth,
lone surrogates, a file name that is not UTF-8, numbers hundreds of digits long, 1e309, a named pipe,
a socket, symlinks out of the corpus and to /dev/zero, a mostly-UTF-8 file with bad bytes, Markdown
front matter (also an unsafe YAML tag), a dateline in accented capitals, HTML nested 100,000 deep,
an article over spaCy's max_length in one paragraph.
It returns what each file must become: "read" (an article) or "skipped" (with a reason).
"""
from __future__ import annotations

import json
import os
import random
import socket
from pathlib import Path

GOOD_A = ("Title: Fire in the old town\nDate: 2024-03-04\nSource: Daily A\n\n"
          "Twelve people were killed in the fire. Firefighters fought the blaze for hours.\n")
GOOD_B = ("Title: Deadly blaze\nDate: 2024-03-04\nSource: Daily B\n\n"
          "Thirty people were killed in the fire. The cause of the blaze is not yet known.\n")
BODY = "The council met in the old hall while residents waited outside for news."

WORDS = ("the council met again in the old hall while residents waited outside for news about the plans "
         "for the river district and the market square which many people said had been neglected").split()


def prose(rng: random.Random, n: int) -> str:
    """A sentence with no digit and no trigger word: it is never sent to the parser."""
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def write_good(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good_a.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "good_b.txt").write_text(GOOD_B, encoding="utf-8")


def build_corpus(folder: Path, outside: Path) -> dict[str, str]:
    """The hostile corpus in `folder` (`outside` is a folder next to it for links to point into).
    Returns {file name: "read" | "skipped"}."""
    write_good(folder)
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text("Title: Secret\n\nThe password of the server is hunter2 and 12 "
                                        "people know it.\n", encoding="utf-8")
    expect = {"good_a.txt": "read", "good_b.txt": "read"}

    def put(name: str, data: str | bytes, what: str) -> None:
        p = folder / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = what

    put("deep.json", "[" * 100_000 + "]" * 100_000, "skipped")
    put("deep_text.json", '{"text": ' + "[" * 5_000 + "]" * 5_000 + "}", "skipped")
    deep_line = json.dumps({"text": "x"})[:-1] + ', "n": ' + "[" * 5_000 + "]" * 5_000 + "}"
    put("records.jsonl", json.dumps({"title": "Ok", "text": BODY}) + "\n" + deep_line + "\n", "read")
    put("surrogates.json", '{"title": "bad \\ud800 title", "source": "\\udfff", '
        '"text": "Ten people died \\udc00 in the fire on Monday, officials said."}', "read")
    put("bigint.json", '{"text": "Some people died.", "date": ' + "9" * 5_000 + "}", "skipped")
    put("longnumber.txt", "Title: Long\nDate: 2024-03-04\n\n" + "9" * 400 + " people were killed in the fire.\n",
        "read")
    put("inf.json", '{"text": "1e309 people were killed in the fire, officials said.", "date": 1e309}', "read")
    put("inf.txt", "Title: Inf\nDate: 2024-03-04\n\n1e309 people were killed in the fire. About 1e308 "
        "dollars and 10^400 votes were counted.\n", "read")
    bad_name = os.fsdecode(b"bad\xffname.txt")
    (folder / bad_name).write_text("Title: Odd name\n\n" + BODY + "\n", encoding="utf-8")
    expect[bad_name] = "read"
    put("mostly_utf8.txt", ("Title: Café\nDate: 2024-03-04\n\nThe café near the station was full. ").encode()
        + b"A broken \xff\xfe byte sits in this sentence.\n", "read")
    put("front.md", "---\ntitle: Front matter title\ndate: 2024-03-04\ntags: [a, b]\n---\n\n" + BODY + "\n",
        "read")
    put("front_unsafe.md", "---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n\n"
        + BODY + "\n", "read")
    put("dateline.txt", "SÃO PAULO, March 3 -- " + BODY + " A report dated March 1, 2024 was read.\n", "read")
    put("deep.html", "<div>" * 100_000 + "<p>" + BODY + "</p>" + "</div>" * 100_000, "read")
    put("binary.txt", bytes(range(256)) * 20, "skipped")
    put("empty.md", "  \n", "skipped")
    rng = random.Random(3)
    put("one_paragraph.txt", "Title: One paragraph\n\n" + " ".join(prose(rng, 12) for _ in range(12_000))
        + " Officials said 12 people were killed in the fire.\n", "read")
    os.mkfifo(folder / "pipe.txt")
    expect["pipe.txt"] = "skipped"
    try:
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(folder / "sock.txt"))
        s.close()
        expect["sock.txt"] = "skipped"
    except OSError:      # a path too long for AF_UNIX: no socket case here
        pass
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink(outside / "secret.txt", folder / "secret.txt")
    os.symlink(outside, folder / "outside_dir")
    os.symlink("good_a.txt", folder / "inside_link.txt")
    os.symlink("no_such_target.txt", folder / "broken_link.txt")
    expect.update({"passwd.txt": "skipped", "zero.txt": "skipped", "secret.txt": "skipped",
                   "outside_dir": "skipped", "inside_link.txt": "read", "broken_link.txt": "skipped"})
    return expect


def bomb(levels: int = 9) -> str:
    """Billion laughs: 9 levels of 9 aliases, 9^9 strings once expanded."""
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghijklmnop"[:levels - 1]:
        text += f"{name}: &{name} [" + ",".join(["*" + prev] * 9) + "]\n"
        prev = name
    return text


def write_slow_cases(folder: Path) -> dict[str, int]:
    """The three large inputs of the slow tests; returns their sizes in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    parts, size, k = [], 0, 0
    while size < 50 * 2**20:
        para = " ".join(prose(rng, rng.randint(8, 30)) for _ in range(8))
        if len(parts) % 2000 == 0:
            para += f" Officials said {12 + k % 3} people were killed in the fire."
            k += 1
        parts.append(para)
        size += len(para) + 2
    (folder / "huge.txt").write_text("Title: A long record\nDate: 2024-03-04\n\n" + "\n\n".join(parts),
                                     encoding="utf-8")
    paras = []
    for i in range(100_000):
        p = prose(rng, rng.randint(8, 20))
        if i % 10_000 == 0:
            p += f" Officials said {12 + i % 3} people were killed in the fire."
        paras.append(f"<p>{p}</p>")
    (folder / "many.html").write_text(
        "<html><head><title>Many paragraphs</title><meta property='article:published_time' "
        "content='2024-03-04'></head><body><article>" + "\n".join(paras) + "</article></body></html>",
        encoding="utf-8")
    with open(folder / "many.jsonl", "w", encoding="utf-8") as fh:
        for i in range(20_000):
            text = " ".join(prose(rng, rng.randint(8, 20)) for _ in range(5))
            if i % 1000 == 0:
                text += f" Officials said {12 + i % 3} people were killed in the fire."
            fh.write(json.dumps({"title": f"Record {i}", "date": "2024-03-04", "text": text}) + "\n")
    return {p.name: p.stat().st_size for p in folder.iterdir()}
