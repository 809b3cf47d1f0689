"""The site's search as readers use it, in Debian's Chromium: Pagefind's index made by the build and
the search field in the header, in both languages, on desktop and at phone width."""
from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import EDITOR_PAGES, LANGUAGES, ROOT, page_path
from search_eval import load_queries, report, run_queries, success_rate
from test_browser import WCAG_AA, Reader, lang_path

FLOOR = 0.95  # share of the query set with a right page among the first five results, per language
REPORT = ROOT / "test-output" / "search-queries.txt"
UI = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DEVICES = {"desktop": DESKTOP, "phone": PHONE}
# A query per language, the pages that count as the right first result, and a section it must offer.
TRUST = {lang: (word, [page_path("getting-acquainted", lang), page_path("success-factors", lang)])
         for lang, word in (("de", "Vertrauen"), ("nl", "vertrouwen"))}
LANGUAGE_SECTION = {lang: (word, page_path("risk-factors", lang) + "#language")
                    for lang, word in (("de", "Sprachbarrieren"), ("nl", "taalbarrières"))}


def results(page) -> list[str]:
    return page.eval_on_selector_all("#ww-search .md-search-result__link", "links => links.map(a => a.href)")


# On phones the theme keeps the closed field in a box of no size (the field is still in the tab order).
# Waits poll functions, never strings: the site's Content Security Policy forbids evaluating strings.
SHOWN = "(() => document.querySelector('#ww-search .md-search__inner').getBoundingClientRect().width > 100)()"


def type_query(page, query: str, device: str) -> None:
    if device == "phone":
        assert not page.evaluate(SHOWN), "the field opens from the magnifier on phones"
        page.click('label.md-header__button[for="__search"]')
        # The theme locks the page's scrolling 0.4 s after the field opens; the page moves then.
        page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")
    else:
        page.click("#ww-search input")
    page.wait_for_function("() => document.activeElement.type === 'search'")
    page.keyboard.type(query)
    page.wait_for_selector("#ww-search .md-search-result__item", timeout=15000)


def in_language(url: str, base: str, lang: str) -> bool:
    path = url[len(base):] if url.startswith(base) else None
    return path is not None and (path.startswith("nl/") if lang == "nl" else not path.startswith("nl/"))


@pytest.fixture
def tab(browser, served_site):
    tabs = []

    def open_tab(device: str = "desktop") -> Reader:
        tabs.append(Reader(browser, served_site, **DEVICES[device]))
        return tabs[-1]
    yield open_tab
    for opened in tabs:
        opened.close()


# --- The index -----------------------------------------------------------------------------------

