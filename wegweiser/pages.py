"""The page table: every page of the site – chapters and pages made from data – with its stable id,
its source, and its address, title and anchors in each language.

It is the only answer to where a page lives: navigation order, language switch, hreflang in the
sitemap, cross-links, the PDF's chapter order, the checks and the translation status all ask it.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from .chapters import Chapter
from .languages import DEFAULT_LANGUAGE, LANGUAGES, url_prefix
from .models import GuideData, PageSpec
from .references import substitute_plain

# Sections of a pilot's page (wegweiser.render.pilots), for links into them.
PILOT_ANCHORS = frozenset({"facts", "story", "lessons", "benefits", "success-factors", "risk-factors"})
# Where MkDocs thinks a generated page's Markdown comes from (below docs/<lang>/); chapters may link
# to these paths like to any chapter, e.g. [Pilotpartnerschaften](pilots/index.md).
GENERATED_SOURCES = {"pilots": "pilots/index.md", "glossary": "glossary.md",
                     "translation_status": "editors/translation-status.md"}
DATA_SOURCES = {"pilots": "data/pilots.yaml", "pilot": "data/pilots.yaml", "glossary": "data/glossary.yaml"}


@dataclass(frozen=True)
class Page:
    id: str
    kind: str  # 'chapter', 'pilots', 'pilot', 'glossary' or 'translation_status'
    path: Mapping[str, str]  # address below the site root: '', 'erfolgsweg/', 'nl/succesroute/'
    title: Mapping[str, str]
    file: str  # the Markdown source below docs/<lang>/ (a chapter, or where a generated page pretends to be)
    anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)
    spec: PageSpec | None = None  # the entry of data/pages.yaml (None for a pilot's page)
    pilot_id: str | None = None
    in_nav: bool = True
    search: bool = True

    def src_uri(self, lang: str) -> str:
        return f"{lang}/{self.file}"

    def dest_uri(self, lang: str) -> str:
        return f"{self.path[lang]}index.html"

    def source(self, lang: str) -> str | None:
        """The file an editor changes to change this page (None: made from git history)."""
        if self.kind == "chapter":
            return f"docs/{lang}/{self.file}"
        return DATA_SOURCES.get(self.kind)

    @property
    def step(self) -> str | None:
        return self.spec.step if self.spec else None

    @property
    def legal(self) -> bool:
        return bool(self.spec and self.spec.legal)

    @property
    def in_pdf(self) -> bool:
        return self.spec is None or (self.spec.pdf and not self.spec.legal)


class PageTable:
    def __init__(self, pages: list[Page], sections: Mapping[str, list[str]]):
        self.pages = tuple(pages)  # navigation order; each pilot's page follows the overview
        self._by_id = {page.id: page for page in pages}
        self._by_src = {page.src_uri(lang): (page, lang) for page in pages for lang in LANGUAGES}
        self._sections = sections  # id of a section page -> ids of its pages

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    def get(self, page_id: str) -> Page:
        return self._by_id[page_id]

    def find(self, src_uri: str) -> tuple[Page, str] | None:
        """The page and language of a MkDocs source path such as 'nl/erfolgsweg/ziele.md'."""
        return self._by_src.get(src_uri)

    def chapter(self, file: str) -> Page | None:
        return next((p for p in self.pages if p.kind == "chapter" and p.file == file), None)

    def for_step(self, step: str) -> Page:
        return next(p for p in self.pages if p.step == step)

    def for_sections(self, group: str) -> Page:
        return next(p for p in self.pages if p.spec and p.spec.sections == group)

    def generated(self, kind: str) -> Page:
        return next(p for p in self.pages if p.kind == kind)

    def pilot(self, pilot_id: str) -> Page:
        return self._by_id[f"pilot:{pilot_id}"]

    def section_of(self, page: Page) -> Page | None:
        return next((self._by_id[s] for s, members in self._sections.items() if page.id in members), None)

    def href(self, from_page: Page, to_page: Page, lang: str, anchor: str = "") -> str:
        """A relative URL from one page to another in the same language, for HTML."""
        target = posixpath.relpath(to_page.path[lang] or ".", from_page.path[lang] or ".")
        target = "./" if target == "." else target + "/"
        return target + (f"#{anchor}" if anchor else "")

    def md_link(self, from_page: Page, to_page: Page, anchor: str = "") -> str:
        """A Markdown link target between two pages' sources; MkDocs turns it into the address."""
        target = posixpath.relpath(to_page.file, posixpath.dirname(from_page.file) or ".")
        return target + (f"#{anchor}" if anchor else "")

    def nav(self, lang: str) -> list:
        """The navigation of one language in the form of mkdocs.yml's 'nav'."""
        def item(page: Page):
            if page.id in self._sections:
                members = [self._by_id[m] for m in self._sections[page.id] if self._by_id[m].in_nav]
                return {page.title[lang]: [page.src_uri(lang)] + [item(m) for m in members]}
            if page.spec and page.spec.nav_title:
                return {page.spec.nav_title[lang]: page.src_uri(lang)}
            return page.src_uri(lang)
        return [item(page) for page in self.pages
                if page.in_nav and self.section_of(page) is None]

    def sitemap(self, site_url: str, lastmod: Callable[[Page, str], str | None]) -> list[dict]:
        """Every public page in every language with its alternates (hreflang), for sitemap.xml."""
        entries = []
        for page in self.pages:
            if not page.search:
                continue
            alternates = [{"lang": lang, "href": site_url + page.path[lang]} for lang in LANGUAGES]
            alternates.append({"lang": "x-default", "href": site_url + page.path[DEFAULT_LANGUAGE]})
            entries += [{"loc": site_url + page.path[lang], "lastmod": lastmod(page, lang), "alternates": alternates}
                        for lang in LANGUAGES]
        return entries


