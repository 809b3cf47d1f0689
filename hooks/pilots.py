"""The pilot partnerships in data/pilots.yaml: read, validate against the JSON Schema, then check
what a schema cannot state (unique ids, keys known in data/labels.yaml, safe text).

Every problem is reported at once with file, line, column, record id and field.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from datafiles import LANGUAGES, DataError, YamlDocument, load_yaml
from sitedata import SiteData

PILOTS_FILE = "data/pilots.yaml"
SCHEMA_FILE = "data/pilots.schema.json"

# Which labels group each key field refers to.
KEY_FIELDS = {"sector": "sectors", "form": "forms", "step_reached": "steps"}
KEY_LIST_FIELDS = {"benefits": "benefits", "success_factors": "success_factors",
                   "risk_factors": "risk_factors"}
PARTNER_KEY_FIELDS = {"trade": "trades", "size": "size_bands", "region": "regions"}

# Text from YAML must never become markup. One-line fields are escaped on output; these patterns
# are refused outright because MkDocs and the theme decode titles and descriptions again.
_RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_ANGLE = re.compile(r"[<>]")
_HEADING = re.compile(r"^\s{0,3}#", re.M)
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+)", re.M)
_SAFE_SCHEMES = ("http", "https", "mailto")


@dataclass
class Pilot:
    id: str
    record: dict  # the validated YAML record

    def __getitem__(self, key):
        return self.record[key]


@dataclass
class PilotData:
    notice: dict | None
    pilots: list[Pilot]


def load_schema(root: Path) -> dict:
    return json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))


def load_pilots(root: Path, site: SiteData) -> PilotData:
    document = load_yaml(root / PILOTS_FILE, PILOTS_FILE)
    problems = schema_problems(document, load_schema(root)) + rule_problems(document, site)
    if problems:
        raise DataError(problems)
    records = document.data["pilots"]
    return PilotData(document.data.get("notice"), [Pilot(r["id"], r) for r in records])


def _record_of(document: YamlDocument, path) -> str | None:
    path = list(path)
    if len(path) >= 2 and path[0] == "pilots" and isinstance(path[1], int):
        records = document.data.get("pilots") if isinstance(document.data, dict) else None
        if isinstance(records, list) and path[1] < len(records) and isinstance(records[path[1]], dict):
            return str(records[path[1]].get("id") or f"pilot {path[1] + 1}")
        return f"pilot {path[1] + 1}"
    return None


def _explain(error: jsonschema.ValidationError) -> tuple[tuple, str]:
    """A schema error as (field path, message an editor understands)."""
    path = tuple(error.absolute_path)
    kind, value = error.validator, error.validator_value
    if kind == "required":
        # jsonschema reports each missing field as its own error: "'form' is a required property"
        name = re.match(r"'(.+?)' is a required property", error.message)
        return path, f"the field '{name.group(1)}' is missing" if name else error.message
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(error.schema.get("properties", {}))
        return path + (extra[0],), f"unknown field '{extra[0]}'; expected one of: {allowed}"
    if kind == "type":
        return path, f"expected {_type_name(value)}, found {_type_name(type(error.instance).__name__)}"
    if kind == "enum":
        return path, f"expected one of {', '.join(map(str, value))}, found {error.instance!r}"
    if kind == "minItems":
        return path, f"expected at least {value} entr{'y' if value == 1 else 'ies'}"
    if kind == "uniqueItems":
        return path, "an entry appears twice in this list"
    if kind in ("pattern", "minLength", "maxLength"):
        return path, _pattern_message(path, error)
    return path, error.message


def _type_name(name) -> str:
    names = {"string": "a text", "str": "a text", "object": "a mapping (fields with values)",
             "dict": "a mapping (fields with values)", "array": "a list", "list": "a list",
             "integer": "a whole number", "int": "a whole number", "NoneType": "nothing",
             "bool": "true/false", "float": "a decimal number"}
    if isinstance(name, list):
        return " or ".join(names.get(n, n) for n in name)
    return names.get(name, name)


def _pattern_message(path: tuple, error) -> str:
    field = next((p for p in reversed(path) if isinstance(p, str) and p not in LANGUAGES), "")
    if field == "id":
        return "expected lower-case letters, digits and hyphens (at most 60), e.g. 'metallbau-twente'"
    if isinstance(error.instance, str) and not error.instance.strip():
        return "the text is blank"
    if isinstance(error.instance, str) and "\n" in error.instance.strip():
        return "expected one line of text"
    if error.validator == "pattern" and error.validator_value.startswith("^[a-z]"):
        return f"expected a key such as 'machine_building', found {error.instance!r}"
    return error.message


def schema_problems(document: YamlDocument, schema: dict) -> list:
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path))):
        path, message = _explain(error)
        problems.append(document.problem(path, message, _record_of(document, path)))
    return problems


def rule_problems(document: YamlDocument, site: SiteData) -> list:
    """Checks a schema cannot state; fields of the wrong shape are left to the schema's messages."""
    problems = []

    def add(path, message):
        problems.append(document.problem(path, message, _record_of(document, path)))

    seen = {}
    records = document.data.get("pilots") if isinstance(document.data, dict) else None
    for index, record in enumerate(records if isinstance(records, list) else []):
        if not isinstance(record, dict):
            continue
        where = ("pilots", index)
        pilot_id = record.get("id")
        if isinstance(pilot_id, str):
            if pilot_id in seen:
                add(where + ("id",), f"the id '{pilot_id}' is already used by pilot {seen[pilot_id] + 1}")
            seen.setdefault(pilot_id, index)
        for field, group in KEY_FIELDS.items():
            _check_key(site, group, record.get(field), where + (field,), add)
        for field, group in KEY_LIST_FIELDS.items():
            for position, key in enumerate(_list(record.get(field))):
                _check_key(site, group, key, where + (field, position), add)
        _check_partners(site, _list(record.get("partners")), where, add)
        lessons = record.get("lessons") if isinstance(record.get("lessons"), dict) else {}
        if all(isinstance(lessons.get(lang), list) for lang in LANGUAGES) \
                and len(lessons["de"]) != len(lessons["nl"]):
            add(where + ("lessons",), f"the German list has {len(lessons['de'])} lessons, "
                                      f"the Dutch list {len(lessons['nl'])}; expected the same")
        for lang in LANGUAGES:
            for field in ("title", "summary"):
                _check_line(_text(record.get(field), lang), where + (field, lang), add)
            for position, lesson in enumerate(_list(lessons.get(lang))):
                _check_line(lesson, where + ("lessons", lang, position), add)
            _check_markdown(_text(record.get("story"), lang), where + ("story", lang), add)
    notice = document.data.get("notice") if isinstance(document.data, dict) else None
    for lang in LANGUAGES:
        _check_line(_text(notice, lang), ("notice", lang), add)
    return problems


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _text(value, lang: str):
    return value.get(lang) if isinstance(value, dict) else None


