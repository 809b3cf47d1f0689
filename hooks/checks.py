"""Checks of the chapters that need no build: every page in both languages, the same section
structure in both, links and anchors, references to data. 'make check' runs them in seconds; the build runs the same functions.

Each problem is one line: 'file:line: what is wrong'.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from placeholders import PageProblems, substitute
from sitedata import SiteData

LANGUAGES = ("de", "nl")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ATTR_LIST = re.compile(r"\s*\{:?\s*([^{}]*)\}\s*$")
LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^\s*(```|~~~)")
# Sections of a generated pilot page (hooks/pilot_pages.py), for links into them.
PILOT_PAGE_ANCHORS = {"facts", "story", "lessons", "benefits", "success-factors", "risk-factors"}


@dataclass
class Page:
    lang: str
    path: str  # below docs/<lang>/
    anchors: set = field(default_factory=set)
    sections: list = field(default_factory=list)  # (line, explicit id or None) of each H2
    links: list = field(default_factory=list)  # (line, target)
    body_start: int = 1
    body: str = ""
    problems: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    @property
    def source(self) -> str:
        return f"docs/{self.lang}/{self.path}"


def read_page(docs_dir: Path, lang: str, path: str) -> Page:
    page = Page(lang, path)
    lines = (docs_dir / lang / path).read_text(encoding="utf-8").split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
        start = end + 1
    page.body_start = start + 1
    page.body = "\n".join(lines[start:])
    page.meta, page.problems = read_front_matter(page.source, lines[1:start - 1] if start else None)
    seen: dict[str, int] = {}
    in_fence = False
    for number, line in enumerate(lines[start:], start=start + 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = HEADING.match(line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
            explicit = None
            attrs = ATTR_LIST.search(text)
            if attrs and "{{" not in text[attrs.start():attrs.start() + 3]:
                explicit = next((a[1:] for a in attrs.group(1).split() if a.startswith("#")), None)
                text = text[:attrs.start()]
            anchor = explicit or _unique(slugify(re.sub(r"\{\{.*?\}\}", "", text).strip(), "-"), seen)
            page.anchors.add(anchor)
            if level == 2:
                page.sections.append((number, explicit))
        for match in LINK.finditer(line):
            page.links.append((number, match.group(1)))
    return page


def read_front_matter(source: str, front_matter: list | None) -> tuple[dict, list[str]]:
    """The page's front matter and its problems: MkDocs silently shows broken front matter as page
    text, so an editor must hear of it."""
    try:
        meta = yaml.safe_load("\n".join(front_matter)) if front_matter is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return {}, [f"{source}:{line}: the front matter between the '---' lines is not valid YAML "
                    f"(put a text containing ': ' in double quotes)"]
    if not isinstance(meta, dict) or not str(meta.get("description") or "").strip():
        return {}, [f"{source}:1: the front matter needs a 'description:' (one sentence for search "
                    f"engines and link previews)"]
    if meta.get("translation", "pending") != "pending":
        return meta, [f"{source}:1: 'translation:' accepts only 'pending' (or remove the line)"]
    return meta, []


def pending_translations(pages: dict) -> frozenset:
    """(language, page) of the pages marked 'translation: pending'."""
    return frozenset((lang, path) for lang in LANGUAGES for path, page in pages[lang].items()
                     if page.meta.get("translation") == "pending")


def _unique(anchor: str, seen: dict) -> str:
    """Python-Markdown's toc: a repeated heading gets '_1', '_2', … appended."""
    if anchor in seen:
        seen[anchor] += 1
        return f"{anchor}_{seen[anchor]}"
    seen[anchor] = 0
    return anchor


def read_pages(docs_dir: Path) -> dict[str, dict[str, Page]]:
    return {lang: {p.relative_to(docs_dir / lang).as_posix(): read_page(
        docs_dir, lang, p.relative_to(docs_dir / lang).as_posix())
        for p in sorted((docs_dir / lang).rglob("*.md"))} for lang in LANGUAGES}


def missing_twins(docs_dir: Path) -> list[str]:
    """Messages for every Markdown page that exists in one language only."""
    pages = {lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")}
             for lang in LANGUAGES}
    messages = []
    for lang, other in ((LANGUAGES[0], LANGUAGES[1]), (LANGUAGES[1], LANGUAGES[0])):
        for path in sorted(pages[lang] - pages[other]):
            messages.append(f"docs/{other}/{path} is missing: docs/{lang}/{path} needs its "
                            f"{'Dutch' if other == 'nl' else 'German'} twin at the same path")
    return messages


