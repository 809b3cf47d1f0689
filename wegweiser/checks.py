"""Checks of the chapters that need no build: both languages present, the same section structure,
links and anchors, references to data, the factor sections, what they render to. 'make check' runs
them in seconds; the build runs the same functions."""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from .chapters import Chapter
from .html_safety import Finding, source_line
from .languages import LANGUAGE_NAMES, LANGUAGES, other
from .markdown_ext import ContentSafetyExtension
from .models import FACTOR_GROUPS, GuideData
from .pages import PageTable
from .problems import Problem
from .references import PageProblems, substitute

Chapters = Mapping[str, Mapping[str, Chapter]]
BLOCKS = ("steps_overview", "selfcheck", "pdf_download", "feedback_form", "contact_block", "front_door")
# What mkdocs.yml says until the publisher's repository, sign-in service and host are known.
PLACEHOLDERS = ("OWNER/REPOSITORY", ".example.org")


def file_problems(chapters: Chapters, table: PageTable) -> list[Problem]:
    """Every chapter exists in both languages under the same name, and data/pages.yaml lists it."""
    problems = []
    listed = {page.file for page in table if page.kind == "chapter"}
    for lang in LANGUAGES:
        for file in sorted(set(chapters[lang]) - set(chapters[other(lang)])):
            problems.append(Problem(f"docs/{other(lang)}/{file}", None, f"missing – docs/{lang}/{file} needs its "
                                    f"{LANGUAGE_NAMES[other(lang)]} twin at the same path"))
        for file in sorted(set(chapters[lang]) - listed):
            problems.append(Problem(f"docs/{lang}/{file}", None, "the page is not in data/pages.yaml; add it there "
                                    "with its German and Dutch address, or remove the file"))
    for file in sorted(listed - set(chapters["de"]) - set(chapters["nl"])):
        problems.append(Problem("data/pages.yaml", None, f"the page '{file}' is listed, but neither "
                                f"docs/de/{file} nor docs/nl/{file} exists"))
    return problems


def structure_problems(chapters: Chapters) -> list[Problem]:
    """Twins have the same H2 sections, each with the same explicit anchor, in the same order."""
    problems = []
    for file, german in chapters["de"].items():
        dutch = chapters["nl"].get(file)
        if dutch is None:
            continue
        ids_de = [anchor for _, anchor in german.sections]
        ids_nl = [anchor for _, anchor in dutch.sections]
        if ids_de == ids_nl:
            continue
        for index in range(max(len(ids_de), len(ids_nl))):
            if index >= len(ids_de) or index >= len(ids_nl) or ids_de[index] != ids_nl[index]:
                line = dutch.sections[index][0] if index < len(dutch.sections) else None
                problems.append(Problem(dutch.source, line, f"section {index + 1} is {_name(ids_nl, index)} in "
                                        f"Dutch but {_name(ids_de, index)} in German; twins need the same "
                                        f"'## … {{#anchor}}' sections in the same order"))
                break
    return problems


def _name(ids: list, index: int) -> str:
    if index >= len(ids):
        return "missing"
    return f"'{{#{ids[index]}}}'" if ids[index] else "without an anchor"


def link_problems(chapters: Chapters, table: PageTable, docs_dir: Path) -> list[Problem]:
    """Every relative link leads to a page or file that exists, and its #anchor to a heading there."""
    problems = []
    for lang in LANGUAGES:
        for chapter in chapters[lang].values():
            for line, target in chapter.links:
                if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):
                    continue  # https:, mailto: … (html_problems checks which schemes)
                path, _, anchor = target.partition("#")
                if not path:
                    anchors, shown = frozenset(chapter.anchors), f"#{anchor}"
                else:
                    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(chapter.file), path))
                    found = table.find(f"{lang}/{resolved}")
                    if found is None:
                        if not ((docs_dir / lang / resolved).exists() or (docs_dir / resolved).exists()):
                            problems.append(Problem(chapter.source, line, f"the link '{target}' leads nowhere: "
                                                    f"there is no docs/{lang}/{resolved}"))
                        continue
                    anchors, shown = found[0].anchors.get(lang, frozenset()), target
                if anchor and anchor not in anchors:
                    problems.append(Problem(chapter.source, line, f"the link '{shown}' points to a section that "
                                            f"does not exist (no heading with the anchor '#{anchor}')"))
    return problems