def test_each_language_has_an_index_of_its_readers_pages(site):
    for lang in LANGUAGES:
        entry = json.loads((site.root / "pagefind" / lang / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(entry["languages"]) == {lang}
        readers_pages = [page for page in site.pages[lang] if page != EDITOR_PAGES[lang]]
        assert entry["languages"][lang]["page_count"] == len(readers_pages), lang
        for page in readers_pages:
            # Exactly the article text: not the navigation, the header or the footer.
            bodies = site.soup(site.file_of(lang, page)).select("[data-pagefind-body]")
            assert len(bodies) == 1 and bodies[0].find_parent("article"), (lang, page)
    # Only the JavaScript API is shipped, not Pagefind's ready-made interfaces.
    assert not list((site.root / "pagefind").glob("*/pagefind-*ui*"))


def test_nothing_edits_the_themes_search_code(site):
    import material
    theme = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    workers = sorted((site.root / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    assert workers and all(w.read_bytes() == (theme / w.name).read_bytes() for w in workers)
    assert not list(site.root.rglob("search_index.json")), "the theme's search plugin is back"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_query_set_finds_the_right_pages(tab, lang):
    reader = tab()
    page = reader.open(lang_path(lang, ""))
    outcomes = run_queries(page, lang, load_queries()[lang])
    text = report(lang, outcomes)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    with REPORT.open("w" if lang == LANGUAGES[0] else "a", encoding="utf-8") as file:
        file.write(text + "\n")
    print(text)
    assert len(outcomes) >= 30
    assert success_rate(outcomes) >= FLOOR, text
    other = [(o.query, url) for o in outcomes for url in o.found if url.startswith("../")]
    assert not other, f"results from the other language: {other}"
    assert not reader.external and not reader.errors


def tooltip_only_words(site, lang: str) -> list[tuple[str, str]]:
    """(word, page): a long word that stands in a glossary tooltip on a chapter page and nowhere else
    in that page's text, not even with the same beginning (the stemmer could match it)."""
    pairs = []
    for page in site.pages[lang]:
        body = site.soup(site.file_of(lang, page)).select_one("[data-pagefind-body]")
        if body is None or page == page_path("glossary", lang):
            continue
        tips = " ".join(tip.get_text(" ") for tip in body.select(".glossary-tip"))
        text = " ".join(node for node in body.find_all(string=True)
                        if not node.find_parent(class_="glossary-tip")).lower()
        for word in sorted(set(re.findall(r"[^\W\d_]{10,}", tips))):
            if word.lower()[:6] not in text:
                pairs.append((word, page))
                break
    return pairs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_tooltips_and_the_editors_page_are_not_searched(site, tab, lang):
    pairs = tooltip_only_words(site, lang)[:6]
    assert len(pairs) >= 3, "too few glossary tooltips on chapter pages to test with"
    status_title = site.soup(site.file_of(lang, EDITOR_PAGES[lang])).select_one("article h1").get_text(strip=True)
    queries = [{"query": word, "kind": "", "pages": []} for word, _ in pairs]
    queries.append({"query": status_title.rstrip("¶"), "kind": "", "pages": []})
    outcomes = run_queries(tab().open(lang_path(lang, "")), lang, queries)
    found_by_tooltip = [(word, page) for (word, page), outcome in zip(pairs, outcomes[:-1], strict=True)
                        if page in outcome.found]
    assert not found_by_tooltip, "pages found by the text of a glossary tooltip"
    assert EDITOR_PAGES[lang] not in outcomes[-1].found


# --- The search field ----------------------------------------------------------------------------

FIELD = "#ww-search input"
RESULT = "#ww-search .md-search-result__item"
STATUS = "#ww-search .md-search-result__meta"


def test_search_field_is_in_the_header_labelled_in_the_page_language(site):
    for lang in LANGUAGES:
        for page in site.pages[lang]:
            soup = site.soup(site.file_of(lang, page))
            landmark = soup.select_one(".md-header [role=search]")
            assert landmark is not None and landmark.get("aria-label") == UI["search_label"][lang], (lang, page)
            field = landmark.select_one("input[type=search]")
            assert field["aria-label"] == UI["search_label"][lang]
            assert field["placeholder"] == UI["search_placeholder"][lang]
            # Nothing to submit (and a form named "search" would start the theme's search).
            assert landmark.select_one("form") is None
            assert not soup.select("[data-md-component=search]"), "the theme's own search must not mount"


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_typing_shows_results_in_the_page_language_and_enter_opens_the_first(tab, lang, device):
    reader = tab(device)
    page = reader.open(lang_path(lang, page_path("project", lang)))
    assert not [url for url in reader.requests if "/pagefind/" in url or "search" in url.rsplit("/", 1)[-1]], \
        "the search loads on first use, not with the page"
    query, right_pages = TRUST[lang]
    type_query(page, query, device)
    hrefs = results(page)
    assert hrefs and all(in_language(href, reader.base, lang) for href in hrefs), hrefs
    first = page.locator(RESULT).first
    assert first.locator(".md-search-result__teaser mark").first.inner_text().lower().startswith(query[:6].lower())
    count = int(re.search(r"\d+", page.inner_text(STATUS)).group())
    assert page.locator(RESULT).count() == min(count, 10)
    page.keyboard.press("Enter")
    page.wait_for_url(hrefs[0])
    assert urlsplit(page.url).path.removeprefix("/nl").lstrip("/") in right_pages
    assert not [url for url in reader.requests if "/workers/search" in url or "/lunr/" in url]
    assert not reader.external and not reader.errors


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_click_on_a_section_opens_it(tab, lang, device):
    reader = tab(device)
    page = reader.open(lang_path(lang, ""))
    query, section = LANGUAGE_SECTION[lang]
    type_query(page, query, device)
    target = reader.base + lang_path(lang, section)
    page.click(f'#ww-search .md-search-result__link[href$="{section}"]')
    page.wait_for_url(target)
    assert page.locator("#language").is_visible()
    assert not reader.external and not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyboard_only(tab, lang):
    reader = tab()
    page = reader.open(lang_path(lang, page_path("self-check", lang)))
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.type") == "search"
    query, _ = TRUST[lang]
    page.keyboard.type(query)
    page.wait_for_selector(RESULT)
    hrefs = results(page)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == hrefs[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    chosen = page.evaluate("document.activeElement.href")
    assert chosen == hrefs[1]
    # Escape goes back to the field and closes the list; typing again brings it back.
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.type") == "search"
    assert not page.locator(RESULT).count() and not page.inner_text(STATUS)
    assert not page.is_checked("#__search")
    page.keyboard.press("End")
    page.keyboard.type(" ")
    page.wait_for_selector(RESULT)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(chosen)
    # "/" from anywhere on the next page, too.
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.type") == "search"
    assert not reader.external and not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_field_opens_by_tab_and_by_finger_and_escape_closes_it(tab, lang):
    reader = tab("phone")
    page = reader.open(lang_path(lang, page_path("practice", lang)))
    assert not page.evaluate(SHOWN)
    for _ in range(12):  # the field is in the tab order: reaching it opens it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "search":
            break
    assert page.evaluate("document.activeElement.type") == "search"
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.wait_for_function(f"() => {SHOWN}")
    page.keyboard.type(TRUST[lang][0])
    page.wait_for_selector(RESULT)
    page.keyboard.press("Escape")
    assert not page.locator(RESULT).count() and not page.is_checked("#__search")
    assert page.evaluate("document.activeElement.type") != "search"
    page.wait_for_function(f"() => !{SHOWN}")
    # A finger: the magnifier opens it, the back arrow closes it.
    page.click('label.md-header__button[for="__search"]')
    page.wait_for_function(f"() => {SHOWN}")
    assert page.evaluate("document.activeElement.type") == "search"
    # The theme locks the page's scrolling 0.4 s after the field opens; the page moves then.
    page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")
    page.click('#ww-search label.md-search__icon')
    page.wait_for_function(f"() => !{SHOWN}")
    assert not reader.external and not reader.errors


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accessibility_violations_with_results_open(tab, lang, device):
    reader = tab(device)
    page = reader.open(lang_path(lang, page_path("success-path", lang)))
    type_query(page, TRUST[lang][0], device)
    page.keyboard.press("ArrowDown")  # a focused result, as a keyboard user sees it
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    status = page.inner_text(STATUS)
    assert re.fullmatch(UI["search_more"][lang].replace("{count}", r"\d+").replace("{shown}", "10"), status) \
        or re.fullmatch(UI["search_many"][lang].replace("{count}", r"\d+"), status), status
    hint = page.get_attribute(FIELD, "aria-describedby")
    assert page.inner_text(f"#{hint}") == UI["search_hint"][lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_query_without_results_says_so(tab, lang):
    page = tab().open(lang_path(lang, ""))
    page.click(FIELD)
    page.keyboard.type("Xylophonquartett")
    expected = UI["search_none"][lang].replace("{query}", "Xylophonquartett")
    page.wait_for_function("text => document.querySelector('#ww-search .md-search-result__meta').textContent === text",
                           arg=expected)
    assert not page.locator(RESULT).count()


# --- Any static host -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sub_path_site(site):
    """The built folder served below /wegweiser/, as on a host that puts the site in a folder."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            if not path.startswith("/wegweiser/"):
                return str(Path(site.root) / "missing")
            return super().translate_path(path[len("/wegweiser"):])

        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site.root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/wegweiser/"
    server.shutdown()
    server.server_close()


def test_search_works_below_a_sub_path(browser, sub_path_site):
    reader = Reader(browser, sub_path_site, **DESKTOP)
    try:
        page = reader.open("nl/" + page_path("goals", "nl"))
        type_query(page, "vertrouwen", "desktop")
        hrefs = results(page)
        assert all(href.startswith(sub_path_site + "nl/") for href in hrefs), hrefs
        page.keyboard.press("Enter")
        page.wait_for_url(hrefs[0])
        assert page.locator("article h1").is_visible()
        assert not reader.external and not reader.errors
    finally:
        reader.close()
