"""One build of the site, both languages: the validated data, the page table, the history, and
what each page needs. The MkDocs hooks create one SiteBuild per build and ask it everything."""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from babel.dates import format_date

from . import history
from .chapters import read_chapters
from .checks import Chapters, chapter_problems, finding_problems, pending_translations, release_problems
from .cms import entry_address
from .data import load_data
from .html_safety import Finding
from .languages import LANGUAGES, url_prefix
from .models import GuideData
from .pages import Page, PageTable, build_page_table
from .problems import DataError, Problem
from .references import PageProblems, blocks_used, substitute
from .render import contact, feedback, front, glossary, pilot_map, pilots, selfcheck, status, steps
from .text import escape_html

# The scripts and stylesheets that only some pages need (below docs/): a page loads them only where
# their block or kind of page is; what every page needs is listed in mkdocs.yml (extra_javascript,
# extra_css). A lighter first view for all other pages.
BLOCK_ASSETS = {
    "selfcheck": ("assets/javascripts/selfcheck.js", "assets/stylesheets/selfcheck.css"),
    "feedback_form": ("assets/javascripts/feedback.js", "assets/stylesheets/feedback.css"),
    "front_door": ("assets/stylesheets/front-door.css",),
}
KIND_ASSETS = {"pilots": ("assets/javascripts/pilot-filter.js", "assets/stylesheets/pilots.css")}


def read_guide(root: Path) -> tuple[GuideData, Chapters, PageTable]:
    """Data, chapters and page table of the project at root, without building (for the tools);
    raises DataError for invalid data."""
    data = load_data(root)
    chapters = read_chapters(root / "docs")
    return data, chapters, build_page_table(data, chapters)


def translation_lags(data: GuideData, chapters: Chapters, table: PageTable,
                     file_times: dict[str, int], record_times: dict) -> list[history.Lag]:
    """Chapters and pilot records whose one language changed after the other, newest first."""
    return history.translation_lags([(page.id, page.file) for page in table if page.kind == "chapter"],
                                    file_times, record_times, [pilot.id for pilot in data.pilots.pilots],
                                    pending_translations(chapters))


