"""Read the project's YAML data files and report an editor's mistakes by file, line and field.

Every problem is collected into a DataError, so an editor sees all of them at once; the hooks turn a
DataError into a plain MkDocs error message (never a traceback).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ("de", "nl")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    column: int | None
    field: str
    message: str
    record: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        subject = ", ".join(filter(None, [f"record '{self.record}'" if self.record else "",
                                          f"field '{self.field}'" if self.field else ""]))
        return f"{where}: {subject + ': ' if subject else ''}{self.message}"


class DataError(Exception):
    """One or more problems in the data files; str() lists them one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data files:"
        return "\n".join([head] + [f"  {p}" for p in self.problems])


class YamlDocument:
    """A parsed YAML file plus the line and column of every key and list item."""

    def __init__(self, path: Path, display_name: str, data, positions: dict):
        self.path = path
        self.name = display_name
        self.data = data
        self._positions = positions

    def position(self, field_path: tuple) -> tuple[int | None, int | None]:
        """Line and column (1-based) of a field, or of its closest existing parent."""
        path = tuple(field_path)
        while path not in self._positions and path:
            path = path[:-1]
        return self._positions.get(path, (None, None))

    def problem(self, field_path: tuple, message: str, record: str | None = None) -> Problem:
        line, column = self.position(field_path)
        return Problem(self.name, line, column, format_field(field_path), message, record)


def format_field(field_path) -> str:
    out = ""
    for part in field_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _positions(node, path=(), out=None) -> dict:
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


# libyaml's parser when PyYAML has it (it does in its wheels): several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_BaseLoader):
    """SafeLoader that refuses a key given twice in one mapping (PyYAML silently keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' appears twice (first on line {seen[key]})",
                    key_node.start_mark)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def load_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    """Parse one YAML file; raise DataError naming file and line for anything unreadable."""
    name = display_name or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(name, None, None, "", "the file is missing")]) from None
    except OSError as error:
        raise DataError([Problem(name, None, None, "", f"the file cannot be read ({error.strerror})")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(name, line, None, "",
                                 "the file is not valid UTF-8 text; save it as UTF-8")]) from None
    loader = _UniqueKeyLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError([Problem(name, 1, None, "", "the file is empty")])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(filter(None, [error.context, error.problem])) or "invalid YAML"
        raise DataError([Problem(name, mark.line + 1 if mark else None,
                                 mark.column + 1 if mark else None, "",
                                 f"YAML syntax error: {message}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, None, None, "", f"YAML syntax error: {error}")]) from None
    finally:
        loader.dispose()
    return YamlDocument(path, name, data, _positions(node))


def check_bilingual(document: YamlDocument, value, field_path: tuple, problems: list,
                    record: str | None = None) -> None:
    """A bilingual text is a mapping with a non-blank string for every language."""
    if not isinstance(value, dict):
        problems.append(document.problem(field_path, "expected a German and a Dutch text "
                                         "(keys 'de' and 'nl')", record))
        return
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.append(document.problem(field_path + (lang,) if lang in value else field_path,
                                             f"the {'German' if lang == 'de' else 'Dutch'} text "
                                             f"('{lang}') is missing or blank", record))
    for extra in sorted(set(value) - set(LANGUAGES)):
        problems.append(document.problem(field_path + (extra,),
                                         f"unknown language '{extra}'; expected only 'de' and 'nl'",
                                         record))