def _check_partners(site: SiteData, partners: list, where: tuple, add) -> None:
    countries = set()
    for position, partner in enumerate(partners):
        if not isinstance(partner, dict):
            continue
        for field, group in PARTNER_KEY_FIELDS.items():
            _check_key(site, group, partner.get(field), where + ("partners", position, field), add)
        region = site.regions.get(partner.get("region"))
        if region and partner.get("country") in ("DE", "NL") and region.country != partner["country"]:
            add(where + ("partners", position, "region"),
                f"the region '{partner['region']}' lies in {region.country}, "
                f"but the partner's country is {partner['country']}")
        countries.add(partner.get("country"))
    if len(partners) >= 2 and not {"DE", "NL"} <= countries:
        add(where + ("partners",), "expected at least one partner from DE and one from NL")


def _check_key(site: SiteData, group: str, key, path, add) -> None:
    if not isinstance(key, str) or not key:
        return  # the schema reports a missing or mistyped key
    known = ([s.key for s in site.steps] if group == "steps"
             else list(site.regions) if group == "regions" else list(site.labels[group]))
    if key not in known:
        add(path, f"unknown key '{key}'; expected one of the {group} in data/labels.yaml: "
                  f"{', '.join(known)}")


def _check_line(text, path, add) -> None:
    if not isinstance(text, str):
        return
    if _ANGLE.search(text):
        add(path, "'<' and '>' are not allowed here (no HTML in data); write the text without them")
    elif _ENTITY.search(text):
        add(path, "HTML entities such as '&amp;' are not allowed; write the character itself")


def _check_markdown(text, path, add) -> None:
    if not isinstance(text, str):
        return
    if _RAW_HTML.search(text):
        add(path, "raw HTML is not allowed in a story; write plain Markdown (paragraphs, lists, "
                  "**bold**, *italic*, links)")
    if _ENTITY.search(text):
        add(path, "HTML entities such as '&lt;' are not allowed; write the character itself")
    if "{" in text or "}" in text:
        add(path, "curly braces are not allowed in a story (they would set HTML attributes)")
    if _HEADING.search(text):
        add(path, "headings are not allowed in a story; the page provides them – use paragraphs")
    for match in _LINK_TARGET.finditer(text):
        target = html.unescape(match.group(1) or match.group(2) or "").strip()
        scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", target)
        if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
            add(path, f"links starting with '{scheme.group(1)}:' are not allowed; links must start "
                      f"with https://, http:// or mailto:")

