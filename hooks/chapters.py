"""MkDocs hook: data into chapters – references, the step list, step navigation, footer links."""
from __future__ import annotations

import html
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

from babel.dates import format_date
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

import state
from cms import entry_address
from checks import chapter_problems, pending_translations, read_pages, release_problems
from datafiles import DataError
from placeholders import PageProblems, substitute
from glossary import GLOSSARY_PAGE, mark_terms
from pilot_pages import add_factor_pilots, step_pilots_markdown
from selfcheck import selfcheck_html
from steps import overview_markdown, step_navigation

log = get_plugin_logger("wegweiser")
# A checklist item as pymdownx.tasklist writes it: the text stands outside the checkbox's label.
CHECKLIST_ITEM = re.compile(r'<li class="task-list-item"><label class="task-list-control">'
                            r'(<input type="checkbox"[^>]*>)(<span class="task-list-indicator"></span>)</label>'
                            r'((?:(?!<li|</li>).)*)</li>', re.S)
FACTOR_GROUPS = {"erfolgsfaktoren.md": "success_factors", "risikofaktoren.md": "risk_factors"}


def page_url_in(files, lang: str):
    """Site URL of a page given by its path below docs/<lang>/ ('' if there is none)."""
    def url_of(path: str) -> str:
        file = files.get_file_from_path(f"{lang}/{path}")
        return file.url if file else ""
    return url_of


def on_startup(command, dirty):
    state.Data.command = command


def on_pre_build(config):
    # Read and validate once per site build, before anything is written; the Dutch pass reuses it.
    if state.current_language(config) != state.DEFAULT_LANGUAGE and state.Data.site is not None:
        return
    try:
        state.load_data(config)
        pages = read_pages(Path(config.docs_dir))
        problems = chapter_problems(Path(config.docs_dir), state.Data.site,
                                    [pilot.id for pilot in state.Data.pilots.pilots], pages)
        if os.environ.get("WEGWEISER_RELEASE") == "1":  # make build RELEASE=1, used to publish
            problems += release_problems(state.project_root(config), state.Data.site)
        message = (f"{len(problems)} problem{'s' if len(problems) > 1 else ''} in the chapters:\n  "
                   + "\n  ".join(problems)) if problems else ""
    except DataError as error:
        message = str(error)
    state.Data.problems = message
    if not message:
        state.load_history(config, pending_translations(pages))
        return
    if state.Data.command != "serve" or state.Data.site is None:
        raise PluginError(message)
    # Editing under 'mkdocs serve': report, and keep serving with the last valid data.
    log.error("%s\nThe preview keeps showing the last valid data until this is fixed.", message)


@event_priority(-150)  # after the i18n plugin has sorted the files by language
def on_files(files, config):
    lang = state.current_language(config)

    url_of = page_url_in(files, lang)

    config.extra["wegweiser"] = {
        "lang": lang,
        "ui": state.Data.site.ui_strings(lang),
        "ui_all": {code: state.Data.site.ui_strings(code) for code in ("de", "nl")},
        "footer": [
            {"label": link["label"][lang],
             "url": url_of(link["page"]) if "page" in link else None,
             "mail": state.Data.site.lookup(link["mail"], lang) if "mail" in link else None}
            for link in state.Data.site.footer
        ],
        "problems": state.Data.problems,
    }
    return files


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
    if page.file.src_uri in state.Data.generated:
        return markdown  # made from validated data by hooks/generated.py
    lang = page.file.locale
    path = state.page_path(page.file.src_uri)
    def site_url(target: str) -> str:
        """URL of a page (path below docs/<lang>/) relative to this page, for raw HTML."""
        return get_relative_url(files.get_file_from_path(f"{lang}/{target}").url, page.url)

    def pdf_links() -> str:
        # Both languages' PDFs, the page's own first (made after the pages, see hooks/pdf.py).
        ui_all = {code: state.Data.site.ui_strings(code) for code in ("de", "nl")}
        items = [f'<li><a href="{get_relative_url(state.Data.site.pdf_path(code), page.url)}" hreflang="{code}" '
                 f'type="application/pdf">{html.escape(ui_all[code]["pdf_download"])}</a></li>'
                 for code in sorted(ui_all, key=lambda code: code != lang)]
        return "\n\n<ul class=\"pdf-downloads\">" + "".join(items) + "</ul>\n\n"

    blocks = {"steps_overview": lambda: overview_markdown(state.Data.site, lang, path),
              "pdf_download": pdf_links,
              "selfcheck": lambda: selfcheck_html(state.Data.site, state.Data.selfcheck, state.Data.pilots,
                                                  lang, path, site_url)}
    try:
        markdown = substitute(markdown, lang, state.Data.site, blocks, f"docs/{page.file.src_uri}",
                              first_line=body_start_line(page.file.content_string))
    except PageProblems as error:
        raise PluginError(str(error)) from None

    url_of = page_url_in(files, lang)

    navigation = step_navigation(state.Data.site, lang, path, url_of)
    if navigation:
        page.meta["step_nav"] = navigation
        step = state.Data.site.step_for_page(path)
        markdown += step_pilots_markdown(state.Data.site, state.Data.pilots, step.key, lang, path)
    if path in FACTOR_GROUPS:
        markdown = add_factor_pilots(markdown, state.Data.site, state.Data.pilots, FACTOR_GROUPS[path],
                                     lang, path)
    return markdown


