"""The web editor at /admin/ (Decap CMS): its configuration and the files the built site needs.

Plain functions over plain data: `cms_config` makes the editor's configuration from the data files'
JSON Schemas, the labels, the page table's chapters and the editor's own words (data/cms.yaml);
`write_admin` puts the editor into a built site (hooks/site_events.py, once every page is written).

What is edited how:
- chapters: one collection over docs/<lang>/ (subfolders through `nested`), German and Dutch side by
  side (i18n multiple_folders); the body is edited as Markdown text, never re-serialised;
- data/pilots.yaml, data/glossary.yaml and data/site.yaml: forms made from their schemas, saved by
  webeditor/formats.js, which changes only the YAML nodes an editor changed (comments and layout stay);
- every save is a branch and a pull request (publish_mode: editorial_workflow).
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .languages import LANGUAGES
from .models import FIELD_GROUPS
from .problems import DataError
from .schema import schema_problems
from .yamlfile import load_yaml

ADMIN_DIR = "admin"
CHAPTERS = "chapters"  # collection of the chapter pages
DATA = "data"  # collection of the pilots and the glossary, one entry per file
SITE = "site"  # collection of data/site.yaml (a format of its own)
DATA_FILES = {"pilots": "data/pilots.yaml", "glossary": "data/glossary.yaml", "site": "data/site.yaml"}
# The formats registered by webeditor/admin.js (webeditor/formats.js): both keep what an editor did not touch.
MARKDOWN_FORMAT = "wegweiser-markdown"
YAML_FORMAT = "wegweiser-yaml"
SITE_FORMAT = "wegweiser-site"
# Groups of data/site.yaml that are not facts of the publisher: the brand's colours and logo file
# are changed by developers (they need a contrast check and a file), not in the form.
DEVELOPERS_GROUPS = ("brand",)
# Which labels group offers the choices of a field, by field name (wegweiser.data checks the same).
CHOICE_GROUPS = FIELD_GROUPS
# Enumerations whose labels are words of the page frame (data/labels.yaml ui).
UI_CHOICES = {"flag": "glossary_flag_{}"}
# Admin files from npm: Decap's bundle with its lazily loaded chunks, and the YAML library for the
# browser (ES modules). Source maps stay out.
NPM_FILES = (("decap-cms/dist", "decap", ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")),
             ("yaml/browser", "yaml", ("**/*.js",)), ("yaml", "yaml", ("LICENSE",)))
OWN_FILES = Path(__file__).resolve().parents[1] / "webeditor"  # index.html, admin.js, formats.js, admin.css

def _both(words: dict, separator: str = " · ") -> str:
    """One text for the editor's interface: German and Dutch together (the interface has one language)."""
    if words["de"] == words["nl"]:
        return words["de"]
    return f"{words['de']}{separator}{words['nl']}"


def flat_references(labels: dict) -> dict:
    """'{{ group.key }}' references of data/labels.yaml -> {de, nl}, for headings in the page list."""
    found = {f"steps.{step['key']}": step["title"] for step in labels.get("steps", [])}
    for group, entries in labels.items():
        if isinstance(entries, dict):
            for key, value in entries.items():
                if isinstance(value, dict) and all(isinstance(value.get(lang), str) for lang in LANGUAGES):
                    found[f"{group}.{key}"] = {lang: value[lang] for lang in LANGUAGES}
    return found


def chapters_of(table) -> list[dict]:
    """Every chapter of the page table with its title per language, in navigation order:
    [{"file": "erfolgsweg/ziele.md", "title": {"de": …, "nl": …}}]."""
    return [{"file": page.file, "title": dict(page.title)} for page in table if page.kind == "chapter"]


def load_words(root: Path) -> dict:
    """data/cms.yaml, read and checked like every data file."""
    document = load_yaml(root / "data" / "cms.yaml", "data/cms.yaml")
    problems = [problem for _, problem in schema_problems(document, root / "data", "cms")]
    if problems:
        raise DataError(problems)
    return document.data


def inline_common(schema: dict, common: dict) -> dict:
    """A schema with the shared definitions of common.schema.json taken in, so that every $ref is
    local ('#/$defs/common/…')."""
    text = json.dumps(common["$defs"]).replace('"#/$defs/', '"#/$defs/common/')
    merged = json.loads(json.dumps(schema).replace('"common.schema.json#/$defs/', '"#/$defs/common/'))
    merged.setdefault("$defs", {})["common"] = json.loads(text)
    return merged


