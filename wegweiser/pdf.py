"""The whole guide as one PDF per language – cover, contents, chapters, pilots and glossary – made
from the built pages with WeasyPrint, without network, fonts embedded, tagged as PDF/UA. The order
page offers it for download."""
from __future__ import annotations

import html
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from babel.dates import format_date

from .build import SiteBuild
from .languages import LANGUAGES
from .pages import Page
from .problems import DataError, Problem

FONTS = Path(__file__).resolve().parents[1] / "fonts"
# Parts of a built page that make no sense on paper.
REMOVED = ("a.headerlink", ".glossary-tip", ".page-info", ".step-pager", "form",
           ".pilot-filter", "template", ".selfcheck-tool",
           "script", ".md-content__button", ".contact-help", ".front-door__entries", ".front-door__steps",
           ".pilot-map__layout--narrow", ".placeholder-notice")

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
/* Tables fit the text area: fixed columns, long words wrap (write_pdfs refuses a table that does not fit). */
table { border-collapse: collapse; width: 100%; margin: 3mm 0; table-layout: fixed; }
th, td { border: 0.5pt solid #b8c2c6; padding: 1.5mm 2mm; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; hyphens: auto; }
table.glossary th:nth-child(1), table.glossary th:nth-child(2) { width: 20%; }
table.glossary th:nth-child(3) { width: 42%; }
/* Checklists: an empty box in the line of its text. */
li.task-list-item { list-style: none; margin-left: -5mm; }
.task-list-control input { display: none; }
.task-list-indicator::before { content: "☐"; margin-right: 1.5mm; }
.task-list-control input:checked + .task-list-indicator::before { content: "☑"; }
/* "Schritt N von 6" starts the chapter's page and stays with its heading. */
.step-caption { break-before: page; break-after: avoid; }
.step-caption + h1 { break-before: avoid; }
h2, h3, h4 { break-inside: avoid; }
/* The pilot map as the wide screen shows it. */
.pilot-map__link, .pilot-map__link line { stroke: #5d6b71; stroke-width: 2; fill: none; }
.pilot-map__hub { fill: #ffffff; stroke: #3d4a50; stroke-width: 2; }
.pilot-map__marker circle { fill: #0b5a6b; stroke: #ffffff; stroke-width: 2; }
.pilot-map text { font-size: 16px; }
.pilot-map__count { fill: #ffffff; font-weight: bold; }
.pilot-map__region { font-weight: bold; fill: #1f2a2e; }
.pilot-map__town { fill: #4f5e64; }
.pilot-map__town-name, .pilot-map__country { fill: #3d4a50; }
.contact-block { margin: 2mm 0; }
.contact-card { border-left: 3pt solid #0b5a6b; padding: 1mm 4mm; margin: 2mm 0; break-inside: avoid; }
.contact-card__facts dt { font-weight: bold; float: left; clear: left; width: 32mm; }
.contact-card__facts dd { margin-left: 34mm; }
.admonition { border-left: 3pt solid #0b5a6b; background: #eef4f6; padding: 2mm 4mm; margin: 3mm 0; }
.admonition-title { font-weight: bold; margin: 0 0 1mm; }
.step-caption { font-weight: bold; color: #3d4a50; margin: 0; }
mark.placeholder { background: #fff1a8; }
svg { max-width: 100%; height: auto; font-family: Guide; }
ul.pilot-cards { padding: 0; list-style: none; }
li.pilot-card { border: 0.5pt solid #b8c2c6; padding: 2mm 4mm; margin: 2mm 0; break-inside: avoid; }
"""


def chapters(build: SiteBuild) -> list[Page]:
    """The pages of the PDF in the order of the navigation, each pilot after the overview."""
    return [page for page in build.table if page.search and page.in_pdf]


def document_html(site_dir: Path, build: SiteBuild, lang: str, site_url: str) -> str:
    from bs4 import BeautifulSoup  # only needed when the PDFs are made

    ui = build.data.labels.ui_strings(lang)
    pages = chapters(build)
    files = [page.dest_uri(lang) for page in pages]
    chapter_of = {"/" + page.path[lang]: f"c{n}" for n, page in enumerate(pages)}
    bodies, toc = [], []
    for n, (page, file) in enumerate(zip(pages, files, strict=True)):
        soup = BeautifulSoup((site_dir / file).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        assert article is not None, file
        for selector in REMOVED:
            for element in article.select(selector):
                element.decompose()
        for element in article.select("[id]"):
            element["id"] = f"c{n}-{element['id']}"
        base = "https://site.invalid/" + file
        for link in article.select("a[href]"):
            target = urlsplit(urljoin(base, str(link["href"])))
            if target.netloc != "site.invalid":
                continue
            chapter = chapter_of.get(target.path)
            if chapter:
                link["href"] = f"#{chapter}-{target.fragment}" if target.fragment else f"#{chapter}"
            else:
                link["href"] = urljoin(site_url, target.path.lstrip("/"))
        title = article.select_one("h1")
        heading = title.get_text(" ", strip=True) if title else ""
        if title:
            title["id"] = f"c{n}"
        css = ' class="pilot"' if page.kind == "pilot" else ""
        toc.append(f'<li{css}><a href="#c{n}">{html.escape(heading)}</a></li>')
        bodies.append(f'<section class="chapter">{article.decode_contents()}</section>')
    changed = max(build.file_times.values(), default=None)
    edition = ui["pdf_edition"].format(date=format_date(
        datetime.fromtimestamp(changed, tz=UTC).date(), format="long", locale=lang)) if changed else ""
    name = build.data.site.name[lang]
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(name)}</title>'
            f'<meta name="author" content="{html.escape(str(build.data.site.value("legal", "publisher", lang)))}">'
            f'<style>{PDF_CSS.replace("{fonts}", FONTS.as_uri())}</style></head><body>'
            f'<section class="cover"><h1>{html.escape(name)}</h1><p>{html.escape(ui["share_subtitle"])}</p>'
            f'<p>{html.escape(edition)}</p></section>'
            f'<nav class="toc"><h2>{html.escape(ui["pdf_contents"])}</h2><ol>{"".join(toc)}</ol></nav>'
            + "".join(bodies) + "</body></html>")


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)


def wide_tables(document) -> list[tuple[int, str]]:
    """Tables of a laid-out WeasyPrint document that reach beyond the text area of their page:
    (page number, the table's first words)."""
    found = []
    for number, page in enumerate(document.pages, start=1):
        area = page._page_box  # the page's content box: the text area between the margins
        right = area.margin_left + area.width
        for box in _boxes(area):
            if getattr(box, "element_tag", None) == "table" and box.position_x + box.margin_width() > right + 0.5:
                words = " ".join(" ".join(text.text for text in _boxes(box) if hasattr(text, "text")
                                          and isinstance(text.text, str)).split()[:6])
                found.append((number, words))
    return found


def write_pdf(document: str, base_url: str, target: Path) -> list[tuple[int, str]]:
    """Lay out one PDF and write it, unless a table is wider than the page: then return those."""
    from weasyprint import HTML  # imported here: most builds and every serve reload do without it

    laid_out = HTML(string=document, base_url=base_url).render(pdf_variant="pdf/ua-1")
    wide = wide_tables(laid_out)
    if not wide:
        laid_out.write_pdf(target, pdf_variant="pdf/ua-1")
    return wide


def write_pdfs(site_dir: Path, build: SiteBuild, site_url: str) -> None:
    """One PDF per language, laid out side by side in processes of their own (most of a build's
    time). Raise DataError when a table does not fit the page (the PDF would cut it off)."""
    jobs = []
    for lang in LANGUAGES:
        target = site_dir / build.pdf_path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        jobs.append((document_html(site_dir, build, lang, site_url), str(site_dir), target))
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers < 2:
        results = [write_pdf(*job) for job in jobs]
    else:
        # "spawn": a forked copy of a process with threads can inherit a held lock and hang.
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = [done.result() for done in [pool.submit(write_pdf, *job) for job in jobs]]
    problems = [Problem(f"downloads/{target.name}", None, f"page {number}: the table '{words} …' is wider than "
                        "the page; shorten its longest words or split it")
                for (_, _, target), wide in zip(jobs, results, strict=True) for number, words in wide]
    if problems:
        raise DataError(problems)