def section_problems(data: GuideData, table: PageTable, chapters: Chapters) -> list[Problem]:
    """Each factor has its section, with the factor's key as anchor, on the page that lists them."""
    problems = []
    for group in FACTOR_GROUPS:
        page = table.for_sections(group)
        for lang in LANGUAGES:
            chapter = chapters[lang].get(page.file)
            if chapter is None:
                continue
            explicit = {anchor for _, anchor in chapter.sections}
            for key in data.labels.groups[group]:
                if key not in explicit:
                    problems.append(Problem(chapter.source, None, f"no section '## … {{#{key}}}' for the "
                                            f"{group.replace('_', ' ')[:-1]} '{key}' of data/labels.yaml"))
    return problems


def reference_problems(chapters: Chapters, data: GuideData) -> list[Problem]:
    problems = []
    empty: dict[str, Callable[[], str]] = {name: (lambda: "") for name in BLOCKS}
    for lang in LANGUAGES:
        for chapter in chapters[lang].values():
            try:
                substitute(chapter.body, lang, data, empty, chapter.source, chapter.body_start)
            except PageProblems as error:
                problems += error.problems
    return problems


def finding_problems(source: str, text: str, findings: list[Finding], first_line: int = 1) -> list[Problem]:
    """What a rendered page or record may not contain, each with the line of its source."""
    return [Problem(source, source_line(text, finding.value, first_line), finding.message) for finding in findings]


Checker = Callable[[str], list[Finding]]


def content_checker(extensions: list) -> Checker:
    """Markdown -> what its HTML may not contain, rendered with the extensions as mkdocs.yml lists
    them ('markdown_extensions'), the way the build renders a page – for checks without a build."""
    import markdown

    names, configs = [], {}
    for entry in extensions:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = config or {}

    # One converter for every text, reset in between (Python-Markdown's documented reuse): setting
    # up the extensions costs more than converting a chapter.
    safety = ContentSafetyExtension()
    converter = markdown.Markdown(extensions=[*names, safety], extension_configs=configs)

    def check(text: str) -> list[Finding]:
        safety.findings.clear()
        converter.reset().convert(text)
        return list(safety.findings)
    return check


def rendered_problems(chapters: Chapters, data: GuideData, check: Checker) -> list[Problem]:
    """What every chapter and every pilot story renders to that is not allowed (for 'make check';
    the build checks each page as it renders it)."""
    problems = []
    for lang in LANGUAGES:
        for chapter in chapters[lang].values():
            problems += finding_problems(chapter.source, chapter.body, check(chapter.body), chapter.body_start)
    for pilot in data.pilots.pilots:
        for lang in LANGUAGES:
            for finding in check(pilot.story[lang]):
                problems.append(Problem("data/pilots.yaml", None, finding.message, field=f"story.{lang}",
                                        record=pilot.id))
    return problems


def chapter_problems(data: GuideData, table: PageTable, chapters: Chapters, docs_dir: Path) -> list[Problem]:
    """All checks of this module except the rendered ones, for the build and for 'make check'."""
    return ([problem for lang in LANGUAGES for chapter in chapters[lang].values() for problem in chapter.problems]
            + file_problems(chapters, table) + structure_problems(chapters) + link_problems(chapters, table, docs_dir)
            + section_problems(data, table, chapters) + reference_problems(chapters, data))


def pending_translations(chapters: Chapters) -> frozenset:
    """(language, file) of the chapters marked 'translation: pending'."""
    return frozenset((lang, file) for lang in LANGUAGES for file, chapter in chapters[lang].items()
                     if chapter.meta.get("translation") == "pending")


def release_problems(data: GuideData, mkdocs_yml: str) -> list[Problem]:
    """What must be real before publishing: placeholders in data/site.yaml and the repository address."""
    problems = []
    for name in data.site.placeholders():
        group, key = name.split(".")
        problems.append(Problem("data/site.yaml", data.site.lines.get(name), f"'{name}' is still a placeholder "
                                f"({data.site.value(group, key, 'de')}); enter the real fact before publishing"))
    for number, line in enumerate(mkdocs_yml.split("\n"), start=1):
        marker = next((mark for mark in PLACEHOLDERS if mark in line and not line.lstrip().startswith("#")), None)
        if marker:
            problems.append(Problem("mkdocs.yml", number, f"'{line.strip()}' still holds a placeholder ({marker}); "
                                    "enter the real address before publishing (README: Publishing, Web editor)"))
    return problems
