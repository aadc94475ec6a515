"""Reading files nobody vouches for: articles and rule files.

    read_regular(path, limit) -> bytes       (raises Unreadable with a reason a person can read)
    load_yaml(text, loader)                  (a bounded YAML load: depth, aliases, size; raises YamlRefused)

Only regular files are read: a named pipe, a socket or a device is refused before anything blocks on it
(the file is opened non-blocking and checked with fstat, so a path swapped after the check is caught too).
YAML is parsed with a SafeLoader subclass that refuses documents nested deeper than MAX_YAML_DEPTH and
documents whose aliases would expand past MAX_YAML_NODES nodes (a "billion laughs" file is a few hundred
bytes that expands to 10^9 nodes).
"""
from __future__ import annotations

import os
import stat
from typing import Any

import yaml

# A rule file nests about 8 levels (claims > rule > patterns > pattern > token > IN list); 64 is far
# beyond any real file and far below Python's recursion limit.
MAX_YAML_DEPTH = 64
# The built-in default_rules.yml is about 12,000 nodes; a user file 100 times that size is refused.
MAX_YAML_NODES = 1_000_000
MAX_YAML_ALIASES = 1_000


class Unreadable(Exception):
    """A file that is not read; str(e) is the reason shown in `skipped` or the error line."""


class YamlRefused(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Never blocks on a FIFO or a device."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise Unreadable(f"unreadable: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable(f"not a regular file ({file_kind(st.st_mode)})")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise Unreadable(f"unreadable: {e.strerror or e}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):        # swapped for a pipe between the check and the open
            raise Unreadable(f"not a regular file ({file_kind(st.st_mode)})")
        if st.st_size > limit:
            raise Unreadable(f"too large ({_mb(st.st_size)}; the limit is {_mb(limit)})")
        try:
            data = fh.read(limit + 1)
        except OSError as e:
            raise Unreadable(f"unreadable: {e.strerror or e}") from None
    if len(data) > limit:                       # grew while being read
        raise Unreadable(f"too large (over {_mb(limit)})")
    return data


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


# ---------------------------------------------------------------- bounded YAML


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses deep nesting and alias bombs while composing, before any object is built."""

    def __init__(self, stream: Any):
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_YAML_ALIASES:
                raise YamlRefused(f"more than {MAX_YAML_ALIASES} aliases (*name)", self.peek_event().start_mark.line + 1)
        self._depth += 1
        if self._depth > MAX_YAML_DEPTH:
            raise YamlRefused(f"nested deeper than {MAX_YAML_DEPTH} levels", self.peek_event().start_mark.line + 1)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_node(self):  # noqa: ANN201
        node = super().get_single_node()
        if node is not None:
            _check_expansion(node)
        return node


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand past MAX_YAML_NODES nodes. Sizes are memoized per node,
    so this costs the number of distinct nodes, however large the expansion would be."""
    size: dict[int, int] = {}
    entered: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in size:
            continue
        children = _children(node)
        if not done:
            if id(node) in entered:             # its own descendant: "&a [*a]"
                raise YamlRefused("a recursive alias (a value that contains itself)", node.start_mark.line + 1)
            entered.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in size)
            continue
        total = 1 + sum(size.get(id(c), 1) for c in children)
        if total > MAX_YAML_NODES:
            raise YamlRefused(f"aliases here expand to more than {MAX_YAML_NODES:,} values (an alias bomb?)",
                              node.start_mark.line + 1)
        size[id(node)] = total


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [x for pair in node.value for x in pair]
    return []


def load_yaml(text: str, loader: type[BoundedLoader] = BoundedLoader) -> Any:
    """yaml.load with a bounded safe loader. Raises YamlRefused or yaml.YAMLError."""
    return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
