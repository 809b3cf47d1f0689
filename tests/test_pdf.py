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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_holds_every_chapter_and_pilot_as_text(site, lang):
    path = site.root / "downloads" / LABELS["ui"]["pdf_file"][lang]
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages).replace("\n", " ")
    text = " ".join(text.split())
    chapters = [page_path(page.id, lang) for page in TABLE if page.kind == "chapter" and page.in_pdf]
    assert len(chapters) >= 12
    for page in chapters:
        assert heading(site, lang, page) in text, (lang, page)
    for pilot in PILOTS:
        assert pilot["title"][lang] in text
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
