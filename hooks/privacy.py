"""MkDocs hook: no request may leave the site's own host.

Material's JavaScript bundle can load code from other hosts: a ResizeObserver polyfill and Mermaid
from unpkg.com, and repository facts from the GitHub or GitLab API (only with repo_url, which we leave unset).
Old browsers would otherwise fetch the polyfill from a CDN, so the built bundle gets these addresses
replaced by empty inline scripts; tests/test_privacy.py scans the whole output for anything external.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

EXTERNAL_LOADERS = re.compile(r"https://(?:unpkg\.com|api\.github\.com|\$\{\w+\}/api/v4)/[^\"'`]*")
INERT_SCRIPT = "data:text/javascript,"


def neutralise_bundle(site_dir: Path) -> int:
    """Replace external script and API addresses in Material's bundle; return how many."""
    replaced = 0
    for bundle in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"):
        text = bundle.read_text(encoding="utf-8")
        text, count = EXTERNAL_LOADERS.subn(INERT_SCRIPT, text)
        bundle.write_text(text, encoding="utf-8")
        replaced += count
    return replaced


def on_config(config):
    if config.repo_url:
        raise PluginError("mkdocs.yml: 'repo_url' makes every reader's browser call the GitHub API; "
                          "link the repository from a page instead")
    if config.theme.get("font") is not False:
        raise PluginError("mkdocs.yml: theme.font must be false (no fonts from Google's servers)")


@event_priority(-200)
def on_post_build(config):
    neutralise_bundle(Path(config.site_dir))