def entry_address(source: str) -> str:
    """The web editor's address (after /admin/) of the entry that edits a source file."""
    for name, file in DATA_FILES.items():
        if source == file:
            return f"#/collections/{SITE if name == SITE else DATA}/entries/{name}"
    match = re.fullmatch(r"docs/(?:de|nl)/(.+)\.md", source)
    if not match:
        raise ValueError(f"no web editor entry for {source}")
    return f"#/collections/{CHAPTERS}/entries/{match.group(1)}"


class _Words:
    """Field names and help texts from data/cms.yaml, both languages in one text."""

    def __init__(self, words: dict, labels: dict):
        self.words = words
        self.labels = labels
        self.missing: list[str] = []

    def collection(self, key: str) -> str:
        return _both(self.words["collections"][key])

    def language(self, lang: str) -> str:
        return _both(self.words["languages"][lang])

    def label(self, path: str, fallback: str) -> str:
        entry = self.words["fields"].get(path)
        if not entry or "label" not in entry:
            self.missing.append(path)
            return fallback
        return _both(entry["label"])

    def hint(self, path: str) -> str | None:
        entry = self.words["fields"].get(path) or {}
        return _both(entry["hint"], " — ") if "hint" in entry else None

    def choices(self, name: str, node: dict) -> list[dict] | None:
        """Options of a field whose values are keys: shown by their labels, stored as keys."""
        group = CHOICE_GROUPS.get(name)
        if group == "steps":
            return [{"label": _both(step["title"]), "value": step["key"]} for step in self.labels["steps"]]
        if group:
            return [{"label": _both(value), "value": key} for key, value in self.labels[group].items()]
        if "enum" in node and name in UI_CHOICES:
            return [{"label": _both(self.labels["ui"][UI_CHOICES[name].format(value)]), "value": value}
                    for value in node["enum"]]
        return None


def _resolve(schema: dict, node: dict) -> dict:
    """Follow local $refs ('#/$defs/…'); keywords beside a $ref add to or override the target's."""
    while "$ref" in node:
        target = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node


def _one_line(node: dict) -> bool:
    """Paragraphs get a text area, everything else one line."""
    return node.get("x-kind") != "paragraphs"


def _field(schema: dict, name: str, node: dict, path: str, required: bool, words: _Words) -> dict:
    node = _resolve(schema, node)
    field: dict[str, Any] = {"name": name, "label": words.label(path, name), "required": required}
    hint = words.hint(path)
    if hint:
        field["hint"] = hint
    kind = node.get("type")
    choices = words.choices(name, node)
    if kind == "array":
        items = _resolve(schema, node["items"])
        if choices is not None:
            field.update(widget="select", multiple=True, options=choices, default=[])
            if node.get("minItems"):
                field["min"] = node["minItems"]
        elif items.get("type") == "object":
            field.update(widget="list", collapsed=True, fields=_object_fields(schema, items, path, words))
            singular = (words.words["fields"].get(path) or {}).get("singular")
            if singular:
                field["label_singular"] = _both(singular)
            if "title" in items.get("properties", {}):
                field["summary"] = "{{fields.title.de}}"
            elif "id" in items.get("properties", {}):
                field["summary"] = "{{fields.id}}"
            if node.get("minItems"):
                field["min"] = node["minItems"]
        else:
            field.update(widget="list", field=_field(schema, name, items, path + "[]", True, words))
            field["field"]["label"] = field["label"]
            field["field"].pop("hint", None)
            if path + "[]" in words.missing:
                words.missing.remove(path + "[]")
            if node.get("minItems"):
                field["min"] = node["minItems"]
    elif kind == "object":
        properties = node.get("properties", {})
        field.update(widget="object", collapsed=False, fields=_object_fields(schema, node, path, words))
        if set(properties) == set(LANGUAGES):  # the two halves of a bilingual text
            for sub in field["fields"]:
                sub["label"] = words.language(sub["name"])
    elif choices is not None:
        field.update(widget="select", options=choices)
    elif "enum" in node:
        field.update(widget="select", options=[{"label": str(v), "value": v} for v in node["enum"]])
    elif kind == "integer":
        field.update(widget="number", value_type="int")
        for keyword, option in (("minimum", "min"), ("maximum", "max")):
            if keyword in node:
                field[option] = node[keyword]
    else:
        field["widget"] = "string" if _one_line(node) else "text"
    return field


