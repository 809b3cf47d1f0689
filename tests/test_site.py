"""What a reader gets from the built site: both languages complete, linked and findable."""
from __future__ import annotations

import re

import pytest
import yaml
from conftest import DATA, EDITOR_PAGES, LANGUAGES, ROOT, SITE_URL, TABLE, Site, page_path, twin

LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
STEPS = LABELS["steps"]
NAV_SECTION = {"de": "Der Erfolgsweg", "nl": "De succesroute"}
LEGAL = ("imprint", "privacy", "accessibility")
# Words that are the same in German and Dutch may stand in both addresses; pilot ids are names.
SAME_IN_BOTH = {"bestellen"} | {pilot.id for pilot in DATA.pilots.pilots}


def all_pages(site: Site):
    return [(lang, page) for lang in LANGUAGES for page in site.pages[lang]]


def test_build_is_free_of_warnings(site):
    assert "WARNING" not in site.log, site.log


def test_every_page_exists_in_both_languages(site):
    assert len(site.pages["de"]) >= 17
    assert sorted(twin(page, "de", "nl") for page in site.pages["de"]) == sorted(site.pages["nl"])


def test_html_lang_is_the_page_language(site):
    for lang, page in all_pages(site):
        assert site.soup(site.file_of(lang, page)).html["lang"] == lang, (lang, page)


def test_hreflang_alternates_are_absolute_and_point_both_ways_in_the_sitemap(site):
    from xml.etree import ElementTree

    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site.root / "sitemap.xml").getroot().findall("s:url", namespaces)
    alternates = {url.find("s:loc", namespaces).text: {link.get("hreflang"): link.get("href")
                                                        for link in url.findall("x:link", namespaces)}
                  for url in urls}
    for lang, page in all_pages(site):
        if page == EDITOR_PAGES[lang]:
            assert site.url_of(lang, page) not in alternates  # for editors only
            continue
        german, dutch = twin(page, lang, "de"), twin(page, lang, "nl")
        assert alternates[site.url_of(lang, page)] == {
            "de": site.url_of("de", german), "nl": site.url_of("nl", dutch), "x-default": site.url_of("de", german)}
        # In the head, <link rel="alternate"> would make the theme's script fetch the public
        # host's sitemap on every page view: hreflang lives in the sitemap only.
        assert not site.soup(site.file_of(lang, page)).head.find("link", rel="alternate"), (lang, page)


def test_every_dutch_page_has_a_dutch_address(site):
    for page in site.pages["de"]:
        german, dutch = page.strip("/").split("/"), twin(page, "de", "nl").strip("/").split("/")
        shared = set(german) & set(dutch) - SAME_IN_BOTH - {""}
        assert not shared, f"/nl/{twin(page, 'de', 'nl')} keeps the German {shared} of /{page}"
    assert {"succesroute/doelen/", "succesfactoren/", "colofon/", "woordenlijst/"} <= set(site.pages["nl"])


def test_language_switcher_leads_to_the_same_page(site):
    for lang, page in all_pages(site):
        file = site.file_of(lang, page)
        for other in LANGUAGES:
            link = site.soup(file).select_one(f'a.md-select__link[hreflang="{other}"]')
            assert link is not None, (file, other)
            expected = site.file_of(other, twin(page, lang, other)).removesuffix("index.html")
            assert site.resolve(file, link["href"]) == expected, (file, other)


def heading_text(heading) -> str:
    """A heading as a reader sees it, without the permalink sign."""
    return "".join(t for t in heading.find_all(string=True)
                   if not t.find_parent(class_="headerlink")).strip()


def page_title(site: Site, lang: str, page: str) -> str:
    return heading_text(site.soup(site.file_of(lang, page)).select_one("article h1"))


