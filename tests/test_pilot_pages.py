"""The generated pilot pages as readers get them, and what an editor's one new record does."""
from __future__ import annotations

import json

import pytest
import yaml

from conftest import LANGUAGES, ROOT, Site, copy_project, run_mkdocs

LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
PILOTS = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))
FOLDER = LABELS["ui"]["pilots_folder"]
STEP_PAGES = {step["key"]: step["page"].removesuffix(".md") + "/" for step in LABELS["steps"]}


def pilot_page(lang: str, pilot_id: str = "") -> str:
    return f"{FOLDER[lang]}/" + (f"{pilot_id}/" if pilot_id else "")


def linked_pages(site: Site, file: str, selector: str) -> set[str]:
    return {site.resolve(file, a["href"]).split("#")[0] for a in site.soup(file).select(selector)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_page_per_pilot_in_each_language(site, lang):
    assert {pilot_page(lang, p["id"]) for p in PILOTS["pilots"]} <= set(site.pages[lang])
    for pilot in PILOTS["pilots"]:
        soup = site.soup(site.file_of(lang, pilot_page(lang, pilot["id"])))
        assert soup.select_one("article h1").get_text().strip().startswith(pilot["title"][lang])
        assert pilot["summary"][lang] in soup.select_one('meta[name="description"]')["content"]
        assert soup.select_one("#facts") and soup.select_one("#story") and soup.select_one("#lessons")
        assert len(soup.select("#lessons + ul > li")) == len(pilot["lessons"][lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_example_notice_on_overview_and_every_pilot_page(site, lang):
    notice = PILOTS["notice"][lang]
    pages = [pilot_page(lang)] + [pilot_page(lang, p["id"]) for p in PILOTS["pilots"]]
    for page in pages:
        assert notice in site.soup(site.file_of(lang, page)).select_one(".admonition").get_text(), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_shows_every_card_without_javascript(site, lang):
    file = site.file_of(lang, pilot_page(lang))
    soup = site.soup(file)
    cards = soup.select("li.pilot-card")
    assert len(cards) == len(PILOTS["pilots"])
    assert not any(card.has_attr("hidden") for card in cards)
    prefix = "" if lang == "de" else "nl/"
    targets = [site.resolve(file, card.select_one("a")["href"]) for card in cards]
    assert targets == [prefix + pilot_page(lang, p["id"]) for p in PILOTS["pilots"]]
    assert soup.select_one("form.pilot-filter") is not None
    for name in ("sector", "region", "benefit", "step"):
        select = soup.select_one(f"select#filter-{name}")
        label = soup.select_one(f'label[for="filter-{name}"]')
        assert select is not None and label.get_text(strip=True) == LABELS["ui"][f"filter_{name}"][lang]
    status = soup.select_one('.pilot-filter__result[role="status"]')
    assert status["aria-live"] == "polite"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_is_in_the_navigation_but_pilot_pages_are_not(site, lang):
    nav = site.soup(site.file_of(lang, "praxis/")).select_one("nav.md-nav--primary")
    titles = [a.get_text(" ", strip=True) for a in nav.select(".md-nav__link .md-ellipsis")]
    assert LABELS["ui"]["pilots_title"][lang] in titles
    assert not {p["title"][lang] for p in PILOTS["pilots"]} & set(titles)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pilot_pages_link_back_to_their_step_and_factors(site, lang):
    prefix = "" if lang == "de" else "nl/"
    for pilot in PILOTS["pilots"]:
        file = site.file_of(lang, pilot_page(lang, pilot["id"]))
        links = [site.resolve(file, a["href"]) for a in site.soup(file).select("article a[href]")]
        assert prefix + STEP_PAGES[pilot["step_reached"]] in links
        for key in pilot["success_factors"]:
            assert f"{prefix}erfolgsfaktoren/#{key}" in links
        for key in pilot["risk_factors"]:
            assert f"{prefix}risikofaktoren/#{key}" in links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_steps_and_factor_sections_list_their_pilots(site, lang):
    prefix = "" if lang == "de" else "nl/"

    def expected(predicate):
        return {prefix + pilot_page(lang, p["id"]) for p in PILOTS["pilots"] if predicate(p)}

    for key, page in STEP_PAGES.items():
        file = site.file_of(lang, page)
        assert linked_pages(site, file, "#pilots + ul a") == expected(lambda p: p["step_reached"] == key)
    for group, page in (("success_factors", "erfolgsfaktoren/"), ("risk_factors", "risikofaktoren/")):
        file = site.file_of(lang, page)
        soup = site.soup(file)
        for key in LABELS[group]:
            section_links = set()
            for sibling in soup.find("h2", id=key).find_next_siblings():
                if sibling.name == "h2":
                    break
                section_links |= {site.resolve(file, a["href"]) for a in sibling.select("a[href]")}
            pilots_linked = {link for link in section_links if f"{FOLDER[lang]}/" in link}
            assert pilots_linked == expected(lambda p: key in p[group]), (lang, group, key)


def test_an_eleventh_pilot_needs_one_record_and_appears_everywhere(tmp_path):
    project = copy_project(tmp_path / "project")
    data = yaml.safe_load((project / "data" / "pilots.yaml").read_text(encoding="utf-8"))
    new = json.loads(json.dumps(data["pilots"][0]))
    new.update(id="elfte-pilot", step_reached="goals", success_factors=["trust"], risk_factors=["distance"])
    new["title"] = {"de": "Die elfte Pilotpartnerschaft", "nl": "Het elfde pilotpartnerschap"}
    with (project / "data" / "pilots.yaml").open("a", encoding="utf-8") as file:
        file.write(yaml.safe_dump([new], allow_unicode=True, sort_keys=False).replace("\n", "\n  ").join(["  ", "\n"]))
    result = run_mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    built = Site(tmp_path / "site", result.stdout)
    sitemap = (built.root / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        prefix = "" if lang == "de" else "nl/"
        page = pilot_page(lang, "elfte-pilot")
        assert page in built.pages[lang]
        assert built.url_of(lang, page) in sitemap
        overview = built.file_of(lang, pilot_page(lang))
        assert prefix + page in linked_pages(built, overview, "li.pilot-card a")
        assert prefix + page in linked_pages(built, built.file_of(lang, STEP_PAGES["goals"]), "#pilots + ul a")
        search_index = json.loads((built.root / "pagefind" / lang / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert search_index["languages"][lang]["page_count"] == len(built.pages[lang]) - 1  # not the editors' page
        assert built.soup(built.file_of(lang, page)).select("[data-pagefind-body]")
        switch = built.soup(built.file_of(lang, page)).select_one(
            f'a.md-select__link[hreflang="{"nl" if lang == "de" else "de"}"]')
        other = "nl" if lang == "de" else "de"
        assert built.resolve(built.file_of(lang, page), switch["href"]) == \
            ("" if other == "de" else "nl/") + pilot_page(other, "elfte-pilot")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_links_every_pilot_and_a_text_list_says_the_same(site, lang):
    file = site.file_of(lang, pilot_page(lang))
    soup = site.soup(file)
    prefix = "" if lang == "de" else "nl/"
    expected = [prefix + pilot_page(lang, p["id"]) for p in PILOTS["pilots"]]
    svg_links = [site.resolve(file, a["href"]) for a in soup.select("figure.pilot-map svg a")]
    assert svg_links == expected
    assert all(a.find("title").get_text().endswith(p["title"][lang])
               for a, p in zip(soup.select("figure.pilot-map svg a"), PILOTS["pilots"]))
    assert [site.resolve(file, a["href"]) for a in soup.select("ol.pilot-map__list a")] == expected
    regions = {r["region"] for p in PILOTS["pilots"] for r in p["partners"]}
    labels = {LABELS["regions"][key][lang] for key in regions}
    assert labels <= {text.get_text() for text in soup.select("svg text.pilot-map__region")}
