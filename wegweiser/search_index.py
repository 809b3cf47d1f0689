"""The site's search index: Pagefind, run over the finished site (both languages) once it is built.

Pagefind reads the built pages and indexes only the element marked data-pagefind-body (the article
text, overrides/main.html); its headings with ids become sub-results. Each language gets its own
index in site/pagefind/<lang>/ (only the pages whose <html lang> is that language), so a search on a
Dutch page finds Dutch pages only. One run per language also keeps the build reproducible: a
multilingual Pagefind index lists its languages in a different order on every run. (For the same
reason there are no Pagefind filters: their index files differ from run to run.)
The reader's browser loads the index in small pieces on first use of the search field
(docs/assets/javascripts/search.js).

hooks/site_events.py calls index_site() and write_texts() once every language's pages are written.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from .languages import LANGUAGES
from .models import Labels
from .problems import DataError, Problem

OUTPUT = "pagefind"
# The texts of the result list and the keyboard hint (data/labels.yaml, ui: search_<name>), for
# search.js: a first view carries only the texts of the field itself.
TEXTS = ("hint", "loading", "none", "one", "many", "more", "error")
TEXTS_FILE = "assets/javascripts/search-texts.json"
# Inside the article, but not its text: a glossary term's explanation belongs to the glossary page,
# the permalink sign to no page, and the pilot filters' choices are form controls.
EXCLUDE = (".glossary-tip", ".headerlink", "div.pilot-filter")
# Pagefind's ready-made interfaces: the site has its own field and uses only the JavaScript API.
UNUSED = [f"pagefind-{kind}{suffix}" for kind in ("ui", "modular-ui", "component-ui") for suffix in (".js", ".css")]
UNUSED.append("pagefind-highlight.js")


def index_site(site_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> dict[str, int]:
    """Index the built site, one index per language in site_dir/pagefind/<lang>/; returns the
    number of pages indexed per language."""
    shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)  # no fragments of pages that are gone
    try:
        # The binary's own package (pagefind[bin]); pagefind.service would first import asyncio,
        # for an API the build does not use.
        from pagefind_bin import get_executable
        binary = get_executable()
    except (ImportError, FileNotFoundError):
        raise DataError([Problem("search index", None, "Pagefind is not installed; run 'make build'")]) from None
    pages = {}
    for lang in languages:
        output = site_dir / OUTPUT / lang
        # Pagefind's own command, which has written everything when it exits.
        command = [str(binary), "--site", str(site_dir), "--output-path", str(output), "--quiet",
                   "--root-selector", f'html[lang="{lang}"]']
        for selector in EXCLUDE:
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise DataError([Problem("search index", None,
                                     f"Pagefind failed for '{lang}':\n{result.stdout}{result.stderr}")])
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages[lang] = entry["languages"].get(lang, {}).get("page_count", 0)
        if not pages[lang]:
            raise DataError([Problem("search index", None, f"no '{lang}' page has the data-pagefind-body element "
                                                           "(overrides/main.html); the search would find nothing")])
    return pages


def write_texts(site_dir: Path, labels: Labels) -> None:
    """The result list's texts per language where search.js reads them (data/labels.yaml ui.search_*)."""
    texts = {lang: {name: labels.ui[f"search_{name}"][lang] for name in TEXTS} for lang in LANGUAGES}
    (site_dir / TEXTS_FILE).write_text(json.dumps(texts, ensure_ascii=False, sort_keys=True), encoding="utf-8")
