"""What a reader sees in a real browser (Debian's Chromium driven by Playwright): accessibility,
privacy, language switch, keyboard use, phones and print. The search has its own tests
(tests/test_search.py)."""
from __future__ import annotations

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import LANGUAGES, ROOT, twin

SCREENSHOTS = ROOT / "test-output" / "screenshots"
# WCAG 2.0/2.1 A and AA, plus axe's best practices (aria-dialog-name among them).
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
           "resultTypes": ["violations"]}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
PILOTS = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))["pilots"]
FOLDER = LABELS["ui"]["pilots_folder"]


class Reader:
    """A browser tab that refuses and records every request to another host, and console errors;
    it also keeps the addresses of all requests."""

    def __init__(self, browser, base: str, **context_options):
        self.base = base
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith((self.base, "data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, path: str):
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def reader(browser, served_site):
    tab = Reader(browser, served_site, viewport={"width": 1280, "height": 900})
    yield tab
    tab.close()


def lang_path(lang: str, page: str) -> str:
    return ("" if lang == "de" else "nl/") + page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_accessible_private_and_error_free(site, reader, lang):
    axe = Axe()
    problems = []
    for page in site.pages[lang] + (["404.html"] if lang == "de" else ["404.html"]):
        path = lang_path(lang, page)
        reader.open(path)
        for violation in axe.run(reader.page, options=WCAG_AA).response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            problems.append(f"/{path}: {violation['id']} ({violation['impact']}) at {targets}")
        problems += [f"/{path}: request to another host: {url}" for url in reader.external]
        problems += [f"/{path}: console error: {error}" for error in reader.errors]
        reader.external.clear()
        reader.errors.clear()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page_de", ["erfolgsweg/kennenlernen/", f"{FOLDER['de']}/{PILOTS[0]['id']}/"])
def test_language_switch_lands_on_the_twin(reader, page_de):
    page = reader.open(page_de)
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="nl"]')
    page.wait_for_load_state()
    assert page.url == reader.base + "nl/" + twin(page_de, "de", "nl")
    page.hover(".md-header__option .md-select")
    page.click('a.md-select__link[hreflang="de"]')
    page.wait_for_load_state()
    assert page.url == reader.base + page_de


def test_keyboard_skip_link_and_visible_focus(reader):
    page = reader.open("erfolgsweg/ziele/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert skip.evaluate("a => a === document.activeElement") and skip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")  # the skip link jumps to the content
    for _ in range(3):
        page.keyboard.press("Tab")
    focused_outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
    assert focused_outline[0] != "none" or focused_outline[2] != "none", focused_outline


def test_phone_navigation_drawer(browser, served_site):
    phone = Reader(browser, served_site, viewport={"width": 390, "height": 844}, is_mobile=True,
                   has_touch=True)
    try:
        page = phone.open("nl/")
        assert not page.locator(".md-sidebar--primary").is_visible() or \
            page.locator(".md-sidebar--primary").bounding_box()["x"] < 0
        page.click('label.md-header__button[for="__drawer"]')
        link = page.locator('.md-sidebar--primary a.md-nav__link', has_text=LABELS["ui"]["pilots_title"]["nl"])
        link.wait_for(state="visible")
        link.click()
        page.wait_for_load_state()
        assert page.url == served_site + f"nl/{FOLDER['nl']}/"
        assert not phone.external and not phone.errors
    finally:
        phone.close()


def test_phone_menu_opens_by_keyboard(browser, served_site):
    phone = Reader(browser, served_site, viewport={"width": 390, "height": 844})
    try:
        page = phone.open("praxis/")
        button = page.locator('label.md-header__button[for="__drawer"]')
        for _ in range(6):
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        assert button.evaluate("b => b === document.activeElement"), "the menu button is reachable by Tab"
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        focused = page.locator(".md-sidebar--primary .md-nav__link:focus")
        focused.wait_for(state="visible")
        page.keyboard.press("Enter")
        page.wait_for_url(served_site)  # the first entry of the menu: the start page
    finally:
        phone.close()


def test_print_shows_the_chapter_without_navigation_or_search(reader):
    page = reader.open("risikofaktoren/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()


def test_pilot_filters_work_by_keyboard_and_announce_the_count(reader):
    page = reader.open(f"{FOLDER['de']}/")
    assert page.locator("form.pilot-filter").is_visible()
    page.focus("#filter-step")
    page.keyboard.press("ArrowDown")  # first step that a pilot has reached
    chosen = page.eval_on_selector("#filter-step", "s => s.value")
    expected = sum(1 for pilot in PILOTS if pilot["step_reached"] == chosen)
    assert page.locator("li.pilot-card:visible").count() == expected
    status = page.locator('.pilot-filter__result[role="status"]').inner_text()
    assert status.startswith(f"{expected} von {len(PILOTS)} ")
    page.click("form.pilot-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('li.pilot-card:not([hidden])').length == {len(PILOTS)}")


def test_without_javascript_every_pilot_card_shows_and_the_filters_hide(browser, served_site):
    tab = Reader(browser, served_site, java_script_enabled=False)
    try:
        page = tab.open(f"nl/{FOLDER['nl']}/")
        assert page.locator("li.pilot-card:visible").count() == len(PILOTS)
        assert not page.locator("form.pilot-filter").is_visible()
        overview = tab.open("erfolgsweg/")
        assert overview.locator(".step-by-step h3:visible").count() == len(LABELS["steps"])
    finally:
        tab.close()


SHOTS = {"start": "", "step": "erfolgsweg/kennenlernen/", "overview": f"{FOLDER['de']}/",
         "pilot": f"{FOLDER['de']}/{PILOTS[0]['id']}/"}


@pytest.mark.parametrize("device,viewport", [("desktop", (1280, 900)), ("phone", (390, 844))])
def test_screenshots_for_review(browser, served_site, device, viewport):
    """Writes test-output/screenshots/<page>-<lang>-<device>.png for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab = Reader(browser, served_site, viewport={"width": viewport[0], "height": viewport[1]})
    try:
        for name, page_de in SHOTS.items():
            for lang in LANGUAGES:
                target = SCREENSHOTS / f"{name}-{lang}-{device}.png"
                tab.open(lang_path(lang, twin(page_de, "de", lang))).screenshot(path=str(target), full_page=True)
                assert target.stat().st_size > 10_000
        assert not tab.external and not tab.errors
    finally:
        tab.close()


SELFCHECK = yaml.safe_load((ROOT / "data" / "selfcheck.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partnership_check_scores_fixed_answers_in_the_browser(reader, lang):
    page = reader.open(lang_path(lang, "check/"))
    answers = {"trust": 3, "endurance": 3, "language": 0, "dependence": 0}
    for fieldset in page.query_selector_all("fieldset[data-factor]"):
        value = answers.get(fieldset.get_attribute("data-factor"), 2)
        fieldset.query_selector(f'input[value="{value}"]').check()
    page.keyboard.press("Tab")
    page.click("form[data-selfcheck] button[type=submit]")
    result = page.locator(".selfcheck-result")
    assert result.is_visible()
    assert page.evaluate("document.activeElement.id") == "selfcheck-result-title"
    assert result.locator('[role="status"]').inner_text().startswith(
        {"de": f"Sie haben {len(SELFCHECK['questions'])} von", "nl": f"U hebt {len(SELFCHECK['questions'])} van"}[lang])
    strongest = result.locator(".selfcheck-result__strongest > li").evaluate_all(
        "items => items.map(i => i.getAttribute('data-factor'))")
    weakest = result.locator(".selfcheck-result__weakest > li").evaluate_all(
        "items => items.map(i => i.getAttribute('data-factor'))")
    assert strongest == ["trust", "endurance"] and weakest == ["language", "dependence"]
    link = result.locator('.selfcheck-result__weakest > li[data-factor="language"] > a')
    assert link.get_attribute("href").endswith("risikofaktoren/#language")
    assert not reader.external and not reader.errors


def test_partnership_check_without_javascript_is_a_checklist_that_sends_nothing(browser, served_site):
    tab = Reader(browser, served_site, java_script_enabled=False)
    try:
        page = tab.open("check/")
        assert page.locator("fieldset legend").count() == len(SELFCHECK["questions"])
        assert not page.locator("form[data-selfcheck] button[type=submit]").is_visible()
        assert page.get_attribute("form[data-selfcheck]", "method") == "dialog"
    finally:
        tab.close()