def label_checklists(html: str) -> str:
    """Put each checklist item's text inside its label: screen readers name the checkbox, and a
    click on the text ticks it (nothing is stored)."""
    def relabel(match):
        checkbox = match.group(1).replace(" disabled", "").replace("/>", ">")
        return (f'<li class="task-list-item"><label class="task-list-control">{checkbox}{match.group(2)}'
                f'<span class="task-list-text">{match.group(3).strip()}</span></label></li>')
    return CHECKLIST_ITEM.sub(relabel, html)


def on_page_content(html, page, config, files):
    return label_checklists(html)


def on_page_context(context, page, config, nav):
    """Below every page: when it last changed ("Stand: …") and where to edit it."""
    lang = page.file.locale
    ui = state.Data.site.ui_strings(lang)
    generated = state.Data.generated.get(page.file.src_uri)
    if generated is None:
        source, changed = f"docs/{page.file.src_uri}", state.Data.file_times.get(f"docs/{page.file.src_uri}")
    elif generated.startswith("pilots/"):
        pilot_id = generated.removeprefix("pilots/").removesuffix(".md")
        source = "data/pilots.yaml"
        changed = state.Data.record_times.get((pilot_id, lang)) or state.Data.file_times.get(source)
    elif generated == GLOSSARY_PAGE:
        source = "data/glossary.yaml"
        changed = state.Data.file_times.get(source)
    else:
        source, changed = None, None
    page.meta["page_info"] = {
        "updated": ui["last_updated"].format(date=format_date(
            datetime.fromtimestamp(changed, tz=timezone.utc).date(), format="long", locale=lang)) if changed else "",
        # The page's entry in the web editor (/admin/, hooks/cms.py), relative to site_url.
        "edit_url": urljoin(config.site_url, config.extra["edit_base"]) + entry_address(source) if source else "",
        "edit_label": ui["edit_page"],
        "pending": ui["translation_pending"] if page.meta.get("translation") == "pending" else "",
    }
    return context


def on_post_page(output, page, config):
    """Mark glossary terms in the chapter text; after the search index has its text, so the
    explanations do not turn up in search results for every page."""
    if page.file.src_uri in state.Data.generated:
        return output
    lang = page.file.locale
    prefix = "" if lang == state.DEFAULT_LANGUAGE else f"{lang}/"
    glossary_url = get_relative_url(f"{prefix}{state.Data.site.ui['glossary_path'][lang]}/", page.url)
    start = output.find("<article")
    end = output.find("</article>", start)
    if start < 0 or end < 0:
        return output
    return output[:start] + mark_terms(output[start:end], state.Data.glossary, lang, glossary_url) + output[end:]
