"""MkDocs hook: edits to mkdocs-material's built JavaScript, and the theme settings they rely on.

Each edit names the exact code it replaces; if a theme update changes that code, the build stops
and says so, instead of silently losing the edit (the version is pinned in pyproject.toml).

- Privacy: the bundle can load a ResizeObserver polyfill and Mermaid from unpkg.com, and repository
  facts from the GitHub or GitLab API (only with repo_url, which on_config refuses). Old browsers
  would fetch the polyfill from a CDN; the addresses become empty inline scripts.
- Privacy: the bundle fetches "sitemap.xml" below the address of every <link rel="alternate"> to
  map pages between languages. Our hreflang links are absolute (search engines require it), so every
  page view would call the public host; the i18n plugin's switcher links lead to the twin already.

The theme's own search (and its lunr worker) is not used: the site searches with Pagefind
(hooks/search_index.py), and nothing here touches search code.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

BUNDLE = "bundle.*.min.js"
EXTERNAL_LOADERS = re.compile(r"https://(?:unpkg\.com|api\.github\.com|\$\{\w+\}/api/v4)/[^\"'`]*")
INERT_SCRIPT = "data:text/javascript,"

# (file pattern below assets/javascripts, exact original code, replacement)
EDITS = (
    (BUNDLE, 'M("link[rel=alternate]")', 'M("link[rel=alternate][data-sitemap-lookup]")'),
)


def edit_scripts(site_dir: Path) -> None:
    scripts = site_dir / "assets" / "javascripts"
    for pattern, original, replacement in EDITS:
        for path in scripts.glob(pattern):
            code = path.read_text(encoding="utf-8")
            if code.count(original) != 1:
                raise PluginError(f"{path.name}: '{original[:60]}' not found exactly once; check "
                                  f"hooks/theme_scripts.py against this version of mkdocs-material")
            path.write_text(code.replace(original, replacement), encoding="utf-8")
    for bundle in scripts.glob(BUNDLE):
        code = bundle.read_text(encoding="utf-8")
        bundle.write_text(EXTERNAL_LOADERS.sub(INERT_SCRIPT, code), encoding="utf-8")


def on_config(config):
    if config.repo_url:
        raise PluginError("mkdocs.yml: 'repo_url' makes every reader's browser call the GitHub API; "
                          "link the repository from a page instead")
    if config.theme.get("font") is not False:
        raise PluginError("mkdocs.yml: theme.font must be false (no fonts from Google's servers)")


@event_priority(-200)  # after the i18n plugin's last language pass, which copies the theme again
def on_post_build(config):
    if not config.plugins["i18n"].building:
        edit_scripts(Path(config.site_dir))
