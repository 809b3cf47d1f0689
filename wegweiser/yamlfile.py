"""Read one YAML file as editors write it: refuse what is hostile or ambiguous, keep the line and
column of every value so that each problem can be named where it stands.

Refused before anything is composed: anchors and aliases (a few hundred bytes of aliases expand to
gigabytes), tags, keys given twice, files or node counts beyond generous limits.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Problem, format_field

MAX_BYTES = 16_000_000  # data/pilots.yaml with 1,000 pilots is 2–5 MB, depending on how it is written
MAX_NODES = 500_000
# libyaml's parser when PyYAML has it (it does in its wheels): several times faster.
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NODE_EVENTS = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
_STANDARD_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                  "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq",
                  "tag:yaml.org,2002:map"}


@dataclass
class YamlDocument:
    """A parsed YAML file plus the line and column of every key and list item."""
    path: Path
    name: str  # as shown to editors, e.g. 'data/pilots.yaml'
    data: Any
    positions: dict[tuple, tuple[int, int]] = field(repr=False, default_factory=dict)

    def position(self, field_path) -> tuple[int | None, int | None]:
        """Line and column (1-based) of a field, or of its closest existing parent."""
        path = tuple(field_path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (None, None))

    def problem(self, field_path, message: str, record: str | None = None) -> Problem:
        line, column = self.position(field_path)
        return Problem(self.name, line, message, column, format_field(field_path), record)


def _mark_problem(name: str, mark, message: str) -> DataError:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return DataError([Problem(name, line, message, column)])


def _refuse_hostile(text: str, name: str) -> None:
    """Walk the parser's events once: no anchors, aliases or custom tags, not too many nodes."""
    for count, event in enumerate(yaml.parse(text, Loader=_Loader), start=1):
        if isinstance(event, yaml.AliasEvent) or (isinstance(event, _NODE_EVENTS) and event.anchor):
            raise _mark_problem(name, event.start_mark, "anchors and aliases ('&name', '*name') are not "
                                "allowed in the guide's data; write each value out in full")
        if isinstance(event, _NODE_EVENTS) and event.tag not in _STANDARD_TAGS:
            raise _mark_problem(name, event.start_mark, f"the tag '{event.tag}' is not allowed; write a "
                                "plain value")
        if count > MAX_NODES:
            raise _mark_problem(name, event.start_mark, f"the file has more than {MAX_NODES:,} values; "
                                "split it or shorten it")


class _UniqueKeyLoader(_Loader):
    """A safe loader that refuses a key given twice in one mapping (PyYAML silently keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' appears twice (first on line {seen[key]})",
                    key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def _positions(node, path: tuple = (), out: dict | None = None) -> dict:
    out = {} if out is None else out
    out.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _positions(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[path + (index,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
            _positions(item, path + (index,), out)
    return out


def parse_yaml(text: str, name: str, path: Path | None = None) -> YamlDocument:
    """Parse YAML text; raise DataError naming file, line and column for anything refused."""
    try:
        _refuse_hostile(text, name)
        loader = _UniqueKeyLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise DataError([Problem(name, 1, "the file is empty")])
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        message = " ".join(filter(None, [error.context, error.problem])) or "invalid YAML"
        raise _mark_problem(name, error.problem_mark or error.context_mark,
                            f"YAML syntax error: {message}") from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, None, f"YAML syntax error: {error}")]) from None
    return YamlDocument(path or Path(name), name, data, _positions(node))


def load_yaml(path: Path, name: str | None = None) -> YamlDocument:
    """Read and parse one YAML file; raise DataError for anything unreadable."""
    name = name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(name, None, "the file is missing")]) from None
    except OSError as error:
        raise DataError([Problem(name, None, f"the file cannot be read ({error.strerror})")]) from None
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(name, None, f"the file is larger than {MAX_BYTES // 1_000_000} MB")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(name, line, "the file is not valid UTF-8 text; save it as UTF-8")]) from None
    return parse_yaml(text, name, path)