def _address(parent: Mapping[str, str], slug: Mapping[str, str], lang: str) -> str:
    own = "/".join(filter(None, [parent[lang].rstrip("/"), slug[lang]]))
    return own + "/" if own else ""


def build_page_table(data: GuideData, chapters: Mapping[str, Mapping[str, Chapter]]) -> PageTable:
    """The page table from data/pages.yaml, the chapters' headings and the pilot records."""
    ui = data.labels.ui
    pages: list[Page] = []
    sections: dict[str, list[str]] = {}

    def add(spec: PageSpec, parent: Mapping[str, str], section: str | None) -> None:
        own = {lang: _address(parent, spec.slug, lang) for lang in LANGUAGES}
        path = {lang: url_prefix(lang) + own[lang] for lang in LANGUAGES}
        if spec.file:
            found = {lang: chapters.get(lang, {}).get(spec.file) for lang in LANGUAGES}
            # A missing chapter is reported by wegweiser.checks; its page keeps an id as title.
            title = {lang: substitute_plain(chapter.title, lang, data) if chapter else spec.id
                     for lang, chapter in found.items()}
            pages.append(Page(spec.id, "chapter", path, title, spec.file,
                              {lang: frozenset(chapter.anchors if chapter else ()) for lang, chapter in found.items()},
                              spec, None, spec.in_nav, spec.search))
        else:
            kind = spec.generated or ""
            title_key = {"pilots": "pilots_title", "glossary": "glossary_title",
                         "translation_status": "status_title"}[kind]
            generated_anchors = {"pilots": frozenset({"map", "list"}),
                                 "glossary": frozenset(term.id for term in data.glossary.terms)}.get(kind, frozenset())
            pages.append(Page(spec.id, kind, path, dict(ui[title_key]), GENERATED_SOURCES[kind],
                              {lang: generated_anchors for lang in LANGUAGES}, spec, None, spec.in_nav, spec.search))
            if kind == "pilots":
                for pilot in data.pilots.pilots:
                    pages.append(Page(f"pilot:{pilot.id}", "pilot",
                                      {lang: f"{path[lang]}{pilot.id}/" for lang in LANGUAGES}, dict(pilot.title),
                                      f"pilots/{pilot.id}.md", {lang: PILOT_ANCHORS for lang in LANGUAGES},
                                      pilot_id=pilot.id, in_nav=False))
        if section:
            sections[section].append(spec.id)
        if spec.children:
            sections[spec.id] = []
            for child in spec.children:
                add(child, own, spec.id)

    for spec in data.pages:
        add(spec, {lang: "" for lang in LANGUAGES}, None)
    return PageTable(pages, sections)
