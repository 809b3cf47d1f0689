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


class Data:
    """The validated data of the current site build, shared by all hook modules.

    Under 'mkdocs serve' a failed reload keeps the last good data, so the site stays readable."""
    site = None  # sitedata.SiteData
    pilots = None  # pilots.PilotData
    selfcheck = None  # the questions of the Partnerschafts-Check (hooks/selfcheck.py)
    glossary = None  # the German–Dutch terms (hooks/glossary.py)
    generated: dict = {}  # src_uri of a page made from data -> its page path below docs/<lang>/
    command = "build"  # the mkdocs command: 'build' or 'serve'
    problems = ""  # under 'serve': the data problems of the last reload, shown on every page
    file_times: dict = {}  # path -> time of its last commit (hooks/history.py)
    record_times: dict = {}  # (pilot id, language) -> time of the last change of its texts
    lags: list = []  # twins changed at different times (the translation status)


def load_data(config: MkDocsConfig) -> None:
    """Read and validate all data files once per site build, before anything is written.

    Raises DataError listing every problem of every file.
    """
    from datafiles import DataError
    from glossary import load_glossary
    from pilots import load_pilots
    from selfcheck import load_selfcheck
    from sitedata import load_site_data

    root = project_root(config)
    site = load_site_data(root)
    problems, loaded = [], {}
    for name, load in (("pilots", load_pilots), ("selfcheck", load_selfcheck),
                       ("glossary", lambda root, site: load_glossary(root))):
        try:
            loaded[name] = load(root, site)
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    Data.site, Data.pilots, Data.selfcheck = site, loaded["pilots"], loaded["selfcheck"]
    Data.glossary = loaded["glossary"]


def load_history(config: MkDocsConfig, pending: frozenset) -> None:
    """Dates of the last changes and the translation status, from git, once per site build."""
    from history import file_times, record_times, translation_lags

    root = project_root(config)
    Data.file_times, Data.record_times = file_times(root), record_times(root)
    Data.lags = translation_lags(root, Data.file_times, Data.record_times,
                                 [pilot.id for pilot in Data.pilots.pilots], pending)
