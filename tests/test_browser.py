"""What a reader sees in a real browser (Debian's Chromium driven by Playwright): accessibility,
privacy, search, language switch, keyboard use, phones and print."""
from __future__ import annotations

import re

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import LANGUAGES, ROOT, TABLE, page_path, twin

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
# WCAG 2.0/2.1 A and AA, plus axe's best practices (aria-dialog-name among them).
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
           "resultTypes": ["violations"]}
LABELS = yaml.safe_load((ROOT / "data" / "labels.yaml").read_text(encoding="utf-8"))
PILOTS = yaml.safe_load((ROOT / "data" / "pilots.yaml").read_text(encoding="utf-8"))["pilots"]
OVERVIEW = {lang: page_path("pilots", lang) for lang in LANGUAGES}


class Reader:
    """A browser tab that refuses and records every request to another host, and console errors."""

    def __init__(self, browser, base: str, **context_options):
        self.base = base
        self.context = browser.new_context(**context_options)
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        url = route.request.url
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
    for page in [*site.pages[lang], "404.html"]:
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


def search(page, query: str) -> list[dict]:
    page.keyboard.press("/")
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return page.eval_on_selector_all(
        ".md-search-result__item a", "links => links.map(a => ({href: a.href, text: a.innerText}))")


@pytest.mark.parametrize("lang,query", [("de", "Vertrauen"), ("nl", "vertrouwen")])
def test_search_finds_the_trust_section_in_the_page_language_only(reader, lang, query):
    page = reader.open(lang_path(lang, "risikofaktoren/"))
    results = search(page, query)
    hrefs = [result["href"] for result in results]
    assert any(re.search(rf"{'/nl' if lang == 'nl' else ''}/erfolgsfaktoren/\?h=[^#]*#trust$", h) for h in hrefs), hrefs
    in_dutch = ["/nl/" in href for href in hrefs]
    assert all(in_dutch) if lang == "nl" else not any(in_dutch), hrefs


@pytest.mark.parametrize("lang,query,step", [("de", "Partnerschaften", "partnerschaft"),
                                             ("nl", "samenwerkingen", "vereinbarung")])
def test_search_finds_inflected_forms_by_their_stem(reader, lang, query, step):
    # The step pages' titles have the singular only ("Partnerschaft …", "Samenwerking …").
    page = reader.open(lang_path(lang, "projekt/"))
    hrefs = [result["href"] for result in search(page, query)]
    step_page = reader.base + lang_path(lang, f"erfolgsweg/{step}/")
    assert any(href.startswith(step_page + "?") for href in hrefs), hrefs
    assert not page.locator(".md-search-result del").count(), "a stemmed term is shown as missing"


@pytest.mark.parametrize("page_de", ["erfolgsweg/kennenlernen/", f"{OVERVIEW['de']}{PILOTS[0]['id']}/"])
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


def test_keyboard_search(reader):
    page = reader.open("praxis/")
    page.keyboard.press("/")
    page.keyboard.type("Ausdauer")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("() => document.activeElement.href")
    assert target and "/praxis/" not in target
    page.keyboard.press("Enter")
    page.wait_for_url(target)


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
        assert page.url == served_site + f"nl/{OVERVIEW['nl']}"
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
    page = reader.open(OVERVIEW["de"])
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
        page = tab.open(f"nl/{OVERVIEW['nl']}")
        assert page.locator("li.pilot-card:visible").count() == len(PILOTS)
        assert not page.locator("form.pilot-filter").is_visible()
        overview = tab.open("erfolgsweg/")
        assert overview.locator(".step-by-step h3:visible").count() == len(LABELS["steps"])
    finally:
        tab.close()


SHOTS = {"start": "", "step": "erfolgsweg/kennenlernen/", "overview": OVERVIEW["de"],
         "pilot": f"{OVERVIEW['de']}{PILOTS[0]['id']}/"}


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
    page = reader.open(lang_path(lang, page_path("self-check", lang)))
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
    risk_factors = page_path(TABLE.for_sections("risk_factors").id, lang)
    assert link.get_attribute("href").endswith(f"{risk_factors}#language")
    assert not reader.external and not reader.errors


def test_partnership_check_without_javascript_is_a_checklist_that_sends_nothing(browser, served_site):
    tab = Reader(browser, served_site, java_script_enabled=False)
    try:
        page = tab.open(page_path("self-check", "de"))
        assert page.locator("fieldset legend").count() == len(SELFCHECK["questions"])
        assert not page.locator("form[data-selfcheck] button[type=submit]").is_visible()
        assert page.get_attribute("form[data-selfcheck]", "method") == "dialog"
    finally:
        tab.close()


