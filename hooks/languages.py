"""MkDocs hook: German and Dutch as equals.

- every page must exist in both languages (the i18n plugin would silently fall back to German;
  checked in hooks/checks.py, which the build runs in hooks/chapters.py);
- absolute hreflang links for both languages plus x-default, as search engines require;
- a 404 page that is not overwritten by the Dutch pass;
- the theme's menu button named in the page's language.
(The search keeps to the reader's language by itself: Pagefind splits its index by <html lang>,
see hooks/search_index.py.)
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.plugins import event_priority

import state

LANGUAGES = ("de", "nl")
_ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')

_not_found_pages: dict[str, str] = {}


def absolute_alternates(page, site_url: str) -> str:
    alternates = getattr(page.file, "alternates", {})
    links = [f'<link rel="alternate" hreflang="{lang}" href="{urljoin(site_url, alternates[lang].url)}">'
             for lang in LANGUAGES if lang in alternates]
    if state.DEFAULT_LANGUAGE in alternates:
        default_url = urljoin(site_url, alternates[state.DEFAULT_LANGUAGE].url)
        links.append(f'<link rel="alternate" hreflang="x-default" href="{default_url}">')
    return "\n    ".join(links)


# The theme's menu button has no accessible name; docs/assets/javascripts/drawer.js makes it reachable
# by keyboard.
MENU_BUTTON = '<label class="md-header__button md-icon" for="__drawer">'


def name_theme_controls(output: str, lang: str) -> str:
    ui = state.Data.site.ui
    # A <label> may not carry aria-label (HTML rules): its name is hidden text instead.
    return output.replace(MENU_BUTTON, MENU_BUTTON
                          + f'<span class="visually-hidden">{html.escape(ui["menu_button"][lang])}</span>', 1)


def on_post_page(output, page, config):
    output = name_theme_controls(output, page.file.locale)
    head_end = output.index("</head>")
    head = _ALTERNATE_LINK.sub("", output[:head_end])
    head += "  " + absolute_alternates(page, config.site_url) + "\n  "
    return head + output[head_end:]


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        lang = state.current_language(config)
        output = name_theme_controls(output, lang)
        _not_found_pages[lang] = output
    return output


@event_priority(-200)  # after the i18n plugin has built the other languages
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # inside the Dutch pass; the outer German build finishes the job
    site_dir = Path(config.site_dir)
    # The plugin writes a single 404.html and the Dutch pass overwrites it; keep the default
    # language's page at the root and give the Dutch one its own place.
    for lang, output in _not_found_pages.items():
        prefix = "" if lang == state.DEFAULT_LANGUAGE else f"{lang}/"
        (site_dir / prefix / "404.html").write_text(output, encoding="utf-8")