def _object_fields(schema: dict, node: dict, path: str, words: _Words) -> list[dict]:
    required = set(node.get("required", []))
    bilingual = set(node.get("properties", {})) == set(LANGUAGES)
    fields = []
    for name, child in node.get("properties", {}).items():
        child_path = f"{path}.{name}"
        if bilingual:  # the halves of a bilingual text are named by language, not in data/cms.yaml
            words.words["fields"].setdefault(child_path, {"label": words.words["languages"][name]})
        fields.append(_field(schema, name, child, child_path, name in required, words))
    return fields


def _site_fields(site: dict, words: _Words) -> list[dict]:
    """data/site.yaml: each fact as a German and a Dutch text (webeditor/formats.js maps one text for both
    languages and the placeholders of facts still missing)."""
    groups = []
    for group, facts in site.items():
        if not isinstance(facts, dict) or group in DEVELOPERS_GROUPS:
            continue
        fields = []
        for key, value in facts.items():
            path = f"site.{group}.{key}"
            hint = words.hint("site.fact")
            if isinstance(value, dict) and "placeholder" in value:
                hint = f"{_both(value['placeholder'], ' / ')} — {hint}"
            fields.append({"name": key, "label": words.label(path, key), "widget": "object", "collapsed": False,
                           "hint": hint, "required": False,
                           "fields": [{"name": lang, "label": words.language(lang), "widget": "string",
                                       "required": False} for lang in LANGUAGES]})
        groups.append({"name": group, "label": words.label(f"site.{group}", group), "widget": "object",
                       "collapsed": False, "fields": fields})
    return groups


