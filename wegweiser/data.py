"""One loader for every data file: YAML (wegweiser.yamlfile), then its JSON Schema
(wegweiser.schema), then the rules that span files. Every problem of every file is reported at
once; only data that passed all checks becomes a model."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .languages import LANGUAGES, url_prefix
from .models import (
    CONTACT_GROUPS,
    FACTOR_GROUPS,
    FIELD_GROUPS,
    LABEL_GROUPS,
    Answer,
    Brand,
    FooterLink,
    Glossary,
    GlossaryTerm,
    GuideData,
    Labels,
    PageSpec,
    Partner,
    Pilot,
    Pilots,
    Placeholder,
    Question,
    Region,
    Scoring,
    SelfCheck,
    SiteFacts,
    Step,
)
from .problems import DataError, Problem
from .schema import record_of, schema_problems
from .yamlfile import YamlDocument, load_yaml

DATA_FILES = ("labels", "site", "pages", "pilots", "glossary", "selfcheck")
# Markdown in a pilot's story: paragraphs, lists, emphasis and links only.
_HEADING = re.compile(r"^\s{0,3}#", re.M)
_IMAGE = re.compile(r"!\[")

Add = Callable[[tuple, str], None]
Sound = Callable[[tuple], bool]  # are the field at this path and its parents free of schema problems?


def load_data(root: Path) -> GuideData:
    """Read and validate data/*.yaml; raise DataError listing every problem found."""
    documents: dict[str, YamlDocument] = {}  # files whose frame is sound: the rules can read them
    broken: dict[str, set[tuple]] = {}  # name -> paths of the fields with schema problems
    problems: list[Problem] = []
    for name in DATA_FILES:
        try:
            document = load_yaml(root / "data" / f"{name}.yaml", f"data/{name}.yaml")
        except DataError as error:
            problems += error.problems
            continue
        found = schema_problems(document, root / "data", name)
        problems += [problem for _, problem in found]
        if all(len(path) >= 2 for path, _ in found):
            documents[name], broken[name] = document, {path for path, _ in found}
    # The rules across records and files check every record whose own shape is right, so that an
    # editor hears of all problems at once.
    for name, rules in _RULES.items():
        if name in documents and all(needed in documents for needed in _NEEDS.get(name, ())):
            document = documents[name]

            def add(path: tuple, message: str, document: YamlDocument = document) -> None:
                problems.append(document.problem(path, message, record_of(document.data, path)))
            rules(document.data, documents, add, lambda path, name=name: not any(
                path[:len(bad)] == bad for bad in broken[name]))
    if problems:
        raise DataError(problems)
    labels = _labels(documents["labels"].data)
    return GuideData(labels, _site(documents["site"]), _pilots(documents["pilots"].data),
                     _glossary(documents["glossary"].data), _selfcheck(documents["selfcheck"].data),
                     tuple(_page(entry) for entry in documents["pages"].data["pages"]))


# --- Rules that a schema cannot state -------------------------------------------------------------

def _unique(items: list, field: str, where: Callable[[int], tuple], add: Add, what: str) -> None:
    seen: dict = {}
    for index, item in enumerate(items):
        value = item.get(field) if isinstance(item, dict) else None
        if value is None:
            continue
        if value in seen:
            add(where(index) + (field,), f"the {what} '{value}' is already used by entry {seen[value] + 1}")
        seen.setdefault(value, index)


def _step_keys(documents: dict) -> list[str]:
    return [step["key"] for step in documents["labels"].data["steps"] if isinstance(step, dict) and "key" in step]


def _check_key(known: list[str], group: str, key, path: tuple, add: Add) -> None:
    if key not in known:
        add(path, f"unknown key '{key}'; expected one of the {group} in data/labels.yaml: {', '.join(known)}")


def _labels_rules(data, documents, add: Add, sound: Sound) -> None:
    _unique(data["steps"], "key", lambda i: ("steps", i), add, "key")
    site = documents["site"].data
    for index, link in enumerate(data["footer"]):
        if sound(("footer", index)) and "mail" in link:
            group, key = link["mail"].split(".")
            if key not in site.get(group, {}):
                add(("footer", index, "mail"), f"'{link['mail']}' is not a fact in data/site.yaml")
    if "pages" in documents:
        ids = {entry["id"] for entry in _walk_pages(documents["pages"].data["pages"])}
        for index, link in enumerate(data["footer"]):
            if sound(("footer", index)) and "page" in link and link["page"] not in ids:
                add(("footer", index, "page"), f"unknown page '{link['page']}'; expected an id of data/pages.yaml")


def _walk_pages(entries: list, path: tuple = ("pages",)):
    for index, entry in enumerate(entries):
        yield {**entry, "_path": path + (index,)}
        yield from _walk_pages(entry.get("pages", []), path + (index, "pages"))


def _pages_rules(data, documents, add: Add, sound: Sound) -> None:
    if not all(sound(("pages", index)) for index in range(len(data["pages"]))):
        return  # the page table is read whole: first its entries' shape
    entries = list(_walk_pages(data["pages"]))
    steps = _step_keys(documents)
    seen_ids: dict[str, int] = {}
    addresses: dict[tuple, str] = {}
    for number, entry in enumerate(entries):
        where = entry["_path"]
        if entry["id"] in seen_ids:
            add(where + ("id",), f"the id '{entry['id']}' is already used by another page")
        seen_ids.setdefault(entry["id"], number)
        if "step" in entry:
            _check_key(steps, "steps", entry["step"], where + ("step",), add)
        if entry.get("slug", {}).get("nl") and entry["slug"]["nl"] == entry["slug"]["de"] \
                and entry["slug"]["nl"] not in _SAME_IN_BOTH:
            add(where + ("slug", "nl"), f"the Dutch address repeats the German '{entry['slug']['de']}'; "
                                        "give the page a Dutch address")
    for step in steps:
        shown = [entry for entry in entries if entry.get("step") == step]
        if len(shown) != 1:
            add(("pages",), f"the step '{step}' needs exactly one page with 'step: {step}', found {len(shown)}")
    for group in FACTOR_GROUPS:
        if sum(entry.get("sections") == group for entry in entries) != 1:
            add(("pages",), f"exactly one page needs 'sections: {group}'")
    for kind in ("pilots", "glossary", "translation_status"):
        if sum(entry.get("generated") == kind for entry in entries) != 1:
            add(("pages",), f"exactly one page needs 'generated: {kind}'")
    for entry, path in _addresses(data["pages"]):
        for lang, address in path.items():
            if (lang, address) in addresses:
                add(entry["_path"] + ("slug", lang), f"the address '/{url_prefix(lang)}{address}' is already "
                                                     f"used by the page '{addresses[(lang, address)]}'")
            addresses.setdefault((lang, address), entry["id"])


# Dutch words that are spelt as in German, allowed as the same address in both languages.
_SAME_IN_BOTH = {"bestellen"}


def _addresses(entries: list, parent: dict | None = None, path: tuple = ("pages",)):
    """(entry, {lang: address below the language root}) of every page, sections included."""
    parent = parent or {lang: "" for lang in LANGUAGES}
    for index, entry in enumerate(entries):
        own = {lang: "/".join(filter(None, [parent[lang].rstrip("/"), entry["slug"][lang]]))
               for lang in LANGUAGES}
        yield {**entry, "_path": path + (index,)}, own
        yield from _addresses(entry.get("pages", []), own, path + (index, "pages"))


def _pilots_rules(data, documents, add: Add, sound: Sound) -> None:
    labels = documents["labels"].data
    keys = {group: list(labels[group]) for group in LABEL_GROUPS} | {
        "steps": _step_keys(documents), "regions": list(labels["regions"])}
    _unique(data["pilots"], "id", lambda i: ("pilots", i), add, "id")
    for index, record in enumerate(data["pilots"]):
        where = ("pilots", index)
        if not sound(where):
            continue
        fine = [field for field in record if sound(where + (field,))]
        for field in ("sector", "form", "step_reached"):
            if field in fine:
                group = FIELD_GROUPS[field]
                _check_key(keys[group], group, record[field], where + (field,), add)
        for group in ("benefits", *FACTOR_GROUPS):
            for position, key in enumerate(record[group] if group in fine else []):
                _check_key(keys[group], group, key, where + (group, position), add)
        if "partners" in fine:
            _partner_rules(record["partners"], where, labels, keys, add)
        lessons = record["lessons"]
        if "lessons" in fine and len(lessons["de"]) != len(lessons["nl"]):
            add(where + ("lessons",), f"the German list has {len(lessons['de'])} lessons, "
                                      f"the Dutch list {len(lessons['nl'])}; expected the same")
        for lang in LANGUAGES:
            if "story" not in fine:
                break
            story, at = record["story"][lang], where + ("story", lang)
            if "{" in story or "}" in story:
                add(at, "curly braces are not allowed in a story (they would set HTML attributes)")
            if _HEADING.search(story):
                add(at, "headings are not allowed in a story; the page provides them – use paragraphs")
            if _IMAGE.search(story):
                add(at, "images are not allowed in a story")


def _partner_rules(partners: list, where: tuple, labels: dict, keys: dict, add: Add) -> None:
    for position, partner in enumerate(partners):
        at = where + ("partners", position)
        for field in ("trade", "size", "region"):
            group = FIELD_GROUPS[field]
            _check_key(keys[group], group, partner[field], at + (field,), add)
        region = labels["regions"].get(partner["region"]) or {}
        if region.get("country", partner["country"]) != partner["country"]:
            add(at + ("region",), f"the region '{partner['region']}' lies in {region['country']}, "
                                  f"but the partner's country is {partner['country']}")
    if not {"DE", "NL"} <= {partner["country"] for partner in partners}:
        add(where + ("partners",), "expected at least one partner from DE and one from NL")


def _glossary_rules(data, documents, add: Add, sound: Sound) -> None:
    _unique(data["terms"], "id", lambda i: ("terms", i), add, "id")
    owner: dict[str, str] = {}
    for index, term in enumerate(data["terms"]):
        if not sound(("terms", index)):
            continue
        for lang in LANGUAGES:
            for position, form in enumerate(term.get("forms", {}).get(lang, [])):
                if form in owner:
                    add(("terms", index, "forms", lang, position),
                        f"'{form}' is already a form of '{owner[form]}'; each form may mark one term only")
                owner.setdefault(form, term["id"])


def _selfcheck_rules(data, documents, add: Add, sound: Sound) -> None:
    labels = documents["labels"].data
    factors = [key for group in FACTOR_GROUPS for key in labels[group]]
    steps = _step_keys(documents)
    _unique(data["questions"], "id", lambda i: ("questions", i), add, "id")
    _unique(data["scale"], "value", lambda i: ("scale", i), add, "value")
    for index, question in enumerate(data["questions"]):
        if not sound(("questions", index)):
            continue
        if question["factor"] not in factors:
            add(("questions", index, "factor"), f"unknown factor '{question['factor']}'; expected a key "
                                                "of success_factors or risk_factors")
        _check_key(steps, "steps", question["step"], ("questions", index, "step"), add)


_RULES: dict[str, Callable] = {"labels": _labels_rules, "pages": _pages_rules, "pilots": _pilots_rules,
                               "glossary": _glossary_rules, "selfcheck": _selfcheck_rules}
_NEEDS = {"labels": ("site",), "pages": ("labels",), "pilots": ("labels",), "selfcheck": ("labels",)}


# --- Models of valid data ------------------------------------------------------------------------

def _labels(data: dict) -> Labels:
    steps = tuple(Step(number, s["key"], s["title"], s["summary"]) for number, s in enumerate(data["steps"], 1))
    def places(group: str) -> dict[str, Region]:
        return {key: Region(key, r["country"], r["coordinates"][0], r["coordinates"][1],
                            {lang: r[lang] for lang in LANGUAGES}) for key, r in data[group].items()}
    footer = tuple(FooterLink(link["label"], link.get("page"), link.get("mail")) for link in data["footer"])
    return Labels(steps, {group: data[group] for group in LABEL_GROUPS}, places("regions"), data["ui"], footer,
                  places("towns"))


def _site(document: YamlDocument) -> SiteFacts:
    data = document.data
    brand = data["brand"]
    # The logo is a fact like the others: a placeholder until the publisher releases it.
    groups = {**{group: data[group] for group in (*CONTACT_GROUPS, "legal")}, "brand": {"logo": brand["logo"]}}
    lines = {f"{group}.{key}": document.position((group, key))[0] or 0
             for group, values in groups.items() for key in values}
    logo = Placeholder(brand["logo"]["placeholder"]["de"]) if isinstance(brand["logo"], dict) else brand["logo"]
    return SiteFacts(data["site"]["name"], data["site"]["short_name"], data["site"]["description"],
                     data["site"]["copyright"], groups, lines, Brand(logo, brand["mark"], dict(brand["colours"])))


def _pilots(data: dict) -> Pilots:
    return Pilots(data.get("notice"), tuple(
        Pilot(r["id"], r["sector"], r["form"], r["step_reached"],
              tuple(Partner(p["country"], p["trade"], p["size"], p["region"]) for p in r["partners"]),
              tuple(r["benefits"]), tuple(r["success_factors"]), tuple(r["risk_factors"]),
              r["title"], r["summary"], r["story"], {lang: tuple(r["lessons"][lang]) for lang in LANGUAGES})
        for r in data["pilots"]))


def _glossary(data: dict) -> Glossary:
    return Glossary(tuple(data.get("names", [])), tuple(
        GlossaryTerm(t["id"], t["de"], t["nl"], {lang: tuple(t.get("forms", {}).get(lang, [])) for lang in LANGUAGES},
                     t["flag"], t["explanation"], t["source"]) for t in data["terms"]))


def _selfcheck(data: dict) -> SelfCheck:
    scoring = data["scoring"]
    return SelfCheck(tuple(Answer(a["value"], {lang: a[lang] for lang in LANGUAGES}) for a in data["scale"]),
                     data["not_relevant"], Scoring(scoring["step_done"], scoring["strong"], scoring["weak"]),
                     tuple(Question(q["id"], q["factor"], q["step"], {lang: q[lang] for lang in LANGUAGES},
                                    q["action"]) for q in data["questions"]))


def _page(entry: dict) -> PageSpec:
    return PageSpec(entry["id"], entry["slug"], entry.get("file"), entry.get("generated"), entry.get("nav_title"),
                    entry.get("in_nav", True), entry.get("search", True), entry.get("step"), entry.get("sections"),
                    entry.get("legal", False), entry.get("pdf", True),
                    tuple(_page(child) for child in entry.get("pages", [])))
