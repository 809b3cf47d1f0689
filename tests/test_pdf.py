"""The whole guide as one PDF per language, offered on the order page."""
from __future__ import annotations

import pytest
import yaml
from conftest import LANGUAGES, ROOT, TABLE, page_path
from pypdf import PdfReader

LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
PILOTS = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))["pilots"]


def heading(site, lang, page):
    h1 = site.soup(site.file_of(lang, page)).select_one("article h1")
    return "".join(t for t in h1.find_all(string=True) if not t.find_parent(class_="headerlink")).strip()


def bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page number) of every bookmark: the PDF's navigation, one per heading."""
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((" ".join(item.title.split()), reader.get_destination_page_number(item)))
    walk(reader.outline)
    return found


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_holds_every_chapter_and_pilot_as_text(site, lang):
    path = site.root / "downloads" / LABELS["ui"]["pdf_file"][lang]
    reader = PdfReader(path)
    marks = dict(bookmarks(reader))
    chapters = [page_path(page.id, lang) for page in TABLE if page.kind == "chapter" and page.in_pdf]
    assert len(chapters) >= 12
    titles = [heading(site, lang, page) for page in chapters] + [pilot["title"][lang] for pilot in PILOTS]
    for title in titles:
        assert words(title) in marks, (lang, title)
    # Each bookmark leads to a page that shows its heading as text (a sample: reading all is slow).
    for title in (titles[0], titles[len(chapters) - 1], titles[-1]):
        assert words(title) in words(reader.pages[marks[words(title)]].extract_text()), (lang, title)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang and "/StructTreeRoot" in root, "tagged PDF in the page's language"
    fonts = [font.get_object() for page in reader.pages[:3] for font in page["/Resources"]["/Font"].values()]
    assert fonts and all(embedded(font) for font in fonts), "all fonts embedded"


def embedded(font) -> bool:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(key in descriptor.get_object()
                                          for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_order_page_offers_both_pdfs(site, lang):
    file = site.file_of(lang, page_path("order", lang))
    links = site.soup(file).select("ul.pdf-downloads a")
    targets = [site.resolve(file, a["href"]) for a in links]
    assert sorted(targets) == sorted(f"downloads/{LABELS['ui']['pdf_file'][code]}" for code in LANGUAGES)
    assert links[0]["hreflang"] == lang


GLOSSARY_LIKE = ('<table class="glossary"><thead><tr><th>Deutsch</th><th>Niederländisch</th><th>Bedeutung</th>'
                 '<th>Hinweis</th></tr></thead><tbody><tr><td>Handwerksrollen­eintragungs­bescheinigung</td>'
                 '<td>inschrijvingsbewijsvandehandwerksrolzonderspaties</td><td>' + "Erklärung " * 40 +
                 '</td><td>keine Entsprechung</td></tr></tbody></table>')


def test_no_table_is_wider_than_the_text_area():
    """A table with long words fits the page with the guide's PDF styles (and the check that the
    build runs on every PDF finds one that does not: write_pdfs then stops with its page)."""
    from weasyprint import HTML

    from wegweiser.pdf import PDF_CSS, wide_tables
    bare = GLOSSARY_LIKE.replace(' class="glossary"', "")
    plain = HTML(string=f"<html><body>{bare}</body></html>").render()
    assert wide_tables(plain), "without the styles the table runs off the page"
    css = PDF_CSS.replace("{fonts}", "")
    styled = HTML(string=f"<html><head><style>{css}</style></head><body>{GLOSSARY_LIKE}</body></html>").render()
    assert not wide_tables(styled)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_built_pdfs_passed_the_table_check(site, lang):
    # The site fixture builds the PDFs; write_pdfs refuses any table wider than the text area.
    assert (site.root / "downloads" / LABELS["ui"]["pdf_file"][lang]).stat().st_size > 100_000