def cms_config(schemas: dict[str, dict], labels: dict, chapters: list[dict], *, words: dict, site: dict,
               settings: dict) -> dict:
    """The Decap CMS configuration (config.yml) as a dict.

    schemas: JSON Schema per data file name ('pilots', 'glossary'; see inline_common);
    labels: data/labels.yaml; chapters: [{"file", "title": {de, nl}}] (see chapters_of);
    words: data/cms.yaml; site: data/site.yaml; settings: mkdocs.yml extra.cms (repo, branch, auth_url)
    and site_url. Fields missing in data/cms.yaml are listed in the result's '_missing_words'.
    """
    vocabulary = _Words(json.loads(json.dumps(words)), labels)
    chapter_fields = [
        {"name": "description", "label": vocabulary.label("chapters.description", "description"),
         "hint": vocabulary.hint("chapters.description"), "widget": "string", "i18n": True},
        {"name": "translation", "label": vocabulary.label("chapters.translation", "translation"),
         "hint": vocabulary.hint("chapters.translation"), "widget": "select", "required": False, "i18n": True,
         "options": [{"label": vocabulary.label("chapters.translation.pending", "pending"), "value": "pending"}]},
        {"name": "new_file", "label": vocabulary.label("chapters.new_file", "new_file"),
         "hint": vocabulary.hint("chapters.new_file"), "widget": "string", "required": False,
         "i18n": "duplicate", "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "a-z, 0-9, -"]},
        {"name": "body", "label": vocabulary.label("chapters.body", "body"), "hint": vocabulary.hint("chapters.body"),
         "widget": "markdown", "modes": ["raw"], "i18n": True},
    ]
    data_files = []
    for name in ("pilots", "glossary"):
        schema = schemas[name]
        fields = _object_fields(schema, _resolve(schema, schema), name, vocabulary)
        data_files.append({"name": name, "label": vocabulary.collection(name), "file": DATA_FILES[name],
                           "fields": fields})
    site_url = settings["site_url"].rstrip("/") + "/"
    config = {
        "backend": {
            "name": "github",
            "repo": settings["repo"],
            "branch": settings.get("branch", "main"),
            # The chamber's sign-in service (README: "Web editor"); GitHub's own login runs there.
            "base_url": settings["auth_url"],
            "auth_scope": "public_repo",  # least privilege for a public repository
            "squash_merges": True,
            "commit_messages": {
                "create": "Neu / nieuw: {{collection}} „{{slug}}“",
                "update": "Geändert / gewijzigd: {{collection}} „{{slug}}“",
                "delete": "Gelöscht / verwijderd: {{collection}} „{{slug}}“",
                "uploadMedia": "Datei / bestand: {{path}}",
                "deleteMedia": "Datei gelöscht / bestand verwijderd: {{path}}",
            },
        },
        # Only on this machine (localhost): `make cms-server` instead of GitHub.
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "de",
        "site_url": site_url,
        "display_url": site_url,
        "logo_url": "../assets/favicon.svg",  # the site's own icon, never another host
        "show_preview_links": False,
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_folders", "locales": list(LANGUAGES), "default_locale": "de"},
        "collections": [
            {"name": CHAPTERS, "label": vocabulary.collection("chapters"),
             "label_singular": vocabulary.collection("chapter"),
             "folder": "docs", "extension": "md", "format": MARKDOWN_FORMAT, "i18n": True,
             "nested": {"depth": 2}, "create": True, "delete": False,
             "identifier_field": "new_file", "slug": "{{new_file}}", "summary": "{{_label}}",
             "editor": {"preview": False}, "fields": chapter_fields},
            # Decap takes the format of a collection, not of a file: one collection per format.
            {"name": DATA, "label": vocabulary.collection("data"), "format": YAML_FORMAT, "delete": False,
             "editor": {"preview": False}, "files": data_files},
            {"name": SITE, "label": vocabulary.collection("site"), "format": SITE_FORMAT, "delete": False,
             "editor": {"preview": False},
             "files": [{"name": SITE, "label": vocabulary.collection("site"), "file": DATA_FILES["site"],
                        "fields": _site_fields(site, vocabulary)}]},
        ],
    }
    if vocabulary.missing:
        config["_missing_words"] = sorted(set(vocabulary.missing))
    return config


def _property_order(schema: dict, node: dict, found: list) -> list:
    node = _resolve(schema, node)
    for name, child in node.get("properties", {}).items():
        if name not in found:
            found.append(name)
        _property_order(schema, child, found)
    if isinstance(node.get("items"), dict):
        _property_order(schema, node["items"], found)
    return found


def admin_settings(labels: dict, chapters: list[dict], schemas: dict[str, dict] | None = None) -> dict:
    """What webeditor/admin.js needs besides config.yml: the page list's labels by heading, and the
    order of fields in new records (the schemas' order)."""
    order: list = []
    for schema in (schemas or {}).values():
        _property_order(schema, schema, order)
    return {"references": flat_references(labels), "order": order,
            "chapters": [{"file": c["file"], "title": c["title"]} for c in chapters]}


def write_admin(site_dir: Path, config: dict, settings: dict, node_modules: Path) -> Path:
    """Put the web editor into a built site: <site>/admin/ with config.yml, the editor's own files
    (webeditor/) and the npm files it runs on. Nothing of it is linked from or loaded by readers' pages."""
    target = site_dir / ADMIN_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for package, folder, patterns in NPM_FILES:
        source = node_modules / package
        destination = target / folder
        for pattern in patterns:
            for file in sorted(source.glob(pattern)):
                if file.is_file():
                    out = destination / file.relative_to(source)
                    out.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(file, out)
    for file in OWN_FILES.iterdir():
        if file.is_file():
            shutil.copyfile(file, target / file.name)
    public = {key: value for key, value in config.items() if not key.startswith("_")}
    (target / "config.yml").write_text(
        "# Made by wegweiser/cms.py at build time; change data/cms.yaml, the schemas or mkdocs.yml instead.\n"
        + yaml.safe_dump(public, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    (target / "wegweiser.json").write_text(json.dumps(settings, ensure_ascii=False, sort_keys=True),
                                           encoding="utf-8")
    return target


def make_admin(root: Path, site_dir: Path, table, settings: dict) -> Path | None:
    """The web editor for the project at root, written into a built site; None (nothing written)
    when its npm packages are not installed."""
    node_modules = root / "node_modules"
    if not (node_modules / "decap-cms" / "dist" / "decap-cms.js").is_file():
        return None
    labels = load_yaml(root / "data" / "labels.yaml", "data/labels.yaml").data
    site = load_yaml(root / "data" / "site.yaml", "data/site.yaml").data
    common = json.loads((root / "data" / "common.schema.json").read_text(encoding="utf-8"))
    schemas = {name: inline_common(json.loads((root / "data" / f"{name}.schema.json").read_text(encoding="utf-8")),
                                   common) for name in ("pilots", "glossary")}
    chapters = chapters_of(table)
    config = cms_config(schemas, labels, chapters, words=load_words(root), site=site, settings=settings)
    return write_admin(site_dir, config, admin_settings(labels, chapters, schemas), node_modules)
