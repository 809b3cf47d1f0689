"""What the hooks share across events and across the per-language builds of mkdocs-static-i18n.

The i18n plugin runs one full MkDocs build per language (Dutch from inside the German build's
on_post_build) and imports each hook module once, so state here survives both passes.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LANGUAGE = "de"


def current_language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].current_language


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def page_path(src_uri: str) -> str:
    """'nl/erfolgsweg/ziele.md' -> 'erfolgsweg/ziele.md' (the path shared by both languages)."""
    return src_uri.split("/", 1)[1] if "/" in src_uri else src_uri