def test_an_old_browser_without_resize_observer_loads_nothing_from_another_host(browser, served_site):
    # The theme would fetch a polyfill from unpkg.com; our stand-in runs first.
    tab = Reader(browser, served_site)
    try:
        tab.context.add_init_script("delete window.ResizeObserver")
        page = tab.open("erfolgsweg/ziele/")
        page.wait_for_timeout(500)
        assert page.evaluate("typeof ResizeObserver") == "function"
        assert not tab.external and not tab.errors, (tab.external, tab.errors)
    finally:
        tab.close()


VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_breaks_its_content_security_policy_even_when_used(browser, served_site, lang):
    """Every page loaded, and the interactive ones used: no violation, nothing loaded from elsewhere."""
    phone = Reader(browser, served_site, viewport={"width": 390, "height": 844})
    desktop = Reader(browser, served_site, viewport={"width": 1280, "height": 900})
    problems = []
    try:
        for tab in (phone, desktop):
            tab.context.add_init_script(VIOLATIONS)
        for page in [*desktop_pages(lang)]:
            view = desktop.open(lang_path(lang, page))
            problems += [f"/{lang_path(lang, page)}: {v}" for v in view.evaluate("window.__violations")]
        view = desktop.open(lang_path(lang, OVERVIEW[lang]))
        view.select_option("#filter-step", index=1)
        view = desktop.open(lang_path(lang, page_path("self-check", lang)))
        for fieldset in view.query_selector_all("fieldset[data-factor]"):
            fieldset.query_selector('input[value="2"]').check()
        view.click("form[data-selfcheck] button[type=submit]")
        view.wait_for_selector(".selfcheck-result:not([hidden])")
        problems += [f"self-check: {v}" for v in view.evaluate("window.__violations")]
        view = desktop.open(lang_path(lang, page_path("practice", lang)))
        view.hover("a.glossary-term")
        problems += [f"glossary: {v}" for v in view.evaluate("window.__violations")]
        view = phone.open(lang_path(lang, page_path("practice", lang)))
        view.click('label.md-header__button[for="__drawer"]')
        view.wait_for_timeout(300)
        problems += [f"phone menu: {v}" for v in view.evaluate("window.__violations")]
        problems += [f"request to another host: {url}" for tab in (phone, desktop) for url in tab.external]
    finally:
        phone.close()
        desktop.close()
    assert not problems, "\n".join(problems)


def desktop_pages(lang: str) -> list[str]:
    return [page.path[lang].removeprefix("nl/" if lang == "nl" else "") for page in TABLE][:40]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_feedback_form_composes_an_email_and_sends_nothing(reader, lang):
    page = reader.open(lang_path(lang, page_path("accessibility", lang)))
    form = page.locator("form.feedback-form")
    assert form.is_visible()
    problem = form.locator("textarea[name=problem]")
    form.locator("button[type=submit]").click()
    # An empty description is refused with a message tied to the field, and the field gets focus.
    assert problem.evaluate("t => t === document.activeElement")
    assert problem.get_attribute("aria-invalid") == "true"
    assert page.locator("#" + problem.get_attribute("aria-describedby")).is_visible()
    form.locator("input[name=page]").fill("/praxis/")
    problem.fill("Die Karte ist mit der Tastatur schwer zu bedienen & zu lesen.")
    form.locator("button[type=submit]").click()
    link = form.locator(".feedback-form__status a")
    link.wait_for()
    href = link.get_attribute("href")
    assert href.startswith("mailto:thomas.melchert@hwk-muenster.de?subject=")
    assert "%2Fpraxis%2F" in href and "schwer%20zu%20bedienen%20%26%20zu%20lesen" in href
    assert not reader.external, "the form must not send anything to a server"


def test_without_scripts_the_feedback_form_leaves_a_mail_link(browser, served_site):
    tab = Reader(browser, served_site, java_script_enabled=False)
    try:
        page = tab.open("nl/" + page_path("accessibility", "nl"))
        assert not page.locator("form.feedback-form").is_visible()
        fallback = page.locator(".feedback-fallback a")
        assert fallback.is_visible() and fallback.get_attribute("href").startswith("mailto:")
    finally:
        tab.close()
