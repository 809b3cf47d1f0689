"""MkDocs hook: the web editor at /admin/ of the built site (hooks/cms.py makes it).

Written once, after the last language pass; readers' pages neither load nor link any of its code.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

import state
from cms import admin_settings, chapters_from_docs, cms_config, write_admin

log = get_plugin_logger("wegweiser")
PLACEHOLDER_HOSTS = ("OWNER/REPOSITORY", ".example.org")


def _read(root, name):
    text = (root / name).read_text(encoding="utf-8")
    return json.loads(text) if name.endswith(".json") else yaml.safe_load(text)


def on_config(config):
    if os.environ.get("WEGWEISER_RELEASE") == "1":
        cms = config.extra.get("cms", {})
        for key in ("repo", "auth_url"):
            if any(marker in str(cms.get(key, "")) for marker in PLACEHOLDER_HOSTS):
                raise PluginError(f"mkdocs.yml: 'extra.cms.{key}' is still a placeholder ({cms.get(key)}); "
                                  f"enter the real value so that editors can sign in (README, 'Web editor')")


def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # inside the Dutch pass; written once by the outer build
    root = state.project_root(config)
    node_modules = root / "node_modules"
    if not (node_modules / "decap-cms" / "dist" / "decap-cms.js").is_file():
        if os.environ.get("WEGWEISER_RELEASE") == "1":
            raise PluginError("The web editor needs the npm packages: run 'npm ci' (make build does)")
        log.info("No node_modules/decap-cms: the site is built without the web editor (make build adds it)")
        return
    labels = _read(root, "data/labels.yaml")
    chapters = chapters_from_docs(root / "docs", labels)
    settings = {**config.extra["cms"], "site_url": config.site_url}
    schemas = {"pilots": _read(root, "data/pilots.schema.json")}
    cms = cms_config(schemas, labels, chapters, words=_read(root, "data/cms.yaml"),
                     site=_read(root, "data/site.yaml"), settings=settings)
    write_admin(Path(config.site_dir), cms, admin_settings(labels, chapters, schemas), node_modules)
