"""Validate a data file against its JSON Schema (data/<name>.schema.json) and say what is wrong in
words an editor understands, with file, line, column, record and field."""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from .languages import LANGUAGE_NAMES
from .problems import Problem
from .yamlfile import YamlDocument

_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_EXAMPLES = {"key": "a key such as 'machine_building' (lower-case letters, digits, '_')",
             "id": "lower-case letters, digits and hyphens (at most 60), e.g. 'metallbau-twente'",
             "slug": "lower-case letters, digits and hyphens, e.g. 'succesfactoren'",
             "url": "the address of a public web page starting with https://",
             "email": "an e-mail address such as info@example.org",
             "locale": "a language and region such as de_DE",
             "file": "a file name of lower-case letters, digits and hyphens, e.g. wegweiser-de.pdf"}
_TYPE_NAMES = {"string": "a text", "object": "a mapping (fields with values)", "array": "a list",
               "integer": "a whole number", "number": "a number", "boolean": "true or false", "null": "nothing"}
_PY_TYPES = {str: "string", dict: "object", list: "array", int: "integer", float: "number", bool: "boolean",
             type(None): "null"}


def _expand_refs(node, file: str, read, seen: tuple[str, ...]):
    """The schema with every $ref replaced by what it points to: jsonschema then validates each of a
    thousand pilots without looking a reference up again (the lookups were half its time).
    A $ref beside other keywords becomes an allOf, which reports the same errors. A reference into
    itself (a page's children are pages) stays a reference, written so the validator can find it."""
    if isinstance(node, list):
        return [_expand_refs(item, file, read, seen) for item in node]
    if not isinstance(node, dict):
        return node
    rest = {key: _expand_refs(value, file, read, seen) for key, value in node.items() if key != "$ref"}
    if "$ref" not in node:
        return rest
    target_file, _, pointer = node["$ref"].partition("#")
    target_file = target_file or file  # '#/$defs/…' points into the file that holds it
    address = f"{target_file}#{pointer}"
    if address in seen:
        return {**rest, "$ref": address if target_file != seen[0].partition("#")[0] else f"#{pointer}"}
    target = read(target_file)
    for part in filter(None, pointer.split("/")):
        target = target[part]
    expanded = _expand_refs(target, target_file, read, (*seen, address))
    return {**rest, "allOf": [*rest.get("allOf", []), expanded]} if rest else expanded


@cache
def _validator(schema_dir: Path, name: str) -> jsonschema.Draft202012Validator:
    @cache
    def read(file: str) -> dict:
        return json.loads((schema_dir / file).read_text(encoding="utf-8"))
    file = f"{name}.schema.json"
    registry: Registry = Registry().with_resources(
        (other.name, Resource.from_contents(read(other.name))) for other in schema_dir.glob("*.schema.json"))
    return jsonschema.Draft202012Validator(_expand_refs(read(file), file, read, (f"{file}#",)), registry=registry)


def record_of(data, path) -> str | None:
    """The record a field belongs to: the innermost mapping on the path with an 'id' or 'key'."""
    record, value = None, data
    for part in path:
        if isinstance(value, dict) and isinstance(value.get("id") or value.get("key"), str):
            record = value.get("id") or value.get("key")
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(value, dict) and isinstance(value.get("id") or value.get("key"), str):
        record = value.get("id") or value.get("key")
    return record


def _type_name(name) -> str:
    if isinstance(name, list):
        return " or ".join(_TYPE_NAMES.get(n, str(n)) for n in name)
    return _TYPE_NAMES.get(name, name)


def _text_message(kind: str, text: str) -> str:
    """Why a text does not fit a 'line' or 'paragraphs' field."""
    if not text.strip():
        return "the text is blank"
    if "<" in text or ">" in text:
        return "'<' and '>' are not allowed here (no HTML in data); write the text without them"
    if _ENTITY.search(text):
        return "HTML entities such as '&amp;' are not allowed; write the character itself"
    if kind == "line" and "\n" in text.strip():
        return "expected one line of text"
    if _CONTROL.search(text):
        return "the text contains an invisible control character; retype the text around it"
    return "the text is not allowed here"


def explain(error: jsonschema.ValidationError) -> tuple[tuple, str]:
    """A schema error as (field path, message an editor understands)."""
    path = tuple(error.absolute_path)
    kind, value = error.validator, error.validator_value
    schema: dict = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        name = re.match(r"'(.+?)' is a required property", error.message)
        missing = name.group(1) if name else "?"
        if missing in LANGUAGE_NAMES:
            return path, f"the {LANGUAGE_NAMES[missing]} text ('{missing}') is missing"
        return path, f"the field '{missing}' is missing"
    if kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        if set(allowed) == set(LANGUAGE_NAMES):
            return path + (extra[0],), f"unknown language '{extra[0]}'; expected only 'de' and 'nl'"
        return path + (extra[0],), f"unknown field '{extra[0]}'; expected one of: {', '.join(allowed)}"
    if kind == "type":
        return path, f"expected {_type_name(value)}, found {_type_name(_PY_TYPES.get(type(error.instance), '?'))}"
    if kind == "enum":
        return path, f"expected one of {', '.join(str(v) for v in value)}, found {error.instance!r}"  # type: ignore[union-attr]
    if kind in ("minItems", "maxItems"):
        word = "at least" if kind == "minItems" else "at most"
        return path, f"expected {word} {value} entr{'y' if value == 1 else 'ies'}"
    if kind == "uniqueItems":
        return path, "an entry appears twice in this list"
    if kind in ("minimum", "maximum"):
        return path, (f"expected a number between {schema.get('minimum')} and {schema.get('maximum')}, "
                      f"found {error.instance}")
    if kind in ("pattern", "maxLength", "minLength") and "x-kind" in schema:
        if schema["x-kind"] in ("line", "paragraphs") and isinstance(error.instance, str):
            return path, _text_message(schema["x-kind"], error.instance)
        return path, f"expected {_EXAMPLES[schema['x-kind']]}, found {error.instance!r}"
    if kind in ("anyOf", "oneOf") and schema.get("description"):
        return path, f"expected {schema['description'][0].lower()}{schema['description'][1:]}"
    return path, error.message


def schema_problems(document: YamlDocument, schema_dir: Path, name: str) -> list[tuple[tuple, Problem]]:
    """Every way the document breaks data/<name>.schema.json, in the order of the file, each with
    the path of the field concerned."""
    problems = []
    for error in _validator(schema_dir, name).iter_errors(document.data):
        path, message = explain(error)
        if "propertyNames" in error.schema_path:
            path += (error.instance,)  # the key itself is wrong: point at its own line
        problems.append((path, document.problem(path, message, record_of(document.data, path))))
    return sorted(problems, key=lambda found: (found[1].line or 0, found[1].column or 0))
