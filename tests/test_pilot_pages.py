"""The generated pilot pages as readers get them, and what an editor's one new record does."""
from __future__ import annotations

import json

import pytest
import yaml
from conftest import LANGUAGES, ROOT, TABLE, Site, copy_project, page_path, run_mkdocs

LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
PILOTS = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))
STEP_PAGES = {step["key"]: TABLE.for_step(step["key"]).id for step in LABELS["steps"]}
FACTOR_PAGES = {group: TABLE.for_sections(group).id for group in ("success_factors", "risk_factors")}


def pilot_page(lang: str, pilot_id: str = "") -> str:
    """The overview's address, or a pilot's below it (below the language root)."""
    return page_path("pilots", lang) + (f"{pilot_id}/" if pilot_id else "")


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
    assert soup.select_one("div.pilot-filter") is not None
    for name in ("sector", "region", "benefit", "step"):
        select = soup.select_one(f"select#filter-{name}")
        label = soup.select_one(f'label[for="filter-{name}"]')
        assert select is not None and label.get_text(strip=True) == LABELS["ui"][f"filter_{name}"][lang]
    status = soup.select_one('.pilot-filter__result[role="status"]')
    assert status["aria-live"] == "polite"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_is_in_the_navigation_but_pilot_pages_are_not(site, lang):
    nav = site.soup(site.file_of(lang, page_path("practice", lang))).select_one("nav.md-nav--primary")
    titles = [a.get_text(" ", strip=True) for a in nav.select(".md-nav__link .md-ellipsis")]
    assert LABELS["ui"]["pilots_title"][lang] in titles
    assert not {p["title"][lang] for p in PILOTS["pilots"]} & set(titles)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pilot_pages_link_back_to_their_step_and_factors(site, lang):
    for pilot in PILOTS["pilots"]:
        file = site.file_of(lang, pilot_page(lang, pilot["id"]))
        links = [site.resolve(file, a["href"]) for a in site.soup(file).select("article a[href]")]
        assert TABLE.get(STEP_PAGES[pilot["step_reached"]]).path[lang] in links
        for group, page in FACTOR_PAGES.items():
            for key in pilot[group]:
                assert f"{TABLE.get(page).path[lang]}#{key}" in links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_steps_and_factor_sections_list_their_pilots(site, lang):
    prefix = "" if lang == "de" else "nl/"

    def expected(field, key):
        return {prefix + pilot_page(lang, p["id"]) for p in PILOTS["pilots"]
                if (p[field] == key if field == "step_reached" else key in p[field])}

    for key, page in STEP_PAGES.items():
        file = site.file_of(lang, page_path(page, lang))
        assert linked_pages(site, file, "#pilots + ul a") == expected("step_reached", key)
    for group, page in FACTOR_PAGES.items():
        file = site.file_of(lang, page_path(page, lang))
        soup = site.soup(file)
        for key in LABELS[group]:
            section_links = set()
            for sibling in soup.find("h2", id=key).find_next_siblings():
                if sibling.name == "h2":
                    break
                section_links |= {site.resolve(file, a["href"]) for a in sibling.select("a[href]")}
            pilots_linked = {link for link in section_links if link.startswith(prefix + pilot_page(lang))}
            assert pilots_linked == expected(group, key), (lang, group, key)


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
        step = built.file_of(lang, page_path(STEP_PAGES["goals"], lang))
        assert prefix + page in linked_pages(built, step, "#pilots + ul a")
        search_index = json.loads((built.root / "pagefind" / lang / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert search_index["languages"][lang]["page_count"] == len(built.pages[lang]) - 1  # not the editors' page
        assert built.soup(built.file_of(lang, page)).select("[data-pagefind-body]")
        switch = built.soup(built.file_of(lang, page)).select_one(
            f'a.md-select__link[hreflang="{"nl" if lang == "de" else "de"}"]')
        other = "nl" if lang == "de" else "de"
        assert built.resolve(built.file_of(lang, page), switch["href"]) == \
            ("" if other == "de" else "nl/") + pilot_page(other, "elfte-pilot")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_marks_every_region_with_pilots_and_a_text_says_the_same(site, lang):
    soup = site.soup(site.file_of(lang, pilot_page(lang)))
    regions = list(dict.fromkeys(r["region"] for p in PILOTS["pilots"] for r in p["partners"]))
    for layout in ("wide", "narrow"):
        markers = soup.select(f"figure.pilot-map .pilot-map__layout--{layout} .pilot-map__marker")
        assert sorted(m["data-region"] for m in markers) == sorted(regions)
        names = {text.get_text(" ") for text in soup.select(f".pilot-map__layout--{layout} text.pilot-map__region")}
        assert names == {LABELS["regions"][key][lang] for key in regions}
    lines = soup.select("#pilot-map-text li")
    assert sorted(li["data-region"] for li in lines) == sorted(regions)
    assert soup.select_one("figure.pilot-map svg")["aria-describedby"] == "pilot-map-text"
