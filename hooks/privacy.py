"""MkDocs hook: no request may leave the site's own host.

Material's JavaScript bundle can load code from other hosts: a ResizeObserver polyfill and Mermaid
from unpkg.com, and repository facts from the GitHub or GitLab API (only with repo_url, which we leave unset).
Old browsers would otherwise fetch the polyfill from a CDN, so the built bundle gets these addresses
replaced by empty inline scripts; tests/test_privacy.py scans the whole output for anything external.

The bundle also fetches "sitemap.xml" below the address of every <link rel="alternate"> to map pages
between languages. Our hreflang links are absolute (search engines require it), so every page view
would call the public host – and the i18n plugin's switcher links already lead to the twin page.
That lookup is switched off by narrowing its selector to links that do not exist.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

EXTERNAL_LOADERS = re.compile(r"https://(?:unpkg\.com|api\.github\.com|\$\{\w+\}/api/v4)/[^\"'`]*")
INERT_SCRIPT = "data:text/javascript,"
ALTERNATE_SITEMAP_LOOKUP = 'M("link[rel=alternate]")'
NO_ALTERNATE_LOOKUP = 'M("link[rel=alternate][data-sitemap-lookup]")'


def neutralise_bundle(site_dir: Path) -> int:
    """Replace external script and API addresses in Material's bundle; return how many."""
    replaced = 0
    for bundle in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        text, count = EXTERNAL_LOADERS.subn(INERT_SCRIPT, text)
        if ALTERNATE_SITEMAP_LOOKUP not in text:
            raise PluginError(f"{bundle.name}: the sitemap lookup of alternate links was not found; "
                              "check hooks/privacy.py against this version of mkdocs-material")
        text = text.replace(ALTERNATE_SITEMAP_LOOKUP, NO_ALTERNATE_LOOKUP)
        bundle.write_text(text, encoding="utf-8")
        replaced += count + 1
    return replaced


def on_config(config):
    if config.repo_url:
        raise PluginError("mkdocs.yml: 'repo_url' makes every reader's browser call the GitHub API; "
                          "link the repository from a page instead")
    if config.theme.get("font") is not False:
        raise PluginError("mkdocs.yml: theme.font must be false (no fonts from Google's servers)")


@event_priority(-200)  # after the i18n plugin's last language pass, which copies the theme again
def on_post_build(config):
    if not config.plugins["i18n"].building:
        neutralise_bundle(Path(config.site_dir))
