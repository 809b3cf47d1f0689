"""MkDocs hook: the whole guide as one PDF per language – cover, contents, chapters, pilots and
glossary – made from the built pages with WeasyPrint, without network, fonts embedded, tagged as
PDF/UA. The order page offers it for download. Skipped under 'mkdocs serve' and with
WEGWEISER_PDF=0 (tests that only need pages)."""
from __future__ import annotations

import html
import os
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from babel.dates import format_date
from mkdocs.plugins import event_priority

import state

FONTS = Path(__file__).resolve().parents[1] / "fonts"
LEFT_OUT = ("check.md", "leichte-sprache.md", "impressum.md", "datenschutz.md", "barrierefreiheit.md")
REMOVED = ("a.headerlink", ".glossary-tip", ".page-info", ".step-pager", "form", "template", ".selfcheck-tool", "script",
           ".md-content__button", ".pilot-map__list")

PDF_CSS = """
@font-face { font-family: Guide; src: url("{fonts}/DejaVuSans.ttf"); }
@font-face { font-family: Guide; font-weight: bold; src: url("{fonts}/DejaVuSans-Bold.ttf"); }
@page { size: A4; margin: 22mm 20mm 24mm; @bottom-center { content: counter(page); font: 9pt Guide; color: #555; } }
@page :first { @bottom-center { content: none; } }
html { font-family: Guide; font-size: 10pt; line-height: 1.45; color: #1f2a2e; }
h1 { font-size: 20pt; color: #0b5a6b; break-before: page; margin: 0 0 8mm; }
h2 { font-size: 14pt; color: #0b5a6b; margin: 7mm 0 2mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; break-after: avoid; }
a { color: #0b5a6b; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { break-before: avoid; font-size: 28pt; }
.cover p { font-size: 13pt; }
.toc h2 { break-before: page; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 1.5mm 0; }
.toc a { color: inherit; text-decoration: none; }
.toc a::after { content: leader(".") target-counter(attr(href), page); }
.toc li.pilot { padding-left: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; }
th, td { border: 0.5pt solid #b8c2c6; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
.admonition { border-left: 3pt solid #0b5a6b; background: #eef4f6; padding: 2mm 4mm; margin: 3mm 0; }
.admonition-title { font-weight: bold; margin: 0 0 1mm; }
.step-caption { font-weight: bold; color: #3d4a50; margin: 0; }
mark.placeholder { background: #fff1a8; }
svg { max-width: 100%; height: auto; font-family: Guide; }
ul.pilot-cards { padding: 0; list-style: none; }
li.pilot-card { border: 0.5pt solid #b8c2c6; padding: 2mm 4mm; margin: 2mm 0; break-inside: avoid; }
"""


def page_file(lang: str, page: str, site) -> str:
    """The built HTML of a page (path below docs/<lang>/), relative to the site folder."""
    prefix = "" if lang == state.DEFAULT_LANGUAGE else f"{lang}/"
    if page.startswith("pilots/"):
        name = page.removeprefix("pilots/").removesuffix(".md")
        folder = site.ui["pilots_folder"][lang]
        return f"{prefix}{folder}/" + ("" if name == "index" else f"{name}/") + "index.html"
    if page == "glossary.md":
        return f"{prefix}{site.ui['glossary_path'][lang]}/index.html"
    if page.endswith("index.md"):
        return prefix + page.removesuffix("index.md") + "index.html"
    return prefix + page.removesuffix(".md") + "/index.html"


def chapters(nav: list, lang: str) -> list[str]:
    """Page paths in the order of the language's navigation, each pilot after the overview."""
    pages = []

    def walk(items):
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])
            elif isinstance(item, str):
                pages.append(item.removeprefix(f"{lang}/"))
    walk(nav)
    ordered = []
    for page in pages:
        if page in LEFT_OUT:
            continue
        ordered.append(page)
        if page == "pilots/index.md":
            ordered += [f"pilots/{pilot.id}.md" for pilot in state.Data.pilots.pilots]
    return ordered


def document_html(site_dir: Path, lang: str, nav: list, config) -> str:
    from bs4 import BeautifulSoup  # only needed when the PDFs are made

    site = state.Data.site
    ui = site.ui_strings(lang)
    pages = chapters(nav, lang)
    files = [page_file(lang, page, site) for page in pages]
    chapter_of = {"/" + file.removesuffix("index.html"): f"c{n}" for n, file in enumerate(files)}
    bodies, toc = [], []
    for n, file in enumerate(files):
        soup = BeautifulSoup((site_dir / file).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        for selector in REMOVED:
            for element in article.select(selector):
                element.decompose()
        for element in article.select("[id]"):
            element["id"] = f"c{n}-{element['id']}"
        base = "https://site.invalid/" + file
        for link in article.select("a[href]"):
            target = urlsplit(urljoin(base, link["href"]))
            if target.netloc != "site.invalid":
                continue
            chapter = chapter_of.get(target.path)
            if chapter:
                link["href"] = f"#{chapter}-{target.fragment}" if target.fragment else f"#{chapter}"
            else:
                link["href"] = urljoin(config.site_url, target.path.lstrip("/"))
        title = article.select_one("h1")
        heading = title.get_text(" ", strip=True) if title else ""
        if title:
            title["id"] = f"c{n}"
        css = ' class="pilot"' if pages[n].startswith("pilots/") and pages[n] != "pilots/index.md" else ""
        toc.append(f'<li{css}><a href="#c{n}">{html.escape(heading)}</a></li>')
        bodies.append(f'<section class="chapter">{article.decode_contents()}</section>')
    changed = max(state.Data.file_times.values(), default=None)
    edition = ui["pdf_edition"].format(date=format_date(
        datetime.fromtimestamp(changed, tz=timezone.utc).date(), format="long", locale=lang)) if changed else ""
    name = config.plugins["i18n"].get_language_config(lang).site_name or config.site_name
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(name)}</title>'
            f'<meta name="author" content="{html.escape(site.lookup("legal.publisher", lang))}">'
            f'<style>{PDF_CSS.replace("{fonts}", FONTS.as_uri())}</style></head><body>'
            f'<section class="cover"><h1>{html.escape(name)}</h1><p>{html.escape(ui["share_subtitle"])}</p>'
            f'<p>{html.escape(edition)}</p></section>'
            f'<nav class="toc"><h2>{html.escape(ui["pdf_contents"])}</h2><ol>{"".join(toc)}</ol></nav>'
            + "".join(bodies) + "</body></html>")


@event_priority(-300)  # after everything else has finished the site
def on_post_build(config):
    if config.plugins["i18n"].building or state.Data.command == "serve" or os.environ.get("WEGWEISER_PDF") == "0":
        return
    from weasyprint import HTML  # imported here: a serve reload should not pay for it

    site_dir = Path(config.site_dir)
    for language in config.plugins["i18n"].config.languages:
        lang = language.locale
        target = site_dir / state.Data.site.pdf_path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=document_html(site_dir, lang, language.nav, config), base_url=str(site_dir)).write_pdf(
            target, pdf_variant="pdf/ua-1")
