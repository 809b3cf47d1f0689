"""The site's search index: Pagefind, run once over the finished site (both languages).

Pagefind reads the built pages and indexes only the element marked data-pagefind-body (the article
text, overrides/main.html); its headings with ids become sub-results. It writes one index per
<html lang> below site/pagefind/, so a search on a Dutch page finds Dutch pages only. The reader's
browser loads that index in small pieces on first use of the search field
(docs/assets/javascripts/search.js).

index_site() is plain Python (no MkDocs); the hook below only decides when to call it.
"""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from pagefind.index import IndexConfig, PagefindIndex

log = get_plugin_logger("wegweiser")
OUTPUT = "pagefind"
# Inside the article, but not its text: a glossary term's explanation belongs to the glossary page,
# the permalink sign to no page, and the pilot filters' choices are form controls.
EXCLUDE = (".glossary-tip", ".headerlink", "form.pilot-filter")
# Pagefind's ready-made interfaces: the site has its own field and uses only the JavaScript API.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message says why in an editor's words."""


def index_site(site_dir: Path) -> dict[str, int]:
    """Index the built site in site_dir/pagefind/; returns the number of pages per language."""
    output = site_dir / OUTPUT
    shutil.rmtree(output, ignore_errors=True)  # no fragments of pages that are gone
    try:
        asyncio.run(_index(site_dir, output))
    except FileNotFoundError as error:
        raise SearchIndexError(f"Pagefind is not installed ({error}); run 'make build' or "
                               f"'pip install -r requirements.lock'") from None
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    pages: dict[str, int] = {}
    for fragment in sorted((output / "fragment").glob("*.pf_fragment")):
        lang = fragment.name.split("_", 1)[0]
        pages[lang] = pages.get(lang, 0) + 1
    if not pages:
        raise SearchIndexError("the search index is empty: no page has the data-pagefind-body "
                               "element (overrides/main.html)")
    return pages


async def _index(site_dir: Path, output: Path) -> None:
    config = IndexConfig(exclude_selectors=list(EXCLUDE), output_path=str(output))
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir))


@event_priority(-250)  # after the Dutch pass (i18n, -100) and the hooks that finish the files (-200)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # inside the Dutch pass; the German build indexes the whole site once it returns
    try:
        pages = index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(f"Search index: {error}") from None
    log.info("Search index: %s", ", ".join(f"{count} pages ({lang})" for lang, count in pages.items()))
