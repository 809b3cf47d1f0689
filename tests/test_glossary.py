"""The German–Dutch glossary: a page per language with both terms side by side, and the terms
marked in the chapters as accessible tooltips."""
from __future__ import annotations

import re

import markdown
import pytest
from conftest import DATA, LANGUAGES, TABLE, page_path

from wegweiser.markdown_ext import GlossaryExtension
from wegweiser.models import Glossary, GlossaryTerm

GLOSSARY = DATA.glossary.terms
UI = DATA.labels.ui


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_shows_both_terms_side_by_side(site, lang):
    soup = site.soup(site.file_of(lang, page_path("glossary", lang)))
    rows = soup.select("table.glossary tbody tr")
    assert len(rows) == len(GLOSSARY) >= 30
    for row, term in zip(rows, GLOSSARY, strict=True):
        cells = row.find_all("td")
        assert row["id"] == term.id
        assert [cells[0]["lang"], cells[1]["lang"]] == ["de", "nl"]
        assert cells[0].get_text() == term.de and cells[1].get_text() == term.nl
        assert term.explanation[lang] in cells[2].get_text()
    false_friends = [t for t in GLOSSARY if t.flag == "false_friend"]
    assert false_friends and any(UI["glossary_flag_false_friend"][lang] in r.get_text() for r in rows)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_terms_in_chapters_are_linked_with_a_described_tooltip(site, lang):
    file = site.file_of(lang, page_path("practice", lang))
    soup = site.soup(file)
    marks = soup.select("article a.glossary-term")
    assert len(marks) >= 5
    ids = [mark["href"].split("#")[1] for mark in marks]
    assert len(ids) == len(set(ids)), "each term is marked once per page"
    for mark in marks:
        tip = soup.find(id=mark["aria-describedby"])
        assert tip["role"] == "tooltip" and tip.has_attr("data-pagefind-ignore")
        term = next(t for t in GLOSSARY if t.id == mark["href"].split("#")[1])
        assert term.explanation[lang] in tip.get_text()
        assert site.resolve(file, mark["href"]) == f"{TABLE.get('glossary').path[lang]}#{term.id}"
        assert not mark.find_parent(re.compile(r"^h[1-6]$")) and not mark.find_parent("code")
        assert not tip.find("a"), "no marks inside a tooltip"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_marks_inside_the_publishers_name_or_on_legal_pages(site, lang):
    for page in ("imprint", "privacy", "accessibility"):
        assert not site.soup(site.file_of(lang, page_path(page, lang))).select("a.glossary-term"), page
    for page in site.pages[lang]:
        for mark in site.soup(site.file_of(lang, page)).select("a.glossary-term"):
            after = (mark.find_next_sibling(class_="glossary-tip").next_sibling or "")
            assert not (mark.get_text() == "Handwerkskammer" and str(after).startswith(" Münster")), page


def render(text: str, glossary: Glossary, href: str | None = "../glossar/") -> str:
    extension = GlossaryExtension(glossary, "de")
    extension.for_page(href)
    return markdown.Markdown(extensions=["toc", "attr_list", extension]).convert(text)


def test_marking_skips_names_links_headings_and_code_and_needs_whole_words():
    term = GlossaryTerm("gmbh", "GmbH", "bv", {"de": ("GmbH",), "nl": ("bv",)}, "equivalent",
                        {"de": "Kapitalgesellschaft", "nl": "kapitaalvennootschap"}, "https://example.org/")
    glossary = Glossary(("Muster GmbH & Co",), (term,))
    marked = render("## GmbH\n\n[GmbH](x) `GmbH` flex-bv.html GmbHs, Muster GmbH & Co\n\n"
                    "Eine GmbH und noch eine GmbH.", glossary)
    assert marked.count('class="glossary-term"') == 1
    assert '<p>Eine <a aria-describedby="glossary-tip-gmbh" class="glossary-term" href="../glossar/#gmbh">' in marked
    assert "flex-bv.html GmbHs, Muster GmbH &amp; Co" in marked
    assert render("Eine GmbH.", glossary, href=None).count("glossary-term") == 0  # a legal page