def nav_titles(site: Site, lang: str, page: str) -> list[str]:
    nav = site.soup(site.file_of(lang, page)).select_one("nav.md-nav--primary")
    return [item.get_text(" ", strip=True) for item in nav.select(".md-nav__link .md-ellipsis")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_speaks_the_page_language(site, lang):
    other = "nl" if lang == "de" else "de"
    own_titles = {page_title(site, lang, page) for page in site.pages[lang]}
    foreign_titles = {page_title(site, other, page) for page in site.pages[other]} - own_titles
    for page in ("start", "success-path", "practice"):
        titles = nav_titles(site, lang, page_path(page, lang))
        assert NAV_SECTION[lang] in titles
        assert not set(titles) & foreign_titles, (lang, page, set(titles) & foreign_titles)
        factor_pages = [page_path(p, lang) for p in ("success-factors", "risk-factors")]
        assert {page_title(site, lang, p) for p in factor_pages} <= set(titles)


def test_footer_links_on_every_page(site):
    expected = {
        "de": ["Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache", "Feedback per E-Mail"],
        "nl": ["Colofon", "Privacy", "Toegankelijkheid", "Eenvoudige taal", "Feedback per e-mail"],
    }
    for lang, page in all_pages(site):
        file = site.file_of(lang, page)
        links = site.soup(file).select("footer nav.site-footer-links a")
        assert [a.get_text(strip=True) for a in links] == expected[lang], file
        targets = [site.resolve(file, a["href"]) for a in links[:4]]
        assert targets == [TABLE.get(p).path[lang] for p in (*LEGAL, "easy-language")], file
        assert links[4]["href"].startswith("mailto:") and "@" in links[4]["href"]


@pytest.mark.parametrize("lang,word,of", [("de", "Schritt", "von"), ("nl", "Stap", "van")])
def test_step_pages_show_position_and_neighbours(site, lang, word, of):
    total = len(STEPS)
    pages = [page_path(TABLE.for_step(step["key"]).id, lang) for step in STEPS]
    for number, (step, page) in enumerate(zip(STEPS, pages, strict=True), start=1):
        file = site.file_of(lang, page)
        soup = site.soup(file)
        assert soup.select_one(".step-caption").get_text(strip=True) == f"{word} {number} {of} {total}"
        assert page_title(site, lang, page) == step["title"][lang]
        pager = soup.select_one("nav.step-pager")
        previous, following = pager.select_one('a[rel="prev"]'), pager.select_one('a[rel="next"]')
        if number == 1:
            assert previous is None
        else:
            assert site.resolve(file, previous["href"]) == site.file_of(lang, pages[number - 2]).removesuffix(
                "index.html")
            assert STEPS[number - 2]["title"][lang] in previous.get_text()
        if number == total:
            assert following is None
        else:
            assert STEPS[number]["title"][lang] in following.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_lists_every_step_in_order_without_javascript(site, lang):
    file = site.file_of(lang, page_path("success-path", lang))
    headings = site.soup(file).select(".step-by-step h3")
    assert [heading_text(h) for h in headings] == [
        f"{n}. {step['title'][lang]}" for n, step in enumerate(STEPS, start=1)]
    for heading, step in zip(headings, STEPS, strict=True):
        assert site.resolve(file, heading.a["href"]) == TABLE.for_step(step["key"]).path[lang]
        assert step["summary"][lang] in heading.find_next_sibling("p").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("group", ["success_factors", "risk_factors"])
def test_every_factor_has_its_section_with_a_stable_anchor(site, lang, group):
    page = page_path(TABLE.for_sections(group).id, lang)
    soup = site.soup(site.file_of(lang, page))
    for key, label in LABELS[group].items():
        heading = soup.find("h2", id=key)
        assert heading is not None, (lang, page, key)
        assert heading_text(heading) == label[lang]


def test_not_found_page_helps_both_languages(site):
    for file, lang in (("404.html", "de"), ("nl/404.html", "nl")):
        soup = site.soup(file)
        assert soup.html["lang"] == lang
        sections = {s["lang"]: s for s in soup.select(".not-found section")}
        assert set(sections) == {"de", "nl"}
        assert sections["de"].a["href"] == SITE_URL and sections["nl"].a["href"] == SITE_URL + "nl/"
    # Static hosts serve the root 404 for every missing path: its assets must load from anywhere.
    stylesheets = [link["href"] for link in site.soup("404.html").find_all("link", rel="stylesheet")]
    assert stylesheets and all(href.startswith("/") for href in stylesheets)


def test_placeholders_are_visible_on_the_pages_that_use_them(site):
    for lang in LANGUAGES:
        soup = site.soup(site.file_of(lang, page_path("imprint", lang)))
        marks = soup.select("mark.placeholder")
        assert marks, lang
        assert soup.select_one(".placeholder-notice") is not None
        word = "Platzhalter" if lang == "de" else "Nog in te vullen"
        assert all(mark.get_text().startswith(f"[{word}:") for mark in marks)


def test_sitemap_lists_both_languages_with_alternates(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    for lang, page in all_pages(site):
        assert (f"<loc>{site.url_of(lang, page)}</loc>" in sitemap) == (page != EDITOR_PAGES[lang])
    public = len(site.pages["de"]) - 1  # all but the editors' page
    assert sitemap.count('hreflang="nl"') == sitemap.count('hreflang="de"') == 2 * public


def words_of(site: Site, lang: str, page: str) -> int:
    article = site.soup(site.file_of(lang, page)).select_one("article")
    return len(re.findall(r"\w+", article.get_text(" ")))


def test_guide_text_is_long_enough_and_balanced(site):
    legal = [page_path(page, "de") for page in LEGAL]
    guide_pages = [p for p in site.pages["de"] if p not in legal and p != EDITOR_PAGES["de"]]
    counts = {page: (words_of(site, "de", page), words_of(site, "nl", twin(page, "de", "nl")))
              for page in guide_pages}
    totals = {"de": sum(de for de, _ in counts.values()), "nl": sum(nl for _, nl in counts.values())}
    assert totals["de"] >= 5000 and totals["nl"] >= 5000, totals
    assert 0.8 <= totals["nl"] / totals["de"] <= 1.25, totals
    for page, (de, nl) in counts.items():
        assert 0.7 <= nl / de <= 1.4, (page, de, nl)


def test_every_page_has_description_canonical_and_link_preview(site):
    from PIL import Image

    for lang, page in all_pages(site):
        head = site.soup(site.file_of(lang, page)).head
        meta = {tag.get("property") or tag.get("name"): tag.get("content") for tag in head.find_all("meta")}
        assert len(meta.get("description") or "") > 40, (lang, page)
        assert head.find("link", rel="canonical")["href"] == site.url_of(lang, page)
        assert meta["og:url"] == site.url_of(lang, page)
        assert meta["og:locale"] == {"de": "de_DE", "nl": "nl_NL"}[lang]
        assert meta["og:title"] and meta["og:description"] == meta["description"]
        assert meta["og:image"] == f"{SITE_URL}assets/share-{lang}.png"
    for lang in LANGUAGES:
        with Image.open(site.root / "assets" / f"share-{lang}.png") as image:
            assert image.size == (1200, 630) and image.format == "PNG"


def test_the_themes_own_words_on_dutch_pages_are_dutch(site):
    # Material's Dutch texts leave some English ("Header", "Footer"); overrides/partials/languages/nl.html.
    for page in site.pages["nl"]:
        soup = site.soup(site.file_of("nl", page))
        labels = {tag["aria-label"] for tag in soup.select("[aria-label]")}
        assert not labels & {"Header", "Footer", "Selecteer taal"}, (page, labels & {"Header", "Footer"})
    assert site.soup(site.file_of("nl", "")).select_one("header nav")["aria-label"] == "Kopregel"
