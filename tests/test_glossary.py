"""The German–Dutch glossary: a page per language with both terms side by side, and the terms
marked in the chapters as accessible tooltips."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import LANGUAGES, ROOT
from glossary import mark_terms

GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]
UI = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_shows_both_terms_side_by_side(site, lang):
    soup = site.soup(site.file_of(lang, UI["glossary_path"][lang] + "/"))
    rows = soup.select("table.glossary tbody tr")
    assert len(rows) == len(GLOSSARY) >= 30
    for row, term in zip(rows, GLOSSARY):
        cells = row.find_all("td")
        assert row["id"] == term["id"]
        assert [cells[0]["lang"], cells[1]["lang"]] == ["de", "nl"]
        assert cells[0].get_text() == term["de"] and cells[1].get_text() == term["nl"]
        assert term["explanation"][lang] in cells[2].get_text()
    false_friends = [t for t in GLOSSARY if t["flag"] == "false_friend"]
    assert false_friends and any(UI["glossary_flag_false_friend"][lang] in r.get_text() for r in rows)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_terms_in_chapters_are_linked_with_a_described_tooltip(site, lang):
    file = site.file_of(lang, "praxis/")
    soup = site.soup(file)
    marks = soup.select("article a.glossary-term")
    assert len(marks) >= 5
    ids = [mark["href"].split("#")[1] for mark in marks]
    assert len(ids) == len(set(ids)), "each term is marked once per page"
    for mark in marks:
        tip = soup.find(id=mark["aria-describedby"])
        assert tip["role"] == "tooltip"
        term = next(t for t in GLOSSARY if t["id"] == mark["href"].split("#")[1])
        assert term["explanation"][lang] in tip.get_text()
        assert site.resolve(file, mark["href"]) == ("" if lang == "de" else "nl/") + \
            UI["glossary_path"][lang] + "/#" + term["id"]
        assert not mark.find_parent(re.compile(r"^h[1-6]$")) and not mark.find_parent("code")


def test_marking_skips_links_headings_and_code_and_needs_whole_words():
    terms = [{"id": "gmbh", "de": "GmbH", "nl": "bv", "forms": {"de": ["GmbH"], "nl": ["bv"]},
              "explanation": {"de": "Kapitalgesellschaft", "nl": "kapitaalvennootschap"}}]
    html = ('<h2>GmbH</h2><p><a href="x">GmbH</a> <code>GmbH</code> flex-bv.html GmbHs</p>'
            '<p>Eine GmbH und noch eine GmbH.</p>')
    marked = mark_terms(html, terms, "de", "../glossar/")
    assert marked.count('class="glossary-term"') == 1
    assert '<p>Eine <a class="glossary-term" href="../glossar/#gmbh"' in marked
    assert "<h2>GmbH</h2>" in marked and "flex-bv.html GmbHs" in marked


def test_glossary_mistakes_are_named_with_file_line_and_term(tmp_path):
    import shutil

    from datafiles import DataError
    from glossary import load_glossary

    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    first_id = GLOSSARY[0]["id"]
    text = text.replace(f"flag: {GLOSSARY[0]['flag']}", "flag: maybe", 1)
    text = text.replace(f"  - id: {GLOSSARY[1]['id']}\n", f"  - id: {first_id}\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(f"record '{first_id}', field 'terms[0].flag': expected one of equivalent" in m for m in messages)
    assert any("field 'terms[1].id': expected a unique id" in m and m.startswith("data/glossary.yaml:")
               for m in messages)


def test_selfcheck_mistakes_are_named(tmp_path):
    import shutil

    from datafiles import DataError
    from selfcheck import load_selfcheck
    from sitedata import load_site_data

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    path = tmp_path / "data" / "selfcheck.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("factor: clear_goals", "factor: luck", 1),
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_selfcheck(tmp_path, load_site_data(tmp_path))
    assert "unknown factor 'luck'; expected a key of success_factors or risk_factors" in str(caught.value)
    assert str(caught.value.problems[0]).startswith("data/selfcheck.yaml:")
