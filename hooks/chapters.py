"""MkDocs hook: data into chapters – references, the step list, step navigation, footer links."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import state
from datafiles import DataError
from placeholders import PageProblems, substitute
from sitedata import SiteData, load_site_data
from steps import overview_markdown, step_navigation

_data: SiteData | None = None


def on_pre_build(config):
    global _data
    # Read and validate once per site build, before anything is written; the Dutch pass reuses it.
    if state.current_language(config) == state.DEFAULT_LANGUAGE or _data is None:
        try:
            _data = load_site_data(state.project_root(config))
        except DataError as error:
            _data = None
            raise PluginError(str(error)) from None


@event_priority(-150)  # after the i18n plugin has sorted the files by language
def on_files(files, config):
    lang = state.current_language(config)

    def url_of(path: str) -> str:
        file = files.get_file_from_path(f"{lang}/{path}")
        return file.url if file else ""

    config.extra["wegweiser"] = {
        "lang": lang,
        "ui": _data.ui_strings(lang),
        "ui_all": {code: _data.ui_strings(code) for code in ("de", "nl")},
        "footer": [
            {"label": link["label"][lang],
             "url": url_of(link["page"]) if "page" in link else None,
             "mail": _data.lookup(link["mail"], lang) if "mail" in link else None}
            for link in _data.footer
        ],
        "placeholders": _data.placeholders(),
    }
    return files


def check_front_matter(markdown: str, page) -> list[str]:
    """MkDocs silently shows broken front matter as page text; an editor must hear of it."""
    source = f"docs/{page.file.src_uri}"
    if markdown.lstrip().startswith("---"):
        return [f"{source}:1: the front matter between the '---' lines is not valid YAML "
                f"(put a text containing ': ' in double quotes)"]
    if not str(page.meta.get("description", "")).strip():
        return [f"{source}:1: the front matter needs a 'description:' (one sentence for search "
                f"engines and link previews)"]
    return []


def body_start_line(source: str) -> int:
    """The file line on which the Markdown body starts, after the front matter MkDocs removed."""
    lines = source.split("\n")
    if lines[0].rstrip() != "---":
        return 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            start = index + 1
            while start < len(lines) and not lines[start].strip():
                start += 1  # MkDocs drops blank lines after the front matter too
            return start + 1
    return 1


def on_page_markdown(markdown, page, config, files):
    lang = page.file.locale
    path = state.page_path(page.file.src_uri)
    problems = check_front_matter(markdown, page)
    if problems:
        raise PluginError("\n".join(problems))
    blocks = {"steps_overview": lambda: overview_markdown(_data, lang, path)}
    try:
        markdown = substitute(markdown, lang, _data, blocks, f"docs/{page.file.src_uri}",
                              first_line=body_start_line(page.file.content_string))
    except PageProblems as error:
        raise PluginError(str(error)) from None

    def url_of(target: str) -> str:
        file = files.get_file_from_path(f"{lang}/{target}")
        return file.url if file else ""

    navigation = step_navigation(_data, lang, path, url_of)
    if navigation:
        page.meta["step_nav"] = navigation
    return markdown
