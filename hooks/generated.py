"""MkDocs hook: pages generated from data in both languages – the pilot overview, one page per
pilot (data/pilots.yaml), the glossary (data/glossary.yaml) and the editors' translation status
(git history).

Design: the pages are registered as ordinary documentation files inside docs/<lang>/pilots/ that do
not exist on disk, before mkdocs-static-i18n sorts the files (it pairs twins by path and drops files
outside docs_dir); their Markdown is supplied in on_page_read_source. So the plugin gives them
alternates, the language switcher, navigation, search entries and the sitemap like any chapter.
Their addresses use each language's own folder names (data/labels.yaml ui.pilots_folder,
ui.glossary_path and ui.status_path).
Only the overview is in the navigation, so the output grows linearly with the number of pilots.
"""
from __future__ import annotations

import json
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

import state
from glossary import GLOSSARY_PAGE, glossary_markdown
from pilot_map import map_html
from pilot_pages import OVERVIEW, link, overview_markdown, pilot_markdown, pilot_path
from translation_status import report_markdown

STATUS_PAGE = "editors/translation-status.md"

LANGUAGES = ("de", "nl")
# Tags of rendered HTML, and what must never appear in them (text content is already escaped).
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_UNSAFE_ELEMENTS = {"script", "iframe", "object", "embed", "style"}
_EVENT_ATTRIBUTE = re.compile(r"(?:^|\s)(on[a-z]+)\s*=", re.I)
_SCRIPT_LINK = re.compile(r"(?:^|\s)(href|src|action)\s*=\s*[\"']?\s*(javascript|data|vbscript):", re.I)


def unsafe_markup(html: str) -> list[str]:
    """Script elements, event-handler attributes and script links in rendered HTML."""
    found = []
    for name, attributes in _TAG.findall(html):
        if name.lower() in _UNSAFE_ELEMENTS:
            found.append(f"<{name.lower()}>")
        found += [f"{m.group(1)}=" for m in _EVENT_ATTRIBUTE.finditer(attributes)]
        found += [f"{m.group(1)}={m.group(2)}:" for m in _SCRIPT_LINK.finditer(attributes)]
    return found


_sources = state.Data.generated  # src_uri -> page path below docs/<lang>/


def _dest(lang: str, page: str) -> str:
    prefix = "" if lang == state.DEFAULT_LANGUAGE else f"{lang}/"
    if page == STATUS_PAGE:
        return f"{prefix}{state.Data.site.ui['status_path'][lang]}/index.html"
    if page == GLOSSARY_PAGE:
        return f"{prefix}{state.Data.site.ui['glossary_path'][lang]}/index.html"
    folder = state.Data.site.ui["pilots_folder"][lang]
    name = page.removeprefix("pilots/").removesuffix(".md")
    return f"{prefix}{folder}/" + ("" if name == "index" else f"{name}/") + "index.html"


def on_files(files, config):
    _sources.clear()
    pages = [OVERVIEW] + [pilot_path(p) for p in state.Data.pilots.pilots] + [STATUS_PAGE, GLOSSARY_PAGE]
    for lang in LANGUAGES:
        for page in pages:
            src_uri = f"{lang}/{page}"
            if files.get_file_from_path(src_uri):
                raise PluginError(f"docs/{src_uri}: this path is reserved for pages generated from "
                                  f"data/pilots.yaml; move the file")
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls,
                              dest_uri=_dest(lang, page)))
            _sources[src_uri] = page
    return files


def on_page_read_source(page, config):
    page_path = _sources.get(page.file.src_uri)
    if page_path is None:
        return None
    lang = page.file.src_uri.split("/", 1)[0]
    site, pilots = state.Data.site, state.Data.pilots
    if page_path == GLOSSARY_PAGE:
        return glossary_markdown(site, state.Data.glossary, lang)
    if page_path == STATUS_PAGE:
        def lag_link(lag):
            target = lag.name if lag.kind == "page" else pilot_path(next(p for p in pilots.pilots if p.id == lag.name))
            return link(STATUS_PAGE, target)
        ui = site.ui_strings(lang)
        front = f"---\ndescription: {json.dumps(ui['status_description'], ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n"
        return front + report_markdown(state.Data.lags, ui, lag_link)
    if page_path == OVERVIEW:
        def url_of(path):
            return get_relative_url(_dest(lang, path).removesuffix("index.html"), page.file.url)
        map_block = map_html(state.project_root(config), site, pilots, lang, lambda p: url_of(pilot_path(p)))
        return overview_markdown(site, pilots, lang, url_of, map_block)
    pilot = next(p for p in pilots.pilots if pilot_path(p) == page_path)
    return pilot_markdown(site, pilots, pilot, lang)


def on_page_content(html, page, config, files):
    # Defence in depth: validation keeps markup out of the data; this catches what slipped through.
    if page.file.src_uri in _sources:
        found = unsafe_markup(html)
        if found:
            raise PluginError(f"docs/{page.file.src_uri}: generated page contains unsafe HTML "
                              f"({', '.join(found)}); check data/pilots.yaml")
    return html
