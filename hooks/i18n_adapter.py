"""Everything the site relies on in mkdocs-static-i18n, in one module, checked against the version
it was tested with – and the life of one site build across its language passes.

What mkdocs-static-i18n does that we rely on (tests in tests/test_site.py prove each):
- it builds the default language, then, from inside that build's on_post_build, one complete build
  per other language on the same config object: every hook event fires once per language;
- its `current_language` names the language of the running pass from that pass's on_config on;
- with `docs_structure: folder` its on_files (priority -100) keeps the files of the running language
  only; the addresses we give them afterwards (priority -110) are used as they are.
Nothing else of the plugin is used: navigation, language switch, hreflang and sitemap come from the
page table (wegweiser.pages). And one reliance on MkDocs itself: it keeps hook modules loaded across
'mkdocs serve' reloads, so the Lifecycle below can keep the last good build while data is broken.
"""
from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from wegweiser.build import SiteBuild
from wegweiser.languages import DEFAULT_LANGUAGE, LANGUAGES
from wegweiser.problems import DataError

TESTED_VERSION = "1.3.1"
# Priority of a files event that must see only the running language's files (the plugin's is -100).
AFTER_I18N_FILES = -110
log = get_plugin_logger("wegweiser")


class Lifecycle:
    """The current site build. Under 'mkdocs serve' a reload with broken data keeps the last good
    build (the preview stays readable) and shows the problems on every page."""

    def __init__(self) -> None:
        self.command = "build"
        self.build: SiteBuild | None = None
        self.problems = ""
        self.finished: set[str] = set()
        self.not_found: dict[str, str] = {}  # language -> the rendered 404 page

    def start_pass(self, config: MkDocsConfig) -> tuple[SiteBuild, str]:
        lang = pass_language(config)
        if lang == DEFAULT_LANGUAGE:  # a new site build begins
            self.finished, self.not_found = set(), {}
            root = Path(config.config_file_path).resolve().parent
            try:
                self.build = SiteBuild(root, release=os.environ.get("WEGWEISER_RELEASE") == "1",
                                       mkdocs_yml=(root / "mkdocs.yml").read_text(encoding="utf-8"))
                self.problems = ""
            except DataError as error:
                if self.command != "serve" or self.build is None:
                    raise PluginError(str(error)) from None
                self.problems = str(error)
                log.error("%s\nThe preview keeps showing the last valid data until this is fixed.", error)
        assert self.build is not None
        return self.build, lang

    def end_pass(self, config: MkDocsConfig) -> bool:
        """True once every language's pass has ended: the site is complete."""
        self.finished.add(pass_language(config))
        return self.finished == set(LANGUAGES)


lifecycle = Lifecycle()


def check_plugin(config: MkDocsConfig) -> None:
    """Stop with a clear message when the plugin or its configuration is not what we tested."""
    installed = version("mkdocs-static-i18n")
    if installed != TESTED_VERSION:
        raise PluginError(f"mkdocs-static-i18n {installed} is installed, but hooks/i18n_adapter.py was tested "
                          f"with {TESTED_VERSION}; check the reliances listed there, then update TESTED_VERSION")
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.config.docs_structure != "folder":
        raise PluginError("mkdocs.yml: the i18n plugin with 'docs_structure: folder' is required")
    configured = [language.locale for language in plugin.config.languages if language.build]
    default = next((language.locale for language in plugin.config.languages if language.default), None)
    if configured != list(LANGUAGES) or default != DEFAULT_LANGUAGE:
        raise PluginError(f"mkdocs.yml: the i18n plugin must build {', '.join(LANGUAGES)} with "
                          f"{DEFAULT_LANGUAGE} as default (wegweiser/languages.py); it builds {', '.join(configured)}")


def pass_language(config: MkDocsConfig) -> str:
    plugin: Any = config.plugins["i18n"]
    return plugin.current_language or DEFAULT_LANGUAGE


def place(file: File, dest_uri: str, url: str, site_dir: str) -> None:
    """Give a page its address. MkDocs derives url and abs_dest_path from dest_uri only once, and the
    plugin has derived them already (its File copies even carry a wrong dest_dir): set all three."""
    file.dest_uri = dest_uri
    file.url = url or "./"
    file.abs_dest_path = os.path.normpath(os.path.join(site_dir, dest_uri))
