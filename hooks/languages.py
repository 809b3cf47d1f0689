"""MkDocs hook: German and Dutch as equals.

- every page must exist in both languages (the i18n plugin would silently fall back to German;
  checked in hooks/checks.py, which the build runs in hooks/chapters.py);
- absolute hreflang links for both languages plus x-default, as search engines require;
- one search index per language with that language's stemmer, so a search on a Dutch page finds
  Dutch pages only, and an inflected form finds its stem (see also hooks/theme_scripts.py);
- a 404 page that is not overwritten by the Dutch pass;
- the theme's search dialog and menu button named in the page's language.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

import state

LANGUAGES = ("de", "nl")
_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)

_not_found_pages: dict[str, str] = {}


def absolute_alternates(page, site_url: str) -> str:
    alternates = getattr(page.file, "alternates", {})
    links = [f'<link rel="alternate" hreflang="{lang}" href="{urljoin(site_url, alternates[lang].url)}">'
             for lang in LANGUAGES if lang in alternates]
    if state.DEFAULT_LANGUAGE in alternates:
        default_url = urljoin(site_url, alternates[state.DEFAULT_LANGUAGE].url)
        links.append(f'<link rel="alternate" hreflang="x-default" href="{default_url}">')
    return "\n    ".join(links)


def _search_base_for(lang: str, output: str) -> str:
    """Point Material's search at the language's own index below /<lang>/."""
    def rewrite(match):
        settings = json.loads(match.group(2))
        settings["base"] = posixpath.join(settings["base"], lang) + "/"
        return match.group(1) + json.dumps(settings) + match.group(3)
    return _CONFIG_SCRIPT.sub(rewrite, output, count=1)


# Theme controls without an accessible name: the search dialog (axe: aria-dialog-name) and the menu
# button, which docs/assets/javascripts/drawer.js makes reachable by keyboard.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
MENU_BUTTON = '<label class="md-header__button md-icon" for="__drawer">'


def name_theme_controls(output: str, lang: str) -> str:
    ui = state.Data.site.ui
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1]
                            + f' aria-label="{html.escape(ui["search_dialog"][lang])}">', 1)
    # A <label> may not carry aria-label (HTML rules): its name is hidden text instead.
    return output.replace(MENU_BUTTON, MENU_BUTTON
                          + f'<span class="visually-hidden">{html.escape(ui["menu_button"][lang])}</span>', 1)


def on_post_page(output, page, config):
    output = name_theme_controls(output, page.file.locale)
    head_end = output.index("</head>")
    head = _ALTERNATE_LINK.sub("", output[:head_end])
    head += "  " + absolute_alternates(page, config.site_url) + "\n  "
    output = head + output[head_end:]
    lang = page.file.locale
    if lang != state.DEFAULT_LANGUAGE:
        output = _search_base_for(lang, output)
    return output


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        lang = state.current_language(config)
        output = name_theme_controls(output, lang)
        _not_found_pages[lang] = output
    return output


def split_search_index(site_dir: Path) -> None:
    """Turn the plugin's mixed index into one index per language, each with its own stemmer."""
    index_path = site_dir / "search" / "search_index.json"
    mixed = json.loads(index_path.read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        prefix = "" if lang == state.DEFAULT_LANGUAGE else f"{lang}/"
        docs = []
        for doc in mixed["docs"]:
            doc_lang = next((code for code in LANGUAGES if code != state.DEFAULT_LANGUAGE
                             and doc["location"].startswith(f"{code}/")), state.DEFAULT_LANGUAGE)
            if doc_lang == lang:
                docs.append({**doc, "location": doc["location"][len(prefix):]})
        index = {"config": {**mixed["config"], "lang": [lang],
                            "pipeline": ["stemmer", "stopWordFilter"]},
                 "docs": docs}
        target = site_dir / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(-200)  # after the i18n plugin has built the other languages and merged the index
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # inside the Dutch pass; the outer German build finishes the job
    site_dir = Path(config.site_dir)
    split_search_index(site_dir)
    # The plugin writes a single 404.html and the Dutch pass overwrites it; keep the default
    # language's page at the root and give the Dutch one its own place.
    for lang, output in _not_found_pages.items():
        prefix = "" if lang == state.DEFAULT_LANGUAGE else f"{lang}/"
        (site_dir / prefix / "404.html").write_text(output, encoding="utf-8")