def structure_problems(pages: dict) -> list[str]:
    """Twins have the same H2 sections, each with the same explicit anchor, in the same order."""
    problems = []
    for path, german in pages["de"].items():
        dutch = pages["nl"].get(path)
        if dutch is None:
            continue  # reported by the twin check
        for page in (german, dutch):
            problems += [f"{page.source}:{line}: this section needs an explicit anchor, e.g. "
                         f"'## Titel {{#english-key}}', the same in both languages"
                         for line, anchor in page.sections if anchor is None]
        ids_de = [anchor for _, anchor in german.sections]
        ids_nl = [anchor for _, anchor in dutch.sections]
        if ids_de != ids_nl:
            index = next((i for i, (a, b) in enumerate(zip(ids_de, ids_nl)) if a != b), min(len(ids_de), len(ids_nl)))
            line_de = german.sections[index][0] if index < len(ids_de) else german.body_start
            line_nl = dutch.sections[index][0] if index < len(ids_nl) else dutch.body_start
            problems.append(
                f"{dutch.source}:{line_nl}: the sections differ from {german.source}:{line_de}: section "
                f"{index + 1} is {_name(ids_nl, index)} in Dutch but {_name(ids_de, index)} in German")
    return problems


def _name(ids: list, index: int) -> str:
    return f"'{{#{ids[index]}}}'" if index < len(ids) else "missing"


def link_problems(pages: dict, docs_dir: Path, pilot_ids: list[str]) -> list[str]:
    """Every relative link leads to a page or file that exists, and its #anchor to a heading there."""
    virtual = {"pilots/index.md": set()} | {f"pilots/{pid}.md": PILOT_PAGE_ANCHORS for pid in pilot_ids}
    problems = []
    for lang in LANGUAGES:
        for page in pages[lang].values():
            for line, target in page.links:
                if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):
                    continue  # https:, mailto: …
                path, _, anchor = target.partition("#")
                if not path:
                    anchors, shown = page.anchors, f"#{anchor}"
                else:
                    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
                    if resolved in pages[lang]:
                        anchors = pages[lang][resolved].anchors
                    elif resolved in virtual:
                        anchors = virtual[resolved]
                    elif (docs_dir / lang / resolved).exists() or (docs_dir / resolved).exists():
                        continue
                    else:
                        problems.append(f"{page.source}:{line}: the link '{target}' leads nowhere: "
                                        f"there is no docs/{lang}/{resolved}")
                        continue
                    shown = target
                if anchor and anchor not in anchors:
                    problems.append(f"{page.source}:{line}: the link '{shown}' points to a section "
                                    f"that does not exist (no heading with the anchor '#{anchor}')")
    return problems


def reference_problems(pages: dict, site: SiteData) -> list[str]:
    problems = []
    for lang in LANGUAGES:
        for page in pages[lang].values():
            try:
                substitute(page.body, lang, site, {"steps_overview": lambda: "", "selfcheck": lambda: "", "pdf_download": lambda: "",
                                                 "feedback_form": lambda: ""},
                           page.source, page.body_start)
            except PageProblems as error:
                problems += error.lines
    return problems


def chapter_problems(docs_dir: Path, site: SiteData, pilot_ids: list[str], pages: dict | None = None) -> list[str]:
    """All checks of this module, for the build and for 'make check'."""
    pages = pages if pages is not None else read_pages(docs_dir)
    return ([problem for lang in LANGUAGES for page in pages[lang].values() for problem in page.problems]
            + missing_twins(docs_dir) + structure_problems(pages) + link_problems(pages, docs_dir, pilot_ids)
            + reference_problems(pages, site))


EDIT_BASE_PLACEHOLDER = "OWNER/REPOSITORY"


def release_problems(root: Path, site: SiteData) -> list[str]:
    """What must be real before publishing: placeholders in data/site.yaml and the repository address."""
    problems = site.placeholder_problems()
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(config, start=1):
        if EDIT_BASE_PLACEHOLDER in line:
            problems.append(f"mkdocs.yml:{number}: 'extra.edit_base' still names {EDIT_BASE_PLACEHOLDER}; "
                            f"enter the repository's address so that 'Seite bearbeiten' links work")
    return problems
