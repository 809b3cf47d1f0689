"""The site's own data: labels of steps, factors and benefits, interface strings, contact and legal facts.

Each text exists in German and Dutch. A value in data/site.yaml is either one text for both languages,
a mapping {de, nl}, or a marked placeholder {placeholder: {de, nl}} for what the project cannot know yet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from datafiles import LANGUAGES, DataError, YamlDocument, check_bilingual, load_yaml

LABEL_GROUPS = ("benefits", "success_factors", "risk_factors", "countries", "sectors", "trades",
                "size_bands", "forms")
# Each factor key is the anchor of its section on this chapter page.
FACTOR_PAGES = {"success_factors": "erfolgsfaktoren.md", "risk_factors": "risikofaktoren.md"}
SITE_GROUPS = ("contact", "legal")
STEP_FIELDS = ("key", "page", "title", "summary")
# Words of the page frame that templates and hooks use; each must exist in data/labels.yaml ui.
REQUIRED_UI = (
    "step_of", "step_navigation", "step_previous", "step_next", "step_overview", "footer_navigation",
    "menu_button", "placeholder", "placeholder_notice", "not_found_title", "not_found_text",
    "not_found_home", "og_locale", "share_subtitle", "share_image_alt", "pilots_folder", "pilots_title",
    "pilots_description", "pilots_intro", "pilots_notice_title", "filter_legend", "filter_sector",
    "filter_region", "filter_benefit", "filter_step", "filter_all", "filter_reset", "filter_result",
    "pilot_facts", "pilot_fact", "pilot_value", "pilot_sector", "pilot_regions", "pilot_form",
    "pilot_year", "pilot_step", "pilot_partners", "pilot_story", "pilot_lessons", "pilot_benefits",
    "pilot_success_factors", "pilot_risk_factors", "pilots_back", "pilots_none", "pilots_at_step",
    "pilots_showing", "last_updated", "edit_page", "translation_pending", "language_de", "language_nl",
    "status_path", "status_title", "status_description", "status_intro", "status_none",
    "status_changed", "status_item", "status_newer", "status_waiting", "status_pending",
    "map_heading", "map_title", "map_caption", "map_list", "pilots_list_heading",
    "check_privacy", "check_submit", "check_reset", "check_result", "check_summary", "check_incomplete",
    "check_strongest", "check_weakest", "check_pilots", "check_print",
    "pdf_file", "pdf_edition", "pdf_contents", "pdf_download",
    "glossary_path", "glossary_title", "glossary_description", "glossary_intro", "glossary_meaning",
    "glossary_note", "glossary_source", "glossary_flag_equivalent", "glossary_flag_approximate",
    "glossary_flag_no_equivalent", "glossary_flag_false_friend",
    "search_label", "search_placeholder", "search_hint", "search_loading", "search_none", "search_one",
    "search_many", "search_more", "search_error",
)


@dataclass(frozen=True)
class Placeholder:
    """A fact still to be filled in by the publisher; pages show it visibly marked."""
    text: str


@dataclass(frozen=True)
class Region:
    key: str
    country: str
    latitude: float
    longitude: float
    label: dict


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    page: str  # path below docs/<lang>/
    title: dict
    summary: dict


class SiteData:
    def __init__(self, steps: list[Step], labels: dict, regions: dict, ui: dict, footer: list,
                 site: dict):
        self.steps = steps
        self.regions = regions  # key -> Region
        self.labels = labels  # group -> key -> {de, nl}
        self.ui = ui  # key -> {de, nl}
        self.footer = footer  # [{page|mail, label: {de, nl}}]
        self.site = site  # group -> key -> str | {de, nl} | Placeholder per language
        self.site_lines: dict = {}  # 'group.key' -> line in data/site.yaml

    def step(self, key: str) -> Step | None:
        return next((s for s in self.steps if s.key == key), None)

    def step_for_page(self, page: str) -> Step | None:
        return next((s for s in self.steps if s.page == page), None)

    def lookup(self, dotted: str, lang: str):
        """The text (or Placeholder) a '{{ group.key }}' reference stands for, or None."""
        group, _, key = dotted.partition(".")
        if not key or "." in key:
            return None
        if group == "steps":
            step = self.step(key)
            return step.title[lang] if step else None
        if group in self.labels:
            entry = self.labels[group].get(key)
            return entry[lang] if entry else None
        if group == "regions":
            region = self.regions.get(key)
            return region.label[lang] if region else None
        if group == "ui":
            entry = self.ui.get(key)
            return entry[lang] if entry else None
        if group in self.site:
            value = self.site[group].get(key)
            if isinstance(value, dict) and "placeholder" in value:
                return Placeholder(value["placeholder"][lang])
            if isinstance(value, dict):
                return value[lang]
            return value
        return None

    def placeholders(self) -> list[str]:
        """Dotted names of all site facts that are still placeholders."""
        return [f"{group}.{key}" for group, values in self.site.items()
                for key, value in values.items() if isinstance(value, dict) and "placeholder" in value]

    def placeholder_problems(self) -> list[str]:
        """For a release: every placeholder left, with its line in data/site.yaml."""
        return [f"data/site.yaml:{self.site_lines.get(name, '?')}: '{name}' is still a placeholder "
                f"({self.lookup(name, 'de').text}); enter the real fact before publishing"
                for name in self.placeholders()]

    def label(self, group: str, key: str, lang: str) -> str:
        """The label of an enumeration key; the key must have been validated."""
        if group == "steps":
            return self.step(key).title[lang]
        if group == "regions":
            return self.regions[key].label[lang]
        return self.labels[group][key][lang]

    def pdf_path(self, lang: str) -> str:
        """Where the build puts the guide as a PDF (hooks/pdf.py), relative to the site root."""
        return f"downloads/{self.ui['pdf_file'][lang]}"

    def ui_strings(self, lang: str) -> dict:
        return {key: texts[lang] for key, texts in self.ui.items()}


def load_site_data(root: Path) -> SiteData:
    """Read data/labels.yaml and data/site.yaml; raise DataError listing every problem found."""
    problems = []
    labels_doc = _load(root, "data/labels.yaml", problems)
    site_doc = _load(root, "data/site.yaml", problems)
    if problems:
        raise DataError(problems)
    steps = _read_steps(labels_doc, root, problems)
    labels = {group: _read_label_group(labels_doc, group, problems) for group in LABEL_GROUPS}
    regions = _read_regions(labels_doc, problems)
    _check_factor_anchors(labels_doc, labels, root, problems)
    ui = _read_label_group(labels_doc, "ui", problems)
    for key in REQUIRED_UI:
        if key not in ui:
            problems.append(labels_doc.problem(("ui",), f"the label '{key}' is missing; the site's "
                                               f"templates need it in German and Dutch"))
    footer = _read_footer(labels_doc, root, problems)
    site = {group: _read_site_group(site_doc, group, problems) for group in SITE_GROUPS}
    if problems:
        raise DataError(problems)
    data = SiteData(steps, labels, regions, ui, footer, site)
    data.site_lines = {f"{group}.{key}": site_doc.position((group, key))[0]
                       for group in SITE_GROUPS for key in site[group]}
    return data


def _load(root: Path, relative: str, problems: list) -> YamlDocument | None:
    try:
        document = load_yaml(root / relative, relative)
    except DataError as error:
        problems.extend(error.problems)
        return None
    if not isinstance(document.data, dict):
        problems.append(document.problem((), "expected a mapping of sections at the top level"))
    return document


def _section(document: YamlDocument, name: str, kind: type, problems: list):
    value = document.data.get(name)
    if not isinstance(value, kind):
        expected = "a list" if kind is list else "a mapping"
        problems.append(document.problem((name,), f"the section '{name}' is missing or not {expected}"))
        return kind()
    return value


def _read_label_group(document: YamlDocument, group: str, problems: list) -> dict:
    entries = _section(document, group, dict, problems)
    for key, value in entries.items():
        check_bilingual(document, value, (group, key), problems, record=str(key))
    return entries


def _read_regions(document: YamlDocument, problems: list) -> dict:
    regions = {}
    for key, entry in _section(document, "regions", dict, problems).items():
        where = ("regions", key)
        if not isinstance(entry, dict):
            problems.append(document.problem(where, "expected country, coordinates, de and nl", key))
            continue
        check_bilingual(document, {lang: entry.get(lang) for lang in LANGUAGES}, where, problems, key)
        if entry.get("country") not in ("DE", "NL"):
            problems.append(document.problem(where + ("country",), "expected DE or NL", key))
        coordinates = entry.get("coordinates")
        if not (isinstance(coordinates, list) and len(coordinates) == 2
                and all(isinstance(c, (int, float)) for c in coordinates)
                and 50 <= coordinates[0] <= 54 and 5 <= coordinates[1] <= 9):
            problems.append(document.problem(where + ("coordinates",), "expected [latitude, longitude] "
                                             "in the border region, e.g. [52.30, 6.75]", key))
            continue
        for extra in sorted(set(entry) - {"country", "coordinates", *LANGUAGES}):
            problems.append(document.problem(where + (extra,), f"unknown field '{extra}'", key))
        regions[key] = Region(key, entry["country"], coordinates[0], coordinates[1],
                              {lang: entry.get(lang) for lang in LANGUAGES})
    return regions


def _check_factor_anchors(document: YamlDocument, labels: dict, root: Path, problems: list) -> None:
    """Pilots and cross-links point at factor sections by key: each key needs its section."""
    for group, page in FACTOR_PAGES.items():
        for lang in LANGUAGES:
            path = root / "docs" / lang / page
            text = path.read_text(encoding="utf-8") if path.is_file() else ""
            for key in labels[group]:
                if not re.search(r"^#{2}\s.*\{#" + re.escape(key) + r"\}\s*$", text, re.M):
                    problems.append(document.problem(
                        (group, key), f"docs/{lang}/{page} has no section '## … {{#{key}}}' for it", key))


def _check_page(document, field_path, page, root: Path, problems, record):
    if not isinstance(page, str) or not page.endswith(".md"):
        problems.append(document.problem(field_path, "expected the path of a Markdown page "
                                         "below docs/de/ and docs/nl/, e.g. 'impressum.md'", record))
        return
    for lang in LANGUAGES:
        if not (root / "docs" / lang / page).is_file():
            problems.append(document.problem(field_path, f"the page docs/{lang}/{page} does not exist",
                                             record))


def _read_steps(document: YamlDocument, root: Path, problems: list) -> list[Step]:
    steps, seen = [], set()
    for index, entry in enumerate(_section(document, "steps", list, problems)):
        where = ("steps", index)
        if not isinstance(entry, dict):
            problems.append(document.problem(where, "expected a step with key, page, title and summary"))
            continue
        key = entry.get("key")
        record = str(key) if key else f"step {index + 1}"
        for field in STEP_FIELDS:
            if field not in entry:
                problems.append(document.problem(where, f"the field '{field}' is missing", record))
        for field in sorted(set(entry) - set(STEP_FIELDS)):
            problems.append(document.problem(where + (field,), f"unknown field '{field}'; expected "
                                             f"{', '.join(STEP_FIELDS)}", record))
        if key in seen:
            problems.append(document.problem(where + ("key",), f"the key '{key}' is used twice", record))
        seen.add(key)
        _check_page(document, where + ("page",), entry.get("page"), root, problems, record)
        for field in ("title", "summary"):
            if field in entry:
                check_bilingual(document, entry[field], where + (field,), problems, record)
        if not problems:
            steps.append(Step(index + 1, key, entry["page"], entry["title"], entry["summary"]))
    return steps


def _read_footer(document: YamlDocument, root: Path, problems: list) -> list:
    links = _section(document, "footer", list, problems)
    for index, link in enumerate(links):
        where = ("footer", index)
        if not isinstance(link, dict) or ("page" in link) == ("mail" in link):
            problems.append(document.problem(where, "expected a 'label' and either a 'page' or a 'mail'"))
            continue
        if "page" in link:
            _check_page(document, where + ("page",), link["page"], root, problems, None)
        check_bilingual(document, link.get("label"), where + ("label",), problems)
    return links


def _read_site_group(document: YamlDocument, group: str, problems: list) -> dict:
    values = _section(document, group, dict, problems)
    for key, value in values.items():
        where = (group, key)
        if isinstance(value, str) and value.strip():
            continue
        if isinstance(value, dict) and set(value) == {"placeholder"}:
            check_bilingual(document, value["placeholder"], where + ("placeholder",), problems, key)
        elif isinstance(value, dict):
            check_bilingual(document, value, where, problems, key)
        else:
            problems.append(document.problem(where, "expected a text, a mapping with 'de' and 'nl', "
                                             "or 'placeholder:' with 'de' and 'nl'", key))
    return values