class SiteBuild:
    def __init__(self, root: Path, release: bool = False, mkdocs_yml: str = ""):
        """Read and check everything once, before any page is written; raise DataError listing every
        problem of every file."""
        self.root = root
        self.data, self.chapters, self.table = read_guide(root)
        problems = chapter_problems(self.data, self.table, self.chapters, root / "docs")
        if release:
            problems += release_problems(self.data, mkdocs_yml)
        if problems:
            raise DataError(problems)
        self.file_times = history.file_times(root)
        self.record_times = history.record_times(root)
        self.lags = translation_lags(self.data, self.chapters, self.table, self.file_times, self.record_times)
        self._outline = pilot_map.load_outline(root)

    # --- Pages ---------------------------------------------------------------------------------------

    def generated_markdown(self, page: Page, lang: str) -> str:
        """The Markdown of a page made from data."""
        data, table = self.data, self.table
        if page.kind == "pilot":
            pilot = next(p for p in data.pilots.pilots if p.id == page.pilot_id)
            return pilots.pilot_markdown(data, table, pilot, lang)
        if page.kind == "pilots":
            map_block = pilot_map.map_html(self._outline, data, lang)
            return pilots.overview_markdown(data, table, page, lang, map_block)
        if page.kind == "glossary":
            return glossary.glossary_markdown(data, lang)
        def link(lag: history.Lag) -> tuple[str, str]:
            target = table.get(lag.name) if lag.kind == "page" else table.pilot(lag.name)
            return target.title[lang], table.md_link(page, target)
        return status.report_markdown(data, self.lags, lang, link)

    def chapter_markdown(self, page: Page, lang: str, markdown: str, pdf_links: Callable[[], str]) -> str:
        """A chapter with its references resolved and the pilots of its step or factors added."""
        chapter = self.chapters[lang][page.file]
        blocks = {"steps_overview": lambda: steps.overview_markdown(self.data, self.table, page, lang),
                  "pdf_download": pdf_links,
                  "feedback_form": lambda: feedback.feedback_form_html(self.data, lang),
                  "selfcheck": lambda: selfcheck.selfcheck_html(self.data, self.table, page, lang),
                  "contact_block": lambda: "\n\n" + contact.contact_html(self.data, lang) + "\n\n",
                  "front_door": lambda: front.front_door_html(self.data, self.table, page, lang,
                                                              self.updated_text(None, lang))}
        try:
            markdown = substitute(markdown, lang, self.data, blocks, chapter.source, chapter.body_start)
        except PageProblems as error:
            raise DataError(error.problems) from None
        if page.step:
            markdown += pilots.step_pilots_markdown(self.data, self.table, page, lang)
        return pilots.add_factor_pilots(markdown, self.data, self.table, page, lang)

    def pdf_links(self, page: Page, lang: str, href_of: Callable[[str], str]) -> str:
        """Both languages' PDFs, the page's own first; href_of(site path) makes a link relative."""
        items = [f'<li><a href="{escape_html(href_of(self.pdf_path(code)))}" hreflang="{code}" type="application/pdf">'
                 f'{escape_html(self.data.labels.ui["pdf_download"][code])}</a></li>'
                 for code in sorted(LANGUAGES, key=lambda code: code != lang)]
        return '\n\n<ul class="pdf-downloads">' + "".join(items) + "</ul>\n\n"

    def pdf_path(self, lang: str) -> str:
        """Where the guide as a PDF lies, relative to the site root (wegweiser.pdf makes it)."""
        return f"downloads/{self.data.labels.ui['pdf_file'][lang]}"

    def glossary_href(self, page: Page, lang: str) -> str | None:
        """Where this page links glossary terms to, or None where terms are never marked."""
        if page.kind != "chapter" or page.legal:
            return None
        return self.table.href(page, self.table.generated("glossary"), lang)

    # --- Template context (plain text: the templates escape it) --------------------------------------

    def site_context(self, lang: str) -> dict:
        """What every template of one language needs: labels, footer, language names."""
        labels, table, brand = self.data.labels, self.table, self.data.site.brand
        return {
            "lang": lang,
            "ui": labels.ui_strings(lang),
            "ui_all": {code: labels.ui_strings(code) for code in LANGUAGES},
            "footer": [{"label": link.label[lang],
                        "url": table.get(link.page).path[lang] if link.page else None,
                        "mail": self._mail(link.mail, lang) if link.mail else None}
                       for link in labels.footer],
            "home": {code: url_prefix(code) for code in LANGUAGES},
            # The language switcher where a page has no twin (the 404 page): each language's start page.
            "home_languages": [{"lang": code, "name": labels.ui[f"language_{code}"][code], "url": url_prefix(code),
                                "current": code == lang} for code in LANGUAGES],
            "copyright": self.data.site.copyright[lang],
            "name": self.data.site.name[lang],
            "brand": {"logo": brand.logo if isinstance(brand.logo, str) else None, "mark": brand.mark,
                      "publisher": str(self.data.site.value("legal", "publisher", lang))},
            # Escaped HTML (wegweiser.render.contact) and the contact page's address below the site root.
            "contact_html": contact.contact_list_html(self.data, lang),
            "contact_page": table.get("contact").path[lang],
        }

    def updated_text(self, page: Page | None, lang: str) -> str:
        """'Stand: <date>' of the page's last change, or of the guide's newest change (page None)."""
        changed = self.changed(page, lang) if page else max(self.file_times.values(), default=None)
        if not changed:
            return ""
        return self.data.labels.ui["last_updated"][lang].format(date=format_date(
            datetime.fromtimestamp(changed, tz=UTC).date(), format="long", locale=lang))

    def _mail(self, dotted: str, lang: str) -> str:
        group, key = dotted.split(".")
        return str(self.data.site.value(group, key, lang))

    def page_context(self, page: Page, lang: str, edit_base: str) -> dict:
        """What the templates show around one page: its twins, its date, where to edit it, its step."""
        ui = self.data.labels.ui_strings(lang)
        source = page.source(lang)
        chapter = self.chapters[lang].get(page.file) if page.kind == "chapter" else None
        return {
            "languages": [{"lang": code, "name": self.data.labels.ui[f"language_{code}"][code], "url": page.path[code],
                           "current": code == lang} for code in LANGUAGES],
            "updated": self.updated_text(page, lang),
            "edit_url": edit_base + entry_address(source) if source else "",
            "edit_label": ui["edit_page"],
            "pending": ui["translation_pending"] if chapter and chapter.meta.get("translation") == "pending" else "",
            "step": steps.step_navigation(self.data, self.table, page, lang),
            # Escaped HTML (wegweiser.render.contact): the step pages' help box.
            "help_html": contact.step_help_html(self.data, self.table, page, lang) if page.step else "",
            "search": page.search,
            "is_start": page.id == "start",  # each language's start page (MkDocs knows only the German one)
            **self.page_assets(page, lang),
        }

    def page_assets(self, page: Page, lang: str) -> dict[str, list[str]]:
        """The scripts and stylesheets of the blocks and kind of this page (addresses below the site root)."""
        chapter = self.chapters[lang].get(page.file) if page.kind == "chapter" else None
        used = blocks_used(chapter.body) if chapter else set()
        assets = {asset for name in used for asset in BLOCK_ASSETS.get(name, ())} | set(KIND_ASSETS.get(page.kind, ()))
        return {"scripts": sorted(asset for asset in assets if asset.endswith(".js")),
                "styles": sorted(asset for asset in assets if asset.endswith(".css"))}

    def changed(self, page: Page, lang: str) -> int | None:
        """When the page last changed in this language (Unix time, from git), if known."""
        source = page.source(lang) or ""
        if page.kind == "pilot":
            return self.record_times.get((page.pilot_id or "", lang)) or self.file_times.get(source)
        return self.file_times.get(source)

    def sitemap(self, site_url: str) -> list[dict]:
        def lastmod(page: Page, lang: str) -> str | None:
            changed = self.changed(page, lang)
            return datetime.fromtimestamp(changed, tz=UTC).date().isoformat() if changed else None
        return self.table.sitemap(site_url, lastmod)

    def content_problems(self, page: Page, lang: str, findings: list[Finding]) -> list[Problem]:
        """What the rendered page may not contain (wegweiser.markdown_ext.ContentSafety), named with
        the line of the chapter or data file it came from."""
        if not findings:
            return []
        if page.kind == "chapter":
            chapter = self.chapters[lang][page.file]
            return finding_problems(chapter.source, chapter.body, findings, chapter.body_start)
        source = page.source(lang)
        text = (self.root / source).read_text(encoding="utf-8") if source else ""
        return finding_problems(source or page.file, text, findings)
