"""MkDocs hook: each page – its Markdown from the site build, a check of what it rendered to, and
what the templates show around it."""
from __future__ import annotations

from urllib.parse import urljoin

from i18n_adapter import lifecycle
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import get_relative_url

from wegweiser.markdown_ext import ContentSafetyExtension, GlossaryExtension
from wegweiser.pages import Page
from wegweiser.problems import DataError


def _page(page: MkDocsPage) -> tuple[Page, str]:
    assert lifecycle.build is not None
    found = lifecycle.build.table.find(page.file.src_uri)
    if found is None:
        raise PluginError(f"docs/{page.file.src_uri} is not in data/pages.yaml")
    return found


def on_page_markdown(markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    build = lifecycle.build
    assert build is not None
    entry, lang = _page(page)
    extensions: list = config.markdown_extensions
    next(ext for ext in extensions if isinstance(ext, GlossaryExtension)).for_page(build.glossary_href(entry, lang))
    next(ext for ext in extensions if isinstance(ext, ContentSafetyExtension)).findings.clear()
    if entry.kind != "chapter":
        return markdown
    try:
        return build.chapter_markdown(entry, lang, markdown, lambda: build.pdf_links(
            entry, lang, lambda path: get_relative_url(path, page.url)))
    except DataError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    assert lifecycle.build is not None
    entry, lang = _page(page)
    extensions: list = config.markdown_extensions
    safety = next(ext for ext in extensions if isinstance(ext, ContentSafetyExtension))
    problems = lifecycle.build.content_problems(entry, lang, safety.findings)
    if problems:
        raise PluginError(str(DataError(problems)))
    return html


def on_page_context(context: dict, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation) -> dict:
    assert lifecycle.build is not None
    entry, lang = _page(page)
    # "Seite bearbeiten" opens the page's entry in the web editor (edit_base is relative to site_url).
    edit_base = urljoin(config.site_url or "", config.extra["edit_base"])
    context["wegweiser_page"] = lifecycle.build.page_context(entry, lang, edit_base)
    return context
